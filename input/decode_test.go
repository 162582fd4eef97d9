package input

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		wantText string
		wantEnc  string
	}{
		{"utf-8", []byte(reportSimplified), reportSimplified, EncUTF8},
		{"utf-8 with BOM", cat(bomUTF8, []byte(reportSimplified)), reportSimplified, EncUTF8},
		{"utf-8 traditional", []byte(reportTraditional), reportTraditional, EncUTF8},
		{"ascii", []byte("Qinghe county economic work conference.\n"), "Qinghe county economic work conference.\n", EncUTF8},
		{"utf-16le with BOM", cat(bomUTF16LE, enc(t, utf16le, reportSimplified)), reportSimplified, EncUTF16LE},
		{"utf-16be with BOM", cat(bomUTF16BE, enc(t, utf16be, reportSimplified)), reportSimplified, EncUTF16BE},
		{"utf-16le without BOM", enc(t, utf16le, reportSimplified), reportSimplified, EncUTF16LE},
		{"utf-16be without BOM", enc(t, utf16be, reportSimplified), reportSimplified, EncUTF16BE},
		{"utf-16le without BOM, traditional", enc(t, utf16le, reportTraditional), reportTraditional, EncUTF16LE},
		{"utf-16le without BOM, ascii", enc(t, utf16le, "Qinghe county\n"), "Qinghe county\n", EncUTF16LE},
		{"utf-16be without BOM, ascii", enc(t, utf16be, "Qinghe county\n"), "Qinghe county\n", EncUTF16BE},
		{"gb18030", enc(t, gb18030, reportSimplified), reportSimplified, EncGB18030},
		{"gbk", enc(t, gbk, reportSimplified), reportSimplified, EncGB18030},
		{"gbk traditional characters", enc(t, gbk, reportTraditional), reportTraditional, EncGB18030},
		{"gbk one sentence", enc(t, gbk, shortSimplified), shortSimplified, EncGB18030},
		{"gb18030 four-byte characters", enc(t, gb18030, "青河县𠀀村召开会议，€1。"), "青河县𠀀村召开会议，€1。", EncGB18030},
		{"gbk cut in the middle of the last character", enc(t, gbk, reportSimplified)[:len(enc(t, gbk, reportSimplified))-2],
			strings.TrimSuffix(reportSimplified, "。\n") + "\uFFFD", EncGB18030},
		{"big5", enc(t, big5, reportTraditional), reportTraditional, EncBig5},
		{"big5 one sentence", enc(t, big5, shortTraditional), shortTraditional, EncBig5},
		{"big5 with CRLF", enc(t, big5, strings.ReplaceAll(reportTraditional, "\n", "\r\n")), strings.ReplaceAll(reportTraditional, "\n", "\r\n"), EncBig5},
		{"html meta charset gbk", enc(t, gbk, `<html><head><meta charset="gbk"></head><body><p>`+shortSimplified+`</p></body></html>`),
			`<html><head><meta charset="gbk"></head><body><p>` + shortSimplified + `</p></body></html>`, EncGB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, e := decode(tt.data, strings.Contains(tt.name, "html"))
			if e != nil {
				t.Fatalf("decode: %v", e)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			if text != tt.wantText {
				t.Errorf("text = %q, want %q", text, tt.wantText)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	tests := []struct {
		name   string
		data   []byte
		kind   Kind
		reason string
	}{
		{"NUL bytes in utf-8", []byte("青河县\x00\x00召开会议\x00"), KindBinary, "binary file"},
		{"random bytes", random, KindBinary, "binary file"},
		{"control bytes", bytes.Repeat([]byte("ab\x01\x02\x03\x04c"), 20), KindBinary, "binary file (control characters)"},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), KindBinary, "binary file (PDF document)"},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00"), KindBinary, "binary file (ZIP archive, or a Word, Excel or EPUB document)"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), KindBinary, "binary file (PNG image)"},
		{"invalid in every encoding", bytes.Repeat([]byte{0x80, 0xFF, 0xFF, 0x80, 'a'}, 50), KindUndecodable, "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text"},
		{"utf-8 BOM then garbage", cat(bomUTF8, bytes.Repeat([]byte{0xFF, 0x80}, 50)), KindUndecodable, "undecodable: not valid UTF-8 despite its byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, e := decode(tt.data, false)
			if e == nil {
				t.Fatalf("decode = %q (%s), want an error", text, enc)
			}
			if e.Kind != tt.kind || e.Reason != tt.reason {
				t.Errorf("error = %s: %q, want %s: %q", e.Kind, e.Reason, tt.kind, tt.reason)
			}
		})
	}
}

func TestCommonHanAreHan(t *testing.T) {
	for _, r := range commonSimplified + commonTraditional {
		if !unicode.Is(unicode.Han, r) {
			t.Errorf("%q (%U) in the common characters is not a Chinese character", r, r)
		}
	}
	if n := len(commonHan); n < 700 {
		t.Errorf("only %d common characters", n)
	}
}

func TestMeasureWrongDecoderScoresLower(t *testing.T) {
	// The heart of the detector: each text scores higher with the right
	// decoder than with the wrong one.
	for _, tc := range []struct {
		name       string
		data       []byte
		right, bad string
	}{
		{"gbk", enc(t, gbk, reportSimplified), EncGB18030, EncBig5},
		{"big5", enc(t, big5, reportTraditional), EncBig5, EncGB18030},
	} {
		right := measure(decodeWith(tc.right, tc.data), -1)
		wrong := measure(decodeWith(tc.bad, tc.data), -1)
		if !right.plausible() {
			t.Errorf("%s decoded as %s is not plausible: %+v", tc.name, tc.right, right)
		}
		if right.score() <= wrong.score() {
			t.Errorf("%s: score as %s %d <= as %s %d", tc.name, tc.right, right.score(), tc.bad, wrong.score())
		}
	}
}
