package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// ObjectKind tells a constraint from an index.
type ObjectKind string

const (
	ConstraintObject ObjectKind = "constraint"
	IndexObject      ObjectKind = "index"
)

// Values of the "type" and "entityType" columns of SHOW CONSTRAINTS / SHOW INDEXES.
const (
	TypeUniqueness    = "UNIQUENESS"
	TypeRelUniqueness = "RELATIONSHIP_UNIQUENESS"
	TypeRange         = "RANGE"
	TypeFulltext      = "FULLTEXT"

	EntityNode         = "NODE"
	EntityRelationship = "RELATIONSHIP"
)

// Object is one named constraint or index, described the way SHOW
// CONSTRAINTS / SHOW INDEXES list it, so that the live database can be
// compared with it.
type Object struct {
	Kind          ObjectKind
	Name          string
	Type          string   // TypeUniqueness, TypeRelUniqueness, TypeRange, TypeFulltext
	Entity        string   // EntityNode or EntityRelationship
	LabelsOrTypes []string // labels (nodes) or relationship types
	Properties    []string
	Analyzer      string // full-text indexes: the analyzer
}

// Quote returns a label, relationship type or property name as a Cypher
// identifier: as it is when it is a plain identifier, else backticked with
// backticks doubled.
func Quote(name string) string {
	plain := name != ""
	for i, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// Statement returns the idempotent Cypher that creates the object.
func (o Object) Statement() string {
	v := "n"
	if o.Entity == EntityRelationship {
		v = "r"
	}
	quoted := make([]string, len(o.LabelsOrTypes))
	for i, l := range o.LabelsOrTypes {
		quoted[i] = Quote(l)
	}
	pattern := fmt.Sprintf("(%s:%s)", v, strings.Join(quoted, "|"))
	if o.Entity == EntityRelationship {
		pattern = fmt.Sprintf("()-[%s:%s]-()", v, strings.Join(quoted, "|"))
	}
	props := make([]string, len(o.Properties))
	for i, p := range o.Properties {
		props[i] = v + "." + Quote(p)
	}
	switch {
	case o.Kind == ConstraintObject:
		return fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR %s REQUIRE %s IS UNIQUE",
			Quote(o.Name), pattern, joinProps(props))
	case o.Type == TypeFulltext:
		s := fmt.Sprintf("CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR %s ON EACH [%s]",
			Quote(o.Name), pattern, strings.Join(props, ", "))
		if o.Analyzer != "" {
			s += fmt.Sprintf(" OPTIONS {indexConfig: {`fulltext.analyzer`: '%s'}}", o.Analyzer)
		}
		return s
	default:
		return fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR %s ON (%s)",
			Quote(o.Name), pattern, strings.Join(props, ", "))
	}
}

func joinProps(props []string) string {
	if len(props) == 1 {
		return props[0]
	}
	return "(" + strings.Join(props, ", ") + ")"
}

// Definition is a one-line description for messages: "UNIQUENESS NODE :Person(key)".
func (o Object) Definition() string {
	return fmt.Sprintf("%s %s :%s(%s)", o.Type, o.Entity,
		strings.Join(o.LabelsOrTypes, "|"), strings.Join(o.Properties, ", "))
}

// sameDefinition compares what the database can tell of two objects.
func (o Object) sameDefinition(p Object) bool {
	return o.Type == p.Type && o.Entity == p.Entity &&
		sameSet(o.LabelsOrTypes, p.LabelsOrTypes) && equal(o.Properties, p.Properties) &&
		(o.Analyzer == "" || p.Analyzer == "" || o.Analyzer == p.Analyzer)
}

func sameSet(a, b []string) bool {
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return equal(x, y)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Migration is one named, versioned step of the schema, applied once and
// recorded as (:__KgMigration {version, name, checksum}). Every statement is
// idempotent (IF NOT EXISTS), so a migration interrupted half-way can simply
// be applied again. A migration must never change once released: add a new
// one instead (the checksum catches edits).
type Migration struct {
	Version int
	Name    string
	Objects []Object
	// Data are statements that change existing data, run after the
	// objects. Each must be idempotent and batched: it changes at most a
	// bounded number of entities per run and returns one row with one
	// column, how many it changed; it is run until that is 0.
	Data []string
	// Steps name data steps that Cypher alone cannot do (they need kg's
	// own rules, such as the office parser), run after Data by graph,
	// which implements each under its name: idempotent and batched too.
	Steps []string
}

// Statements returns the migration's Cypher, in order: the objects', then
// the data steps.
func (m Migration) Statements() []string {
	s := make([]string, 0, len(m.Objects)+len(m.Data)+len(m.Steps))
	for _, o := range m.Objects {
		s = append(s, o.Statement())
	}
	s = append(s, m.Data...)
	for _, st := range m.Steps {
		s = append(s, "step "+st)
	}
	return s
}

// Checksum is the sha256 (hex) of the migration's statements.
func (m Migration) Checksum() string {
	h := sha256.New()
	for _, s := range m.Statements() {
		h.Write([]byte(s))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (m Migration) String() string { return fmt.Sprintf("V%d %s", m.Version, m.Name) }

func nodeUnique(name string, l Label, prop string) Object {
	return Object{Kind: ConstraintObject, Name: name, Type: TypeUniqueness, Entity: EntityNode,
		LabelsOrTypes: []string{string(l)}, Properties: []string{prop}}
}

func relUnique(name string, t RelType, prop string) Object {
	return Object{Kind: ConstraintObject, Name: name, Type: TypeRelUniqueness, Entity: EntityRelationship,
		LabelsOrTypes: []string{string(t)}, Properties: []string{prop}}
}

func nodeIndex(name string, l Label, prop string) Object {
	return Object{Kind: IndexObject, Name: name, Type: TypeRange, Entity: EntityNode,
		LabelsOrTypes: []string{string(l)}, Properties: []string{prop}}
}

func factKeyConstraints() []Object {
	var objs []Object
	for _, t := range FactTypes() {
		objs = append(objs, relUnique(strings.ToLower(string(t))+"_fact", t, FactKey))
	}
	return objs
}

func nameSearchLabels() []string {
	var ls []string
	for _, l := range entityLabels {
		ls = append(ls, string(l))
	}
	return ls
}

// Migrations is the schema, in order. Append only.
var Migrations = []Migration{
	{Version: 1, Name: "node keys", Objects: []Object{
		nodeUnique("kg_migration_version", MigrationLabel, "version"),
		nodeUnique("report_id", Report, ReportKey),
		nodeUnique("person_key", Person, EntityKey),
		nodeUnique("post_key", Post, EntityKey),
		nodeUnique("organization_key", Organization, EntityKey),
		nodeUnique("place_key", Place, EntityKey),
		nodeUnique("event_key", Event, EntityKey),
		nodeUnique("evidence_key", Evidence, EntityKey),
	}},
	{Version: 2, Name: "fact keys", Objects: factKeyConstraints()},
	{Version: 3, Name: "lookup indexes", Objects: []Object{
		nodeIndex("person_name", Person, "name"),
		nodeIndex("post_name", Post, "name"),
		nodeIndex("organization_name", Organization, "name"),
		nodeIndex("place_name", Place, "name"),
		nodeIndex("event_name", Event, "name"),
		nodeIndex("event_date", Event, "date"),
		nodeIndex("report_date", Report, "date"),
		nodeIndex("evidence_fact", Evidence, FactKey),
		nodeIndex("evidence_report", Evidence, "report"),
	}},
	{Version: 4, Name: "name search", Objects: []Object{
		{Kind: IndexObject, Name: "entity_name_search", Type: TypeFulltext, Entity: EntityNode,
			LabelsOrTypes: nameSearchLabels(), Properties: []string{"name"}, Analyzer: "cjk"},
	}},
	{Version: 5, Name: "fact report counts", Data: reportCounts()},
	// Posts keyed by their office (graph/office.go): re-key every Post,
	// merge those that name one office (moving their mentions, facts and
	// evidence), drop those that name none, qualify HOLDS (acting,
	// executive), and date undated reports by their events.
	{Version: 6, Name: "office keys", Steps: []string{StepOfficeKeys, StepReportEventDates}},
	// Person identities (graph/identity.go): every Person gets its
	// identity, SAME_PERSON links and attribute properties; the index finds
	// the nodes of one identity.
	{Version: 7, Name: "person identities", Objects: []Object{nodeIndex("person_identity", Person, "identity")},
		Steps: []string{StepPersonIdentities}},
}

// Named data steps (Migration.Steps).
const (
	StepOfficeKeys       = "office keys"
	StepReportEventDates = "report event dates"
	StepPersonIdentities = "person identities"
)

// reportCounts turns the "reports" of facts written before V5 — the sorted
// list of the supporting reports' ids, rewritten by every batch that added
// to it, and so as costly as the fact was popular — into their number.
func reportCounts() []string {
	var s []string
	for _, t := range FactTypes() {
		s = append(s, fmt.Sprintf(`MATCH ()-[f:%s]->() WHERE f.reports IS :: LIST<ANY>
WITH f LIMIT 10000
SET f.reports = size(f.reports)
RETURN count(f) AS changed`, Quote(string(t))))
	}
	return s
}

// Expected returns every object the migrations create, in order.
func Expected() []Object {
	var objs []Object
	for _, m := range Migrations {
		objs = append(objs, m.Objects...)
	}
	return objs
}

// LiveObject is one row of SHOW CONSTRAINTS or SHOW INDEXES.
type LiveObject struct {
	Object
	State string // indexes: ONLINE, POPULATING, FAILED
}

// Applied is one recorded (:__KgMigration).
type Applied struct {
	Version  int
	Name     string
	Checksum string
}

// Live is what the database reports of its schema.
type Live struct {
	Constraints []LiveObject
	Indexes     []LiveObject
	Migrations  []Applied
}

// Problem is one way the live schema falls short of the model.
type Problem struct {
	Object string // the constraint, index or migration concerned
	What   string
}

func (p Problem) String() string { return p.Object + ": " + p.What }

// Check compares the live schema with the migrations and returns what is
// missing or different; none means the database is up to date. An object
// that exists under another name with the same definition counts as present
// (CREATE … IF NOT EXISTS would not create ours beside it).
func Check(live Live) []Problem {
	var probs []Problem
	for _, want := range Expected() {
		pool := live.Indexes
		if want.Kind == ConstraintObject {
			pool = live.Constraints
		}
		label := fmt.Sprintf("%s %s (%s)", want.Kind, want.Name, want.Definition())
		got, found := findObject(pool, want)
		switch {
		case !found:
			probs = append(probs, Problem{label, "missing"})
		case !got.sameDefinition(want):
			probs = append(probs, Problem{label, "exists with another definition: " + got.Definition()})
		case want.Kind == IndexObject && got.State != "" && got.State != "ONLINE":
			probs = append(probs, Problem{label, "not online (" + got.State + ")"})
		}
	}
	applied := map[int]Applied{}
	for _, a := range live.Migrations {
		applied[a.Version] = a
	}
	for _, m := range Migrations {
		a, ok := applied[m.Version]
		switch {
		case !ok:
			probs = append(probs, Problem{"migration " + m.String(), "not applied"})
		case a.Checksum != m.Checksum():
			probs = append(probs, Problem{"migration " + m.String(),
				fmt.Sprintf("applied with checksum %s, kg has %s", short(a.Checksum), short(m.Checksum()))})
		}
	}
	return probs
}

func findObject(pool []LiveObject, want Object) (LiveObject, bool) {
	for _, o := range pool {
		if o.Name == want.Name {
			return o, true
		}
	}
	for _, o := range pool {
		if o.sameDefinition(want) {
			return o, true
		}
	}
	return LiveObject{}, false
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}
