package input

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

// want describes one expected result: a report (Text set) or an error
// (Err set, matched against the error's message after the path).
type want struct {
	Line     int
	Meta     doc.Meta
	Text     string
	Encoding string
	Warnings int
	Err      string
}

// check compares results with wants; paths are compared by base name and
// a Meta.Source of "" in a want means the path read.
func check(t *testing.T, got []result, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, g := range got {
			if g.err != nil {
				t.Logf("error: %v", g.err)
			} else {
				t.Logf("report: %+v", g.rep)
			}
		}
		t.Fatalf("got %d results, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		if w.Err != "" {
			if g.err == nil {
				t.Errorf("#%d: got report %+v, want error %q", i, g.rep.Meta, w.Err)
				continue
			}
			msg := g.err.Error()
			prefix := displayPath(g.err.Path)
			if g.err.Line > 0 {
				prefix += fmt.Sprint(":", g.err.Line)
			}
			if !strings.HasPrefix(msg, prefix+": ") || strings.TrimPrefix(msg, prefix+": ") != w.Err {
				t.Errorf("#%d: error %q, want %q after the path", i, msg, w.Err)
			}
			if g.err.Line != w.Line {
				t.Errorf("#%d: error line %d, want %d", i, g.err.Line, w.Line)
			}
			continue
		}
		if g.err != nil {
			t.Errorf("#%d: got error %v, want a report", i, g.err)
			continue
		}
		r := g.rep
		wm := w.Meta
		if wm.Source == "" {
			wm.Source = sourceOf(r.Path)
		}
		if !reflect.DeepEqual(r.Meta, wm) {
			t.Errorf("#%d: meta %+v, want %+v", i, r.Meta, wm)
		}
		if r.Text != w.Text {
			t.Errorf("#%d: text %q, want %q", i, r.Text, w.Text)
		}
		if r.Line != w.Line {
			t.Errorf("#%d: line %d, want %d", i, r.Line, w.Line)
		}
		enc := w.Encoding
		if enc == "" {
			enc = EncUTF8
		}
		if r.Encoding != enc {
			t.Errorf("#%d: encoding %q, want %q", i, r.Encoding, enc)
		}
		if len(r.Warnings) != w.Warnings {
			t.Errorf("#%d: warnings %q, want %d", i, r.Warnings, w.Warnings)
		}
	}
}

func TestJSONLines(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		data  []byte
		opt   Options
		wants []want
	}{
		{
			name: "records with every field",
			file: "feed.jsonl",
			data: []byte(`{"id": "qh-1", "title": "青河县召开经济工作会议", "date": "2024年1月5日", "source": "https://qinghe.example.gov.cn/1.html", "jurisdiction": "青河县", "text": "县委书记周立新出席会议。"}
{"id": 2, "text": "第二篇。"}
`),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "qh-1", Title: "青河县召开经济工作会议", Date: "2024-01-05", Source: "https://qinghe.example.gov.cn/1.html", Jurisdiction: "青河县"}, Text: "县委书记周立新出席会议。"},
				{Line: 2, Meta: doc.Meta{ID: "2"}, Text: "第二篇。"},
			},
		},
		{
			name: "missing id is file stem and line; blank lines skipped but counted",
			file: "feed.ndjson",
			data: []byte("{\"text\": \"一\"}\n\n   \n{\"text\": \"二\"}"),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "feed:1"}, Text: "一"},
				{Line: 4, Meta: doc.Meta{ID: "feed:4"}, Text: "二"},
			},
		},
		{
			name: "content and body instead of text, url instead of source",
			file: "feed.jsonl",
			data: []byte(`{"id": "a", "content": "内容。", "url": "http://x.example/a"}
{"id": "b", "Body": "正文。", "source": "青河县融媒体中心", "url": "http://x.example/b"}
{"id": "c", "text": "文本。", "source": "青河县融媒体中心"}
`),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "a", Source: "http://x.example/a"}, Text: "内容。"},
				{Line: 2, Meta: doc.Meta{ID: "b", Source: "http://x.example/b"}, Text: "正文。"},
				{Line: 3, Meta: doc.Meta{ID: "c", Source: "青河县融媒体中心"}, Text: "文本。"},
			},
		},
		{
			name: "bad lines are errors with line numbers and do not stop the file",
			file: "feed.jsonl",
			data: []byte(`{"id": "ok1", "text": "一。"}
{"id": "broken", "text": "二
{"id": "notext", "title": "无正文"}
[1, 2]
null
{"id": "emptytext", "text": "  \n "}
{"id": "numtext", "text": 42}
{"id": "ok2", "text": "三。"}
{"id": "x"} trailing
`),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "ok1"}, Text: "一。"},
				{Line: 2, Err: "malformed JSON: unexpected end of JSON input"},
				{Line: 3, Err: `no text: the record has no "text", "content" or "body" field`},
				{Line: 4, Err: "not a JSON object but an array"},
				{Line: 5, Err: "not a JSON object but null"},
				{Line: 6, Err: `empty text in field "text"`},
				{Line: 7, Err: `no text: field "text" is a number, not a string`},
				{Line: 8, Meta: doc.Meta{ID: "ok2"}, Text: "三。"},
				{Line: 9, Err: "malformed JSON: invalid character 't' after top-level value"},
			},
		},
		{
			name: "bad date and odd field types are warnings",
			file: "feed.jsonl",
			data: []byte(`{"id": "w", "date": "去年", "title": ["a"], "text": "正文。"}` + "\n"),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "w"}, Text: "正文。", Warnings: 2},
			},
		},
		{
			name: "line over MaxBytes is refused, the next is read",
			file: "feed.jsonl",
			opt:  Options{MaxBytes: 100},
			data: []byte(`{"id": "long", "text": "` + strings.Repeat("长", 100) + `"}` + "\n" + `{"id": "short", "text": "短。"}` + "\n"),
			wants: []want{
				{Line: 1, Err: "too large: 326 bytes, over the limit of 100 bytes"},
				{Line: 2, Meta: doc.Meta{ID: "short"}, Text: "短。"},
			},
		},
		{
			name: "CRLF line endings and a UTF-8 BOM",
			file: "feed.jsonl",
			data: []byte("\xEF\xBB\xBF{\"id\": 1, \"text\": \"一。\"}\r\n{\"id\": 2, \"text\": \"二。\"}\r\n"),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "1"}, Text: "一。"},
				{Line: 2, Meta: doc.Meta{ID: "2"}, Text: "二。"},
			},
		},
		{
			name: "UTF-16LE with BOM",
			file: "feed.jsonl",
			data: cat(bomUTF16LE, enc(t, utf16le, "{\"id\": 1, \"text\": \"一。\"}\n{\"id\": 2, \"text\": \"二。\"}\n")),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "1"}, Text: "一。", Encoding: EncUTF16LE},
				{Line: 2, Meta: doc.Meta{ID: "2"}, Text: "二。", Encoding: EncUTF16LE},
			},
		},
		{
			name: "UTF-16BE without BOM",
			file: "feed.jsonl",
			data: enc(t, utf16be, "{\"id\": 1, \"text\": \"一。\"}\n"),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "1"}, Text: "一。", Encoding: EncUTF16BE},
			},
		},
		{
			name: "GBK and Big5 lines are decoded line by line",
			file: "feed.jsonl",
			data: cat(
				enc(t, gbk, `{"id": "g", "text": "`+shortSimplified+`"}`+"\n"),
				enc(t, big5, `{"id": "b", "text": "許`+shortTraditional+`"}`+"\n")),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "g"}, Text: shortSimplified, Encoding: EncGB18030},
				{Line: 2, Meta: doc.Meta{ID: "b"}, Text: "許" + shortTraditional, Encoding: EncBig5},
			},
		},
		{
			name: "HTML in the text field",
			file: "feed.jsonl",
			data: []byte(`{"id": "h", "content": "<div class=\"TRS_Editor\"><p>第一段。</p><p>第二段。</p></div>"}` + "\n"),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "h"}, Text: "第一段。\n第二段。"},
			},
		},
		{
			name:  "only blank lines",
			file:  "feed.jsonl",
			data:  []byte("\n  \n"),
			wants: []want{{Err: "no JSON records"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.data)
			check(t, readAll(t, []string{p}, nil, tt.opt), tt.wants)
		})
	}
}

func TestJSONFile(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		opt   Options
		wants []want
	}{
		{
			name: "one pretty-printed object takes the file's id",
			data: "{\n  \"title\": \"标题\",\n  \"text\": \"正文。\"\n}\n",
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "doc", Title: "标题"}, Text: "正文。"},
			},
		},
		{
			name: "pretty-printed objects one after another",
			data: "{\n  \"text\": \"一。\"\n}\n{\n  \"id\": \"b\",\n  \"text\": \"二。\"\n}\n",
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"},
				{Line: 4, Meta: doc.Meta{ID: "b"}, Text: "二。"},
			},
		},
		{
			name: "JSON Lines in a .json file",
			data: "{\"text\": \"一。\"}\n{\"text\": \"二。\"}\n",
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"},
				{Line: 2, Meta: doc.Meta{ID: "doc:2"}, Text: "二。"},
			},
		},
		{
			name: "array of records: lines are where each starts, ids their position",
			data: "[\n  {\"id\": \"a\", \"text\": \"一。\"},\n  {\n    \"text\": \"二。\"\n  },\n  {\"title\": \"无正文\"},\n  {\"text\": \"三。\"}\n]\n",
			wants: []want{
				{Line: 2, Meta: doc.Meta{ID: "a"}, Text: "一。"},
				{Line: 3, Meta: doc.Meta{ID: "doc:2"}, Text: "二。"},
				{Line: 6, Err: `no text: the record has no "text", "content" or "body" field`},
				{Line: 7, Meta: doc.Meta{ID: "doc:4"}, Text: "三。"},
			},
		},
		{
			name: "minified array",
			data: `[{"text":"一。"},{"text":"二。"}]`,
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"},
				{Line: 1, Meta: doc.Meta{ID: "doc:2"}, Text: "二。"},
			},
		},
		{
			name: "syntax error in an array ends the file",
			data: "[\n  {\"text\": \"一。\"},\n  {\"text\": \"二。\" \"x\"},\n  {\"text\": \"三。\"}\n]\n",
			wants: []want{
				{Line: 2, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"},
				{Line: 3, Err: "malformed JSON (the rest of the file is skipped): invalid character '\"' after object key:value pair"},
			},
		},
		{
			name: "truncated array",
			data: "[\n  {\"text\": \"一。\"},\n  {\"text\": \"二",
			wants: []want{
				{Line: 2, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"},
				{Line: 3, Err: "malformed JSON (the rest of the file is skipped): unexpected end of JSON input"},
			},
		},
		{
			name: "array element over MaxBytes",
			opt:  Options{MaxBytes: 200},
			data: "[\n{\"text\": \"一。\"},\n{\"text\": \"" + strings.Repeat("长", 2000) + "\"},\n{\"text\": \"三。\"}\n]",
			wants: []want{
				{Line: 2, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"},
				{Line: 3, Err: "too large: a JSON value over the limit of 200 bytes (the rest of the file is skipped)"},
			},
		},
		{
			name:  "data after the array",
			data:  "[{\"text\": \"一。\"}]\n{}",
			wants: []want{{Line: 1, Meta: doc.Meta{ID: "doc:1"}, Text: "一。"}, {Line: 2, Err: "malformed JSON: data after the end of the array"}},
		},
		{
			name:  "text in a .json file",
			data:  "青河县召开会议。",
			wants: []want{{Line: 1, Err: "malformed JSON: expected an object or an array"}},
		},
		{
			name:  "empty array",
			data:  "[]",
			wants: []want{{Err: "no JSON records"}},
		},
		{
			name:  "white space only",
			data:  " \n\n ",
			wants: []want{{Err: "no JSON records"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "doc.json", []byte(tt.data))
			check(t, readAll(t, []string{p}, nil, tt.opt), tt.wants)
		})
	}
}

func TestReadLine(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", 200<<10) // longer than the bufio buffer
	p := writeFile(t, dir, "long.jsonl", []byte(`{"text": "`+long+`"}`+"\n"+`{"text": "短"}`))
	got := readAll(t, []string{p}, nil, Options{})
	check(t, got, []want{
		{Line: 1, Meta: doc.Meta{ID: "long:1"}, Text: long},
		{Line: 2, Meta: doc.Meta{ID: "long:2"}, Text: "短"},
	})
	got = readAll(t, []string{p}, nil, Options{MaxBytes: 100 << 10})
	check(t, got, []want{
		{Line: 1, Err: "too large: 200 KiB, over the limit of 100 KiB"},
		{Line: 2, Meta: doc.Meta{ID: "long:2"}, Text: "短"},
	})
}
