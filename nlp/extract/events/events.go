package events

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/dates"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// findEvents finds the events a report describes: named ones (召开2021年度
// 武装工作会议; 全县安全生产工作会议在县政府四楼会议室召开; 出席县政协十一届
// 一次会议) and activities named by their verb (会见, 调研, 看望慰问). A
// meeting whose spirit is only studied or conveyed (传达…会议精神) is not an
// event of the report.
//
// A headline (a short first line without a full stop) repeats the body in
// short form: its events count only when the body names none.
func (s *state) findEvents() {
	body := s.D.Sentences
	var head []doc.Span
	if len(body) > 1 {
		if h := body[0]; h.Len() <= 40 && h.End < len(s.t) && s.t[h.End] == '\n' && !strings.ContainsRune(s.Str(h.Start, h.End), '。') {
			head, body = body[:1], body[1:]
		}
	}
	for _, sent := range body {
		s.namedEventsIn(sent)
		s.sessionActsIn(sent)
	}
	for _, sent := range body {
		s.activitiesIn(sent)
	}
	if len(s.events) == 0 {
		for _, sent := range head {
			s.namedEventsIn(sent)
			s.activitiesIn(sent)
		}
	}
	if len(s.events) == 0 {
		s.commendationAct()
	}
}

func (s *state) namedEventsIn(sent doc.Span) {
	for v := sent.Start; v < sent.End; v++ {
		l, _ := s.r.eventVerb.LongestAt(s.t, v)
		if l == 0 {
			continue
		}
		verb := s.Str(v, v+l)
		if strings.HasSuffix(verb, "幕") && v+l < len(s.t) && strings.ContainsRune("式词会", s.t[v+l]) {
			continue // 开幕式, 闭幕词: no verb
		}
		if campaignVerb(verb) && !s.HasAt(v+l, "了") {
			continue // 开展…活动 is mostly a campaign; 开展了… one that took place
		}
		ce := s.ClauseEnd(v+l, sent.End)
		// VERB NAME: 召开2021年度武装工作会议 (several joined by 和)
		a := v + l
		for s.HasAt(a, "了") || s.HasAt(a, "在") {
			a++
		}
		if l, _ := s.r.timePrefix.LongestAt(s.t, a); l > 0 {
			a += l
		}
		if k := s.IndexOf(a, sent.End, "为主题的"); k >= 0 && s.HasAt(a, "以") {
			a = k + 4 // 开展了以“…,…”为主题的爱心志愿行动: the theme (commas and all) is no part of the name
			ce = s.ClauseEnd(a, sent.End)
		}
		found := false
		for a < ce {
			b := s.eventEnd(a, ce)
			if b == 0 {
				break
			}
			if plenary(s.Str(a, b)) && s.sessionSubject(sent, v) {
				break // 某届人大常委会第二十一次会议举行全体会议: the session is the event
			}
			if campaignVerb(verb) && generic(s.Str(a, b)) {
				break
			}
			if !(s.isAttendVerb(verb) && b-a <= 4 && s.namedContains(s.Str(a, b))) {
				if ev := s.addNamedEvent(a, b, sent, v, RuleNamed); ev != nil && !s.isAttendVerb(verb) {
					if ev.Convener == "" {
						ev.Convener = s.convenerBefore(sent, v)
					}
					// 县十七届人大常委会召开第二十八次会议: a session named by its
					// ordinal alone is the convening body's
					// (when a term, 届, counts it: not 政协召开第四十一次主席会议)
					if body := s.sessionBody(sent, v); body != "" && s.HasAt(a, "第") && !strings.HasPrefix(ev.Name, body) &&
						strings.Contains(body+ev.Name, "届") {
						ev.Name = body + ev.Name
					}
				}
			}
			found = true
			if b < ce && (s.t[b] == '和' || s.t[b] == '、' || s.t[b] == '及') {
				a = b + 1
				continue
			}
			break
		}
		if found || verb == "出席" || verb == "参加" || verb == "列席" || verb == "组织" || verb == "开展" || verb == "启动" {
			v += l - 1
			continue
		}
		// NAME 在 PLACE VERB: 全县安全生产工作会议在县政府四楼会议室召开
		cs := s.ClauseStart(v, sent.Start)
		for k := cs; k < v; k++ {
			if b := s.eventEnd(k, v); b > 0 && k == s.NameStart(cs, b) {
				place, held := "", false
				q := s.afterDate(b) // …第七次会议24日(上午)在长春闭幕
				if q == v {
					b = v
				}
				if s.HasAt(q, "在") || s.HasAt(q, "于") {
					place = strings.TrimSuffix(s.Str(q+1, v), "隆重")
					held = place != ""
					if place == "这里" || place == "此" {
						place = "" // held here: a place the text does not name
					}
				}
				if b == v || held || s.HasAt(b, "隆重") || s.HasAt(b, "今天") {
					if ev := s.addNamedEvent(k, b, sent, v, RuleNamedHeld); ev != nil && place != "" {
						ev.Place = s.placeName(q+1, place)
					}
				}
				break
			}
		}
		v += l - 1
	}
}

// eventEnd returns the end of an event's name that starts at a and ends
// with an event word before limit, preferring the longest name that is
// followed by a boundary; 0 when there is none.
func (s *state) eventEnd(a, limit int) int {
	best := 0
	depth := 0
	for k := a; k < limit && k < a+50; k++ {
		switch s.t[k] {
		case '(', '“', '《':
			depth++
		case ')', '”', '》':
			depth--
		}
		if depth < 0 {
			break
		}
		if depth > 0 {
			continue
		}
		if k > a && (s.t[k] == '和' || s.t[k] == '、' || s.t[k] == '及') && best > 0 {
			break
		}
		l, _ := s.r.eventSuffix.LongestAt(s.t, k)
		if l == 0 {
			continue
		}
		b := k + l
		// the event word must end the Name: what follows is a boundary
		if b >= limit || text.IsPunct(s.t[b]) || s.followsEvent(b) {
			if b-a >= 2 {
				best = b
			}
		}
	}
	return best
}

func (s *state) followsEvent(b int) bool {
	if s.r.eventFollow.HasPrefixAt(s.t, b) {
		return true
	}
	for _, dm := range s.D.Dates { // 某次会议4月1日决定
		if dm.Span.Start == b {
			return true
		}
	}
	return false
}

// addNamedEvent records the event named by [a, b) unless it is only studied
// or conveyed.
func (s *state) addNamedEvent(a, b int, sent doc.Span, v int, rule string) *doc.Event {
	name := s.Str(a, b)
	if s.HasAt(b, "精神") || s.HasAt(b, "的精神") || strings.Contains(s.Str(sent.Start, a), "传达") && s.HasAt(b, "精神") {
		return nil
	}
	if l, _ := s.r.studied.LongestEndingAt(s.t, a, 4); l > 0 && a-l >= sent.Start {
		return nil
	}
	// a bare 会议 is an event when it is convened (召开会议), not when it is
	// only attended (出席会议 refers to one already named)
	if name == "会" || name == "活动" || strings.HasPrefix(name, "的") || name == "会议" && s.isAttendVerb(s.Str(v, v+2)) {
		return nil
	}
	for _, w := range []string{"提请", "提交", "报请"} {
		if l := len([]rune(w)); a-l >= sent.Start && s.Str(a-l, a) == w || strings.HasPrefix(name, w) {
			return nil // 提请…第二十次会议审议: a meeting to come, not one the report tells of
		}
	}
	for _, w := range []string{"上述", "以上", "前述", "上列"} {
		if strings.HasPrefix(name, w) {
			return nil // 参加上述活动: the events named before
		}
	}
	// a short generic name (表彰大会) re-mentions a longer one; a longer name
	// completes a short one seen before
	for _, ev := range s.events {
		if !ev.Named {
			continue
		}
		if k := sessionKey(name); k != "" && k == sessionKey(ev.Name) && samePlace(sessionPlace(name), sessionPlace(ev.Name)) {
			// one session written twice (青禾县第十七届人民代表大会常务委员会
			// 第五次会议, 县十七届人大常委会第五次会议): the fuller name
			if len([]rune(name)) > len([]rune(ev.Name)) {
				ev.Name, ev.Span = name, text.Span(a, b)
			}
			if ev.Date == "" {
				ev.Date = dates.Before(s.D, v)
			}
			return ev
		}
		short, long := name, ev.Name
		if len([]rune(short)) > len([]rune(long)) {
			short, long = long, short
		}
		if short == long || strings.Contains(long, short) && len([]rune(short)) <= 4 {
			ev.Name = long
			if ev.Date == "" {
				ev.Date = dates.Before(s.D, v)
			}
			return ev
		}
	}
	date := dates.Before(s.D, v)
	if date == "" {
		date = dates.YearDate(s.D, name, v)
	}
	ev := &doc.Event{Name: name, Kind: s.kindOf(name), Date: date, Span: text.Span(a, b), Sentence: sent, Named: true, Rule: rule}
	s.events = append(s.events, ev)
	return ev
}

func (s *state) kindOf(name string) string {
	switch {
	case strings.HasSuffix(name, "仪式") || strings.HasSuffix(name, "典礼") || strings.HasSuffix(name, "晚会") || strings.Contains(name, "颁奖") || strings.Contains(name, "宣誓"):
		return doc.KindCeremony
	case strings.Contains(name, "会") || strings.Contains(name, "论坛"):
		return doc.KindMeeting
	}
	return doc.KindOther
}

// activitiesIn records activities (会见, 调研, 看望慰问 …) that persons or
// leaders carry out in the sentence.
func (s *state) activitiesIn(sent doc.Span) {
	for k := sent.Start; k < sent.End; k++ {
		l, _ := s.r.activity.LongestAt(s.t, k)
		if l == 0 {
			continue
		}
		word := s.Str(k, k+l)
		// part of a named event (颁奖晚会) or a noun use (座谈会) is not an activity
		inNamed := false
		for _, ev := range s.events {
			if ev.Span.Start <= k && k < ev.Span.End {
				inNamed = true
			}
		}
		if inNamed || s.HasAt(k+l, "会") || s.HasAt(k+l, "团") || s.HasAt(k+l, "组") || s.hasNamedEvent(sent) {
			k += l - 1
			continue
		}
		cs := s.ClauseStart(k, sent.Start)
		actor := len(s.persons.In(cs, k)) > 0 || len(s.persons.In(sent.Start, k)) > 0
		if !actor {
			if l2, _ := s.r.leader.LongestEndingAt(s.t, k, 6); l2 > 0 {
				actor = true
			}
			for x := sent.Start; x < k && !actor; x++ {
				if l2, _ := s.r.leader.LongestAt(s.t, x); l2 > 0 {
					actor = true
				}
			}
		}
		if !actor {
			k += l - 1
			continue
		}
		kind := s.Activity[word]
		dup := false
		for _, ev := range s.events {
			switch {
			case strings.Contains(ev.Name, word):
				dup = true // 签约 of 签约仪式, 慰问 of 走访慰问
			case !ev.Named && ev.Kind == kind && isVisit(ev.Name) && isVisit(word):
				dup = true // 看望 … 慰问: one visit
			case ev.Named && (ev.Kind == doc.KindCeremony || ev.Kind == doc.KindMeeting) && ev.Span.Start < k && s.r.partOfEvent.HasPrefixAt(s.t, k):
				dup = true // 颁奖 at the 表彰大会 already named: not an event of its own
			}
			if dup && ev.Date == "" {
				ev.Date = dates.Before(s.D, k) // a later mention may date it
			}
			if dup {
				break
			}
		}
		if !dup {
			ev := &doc.Event{Name: word, Kind: kind, Date: dates.Before(s.D, k), Span: text.Span(k, k+l), Sentence: sent, Rule: RuleActivity}
			if ev.Date == "" {
				ev.Date = dates.After(s.D, k, sent) // 随同考察 … 24日至25日, …
			}
			// 在长春会见: the place
			if p := s.placeBefore(cs, k); p != "" {
				ev.Place = p
			}
			s.events = append(s.events, ev)
		}
		k += l - 1
	}
}

// placeName returns the full name of the place found written as w at start
// (郑州 → 郑州市), or w itself (a venue: 县政府四楼会议室).
func (s *state) placeName(start int, w string) string {
	for _, pm := range s.D.Places {
		if pm.Span.Start == start && pm.Span.End == start+len([]rune(w)) {
			return pm.Name
		}
	}
	return w
}

// placeBefore returns a place written as 在PLACE just before k.
func (s *state) placeBefore(cs, k int) string {
	for x := k - 1; x >= cs && x > k-12; x-- {
		if s.t[x] == '在' {
			w := s.Str(x+1, k)
			if w == "" || strings.ContainsAny(w, ",、") {
				return ""
			}
			for _, pm := range s.D.Places {
				if pm.Span.Start == x+1 {
					return pm.Name
				}
			}
			if s.KnownPlace(w) {
				if s.KnownPlace(w + "市") {
					return w + "市"
				}
				return w
			}
			return ""
		}
	}
	return ""
}

func (s *state) isAttendVerb(v string) bool {
	return v == "出席" || v == "参加" || v == "列席"
}

func (s *state) hasNamedEvent(sent doc.Span) bool {
	for _, ev := range s.events {
		if ev.Named && ev.Sentence == sent {
			return true
		}
	}
	return false
}

// isVisit reports whether an activity is a visit to people (看望, 慰问, 走访).
func isVisit(w string) bool {
	return strings.Contains(w, "看望") || strings.Contains(w, "慰问") || strings.Contains(w, "走访")
}

// convenerBefore returns the body that convenes an event (西岗区政府召开…,
// 中共修文县委召开…): the organisation written between the start of the
// clause (after a date) and the verb, with an abbreviated place resolved;
// "" when the subject is not an organisation (a place, a person).
func (s *state) convenerBefore(sent doc.Span, v int) string {
	cs := s.ClauseStart(v, sent.Start)
	a := s.NameStart(cs, v)
	a = s.p.CutPreamble(a, v)
	o := s.Str(a, v)
	rs := []rune(o)
	if len(rs) < 2 || len(rs) > 30 || !s.p.EndsLikeOrg(o) || strings.ContainsAny(o, ",、 ") {
		return ""
	}
	p := s.p.ResolveItem(posts.Item{Org: o}, nil, nil)
	return p.CPC + p.Place + p.Rest
}

// campaignVerb: 开展, whose object is an event only when it took place
// (开展了募捐活动), not a campaign (开展…等活动).
func campaignVerb(v string) bool { return v == "开展" || v == "组织开展" }

// generic reports whether an activity's name is a kind, not one event: a
// list (献爱心、送温暖活动; …等活动), a series (一系列, 各种), a slogan in quotes.
func generic(name string) bool {
	for _, w := range []string{"、", "等", "各种", "各类", "系列", "多种", "丰富多彩", "形式多样", "“", "\"", "一些"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// sessionBody returns the body written before the verb at v, as written
// (县十七届人大常委会, 西岗区政府, 嘉禾县第十六届人民代表大会第一次会议), when it
// is an organisation or a meeting; "" otherwise.
func (s *state) sessionBody(sent doc.Span, v int) string {
	cs := s.ClauseStart(v, sent.Start)
	a := s.NameStart(cs, v)
	a = s.p.CutPreamble(a, v)
	for _, dm := range s.D.Dates { // 8月27日上午,漳州市…: the date is no part of it
		if dm.Span.Start >= a && dm.Span.End <= v && dm.Span.End > a {
			a = dm.Span.End
		}
	}
	if l, _ := s.r.timePrefix.LongestAt(s.t, a); l > 0 {
		a += l
	}
	o := s.Str(a, v)
	rs := []rune(o)
	if len(rs) < 2 || len(rs) > 30 || strings.ContainsAny(o, ",、 ，") || !text.AllHan(rs) {
		return ""
	}
	if !s.p.EndsLikeOrg(o) && !strings.HasSuffix(o, "会议") && !strings.HasSuffix(o, "大会") {
		return ""
	}
	return o
}

// namedContains reports whether an event found already has w in its name
// or is of its kind: 出席会议 re-mentions a meeting named before, 参加颁奖仪式
// the 颁奖晚会; 出席晚宴 after a 会见 names an event of its own.
func (s *state) namedContains(w string) bool {
	kind := s.kindOf(w)
	for _, ev := range s.events {
		if strings.Contains(ev.Name, w) || w == "会议" || w == "活动" || kind != doc.KindOther && ev.Kind == kind {
			return true
		}
	}
	return false
}

// afterDate returns where the text goes on after a date (and a part of the
// day) that starts at b, or b.
func (s *state) afterDate(b int) int {
	if e, ok := s.dateAt()[b]; ok {
		b = e
	}
	if l, _ := s.Daypart.LongestAt(s.t, b); l > 0 {
		b += l
	}
	return b
}

// plenary reports whether an event's name is only a sitting of a session
// (全体会议, 第一次全体会议, 闭幕会).
func plenary(name string) bool {
	name = strings.TrimPrefix(name, "了")
	return name == "全体会议" || name == "闭幕会" || name == "开幕会" || strings.HasPrefix(name, "第") && strings.HasSuffix(name, "次全体会议")
}

// sessionSubject reports whether the clause before the verb at v is a
// numbered session's name (…第二十一次会议举行…), which the named-held rule
// records.
func (s *state) sessionSubject(sent doc.Span, v int) bool {
	cs := s.ClauseStart(v, sent.Start)
	for k := cs; k < v; k++ {
		if b := s.eventEnd(k, v); b > 0 && s.afterDate(b) == v && k == s.NameStart(cs, b) {
			name := s.Str(k, b)
			return strings.Contains(name, "第") && strings.Contains(name, "次")
		}
	}
	return false
}

// sessionKey names a numbered session by its term, its number and its
// kind (十七|五|会议 for both 青禾县第十七届人民代表大会常务委员会第五次会议 and
// 县十七届人大常委会第五次会议), or "" for a name that is none.
func sessionKey(name string) string {
	i := strings.LastIndex(name, "第")
	j := strings.LastIndex(name, "次")
	if i < 0 || j < i {
		return ""
	}
	num, kind := name[i+len("第"):j], name[j+len("次"):]
	term := ""
	if k := strings.Index(name, "届"); k >= 0 && k < i {
		t := []rune(name[:k])
		a := len(t)
		for a > 0 && strings.ContainsRune("零一二三四五六七八九十百0123456789", t[a-1]) {
			a--
		}
		term = string(t[a:])
	}
	body := ""
	switch {
	case strings.Contains(name, "政协"):
		body = "政协"
	case strings.Contains(name, "常务委员会") || strings.Contains(name, "常委会"):
		body = "人大常委会"
	case strings.Contains(name, "人民代表大会") || strings.Contains(name, "人代会"):
		body = "人代会"
	case strings.Contains(name, "委员会") || strings.Contains(name, "党委") || strings.Contains(name, "市委") || strings.Contains(name, "县委"):
		body = "委员会"
	}
	if num == "" || kind == "" {
		return ""
	}
	return body + "|" + term + "|" + num + "|" + kind
}

// sessionPlace is what a session's name says before its term or number,
// without the party's or the conference's name: the place (鞍山市, 青禾县,
// or the bare level 县 of an abbreviation), or "".
func sessionPlace(name string) string {
	for _, p := range []string{"中国共产党", "中共", "中国人民政治协商会议", "政协"} {
		name = strings.TrimPrefix(name, p)
	}
	rs := []rune(name)
	k := 0
	for k < len(rs) && !strings.ContainsRune("第零一二三四五六七八九十", rs[k]) {
		k++
	}
	place := string(rs[:k])
	for _, w := range []string{"人民代表大会常务委员会", "人民代表大会", "人大常委会", "人大", "委员会", "政协"} {
		if i := strings.Index(place, w); i >= 0 {
			place = place[:i]
		}
	}
	return place
}

// samePlace reports whether two sessions' places can be one: equal, or
// one left out or given by its level alone (县 of 县十七届人大常委会).
func samePlace(a, b string) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	short := func(p string) bool { return len([]rune(p)) == 1 }
	if short(a) {
		return strings.HasSuffix(b, a)
	}
	if short(b) {
		return strings.HasSuffix(a, b)
	}
	ra, rb := []rune(a), []rune(b)
	return len(ra) >= 2 && len(rb) >= 2 && ra[0] == rb[0] && ra[1] == rb[1] // 甘南州, 甘南藏族自治州
}

// dateAt maps where each date of the text starts to where it ends (the
// first date written there); dateEndingAt maps where each ends to where it
// starts (the last written there). Both are built once.
func (s *state) dateAt() map[int]int {
	s.indexDates()
	return s.dateEnds
}

func (s *state) dateEndingAt() map[int]int {
	s.indexDates()
	return s.dateStarts
}

func (s *state) indexDates() {
	if s.dateEnds != nil {
		return
	}
	s.dateEnds, s.dateStarts = map[int]int{}, map[int]int{}
	for _, dm := range s.D.Dates {
		if _, ok := s.dateEnds[dm.Span.Start]; !ok {
			s.dateEnds[dm.Span.Start] = dm.Span.End
		}
		s.dateStarts[dm.Span.End] = dm.Span.Start
	}
}
