// Package events is the events stage: it finds the events a report
// describes (the Events layer): named ones (召开2021年度武装工作会议;
// 全县安全生产工作会议在县政府四楼会议室召开) with their date, place and
// convener, and activities named by their verb (会见, 调研, 看望慰问) that
// persons or leaders carry out.
//
// Lexicon: the cue sections event_verb, event_suffix, event_follow,
// time_prefix, studied, part_of_event, activity, session_act, commendation_act,
// honour_word (and the lexicon's activity kinds); it
// reads leader (a leader carries out an activity) and the shared daypart.
//
// Rules: events.named (VERB NAME: 召开…会议), events.named-held (NAME 在
// PLACE VERB: …会议在…召开), events.activity (an activity verb with an
// actor), events.session-act (a numbered session named as the subject of
// what it decides), events.commendation (a commendation without a
// gathering).
package events

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Rule ids.
const (
	RuleNamed     = "events.named"
	RuleNamedHeld = "events.named-held"
	RuleActivity  = "events.activity"
)

// Stage is the events stage.
type Stage struct {
	lx *text.Lexicon

	eventSuffix, eventVerb, activity *lexicon.Trie
	partOfEvent                      *lexicon.Trie
	timePrefix, eventFollow, studied *lexicon.Trie
	leader                           *lexicon.Trie
	commendAct, honourWord           *lexicon.Trie
	sessionAct                       *lexicon.Trie
}

// New builds the stage from the lexicon.
func New(lx *text.Lexicon) *Stage {
	return &Stage{lx: lx,
		eventSuffix: lx.Cue("event_suffix"), eventVerb: lx.Cue("event_verb"), activity: lx.Cue("activity"), partOfEvent: lx.Cue("part_of_event"),
		timePrefix: lx.Cue("time_prefix"), eventFollow: lx.Cue("event_follow"), studied: lx.Cue("studied"),
		leader: lx.Cue("leader"), commendAct: lx.Cue("commendation_act"), honourWord: lx.Cue("honour_word"),
		sessionAct: lx.Cue("session_act")}
}

// Name implements the pipeline stage interface.
func (*Stage) Name() string { return "events" }

// Needs and Provides declare the stage's layers.
func (*Stage) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerDates, doc.LayerReportJurisdiction, doc.LayerPlaces, doc.LayerPersons}
}
func (*Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerEvents} }

// Process fills d.Events.
func (st *Stage) Process(d *doc.Document) error {
	v := text.NewView(st.lx, d)
	s := &state{View: v, r: st, t: v.T, persons: text.NewPersons(d), p: posts.NewReader(v)}
	s.p.NameEndsAt = s.persons.EndsAt
	s.findEvents()
	d.Events = make([]doc.Event, len(s.events))
	for i, ev := range s.events {
		d.Events[i] = *ev
	}
	return nil
}

// state is the working memory of one Process call.
type state struct {
	*text.View
	r                    *Stage
	t                    []rune
	persons              *text.Persons
	p                    *posts.Reader
	events               []*doc.Event
	dateEnds, dateStarts map[int]int // dateAt, dateEndingAt
}

// For picks the event a sentence speaks of: one named in it, else the
// last one named before it, else the report's first (0, also when there
// is none).
func For(evs []doc.Event, sent doc.Span) int {
	best := -1
	for i, ev := range evs {
		if ev.Sentence == sent {
			return i
		}
		if ev.Span.Start < sent.Start && (best < 0 || evs[best].Span.Start < ev.Span.Start) {
			best = i
		}
	}
	if best < 0 {
		best = 0
	}
	return best
}
