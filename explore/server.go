// Package explore is `kg serve`: a read-only web explorer of the graph
// for analysts — search, a person's career, an office's succession, a
// place's roster, a report with its facts highlighted — as plain
// server-rendered HTML and SVG (html/template escapes everything the
// graph holds), with a few lines of script for search as you type and for
// the report's highlights. Templates and assets are embedded: nothing is
// fetched at run time. The Cypher is graph's (graph/explore.go); this
// package only lays pages out.
package explore

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kg-cn/kg/docs"
	"github.com/kg-cn/kg/graph"
)

// Store is what the explorer reads; *graph.Client is one.
type Store interface {
	Search(ctx context.Context, q string, limit int) ([]graph.Hit, error)
	PersonCareer(ctx context.Context, id string, companions int) (*graph.PersonCareer, error)
	Neighbourhood(ctx context.Context, personKeys []string, events, per int) ([]graph.NeighbourEvent, error)
	OfficeView(ctx context.Context, key string) (*graph.OfficeView, error)
	PlaceView(ctx context.Context, key string) (*graph.PlaceView, error)
	Report(ctx context.Context, id string) (*graph.ReportView, error)
	Reports(ctx context.Context, limit int) ([]graph.ReportInfo, error)
	Overview(ctx context.Context) (*graph.Overview, error)
	Roster(ctx context.Context, q, on string, below bool) ([]graph.Scope, []graph.RosterLine, error)
}

// Options configure the explorer.
type Options struct {
	// BrowserURL is Neo4j Browser's address, for the "open in Neo4j
	// Browser" links (default http://localhost:7474/browser/).
	BrowserURL string
	// Log receives one line per failed request (default: the log package).
	Log func(format string, a ...any)
	// Timeout bounds each page's reads (default 30 s).
	Timeout time.Duration
}

//go:embed templates/*.html static/*
var files embed.FS

// Server serves the explorer.
type Server struct {
	store Store
	opt   Options
	pages map[string]*template.Template
	mux   *http.ServeMux
	guide []byte
}

// New returns the explorer's handler.
func New(store Store, opt Options) (*Server, error) {
	if opt.BrowserURL == "" {
		opt.BrowserURL = "http://localhost:7474/browser/"
	}
	if opt.Log == nil {
		opt.Log = log.Printf
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	s := &Server{store: store, opt: opt, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	for _, p := range []string{"home", "search", "person", "office", "place", "org", "report", "error"} {
		t, err := template.New("layout.html").Funcs(s.funcs()).ParseFS(files, "templates/layout.html", "templates/suggest.html", "templates/timeline.html", "templates/evidence.html", "templates/"+p+".html")
		if err != nil {
			return nil, fmt.Errorf("explorer templates: %w", err)
		}
		s.pages[p] = t
	}
	frag, err := template.New("suggest.html").Funcs(s.funcs()).ParseFS(files, "templates/suggest.html")
	if err != nil {
		return nil, fmt.Errorf("explorer templates: %w", err)
	}
	s.pages["suggest"] = frag
	s.guide = []byte(guidePage(docs.BrowserGuide))
	static, _ := fs.Sub(files, "static")
	s.mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	s.mux.HandleFunc("/{$}", s.home)
	s.mux.HandleFunc("/search", s.search)
	s.mux.HandleFunc("/suggest", s.suggest)
	s.mux.HandleFunc("/person", s.person)
	s.mux.HandleFunc("/office", s.office)
	s.mux.HandleFunc("/place", s.place)
	s.mux.HandleFunc("/org", s.org)
	s.mux.HandleFunc("/report", s.report)
	s.mux.HandleFunc("/guide", s.serveGuide)
	s.mux.HandleFunc("/style.grass", s.serveStyle)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "no such page: "+r.URL.Path)
	})
	return s, nil
}

// ServeHTTP answers GET and HEAD only, with headers that keep pages from
// running anything but their own script, and turns a panic into a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			s.opt.Log("explorer: %s %s: internal error: %v", r.Method, r.URL.Path, v)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if r.Method == http.MethodOptions && (r.URL.Path == "/guide" || r.URL.Path == "/style.grass") {
		// Neo4j Browser's fetch asks first (a CORS preflight)
		allowBrowser(w)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "the explorer is read-only: GET only", http.StatusMethodNotAllowed)
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) ctx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.opt.Timeout)
}

// page is what every template gets.
type page struct {
	Title   string
	Query   string
	Browser []browserLink // "open in Neo4j Browser"
	Data    any
}

type browserLink struct {
	Label, Query, Params string
	Edit, SetParams      string // URLs
}

// browser makes an "open in Neo4j Browser" link: one URL that fills the
// editor with the query, one that fills it with the :params command that
// sets its parameters (Browser runs one command at a time).
func (s *Server) browser(label, query string, params map[string]any) browserLink {
	base := s.opt.BrowserURL
	l := browserLink{Label: label, Query: query, Edit: base + "?cmd=edit&arg=" + url.QueryEscape(query)}
	if len(params) > 0 {
		p, _ := json.Marshal(params)
		l.Params, l.SetParams = ":params "+string(p), base+"?cmd=params&arg="+url.QueryEscape(string(p))
	}
	return l
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, status int, p page) {
	var buf bytes.Buffer
	t := s.pages[name]
	exec := "layout.html"
	if name == "suggest" {
		exec = "suggest.html"
	}
	if err := t.ExecuteTemplate(&buf, exec, p); err != nil {
		s.opt.Log("explorer: %s: rendering %s: %v", r.URL, name, err)
		http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail shows an error page with one line.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if status >= 500 {
		s.opt.Log("explorer: %s: %s", r.URL, msg)
	}
	s.render(w, r, "error", status, page{Title: http.StatusText(status), Data: msg})
}

// failRead reports a read that failed: Neo4j unavailable is 503.
func (s *Server) failRead(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusBadGateway
	if errors.Is(err, graph.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) {
		status = http.StatusServiceUnavailable
	}
	s.fail(w, r, status, firstLine(err.Error()))
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.ctx(r)
	defer cancel()
	ov, err := s.store.Overview(ctx)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	reps, err := s.store.Reports(ctx, 15)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	type count struct {
		Label string
		N     int
	}
	var counts []count
	for _, l := range []string{"Person", "Post", "Organization", "Place", "Event", "Report"} {
		counts = append(counts, count{l, ov.Nodes[l]})
	}
	s.render(w, r, "home", http.StatusOK, page{Title: "kg explorer", Data: map[string]any{
		"Counts": counts, "Plot": newPlot(ov.Appointments), "Reports": reps,
	}, Browser: []browserLink{s.browser("the graph's size", graph.BrowserOverview, nil)}})
}

// maxQuery bounds what a search reads of its query, in characters.
const maxQuery = 100

func (s *Server) hits(r *http.Request) (string, []graph.Hit, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return "", nil, nil
	}
	if rs := []rune(q); len(rs) > maxQuery {
		q = string(rs[:maxQuery]) // no name is longer
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	hs, err := s.store.Search(ctx, q, 30)
	return q, hs, err
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q, hs, err := s.hits(r)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	p := page{Title: "Search: " + q, Query: q, Data: hs}
	if q != "" {
		p.Browser = []browserLink{s.browser("names containing the text", graph.BrowserSearch, map[string]any{"q": graph.QueryText(q)})}
	}
	s.render(w, r, "search", http.StatusOK, p)
}

// suggest is search as you type: the list of hits alone, for the script.
func (s *Server) suggest(w http.ResponseWriter, r *http.Request) {
	q, hs, err := s.hits(r)
	if err != nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, `<p class="error">%s</p>`, template.HTMLEscapeString(firstLine(err.Error())))
		return
	}
	s.render(w, r, "suggest", http.StatusOK, page{Query: q, Data: hs})
}

// hitLink is where a search hit leads.
func hitLink(h graph.Hit) string {
	switch h.Kind {
	case "Person":
		return "/person?id=" + url.QueryEscape(h.ID)
	case "Post":
		return "/office?key=" + url.QueryEscape(h.ID)
	case "Place":
		return "/place?key=" + url.QueryEscape(h.ID)
	case "Report":
		return "/report?id=" + url.QueryEscape(h.ID)
	case "Organization":
		return "/org?name=" + url.QueryEscape(h.Name)
	}
	return "/search?q=" + url.QueryEscape(h.Name)
}

func personLink(id string) string  { return "/person?id=" + url.QueryEscape(id) }
func officeLink(key string) string { return "/office?key=" + url.QueryEscape(key) }

// evidenceLink leads to the report with the evidence's span highlighted.
func evidenceLink(e graph.EvidenceRef) string {
	return fmt.Sprintf("/report?id=%s&start=%d&end=%d#sel", url.QueryEscape(e.Report), e.Start, e.End)
}

func (s *Server) person(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		s.fail(w, r, http.StatusBadRequest, "which person? /person?id=IDENTITY (search for one)")
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	pc, err := s.store.PersonCareer(ctx, id, 12)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	if pc == nil {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no person %q in the graph", id))
		return
	}
	nb, err := s.store.Neighbourhood(ctx, pc.Keys, netEvents, netPerEvent)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	var terms []term
	end := ""
	for _, h := range pc.Holdings {
		label := h.Post
		terms = append(terms, term{Row: label, Link: officeLink(h.PostKey), Holding: h.Holding})
		end = maxStr(end, h.LastSeen, h.Until, h.From)
	}
	for _, e := range pc.Events {
		end = maxStr(end, e.Date)
	}
	// the events, one line per event with its roles
	type eventLine struct {
		Key, Name, Date, Kind string
		Places                []string
		Roles                 []string
		Evidence              []graph.EvidenceRef
	}
	var events []*eventLine
	byKey := map[string]*eventLine{}
	for _, e := range pc.Events {
		l := byKey[e.EventKey]
		if l == nil {
			l = &eventLine{Key: e.EventKey, Name: e.Event, Date: e.Date, Kind: e.Kind, Places: e.Places}
			byKey[e.EventKey] = l
			events = append(events, l)
		}
		role := roleWord(e.Role)
		if e.Honour != "" {
			role += " (" + e.Honour + ")"
		}
		l.Roles = append(l.Roles, role)
		for _, ev := range e.Evidence {
			if !hasEvidence(l.Evidence, ev) {
				l.Evidence = append(l.Evidence, ev)
			}
		}
	}
	allEvents := len(events)
	if len(events) > maxEvents {
		events = events[len(events)-maxEvents:] // the latest
	}
	s.render(w, r, "person", http.StatusOK, page{Title: pc.Name, Data: map[string]any{
		"P": pc, "Timeline": newTimeline(terms, end, ""), "Events": events, "AllEvents": allEvents,
		"Graph": newNetGraph(pc.Name, nb, personLink),
	}, Browser: []browserLink{
		s.browser("career and events", graph.BrowserPerson, map[string]any{"id": pc.ID}),
		s.browser("seen with (graph)", graph.BrowserNeighbourhood, map[string]any{"id": pc.ID}),
	}})
}

// maxEvents: a person page lists at most the latest maxEvents events.
const maxEvents = 200

func hasEvidence(es []graph.EvidenceRef, e graph.EvidenceRef) bool {
	for _, x := range es {
		if x.Report == e.Report && x.Start == e.Start && x.End == e.End {
			return true
		}
	}
	return false
}

func roleWord(role string) string {
	switch role {
	case "CHAIRED":
		return "chaired"
	case "SPOKE_AT":
		return "spoke"
	case "ATTENDED":
		return "attended"
	case "COMMENDED":
		return "commended"
	}
	return strings.ToLower(role)
}

func maxStr(cur string, xs ...string) string {
	for _, x := range xs {
		if x > cur {
			cur = x
		}
	}
	return cur
}

// onDate reads the on= parameter: a day, a month or a year; "" when
// absent; ok false when it is no date.
func onDate(r *http.Request, name string) (string, bool) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return "", true
	}
	_, ok := day(v)
	return v, ok
}

func (s *Server) office(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	if key == "" {
		s.fail(w, r, http.StatusBadRequest, "which office? /office?key=KEY (search for one)")
		return
	}
	on, ok := onDate(r, "on")
	if !ok {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("%q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", on))
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	o, err := s.store.OfficeView(ctx, key)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	if o == nil {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no office %q in the graph", key))
		return
	}
	var terms []term
	end := ""
	for _, t := range o.Succession {
		terms = append(terms, term{Row: t.Person, Sub: t.Context, Link: personLink(t.PersonID), Holding: t.Holding})
		end = maxStr(end, t.LastSeen, t.Until, t.From)
	}
	var holders []graph.Tenancy
	if on != "" {
		lo, hi, _ := graph.Period(normalDate(on))
		for _, t := range o.Succession {
			if t.InOffice(lo, hi) {
				holders = append(holders, t)
			}
		}
	}
	s.render(w, r, "office", http.StatusOK, page{Title: o.Name, Data: map[string]any{
		"O": o, "On": on, "Holders": holders, "Timeline": newTimeline(terms, end, on),
	}, Browser: []browserLink{s.browser("succession", graph.BrowserOffice, map[string]any{"key": key})}})
}

// normalDate writes a day, month or year as Period wants it (zero-padded).
func normalDate(s string) string {
	d, ok := day(s)
	if !ok {
		return s
	}
	full := dayString(d)
	return full[:len(s)]
}

// change is one arrival or departure in a place's offices.
type change struct {
	Date, What, Person, PersonID, Office, OfficeKey, How string
	Evidence                                             []graph.EvidenceRef // the earliest (in) or latest (out) evidence of the holding
}

// firstLast is the first or the last of a holding's evidence (none: nil).
func firstLast(es []graph.EvidenceRef, last bool) []graph.EvidenceRef {
	if len(es) == 0 {
		return nil
	}
	if last {
		return es[len(es)-1:]
	}
	return es[:1]
}

func (s *Server) place(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	if key == "" {
		s.fail(w, r, http.StatusBadRequest, "which place? /place?key=KEY (search for one)")
		return
	}
	on, ok1 := onDate(r, "on")
	from, ok2 := onDate(r, "from")
	to, ok3 := onDate(r, "to")
	if !ok1 || !ok2 || !ok3 {
		s.fail(w, r, http.StatusBadRequest, "on, from and to are dates (YYYY-MM-DD, YYYY-MM or YYYY)")
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	pv, err := s.store.PlaceView(ctx, key)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	if pv == nil {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no place %q in the graph", key))
		return
	}
	latest := ""
	for _, o := range pv.Offices {
		for _, t := range o.Succession {
			latest = maxStr(latest, t.From, t.Until, t.LastSeen)
		}
	}
	if on == "" {
		on = latest
	}
	if from == "" && to == "" && latest != "" {
		from, to = latest[:4]+"-01-01", latest[:4]+"-12-31"
	}
	type rosterLine struct {
		Office, OfficeKey string
		Holders           []graph.Tenancy
	}
	var roster []rosterLine
	var changes []change
	lo, hi, okOn := graph.Period(normalDate(on))
	plo, _, okFrom := graph.Period(normalDate(from))
	_, phi, okTo := graph.Period(normalDate(to))
	for _, o := range pv.Offices {
		line := rosterLine{Office: o.Name, OfficeKey: o.Key}
		for _, t := range o.Succession {
			if okOn && t.InOffice(lo, hi) {
				line.Holders = append(line.Holders, t)
			}
			if !okFrom && !okTo {
				continue
			}
			in := func(d string) bool {
				return d != "" && (!okFrom || d >= plo) && (!okTo || d <= phi)
			}
			seenAfterRemoval := t.FromBound == graph.BoundSeen && t.End != "" && t.From >= t.End
			if in(t.From) && !seenAfterRemoval {
				how := "first seen"
				if t.FromBound == graph.BoundStated {
					how = "appointed"
				}
				changes = append(changes, change{t.From, "in", t.Person, t.PersonID, o.Name, o.Key, how, firstLast(t.Evidence, false)})
			}
			if t.UntilBound != graph.BoundStill && in(t.Until) {
				how := "removed"
				switch t.UntilBound {
				case graph.BoundNext:
					how = "succeeded by " + t.Next + " (inferred)"
				case graph.BoundSeen:
					how = "last seen (removal undated)"
				}
				changes = append(changes, change{t.Until, "out", t.Person, t.PersonID, o.Name, o.Key, how, firstLast(t.Evidence, true)})
			}
		}
		roster = append(roster, line)
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Date < changes[j].Date })
	s.render(w, r, "place", http.StatusOK, page{Title: pv.Name, Data: map[string]any{
		"P": pv, "On": on, "From": from, "To": to, "Roster": roster, "Changes": changes,
	}, Browser: []browserLink{s.browser("offices and holders", graph.BrowserPlace, map[string]any{"key": key})}})
}

// org is an organisation's roster on a date (kg roster's, graph.Roster):
// the offices it holds (its POST_OF, and those its name names with a
// title), each with its holder then, or as last known.
func (s *Server) org(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" {
		s.fail(w, r, http.StatusBadRequest, "which organisation? /org?name=NAME (search for one)")
		return
	}
	on, ok := onDate(r, "on")
	if !ok {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("%q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", on))
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	scopes, lines, err := s.store.Roster(ctx, name, normalDate(on), false)
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	var mine []graph.RosterLine
	for _, l := range lines {
		if l.Scope == name {
			mine = append(mine, l)
		}
	}
	known := false
	for _, sc := range scopes {
		known = known || sc.Name == name
	}
	if !known {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no organisation %q with offices in the graph", name))
		return
	}
	s.render(w, r, "org", http.StatusOK, page{Title: name, Data: map[string]any{"Name": name, "On": on, "Lines": mine},
		Browser: []browserLink{s.browser("offices and holders", graph.BrowserOrganization, map[string]any{"name": name})}})
}

// factLine is one fact of a report, as listed beside its text.
type factLine struct {
	graph.ReportFact
	N                int
	Selected         bool
	FromLink, ToLink string // the pages of its two ends, where there are
	Verb, Extra      string // what it says between and after them
}

// factEnds reads the labels and keys of a fact's two ends from its key
// (TYPE:FromLabel[fromKey]->ToLabel[toKey], maybe #honour or #acting).
func factEnds(fact string) (fromLabel, fromKey, toLabel, toKey string, ok bool) {
	_, rest, ok1 := strings.Cut(fact, ":")
	fromLabel, rest, ok2 := strings.Cut(rest, "[")
	fromKey, rest, ok3 := strings.Cut(rest, "]->")
	toLabel, rest, ok4 := strings.Cut(rest, "[")
	end := strings.LastIndex(rest, "]")
	if !ok1 || !ok2 || !ok3 || !ok4 || end < 0 {
		return "", "", "", "", false
	}
	return fromLabel, fromKey, toLabel, rest[:end], true
}

// entityLink is the page of an entity, by label and key ("" for events,
// which have no page).
func entityLink(label, key string) string {
	switch label {
	case "Person":
		return personLink(key)
	case "Post":
		return officeLink(key)
	case "Place":
		return "/place?key=" + url.QueryEscape(key)
	case "Organization":
		return "/org?name=" + url.QueryEscape(key) // an organisation's key is its name
	}
	return ""
}

// newFactLine lays a fact out with links to its ends.
func newFactLine(f graph.ReportFact, n int, sel [2]int) factLine {
	l := factLine{ReportFact: f, N: n, Selected: sel[1] > sel[0] && f.Start == sel[0] && f.End == sel[1],
		Verb: strings.ToLower(strings.ReplaceAll(f.Type, "_", " "))}
	if fl, fk, tl, tk, ok := factEnds(f.Fact); ok {
		l.FromLink, l.ToLink = entityLink(fl, fk), entityLink(tl, tk)
	}
	full := factText(f)
	l.Extra = strings.TrimPrefix(full, f.From+" "+l.Verb+" "+f.To)
	return l
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	id := q.Get("id")
	if id == "" {
		s.fail(w, r, http.StatusBadRequest, "which report? /report?id=ID")
		return
	}
	var sel [2]int
	if q.Has("start") || q.Has("end") {
		a, err1 := strconv.Atoi(q.Get("start"))
		b, err2 := strconv.Atoi(q.Get("end"))
		if err1 != nil || err2 != nil || a < 0 || b < a {
			s.fail(w, r, http.StatusBadRequest, "start and end are rune offsets, 0 <= start <= end")
			return
		}
		sel = [2]int{a, b}
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	v, err := s.store.Report(ctx, id)
	if errors.Is(err, graph.ErrNoReport) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no report %q in the graph", id))
		return
	}
	if err != nil {
		s.failRead(w, r, err)
		return
	}
	spans := make([][2]int, len(v.Facts))
	facts := make([]factLine, len(v.Facts))
	for i, f := range v.Facts {
		spans[i] = [2]int{f.Start, f.End}
		facts[i] = newFactLine(f, i, sel)
	}
	segs := segments(v.Text, spans, sel)
	s.render(w, r, "report", http.StatusOK, page{Title: reportTitle(v), Data: map[string]any{
		"R": v, "Segments": segs, "Facts": facts, "Selected": sel[1] > sel[0],
	}, Browser: []browserLink{s.browser("facts with their spans", graph.BrowserReport, map[string]any{"id": reportKeyOf(v)})}})
}

// reportKeyOf is the Report node's id property (the digest of a long id).
func reportKeyOf(v *graph.ReportView) string {
	if v.Key != "" {
		return v.Key
	}
	return v.ID
}

func reportTitle(v *graph.ReportView) string {
	if v.Title != "" {
		return v.Title
	}
	return v.ID
}

// guidePage wraps the guide for Neo4j Browser's :play.
func guidePage(md string) string {
	return guideHTML(md)
}

// allowBrowser lets Neo4j Browser (another origin) fetch the guide and the
// style: they hold nothing but the documentation.
func allowBrowser(w http.ResponseWriter) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
	w.Header().Set("Access-Control-Allow-Headers", "*")
	w.Header().Set("Access-Control-Max-Age", "3600")
}

func (s *Server) serveGuide(w http.ResponseWriter, r *http.Request) {
	allowBrowser(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(s.guide)
}

func (s *Server) serveStyle(w http.ResponseWriter, r *http.Request) {
	allowBrowser(w)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(grass))
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"hitLink":      hitLink,
		"personLink":   personLink,
		"officeLink":   officeLink,
		"evidenceLink": evidenceLink,
		"placeLink":    func(key string) string { return "/place?key=" + url.QueryEscape(key) },
		"reportLink":   func(id string) string { return "/report?id=" + url.QueryEscape(id) },
		"searchLink":   func(q string) string { return "/search?q=" + url.QueryEscape(q) },
		"termText":     termText,
		"lastEvidence": func(es []graph.EvidenceRef) []graph.EvidenceRef { return firstLast(es, true) },
		"roleWord":     roleWord,
		"join":         strings.Join,
		"factIDs": func(fs []int) string {
			parts := make([]string, len(fs))
			for i, f := range fs {
				parts[i] = "f" + strconv.Itoa(f)
			}
			return strings.Join(parts, " ")
		},
		"factTitles": func(fs []int, all []factLine) string {
			parts := make([]string, 0, len(fs))
			for _, f := range fs {
				if f < len(all) {
					parts = append(parts, factText(all[f].ReportFact))
				}
			}
			return strings.Join(parts, "\n")
		},
		"factText": factText,
		"f1":       func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) },
		"add":      func(a, b float64) float64 { return a + b },
		"minus":    func(a, b int) int { return a - b },
		"dash": func(s string) string {
			if s == "" {
				return "—"
			}
			return s
		},
	}
}

// factText says a fact in a line.
func factText(f graph.ReportFact) string {
	s := f.From + " " + strings.ToLower(strings.ReplaceAll(f.Type, "_", " ")) + " " + f.To
	if f.Honour != "" {
		s += " (" + f.Honour + ")"
	}
	switch {
	case f.TenureStart != "":
		s += ", appointed " + f.TenureStart
	case f.Appointed:
		s += ", appointed"
	}
	switch {
	case f.TenureEnd != "":
		s += ", removed " + f.TenureEnd
	case f.Removed:
		s += ", removed"
	}
	if f.Derived {
		s += " (from an attribute)"
	}
	return s
}
