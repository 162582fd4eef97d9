// Package segment is the word-segmentation stage: gse's simplified-Chinese
// dictionary with its HMM for unknown words, extended with kg's government
// lexicon, cuts each sentence of a Document into tokens.
package segment

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Segmenter wraps gse. It is safe for concurrent use once built.
type Segmenter struct {
	seg gse.Segmenter
	// runes[i] is the length in runes of seg.Dict.Tokens[i] once the
	// segmentation has met it (see cut).
	runes []atomic.Uint32
	hmm   *hmmModel // gse's HMM, computed without its garbage (nil: gse's own)
}

var (
	once   sync.Once
	shared *Segmenter
	errNew error
)

// Shared returns the process-wide segmenter, loading gse's simplified
// dictionary (zh_s only: the traditional one is not needed because the
// normaliser converts to simplified first) on first use.
func Shared(lx *lexicon.Lexicon) (*Segmenter, error) {
	once.Do(func() { shared, errNew = New(lx) })
	return shared, errNew
}

// New loads gse's simplified dictionary and adds the lexicon's titles,
// organisation words and places, which it lacks or splits.
//
// Memory: the dictionary is about 130 MB of live heap (gse's double-array
// trie of 350 000 words, the words and their precomputed sub-segments), and
// loading it churns through as much again in garbage. Left to the default
// pacing of the garbage collector (a collection when the heap has doubled),
// a process would peak at ~220 MB while loading and at 300 MB and more while
// extracting on a few cores. So unless the user chose a limit (GOMEMLIMIT),
// New sets a soft memory limit: a tight one while loading, then the
// dictionary plus headroom for the extraction workers (see steadyLimit),
// and returns the garbage of the loading to the operating system.
func New(lx *lexicon.Lexicon) (*Segmenter, error) {
	managed := !userMemoryLimit()
	if managed {
		debug.SetMemoryLimit(loadLimit)
	}
	seg, err := loadZhS()
	if err != nil {
		return nil, fmt.Errorf("segment: loading gse dictionary: %w", err)
	}
	s := &Segmenter{seg: seg, hmm: newHMM()}
	for name := range lx.Places {
		_ = s.seg.AddToken(name, 2000, "ns")
	}
	s.runes = make([]atomic.Uint32, len(s.seg.Dict.Tokens))
	if managed {
		debug.FreeOSMemory() // collects, and returns the loading's garbage
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		baseLimit.Store(steadyLimit(m.HeapAlloc, runtime.GOMAXPROCS(0)))
		debug.SetMemoryLimit(baseLimit.Load())
	}
	return s, nil
}

// baseLimit is the steady soft memory limit that New set (0 when the user
// chose one), and reserved the bytes reserved by reports in flight.
var baseLimit, reserved atomic.Int64

// bytesPerInputByte is the heap reserved per byte of a report's text: it
// holds ~160 (the runes and their offsets, tokens, layers, evidence —
// measured with kg extract on a generated 2 MB report: ~515 MB peak RSS
// without a limit against ~200 MB for a one-line one), and the collector
// needs room above the live heap to pace itself.
const bytesPerInputByte = 300

// ReserveFor raises the soft memory limit for a report of n bytes while it
// is extracted, and returns the function that gives it back. Without it a
// long report (megabytes) outgrows the limit set for ordinary ones and the
// garbage collector runs without pause (a 2 MB report took 8 s instead of
// 3). A limit the user chose (GOMEMLIMIT) is left alone.
func ReserveFor(n int) (release func()) {
	if baseLimit.Load() == 0 || n < 64<<10 {
		return func() {}
	}
	r := int64(n) * bytesPerInputByte
	debug.SetMemoryLimit(baseLimit.Load() + reserved.Add(r))
	return func() { debug.SetMemoryLimit(baseLimit.Load() + reserved.Add(-r)) }
}

// loadLimit is the soft memory limit while the dictionary loads: a little
// above its live size, so that the loading's garbage is collected as it
// goes (at the cost of a few more collections, ~0.1 s).
const loadLimit = 176 << 20

// steadyLimit is the soft memory limit once the dictionary (live bytes of
// heap, with the recogniser's model and the gazetteer, which load at the
// same time) is loaded: that, 48 MiB, and 16 MiB per core for the workers
// that extract at once and what the caller keeps (a batch being loaded into
// Neo4j). Measured with kg extract over pd199801.txt (5.5 MB, 975 reports)
// on two cores, back to back: 112 MiB of headroom 5.0 s (-j 1) / 3.1 s
// (-j 2) and 301 / 293 MB peak RSS; 48 MiB 4.4–4.9 s / 2.4–2.8 s and
// 228–231 MB. (Before gse's dictionary lost its search-mode sub-segments,
// a tight limit made the collector slow segmentation by half; with the
// smaller dictionary it does not.) The limit is soft: a heap that needs
// more gets it.
func steadyLimit(live uint64, cores int) int64 {
	return int64(live) + 48<<20 + int64(cores)*16<<20
}

// userMemoryLimit reports whether the process has a memory limit of its
// own (GOMEMLIMIT, or debug.SetMemoryLimit before New).
func userMemoryLimit() bool {
	return os.Getenv("GOMEMLIMIT") != "" || debug.SetMemoryLimit(-1) != math.MaxInt64
}

// Name implements the pipeline stage interface.
func (s *Segmenter) Name() string { return "segment" }

// Needs and Provides declare the stage's layers.
func (s *Segmenter) Needs() []doc.Layer    { return []doc.Layer{doc.LayerSentences} }
func (s *Segmenter) Provides() []doc.Layer { return []doc.Layer{doc.LayerTokens} }

// Process cuts every sentence into tokens (gse's Cut with HMM; see cut).
func (s *Segmenter) Process(d *doc.Document) error {
	d.Tokens = d.Tokens[:0]
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	for _, sent := range d.Sentences {
		d.Tokens = s.cut(sc, string(d.Text[sent.Start:sent.End]), sent.Start, d.Tokens)
	}
	return nil
}

// Known reports whether word is in gse's dictionary, with its frequency and
// part of speech.
func (s *Segmenter) Known(word string) (freq float64, pos string, ok bool) {
	return s.seg.Find(word)
}

// Cut segments text with gse's HMM for unknown words (for benchmarks and
// tools; the stage uses Process).
func (s *Segmenter) Cut(text string) []string { return s.seg.Cut(text, true) }
