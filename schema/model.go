// Package schema is the single source of kg's graph model: the node labels
// and their keys, the relationship types and the endpoints each may join,
// and the constraints and indexes that the database must have, as named,
// ordered, idempotent migrations.
//
// Nothing else in kg spells a label or a relationship type: the loader, the
// queries and the commands take them from here. The package does no I/O;
// graph applies the migrations and reads the live schema back for Verify.
//
// # The model
//
// Knowledge nodes (one per real-world thing, shared by every report that
// names it) are Person, Post, Organization, Place and Event, each identified
// by a string property "key" built by the rules in graph (see
// graph/IDENTITY.md). Fact relationships join them (HOLDS, CHAIRED, …); each
// carries a "fact" key (unique per type), how many reports and pieces of
// evidence support it ("reports", "evidence": counts, so that a fact named
// by a million reports stays one small relationship; the Evidence nodes
// with its key name the reports), and the dates of the earliest and latest
// of those reports ("first_seen", "last_seen").
//
// Provenance: a Report node per report (key "id", with its hash and raw
// text); (:Report)-[:MENTIONS {starts, ends, texts}]->(entity) for every
// entity the report names, and (:Report)-[:HAS_EVIDENCE]->(:Evidence) for
// every fact the report supports, the Evidence node holding the fact key,
// the sentence and its rune offsets into the raw text. "Why does the graph
// say this?" is MATCH (ev:Evidence {fact: r.fact})<-[:HAS_EVIDENCE]-(rep).
package schema

import (
	"fmt"
	"sort"
	"strings"
)

// Label is a node label.
type Label string

// Node labels.
const (
	Report         Label = "Report"
	Person         Label = "Person"
	Post           Label = "Post"
	Organization   Label = "Organization"
	Place          Label = "Place"
	Event          Label = "Event"
	Evidence       Label = "Evidence"
	MigrationLabel Label = "__KgMigration"
)

// RelType is a relationship type.
type RelType string

// Fact relationship types: the knowledge the reports state. The values are
// those of the in-between graph (nlp/doc Rel* constants).
const (
	Holds     RelType = "HOLDS"
	Chaired   RelType = "CHAIRED"
	SpokeAt   RelType = "SPOKE_AT"
	Attended  RelType = "ATTENDED"
	Commended RelType = "COMMENDED"
	Convened  RelType = "CONVENED"
	HeldIn    RelType = "HELD_IN"
	PartOf    RelType = "PART_OF"
	PostOf    RelType = "POST_OF"
)

// Provenance relationship types: which report says what.
const (
	Mentions    RelType = "MENTIONS"     // Report → entity it names
	HasEvidence RelType = "HAS_EVIDENCE" // Report → Evidence of a fact
)

// SamePerson joins two Person nodes that kg takes for one human (the
// identity resolution of graph/identity.go): derived from the graph, not
// stated by a report, rewritten whenever their names' reports change. Its
// "rule" and "reason" say why; every Person node of one human carries the
// same "identity".
const SamePerson RelType = "SAME_PERSON"

// AttributeEvidence is the "type" of an Evidence node that supports an
// attribute of a Person (what a profile says: gender, birth, …) rather than
// a relationship; its "fact" is ATTRIBUTE:Person[key]#kind=value.
const AttributeEvidence RelType = "ATTRIBUTE"

// Attributes are the biographical attributes a Person may have: the
// property names, which are the kinds of nlp/doc's Attr* constants.
var Attributes = []Property{
	{"gender", "男 or 女"}, {"ethnicity", "民族 (汉族, 蒙古族 …)"}, {"birth", "year and month of birth (YYYY-MM, or YYYY)"},
	{"native_place", "籍贯, as written (四川仁寿)"}, {"education", "学历 (研究生学历)"}, {"degree", "学位 (管理学硕士学位)"},
	{"party", "党派 (中共党员, 民盟盟员, 无党派人士)"}, {"party_since", "joined the party (YYYY-MM)"}, {"work_since", "started work (YYYY-MM)"},
}

// IsAttribute reports whether kind is one of Attributes.
func IsAttribute(kind string) bool {
	for _, a := range Attributes {
		if a.Name == kind {
			return true
		}
	}
	return false
}

// Key property names.
const (
	ReportKey = "id"   // Report
	EntityKey = "key"  // Person, Post, Organization, Place, Event, Evidence
	FactKey   = "fact" // every fact relationship
)

// Property documents one property of a node or relationship.
type Property struct {
	Name string
	Doc  string
}

// NodeType describes one label.
type NodeType struct {
	Label Label
	Key   string // the property that identifies a node (unique)
	Rule  string // how the key is made
	Props []Property
	// Entity is true for knowledge nodes (the entity types of nlp/doc).
	Entity bool
}

// Endpoint is one allowed (from, to) pair of a relationship type.
type Endpoint struct {
	From, To Label
}

func (e Endpoint) String() string { return fmt.Sprintf("(:%s)→(:%s)", e.From, e.To) }

// RelationshipType describes one relationship type.
type RelationshipType struct {
	Type      RelType
	Endpoints []Endpoint
	Fact      bool // a fact (keyed by "fact", supported by Evidence) rather than provenance
	Doc       string
	Props     []Property
}

var entityLabels = []Label{Person, Post, Organization, Place, Event}

// EntityLabels returns the labels of knowledge nodes, in a fixed order.
func EntityLabels() []Label { return append([]Label(nil), entityLabels...) }

// factProps are the properties every fact relationship carries.
var factProps = []Property{
	{"fact", "fact key: TYPE:FromLabel[fromKey]->ToLabel[toKey] (+ #honour, HOLDS: + #acting, #executive); unique per type"},
	{"reports", "number of reports that support the fact (their Evidence nodes carry its key)"},
	{"evidence", "number of Evidence nodes supporting the fact"},
	{"first_seen", "date of the earliest supporting report (ISO), absent when no report is dated"},
	{"last_seen", "date of the latest supporting report (ISO)"},
}

// Nodes lists every label of the model.
var Nodes = []NodeType{
	{Label: Report, Key: ReportKey, Rule: "report id (file name or JSON Lines id); an id over 8,000 bytes (too long for Neo4j to index): its first 96 bytes + \"…sha256:\" + the sha256 of the whole id", Props: []Property{
		{"id", "report id, or the digest key of a long one"}, {"full_id", "the whole id, when id is its digest"}, {"hash", "sha256 of the raw text, hex; an unchanged hash means nothing to do on re-ingest"},
		{"source", "URL or path"}, {"title", ""}, {"date", "ISO date of the report; without a date line, the earliest date of its events"},
		{"date_from", "\"events\" when date is the earliest event date (the report has no date line)"},
		{"jurisdiction", "the place whose government issued it"}, {"chars", "length of the raw text in runes"},
		{"text", "the raw text; Evidence start/end are rune offsets into it"},
	}},
	{Label: Person, Key: EntityKey, Entity: true, Rule: `name + "|" + context: the report's jurisdiction, else the organisation of the person's post in that report, else "report:" + report id`, Props: []Property{
		{"key", ""}, {"name", "full name"}, {"context", "the context part of the key"},
		{"identity", "the key of the person kg takes this node for: the same on every Person node of one human (SAME_PERSON joins them); its own key when alone"},
		{"<attribute>", "gender, ethnicity, birth, native_place, education, degree, party, party_since, work_since: the value the reports give (ATTRIBUTE evidence); when they give several, the most supported, all of them in <attribute>_values"},
	}},
	{Label: Post, Key: EntityKey, Entity: true, Rule: `the office: "office:" + jurisdiction (gazetteer code, else the place's name) + "|" + organ + "|" + title (office:120118|党委|书记); 中共, 人民政府, doubled place names, 代理/代 and 常务 folded`, Props: []Property{
		{"key", ""}, {"name", "canonical office name (静海区委书记)"}, {"title", "bare title (书记)"},
		{"organ", "党委, 纪委, 政府, 人大常委会, 政协, 人武部, 委组织部, a bureau …"}, {"place", "the place's full name"},
		{"place_code", "its gazetteer code, when the gazetteer knows it unambiguously"},
		{"names", "every name the office was written with (中共武功县委常委, 武功县委常委), sorted"},
	}},
	{Label: Organization, Key: EntityKey, Entity: true, Rule: "name", Props: []Property{
		{"key", ""}, {"name", ""},
	}},
	{Label: Place, Key: EntityKey, Entity: true, Rule: `name, or name + "|" + parent place name where the report gives the parent`, Props: []Property{
		{"key", ""}, {"name", ""}, {"parent", "name of the enclosing place, when known"}, {"level", "省, 市, 区, 县, 镇, …"},
	}},
	{Label: Event, Key: EntityKey, Entity: true, Rule: `name + "|" + date + "|" + context: the report's jurisdiction, else the event's place, else "report:" + id; an undated event is "name||report:" + id`, Props: []Property{
		{"key", ""}, {"name", ""}, {"date", "ISO date"}, {"kind", "meeting, ceremony, inspection, reception, other"}, {"context", "the context part of the key"},
	}},
	{Label: Evidence, Key: EntityKey, Rule: "report id + \"|\" + hash of (fact, start, end)", Props: []Property{
		{"key", ""}, {"report", "id of the report"}, {"fact", "fact key of the relationship it supports"},
		{"type", "relationship type of that fact"}, {"text", "the evidence span or sentence"},
		{"start", "rune offset into Report.text"}, {"end", "rune offset (exclusive)"},
		{"report_date", "date of the report (ISO or \"\")"},
		{"tenure_start", "HOLDS: present when the sentence appoints; the date or \"\""},
		{"tenure_end", "HOLDS: present when the sentence removes; the date or \"\""},
		{"honour", "COMMENDED: the honour"},
		{"derived", "true when the fact comes from an entity attribute (Post.org, Event.place, Place.parent) rather than a relation"},
		{"person", "ATTRIBUTE: the key of the Person"}, {"kind", "ATTRIBUTE: the attribute (gender, birth, …)"}, {"value", "ATTRIBUTE: its value"},
	}},
	{Label: MigrationLabel, Key: "version", Rule: "migration version", Props: []Property{
		{"version", ""}, {"name", ""}, {"checksum", "sha256 of the migration's statements"}, {"applied_at", ""},
	}},
}

// holdsProps are HOLDS' properties beyond the common fact ones.
var holdsProps = []Property{
	{"start", "earliest dated appointment in the evidence (ISO)"},
	{"end", "latest dated removal in the evidence (ISO)"},
	{"appointed", "true when some evidence reports an appointment (dated or not)"},
	{"removed", "true when some evidence reports a removal (dated or not)"},
	{"acting", "true for an acting holding (代理, 代): a fact of its own, key suffix #acting"},
	{"executive", "true for an executive one (常务): key suffix #executive"},
}

// Relationships lists every relationship type of the model.
var Relationships = []RelationshipType{
	{Type: Holds, Fact: true, Doc: "a person holds a post", Endpoints: []Endpoint{{Person, Post}}, Props: holdsProps},
	{Type: Chaired, Fact: true, Doc: "a person chaired an event", Endpoints: []Endpoint{{Person, Event}}},
	{Type: SpokeAt, Fact: true, Doc: "a person spoke at an event", Endpoints: []Endpoint{{Person, Event}}},
	{Type: Attended, Fact: true, Doc: "a person attended an event", Endpoints: []Endpoint{{Person, Event}}},
	{Type: Commended, Fact: true, Doc: "an event honoured a person or organisation", Endpoints: []Endpoint{{Event, Person}, {Event, Organization}},
		Props: []Property{{"honour", "the honour conferred"}}},
	{Type: Convened, Fact: true, Doc: "an organisation convened an event", Endpoints: []Endpoint{{Organization, Event}}},
	{Type: HeldIn, Fact: true, Doc: "an event took place in a place", Endpoints: []Endpoint{{Event, Place}}},
	{Type: PartOf, Fact: true, Doc: "a place lies in a place; an organisation belongs to one", Endpoints: []Endpoint{{Place, Place}, {Organization, Organization}}},
	{Type: PostOf, Fact: true, Doc: "a post belongs to an organisation", Endpoints: []Endpoint{{Post, Organization}}},
	{Type: Mentions, Doc: "the report names the entity; starts/ends/texts are the spans", Endpoints: []Endpoint{
		{Report, Person}, {Report, Post}, {Report, Organization}, {Report, Place}, {Report, Event},
	}, Props: []Property{{"starts", "rune offsets of the mentions"}, {"ends", ""}, {"texts", ""}}},
	{Type: HasEvidence, Doc: "the report supports a fact with this evidence", Endpoints: []Endpoint{{Report, Evidence}}},
	{Type: SamePerson, Doc: "kg takes the two Person nodes for one human (derived by the identity resolution, not stated by a report)", Endpoints: []Endpoint{{Person, Person}},
		Props: []Property{{"rule", "same-office, profile, hierarchy"}, {"reason", "why, in words: the office both hold, the profile both have, the place above"},
			{"post", "same-office: the key of the office"}, {"reports", "ids of reports that support the link, sorted: the first 10 of each side"}}},
}

// Node returns the description of a label.
func Node(l Label) (NodeType, bool) {
	for _, n := range Nodes {
		if n.Label == l {
			return n, true
		}
	}
	return NodeType{}, false
}

// Relationship returns the description of a relationship type.
func Relationship(t RelType) (RelationshipType, bool) {
	for _, r := range Relationships {
		if r.Type == t {
			return r, true
		}
	}
	return RelationshipType{}, false
}

// IsEntity reports whether l is a knowledge-node label.
func IsEntity(l Label) bool {
	n, ok := Node(l)
	return ok && n.Entity
}

// FactTypes returns the fact relationship types, in model order.
func FactTypes() []RelType {
	var ts []RelType
	for _, r := range Relationships {
		if r.Fact {
			ts = append(ts, r.Type)
		}
	}
	return ts
}

// Allowed reports whether a relationship of type t may join from to to.
func Allowed(t RelType, from, to Label) bool {
	r, ok := Relationship(t)
	if !ok {
		return false
	}
	for _, e := range r.Endpoints {
		if e.From == from && e.To == to {
			return true
		}
	}
	return false
}

// Describe prints the model as text: labels with keys and properties,
// relationships with endpoints, and the migrations.
func Describe() string {
	var b strings.Builder
	b.WriteString("Nodes\n")
	for _, n := range Nodes {
		fmt.Fprintf(&b, "  (:%s) key %s — %s\n", n.Label, n.Key, n.Rule)
		for _, p := range n.Props {
			if p.Name == n.Key {
				continue
			}
			describeProp(&b, "      ", p)
		}
	}
	b.WriteString("\nRelationships\n")
	b.WriteString("  every fact relationship carries:\n")
	for _, p := range factProps {
		describeProp(&b, "      ", p)
	}
	for _, r := range Relationships {
		eps := make([]string, len(r.Endpoints))
		for i, e := range r.Endpoints {
			eps[i] = e.String()
		}
		kind := "provenance"
		if r.Fact {
			kind = "fact"
		}
		fmt.Fprintf(&b, "  [:%s] %s — %s (%s)\n", r.Type, strings.Join(eps, " | "), r.Doc, kind)
		for _, p := range r.Props {
			describeProp(&b, "      ", p)
		}
	}
	b.WriteString("\nMigrations\n")
	for _, m := range Migrations {
		fmt.Fprintf(&b, "  V%d %s (checksum %s)\n", m.Version, m.Name, m.Checksum()[:12])
		objs := append([]Object(nil), m.Objects...)
		sort.SliceStable(objs, func(i, j int) bool { return objs[i].Kind < objs[j].Kind })
		for _, o := range objs {
			fmt.Fprintf(&b, "      %s\n", o.Statement())
		}
	}
	return b.String()
}

func describeProp(b *strings.Builder, indent string, p Property) {
	if p.Doc == "" {
		fmt.Fprintf(b, "%s.%s\n", indent, p.Name)
		return
	}
	fmt.Fprintf(b, "%s.%s — %s\n", indent, p.Name, p.Doc)
}
