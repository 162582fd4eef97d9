package normalize

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// t2sTables hold the OpenCC t2s dictionaries as Go maps plus bit sets that
// make the common case (text that is already simplified) cost one bit test
// per Han character.
//
// The conversion is the one of opencc.OpenCC.Convert for "t2s": at each
// position the longest phrase of TSPhrases wins, else the character of
// TSCharacters, else the rune is kept. Matches are rune-aligned, so every
// converted rune keeps the raw span of the rune it replaces.
type t2sTables struct {
	chars   map[rune]rune     // TSCharacters entries that change the character
	phrases map[rune][]phrase // TSPhrases by first rune, longest first

	trad        runeSet // keys of chars
	trigger     runeSet // trad minus characters that are also used in simplified text
	phraseFirst runeSet // first runes of phrases
}

type phrase struct {
	key, val []rune
}

// ambiguous are characters that OpenCC converts but that are also written in
// simplified text, mostly in names: 乾 (乾隆, 萧乾, 王丙乾), 於 and 甯 as
// surnames, 徵 (宫商角徵羽), 薹 (蒜薹), 塚 in Japanese names (三塚博), …
// They do not by themselves make a sentence traditional; in a sentence that
// is traditional for other reasons they are converted like any other.
const ambiguous = "乾於餘徵夥昇陞甦薹榘塚甯"

var t2sOnce struct {
	sync.Once
	t   *t2sTables
	err error
}

// loadT2S loads the OpenCC t2s dictionaries once per process.
func loadT2S() (*t2sTables, error) {
	t2sOnce.Do(func() {
		t2sOnce.t, t2sOnce.err = buildT2S()
	})
	return t2sOnce.t, t2sOnce.err
}

func buildT2S() (*t2sTables, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("normalize: loading OpenCC t2s: %w", err)
	}
	t := &t2sTables{
		chars:       make(map[rune]rune, 4200),
		phrases:     make(map[rune][]phrase, 128),
		trad:        newRuneSet(),
		trigger:     newRuneSet(),
		phraseFirst: newRuneSet(),
	}
	var nchars, nphrases int
	for _, g := range cc.DictChains {
		for fi, d := range g.Dicts {
			if fi >= len(g.Files) || d == nil || d.Trie == nil {
				continue
			}
			switch g.Files[fi] {
			case "TSCharacters.ocd2":
				nchars += eachEntry(d.Trie, d.Values, func(k, v []rune) {
					if len(k) == 1 && len(v) == 1 && k[0] != v[0] {
						t.chars[k[0]] = v[0]
						t.trad.add(k[0])
					}
				})
			case "TSPhrases.ocd2":
				nphrases += eachEntry(d.Trie, d.Values, func(k, v []rune) {
					// A phrase whose conversion changes its length cannot
					// be mapped rune by rune; leaving it out falls back to
					// character conversion for it.
					if len(k) > 1 && len(k) == len(v) {
						t.phrases[k[0]] = append(t.phrases[k[0]], phrase{key: k, val: v})
						t.phraseFirst.add(k[0])
					}
				})
			}
		}
	}
	if nchars == 0 || nphrases == 0 {
		return nil, fmt.Errorf("normalize: OpenCC t2s dictionaries not found (%d characters, %d phrases)", nchars, nphrases)
	}
	for _, ps := range t.phrases {
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.key) - len(a.key) })
	}
	for v, r := range parseVariants(variantsData) {
		if _, ok := t.chars[v]; !ok {
			t.chars[v] = r
			t.trad.add(v)
		}
	}
	for r := range t.chars {
		t.trigger.add(r)
	}
	for _, r := range ambiguous {
		t.trigger.remove(r)
	}
	return t, nil
}

//go:embed data/variants.txt
var variantsData string

// parseVariants reads the variant characters that OpenCC does not convert
// (data/variants.txt).
func parseVariants(data string) map[rune]rune {
	out := map[rune]rune{}
	for line := range strings.Lines(data) {
		f := strings.Fields(line)
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		v, r := []rune(f[0]), []rune(f[1])
		if len(v) == 1 && len(r) == 1 {
			out[v[0]] = r[0]
		}
	}
	return out
}

// trie is the part of the double-array trie (github.com/liuzl/cedar-go)
// behind an OpenCC dictionary that is needed to list its entries.
type trie interface {
	PrefixPredict(key []byte, num int) []int
	Key(id int) ([]byte, error)
	Value(id int) (int, error)
}

// eachEntry calls f for every entry of an OpenCC dictionary with the key
// and its first (preferred) value, and returns the number of entries.
func eachEntry(tr trie, values [][]string, f func(k, v []rune)) int {
	n := 0
	for _, id := range tr.PrefixPredict(nil, 0) {
		key, err := tr.Key(id)
		if err != nil || !utf8.Valid(key) {
			continue
		}
		vi, err := tr.Value(id)
		if err != nil || vi < 0 || vi >= len(values) || len(values[vi]) == 0 {
			continue
		}
		f([]rune(string(key)), []rune(values[vi][0]))
		n++
	}
	return n
}

// convert converts traditional characters to simplified in place.
//
// To leave simplified text alone, only sentences that look traditional are
// converted: those containing a trigger character (one that only occurs in
// traditional text), and, when the whole text is traditional (at least one
// Han character in ten is a trigger; in traditional text it is typically
// one in four), every sentence that has traditional characters.
func (t *t2sTables) convert(b *buffer, st stats) {
	wholeText := st.trigger*10 >= st.han
	rs := b.r
	for s := 0; s < len(rs); {
		e := s
		hasTrigger, hasTrad := false, false
		for ; e < len(rs); e++ {
			r := rs[e]
			if t.trad.has(r) {
				hasTrad = true
				hasTrigger = hasTrigger || t.trigger.has(r)
			}
			if endsSentence(r) {
				e++
				break
			}
		}
		if hasTrigger || wholeText && hasTrad {
			t.convertSpan(rs[s:e])
		}
		s = e
	}
}

func endsSentence(r rune) bool {
	switch r {
	case '\n', '。', '!', '?', ';':
		return true
	}
	return false
}

// convertSpan applies OpenCC t2s to rs in place.
func (t *t2sTables) convertSpan(rs []rune) {
	for i := 0; i < len(rs); {
		r := rs[i]
		if t.phraseFirst.has(r) {
			if n := t.matchPhrase(rs[i:]); n > 0 {
				i += n
				continue
			}
		}
		if t.trad.has(r) {
			rs[i] = t.chars[r]
		}
		i++
	}
}

// matchPhrase replaces the longest phrase at the start of rs and returns its
// length, or 0.
func (t *t2sTables) matchPhrase(rs []rune) int {
	for _, p := range t.phrases[rs[0]] {
		if len(p.key) <= len(rs) && slices.Equal(p.key, rs[:len(p.key)]) {
			copy(rs, p.val)
			return len(p.key)
		}
	}
	return 0
}

// runeSet is a bit set over the code points that hold Han characters
// (planes 0 to 3).
type runeSet []uint64

const runeSetLimit = 0x40000

func newRuneSet() runeSet { return make(runeSet, runeSetLimit/64) }

func (s runeSet) has(r rune) bool {
	i := uint32(r) >> 6
	return i < uint32(len(s)) && s[i]&(1<<(uint32(r)&63)) != 0
}

func (s runeSet) add(r rune) {
	if uint32(r) < runeSetLimit {
		s[r>>6] |= 1 << (r & 63)
	}
}

func (s runeSet) remove(r rune) {
	if uint32(r) < runeSetLimit {
		s[r>>6] &^= 1 << (r & 63)
	}
}
