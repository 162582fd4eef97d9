package segment

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/doc"
)

// The stage's segmentation is gse's Cut with HMM (gse v0.80.3's cutDAG:
// a DAG of the dictionary's words over the sentence, the most probable
// route through it, and runs of single characters cut by the HMM when the
// run is no word), computed the same way but without its garbage: gse
// builds two maps per sentence, a string per dictionary probe and walks
// the trie again from its root for every prefix; here the prefixes of a
// position are one walk (Dictionary.LookupTokens) and the DAG and routes
// live in reused slices. The tokens are the same, offset for offset (the
// tests compare the two over the corpus); where lowering the text's case
// changes its number of characters, or gse's ToLower is off, Process uses
// gse's Cut itself.

type route struct {
	freq  float64
	index int
}

type scratch struct {
	off   []int // byte offsets of the sentence's runes, and its length
	words []gse.Text
	toks  []*gse.Token
	rs    []route
	hmm   hmmScratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

// cut appends the tokens of one sentence (str, whose first rune is at
// rune offset pos of the document) to out.
func (s *Segmenter) cut(sc *scratch, str string, pos int, out []doc.Token) []doc.Token {
	if !gse.ToLower {
		return s.cutGse(str, pos, out)
	}
	text := strings.ToLower(str)
	sc.off = sc.off[:0]
	for i := range text {
		sc.off = append(sc.off, i)
	}
	n := len(sc.off)
	if n != utf8.RuneCountInString(str) {
		return s.cutGse(str, pos, out)
	}
	sc.off = append(sc.off, len(text))
	off := sc.off
	b := unsafe.Slice(unsafe.StringData(text), len(text))
	sc.words = grow(sc.words, n)
	for k := 0; k < n; k++ {
		sc.words[k] = gse.Text(b[off[k]:off[k+1]:off[k+1]])
	}
	sc.toks = grow(sc.toks, n)
	rs := grow(sc.rs, n+1)
	sc.rs = rs
	dict := s.seg.Dict

	// gse's calc, with getDag's edges of each position found as it goes
	rs[n] = route{freq: 0.0, index: 0}
	logT := math.Log(dict.TotalFreq())
	for idx := n - 1; idx >= 0; idx-- {
		var best route
		set := false
		consider := func(r route) {
			if !set {
				best, set = r, true
			} else if best.freq < r.freq || best.freq == r.freq && best.index < r.index {
				best = r
			}
		}
		nt := dict.LookupTokens(sc.words[idx:], sc.toks)
		m := 0 // runes of the prefix of the token
		for _, t := range sc.toks[:nt] {
			// the token is the word of one of the prefixes, the shortest
			// first: of as many runes as the word has
			if l := s.runesOf(t); l > m && idx+l <= n {
				m = l
			} else {
				for {
					m++
					if t.Equals(text[off[idx]:off[idx+m]]) {
						break
					}
				}
				s.setRunesOf(t, m)
			}
			freq := t.Freq()
			if !(freq > 0) {
				continue
			}
			i := idx + m - 1
			consider(route{freq: math.Log(freq) - logT + rs[i+1].freq, index: i})
		}
		if !set { // no word starts here: the character alone
			freq, _, ok := dict.Find(b[off[idx]:off[idx+1]])
			if ok {
				consider(route{freq: math.Log(freq) - logT + rs[idx+1].freq, index: idx})
			} else {
				consider(route{freq: math.Log(1.0) - logT + rs[idx+1].freq, index: idx})
			}
		}
		rs[idx] = best
	}

	// gse's cutDAG over the routes
	emit := func(w string, runes int) {
		if strings.TrimSpace(w) != "" {
			out = append(out, doc.Token{Span: doc.Span{Start: pos, End: pos + runes}})
		}
		pos += runes
	}
	flush := func(a, z int) {
		switch {
		case z-a == 0:
		case z-a == 1:
			emit(text[off[a]:off[z]], 1)
		default:
			if v, _, ok := dict.Find(b[off[a]:off[z]]); !ok || v == 0 {
				for _, w := range s.hmmCut(&sc.hmm, text[off[a]:off[z]]) {
					emit(w, utf8.RuneCountInString(w))
				}
				return
			}
			for k := a; k < z; k++ {
				emit(text[off[k]:off[k+1]], 1)
			}
		}
	}
	buf := -1 // start of the run of single characters
	for x := 0; x < n; {
		y := rs[x].index + 1
		if y-x == 1 {
			if buf < 0 {
				buf = x
			}
		} else {
			if buf >= 0 {
				flush(buf, x)
				buf = -1
			}
			emit(text[off[x]:off[y]], y-x)
		}
		x = y
	}
	if buf >= 0 {
		flush(buf, n)
	}
	return out
}

// hmmCut is gse's HMMCut (hmm.Cut) of a run, by the stage's own HMM
// where gse's model is loaded.
func (s *Segmenter) hmmCut(sc *hmmScratch, run string) []string {
	if s.hmm == nil {
		return s.seg.HMMCut(run)
	}
	return s.hmm.cut(sc, run)
}

// runesOf is the number of runes of a dictionary token as last found, 0
// if not yet known. The tokens are those of Dict.Tokens, which no longer
// change once the dictionary is loaded.
func (s *Segmenter) runesOf(t *gse.Token) int {
	if i, ok := s.tokenIndex(t); ok {
		return int(s.runes[i].Load())
	}
	return 0
}

func (s *Segmenter) setRunesOf(t *gse.Token, n int) {
	if i, ok := s.tokenIndex(t); ok {
		s.runes[i].Store(uint32(n))
	}
}

func (s *Segmenter) tokenIndex(t *gse.Token) (int, bool) {
	toks := s.seg.Dict.Tokens
	if len(toks) == 0 || len(toks) != len(s.runes) {
		return 0, false
	}
	d := uintptr(unsafe.Pointer(t)) - uintptr(unsafe.Pointer(&toks[0]))
	i := int(d / unsafe.Sizeof(toks[0]))
	if d%unsafe.Sizeof(toks[0]) != 0 || i < 0 || i >= len(toks) {
		return 0, false
	}
	return i, true
}

// cutGse is the stage's segmentation by gse's Cut itself.
func (s *Segmenter) cutGse(str string, pos int, out []doc.Token) []doc.Token {
	for _, w := range s.seg.Cut(str, true) {
		n := len([]rune(w))
		if strings.TrimSpace(w) != "" {
			out = append(out, doc.Token{Span: doc.Span{Start: pos, End: pos + n}})
		}
		pos += n
	}
	return out
}
