package main

// Extractions made elsewhere: what `kg extract --for-load` writes and
// `kg ingest --extracted` and `kg export --extracted` read back.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/ner"
)

// version is kg's version as printed in report.kg_version; set it at link
// time with -ldflags "-X main.version=v1.2.3". When unset, it is what Go
// stamped into the build (see kgVersion).
var version = ""

// kgVersion is the version of this kg: main.version when set at link time,
// else the module version Go stamped into the build ("devel" for a build
// from a checkout) with the VCS revision when the build has it (go build
// -buildvcs=true in a git checkout; "-dirty" when the tree had changes).
func kgVersion() string {
	if version != "" {
		return version
	}
	v := "devel"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if mv := bi.Main.Version; mv != "" && mv != "(devel)" {
		v = mv
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += "+" + rev
		if dirty {
			v += "-dirty"
		}
	}
	return v
}

// modelVersion is the version of the recogniser's embedded weights
// (nlp/ner/data/MODEL.md's first line).
func modelVersion() (string, error) {
	t, err := ner.Default()
	if err != nil {
		return "", err
	}
	return t.Version(), nil
}

// Failure kinds of an extraction that cannot be loaded (beside
// input.KindMalformed, input.KindTooLarge, input.KindNotFound…).
const (
	failNoText       = "no text"       // made without --for-load
	failHashMismatch = "hash mismatch" // report.hash is not the sha256 of report.text
	failOtherVersion = "other version" // made by another kg or model version, without --force
)

// extractedError is one record (or file) that cannot be loaded, with its
// kind for the summary.
type extractedError struct {
	kind string
	msg  string
}

func (e *extractedError) Error() string { return e.msg }

// failureKind is the summary's kind of an error of readExtracted.
func failureKind(err error) string {
	var ee *extractedError
	if errors.As(err, &ee) {
		return ee.kind
	}
	var ie *input.Error
	if errors.As(err, &ie) {
		return string(ie.Kind)
	}
	return failNotExtracted
}

// extractedOptions configure readExtracted.
type extractedOptions struct {
	// MaxBytes bounds one line (one record): larger lines fail as too
	// large.
	MaxBytes int64
	// NoText accepts records without report.text (loaded as kg ingest
	// --no-text would load them: the hash is trusted, the evidence texts
	// are taken as written).
	NoText bool
	// Force accepts records made by another kg or model version.
	Force bool
	// Warn is told, once per version, of records of another version
	// loaded with Force.
	Warn func(string)
}

// extractedReader reads the records of kg extract --for-load.
type extractedReader struct {
	opt          extractedOptions
	kg, model    string
	seenVersions map[string]bool
	fn           func(where string, x *doc.Extraction, text string, err error) error
}

// readExtracted reads the JSON Lines of kg extract --for-load in paths
// (files, gzip-compressed or not; directories, walked in lexical order for
// *.jsonl, *.ndjson, *.json and the same with .gz, hidden ones skipped; "-"
// for stdin) and calls fn with each record's extraction and raw text, or
// with an error saying in one line why a record or a file cannot be
// loaded. Only fn's errors (and ctx's) stop it.
func readExtracted(ctx context.Context, paths []string, stdin io.Reader, opt extractedOptions,
	fn func(where string, x *doc.Extraction, text string, err error) error) error {
	model, err := modelVersion()
	if err != nil {
		return fmt.Errorf("the recogniser's model: %w", err)
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 8 * input.DefaultMaxBytes
	}
	r := &extractedReader{opt: opt, kg: kgVersion(), model: model, seenVersions: map[string]bool{}, fn: fn}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.path(ctx, p, stdin); err != nil {
			return err
		}
	}
	return nil
}

func (r *extractedReader) fail(where string, err error) error { return r.fn(where, nil, "", err) }

func (r *extractedReader) path(ctx context.Context, p string, stdin io.Reader) error {
	if p == "-" {
		if stdin == nil {
			return r.fail("stdin", &input.Error{Path: "-", Kind: input.KindUnreadable, Reason: "no standard input"})
		}
		return r.stream(ctx, "-", stdin)
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(input.DisplayPath(p), &input.Error{Path: p, Kind: input.KindNotFound, Reason: "cannot read", Err: unwrapPath(err)})
	}
	if !info.IsDir() {
		return r.file(ctx, p)
	}
	var files []string
	walkErr := filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return r.fail(input.DisplayPath(q), &input.Error{Path: q, Kind: input.KindUnreadable, Reason: "cannot read", Err: unwrapPath(err)})
		}
		name := d.Name()
		if q != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isExtractedFile(name) {
			files = append(files, q)
		}
		return nil
	})
	if walkErr != nil {
		return walkErr
	}
	for _, f := range files { // WalkDir is lexical already
		if err := r.file(ctx, f); err != nil {
			return err
		}
	}
	return nil
}

// isExtractedFile: the files of a directory that hold extractions.
func isExtractedFile(name string) bool {
	n := strings.ToLower(strings.TrimSuffix(strings.ToLower(name), ".gz"))
	return strings.HasSuffix(n, ".jsonl") || strings.HasSuffix(n, ".ndjson") || strings.HasSuffix(n, ".json")
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *extractedReader) file(ctx context.Context, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(input.DisplayPath(p), &input.Error{Path: p, Kind: input.KindUnreadable, Reason: "cannot read", Err: unwrapPath(err)})
	}
	defer f.Close()
	return r.stream(ctx, p, f)
}

// stream reads one file of records, gunzipping it when it is gzip.
func (r *extractedReader) stream(ctx context.Context, p string, rd io.Reader) error {
	name := input.DisplayPath(p)
	br := bufio.NewReaderSize(rd, 1<<20)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.fail(name, &input.Error{Path: p, Kind: input.KindUnreadable, Reason: "cannot read gzip", Err: err})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<20)
	}
	var line []byte
	for n := 1; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var over bool
		var err error
		line, over, err = readLine(br, line[:0], r.opt.MaxBytes)
		where := fmt.Sprintf("%s:%d", name, n)
		if over {
			if ferr := r.fail(where, &input.Error{Path: p, Line: n, Kind: input.KindTooLarge,
				Reason: fmt.Sprintf("too large: the line is over the limit of %d bytes", r.opt.MaxBytes)}); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			if ferr := r.record(where, line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.fail(where, &input.Error{Path: p, Line: n, Kind: input.KindUnreadable, Reason: "cannot read", Err: err})
		}
	}
}

// readLine reads one line (without its end) into buf; a line over limit
// is skipped to its end and reported as over.
func readLine(br *bufio.Reader, buf []byte, limit int64) ([]byte, bool, error) {
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			if int64(len(buf)+len(chunk)) > limit+1 {
				over, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		return buf, over, err
	}
}

// record checks and hands on one record.
func (r *extractedReader) record(where string, line []byte) error {
	var x doc.Extraction
	if err := json.Unmarshal(line, &x); err != nil {
		return r.fail(where, &extractedError{string(input.KindMalformed), where + ": malformed JSON: " + err.Error()})
	}
	rep := &x.Report
	id := strings.TrimSpace(rep.ID)
	if id == "" {
		return r.fail(where, &extractedError{string(input.KindMalformed), where + ": not an extraction: no report.id"})
	}
	shown := fmt.Sprintf("report %s", quoteID(id))
	text := rep.Text
	rep.Text = "" // held once, in the item
	if text == "" {
		if !r.opt.NoText || rep.Hash == "" {
			return r.fail(where, &extractedError{failNoText, fmt.Sprintf("%s: %s has no report.text: extract with kg extract --for-load (or load with --no-text, which needs report.hash)", where, shown)})
		}
	} else {
		sum := sha256.Sum256([]byte(text))
		if h := hex.EncodeToString(sum[:]); rep.Hash != "" && !strings.EqualFold(rep.Hash, h) {
			return r.fail(where, &extractedError{failHashMismatch, fmt.Sprintf("%s: %s: report.hash %.12s… is not the sha256 of report.text (%.12s…): the record was altered", where, shown, rep.Hash, h)})
		}
	}
	if rep.KGVersion != r.kg || rep.ModelVersion != r.model {
		v := fmt.Sprintf("kg %s with model %s", orUnknown(rep.KGVersion), orUnknown(rep.ModelVersion))
		first := !r.seenVersions[v]
		r.seenVersions[v] = true
		if !r.opt.Force {
			msg := fmt.Sprintf("%s: %s was extracted by %s, not by this kg (%s with model %s): not loaded; --force loads it", where, shown, v, r.kg, r.model)
			if !first {
				msg = "" // said once per version; counted
			}
			return r.fail(where, &extractedError{failOtherVersion, msg})
		}
		if first && r.opt.Warn != nil {
			r.opt.Warn(fmt.Sprintf("%s: warning: extracted by %s, not by this kg (%s with model %s): loaded as --force says (so is every record of that version)", where, v, r.kg, r.model))
		}
	}
	rep.KGVersion, rep.ModelVersion = "", ""
	return r.fn(where, &x, text, nil)
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

// quoteID shows a report id in a message on one line.
func quoteID(id string) string {
	if strings.ContainsFunc(id, func(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }) {
		return fmt.Sprintf("%q", id)
	}
	return id
}
