package explore

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/pipeline"
)

// Integration tests: the explorer on the real Neo4j (scripts/neo4j.sh, or
// NEO4J_URI) with the project's samples/ ingested, as `kg ingest samples/`
// does; `go test -short` skips them. The samples that were not in the
// graph before are deleted again when the tests end.

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

var fixture struct {
	once    sync.Once
	err     error
	client  *graph.Client
	server  *httptest.Server
	created []string // report ids the fixture loaded
}

// samples returns the explorer on the graph with samples/ ingested.
func samples(tb testing.TB) (*graph.Client, string) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("integration test: needs Neo4j (skipped under -short)")
	}
	fixture.once.Do(func() { fixture.err = setUp() })
	if fixture.err != nil {
		tb.Fatalf("integration tests need Neo4j with the samples (scripts/neo4j.sh start; or go test -short): %v", fixture.err)
	}
	return fixture.client, fixture.server.URL
}

func setUp() error {
	ctx := context.Background()
	c, err := graph.Open(ctx, graph.Config{
		URI:      env("NEO4J_URI", "neo4j://localhost:7687"),
		Username: env("NEO4J_USERNAME", "neo4j"),
		Password: env("NEO4J_PASSWORD", "kg-local-password"),
		Database: env("NEO4J_DATABASE", "neo4j"),
	})
	if err != nil {
		return err
	}
	fixture.client = c
	if _, err := c.ApplySchema(ctx); err != nil {
		return fmt.Errorf("applying the schema: %w", err)
	}
	before, err := c.Reports(ctx, 0)
	if err != nil {
		return err
	}
	had := map[string]bool{}
	for _, r := range before {
		had[r.ID] = true
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	var items []graph.Item
	err = input.Read([]string{"../samples"}, nil, input.Options{}, func(r input.Report, err error) error {
		if err != nil {
			return nil // README.md and the like are no reports
		}
		x, err := p.Extract(r.Meta, r.Text)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Path, err)
		}
		items = append(items, graph.Item{Extraction: x, Text: r.Text})
		if !had[x.Report.ID] {
			fixture.created = append(fixture.created, x.Report.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := graph.NewLoader(c, graph.Options{}).LoadBatch(ctx, items); err != nil {
		return fmt.Errorf("loading the samples: %w", err)
	}
	srv, err := New(c, Options{Log: func(string, ...any) {}})
	if err != nil {
		return err
	}
	fixture.server = httptest.NewServer(srv)
	return nil
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if fixture.server != nil {
		fixture.server.Close()
	}
	if fixture.client != nil {
		l := graph.NewLoader(fixture.client, graph.Options{})
		for _, id := range fixture.created {
			if _, err := l.DeleteReport(context.Background(), id); err != nil {
				fmt.Fprintf(os.Stderr, "explore tests: deleting sample %s: %v\n", id, err)
			}
		}
		fixture.client.Close(context.Background())
	}
	os.Exit(code)
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestIntegrationPagesOnTheSamples: every page answers on the samples,
// with the facts they show.
func TestIntegrationPagesOnTheSamples(t *testing.T) {
	_, base := samples(t)
	tests := []struct {
		name   string
		path   string
		status int
		want   []string
	}{
		{"home counts the graph and lists the reports", "/", 200, []string{"Appointments by month", "阿荣旗召开2024年防汛抗旱工作会议"}},
		{"search in traditional characters finds the simplified office", "/search?q=" + url.QueryEscape("武功縣副縣長"), 200, []string{"武功县副县长", "/office?key="}},
		{"search by part of a name finds the person", "/suggest?q=" + url.QueryEscape("海涛"), 200, []string{"禚海涛", "kind-Person"}},
		{"search for nothing known says so", "/suggest?q=" + url.QueryEscape("无此人名"), 200, []string{"Nothing named or containing"}},
		{"person page: career, events, companions", "/person?id=" + url.QueryEscape("禚海涛|南浔区"), 200, []string{"南浔区委书记", "svg class=\"timeline\"", "南浔区委常委会(扩大)会议", "chaired", "欧阳明珏", "svg class=\"net\""}},
		{"office page: succession and who held it on a date", "/office?key=" + url.QueryEscape("office:610431|政府|副县长") + "&on=2024-05", 200, []string{"仝晓东", "from 2024-04-28 (appointed)", "On 2024-05"}},
		{"place page: roster, changes, places below", "/place?key=" + url.QueryEscape("南浔区") + "&on=2024-03-15", 200, []string{"南浔区委书记", "禚海涛", "练市镇"}},
		{"report page: text with spans and facts", "/report?id=" + url.QueryEscape("https://www.example.gov.cn/wugong/rdgz/202404/t20240429_55802.html"), 200, []string{"class=\"span", "HOLDS", "仝晓东"}},
		{"organisation page: its offices and holders", "/org?name=" + url.QueryEscape("武功县委"), 200, []string{"武功县委常委", "仝晓东"}},
		{"a person by the key of one of its nodes", "/person?id=" + url.QueryEscape("仝晓东|武功县"), 200, []string{"武功县副县长"}},
		{"unknown person is 404", "/person?id=nobody", 404, []string{"no person"}},
		{"unknown report is 404", "/report?id=nothing-here", 404, []string{"no report"}},
		{"a date that is none is 400", "/office?key=x&on=yesterday", 400, []string{"not a date"}},
		{"the guide is a Browser guide", "/guide", 200, []string{"<slide", "runnable"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := get(t, base+tt.path)
			if status != tt.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", tt.path, status, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: no %q in the page", tt.path, w)
				}
			}
		})
	}
}

// BenchmarkPages times each page on the samples (go test -run '^$'
// -bench Pages ./explore; not a timed test: it fails on nothing).
func BenchmarkPages(b *testing.B) {
	_, base := samples(b)
	pages := []struct{ name, path string }{
		{"home", "/"},
		{"search", "/suggest?q=" + url.QueryEscape("县委")},
		{"person", "/person?id=" + url.QueryEscape("禚海涛|南浔区")},
		{"office", "/office?key=" + url.QueryEscape("office:610431|政府|副县长") + "&on=2024-05"},
		{"place", "/place?key=" + url.QueryEscape("武功县")},
		{"report", "/report?id=" + url.QueryEscape("https://www.example.gov.cn/wugong/rdgz/202404/t20240429_55802.html")},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			start := time.Now()
			for i := 0; i < b.N; i++ {
				resp, err := http.Get(base + p.path)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatalf("%s: status %d", p.path, resp.StatusCode)
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/page")
		})
	}
}
