package input

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

func TestTextFiles(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		opt  Options
		want want // Meta.ID "" means the file stem
	}{
		{
			name: "utf-8 report",
			file: "reports/042.txt",
			data: []byte(reportSimplified),
			want: want{Text: reportSimplified},
		},
		{
			name: "header lines into meta",
			file: "reports/043.txt",
			data: []byte("# source: https://qinghe.example.gov.cn/art/1.html\n# date: 2024/1/5\n# title: 青河县召开经济工作会议\n# jurisdiction: 青河县\n\n" + reportSimplified),
			want: want{Meta: doc.Meta{Source: "https://qinghe.example.gov.cn/art/1.html", Date: "2024-01-05", Title: "青河县召开经济工作会议", Jurisdiction: "青河县"}, Text: reportSimplified},
		},
		{
			name: "header id replaces the file stem",
			file: "a.txt",
			data: []byte("# id: qh-0042\n" + shortSimplified),
			want: want{Meta: doc.Meta{ID: "qh-0042"}, Text: shortSimplified},
		},
		{
			name: "header lines in GBK",
			file: "gbk.txt",
			data: enc(t, gbk, "# title: 青河县召开经济工作会议\n# date: 2024年1月5日\n\n"+reportSimplified),
			want: want{Meta: doc.Meta{Title: "青河县召开经济工作会议", Date: "2024-01-05"}, Text: reportSimplified, Encoding: EncGB18030},
		},
		{
			name: "big5 report",
			file: "big5.txt",
			data: enc(t, big5, reportTraditional),
			want: want{Text: reportTraditional, Encoding: EncBig5},
		},
		{
			name: "utf-16le report with BOM and header lines",
			file: "u16.txt",
			data: cat(bomUTF16LE, enc(t, utf16le, "# date: 2024-01-05\r\n"+reportSimplified)),
			want: want{Meta: doc.Meta{Date: "2024-01-05"}, Text: reportSimplified, Encoding: EncUTF16LE},
		},
		{
			name: "markdown file",
			file: "notes.md",
			data: []byte("# 青河县召开经济工作会议\n\n" + shortSimplified),
			want: want{Text: "# 青河县召开经济工作会议\n\n" + shortSimplified},
		},
		{
			name: "upper-case extension",
			file: "REPORT.TXT",
			data: []byte(shortSimplified),
			want: want{Text: shortSimplified},
		},
		{
			name: "html file",
			file: "page.htm",
			data: []byte("<p>" + shortSimplified + "</p>"),
			want: want{Text: shortSimplified},
		},
		{
			name: "named file with another extension is read as text",
			file: "report.log",
			data: []byte(shortSimplified),
			want: want{Text: shortSimplified},
		},
		{
			name: "named file without extension holding JSON Lines",
			file: "feed",
			data: []byte(`{"text": "` + shortSimplified + `"}` + "\n"),
			want: want{Line: 1, Meta: doc.Meta{ID: "feed:1"}, Text: shortSimplified},
		},
		{
			name: "unrecognised header date is a warning",
			file: "w.txt",
			data: []byte("# date: 八月\n" + shortSimplified),
			want: want{Text: shortSimplified, Warnings: 1},
		},
		{name: "empty file", file: "empty.txt", data: nil, want: want{Err: "empty file"}},
		{name: "white space only", file: "blank.txt", data: []byte(" \n\t\r\n"), want: want{Err: "empty file"}},
		{name: "ideographic spaces only", file: "blank2.txt", data: []byte("\u3000\u3000\n"), want: want{Err: "empty file"}},
		{name: "header lines only", file: "hdr.txt", data: []byte("# id: 1\n# title: 无正文\n\n"), want: want{Err: "no text after the header lines"}},
		{name: "binary", file: "x.txt", data: []byte("青河县\x00\x01\x02\x00会议"), want: want{Err: "binary file"}},
		{name: "PDF named .txt", file: "x.txt", data: []byte("%PDF-1.4\n"), want: want{Err: "binary file (PDF document)"}},
		{name: "undecodable", file: "x.txt", data: []byte(strings.Repeat("\x80\xff", 40)), want: want{Err: "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text"}},
		{name: "over MaxBytes", file: "big.txt", data: []byte(reportSimplified), opt: Options{MaxBytes: 100}, want: want{Err: "too large: 554 bytes, over the limit of 100 bytes"}},
		{name: "HTML without text", file: "empty.html", data: []byte("<html><body><script>var a = '中文';</script></body></html>"), want: want{Err: "HTML page without text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.data)
			w := tt.want
			if w.Err == "" && w.Meta.ID == "" {
				w.Meta.ID = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			}
			if w.Err == "" && w.Meta.Source == "" {
				w.Meta.Source = p
			}
			got := readAll(t, []string{p}, nil, tt.opt)
			check(t, got, []want{w})
			if len(got) == 1 && got[0].rep.Path != p && got[0].err == nil {
				t.Errorf("path = %q, want %q", got[0].rep.Path, p)
			}
		})
	}
}

func TestHugeFileIsRefusedBySize(t *testing.T) {
	// A sparse 2 GiB file: refused from its size, never read (reading it
	// would take seconds and 2 GiB of memory).
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil {
		f.Close()
		t.Skipf("cannot make a sparse file: %v", err)
	}
	f.Close()
	check(t, readAll(t, []string{p}, nil, Options{}), []want{{Err: "too large: 2 GiB, over the limit of 10 MiB"}})
}

func TestMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.txt")
	got := readAll(t, []string{missing}, nil, Options{})
	check(t, got, []want{{Err: "no such file or directory"}})
	if got[0].err.Kind != KindNotFound || !errors.Is(got[0].err, fs.ErrNotExist) {
		t.Errorf("%v: kind %q, want %q matching fs.ErrNotExist", got[0].err, got[0].err.Kind, KindNotFound)
	}

	if os.Geteuid() == 0 {
		t.Skip("root can read anything")
	}
	p := writeFile(t, dir, "secret.txt", []byte(shortSimplified))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	got = readAll(t, []string{p}, nil, Options{})
	check(t, got, []want{{Err: "cannot read: permission denied"}})
	if !errors.Is(got[0].err, fs.ErrPermission) {
		t.Errorf("%v is not fs.ErrPermission", got[0].err)
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b/002.txt", []byte("二。"))
	writeFile(t, dir, "a.txt", []byte("一。"))
	writeFile(t, dir, "b/001.md", []byte("零。"))
	writeFile(t, dir, "c/feed.jsonl", []byte(`{"id": "j1", "text": "三。"}`+"\n"+`{"id": "j2", "text": "四。"}`+"\n"))
	writeFile(t, dir, "c/page.html", []byte("<html><body><p>五。</p></body></html>"))
	writeFile(t, dir, "d/bad.txt", []byte("\x00\x01\x02binary"))
	// Skipped: hidden files and directories, other extensions, no extension.
	writeFile(t, dir, ".hidden.txt", []byte("隐藏。"))
	writeFile(t, dir, ".git/x.txt", []byte("隐藏。"))
	writeFile(t, dir, "b/.cache/y.txt", []byte("隐藏。"))
	writeFile(t, dir, "README", []byte("说明。"))
	writeFile(t, dir, "scan.pdf", []byte("%PDF-1.4"))
	writeFile(t, dir, "data.csv", []byte("a,b"))
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A link to a file is followed; a link to a directory is not.
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "b"), filepath.Join(dir, "linkdir.txt")); err != nil {
		t.Fatal(err)
	}

	var got []string
	err := Read([]string{dir}, nil, Options{IDFromFileName: true}, func(r Report, err error) error {
		rel := func(p string) string { s, _ := filepath.Rel(dir, p); return filepath.ToSlash(s) }
		if err != nil {
			var e *Error
			errors.As(err, &e)
			got = append(got, "error "+rel(e.Path)+": "+e.Reason)
			return nil
		}
		got = append(got, rel(r.Path)+" "+r.Meta.ID+" "+r.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantLines := []string{
		"a.txt a 一。",
		"b/001.md 001 零。",
		"b/002.txt 002 二。",
		"c/feed.jsonl j1 三。",
		"c/feed.jsonl j2 四。",
		"c/page.html page 五。",
		"error d/bad.txt: binary file",
		"link.txt link 一。",
	}
	if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}

	// A link to a directory named on the command line is followed.
	link := filepath.Join(t.TempDir(), "reports")
	if err := os.Symlink(filepath.Join(dir, "b"), link); err != nil {
		t.Fatal(err)
	}
	check(t, readAll(t, []string{link}, nil, Options{}), []want{
		{Meta: doc.Meta{ID: "001", Source: filepath.Join(link, "001.md")}, Text: "零。"},
		{Meta: doc.Meta{ID: "002", Source: filepath.Join(link, "002.txt")}, Text: "二。"},
	})

	// A directory with no reports yields nothing.
	if out := readAll(t, []string{filepath.Join(dir, "empty")}, nil, Options{}); len(out) != 0 {
		t.Errorf("empty directory: %+v", out)
	}
}

func TestBatchGoesOnAfterBadInputs(t *testing.T) {
	dir := t.TempDir()
	p1 := writeFile(t, dir, "001.txt", []byte("第一篇。"))
	bad := writeFile(t, dir, "002.txt", []byte("\x00\x00\x00\x00"))
	p3 := writeFile(t, dir, "003.txt", enc(t, gbk, "第三篇。"))
	feed := writeFile(t, dir, "feed.jsonl", []byte("{\"text\": \"四。\"}\n{oops\n{\"text\": \"五。\"}\n"))
	missing := filepath.Join(dir, "missing.txt")
	got := readAll(t, []string{p1, bad, missing, p3, feed, "-"}, []byte("第六篇。"), Options{})
	var lines []string
	for _, g := range got {
		if g.err != nil {
			lines = append(lines, "error: "+strings.TrimPrefix(g.err.Error(), dir+string(filepath.Separator)))
		} else {
			lines = append(lines, g.rep.Meta.ID+": "+g.rep.Text)
		}
	}
	want := []string{
		"001: 第一篇。",
		"error: 002.txt: binary file",
		"error: missing.txt: no such file or directory",
		"003: 第三篇。",
		"feed:1: 四。",
		"error: feed.jsonl:2: malformed JSON: invalid character 'o' looking for beginning of object key string",
		"feed:3: 五。",
		"stdin: 第六篇。",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestCallbackErrorStops(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "d/1.txt", []byte("一。"))
	writeFile(t, dir, "d/2.txt", []byte("二。"))
	feed := writeFile(t, dir, "feed.jsonl", []byte("{\"text\": \"一。\"}\n{\"text\": \"二。\"}\n"))
	arr := writeFile(t, dir, "arr.json", []byte(`[{"text": "一。"}, {"text": "二。"}]`))
	stopErr := errors.New("stop")
	for _, paths := range [][]string{
		{filepath.Join(dir, "d"), feed},
		{feed, filepath.Join(dir, "d")},
		{arr, feed},
		{filepath.Join(dir, "missing"), feed},
	} {
		n := 0
		err := Read(paths, nil, Options{}, func(Report, error) error {
			n++
			return stopErr
		})
		if err != stopErr || n != 1 {
			t.Errorf("Read(%q) = %v after %d calls, want stop after 1", paths, err, n)
		}
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name  string
		in    []byte
		opt   Options
		wants []want
	}{
		{
			name:  "text",
			in:    []byte(reportSimplified),
			wants: []want{{Meta: doc.Meta{ID: "stdin"}, Text: reportSimplified}},
		},
		{
			name:  "text with header lines",
			in:    []byte("# id: qh-1\n# source: https://qinghe.example.gov.cn/1.html\n\n" + shortSimplified),
			wants: []want{{Meta: doc.Meta{ID: "qh-1", Source: "https://qinghe.example.gov.cn/1.html"}, Text: shortSimplified}},
		},
		{
			name:  "gbk text",
			in:    enc(t, gbk, reportSimplified),
			wants: []want{{Meta: doc.Meta{ID: "stdin"}, Text: reportSimplified, Encoding: EncGB18030}},
		},
		{
			name:  "utf-16le text without BOM",
			in:    enc(t, utf16le, reportSimplified),
			wants: []want{{Meta: doc.Meta{ID: "stdin"}, Text: reportSimplified, Encoding: EncUTF16LE}},
		},
		{
			name: "JSON Lines after white space",
			in:   []byte("\n  {\"text\": \"一。\"}\n{\"id\": \"b\", \"text\": \"二。\"}\n"),
			wants: []want{
				{Line: 2, Meta: doc.Meta{ID: "stdin:2"}, Text: "一。"},
				{Line: 3, Meta: doc.Meta{ID: "b"}, Text: "二。"},
			},
		},
		{
			name: "UTF-16LE JSON Lines with BOM",
			in:   cat(bomUTF16LE, enc(t, utf16le, "{\"text\": \"一。\"}\n")),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "stdin:1"}, Text: "一。", Encoding: EncUTF16LE},
			},
		},
		{
			name: "JSON array",
			in:   []byte(`[{"text": "一。"}, {"text": "二。"}]`),
			wants: []want{
				{Line: 1, Meta: doc.Meta{ID: "stdin:1"}, Text: "一。"},
				{Line: 1, Meta: doc.Meta{ID: "stdin:2"}, Text: "二。"},
			},
		},
		{
			name:  "pretty-printed object",
			in:    []byte("{\n \"text\": \"一。\"\n}"),
			wants: []want{{Line: 1, Meta: doc.Meta{ID: "stdin"}, Text: "一。"}},
		},
		{
			name: "pretty-printed objects after blank lines",
			in:   []byte("\n\n{\n \"text\": \"一。\"\n}\n\n{\n \"text\": \"二。\"\n}\n"),
			wants: []want{
				{Line: 3, Meta: doc.Meta{ID: "stdin:1"}, Text: "一。"},
				{Line: 7, Meta: doc.Meta{ID: "stdin:2"}, Text: "二。"},
			},
		},
		{
			name:  "HTML",
			in:    []byte("<!DOCTYPE html><html><head><title>标题</title></head><body><p>一。</p></body></html>"),
			wants: []want{{Meta: doc.Meta{ID: "stdin", Title: "标题"}, Text: "一。"}},
		},
		{name: "empty", in: []byte{}, wants: []want{{Err: "empty file"}}},
		{name: "too large", in: []byte(reportSimplified), opt: Options{MaxBytes: 64}, wants: []want{{Err: "too large: over the limit of 64 bytes"}}},
		{name: "binary", in: []byte("\x00\x01\x02\x03\x04"), wants: []want{{Err: "binary file"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, readAll(t, []string{"-"}, tt.in, tt.opt), tt.wants)
		})
	}

	t.Run("no stdin", func(t *testing.T) {
		check(t, readAll(t, []string{"-"}, nil, Options{}), []want{{Err: "no standard input"}})
	})
}

func TestErrorMessage(t *testing.T) {
	for _, tt := range []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "reports/x.txt", Kind: KindBinary, Reason: "binary file"}, "reports/x.txt: binary file"},
		{&Error{Path: "feed.jsonl", Line: 17, Kind: KindMalformed, Reason: "malformed JSON", Err: errors.New("unexpected end of JSON input")},
			"feed.jsonl:17: malformed JSON: unexpected end of JSON input"},
		{&Error{Path: "-", Line: 3, Kind: KindNoText, Reason: "no text"}, "stdin:3: no text"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestSizeString(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 100: "100 bytes", 1024: "1 KiB", 1536: "1.5 KiB",
		10 << 20: "10 MiB", 2 << 30: "2 GiB", 3<<30 + 1<<29: "3.5 GiB",
	} {
		if got := sizeString(n); got != want {
			t.Errorf("sizeString(%d) = %q, want %q", n, got, want)
		}
	}
}
