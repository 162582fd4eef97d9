package events

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/dates"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// RuleCommendation: a report that commends without a gathering (a
// decision 关于表彰…的决定, a list of honourees) has the commendation itself
// as its event, so that its honourees are commended by something.
const RuleCommendation = "events.commendation"

// commendationAct records the commendation of a report that names no
// event: the first sentence with a verb of commendation (commendation_act)
// and an honour word (honour_word). The event is named by the report's
// headline when that speaks of it (关于表彰2023年度优秀共产党员的决定), else by
// the verb; it is dated by the date before the verb or, failing that, the
// last full date of the text (a notice's date under its signature).
func (s *state) commendationAct() {
	var head *doc.Span // the headline: a short first line without a full stop
	if h := s.D.Sentences; len(h) > 1 && h[0].Len() <= 40 && h[0].End < len(s.t) && s.t[h[0].End] == '\n' && !strings.ContainsRune(s.Str(h[0].Start, h[0].End), '。') {
		head = &h[0]
	}
	if head != nil && s.HasAt(head.End-2, "名单") && s.hasHonourWord(*head) {
		// a list of honourees under its headline (2023年度“最美教师”名单)
		s.events = append(s.events, &doc.Event{Name: strings.TrimSpace(s.Str(head.Start, head.End)), Kind: doc.KindOther,
			Date: s.lastDate(), Span: *head, Sentence: *head, Rule: RuleCommendation})
		return
	}
	for _, sent := range s.D.Sentences {
		for v := sent.Start; v < sent.End; v++ {
			l, _ := s.r.commendAct.LongestAt(s.t, v)
			if l == 0 || !s.hasHonourWord(sent) {
				continue
			}
			name := s.Str(v, v+l)
			sp := text.Span(v, v+l)
			if head != nil && s.hasCommendationWord(*head) {
				name, sp = strings.TrimSpace(s.Str(head.Start, head.End)), *head
			}
			date := dates.Before(s.D, v)
			if date == "" {
				date = s.lastDate()
			}
			s.events = append(s.events, &doc.Event{Name: name, Kind: doc.KindOther, Date: date, Span: sp, Sentence: sent, Rule: RuleCommendation})
			return
		}
	}
}

// hasHonourWord reports whether the sentence holds an honour word (优秀,
// 先进, 称号 …).
func (s *state) hasHonourWord(sent doc.Span) bool {
	for k := sent.Start; k < sent.End; k++ {
		if s.r.honourWord.HasPrefixAt(s.t, k) || s.HasAt(k, "称号") {
			return true
		}
	}
	return false
}

// hasCommendationWord reports whether the line speaks of a commendation.
func (s *state) hasCommendationWord(sp doc.Span) bool {
	for k := sp.Start; k < sp.End; k++ {
		if s.r.commendAct.HasPrefixAt(s.t, k) || s.HasAt(k, "名单") {
			return true
		}
	}
	return false
}

// lastDate is the last full date the text writes, or "".
func (s *state) lastDate() string {
	date := ""
	for _, dm := range s.D.Dates {
		if len(dm.ISO) == len("2006-01-02") {
			date = dm.ISO
		}
	}
	return date
}
