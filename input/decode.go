package input

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
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

// decoded is a text decoded to UTF-8, with what was wrong with it.
type decoded struct {
	text, enc string
	// replaced counts what was not valid in enc and became U+FFFD: bytes
	// for UTF-8, invalid sequences for the other encodings.
	replaced int
	// mixed names the other legacy encoding when the text mixes GB18030
	// and Big5 (lines that read right only in the other), which no single
	// decoding can read right; mixedLines of lines lines are such.
	mixed             string
	mixedLines, lines int
}

// decode detects the encoding of data and decodes it to UTF-8; see
// decodeText.
func decode(data []byte, isHTML bool) (text, enc string, e *Error) {
	d, e := decodeText(data, isHTML)
	return d.text, d.enc, e
}

// decodeText detects the encoding of data and decodes it to UTF-8. isHTML
// asks it to respect a <meta charset> when the bytes are not valid UTF-8.
//
// In order: a BOM decides; known binary formats, NUL bytes (unless the data
// is UTF-16) and many control bytes are refused as binary; valid UTF-8 is
// UTF-8, and so is damaged UTF-8 (a page cut mid-character: few invalid
// bytes among many valid multi-byte characters, see damagedUTF8), its
// invalid bytes replaced by U+FFFD and counted; then GB18030, Big5,
// UTF-16LE and UTF-16BE are tried and the one that gives the most
// plausible Chinese wins, if plausible at all.
func decodeText(data []byte, isHTML bool) (decoded, *Error) {
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
			return decoded{}, &Error{Kind: KindBinary, Reason: s.reason}
		}
	}
	smp := sample(data)
	if bytes.IndexByte(smp, 0) >= 0 {
		// NUL bytes: UTF-16 without BOM, or binary.
		return bestOf(data, []string{EncUTF16LE, EncUTF16BE}, &Error{Kind: KindBinary, Reason: "binary file"})
	}
	if controlHeavy(smp) {
		return decoded{}, &Error{Kind: KindBinary, Reason: "binary file (control characters)"}
	}
	if utf8.Valid(data) {
		return decoded{text: string(data), enc: EncUTF8}, nil
	}
	if n, ok := damagedUTF8(data); ok {
		return decoded{text: validUTF8(data), enc: EncUTF8, replaced: n}, nil
	}
	if isHTML {
		if d, ok := decodeMetaCharset(data); ok {
			return d, nil
		}
	}
	return bestOf(data, []string{EncGB18030, EncBig5, EncUTF16LE, EncUTF16BE},
		&Error{Kind: KindUndecodable, Reason: "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text"})
}

// utf8PerInvalid is how many valid multi-byte characters per invalid byte
// damaged UTF-8 has at least. GBK and Big5 text read as UTF-8 has fewer
// than one per invalid byte (0.2 to 0.35 in the samples), so neither is
// taken for damaged UTF-8.
const utf8PerInvalid = 5

// damagedUTF8 reports whether data, which is not valid UTF-8, is UTF-8
// with a few invalid bytes (a page cut mid-character, at its end or where
// two pieces were joined) rather than text in another encoding, and how
// many bytes are invalid. It is when there are at least utf8PerInvalid
// valid multi-byte characters per invalid byte, or when the only invalid
// bytes are an unfinished character at the very end after two valid ones
// at least (a short report cut mid-character).
func damagedUTF8(data []byte) (invalid int, ok bool) {
	multi := 0
	for b := data; len(b) > 0; {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		b = b[size:]
	}
	if invalid == 0 {
		return 0, false
	}
	if multi >= utf8PerInvalid*invalid {
		return invalid, true
	}
	return invalid, multi >= 2 && cutAtEnd(data)
}

// cutAtEnd reports whether data is valid UTF-8 but for the start of a
// multi-byte character at its end.
func cutAtEnd(data []byte) bool {
	for k := 1; k <= 3 && k < len(data); k++ {
		tail := data[len(data)-k:]
		if tail[0] >= 0xC2 && !utf8.FullRune(tail) && utf8.Valid(data[:len(data)-k]) {
			return true
		}
	}
	return false
}

// replacements counts the U+FFFD in text decoded from a legacy encoding:
// the invalid sequences the decoder replaced.
func replacements(text string) int {
	return strings.Count(text, string(utf8.RuneError))
}

// invalidUTF8 counts the bytes of b that are not valid UTF-8.
func invalidUTF8(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		b = b[size:]
	}
	return n
}

// decodeKnown decodes data whose encoding a BOM names. A few invalid
// sequences are tolerated (as U+FFFD, counted); many are not.
func decodeKnown(enc string, data []byte) (decoded, *Error) {
	text := decodeWith(enc, data)
	st := measure(text, -1)
	if st.runes == 0 {
		return decoded{enc: enc}, nil
	}
	if st.garbled() {
		return decoded{}, &Error{Kind: KindUndecodable, Reason: "undecodable: not valid " + strings.ToUpper(enc) + " despite its byte order mark"}
	}
	d := decoded{text: text, enc: enc}
	if enc == EncUTF8 {
		d.replaced = invalidUTF8(data)
	} else {
		d.replaced = replacements(text)
	}
	return d, nil
}

// bestOf decodes data with each candidate encoding and keeps the most
// plausible result, or returns fail when none is plausible. A text read as
// GB18030 or Big5 whose lines read right only in the other is marked mixed
// (see mixedLines).
func bestOf(data []byte, candidates []string, fail *Error) (decoded, *Error) {
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
		return decoded{}, mixedFail(data, candidates, fail)
	}
	text := decodeWith(best, data)
	if measure(text, -1).garbled() {
		return decoded{}, mixedFail(data, candidates, fail)
	}
	d := decoded{text: text, enc: best, replaced: replacements(text)}
	if other := otherLegacy(best); other != "" {
		d.mixedLines, d.lines = mixedLines(data, best, other)
		if d.mixedLines > 0 {
			d.mixed = other
		}
	}
	return d, nil
}

// mixedFail is fail, or when data has lines that read right only as GBK
// and others only as Big5, an error that says so.
func mixedFail(data []byte, candidates []string, fail *Error) *Error {
	if fail.Kind != KindUndecodable || !slices.Contains(candidates, EncGB18030) || !slices.Contains(candidates, EncBig5) {
		return fail
	}
	big5, lines := mixedLines(data, EncGB18030, EncBig5)
	gbk, _ := mixedLines(data, EncBig5, EncGB18030)
	if big5 == 0 || gbk == 0 {
		return fail
	}
	return &Error{Kind: KindUndecodable, Reason: fmt.Sprintf("undecodable: mixes GBK and Big5 text, which no single decoding reads right (of %d lines, %d read right only as GB18030, %d only as Big5)", lines, gbk, big5)}
}

// otherLegacy is Big5 for GB18030 and GB18030 for Big5.
func otherLegacy(enc string) string {
	switch enc {
	case EncGB18030:
		return EncBig5
	case EncBig5:
		return EncGB18030
	}
	return ""
}

// mixedLines counts the lines of data (of the lines with Chinese text)
// that read right in other and not in enc: a file that mixes GBK and Big5
// text (pieces of pages joined), which no single decoding reads right. A
// line counts when it has at least 8 Chinese characters in other's
// reading, that reading is plausible and enc's is not.
func mixedLines(data []byte, enc, other string) (mixed, lines int) {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if !hasHighByte(line) {
			continue
		}
		lines++
		o := measure(decodeWith(other, line), -1)
		if o.han < 8 || !o.plausible() {
			continue
		}
		if e := measure(decodeWith(enc, line), -1); !e.plausible() && o.score() > e.score() {
			mixed++
		}
	}
	return mixed, lines
}

func hasHighByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
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
func decodeMetaCharset(data []byte) (decoded, bool) {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return decoded{}, false
	}
	e, err := htmlindex.Get(string(m[1]))
	if err != nil {
		return decoded{}, false
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
		return decoded{}, false // the bytes are not UTF-8; let the detector decide
	default:
		out, err := e.NewDecoder().Bytes(data)
		if err != nil {
			return decoded{}, false
		}
		text = string(out)
	}
	if measure(text, -1).garbled() {
		return decoded{}, false // the page lies about its charset
	}
	return decoded{text: text, enc: name, replaced: replacements(text)}, true
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
