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
	Reports   []string `json:"reports"`
}

// Holding is one HOLDS fact.
type Holding struct {
	Person    string `json:"person"`
	Context   string `json:"context"` // the person's context (jurisdiction): namesakes differ here
	PersonKey string `json:"person_key"`
	Post      string `json:"post"`
	Tenure
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
WHERE CASE WHEN $exact THEN t.name = $name ELSE t.name CONTAINS $name END
RETURN count(t) AS n`

// qWhoHolds lists the holders of the matching posts. With $on, only those
// whose tenure covers the date: start (else first_seen) <= $on <= end (else
// last_seen).
const qWhoHolds = `MATCH (p:Person)-[h:HOLDS]->(t:Post)
WHERE CASE WHEN $exact THEN t.name = $post ELSE t.name CONTAINS $post END
  AND ($on IS NULL OR (coalesce(h.start, h.first_seen) <= $on AND $on <= coalesce(h.end, h.last_seen)))
RETURN p.name AS person, p.context AS context, p.key AS personKey, t.name AS post,
       h.first_seen AS firstSeen, h.last_seen AS lastSeen, h.start AS start, h.end AS end,
       h.appointed AS appointed, h.removed AS removed,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN DISTINCT ev.report AS id ORDER BY id } AS reports
ORDER BY post, coalesce(start, firstSeen), person, personKey`

// WhoHolds lists who holds (or held) the post: those of the post named
// exactly so, else of every post whose name contains it. on, an ISO date or
// "", keeps only tenures covering that date.
func (c *Client) WhoHolds(ctx context.Context, post, on string) ([]Holding, Match, error) {
	post = strings.TrimSpace(post)
	var onParam any
	if on != "" {
		onParam = on
	}
	type result struct {
		hs []Holding
		m  Match
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		m, err := matchMode(ctx, tx, qFindPosts, post)
		if err != nil || m == MatchNone {
			return result{nil, m}, err
		}
		recs, err := collect(ctx, tx, qWhoHolds, map[string]any{"post": post, "exact": m == MatchExact, "on": onParam}, nil)
		if err != nil {
			return nil, err
		}
		hs := make([]Holding, 0, len(recs))
		for _, r := range recs {
			hs = append(hs, Holding{Person: str(r, "person"), Context: str(r, "context"), PersonKey: str(r, "personKey"),
				Post: str(r, "post"), Tenure: tenure(r)})
		}
		return result{hs, m}, nil
	})
	if err != nil {
		return nil, MatchNone, fmt.Errorf("who holds %q: %w", post, err)
	}
	res := v.(result)
	return res.hs, res.m, nil
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
       evidence
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
