package persons

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/dates"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// findAppointments reads appointments and removals: 任命张三为某某县副县长,
// 张三同志任…, 李四不再担任…职务, 接受王五辞去…职务, 免去赵六的…职务.
func (s *state) findAppointments() {
	for v := 1; v < len(s.t); v++ {
		lr, _ := s.r.remove.LongestAt(s.t, v)
		la, _ := s.r.appoint.LongestAt(s.t, v)
		if lr == 0 && la == 0 {
			continue
		}
		kind, l := "start", la
		if lr >= la {
			kind, l = "end", lr
		}
		verb := string(s.t[v : v+l])
		after := v + l
		if verb == "任" && s.formerPosts(v) {
			continue // 此前任, 曾任: posts held before, read there
		}
		// VERB: then a list, an item a line (决定任命：\nA为X；\nB为Y。)
		if end := s.appointmentBlock(after, v, kind); end > after {
			v = end - 1
			continue
		}
		// PERSON(、PERSON)* (同志) (以…票) VERB (为) POSTS; or an item of a
		// list of appointments, NAME(（女）)，任POSTS
		subj := s.n.SubjectsBefore(v)
		if len(subj) == 0 && (verb == "任" || verb == "担任" || s.t[v-1] == ')') {
			subj = s.itemSubjectBefore(v)
		}
		if len(subj) == 0 && verb == "辞去" {
			subj = s.resignerBefore(v) // 接受A因工作调动辞去…职务的请求
		}
		if len(subj) > 0 {
			q := after
			if s.HasAt(q, "为") && !strings.HasSuffix(verb, "为") {
				q++
			}
			if items, _ := s.postList(q, v); len(items) > 0 {
				if len(subj) > 1 && len(items) == len(subj) && s.respectively(subj[len(subj)-1], v) {
					// A、B分别任X、Y: each their own
					for i, nm := range subj {
						if p := s.acceptName(nm[0], nm[1], RuleAppointName); p != "" {
							s.appointPosts(p, items[i:i+1], kind, v, RuleAppointSubject)
						}
					}
					v = after - 1
					continue
				}
				for _, nm := range subj {
					p := s.acceptName(nm[0], nm[1], RuleAppointName)
					if p == "" && (nm[0] == 0 || text.IsPunct(s.t[nm[0]-1])) {
						// a clause that opens with the name and goes on with
						// the verb and posts says it is one, whatever the
						// recogniser read inside it (，蓝某任某县财政局局长)
						p = s.acceptCell(nm[0], nm[1], RuleAppointName)
					}
					if p != "" {
						s.appointPosts(p, items, kind, v, RuleAppointSubject)
					}
				}
			}
			v = after - 1 // 任 of 担任 is no verb of its own
			continue
		}
		if verb == "任" || verb == "担任" || verb == "兼任" || verb == "当选" {
			continue // these need the person before them
		}
		// VERB POSTS after a comma: the person appointed before in the
		// clause goes on (A任X，免Y; A任X，不再担任Y)
		if kind == "end" && v > 0 && s.t[v-1] == ',' && !s.HasAt(after, "其") && s.lastPerson != "" && s.lastPersonSent == s.SentenceOf(v) && s.nameAt(after) == 0 {
			if items, _ := s.postList(after, v); len(items) > 0 {
				s.appointPosts(s.lastPerson, items, kind, v, RuleAppointObject)
				continue
			}
		}
		// VERB 其 POSTS: the person appointed before in the sentence
		// (B同志任X，免去其Y职务)
		if s.HasAt(after, "其") && s.lastPerson != "" && s.lastPersonSent == s.SentenceOf(v) {
			q := after + 1
			if s.HasAt(q, "的") {
				q++
			}
			if items, _ := s.postList(q, v); len(items) > 0 {
				s.appointPosts(s.lastPerson, items, kind, v, RuleAppointObject)
			}
			v = q
			continue
		}
		// VERB PERSON(、PERSON)* (同志) (为|的|辞去) POSTS
		if s.HasAt(after, "了") && s.nameAt(after+1) > 0 {
			after++ // 依法任命了A、B为…
		}
		if k := s.skipNote(after); k > after && s.nameAt(k) > 0 {
			after = k // 选举（按姓氏笔画为序）A、B为常务委员
		}
		n := s.nameAt(after)
		if n == 0 {
			// the person's present posts may come first: 任命县委副书记某某同志为…
			if a, m := s.n.AfterTitles(after); m > 0 {
				after, n = a, m
			}
		}
		slot := false
		if m := s.nameBeforeComrade(after); m > n && (n == 0 || !s.HasAt(after+n, "同志")) {
			n, slot = m, true // 免去阿牛木呷同志的…: 同志 says where the name ends
		}
		if n == 0 {
			n = s.slotName(after) // 免去王某某县财政局局长职务
			slot = n > 0
		}
		if n == 0 {
			continue
		}
		n = s.preferFullName(after, n)
		if n == 3 && s.t[after+2] == '为' && !s.HasAt(after+3, "为") {
			if items, _ := s.postList(after+3, v); len(items) > 0 {
				n = 2 // 决定杨帆为代理区长: 为 ends the name
			}
		}
		names := [][2]int{{after, n}}
		q := s.skipNote(after + n)
		for q < len(s.t) && s.t[q] == '、' {
			m := s.nameAt(q + 1)
			if im := s.itemName(q + 1); im > m {
				m = im // the list's last name, up to 为 (、萨仁高娃为…: not 萨仁)
			}
			if m == 0 {
				break
			}
			names = append(names, [2]int{q + 1, m})
			q = s.skipNote(q + 1 + m) // 邹宏伟（蒙古族）、谢雨桐（女）
		}
		if s.HasAt(q, "同志") {
			q += 2
		}
		q = s.skipNote(q)
		respectively := false
		if s.HasAt(q, "分别") {
			q, respectively = q+2, true // 任命A、B、C分别为X、Y、Z
		}
		switch {
		case s.HasAt(q, "为"):
			q++
		case s.HasAt(q, "的"):
			q++
		case s.HasAt(q, "辞去"):
			q += 2
			kind = "end"
		}
		items, end := s.postList(q, v)
		if respectively && len(names) > 1 && len(items) == len(names) {
			for i, nm := range names { // each their own
				if p := s.accept(nm[0], nm[1], RuleAppointName, slot && nm[0] == after); p != "" {
					s.appointPost(p, items, i, kind, v, RuleAppointObject)
				}
			}
			v = end
			continue
		}
		for len(items) > 0 {
			for _, nm := range names {
				// the slot says it is a name, whatever the recogniser read
				// across it and the place after it
				if p := s.accept(nm[0], nm[1], RuleAppointName, slot && nm[0] == after); p != "" {
					s.appointPosts(p, items, kind, v, RuleAppointObject)
				}
			}
			// 任命A为X，B为Y: the verb governs the next pair too
			names, q = s.nextAppointee(end)
			if len(names) == 0 {
				break
			}
			items, end = s.postList(q, v)
		}
		v = q
	}
}

// formerPosts reads NAME(同志)此前任/曾任/原任 POSTS at the 任 at v: the
// posts the person held before, with no start or end (GUIDELINES: posts
// held, 曾任…). It reports whether 任 is such a verb.
func (s *state) formerPosts(v int) bool {
	b := v
	switch {
	case v >= 2 && s.Str(v-2, v) == "此前":
		b = v - 2
	case v >= 1 && (s.t[v-1] == '曾' || s.t[v-1] == '原'):
		b = v - 1
	default:
		return false
	}
	subj := s.n.SubjectsBefore(b)
	if len(subj) == 0 {
		return true
	}
	items, _ := s.postList(v+1, v)
	if len(items) == 0 {
		return true
	}
	for _, nm := range subj {
		p := s.acceptName(nm[0], nm[1], RuleAppointName)
		if p == "" {
			continue
		}
		for _, ps := range s.resolveChain(items, nil, nil) {
			if ps.IsPost() {
				s.addPost(p, doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: s.SentenceOf(v), Rule: RuleFormer})
			}
		}
	}
	return true
}

// resignerBefore reads the person of 接受(了)NAME(同志)(因…)辞去…, the
// request a body accepts, when a reason stands between the name and the
// verb at v: the name after 接受, in the clause.
func (s *state) resignerBefore(v int) [][2]int {
	cs := s.ClauseStart(v, s.SentenceOf(v).Start)
	k := s.LastIndexOf(cs, v, "接受")
	if k < 0 {
		return nil
	}
	a := k + 2
	if s.HasAt(a, "了") {
		a++
	}
	n := s.nameAt(a)
	if n == 0 {
		for _, m := range []int{3, 2} { // a name the reason ends (接受王某某因…)
			if a+m < v && (s.HasAt(a+m, "因") || s.HasAt(a+m, "同志")) && len(s.surnameAt(a)) > 0 && s.n.GivenOK(a+1, a+m) {
				n = m
				break
			}
		}
	}
	if n == 0 || a+n > v {
		return nil
	}
	return [][2]int{{a, n}}
}

// slotName reads the name an appointment's verb is followed by where the
// posts come right after it, with no 的 or 为 between (免去邬某某县财政局局长
// 职务): a surname and one or two given-name characters, then a division
// of the gazetteer, an organisation or a title. Its length, or 0.
func (s *state) slotName(a int) int {
	if l, _ := s.Gazetteer.LongestAt(s.t, a); l >= 2 {
		return 0 // 免去张家口市…: a place, not 张某
	}
	for _, n := range []int{3, 2} {
		e := a + n
		if e >= len(s.t) || s.CommonWord(string(s.t[a:e])) {
			continue
		}
		for _, sl := range s.surnameAt(a) {
			if sl >= n || !s.n.GivenOK(a+sl, e) {
				continue
			}
			if l, _ := s.Gazetteer.LongestAt(s.t, e); l >= 2 {
				return n
			}
			if l, _ := s.Orgs.LongestAt(s.t, e); l > 0 {
				return n
			}
			if l, _ := s.Titles.LongestAt(s.t, e); l > 0 {
				return n
			}
		}
	}
	return 0
}

// nextAppointee reads ",B(、C)为" at end, the next pair of an appointment
// list (任命A为X，B为Y): the names and where their posts start.
func (s *state) nextAppointee(end int) ([][2]int, int) {
	if s.HasAt(end, "职务") {
		end += 2
	}
	if end >= len(s.t) || s.t[end] != ',' && s.t[end] != '、' {
		return nil, end
	}
	names, q := s.namesAt(end + 1)
	if len(names) == 0 || !s.HasAt(q, "为") && !s.HasAt(q, "的") {
		return nil, end
	}
	return names, q + 1 // 任命A为X，B为Y; 免去A的X职务，B的Y职务
}

// namesAt reads names joined by 、 from a, each with an optional 同志, and
// returns them and where they end.
func (s *state) namesAt(a int) ([][2]int, int) {
	var names [][2]int
	q := a
	for {
		n := s.nameAt(q)
		if n == 0 {
			return names, q
		}
		names = append(names, [2]int{q, n})
		q += n
		if s.HasAt(q, "同志") {
			q += 2
		}
		q = s.skipNote(q)
		if q < len(s.t) && s.t[q] == '、' && s.nameAt(q+1) > 0 {
			q++
			continue
		}
		return names, q
	}
}

// postList reads the posts listed from q to 职务, the request (的请求) or
// the sentence's end: 中共某某县委委员、常委、书记, 某某县人民政府副县长.
// It returns them and where the list stopped.
func (s *state) postList(q, v int) ([]posts.Item, int) {
	sent := s.SentenceOf(v)
	var items []posts.Item
	var levels []string // 市、县人大代表: levels that share the next item's head
	a := q
	for k := q; k <= sent.End && k <= len(s.t); k++ {
		atEnd := k == sent.End || k == len(s.t)
		stop := !atEnd && (s.t[k] == ';' || text.IsSentenceEnd(s.t[k]) || s.HasAt(k, "职务") || s.HasAt(k, "的请求") || s.HasAt(k, "的决定"))
		if !atEnd && !stop && s.t[k] != '、' && s.t[k] != ',' {
			continue
		}
		if !atEnd && !stop && (s.t[k] == ',' && k > a && s.clauseHasVerb(k+1) || (s.t[k] == ',' || s.t[k] == '、') && s.startsAppointee(k+1)) {
			stop = true // the next clause is an appointment of its own
		}
		seg := s.Str(a, k)
		if strings.Contains(seg, "候选人") {
			break
		}
		if k < len(s.t) && s.t[k] == '、' && len([]rune(seg)) == 1 && strings.Contains("省市县区旗州盟镇乡", seg) {
			levels = append(levels, seg)
			a = k + 1
			continue
		}
		e := k // a note in brackets after the post (试用期一年) is no part of it
		if e > a && s.t[e-1] == ')' {
			if o := s.lastIndex(a, e, '('); o > a {
				e = o
			}
		}
		tl, cls := s.titleEndingAt(e)
		if tl == 0 || e-tl < a {
			break
		}
		org := s.Str(a, e-tl)
		if strings.ContainsAny(org, " 的") || strings.HasPrefix(org, "这") || strings.HasPrefix(org, "那") {
			break // names apart by spaces (任命A B为…), 这所学校的校长: no organisation
		}
		if ors := []rune(org); len(levels) > 0 && len(ors) > 1 && strings.ContainsRune("省市县区旗州盟镇乡", ors[0]) {
			for _, lv := range levels { // 市、县人大代表 → 市人大代表, 县人大代表
				items = append(items, posts.Item{Org: lv + string(ors[1:]), Title: s.Str(e-tl, e), Class: cls, Span: text.Span(a, e)})
			}
		}
		levels = nil
		items = append(items, posts.Item{Org: org, Title: s.Str(e-tl, e), Class: cls, Span: text.Span(a, e)})
		if atEnd || stop {
			return items, k
		}
		a = k + 1
	}
	return items, a
}

// startsAppointee reports whether "NAME(、NAME)为" starts at a (the next
// pair of 任命A为X，B、C为Y).
func (s *state) startsAppointee(a int) bool {
	names, q := s.namesAt(a)
	return len(names) > 0 && s.HasAt(q, "为")
}

// appointPosts records the posts of an appointment (start) or a removal
// (end), dated by the meeting or date before the verb at v.
func (s *state) appointPosts(p string, items []posts.Item, kind string, v int, rule string) {
	s.appointPost(p, items, -1, kind, v, rule)
}

// appointPost is appointPosts of the only-th post of the chain the items
// make (all of them for -1): 任命A、B分别为X、Y gives A the first and B the
// second, each read in the chain (某县财政局局长、审计局局长 → 某县审计局局长).
func (s *state) appointPost(p string, items []posts.Item, only int, kind string, v int, rule string) {
	sent := s.SentenceOf(v)
	s.lastPerson, s.lastPersonSent = p, sent
	date := dates.Before(s.D, v)
	here := false
	for _, dm := range s.D.Dates {
		if dm.ISO != "" && dm.Start >= sent.Start && dm.Start < v {
			here = true
		}
	}
	var prev *posts.Post
	if s.lastAppointed != nil && s.lastAppointedSent == sent {
		prev = s.lastAppointed // 当选为县人民政府县长,…当选副县长: the same government
	} else if s.lastAppointed != nil && len(items) > 0 && items[0].Org == "" && s.lastAppointed.Rest != "" &&
		s.SentenceIndex(v) == s.SentenceIndex(s.lastAppointedSent.Start)+1 && s.sameParagraph(s.lastAppointedSent.Start, v) {
		// …当选为政协某县委员会主席。A、B等25人当选为常务委员: the body of the
		// election the sentence before told of
		prev = s.lastAppointed
	}
	body := s.establishedBody(sent, v)
	if body == "" {
		body = s.plenaryCommittee(sent, v)
	}
	if body != "" {
		// 成立某某临时党总支，A担任临时党总支书记，B任副书记: the body the
		// sentence sets up is the organisation of its bare or shortened posts
		items = append([]posts.Item(nil), items...)
		for i := range items {
			if items[i].Org == "" || strings.HasSuffix(body, items[i].Org) {
				items[i].Org = body
			}
		}
	}
	chain := s.resolveChain(items, prev, nil)
	if prev != nil && len(chain) > 0 && chain[0].Rest == "" && chain[0].Place == prev.Place &&
		(prev.Rest == "人民政府" || prev.Rest == "政府") && (chain[0].Class == "head" || chain[0].Class == "deputy") {
		chain[0].Rest = prev.Rest // 当选为县人民政府县长,…当选副县长 → 县人民政府副县长
		chain[0].Canon = posts.Render(chain[0])
	}
	if len(chain) > 0 {
		s.lastAppointed, s.lastAppointedSent = &chain[len(chain)-1], sent
	}
	for ci, ps := range chain {
		if only >= 0 && ci != only {
			continue
		}
		d := date
		if !ps.IsPost() {
			continue
		}
		f := doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: sent, Rule: rule, DatedHere: here}
		if kind == "start" {
			f.Start = &d
		} else {
			f.End = &d
		}
		s.addPost(p, f)
	}
}

// clauseHasVerb reports whether the clause from a to the next comma or
// sentence end holds an appointment or removal verb.
func (s *state) clauseHasVerb(a int) bool {
	for k := a; k < len(s.t) && !text.IsClauseEnd(s.t[k]); k++ {
		if s.r.appoint.HasPrefixAt(s.t, k) || s.r.remove.HasPrefixAt(s.t, k) {
			if l, _ := s.Titles.LongestEndingAt(s.t, k+1, 6); l >= 2 {
				continue // 任 of 主任: a title's, no verb
			}
			return true
		}
	}
	return false
}

// findProfileAppointments reads the appointment a profile announces, as a
// 任职公告 prints it: "王某，男，汉族，1978年3月生，大学学历，任某县教育局局长
// （试用期一年）。" — a sentence that opens with a name and 男 or 女, and an
// item ，任POSTS.
func (s *state) findProfileAppointments() {
	for _, sent := range s.D.Sentences {
		a := s.skipLead(sent.Start, sent.End)
		n := s.profileNameAt(a)
		if n == 0 {
			continue
		}
		for v := a + n; v+1 < sent.End; v++ {
			if s.t[v] != '任' || s.t[v-1] != ',' || strings.ContainsRune("职期", s.t[v+1]) {
				continue
			}
			items, _ := s.postList(v+1, v)
			if len(items) == 0 {
				continue
			}
			if p := string(s.t[a : a+n]); s.persons.Has(p) {
				s.appointPosts(p, items, "start", v, RuleProfileAppoint) // its name read by findProfileNames
			}
			break
		}
	}
}

// findPresentPosts reads the posts a profile says its person holds now:
// "陈某，男，汉族，1975年3月生，…，现任某县财政局副局长，拟任…" (任前公示,
// 任免 notices). The person is the name that opens the sentence; what they
// are to take up (拟任) is no post until the text says they took it.
func (s *state) findPresentPosts() {
	for v := 1; v < len(s.t); v++ {
		l, _ := s.r.present.LongestAt(s.t, v)
		if l == 0 {
			continue
		}
		sent := s.SentenceOf(v)
		a := s.skipLead(sent.Start, v)
		n, profile := s.profileNameAt(a), true
		if n == 0 {
			n, profile = s.nameAt(a), false
		}
		if n == 0 && a == v {
			// the profile's sentence before (…加入中国共产党。现任…): its name
			if si := s.SentenceIndex(v); si > 0 {
				prev := s.D.Sentences[si-1]
				if b := s.skipLead(prev.Start, prev.End); s.sameParagraph(b, v) {
					if m := s.profileNameAt(b); m > 0 {
						a, n, profile = b, m, true
					}
				}
			}
		}
		if n == 0 || a+n >= v || !text.IsPunct(s.t[a+n]) {
			continue
		}
		items, _ := s.postList(v+l, v)
		if len(items) == 0 {
			continue
		}
		p := ""
		if profile {
			if name := string(s.t[a : a+n]); s.persons.Has(name) {
				p = name // read by findProfileNames
			}
		} else {
			p = s.acceptName(a, n, RuleAppointName)
		}
		if p == "" {
			continue
		}
		for _, ps := range s.resolveChain(items, nil, nil) {
			if ps.IsPost() {
				s.addPost(p, doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: sent, Rule: RulePresent})
			}
		}
		v += l
	}
}

// appointmentBlock reads the list that a verb and a colon open, an item a
// line or clause: "决定任命：\n王某为某县财政局局长；\n李某为…。" and
// "免去：\n赵某的某县审计局局长职务；". Each item is NAME(、NAME)为POSTS (or
// NAME的POSTS职务 after a removal). It returns where the block ends, or a
// when no colon follows the verb.
func (s *state) appointmentBlock(a, v int, kind string) int {
	q := a
	for q < len(s.t) && s.t[q] == ' ' {
		q++
	}
	// the verb as a heading of its own line (一、任命\nA为X；) opens a block
	// as a colon does
	lineHead := s.headingAt(v)
	heading := q < len(s.t) && s.t[q] == '\n' && lineHead
	if q >= len(s.t) || s.t[q] != ':' && !heading {
		return a
	}
	for q++; q < len(s.t) && (s.t[q] == ' ' || s.t[q] == '\n'); q++ {
	}
	end := a
	for q < len(s.t) {
		q = s.skipLead(q, len(s.t)) // 1.邬某，…: an item's number
		var names [][2]int
		k, cell := q, false
		for {
			n := s.nameAt(k)
			if c := s.cellName(k); c > 0 && lineHead && len(names) == 0 {
				n = c
				cell = true
			}
			if n == 0 {
				break
			}
			names = append(names, [2]int{k, n})
			k += n
			if s.HasAt(k, "同志") {
				k += 2
			}
			if k < len(s.t) && s.t[k] == '、' {
				k++
				continue
			}
			break
		}
		if m := s.itemName(q); m > 0 && (len(names) != 1 || !s.HasAt(k, "为") && !s.HasAt(k, "的")) && (len(names) == 0 || names[0][1] != m) {
			// the item says where its name ends (海来阿支为…, 李慧为县…: not 李慧为),
			// whatever the names read
			names, k, cell = [][2]int{{q, m}}, q+m, true
		}
		if len(names) == 0 {
			break
		}
		switch {
		case s.HasAt(k, "为") || s.HasAt(k, "的"):
			k++
		case k < len(s.t) && (s.t[k] == ',' || s.t[k] == ':') && len(names) == 1:
			k++ // 任命：王某，某县教育局局长；李某，… (or 王某：某县教育局局长)
		case k < len(s.t) && (s.t[k] == ' ' || s.t[k] == '\n' && cell) && lineHead:
			// a line "NAME　POSTS" under the verb as a heading (任命\n王某　某县财政局局长),
			// or the name and its posts on lines of their own (a table's cells)
			for k < len(s.t) && (s.t[k] == ' ' || s.t[k] == '\n') {
				k++
			}
		default:
			k = -1
		}
		if k < 0 {
			break
		}
		items, stop := s.postList(k, k)
		if len(items) == 0 {
			break
		}
		for _, nm := range names {
			if p := s.accept(nm[0], nm[1], RuleAppointName, cell); p != "" {
				s.appointPosts(p, items, kind, v, RuleAppointBlock)
			}
		}
		end = stop
		// the next item: after ；, a line break, or a sentence end inside the block
		q = stop
		for q < len(s.t) && (s.t[q] == ';' || s.t[q] == ',' || s.t[q] == '。' || s.t[q] == '\n' || s.t[q] == ' ' || s.HasAt(q, "职务") || s.t[q] == '(') {
			if s.HasAt(q, "职务") {
				q += 2
				continue
			}
			if s.t[q] == '(' { // a note after the item (退休), (另有任用)
				if k := s.skipNote(q); k > q {
					q = k
					continue
				}
				break
			}
			q++
		}
	}
	return end
}

// itemName reads the name of an item of an appointment block by the
// item's own shape: two to four Han characters from the item's start to
// 为 (任命) or 的 (免去), none that never stands in a name (but a given name's
// last 年), no verb or cue among them; its length, or 0.
func (s *state) itemName(k int) int {
	return s.nameRunTo(k, true, func(j int) bool {
		return (s.t[j] == '为' || s.t[j] == '的') && !s.HasAt(j+1, "职务")
	})
}

// nameBeforeComrade reads a name of two to four Han characters that 同志
// ends (阿牛木呷同志的…), none that never stands in a name and no verb or cue
// among them: its length, or 0.
func (s *state) nameBeforeComrade(k int) int {
	return s.nameRunTo(k, false, func(j int) bool { return s.HasAt(j, "同志") })
}

// nameRunTo reads two to four Han characters from k up to where ends says
// the name ends, none that never stands in a name (year: but a last 年 of
// the given name), no verb, cue or 同志 among them, and no ordinary word:
// their length, or 0.
func (s *state) nameRunTo(k int, year bool, ends func(j int) bool) int {
	if k >= len(s.t) || !text.IsHan(s.t[k]) || s.NotInName[s.t[k]] {
		return 0
	}
	for j := k + 2; j <= k+4 && j < len(s.t); j++ {
		r := s.t[j-1]
		if !text.IsHan(r) || s.NotInName[r] && !(year && j-1 > k+1 && r == '年') {
			return 0
		}
		if s.r.appoint.HasPrefixAt(s.t, j-1) || s.r.remove.HasPrefixAt(s.t, j-1) || s.Cut.HasPrefixAt(s.t, j-1) || s.HasAt(j-1, "同志") {
			return 0 // 任命邬某为…: a verb, not a name; 邬某同志为…: read by the names
		}
		if ends(j) {
			if s.CommonWord(string(s.t[k:j])) {
				return 0
			}
			return j - k
		}
	}
	return 0
}

// lastIndex returns the last index of r in [a, b), or -1.
func (s *state) lastIndex(a, b int, r rune) int {
	for k := b - 1; k >= a; k-- {
		if s.t[k] == r {
			return k
		}
	}
	return -1
}

// sameParagraph reports whether no blank line lies between a and b.
func (s *state) sameParagraph(a, b int) bool {
	lines := 0
	for k := a; k < b && k < len(s.t); k++ {
		switch s.t[k] {
		case '\n':
			lines++
			if lines > 1 {
				return false
			}
		case ' ':
		default:
			lines = 0
		}
	}
	return true
}

// headingAt reports whether the verb at v starts its line but for an
// enumerator (一、, (二), 3.).
func (s *state) headingAt(v int) bool {
	k := v
	for k > 0 && s.t[k-1] != '\n' {
		k--
		if s.t[k] != ' ' && !isEnumerator(s.t[k]) {
			return false
		}
	}
	return true
}

// isEnumerator reports whether r belongs to an item's number (一、, (二),
// 3.) before a line's text.
func isEnumerator(r rune) bool {
	return strings.ContainsRune("一二三四五六七八九十()（）、.．", r) || text.IsDigit(r)
}

// skipLead returns where the text of a line or sentence starts after a:
// past spaces, line breaks and an item's number (1. 2、 一、 （三） (4)).
func (s *state) skipLead(a, end int) int {
	a = s.skipBlank(a, end)
	if k := text.ItemNumberEnd(s.t, a, end); k > a {
		return s.skipBlank(k, end)
	}
	return a
}

// skipBlank returns the first position from a, before end, that is no
// space or line break.
func (s *state) skipBlank(a, end int) int {
	for a < end && (s.t[a] == ' ' || s.t[a] == '\n') {
		a++
	}
	return a
}

// skipNote steps over a short note in brackets after a name (（女）,
// （挂职）, （正科级）): it is no part of the posts that follow.
func (s *state) skipNote(q int) int {
	if q >= len(s.t) || s.t[q] != '(' && s.t[q] != '（' {
		return q
	}
	for k := q + 1; k < len(s.t) && k <= q+12; k++ {
		switch s.t[k] {
		case ')', '）':
			return k + 1
		case ',', '。', '\n', ';':
			return q
		}
	}
	return q
}

// itemSubjectBefore reads the person of an item of a list of
// appointments, "蓝某（女），任某县教育局副局长；" or "蓝某（女）任…": a name
// that opens its line or clause (after ；or ：), then a note in brackets, a
// comma or both before the verb at v.
func (s *state) itemSubjectBefore(v int) [][2]int {
	e := v - 1
	if e < 2 || s.t[e] != ',' && s.t[e] != ')' {
		return nil
	}
	if s.t[e] == ')' {
		e = v // 蓝某（女）任…: the note alone ends the name
	}
	if s.t[e-1] == ')' {
		if o := s.lastIndex(max(0, e-8), e, '('); o > 0 {
			e = o
		}
	}
	if s.HasAt(e-2, "同志") {
		e -= 2
	}
	a, n := s.nameEndingAt(e)
	if n == 0 {
		return nil
	}
	k := a
	for k > 0 && (s.t[k-1] == ' ' || isEnumerator(s.t[k-1])) {
		k--
	}
	if k > 0 && s.t[k-1] != '\n' && s.t[k-1] != ';' && s.t[k-1] != ':' && s.t[k-1] != ',' {
		return nil
	}
	return [][2]int{{a, n}}
}

// cellName reads a name that fills the first cell of a line, a space or
// the line's end after it (王某某　某县财政局局长): its length, or 0.
func (s *state) cellName(k int) int {
	if k > 0 && s.t[k-1] != '\n' {
		return 0
	}
	for n := 2; n <= 4 && k+n < len(s.t); n++ {
		if s.t[k+n] == ' ' || s.t[k+n] == '\n' {
			if text.AllHan(s.t[k:k+n]) && s.r.lx.SurnameName(string(s.t[k:k+n])) {
				return n
			}
			return 0
		}
	}
	return 0
}

// preferFullName returns the length of the appointee's name at a, read
// as n characters: a two-character reading whose next character opens a
// place's name (牛建|华县财政局局长) gives way to the three-character name
// when the posts after that still read (牛建华|县财政局局长), the commoner
// shape of a Chinese name, unless the text names that place elsewhere.
func (s *state) preferFullName(a, n int) int {
	if n != 2 || a+4 > len(s.t) || !strings.ContainsRune("县市区旗", s.t[a+3]) {
		return n
	}
	full := string(s.t[a : a+3])
	if !s.r.lx.SurnameName(full) || s.IndexOf(0, a+2, string(s.t[a+2:a+4])) >= 0 || s.IndexOf(a+3, len(s.t), string(s.t[a+2:a+4])) >= 0 {
		return n
	}
	if items, _ := s.postList(a+3, a+3); len(items) == 0 {
		return n
	}
	return 3
}

// establishedBody returns the body that the sentence sets up before v
// (成立某某临时党总支, 组建某某工作专班), or "".
func (s *state) establishedBody(sent doc.Span, v int) string {
	for _, w := range []string{"成立", "组建", "设立"} {
		k := s.IndexOf(sent.Start, v, w)
		if k < 0 {
			continue
		}
		a := k + 2
		if s.HasAt(a, "了") {
			a++
		}
		e := a
		for e < v && !text.IsPunct(s.t[e]) {
			e++
		}
		if body := s.Str(a, e); e-a >= 3 && s.p.EndsLikeOrg(body) {
			return body
		}
	}
	return ""
}

// plenaryCommittee returns the committee whose plenary session elects at
// v (中共某镇第十五届委员会第一次全体会议选举A为书记 → 中共某镇第十五届委员会),
// the organisation of its bare posts; "" when the clause names none.
func (s *state) plenaryCommittee(sent doc.Span, v int) string {
	cs := s.ClauseStart(v, sent.Start)
	k := s.LastIndexOf(cs, v, "委员会第")
	if k < 0 || s.IndexOf(k, v, "全体会议") < 0 {
		return ""
	}
	a := k
	for a > cs && !text.IsPunct(s.t[a-1]) {
		a--
	}
	if body := s.Str(a, k+3); k+3-a >= 5 {
		return body
	}
	return ""
}

// respectively reports whether 分别 stands between the last subject nm and
// the verb at v (A、B同志分别任X、Y).
func (s *state) respectively(nm [2]int, v int) bool {
	return s.IndexOf(nm[0]+nm[1], v, "分别") >= 0
}

// profileNameAt reads the name that opens a profile, "王某某，男，汉族，…" (任前
// 公示, 任职公告): the Han characters before ，男 or ，女, two to six of them
// (宝音图, 乌云其木格: the profile says it is a name, whatever the recogniser
// read); 0 when none.
func (s *state) profileNameAt(a int) int {
	for n := 2; n <= 6 && a+n < len(s.t); n++ {
		if !text.IsHan(s.t[a+n-1]) {
			return 0
		}
		if (s.HasAt(a+n, ",男") || s.HasAt(a+n, ",女")) && a+n+2 < len(s.t) && strings.ContainsRune(",(;。", s.t[a+n+2]) {
			return n // not 可是，女儿…
		}
	}
	return 0
}

// findProfileNames records the names that open profiles, whether or not
// the profile gives a post (拟任… gives none).
func (s *state) findProfileNames() {
	for _, sent := range append(s.Lines(), s.D.Sentences...) {
		a := s.skipLead(sent.Start, sent.End)
		if n := s.profileNameAt(a); n > 0 && !s.n.IsByline(a) {
			// 男 or 女 after it says it is a person's name, though gse knows
			// the word as a place's (乌云其木格)
			s.persons.Add(string(s.t[a:a+n]), text.Span(a, a+n), RuleAppointName)
		}
	}
}
