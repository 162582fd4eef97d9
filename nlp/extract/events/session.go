package events

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
)

// RuleSessionAct: a numbered session named as the subject of what it
// decides (…第一次全体会议选举…, …第二十六次会议4月1日决定…) took place.
const RuleSessionAct = "events.session-act"

// sessionActsIn records the sessions that open a clause and act: a name
// ending with an event word, numbered (第…次), right before a verb of
// session_act (or before a date before it).
func (s *state) sessionActsIn(sent doc.Span) {
	for v := sent.Start + 4; v < sent.End; v++ {
		l, _ := s.r.sessionAct.LongestAt(s.t, v)
		if l == 0 {
			continue
		}
		e := v
		if a, ok := s.dateEndingAt()[v]; ok && a > sent.Start {
			e = a // …会议4月1日决定
		}
		// a session's name ends with an event word right before the verb
		if sl, _ := s.r.eventSuffix.LongestEndingAt(s.t, e, 6); sl == 0 {
			v += l - 1
			continue
		}
		cs := s.ClauseStart(e, sent.Start)
		for k := cs; k < e; k++ {
			if b := s.eventEnd(k, e); b == e && k == s.NameStart(cs, b) {
				name := s.Str(k, b)
				if strings.Contains(name, "第") && strings.Contains(name, "次") && !s.namedAt(k) {
					s.addNamedEvent(k, b, sent, v, RuleSessionAct)
				}
				break
			}
		}
		v += l - 1
	}
}

// namedAt reports whether an event named so far starts at k.
func (s *state) namedAt(k int) bool {
	for _, ev := range s.events {
		if ev.Span.Start == k {
			return true
		}
	}
	return false
}
