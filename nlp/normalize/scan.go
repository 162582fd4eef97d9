package normalize

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// stats are facts gathered by scan that let later steps skip work.
type stats struct {
	han     int   // Han characters
	trigger int   // characters that only occur in traditional text
	parens  []int // indices of '(' directly after a Han character
}

// scan builds the working buffer from raw in a single pass (step 1 in the
// package documentation) and returns it with the number of runes in raw.
// t, which may be nil, is used to count traditional characters.
func scan(raw string, t *t2sTables) (*buffer, stats, int) {
	sc := scanner{buffer: newBuffer(estimateRunes(raw))}
	if t != nil {
		sc.triggers = t.trigger
	}
	k := 0 // index of the current raw rune
	for i := 0; i < len(raw); {
		c := raw[i]
		var r rune
		switch {
		case c < utf8.RuneSelf:
			if c == '&' {
				if dec, n := entityAt(raw, i); n > 0 {
					// References are ASCII: n bytes are n runes.
					for _, r := range dec {
						sc.add(r, k, k+n)
					}
					i += n
					k += n
					continue
				}
			} else if c == '<' {
				if end, n, lineBreak := tagAt(raw, i); end > 0 {
					if lineBreak {
						sc.buffer.add('\n', k, k+n)
					}
					i = end
					k += n
					continue
				}
			}
			r = rune(c)
			i++
		case c&0xf0 == 0xe0 && i+2 < len(raw):
			// Inline decoding of three-byte sequences (all of CJK).
			c1, c2 := raw[i+1], raw[i+2]
			r = rune(c&0x0f)<<12 | rune(c1&0x3f)<<6 | rune(c2&0x3f)
			if c1&0xc0 == 0x80 && c2&0xc0 == 0x80 && r >= 0x800 && (r < 0xd800 || r > 0xdfff) {
				i += 3
			} else {
				var w int
				r, w = utf8.DecodeRuneInString(raw[i:])
				i += w
			}
		default:
			var w int
			r, w = utf8.DecodeRuneInString(raw[i:])
			i += w
		}
		sc.add(r, k, k+1)
		k++
	}
	sc.buffer.trimRight()
	return sc.buffer, sc.stats, k
}

type scanner struct {
	*buffer
	stats
	triggers runeSet // may be empty
}

// add cleans rune r (see cleanRune) and adds it with raw span [s, e).
func (sc *scanner) add(r rune, s, e int) {
	r, ok := cleanRune(r)
	if !ok {
		return
	}
	if isHanFast(r) {
		sc.han++
		if sc.triggers.has(r) {
			sc.trigger++
		}
		sc.push(r, s, e)
		return
	}
	if r == '(' {
		if n := len(sc.r); n > 0 && unicode.Is(unicode.Han, sc.r[n-1]) {
			sc.parens = append(sc.parens, n)
		}
	}
	sc.buffer.add(r, s, e)
}

// cleanRune maps one rune to its cleaned form, or reports false if it is to
// be dropped:
//   - line separators (\r, \v, \f, NEL, U+2028, U+2029) become '\n';
//   - tabs, no-break and other Unicode spaces, and the ideographic space
//     U+3000 become ' ';
//   - other control characters, zero-width and bidi formatting characters,
//     the soft hyphen, the byte order mark and variation selectors are
//     dropped;
//   - full-width and half-width forms (U+FF00–U+FFEF) are folded with
//     x/text/width, so full-width ASCII becomes ASCII. Chinese punctuation
//     without an ASCII twin (、。“”《》【】…) is outside that block and kept.
func cleanRune(r rune) (rune, bool) {
	switch {
	case r >= 0x20 && r < 0x7f: // printable ASCII
		return r, true
	case r >= 0x3001 && r < 0xfe00: // CJK, the common case
		return r, true
	case r < 0x20:
		switch r {
		case '\n':
			return '\n', true
		case '\t':
			return ' ', true
		case '\r', '\v', '\f':
			return '\n', true
		}
		return 0, false
	case r < 0xa0: // DEL and C1 controls
		if r == 0x85 {
			return '\n', true
		}
		return 0, false
	case r < 0x2000:
		switch r {
		case 0xa0, 0x1680:
			return ' ', true
		case 0xad, 0x34f, 0x61c, 0x180e:
			return 0, false
		}
		return r, true
	case r < 0x2070: // General Punctuation
		switch {
		case r <= 0x200a, r == 0x202f, r == 0x205f:
			return ' ', true
		case r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060:
			return 0, false
		case r == 0x2028, r == 0x2029:
			return '\n', true
		}
		return r, true
	case r == 0x3000:
		return ' ', true
	case r >= 0xfe00 && r <= 0xfe0f, r == 0xfeff, r >= 0xfff9 && r <= 0xfffb:
		return 0, false
	case r >= 0xff00 && r <= 0xffef:
		if f := width.LookupRune(r).Folded(); f != 0 {
			return f, true
		}
		return r, true
	case r >= 0xe0000 && r <= 0xe0fff: // tags and variation selectors supplement
		return 0, false
	}
	return r, true
}

// isHanFast reports whether r is in one of the CJK ideograph blocks. It is a
// cheap approximation of unicode.Is(unicode.Han, r) used for counting.
func isHanFast(r rune) bool {
	return r >= 0x3400 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff || r >= 0x20000 && r <= 0x3ffff
}

// estimateRunes returns the number of bytes of s that are not UTF-8
// continuation bytes: the number of runes for valid UTF-8, and a close
// estimate otherwise. It is much faster than utf8.RuneCountInString.
func estimateRunes(s string) int {
	const hi, lo = 0x8080808080808080, 0x4040404040404040
	cont := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// Continuation bytes are 10xxxxxx: high bit set, next bit clear.
		cont += bits.OnesCount64(x & hi &^ (x << 1 & hi))
	}
	for ; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}
