package extract

import (
	"github.com/kg-cn/kg/nlp/doc"
)

// roleCue is a verb that gives the persons around it a role.
type roleCue struct {
	pos, end int
	roles    []string
	objects  bool // persons after the verb take part too (会见 X, 看望 X)
}

// findRoles gives each person the roles the text supports at the event of
// their sentence: CHAIRED (主持), SPOKE_AT (讲话, 宣读, and remarks such as
// 指出 made at the event), ATTENDED (出席, 参加, 陪同, and everyone who
// chaired or spoke). A sentence's subjects run over a list of clauses
// (周安有,张雄,…丁和顺出席…) and carry to clauses that have none
// (李建新主持会议,并…讲意见).
func (s *state) findRoles() {
	if len(s.events) == 0 {
		return
	}
	for _, sent := range s.d.Sentences {
		ev := s.eventFor(sent)
		var pending []doc.Span
		fromCue := false
		for a := sent.Start; a < sent.End; {
			b := s.clauseEnd(a, sent.End)
			persons := s.personsIn(a, b)
			cues := s.cuesIn(a, b)
			switch {
			case len(cues) == 0 && len(persons) > 0:
				if fromCue {
					pending = nil
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
					for _, p := range subj {
						for _, r := range c.roles {
							s.addRole(p, r, ev, sent)
						}
					}
					if c.objects {
						for _, p := range persons {
							if p.Start >= c.end {
								s.addRole(p, doc.RelAttended, ev, sent)
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
		if n, ok := s.mentionAt[k]; ok {
			k += n - 1
			continue
		}
		var roles []string
		l := 0
		objects := false
		if n, _ := s.e.chaired.LongestAt(s.t, k); n > 0 {
			l, roles = n, []string{doc.RelChaired, doc.RelAttended}
		} else if n, _ := s.e.spoke.LongestAt(s.t, k); n > 0 {
			l, roles = n, []string{doc.RelSpokeAt, doc.RelAttended}
		} else if n, _ := s.e.remark.LongestAt(s.t, k); n > 0 && !s.remarkIsNoun(k, n) {
			l, roles = n, []string{doc.RelSpokeAt, doc.RelAttended}
		} else if n, _ := s.e.attended.LongestAt(s.t, k); n > 0 {
			l, roles, objects = n, []string{doc.RelAttended}, true
		}
		if l == 0 {
			continue
		}
		out = append(out, roleCue{pos: k, end: k + l, roles: roles, objects: objects})
		k += l - 1
	}
	return out
}

// remarkIsNoun rejects remark verbs used as nouns or inside other words
// (要求 in 提出要求 is handled by spoke; 代表 followed by 们).
func (s *state) remarkIsNoun(k, n int) bool {
	w := s.str(k, k+n)
	switch w {
	case "代表":
		// 代表区四套班子 (on behalf of) is speaking; 代表们, 人大代表 are not
		return s.hasAt(k+n, "们") || s.hasAt(k+n, "团")
	case "说":
		return s.hasAt(k+n, "明")
	}
	return false
}

func (s *state) addRole(p doc.Span, role string, ev int, sent doc.Span) {
	name := s.str(p.Start, p.End)
	for _, r := range s.roles {
		if r.person == name && r.role == role && r.event == ev {
			return
		}
	}
	s.roles = append(s.roles, roleFact{person: name, role: role, event: ev, ev: sent})
}

// eventFor picks the event a sentence speaks of: one named in it, else the
// last one named before it, else the report's first.
func (s *state) eventFor(sent doc.Span) int {
	best := -1
	for i, ev := range s.events {
		if ev.ev == sent {
			return i
		}
		if ev.span.Start < sent.Start && (best < 0 || s.events[best].span.Start < ev.span.Start) {
			best = i
		}
	}
	if best < 0 {
		best = 0
	}
	return best
}
