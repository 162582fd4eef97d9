package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"

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
	for _, args := range [][]string{{"who-holds", "区长"}, {"person", "王某"}, {"schema", "verify"}, {"schema", "apply"}} {
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
	post, _, b, items := tenureReports(tag)
	loadItems(t, l, items)

	code, out, stderr := runKG(t, "person", b)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		b + " (北测" + tag + "市)", "posts:", post, "appointed 2021-03-01", "seen 2021-03-02 … 2021-09-01",
		"events:", "CHAIRED", "北测" + tag + "市常务会议", "kgtest-" + tag + "-3 2021-09-01 [", post + b + "主持会议",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("person output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runKG(t, "person", "--json", b)
	var res struct {
		Persons []graph.Profile `json:"persons"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK {
		t.Fatalf("person --json: %v\n%s", err, out)
	}
	if len(res.Persons) != 1 || len(res.Persons[0].Posts) != 1 || len(res.Persons[0].Posts[0].Evidence) != 2 ||
		len(res.Persons[0].Events) != 1 || res.Persons[0].Events[0].Evidence[0].Text != post+b+"主持会议" {
		t.Errorf("person --json: %+v", res.Persons)
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
