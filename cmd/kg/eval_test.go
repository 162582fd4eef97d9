package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const parity = "../../eval/testdata/parity"

// TestEvalJSONIsScorePy: kg eval --system --json prints score.py's object
// (testdata/parity/score_py.golden.json) plus kg_extra.
func TestEvalJSONIsScorePy(t *testing.T) {
	code, out, errOut := runKG(t, "eval", "--json", "--system", filepath.Join(parity, "system.jsonl"), filepath.Join(parity, "gold"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got, want map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(parity, "score_py.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if got["kg_extra"] == nil {
		t.Errorf("no kg_extra: %s", out)
	}
	delete(got, "kg_extra")
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("kg eval --json differs from score.py:\n kg: %s\n py: %s", g, w)
	}
}

// TestEvalSplitHidesHeldOutMisses: with --split, develop, held-out and all
// are scored apart, and --misses lists no item of a held-out report.
func TestEvalSplitHidesHeldOutMisses(t *testing.T) {
	split := filepath.Join(t.TempDir(), "split.txt")
	if err := os.WriteFile(split, []byte("# test\nheld-out m2 j1 # two of them\nheld-out nosuch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var sys []string
	for _, c := range []string{"missing-report", "jurisdiction"} {
		golds, _ := filepath.Glob(filepath.Join(parity, "cases", c, "gold", "*.json"))
		for _, g := range golds {
			b, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(g)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		b, err := os.ReadFile(filepath.Join(parity, "cases", c, "system.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sys = append(sys, string(b))
	}
	sysFile := filepath.Join(t.TempDir(), "sys.jsonl")
	if err := os.WriteFile(sysFile, []byte(strings.Join(sys, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runKG(t, "eval", "--misses", "--split", split, "--system", sysFile, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"== develop ==", "== held-out ==", "== all ==", "j3\tholds_strict\tmissing\t戊 | 区委书记", "j2\tholds_strict\tmissing\t丁 | 歙县委书记",
		"m2\tpersons\t(held out: counts only)\t2 missing", "j1\tholds_strict\t(held out: counts only)"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if (strings.HasPrefix(line, "m2\t") || strings.HasPrefix(line, "j1\t")) && !strings.Contains(line, "counts only") {
			t.Errorf("a held-out item is listed: %q", line)
		}
		for _, name := range []string{"乙", "丙", "静海区委书记", "天津市"} {
			if strings.Contains(line, name) && !strings.HasPrefix(line, "j3\t") {
				t.Errorf("a held-out name is printed: %q", line)
			}
		}
	}
	if !strings.Contains(errOut, "held-out nosuch has no gold") || !strings.Contains(errOut, "gold m2 has no report") {
		t.Errorf("stderr: %s", errOut)
	}
	code, out, _ = runKG(t, "eval", "--json", "--split", split, "--system", sysFile, dir)
	var parts map[string]map[string]map[string]any
	if err := json.Unmarshal([]byte(out), &parts); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	if r := parts["held-out"]["reports"]; r["gold"] != 2.0 || r["missing"] != 1.0 || r["system"] != 1.0 {
		t.Errorf("held-out reports: %v", r)
	}
	if r := parts["all"]["reports"]; r["gold"] != 6.0 || r["system"] != 6.0 || r["missing"] != 1.0 {
		t.Errorf("all reports: %v", r)
	}
}

// TestEvalExtractsDir: kg eval DIR extracts the reports that have gold and
// counts the others as system output, as score.py counts kg extract's.
func TestEvalExtractsDir(t *testing.T) {
	code, out, errOut := runKG(t, "eval", "--gold", "../../eval/testdata/holdout/gold", "--json", "../../eval/testdata/holdout/reports")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r := got["reports"]; r["gold"] != 12.0 || r["system"] != 12.0 || r["missing"] != 0.0 {
		t.Errorf("reports: %v", r)
	}
	for _, k := range []string{"roles_CHAIRED", "holds_lenient", "tenure", "commended", "events"} {
		if got[k] == nil {
			t.Errorf("no %s in %s", k, out)
		}
	}
}
