package segment

import (
	"testing"

	"github.com/kg-cn/kg/nlp/lexicon"
)

func BenchmarkZZLoad(b *testing.B) {
	lx, _ := lexicon.Load()
	for b.Loop() {
		if _, err := New(lx); err != nil {
			b.Fatal(err)
		}
	}
}
