package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// The kg commands that README.md and docs/browser-guide.md show are run on
// an ingest of samples/: where the document shows the output, the output
// must be that; else it must be testdata/examples/<command>.golden
// (go test ./cmd/kg -run TestIntegrationDocumentedCommandsOnSamples -update
// rewrites those). The graph may hold other tests' data besides (their
// lines are left out), nothing else.

type docCommand struct {
	source string // file
	line   string // kg …
	shown  string // the output the document shows, "" for none
}

// readmeCommands are the "$ kg …" lines of README.md's console blocks,
// each with the output shown after it.
func readmeCommands(t *testing.T) []docCommand {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []docCommand
	in := false
	cur := -1
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && strings.HasPrefix(trimmed, "```console"):
			in, cur = true, -1
		case in && trimmed == "```":
			in = false
		case in && strings.HasPrefix(line, "$ kg "):
			out = append(out, docCommand{source: "README.md", line: strings.TrimPrefix(line, "$ ")})
			cur = len(out) - 1
		case in && cur >= 0:
			out[cur].shown += line + "\n"
		}
	}
	return out
}

// inlineCommands are the example commands written inline in a document:
// `kg who-holds 武功县…`, with a name in Chinese (not `kg person P`).
func inlineCommands(t *testing.T, path string) []docCommand {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../..", path))
	if err != nil {
		t.Fatal(err)
	}
	var out []docCommand
	re := regexp.MustCompile("`(kg (?:who-holds|person|roster|changes) [^`]*\\p{Han}[^`]*)`")
	for _, m := range re.FindAllStringSubmatch(strings.ReplaceAll(string(data), "\n", " "), -1) {
		out = append(out, docCommand{source: path, line: m[1]})
	}
	return out
}

// otherTestsLine: a line of another test's data (their ids begin kgtest-,
// their names carry an 8-hex-digit tag next to Chinese characters).
var otherTestsLine = regexp.MustCompile(`kgtest-|\p{Han}[0-9a-f]{8}|[0-9a-f]{8}\p{Han}`)

var (
	samplesOnce sync.Once
	samplesCode int
	samplesErr  string
)

func ingestSamples(t *testing.T) {
	t.Helper()
	samplesOnce.Do(func() {
		samplesCode, _, samplesErr = runKG(t, "ingest", "--force", "--no-progress", "../../samples")
	})
	if samplesCode != exitOK {
		t.Fatalf("kg ingest samples/: exit %d: %s", samplesCode, samplesErr)
	}
}

func TestIntegrationDocumentedCommandsOnSamples(t *testing.T) {
	testGraph(t)
	ingestSamples(t)
	cmds := append(readmeCommands(t), inlineCommands(t, "README.md")...)
	cmds = append(cmds, inlineCommands(t, "docs/browser-guide.md")...)
	if len(cmds) < 8 {
		t.Fatalf("only %d example commands found", len(cmds))
	}
	seen := map[string]bool{}
	for _, dc := range cmds {
		if seen[dc.line] {
			continue
		}
		seen[dc.line] = true
		t.Run(dc.line, func(t *testing.T) {
			code, out, stderr := runKG(t, strings.Fields(dc.line)[1:]...)
			if code != exitOK {
				t.Fatalf("%s (%s): exit %d: %s", dc.line, dc.source, code, stderr)
			}
			var kept []string
			for _, l := range strings.SplitAfter(out, "\n") {
				if l != "" && !otherTestsLine.MatchString(l) {
					kept = append(kept, l)
				}
			}
			got := strings.Join(kept, "")
			if dc.shown != "" {
				if got != dc.shown {
					t.Errorf("%s shows for %s:\n%s\nkg prints:\n%s", dc.source, dc.line, dc.shown, got)
				}
				return
			}
			name := strings.Map(func(r rune) rune {
				switch r {
				case ' ', '/', '\\', '|', ':', '*', '?', '"', '<', '>':
					return '_'
				}
				return r
			}, strings.TrimPrefix(dc.line, "kg "))
			path := filepath.Join("testdata", "examples", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (-update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("%s (%s) prints other than %s (-update rewrites it):\n got:\n%s\nwant:\n%s", dc.line, dc.source, path, got, want)
			}
		})
	}
}
