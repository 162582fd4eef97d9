package main

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestExtractGolden runs `kg extract` over testdata/extract: the good report
// is printed as JSON Lines (compared with testdata/extract.golden.jsonl; go
// test -update rewrites it), the binary file is named on stderr, and the exit
// code says that an input failed.
func TestExtractGolden(t *testing.T) {
	code, out, errOut := runKG(t, "extract", "-j", "2", "testdata/extract")
	if code != exitPartial {
		t.Errorf("exit code %d, want %d (an input failed); stderr:\n%s", code, exitPartial, errOut)
	}
	if !strings.Contains(errOut, "broken.txt") || !strings.Contains(errOut, "binary") {
		t.Errorf("stderr does not name the binary file and the reason:\n%s", errOut)
	}
	const golden = "testdata/extract.golden.jsonl"
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if out != string(want) {
		t.Errorf("kg extract output differs from %s (go test -update rewrites it after review):\n%s", golden, out)
	}
}

func TestExtractAndEvalUsage(t *testing.T) {
	for _, args := range [][]string{{"extract"}, {"eval"}, {"eval", "a", "b"}, {"extract", "--no-such-flag", "x"}} {
		code, _, errOut := runKG(t, args...)
		if code != exitUsage {
			t.Errorf("kg %s: exit %d, want %d; stderr: %s", strings.Join(args, " "), code, exitUsage, errOut)
		}
		if strings.Count(strings.TrimSpace(errOut), "\n") > 0 && !strings.Contains(errOut, "USAGE") {
			t.Errorf("kg %s: the error is not one line: %q", strings.Join(args, " "), errOut)
		}
	}
}
