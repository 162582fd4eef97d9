package input

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// headerLine matches "# key: value" (the colon may be full-width).
var headerLine = regexp.MustCompile(`^#[ \t]*([A-Za-z]+)[ \t]*[:：][ \t]*(.*?)[ \t]*$`)

// headerKeys are the keys a header line may have.
var headerKeys = map[string]bool{
	"source": true, "url": true, "date": true, "title": true, "id": true, "jurisdiction": true,
}

// nextLine splits s after its first line. line has no line ending: LF,
// CRLF or a lone CR (old Mac files).
func nextLine(s string) (line, rest string) {
	i := strings.IndexAny(s, "\r\n")
	switch {
	case i < 0:
		return s, ""
	case s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n':
		return s[:i], s[i+2:]
	}
	return s[:i], s[i+1:]
}

// header parses a header line: key (lower case) and value.
func header(line string) (key, value string, ok bool) {
	m := headerLine.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	key = strings.ToLower(m[1])
	if !headerKeys[key] {
		return "", "", false
	}
	return key, m[2], true
}

// parseHeaders parses the header lines at the start of text into rep.Meta
// (and rep.Warnings) and returns the text after them and the blank line
// that follows them, if any.
func parseHeaders(text string, rep *Report) string {
	rest := text
	n := 0
	for rest != "" {
		line, after := nextLine(rest)
		key, value, ok := header(line)
		if !ok {
			break
		}
		n++
		rest = after
		m := &rep.Meta
		switch key {
		case "source", "url":
			m.Source = value
		case "title":
			m.Title = value
		case "id":
			m.ID = value
		case "jurisdiction":
			m.Jurisdiction = value
		case "date":
			if value == "" {
				break
			}
			if d, ok := parseDate(value); ok {
				m.Date = d
			} else {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("unrecognised date %q in the header lines", value))
			}
		}
	}
	if n > 0 {
		if line, after := nextLine(rest); strings.TrimSpace(line) == "" {
			rest = after
		}
	}
	return rest
}

// skipHeaderBytes skips the BOM, header lines and white space at the start
// of raw bytes, to see what the content starts with.
func skipHeaderBytes(b []byte) []byte {
	b = bytes.TrimPrefix(b, bomUTF8)
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) == 0 || b[0] != '#' {
			return b
		}
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			return nil
		}
		if _, _, ok := header(string(b[:i])); !ok {
			return b
		}
		b = b[i+1:] // a CRLF's LF goes with the white space
	}
}

// looksHTML reports whether a text starts (after white space) with
// "<!DOCTYPE html" or "<html", in any case. It takes a string or bytes.
func looksHTML[T string | []byte](s T) bool {
	b := bytes.TrimLeft([]byte(s[:min(len(s), 512)]), " \t\r\n\f\uFEFF")
	// Skip comments before the document.
	for bytes.HasPrefix(b, []byte("<!--")) {
		i := bytes.Index(b, []byte("-->"))
		if i < 0 {
			return false
		}
		b = bytes.TrimLeft(b[i+3:], " \t\r\n\f")
	}
	return hasTagFold(b, "<!doctype html") || hasTagFold(b, "<html")
}

// hasTagFold reports whether b starts with tag, in any case, followed by
// the end of b, white space, '>' or '/'.
func hasTagFold(b []byte, tag string) bool {
	if len(b) < len(tag) || !strings.EqualFold(string(b[:len(tag)]), tag) {
		return false
	}
	return len(b) == len(tag) || bytes.IndexByte([]byte(" \t\r\n\f>/"), b[len(tag)]) >= 0
}

// datePattern matches the dates that parseDate accepts, at the start of a
// string: 2022-08-18, 2022/8/18, 2022.8.18, 2022年8月18日, 20220818.
var datePattern = regexp.MustCompile(`^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(\d{2})(\d{2}))(?:\s*日|$|[\sT])`)

// parseDate turns a date as written in header lines, JSON fields and HTML
// pages into ISO YYYY-MM-DD. A time after the date is ignored; full-width
// digits are accepted.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(narrowDigits(s))
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	mon, day := m[2], m[3]
	if mon == "" {
		mon, day = m[4], m[5]
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(mon)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return "", false // 2022-02-30, 2022-13-01…
	}
	return t.Format(time.DateOnly), true
}

// narrowDigits turns full-width digits into ASCII ones.
func narrowDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '０' && r <= '９' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, s)
}
