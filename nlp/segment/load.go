package segment

import (
	_ "embed"
	"runtime/debug"
	_ "unsafe" // go:linkname

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/segment/internal/zhs"
)

//go:generate go run ./internal/genorder -out data/zhs.order

// gseZhS is gse's embedded simplified-Chinese dictionary (the text that
// gse.NewEmbed("zh_s") loads), empty when gse is built without it.
//
//go:linkname gseZhS github.com/go-ego/gse.zhS
var gseZhS string

// zhsOrder is the order in which to add the dictionary's lines (package
// zhs), made by the generator for the gse version in go.mod.
//
//go:embed data/zhs.order
var zhsOrder []byte

// loadZhS loads gse's simplified dictionary as gse.NewEmbed("zh_s") does
// (gse v0.80.3's LoadDictStr: the same lines, parsed the same way, the same
// HMM model, the same word for each key), except that
//   - it adds the lines in the order of the trie's keys (zhsOrder), which
//     saves gse's trie most of its relocations: the dictionary is the same,
//     only the tokens' ids differ; and
//   - it does not compute the tokens' search-mode sub-segments and
//     shortest-path distances (gse's CalcToken): only gse's
//     Segment/Slice/CutSearch modes read them, and the stage uses Cut with
//     HMM and Find alone. That is about 40% of gse's loading and some 20 MB
//     of heap.
//
// Without the embedded text it falls back to gse.NewEmbed; with a table
// made for another dictionary text, to the file's order.
func loadZhS() (gse.Segmenter, error) {
	if gseZhS == "" {
		return gse.NewEmbed("zh_s")
	}
	var seg gse.Segmenter
	seg.Dict = gse.NewDict()
	seg.Init()
	lines := zhs.Lines(gseZhS)
	order, err := zhs.Decode(zhsOrder, gseZhS, len(lines))
	if err != nil {
		order = fileOrder(len(lines))
	}
	// the table's size, known: no regrowing of the tokens as they come
	seg.Dict.Tokens = make([]gse.Token, 0, len(order))
	// nothing the loading allocates is garbage until it ends: no collection
	// while it runs (about a tenth of its time)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for _, i := range order {
		if e, ok := zhs.Parse(&seg, lines[i]); ok {
			_ = seg.AddToken(e.Text, e.Freq, e.Pos)
		}
	}
	return seg, nil
}

// fileOrder is 0, 1, … n-1.
func fileOrder(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}
