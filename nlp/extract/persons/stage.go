// Package persons is the persons and posts stage: it finds the persons a
// report names and the posts they hold (the Persons and Holds layers):
// title chains and the names they introduce (区委常委、副区长曲海富), names
// listed after collective words (市领导阎立、邹宏国), appointments and
// removals (任命…为…, 免去…职务), names that no title introduces (张三同志,
// 梁淑娟副主任, 钟义凡指出), the recogniser's names, later mentions of a known
// name, and unknown names listed with a known one.
//
// Lexicon: the cue sections leader, person_noun, collective, appoint,
// remove, present_post; it reads honour (a name may follow
// 授予) and the role verbs chaired, spoke, remark, attended (a name may
// open a clause before one). Names and posts are read with packages names
// and posts.
package persons

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/names"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Rule ids of person mentions.
const (
	RuleChainName   = "names.chain"      // a name after a title chain
	RuleCollective  = "names.collective" // a name after 市领导, 困难群众 …
	RuleAppointName = "names.appoint"    // the person of an appointment
	RuleLoose       = "names.loose"      // 张三同志, 梁淑娟副主任, 钟义凡指出
	RuleRecogniser  = "names.recogniser" // the learned recogniser's name
	RuleExpand      = "names.expand"     // a later mention of a known name
	RuleRun         = "names.run"        // listed with a known name
)

// Rule ids of holds.
const (
	RuleChain          = "posts.chain"       // the posts of the chain before the name
	RuleTitleAfter     = "posts.title-after" // a title right after the name (梁淑娟副主任)
	RuleAppointSubject = "appoint.subject"   // NAME(、NAME) VERB (为) POSTS
	RuleAppointObject  = "appoint.object"    // VERB NAME(、NAME) (为|的|辞去) POSTS
	RulePresent        = "appoint.present"   // NAME，男，汉族，…，现任 POSTS (a profile)
	RuleFormer         = "appoint.former"    // NAME(同志)此前任/曾任/原任 POSTS: held, no tenure
	RuleProfileAppoint = "appoint.profile"   // NAME，男，汉族，…，任 POSTS (a 任职公告)
	RuleAppointBlock   = "appoint.block"     // VERB：\nNAME为POSTS；\nNAME为POSTS。 (or the verb as a line's heading)
)

// Stage is the persons and posts stage.
type Stage struct {
	lx    *text.Lexicon
	names *names.Rules

	leader, personNoun, appoint, remove, honour *lexicon.Trie
	present                                     *lexicon.Trie
	chaired, spoke, remark, attended            *lexicon.Trie
	collective                                  map[rune]bool
}

// New builds the stage from the lexicon.
func New(lx *text.Lexicon, nr *names.Rules) *Stage {
	return &Stage{lx: lx, names: nr,
		leader: lx.Cue("leader"), personNoun: lx.Cue("person_noun"), appoint: lx.Cue("appoint"),
		remove: lx.Cue("remove"), honour: lx.Cue("honour"), present: lx.Cue("present_post"),
		chaired: lx.Cue("chaired"), spoke: lx.Cue("spoke"), remark: lx.Cue("remark"), attended: lx.Cue("attended"),
		collective: text.Runes(lx.Cue("collective"))}
}

// Name implements the pipeline stage interface.
func (*Stage) Name() string { return "persons" }

// Needs and Provides declare the stage's layers: the recogniser's names
// are read where present (a pipeline without them falls back to the rules).
func (*Stage) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerTokens, doc.LayerDates, doc.LayerReportJurisdiction, doc.LayerPlaces}
}
func (*Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerPersons, doc.LayerHolds} }

// Process fills d.Persons, d.PersonMentions and d.Holds.
func (st *Stage) Process(d *doc.Document) error {
	s := st.newState(d)
	s.findPersonsAndPosts()
	s.findAppointments()
	s.findRosters()
	s.findInlineRosters()
	s.findProfileNames()
	s.findPresentPosts()
	s.findProfileAppointments()
	s.findTableRows()
	s.findAppositions()
	s.findBracketPosts()
	s.findLooseNames()
	s.findRecognisedNames()
	s.expandNames()
	s.nameRuns()
	return nil
}

// state is the working memory of one Process call.
type state struct {
	*text.View
	r       *Stage
	t       []rune
	n       *names.Reader
	p       *posts.Reader
	persons *text.Persons

	lastAppointed     *posts.Post // the last post of an appointment, for the next one
	lastAppointedSent doc.Span    // in the same sentence
	lastPerson        string      // the person of the last appointment, for 免去其…
	lastPersonSent    doc.Span
	holdAt            map[[2]string]int // (person, post) → index into D.Holds
	placeStems        map[string]bool   // the first 2–4 characters of the places named
	rosterLines       map[int]bool      // the offsets of the lines of rosters by lines
}

func (st *Stage) newState(d *doc.Document) *state {
	v := text.NewView(st.lx, d)
	s := &state{View: v, r: st, t: v.T, n: st.names.NewReader(v), p: posts.NewReader(v), persons: text.NewPersons(d)}
	s.p.NameEndsAt = s.persons.EndsAt
	s.p.ListNameEndingAt = s.n.ListNameEndingAt
	return s
}

// acceptName records a person mention if it is not a credit, a doctrine's
// source or an ordinary word, and returns the name ("" when not).
func (s *state) acceptName(i, n int, rule string) string {
	if !s.n.Acceptable(i, n) {
		return ""
	}
	name := string(s.t[i : i+n])
	s.persons.Add(name, text.Span(i, i+n), rule)
	return name
}

// acceptCell records the name that fills a cell of a list by lines (a
// line's first cell, a table's name column): its place there says it is a
// name, whatever the recogniser read inside it; only credits and ordinary
// words are refused.
func (s *state) acceptCell(i, n int, rule string) string {
	name := string(s.t[i : i+n])
	if s.n.IsByline(i) || !s.n.Plausible(name) {
		return ""
	}
	s.persons.Add(name, text.Span(i, i+n), rule)
	return name
}

// accept is acceptCell for a name whose place says it is one (cell), else
// acceptName.
func (s *state) accept(i, n int, rule string, cell bool) string {
	if cell {
		return s.acceptCell(i, n, rule)
	}
	return s.acceptName(i, n, rule)
}

// addPost records that the person holds the post, unless they already do.
func (s *state) addPost(person string, h doc.Hold) {
	h.Person = person
	if s.holdAt == nil {
		s.holdAt = map[[2]string]int{}
		for i, g := range s.D.Holds {
			if _, ok := s.holdAt[[2]string{g.Person, g.Post}]; !ok {
				s.holdAt[[2]string{g.Person, g.Post}] = i
			}
		}
	}
	if i, ok := s.holdAt[[2]string{person, h.Post}]; ok {
		g := &s.D.Holds[i]
		// a date read in the appointment's own sentence beats one carried
		// from an earlier sentence (a headline's 谷春立当选…, then the dated
		// paragraph that tells of it)
		better := h.DatedHere && !g.DatedHere
		if h.Start != nil && (g.Start == nil || better && g.End == nil) {
			g.Start = h.Start
		}
		if h.End != nil && (g.End == nil || better && g.Start == nil) {
			g.End = h.End
		}
		if better {
			g.DatedHere = true
		}
		return
	}
	s.holdAt[[2]string{person, h.Post}] = len(s.D.Holds)
	s.D.Holds = append(s.D.Holds, h)
}

// the names and posts of the text, as read by packages names and posts
func (s *state) nameAt(i int) int                    { return s.n.At(i) }
func (s *state) nameAfterTitle(i int) int            { return s.n.AfterTitle(i) }
func (s *state) surnameAt(i int) []int               { return s.n.SurnameAt(i) }
func (s *state) givenOK(a, b int) bool               { return s.n.GivenOK(a, b) }
func (s *state) boundaryAt(j int) int                { return s.n.BoundaryAt(j) }
func (s *state) dottedNameAt(i int) int              { return s.n.DottedAt(i) }
func (s *state) titleEndingAt(end int) (int, string) { return s.p.TitleEndingAt(end) }
func (s *state) endsTitle(a int) bool                { return s.p.EndsTitle(a) }
func (s *state) chainBefore(end int) []posts.Item    { return s.p.ChainBefore(end) }
func (s *state) cutPreamble(a, ts int) int           { return s.p.CutPreamble(a, ts) }
func (s *state) resolveItem(it posts.Item, prev *posts.Post, ctx []string) posts.Post {
	return s.p.ResolveItem(it, prev, ctx)
}
func (s *state) resolveChain(items []posts.Item, prev *posts.Post, ctx []string) []posts.Post {
	return s.p.ResolveChain(items, prev, ctx)
}

const noBoundary = names.NoBoundary
