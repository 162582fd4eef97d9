package segment

import (
	"unicode"
	"unicode/utf8"
	_ "unsafe" // go:linkname
)

// The HMM that cuts runs of single characters the dictionary does not
// know: gse v0.80.3's hmm.Cut (jieba's model: states B, M, E, S), computed
// the same way — the same sums in the same order, the same tie-breaks, the
// same pieces — but with its emission probabilities in one table and its
// Viterbi in reused arrays: gse's builds a map per character and copies
// every path at every step, which made it two fifths of the segmentation's
// time. The tests compare the two over the corpus and on fuzzed text.

// hmmProbEmit is gse's emission table, state → rune → log probability,
// filled by gse's LoadModel (Segmenter.Init).
//
//go:linkname hmmProbEmit github.com/go-ego/gse/hmm.probEmit
var hmmProbEmit map[byte]map[rune]float64

// states, in the order of their letters (gse's tie-breaks compare them)
const (
	stB = iota
	stE
	stM
	stS
	nStates
)

var stateLetter = [nStates]byte{'B', 'E', 'M', 'S'}

const minFloat = -3.14e100 // gse's stand-in for log 0

// gse's start and transition log probabilities, and each state's two
// possible predecessors in gse's order
var (
	probStart = [nStates]float64{stB: -0.26268660809250016, stE: -3.14e+100, stM: -3.14e+100, stS: -1.4652633398537678}
	prevOf    = [nStates][2]int{stB: {stE, stS}, stM: {stM, stB}, stS: {stS, stE}, stE: {stB, stM}}
	probTrans = [nStates][nStates]float64{
		stB: {stE: -0.510825623765990, stM: -0.916290731874155},
		stE: {stB: -0.5897149736854513, stS: -0.8085250474669937},
		stM: {stE: -0.33344856811948514, stM: -1.2603623820268226},
		stS: {stB: -0.7211965654669841, stS: -0.6658631448798212},
	}
)

// hmmModel holds the emission log probabilities of each character, for
// every state (minFloat where gse's table has none).
type hmmModel struct {
	emit map[rune]*[nStates]float64
	none [nStates]float64
}

// newHMM reads gse's loaded emission table; nil when it is empty (gse's
// model not loaded), and the stage then calls gse's own HMM.
func newHMM() *hmmModel {
	if len(hmmProbEmit) == 0 {
		return nil
	}
	m := &hmmModel{emit: map[rune]*[nStates]float64{}}
	for k := range m.none {
		m.none[k] = minFloat
	}
	for st := 0; st < nStates; st++ {
		for r, p := range hmmProbEmit[stateLetter[st]] {
			e := m.emit[r]
			if e == nil {
				e = new([nStates]float64)
				*e = m.none
				m.emit[r] = e
			}
			e[st] = p
		}
	}
	return m
}

func (m *hmmModel) emitOf(r rune) *[nStates]float64 {
	if e := m.emit[r]; e != nil {
		return e
	}
	return &m.none
}

// hmmScratch is the Viterbi's memory, reused from sentence to sentence.
type hmmScratch struct {
	runes []rune
	back  [][nStates]uint8
	out   []string
}

// cut is gse's hmm.Cut(text) with its default expressions: runs of Han
// characters go through the Viterbi; runs of Latin letters and digits
// (and decimals, 3.14) are pieces of their own; what lies between is one
// piece.
func (m *hmmModel) cut(sc *hmmScratch, text string) []string {
	out := sc.out[:0]
	for len(text) > 0 {
		ha, hb := hanRun(text)
		if ha == 0 {
			out = m.viterbiCut(sc, text[:hb], out)
			text = text[hb:]
			continue
		}
		sa, sb := skipRun(text)
		if sa == 0 {
			out = append(out, text[:sb])
			text = text[sb:]
			continue
		}
		// the text up to the first run of either kind
		loc := -1
		switch {
		case ha < 0 && sa < 0:
		case ha < 0:
			loc = sa
		case sa < 0 || ha < sa:
			loc = ha
		default:
			loc = sa
		}
		if loc < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:loc])
		text = text[loc:]
	}
	sc.out = out
	return out
}

// hanRun finds the first run of Han characters (\p{Han}+): its byte
// offsets, or -1, -1.
func hanRun(s string) (int, int) {
	a := -1
	for i, r := range s {
		isHan := unicode.Is(unicode.Han, r)
		switch {
		case isHan && a < 0:
			a = i
		case !isHan && a >= 0:
			return a, i
		}
	}
	if a < 0 {
		return -1, -1
	}
	return a, len(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// skipRun finds the first match of gse's (\d+\.\d+|[a-zA-Z0-9]+), leftmost
// and, at its start, the first alternative that matches: its byte offsets,
// or -1, -1.
func skipRun(s string) (int, int) {
	a := -1
	for i := 0; i < len(s); i++ {
		if isAlnum(s[i]) {
			a = i
			break
		}
	}
	if a < 0 {
		return -1, -1
	}
	// \d+\.\d+
	k := a
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k > a && k+1 < len(s) && s[k] == '.' && isDigit(s[k+1]) {
		k += 2
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		return a, k
	}
	// [a-zA-Z0-9]+
	k = a
	for k < len(s) && isAlnum(s[k]) {
		k++
	}
	return a, k
}

// viterbiCut is gse's internalCut: the most probable states of the run's
// characters, and its pieces (B…E a word, S a character, the rest after
// the last E or S one piece).
func (m *hmmModel) viterbiCut(sc *hmmScratch, run string, out []string) []string {
	rs := sc.runes[:0]
	for _, r := range run {
		rs = append(rs, r)
	}
	sc.runes = rs
	n := len(rs)
	if cap(sc.back) < n {
		sc.back = make([][nStates]uint8, n, n+n/2)
	}
	back := sc.back[:n]

	var v, nv [nStates]float64
	e := m.emitOf(rs[0])
	for y := 0; y < nStates; y++ {
		v[y] = e[y] + probStart[y]
	}
	for t := 1; t < n; t++ {
		e := m.emitOf(rs[t])
		for y := 0; y < nStates; y++ {
			emP := e[y]
			best, bs := 0.0, -1
			for _, y0 := range prevOf[y] {
				p := v[y0] + probTrans[y0][y] + emP
				// gse sorts the two by (probability, state letter) and
				// takes the greatest
				if bs < 0 || p > best || p == best && y0 > bs {
					best, bs = p, y0
				}
			}
			nv[y] = best
			back[t][y] = uint8(bs)
		}
		v = nv
	}
	last := stS // of E and S, the likelier; S on a tie
	if v[stE] > v[stS] {
		last = stE
	}
	// the states, back from the end (held in back[t][0] once read)
	st := last
	for t := n - 1; t >= 0; t-- {
		prev := 0
		if t > 0 {
			prev = int(back[t][st])
		}
		back[t][0] = uint8(st)
		st = prev
	}

	// the pieces, as internalCut makes them (byte offsets into run)
	next, off := 0, 0
	bOff, nOff := 0, 0
	for i := 0; i < n; i++ {
		size := utf8.RuneLen(rs[i]) // a Han run: valid UTF-8
		switch back[i][0] {
		case stB:
			bOff = off
		case stE:
			out = append(out, run[bOff:off+size])
			next, nOff = i+1, off+size
		case stS:
			out = append(out, run[off:off+size])
			next, nOff = i+1, off+size
		}
		off += size
	}
	if next < n {
		out = append(out, run[nOff:])
	}
	return out
}
