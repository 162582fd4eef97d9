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
	Post      string `json:"post"`     // the office's display name
	PostKey   string `json:"post_key"` // the office's key
	Tenure
	Term
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
	Name    string      `json:"name"`
	Key     string      `json:"key"`
	Context string      `json:"context"`
	Reports []string    `json:"reports"` // reports that mention the person
	Posts   []PostHeld  `json:"posts"`
	Events  []EventRole `json:"events"`
}

// Match says how a name was matched.
type Match string

const (
	MatchExact    Match = "exact"
	MatchContains Match = "contains"
	MatchNone     Match = "none"
)

const qFindPosts = `MATCH (t:Post)
WHERE CASE WHEN $exact THEN t.name = $name OR $name IN t.names ELSE t.name CONTAINS $name END
RETURN count(t) AS n`

const qFindOffice = `MATCH (t:Post {key: $key}) RETURN count(t) AS n`

// qWhoHolds lists every holding of the matching offices; the succession
// is computed from them (Succession).
const qWhoHolds = `MATCH (p:Person)-[h:HOLDS]->(t:Post)
WHERE CASE $mode WHEN 'office' THEN t.key = $post
                 WHEN 'exact' THEN t.name = $post OR $post IN t.names
                 ELSE t.name CONTAINS $post END
RETURN p.name AS person, p.context AS context, p.key AS personKey, t.name AS post, t.key AS postKey,
       h.first_seen AS firstSeen, h.last_seen AS lastSeen, h.start AS start, h.end AS end,
       h.appointed AS appointed, h.removed AS removed, h.acting AS acting, h.executive AS executive,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN DISTINCT ev.report AS id ORDER BY id } AS reports
ORDER BY post, postKey, coalesce(start, firstSeen), person, personKey, acting`

// WhoHolds lists who holds (or held) the office post names — written any
// way that names the same office (坪坝县人民政府副县长 finds 坪坝县副县长),
// else the posts named exactly so, else every post whose name contains it
// — with the term each holder serves in the office's succession. on, ""
// or a day, month or year (2020-06-01, 2020-06, 2020), keeps those in
// office at any time in it.
func (c *Client) WhoHolds(ctx context.Context, post, on string) ([]Holding, Match, error) {
	post = strings.TrimSpace(post)
	type result struct {
		hs []Holding
		m  Match
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		mode, arg, m := "", post, MatchNone
		if o, ok := parseOffice(post, ""); ok {
			recs, err := collect(ctx, tx, qFindOffice, map[string]any{"key": o.Key()}, nil)
			if err != nil {
				return nil, err
			}
			if len(recs) > 0 {
				if n, _ := get(recs[0], "n").(int64); n > 0 {
					mode, arg, m = "office", o.Key(), MatchExact
				}
			}
		}
		if mode == "" {
			var err error
			m, err = matchMode(ctx, tx, qFindPosts, post)
			if err != nil || m == MatchNone {
				return result{nil, m}, err
			}
			mode = string(m)
		}
		recs, err := collect(ctx, tx, qWhoHolds, map[string]any{"post": arg, "mode": mode}, nil)
		if err != nil {
			return nil, err
		}
		hs := make([]Holding, 0, len(recs))
		for _, r := range recs {
			hs = append(hs, Holding{Person: str(r, "person"), Context: str(r, "context"), PersonKey: str(r, "personKey"),
				Post: str(r, "post"), PostKey: str(r, "postKey"), Tenure: tenure(r)})
		}
		return result{hs, m}, nil
	})
	if err != nil {
		return nil, MatchNone, fmt.Errorf("who holds %q: %w", post, err)
	}
	res := v.(result)
	hs := Succession(res.hs)
	if on != "" {
		lo, hi, ok := Period(on)
		if !ok {
			return nil, res.m, fmt.Errorf("who holds %q: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", post, on)
		}
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
		h.Term = t
		out[i] = h
		byOffice[h.PostKey] = append(byOffice[h.PostKey], i)
	}
	for i := range out {
		h := &out[i]
		if h.End != "" {
			h.Until, h.UntilBound = h.End, BoundStated
			if h.From != "" && lowDay(h.From) > highDay(h.End) {
				h.From = h.End // seen only after the removal it reports
			}
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
			if h.UntilBound == BoundStill || lowDay(n.From) < lowDay(h.Until) || h.UntilBound == BoundSeen && n.From <= h.Until {
				h.Until, h.UntilBound, h.Next = n.From, BoundNext, n.Person
			}
		}
	}
	return out
}

// matchMode finds whether the name matches exactly, by containment, or not.
func matchMode(ctx context.Context, tx neo4j.ManagedTransaction, q, name string) (Match, error) {
	for _, m := range []Match{MatchExact, MatchContains} {
		recs, err := collect(ctx, tx, q, map[string]any{"name": name, "exact": m == MatchExact}, nil)
		if err != nil {
			return MatchNone, err
		}
		if len(recs) > 0 {
			if n, _ := get(recs[0], "n").(int64); n > 0 {
				return m, nil
			}
		}
	}
	return MatchNone, nil
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

const qFindPersons = `MATCH (p:Person)
WHERE CASE WHEN $exact THEN p.name = $name ELSE p.name CONTAINS $name END
RETURN count(p) AS n`

const qPersons = `MATCH (p:Person)
WHERE CASE WHEN $exact THEN p.name = $name ELSE p.name CONTAINS $name END
OPTIONAL MATCH (r:Report)-[:MENTIONS]->(p)
WITH p, r ORDER BY r.id
RETURN p.key AS key, p.name AS name, p.context AS context, collect(r.id) AS reports
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

// Person returns the profile of every person named name (exactly, else
// every person whose name contains it): posts over time and events with
// roles, each with its evidence.
func (c *Client) Person(ctx context.Context, name string) ([]Profile, Match, error) {
	name = strings.TrimSpace(name)
	type result struct {
		ps []Profile
		m  Match
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		m, err := matchMode(ctx, tx, qFindPersons, name)
		if err != nil || m == MatchNone {
			return result{nil, m}, err
		}
		recs, err := collect(ctx, tx, qPersons, map[string]any{"name": name, "exact": m == MatchExact}, nil)
		if err != nil {
			return nil, err
		}
		ps := make([]Profile, len(recs))
		byKey := map[string]*Profile{}
		keys := make([]any, len(recs))
		for i, r := range recs {
			ps[i] = Profile{Key: str(r, "key"), Name: str(r, "name"), Context: str(r, "context"), Reports: strs(r, "reports"),
				Posts: []PostHeld{}, Events: []EventRole{}}
			byKey[ps[i].Key] = &ps[i]
			keys[i] = ps[i].Key
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
		return result{ps, m}, nil
	})
	if err != nil {
		return nil, MatchNone, fmt.Errorf("person %q: %w", name, err)
	}
	res := v.(result)
	return res.ps, res.m, nil
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
