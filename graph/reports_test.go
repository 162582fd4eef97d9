package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

func TestCollisionRule(t *testing.T) {
	tests := []struct {
		have, given string
		collides    bool
	}{
		{"https://a.example/x", "https://b.example/x", true},
		{"https://a.example/x", "https://a.example/x", false}, // a changed report
		{"https://a.example/x", " https://a.example/x ", false},
		{"", "https://b.example/x", false},                     // the stored one names no source
		{"reports/index.txt", "https://b.example/x", false},    // a path is no source
		{"https://a.example/x", "/elsewhere/index.txt", false}, // the same files read from elsewhere
		{"新华社", "人民网", false},
	}
	for _, tt := range tests {
		err := collision("index", tt.have, tt.given)
		if (err != nil) != tt.collides {
			t.Errorf("collision(%q, %q) = %v, want collides %v", tt.have, tt.given, err, tt.collides)
		}
		if err != nil && (!errors.Is(err, ErrIDCollision) || err.Error() != fmt.Sprintf(`report id "index" already holds a report from %s; this one is from %s (a different report: give it an id of its own)`, tt.have, tt.given)) {
			t.Errorf("collision error: %v", err)
		}
	}
}

// withSource sets the report's source.
func (b *reportBuilder) withSource(src string) *reportBuilder {
	b.x.Report.Source = src
	return b
}

// TestIntegrationIDCollision: a different report under an existing id from
// another source fails, and leaves the report there as it was; from the
// same source it replaces it.
func TestIntegrationIDCollision(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	id := "kgtest-" + tag + "-index"
	j := "测撞" + tag + "县"
	a := newReport(id, "2023-01-01", j).withSource("https://a.example/" + tag + "/index.html")
	a.holds("甲"+tag, j+"长")
	b := newReport(id, "2023-02-01", j).withSource("https://b.example/" + tag + "/index.html")
	b.holds("乙"+tag, j+"委书记")
	load(t, l, a.item())
	before := snapshot(t, c, id)

	st, err := l.LoadBatch(context.Background(), []Item{b.item()})
	if err != nil {
		t.Fatal(err)
	}
	r := st.Reports[0]
	var ce *CollisionError
	if r.Status != StatusFailed || !errors.As(r.Err, &ce) || ce.Have != a.x.Report.Source || ce.Given != b.x.Report.Source {
		t.Fatalf("second report: %s %v, want failed with a collision", r.Status, r.Err)
	}
	if after := snapshot(t, c, id); !reflect.DeepEqual(before, after) {
		t.Errorf("the first report changed:\n%v", symmetricDiff(before, after))
	}
	// In one batch: the first written, the second refused.
	id2 := id + "-2"
	a2, b2 := *a, *b
	a2.x, b2.x = &doc.Extraction{}, &doc.Extraction{}
	*a2.x, *b2.x = *a.x, *b.x
	a2.x.Report.ID, b2.x.Report.ID = id2, id2
	t.Cleanup(func() { l.Delete(context.Background(), id2) })
	st, err = l.LoadBatch(context.Background(), []Item{a2.item(), b2.item()})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(st); !reflect.DeepEqual(got, []Status{StatusNew, StatusFailed}) || !errors.Is(st.Reports[1].Err, ErrIDCollision) {
		t.Errorf("one batch: %v %v, want new, failed (collision)", got, st.Reports[1].Err)
	}

	// The same source with a new text: a changed report, replaced.
	a3 := newReport(id, "2023-03-01", j).withSource(a.x.Report.Source)
	a3.holds("丙"+tag, j+"长")
	st, err = l.LoadBatch(context.Background(), []Item{a3.item()})
	if err != nil || st.Reports[0].Status != StatusReplaced {
		t.Fatalf("same source, new text: %v %v %v, want replaced", st.Reports[0].Status, st.Reports[0].Err, err)
	}
	// A source that is no address never collides (a path).
	a4 := newReport(id, "2023-04-01", j).withSource("/elsewhere/index.txt")
	a4.holds("丁"+tag, j+"长")
	st, err = l.LoadBatch(context.Background(), []Item{a4.item()})
	if err != nil || st.Reports[0].Status != StatusReplaced {
		t.Fatalf("a path as source: %v %v %v, want replaced", st.Reports[0].Status, st.Reports[0].Err, err)
	}
}

// taggedDump is every node whose key or id holds the tag, and every
// relationship between two of them, with all their properties, sorted:
// the test's whole part of a graph other tests share.
func taggedDump(t *testing.T, c *Client, tag string) []string {
	t.Helper()
	rows := query(t, c, `MATCH (n) WHERE coalesce(n.key, n.id, '') CONTAINS $tag
RETURN 'node ' + head(labels(n)) AS what, properties(n) AS props`, map[string]any{"tag": tag})
	rows = append(rows, query(t, c, `MATCH (a)-[r]->(b)
WHERE coalesce(a.key, a.id, '') CONTAINS $tag AND coalesce(b.key, b.id, '') CONTAINS $tag
RETURN 'rel ' + type(r) + ' ' + coalesce(a.key, a.id) + ' -> ' + coalesce(b.key, b.id) AS what, properties(r) AS props`,
		map[string]any{"tag": tag})...)
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = fmt.Sprintf("%v %v", r["what"], r["props"])
	}
	sort.Strings(out)
	return out
}

// deleteReports: a, b share facts and entities with c (the HOLDS of 甄,
// the meeting), c has facts and entities of its own, and c's dates are
// the extremes of the shared facts.
func deleteReports(tag string) (a, b, c *reportBuilder) {
	a, b = twoReports(tag)
	j := "测试" + tag + "区"
	c = newReport("kgtest-"+tag+"-c", "2022-07-01", j)
	c.holds("甄"+tag, j+"委书记", appointed("2022-06-30"))
	c.holds("孔"+tag, j+"副区长")
	c.role(doc.RelAttended, "孔"+tag, j+"全体会议", "2022-08-16")
	c.role(doc.RelChaired, "孔"+tag, j+"专题会议", "2022-07-01")
	return a, b, c
}

// TestIntegrationDeleteIsNeverLoaded: after kg delete, the graph is the
// one never given the report (the same nodes, relationships and
// properties, aggregates included).
func TestIntegrationDeleteIsNeverLoaded(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	ctx := context.Background()
	tag := newTag(t)
	a, b, x := deleteReports(tag)
	ids := []string{a.x.Report.ID, b.x.Report.ID, x.x.Report.ID}
	t.Cleanup(func() { l.Delete(ctx, ids...) })

	load(t, l, a.item(), b.item())
	never := taggedDump(t, c, tag)
	if _, err := l.Delete(ctx, ids...); err != nil {
		t.Fatal(err)
	}
	if left := taggedDump(t, c, tag); len(left) != 0 {
		t.Fatalf("left after deleting all: %v", left)
	}

	// a, then x, then b (x in the middle: its evidence is among the others').
	for _, it := range []Item{a.item(), x.item(), b.item()} {
		load(t, l, it)
	}
	if with := taggedDump(t, c, tag); reflect.DeepEqual(with, never) {
		t.Fatal("the report to delete changed nothing: the test proves nothing")
	}
	d, err := l.DeleteReport(ctx, x.x.Report.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after := taggedDump(t, c, tag); !reflect.DeepEqual(after, never) {
		t.Errorf("after delete, the graph is not the one never given the report:\n%v", symmetricDiff(never, after))
	}
	// x states 4 facts (HOLDS 甄, HOLDS 孔, ATTENDED 孔, CHAIRED 孔); only
	// HOLDS 甄 is also the others'. It names 甄, 孔, two posts, two events;
	// 孔 and the 专题会议 were its own (贾 of a holds the same 副区长).
	if d.Report.Facts != 4 || d.FactsRemoved != 3 || d.Report.Mentions != 6 || d.EntitiesRemoved != 2 || d.NodesDeleted == 0 {
		t.Errorf("deletion: %+v", d)
	}
	if _, err := l.DeleteReport(ctx, x.x.Report.ID); !errors.Is(err, ErrNoReport) {
		t.Errorf("deleting again: %v, want ErrNoReport", err)
	}
}

// TestIntegrationReportView: a report's facts with their endpoints and
// spans, and the list of reports.
func TestIntegrationReportView(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	ctx := context.Background()
	tag := newTag(t)
	a, b := twoReports(tag)
	load(t, l, a.item(), b.item())
	v, err := c.Report(ctx, a.x.Report.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Text != string(a.text) || !v.HasText || v.Date != "2022-08-16" || v.Title != a.x.Report.Title {
		t.Errorf("report: %+v", v.ReportInfo)
	}
	var got []string
	for _, f := range v.Facts {
		got = append(got, fmt.Sprintf("%s %s→%s [%d:%d]", f.Type, f.From, f.To, f.Start, f.End))
		if want := string([]rune(v.Text)[f.Start:f.End]); f.Sentence != want {
			t.Errorf("fact %s: sentence %q, span %q", f.Type, f.Sentence, want)
		}
	}
	j := "测试" + tag + "区"
	p1, p2 := "甄"+tag, "贾"+tag
	n1, n2 := len([]rune(j+"委书记"+p1+"出席会议")), len([]rune(j+"副区长"+p2+"出席会议"))
	s3 := n1 + 1 + n2 + 1
	n3 := len([]rune(p2 + "在" + j + "全体会议上" + doc.RelChaired))
	s4 := s3 + n3 + 1
	n4 := len([]rune(p1 + "在" + j + "全体会议上" + doc.RelSpokeAt))
	want := []string{
		fmt.Sprintf("POST_OF %s→%s [0:0]", j+"委书记", j+"委"), // derived from the post's org: no span of its own
		fmt.Sprintf("HOLDS %s→%s [0:%d]", p1, j+"委书记", n1),
		fmt.Sprintf("HOLDS %s→%s [%d:%d]", p2, j+"副区长", n1+1, n1+1+n2),
		fmt.Sprintf("CHAIRED %s→%s [%d:%d]", p2, j+"全体会议", s3, s3+n3),
		fmt.Sprintf("SPOKE_AT %s→%s [%d:%d]", p1, j+"全体会议", s4, s4+n4),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facts\n got %q\nwant %q", got, want)
	}
	if v.ReportInfo.Facts != len(want) {
		t.Errorf("facts count %d, want %d", v.ReportInfo.Facts, len(want))
	}
	if _, err := c.Report(ctx, "kgtest-"+tag+"-none"); !errors.Is(err, ErrNoReport) {
		t.Errorf("unknown id: %v", err)
	}

	all, err := c.Reports(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	pos := map[string]int{}
	for i, r := range all {
		pos[r.ID] = i
		if i > 0 && all[i-1].Date != "" && r.Date > all[i-1].Date {
			t.Errorf("not newest first: %s (%s) after %s (%s)", r.ID, r.Date, all[i-1].ID, all[i-1].Date)
		}
	}
	ia, oka := pos[a.x.Report.ID]
	ib, okb := pos[b.x.Report.ID]
	if !oka || !okb || ib > ia {
		t.Errorf("reports: a at %d (%v), b at %d (%v); want both, b (newer) first", ia, oka, ib, okb)
	}
	if r := all[ia]; r.Facts != len(want) || r.Source != "" || r.Title != a.x.Report.Title {
		t.Errorf("listed: %+v", r)
	}
	if few, err := c.Reports(ctx, 1); err != nil || len(few) != 1 {
		t.Errorf("limit 1: %d reports, %v", len(few), err)
	}
}
