package normalize

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// corpusPath is the People's Daily January 1998 corpus (UTF-8, simplified,
// about 5.5 MB) in the shared folder beside the repository.
const corpusPath = "../../../shared/corpus/pd199801.txt"

// BenchmarkNormalize measures the common case: simplified text, with the
// full-width digits and punctuation of the genre.
func BenchmarkNormalize(b *testing.B) {
	data, err := os.ReadFile(corpusPath)
	if err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	benchNormalize(b, string(data))
}

var traditional = sync.OnceValues(func() (string, error) {
	// About 1 MB of the corpus converted to traditional script with OpenCC,
	// or, without the corpus, the golden report repeated.
	if data, err := os.ReadFile(corpusPath); err == nil {
		cut := min(len(data), 1<<20)
		for cut < len(data) && data[cut] != '\n' {
			cut++
		}
		cc, err := opencc.New("s2t")
		if err != nil {
			return "", err
		}
		return cc.Convert(string(data[:cut]))
	}
	data, err := os.ReadFile("testdata/report_trad.txt")
	if err != nil {
		return "", err
	}
	return strings.Repeat(string(data), (1<<20)/len(data)+1), nil
})

// BenchmarkNormalizeTraditional measures traditional text, which is
// converted to simplified throughout.
func BenchmarkNormalizeTraditional(b *testing.B) {
	text, err := traditional()
	if err != nil {
		b.Fatal(err)
	}
	benchNormalize(b, text)
}

func benchNormalize(b *testing.B, raw string) {
	n := newNormalizer(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		n.Normalize(raw)
	}
}

// TestCorpusHanUnchanged checks on the simplified corpus that no Han
// character is changed: simplified text must not go through t2s.
func TestCorpusHanUnchanged(t *testing.T) {
	data, err := os.ReadFile(corpusPath)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	raw := string(data)
	text, offs := newNormalizer(t).Normalize(raw)
	checkInvariants(t, raw, text, offs)
	rawRunes := []rune(raw)
	changed := 0
	for i, r := range text {
		s, e := offs.Start[i], offs.End[i]
		if e-s == 1 && isHanFast(r) && rawRunes[s] != r {
			if changed < 10 {
				t.Errorf("%q became %q in %q", rawRunes[s], r, string(rawRunes[max(0, s-5):min(len(rawRunes), e+5)]))
			}
			changed++
		}
	}
	if changed > 0 {
		t.Errorf("%d Han characters changed", changed)
	}
}
