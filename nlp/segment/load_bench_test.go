package segment

import (
	"testing"

	"github.com/kg-cn/kg/nlp/lexicon"
)

// BenchmarkLoad is the segmenter's loading: gse's dictionary, the
// lexicon's places and the memory settling (ns/op is one New).
func BenchmarkLoad(b *testing.B) {
	lx, err := lexicon.Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New(lx); err != nil {
			b.Fatal(err)
		}
	}
}
