package input

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range [][]byte{
		[]byte(reportSimplified),
		enc(f, gbk, reportSimplified),
		enc(f, big5, reportTraditional),
		enc(f, utf16le, shortSimplified),
		cat(bomUTF16BE, enc(f, utf16be, shortSimplified)),
		cat(bomUTF8, []byte("# title: 标题\n\n正文")),
		[]byte("<!DOCTYPE html><html><head><meta charset=gbk><title>t</title></head><body><p>正文</p></body></html>"),
		[]byte("\x00\x01\xff\xfe"),
		[]byte("%PDF-"),
		{0xFF, 0xFE, 0x00},
		{0xFE},
		{},
	} {
		f.Add(s)
	}
}

// FuzzDecode checks that the detector never panics and always returns
// valid UTF-8 or an *Error with a kind and reason.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, isHTML := range []bool{false, true} {
			text, enc, e := decode(data, isHTML)
			if e != nil {
				if e.Kind == "" || e.Reason == "" {
					t.Fatalf("error without kind or reason: %+v", e)
				}
				continue
			}
			if !utf8.ValidString(text) {
				t.Fatalf("decode(%q) = invalid UTF-8 %q", data, text)
			}
			if enc == "" {
				t.Fatalf("decode(%q): no encoding", data)
			}
		}
	})
}

// FuzzParseText checks that a text or HTML report never panics and that a
// report has text.
func FuzzParseText(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, isHTML := range []bool{false, true} {
			rep, e := parseText(data, isHTML)
			if e == nil && (isBlank(rep.Text) || !utf8.ValidString(rep.Text)) {
				t.Fatalf("parseText(%q) = report with text %q", data, rep.Text)
			}
		}
	})
}

// FuzzStdin feeds arbitrary bytes to Read as standard input: JSON or text,
// it must hand out only reports with text and *Errors, and never panic.
func FuzzStdin(f *testing.F) {
	fuzzSeeds(f)
	for _, s := range []string{
		"{\"text\": \"一\"}\n{\"id\": 2, \"content\": \"二\"}\n",
		"[{\"text\": \"一\"},\n{\"text\": \"二\"}]",
		"{\n \"text\": \"一\"\n}\n{",
		"[1, null, {}, {\"text\": 3}]",
		"{\"text\": \"<p>一</p>\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read([]string{"-"}, bytes.NewReader(data), Options{MaxBytes: 1 << 10}, func(r Report, err error) error {
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("error %v is a %T", err, err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("error message on several lines: %q", err.Error())
				}
				return nil
			}
			if isBlank(r.Text) || !utf8.ValidString(r.Text) || r.Meta.ID == "" {
				t.Fatalf("report %+v", r)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
	})
}
