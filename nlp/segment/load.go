package segment

import (
	"runtime/debug"
	"strings"
	_ "unsafe" // go:linkname

	"github.com/go-ego/gse"
)

// gseZhS is gse's embedded simplified-Chinese dictionary (the text that
// gse.NewEmbed("zh_s") loads), empty when gse is built without it.
//
//go:linkname gseZhS github.com/go-ego/gse.zhS
var gseZhS string

// loadZhS loads gse's simplified dictionary as gse.NewEmbed("zh_s") does
// (gse v0.80.3's LoadDictStr: the same lines, parsed the same way, the same
// tokens added in the same order, the same HMM model), except that it does
// not compute the tokens' search-mode sub-segments and shortest-path
// distances (gse's CalcToken): only gse's Segment/Slice/CutSearch modes
// read them, and the stage uses Cut with HMM and Find alone. That is about
// 40% of the loading and some 20 MB of heap. Without the embedded text it
// falls back to gse.NewEmbed.
func loadZhS() (gse.Segmenter, error) {
	if gseZhS == "" {
		return gse.NewEmbed("zh_s")
	}
	var seg gse.Segmenter
	seg.Dict = gse.NewDict()
	seg.Init()
	// the table's size, known: no regrowing of the tokens as they come
	seg.Dict.Tokens = make([]gse.Token, 0, strings.Count(gseZhS, "\n")+1)
	// nothing the loading allocates is garbage until it ends: no collection
	// while it runs (about a tenth of its time)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	sep := seg.DictSep + " "
	for rest := gseZhS; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		// strings.Split(line, sep): its size and first three fields
		size := strings.Count(line, sep) + 1
		f0, r, _ := strings.Cut(line, sep)
		f1, r, _ := strings.Cut(r, sep)
		f2, _, _ := strings.Cut(r, sep)
		text := strings.TrimSpace(f0)
		freqText := ""
		if size > 1 {
			freqText = strings.TrimSpace(f1)
		}
		freq := seg.Size(size, text, freqText)
		if freq == 0.0 {
			continue
		}
		pos := ""
		if size > 2 {
			pos = strings.TrimSpace(strings.Trim(f2, "\n"))
		}
		_ = seg.AddToken(text, freq, pos)
	}
	return seg, nil
}
