package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

var update = flag.Bool("update", false, "rerun the reference scorer ($KG_SCORE_PY, with python3) to rewrite testdata/parity/**/score_py.golden.json")

// parityCases are the folders of testdata/parity with gold/, system.jsonl
// and score_py.golden.json: the project's samples and held-out set, and the
// hand-written tricky cases.
func parityCases(t *testing.T) []string {
	dirs, err := filepath.Glob("testdata/parity/cases/*")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(dirs)
	return append([]string{"testdata/parity"}, dirs...)
}

// TestParityWithScorePy scores each case and compares the JSON with what
// score.py printed for it (testdata/parity/README.md), field by field and
// byte for byte. It never runs score.py unless -update is given.
func TestParityWithScorePy(t *testing.T) {
	for _, dir := range parityCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			golden := filepath.Join(dir, "score_py.golden.json")
			if *update {
				updateGolden(t, dir, golden)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./eval -run Parity -update, with KG_SCORE_PY set, writes it)", err)
			}
			gold, err := LoadGoldDir(filepath.Join(dir, "gold"))
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(filepath.Join(dir, "system.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			sys, err := ReadSystem(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			s := Total(ScoreAll(gold, sys))
			s.System = len(sys)
			got := s.JSON()

			var raw map[string]json.RawMessage
			if err := json.Unmarshal(got, &raw); err != nil {
				t.Fatalf("kg's JSON does not parse: %v\n%s", err, got)
			}
			if _, ok := raw["kg_extra"]; !ok {
				t.Errorf("no kg_extra in %s", got)
			}
			delete(raw, "kg_extra")
			g := map[string]map[string]float64{}
			for k, v := range raw {
				var m map[string]float64
				if err := json.Unmarshal(v, &m); err != nil {
					t.Fatalf("%s: %v", k, err)
				}
				g[k] = m
			}
			var w map[string]map[string]float64
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatalf("%s: %v", golden, err)
			}
			for k, wv := range w {
				gv, ok := g[k]
				if !ok {
					t.Errorf("%s: missing from kg's JSON", k)
					continue
				}
				for f, x := range wv {
					if y, ok := gv[f]; !ok || Round4(y) != Round4(x) {
						t.Errorf("%s.%s = %v (present %v), score.py %v", k, f, y, ok, x)
					}
				}
				for f := range gv {
					if _, ok := wv[f]; !ok {
						t.Errorf("%s.%s: not in score.py's JSON", k, f)
					}
				}
			}
			for k := range g {
				if _, ok := w[k]; !ok {
					t.Errorf("%s: in kg's JSON, not in score.py's", k)
				}
			}
			if py := s.ScorePyJSON(); !bytes.Equal(py, bytes.TrimSpace(want)) {
				t.Errorf("not byte for byte score.py's JSON:\n kg: %s\n py: %s", py, bytes.TrimSpace(want))
			}
		})
	}
}

func updateGolden(t *testing.T, dir, golden string) {
	t.Helper()
	py := os.Getenv("KG_SCORE_PY")
	if py == "" {
		t.Fatal("-update: set KG_SCORE_PY to the path of score.py")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("-update: python3 is not installed")
	}
	cmd := exec.Command("python3", py, filepath.Join(dir, "gold"), filepath.Join(dir, "system.jsonl"), "--json")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, stderr.String())
	}
	if err := os.WriteFile(golden, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRound4IsPythonRound(t *testing.T) {
	// round(x, 4) in Python: the exact binary value, ties to even
	for x, want := range map[float64]float64{0.03125: 0.0312, 0.09375: 0.0938, 2.0 / 3: 0.6667, 0.00005: 0.0001, 1.0 / 7: 0.1429, 0.5: 0.5, 0: 0} {
		if got := Round4(x); got != want {
			t.Errorf("Round4(%v) = %v, want %v", x, got, want)
		}
	}
	for x, want := range map[float64]string{1: "1.0", 0: "0.0", 0.5: "0.5", 0.0001: "0.0001", 0.6667: "0.6667"} {
		if got := pyFloat(x); got != want {
			t.Errorf("pyFloat(%v) = %s, want %s", x, got, want)
		}
	}
}

func TestStripJuris(t *testing.T) {
	for _, c := range [][3]string{
		{"静海区委书记", "静海区", "委书记"}, {"区委书记", "静海区", "委书记"}, {"西藏自治区主席", "西藏自治区", "主席"},
		{"自治区主席", "", "主席"}, {"自治州州长", "", "州长"}, {"区", "", "区"}, {"静海区", "静海区", ""},
		{"街道办事处主任", "", "办事处主任"}, {"副区长", "静海区", "副区长"},
	} {
		if got := StripJuris(c[0], c[1]); got != c[2] {
			t.Errorf("StripJuris(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func TestReadSplit(t *testing.T) {
	f, err := os.Open("dev-split.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	held, err := ReadSplit(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 15 || !held["pa-03"] || !held["cc-13"] || held["001"] {
		t.Errorf("held-out = %v", held)
	}
	if _, err := ReadSplit(bytes.NewReader([]byte("develop 001\n"))); err == nil {
		t.Error("a line that is not held-out is accepted")
	}
}
