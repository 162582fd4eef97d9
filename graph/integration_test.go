package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Integration tests: they need the Neo4j server of scripts/neo4j.sh (or
// docker compose) and fail when it cannot be reached; `go test -short`
// skips them. Each test invents its own names, ids and jurisdictions with a
// random tag, so tests of other packages running against the same database
// are not disturbed, and deletes what it loaded.

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func testConfig() Config {
	return Config{
		URI:      env("NEO4J_URI", "neo4j://localhost:7687"),
		Username: env("NEO4J_USERNAME", "neo4j"),
		Password: env("NEO4J_PASSWORD", "kg-local-password"),
		Database: env("NEO4J_DATABASE", "neo4j"),
	}
}

var schemaOnce sync.Once
var schemaErr error

// testClient connects and makes sure the schema is there.
func testClient(t *testing.T) *Client {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs Neo4j (skipped under -short)")
	}
	ctx := context.Background()
	c, err := Open(ctx, testConfig())
	if err != nil {
		t.Fatalf("integration tests need Neo4j (scripts/neo4j.sh start; or go test -short): %v", err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	schemaOnce.Do(func() { _, schemaErr = c.ApplySchema(ctx) })
	if schemaErr != nil {
		t.Fatalf("applying schema: %v", schemaErr)
	}
	return c
}

// newTag returns a random tag that makes a test's names its own.
func newTag(t *testing.T) string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// reportBuilder assembles a hand-made extraction and its text.
type reportBuilder struct {
	x    *doc.Extraction
	text []rune
	ids  map[string]string // type|name → entity id
}

func newReport(id, date, jurisdiction string) *reportBuilder {
	return &reportBuilder{x: &doc.Extraction{Report: doc.Report{ID: id, Date: date, Jurisdiction: jurisdiction, Title: "测试报道 " + id}},
		ids: map[string]string{}}
}

// say appends a sentence to the text and returns it as evidence.
func (b *reportBuilder) say(s string) doc.Evidence {
	start := len(b.text)
	b.text = append(b.text, []rune(s)...)
	ev := doc.Evidence{Text: s, Start: start, End: len(b.text)}
	b.text = append(b.text, '。')
	return ev
}

// ent returns the id of the entity, adding it the first time.
func (b *reportBuilder) ent(typ, name string, set ...func(*doc.Entity)) string {
	k := typ + "|" + name
	if id, ok := b.ids[k]; ok {
		return id
	}
	id := fmt.Sprintf("%s%d", strings.ToLower(typ[:1]), len(b.x.Entities)+1)
	e := doc.Entity{ID: id, Type: typ, Name: name}
	for _, f := range set {
		f(&e)
	}
	b.x.Entities = append(b.x.Entities, e)
	b.ids[k] = id
	return id
}

func (b *reportBuilder) rel(typ, from, to string, ev doc.Evidence, mods ...func(*doc.Relation)) {
	r := doc.Relation{Type: typ, From: from, To: to, Evidence: ev}
	for _, m := range mods {
		m(&r)
	}
	b.x.Relations = append(b.x.Relations, r)
}

// holds says that person holds post; with start/end it is an appointment
// or a removal.
func (b *reportBuilder) holds(person, post string, mods ...func(*doc.Relation)) {
	ev := b.say(post + person + "出席会议")
	b.rel(doc.RelHolds, b.ent(doc.TypePerson, person), b.ent(doc.TypePost, post), ev, mods...)
}

func (b *reportBuilder) role(typ, person, event, date string) {
	ev := b.say(person + "在" + event + "上" + typ)
	b.rel(typ, b.ent(doc.TypePerson, person), b.ent(doc.TypeEvent, event, func(e *doc.Entity) { e.Date = date; e.Kind = doc.KindMeeting }), ev)
}

func appointed(date string) func(*doc.Relation) { return func(r *doc.Relation) { r.Start = &date } }
func removed(date string) func(*doc.Relation)   { return func(r *doc.Relation) { r.End = &date } }

func (b *reportBuilder) item() Item {
	x := *b.x
	x.Entities = append([]doc.Entity(nil), b.x.Entities...)
	x.Relations = append([]doc.Relation(nil), b.x.Relations...)
	return Item{Extraction: &x, Text: string(b.text)}
}

// load loads items and registers their deletion at the end of the test.
func load(t *testing.T, l *Loader, items ...Item) Stats {
	t.Helper()
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Extraction.Report.ID)
	}
	t.Cleanup(func() {
		if _, err := l.Delete(context.Background(), ids...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	st, err := l.LoadBatch(context.Background(), items)
	if err != nil {
		t.Fatalf("LoadBatch: %v", err)
	}
	for _, r := range st.Reports {
		if r.Err != nil {
			t.Fatalf("report %s failed: %v", r.ID, r.Err)
		}
	}
	return st
}

func statuses(st Stats) []Status {
	var out []Status
	for _, r := range st.Reports {
		out = append(out, r.Status)
	}
	return out
}

// query runs a read query and returns its records as maps.
func query(t *testing.T, c *Client, q string, params map[string]any) []map[string]any {
	t.Helper()
	v, err := c.read(context.Background(), func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(context.Background(), tx, q, params, nil)
		if err != nil {
			return nil, err
		}
		out := make([]map[string]any, len(recs))
		for i, r := range recs {
			out[i] = r.AsMap()
		}
		return out, nil
	})
	if err != nil {
		t.Fatalf("query %s: %v", q, err)
	}
	return v.([]map[string]any)
}

// snapshot describes, sorted, every node and relationship the reports
// reach: the reports, their evidence, the entities they mention and the
// relationships among all of these.
func snapshot(t *testing.T, c *Client, ids ...string) []string {
	t.Helper()
	rows := query(t, c, `MATCH (r:Report) WHERE r.id IN $ids
OPTIONAL MATCH (r)-->(x)
WITH collect(DISTINCT r) + collect(DISTINCT x) AS ns
UNWIND ns AS n
WITH DISTINCT n
RETURN 'node ' + head(labels(n)) AS what, properties(n) AS props`, map[string]any{"ids": anys(ids)})
	rows = append(rows, query(t, c, `MATCH (r:Report) WHERE r.id IN $ids
OPTIONAL MATCH (r)-->(x)
WITH collect(DISTINCT r) + collect(DISTINCT x) AS ns
MATCH (a)-[rel]->(b) WHERE a IN ns AND b IN ns
RETURN 'rel ' + type(rel) + ' ' + coalesce(a.key, a.id) + ' -> ' + coalesce(b.key, b.id) AS what, properties(rel) AS props`,
		map[string]any{"ids": anys(ids)})...)
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = fmt.Sprintf("%v %v", r["what"], r["props"]) // fmt prints maps in key order
	}
	sort.Strings(out)
	return out
}

// countTagged counts the nodes whose key or id contains the tag.
func countTagged(t *testing.T, c *Client, tag string) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, r := range query(t, c, `MATCH (n) WHERE coalesce(n.key, n.id, '') CONTAINS $tag
RETURN head(labels(n)) AS label, count(*) AS n`, map[string]any{"tag": tag}) {
		out[r["label"].(string)] = r["n"].(int64)
	}
	return out
}

func TestIntegrationSchemaApplyIsIdempotentAndVerifies(t *testing.T) {
	c := testClient(t)
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		res, err := c.ApplySchema(ctx)
		if err != nil {
			t.Fatalf("apply #%d: %v", i+2, err)
		}
		for _, m := range res {
			if m.Applied {
				t.Errorf("apply #%d applied V%d again", i+2, m.Version)
			}
		}
	}
	probs, err := c.CheckSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 0 {
		t.Errorf("schema verify after apply: %v", probs)
	}
}

// twoReports builds two reports of one jurisdiction that share a person.
func twoReports(tag string) (a, b *reportBuilder) {
	j := "测试" + tag + "区"
	a = newReport("kgtest-"+tag+"-a", "2022-08-16", j)
	a.holds("甄"+tag, j+"委书记")
	a.holds("贾"+tag, j+"副区长")
	a.role(doc.RelChaired, "贾"+tag, j+"全体会议", "2022-08-16")
	a.role(doc.RelSpokeAt, "甄"+tag, j+"全体会议", "2022-08-16")
	org := a.ent(doc.TypeOrganization, j+"委")
	a.x.Entities[1].Org = org // the post 委书记 belongs to 区委: POST_OF derived
	b = newReport("kgtest-"+tag+"-b", "2022-09-01", j)
	b.holds("甄"+tag, j+"委书记")
	b.role(doc.RelAttended, "甄"+tag, j+"调研活动", "2022-09-01")
	return a, b
}

func TestIntegrationLoadingTwiceChangesNothing(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	a, b := twoReports(tag)
	ids := []string{a.x.Report.ID, b.x.Report.ID}

	st := load(t, l, a.item(), b.item())
	if got := statuses(st); !reflect.DeepEqual(got, []Status{StatusNew, StatusNew}) {
		t.Fatalf("first load: %v", got)
	}
	if st.NodesCreated == 0 || st.RelationshipsCreated == 0 {
		t.Errorf("first load created nothing: %+v", st.Counters)
	}
	first := snapshot(t, c, ids...)
	counts := countTagged(t, c, tag)

	// Again, as a batch and one by one.
	st, err := l.LoadBatch(context.Background(), []Item{a.item(), b.item()})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(st); !reflect.DeepEqual(got, []Status{StatusUnchanged, StatusUnchanged}) {
		t.Errorf("second load: %v, want both unchanged", got)
	}
	if st.Counters != (Counters{}) {
		t.Errorf("an unchanged report must write nothing, counters %+v", st.Counters)
	}
	if _, err := l.Load(context.Background(), a.x, string(a.text)); err != nil {
		t.Fatal(err)
	}
	if again := snapshot(t, c, ids...); !reflect.DeepEqual(first, again) {
		t.Errorf("graph changed on re-ingest:\nbefore %v\nafter  %v", first, again)
	}
	if again := countTagged(t, c, tag); !reflect.DeepEqual(counts, again) {
		t.Errorf("counts changed on re-ingest: %v → %v", counts, again)
	}

	// Forced: replaced, and the same graph again.
	st, err = NewLoader(c, Options{Force: true}).LoadBatch(context.Background(), []Item{a.item(), b.item()})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(st); !reflect.DeepEqual(got, []Status{StatusReplaced, StatusReplaced}) {
		t.Errorf("forced load: %v, want both replaced", got)
	}
	if again := snapshot(t, c, ids...); !reflect.DeepEqual(first, again) {
		t.Errorf("graph changed on forced re-ingest of the same extractions:\n%v", symmetricDiff(first, again))
	}

	// What the first load made: one node per person, post, event.
	want := map[string]int64{"Person": 2, "Post": 2, "Organization": 1, "Event": 2, "Report": 2}
	for l, n := range want {
		if counts[l] != n {
			t.Errorf("%d %s nodes, want %d (all counts %v)", counts[l], l, n, counts)
		}
	}
	// The fact both reports support counts both, with both dates; its
	// evidence names them.
	rows := query(t, c, `MATCH (:Person {name: $p})-[h:HOLDS]->(:Post)
RETURN h.reports AS reports, h.first_seen AS first, h.last_seen AS last, h.evidence AS n,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN ev.report AS id ORDER BY id } AS ids`,
		map[string]any{"p": "甄" + tag})
	if len(rows) != 1 || rows[0]["reports"] != int64(2) || !reflect.DeepEqual(rows[0]["ids"], []any{ids[0], ids[1]}) ||
		rows[0]["first"] != "2022-08-16" || rows[0]["last"] != "2022-09-01" || rows[0]["n"] != int64(2) {
		t.Errorf("shared HOLDS: %v", rows)
	}
}

func TestIntegrationChangedReportReplacesOnlyItsOwnFacts(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	a, b := twoReports(tag)
	load(t, l, a.item(), b.item())
	bBefore := snapshot(t, c, b.x.Report.ID)

	// Report a, corrected: 甄 is now 区长 (not 委书记), 贾 and the meeting are gone.
	j := "测试" + tag + "区"
	a2 := newReport(a.x.Report.ID, "2022-08-17", j)
	a2.holds("甄"+tag, j+"长", appointed("2022-08-15"))
	st := load(t, l, a2.item())
	if got := statuses(st); !reflect.DeepEqual(got, []Status{StatusReplaced}) {
		t.Fatalf("status %v, want replaced", got)
	}
	if st.NodesDeleted == 0 || st.RelationshipsDeleted == 0 {
		t.Errorf("replacing deleted nothing: %+v", st.Counters)
	}

	holds := query(t, c, `MATCH (p:Person {name: $p})-[h:HOLDS]->(t:Post)
RETURN t.name AS post, h.reports AS reports, COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN ev.report AS id } AS ids,
       h.first_seen AS first, h.last_seen AS last, h.start AS start ORDER BY post`,
		map[string]any{"p": "甄" + tag})
	want := []map[string]any{
		{"post": j + "委书记", "reports": int64(1), "ids": []any{b.x.Report.ID}, "first": "2022-09-01", "last": "2022-09-01", "start": nil},
		{"post": j + "长", "reports": int64(1), "ids": []any{a.x.Report.ID}, "first": "2022-08-17", "last": "2022-08-17", "start": "2022-08-15"},
	}
	if !reflect.DeepEqual(holds, want) {
		t.Errorf("甄's posts after the correction:\n got %v\nwant %v", holds, want)
	}
	// 贾, his post, the meeting and the organisation were a's alone: gone.
	for _, q := range []string{
		`MATCH (n:Person {name: $x}) RETURN count(n) AS n`,
		`MATCH (n:Post {name: $x}) RETURN count(n) AS n`,
		`MATCH (n:Event {name: $x}) RETURN count(n) AS n`,
		`MATCH (n:Organization {name: $x}) RETURN count(n) AS n`,
	} {
		for _, name := range []string{"贾" + tag, j + "副区长", j + "全体会议", j + "委"} {
			if rows := query(t, c, q, map[string]any{"x": name}); rows[0]["n"] != int64(0) {
				t.Errorf("%s left behind (%s)", name, q)
			}
		}
	}
	if rows := query(t, c, `MATCH (:Person {name: $p})-[r:SPOKE_AT|CHAIRED]->() RETURN count(r) AS n`, map[string]any{"p": "甄" + tag}); rows[0]["n"] != int64(0) {
		t.Errorf("a's event roles survived its replacement")
	}
	// Report b's facts are untouched, apart from the shared HOLDS' list of reports.
	bAfter := snapshot(t, c, b.x.Report.ID)
	diff := symmetricDiff(bBefore, bAfter)
	for _, d := range diff {
		if !strings.Contains(d, "rel HOLDS") {
			t.Errorf("report b changed beyond the shared HOLDS: %s", d)
		}
	}
	// Evidence of a is the new one only.
	if rows := query(t, c, `MATCH (:Report {id: $id})-[:HAS_EVIDENCE]->(ev) RETURN count(ev) AS n`, map[string]any{"id": a.x.Report.ID}); rows[0]["n"] != int64(1) {
		t.Errorf("report a has %v evidence nodes, want 1", rows[0]["n"])
	}
}

func symmetricDiff(a, b []string) []string {
	in := map[string]int{}
	for _, s := range a {
		in[s]++
	}
	for _, s := range b {
		in[s]--
	}
	var out []string
	for s, n := range in {
		if n != 0 {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func TestIntegrationHomonymsStayApartAndNamesakesInOnePlaceMerge(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	name := "王" + tag
	j1, j2 := "东测"+tag+"县", "西测"+tag+"县"
	r1 := newReport("kgtest-"+tag+"-1", "2023-01-05", j1)
	r1.holds(name, j1+"长")
	r2 := newReport("kgtest-"+tag+"-2", "2023-01-06", j2)
	r2.holds(name, j2+"委书记")
	r3 := newReport("kgtest-"+tag+"-3", "2023-02-01", j1)
	r3.role(doc.RelAttended, name, j1+"经济工作会议", "2023-02-01")
	load(t, l, r1.item(), r2.item())
	load(t, l, r3.item()) // another transaction: identity must hold across loads

	rows := query(t, c, `MATCH (p:Person {name: $name})
OPTIONAL MATCH (r:Report)-[:MENTIONS]->(p)
WITH p, r ORDER BY r.id
RETURN p.key AS key, p.context AS context, collect(r.id) AS reports ORDER BY key`, map[string]any{"name": name})
	want := []map[string]any{
		{"key": name + "|" + j1, "context": j1, "reports": []any{r1.x.Report.ID, r3.x.Report.ID}},
		{"key": name + "|" + j2, "context": j2, "reports": []any{r2.x.Report.ID}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("persons named %s:\n got %v\nwant %v", name, rows, want)
	}
	profiles, m, err := c.Person(context.Background(), name)
	if err != nil || m != MatchExact || len(profiles) != 2 {
		t.Fatalf("Person(%s) = %d profiles, %s, %v", name, len(profiles), m, err)
	}
	if p := profiles[0]; len(p.Posts) != 1 || p.Posts[0].Post != j1+"长" || len(p.Events) != 1 || p.Events[0].Role != doc.RelAttended {
		t.Errorf("profile of the %s namesake: %+v", j1, p)
	}
}

func TestIntegrationProvenanceAnswersWhy(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	a, b := twoReports(tag)
	load(t, l, a.item(), b.item())
	j := "测试" + tag + "区"

	// The "why" query of docs/queries.cypher.
	rows := query(t, c, docQueryText(t, "why-holds"), map[string]any{"person": "甄" + tag, "post": j + "委书记"})
	if len(rows) != 2 {
		t.Fatalf("why: %d rows, want 2 (one per report): %v", len(rows), rows)
	}
	for i, rep := range []*reportBuilder{a, b} {
		r := rows[i]
		want := "委书记甄" + tag + "出席会议"
		if r["report"] != rep.x.Report.ID || !strings.Contains(r["sentence"].(string), want) {
			t.Errorf("row %d: %v, want report %s with a sentence containing %s", i, r, rep.x.Report.ID, want)
		}
		// The offsets point into the stored raw text.
		start, end := int(r["start"].(int64)), int(r["end"].(int64))
		if got := string(rep.text[start:end]); got != r["sentence"] {
			t.Errorf("row %d: text[%d:%d] = %q, evidence says %q", i, start, end, got, r["sentence"])
		}
		if r["highlight"] != r["sentence"] {
			t.Errorf("row %d: substring of Report.text %q differs from the evidence %q", i, r["highlight"], r["sentence"])
		}
	}
	// The entity side: a report mentions each entity it names.
	rows = query(t, c, `MATCH (r:Report)-[m:MENTIONS]->(p:Person {name: $p}) RETURN r.id AS id ORDER BY id`, map[string]any{"p": "甄" + tag})
	if len(rows) != 2 {
		t.Errorf("MENTIONS of 甄: %v", rows)
	}
	// And the Person profile carries the same evidence.
	profiles, _, err := c.Person(context.Background(), "甄"+tag)
	if err != nil || len(profiles) != 1 {
		t.Fatalf("Person: %v %v", profiles, err)
	}
	p := profiles[0]
	if len(p.Posts) != 1 || len(p.Posts[0].Evidence) != 2 || p.Posts[0].Evidence[0].Report != a.x.Report.ID {
		t.Errorf("profile posts: %+v", p.Posts)
	}
	if len(p.Events) != 2 || p.Events[0].Role != doc.RelSpokeAt || p.Events[1].Role != doc.RelAttended {
		t.Errorf("profile events (by date): %+v", p.Events)
	}
}

func TestIntegrationTenureWhoHeldThePostOnADate(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "北测" + tag + "市"
	post := j + "长"
	a, b := "赵"+tag, "钱"+tag
	r1 := newReport("kgtest-"+tag+"-1", "2020-06-01", j)
	r1.holds(a, post)
	r2 := newReport("kgtest-"+tag+"-2", "2021-03-02", j)
	r2.holds(a, post, removed("2021-03-01"))
	r2.holds(b, post, appointed("2021-03-01"))
	r3 := newReport("kgtest-"+tag+"-3", "2021-09-01", j)
	r3.holds(b, post)
	load(t, l, r1.item(), r2.item(), r3.item())

	ctx := context.Background()
	tests := []struct {
		name string
		on   string
		want []string
	}{
		{"before anyone was seen", "2019-01-01", nil},
		{"during the first tenure", "2020-12-01", []string{a}},
		{"the day of the handover: both", "2021-03-01", []string{a, b}},
		{"after the handover", "2021-05-01", []string{b}},
		{"after the last report: still, as last known", "2022-01-01", []string{b}},
		{"no date: everyone who held it", "", []string{a, b}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, m, err := c.WhoHolds(ctx, post, tt.on)
			if err != nil || m != MatchExact {
				t.Fatalf("WhoHolds: %v %v", m, err)
			}
			var got []string
			for _, h := range hs {
				got = append(got, h.Person)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("holders on %q: %v, want %v", tt.on, got, tt.want)
			}
		})
	}
	hs, _, _ := c.WhoHolds(ctx, post, "")
	wantA := Tenure{FirstSeen: "2020-06-01", LastSeen: "2021-03-02", End: "2021-03-01", Removed: true, Reports: []string{r1.x.Report.ID, r2.x.Report.ID}}
	wantB := Tenure{FirstSeen: "2021-03-02", LastSeen: "2021-09-01", Start: "2021-03-01", Appointed: true, Reports: []string{r2.x.Report.ID, r3.x.Report.ID}}
	if len(hs) != 2 || !reflect.DeepEqual(hs[0].Tenure, wantA) || !reflect.DeepEqual(hs[1].Tenure, wantB) {
		t.Errorf("tenures:\n got %+v\nwant %+v and %+v", hs, wantA, wantB)
	}
	// A CONTAINS match finds the post from part of its name.
	if hs, m, _ := c.WhoHolds(ctx, "北测"+tag, "2020-12-01"); m != MatchContains || len(hs) != 1 || hs[0].Person != a {
		t.Errorf("contains match: %v %+v", m, hs)
	}

	// Retraction recomputes tenure: without report 2, neither the removal
	// nor the appointment is known, and the dates are those of reports 1 and 3.
	if _, err := l.Delete(ctx, r2.x.Report.ID); err != nil {
		t.Fatal(err)
	}
	hs, _, _ = c.WhoHolds(ctx, post, "")
	wantA = Tenure{FirstSeen: "2020-06-01", LastSeen: "2020-06-01", Reports: []string{r1.x.Report.ID}}
	wantB = Tenure{FirstSeen: "2021-09-01", LastSeen: "2021-09-01", Reports: []string{r3.x.Report.ID}}
	if len(hs) != 2 || !reflect.DeepEqual(hs[0].Tenure, wantA) || !reflect.DeepEqual(hs[1].Tenure, wantB) {
		t.Errorf("tenures after retracting report 2:\n got %+v\nwant %+v and %+v", hs, wantA, wantB)
	}
}

func TestIntegrationBatchEdgeCases(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "南测" + tag + "县"
	v1 := newReport("kgtest-"+tag+"-1", "2023-03-01", j)
	v1.holds("孙"+tag, j+"长")
	v2 := newReport("kgtest-"+tag+"-1", "2023-03-02", j)
	v2.holds("李"+tag, j+"长")
	bad := newReport("kgtest-"+tag+"-bad", "2023-03-01", j)
	bad.holds("周"+tag, j+"长")
	badItem := bad.item()
	badItem.Extraction.Report.Hash = strings.Repeat("f", 64)

	t.Cleanup(func() { l.Delete(context.Background(), v1.x.Report.ID) })
	st, err := l.LoadBatch(context.Background(), []Item{v1.item(), badItem, v2.item()})
	if err != nil {
		t.Fatal(err)
	}
	if got := statuses(st); !reflect.DeepEqual(got, []Status{StatusNew, StatusFailed, StatusReplaced}) {
		t.Errorf("statuses %v: one id twice in a batch loads in order; a bad report fails alone", got)
	}
	if !errors.Is(st.Reports[1].Err, ErrInvalid) {
		t.Errorf("bad report error: %v", st.Reports[1].Err)
	}
	hs, _, _ := c.WhoHolds(context.Background(), j+"长", "")
	if len(hs) != 1 || hs[0].Person != "李"+tag {
		t.Errorf("after v1 then v2 of one report: %+v, want only 李", hs)
	}
	if n := countTagged(t, c, tag); n["Person"] != 1 {
		t.Errorf("persons left: %v (孙 should be gone with v1)", n)
	}
}

func TestIntegrationDeleteLeavesNothing(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	a, b := twoReports(tag)
	load(t, l, a.item(), b.item())
	if _, err := l.Delete(context.Background(), a.x.Report.ID, b.x.Report.ID); err != nil {
		t.Fatal(err)
	}
	if n := countTagged(t, c, tag); len(n) != 0 {
		t.Errorf("left after deleting every report: %v", n)
	}
	if rows := query(t, c, `MATCH (ev:Evidence) WHERE ev.report IN $ids RETURN count(ev) AS n`,
		map[string]any{"ids": []any{a.x.Report.ID, b.x.Report.ID}}); rows[0]["n"] != int64(0) {
		t.Errorf("evidence left: %v", rows)
	}
}

func TestIntegrationOpenErrorsAreClear(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	ctx := context.Background()
	// A port nobody listens on.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cfg := testConfig()
	cfg.URI = "neo4j://" + addr
	start := time.Now()
	_, err = Open(ctx, cfg)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("unreachable: err = %v, want ErrUnavailable", err)
	}
	for _, want := range []string{"cannot reach Neo4j at neo4j://" + addr, "connection refused", "scripts/neo4j.sh start"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("unreachable error %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "\n") || time.Since(start) > 20*time.Second {
		t.Errorf("unreachable error should be one line and quick: %q after %s", err, time.Since(start))
	}

	// Wrong password (once only: Neo4j locks the user out after a few failures).
	cfg = testConfig()
	cfg.Password = "wrong-" + newTag(t)
	_, err = Open(ctx, cfg)
	if !errors.Is(err, ErrAuth) {
		t.Fatalf("wrong password: err = %v, want ErrAuth", err)
	}
	if want := "Neo4j refused the credentials for user " + cfg.Username; !strings.Contains(err.Error(), want) {
		t.Errorf("auth error %q lacks %q", err, want)
	}
	if strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("auth error shows the password: %q", err)
	}
}

// Every session of a client carries the bookmarks of what the client
// committed before, so that on a cluster a read that follows a write (the
// loader's hash check, a query after an ingest) sees it even on a member
// that lags behind the leader.
func TestIntegrationSessionsChainBookmarks(t *testing.T) {
	c := testClient(t)
	ctx := context.Background()
	before, err := c.bookmarks.GetBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tag := newTag(t)
	a, _ := twoReports(tag)
	load(t, NewLoader(c, Options{}), a.item())
	after, err := c.bookmarks.GetBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) == 0 || reflect.DeepEqual(before, after) {
		t.Fatalf("a write left the client's bookmarks at %v (before: %v): sessions do not share them", after, before)
	}
	// A new session of the client starts from them.
	s := c.session(ctx, neo4j.AccessModeRead)
	defer s.Close(ctx)
	n, err := s.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, "MATCH (r:Report {id: $id}) RETURN count(r) AS n", map[string]any{"id": a.x.Report.ID}, nil)
		if err != nil {
			return nil, err
		}
		v, _ := recs[0].Get("n")
		return v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(1) {
		t.Errorf("a read after the write found %v reports, want 1", n)
	}
	if got := s.LastBookmarks(); len(got) == 0 {
		t.Errorf("the read session ended with no bookmarks")
	}
}

// V5 turns the report lists of facts written by earlier versions into
// counts, and leaves counts alone when run again.
func TestIntegrationMigrationCountsOldReportLists(t *testing.T) {
	c := testClient(t)
	tag := newTag(t)
	fact := "HOLDS:Person[旧" + tag + "]->Post[旧" + tag + "长]"
	write := func(q string, params map[string]any) {
		t.Helper()
		if _, err := c.write(context.Background(), func(tx neo4j.ManagedTransaction) (any, error) {
			return collect(context.Background(), tx, q, params, nil)
		}); err != nil {
			t.Fatal(err)
		}
	}
	write(`CREATE (:Person {key: $p, name: $p})-[:HOLDS {fact: $fact, reports: ['r1', 'r2', 'r3'], evidence: 3}]->(:Post {key: $t, name: $t})`,
		map[string]any{"p": "旧" + tag, "t": "旧" + tag + "长", "fact": fact})
	t.Cleanup(func() {
		write(`MATCH (n) WHERE n.key IN $keys DETACH DELETE n`, map[string]any{"keys": []any{"旧" + tag, "旧" + tag + "长"}})
	})
	var steps []string
	for _, m := range schema.Migrations {
		if m.Name == "fact report counts" {
			steps = m.Data
		}
	}
	if len(steps) == 0 {
		t.Fatal("no migration named \"fact report counts\"")
	}
	for range 2 {
		for _, s := range steps {
			if err := c.migrateData(context.Background(), s); err != nil {
				t.Fatal(err)
			}
		}
		rows := query(t, c, `MATCH ()-[h:HOLDS {fact: $fact}]->() RETURN h.reports AS n`, map[string]any{"fact": fact})
		if len(rows) != 1 || rows[0]["n"] != int64(3) {
			t.Fatalf("after the migration: %v, want reports 3", rows)
		}
	}
}
