// Package output is the last extraction stage: it turns the layers of the
// Document into its entities and relations (the Facts layer: Mentions,
// Entities, Relations), every one with evidence mapped back to the raw
// text, and each relation with the id of the rule that produced its fact.
package output

import (
	"fmt"
	"sort"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/places"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// build turns the state into the document's entities and relations, every
// one with evidence mapped back to the raw text.
func (s *state) build() {
	d := s.D
	d.Entities, d.Relations = nil, nil
	s.mentions()
	ids := map[string]string{} // type|name → id
	counter := map[string]int{}
	add := func(e doc.Entity, prefix string) string {
		key := e.Type + "|" + e.Name
		if e.Type == doc.TypeEvent {
			key += "|" + e.Date
		}
		if id, ok := ids[key]; ok {
			return id
		}
		counter[prefix]++
		e.ID = fmt.Sprintf("%s%d", prefix, counter[prefix])
		ids[key] = e.ID
		d.Entities = append(d.Entities, e)
		return e.ID
	}
	entity := func(id string) *doc.Entity {
		for i := range d.Entities {
			if d.Entities[i].ID == id {
				return &d.Entities[i]
			}
		}
		return nil
	}

	// places, the jurisdiction first
	placeID := map[string]string{}
	addPlace := func(name string, sp *doc.Span) string {
		if id, ok := placeID[name]; ok {
			if sp != nil {
				e := entity(id)
				e.Mentions = append(e.Mentions, s.Evidence(*sp))
			}
			return id
		}
		e := doc.Entity{Type: doc.TypePlace, Name: name, Level: s.suffixOf(name)}
		if sp != nil {
			e.Mentions = []doc.Evidence{s.Evidence(*sp)}
		}
		id := add(e, "l")
		placeID[name] = id
		return id
	}
	if d.Meta.Jurisdiction != "" {
		addPlace(d.Meta.Jurisdiction, nil)
	}
	for _, pm := range d.Places {
		sp := pm.Span
		addPlace(pm.Name, &sp)
	}
	if j, ok := placeID[d.Meta.Jurisdiction]; ok {
		for _, e := range d.Entities {
			name, id := e.Name, e.ID
			if e.Type != doc.TypePlace || name == d.Meta.Jurisdiction {
				continue
			}
			switch s.suffixOf(name) {
			case "镇", "乡", "街道", "村", "社区":
				if lvl := s.suffixOf(d.Meta.Jurisdiction); lvl == "区" || lvl == "县" || lvl == "市" || lvl == "旗" {
					entity(id).Parent = j
					d.Relations = append(d.Relations, doc.Relation{Type: doc.RelPartOf, From: id, To: j, Evidence: entity(id).Mentions[0], Rule: RulePartOf})
				}
			}
		}
	}

	// persons in order of first mention
	persons := make([]*person, 0, len(d.Persons))
	byName := map[string]*person{}
	for _, q := range d.Persons {
		p := &person{name: q.Name, first: q.First, mentions: append([]doc.Span{}, q.Mentions...)}
		persons = append(persons, p)
		byName[p.name] = p
	}
	for _, h := range d.Holds {
		if p := byName[h.Person]; p != nil {
			p.posts = append(p.posts, h)
		}
	}
	sort.Slice(persons, func(i, j int) bool { return persons[i].first < persons[j].first })
	personID := map[string]string{}
	for _, p := range persons {
		e := doc.Entity{Type: doc.TypePerson, Name: p.name}
		sort.Slice(p.mentions, func(i, j int) bool { return p.mentions[i].Start < p.mentions[j].Start })
		for _, m := range p.mentions {
			e.Mentions = append(e.Mentions, s.Evidence(m))
		}
		e.Attributes = s.attributes(p.name)
		personID[p.name] = add(e, "p")
	}
	for _, p := range persons {
		for _, f := range p.posts {
			if p.hasFullerPost(f) {
				continue
			}
			post := doc.Entity{Type: doc.TypePost, Name: f.Post, Title: f.Title}
			if f.Org != "" {
				post.Org = add(doc.Entity{Type: doc.TypeOrganization, Name: f.Org}, "o")
			}
			tid := add(post, "t")
			r := doc.Relation{Type: doc.RelHolds, From: personID[p.name], To: tid, Evidence: s.Evidence(f.Evidence), Rule: f.Rule}
			r.Start, r.End = f.Start, f.End
			d.Relations = append(d.Relations, r)
			if post.Org != "" {
				d.Relations = append(d.Relations, doc.Relation{Type: doc.RelPostOf, From: tid, To: post.Org, Evidence: s.Evidence(f.Evidence), Rule: f.Rule})
			}
		}
	}

	// events
	eventID := make([]string, len(d.Events))
	for i, ev := range d.Events {
		e := doc.Entity{Type: doc.TypeEvent, Name: ev.Name, Kind: ev.Kind, Date: ev.Date,
			Mentions: []doc.Evidence{s.Evidence(ev.Span)}}
		switch {
		case ev.Place != "" && s.suffixOf(ev.Place) == "":
			e.Venue = ev.Place // a building or hall is no Place (GUIDELINES, Places)
		case ev.Place != "":
			pid, ok := placeID[ev.Place]
			if !ok {
				pid = add(doc.Entity{Type: doc.TypePlace, Name: ev.Place, Level: s.suffixOf(ev.Place)}, "l")
				placeID[ev.Place] = pid
			}
			e.Place = pid
		}
		eventID[i] = add(e, "e")
		if ev.Convener != "" {
			oid := add(doc.Entity{Type: doc.TypeOrganization, Name: ev.Convener}, "o")
			d.Relations = append(d.Relations, doc.Relation{Type: doc.RelConvened, From: oid, To: eventID[i], Evidence: s.Evidence(ev.Sentence), Rule: RuleConvener})
		}
		if e.Place != "" {
			d.Relations = append(d.Relations, doc.Relation{Type: doc.RelHeldIn, From: eventID[i], To: e.Place, Evidence: s.Evidence(ev.Sentence), Rule: ev.Rule})
		}
	}
	for _, r := range d.Roles {
		pid, ok := personID[r.Person]
		if !ok || r.Event < 0 || r.Event >= len(eventID) {
			continue
		}
		d.Relations = append(d.Relations, doc.Relation{Type: r.Role, From: pid, To: eventID[r.Event], Evidence: s.Evidence(r.Evidence), Rule: r.Rule})
	}
	for _, h := range d.Honours {
		if h.Event < 0 || h.Event >= len(eventID) {
			continue
		}
		to, ok := personID[h.Name]
		if !ok {
			to = add(doc.Entity{Type: doc.TypeOrganization, Name: h.Name}, "o")
		}
		d.Relations = append(d.Relations, doc.Relation{Type: doc.RelCommended, From: eventID[h.Event], To: to, Honour: h.Honour, Evidence: s.Evidence(h.Evidence), Rule: h.Rule})
	}
}

// hasFullerPost reports whether the person holds a post that is f written
// in full: a bare 副主任 from a headline beside 山西省港澳办副主任.
func (p *person) hasFullerPost(f doc.Hold) bool {
	for _, g := range p.posts {
		if g.Title != f.Title || g.Post == f.Post {
			continue
		}
		// a bare title, or the same post with less of its organisation
		// written (济源市代理市长 beside 济源市人民政府代理市长)
		if f.Post == f.Title || isSubsequence([]rune(f.Post), []rune(g.Post)) {
			return true
		}
	}
	return false
}

// isSubsequence reports whether a's runes appear in b in order.
func isSubsequence(a, b []rune) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && a[i] == r {
			i++
		}
	}
	return i == len(a)
}

// mentions records the document's annotation layer: every span of Text
// recognised as a person, place, event or date, in text order.
func (s *state) mentions() {
	d := s.D
	d.Mentions = d.Mentions[:0]
	add := func(kind doc.MentionKind, sp doc.Span, norm string) {
		d.Mentions = append(d.Mentions, doc.Mention{Span: sp, Kind: kind, Text: s.Str(sp.Start, sp.End), Norm: norm, Sent: s.SentenceIndex(sp.Start)})
	}
	for _, p := range d.Persons {
		for _, m := range p.Mentions {
			add(doc.MentionPerson, m, p.Name)
		}
	}
	for _, pm := range d.Places {
		add(doc.MentionPlace, pm.Span, pm.Name)
	}
	for _, ev := range d.Events {
		add(doc.MentionEvent, ev.Span, ev.Name)
	}
	for _, dm := range d.Dates {
		add(doc.MentionDate, dm.Span, dm.ISO)
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool {
		a, b := d.Mentions[i], d.Mentions[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Kind < b.Kind
	})
}

// Rule ids of the relations this stage derives itself (the others carry
// the rule of their layer's fact: a HOLDS and its POST_OF the hold's, a
// HELD_IN the event's, a role's and an honour's their own).
const (
	RulePartOf   = "places.part-of"  // a town, street or village of a county-level jurisdiction
	RuleConvener = "events.convener" // the body before 召开 of a named event
)

// Stage is the output stage.
type Stage struct{ lx *text.Lexicon }

// New builds the stage.
func New(lx *text.Lexicon) *Stage { return &Stage{lx: lx} }

// Name implements the pipeline stage interface.
func (*Stage) Name() string { return "output" }

// Needs and Provides declare the stage's layers.
func (*Stage) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerDates, doc.LayerReportJurisdiction, doc.LayerPlaces,
		doc.LayerPersons, doc.LayerHolds, doc.LayerEvents, doc.LayerHonours, doc.LayerRoles, doc.LayerAttributes}
}
func (*Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerFacts} }

// Process fills d.Mentions, d.Entities and d.Relations.
func (st *Stage) Process(d *doc.Document) error {
	s := &state{View: text.NewView(st.lx, d)}
	s.build()
	return nil
}

// person is a person of the Persons layer with their holds.
type person struct {
	name     string
	first    int
	mentions []doc.Span
	posts    []doc.Hold
}

type state struct{ *text.View }

func (s *state) suffixOf(name string) string { return places.SuffixOf(s.Lexicon.Lexicon, name) }

// attributes are the Attributes layer's facts of the person name, in text
// order, each once (the same item read from two mentions is one).
func (s *state) attributes(name string) []doc.EntityAttribute {
	var out []doc.EntityAttribute
	seen := map[doc.Span]bool{}
	for _, a := range s.D.Attributes {
		if a.Person != name || seen[a.Span] {
			continue
		}
		seen[a.Span] = true
		out = append(out, doc.EntityAttribute{Kind: a.Kind, Value: a.Value, Evidence: s.Evidence(a.Span), Rule: a.Rule})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence.Start < out[j].Evidence.Start })
	return out
}
