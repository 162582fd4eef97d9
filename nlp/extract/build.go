package extract

import (
	"fmt"
	"sort"

	"github.com/kg-cn/kg/nlp/doc"
)

// build turns the state into the document's entities and relations, every
// one with evidence mapped back to the raw text.
func (s *state) build() {
	d := s.d
	d.Meta.Jurisdiction = s.jur
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
				e.Mentions = append(e.Mentions, s.evidence(*sp))
			}
			return id
		}
		e := doc.Entity{Type: doc.TypePlace, Name: name, Level: s.suffixOf(name)}
		if sp != nil {
			e.Mentions = []doc.Evidence{s.evidence(*sp)}
		}
		id := add(e, "l")
		placeID[name] = id
		return id
	}
	if s.jur != "" {
		addPlace(s.jur, nil)
	}
	for _, pm := range s.places {
		sp := pm.span
		addPlace(pm.name, &sp)
	}
	if j, ok := placeID[s.jur]; ok {
		for _, e := range d.Entities {
			name, id := e.Name, e.ID
			if e.Type != doc.TypePlace || name == s.jur {
				continue
			}
			switch s.suffixOf(name) {
			case "镇", "乡", "街道", "村", "社区":
				if lvl := s.suffixOf(s.jur); lvl == "区" || lvl == "县" || lvl == "市" || lvl == "旗" {
					entity(id).Parent = j
					d.Relations = append(d.Relations, doc.Relation{Type: doc.RelPartOf, From: id, To: j, Evidence: entity(id).Mentions[0]})
				}
			}
		}
	}

	// persons in order of first mention
	persons := make([]*person, 0, len(s.persons))
	for _, p := range s.persons {
		persons = append(persons, p)
	}
	sort.Slice(persons, func(i, j int) bool { return persons[i].first < persons[j].first })
	personID := map[string]string{}
	for _, p := range persons {
		e := doc.Entity{Type: doc.TypePerson, Name: p.name}
		sort.Slice(p.mentions, func(i, j int) bool { return p.mentions[i].Start < p.mentions[j].Start })
		for _, m := range p.mentions {
			e.Mentions = append(e.Mentions, s.evidence(m))
		}
		personID[p.name] = add(e, "p")
	}
	for _, p := range persons {
		for _, f := range p.posts {
			if p.hasFullerPost(f) {
				continue
			}
			post := doc.Entity{Type: doc.TypePost, Name: f.post, Title: f.title}
			if f.org != "" {
				post.Org = add(doc.Entity{Type: doc.TypeOrganization, Name: f.org}, "o")
			}
			tid := add(post, "t")
			r := doc.Relation{Type: doc.RelHolds, From: personID[p.name], To: tid, Evidence: s.evidence(f.ev)}
			r.Start, r.End = f.start, f.end
			d.Relations = append(d.Relations, r)
			if post.Org != "" {
				d.Relations = append(d.Relations, doc.Relation{Type: doc.RelPostOf, From: tid, To: post.Org, Evidence: s.evidence(f.ev)})
			}
		}
	}

	// events
	eventID := make([]string, len(s.events))
	for i, ev := range s.events {
		e := doc.Entity{Type: doc.TypeEvent, Name: ev.name, Kind: ev.kind, Date: ev.date,
			Mentions: []doc.Evidence{s.evidence(ev.span)}}
		if ev.place != "" {
			pid, ok := placeID[ev.place]
			if !ok {
				pid = add(doc.Entity{Type: doc.TypePlace, Name: ev.place, Level: levelOrVenue(s.suffixOf(ev.place))}, "l")
				placeID[ev.place] = pid
			}
			e.Place = pid
		}
		eventID[i] = add(e, "e")
		if ev.convener != "" {
			oid := add(doc.Entity{Type: doc.TypeOrganization, Name: ev.convener}, "o")
			d.Relations = append(d.Relations, doc.Relation{Type: doc.RelConvened, From: oid, To: eventID[i], Evidence: s.evidence(ev.ev)})
		}
		if e.Place != "" {
			d.Relations = append(d.Relations, doc.Relation{Type: doc.RelHeldIn, From: eventID[i], To: e.Place, Evidence: s.evidence(ev.ev)})
		}
	}
	for _, r := range s.roles {
		pid, ok := personID[r.person]
		if !ok || r.event < 0 || r.event >= len(eventID) {
			continue
		}
		d.Relations = append(d.Relations, doc.Relation{Type: r.role, From: pid, To: eventID[r.event], Evidence: s.evidence(r.ev)})
	}
	for _, h := range s.honours {
		if h.event < 0 || h.event >= len(eventID) {
			continue
		}
		to, ok := personID[h.name]
		if !ok {
			to = add(doc.Entity{Type: doc.TypeOrganization, Name: h.name}, "o")
		}
		d.Relations = append(d.Relations, doc.Relation{Type: doc.RelCommended, From: eventID[h.event], To: to, Honour: h.honour, Evidence: s.evidence(h.ev)})
	}
}

func levelOrVenue(suffix string) string {
	if suffix == "" {
		return "venue"
	}
	return suffix
}

// evidence maps a span of Text to the raw text.
func (s *state) evidence(sp doc.Span) doc.Evidence {
	raw := s.d.Offsets.RawSpan(sp)
	return doc.Evidence{Text: sliceRunes(s.d.Raw, raw.Start, raw.End), Start: raw.Start, End: raw.End}
}

// sliceRunes returns the runes [a, b) of str.
func sliceRunes(str string, a, b int) string {
	if a >= b {
		return ""
	}
	i, start, end := 0, -1, len(str)
	for bi := range str {
		if i == a {
			start = bi
		}
		if i == b {
			end = bi
			break
		}
		i++
	}
	if start < 0 {
		return ""
	}
	return str[start:end]
}

// hasFullerPost reports whether the person holds a post that is f written
// in full: a bare 副主任 from a headline beside 山西省港澳办副主任.
func (p *person) hasFullerPost(f postFact) bool {
	for _, g := range p.posts {
		if g.title != f.title || g.post == f.post {
			continue
		}
		// a bare title, or the same post with less of its organisation
		// written (济源市代理市长 beside 济源市人民政府代理市长)
		if f.post == f.title || isSubsequence([]rune(f.post), []rune(g.post)) {
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
	d := s.d
	d.Mentions = d.Mentions[:0]
	add := func(kind doc.MentionKind, sp doc.Span, norm string) {
		d.Mentions = append(d.Mentions, doc.Mention{Span: sp, Kind: kind, Text: s.str(sp.Start, sp.End), Norm: norm, Sent: s.sentenceIndex(sp.Start)})
	}
	for _, p := range s.persons {
		for _, m := range p.mentions {
			add(doc.MentionPerson, m, p.name)
		}
	}
	for _, pm := range s.places {
		add(doc.MentionPlace, pm.span, pm.name)
	}
	for _, ev := range s.events {
		add(doc.MentionEvent, ev.span, ev.name)
	}
	for _, dm := range s.dates {
		add(doc.MentionDate, dm.span, dm.iso)
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool {
		a, b := d.Mentions[i], d.Mentions[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Kind < b.Kind
	})
}
