package graph

import (
	"context"
	"reflect"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// whoHolds returns "person/acting" of the holders of post on a date.
func whoHolds(t *testing.T, c *Client, post, on string) []Holding {
	t.Helper()
	hs, m, err := c.WhoHolds(context.Background(), post, on)
	if err != nil || m == MatchNone {
		t.Fatalf("WhoHolds %s %s: %v %v", post, on, m, err)
	}
	return hs
}

func persons(hs []Holding) []string {
	var out []string
	for _, h := range hs {
		p := h.Person
		if h.Acting {
			p += "(acting)"
		}
		out = append(out, p)
	}
	return out
}

func TestIntegrationOneOfficeWrittenThreeWays(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "坪坝" + tag + "县"
	r1 := newReport("kgtest-"+tag+"-1", "2022-01-05", j)
	r1.holds("甲"+tag, j+"人民政府副县长")
	r2 := newReport("kgtest-"+tag+"-2", "2022-02-05", j)
	r2.holds("乙"+tag, j+"副县长")
	r3 := newReport("kgtest-"+tag+"-3", "2022-03-05", j)
	r3.holds("丙"+tag, j+"政府副县长")
	r3.holds("丁"+tag, "并决定为代理"+tag+"市长") // no office
	load(t, l, r1.item(), r2.item(), r3.item())

	rows := query(t, c, `MATCH (t:Post) WHERE t.key CONTAINS $tag OR t.name CONTAINS $tag
RETURN t.key AS key, t.name AS name, t.names AS names, t.organ AS organ, t.place AS place`, map[string]any{"tag": tag})
	want := []map[string]any{{"key": "office:" + j + "|政府|副县长", "name": j + "副县长",
		"names": []any{j + "人民政府副县长", j + "副县长", j + "政府副县长"}, "organ": "政府", "place": j}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("posts:\n got %v\nwant %v", rows, want)
	}
	for _, q := range []string{j + "人民政府副县长", j + "副县长", j + "政府副县长"} {
		if got := persons(whoHolds(t, c, q, "")); len(got) != 3 {
			t.Errorf("who holds %s: %v, want all three", q, got)
		}
	}
	// 副县长 is held by several at once: nobody's start ends another's term.
	if got := persons(whoHolds(t, c, j+"副县长", "2022-06-01")); len(got) != 3 {
		t.Errorf("on 2022-06-01: %v, want all three deputies", got)
	}
}

func TestIntegrationActingHeadLaterElected(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "代测" + tag + "市"
	a, b := "甲"+tag, "乙"+tag
	r0 := newReport("kgtest-"+tag+"-0", "2020-03-01", j)
	r0.holds(b, j+"长")
	r1 := newReport("kgtest-"+tag+"-1", "2021-01-05", j)
	r1.holds(a, j+"代理市长", appointed("2021-01-04"))
	r2 := newReport("kgtest-"+tag+"-2", "2021-03-01", j)
	r2.holds(a, j+"长", appointed("2021-02-28"))
	load(t, l, r0.item(), r1.item(), r2.item())

	if n := query(t, c, `MATCH (t:Post) WHERE t.key CONTAINS $tag RETURN count(t) AS n`, map[string]any{"tag": tag}); n[0]["n"] != int64(1) {
		t.Errorf("offices: %v, want one", n)
	}
	rows := query(t, c, `MATCH (:Person {name: $p})-[h:HOLDS]->(t:Post) RETURN h.acting AS acting, h.start AS start ORDER BY start`,
		map[string]any{"p": a})
	if !reflect.DeepEqual(rows, []map[string]any{{"acting": true, "start": "2021-01-04"}, {"acting": false, "start": "2021-02-28"}}) {
		t.Errorf("holdings of %s: %v, want acting then not", a, rows)
	}
	for _, tt := range []struct {
		on   string
		want []string
	}{
		{"2020-06-01", []string{b}},
		{"2021-01-20", []string{a + "(acting)"}},
		{"2021-06", []string{a}},
		{"2021-02", []string{a + "(acting)", a}},
		{"2021", []string{b, a + "(acting)", a}}, // b until a's acting start, 2021-01-04 (inferred)
	} {
		got := persons(whoHolds(t, c, j+"代市长", tt.on))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("on %s: %v, want %v", tt.on, got, tt.want)
		}
	}
	hs := whoHolds(t, c, j+"长", "2021-01-20")
	if len(hs) != 1 || hs[0].UntilBound != BoundNext || hs[0].Until != "2021-02-28" || hs[0].Next != a {
		t.Errorf("the acting term: %+v, want until 2021-02-28 (inferred: %s elected)", hs, a)
	}
}

func TestIntegrationSuccessionOverAYearWithoutReports(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "续测" + tag + "县"
	post := j + "长"
	a, b := "甲"+tag, "乙"+tag
	r1 := newReport("kgtest-"+tag+"-1", "2019-03-02", j)
	r1.holds(a, post, appointed("2019-03-01"))
	// no report in 2020
	r2 := newReport("kgtest-"+tag+"-2", "2021-02-02", j)
	r2.holds(b, post, appointed("2021-02-01"))
	load(t, l, r1.item(), r2.item())

	hs := whoHolds(t, c, post, "2020-06-01")
	if len(hs) != 1 || hs[0].Person != a {
		t.Fatalf("on 2020-06-01: %v, want %s", persons(hs), a)
	}
	wantTerm := Term{From: "2019-03-01", FromBound: BoundStated, Until: "2021-02-01", UntilBound: BoundNext, Next: b}
	if hs[0].Term != wantTerm {
		t.Errorf("term of %s: %+v, want %+v", a, hs[0].Term, wantTerm)
	}
	for _, tt := range []struct {
		on   string
		want []string
	}{
		{"2020", []string{a}},
		{"2020-06", []string{a}},
		{"2021", []string{a, b}},
		{"2021-02-01", []string{b}}, // the next holder's first day is not the last one's
		{"2021-01-31", []string{a}},
		{"2030", []string{b}}, // still, as last known
		{"2018", nil},
	} {
		if got := persons(whoHolds(t, c, post, tt.on)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("on %s: %v, want %v", tt.on, got, tt.want)
		}
	}
}

func TestIntegrationStatedEndBeforeTheNextStart(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "止测" + tag + "县"
	post := j + "委书记"
	a, b := "甲"+tag, "乙"+tag
	r1 := newReport("kgtest-"+tag+"-1", "2015-01-02", j)
	r1.holds(a, post, appointed("2015-01-01"))
	r2 := newReport("kgtest-"+tag+"-2", "2016-05-02", j)
	r2.holds(a, post, removed("2016-05-01"))
	r3 := newReport("kgtest-"+tag+"-3", "2017-01-02", j)
	r3.holds(b, "中共"+post, appointed("2017-01-01"))
	load(t, l, r1.item(), r2.item(), r3.item())

	if got := persons(whoHolds(t, c, post, "2016-08-01")); got != nil {
		t.Errorf("on 2016-08-01: %v, want nobody (vacant between the removal and the appointment)", got)
	}
	if got := persons(whoHolds(t, c, "中共"+post, "2016")); !reflect.DeepEqual(got, []string{a}) {
		t.Errorf("in 2016: %v, want %s", got, a)
	}
	hs := whoHolds(t, c, post, "")
	if len(hs) != 2 || hs[0].UntilBound != BoundStated || hs[0].Until != "2016-05-01" || hs[1].UntilBound != BoundStill {
		t.Errorf("terms: %+v", hs)
	}
}

func TestIntegrationReportDatedByItsEvents(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "日测" + tag + "区"
	r := newReport("kgtest-"+tag+"-1", "", j)
	r.holds("甲"+tag, j+"委书记")
	r.role(doc.RelChaired, "甲"+tag, j+"全会", "2021-01-22")
	r.role(doc.RelAttended, "甲"+tag, j+"常务会议", "2021-01-25")
	load(t, l, r.item())
	rows := query(t, c, `MATCH (rep:Report {id: $id}) MATCH (:Person {name: $p})-[h:HOLDS]->() RETURN rep.date AS date, rep.date_from AS from, h.first_seen AS seen`,
		map[string]any{"id": r.x.Report.ID, "p": "甲" + tag})
	if !reflect.DeepEqual(rows, []map[string]any{{"date": "2021-01-22", "from": "events", "seen": "2021-01-22"}}) {
		t.Errorf("undated report: %v, want dated 2021-01-22 by its events", rows)
	}
	if got := persons(whoHolds(t, c, j+"委书记", "2021-01-22")); len(got) != 1 {
		t.Errorf("on the meeting's day: %v", got)
	}
}

// V6 re-keys the Posts of a graph written before offices: variants merge
// with their facts, mentions and evidence; a Post that names no office
// goes; HOLDS of an acting post become acting holdings of the office; an
// undated report is dated by its events. Run again, it changes nothing.
func TestIntegrationMigrationOfficeKeys(t *testing.T) {
	c := testClient(t)
	tag := newTag(t)
	j := "迁测" + tag + "县"
	ctx := context.Background()
	write := func(q string, params map[string]any) {
		t.Helper()
		if _, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return collect(ctx, tx, q, params, nil)
		}); err != nil {
			t.Fatal(err)
		}
	}
	// The old graph: posts keyed by their names.
	type old struct{ report, date, person, post string }
	olds := []old{
		{"kgmig-" + tag + "-1", "2020-01-02", "甲" + tag, j + "人民政府副县长"},
		{"kgmig-" + tag + "-2", "2020-02-02", "甲" + tag, j + "副县长"},
		{"kgmig-" + tag + "-3", "", "乙" + tag, j + "代县长"},
		{"kgmig-" + tag + "-4", "2021-02-02", "乙" + tag, j + "县长"},
		{"kgmig-" + tag + "-4", "2021-02-02", "丙" + tag, "并决定为代理" + tag + "县长"},
	}
	for i, o := range olds {
		pk := o.person + "|" + j
		fact := "HOLDS:Person[" + pk + "]->Post[" + o.post + "]"
		var date any
		if o.date != "" {
			date = o.date
		}
		write(`MERGE (r:Report {id: $report}) SET r.jurisdiction = $j, r.date = $date, r.hash = 'h'
MERGE (p:Person {key: $pk}) SET p.name = $person, p.context = $j
MERGE (t:Post {key: $post}) SET t.name = $post
CREATE (r)-[:MENTIONS {starts: [$i], ends: [$i + 1], texts: ['x']}]->(t)
MERGE (r)-[:MENTIONS]->(p)
MERGE (p)-[h:HOLDS {fact: $fact}]->(t) SET h.reports = 1, h.evidence = 1, h.first_seen = $date, h.last_seen = $date
CREATE (r)-[:HAS_EVIDENCE]->(:Evidence {key: $report + '|old' + $i, report: $report, fact: $fact, type: 'HOLDS', start: $i, end: $i + 1, text: 'x', report_date: coalesce($date, '')})`,
			map[string]any{"report": o.report, "j": j, "date": date, "pk": pk, "person": o.person, "post": o.post, "fact": fact, "i": int64(i)})
	}
	write(`MATCH (r:Report {id: $id}) CREATE (r)-[:MENTIONS]->(:Event {key: $e, name: 'x', date: '2021-01-10'})`,
		map[string]any{"id": "kgmig-" + tag + "-3", "e": "会" + tag + "|2021-01-10|" + j})
	t.Cleanup(func() {
		write(`MATCH (r:Report) WHERE r.id STARTS WITH $p OPTIONAL MATCH (r)-[:HAS_EVIDENCE]->(ev) DETACH DELETE r, ev`, map[string]any{"p": "kgmig-" + tag})
		write(`MATCH (n) WHERE (n:Person OR n:Post OR n:Event) AND n.key CONTAINS $tag DETACH DELETE n`, map[string]any{"tag": tag})
	})

	for range 2 {
		for _, step := range []func(*Client, context.Context) error{(*Client).migrateOfficeKeys, (*Client).migrateReportEventDates} {
			if err := step(c, ctx); err != nil {
				t.Fatal(err)
			}
		}
		posts := query(t, c, `MATCH (t:Post) WHERE t.key CONTAINS $tag OR t.name CONTAINS $tag
RETURN t.key AS key, t.names AS names, COLLECT { MATCH (r:Report)-[:MENTIONS]->(t) RETURN r.id ORDER BY r.id } AS reports ORDER BY key`, map[string]any{"tag": tag})
		wantPosts := []map[string]any{
			{"key": "office:" + j + "|政府|副县长", "names": []any{j + "人民政府副县长", j + "副县长"}, "reports": []any{"kgmig-" + tag + "-1", "kgmig-" + tag + "-2"}},
			{"key": "office:" + j + "|政府|县长", "names": []any{j + "代县长", j + "县长"}, "reports": []any{"kgmig-" + tag + "-3", "kgmig-" + tag + "-4"}},
		}
		if !reflect.DeepEqual(posts, wantPosts) {
			t.Errorf("posts:\n got %v\nwant %v", posts, wantPosts)
		}
		holds := query(t, c, `MATCH (p:Person)-[h:HOLDS]->(t:Post) WHERE p.key CONTAINS $tag
RETURN p.name AS p, h.fact AS fact, h.acting AS acting, h.evidence AS n, h.first_seen AS first, h.last_seen AS last,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN ev.key ORDER BY ev.key } AS evidence ORDER BY p DESC, acting DESC`, map[string]any{"tag": tag})
		if len(holds) != 3 {
			t.Fatalf("holdings: %v", holds)
		}
		a, actingB, b := holds[0], holds[1], holds[2]
		if a["n"] != int64(2) || a["first"] != "2020-01-02" || a["last"] != "2020-02-02" || len(a["evidence"].([]any)) != 2 {
			t.Errorf("甲's holding, merged: %v", a)
		}
		if actingB["acting"] != true || actingB["first"] != "2021-01-10" || b["acting"] != false ||
			actingB["fact"] != "HOLDS:Person[乙"+tag+"|"+j+"]->Post[office:"+j+"|政府|县长]#acting" {
			t.Errorf("乙's holdings: %v, %v", actingB, b)
		}
		for _, h := range holds {
			for _, k := range h["evidence"].([]any) {
				if ks := k.(string); len(ks) < 4 || ks[len(ks)-4:] == "old0" {
					t.Errorf("evidence %s not re-keyed", ks)
				}
			}
		}
		if n := query(t, c, `MATCH (n) WHERE n.name STARTS WITH '并决定为' AND n.name CONTAINS $tag RETURN count(n) AS n`, map[string]any{"tag": tag}); n[0]["n"] != int64(0) {
			t.Errorf("a post that names no office is left: %v", n)
		}
	}
}
