package normalize

import (
	"html"
	"strings"
)

// maxEntity bounds the length of a character reference, in bytes.
const maxEntity = 40

// entityAt decodes the HTML character reference starting at s[i] == '&'.
// It returns the decoded text and the number of bytes consumed, or 0 when
// s[i:] does not start a reference that html.UnescapeString knows. The
// terminating ';' is required, except for the common mangled "&nbsp". A
// double-escaped reference such as "&amp;nbsp;" is decoded fully.
func entityAt(s string, i int) (string, int) {
	end := entityEnd(s, i+1)
	if end < 0 {
		if j := i + 1 + len("nbsp"); j <= len(s) && s[i+1:j] == "nbsp" &&
			(j == len(s) || !isASCIIAlnum(s[j])) {
			return "\u00a0", j - i
		}
		return "", 0
	}
	dec, ok := unescape(s[i:end])
	if !ok {
		return "", 0
	}
	if dec == "&" {
		// &amp;lt; &amp;nbsp; …: scraped text escaped twice.
		if end2 := entityEnd(s, end); end2 > 0 {
			if dec2, ok := unescape("&" + s[end:end2]); ok {
				return dec2, end2 - i
			}
		}
	}
	return dec, end - i
}

// unescape decodes one complete character reference such as "&amp;". It
// reports false if ref is not one as a whole: html.UnescapeString also
// decodes a legacy prefix, turning "&amp00;" into "&00;".
func unescape(ref string) (string, bool) {
	dec := html.UnescapeString(ref)
	if dec == ref || strings.HasSuffix(dec, ";") && ref != "&semi;" {
		return "", false
	}
	return dec, true
}

// entityEnd returns the index just past the ';' of a reference body
// ("amp;", "#39;", "#x4e2d;") starting at s[j], or -1.
func entityEnd(s string, j int) int {
	limit := min(len(s), j+maxEntity)
	if j >= limit {
		return -1
	}
	k := j
	if s[k] == '#' {
		k++
		hex := k < limit && (s[k] == 'x' || s[k] == 'X')
		if hex {
			k++
		}
		d := k
		for k < limit && (isASCIIDigit(s[k]) || hex && isHexLetter(s[k])) {
			k++
		}
		if k == d {
			return -1
		}
	} else {
		if !isASCIILetter(s[k]) {
			return -1
		}
		for k < limit && isASCIIAlnum(s[k]) {
			k++
		}
	}
	if k >= limit || s[k] != ';' {
		return -1
	}
	return k + 1
}

// maxTag bounds the length of an HTML tag or comment, in bytes.
const maxTag = 1024

// tagAt recognises an HTML tag, comment or declaration starting at
// s[i] == '<': '<' followed by a letter, '/' and a letter, or '!', running
// to the next '>' on the same line within maxTag bytes. A tag name must be
// followed by a space, '/' or '>', so "x<y" is not a tag, nor is <人民日报>.
// tagAt returns the index just past the '>' (0 if there is no tag), the
// number of runes in the tag, and whether the tag breaks a line (<br>, <p>,
// </div>, …), so that it should become a newline.
func tagAt(s string, i int) (end, runes int, lineBreak bool) {
	limit := min(len(s), i+maxTag)
	j := i + 1
	if j >= limit {
		return 0, 0, false
	}
	var name [12]byte
	nameLen := 0
	switch c := s[j]; {
	case c == '!':
		if strings.HasPrefix(s[j:limit], "!--") {
			// Comment: runs to "-->".
			k := strings.Index(s[j+3:limit], "-->")
			if k < 0 || strings.IndexByte(s[j+3:j+3+k], '\n') >= 0 {
				return 0, 0, false
			}
			end = j + 3 + k + 3
			return end, runeCount(s[i:end]), false
		}
		if j+1 >= limit || !(isASCIILetter(s[j+1]) || s[j+1] == '[') {
			return 0, 0, false
		}
		j++
	case c == '/' || isASCIILetter(c):
		if c == '/' {
			j++
		}
		if j >= limit || !isASCIILetter(s[j]) {
			return 0, 0, false
		}
		for ; j < limit && isASCIIAlnum(s[j]); j++ {
			if nameLen == len(name) {
				return 0, 0, false // no such long tag names
			}
			name[nameLen] = s[j] | 0x20 // lower case
			nameLen++
		}
		if j >= limit {
			return 0, 0, false
		}
		switch s[j] {
		case '>', '/', ' ', '\t':
		default:
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	for k := j; k < limit; k++ {
		switch s[k] {
		case '>':
			end = k + 1
			return end, runeCount(s[i:end]), breaksLine(string(name[:nameLen]))
		case '<', '\n', '\r':
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// runeCount counts runes the way []rune(s) does.
func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// breaksLine reports whether an element with this (lower-case) name starts
// or ends a line of text.
func breaksLine(name string) bool {
	switch name {
	case "br", "p", "div", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "section",
		"article", "header", "footer", "pre", "center":
		return true
	}
	return false
}

func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isHexLetter(c byte) bool   { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || isASCIIDigit(c) }
