package normalize

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden normalises the invented reports in testdata/*.txt and compares
// the result with testdata/*.golden: the normalised text, then for every
// output line the raw span it maps back to. Run with -update to rewrite the
// golden files after an intended change, and review the diff.
func TestGolden(t *testing.T) {
	n := newNormalizer(t)
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.txt")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			raw := string(data)
			text, offs := n.Normalize(raw)
			checkInvariants(t, raw, text, offs)
			got := goldenText(raw, text, offs)
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

// goldenText renders the normalised text followed by the raw span of every
// output line.
func goldenText(raw string, text []rune, offs doc.Offsets) string {
	var sb strings.Builder
	sb.WriteString(string(text))
	sb.WriteString("\n\n=== raw span of each line ===\n")
	rawRunes := []rune(raw)
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		rs := offs.RawSpan(doc.Span{Start: start, End: i})
		fmt.Fprintf(&sb, "[%d,%d) %q\n", rs.Start, rs.End, string(rawRunes[rs.Start:rs.End]))
		start = i + 1
	}
	return sb.String()
}
