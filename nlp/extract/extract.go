// Package extract is the recognition and relation part of kg's pipeline:
// from a normalised, segmented Document it finds dates, places and the
// jurisdiction, persons and their posts (title chains canonicalised against
// the report's jurisdiction, appointments and removals), events,
// commendations and roles, and writes the relations between them (HOLDS
// with appointment start or removal end, CHAIRED, SPOKE_AT, ATTENDED,
// COMMENDED, HELD_IN, CONVENED, POST_OF, PART_OF), each with evidence and
// the id of the rule that produced it.
//
// The work is done by stages, one package each, over the one Document:
//
//	dates → jurisdiction, places → persons (+ posts, appointments) → profiles → events → commendations → roles → output
//
// Each declares the layers it needs and provides (doc.Layer*); they pass
// nothing to each other but those typed layers. Packages text (the View
// over the Document and the shared lexicon sections), names (person names)
// and posts (title chains) are read by several stages.
//
// The rules are general patterns of the genre (title chain + name, name +
// remark verb, 任命…为…, 授予…称号…); the words they read are lexicon data
// (package lexicon), not Go literals.
package extract

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/commend"
	"github.com/kg-cn/kg/nlp/extract/dates"
	"github.com/kg-cn/kg/nlp/extract/events"
	"github.com/kg-cn/kg/nlp/extract/names"
	"github.com/kg-cn/kg/nlp/extract/output"
	"github.com/kg-cn/kg/nlp/extract/persons"
	"github.com/kg-cn/kg/nlp/extract/places"
	"github.com/kg-cn/kg/nlp/extract/profile"
	"github.com/kg-cn/kg/nlp/extract/roles"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// WordChecker tells whether a string is a dictionary word (gse); nil is fine.
type WordChecker = text.WordChecker

// Stage is one extraction stage (the pipeline's Stage interface).
type Stage interface {
	Name() string
	Needs() []doc.Layer
	Provides() []doc.Layer
	Process(d *doc.Document) error
}

// Stages builds the extraction stages from the lexicon, in pipeline order.
// They are safe for concurrent use.
func Stages(lx *lexicon.Lexicon, words WordChecker) []Stage {
	tl := text.NewLexicon(lx, words)
	pr := places.NewRules(tl)
	return []Stage{
		dates.Stage{},
		places.Jurisdiction{Rules: pr},
		places.Places{Rules: pr},
		persons.New(tl, names.NewRules(tl)),
		profile.New(tl),
		events.New(tl),
		commend.New(tl),
		roles.New(tl),
		output.New(tl),
	}
}
