package segment

import (
	"testing"

	"github.com/kg-cn/kg/nlp/segment/internal/zhs"
)

// The embedded order table was made for the dictionary gse is built with
// (else run go generate ./nlp/segment).
func TestOrderTableIsOfThisDictionary(t *testing.T) {
	if gseZhS == "" {
		t.Skip("gse built without its dictionary")
	}
	order, err := zhs.Decode(zhsOrder, gseZhS, len(zhs.Lines(gseZhS)))
	if err != nil {
		t.Fatalf("%v: run go generate ./nlp/segment", err)
	}
	seen := make([]bool, len(zhs.Lines(gseZhS)))
	for _, i := range order {
		if seen[i] {
			t.Fatalf("line %d twice in the order", i)
		}
		seen[i] = true
	}
}
