// Package input reads the reports that analysts feed kg and hands them out
// one at a time.
//
// Read walks a list of paths — files, directories and "-" for standard input
// — and calls a function once per report, or once per bad input with an
// *Error that says in one line what is wrong. A bad input never stops the
// batch; only the callback can.
//
// # Inputs
//
//   - Text files (.txt, .text, .md): one report per file. The encoding is
//     detected: UTF-8 (with or without BOM), UTF-16LE/BE (with a BOM, or
//     without one when the bytes show the UTF-16 pattern), GB18030 (which
//     covers GBK and GB2312) or Big5. See [Report.Encoding].
//   - HTML files (.html, .htm, or any text whose content starts with
//     "<!DOCTYPE html" or "<html"): decoded (a <meta charset> is respected),
//     reduced to the article text, with the title taken from the page.
//   - JSON Lines files (.jsonl, .ndjson): one JSON object per line with the
//     fields id, title, date, source (or url), text (or content, or body) and
//     jurisdiction. Blank lines are skipped.
//   - JSON files (.json): JSON Lines, a JSON array of such objects, or one
//     (possibly pretty-printed) object, or several concatenated.
//   - "-": standard input. It is read as JSON (as for .json files) when its
//     first non-space character is '{' or '[', and otherwise as one text (or
//     HTML) report with the id "stdin".
//
// A file named on the command line is read whatever its extension (a file
// with an unknown extension or none is read as JSON when its first non-space
// character is '{' or '[', and as text otherwise). Inside a directory, which
// is walked recursively in lexical order, only files with one of the
// extensions above are read (case-insensitively); files without an extension
// (README, LICENSE, Makefile…), a folder's documentation (README.md,
// LICENSE.txt, CHANGELOG.md…) and other files are skipped, and so are hidden
// files and directories (names starting with "."). Symbolic links to files are
// followed; symbolic links to directories are followed only when named on the
// command line.
//
// # Reports
//
// Report.Meta.ID follows [ReportID]: the record's "id" for JSON (a string
// or a number), else a "# id:" header line, else the source when it is an
// address ("# source:", the JSON "source" or "url", an HTML page's
// canonical address), else "sha256:" and the first 16 hex digits of the
// sha256 of Report.Text — never the bare file name, which crawled files
// share (two index.txt from two sites). With Options.IDFromFileName a
// report without a stated id keeps the old file-name id instead: the file
// name without its extension ("reports/042.txt" gives "042"), "stdin", or
// for JSON "<file stem>:<n>", n being the line for JSON Lines and the
// position in the file for JSON arrays and streams of objects (a .json file
// holding a single object takes the file stem). Meta.Source is the "# source:" header line, the
// JSON "source" field when it is an address (else "url", else "source"), the
// page's canonical address for HTML, else the path read ("stdin" for
// standard input). Report.Text keeps the input's line endings.
//
// # Bad inputs
//
// Every bad input is reported as one *Error, whose message is one line:
//
//	reports/x.txt: binary file (PDF document)
//	reports/y.txt: too large: 2 GiB, over the limit of 10 MiB
//	feed.jsonl:17: malformed JSON: unexpected end of JSON input
//	feed.jsonl:18: no text: the record has no "text", "content" or "body" field
//
// Error.Kind classifies them: a missing or unreadable path, a binary file
// (NUL bytes outside UTF-16, more than 5% control bytes, or a known binary
// format such as PDF, Office, ZIP or images), an empty one (white space
// only, or header lines only), one over the size limit, one that decodes
// to garbage in every encoding, malformed JSON (or JSON that is not an
// object), a JSON record without text.
//
// # Header lines
//
// A text (or HTML) file may begin with header lines that describe the report:
//
//	# source: https://www.example.gov.cn/2024/0105/art_1.html
//	# date: 2024年1月5日
//	# title: 青河县召开2024年度经济工作会议
//	# id: qh-0042
//	# jurisdiction: 青河县
//
// They are parsed into Report.Meta and removed from Report.Text, with the
// blank line directly after them, if any. Keys are case-insensitive; "url"
// is accepted for "source"; a full-width colon "：" is accepted too. Header
// lines stop at the first line that is not one. Dates are accepted as
// 2022-08-18, 2022/8/18, 2022.8.18, 20220818 or 2022年8月18日 (optionally
// followed by a time) and stored as ISO YYYY-MM-DD; an unrecognised date is
// left out of Meta with a warning in Report.Warnings.
//
// # HTML
//
// An HTML page is decoded with its BOM, else as UTF-8 if it is valid UTF-8
// (pages that declare gb2312 but were saved as UTF-8 are common), else with
// the charset its <meta> declares, else by detection. It is then reduced to
// the article: script, style, nav, header, footer, aside, form and the like
// are dropped; the main block is the element with the most Chinese text in
// its paragraphs (direct <p> children and inline text), or the <article> or
// the element whose class or id names the content (content, article,
// TRS_Editor, zoom) around it, unless that one is a page-wide wrapper; its
// paragraphs, list items, table rows and line breaks become lines of
// Report.Text. Meta.Title comes from <meta name="ArticleTitle">, else the
// first <h1>, else og:title, else the <title> without the site name
// ("标题_青河县人民政府" gives "标题"); Meta.Date from <meta name="PubDate">
// and the like; Meta.Source from <link rel="canonical"> or og:url. Header
// lines and JSON fields take precedence over all these. HTML in a JSON text
// field (it starts with '<' and has <p>, <br> or <div> tags) is reduced the
// same way.
//
// # Limits
//
// No input is held in memory beyond the report being handed out. Every
// report is limited to Options.MaxBytes (10 MiB by default) as stored: a
// text or HTML file larger than that is refused from its size alone, without
// being read; a JSON Lines line or JSON array element larger than that is
// refused (a JSON line is skipped without being buffered; in a JSON array or
// a stream of pretty-printed objects the rest of the file is skipped, since
// the parser cannot resynchronise).
package input

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kg-cn/kg/nlp/doc"
)

// DefaultMaxBytes is the default limit on the size of one report, in bytes
// as stored (before decoding).
const DefaultMaxBytes = 10 << 20 // 10 MiB

// Report is one report read from the input.
type Report struct {
	Meta     doc.Meta // ID, Source, Title, Date (ISO YYYY-MM-DD or ""), Jurisdiction hint
	Text     string   // the report text, decoded to UTF-8, header lines removed (for HTML: the article text)
	Path     string   // where it came from ("-" for standard input)
	Line     int      // JSON: 1-based line where the record starts; else 0
	Encoding string   // detected encoding: "utf-8", "gb18030", "big5", "utf-16le", "utf-16be" (HTML may name another, from its <meta charset>)
	Warnings []string // problems that did not stop the report (an unrecognised date, a field of the wrong type…)
	// Damage says, one line each, what is wrong with the text of a report
	// that was read nonetheless and that its reader must be told of: a
	// page cut mid-character ("damaged UTF-8: 2 invalid bytes replaced by
	// U+FFFD"), a file mixing GBK and Big5. Empty when the text is intact.
	Damage []string
	// Replaced counts what was replaced by U+FFFD in Text because it was
	// not valid in the input's encoding: bytes for UTF-8, invalid
	// sequences for the others. 0 when the text is intact.
	Replaced int
}

// noteDamage records in rep what decoding found wrong with the text, in
// one line.
func (rep *Report) noteDamage(d decoded) {
	rep.Replaced = d.replaced
	replaced := ""
	if d.replaced > 0 {
		what := "invalid sequence"
		if d.enc == EncUTF8 {
			what = "invalid byte"
		}
		if d.replaced != 1 {
			what += "s"
		}
		replaced = fmt.Sprintf("%d %s replaced by U+FFFD", d.replaced, what)
	}
	switch {
	case d.mixed != "":
		msg := fmt.Sprintf("mixes GBK and Big5 text, which no single decoding reads right: read as %s, %d of %d lines read right only as %s and are garbled",
			encName(d.enc), d.mixedLines, d.lines, encName(d.mixed))
		if replaced != "" {
			msg += " (" + replaced + ")"
		}
		rep.Damage = append(rep.Damage, msg)
	case d.enc == EncUTF8 && replaced != "":
		rep.Damage = append(rep.Damage, "damaged UTF-8: "+replaced)
	case replaced != "":
		rep.Damage = append(rep.Damage, "damaged "+encName(d.enc)+" text: "+replaced)
	}
}

// encName is an encoding's name for people.
func encName(enc string) string {
	switch enc {
	case EncBig5:
		return "Big5"
	case EncGB18030:
		return "GB18030"
	}
	return strings.ToUpper(enc)
}

// Options configure Read. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest report accepted, in bytes as stored: a text
	// or HTML file, standard input read as text, one JSON Lines line or one
	// JSON array element. Larger inputs are refused with an *Error of kind
	// KindTooLarge. Zero or negative means DefaultMaxBytes (10 MiB).
	MaxBytes int64
	// IDFromFileName gives a report without a stated id (a JSON "id", a
	// "# id:" header line) the id it had before report ids followed the
	// rule of [ReportID]: the file name without its extension, "stdin", or
	// "<file stem>:<n>" for a JSON record. kg eval matches gold files by it
	// (shared/eval/FORMAT.md); kg extract and kg ingest give it with
	// --id-from-file-name.
	IDFromFileName bool
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Kind classifies an *Error.
type Kind string

// The kinds of bad input.
const (
	KindNotFound    Kind = "not found"   // the path does not exist
	KindUnreadable  Kind = "unreadable"  // the path could not be opened or read
	KindBinary      Kind = "binary"      // NUL bytes, many control bytes, or a known binary format
	KindEmpty       Kind = "empty"       // nothing but white space (or header lines)
	KindTooLarge    Kind = "too large"   // over Options.MaxBytes
	KindUndecodable Kind = "undecodable" // not UTF-8, UTF-16, GB18030 or Big5
	KindMalformed   Kind = "malformed"   // malformed JSON, or JSON that is not an object
	KindNoText      Kind = "no text"     // a JSON record without a text field
)

// Error describes one bad input: a file, or a line of a JSON file. Read
// passes it to the callback and carries on with the next input.
type Error struct {
	Path   string // as given, or as found in a directory; "-" for standard input
	Line   int    // 1-based line in a JSON file; 0 for a whole file
	Kind   Kind
	Reason string // what is wrong, for people: "binary file", "malformed JSON"…
	Err    error  // the underlying error, if any
}

// Error returns one line: "reports/x.txt: binary file (PDF document)" or
// "feed.jsonl:17: malformed JSON: unexpected end of JSON input".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(displayPath(e.Path))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is makes an error of kind KindNotFound match fs.ErrNotExist.
func (e *Error) Is(target error) bool {
	return target == fs.ErrNotExist && e.Kind == KindNotFound
}

func displayPath(p string) string { return DisplayPath(p) }

// DisplayPath is a path as messages show it: "stdin" for "-", the path as
// it is, or, when it holds control characters (a newline, an escape
// sequence) or bytes that are not UTF-8, quoted with them escaped
// ("a\nb.txt"), so that a message stays one line and a name cannot drive
// the terminal.
func DisplayPath(p string) string {
	if p == "-" {
		return "stdin"
	}
	if !utf8.ValidString(p) || strings.ContainsFunc(p, isControl) {
		return strconv.Quote(p)
	}
	return p
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool {
	return r < 0x20 || r >= 0x7F && r < 0xA0
}

// Read reads the reports in paths, in order, and calls fn for each: fn(r,
// nil) for a report, fn(Report{Path: …, Line: …}, err) for a bad input, where
// err is an *Error. A path is a file, a directory (walked recursively, see the
// package documentation) or "-" for stdin. A missing or unreadable path is
// such a bad input: the batch goes on. A directory with no reports yields
// nothing.
//
// Read returns nil when every path has been read, or the first error that fn
// returns, at which point it stops.
func Read(paths []string, stdin io.Reader, opt Options, fn func(Report, error) error) error {
	r := &reader{max: opt.maxBytes(), stdin: stdin, fn: fn, idFromFileName: opt.IDFromFileName}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return err
		}
	}
	return nil
}

// reader holds the state of one Read. Its methods return only errors from
// fn, which stop the batch.
type reader struct {
	max   int64
	stdin io.Reader
	fn    func(Report, error) error
	// idFromFileName: see Options.IDFromFileName.
	idFromFileName bool
	// once holds the pipes, FIFOs and devices read so far (standard input
	// among them): they can be read only once, so a second mention of
	// one is a bad input rather than a read that finds nothing or blocks.
	once []fs.FileInfo
}

// Rereadable reports whether every path can be read a second time with
// the same result: each is a regular file or a directory, not "-", a pipe
// (/dev/stdin, <(zcat feed.gz)), a FIFO or a device, whose data a second
// reader would take from the first. Inside directories only regular files
// are read, so a directory counts as rereadable.
func Rereadable(paths []string) bool {
	for _, p := range paths {
		if p == "-" {
			return false
		}
		info, err := os.Stat(p)
		if err != nil {
			continue // a bad input either way
		}
		if !info.IsDir() && !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// readOnce records that the pipe, FIFO or device info is being read, or
// returns false when it was read already.
func (r *reader) readOnce(info fs.FileInfo) bool {
	for _, s := range r.once {
		if os.SameFile(s, info) {
			return false
		}
	}
	r.once = append(r.once, info)
	return true
}

// readTwice is the bad input of a pipe named a second time.
func readTwice(p string) *Error {
	return &Error{Path: p, Kind: KindUnreadable, Reason: "already read: a pipe, FIFO or device can be read only once"}
}

// emit hands out a report.
func (r *reader) emit(rep Report) error { return r.fn(rep, nil) }

// fail hands out a bad input.
func (r *reader) fail(e *Error) error {
	return r.fn(Report{Path: e.Path, Line: e.Line}, e)
}

// osError turns an error from the file system into an *Error.
func osError(path string, err error) *Error {
	kind, reason := KindUnreadable, "cannot read"
	if errors.Is(err, fs.ErrNotExist) {
		kind, reason = KindNotFound, "no such file or directory"
		err = nil
	} else {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message
		}
	}
	return &Error{Path: path, Kind: kind, Reason: reason, Err: err}
}

// path reads one top-level path.
func (r *reader) path(p string) error {
	if p == "-" {
		return r.readStdin()
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(osError(p, err))
	}
	if info.IsDir() {
		return r.walk(p)
	}
	if !info.Mode().IsRegular() && !r.readOnce(info) {
		return r.fail(readTwice(p))
	}
	return r.file(p, info)
}

// stop carries fn's error out of filepath.WalkDir.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }

// walk reads the reports in a directory tree, in lexical order.
func (r *reader) walk(root string) error {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A link to a directory, named on the command line: follow it
		// (filepath.WalkDir would not) by walking "link/".
		root += string(filepath.Separator)
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// The root, an entry or a directory listing could not be
			// read. Report it and go on with the rest.
			if ferr := r.fail(osError(p, err)); ferr != nil {
				return stop{ferr}
			}
			return nil
		}
		if p != root && isHidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !acceptedExt(p) {
			return nil
		}
		info, err := os.Stat(p) // follows symbolic links
		if err != nil {
			if ferr := r.fail(osError(p, err)); ferr != nil {
				return stop{ferr}
			}
			return nil
		}
		if !info.Mode().IsRegular() {
			return nil // a link to a directory, a socket, a device…
		}
		if ferr := r.file(p, info); ferr != nil {
			return stop{ferr}
		}
		return nil
	})
	var s stop
	if errors.As(err, &s) {
		return s.err
	}
	return err // always nil: every other error went to fn
}

func isHidden(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// Extensions read inside directories, and how each is read.
var extensions = map[string]format{
	".txt":    formatText,
	".text":   formatText,
	".md":     formatText,
	".html":   formatHTML,
	".htm":    formatHTML,
	".json":   formatJSON,
	".jsonl":  formatJSONLines,
	".ndjson": formatJSONLines,
}

type format int

const (
	formatSniff     format = iota // unknown: JSON if it starts with '{' or '[', else text
	formatText                    // text, or HTML if the content says so
	formatHTML                    // HTML
	formatJSON                    // JSON Lines, a JSON array or pretty-printed objects
	formatJSONLines               // JSON Lines only
)

func acceptedExt(p string) bool {
	if isProjectDoc(p) {
		return false
	}
	_, ok := extensions[strings.ToLower(filepath.Ext(p))]
	return ok
}

// isProjectDoc reports whether a file inside a directory is documentation
// of the folder rather than a report (README.md, LICENSE.txt, CHANGELOG.md).
func isProjectDoc(p string) bool {
	name := strings.ToUpper(stem(p))
	for _, d := range []string{"README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "NOTICE"} {
		if name == d {
			return true
		}
	}
	return false
}

// stem is the file name without its extension: the default report id.
func stem(p string) string {
	if p == "-" {
		return "stdin"
	}
	base := filepath.Base(p)
	if s := strings.TrimSuffix(base, filepath.Ext(base)); s != "" {
		return s
	}
	return base
}

// file reads one file, whose info has been read.
func (r *reader) file(p string, info fs.FileInfo) error {
	f := extensions[strings.ToLower(filepath.Ext(p))]
	regular := info.Mode().IsRegular()
	if regular && info.Size() == 0 {
		return r.fail(&Error{Path: p, Kind: KindEmpty, Reason: "empty file"})
	}
	tooLarge := regular && info.Size() > r.max
	if tooLarge && (f == formatText || f == formatHTML) {
		// Refused from its size alone, without reading it.
		return r.fail(tooLargeError(p, 0, info.Size(), r.max))
	}
	fh, err := os.Open(p)
	if err != nil {
		return r.fail(osError(p, err))
	}
	defer fh.Close()
	br := bufio.NewReaderSize(fh, 64<<10)
	if f == formatSniff {
		f = formatText
		if c, err := firstChar(br); err != nil {
			return r.fail(osError(p, err))
		} else if c == '{' || c == '[' {
			f = formatJSON
		}
	}
	switch f {
	case formatJSON, formatJSONLines:
		return r.readJSON(p, br, f == formatJSONLines)
	}
	if tooLarge {
		return r.fail(tooLargeError(p, 0, info.Size(), r.max))
	}
	data, over, err := readAtMost(br, r.max)
	if err != nil {
		return r.fail(osError(p, err))
	}
	if over { // it grew, or it is not a regular file
		return r.fail(tooLargeError(p, 0, -1, r.max))
	}
	return r.text(p, data, f == formatHTML)
}

// readStdin reads standard input: JSON if its first non-space character is
// '{' or '[', else one text report.
func (r *reader) readStdin() error {
	if r.stdin == nil {
		return r.fail(&Error{Path: "-", Kind: KindUnreadable, Reason: "no standard input"})
	}
	if f, ok := r.stdin.(*os.File); ok {
		if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() && !r.readOnce(info) {
			return r.fail(readTwice("-"))
		}
	}
	br := bufio.NewReaderSize(r.stdin, 64<<10)
	c, err := firstChar(br)
	if err != nil {
		return r.fail(&Error{Path: "-", Kind: KindUnreadable, Reason: "cannot read", Err: err})
	}
	if c == '{' || c == '[' {
		return r.readJSON("-", br, false)
	}
	data, over, err := readAtMost(br, r.max)
	if err != nil {
		return r.fail(&Error{Path: "-", Kind: KindUnreadable, Reason: "cannot read", Err: err})
	}
	if over {
		return r.fail(tooLargeError("-", 0, -1, r.max))
	}
	return r.text("-", data, false)
}

// readAtMost reads all of rd if it holds at most limit bytes. Otherwise it
// stops reading once past the limit, drops what it read and returns over.
func readAtMost(rd io.Reader, limit int64) (data []byte, over bool, err error) {
	data, err = io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > limit {
		return nil, true, nil
	}
	return data, false, nil
}

// tooLargeError reports an input over the limit; size < 0 means its size
// is not known.
func tooLargeError(p string, line int, size, limit int64) *Error {
	reason := fmt.Sprintf("too large: %s, over the limit of %s", sizeString(size), sizeString(limit))
	if size < 0 {
		reason = fmt.Sprintf("too large: over the limit of %s", sizeString(limit))
	}
	return &Error{Path: p, Line: line, Kind: KindTooLarge, Reason: reason}
}

// sizeString formats a byte count for people.
func sizeString(n int64) string {
	const (
		kib = 1 << 10
		mib = 1 << 20
		gib = 1 << 30
	)
	switch {
	case n >= gib:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/gib)) + " GiB"
	case n >= mib:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/mib)) + " MiB"
	case n >= kib:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/kib)) + " KiB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// text hands out the report in the bytes of a text or HTML input.
func (r *reader) text(p string, data []byte, isHTML bool) error {
	rep, e := parseText(data, isHTML)
	if e != nil {
		e.Path = p
		return r.fail(e)
	}
	rep.Path = p
	if rep.Meta.ID == "" {
		if r.idFromFileName {
			rep.Meta.ID = stem(p)
		} else {
			rep.Meta.ID = ReportID("", rep.Meta.Source, rep.Text)
		}
	}
	if rep.Meta.Source == "" {
		rep.Meta.Source = sourceOf(p)
	}
	return r.emit(rep)
}

// ReportID is the id of a report that states none (stated, from a JSON
// "id" or a "# id:" line, wins when not empty): its source when that is an
// address (it holds "://": a publisher's name is no id), else
// "sha256:<first 16 hex digits of the sha256 of text>" — the text as
// loaded, whose full sha256 is the Report's hash.
func ReportID(stated, source, text string) string {
	if s := strings.TrimSpace(stated); s != "" {
		return s
	}
	if IsAddress(source) {
		return strings.TrimSpace(source)
	}
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:8])
}

// IsAddress reports whether a source is an address (scheme://…) rather
// than a publisher's name or a local path.
func IsAddress(source string) bool {
	s := strings.TrimSpace(source)
	i := strings.Index(s, "://")
	return i > 0 && !strings.ContainsAny(s[:i], " \t/")
}

// sourceOf is the default Meta.Source: the path read.
func sourceOf(p string) string {
	if p == "-" {
		return "stdin"
	}
	return p
}

// parseText turns the bytes of a text or HTML report into a Report without
// Path, and with Meta.ID and Meta.Source only if the input names them.
func parseText(data []byte, isHTML bool) (Report, *Error) {
	if isBlankBytes(data) {
		return Report{}, &Error{Kind: KindEmpty, Reason: "empty file"}
	}
	isHTML = isHTML || looksHTML(skipHeaderBytes(data))
	dec, e := decodeText(data, isHTML)
	if e != nil {
		return Report{}, e
	}
	text := dec.text
	rep := Report{Encoding: dec.enc}
	rep.noteDamage(dec)
	body := parseHeaders(text, &rep)
	if !isHTML && looksHTML(body) {
		isHTML = true
	}
	if isHTML {
		page := extractHTML(body)
		body = page.Text
		fillMeta(&rep, page)
		if isBlank(body) {
			return Report{}, &Error{Kind: KindEmpty, Reason: "HTML page without text"}
		}
	}
	if isBlank(body) {
		reason := "empty file"
		if body != text {
			reason = "no text after the header lines"
		}
		return Report{}, &Error{Kind: KindEmpty, Reason: reason}
	}
	rep.Text = body
	return rep, nil
}

// fillMeta sets the fields of rep.Meta that are still empty from what an
// HTML page says.
func fillMeta(rep *Report, page htmlPage) {
	if page.Warning != "" {
		rep.Warnings = append(rep.Warnings, page.Warning)
	}
	m := &rep.Meta
	if m.Title == "" {
		m.Title = page.Title
	}
	if m.Source == "" {
		m.Source = page.Source
	}
	if m.Date == "" && page.Date != "" {
		if d, ok := parseDate(page.Date); ok {
			m.Date = d
		}
	}
}
