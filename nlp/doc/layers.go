package doc

// The typed layers of the extraction stages. Each stage reads the layers it
// needs and adds its own; no other state passes between them. Every fact
// carries the id of the rule (or model) that produced it: a short stable
// string such as "posts.chain" (docs/extraction.md lists them).

// Layers of the extraction stages, in the order the standard pipeline adds
// them (LayerFacts, in doc.go, is the last: Mentions, Entities, Relations).
const (
	LayerDates Layer = "dates" // Dates
	// LayerJurisdiction is Meta.Jurisdiction as a gazetteer stage before the
	// extraction stages finds it (nlp/jurisdiction), where there is one.
	LayerJurisdiction Layer = "jurisdiction"
	// LayerReportJurisdiction is Meta.Jurisdiction settled: the input's or
	// an earlier stage's, else found in the text by the suffix rules of
	// the places stage (places.Jurisdiction). Later stages need this one.
	LayerReportJurisdiction Layer = "report-jurisdiction"
	LayerPlaces             Layer = "places"     // Places
	LayerPersons            Layer = "persons"    // Persons and PersonMentions
	LayerHolds              Layer = "holds"      // Holds
	LayerEvents             Layer = "events"     // Events
	LayerHonours            Layer = "honours"    // Honours
	LayerRoles              Layer = "roles"      // Roles
	LayerAttributes         Layer = "attributes" // Attributes
)

// DateMention is a date expression of the text, resolved against the
// report's date.
type DateMention struct {
	Span
	ISO   string // YYYY-MM-DD, or "" when the year is unknown
	Month int    // as written (0 when not)
	Day   int    // as written (0 when not)
	Rule  string
	// Written says the year is written (2024年3月5日, 2024-03-05), not
	// taken from the report's date.
	Written bool
}

// PlaceMention is a span of Text naming an administrative division.
type PlaceMention struct {
	Span
	Name  string // full name (漳州 → 漳州市)
	Level string // its division suffix (市, 县, 镇 …)
	Rule  string
}

// Person is one individual named in the report.
type Person struct {
	Name     string
	First    int    // offset of the first mention, for output order
	Mentions []Span // spans of Text, in the order found
	Rule     string // the rule that found the first mention
}

// PersonMention is one mention of a person, in the order mentions were
// found (later stages rebuild their index of mentions from it).
type PersonMention struct {
	Span
	Name string
	Rule string
}

// Hold says that a person holds (or held) a post, with its evidence.
type Hold struct {
	Person   string
	Post     string // canonical post
	Title    string // the bare title
	Org      string // the organisation as written in Post, or ""
	Evidence Span   // the sentence
	// Start and End are set when an appointment begins or a removal ends
	// the post: an ISO date, or "" when undated.
	Start, End *string
	// DatedHere: the start or end date was read in the holding's own
	// sentence (not carried from an earlier one).
	DatedHere bool
	Rule      string
}

// Event is an event the report describes.
type Event struct {
	Name, Kind, Date string
	Place            string // full place name or a venue, or ""
	Convener         string // the organisation that convened it, or ""
	Span             Span   // the name's span
	Sentence         Span   // its sentence
	Named            bool   // named in the text (vs an activity verb)
	Rule             string
}

// Role gives a person a role (CHAIRED, SPOKE_AT, ATTENDED) at an event.
type Role struct {
	Person   string
	Role     string // relation type
	Event    int    // index into Document.Events
	Evidence Span   // the sentence
	Rule     string
}

// Honour says that an event commends a person or an organisation.
type Honour struct {
	Event    int // index into Document.Events
	Name     string
	IsPerson bool
	Honour   string
	Evidence Span // the sentence
	Rule     string
}

// Attribute kinds: what a profile (任免 notice, 任前公示, a biography) says
// of a person.
const (
	AttrGender     = "gender"       // 男, 女
	AttrEthnicity  = "ethnicity"    // 汉族, 蒙古族 …
	AttrBirth      = "birth"        // YYYY-MM or YYYY
	AttrNative     = "native_place" // 籍贯, as written (四川仁寿)
	AttrEducation  = "education"    // 学历 (研究生学历, 大学文化)
	AttrDegree     = "degree"       // 学位 (管理学博士学位)
	AttrParty      = "party"        // 中共党员, 民盟盟员, 无党派人士 …
	AttrPartySince = "party_since"  // YYYY-MM (1995年6月入党)
	AttrWorkSince  = "work_since"   // YYYY-MM (1996年7月参加工作)
)

// Attribute is a biographical fact that the text states of a person:
// "柳明远,男,汉族,1975年3月生,四川仁寿人,…".
type Attribute struct {
	Person   string
	Kind     string // Attr*
	Value    string // normalised (1975年3月生 → 1975-03)
	Span     Span   // the item
	Evidence Span   // the sentence
	Rule     string
}
