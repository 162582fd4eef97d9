package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/nlp/doc"
)

// runKG runs kg with args and returns its exit code, stdout and stderr.
func runKG(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &out, &errb
	err := app.Run(append([]string{"kg"}, args...))
	code := exitCode(err, &errb)
	return code, out.String(), errb.String()
}

// closedURI is a Bolt address on which nothing listens.
func closedURI(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "neo4j://" + addr
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want int
	}{
		{"ascii", "2021-03-01", 10},
		{"chinese characters take two columns", "静海区委书记", 12},
		{"mixed", "王某 (静海区)", 13},
		{"full-width punctuation", "（扩大）", 8},
		{"em dash is narrow", "—", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := displayWidth(tt.s); got != tt.want {
				t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
			}
		})
	}
}

func TestPrintTableAlignsChineseColumns(t *testing.T) {
	var b bytes.Buffer
	printTable(&b, [][]string{{"PERSON", "POST"}, {"王某", "区长"}, {"欧阳某某", "区委书记"}})
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		i := strings.Index(l, "POST")
		if i < 0 {
			i = strings.Index(l, "区")
		}
		if w := displayWidth(l[:i]); col >= 0 && w != col {
			t.Errorf("second column starts at display column %d, want %d:\n%s", w, col, b.String())
		} else {
			col = w
		}
	}
}

func TestGraphErrorExitCodes(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"unreachable", fmt.Errorf("loading: %w", graph.ErrUnavailable), exitUnavailable},
		{"credentials refused", fmt.Errorf("x: %w", graph.ErrAuth), exitAuth},
		{"anything else", errors.New("boom"), exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(graphError(tt.err), &bytes.Buffer{}); got != tt.want {
				t.Errorf("exit code %d, want %d", got, tt.want)
			}
		})
	}
}

func TestUsageErrorsComeBeforeConnecting(t *testing.T) {
	uri := closedURI(t) // were it used, the exit code would be 4
	tests := []struct {
		name string
		args []string
	}{
		{"who-holds without a post", []string{"who-holds"}},
		{"who-holds with two posts", []string{"who-holds", "区长", "县长"}},
		{"who-holds with a bad date", []string{"who-holds", "--on", "2021-02-30", "区长"}},
		{"who-holds with a bad month", []string{"who-holds", "--on", "2021-13", "区长"}},
		{"who-holds with a bad date after the post", []string{"who-holds", "区长", "--on", "昨天"}},
		{"who-holds with an unknown flag after the post", []string{"who-holds", "区长", "--bogus"}},
		{"who-holds with --on missing its value", []string{"who-holds", "区长", "--on"}},
		{"person without a name", []string{"person"}},
		{"person with an unknown format", []string{"person", "王某", "--format", "xml"}},
		{"person with --json and --csv", []string{"person", "王某", "--json", "--csv"}},
		{"who-holds with --format table and --json", []string{"who-holds", "区长", "--format", "table", "--json"}},
		{"roster without a place", []string{"roster"}},
		{"roster with a bad date", []string{"roster", "武功县", "--on", "2024-04-31"}},
		{"changes without a place", []string{"changes", "--from", "2024"}},
		{"changes with a bad --from", []string{"changes", "武功县", "--from", "去年"}},
		{"changes ending before it begins", []string{"changes", "武功县", "--from", "2024-05", "--to", "2024-04"}},
		{"ingest without paths", []string{"ingest"}},
		{"ingest with batch size zero", []string{"ingest", "--batch-size", "0", "x.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runKG(t, append([]string{"--uri", uri}, tt.args...)...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d (usage); stderr %q", code, exitUsage, stderr)
			}
		})
	}
}

func TestUnreachableNeo4jExits4(t *testing.T) {
	uri := closedURI(t)
	for _, args := range [][]string{{"who-holds", "区长"}, {"person", "王某"}, {"roster", "武功县"}, {"changes", "武功县"}, {"schema", "verify"}, {"schema", "apply"}} {
		code, _, stderr := runKG(t, append([]string{"--uri", uri}, args...)...)
		if code != exitUnavailable {
			t.Errorf("%v: exit code %d, want %d", args, code, exitUnavailable)
		}
		if !strings.Contains(stderr, "cannot reach Neo4j at "+uri) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: stderr should be one clear line, got %q", args, stderr)
		}
	}
}

func TestSchemaShowNeedsNoDatabase(t *testing.T) {
	code, out, _ := runKG(t, "--uri", closedURI(t), "schema", "show")
	if code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	for _, want := range []string{"(:Person) key key", "[:HOLDS] (:Person)→(:Post)", "[:COMMENDED] (:Event)→(:Person) | (:Event)→(:Organization)", "V1 node keys"} {
		if !strings.Contains(out, want) {
			t.Errorf("schema show lacks %q", want)
		}
	}
	code, out, _ = runKG(t, "schema", "show", "--cypher")
	if code != exitOK || !strings.Contains(out, "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;") {
		t.Errorf("schema show --cypher: %d\n%s", code, out)
	}
}

// Integration tests: skipped under -short, failing when Neo4j is down.

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func testGraph(t *testing.T) (*graph.Client, *graph.Loader) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs Neo4j (skipped under -short)")
	}
	ctx := context.Background()
	c, err := graph.Open(ctx, graph.Config{
		URI: env("NEO4J_URI", defaultURI), Username: env("NEO4J_USERNAME", defaultUser),
		Password: env("NEO4J_PASSWORD", defaultPassword), Database: env("NEO4J_DATABASE", defaultDatabase),
	})
	if err != nil {
		t.Fatalf("integration tests need Neo4j (scripts/neo4j.sh start; or go test -short): %v", err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	if _, err := c.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	return c, graph.NewLoader(c, graph.Options{})
}

func newTag(t *testing.T) string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func sp(s string) *string { return &s }

// tenureReports: 赵 holds the post, is removed on 2021-03-01 and 钱 appointed
// the same day; 钱 is seen in office later.
func tenureReports(tag string) (post, a, b string, items []graph.Item) {
	j := "北测" + tag + "市"
	post, a, b = j+"长", "赵"+tag, "钱"+tag
	mk := func(n int, date string, rels ...doc.Relation) graph.Item {
		text := fmt.Sprintf("第%d篇:%s%s出席会议。%s%s主持会议。", n, post, a, post, b)
		x := &doc.Extraction{
			Report: doc.Report{ID: fmt.Sprintf("kgtest-%s-%d", tag, n), Date: date, Jurisdiction: j},
			Entities: []doc.Entity{
				{ID: "p1", Type: doc.TypePerson, Name: a}, {ID: "p2", Type: doc.TypePerson, Name: b},
				{ID: "t1", Type: doc.TypePost, Name: post},
				{ID: "e1", Type: doc.TypeEvent, Name: j + "常务会议", Date: date, Kind: doc.KindMeeting},
			},
			Relations: rels,
		}
		return graph.Item{Extraction: x, Text: text}
	}
	aSpan := doc.Evidence{Start: 4, End: 4 + len([]rune(post+a+"出席会议"))}
	bSpan := doc.Evidence{Start: aSpan.End + 1, End: aSpan.End + 1 + len([]rune(post+b+"主持会议"))}
	items = []graph.Item{
		mk(1, "2020-06-01", doc.Relation{Type: doc.RelHolds, From: "p1", To: "t1", Evidence: aSpan},
			doc.Relation{Type: doc.RelAttended, From: "p1", To: "e1", Evidence: aSpan}),
		mk(2, "2021-03-02", doc.Relation{Type: doc.RelHolds, From: "p1", To: "t1", End: sp("2021-03-01"), Evidence: aSpan},
			doc.Relation{Type: doc.RelHolds, From: "p2", To: "t1", Start: sp("2021-03-01"), Evidence: bSpan}),
		mk(3, "2021-09-01", doc.Relation{Type: doc.RelHolds, From: "p2", To: "t1", Evidence: bSpan},
			doc.Relation{Type: doc.RelChaired, From: "p2", To: "e1", Evidence: bSpan}),
	}
	return post, a, b, items
}

func loadItems(t *testing.T, l *graph.Loader, items []graph.Item) {
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
		t.Fatal(err)
	}
	if n := st.Count(graph.StatusNew); n != len(items) {
		t.Fatalf("%d new reports, want %d: %+v", n, len(items), st.Reports)
	}
}

func TestIntegrationWhoHoldsCommand(t *testing.T) {
	_, l := testGraph(t)
	tag := newTag(t)
	post, a, b, items := tenureReports(tag)
	loadItems(t, l, items)

	code, out, stderr := runKG(t, "who-holds", post, "--on", "2020-12-01")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, a) || strings.Contains(out, b) {
		t.Errorf("on 2020-12-01 only %s held %s:\n%s", a, post, out)
	}
	code, out, _ = runKG(t, "who-holds", "--on", "2021-05-01", post)
	if code != exitOK || strings.Contains(out, a) || !strings.Contains(out, b) {
		t.Errorf("on 2021-05-01 only %s held %s:\n%s", b, post, out)
	}
	// A month or a year: at any time in it.
	code, out, _ = runKG(t, "who-holds", post, "--on", "2021-03")
	if code != exitOK || !strings.Contains(out, a) || !strings.Contains(out, b) {
		t.Errorf("in 2021-03 both held %s:\n%s", post, out)
	}
	code, out, _ = runKG(t, "who-holds", post, "--on", "2020")
	if code != exitOK || !strings.Contains(out, a) || strings.Contains(out, b) || !strings.Contains(out, "holders of "+post+" on 2020:") {
		t.Errorf("in 2020 only %s held %s:\n%s", a, post, out)
	}
	// Without a date: both, with their dates and reports.
	_, out, _ = runKG(t, "who-holds", post)
	for _, want := range []string{"OFFICE", "FROM", "UNTIL", "SEEN", "REPORTS", "2020-06-01 first seen", "2021-03-01 removed",
		"2021-03-01 appointed", "still, as last known", "2021-03-02 … 2021-09-01", "kgtest-" + tag + "-1,kgtest-" + tag + "-2"} {
		if !strings.Contains(out, want) {
			t.Errorf("who-holds output lacks %q:\n%s", want, out)
		}
	}
	// JSON, with a CONTAINS match.
	code, out, _ = runKG(t, "who-holds", "--json", "北测"+tag)
	var res struct {
		Match   string          `json:"match"`
		Holders []graph.Holding `json:"holders"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK {
		t.Fatalf("who-holds --json: %v (exit %d)\n%s", err, code, out)
	}
	if res.Match != "contains" || len(res.Holders) != 2 || res.Holders[0].Person != a || res.Holders[0].End != "2021-03-01" ||
		res.Holders[1].Start != "2021-03-01" || res.Holders[0].UntilBound != graph.BoundStated || res.Holders[1].UntilBound != graph.BoundStill ||
		res.Holders[0].FromBound != graph.BoundSeen || res.Holders[1].FromBound != graph.BoundStated {
		t.Errorf("who-holds --json: %+v", res)
	}
	_, out, _ = runKG(t, "who-holds", "无此职务"+tag)
	if !strings.Contains(out, "no post named or containing") {
		t.Errorf("unknown post: %q", out)
	}
}

func TestIntegrationPersonCommand(t *testing.T) {
	_, l := testGraph(t)
	tag := newTag(t)
	post, a, b, items := tenureReports(tag)
	loadItems(t, l, items)

	// Compact: the career table, no events.
	code, out, stderr := runKG(t, "person", b)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		b + " (北测" + tag + "市)", "OFFICE", "FROM", "UNTIL", "BOUNDS", "ACTING", post, "2021-03-01", "still", "stated / as last known",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("person output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "events:") || strings.Contains(out, "主持会议") {
		t.Errorf("compact person output shows events or evidence:\n%s", out)
	}
	// The predecessor's term: until stated, and the bounds say so.
	_, out, _ = runKG(t, "person", a)
	if !strings.Contains(out, "first seen / stated") || !strings.Contains(out, "2020-06-01  2021-03-01") {
		t.Errorf("person %s:\n%s", a, out)
	}
	// --events: events with roles, and the evidence.
	_, out, _ = runKG(t, "person", b, "--events")
	for _, want := range []string{
		"events:", "CHAIRED", "北测" + tag + "市常务会议", "kgtest-" + tag + "-3 2021-09-01 [", post + b + "主持会议",
		"evidence of the posts:", "appointed 2021-03-01", "seen 2021-03-02 … 2021-09-01",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("person --events output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runKG(t, "person", "--json", b)
	var res struct {
		Match   string             `json:"match"`
		Persons []graph.Individual `json:"persons"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK {
		t.Fatalf("person --json: %v\n%s", err, out)
	}
	if res.Match != "exact" || len(res.Persons) != 1 || len(res.Persons[0].Nodes) != 1 || len(res.Persons[0].Career) != 1 ||
		res.Persons[0].Career[0].FromBound != graph.BoundStated || res.Persons[0].Identity != b+"|北测"+tag+"市" {
		t.Fatalf("person --json: %+v", res.Persons)
	}
	n := res.Persons[0].Nodes[0]
	if len(n.Posts) != 1 || len(n.Posts[0].Evidence) != 2 || len(n.Events) != 1 || n.Events[0].Evidence[0].Text != post+b+"主持会议" {
		t.Errorf("person --json node: %+v", n)
	}
	// CSV: a header, then the career.
	code, out, _ = runKG(t, "person", b, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || code != exitOK || len(rows) != 2 || rows[0][0] != "match" || rows[1][1] != b || !slices.Contains(rows[1], post) ||
		!slices.Contains(rows[1], "stated") {
		t.Errorf("person --format csv: %v %v\n%s", err, rows, out)
	}
	_, out, _ = runKG(t, "person", b, "--csv", "--events")
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil || len(rows) != 2 || !slices.Contains(rows[1], "CHAIRED") {
		t.Errorf("person --csv --events: %v %v", err, rows)
	}
	// Part of a name: every person containing it, labelled.
	_, out, _ = runKG(t, "person", tag)
	if !strings.Contains(out, "contains \""+tag+"\"") || !strings.Contains(out, a) || !strings.Contains(out, b) {
		t.Errorf("person %s:\n%s", tag, out)
	}
	_, out, _ = runKG(t, "person", "无此人"+tag)
	if !strings.Contains(out, "no person named or containing") {
		t.Errorf("unknown person: %q", out)
	}
}

// rosterItems: in 罗测<tag>县 甲 is the party secretary, removed on
// 2022-05-01 with nobody after; 乙 the county head until 2021-06-01, when
// 戊 becomes the acting head.
func rosterItems(tag string) (string, []graph.Item) {
	j := "罗测" + tag + "县"
	mk := func(n int, date string, holds ...doc.Relation) graph.Item {
		x := &doc.Extraction{Report: doc.Report{ID: fmt.Sprintf("kgtest-%s-%d", tag, n), Date: date, Jurisdiction: j}}
		var text []rune
		ids := map[string]string{}
		ent := func(typ, name string) string {
			if id, ok := ids[typ+name]; ok {
				return id
			}
			id := fmt.Sprintf("e%d", len(x.Entities))
			x.Entities = append(x.Entities, doc.Entity{ID: id, Type: typ, Name: name})
			ids[typ+name] = id
			return id
		}
		for _, h := range holds {
			s := h.To + h.From + "出席会议"
			h.Evidence = doc.Evidence{Text: s, Start: len(text), End: len(text) + len([]rune(s))}
			text = append(text, []rune(s+"。")...)
			h.Type, h.From, h.To = doc.RelHolds, ent(doc.TypePerson, h.From), ent(doc.TypePost, h.To)
			x.Relations = append(x.Relations, h)
		}
		return graph.Item{Extraction: x, Text: string(text)}
	}
	return j, []graph.Item{
		mk(1, "2021-01-10", doc.Relation{From: "甲" + tag, To: j + "委书记"}, doc.Relation{From: "乙" + tag, To: j + "长"}),
		mk(2, "2021-06-02", doc.Relation{From: "乙" + tag, To: j + "长", End: sp("2021-06-01")},
			doc.Relation{From: "戊" + tag, To: j + "代理县长", Start: sp("2021-06-01")}),
		mk(3, "2022-05-02", doc.Relation{From: "甲" + tag, To: j + "委书记", End: sp("2022-05-01")}),
	}
}

func TestIntegrationRosterCommand(t *testing.T) {
	_, l := testGraph(t)
	tag := newTag(t)
	j, items := rosterItems(tag)
	loadItems(t, l, items)
	a, b, e := "甲"+tag, "乙"+tag, "戊"+tag

	tests := []struct {
		name    string
		args    []string
		want    []string
		notWant []string
	}{
		{"as last known: a vacancy and an acting head", []string{"roster", j},
			[]string{"offices of " + j + ", as last known:", "OFFICE", "HOLDER", j + "委书记", "vacant", "since 2022-05-01", a,
				j + "长 (acting)", e + " (" + j + ")", "2021-06-01 appointed"}, []string{b}},
		{"on a day", []string{"roster", j, "--on", "2021-03-01"},
			[]string{"on 2021-03-01:", a + " (" + j + ")", b + " (" + j + ")"}, []string{e, "vacant"}},
		{"written in traditional characters", []string{"roster", "罗測" + tag + "縣"}, []string{"offices of " + j + ","}, nil},
		{"a date in full-width digits", []string{"roster", j, "--on", "２０２１－０３－０１"}, []string{"on 2021-03-01:", a + " (" + j + ")"}, []string{e}},
		{"nothing named so", []string{"roster", "无此地" + tag}, []string{"no place or organisation with offices named or containing"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runKG(t, tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
	code, out, _ := runKG(t, "roster", j, "--json")
	var res struct {
		Scopes  []graph.Scope      `json:"scopes"`
		Offices []graph.RosterLine `json:"offices"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK {
		t.Fatalf("roster --json: %v\n%s", err, out)
	}
	if len(res.Scopes) != 1 || res.Scopes[0].Match != graph.MatchExact || len(res.Offices) != 2 || res.Offices[0].Status != graph.StatusVacant ||
		res.Offices[0].Previous == nil || res.Offices[0].Previous.Person != a || res.Offices[1].Holder == nil || !res.Offices[1].Holder.Acting {
		t.Errorf("roster --json: %+v", res)
	}
	_, out, _ = runKG(t, "roster", j, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "scope" || rows[1][9] != "vacant" || rows[2][9] != "held" {
		t.Errorf("roster --format csv: %v %q", err, rows)
	}
}

func TestIntegrationChangesCommand(t *testing.T) {
	_, l := testGraph(t)
	tag := newTag(t)
	j, items := rosterItems(tag)
	loadItems(t, l, items)
	a, b, e := "甲"+tag, "乙"+tag, "戊"+tag
	r2, r3 := "kgtest-"+tag+"-2", "kgtest-"+tag+"-3"

	code, out, stderr := runKG(t, "changes", j, "--from", "2021", "--to", "2022")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []struct{ date, kind, person, report string }{
		{"2021-06-01", "removal", b, r2}, {"2021-06-01", "acting", e, r2}, {"2022-05-01", "removal", a, r3}, {"2022-05-01", "vacancy", a, r3},
	}
	if len(lines) != 2+len(want) || !strings.Contains(lines[0], "changes in the offices of "+j+" from 2021 to 2022:") {
		t.Fatalf("changes:\n%s", out)
	}
	for i, w := range want {
		l := lines[2+i]
		if !strings.HasPrefix(l, w.date) || !strings.Contains(l, " "+w.kind+" ") || !strings.Contains(l, w.person) || !strings.HasSuffix(l, w.report) {
			t.Errorf("line %d: %q, want %v", i, l, w)
		}
	}
	_, out, _ = runKG(t, "changes", j, "--from", "2023-01-01")
	if !strings.Contains(out, "no changes known") {
		t.Errorf("changes since 2023:\n%s", out)
	}
	_, out, _ = runKG(t, "changes", j, "--csv", "--to", "2021-12")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "date" || rows[1][1] != "removal" || rows[2][1] != "acting" || rows[2][12] != r2 {
		t.Errorf("changes --csv: %v %q", err, rows)
	}
	_, out, _ = runKG(t, "changes", j, "--json", "--from", "2022")
	var res struct {
		Changes []graph.Change `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Changes) != 2 || res.Changes[1].Kind != graph.ChangeVacancy {
		t.Errorf("changes --json: %v %+v", err, res)
	}
}

func TestQueriesAreWrittenAsTheGraphWritesNames(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{" 渝中區委書記 ", "渝中区委书记"},
		{"ＡＢＣ區長", "ABC区长"},
		{"静海区委书记", "静海区委书记"},
		{"蔺雪峰", "蔺雪峰"},
	} {
		if got := queryText(tt.in); got != tt.want {
			t.Errorf("queryText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFromTextSaysHowAStartIsKnown(t *testing.T) {
	seen := func(from, end string, appointed bool) graph.Holding {
		var h graph.Holding
		h.From, h.FromBound, h.End, h.Appointed = from, graph.BoundSeen, end, appointed
		return h
	}
	tests := []struct {
		name string
		h    graph.Holding
		want string
	}{
		{"first seen before the removal", seen("2019-03-01", "2021-05-01", false), "2019-03-01 first seen"},
		{"first seen in the removal's own report", seen("2021-05-01", "2021-05-01", false), "start unknown (first seen in the removal's report)"},
		{"an undated appointment", seen("2019-03-01", "", true), "2019-03-01 first seen (appointment undated)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fromText(tt.h); got != tt.want {
				t.Errorf("fromText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOutputFormat(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    string
		wantErr bool
	}{
		{"table by default", nil, formatTable, false},
		{"--format csv", []string{"--format", "csv"}, formatCSV, false},
		{"--format JSON, any case", []string{"--format", "JSON"}, formatJSON, false},
		{"--json for short", []string{"--json"}, formatJSON, false},
		{"--csv for short", []string{"--csv"}, formatCSV, false},
		{"--format json and --json agree", []string{"--format", "json", "--json"}, formatJSON, false},
		{"an unknown format", []string{"--format", "xml"}, "", true},
		{"--json and --csv", []string{"--json", "--csv"}, "", true},
		{"--format table and --csv disagree", []string{"--format", "table", "--csv"}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			var gotErr error
			app := &cli.App{Commands: []*cli.Command{{Name: "q", Flags: formatFlags(), Action: func(c *cli.Context) error {
				got, gotErr = outputFormat(c)
				return nil
			}}}}
			if err := app.Run(append([]string{"kg", "q"}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			if (gotErr != nil) != tt.wantErr || got != tt.want {
				t.Errorf("outputFormat = %q, %v; want %q (error: %v)", got, gotErr, tt.want, tt.wantErr)
			}
			if gotErr != nil && exitCode(gotErr, &bytes.Buffer{}) != exitUsage {
				t.Errorf("not a usage error: %v", gotErr)
			}
		})
	}
}

func TestPrintRosterKeepsPlacesOfOneNameApart(t *testing.T) {
	scopes := []graph.Scope{{Kind: graph.ScopePlace, Name: "鼓楼区", Code: "320106", Match: graph.MatchExact},
		{Kind: graph.ScopePlace, Name: "鼓楼区", Code: "350102", Match: graph.MatchExact}}
	h := func(p string) *graph.Holding {
		return &graph.Holding{Person: p, Context: "鼓楼区", Term: graph.Term{From: "2024-01-01", FromBound: graph.BoundSeen, UntilBound: graph.BoundStill}}
	}
	lines := []graph.RosterLine{
		{Scope: "鼓楼区", ScopeCode: "320106", OfficeInfo: graph.OfficeInfo{Name: "鼓楼区委书记"}, Status: graph.StatusHeld, Holder: h("甲某")},
		{Scope: "鼓楼区", ScopeCode: "350102", OfficeInfo: graph.OfficeInfo{Name: "鼓楼区委书记"}, Status: graph.StatusHeld, Holder: h("乙某")},
	}
	var b bytes.Buffer
	printRoster(&b, "鼓楼区", "", scopes, lines)
	blocks := strings.Split(b.String(), "\n\n")
	if len(blocks) != 2 || !strings.Contains(blocks[0], "(320106)") || !strings.Contains(blocks[0], "甲某") || strings.Contains(blocks[0], "乙某") ||
		!strings.Contains(blocks[1], "(350102)") || !strings.Contains(blocks[1], "乙某") || strings.Contains(blocks[1], "甲某") {
		t.Errorf("two places named 鼓楼区:\n%s", b.String())
	}
}
