package graph

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/pipeline"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// docs/queries.cypher is part of the product: these tests parse it, check
// that every query declares the parameters it uses, run every query
// against data of their own, and run every query, and every Cypher example
// of docs/browser-guide.md and README.md, on an ingest of samples/ with the
// values the file gives, comparing the answer with testdata/docs/*.golden
// (go test ./graph -run TestIntegrationDocumentedExamplesOnSamples -update
// rewrites them).

var update = flag.Bool("update", false, "rewrite the golden files in testdata/docs")

const queriesFile = "../docs/queries.cypher"

type docQuery struct {
	name   string
	text   string
	params map[string]bool // declared with ":param"
	values map[string]any  // the values the ":param" lines give
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
	paramRE := regexp.MustCompile(`^//\s*:param\s+(\w+)\s*=>\s*(.*)$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "// name:"):
			qs = append(qs, docQuery{name: strings.TrimSpace(strings.TrimPrefix(line, "// name:")), params: map[string]bool{}, values: map[string]any{}})
			cur, body = &qs[len(qs)-1], nil
		case cur == nil || line == "":
		case strings.HasPrefix(line, "//"):
			if m := paramRE.FindStringSubmatch(line); m != nil {
				cur.params[m[1]] = true
				if v, ok := cypherLiteral(m[2]); ok {
					cur.values[m[1]] = v
				} else {
					t.Errorf("%s: :param %s => %s: not a string or integer literal", cur.name, m[1], m[2])
				}
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
	for _, want := range []string{"who-holds", "who-held-on", "roster", "changes", "person-posts", "event-roles", "events-in-place-month", "why-holds", "seen-together"} {
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
		"min": int64(1), "report": a.x.Report.ID, "since": "2022-01-01", "until": "2022-12-31",
	}
	// Queries over the whole graph may not show this test's rows first.
	global := map[string]bool{"seen-together": true, "overview": true, "changes": true, "people": true}
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

// cypherLiteral reads the value of a ":param" line: a string in single
// quotes or an integer.
func cypherLiteral(s string) (any, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return s[1 : len(s)-1], true
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	return nil, false
}

var (
	samplesOnce sync.Once
	samplesErr  error
)

// ingestSamples loads samples/ as kg ingest does (once per test binary;
// re-extracting each time, so that the graph holds what the pipeline
// gives now). The reports stay: other tests' data never use their names.
func ingestSamples(t *testing.T, c *Client) {
	t.Helper()
	samplesOnce.Do(func() {
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			samplesErr = err
			return
		}
		var items []Item
		err = input.Read([]string{"../samples"}, nil, input.Options{}, func(r input.Report, err error) error {
			if err != nil {
				return err
			}
			x, err := p.Extract(r.Meta, r.Text)
			if err != nil {
				return fmt.Errorf("%s: %w", r.Path, err)
			}
			items = append(items, Item{Extraction: x, Text: r.Text})
			return nil
		})
		if err != nil {
			samplesErr = err
			return
		}
		st, err := NewLoader(c, Options{Force: true}).LoadBatch(context.Background(), items)
		if err != nil {
			samplesErr = err
			return
		}
		for _, r := range st.Reports {
			if r.Err != nil {
				samplesErr = fmt.Errorf("report %s: %w", r.ID, r.Err)
				return
			}
		}
	})
	if samplesErr != nil {
		t.Fatalf("ingesting samples/: %v", samplesErr)
	}
}

// otherTestsRow: a row of another test's data (their ids begin kgtest-,
// their names carry an 8-hex-digit tag next to Chinese characters).
var otherTestsRow = regexp.MustCompile(`kgtest-|\p{Han}[0-9a-f]{8}|[0-9a-f]{8}\p{Han}`)

// answer runs q and writes its answer as text: the columns, then a row a
// line, values tab-separated; rows of other tests' data are left out, and
// so are the columns of ignore. The rows of a query without ORDER BY, or
// ordered by a full-text score, are sorted.
func answer(t *testing.T, c *Client, q string, params map[string]any, ignore ...string) string {
	t.Helper()
	v, err := c.read(context.Background(), func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(context.Background(), tx, q, params, nil)
	})
	if err != nil {
		t.Fatalf("%v", err)
	}
	recs := v.([]*neo4j.Record)
	var b strings.Builder
	var keys []string
	if len(recs) > 0 {
		for _, k := range recs[0].Keys {
			if !contains(ignore, k) {
				keys = append(keys, k)
			}
		}
	}
	b.WriteString(strings.Join(keys, "\t") + "\n")
	var lines []string
	for _, r := range recs {
		cells := make([]string, len(keys))
		for i, k := range keys {
			v, _ := r.Get(k)
			cells[i] = cellText(v)
		}
		line := strings.Join(cells, "\t")
		if otherTestsRow.MatchString(line) {
			continue
		}
		lines = append(lines, line)
	}
	// Without an order of its own, or ordered by a full-text score (which
	// depends on everything in the index), the answer is a set.
	if !strings.Contains(q, "ORDER BY") || strings.Contains(q, "ORDER BY score") {
		sort.Strings(lines)
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// cellText writes a value: nodes by label and key, relationships by type
// and fact, lists and maps by their elements.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case neo4j.Node:
		key, _ := x.Props["key"].(string)
		if key == "" {
			key, _ = x.Props["id"].(string)
		}
		return "(:" + strings.Join(x.Labels, ":") + " " + key + ")"
	case neo4j.Relationship:
		fact, _ := x.Props["fact"].(string)
		return "[:" + x.Type + " " + fact + "]"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cellText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		ks := make([]string, 0, len(x))
		for k := range x {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		parts := make([]string, len(ks))
		for i, k := range ks {
			parts[i] = k + ": " + cellText(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// golden compares got with testdata/docs/name.golden (writes it with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "docs", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("the answer differs from %s (-update rewrites it):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

// markdownBlocks are the fenced blocks of a Markdown file in a language,
// each with the ":param" and ":params" values set before it in the file.
type mdBlock struct {
	text   string
	params map[string]any
}

func markdownBlocks(t *testing.T, path, lang string) []mdBlock {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []mdBlock
	params := map[string]any{}
	paramRE := regexp.MustCompile(`^:param\s+(\w+)\s*=>\s*(.*)$`)
	paramsRE := regexp.MustCompile(`(\w+):\s*('[^']*'|-?\d+)`)
	in, fence := false, ""
	var body []string
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && strings.HasPrefix(trimmed, "```"):
			in, fence, body = true, strings.TrimPrefix(trimmed, "```"), nil
		case in && trimmed == "```":
			in = false
			if fence == lang {
				ps := map[string]any{}
				for k, v := range params {
					ps[k] = v
				}
				out = append(out, mdBlock{text: strings.TrimSuffix(strings.TrimSpace(strings.Join(body, "\n")), ";"), params: ps})
			}
		case in:
			body = append(body, line)
			if m := paramRE.FindStringSubmatch(trimmed); m != nil {
				if v, ok := cypherLiteral(m[2]); ok {
					params[m[1]] = v
				}
			}
			if strings.HasPrefix(trimmed, ":params {") {
				params = map[string]any{}
				for _, m := range paramsRE.FindAllStringSubmatch(trimmed, -1) {
					if v, ok := cypherLiteral(m[2]); ok {
						params[m[1]] = v
					}
				}
			}
		}
	}
	return out
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestIntegrationDocumentedExamplesOnSamples(t *testing.T) {
	c := testClient(t)
	ingestSamples(t, c)
	qs := readDocQueries(t)
	byText := map[string]string{}
	defaults := map[string]any{} // a value for every parameter, the first query's that names it
	for _, q := range qs {
		byText[squeeze(q.text)] = q.name
		for k, v := range q.values {
			if _, ok := defaults[k]; !ok {
				defaults[k] = v
			}
		}
	}
	// Whole-graph answers: other tests' rows may come and go, so only
	// that the query runs (overview) or the scores of a full-text search.
	ignore := map[string][]string{"name-search": {"score"}}
	for _, q := range qs {
		t.Run(q.name, func(t *testing.T) {
			got := answer(t, c, q.text, q.values, ignore[q.name]...)
			if q.name == "people" || q.name == "seen-together" {
				// whole-graph answers: other tests' rows may be there
				if strings.Count(got, "\n") < 1 {
					t.Errorf("%s: %s", q.name, got)
				}
				return
			}
			if q.name == "overview" {
				if strings.Count(got, "\n") < 6 {
					t.Errorf("overview: %s", got)
				}
				return
			}
			if strings.Count(got, "\n") < 2 && q.name != "seen-together" {
				t.Errorf("no rows on samples/ with the documented values:\n%s", got)
			}
			golden(t, "queries-"+q.name, got)
		})
	}
	for _, doc := range []struct{ name, path string }{{"guide", "../docs/browser-guide.md"}, {"readme", "../README.md"}} {
		for i, b := range markdownBlocks(t, doc.path, "cypher") {
			t.Run(fmt.Sprintf("%s-%d", doc.name, i+1), func(t *testing.T) {
				if name, ok := byText[squeeze(b.text)]; ok {
					t.Logf("the %s query of queries.cypher", name)
					// the same query: run with the values set before it
				}
				params := map[string]any{}
				for _, p := range regexp.MustCompile(`\$(\w+)`).FindAllStringSubmatch(b.text, -1) {
					v, ok := b.params[p[1]]
					if !ok {
						v, ok = defaults[p[1]]
					}
					if !ok {
						t.Fatalf("no value for $%s (set it with :param before the block, or in queries.cypher)", p[1])
					}
					params[p[1]] = v
				}
				got := answer(t, c, b.text, params)
				if strings.Count(got, "\n") < 2 {
					t.Errorf("no rows on samples/:\n%s\n%s", b.text, got)
				}
				golden(t, fmt.Sprintf("%s-%d", doc.name, i+1), got)
			})
		}
	}
}
