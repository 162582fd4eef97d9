package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/normalize"
	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The read side of `kg serve` (package explore): search, a person's
// career, an office's succession, a place's roster, the neighbourhood of
// a person and a few counts. Terms in office come from Succession, as for
// `kg who-holds`. A person is an identity: the Person nodes that share
// coalesce(p.identity, p.key) (identity resolution, when it has run,
// gives several nodes one identity; before it, each node is its own).

// QueryText is what a user typed, written as the graph writes names:
// simplified, half-width, trimmed (渝中區委書記 → 渝中区委书记, ＡＢＣ → ABC),
// by the normaliser the pipeline uses for reports: what cmd/kg's
// queryText does for who-holds, person, roster and changes, here where the
// explorer (and the commands, in time) can share it.
func QueryText(q string) string {
	q = strings.TrimSpace(q)
	n, err := normalize.New()
	if err != nil {
		return q
	}
	t, _ := n.Normalize(q)
	if s := strings.TrimSpace(string(t)); s != "" {
		return s
	}
	return q
}

// Hit is one search result.
type Hit struct {
	Kind   string   `json:"kind"` // Person, Post, Organization, Place, Report
	ID     string   `json:"id"`   // identity (Person), key, or report id
	Name   string   `json:"name"`
	Detail []string `json:"detail,omitempty"` // contexts and posts of a person, a report's date…
	Rank   int      `json:"rank"`             // 0 exact, 1 prefix, 2 contains
}

// qSearch finds persons (grouped by identity), offices (any name they
// were written with), organisations, places and reports (title, id,
// source) whose names contain $q: the best $each of each kind (exact,
// then beginning so, shorter first), then the best $limit of them all.
var qSearch = `CALL {
  MATCH (p:Person) WHERE p.name CONTAINS $q
  WITH coalesce(p.identity, p.key) AS id, p ORDER BY p.key
  WITH id, collect(p) AS ps
  WITH id, ps, head(ps).name AS name
  RETURN 'Person' AS kind, id, name,
         [x IN ps | x.context] + COLLECT { UNWIND ps AS x MATCH (x)-[:HOLDS]->(t:Post) RETURN DISTINCT t.name AS n ORDER BY n LIMIT 3 } AS detail,
         CASE WHEN name = $q THEN 0 WHEN name STARTS WITH $q THEN 1 ELSE 2 END AS rank
  ORDER BY rank, size(name), name LIMIT $each
 UNION ALL
  MATCH (t:Post) WHERE t.name CONTAINS $q OR any(n IN coalesce(t.names, []) WHERE n CONTAINS $q)
  RETURN 'Post' AS kind, t.key AS id, t.name AS name,
         COLLECT { MATCH (:Person)-[:HOLDS]->(t) RETURN count(*) + ' holding(s)' AS n } AS detail,
         CASE WHEN t.name = $q OR $q IN coalesce(t.names, []) THEN 0 WHEN t.name STARTS WITH $q THEN 1 ELSE 2 END AS rank
  ORDER BY rank, size(name), name LIMIT $each
 UNION ALL
  MATCH (o:Organization) WHERE o.name CONTAINS $q
  RETURN 'Organization' AS kind, o.key AS id, o.name AS name, [] AS detail,
         CASE WHEN o.name = $q THEN 0 WHEN o.name STARTS WITH $q THEN 1 ELSE 2 END AS rank
  ORDER BY rank, size(name), name LIMIT $each
 UNION ALL
  MATCH (pl:Place) WHERE pl.name CONTAINS $q
  RETURN 'Place' AS kind, pl.key AS id, pl.name AS name, [x IN [pl.level, pl.parent] WHERE x IS NOT NULL] AS detail,
         CASE WHEN pl.name = $q THEN 0 WHEN pl.name STARTS WITH $q THEN 1 ELSE 2 END AS rank
  ORDER BY rank, size(name), name LIMIT $each
 UNION ALL
  MATCH (r:Report) WHERE r.hash IS NOT NULL AND (r.title CONTAINS $q OR r.id CONTAINS $q OR r.source CONTAINS $q)
  RETURN 'Report' AS kind, coalesce(r.full_id, r.id) AS id, coalesce(r.title, r.id) AS name,
         [x IN [r.date, r.jurisdiction] WHERE x IS NOT NULL] AS detail,
         CASE WHEN r.title = $q OR r.id = $q THEN 0 WHEN r.title STARTS WITH $q THEN 1 ELSE 2 END AS rank
  ORDER BY rank, size(name), name LIMIT $each
}
RETURN kind, id, name, detail, rank
ORDER BY rank, size(name), name, kind, id
LIMIT $limit`

// Search finds what q names (normalised by QueryText: traditional or
// simplified, any part of a name): at most limit hits, the exact names
// first, then those beginning with q, shorter names first.
func (c *Client) Search(ctx context.Context, q string, limit int) ([]Hit, error) {
	q = QueryText(q)
	if q == "" {
		return []Hit{}, nil
	}
	if limit <= 0 {
		limit = 20
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, qSearch, map[string]any{"q": q, "limit": int64(limit), "each": int64(limit)}, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	hits := []Hit{}
	for _, r := range v.([]*neo4j.Record) {
		hits = append(hits, Hit{Kind: str(r, "kind"), ID: str(r, "id"), Name: str(r, "name"), Detail: strs(r, "detail"), Rank: num(r, "rank")})
	}
	return hits, nil
}

// HeldTerm is one holding of a person's, with its term in the office's
// succession and its evidence.
type HeldTerm struct {
	Holding
	Fact     string        `json:"fact"`
	Evidence []EvidenceRef `json:"evidence"`
}

// Appearance is one event of a person's, with the role and its evidence.
type Appearance struct {
	EventRole
	EventKey string `json:"event_key"`
}

// Companion is a person seen at the same events.
type Companion struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Contexts []string `json:"contexts"`
	Together int      `json:"together"` // events shared
}

// Attribute is a descriptive property of a person (gender, birth…).
type Attribute struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// PersonAttributes are the Person properties shown as attributes, in
// order, when present.
var PersonAttributes = []string{"gender", "ethnicity", "birth", "native_place", "education", "party"}

// PersonCareer is one identity: the Person nodes it groups, their attributes,
// holdings, events and companions.
type PersonCareer struct {
	ID         string       `json:"id"`
	Name       string       `json:"name"`
	Keys       []string     `json:"keys"`     // the Person nodes
	Contexts   []string     `json:"contexts"` // their contexts
	Attributes []Attribute  `json:"attributes"`
	Reports    int          `json:"reports"` // reports that mention them
	Holdings   []HeldTerm   `json:"holdings"`
	Events     []Appearance `json:"events"`
	Companions []Companion  `json:"companions"`
}

// qIdentity finds the Person nodes of one identity, given the identity or
// the key of one of its nodes.
const qIdentity = `CALL {
  MATCH (p:Person {key: $id}) RETURN coalesce(p.identity, p.key) AS ident
 UNION
  MATCH (p:Person) WHERE p.identity = $id RETURN p.identity AS ident
}
WITH ident ORDER BY ident = $id DESC LIMIT 1
CALL { WITH ident
  MATCH (p:Person {key: ident}) WHERE p.identity IS NULL RETURN p
 UNION
  WITH ident
  MATCH (p:Person) WHERE p.identity = ident RETURN p
}
RETURN ident, p.key AS key, p.name AS name, p.context AS context, properties(p) AS props,
       COUNT { (r:Report)-[:MENTIONS]->(p) } AS reports
ORDER BY key`

// qHoldingsOf lists every holding of the offices $keys (Post keys), with
// the columns of qWhoHolds, for Succession.
const qHoldingsOf = `UNWIND $keys AS key
MATCH (p:Person)-[h:HOLDS]->(t:Post {key: key})
RETURN p.name AS person, p.context AS context, p.key AS personKey, coalesce(p.identity, p.key) AS personID,
       t.name AS post, t.key AS postKey, h.fact AS fact,
       h.first_seen AS firstSeen, h.last_seen AS lastSeen, h.start AS start, h.end AS end,
       h.appointed AS appointed, h.removed AS removed, h.acting AS acting, h.executive AS executive,
       COLLECT { MATCH (ev:Evidence {fact: h.fact}) RETURN DISTINCT ev.report AS id ORDER BY id } AS reports
ORDER BY post, postKey, coalesce(start, firstSeen), person, personKey, acting`

const qOfficesOf = `UNWIND $keys AS key
MATCH (:Person {key: key})-[:HOLDS]->(t:Post)
RETURN collect(DISTINCT t.key) AS offices`

const qEvidenceOf = `UNWIND $facts AS fact
MATCH (ev:Evidence {fact: fact})
WITH fact, ev ORDER BY ev.report_date, ev.report, ev.start
RETURN fact, collect(ev {.report, .report_date, .text, .start, .end, .derived}) AS evidence`

const qEventsOf = `UNWIND $keys AS key
MATCH (p:Person {key: key})-[f]-(e:Event)
WHERE type(f) IN $roles
` + `OPTIONAL MATCH (ev:Evidence {fact: f.fact})
WITH p, f, e, ev ORDER BY ev.report_date, ev.report, ev.start
WITH p, f, e, collect(ev {.report, .report_date, .text, .start, .end, .derived}) AS evidence
RETURN type(f) AS role, f.honour AS honour, e.key AS eventKey, e.name AS event, e.date AS date, e.kind AS kind,
       [(e)-[:HELD_IN]->(pl:Place) | pl.name] AS places, f.first_seen AS firstSeen, evidence
ORDER BY coalesce(date, firstSeen), event, role`

const qCompanions = `UNWIND $keys AS key
MATCH (p:Person {key: key})-[r1]-(e:Event)-[r2]-(o:Person)
WHERE type(r1) IN $roles AND type(r2) IN $roles AND NOT o.key IN $keys
WITH coalesce(o.identity, o.key) AS id, o, e
WITH id, collect(DISTINCT o.name) AS names, collect(DISTINCT o.context) AS contexts, count(DISTINCT e) AS together
RETURN id, names[0] AS name, contexts, together
ORDER BY together DESC, name, id
LIMIT $limit`

// exploreRoles are personRoles as parameters.
func exploreRoles() []any {
	out := make([]any, len(personRoles))
	for i, t := range personRoles {
		out[i] = string(t)
	}
	return out
}

// PersonCareer reads one identity (coalesce(p.identity, p.key)), named by
// the identity or by the key of one of its Person nodes: nil when no Person
// has it. Each holding's term is its term in the office's
// succession (the same as kg who-holds gives).
func (c *Client) PersonCareer(ctx context.Context, id string, companions int) (*PersonCareer, error) {
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qIdentity, map[string]any{"id": id}, nil)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		pc := &PersonCareer{ID: str(recs[0], "ident"), Attributes: []Attribute{}, Holdings: []HeldTerm{}, Events: []Appearance{}, Companions: []Companion{}}
		keys := []any{}
		seenCtx := map[string]bool{}
		attrs := map[string][]string{}
		for _, r := range recs {
			k := str(r, "key")
			pc.Keys = append(pc.Keys, k)
			keys = append(keys, k)
			if pc.Name == "" {
				pc.Name = str(r, "name")
			}
			if cx := str(r, "context"); !seenCtx[cx] {
				seenCtx[cx] = true
				pc.Contexts = append(pc.Contexts, cx)
			}
			pc.Reports += num(r, "reports")
			props, _ := get(r, "props").(map[string]any)
			for name, val := range props {
				switch name {
				case "key", "name", "context", "identity":
					continue
				}
				s := explorePropText(val)
				if s != "" && !exploreHas(attrs[name], s) {
					attrs[name] = append(attrs[name], s)
				}
			}
		}
		pc.Attributes = exploreAttributes(attrs)
		// holdings, with the terms of their offices' successions
		recs, err = collect(ctx, tx, qOfficesOf, map[string]any{"keys": keys}, nil)
		if err != nil {
			return nil, err
		}
		var offices []any
		if len(recs) > 0 {
			for _, o := range strs(recs[0], "offices") {
				offices = append(offices, o)
			}
		}
		hs, facts, _, err := exploreHoldings(ctx, tx, offices)
		if err != nil {
			return nil, err
		}
		mine := map[string]bool{}
		for _, k := range pc.Keys {
			mine[k] = true
		}
		var myFacts []any
		for i, h := range Succession(hs) {
			if mine[h.PersonKey] {
				pc.Holdings = append(pc.Holdings, HeldTerm{Holding: h, Fact: facts[i]})
				myFacts = append(myFacts, facts[i])
			}
		}
		ev, err := exploreEvidence(ctx, tx, myFacts)
		if err != nil {
			return nil, err
		}
		for i := range pc.Holdings {
			pc.Holdings[i].Evidence = ev[pc.Holdings[i].Fact]
			if pc.Holdings[i].Evidence == nil {
				pc.Holdings[i].Evidence = []EvidenceRef{}
			}
		}
		sort.SliceStable(pc.Holdings, func(a, b int) bool {
			x, y := pc.Holdings[a], pc.Holdings[b]
			if x.From != y.From {
				return x.From != "" && (y.From == "" || x.From < y.From)
			}
			return x.Post < y.Post
		})
		// events
		recs, err = collect(ctx, tx, qEventsOf, map[string]any{"keys": keys, "roles": exploreRoles()}, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			e := evidenceRefs(r)
			pc.Events = append(pc.Events, Appearance{EventKey: str(r, "eventKey"), EventRole: EventRole{
				Role: str(r, "role"), Honour: str(r, "honour"), Event: str(r, "event"), Date: str(r, "date"),
				Kind: str(r, "kind"), Places: strs(r, "places"), Reports: reportsOf(e), FirstSeen: str(r, "firstSeen"), Evidence: e,
			}})
		}
		if companions > 0 {
			recs, err = collect(ctx, tx, qCompanions, map[string]any{"keys": keys, "roles": exploreRoles(), "limit": int64(companions)}, nil)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				pc.Companions = append(pc.Companions, Companion{ID: str(r, "id"), Name: str(r, "name"), Contexts: strs(r, "contexts"), Together: num(r, "together")})
			}
		}
		return pc, nil
	})
	if err != nil {
		return nil, fmt.Errorf("person %q: %w", id, err)
	}
	if v == nil {
		return nil, nil
	}
	return v.(*PersonCareer), nil
}

// exploreHoldings reads every holding of the offices, with each one's fact key
// and the holder's identity, in qHoldingsOf's order.
func exploreHoldings(ctx context.Context, tx neo4j.ManagedTransaction, offices []any) ([]Holding, []string, []string, error) {
	if len(offices) == 0 {
		return nil, nil, nil, nil
	}
	recs, err := collect(ctx, tx, qHoldingsOf, map[string]any{"keys": offices}, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	hs := make([]Holding, 0, len(recs))
	facts := make([]string, 0, len(recs))
	ids := make([]string, 0, len(recs))
	for _, r := range recs {
		hs = append(hs, Holding{Person: str(r, "person"), Context: str(r, "context"), PersonKey: str(r, "personKey"),
			Post: str(r, "post"), PostKey: str(r, "postKey"), Tenure: tenure(r)})
		facts = append(facts, str(r, "fact"))
		ids = append(ids, str(r, "personID"))
	}
	return hs, facts, ids, nil
}

func exploreEvidence(ctx context.Context, tx neo4j.ManagedTransaction, facts []any) (map[string][]EvidenceRef, error) {
	out := map[string][]EvidenceRef{}
	if len(facts) == 0 {
		return out, nil
	}
	recs, err := collect(ctx, tx, qEvidenceOf, map[string]any{"facts": facts}, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		out[str(r, "fact")] = evidenceRefs(r)
	}
	return out, nil
}

func exploreHas(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// explorePropText shows a property value: a string, a number, a list joined.
func explorePropText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := explorePropText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

// exploreAttributes puts the known attributes first, in PersonAttributes'
// order, then any other property by name.
func exploreAttributes(attrs map[string][]string) []Attribute {
	out := []Attribute{}
	for _, name := range PersonAttributes {
		if vs, ok := attrs[name]; ok {
			out = append(out, Attribute{name, strings.Join(vs, " / ")})
			delete(attrs, name)
		}
	}
	rest := make([]string, 0, len(attrs))
	for name := range attrs {
		rest = append(rest, name)
	}
	sort.Strings(rest)
	for _, name := range rest {
		out = append(out, Attribute{name, strings.Join(attrs[name], " / ")})
	}
	return out
}

// Tenancy is a holding in an office's succession, with the holder's
// identity and the evidence.
type Tenancy struct {
	HeldTerm
	PersonID string `json:"person_id"`
}

// OfficeView is one Post with its succession.
type OfficeView struct {
	Key           string    `json:"key"`
	Name          string    `json:"name"`
	Names         []string  `json:"names"`
	Title         string    `json:"title,omitempty"`
	Organ         string    `json:"organ,omitempty"`
	Place         string    `json:"place,omitempty"`
	PlaceKey      string    `json:"place_key,omitempty"` // a Place node of that name, when there is one
	Organizations []string  `json:"organizations"`
	Succession    []Tenancy `json:"succession"` // earliest first
}

const qOffice = `MATCH (t:Post {key: $key})
RETURN t.key AS key, t.name AS name, coalesce(t.names, []) AS names, t.title AS title, t.organ AS organ, t.place AS place,
       [(t)-[:POST_OF]->(o:Organization) | o.name] AS orgs,
       COLLECT { MATCH (pl:Place) WHERE pl.name = t.place RETURN pl.key AS k ORDER BY size(k), k LIMIT 1 } AS placeKeys`

// OfficeView reads one office by its key with its succession (Succession's
// terms; nil when no Post has the key).
func (c *Client) OfficeView(ctx context.Context, key string) (*OfficeView, error) {
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qOffice, map[string]any{"key": key}, nil)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		r := recs[0]
		o := &OfficeView{Key: str(r, "key"), Name: str(r, "name"), Names: strs(r, "names"), Title: str(r, "title"), Organ: str(r, "organ"),
			Place: str(r, "place"), Organizations: strs(r, "orgs"), Succession: []Tenancy{}}
		if pk := strs(r, "placeKeys"); len(pk) > 0 {
			o.PlaceKey = pk[0]
		}
		ts, err := exploreTenancies(ctx, tx, []any{key})
		if err != nil {
			return nil, err
		}
		o.Succession = ts
		return o, nil
	})
	if err != nil {
		return nil, fmt.Errorf("office %q: %w", key, err)
	}
	if v == nil {
		return nil, nil
	}
	return v.(*OfficeView), nil
}

// tenancies reads the holdings of the offices with their succession's
// terms and their evidence.
func exploreTenancies(ctx context.Context, tx neo4j.ManagedTransaction, offices []any) ([]Tenancy, error) {
	hs, facts, ids, err := exploreHoldings(ctx, tx, offices)
	if err != nil {
		return nil, err
	}
	fs := make([]any, len(facts))
	for i, f := range facts {
		fs[i] = f
	}
	ev, err := exploreEvidence(ctx, tx, fs)
	if err != nil {
		return nil, err
	}
	out := []Tenancy{}
	for i, h := range Succession(hs) {
		e := ev[facts[i]]
		if e == nil {
			e = []EvidenceRef{}
		}
		out = append(out, Tenancy{HeldTerm: HeldTerm{Holding: h, Fact: facts[i], Evidence: e}, PersonID: ids[i]})
	}
	return out, nil
}

// PlaceRef names a place node.
type PlaceRef struct {
	Key   string `json:"key"`
	Name  string `json:"name"`
	Level string `json:"level,omitempty"`
}

// PlaceOffice is one office of a place with its succession.
type PlaceOffice struct {
	Key        string    `json:"key"`
	Name       string    `json:"name"`
	Organ      string    `json:"organ,omitempty"`
	Title      string    `json:"title,omitempty"`
	Succession []Tenancy `json:"succession"`
}

// PlaceView is a place, the places above and below it, and its offices.
type PlaceView struct {
	PlaceRef
	Parents  []PlaceRef    `json:"parents"`
	Children []PlaceRef    `json:"children"`
	Offices  []PlaceOffice `json:"offices"`
}

const qPlace = `MATCH (pl:Place {key: $key})
RETURN pl.key AS key, pl.name AS name, pl.level AS level,
       [(pl)-[:PART_OF]->(u:Place) | u {.key, .name, .level}] AS parents,
       COLLECT { MATCH (c:Place)-[:PART_OF]->(pl) RETURN c {.key, .name, .level} AS c ORDER BY c.name } AS children,
       COLLECT { MATCH (t:Post) WHERE t.place = pl.name RETURN t {.key, .name, .organ, .title} AS t ORDER BY t.name } AS offices`

// PlaceView reads one place by its key (nil when no Place has it), with the
// offices named after it (Post.place), in kg roster's order, each with its
// succession.
func (c *Client) PlaceView(ctx context.Context, key string) (*PlaceView, error) {
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qPlace, map[string]any{"key": key}, nil)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		r := recs[0]
		pv := &PlaceView{PlaceRef: PlaceRef{Key: str(r, "key"), Name: str(r, "name"), Level: str(r, "level")},
			Parents: explorePlaceRefs(get(r, "parents")), Children: explorePlaceRefs(get(r, "children")), Offices: []PlaceOffice{}}
		l, _ := get(r, "offices").([]any)
		for _, x := range l {
			m, _ := x.(map[string]any)
			pv.Offices = append(pv.Offices, PlaceOffice{Key: asString(m["key"]), Name: asString(m["name"]), Organ: asString(m["organ"]), Title: asString(m["title"]), Succession: []Tenancy{}})
		}
		// in the order of kg roster: party committee, government, …; heads first
		info := func(o PlaceOffice) OfficeInfo {
			return OfficeInfo{Key: o.Key, Name: o.Name, Organ: o.Organ, Title: o.Title}
		}
		slices.SortStableFunc(pv.Offices, func(a, b PlaceOffice) int { return officeOrder(info(a), info(b)) })
		var keys []any
		idx := map[string]int{}
		for i, o := range pv.Offices {
			idx[o.Key] = i
			keys = append(keys, o.Key)
		}
		ts, err := exploreTenancies(ctx, tx, keys)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if i, ok := idx[t.PostKey]; ok {
				pv.Offices[i].Succession = append(pv.Offices[i].Succession, t)
			}
		}
		return pv, nil
	})
	if err != nil {
		return nil, fmt.Errorf("place %q: %w", key, err)
	}
	if v == nil {
		return nil, nil
	}
	return v.(*PlaceView), nil
}

func explorePlaceRefs(v any) []PlaceRef {
	l, _ := v.([]any)
	out := []PlaceRef{}
	for _, x := range l {
		m, _ := x.(map[string]any)
		out = append(out, PlaceRef{Key: asString(m["key"]), Name: asString(m["name"]), Level: asString(m["level"])})
	}
	return out
}

// NeighbourEvent is one event of a person's neighbourhood with the other
// people seen there.
type NeighbourEvent struct {
	Key    string      `json:"key"`
	Name   string      `json:"name"`
	Date   string      `json:"date,omitempty"`
	Role   string      `json:"role"` // the person's role
	People []Neighbour `json:"people"`
}

// Neighbour is a person seen at an event.
type Neighbour struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

const qNeighbourhood = `UNWIND $keys AS key
MATCH (p:Person {key: key})-[r]-(e:Event)
WHERE type(r) IN $roles
WITH e, collect(type(r))[0] AS role
ORDER BY e.date DESC, e.name
LIMIT $events
CALL { WITH e
  MATCH (o:Person)-[r2]-(e) WHERE type(r2) IN $roles AND NOT o.key IN $keys
  WITH o, type(r2) AS role ORDER BY CASE role WHEN 'CHAIRED' THEN 0 WHEN 'SPOKE_AT' THEN 1 WHEN 'COMMENDED' THEN 2 ELSE 3 END, o.name
  RETURN collect({id: coalesce(o.identity, o.key), name: o.name, role: role})[..$per] AS people }
RETURN e.key AS key, e.name AS name, e.date AS date, role, people
ORDER BY date, name`

// Neighbourhood returns the person's latest events (at most events) with
// at most per other people seen at each.
func (c *Client) Neighbourhood(ctx context.Context, personKeys []string, events, per int) ([]NeighbourEvent, error) {
	keys := make([]any, len(personKeys))
	for i, k := range personKeys {
		keys[i] = k
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, qNeighbourhood, map[string]any{"keys": keys, "roles": exploreRoles(), "events": int64(events), "per": int64(per)}, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("neighbourhood: %w", err)
	}
	out := []NeighbourEvent{}
	for _, r := range v.([]*neo4j.Record) {
		ne := NeighbourEvent{Key: str(r, "key"), Name: str(r, "name"), Date: str(r, "date"), Role: str(r, "role"), People: []Neighbour{}}
		l, _ := get(r, "people").([]any)
		for _, x := range l {
			m, _ := x.(map[string]any)
			ne.People = append(ne.People, Neighbour{ID: asString(m["id"]), Name: asString(m["name"]), Role: asString(m["role"])})
		}
		out = append(out, ne)
	}
	return out, nil
}

// Overview is the graph's size and its appointments by month.
type Overview struct {
	Nodes        map[string]int `json:"nodes"` // by label
	Appointments []MonthCount   `json:"appointments"`
}

// MonthCount is a count for a month (YYYY-MM).
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
}

const qOverviewMonths = `MATCH ()-[h:HOLDS]->()
WHERE h.start IS NOT NULL AND size(h.start) >= 7
RETURN substring(h.start, 0, 7) AS month, count(*) AS n
ORDER BY month`

// Overview counts the knowledge nodes by label and the dated
// appointments (HOLDS.start) by month.
func (c *Client) Overview(ctx context.Context) (*Overview, error) {
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		o := &Overview{Nodes: map[string]int{}, Appointments: []MonthCount{}}
		for _, l := range append(schema.EntityLabels(), schema.Report) {
			recs, err := collect(ctx, tx, fmt.Sprintf("MATCH (n:%s) RETURN count(n) AS n", schema.Quote(string(l))), nil, nil)
			if err != nil {
				return nil, err
			}
			if len(recs) > 0 {
				o.Nodes[string(l)] = num(recs[0], "n")
			}
		}
		recs, err := collect(ctx, tx, qOverviewMonths, nil, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			o.Appointments = append(o.Appointments, MonthCount{Month: str(r, "month"), Count: num(r, "n")})
		}
		return o, nil
	})
	if err != nil {
		return nil, fmt.Errorf("overview: %w", err)
	}
	return v.(*Overview), nil
}

// Queries for Neo4j Browser, one per explorer page: the explorer offers
// each with its parameters ("open in Neo4j Browser").
const (
	BrowserPerson = `MATCH (p:Person) WHERE coalesce(p.identity, p.key) = $id
OPTIONAL MATCH (p)-[h:HOLDS]->(t:Post)
OPTIONAL MATCH (p)-[r:CHAIRED|SPOKE_AT|ATTENDED]->(e:Event)
RETURN p, h, t, r, e`
	BrowserOffice = `MATCH (p:Person)-[h:HOLDS]->(t:Post {key: $key})
RETURN p.name AS person, p.context AS context, h.acting AS acting, h.start AS start, h.end AS end,
       h.first_seen AS first_seen, h.last_seen AS last_seen, h.reports AS reports
ORDER BY coalesce(h.start, h.first_seen), person`
	BrowserPlace = `MATCH (pl:Place {key: $key})
OPTIONAL MATCH (t:Post) WHERE t.place = pl.name
OPTIONAL MATCH (p:Person)-[h:HOLDS]->(t)
RETURN t.name AS office, p.name AS person, h.start AS start, h.end AS end, h.first_seen AS first_seen, h.last_seen AS last_seen
ORDER BY office, coalesce(h.start, h.first_seen)`
	BrowserReport = `MATCH (r:Report {id: $id})-[:HAS_EVIDENCE]->(ev:Evidence)
RETURN ev.type AS type, ev.fact AS fact, ev.start AS start, ev.end AS end, ev.text AS sentence,
       substring(r.text, ev.start, ev.end - ev.start) AS highlight
ORDER BY start, type`
	BrowserOrganization = `MATCH (o:Organization {name: $name})<-[:POST_OF]-(t:Post)
OPTIONAL MATCH (p:Person)-[h:HOLDS]->(t)
RETURN t.name AS office, p.name AS person, h.acting AS acting, h.start AS start, h.end AS end,
       h.first_seen AS first_seen, h.last_seen AS last_seen
ORDER BY office, coalesce(h.start, h.first_seen)`
	BrowserSearch = `MATCH (n) WHERE (n:Person OR n:Post OR n:Organization OR n:Place) AND n.name CONTAINS $q
RETURN head(labels(n)) AS label, n.name AS name, n.key AS key
ORDER BY size(name), name LIMIT 50`
	BrowserOverview = `MATCH (n)
WITH head(labels(n)) AS label, count(*) AS nodes
RETURN label, nodes ORDER BY label`
	BrowserNeighbourhood = `MATCH (p:Person)-[r1:CHAIRED|SPOKE_AT|ATTENDED]->(e:Event)<-[r2:CHAIRED|SPOKE_AT|ATTENDED]-(o:Person)
WHERE coalesce(p.identity, p.key) = $id AND o <> p
RETURN p, r1, e, r2, o LIMIT 200`
)
