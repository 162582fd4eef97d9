package pipeline

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/lexicon"
	"github.com/kg-cn/kg/nlp/segment"
)

// corpusPath is the People's Daily corpus beside the project (not shipped:
// benchmarks that need it are skipped without it).
const corpusPath = "../../../shared/corpus/pd199801.txt"

// corpusReports splits the corpus into report-sized chunks of 20 lines.
func corpusReports(b *testing.B) ([]string, int) {
	f, err := os.Open(corpusPath)
	if err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	var reports []string
	var cur strings.Builder
	total, n := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		cur.WriteString(sc.Text())
		cur.WriteByte('\n')
		if n++; n%20 == 0 {
			reports = append(reports, cur.String())
			total += cur.Len()
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		reports = append(reports, cur.String())
		total += cur.Len()
	}
	return reports, total
}

// BenchmarkExtract runs the whole pipeline over the corpus on one core.
func BenchmarkExtract(b *testing.B) {
	reports, total := corpusReports(b)
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, r := range reports {
			if _, err := p.Extract(doc.Meta{ID: "pd", Date: "1998-01-01"}, r); err != nil {
				b.Fatalf("report %d: %v", k, err)
			}
		}
	}
}

// BenchmarkGseCut is the baseline: gse's Cut with HMM alone over the same
// text.
func BenchmarkGseCut(b *testing.B) {
	lx, err := lexicon.Load()
	if err != nil {
		b.Fatal(err)
	}
	seg, err := segment.Shared(lx)
	if err != nil {
		b.Fatal(err)
	}
	benchCut(b, seg.Cut)
}

// BenchmarkGseCutStock is gse as shipped: gse.NewEmbed("zh_s") and Cut
// with HMM, the dictionary loaded and laid out by gse itself (kg loads the
// same dictionary its own way: nlp/segment). Run it in a process of its
// own: the other benchmarks' dictionaries would slow its collections.
func BenchmarkGseCutStock(b *testing.B) {
	seg, err := gse.NewEmbed("zh_s")
	if err != nil {
		b.Fatal(err)
	}
	benchCut(b, func(r string) []string { return seg.Cut(r, true) })
}

// benchCut times cut over the corpus's reports.
func benchCut(b *testing.B, cut func(string) []string) {
	reports, total := corpusReports(b)
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range reports {
			cut(r)
		}
	}
}
