package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The read side used by `kg who-holds` and `kg person`. docs/queries.cypher
// has the same queries for Neo4j Browser.

// Tenure is how long the graph believes a person held a post.
type Tenure struct {
	FirstSeen string   `json:"first_seen,omitempty"` // earliest supporting report
	LastSeen  string   `json:"last_seen,omitempty"`  // latest supporting report
	Start     string   `json:"start,omitempty"`      // dated appointment
	End       string   `json:"end,omitempty"`        // dated removal
	Appointed bool     `json:"appointed,omitempty"`  // some report tells of an appointment
	Removed   bool     `json:"removed,omitempty"`    // some report tells of a removal
	Acting    bool     `json:"acting,omitempty"`     // an acting holding (代理, 代)
	Executive bool     `json:"executive,omitempty"`  // an executive one (常务)
	Reports   []string `json:"reports"`
}

// Bounds of a term in office: how the graph knows them.
const (
	BoundStated = "stated"  // a report tells of the appointment or removal
	BoundSeen   = "seen"    // from: the first report that names the holding; until: the last, for a removal without a date
	BoundNext   = "next"    // until: inferred, the next holder's start
	BoundStill  = "still"   // until: none known, still in office as last known
	BoundNone   = "unknown" // from: no date at all
)

// Holding is one HOLDS fact, with the term it gives in the office's
// succession (see Succession).
type Holding struct {
	Person    string `json:"person"`
	Context   string `json:"context"` // the person's context (jurisdiction): namesakes differ here
	PersonKey string `json:"person_key"`
	Identity  string `json:"identity"` // the person's identity: coalesce(identity, key); one per human
	Post      string `json:"post"`     // the office's display name
	PostKey   string `json:"post_key"` // the office's key
	Match     Match  `json:"match,omitempty"`
	Tenure
	Term
	StartReports []string `json:"start_reports,omitempty"` // reports that tell of the appointment
	EndReports   []string `json:"end_reports,omitempty"`   // reports that tell of the removal
}

// Term is a holder's time in office: from their stated start, else their
// first sighting; until their stated end, else the next holder's start,
// else still, as last known.
type Term struct {
	From       string `json:"from,omitempty"`
	FromBound  string `json:"from_bound"`            // stated, seen, unknown
	Until      string `json:"until,omitempty"`       // "" while still in office
	UntilBound string `json:"until_bound"`           // stated, next, still
	Next       string `json:"next_holder,omitempty"` // until next: who came next
}

// EvidenceRef is one piece of evidence for a fact.
type EvidenceRef struct {
	Report     string `json:"report"`
	ReportDate string `json:"report_date,omitempty"`
	Text       string `json:"text"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Derived    bool   `json:"derived,omitempty"`
}

// PostHeld is one post in a person's profile.
type PostHeld struct {
	Post string `json:"post"`
	Tenure
	Evidence []EvidenceRef `json:"evidence"`
}

// EventRole is one event in a person's profile.
type EventRole struct {
	Role      string        `json:"role"` // CHAIRED, SPOKE_AT, ATTENDED, COMMENDED
	Honour    string        `json:"honour,omitempty"`
	Event     string        `json:"event"`
	Date      string        `json:"date,omitempty"`
	Kind      string        `json:"kind,omitempty"`
	Places    []string      `json:"places,omitempty"`
	Reports   []string      `json:"reports"`
	Evidence  []EvidenceRef `json:"evidence"`
	FirstSeen string        `json:"first_seen,omitempty"`
}

// Profile is what the graph knows of one Person node.
type Profile struct {
	Name     string      `json:"name"`
	Key      string      `json:"key"`
	Context  string      `json:"context"`
	Identity string      `json:"identity"` // coalesce(identity, key): the same for every node of one person
	Match    Match       `json:"match,omitempty"`
	Career   []Holding   `json:"career"`  // the holdings with their terms (Succession)
	Reports  []string    `json:"reports"` // reports that mention the person
	Posts    []PostHeld  `json:"posts"`
	Events   []EventRole `json:"events"`
}

// Match says how a name was matched.
type Match string

const (
	MatchExact    Match = "exact"    // the name, or a name of the same office
	MatchVariant  Match = "variant"  // another form of the name: a short or former place name (南浔 for 南浔区)
	MatchContains Match = "contains" // the name contains the query
	MatchNone     Match = "none"
)

// matchRank orders matches: exact first.
func matchRank(m Match) int {
	switch m {
	case MatchExact:
		return 0
	case MatchVariant:
		return 1
	case MatchContains:
		return 2
	}
	return 3
}

// best is the best of the matches, MatchNone for none.
func best(ms ...Match) Match {
	b := MatchNone
	for _, m := range ms {
		if matchRank(m) < matchRank(b) {
			b = m
		}
	}
	return b
}

// qFindPosts finds the offices a query names: exactly (the office its
// name parses to, its canonical name or a name it was written with), or
// by a part of one of its names. Exact first.
const qFindPosts = `MATCH (t:Post)
WHERE t.key = $key OR t.name = $name OR $name IN t.names
   OR t.name CONTAINS $name OR any(n IN coalesce(t.names, []) WHERE n CONTAINS $name)
WITH t, CASE WHEN t.key = $key OR t.name = $name OR $name IN coalesce(t.names, []) THEN 'exact' ELSE 'contains' END AS match
RETURN t.key AS key, t.name AS name, match
ORDER BY CASE match WHEN 'exact' THEN 0 ELSE 1 END, name, key`

// qWhoHolds lists every holding of the offices $keys, office by office in
// that order; the succession is computed from them (Succession).
const qWhoHolds = `UNWIND range(0, size($keys) - 1) AS i
MATCH (p:Person)-[h:HOLDS]->(t:Post {key: $keys[i]})
RETURN p.name AS person, p.context AS context, p.key AS personKey, coalesce(p.identity, p.key) AS identity,
       t.name AS post, t.key AS postKey,
       h.first_seen AS firstSeen, h.last_seen AS lastSeen, h.start AS start, h.end AS end,
       h.appointed AS appointed, h.removed AS removed, h.acting AS acting, h.executive AS executive,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN DISTINCT ev.report AS id ORDER BY id } AS reports,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) WHERE ev.tenure_start IS NOT NULL RETURN DISTINCT ev.report AS id ORDER BY id } AS startReports,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) WHERE ev.tenure_end IS NOT NULL RETURN DISTINCT ev.report AS id ORDER BY id } AS endReports
ORDER BY i, coalesce(start, firstSeen), person, personKey, acting`

// OfficeMatch is one office a query names, and how.
type OfficeMatch struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Match Match  `json:"match"`
}

// findOffices lists the offices post names, exact matches first.
func findOffices(ctx context.Context, tx neo4j.ManagedTransaction, post string) ([]OfficeMatch, error) {
	key := ""
	if o, ok := parseOffice(post, ""); ok {
		key = o.Key()
	}
	recs, err := collect(ctx, tx, qFindPosts, map[string]any{"key": key, "name": post}, nil)
	if err != nil {
		return nil, err
	}
	out := make([]OfficeMatch, 0, len(recs))
	for _, r := range recs {
		out = append(out, OfficeMatch{Key: str(r, "key"), Name: str(r, "name"), Match: Match(str(r, "match"))})
	}
	return out, nil
}

// holdingsOf reads every holding of the offices, in their order, each
// marked with its office's match, and gives them their terms (Succession).
func holdingsOf(ctx context.Context, tx neo4j.ManagedTransaction, offices []OfficeMatch) ([]Holding, error) {
	if len(offices) == 0 {
		return nil, nil
	}
	keys := make([]any, len(offices))
	match := map[string]Match{}
	for i, o := range offices {
		keys[i] = o.Key
		match[o.Key] = o.Match
	}
	recs, err := collect(ctx, tx, qWhoHolds, map[string]any{"keys": keys}, nil)
	if err != nil {
		return nil, err
	}
	hs := make([]Holding, 0, len(recs))
	for _, r := range recs {
		h := Holding{Person: str(r, "person"), Context: str(r, "context"), PersonKey: str(r, "personKey"), Identity: str(r, "identity"),
			Post: str(r, "post"), PostKey: str(r, "postKey"), Tenure: tenure(r),
			StartReports: strs(r, "startReports"), EndReports: strs(r, "endReports")}
		h.Match = match[h.PostKey]
		if len(h.StartReports) == 0 {
			h.StartReports = nil
		}
		if len(h.EndReports) == 0 {
			h.EndReports = nil
		}
		hs = append(hs, h)
	}
	return Succession(foldHoldings(hs)), nil
}

// WhoHolds lists who holds (or held) the offices post names — written any
// way that names the same office (坪坝县人民政府副县长 finds 坪坝县副县长),
// or named exactly so, first; then every office one of whose names
// contains it, each holding marked with its office's match — with the
// term each holder serves in the office's succession. on, "" or a day,
// month or year (2020-06-01, 2020-06, 2020), keeps those in office at any
// time in it. The Match is the best of the offices'.
func (c *Client) WhoHolds(ctx context.Context, post, on string) ([]Holding, Match, error) {
	post = strings.TrimSpace(post)
	lo, hi, dated := "", "", on != ""
	if dated {
		var ok bool
		if lo, hi, ok = Period(on); !ok {
			return nil, MatchNone, fmt.Errorf("who holds %q: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", post, on)
		}
	}
	type result struct {
		hs []Holding
		m  Match
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		offices, err := findOffices(ctx, tx, post)
		if err != nil {
			return nil, err
		}
		m := MatchNone
		for _, o := range offices {
			m = best(m, o.Match)
		}
		hs, err := holdingsOf(ctx, tx, offices)
		return result{hs, m}, err
	})
	if err != nil {
		return nil, MatchNone, fmt.Errorf("who holds %q: %w", post, err)
	}
	res := v.(result)
	hs := res.hs
	if dated {
		kept := hs[:0]
		for _, h := range hs {
			if h.InOffice(lo, hi) {
				kept = append(kept, h)
			}
		}
		hs = kept
	}
	return hs, res.m, nil
}

// Period is the first and last day of a date written as a day, a month or
// a year.
func Period(d string) (lo, hi string, ok bool) {
	if !validDate(d) {
		return "", "", false
	}
	return lowDay(d), highDay(d), true
}

// lowDay and highDay are the first and last day a date may stand for
// (2020 → 2020-01-01 … 2020-12-31; the 31st of every month compares right
// with real days).
func lowDay(d string) string {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

func highDay(d string) string {
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		return d + "-31"
	}
	return d
}

// InOffice reports whether the term covers some day of lo … hi: it began
// by hi and did not end before lo (a stated end is the last day in office;
// an inferred one, the next holder's first, is not).
func (h Holding) InOffice(lo, hi string) bool {
	if h.From == "" || lowDay(h.From) > hi {
		return false
	}
	switch h.UntilBound {
	case BoundStated, BoundSeen:
		return highDay(h.Until) >= lo
	case BoundNext:
		return highDay(h.Until) > lo
	}
	return true
}

// pluralOffice: an office several people hold at once (副县长, 常委, 代表),
// where one holder's start does not end another's term.
func pluralOffice(title string) bool {
	if strings.HasPrefix(title, "副") {
		return true
	}
	switch title {
	case "常委", "委员", "党组成员", "代表", "董事", "监事", "干事", "民警", "调研员", "巡视员", "组长":
		return true
	}
	if class, _ := officeLex().Titles.Get(title); class == "member" {
		return true
	}
	return hasAnySuffix(title, "员", "官", "师", "生", "士")
}

// Succession gives every holding its term. The holders of one office
// (HOLDS to one Post, acting or not) follow each other: a holder is in
// office from their start (else first sighting) until their stated end,
// else the start of the next holding of the office (the earliest later
// start, whoever holds it: an acting head's term ends when they are
// elected), else still, as last known. In offices several people hold at
// once (pluralOffice) the next holder's start ends nobody's term. The
// holdings keep their order.
func Succession(hs []Holding) []Holding {
	out := make([]Holding, len(hs))
	byOffice := map[string][]int{}
	for i, h := range hs {
		t := Term{From: h.Start, FromBound: BoundStated}
		if t.From == "" {
			t.From, t.FromBound = h.FirstSeen, BoundSeen
		}
		if t.From == "" {
			t.FromBound = BoundNone
		}
		if h.End != "" && t.From != "" && lowDay(t.From) > highDay(h.End) {
			t.From = h.End // seen only after the removal it reports
		}
		h.Term = t
		out[i] = h
		byOffice[h.PostKey] = append(byOffice[h.PostKey], i)
	}
	for i := range out {
		h := &out[i]
		if h.End != "" {
			h.Until, h.UntilBound = h.End, BoundStated
			continue
		}
		h.UntilBound = BoundStill
		if h.Removed && h.LastSeen != "" {
			// removed on a day no report gives: by the last report
			h.Until, h.UntilBound = h.LastSeen, BoundSeen
		}
		title := ""
		if _, rest, ok := strings.Cut(strings.TrimPrefix(h.PostKey, officePrefix), keySep); ok {
			_, title, _ = strings.Cut(rest, keySep)
		}
		if h.From == "" || pluralOffice(title) {
			continue
		}
		for _, j := range byOffice[h.PostKey] {
			n := out[j]
			if j == i || n.From == "" || lowDay(n.From) <= lowDay(h.From) {
				continue
			}
			if sameHolder(*h, n) {
				continue // another node of the same human, in the same way (explore's holdings are not folded)
			}
			if h.UntilBound == BoundStill || lowDay(n.From) < lowDay(h.Until) || h.UntilBound == BoundSeen && n.From <= h.Until {
				h.Until, h.UntilBound, h.Next = n.From, BoundNext, n.Person
			}
		}
	}
	return out
}

// sameHolder reports whether two holdings are one human's of one office in
// the same way (acting or not): the one's start ends no term of the other.
func sameHolder(a, b Holding) bool {
	return a.Identity != "" && a.Identity == b.Identity && a.PostKey == b.PostKey && a.Acting == b.Acting && a.Executive == b.Executive
}

func tenure(r *neo4j.Record) Tenure {
	t := Tenure{FirstSeen: str(r, "firstSeen"), LastSeen: str(r, "lastSeen"), Start: str(r, "start"), End: str(r, "end"),
		Reports: strs(r, "reports")}
	t.Appointed, _ = get(r, "appointed").(bool)
	t.Removed, _ = get(r, "removed").(bool)
	t.Acting, _ = get(r, "acting").(bool)
	t.Executive, _ = get(r, "executive").(bool)
	return t
}

// qFindPersons finds the persons a name names: every Person node of the
// identity of a node named so (exactly, else containing it), exact first.
// A person's identity is coalesce(p.identity, p.key): the key of the
// identity cluster where one is known, else the node's own key.
const qFindPersons = `MATCH (m:Person)
WHERE m.name = $name OR m.name CONTAINS $name
WITH coalesce(m.identity, m.key) AS identity, min(CASE WHEN m.name = $name THEN 0 ELSE 1 END) AS rank
CALL (identity) {
  MATCH (p:Person {key: identity}) WHERE coalesce(p.identity, p.key) = identity RETURN p
  UNION
  MATCH (p:Person {identity: identity}) RETURN p
}
RETURN identity, rank, p.key AS key
ORDER BY rank, identity, key`

// qPersons reads the Person nodes $keys with the reports that name them.
const qPersons = `UNWIND $keys AS key
MATCH (p:Person {key: key})
OPTIONAL MATCH (r:Report)-[:MENTIONS]->(p)
WITH p, r ORDER BY r.id
RETURN p.key AS key, p.name AS name, p.context AS context, coalesce(p.identity, p.key) AS identity, collect(r.id) AS reports`

// qPersonOffices lists the offices the Person nodes $keys hold.
const qPersonOffices = `UNWIND $keys AS key
MATCH (:Person {key: key})-[:HOLDS]->(t:Post)
RETURN DISTINCT t.key AS key, t.name AS name
ORDER BY name, key`

// evidenceOf collects a fact's evidence, oldest report first.
const evidenceOf = `OPTIONAL MATCH (ev:Evidence {fact: f.fact})
WITH %s, ev ORDER BY ev.report_date, ev.report, ev.start
WITH %s, collect(ev {.report, .report_date, .text, .start, .end, .derived}) AS evidence`

var qPersonPosts = `UNWIND $keys AS key
MATCH (p:Person {key: key})-[f:HOLDS]->(t:Post)
` + fmt.Sprintf(evidenceOf, "p, f, t", "p, f, t") + `
RETURN p.key AS person, t.name AS post, f.first_seen AS firstSeen, f.last_seen AS lastSeen,
       f.start AS start, f.end AS end, f.appointed AS appointed, f.removed AS removed,
       f.acting AS acting, f.executive AS executive, evidence
ORDER BY person, coalesce(start, firstSeen), post`

var qPersonEvents = `UNWIND $keys AS key
MATCH (p:Person {key: key})-[f]-(e:Event)
WHERE type(f) IN $roles
` + fmt.Sprintf(evidenceOf, "p, f, e", "p, f, e") + `
RETURN p.key AS person, type(f) AS role, f.honour AS honour, e.name AS event, e.date AS date, e.kind AS kind,
       [(e)-[:HELD_IN]->(pl:Place) | pl.name] AS places, f.first_seen AS firstSeen, evidence
ORDER BY person, coalesce(date, firstSeen), event, role`

// personRoles are the relationships between a person and an event.
var personRoles = []schema.RelType{schema.Chaired, schema.SpokeAt, schema.Attended, schema.Commended}

// Person returns the profile of every Person node of every person named
// name — exactly first, then those whose name contains it — grouped by
// identity (Group puts a person's nodes together): a career (each
// holding with its term in the office's succession, see Succession),
// the posts with their evidence and the events with roles, each with its
// evidence. The Match is the best of the persons'.
func (c *Client) Person(ctx context.Context, name string) ([]Profile, Match, error) {
	name = strings.TrimSpace(name)
	type result struct {
		ps []Profile
		m  Match
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qFindPersons, map[string]any{"name": name}, nil)
		if err != nil || len(recs) == 0 {
			return result{nil, MatchNone}, err
		}
		keys := make([]any, 0, len(recs))
		match := map[string]Match{}
		m := MatchNone
		for _, r := range recs {
			k := str(r, "key")
			if _, dup := match[k]; dup {
				continue
			}
			mm := MatchContains
			if n, _ := get(r, "rank").(int64); n == 0 {
				mm = MatchExact
			}
			match[k], m = mm, best(m, mm)
			keys = append(keys, k)
		}
		recs, err = collect(ctx, tx, qPersons, map[string]any{"keys": keys}, nil)
		if err != nil {
			return nil, err
		}
		ps := make([]Profile, len(recs))
		byKey := map[string]*Profile{}
		for i, r := range recs {
			ps[i] = Profile{Key: str(r, "key"), Name: str(r, "name"), Context: str(r, "context"), Identity: str(r, "identity"),
				Reports: strs(r, "reports"), Posts: []PostHeld{}, Events: []EventRole{}, Career: []Holding{}}
			ps[i].Match = match[ps[i].Key]
			byKey[ps[i].Key] = &ps[i]
		}
		// The career: the person's holdings in the succession of each office.
		recs, err = collect(ctx, tx, qPersonOffices, map[string]any{"keys": keys}, nil)
		if err != nil {
			return nil, err
		}
		offices := make([]OfficeMatch, len(recs))
		for i, r := range recs {
			offices[i] = OfficeMatch{Key: str(r, "key"), Name: str(r, "name")}
		}
		hs, err := holdingsOf(ctx, tx, offices)
		if err != nil {
			return nil, err
		}
		for _, h := range hs {
			if p := byKey[h.PersonKey]; p != nil {
				h.Match = ""
				p.Career = append(p.Career, h)
			}
		}
		recs, err = collect(ctx, tx, qPersonPosts, map[string]any{"keys": keys}, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			p := byKey[str(r, "person")]
			ph := PostHeld{Post: str(r, "post"), Tenure: tenure(r), Evidence: evidenceRefs(r)}
			ph.Reports = reportsOf(ph.Evidence)
			p.Posts = append(p.Posts, ph)
		}
		roles := make([]any, len(personRoles))
		for i, t := range personRoles {
			roles[i] = string(t)
		}
		recs, err = collect(ctx, tx, qPersonEvents, map[string]any{"keys": keys, "roles": roles}, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			p := byKey[str(r, "person")]
			ev := evidenceRefs(r)
			p.Events = append(p.Events, EventRole{
				Role: str(r, "role"), Honour: str(r, "honour"), Event: str(r, "event"), Date: str(r, "date"),
				Kind: str(r, "kind"), Places: strs(r, "places"), Reports: reportsOf(ev),
				FirstSeen: str(r, "firstSeen"), Evidence: ev,
			})
		}
		for i := range ps {
			sortCareer(ps[i].Career)
		}
		sortProfiles(ps)
		return result{ps, m}, nil
	})
	if err != nil {
		return nil, MatchNone, fmt.Errorf("person %q: %w", name, err)
	}
	res := v.(result)
	return res.ps, res.m, nil
}

// sortProfiles orders Person nodes: exact matches first, then by name,
// a person's nodes together (by identity), then by key.
func sortProfiles(ps []Profile) {
	slices.SortStableFunc(ps, func(a, b Profile) int {
		if d := matchRank(a.Match) - matchRank(b.Match); d != 0 {
			return d
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := strings.Compare(a.Identity, b.Identity); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
}

// sortCareer orders holdings by the start of their terms (unknown last),
// then office and person.
func sortCareer(hs []Holding) {
	slices.SortStableFunc(hs, func(a, b Holding) int {
		if (a.From == "") != (b.From == "") {
			if a.From == "" {
				return 1
			}
			return -1
		}
		if c := strings.Compare(lowDay(a.From), lowDay(b.From)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Post, b.Post); c != 0 {
			return c
		}
		return strings.Compare(a.PersonKey, b.PersonKey)
	})
}

// Individual is one person: the Person nodes of one identity, with the
// career of all of them.
type Individual struct {
	Identity string    `json:"identity"`
	Name     string    `json:"name"`
	Match    Match     `json:"match"`
	Nodes    []Profile `json:"nodes"`
	Career   []Holding `json:"career"`
	// IdentityFacts: the attributes, and the joins of the nodes (filled
	// by the caller from Client.IdentityFacts).
	IdentityFacts
}

// Group puts the Person nodes of one identity together, in the order of
// their first node.
func Group(ps []Profile) []Individual {
	var out []Individual
	at := map[string]int{}
	for _, p := range ps {
		id := p.Identity
		if id == "" {
			id = p.Key
		}
		i, ok := at[id]
		if !ok {
			i = len(out)
			at[id] = i
			out = append(out, Individual{Identity: id, Name: p.Name, Match: p.Match, Career: []Holding{}})
		}
		g := &out[i]
		g.Match = best(g.Match, p.Match)
		g.Nodes = append(g.Nodes, p)
		g.Career = append(g.Career, p.Career...)
	}
	for i := range out {
		sortCareer(out[i].Career)
	}
	return out
}

// reportsOf returns the ids of the reports of the evidence, sorted, once
// each.
func reportsOf(ev []EvidenceRef) []string {
	out := make([]string, 0, len(ev))
	for _, e := range ev {
		out = append(out, e.Report)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func evidenceRefs(r *neo4j.Record) []EvidenceRef {
	l, _ := get(r, "evidence").([]any)
	out := make([]EvidenceRef, 0, len(l))
	for _, v := range l {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		e := EvidenceRef{}
		e.Report, _ = m["report"].(string)
		e.ReportDate, _ = m["report_date"].(string)
		e.Text, _ = m["text"].(string)
		s, _ := m["start"].(int64)
		en, _ := m["end"].(int64)
		e.Start, e.End = int(s), int(en)
		e.Derived, _ = m["derived"].(bool)
		out = append(out, e)
	}
	return out
}
