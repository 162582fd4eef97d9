package input

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
)

// hashID is the content-hash id of text.
func hashID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])[:16]
}

// TestReportID: the record's id, else "# id:", else the source when it is
// an address, else the content hash — never the bare file name, unless
// Options.IDFromFileName asks for it.
func TestReportID(t *testing.T) {
	const body = "青河县召开经济工作会议。\n"
	tests := []struct {
		name, file, data string
		stdin            bool
		ids              []string // default rule
		fileIDs          []string // with IDFromFileName
	}{
		{name: "text, no header: content hash", file: "index.txt", data: body,
			ids: []string{hashID(body)}, fileIDs: []string{"index"}},
		{name: "text with # source: the address", file: "index.txt",
			data: "# source: https://a.example/2024/index.html\n\n" + body,
			ids:  []string{"https://a.example/2024/index.html"}, fileIDs: []string{"index"}},
		{name: "# id wins over # source", file: "index.txt",
			data: "# source: https://a.example/x.html\n# id: qh-0042\n\n" + body,
			ids:  []string{"qh-0042"}, fileIDs: []string{"qh-0042"}},
		{name: "a source that is no address: content hash", file: "index.txt",
			data: "# source: 青河县融媒体中心\n\n" + body,
			ids:  []string{hashID(body)}, fileIDs: []string{"index"}},
		{name: "HTML canonical address", file: "index.html",
			data: `<html><head><link rel="canonical" href="https://b.example/art_1.html"><title>标题</title></head><body><p>青河县召开经济工作会议。</p></body></html>`,
			ids:  []string{"https://b.example/art_1.html"}, fileIDs: []string{"index"}},
		{name: "header # source beats the page's canonical address", file: "index.html",
			data: "# source: https://c.example/1\n" + `<html><head><link rel="canonical" href="https://b.example/art_1.html"></head><body><p>青河县召开经济工作会议。</p></body></html>`,
			ids:  []string{"https://c.example/1"}, fileIDs: []string{"index"}},
		{name: "JSON: id, source, url, hash", file: "feed.jsonl",
			data: `{"id": "r1", "source": "https://a.example/1", "text": "一。"}` + "\n" +
				`{"id": 42, "text": "二。"}` + "\n" +
				`{"source": "https://a.example/3", "text": "三。"}` + "\n" +
				`{"source": "新华社", "url": "https://a.example/4", "text": "四。"}` + "\n" +
				`{"source": "新华社", "text": "五。"}` + "\n",
			ids:     []string{"r1", "42", "https://a.example/3", "https://a.example/4", hashID("五。")},
			fileIDs: []string{"r1", "42", "feed:3", "feed:4", "feed:5"}},
		{name: "standard input, text", stdin: true, data: body,
			ids: []string{hashID(body)}, fileIDs: []string{"stdin"}},
		{name: "standard input, JSON", stdin: true, data: `{"text": "一。", "url": "https://a.example/1"}` + "\n" + `{"text": "二。"}`,
			ids: []string{"https://a.example/1", hashID("二。")}, fileIDs: []string{"stdin:1", "stdin:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, byName := range []bool{false, true} {
				paths := []string{"-"}
				var stdin []byte
				if tt.stdin {
					stdin = []byte(tt.data)
				} else {
					paths[0] = writeFile(t, t.TempDir(), tt.file, []byte(tt.data))
				}
				got := readIDs(t, paths, stdin, Options{IDFromFileName: byName})
				want := tt.ids
				if byName {
					want = tt.fileIDs
				}
				if len(got) != len(want) {
					t.Fatalf("IDFromFileName=%v: ids %q, want %q", byName, got, want)
				}
				for i := range want {
					if got[i] != want[i] {
						t.Errorf("IDFromFileName=%v: #%d id %q, want %q", byName, i, got[i], want[i])
					}
				}
			}
		})
	}
}

// TestReportIDCrawledNamesakes: two crawled files both named index.txt,
// from two sites, are two reports.
func TestReportIDCrawledNamesakes(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.example/index.txt", []byte("# source: https://a.example/\n\n青河县召开经济工作会议。\n"))
	b := writeFile(t, dir, "b.example/index.txt", []byte("# source: https://b.example/\n\n坪坝县召开经济工作会议。\n"))
	c := writeFile(t, dir, "c/index.txt", []byte("坪坝县召开经济工作会议。\n"))
	got := readIDs(t, []string{a, b, c}, nil, Options{})
	want := []string{"https://a.example/", "https://b.example/", hashID("坪坝县召开经济工作会议。\n")}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("ids %q, want %q", got, want)
	}
}

func TestIsAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"https://a.example/x": true, "http://a": true, "ftp://x/y": true, " https://a.example/ ": true,
		"": false, "新华社": false, "reports/x.txt": false, "/abs/path.txt": false, "://x": false, "a b://c": false,
		"dir/https://x": false,
	} {
		if got := IsAddress(s); got != want {
			t.Errorf("IsAddress(%q) = %v, want %v", s, got, want)
		}
	}
}

// readIDs reads paths and returns the reports' ids, failing on bad input.
func readIDs(t *testing.T, paths []string, stdin []byte, opt Options) []string {
	t.Helper()
	var ids []string
	var in io.Reader
	if stdin != nil {
		in = bytes.NewReader(stdin)
	}
	err := Read(paths, in, opt, func(r Report, err error) error {
		if err != nil {
			t.Errorf("bad input: %v", err)
			return nil
		}
		ids = append(ids, r.Meta.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}
