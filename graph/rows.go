package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/schema"
)

// ErrInvalid marks an extraction the loader cannot write at all (no report
// id, no hash, a hash that does not match the text). Smaller faults — a
// relation to an unknown entity, an unknown type — are skipped with a
// warning instead.
var ErrInvalid = errors.New("invalid extraction")

// maxWarnings caps the warnings kept per report.
const maxWarnings = 20

// plan is everything one report writes, keyed and deduplicated.
type plan struct {
	id   string
	hash string
	// props are the Report node's properties (all of them: SET r = props).
	props map[string]any

	entities map[string]*entityRow // by label + key
	mentions map[string]*mentionRow
	facts    map[string]*factRow // by fact key
	evidence map[string]*evidenceRow

	warnings []string
	dropped  int // warnings beyond maxWarnings
}

type entityRow struct {
	label schema.Label
	key   string
	props map[string]any // name and descriptive properties, non-empty only
	names []string       // Post: the names the office was written with (sorted, once each)
}

type mentionRow struct {
	label  schema.Label
	key    string
	starts []int64
	ends   []int64
	texts  []string
}

type factRow struct {
	typ      schema.RelType
	from, to schema.Label
	fromKey  string
	toKey    string
	fact     string
	honour   string
}

type evidenceRow struct {
	key         string
	fact        string
	typ         schema.RelType
	start, end  int64
	text        string
	reportDate  string
	tenureStart *string
	tenureEnd   *string
	honour      string
	derived     bool
	// an attribute's evidence (typ schema.AttributeEvidence): the person's
	// key, the attribute's kind and value
	person, kind, value string
}

func (p *plan) warnf(format string, a ...any) {
	if len(p.warnings) >= maxWarnings {
		p.dropped++
		return
	}
	p.warnings = append(p.warnings, fmt.Sprintf(format, a...))
}

// allWarnings returns the plan's warnings, with a last line counting those
// left out.
func (p *plan) allWarnings() []string {
	if p.dropped == 0 {
		return p.warnings
	}
	return append(append([]string(nil), p.warnings...), fmt.Sprintf("… and %d more warnings", p.dropped))
}

var dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// validDate accepts ISO dates (YYYY, YYYY-MM, YYYY-MM-DD), which compare
// correctly as strings.
func validDate(s string) bool { return dateRE.MatchString(s) }

// resolved is one usable entity of the extraction.
type resolved struct {
	e       *doc.Entity
	label   schema.Label
	name    string
	key     string
	date    string // Event: the validated date
	context string // Person, Event: the context part of the key
	parent  string // Place: the enclosing place's name
	office  Office // Post: the office its name names
}

// buildPlan turns one extraction into rows. text is the raw report text;
// when empty, the extraction's hash is trusted and evidence is stored as
// given.
func buildPlan(x *doc.Extraction, text string, storeText bool) (*plan, error) {
	if x == nil {
		return nil, fmt.Errorf("%w: no extraction", ErrInvalid)
	}
	fullID := strings.TrimSpace(x.Report.ID)
	if fullID == "" {
		return nil, fmt.Errorf("%w: report has no id", ErrInvalid)
	}
	id := reportKey(fullID) // the id, or its digest when too long to index
	hash := x.Report.Hash
	chars := x.Report.Chars
	var runes []rune
	if text != "" {
		sum := sha256.Sum256([]byte(text))
		computed := hex.EncodeToString(sum[:])
		if hash != "" && !strings.EqualFold(hash, computed) {
			return nil, fmt.Errorf("%w: report %s: hash %.12s… does not match the text given (sha256 %.12s…)", ErrInvalid, id, hash, computed)
		}
		hash = computed
		runes = []rune(text)
		chars = len(runes)
	}
	if hash == "" {
		return nil, fmt.Errorf("%w: report %s has neither a hash nor its text", ErrInvalid, id)
	}
	p := &plan{
		id: id, hash: hash,
		entities: map[string]*entityRow{}, mentions: map[string]*mentionRow{},
		facts: map[string]*factRow{}, evidence: map[string]*evidenceRow{},
	}
	jurisdiction := cleanName(x.Report.Jurisdiction)
	date := strings.TrimSpace(x.Report.Date)
	if date != "" && !validDate(date) {
		p.warnf("report date %q is not an ISO date; treated as unknown", date)
		date = ""
	}
	p.props = map[string]any{"id": id, "hash": hash}
	if id != fullID {
		p.props["full_id"] = fullID
		p.warnf("report id is %d bytes, too long for Neo4j to index: keyed as %s (the whole id is the Report's full_id)", len(fullID), id)
	}
	setIf(p.props, "source", x.Report.Source)
	setIf(p.props, "title", x.Report.Title)
	if date == "" {
		// A report without a date line is dated by its events' dates:
		// the earliest the text gives.
		if d := earliestEventDate(x); d != "" {
			date = d
			p.props["date_from"] = "events"
		}
	}
	setIf(p.props, "date", date)
	setIf(p.props, "jurisdiction", jurisdiction)
	if chars > 0 {
		p.props["chars"] = int64(chars)
	}
	if storeText && text != "" {
		p.props["text"] = text
	}

	ents := p.indexEntities(x)
	rels := p.usableRelations(x, ents)
	p.resolveKeys(x, ents, rels, id, jurisdiction)

	for _, r := range ents {
		if r.key == "" {
			continue
		}
		p.addEntity(r)
	}
	b := builder{p: p, runes: runes, chars: chars, date: date}
	for _, rel := range rels {
		b.addRelation(rel, ents)
	}
	b.addDerived(x, ents)
	b.addAttributes(ents)
	return p, nil
}

func setIf(m map[string]any, k, v string) {
	if v = strings.TrimSpace(v); v != "" {
		m[k] = v
	}
}

// indexEntities returns the usable entities by id, warning about the rest.
func (p *plan) indexEntities(x *doc.Extraction) map[string]*resolved {
	ents := map[string]*resolved{}
	for i := range x.Entities {
		e := &x.Entities[i]
		label := schema.Label(e.Type)
		name := cleanName(e.Name)
		switch {
		case e.ID == "":
			p.warnf("entity %q has no id; skipped", e.Name)
		case ents[e.ID] != nil:
			p.warnf("entity id %s used twice; the second (%q) is skipped", e.ID, e.Name)
		case !schema.IsEntity(label):
			p.warnf("entity %s has unknown type %q; skipped", e.ID, e.Type)
		case name == "":
			p.warnf("entity %s (%s) has no name; skipped", e.ID, e.Type)
		default:
			ents[e.ID] = &resolved{e: e, label: label, name: name}
		}
	}
	return ents
}

// usableRelations returns the relations whose type and endpoints fit the
// model, warning about the rest.
func (p *plan) usableRelations(x *doc.Extraction, ents map[string]*resolved) []*doc.Relation {
	var out []*doc.Relation
	for i := range x.Relations {
		r := &x.Relations[i]
		rt, ok := schema.Relationship(schema.RelType(r.Type))
		from, to := ents[r.From], ents[r.To]
		switch {
		case !ok || !rt.Fact:
			p.warnf("relation %s %s→%s: unknown type; skipped", r.Type, r.From, r.To)
		case from == nil || to == nil:
			p.warnf("relation %s %s→%s: unknown or skipped entity; skipped", r.Type, r.From, r.To)
		case !schema.Allowed(rt.Type, from.label, to.label):
			p.warnf("relation %s %s→%s: %s cannot join (:%s) to (:%s); skipped", r.Type, r.From, r.To, r.Type, from.label, to.label)
		default:
			out = append(out, r)
		}
	}
	return out
}

// resolveKeys gives every usable entity its key (identity rules in keys.go).
func (p *plan) resolveKeys(x *doc.Extraction, ents map[string]*resolved, rels []*doc.Relation, reportID, jurisdiction string) {
	// The relations that identity depends on.
	postOrg := map[string]string{}     // post id → organisation name
	placeParent := map[string]string{} // place id → parent place name
	eventPlace := map[string]string{}  // event id → place name
	heldPosts := map[string][]string{} // person id → post ids
	for _, r := range rels {
		from, to := ents[r.From], ents[r.To]
		switch schema.RelType(r.Type) {
		case schema.PostOf:
			if postOrg[r.From] == "" {
				postOrg[r.From] = to.name
			}
		case schema.PartOf:
			if from.label == schema.Place && placeParent[r.From] == "" {
				placeParent[r.From] = to.name
			}
		case schema.HeldIn:
			if eventPlace[r.From] == "" {
				eventPlace[r.From] = to.name
			}
		case schema.Holds:
			heldPosts[r.From] = append(heldPosts[r.From], r.To)
		}
	}
	// Attributes take precedence over relations.
	for id, r := range ents {
		switch r.label {
		case schema.Post:
			if org := p.attr(ents, r, r.e.Org, schema.Organization, "org"); org != nil {
				postOrg[id] = org.name
			}
		case schema.Place:
			if parent := p.attr(ents, r, r.e.Parent, schema.Place, "parent"); parent != nil {
				placeParent[id] = parent.name
			}
		case schema.Event:
			if place := p.attr(ents, r, r.e.Place, schema.Place, "place"); place != nil {
				eventPlace[id] = place.name
			}
		}
	}
	for id, r := range ents {
		switch r.label {
		case schema.Post:
			o, ok := parseOffice(r.name, jurisdiction)
			if !ok {
				p.warnf("post %s %q names no office (a place or organisation and a known title); skipped", id, r.name)
				continue
			}
			r.office = o
			r.key = postKey(o)
		case schema.Organization:
			r.key = organizationKey(r.name)
		case schema.Place:
			r.parent = placeParent[id]
			r.key = placeKey(r.name, r.parent)
		case schema.Event:
			r.date = strings.TrimSpace(r.e.Date)
			if r.date != "" && !validDate(r.date) {
				p.warnf("event %s date %q is not an ISO date; treated as unknown", id, r.date)
				r.date = ""
			}
			r.context = eventContext(r.date, jurisdiction, eventPlace[id], reportID)
			r.key = eventKey(r.name, r.date, r.context)
		case schema.Person:
			var orgs []string
			for _, post := range heldPosts[id] {
				orgs = append(orgs, postOrg[post])
			}
			r.context = personContext(jurisdiction, orgs, reportID)
			r.key = personKey(r.name, r.context)
		}
		if len(r.key) > maxKeyBytes {
			p.warnf("entity %s: key is %d bytes, too long to index; skipped", id, len(r.key))
			r.key = ""
		}
	}
}

// attr resolves an entity-id attribute (Post.Org, Place.Parent, Event.Place).
func (p *plan) attr(ents map[string]*resolved, r *resolved, id string, want schema.Label, field string) *resolved {
	if id == "" {
		return nil
	}
	t := ents[id]
	if t == nil || t.label != want {
		p.warnf("%s %s: %s %q is not a usable %s entity; ignored", r.label, r.e.ID, field, id, want)
		return nil
	}
	return t
}

func (p *plan) addEntity(r *resolved) {
	k := string(r.label) + keySep + r.key
	row := p.entities[k]
	if row == nil {
		row = &entityRow{label: r.label, key: r.key, props: map[string]any{"name": r.name}}
		p.entities[k] = row
		p.mentions[k] = &mentionRow{label: r.label, key: r.key}
	}
	e := r.e
	switch r.label {
	case schema.Person:
		row.props["context"] = r.context
	case schema.Post:
		o := r.office
		row.props["name"] = o.Name()
		row.props["title"] = o.Title
		setIf(row.props, "organ", o.Organ)
		setIf(row.props, "place", o.Place)
		setIf(row.props, "place_code", o.PlaceCode)
		if i, found := slices.BinarySearch(row.names, r.name); !found {
			row.names = slices.Insert(row.names, i, r.name)
		}
	case schema.Place:
		setOnce(row.props, "level", e.Level)
		setIf(row.props, "parent", r.parent)
	case schema.Event:
		setIf(row.props, "date", r.date)
		setOnce(row.props, "kind", e.Kind)
		setIf(row.props, "venue", e.Venue)
		row.props["context"] = r.context
	}
	m := p.mentions[k]
	for _, ev := range e.Mentions {
		m.add(ev)
	}
}

func setOnce(m map[string]any, k, v string) {
	if _, ok := m[k]; !ok {
		setIf(m, k, v)
	}
}

// add records a mention span, once, keeping the spans in text order.
func (m *mentionRow) add(ev doc.Evidence) {
	s, e := int64(ev.Start), int64(ev.End)
	i := sort.Search(len(m.starts), func(i int) bool {
		return m.starts[i] > s || m.starts[i] == s && m.ends[i] >= e
	})
	if i < len(m.starts) && m.starts[i] == s && m.ends[i] == e {
		return
	}
	m.starts = insert(m.starts, i, s)
	m.ends = insert(m.ends, i, e)
	m.texts = insert(m.texts, i, ev.Text)
}

func insert[T any](xs []T, i int, v T) []T {
	xs = append(xs, v)
	copy(xs[i+1:], xs[i:])
	xs[i] = v
	return xs
}

// builder adds facts and their evidence to a plan.
type builder struct {
	p     *plan
	runes []rune // raw text, when given
	chars int
	date  string // report date
}

func (b *builder) addRelation(r *doc.Relation, ents map[string]*resolved) {
	from, to := ents[r.From], ents[r.To]
	if from.key == "" || to.key == "" {
		return
	}
	typ := schema.RelType(r.Type)
	honour := ""
	if typ == schema.Commended {
		honour = strings.TrimSpace(r.Honour)
	}
	ev := &evidenceRow{typ: typ, honour: honour, reportDate: b.date}
	if typ == schema.Holds {
		ev.tenureStart = b.tenureDate(r.Start, "start", r)
		ev.tenureEnd = b.tenureDate(r.End, "end", r)
		// The holding's qualifier (acting, executive) makes it a fact of
		// its own: an acting head later elected holds the office twice.
		honour = to.office.Qualifier()
	}
	b.add(typ, from, to, honour, r.Evidence, ev)
}

// tenureDate validates an appointment or removal date: nil stays nil (no
// appointment), a bad date becomes "" (an appointment without a date).
func (b *builder) tenureDate(d *string, which string, r *doc.Relation) *string {
	if d == nil {
		return nil
	}
	v := strings.TrimSpace(*d)
	if v != "" && !validDate(v) {
		b.p.warnf("HOLDS %s→%s: %s date %q is not an ISO date; kept without date", r.From, r.To, which, v)
		v = ""
	}
	return &v
}

// add records one fact and one piece of evidence for it.
func (b *builder) add(typ schema.RelType, from, to *resolved, honour string, span doc.Evidence, ev *evidenceRow) {
	p := b.p
	fact := factKey(typ, from.label, from.key, to.label, to.key, honour)
	if len(fact) > maxKeyBytes {
		p.warnf("%s %s→%s: fact key is %d bytes, too long to index; skipped", typ, from.e.ID, to.e.ID, len(fact))
		return
	}
	if p.facts[fact] == nil {
		p.facts[fact] = &factRow{typ: typ, from: from.label, to: to.label, fromKey: from.key, toKey: to.key, fact: fact, honour: honour}
	}
	start, end := span.Start, span.End
	if start < 0 || end < start || b.chars > 0 && end > b.chars {
		p.warnf("%s %s→%s: evidence span [%d,%d) is outside the text (%d runes)", typ, from.e.ID, to.e.ID, start, end, b.chars)
	}
	text := span.Text
	if text == "" && b.runes != nil && start >= 0 && start < end && end <= len(b.runes) {
		text = string(b.runes[start:end])
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	ev.key = evidenceKey(p.id, fact, start, end)
	ev.fact = fact
	ev.start, ev.end = int64(start), int64(end)
	ev.text = text
	if old := p.evidence[ev.key]; old != nil {
		// The same fact twice from the same span: keep what either says of tenure.
		if old.tenureStart == nil {
			old.tenureStart = ev.tenureStart
		}
		if old.tenureEnd == nil {
			old.tenureEnd = ev.tenureEnd
		}
		old.derived = old.derived && ev.derived
		return
	}
	p.evidence[ev.key] = ev
}

// addDerived adds the facts that entity attributes state (Post.Org →
// POST_OF, Event.Place → HELD_IN, Place.Parent → PART_OF) when no relation
// of the report states them already. Their evidence is the first mention of
// the entity that carries the attribute.
func (b *builder) addDerived(x *doc.Extraction, ents map[string]*resolved) {
	ids := make([]string, 0, len(ents))
	for id := range ents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := ents[id]
		if r.key == "" {
			continue
		}
		var typ schema.RelType
		var target string
		switch r.label {
		case schema.Post:
			typ, target = schema.PostOf, r.e.Org
		case schema.Event:
			typ, target = schema.HeldIn, r.e.Place
		case schema.Place:
			typ, target = schema.PartOf, r.e.Parent
		}
		t := ents[target]
		if target == "" || t == nil || t.key == "" || !schema.Allowed(typ, r.label, t.label) {
			continue
		}
		if b.p.facts[factKey(typ, r.label, r.key, t.label, t.key, "")] != nil {
			continue
		}
		var span doc.Evidence
		if len(r.e.Mentions) > 0 {
			span = r.e.Mentions[0]
		}
		b.add(typ, r, t, "", span, &evidenceRow{typ: typ, reportDate: b.date, derived: true})
	}
}

// Parameter rows.

func (r *entityRow) param() map[string]any {
	return map[string]any{"key": r.key, "props": r.props}
}

// param is a report's mention of an entity: the report and the spans
// (none when the extraction gave none).
func (m *mentionRow) param(report string) map[string]any {
	row := map[string]any{"report": report}
	if len(m.starts) > 0 {
		row["starts"], row["ends"], row["texts"] = m.starts, m.ends, m.texts
	}
	return row
}

// param is a fact's row: its key, the keys of its endpoints, its own
// properties.
func (f *factRow) param() map[string]any {
	props := map[string]any{}
	switch {
	case f.typ == schema.Holds:
		props["acting"], props["executive"] = holdsQualifiers(f.honour)
	case f.honour != "":
		props["honour"] = f.honour
	}
	return map[string]any{"from": f.fromKey, "to": f.toKey, "fact": f.fact, "props": props}
}

// props are the properties of the Evidence node.
func (e *evidenceRow) props(report string) map[string]any {
	props := map[string]any{
		"key": e.key, "report": report, "fact": e.fact, "type": string(e.typ),
		"start": e.start, "end": e.end, "text": e.text, "report_date": e.reportDate,
	}
	if e.tenureStart != nil {
		props["tenure_start"] = *e.tenureStart
	}
	if e.tenureEnd != nil {
		props["tenure_end"] = *e.tenureEnd
	}
	if e.honour != "" {
		props["honour"] = e.honour
	}
	if e.derived {
		props["derived"] = true
	}
	if e.typ == schema.AttributeEvidence {
		props["person"], props["kind"], props["value"] = e.person, e.kind, e.value
	}
	return props
}

// holdsQualifiers reads a HOLDS fact's qualifier (Office.Qualifier).
func holdsQualifiers(q string) (acting, executive bool) {
	return strings.Contains(q, "acting"), strings.Contains(q, "executive")
}

// earliestEventDate is the earliest full date (YYYY-MM-DD) of the
// extraction's events, "" if none.
func earliestEventDate(x *doc.Extraction) string {
	best := ""
	for _, e := range x.Entities {
		d := strings.TrimSpace(e.Date)
		if e.Type == string(schema.Event) && len(d) == 10 && validDate(d) && (best == "" || d < best) {
			best = d
		}
	}
	return best
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// addAttributes adds the evidence of what the report says of its persons
// (doc.EntityAttribute: gender, birth, …). An attribute is no relationship:
// its Evidence (type ATTRIBUTE) names the person, the kind and the value,
// and the person's attribute properties are computed from all such
// evidence by the identity resolution (identity.go), which also uses them
// for and against taking namesakes for one person.
func (b *builder) addAttributes(ents map[string]*resolved) {
	p := b.p
	ids := make([]string, 0, len(ents))
	for id, r := range ents {
		if r.key != "" && r.label == schema.Person && len(r.e.Attributes) > 0 {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := ents[id]
		for _, a := range r.e.Attributes {
			kind, value := strings.TrimSpace(a.Kind), strings.TrimSpace(a.Value)
			if !schema.IsAttribute(kind) || value == "" {
				p.warnf("person %s: attribute %q=%q is not one kg knows; skipped", r.e.ID, a.Kind, a.Value)
				continue
			}
			fact := attributeKey(r.key, kind, value)
			if len(fact) > maxKeyBytes {
				p.warnf("person %s: attribute key is %d bytes, too long to index; skipped", r.e.ID, len(fact))
				continue
			}
			start, end := a.Evidence.Start, a.Evidence.End
			text := a.Evidence.Text
			if text == "" && b.runes != nil && start >= 0 && start < end && end <= len(b.runes) {
				text = string(b.runes[start:end])
			}
			ev := &evidenceRow{key: evidenceKey(p.id, fact, start, end), fact: fact, typ: schema.AttributeEvidence,
				start: int64(start), end: int64(end), text: strings.ToValidUTF8(text, "\uFFFD"), reportDate: b.date,
				person: r.key, kind: kind, value: value}
			if p.evidence[ev.key] == nil {
				p.evidence[ev.key] = ev
			}
		}
	}
}
