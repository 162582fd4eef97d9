package graph

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/schema"
)

// The loader adds a batch's contribution to the aggregates of the facts it
// touches (reports, evidence, first/last seen, tenure) instead of
// recomputing them from all their evidence. Whatever the order, batching,
// replacements and deletions, the stored aggregates must equal a
// recomputation from the evidence.
func TestIntegrationAggregatesEqualRecomputation(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j1, j2 := "东聚"+tag+"区", "西聚"+tag+"县"
	a, b, d := "甲"+tag, "乙"+tag, "丙"+tag
	mk := func(n int, date, j string) *reportBuilder {
		return newReport(fmt.Sprintf("kgtest-%s-%02d", tag, n), date, j)
	}
	var rs []*reportBuilder
	r := mk(1, "2022-03-01", j1)
	r.holds(a, j1+"长")
	r.holds(b, j1+"委书记")
	r.role(doc.RelChaired, a, j1+"常务会议", "2022-03-01")
	rs = append(rs, r)
	r = mk(2, "2022-01-10", j1) // earlier than report 1
	r.holds(a, j1+"长", appointed("2021-12-30"))
	r.holds(a, j1+"长") // the same fact twice in one report
	rs = append(rs, r)
	r = mk(3, "", j1) // undated
	r.holds(b, j1+"委书记", appointed(""))
	r.holds(d, j1+"副区长")
	rs = append(rs, r)
	r = mk(4, "2023-05-05", j1)
	r.holds(a, j1+"长", removed("2023-05-01"))
	r.holds(d, j1+"长", appointed("2023-05-01"))
	rs = append(rs, r)
	r = mk(5, "2022-07-07", j2)
	r.holds(a, j2+"委书记")
	r.role(doc.RelAttended, a, j2+"招商大会", "2022-07-07")
	rs = append(rs, r)
	r = mk(6, "2021-06-01", j1)
	r.holds(a, j1+"长", removed(""))
	r.holds(b, j1+"委书记", appointed("2020-01-01"))
	rs = append(rs, r)

	var ids []string
	for _, r := range rs {
		ids = append(ids, r.x.Report.ID)
	}
	t.Cleanup(func() { l.Delete(context.Background(), ids...) })
	ctx := context.Background()
	mustLoad := func(items ...Item) {
		t.Helper()
		st, err := l.LoadBatch(ctx, items)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range st.Reports {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.ID, r.Err)
			}
		}
	}
	check := func(when string) {
		t.Helper()
		stored, recomputed := aggregates(t, c, tag)
		if len(stored) == 0 {
			t.Fatalf("%s: no facts found", when)
		}
		if !reflect.DeepEqual(stored, recomputed) {
			for k, v := range recomputed {
				if !reflect.DeepEqual(stored[k], v) {
					t.Errorf("%s: %s\n stored     %v\n recomputed %v", when, k, stored[k], v)
				}
			}
			for k, v := range stored {
				if _, ok := recomputed[k]; !ok {
					t.Errorf("%s: %s has no evidence left but is stored: %v", when, k, v)
				}
			}
		}
	}

	// One batch of three, then two batches of one and two, out of date order.
	mustLoad(rs[0].item(), rs[1].item(), rs[2].item())
	check("after the first batch")
	mustLoad(rs[3].item())
	mustLoad(rs[4].item(), rs[5].item())
	check("after all batches")

	// Report 2 corrected, in a batch with a new version of report 4 that
	// keeps some of its facts; report 1 loaded again (unchanged).
	r2 := mk(2, "2022-01-11", j1)
	r2.holds(b, j1+"委书记", removed("2022-01-11"))
	r4 := mk(4, "2023-05-06", j1)
	r4.holds(d, j1+"长", appointed("2023-05-02"))
	r4.holds(a, j2+"委书记")
	mustLoad(r2.item(), rs[0].item(), r4.item())
	check("after replacing reports 2 and 4")

	// Everything forced again, in one batch.
	st, err := NewLoader(c, Options{Force: true}).LoadBatch(ctx, []Item{rs[0].item(), r2.item(), rs[2].item(), r4.item(), rs[4].item(), rs[5].item()})
	if err != nil || st.Count(StatusReplaced) != 6 {
		t.Fatalf("forced reload: %v %+v", err, st.Reports)
	}
	check("after a forced reload")

	if _, err := l.Delete(ctx, ids[0], ids[5]); err != nil {
		t.Fatal(err)
	}
	check("after deleting reports 1 and 6")
}

// aggregates returns, for the facts whose evidence comes from the tagged
// reports, the aggregates as stored and as recomputed from the evidence.
func aggregates(t *testing.T, c *Client, tag string) (stored, recomputed map[string]map[string]any) {
	t.Helper()
	stored, recomputed = map[string]map[string]any{}, map[string]map[string]any{}
	prefix := "kgtest-" + tag + "-"
	for _, typ := range schema.FactTypes() {
		q := fmt.Sprintf(`MATCH ()-[f:%s]->() WHERE EXISTS { MATCH (ev:Evidence {fact: f.fact}) WHERE ev.report STARTS WITH $prefix }
RETURN f.fact AS fact, f.reports AS reports, f.evidence AS evidence, f.first_seen AS first_seen, f.last_seen AS last_seen,
       f.start AS start, f.end AS end, f.appointed AS appointed, f.removed AS removed`, schema.Quote(string(typ)))
		for _, r := range query(t, c, q, map[string]any{"prefix": prefix}) {
			stored[r["fact"].(string)] = r
		}
	}
	rows := query(t, c, `MATCH (ev:Evidence) WHERE ev.report STARTS WITH $prefix
WITH DISTINCT ev.fact AS fact, ev.type AS type
MATCH (e:Evidence {fact: fact})
WITH fact, type, count(DISTINCT e.report) AS reports, count(e) AS evidence,
     min(CASE WHEN e.report_date <> '' THEN e.report_date END) AS first_seen,
     max(CASE WHEN e.report_date <> '' THEN e.report_date END) AS last_seen,
     min(CASE WHEN e.tenure_start <> '' THEN e.tenure_start END) AS start,
     max(CASE WHEN e.tenure_end <> '' THEN e.tenure_end END) AS end,
     count(e.tenure_start) > 0 AS appointed, count(e.tenure_end) > 0 AS removed
RETURN fact, type, reports, evidence, first_seen, last_seen, start, end, appointed, removed`, map[string]any{"prefix": prefix})
	for _, r := range rows {
		if r["type"] != string(schema.Holds) {
			r["start"], r["end"], r["appointed"], r["removed"] = nil, nil, nil, nil
		}
		delete(r, "type")
		recomputed[r["fact"].(string)] = r
	}
	return stored, recomputed
}

// A large batch is written in concurrent transactions (Options.Writers),
// split by jurisdiction; facts shared across the parts (a person seen in two
// jurisdictions' reports, a post named everywhere) must still add up.
func TestIntegrationConcurrentWritersAddUp(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{Writers: 4})
	tag := newTag(t)
	var items []Item
	var ids []string
	shared := "共" + tag
	for i := 0; i < 120; i++ {
		j := fmt.Sprintf("测%s%d县", tag, i%7)
		r := newReport(fmt.Sprintf("kgtest-%s-%03d", tag, i), fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i%28), j)
		r.holds("秦"+tag, j+"委书记")
		r.holds(fmt.Sprintf("楚%s%d", tag, i%5), j+"长", appointed(fmt.Sprintf("2021-%02d-01", 1+i%12)))
		r.role(doc.RelAttended, "秦"+tag, j+"全体会议", "2022-01-01")
		// one organisation in every report, whatever its jurisdiction
		r.rel(doc.RelPostOf, r.ent(doc.TypePost, j+"委书记"), r.ent(doc.TypeOrganization, shared), r.say("书记属于"+shared))
		// and one place whose level every report gives differently: the
		// last report's must win, whichever transaction commits last
		level := fmt.Sprint(i)
		r.ent(doc.TypePlace, "共"+tag+"省", func(e *doc.Entity) { e.Level = level })
		items = append(items, r.item())
		ids = append(ids, r.x.Report.ID)
	}
	t.Cleanup(func() { l.Delete(context.Background(), ids...) })
	if got := len(partition(nil, nil, 4)); got != 1 {
		t.Errorf("partition of nothing: %d parts", got)
	}
	st, err := l.LoadBatch(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	if n := st.Count(StatusNew); n != len(items) {
		t.Fatalf("%d new, want %d: %+v", n, len(items), st.Reports[:3])
	}
	stored, recomputed := aggregates(t, c, tag)
	if len(stored) == 0 || !reflect.DeepEqual(stored, recomputed) {
		for k, v := range recomputed {
			if !reflect.DeepEqual(stored[k], v) {
				t.Errorf("%s\n stored     %v\n recomputed %v", k, stored[k], v)
			}
		}
	}
	rows := query(t, c, `MATCH (:Post)-[f:POST_OF]->(:Organization {key: $org}) RETURN sum(f.reports) AS n`, map[string]any{"org": shared})
	if rows[0]["n"] != int64(len(items)) {
		t.Errorf("POST_OF to the shared organisation supported by %v reports, want %d", rows[0]["n"], len(items))
	}
	rows = query(t, c, `MATCH (p:Place {key: $key}) RETURN p.level AS level`, map[string]any{"key": "共" + tag + "省"})
	if len(rows) != 1 || rows[0]["level"] != fmt.Sprint(len(items)-1) {
		t.Errorf("shared place: %v, want the level of the last report, %d", rows, len(items)-1)
	}

	// Forced again: replacements are written in one transaction, and the
	// aggregates still add up.
	st, err = NewLoader(c, Options{Writers: 4, Force: true}).LoadBatch(context.Background(), items)
	if err != nil || st.Count(StatusReplaced) != len(items) {
		t.Fatalf("forced: %v, %d replaced", err, st.Count(StatusReplaced))
	}
	stored, recomputed = aggregates(t, c, tag)
	if len(stored) == 0 || !reflect.DeepEqual(stored, recomputed) {
		t.Errorf("after the forced reload, the aggregates differ from a recomputation")
	}
}

// The same server through a routing URI (neo4j://, what neo4j+s:// is with
// TLS, for clusters and Aura) and a direct one (bolt://), with the database
// named or left to the server's default: the loader writes and the queries
// read the same graph.
func TestIntegrationRoutingAndDirectURIs(t *testing.T) {
	base := testClient(t) // skips under -short
	tag := newTag(t)
	cfg := testConfig()
	host := strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "neo4j://"), "bolt://")
	for i, c := range []Config{
		{URI: "neo4j://" + host, Database: cfg.Database},
		{URI: "bolt://" + host, Database: cfg.Database},
		{URI: "neo4j://" + host, Database: ""},
	} {
		c.Username, c.Password = cfg.Username, cfg.Password
		cl, err := Open(context.Background(), c)
		if err != nil {
			t.Fatalf("%s (database %q): %v", c.URI, c.Database, err)
		}
		t.Cleanup(func() { cl.Close(context.Background()) }) // after the deletion that load registers
		j := fmt.Sprintf("路由%s%d县", tag, i)
		r := newReport(fmt.Sprintf("kgtest-%s-%d", tag, i), "2024-01-02", j)
		r.holds("杭"+tag, j+"长")
		l := NewLoader(cl, Options{})
		load(t, l, r.item())
		hs, _, err := base.WhoHolds(context.Background(), j+"长", "")
		if err != nil || len(hs) != 1 || hs[0].Person != "杭"+tag {
			t.Errorf("%s (database %q): who holds %s: %+v %v", c.URI, c.Database, j+"长", hs, err)
		}
	}
}
