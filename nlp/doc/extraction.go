package doc

// Entity types, as printed by `kg extract` (FORMAT.md).
const (
	TypePerson       = "Person"
	TypePost         = "Post"
	TypeOrganization = "Organization"
	TypePlace        = "Place"
	TypeEvent        = "Event"
)

// Relation types.
const (
	RelHolds     = "HOLDS"     // Person → Post
	RelChaired   = "CHAIRED"   // Person → Event
	RelSpokeAt   = "SPOKE_AT"  // Person → Event
	RelAttended  = "ATTENDED"  // Person → Event
	RelCommended = "COMMENDED" // Event → Person | Organization (honour)
	RelConvened  = "CONVENED"  // Organization → Event
	RelHeldIn    = "HELD_IN"   // Event → Place
	RelPartOf    = "PART_OF"   // Place → Place, Organization → Organization
	RelPostOf    = "POST_OF"   // Post → Organization
)

// Event kinds.
const (
	KindMeeting    = "meeting"
	KindCeremony   = "ceremony"
	KindInspection = "inspection"
	KindReception  = "reception"
	KindOther      = "other"
)

// Extraction is what the pipeline makes of one report: the in-between graph
// that `kg extract` prints as one JSON line and the loader writes to Neo4j.
type Extraction struct {
	Report    Report     `json:"report"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

// Report is the report's metadata as printed.
type Report struct {
	ID           string `json:"id"`
	Source       string `json:"source"`
	Title        string `json:"title"`
	Date         string `json:"date"`
	Jurisdiction string `json:"jurisdiction"`
	Hash         string `json:"hash,omitempty"` // sha256 of the raw text, hex
	Chars        int    `json:"chars,omitempty"`
	// Set by `kg extract --for-load` only, for `kg ingest --extracted` and
	// `kg export --extracted`: the raw text as read (what Hash is the sha256
	// of, what evidence offsets count into), the kg that extracted it and
	// the recogniser's model version (nlp/ner/data/MODEL.md).
	Text         string `json:"text,omitempty"`
	KGVersion    string `json:"kg_version,omitempty"`
	ModelVersion string `json:"model_version,omitempty"`
}

// Entity is a node of the in-between graph. Which fields are set depends on
// Type; IDs are local to one Extraction.
type Entity struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	Name   string `json:"name"`
	Kind   string `json:"kind,omitempty"`   // Event
	Title  string `json:"title,omitempty"`  // Post: the bare title (书记)
	Org    string `json:"org,omitempty"`    // Post: entity id of its Organization
	Date   string `json:"date,omitempty"`   // Event: ISO date
	Place  string `json:"place,omitempty"`  // Event: entity id of a Place
	Venue  string `json:"venue,omitempty"`  // Event: where it was held when that is no division (县政府四楼会议室)
	Parent string `json:"parent,omitempty"` // Place: entity id of the enclosing Place
	Level  string `json:"level,omitempty"`  // Place: 省, 市, 区, 县, 镇, …
	// Mentions are the spans of the raw text that name the entity.
	Mentions []Evidence `json:"mentions,omitempty"`
	// Attributes are what the text says of a Person: gender, ethnicity,
	// birth, native place, education, degree, party (doc.Attr*).
	Attributes []EntityAttribute `json:"attributes,omitempty"`
}

// EntityAttribute is one biographical fact of a Person, with its evidence
// (the item's span) and the rule that read it.
type EntityAttribute struct {
	Kind     string   `json:"kind"`
	Value    string   `json:"value"`
	Evidence Evidence `json:"evidence"`
	Rule     string   `json:"rule,omitempty"`
}

// Evidence is the span of the raw text that supports a fact.
type Evidence struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // rune offset into the raw report text
	End   int    `json:"end"`
}

// Relation is an edge of the in-between graph.
type Relation struct {
	Type     string   `json:"type"`
	From     string   `json:"from"`
	To       string   `json:"to"`
	Honour   string   `json:"honour,omitempty"` // COMMENDED
	Start    *string  `json:"start,omitempty"`  // HOLDS begun by an appointment: ISO date or ""
	End      *string  `json:"end,omitempty"`    // HOLDS ended by a removal: ISO date or ""
	Evidence Evidence `json:"evidence"`
	// Rule is the id of the rule (or model) that produced the fact
	// (docs/extraction.md lists them).
	Rule string `json:"rule,omitempty"`
}

// EntityByID returns the entity with the given id, or nil.
func (x *Extraction) EntityByID(id string) *Entity {
	for i := range x.Entities {
		if x.Entities[i].ID == id {
			return &x.Entities[i]
		}
	}
	return nil
}
