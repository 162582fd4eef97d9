// Package places is the places and jurisdiction stage: it finds the
// administrative divisions a report names (the Places layer) and, when the
// input gave none, the report's jurisdiction (Meta.Jurisdiction, the
// Jurisdiction layer), and answers the later stages' questions about place
// names (SuffixOf, Bad, IsSuffixRune).
//
// Lexicon: places.txt (divisions, short forms, suffixes, not_place_suffix,
// not_place_word, not_a_place, bare), orgs.txt (what follows an unknown
// county-level name), and the cue sections place_follow, place_before,
// bare_place_follow; it reads event_verb, activity and appoint (of the
// events and persons stages) where they end or interrupt a place name.
//
// Rules: places.division (a division with its suffix), places.short (a
// short form of places.txt: 达旗), places.bare (a place written without its
// suffix after 在, 赴, 到 …), jurisdiction.level (the division of the level
// the report speaks from, named most often).
package places

import (
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Rule ids.
const (
	RuleDivision     = "places.division"
	RuleShort        = "places.short"
	RuleBare         = "places.bare"
	RuleJurisdiction = "jurisdiction.level"
)

// Rules are the lexicon sections the place rules read, built once.
type Rules struct {
	lx                           *text.Lexicon
	suffixes                     *lexicon.Trie
	shortPlaces                  []string // short forms of places (达旗), sorted
	placeFollow, placeBefore     *lexicon.Trie
	barePlaceFollow              *lexicon.Trie
	eventVerb, activity, appoint *lexicon.Trie
	abbrevs                      *lexicon.Trie // the gazetteer's abbreviations (达旗)
}

// NewRules reads the lexicon.
func NewRules(lx *text.Lexicon) *Rules {
	r := &Rules{lx: lx, suffixes: lexicon.NewTrie(),
		placeFollow: lx.Cue("place_follow"), placeBefore: lx.Cue("place_before"),
		barePlaceFollow: lx.Cue("bare_place_follow"),
		eventVerb:       lx.Cue("event_verb"), activity: lx.Cue("activity"), appoint: lx.Cue("appoint")}
	for _, s := range lx.PlaceSuffix {
		r.suffixes.Add(s, s)
	}
	for short, full := range lx.Places {
		if short != full {
			r.shortPlaces = append(r.shortPlaces, short)
		}
	}
	sort.Strings(r.shortPlaces)
	r.abbrevs = lexicon.NewTrie()
	if g := lx.Gazetteer; g != nil {
		g.All(func(d *gazetteer.Division) bool {
			for _, a := range d.Abbrev {
				r.abbrevs.Add(a, a)
			}
			return true
		})
	}
	return r
}

// Places is the stage that fills the Places layer.
type Places struct{ *Rules }

// Name implements the pipeline stage interface.
func (Places) Name() string { return "places" }

// Needs and Provides declare the stage's layers.
func (Places) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerText, doc.LayerTokens}
}
func (Places) Provides() []doc.Layer { return []doc.Layer{doc.LayerPlaces} }

// Process fills d.Places: every division named with its suffix or in a
// short form, then those written bare where the text uses them as places.
func (p Places) Process(d *doc.Document) error {
	s := p.newState(d)
	s.findPlaces()
	s.findBarePlaces()
	d.Places = s.places
	return nil
}

// Jurisdiction is the stage that finds the report's jurisdiction in the
// text when the input (or an earlier stage) gave none.
type Jurisdiction struct{ *Rules }

// Name implements the pipeline stage interface.
func (Jurisdiction) Name() string { return "jurisdiction" }

// Needs and Provides declare the stage's layers.
func (Jurisdiction) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerText, doc.LayerTokens}
}
func (Jurisdiction) Provides() []doc.Layer { return []doc.Layer{doc.LayerReportJurisdiction} }

// Process fills d.Meta.Jurisdiction, unless it is set.
func (j Jurisdiction) Process(d *doc.Document) error {
	if d.Meta.Jurisdiction != "" && !d.Meta.JurisdictionFromText {
		return nil // the input's
	}
	s := j.newState(d)
	if d.Meta.Jurisdiction == "" {
		d.Meta.Jurisdiction = s.findJurisdiction()
	}
	// the division read so far, unless the report speaks from a town,
	// street, community or village its headline opens with (GUIDELINES:
	// the lowest level a report speaks from)
	if lower := s.headlineSubject(); lower != "" {
		d.Meta.Jurisdiction = lower
	}
	d.Meta.JurisdictionFromText = d.Meta.Jurisdiction != ""
	return nil
}

// state is the working memory of one Process call.
type state struct {
	*text.View
	r      *Rules
	t      []rune
	places []doc.PlaceMention
}

func (r *Rules) newState(d *doc.Document) *state {
	v := text.NewView(r.lx, d)
	return &state{View: v, r: r, t: v.T}
}

func (s *state) mention(name string, sp doc.Span, rule string) doc.PlaceMention {
	return doc.PlaceMention{Span: sp, Name: name, Level: s.suffixOf(name), Rule: rule}
}

func (s *state) badPlace(name string) bool { return Bad(s.Lexicon.Lexicon, name) }

func (s *state) isSuffixRune(r rune) bool { return IsSuffixRune(r) }

// Bad rejects names that end like a division but are zones or parts of
// organisations (经济技术开发区, 高新区, 警备区), or are only a suffix or a
// generic word (自治区, 城区, 社区).
func Bad(lx *lexicon.Lexicon, name string) bool {
	for _, w := range lx.NotPlaceSuffix {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	for _, w := range lx.NotPlaceWord {
		if name == w {
			return true
		}
	}
	for _, suf := range lx.PlaceSuffix {
		if name == suf {
			return true
		}
	}
	return false
}

// IsSuffixRune reports whether r is a one-character division suffix.
func IsSuffixRune(r rune) bool {
	switch r {
	case '省', '市', '区', '县', '旗', '州', '盟', '镇', '乡', '村':
		return true
	}
	return false
}
