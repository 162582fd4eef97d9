package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The read side of `kg roster` and `kg changes`: the offices of a place or
// an organisation, and their holders in each office's succession (the
// same terms as WhoHolds gives, by the same Succession).

// Scope kinds: what a roster's query named.
const (
	ScopePlace        = "place"
	ScopeOrganization = "organization"
)

// Scope is one place or organisation a query names.
type Scope struct {
	Kind  string `json:"kind"`           // place, organization
	Name  string `json:"name"`           // the place's full name, the organisation's name
	Code  string `json:"code,omitempty"` // the place's gazetteer code (GB/T 2260)
	Level string `json:"level,omitempty"`
	Below bool   `json:"below,omitempty"` // the places under it too (by code prefix)
	Match Match  `json:"match"`
	// offices are, for an organisation, the offices that its name and a
	// title name (武功县委 + 常委 = office:610431|党委|常委), besides those
	// POST_OF it.
	offices []string
}

func (s Scope) String() string {
	b := s.Name
	if s.Code != "" {
		b += " (" + s.Code + ")"
	}
	if s.Below {
		b += " and the places under it"
	}
	return b
}

// qScopePlaces are the places of offices whose name contains the query.
const qScopePlaces = `MATCH (t:Post)
WHERE t.place CONTAINS $q
RETURN DISTINCT t.place AS place, t.place_code AS code
ORDER BY place, code`

// qScopeOrganizations are the organisations with offices whose name
// contains the query.
const qScopeOrganizations = `MATCH (o:Organization)
WHERE o.name CONTAINS $q AND EXISTS { (:Post)-[:POST_OF]->(o) }
RETURN o.name AS name
ORDER BY CASE WHEN o.name = $q THEN 0 ELSE 1 END, name`

// findScopes lists what q names: places (the gazetteer's, by full name
// exactly, by short or former name as variants; places of offices that
// the gazetteer does not know, exactly or containing q), then the
// organisations that offices belong to, named q or containing it.
// Organisations containing q are left out when q names a place: their
// offices are in the place's roster.
func findScopes(ctx context.Context, tx neo4j.ManagedTransaction, q string, below bool) ([]Scope, error) {
	var out []Scope
	seen := map[string]bool{}
	add := func(s Scope) {
		id := s.Kind + "|" + s.Code + "|" + s.Name
		if s.Kind == ScopePlace && s.Code != "" {
			id = s.Kind + "|" + s.Code
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, s)
		}
	}
	for _, m := range gazetteer.Default().Lookup(q) {
		mt := MatchVariant
		if m.Kind == gazetteer.Full {
			mt = MatchExact
		}
		add(Scope{Kind: ScopePlace, Name: m.Div.Name, Code: m.Div.Code, Level: m.Div.Level.String(), Below: below, Match: mt})
	}
	recs, err := collect(ctx, tx, qScopePlaces, map[string]any{"q": q}, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		s := Scope{Kind: ScopePlace, Name: str(r, "place"), Code: str(r, "code"), Below: below, Match: MatchContains}
		if s.Name == q {
			s.Match = MatchExact
		}
		if s.Code != "" {
			if d, ok := gazetteer.Default().ByCode(s.Code); ok {
				s.Level = d.Level.String()
			}
		}
		add(s)
	}
	placed := false
	for _, s := range out {
		placed = placed || s.Match != MatchContains
	}
	recs, err = collect(ctx, tx, qScopeOrganizations, map[string]any{"q": q}, nil)
	if err != nil {
		return nil, err
	}
	organ, err := organOffices(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	named := false
	for _, r := range recs {
		s := Scope{Kind: ScopeOrganization, Name: str(r, "name"), Match: MatchContains}
		if s.Name == q {
			s.Match, s.offices, named = MatchExact, organ, true
		} else if placed {
			continue
		}
		add(s)
	}
	if !named && len(organ) > 0 {
		add(Scope{Kind: ScopeOrganization, Name: q, Match: MatchExact, offices: organ})
	}
	slices.SortStableFunc(out, func(a, b Scope) int { return matchRank(a.Match) - matchRank(b.Match) })
	return out, nil
}

// qTitles are the titles of the offices.
const qTitles = `MATCH (t:Post) WHERE t.title IS NOT NULL RETURN DISTINCT t.title AS title`

// qOfficesByKey are those of the keys that are offices.
const qOfficesByKey = `UNWIND $keys AS key MATCH (t:Post {key: key}) RETURN t.key AS key`

// organOffices are the offices an organisation's name q names with a
// title (the office of q + T is one whose title is T): 武功县委 holds
// 武功县委常委 and 武功县委委员, not 武功县委宣传部部长 (an office of the
// department); 武功县人民政府 holds 武功县副县长. Parsed as offices are
// (parseOffice), so the organisation may be written any way an office's
// name writes it (中共武功县委, 武功县政府).
func organOffices(ctx context.Context, tx neo4j.ManagedTransaction, q string) ([]string, error) {
	if _, rest, ok := readPlaces(q, ""); !ok || rest == "" {
		return nil, nil // no place, or only a place: no organ
	}
	recs, err := collect(ctx, tx, qTitles, nil, nil)
	if err != nil {
		return nil, err
	}
	var keys []any
	for _, r := range recs {
		title := str(r, "title")
		if o, ok := parseOffice(q+title, ""); ok && o.Title == title && !o.Acting && !o.Executive {
			keys = append(keys, o.Key())
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	recs, err = collect(ctx, tx, qOfficesByKey, map[string]any{"keys": keys}, nil)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		out = append(out, str(r, "key"))
	}
	return out, nil
}

// qScopeOffices lists the offices of a scope: of a place (by its code;
// with $below, every code it begins, GB/T 2260 codes nesting by prefix;
// by name where the place has no code), or of an organisation (POST_OF).
const qScopeOffices = `MATCH (t:Post)
WHERE CASE $kind
        WHEN 'place' THEN CASE WHEN $code <> '' THEN t.place_code = $code OR ($below AND t.place_code STARTS WITH $code)
                                                     OR (t.place_code IS NULL AND t.place = $name)
                               ELSE t.place = $name AND t.place_code IS NULL END
        ELSE t.key IN $keys OR EXISTS { (t)-[:POST_OF]->(:Organization {name: $name}) } END
RETURN t.key AS key, t.name AS name, t.place AS place, t.place_code AS code, t.organ AS organ, t.title AS title`

// Office is defined in office.go; OfficeInfo is one office as the graph
// holds it.
type OfficeInfo struct {
	Key       string `json:"office_key"`
	Name      string `json:"office"`
	Place     string `json:"place,omitempty"`
	PlaceCode string `json:"place_code,omitempty"`
	Organ     string `json:"organ,omitempty"`
	Title     string `json:"title,omitempty"`
}

// officesOf lists the offices of a scope in roster order (officeOrder).
func officesOf(ctx context.Context, tx neo4j.ManagedTransaction, s Scope) ([]OfficeInfo, error) {
	recs, err := collect(ctx, tx, qScopeOffices, map[string]any{"kind": s.Kind, "code": s.Code, "name": s.Name, "below": s.Below, "keys": anys(s.offices)}, nil)
	if err != nil {
		return nil, err
	}
	out := make([]OfficeInfo, len(recs))
	for i, r := range recs {
		out[i] = OfficeInfo{Key: str(r, "key"), Name: str(r, "name"), Place: str(r, "place"), PlaceCode: str(r, "code"),
			Organ: str(r, "organ"), Title: str(r, "title")}
	}
	slices.SortStableFunc(out, officeOrder)
	return out, nil
}

// organRanks order a place's organs as rosters list them.
var organRanks = map[string]int{"党委": 0, "纪委": 1, "政府": 2, "人大常委会": 3, "人大": 4, "政协": 5, "人武部": 6}

func organRank(organ string) int {
	if r, ok := organRanks[organ]; ok {
		return r
	}
	if strings.HasPrefix(organ, "党委") {
		return 7 // the party committee's departments
	}
	return 8
}

// titleRank: the head first, then deputies, then the members of a body.
func titleRank(title string) int {
	switch {
	case !pluralOffice(title):
		return 0
	case strings.HasPrefix(title, "副"):
		return 1
	case title == "常委":
		return 2
	}
	return 3
}

// officeOrder: by place (a place before those under it), organ, title.
func officeOrder(a, b OfficeInfo) int {
	if c := strings.Compare(a.PlaceCode, b.PlaceCode); c != 0 {
		return c
	}
	if c := strings.Compare(a.Place, b.Place); c != 0 {
		return c
	}
	if d := organRank(a.Organ) - organRank(b.Organ); d != 0 {
		return d
	}
	if c := strings.Compare(a.Organ, b.Organ); c != 0 {
		return c
	}
	if d := titleRank(a.Title) - titleRank(b.Title); d != 0 {
		return d
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.Name, b.Name)
}

// Roster statuses.
const (
	StatusHeld    = "held"    // a holder in office
	StatusVacant  = "vacant"  // the last holder's term ended, nobody known after
	StatusUnknown = "unknown" // nobody known in office then, nor before
)

// RosterLine is one office of a roster with one holder (an office several
// hold at once has a line for each), or none.
type RosterLine struct {
	Scope     string `json:"scope"`                // the scope's name
	ScopeCode string `json:"scope_code,omitempty"` // and code: places of one name differ here
	OfficeInfo
	Status   string   `json:"status"`
	Holder   *Holding `json:"holder,omitempty"`   // held: the holder and their term
	Previous *Holding `json:"previous,omitempty"` // vacant: the last holder
}

// Roster lists the offices of what q names (see findScopes), each with its
// holder on the day, month or year on (any time in it), or as last known
// when on is "": terms as WhoHolds gives them. An office nobody holds
// then is vacant when someone held it before (Previous), else unknown.
func (c *Client) Roster(ctx context.Context, q, on string, below bool) ([]Scope, []RosterLine, error) {
	q = strings.TrimSpace(q)
	lo, hi := "", ""
	if on != "" {
		var ok bool
		if lo, hi, ok = Period(on); !ok {
			return nil, nil, fmt.Errorf("roster of %q: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", q, on)
		}
	}
	type result struct {
		scopes []Scope
		lines  []RosterLine
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		scopes, offices, holdings, err := scopeHoldings(ctx, tx, q, below)
		if err != nil {
			return nil, err
		}
		var lines []RosterLine
		for i, s := range scopes {
			for _, o := range offices[i] {
				lines = append(lines, rosterOf(s, o, holdings[o.Key], lo, hi)...)
			}
		}
		return result{scopes, lines}, nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("roster of %q: %w", q, err)
	}
	res := v.(result)
	return res.scopes, res.lines, nil
}

// scopeHoldings finds the scopes of q, their offices (scopes without any
// are left out) and every office's holdings with their terms, by office key.
func scopeHoldings(ctx context.Context, tx neo4j.ManagedTransaction, q string, below bool) ([]Scope, [][]OfficeInfo, map[string][]Holding, error) {
	all, err := findScopes(ctx, tx, q, below)
	if err != nil {
		return nil, nil, nil, err
	}
	var scopes []Scope
	var offices [][]OfficeInfo
	var keys []OfficeMatch
	seen := map[string]bool{}
	for _, s := range all {
		os, err := officesOf(ctx, tx, s)
		if err != nil {
			return nil, nil, nil, err
		}
		if len(os) == 0 {
			continue
		}
		if s.Match == MatchContains && !slices.ContainsFunc(os, func(o OfficeInfo) bool { return !seen[o.Key] }) {
			continue // nothing the better matches did not list
		}
		scopes, offices = append(scopes, s), append(offices, os)
		for _, o := range os {
			if !seen[o.Key] {
				seen[o.Key] = true
				keys = append(keys, OfficeMatch{Key: o.Key, Name: o.Name})
			}
		}
	}
	hs, err := holdingsOf(ctx, tx, keys)
	if err != nil {
		return nil, nil, nil, err
	}
	by := map[string][]Holding{}
	for _, h := range hs {
		h.Match = ""
		by[h.PostKey] = append(by[h.PostKey], h)
	}
	return scopes, offices, by, nil
}

// rosterOf is an office's roster lines: its holders in office at some time
// of lo … hi, or, when lo is "", those still in office as last known.
func rosterOf(s Scope, o OfficeInfo, hs []Holding, lo, hi string) []RosterLine {
	var lines []RosterLine
	var prev *Holding
	for i := range hs {
		h := hs[i]
		in := h.UntilBound == BoundStill
		if lo != "" {
			in = h.InOffice(lo, hi)
		}
		if in {
			lines = append(lines, RosterLine{Scope: s.Name, ScopeCode: s.Code, OfficeInfo: o, Status: StatusHeld, Holder: &h})
			continue
		}
		// The last term that ended (by lo, when dated).
		if h.Until == "" || lo != "" && (h.From == "" || lowDay(h.From) > hi) {
			continue
		}
		if prev == nil || lowDay(h.Until) > lowDay(prev.Until) {
			prev = &h
		}
	}
	if len(lines) > 0 {
		return lines
	}
	if prev != nil {
		return []RosterLine{{Scope: s.Name, ScopeCode: s.Code, OfficeInfo: o, Status: StatusVacant, Previous: prev}}
	}
	return []RosterLine{{Scope: s.Name, ScopeCode: s.Code, OfficeInfo: o, Status: StatusUnknown}}
}
