package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-cn/kg/graph"
)

func TestNumberList(t *testing.T) {
	for want, ns := range map[string][]int{"1": {1}, "1,2": {1, 2}, "1-3,5": {1, 2, 3, 5}, "2,4-7,9,10": {2, 4, 5, 6, 7, 9, 10}} {
		if got := numberList(ns); got != want {
			t.Errorf("numberList(%v) = %q, want %q", ns, got, want)
		}
	}
}

func TestMarkSpans(t *testing.T) {
	v := &graph.ReportView{Text: "一二三四五六七八九十", HasText: true, Facts: []graph.ReportFact{
		{Start: 0, End: 0},                                         // derived: no span
		{Start: 0, End: 3}, {Start: 0, End: 3}, {Start: 2, End: 5}, // overlapping: one mark
		{Start: 6, End: 8}, {Start: 9, End: 40}, // past the text: not marked
	}}
	got := markSpans(v)
	want := []markedSpan{{0, 5, []int{2, 3, 4}}, {6, 8, []int{5}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("markSpans = %v, want %v", got, want)
	}
	var b bytes.Buffer
	printReport(&b, v, got, false)
	if !strings.Contains(b.String(), "【一二三四五】[2-4]六【七八】[5]九十\n") {
		t.Errorf("printed:\n%s", b.String())
	}
}

// TestPrintedReportsEscapeControls: a text, title or id with control
// characters prints them escaped, in the text as in JSON.
func TestPrintedReportsEscapeControls(t *testing.T) {
	v := &graph.ReportView{ReportInfo: graph.ReportInfo{ID: "a\x1b[2Jb", Title: "t\u009bx"}, Text: "甲\x1b]0;x\a乙\n丙", HasText: true,
		Facts: []graph.ReportFact{{Type: "HOLDS", From: "p\x1b", To: "q", Start: 0, End: 2}}}
	var b bytes.Buffer
	printReport(&b, v, markSpans(v), false)
	if out := b.String(); strings.ContainsAny(out, "\x1b\a\u009b") || !strings.Contains(out, `【甲\x1b】[1]]0;x\x07乙`+"\n丙") {
		t.Errorf("not escaped:\n%q", out)
	}
	b.Reset()
	if err := safeJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\a\u009b\x7f") {
		t.Errorf("JSON not escaped: %q", b.String())
	}
	var back graph.ReportView
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Title != v.Title || back.Text != v.Text {
		t.Errorf("JSON does not read back: %v %q", err, back.Title)
	}
}

// reportFiles writes the inputs of the reports test: two crawled files
// both named index.txt, from two sites, and a feed with two records under
// one id from two sources.
func reportFiles(t *testing.T, tag string) (dir string) {
	dir = t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.example/index.txt", "# source: https://a.example/kgtest-"+tag+"/index.html\n# date: 2024-01-05\n\n"+
		"1月5日上午，青河县召开2024年度经济工作会议，县委书记周立新出席会议并讲话。县委副书记、县长林佳慧主持会议。\n")
	write("b.example/index.txt", "# source: https://b.example/kgtest-"+tag+"/index.html\n# date: 2024-02-01\n\n"+
		"2月1日，坪坝县召开安全生产工作会议，县长欧阳明主持会议。\n")
	write("feed.jsonl", `{"id": "kgtest-`+tag+`-feed", "source": "https://a.example/kgtest-`+tag+`/1", "date": "2024-03-01", "text": "3月1日，青河县召开春耕生产工作会议，县委书记周立新出席会议。"}`+"\n"+
		`{"id": "kgtest-`+tag+`-feed", "source": "https://b.example/kgtest-`+tag+`/1", "text": "坪坝县召开会议，县长欧阳明出席。"}`+"\n")
	return dir
}

// TestIntegrationReportsCollideNotReplace: two index.txt from two sites
// are two reports; a JSON record under the id of another source's report
// fails (exit 3) and leaves the first as it was; kg reports lists them,
// kg report shows one, kg delete removes them.
func TestIntegrationReportsCollideNotReplace(t *testing.T) {
	testGraph(t)
	tag := newTag(t)
	dir := reportFiles(t, tag)
	idA := "https://a.example/kgtest-" + tag + "/index.html"
	idB := "https://b.example/kgtest-" + tag + "/index.html"
	idFeed := "kgtest-" + tag + "-feed"
	t.Cleanup(func() {
		for _, id := range []string{idA, idB, idFeed} {
			runKG(t, "delete", id)
		}
	})
	code, out, errOut := runKG(t, "ingest", "--no-progress", dir)
	if code != exitPartial {
		t.Fatalf("ingest: exit %d, want %d\n%s%s", code, exitPartial, out, errOut)
	}
	wantErr := `feed.jsonl:2: report id "` + idFeed + `" already holds a report from https://a.example/kgtest-` + tag + `/1; this one is from https://b.example/kgtest-` + tag + `/1`
	if !strings.Contains(errOut, wantErr) || !strings.Contains(out, "3 new, 0 unchanged, 0 replaced, 1 failed") || !strings.Contains(out, "failed: 1 id collision") {
		t.Errorf("ingest:\n%s%s\nwant the line %s", out, errOut, wantErr)
	}

	code, out, errOut = runKG(t, "reports", "--json", "--limit", "0")
	if code != 0 {
		t.Fatalf("reports: exit %d: %s", code, errOut)
	}
	var rs []graph.ReportInfo
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatal(err)
	}
	mine := map[string]graph.ReportInfo{}
	var order []string
	for _, r := range rs {
		if strings.Contains(r.ID, tag) {
			mine[r.ID] = r
			order = append(order, r.ID)
		}
	}
	if !reflect.DeepEqual(order, []string{idFeed, idB, idA}) {
		t.Errorf("reports, newest first: %q", order)
	}
	if f := mine[idFeed]; f.Source != "https://a.example/kgtest-"+tag+"/1" || f.Date != "2024-03-01" || f.Facts == 0 {
		t.Errorf("the first record is not intact: %+v", f)
	}
	code, out, _ = runKG(t, "reports", "--limit", "2")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") {
		t.Errorf("reports --limit 2: exit %d\n%s", code, out)
	}

	code, out, errOut = runKG(t, "report", "--json", idFeed)
	var v struct {
		graph.ReportView
		Spans []markedSpan `json:"spans"`
	}
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
		t.Fatalf("report --json: exit %d, %v: %s", code, err, errOut)
	}
	if !strings.HasPrefix(v.Text, "3月1日") || len(v.Facts) == 0 || len(v.Spans) == 0 {
		t.Errorf("report --json: %+v", v)
	}

	for _, id := range []string{idFeed, idA, idB} {
		code, out, errOut = runKG(t, "delete", id)
		if code != 0 || !strings.Contains(out, "deleted report "+id) {
			t.Errorf("delete %s: exit %d\n%s%s", id, code, out, errOut)
		}
		if code, _, errOut = runKG(t, "report", id); code != exitFailure || !strings.Contains(errOut, "no report") {
			t.Errorf("report %s after delete: exit %d: %s", id, code, errOut)
		}
	}
	if code, _, _ = runKG(t, "delete", idA); code != exitFailure {
		t.Errorf("deleting again: exit %d, want %d", code, exitFailure)
	}
	if code, _, _ = runKG(t, "report"); code != exitUsage {
		t.Errorf("report without ID: exit %d, want %d", code, exitUsage)
	}
}

// TestIntegrationReportGolden: kg report prints the text with every
// fact's span marked and the facts numbered (testdata/report.golden.txt;
// go test -update rewrites it).
func TestIntegrationReportGolden(t *testing.T) {
	testGraph(t)
	const id = "https://kgtest.example/report-golden/index.html"
	dir := t.TempDir()
	data := "# source: " + id + "\n# date: 2024-01-05\n# title: 青河县召开2024年度经济工作会议\n\n" +
		"1月5日上午，青河县召开2024年度经济工作会议，县委书记周立新出席会议并讲话。" +
		"县委副书记、县长林佳慧主持会议。\n县领导郑国华、吴海燕参加会议。\n"
	if err := os.WriteFile(filepath.Join(dir, "index.txt"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	runKG(t, "delete", id)
	t.Cleanup(func() { runKG(t, "delete", id) })
	if code, out, errOut := runKG(t, "ingest", "--no-progress", dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := runKG(t, "report", id)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	const golden = "testdata/report.golden.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if out != string(want) {
		t.Errorf("kg report differs from %s (go test -update rewrites it after review):\n%s", golden, out)
	}
}
