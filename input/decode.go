package input

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// The encoding names that Report.Encoding takes for text files.
const (
	EncUTF8    = "utf-8"
	EncGB18030 = "gb18030" // also GBK and GB2312, which it extends
	EncBig5    = "big5"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// sampleSize is how much of the input the detector looks at.
const sampleSize = 64 << 10

// decoders for the encodings the detector chooses from.
func decoderFor(name string) encoding.Encoding {
	switch name {
	case EncGB18030:
		return simplifiedchinese.GB18030
	case EncBig5:
		return traditionalchinese.Big5
	case EncUTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case EncUTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return nil
}

// decodeWith decodes data with the named encoding. Invalid sequences become
// U+FFFD; the decoders used never fail otherwise.
func decodeWith(name string, data []byte) string {
	if name == EncUTF8 {
		return validUTF8(data)
	}
	out, err := decoderFor(name).NewDecoder().Bytes(data)
	if err != nil {
		return validUTF8(data) // not reached: these decoders do not fail
	}
	return string(out)
}

// validUTF8 returns b as a string with each invalid byte replaced by U+FFFD.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var s strings.Builder
	s.Grow(len(b) + 16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		s.WriteRune(r) // U+FFFD for an invalid byte
		b = b[size:]
	}
	return s.String()
}

// Known binary formats, by their first bytes.
var signatures = []struct {
	magic, reason string
}{
	{"%PDF-", "binary file (PDF document)"},
	{"PK\x03\x04", "binary file (ZIP archive, or a Word, Excel or EPUB document)"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "binary file (Microsoft Office document)"},
	{"{\\rtf", "RTF document, not plain text"},
	{"\x89PNG\r\n\x1a\n", "binary file (PNG image)"},
	{"\xFF\xD8\xFF", "binary file (JPEG image)"},
	{"GIF87a", "binary file (GIF image)"},
	{"GIF89a", "binary file (GIF image)"},
	{"\x1F\x8B\x08", "binary file (gzip archive)"},
	{"\xFD7zXZ\x00", "binary file (xz archive)"},
	{"7z\xBC\xAF\x27\x1C", "binary file (7-Zip archive)"},
	{"Rar!\x1A\x07", "binary file (RAR archive)"},
	{"\x7FELF", "binary file (executable)"},
}

// decode detects the encoding of data and decodes it to UTF-8. isHTML asks
// it to respect a <meta charset> when the bytes are not valid UTF-8.
//
// In order: a BOM decides; known binary formats, NUL bytes (unless the data
// is UTF-16) and many control bytes are refused as binary; valid UTF-8 is
// UTF-8; then GB18030, Big5, UTF-16LE and UTF-16BE are tried and the one
// that gives the most plausible Chinese wins, if plausible at all.
func decode(data []byte, isHTML bool) (text, enc string, e *Error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return decodeKnown(EncUTF8, data[len(bomUTF8):])
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeKnown(EncUTF16LE, data[len(bomUTF16LE):])
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeKnown(EncUTF16BE, data[len(bomUTF16BE):])
	}
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return "", "", &Error{Kind: KindBinary, Reason: s.reason}
		}
	}
	smp := sample(data)
	if bytes.IndexByte(smp, 0) >= 0 {
		// NUL bytes: UTF-16 without BOM, or binary.
		return bestOf(data, []string{EncUTF16LE, EncUTF16BE}, &Error{Kind: KindBinary, Reason: "binary file"})
	}
	if controlHeavy(smp) {
		return "", "", &Error{Kind: KindBinary, Reason: "binary file (control characters)"}
	}
	if utf8.Valid(data) {
		return string(data), EncUTF8, nil
	}
	if isHTML {
		if text, enc, ok := decodeMetaCharset(data); ok {
			return text, enc, nil
		}
	}
	return bestOf(data, []string{EncGB18030, EncBig5, EncUTF16LE, EncUTF16BE},
		&Error{Kind: KindUndecodable, Reason: "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text"})
}

// decodeKnown decodes data whose encoding a BOM names. A few invalid
// sequences are tolerated (as U+FFFD); many are not.
func decodeKnown(enc string, data []byte) (string, string, *Error) {
	text := decodeWith(enc, data)
	st := measure(text, -1)
	if st.runes == 0 {
		return "", enc, nil
	}
	if st.garbled() {
		return "", "", &Error{Kind: KindUndecodable, Reason: "undecodable: not valid " + strings.ToUpper(enc) + " despite its byte order mark"}
	}
	return text, enc, nil
}

// bestOf decodes data with each candidate encoding and keeps the most
// plausible result, or returns fail when none is plausible.
func bestOf(data []byte, candidates []string, fail *Error) (string, string, *Error) {
	smp := sample(data)
	best, bestScore := "", 0
	for _, c := range candidates {
		if (c == EncUTF16LE || c == EncUTF16BE) && len(smp)%2 != 0 && len(data) == len(smp) {
			continue // UTF-16 is made of byte pairs
		}
		skip := 0
		if len(smp) < len(data) {
			skip = 3 // the sample may end in a cut character
		}
		st := measure(decodeWith(c, smp), skip)
		if !st.plausible() {
			continue
		}
		if s := st.score(); best == "" || s > bestScore {
			best, bestScore = c, s
		}
	}
	if best == "" {
		return "", "", fail
	}
	text := decodeWith(best, data)
	if measure(text, -1).garbled() {
		return "", "", fail
	}
	return text, best, nil
}

// sample is the part of data the detector looks at.
func sample(data []byte) []byte {
	if len(data) > sampleSize {
		return data[:sampleSize]
	}
	return data
}

// controlHeavy reports whether more than 5% of b are control bytes other
// than white space (tab, line feed, vertical tab, form feed, carriage
// return), escape and the old end-of-file mark ^Z.
func controlHeavy(b []byte) bool {
	n := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A && c != 0x1B) || c == 0x7F {
			n++
		}
	}
	return n >= 4 && n*20 > len(b)
}

// metaCharset finds the charset that an HTML page declares in its first
// bytes: <meta charset="gbk"> or <meta http-equiv="Content-Type"
// content="text/html; charset=gb2312">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// decodeMetaCharset decodes an HTML page with the charset its <meta> tag
// declares, if it declares one that decodes it cleanly.
func decodeMetaCharset(data []byte) (string, string, bool) {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return "", "", false
	}
	e, err := htmlindex.Get(string(m[1]))
	if err != nil {
		return "", "", false
	}
	name, _ := htmlindex.Name(e)
	var text string
	switch name {
	case "gbk", "gb18030":
		name = EncGB18030
		text = decodeWith(name, data)
	case "big5":
		name = EncBig5
		text = decodeWith(name, data)
	case "utf-8", "utf-16le", "utf-16be", "replacement", "x-user-defined":
		return "", "", false // the bytes are not UTF-8; let the detector decide
	default:
		out, err := e.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", false
		}
		text = string(out)
	}
	if measure(text, -1).garbled() {
		return "", "", false // the page lies about its charset
	}
	return text, name, true
}

// textStats counts the kinds of characters in a decoded text.
type textStats struct {
	runes  int // all characters
	han    int // Chinese characters
	common int // Chinese characters among the most common ones
	punct  int // CJK and general punctuation, full-width forms, circled numbers…
	bad    int // U+FFFD, control characters, private use, non-characters
	odd    int // anything else outside ASCII: unlikely in a Chinese report
}

// measure counts the characters of s, ignoring its last skipTail
// characters (when the text is a sample cut at an arbitrary byte); -1 means
// none are ignored.
func measure(s string, skipTail int) textStats {
	if skipTail > 0 {
		for i := 0; i < skipTail && s != ""; i++ {
			_, size := utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-size]
		}
	}
	var st textStats
	for _, r := range s {
		st.runes++
		switch {
		case r == utf8.RuneError:
			st.bad++
		case r < 0x80:
			if r < 0x20 && r != '\t' && r != '\n' && r != '\v' && r != '\f' && r != '\r' || r == 0x7F {
				st.bad++
			}
		case r < 0xA0:
			st.bad++ // C1 controls
		case unicode.Is(unicode.Han, r):
			st.han++
			if isCommonHan(r) {
				st.common++
			}
		case r == 0xB7 || r == 0xD7 || r == 0xF7, // · × ÷
			r >= 0x2000 && r <= 0x206F, // general punctuation: “” ‘’ — …
			r >= 0x2150 && r <= 0x218F, // number forms: Ⅰ Ⅱ
			r >= 0x2460 && r <= 0x24FF, // enclosed numbers: ① ⑴ ⒈
			r >= 0x2500 && r <= 0x25FF, // box drawing, shapes: ─ ■ ○ ●
			r >= 0x3000 && r <= 0x303F, // CJK punctuation: 、 。 《 》 【 】
			r >= 0xFF01 && r <= 0xFF65, // full-width forms: ， ： （ ） １, half-width 。「」
			r >= 0xFFE0 && r <= 0xFFE6: // full-width signs: ￥ ￡
			st.punct++
		case r >= 0xE000 && r <= 0xF8FF, r == 0xFFFE, r == 0xFFFF, r >= 0xF0000:
			st.bad++ // private use and non-characters
		default:
			st.odd++
		}
	}
	return st
}

// garbled reports whether more than 1% of the text (and more than two
// characters) is replacement or control characters.
func (st textStats) garbled() bool {
	return st.bad > 2 && st.bad*100 > st.runes
}

// plausible reports whether the text reads like a report: hardly any
// replacement or control characters, its Chinese characters (if many)
// mostly common ones, and not dominated by characters outside ASCII,
// Chinese and punctuation.
func (st textStats) plausible() bool {
	if st.runes == 0 || st.bad*100 > st.runes {
		return false
	}
	if st.han >= 8 && st.common*4 < st.han {
		return false // fewer than a quarter common characters: the wrong decoder
	}
	nonASCII := st.han + st.punct + st.odd + st.bad
	if st.odd > 4 && st.odd*3 > nonASCII {
		return false
	}
	return true
}

// score ranks plausible decodings of the same bytes: common Chinese
// characters count most; rare ones, foreign letters and garbage count
// against.
func (st textStats) score() int {
	return 4*st.common + st.punct - 2*(st.han-st.common) - 4*st.odd - 8*st.bad
}

// isBlank reports whether s is nothing but white space.
func isBlank(s string) bool {
	return strings.TrimFunc(s, isSpace) == ""
}

// isSpace is unicode.IsSpace plus the byte order mark and zero-width space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// isBlankBytes reports whether b is nothing but ASCII white space.
func isBlankBytes(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r\n\v\f")) == 0
}
