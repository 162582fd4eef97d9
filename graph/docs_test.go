package graph

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
)

// docs/queries.cypher is part of the product: these tests parse it, check
// that every query declares the parameters it uses, and run every query
// against data of their own.

const queriesFile = "../docs/queries.cypher"

type docQuery struct {
	name   string
	text   string
	params map[string]bool // declared with ":param"
}

func readDocQueries(t *testing.T) []docQuery {
	t.Helper()
	f, err := os.Open(queriesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []docQuery
	var cur *docQuery
	var body []string
	paramRE := regexp.MustCompile(`^//\s*:param\s+(\w+)\s*=>`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "// name:"):
			qs = append(qs, docQuery{name: strings.TrimSpace(strings.TrimPrefix(line, "// name:")), params: map[string]bool{}})
			cur, body = &qs[len(qs)-1], nil
		case cur == nil || line == "":
		case strings.HasPrefix(line, "//"):
			if m := paramRE.FindStringSubmatch(line); m != nil {
				cur.params[m[1]] = true
			}
		default:
			body = append(body, sc.Text())
			if strings.HasSuffix(line, ";") {
				cur.text = strings.TrimSuffix(strings.TrimSpace(strings.Join(body, "\n")), ";")
				cur = nil
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return qs
}

func docQueryText(t *testing.T, name string) string {
	t.Helper()
	for _, q := range readDocQueries(t) {
		if q.name == name {
			return q.text
		}
	}
	t.Fatalf("no query %q in %s", name, queriesFile)
	return ""
}

func TestDocumentedQueriesDeclareTheirParameters(t *testing.T) {
	qs := readDocQueries(t)
	if len(qs) < 10 {
		t.Fatalf("only %d queries found in %s", len(qs), queriesFile)
	}
	seen := map[string]bool{}
	useRE := regexp.MustCompile(`\$(\w+)`)
	for _, q := range qs {
		if seen[q.name] {
			t.Errorf("query name %s used twice", q.name)
		}
		seen[q.name] = true
		if q.text == "" {
			t.Errorf("%s: no query text (does it end with ';'?)", q.name)
		}
		used := map[string]bool{}
		for _, m := range useRE.FindAllStringSubmatch(q.text, -1) {
			used[m[1]] = true
			if !q.params[m[1]] {
				t.Errorf("%s uses $%s without a ':param %s => …' line", q.name, m[1], m[1])
			}
		}
		for p := range q.params {
			if !used[p] {
				t.Errorf("%s declares :param %s but does not use it", q.name, p)
			}
		}
	}
	for _, want := range []string{"who-holds", "who-held-on", "person-posts", "event-roles", "events-in-place-month", "why-holds", "seen-together"} {
		if !seen[want] {
			t.Errorf("%s lacks the %s query", queriesFile, want)
		}
	}
}

func TestIntegrationDocumentedQueriesRun(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	a, b := twoReports(tag)
	load(t, l, a.item(), b.item())
	j := "测试" + tag + "区"
	params := map[string]any{
		"post": j + "委书记", "text": j, "date": "2022-08-20", "person": "甄" + tag,
		"event": j + "全体会议", "place": j, "month": "2022-08", "from": "甄" + tag, "to": j + "全体会议",
		"min": int64(1), "report": a.x.Report.ID,
	}
	// Queries over the whole graph may not show this test's rows first.
	global := map[string]bool{"seen-together": true, "overview": true}
	for _, q := range readDocQueries(t) {
		t.Run(q.name, func(t *testing.T) {
			ps := map[string]any{}
			for p := range q.params {
				v, ok := params[p]
				if !ok {
					t.Fatalf("no test value for $%s", p)
				}
				ps[p] = v
			}
			rows := query(t, c, q.text, ps)
			if len(rows) == 0 && !global[q.name] {
				t.Errorf("no rows")
			}
		})
	}
	// Spot checks of the answers.
	rows := query(t, c, docQueryText(t, "who-held-on"), map[string]any{"post": j + "委书记", "date": "2022-08-20"})
	if len(rows) != 1 || rows[0]["person"] != "甄"+tag {
		t.Errorf("who-held-on: %v", rows)
	}
	rows = query(t, c, docQueryText(t, "event-roles"), map[string]any{"event": j + "全体会议"})
	if len(rows) != 2 || rows[0]["role"] != "CHAIRED" || rows[0]["person"] != "贾"+tag || rows[1]["role"] != "SPOKE_AT" {
		t.Errorf("event-roles: %v", rows)
	}
	rows = query(t, c, docQueryText(t, "events-in-place-month"), map[string]any{"place": j, "month": "2022-09"})
	if len(rows) != 1 || rows[0]["event"] != j+"调研活动" {
		t.Errorf("events-in-place-month: %v", rows)
	}
	rows = query(t, c, docQueryText(t, "why-fact"), map[string]any{"from": "贾" + tag, "to": j + "全体会议"})
	if len(rows) != 1 || rows[0]["fact_type"] != "CHAIRED" || rows[0]["report"] != a.x.Report.ID {
		t.Errorf("why-fact: %v", rows)
	}
}
