// Package extract is the recognition and relation stage of kg's pipeline:
// from a normalised, segmented Document it finds persons, their posts (title
// chains canonicalised against the report's jurisdiction), places, events
// and dates, and the relations between them (HOLDS with appointment start or
// removal end, CHAIRED, SPOKE_AT, ATTENDED, COMMENDED, HELD_IN), each with
// evidence.
//
// The rules are general patterns of the genre (title chain + name, name +
// remark verb, 任命…为…, 授予…称号…); the words they read are lexicon data
// (package lexicon), not Go literals.
package extract

import (
	"sort"
	"unicode"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// WordChecker tells whether a string is a dictionary word (gse); nil is fine.
type WordChecker interface {
	Known(word string) (freq float64, pos string, ok bool)
}

// Extractor is the stage. It is safe for concurrent use.
type Extractor struct {
	lx    *lexicon.Lexicon
	words WordChecker

	chaired, spoke, remark, attended *lexicon.Trie
	boundary, byline, doctrine       *lexicon.Trie
	leader, appoint, remove, honour  *lexicon.Trie
	personNoun                       *lexicon.Trie
	eventSuffix, eventVerb, activity *lexicon.Trie
	cut                              *lexicon.Trie
	timePrefix, daypart, eventFollow *lexicon.Trie
	studied, placeFollow             *lexicon.Trie
	placeBefore, barePlaceFollow     *lexicon.Trie
	honoreeOrgEnd, pronoun           *lexicon.Trie
	commendLight                     *lexicon.Trie
	voteQualifier, groupNoun         *lexicon.Trie
	honoreeList                      *lexicon.Trie
	collective                       map[rune]bool
	notInName                        map[rune]bool
	suffixes                         *lexicon.Trie
	shortPlaces                      []string // short forms of places (达旗), sorted
	minNameScore                     float32  // the recogniser's margin a name needs
	surname1                         map[rune]bool
	surname2                         map[[2]rune]bool
}

// New builds the stage from the lexicon.
func New(lx *lexicon.Lexicon, words WordChecker) *Extractor {
	e := &Extractor{lx: lx, words: words,
		chaired: lx.Cue("chaired"), spoke: lx.Cue("spoke"), remark: lx.Cue("remark"),
		attended: lx.Cue("attended"), boundary: lx.Cue("boundary"), byline: lx.Cue("byline"),
		doctrine: lx.Cue("doctrine"), leader: lx.Cue("leader"), personNoun: lx.Cue("person_noun"), appoint: lx.Cue("appoint"),
		remove: lx.Cue("remove"), honour: lx.Cue("honour"), eventSuffix: lx.Cue("event_suffix"),
		eventVerb: lx.Cue("event_verb"), activity: lx.Cue("activity"), cut: lx.Cue("cut"),
		notInName: map[rune]bool{}, suffixes: lexicon.NewTrie(),
		timePrefix: lx.Cue("time_prefix"), daypart: lx.Cue("daypart"), eventFollow: lx.Cue("event_follow"),
		studied: lx.Cue("studied"), placeFollow: lx.Cue("place_follow"),
		placeBefore: lx.Cue("place_before"), barePlaceFollow: lx.Cue("bare_place_follow"),
		honoreeOrgEnd: lx.Cue("honoree_org_end"), pronoun: lx.Cue("pronoun"),
		commendLight: lx.Cue("commend_light_verb"), voteQualifier: lx.Cue("vote_qualifier"), honoreeList: lx.Cue("honoree_list"), groupNoun: lx.Cue("group_noun"), collective: map[rune]bool{},
	}
	for _, w := range lx.Cue("collective").Words() {
		for _, r := range w {
			e.collective[r] = true
		}
	}
	for _, w := range lx.Cue("not_in_name").Words() {
		for _, r := range w {
			e.notInName[r] = true
		}
	}
	for _, s := range lx.PlaceSuffix {
		e.suffixes.Add(s, s)
	}
	for short, full := range lx.Places {
		if short != full {
			e.shortPlaces = append(e.shortPlaces, short)
		}
	}
	sort.Strings(e.shortPlaces)
	e.surname1, e.surname2 = map[rune]bool{}, map[[2]rune]bool{}
	for s := range lx.Surnames {
		switch rs := []rune(s); len(rs) {
		case 1:
			e.surname1[rs[0]] = true
		case 2:
			e.surname2[[2]rune{rs[0], rs[1]}] = true
		}
	}
	return e
}

// Name implements the pipeline stage interface.
func (e *Extractor) Name() string { return "extract" }

// Needs and Provides declare the stage's layers: the recogniser's names are
// read where present (a pipeline without them falls back to the rules).
func (e *Extractor) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerTokens}
}
func (e *Extractor) Provides() []doc.Layer { return []doc.Layer{doc.LayerFacts} }

// Process runs every recogniser and relation rule over the document.
func (e *Extractor) Process(d *doc.Document) error {
	s := newState(e, d)
	s.findDates()
	s.findJurisdiction()
	s.findPlaces()
	s.findBarePlaces()
	s.findPersonsAndPosts()
	s.findAppointments()
	s.findLooseNames()
	s.findRecognisedNames()
	s.expandNames()
	s.nameRuns()
	s.findEvents()
	s.findCommendations()
	s.findRoles()
	s.build()
	return nil
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isPunct reports whether r ends a clause or a list item.
func isPunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '。', '、', '，', '；', '：', '！', '？', '(', ')', '“', '”', '‘', '’',
		'《', '》', '【', '】', '[', ']', '"', '\'', ' ', '\n', '\t', '—', '…', '·', '/', '|', '<', '>':
		return true
	}
	return false
}

// isClauseEnd reports whether r ends a clause (but not a list item).
func isClauseEnd(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', '。', '；', '！', '？', '\n':
		return true
	}
	return false
}

// isSentenceEnd reports whether r ends a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '!', '?', '！', '？', '\n':
		return true
	}
	return false
}
