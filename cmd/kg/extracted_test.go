package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kg-cn/kg/nlp/doc"
)

// forLoadRecord is one line as kg extract --for-load writes it, for a
// text, with the versions given ("" for this kg's).
func forLoadRecord(t *testing.T, id, text, kgV, modelV string) string {
	t.Helper()
	if kgV == "" {
		kgV = kgVersion()
	}
	if modelV == "" {
		var err error
		if modelV, err = modelVersion(); err != nil {
			t.Fatal(err)
		}
	}
	sum := sha256.Sum256([]byte(text))
	x := doc.Extraction{Report: doc.Report{ID: id, Date: "2024-03-12", Hash: hex.EncodeToString(sum[:]), Chars: len([]rune(text)),
		Text: text, KGVersion: kgV, ModelVersion: modelV}}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func gzipped(t *testing.T, s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestReadExtracted: what kg ingest --extracted and kg export --extracted
// read, and every way a record or a file can fail to be loadable (one
// line each; the next line is read).
func TestReadExtracted(t *testing.T) {
	good := func(id string) string { return forLoadRecord(t, id, "3月12日，清河县召开会议。", "", "") }
	noText := func(id string) string {
		var x map[string]any
		json.Unmarshal([]byte(good(id)), &x)
		delete(x["report"].(map[string]any), "text")
		b, _ := json.Marshal(x)
		return string(b)
	}
	altered := strings.Replace(good("r9"), "召开会议", "召开大会", 1)
	tests := []struct {
		name  string
		files map[string]string // under the test's directory
		paths []string          // relative to it; default: the directory
		opt   extractedOptions
		// want: one line per record read ("id") or failure ("kind: message part")
		want []string
		// warned: a part of the one warning given
		warned string
	}{
		{name: "records of kg extract --for-load are read with their text, in file and line order",
			files: map[string]string{"b.jsonl": good("r2") + "\n\n" + good("r3") + "\n", "a.jsonl": good("r1")},
			want:  []string{"r1", "r2", "r3"}},
		{name: "a malformed line is one failure and the next line is read",
			files: map[string]string{"p.jsonl": "{not json\n" + good("r1") + "\n"},
			want:  []string{"malformed: p.jsonl:1: malformed JSON", "r1"}},
		{name: "a line that is no extraction (no report id) is malformed",
			files: map[string]string{"p.jsonl": `{"id":"x","text":"a report, not an extraction"}` + "\n"},
			want:  []string{"malformed: p.jsonl:1: not an extraction: no report.id"}},
		{name: "plain kg extract output (no report.text) says to use --for-load",
			files: map[string]string{"p.jsonl": noText("r1")},
			want:  []string{"no text: p.jsonl:1: report r1 has no report.text: extract with kg extract --for-load"}},
		{name: "without report.text but with --no-text and a hash, it is read",
			files: map[string]string{"p.jsonl": noText("r1")}, opt: extractedOptions{NoText: true},
			want: []string{"r1"}},
		{name: "a text that is not what report.hash says is refused as altered",
			files: map[string]string{"p.jsonl": altered},
			want:  []string{"hash mismatch: p.jsonl:1: report r9: report.hash"}},
		{name: "another kg version is refused, said once, and every record of it counted",
			files: map[string]string{"p.jsonl": strings.Join([]string{
				forLoadRecord(t, "r1", "一", "v0.1.0", ""), forLoadRecord(t, "r2", "二", "v0.1.0", ""), good("r3")}, "\n")},
			want: []string{"other version: p.jsonl:1: report r1 was extracted by kg v0.1.0 with model", "other version: ", "r3"}},
		{name: "another model version is loaded with --force, with one warning",
			files: map[string]string{"p.jsonl": strings.Join([]string{
				forLoadRecord(t, "r1", "一", "", "kg-ner-old"), forLoadRecord(t, "r2", "二", "", "kg-ner-old")}, "\n")},
			opt:    extractedOptions{Force: true},
			want:   []string{"r1", "r2"},
			warned: "p.jsonl:1: warning: extracted by kg " + kgVersion() + " with model kg-ner-old"},
		{name: "gzip files are read, named .gz or not",
			files: map[string]string{"a.jsonl.gz": gzipped(t, good("r1")+"\n"), "b.jsonl": gzipped(t, good("r2")+"\n")},
			want:  []string{"r1", "r2"}},
		{name: "in a directory only extraction files are read, hidden ones skipped",
			files: map[string]string{"x/p.jsonl": good("r1"), "x/notes.txt": "hello", "x/.tmp.jsonl": good("r0"), ".hidden/q.jsonl": good("r9"), "y.ndjson": good("r2")},
			want:  []string{"r1", "r2"}},
		{name: "a file named on the command line is read whatever its name",
			files: map[string]string{"part-1": good("r1")}, paths: []string{"part-1"},
			want: []string{"r1"}},
		{name: "a line over the limit is too large, the next is read",
			files: map[string]string{"p.jsonl": forLoadRecord(t, "big", strings.Repeat("长", 400), "", "") + "\n" + good("r1")},
			opt:   extractedOptions{MaxBytes: 1000},
			want:  []string{"too large: p.jsonl:1: too large: the line is over the limit of 1000 bytes", "r1"}},
		{name: "a missing path is one failure",
			paths: []string{"nope.jsonl"},
			want:  []string{"not found: nope.jsonl: cannot read: no such file or directory"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tc.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(wd)
			paths := tc.paths
			if paths == nil {
				paths = []string{"."}
			}
			var warnings []string
			opt := tc.opt
			opt.Warn = func(s string) { warnings = append(warnings, s) }
			var got []string
			err := readExtracted(context.Background(), paths, nil, opt, func(where string, x *doc.Extraction, text string, err error) error {
				if err != nil {
					if strings.Contains(err.Error(), "\n") {
						t.Errorf("an error of more than one line: %q", err)
					}
					got = append(got, failureKind(err)+": "+strings.TrimPrefix(err.Error(), "./"))
					return nil
				}
				if x.Report.Text != "" || x.Report.KGVersion != "" {
					t.Errorf("%s: the extraction still holds the text or the versions", where)
				}
				if text != "" {
					sum := sha256.Sum256([]byte(text))
					if hex.EncodeToString(sum[:]) != x.Report.Hash {
						t.Errorf("%s: the text handed on is not the one hashed", where)
					}
				}
				got = append(got, x.Report.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d results, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("result %d:\n got %s\nwant %s…", i, got[i], tc.want[i])
				}
			}
			if tc.warned != "" && (len(warnings) != 1 || !strings.Contains(warnings[0], tc.warned)) {
				t.Errorf("warnings %q, want one with %q", warnings, tc.warned)
			}
			if tc.warned == "" && len(warnings) > 0 {
				t.Errorf("unexpected warnings %q", warnings)
			}
		})
	}
}

// TestExtractForLoad: --for-load adds the raw text (hashed by report.hash),
// the versions and the graph's ids; plain kg extract stays FORMAT.md's.
func TestExtractForLoad(t *testing.T) {
	model, err := modelVersion()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runKG(t, "extract", "--for-load", "-j", "2", "../../samples")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 10 {
		t.Fatalf("only %d lines", len(lines))
	}
	for _, l := range lines {
		var x doc.Extraction
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		r := x.Report
		sum := sha256.Sum256([]byte(r.Text))
		switch {
		case r.Text == "" || hex.EncodeToString(sum[:]) != r.Hash || len([]rune(r.Text)) != r.Chars:
			t.Errorf("%s: text, hash and chars do not agree", r.ID)
		case r.KGVersion != kgVersion() || r.ModelVersion != model:
			t.Errorf("%s: versions %q, %q; want %q, %q", r.ID, r.KGVersion, r.ModelVersion, kgVersion(), model)
		case !strings.HasPrefix(r.ID, "sha256:") && !strings.HasPrefix(r.ID, "https://") && !strings.HasPrefix(r.ID, "s"):
			t.Errorf("%s: not a graph id", r.ID)
		}
	}
	// The graph's ids: those of kg extract --id-from-file-name=false, not
	// the file names of FORMAT.md's default.
	_, graphIDs, _ := runKG(t, "extract", "--id-from-file-name=false", "-j", "2", "../../samples")
	_, plain, _ := runKG(t, "extract", "-j", "2", "../../samples")
	if ids(t, out) != ids(t, graphIDs) || ids(t, out) == ids(t, plain) {
		t.Errorf("ids %s; want the graph's %s, not the file names' %s", ids(t, out), ids(t, graphIDs), ids(t, plain))
	}
	for _, field := range []string{`"text":`, `"kg_version":`, `"model_version":`} {
		for _, l := range strings.Split(strings.TrimSpace(plain), "\n") {
			if strings.Contains(strings.SplitN(l, `"entities"`, 2)[0], field) {
				t.Errorf("plain kg extract prints report %s", field)
				break
			}
		}
	}
}

// ids lists the report ids of kg extract's output.
func ids(t *testing.T, out string) string {
	var s []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var x doc.Extraction
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		s = append(s, x.Report.ID)
	}
	return strings.Join(s, " ")
}

func TestExtractedUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ids were given at extraction", []string{"ingest", "--extracted", "--id-from-file-name", "x.jsonl"}, "--id-from-file-name does not go with --extracted"},
		{"export --force only with --extracted", []string{"export", "--force", t.TempDir() + "/out", "x"}, "--force goes with --extracted only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runKG(t, tc.args...)
			if code != exitUsage || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", code, errOut, exitUsage, tc.want)
			}
		})
	}
}

// buildBinaries builds kg and the Beam pipeline (scale/beam, a module of
// its own) into dir.
func buildBinaries(t *testing.T, root, dir string) (kg, beam string) {
	t.Helper()
	kg, beam = filepath.Join(dir, "kg"), filepath.Join(dir, "kg-beam")
	for _, b := range []struct{ dir, out, pkg string }{{root, kg, "./cmd/kg"}, {filepath.Join(root, "scale", "beam"), beam, "."}} {
		start := time.Now()
		cmd := exec.Command("go", "build", "-buildvcs=false", "-o", b.out, b.pkg)
		cmd.Dir = b.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s in %s: %v\n%s", b.pkg, b.dir, err, tail(string(out), 3000))
		}
		t.Logf("built %s in %s", filepath.Base(b.out), time.Since(start).Round(100*time.Millisecond))
	}
	return kg, beam
}

// TestIntegrationBeamExtractedEqualsIngest: a few thousand generated
// reports and the samples (every input kind) are extracted by the Beam
// pipeline of scale/beam on the direct runner, in parts; the parts hold
// exactly what kg extract --for-load prints, and kg ingest --extracted of
// the parts builds the graph that kg ingest of the reports builds — every
// node and relationship with all their properties (the dump of
// restart_test.go), identities included. kg export --extracted writes the
// same CSV files as kg export of the reports.
func TestIntegrationBeamExtractedEqualsIngest(t *testing.T) {
	start := time.Now()
	srv := startPrivateNeo4j(t, secret(t))
	t.Logf("private server up on %s after %s", srv.uri, time.Since(start).Round(100*time.Millisecond))
	bin := t.TempDir()
	kg, beam := buildBinaries(t, srv.root, bin)

	const n = 3000
	corpus := t.TempDir()
	genCorpus(t, corpus, n, 2026, "b")
	samples := filepath.Join(srv.root, "samples")
	parts := filepath.Join(t.TempDir(), "parts")
	globs := []string{corpus + "/*.txt", samples + "/*.txt", samples + "/*.html", samples + "/*.jsonl"}
	// kg ingest reads the same files in the same order: the corpus, whose
	// few word-for-word repeats (one id, one text, another date) make the
	// first one read win, then the samples glob by glob.
	direct := []string{corpus}
	for _, g := range globs[1:] {
		m, _ := filepath.Glob(g)
		direct = append(direct, m...)
	}
	t0 := time.Now()
	cmd := exec.Command(beam, "--runner=direct", "--input", strings.Join(globs, ","), "--output", parts, "--kg", kg, "--groups", "4", "--chunk", "1000")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("kg-beam: %v\n%s", err, tail(string(out), 3000))
	}
	t.Logf("Beam (direct runner) extracted %d reports in %s", n, time.Since(t0).Round(100*time.Millisecond))

	// The parts are kg extract --for-load's lines, each once.
	files, _ := filepath.Glob(filepath.Join(parts, "part-*-of-00004.jsonl"))
	var got []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.Split(strings.TrimSpace(string(b)), "\n")...)
	}
	code, out, stderr := runKG(t, append([]string{"extract", "--for-load"}, direct...)...)
	if code != exitOK {
		t.Fatalf("extract --for-load: exit %d\n%s", code, stderr)
	}
	want := strings.Split(strings.TrimSpace(out), "\n")
	sort.Strings(got)
	sort.Strings(want)
	if len(files) != 4 || len(got) < n {
		t.Fatalf("%d parts, %d lines; want 4 parts, at least %d lines", len(files), len(got), n)
	}
	if d := diffLines(want, got); d != "" {
		t.Fatalf("the parts differ from kg extract --for-load:\n%s", tail(d, 3000))
	}

	// kg ingest --extracted of the parts, in small batches.
	code, out, stderr = runKG(t, append(srv.args(), "ingest", "--extracted", "--batch-size", "60", "--no-progress", "--json", parts)...)
	if code != exitOK {
		t.Fatalf("ingest --extracted: exit %d\n%s%s", code, out, stderr)
	}
	var sum ingestSummary
	// (genCorpus repeats a few reports word for word: one id, one text)
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.New+sum.Unchanged != len(want) || sum.New < n-50 || sum.Failed > 0 {
		t.Fatalf("ingest --extracted: %d new, %d unchanged, %d failed; want %d loaded (%v)\n%s", sum.New, sum.Unchanged, sum.Failed, len(want), err, out)
	}
	fromParts, nodes, rels := srv.dump(t)
	srv.wipe(t)

	// kg ingest of the reports themselves.
	code, out, stderr = runKG(t, append(append(srv.args(), "ingest", "--batch-size", "60", "--no-progress"), direct...)...)
	if code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, stderr)
	}
	ingested, dNodes, dRels := srv.dump(t)
	if nodes < 1000 || rels < 3000 {
		t.Fatalf("a small graph: %d nodes, %d relationships", nodes, rels)
	}
	if d := diffLines(ingested, fromParts); d != "" || nodes != dNodes || rels != dRels {
		t.Errorf("kg ingest --extracted (%d nodes, %d relationships) differs from kg ingest (%d, %d):\n%s", nodes, rels, dNodes, dRels, tail(d, 4000))
	}

	// A second load of the same parts changes nothing; one of another
	// version is refused without --force.
	code, out, _ = runKG(t, append(srv.args(), "ingest", "--extracted", "--no-progress", "--json", parts)...)
	if err := json.Unmarshal([]byte(out), &sum); code != exitOK || err != nil || sum.Unchanged != len(want) {
		t.Errorf("second ingest --extracted: exit %d, %d unchanged, want %d\n%s", code, sum.Unchanged, len(want), out)
	}
	other := filepath.Join(t.TempDir(), "other.jsonl")
	os.WriteFile(other, []byte(strings.ReplaceAll(got[0], `"kg_version":"`+kgVersion()+`"`, `"kg_version":"v0.0.1"`)+"\n"), 0o644)
	code, _, stderr = runKG(t, append(srv.args(), "ingest", "--extracted", "--no-progress", other)...)
	if code != exitPartial || !strings.Contains(stderr, "extracted by kg v0.0.1") || !strings.Contains(stderr, "--force loads it") {
		t.Errorf("another version: exit %d, want %d and a line saying so:\n%s", code, exitPartial, stderr)
	}

	// kg export --extracted writes what kg export writes.
	exA, exB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if code, out, stderr := runKG(t, "export", "--extracted", exA, parts); code != exitOK {
		t.Fatalf("export --extracted: exit %d\n%s%s", code, out, stderr)
	}
	if code, out, stderr := runKG(t, append([]string{"export", exB}, direct...)...); code != exitOK {
		t.Fatalf("export: exit %d\n%s%s", code, out, stderr)
	}
	if d := diffDirs(t, exA, exB); d != "" {
		t.Errorf("kg export --extracted differs from kg export:\n%s", d)
	}
	t.Logf("%d reports: %d nodes, %d relationships, identical; %s in all", len(want), nodes, rels, time.Since(start).Round(time.Second))
}

// diffDirs compares the CSV files of two exports (sorted lines: the order
// of rows may follow the order reports were read in).
func diffDirs(t *testing.T, a, b string) string {
	t.Helper()
	var out []string
	names, _ := filepath.Glob(filepath.Join(a, "*", "*.csv"))
	other, _ := filepath.Glob(filepath.Join(b, "*", "*.csv"))
	if len(names) != len(other) || len(names) == 0 {
		return fmt.Sprintf("%d files against %d", len(names), len(other))
	}
	for _, f := range names {
		rel, _ := filepath.Rel(a, f)
		x, err1 := os.ReadFile(f)
		y, err2 := os.ReadFile(filepath.Join(b, rel))
		if err1 != nil || err2 != nil {
			out = append(out, fmt.Sprintf("%s: %v %v", rel, err1, err2))
			continue
		}
		lx, ly := strings.Split(string(x), "\n"), strings.Split(string(y), "\n")
		sort.Strings(lx)
		sort.Strings(ly)
		if d := diffLines(lx, ly); d != "" {
			out = append(out, rel+":\n"+tail(d, 1500))
		}
	}
	return strings.Join(out, "\n")
}
