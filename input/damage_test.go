package input

import (
	"bytes"
	"strings"
	"testing"
)

// TestDecodeDamagedText: UTF-8 cut mid-character (at the end, in the
// middle, short or long, in a JSON record too) is read as UTF-8 with the
// invalid bytes replaced by U+FFFD and counted; real GBK and Big5 text is
// not taken for damaged UTF-8; a file mixing GBK and Big5 is read and
// marked mixed.
func TestDecodeDamagedText(t *testing.T) {
	utf := []byte(reportSimplified)
	zhou := bytes.Index(utf, []byte("周立新强调"))
	tests := []struct {
		name         string
		data         []byte
		wantEnc      string
		wantText     string // "" for not checked
		wantReplaced int
		wantMixed    string
	}{
		{"utf-8 cut mid-character at the end", utf[:len(utf)-2], EncUTF8,
			strings.TrimSuffix(reportSimplified, "。\n") + "\uFFFD\uFFFD", 2, ""},
		{"utf-8 cut mid-character in the middle (a byte lost)", cat(utf[:zhou+1], utf[zhou+2:]), EncUTF8,
			strings.Replace(reportSimplified, "周立新强调", "\uFFFD\uFFFD立新强调", 1), 2, ""},
		{"utf-8 with two pieces joined mid-character", cat(utf[:zhou+2], utf[zhou+6:]), EncUTF8,
			strings.Replace(reportSimplified, "周立新强调", "\uFFFD\uFFFD新强调", 1), 2, ""},
		{"a short utf-8 report cut at its end", []byte("会议召开。")[:14], EncUTF8, "会议召开\uFFFD\uFFFD", 2, ""},
		{"utf-8 with a BOM, cut at the end", cat(bomUTF8, utf[:len(utf)-2]), EncUTF8,
			strings.TrimSuffix(reportSimplified, "。\n") + "\uFFFD\uFFFD", 2, ""},
		{"utf-8 with one GBK sentence pasted in", cat(utf, enc(t, gbk, shortSimplified)), EncUTF8, "", 17, ""},
		{"gbk is not damaged utf-8", enc(t, gbk, reportSimplified), EncGB18030, reportSimplified, 0, ""},
		{"gbk, one sentence, is not damaged utf-8", enc(t, gbk, shortSimplified), EncGB18030, shortSimplified, 0, ""},
		{"big5 is not damaged utf-8", enc(t, big5, reportTraditional), EncBig5, reportTraditional, 0, ""},
		{"big5, one sentence, is not damaged utf-8", enc(t, big5, shortTraditional), EncBig5, shortTraditional, 0, ""},
		{"gbk cut mid-character at the end", enc(t, gbk, reportSimplified)[:len(enc(t, gbk, reportSimplified))-2], EncGB18030,
			strings.TrimSuffix(reportSimplified, "。\n") + "\uFFFD", 1, ""},
		{"gbk with a line of big5", cat(enc(t, gbk, reportSimplified+reportSimplified), enc(t, big5, shortTraditional+"\n")), EncGB18030, "", 4, EncBig5},
		{"big5 then a line of gbk", cat(enc(t, big5, reportTraditional+reportTraditional), enc(t, gbk, "周立新强调，要坚持稳中求进工作总基调，扎实推进产业项目建设。\n")), EncBig5, "", 0, EncGB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, e := decodeText(tt.data, false)
			if e != nil {
				t.Fatalf("decodeText: %v", e)
			}
			if d.enc != tt.wantEnc {
				t.Errorf("encoding %q, want %q", d.enc, tt.wantEnc)
			}
			if tt.wantText != "" && d.text != tt.wantText {
				t.Errorf("text\n %q\nwant\n %q", d.text, tt.wantText)
			}
			if d.replaced != tt.wantReplaced {
				t.Errorf("replaced %d, want %d", d.replaced, tt.wantReplaced)
			}
			if d.mixed != tt.wantMixed {
				t.Errorf("mixed with %q (%d of %d lines), want %q", d.mixed, d.mixedLines, d.lines, tt.wantMixed)
			}
		})
	}
}

// TestDecodeHalfGBKHalfBig5: a file of as much GBK as Big5 reads right in
// neither: it is refused as undecodable, saying why.
func TestDecodeHalfGBKHalfBig5(t *testing.T) {
	_, e := decodeText(cat(enc(t, gbk, reportSimplified), enc(t, big5, reportTraditional)), false)
	want := "undecodable: mixes GBK and Big5 text, which no single decoding reads right (of 6 lines, 3 read right only as GB18030, 3 only as Big5)"
	if e == nil || e.Kind != KindUndecodable || e.Reason != want {
		t.Errorf("error %v, want %q", e, want)
	}
}

// TestDamagedReportsSaySo: a damaged report is read, and Report.Damage
// says what is wrong in one line; an intact one has no Damage.
func TestDamagedReportsSaySo(t *testing.T) {
	utf := []byte(reportSimplified)
	oneLine := []byte(strings.ReplaceAll(reportSimplified, "\n", ""))
	dir := t.TempDir()
	tests := []struct {
		name, file   string
		data         []byte
		wantDamage   string // "" for none
		wantReplaced int
	}{
		{"utf-8 cut at the end", "cut.txt", utf[:len(utf)-2], "damaged UTF-8: 2 invalid bytes replaced by U+FFFD", 2},
		{"a JSON line cut mid-character", "feed.jsonl", cat([]byte(`{"id":"a","text":"`), oneLine[:len(oneLine)-1], []byte(`"}`+"\n")),
			"damaged UTF-8: 2 invalid bytes replaced by U+FFFD", 2},
		{"gbk cut at the end", "gbk.txt", enc(t, gbk, reportSimplified)[:len(enc(t, gbk, reportSimplified))-2],
			"damaged GB18030 text: 1 invalid sequence replaced by U+FFFD", 1},
		{"gbk with a line of big5", "mixed.txt", cat(enc(t, gbk, reportSimplified+reportSimplified), enc(t, big5, shortTraditional+"\n")),
			"mixes GBK and Big5 text, which no single decoding reads right: read as GB18030, 1 of 7 lines read right only as Big5 and are garbled (4 invalid sequences replaced by U+FFFD)", 4},
		{"intact utf-8", "ok.txt", utf, "", 0},
		{"intact gbk", "okgbk.txt", enc(t, gbk, reportSimplified), "", 0},
		{"intact big5", "okbig5.txt", enc(t, big5, reportTraditional), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.file, tt.data)
			var got []Report
			err := Read([]string{p}, nil, Options{}, func(r Report, err error) error {
				if err != nil {
					t.Errorf("bad input: %v", err)
				}
				got = append(got, r)
				return nil
			})
			if err != nil || len(got) != 1 {
				t.Fatalf("read %d reports (%v)", len(got), err)
			}
			r := got[0]
			switch {
			case tt.wantDamage == "" && len(r.Damage) > 0:
				t.Errorf("damage %q on an intact report", r.Damage)
			case tt.wantDamage != "" && (len(r.Damage) != 1 || r.Damage[0] != tt.wantDamage):
				t.Errorf("damage %q, want %q", r.Damage, tt.wantDamage)
			}
			if r.Replaced != tt.wantReplaced {
				t.Errorf("replaced %d, want %d", r.Replaced, tt.wantReplaced)
			}
			if strings.ContainsAny(strings.Join(r.Damage, ""), "\n\r") {
				t.Errorf("damage is not one line: %q", r.Damage)
			}
		})
	}
}

// TestSamplesAreIntact: no sample report (UTF-8, GBK, Big5, HTML, JSON) is
// taken for damaged or mixed text.
func TestSamplesAreIntact(t *testing.T) {
	n := 0
	err := Read([]string{"../samples"}, nil, Options{}, func(r Report, err error) error {
		if err != nil {
			t.Errorf("%v", err)
			return nil
		}
		n++
		if len(r.Damage) > 0 || r.Replaced > 0 {
			t.Errorf("%s (%s): %q", r.Path, r.Encoding, r.Damage)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("read %d samples: %v", n, err)
	}
}
