// Package doc holds the types that flow through kg: the Document that the
// NLP stages annotate, and the Extraction (the in-between graph) that
// `kg extract` prints and the graph loader writes.
//
// It is a leaf package: it imports only the standard library, so every stage,
// the pipeline above them, the evaluator and the graph loader can share it.
package doc

// Meta describes one report.
type Meta struct {
	ID     string // report id: JSON Lines "id", or the file name without extension
	Source string // URL from a "# source:" line or JSON field, else the path read
	Title  string
	Date   string // ISO YYYY-MM-DD, "" when unknown; the pipeline may fill it from the text's date line
	// DateFromText says the pipeline read Date from the text's date line
	// (false: the input gave it, or there is none).
	DateFromText bool
	Jurisdiction string // hint from the input; the pipeline may fill it from the text
	// JurisdictionFromText says the pipeline read Jurisdiction from the
	// text (false: the input gave it, and it is kept as given).
	JurisdictionFromText bool
}

// Span is a half-open range [Start, End) of rune (code point) offsets.
type Span struct {
	Start, End int
}

// Len returns the number of runes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Document is one report as it passes through the pipeline. Raw is never
// changed; Text is the normalised, simplified text that the stages read, and
// Offsets maps every rune of Text back to Raw so that every annotation can be
// reported as a span of the original.
type Document struct {
	Meta Meta
	Raw  string // the report text as read (decoded to UTF-8, nothing else)

	Text    []rune  // normalised text
	Offsets Offsets // Text rune i came from Raw runes [Offsets.Start[i], Offsets.End[i])

	Sentences []Span  // over Text
	Tokens    []Token // over Text, in order
	Names     []Name  // over Text, in order: the learned recogniser's spans

	// the extraction stages' layers (layers.go)
	Dates          []DateMention
	Places         []PlaceMention
	Persons        []Person
	PersonMentions []PersonMention
	Holds          []Hold
	Events         []Event
	Honours        []Honour
	Roles          []Role
	Attributes     []Attribute

	Mentions  []Mention
	Entities  []Entity
	Relations []Relation
	Warnings  []string
}

// Offsets maps normalised runes back to raw runes.
type Offsets struct {
	Start []int // len(Text)
	End   []int // len(Text)
	Total int   // number of runes in Raw
}

// RawSpan maps a span of Text to the span of Raw it came from.
func (o Offsets) RawSpan(s Span) Span {
	if len(o.Start) == 0 || s.Start >= s.End {
		return Span{}
	}
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(o.Start) {
		s.End = len(o.Start)
	}
	if s.Start >= s.End {
		return Span{}
	}
	return Span{Start: o.Start[s.Start], End: o.End[s.End-1]}
}

// Token is one word from segmentation.
type Token struct {
	Span
	Pos string // part-of-speech tag (gse / ICTCLAS style: nr, ns, nt, v, …)
}

// MentionKind names what a mention refers to.
type MentionKind string

const (
	MentionPerson MentionKind = "Person"
	MentionPost   MentionKind = "Post"
	MentionOrg    MentionKind = "Organization"
	MentionPlace  MentionKind = "Place"
	MentionEvent  MentionKind = "Event"
	MentionDate   MentionKind = "Date"
)

// Mention is a span of Text recognised as naming something.
type Mention struct {
	Span
	Kind MentionKind
	Text string // surface text (normalised)
	Norm string // canonical form (a full name, canonical post, ISO date, …)
	Sent int    // index into Document.Sentences
}

// Layer names one kind of annotation a stage adds to a Document. Stages
// declare the layers they need and the ones they provide; the pipeline
// checks, when it is built, that every need is provided by an earlier stage.
type Layer string

// The layers of a Document, in the order the standard pipeline adds them.
const (
	LayerText      Layer = "text"      // Text and Offsets (normalisation)
	LayerSentences Layer = "sentences" // Sentences
	LayerTokens    Layer = "tokens"    // Tokens (segmentation)
	LayerNames     Layer = "names"     // Names (the learned recogniser)
	LayerFacts     Layer = "facts"     // Mentions, Entities, Relations (extraction)
)

// Name is a span that the learned recogniser labels as a person (PER), a
// title (TITLE), an organisation (ORG) or a place (LOC).
type Name struct {
	Span
	Label string
	Score float32 // the model's margin for the span (higher is surer)
}

// Name labels.
const (
	LabelPerson = "PER"
	LabelTitle  = "TITLE"
	LabelOrg    = "ORG"
	LabelPlace  = "LOC"
)
