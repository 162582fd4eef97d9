package normalize

import (
	_ "embed"
	"slices"
	"strings"
)

//go:embed data/pinyin.txt
var pinyinData string

// syllables is the set of toneless pinyin syllables, with ü written as v.
var syllables = parseSyllables(pinyinData)

func parseSyllables(data string) map[string]struct{} {
	set := make(map[string]struct{}, 450)
	for line := range strings.Lines(data) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, s := range strings.Fields(line) {
			set[strings.ReplaceAll(s, "ü", "v")] = struct{}{}
		}
	}
	return set
}

// maxPinyin bounds the content of an annotation, in runes: the longest
// syllable (zhuang) plus a tone digit or combining marks.
const maxPinyin = 12

// annotation is a candidate pinyin annotation b.r[from:to], parentheses
// included.
type annotation struct {
	from, to int
	tonal    bool // has a tone mark or tone number
	letters  int
}

// removePinyin removes, in place, pinyin annotations that mirror sites add
// after characters: 區(qū) → 區, 會(huì) → 會. A candidate is a parenthesised
// single pinyin syllable directly after a Han character. Tone-marked (qū)
// or tone-numbered (qu1) syllables are always removed; toneless ones of two
// letters or more (neutral tone, de, le, men) only when the text also has
// tone-marked annotations, so that (ai), (an) or (a) in ordinary text stay.
// parens are the indices of the '(' that follow a Han character, in order.
func removePinyin(b *buffer, parens []int) {
	var cands []annotation
	anyTonal := false
	for _, i := range parens {
		if a, ok := pinyinAt(b.r, i); ok {
			cands = append(cands, a)
			anyTonal = anyTonal || a.tonal
		}
	}
	cands = slices.DeleteFunc(cands, func(a annotation) bool {
		return !a.tonal && (!anyTonal || a.letters < 2)
	})
	if len(cands) == 0 {
		return
	}
	// Move the text between the annotations down over them.
	w := cands[0].from
	for ci, a := range cands {
		next := len(b.r)
		if ci+1 < len(cands) {
			next = cands[ci+1].from
		}
		copy(b.r[w:], b.r[a.to:next])
		copy(b.start[w:], b.start[a.to:next])
		copy(b.end[w:], b.end[a.to:next])
		w += next - a.to
	}
	b.truncate(w)
}

// pinyinAt recognises "(syllable)" at rs[i] == '('.
func pinyinAt(rs []rune, i int) (annotation, bool) {
	var buf [maxPinyin]byte
	n := 0
	tonal := false
	limit := min(len(rs), i+2+maxPinyin)
	for j := i + 1; j < limit; j++ {
		r := rs[j]
		switch {
		case r == ')':
			if n == 0 {
				return annotation{}, false
			}
			if _, ok := syllables[string(buf[:n])]; !ok {
				return annotation{}, false
			}
			return annotation{from: i, to: j + 1, tonal: tonal, letters: n}, true
		case r >= '1' && r <= '5':
			// A tone number ends the syllable.
			if n == 0 || j+1 >= len(rs) || rs[j+1] != ')' {
				return annotation{}, false
			}
			tonal = true
		case r == 0x300 || r == 0x301 || r == 0x304 || r == 0x30c:
			// Combining tone mark (decomposed text).
			if n == 0 {
				return annotation{}, false
			}
			tonal = true
		case r == 0x308: // combining diaeresis: u + ̈ = ü
			if n == 0 || buf[n-1] != 'u' {
				return annotation{}, false
			}
			buf[n-1] = 'v'
		default:
			c, tone := pinyinLetter(r)
			if c == 0 || n == len(buf) {
				return annotation{}, false
			}
			buf[n] = c
			n++
			tonal = tonal || tone
		}
	}
	return annotation{}, false
}

// pinyinLetter maps a lower-case pinyin letter, possibly tone-marked, to its
// toneless ASCII letter (ü → v), and reports whether it carried a tone.
// It returns 0 for anything else, including upper-case letters.
func pinyinLetter(r rune) (byte, bool) {
	if r >= 'a' && r <= 'z' {
		return byte(r), false
	}
	switch r {
	case 'ü':
		return 'v', false
	case 'ā', 'á', 'ǎ', 'à':
		return 'a', true
	case 'ē', 'é', 'ě', 'è':
		return 'e', true
	case 'ī', 'í', 'ǐ', 'ì':
		return 'i', true
	case 'ō', 'ó', 'ǒ', 'ò':
		return 'o', true
	case 'ū', 'ú', 'ǔ', 'ù':
		return 'u', true
	case 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return 'v', true
	case 'ń', 'ň', 'ǹ':
		return 'n', true
	case 'ḿ':
		return 'm', true
	case 'ɑ': // the "pinyin a" of some fonts
		return 'a', false
	case 'ɡ':
		return 'g', false
	}
	return 0, false
}
