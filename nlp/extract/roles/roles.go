// Package roles is the roles stage: it gives each person the roles the
// text supports at the event of their sentence (the Roles layer): CHAIRED
// (主持), SPOKE_AT (讲话, 宣读, and remarks such as 指出 made at the event),
// ATTENDED (出席, 参加, 陪同, and everyone who chaired or spoke; persons met
// or visited, 会见 X).
//
// Lexicon: the cue sections chaired, spoke, remark, attended,
// honourees_present.
//
// Rules: roles.chaired, roles.spoke, roles.remark, roles.attended (the
// subjects of the cue), roles.object (the persons after 会见, 看望 …).
package roles

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/events"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
	"strings"
)

// roleCue is a verb that gives the persons around it a role.
type roleCue struct {
	pos, end int
	roles    []string
	rule     string
	objects  bool // persons after the verb take part too (会见 X, 看望 X)
}

// findRoles gives each person the roles the text supports at the event of
// their sentence: CHAIRED (主持), SPOKE_AT (讲话, 宣读, and remarks such as
// 指出 made at the event), ATTENDED (出席, 参加, 陪同, and everyone who
// chaired or spoke). A sentence's subjects run over a list of clauses
// (周安有,张雄,…丁和顺出席…) and carry to clauses that have none
// (李建新主持会议,并…讲意见).
func (s *state) findRoles() {
	if len(s.D.Events) == 0 {
		return
	}
	for _, sent := range s.D.Sentences {
		ev := events.For(s.D.Events, sent)
		var pending []doc.Span
		fromCue := false
		listed := -1 // the event of 参加会议的有： — the clauses after the colon list who attended
		for a := sent.Start; a < sent.End; {
			b := s.ClauseEnd(a, sent.End)
			persons := s.persons.In(a, b)
			cues := s.cuesIn(a, b)
			if listed >= 0 && len(cues) == 0 {
				for _, p := range persons {
					s.addRole(p, doc.RelAttended, listed, sent, RuleObject)
				}
				a = b + 1
				continue
			}
			if b < sent.End && s.t[b] == ':' && len(cues) > 0 && cues[len(cues)-1].objects && len(persons) == 0 {
				c := cues[len(cues)-1]
				if cev := s.eventNamedAt(c.end, sent, ev); cev >= 0 {
					listed = cev
				}
				a = b + 1
				continue
			}
			switch {
			case len(cues) == 0 && len(persons) > 0:
				if fromCue {
					pending = nil
				}
				if s.statesOwn(a, b) {
					// A作为代表登台领奖, A当选…: a clause that says
					// something of its own gives its names no later verb
					pending = nil
					fromCue = false
					break
				}
				pending = append(pending, persons...)
				fromCue = false
			case len(cues) > 0:
				var subj []doc.Span
				for _, c := range cues {
					before := subjectsBefore(persons, c.pos)
					if len(before) > 0 {
						if fromCue {
							subj = before
						} else {
							subj = append(append([]doc.Span{}, pending...), before...)
						}
						pending = subj
					} else {
						subj = pending
					}
					cev := s.eventNamedAt(c.end, sent, ev)
					if cev == ev {
						cev = s.eventNamedAt(c.pos, sent, ev) // the verb names it (会见, 调研)
					}
					for _, p := range subj {
						for _, r := range c.roles {
							s.addRole(p, r, cev, sent, c.rule)
						}
					}
					if c.objects {
						for _, p := range persons {
							if p.Start >= c.end {
								s.addRole(p, doc.RelAttended, cev, sent, RuleObject)
							}
						}
					}
				}
				fromCue = true
			}
			a = b + 1
		}
	}
}

// eventNamedAt returns the event the words after a role verb at k name
// (参加会见, 陪同调研, 出席会议): the last event named so far whose name is
// those words or ends with them, when it is not ev; else ev.
func (s *state) eventNamedAt(k int, sent doc.Span, ev int) int {
	if ev < 0 || ev >= len(s.D.Events) {
		return ev
	}
	best := -1
	for i, e := range s.D.Events {
		if e.Span.Start > sent.End {
			continue
		}
		n := []rune(e.Name)
		for _, l := range []int{4, 3, 2} {
			if l > len(n) {
				continue
			}
			if tail := string(n[len(n)-l:]); s.HasAt(k, tail) && (l == len(n) || l >= 2 && strings.HasSuffix(tail, "会议")) {
				best = i
				break
			}
		}
	}
	if best < 0 || s.HasAt(k, s.D.Events[ev].Name) {
		return ev
	}
	return best
}

func subjectsBefore(persons []doc.Span, pos int) []doc.Span {
	var out []doc.Span
	for _, p := range persons {
		if p.End <= pos {
			out = append(out, p)
		}
	}
	return out
}

// cuesIn finds the role verbs of a clause, outside names.
func (s *state) cuesIn(a, b int) []roleCue {
	var out []roleCue
	for k := a; k < b; k++ {
		if n, ok := s.persons.MentionAt(k); ok {
			k += n - 1
			continue
		}
		var roles []string
		rule := ""
		l := 0
		objects := false
		if n, _ := s.r.chaired.LongestAt(s.t, k); n > 0 {
			l, roles, rule = n, []string{doc.RelChaired, doc.RelAttended}, RuleChaired
		} else if n, _ := s.r.spoke.LongestAt(s.t, k); n > 0 {
			l, roles, rule = n, []string{doc.RelSpokeAt, doc.RelAttended}, RuleSpoke
		} else if n, _ := s.r.remark.LongestAt(s.t, k); n > 0 && !s.remarkIsNoun(k, n) {
			l, roles, rule = n, []string{doc.RelSpokeAt, doc.RelAttended}, RuleRemark
		} else if n, _ := s.r.attended.LongestAt(s.t, k); n > 0 {
			l, roles, rule, objects = n, []string{doc.RelAttended}, RuleAttended, true
		}
		if l == 0 {
			continue
		}
		out = append(out, roleCue{pos: k, end: k + l, roles: roles, rule: rule, objects: objects})
		k += l - 1
	}
	return out
}

// remarkIsNoun rejects remark verbs used as nouns or inside other words
// (要求 in 提出要求 is handled by spoke; 代表 followed by 们).
func (s *state) remarkIsNoun(k, n int) bool {
	w := s.Str(k, k+n)
	if k > 0 && s.t[k-1] == '的' {
		return true // 按照县长某某的要求: a noun, no remark
	}
	if s.sourcedBy(k) {
		return true // 据某某介绍: the source of a fact, no remark at the event
	}
	switch w {
	case "代表":
		// 代表区四套班子 (on behalf of) is speaking; 代表们, 人大代表 are not
		return s.HasAt(k+n, "们") || s.HasAt(k+n, "团")
	case "说":
		return s.HasAt(k+n, "明")
	}
	return false
}

// sourcedBy reports whether the remark verb at k closes 据…, the clause
// that names the source of what follows (据县财政局局长某某介绍).
func (s *state) sourcedBy(k int) bool {
	for j := k - 1; j >= 0 && k-j <= 20; j-- {
		if text.IsPunct(s.t[j]) {
			return false
		}
		if s.t[j] == '据' && (j == 0 || text.IsPunct(s.t[j-1])) {
			return true
		}
	}
	return false
}

func (s *state) addRole(p doc.Span, role string, ev int, sent doc.Span, rule string) {
	name := s.Str(p.Start, p.End)
	if s.has == nil {
		s.has = map[roleKey]bool{}
	}
	if k := (roleKey{name, role, ev}); !s.has[k] {
		s.has[k] = true
		s.roles = append(s.roles, doc.Role{Person: name, Role: role, Event: ev, Evidence: sent, Rule: rule})
	}
}

// Rule ids.
const (
	RuleChaired  = "roles.chaired"
	RuleSpoke    = "roles.spoke"
	RuleRemark   = "roles.remark"
	RuleAttended = "roles.attended"
	RuleObject   = "roles.object"
	RuleAwarded  = "roles.awarded-present" // honourees the text puts at the ceremony (现场为…颁奖, 登台领奖)
)

// Stage is the roles stage.
type Stage struct {
	lx                               *text.Lexicon
	chaired, spoke, remark, attended *lexicon.Trie
	present                          *lexicon.Trie
	own                              []*lexicon.Trie // statesOwn
}

// New builds the stage from the lexicon.
func New(lx *text.Lexicon) *Stage {
	return &Stage{lx: lx, chaired: lx.Cue("chaired"), spoke: lx.Cue("spoke"), remark: lx.Cue("remark"), attended: lx.Cue("attended"), present: lx.Cue("honourees_present"),
		own: []*lexicon.Trie{lx.Cue("honourees_present"), lx.Cue("appoint"), lx.Cue("remove")}}
}

// Name implements the pipeline stage interface.
func (*Stage) Name() string { return "roles" }

// Needs and Provides declare the stage's layers.
func (*Stage) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerPersons, doc.LayerEvents, doc.LayerHonours}
}
func (*Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerRoles} }

// Process fills d.Roles.
func (st *Stage) Process(d *doc.Document) error {
	v := text.NewView(st.lx, d)
	s := &state{View: v, r: st, t: v.T, persons: text.NewPersons(d)}
	s.findRoles()
	s.speakersByLines()
	s.honoureesPresent()
	d.Roles = s.roles
	return nil
}

// state is the working memory of one Process call.
type state struct {
	*text.View
	r       *Stage
	t       []rune
	persons *text.Persons
	roles   []doc.Role
	has     map[roleKey]bool // the roles recorded
}

type roleKey struct {
	person, role string
	event        int
}

// RuleByLines: the speakers and the chair a press conference lists by
// lines (发布人：\n副市长　某某; 主持人：某某), and the turns of its questions
// and answers (【某某】…).
const RuleByLines = "roles.by-lines"

// speakersByLines reads the people a news conference sets out by lines:
// those under 发布人 spoke at it, the 主持人 chaired it, and a line that
// opens with a person's name in black brackets (【某某】) is that person
// speaking.
func (s *state) speakersByLines() {
	if len(s.D.Events) == 0 {
		return
	}
	under := ""
	for _, ln := range s.Lines() {
		line := strings.TrimSpace(s.Str(ln.Start, ln.End))
		label, _, hasColon := strings.Cut(strings.ReplaceAll(line, "：", ":"), ":")
		switch {
		case hasColon && (label == "发布人" || label == "主持人" || label == "发言人"):
			under = label
		case line == "":
			under = ""
			continue
		case hasColon:
			under = ""
		}
		ev := events.For(s.D.Events, ln)
		roles := []string{}
		switch {
		case under == "主持人":
			roles = []string{doc.RelChaired, doc.RelAttended}
		case under != "":
			roles = []string{doc.RelSpokeAt, doc.RelAttended}
		case strings.HasPrefix(line, "【"):
			roles = []string{doc.RelSpokeAt, doc.RelAttended}
		default:
			continue
		}
		found := false
		for _, p := range s.persons.In(ln.Start, ln.End) {
			if strings.HasPrefix(line, "【") && (p.Start == 0 || s.t[p.Start-1] != '【') {
				continue // 【某某】: the turn's speaker only
			}
			found = true
			for _, r := range roles {
				s.addRole(p, r, ev, ln, RuleByLines)
			}
		}
		if under == "主持人" || !found && !hasColon {
			under = "" // a chair's line; or the list of speakers ended
		}
	}
}

// honoureesPresent gives ATTENDED to the persons an event commends where
// the text puts them at it (晚会现场为25名获得者颁奖, 登台领奖): honourees
// not said to be present have no role (GUIDELINES, rulings).
func (s *state) honoureesPresent() {
	for _, sent := range s.D.Sentences {
		found := false
		for k := sent.Start; k < sent.End && !found; k++ {
			found = s.r.present.HasPrefixAt(s.t, k)
		}
		if !found || len(s.D.Events) == 0 {
			continue
		}
		ev := events.For(s.D.Events, sent)
		// 代表某某登台领奖: the honourees the sentence names, when it names
		// any; 现场为获奖者颁奖: all of them
		named := map[string]bool{}
		some := false
		said := s.Str(sent.Start, sent.End)
		for _, h := range s.D.Honours {
			if h.IsPerson && h.Event == ev && strings.Contains(said, h.Name) {
				named[h.Name], some = true, true
			}
		}
		for _, h := range s.D.Honours {
			if !h.IsPerson || h.Event != ev || some && !named[h.Name] {
				continue
			}
			if s.has == nil {
				s.has = map[roleKey]bool{}
			}
			if k := (roleKey{h.Name, doc.RelAttended, ev}); !s.has[k] {
				s.has[k] = true
				s.roles = append(s.roles, doc.Role{Person: h.Name, Role: doc.RelAttended, Event: ev, Evidence: sent, Rule: RuleAwarded})
			}
		}
	}
}

// statesOwn reports whether the clause [a, b) holds a verb that makes it a
// statement of its own: an honouree's (登台领奖) or an appointment's (当选,
// 任): its persons are not the subjects of a verb in a later clause.
func (s *state) statesOwn(a, b int) bool {
	for k := a; k < b; k++ {
		for _, t := range s.r.own {
			if l, _ := t.LongestAt(s.t, k); l >= 2 {
				return true
			}
		}
	}
	return false
}
