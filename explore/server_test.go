package explore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/kg-cn/kg/graph"
)

// fakeStore answers from memory, for the handlers' tests.
type fakeStore struct {
	err    error
	person *graph.PersonCareer
	office *graph.OfficeView
	place  *graph.PlaceView
	report *graph.ReportView
	hits   []graph.Hit
}

func (f *fakeStore) Search(context.Context, string, int) ([]graph.Hit, error) { return f.hits, f.err }
func (f *fakeStore) PersonCareer(_ context.Context, id string, _ int) (*graph.PersonCareer, error) {
	if f.person == nil || f.person.ID != id {
		return nil, f.err
	}
	return f.person, f.err
}
func (f *fakeStore) Neighbourhood(context.Context, []string, int, int) ([]graph.NeighbourEvent, error) {
	return nil, f.err
}
func (f *fakeStore) OfficeView(_ context.Context, key string) (*graph.OfficeView, error) {
	if f.office == nil || f.office.Key != key {
		return nil, f.err
	}
	return f.office, f.err
}
func (f *fakeStore) PlaceView(_ context.Context, key string) (*graph.PlaceView, error) {
	if f.place == nil || f.place.Key != key {
		return nil, f.err
	}
	return f.place, f.err
}
func (f *fakeStore) Report(_ context.Context, id string) (*graph.ReportView, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.report == nil || f.report.ID != id {
		return nil, &graph.NoReportError{ID: id}
	}
	return f.report, nil
}
func (f *fakeStore) Reports(context.Context, int) ([]graph.ReportInfo, error) { return nil, f.err }
func (f *fakeStore) Roster(_ context.Context, q, _ string, _ bool) ([]graph.Scope, []graph.RosterLine, error) {
	if f.err != nil || f.office == nil || len(f.office.Succession) == 0 {
		return nil, nil, f.err
	}
	h := f.office.Succession[0].Holding
	line := graph.RosterLine{Scope: hostile + "委", OfficeInfo: graph.OfficeInfo{Key: f.office.Key, Name: f.office.Name}, Status: graph.StatusHeld, Holder: &h}
	return []graph.Scope{{Kind: graph.ScopeOrganization, Name: hostile + "委"}}, []graph.RosterLine{line}, nil
}
func (f *fakeStore) Overview(context.Context) (*graph.Overview, error) {
	return &graph.Overview{Nodes: map[string]int{}}, f.err
}

// hostile is what a report could name someone.
const hostile = `<script>alert("x")</script>`

func hostileStore() *fakeStore {
	h := graph.Holding{Person: hostile, Context: "县", PersonKey: hostile + "|县", Post: hostile + "县长", PostKey: "office:" + hostile}
	h.From, h.FromBound, h.UntilBound, h.Acting = "2024-01-01", graph.BoundStated, graph.BoundStill, true
	ev := graph.EvidenceRef{Report: "r&1", ReportDate: "2024-01-02", Text: hostile + "任县长", Start: 0, End: 5}
	return &fakeStore{
		hits: []graph.Hit{{Kind: "Person", ID: hostile + "|县", Name: hostile}},
		person: &graph.PersonCareer{ID: hostile + "|县", Name: hostile, Keys: []string{hostile + "|县"}, Contexts: []string{"县"},
			Attributes: []graph.Attribute{{Name: "native_place", Value: hostile}},
			Holdings:   []graph.HeldTerm{{Holding: h, Evidence: []graph.EvidenceRef{ev}}}},
		office: &graph.OfficeView{Key: "office:" + hostile, Name: hostile + "县长", Succession: []graph.Tenancy{{HeldTerm: graph.HeldTerm{Holding: h}, PersonID: hostile + "|县"}}},
		place:  &graph.PlaceView{PlaceRef: graph.PlaceRef{Key: hostile, Name: hostile}, Offices: []graph.PlaceOffice{{Key: "office:" + hostile, Name: hostile + "县长", Succession: []graph.Tenancy{{HeldTerm: graph.HeldTerm{Holding: h}, PersonID: hostile + "|县"}}}}},
		report: &graph.ReportView{ReportInfo: graph.ReportInfo{ID: "r&1", Title: hostile, Source: "javascript:alert(1)"}, Text: hostile + "任县长。", HasText: true,
			Facts: []graph.ReportFact{{Type: "HOLDS", From: hostile, To: "县长", Start: 0, End: 5}}},
	}
}

func serve(t *testing.T, store Store) *httptest.Server {
	t.Helper()
	s, err := New(store, Options{Log: func(string, ...any) {}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

func fetch(t *testing.T, method, u string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestPagesEscapeWhatTheGraphHolds(t *testing.T) {
	srv := serve(t, hostileStore())
	q := url.QueryEscape
	for _, path := range []string{
		"/search?q=" + q(hostile),
		"/suggest?q=" + q(hostile),
		"/person?id=" + q(hostile+"|县"),
		"/office?key=" + q("office:"+hostile) + "&on=2024",
		"/place?key=" + q(hostile) + "&on=2024-06-01",
		"/report?id=" + q("r&1") + "&start=0&end=5",
		"/org?name=" + q(hostile+"委") + "&on=2024",
	} {
		t.Run(path, func(t *testing.T) {
			resp, body := fetch(t, "GET", srv.URL+path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d\n%s", resp.StatusCode, body)
			}
			if strings.Contains(body, hostile) || strings.Contains(body, "<script>alert") {
				t.Errorf("the page holds the name unescaped:\n%s", body)
			}
			if !strings.Contains(body, "&lt;script&gt;") {
				t.Errorf("the name is not on the page at all")
			}
			if strings.Contains(body, `href="javascript:`) {
				t.Errorf("a javascript: link made it into the page")
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
		})
	}
}

func TestRequestsThatCannotBeAnswered(t *testing.T) {
	down := &fakeStore{err: fmt.Errorf("reading from Neo4j: %w: connection refused", graph.ErrUnavailable)}
	tests := []struct {
		name   string
		store  Store
		method string
		path   string
		status int
		want   string
	}{
		{"a write is refused", hostileStore(), "POST", "/search?q=x", 405, "read-only"},
		{"an unknown page", hostileStore(), "GET", "/nowhere", 404, "no such page"},
		{"a person without id", hostileStore(), "GET", "/person", 400, "which person"},
		{"an unknown person", hostileStore(), "GET", "/person?id=nobody", 404, "no person &#34;nobody&#34;"},
		{"an unknown office", hostileStore(), "GET", "/office?key=x", 404, "no office"},
		{"an office on no date", hostileStore(), "GET", "/office?key=x&on=soon", 400, "not a date"},
		{"a place on no date", hostileStore(), "GET", "/place?key=x&to=2024-13-01", 400, "are dates"},
		{"an unknown report", hostileStore(), "GET", "/report?id=zz", 404, "no report"},
		{"an unknown organisation", hostileStore(), "GET", "/org?name=zz", 404, "no organisation"},
		{"an organisation on no date", hostileStore(), "GET", "/org?name=zz&on=x", 400, "not a date"},
		{"a span that is none", hostileStore(), "GET", "/report?id=r%261&start=9&end=2", 400, "rune offsets"},
		{"Neo4j down: 503 with the reason in one line", down, "GET", "/person?id=x", 503, "connection refused"},
		{"Neo4j down on the home page", down, "GET", "/", 503, "neo4j unavailable"},
		{"Neo4j down while typing", down, "GET", "/suggest?q=x", 502, "connection refused"},
		{"an empty search lists nothing", hostileStore(), "GET", "/suggest?q=", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.store)
			resp, body := fetch(t, tt.method, srv.URL+tt.path)
			if resp.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%s %s: status %d, want %d with %q\n%s", tt.method, tt.path, resp.StatusCode, tt.status, tt.want, body)
			}
		})
	}
}

func TestGuideAndStyleAreServedForNeo4jBrowser(t *testing.T) {
	srv := serve(t, hostileStore())
	tests := []struct {
		path, contentType string
		want              []string
	}{
		{"/guide", "text/html", []string{`<article class="guide">`, "<slide", "runnable"}},
		{"/style.grass", "text/plain", []string{`caption: "{name}"`, "node.Person", "node.__KgMigration", `caption: ""`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := fetch(t, "GET", srv.URL+tt.path)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
				t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("Access-Control-Allow-Origin %q: Neo4j Browser (another origin) could not fetch it", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("no %q in %s", w, tt.path)
				}
			}
		})
	}
}

func TestBrowserLinksCarryTheQueryAndItsParameters(t *testing.T) {
	s, err := New(hostileStore(), Options{BrowserURL: "http://example.test:7474/browser/"})
	if err != nil {
		t.Fatal(err)
	}
	l := s.browser("x", "MATCH (p:Person {key: $id}) RETURN p", map[string]any{"id": `a'b"c`})
	edit, _ := url.Parse(l.Edit)
	if edit.Query().Get("cmd") != "edit" || edit.Query().Get("arg") != "MATCH (p:Person {key: $id}) RETURN p" {
		t.Errorf("edit link %s", l.Edit)
	}
	params, _ := url.Parse(l.SetParams)
	if params.Query().Get("cmd") != "params" || params.Query().Get("arg") != `{"id":"a'b\"c"}` {
		t.Errorf("params link %s", l.SetParams)
	}
	if !strings.HasPrefix(l.Edit, "http://example.test:7474/browser/?") {
		t.Errorf("edit link %s not on the Browser URL", l.Edit)
	}
}

func TestNewFailsOnNothing(t *testing.T) {
	if _, err := New(&fakeStore{err: errors.New("x")}, Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestCORSPreflightOfNeo4jBrowserIsAnswered(t *testing.T) {
	srv := serve(t, hostileStore())
	tests := []struct {
		path   string
		status int
		cors   bool
	}{
		{"/guide", http.StatusNoContent, true},
		{"/style.grass", http.StatusNoContent, true},
		{"/person?id=x", http.StatusMethodNotAllowed, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, _ := fetch(t, "OPTIONS", srv.URL+tt.path)
			if resp.StatusCode != tt.status || (resp.Header.Get("Access-Control-Allow-Origin") == "*") != tt.cors {
				t.Errorf("OPTIONS %s: %d, CORS %q; want %d, CORS %v", tt.path, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), tt.status, tt.cors)
			}
		})
	}
}
