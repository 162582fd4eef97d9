package persons

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/dates"
	"github.com/kg-cn/kg/nlp/extract/names"
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
		// PERSON(、PERSON)* (同志) (以…票) VERB (为) POSTS
		if subj := s.subjectsBefore(v); len(subj) > 0 {
			q := after
			if s.HasAt(q, "为") && !strings.HasSuffix(verb, "为") {
				q++
			}
			if items := s.postList(q, v); len(items) > 0 {
				for _, nm := range subj {
					if p := s.acceptName(nm[0], nm[1], RuleAppointName); p != "" {
						s.appointPosts(p, items, kind, v, RuleAppointSubject)
					}
				}
			}
			continue
		}
		if verb == "任" || verb == "担任" || verb == "兼任" || verb == "当选" {
			continue // these need the person before them
		}
		// VERB PERSON(、PERSON)* (同志) (为|的|辞去) POSTS
		n := s.nameAt(after)
		if n == 0 {
			// the person's present posts may come first: 任命县委副书记某某同志为…
			after, n = s.nameAfterTitles(after)
		}
		if n == 0 {
			continue
		}
		names := [][2]int{{after, n}}
		q := after + n
		for q < len(s.t) && s.t[q] == '、' {
			m := s.nameAt(q + 1)
			if m == 0 {
				break
			}
			names = append(names, [2]int{q + 1, m})
			q += 1 + m
		}
		if s.HasAt(q, "同志") {
			q += 2
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
		if items := s.postList(q, v); len(items) > 0 {
			for _, nm := range names {
				if p := s.acceptName(nm[0], nm[1], RuleAppointName); p != "" {
					s.appointPosts(p, items, kind, v, RuleAppointObject)
				}
			}
		}
		v = q
	}
}

// nameAfterTitles finds a name that a chain of titles starting at a leads
// to, within the clause (县委常委、副书记某某): its start and length, or 0, 0.
func (s *state) nameAfterTitles(a int) (int, int) {
	for j := a + 2; j < a+30 && j < len(s.t); j++ {
		if s.t[j] != '、' && (text.IsPunct(s.t[j]) || text.IsSentenceEnd(s.t[j])) {
			break
		}
		if s.endsTitle(j) {
			if m := s.nameAt(j); m > 0 {
				return j, m
			}
		}
	}
	return 0, 0
}

// subjectsBefore finds the names that are the subject of the verb at v:
// one name (with an optional 同志) right before it, or a list of names
// joined by 、, 和, 及 or 与 (王某、李某和张某当选…), or "NAME等N名代表"
// (the named one only). Words between subject and verb that only qualify
// the vote (以190票的高票, 全票, 分别, 均) are skipped. Returns start and
// length of each name, in text order.
func (s *state) subjectsBefore(v int) [][2]int {
	e := s.skipVoteQualifier(v)
	if k := s.countedGroupBefore(e); k >= 0 {
		e = k
	}
	a, n := s.nameEndingAt(e)
	if n == 0 && e < v {
		a, n = s.nameBefore(e) // the qualifier marks where the name ends
	}
	if n == 0 {
		return nil
	}
	out := [][2]int{{a, n}}
	for a > 1 && names.IsListJoiner(s.t[a-1]) {
		b, m := s.n.ListNameEndingAt(a - 1)
		if m == 0 {
			break
		}
		out = append(out, [2]int{b, m})
		a = b
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// skipVoteQualifier returns where the subject ends before the verb at v,
// stepping back over qualifiers of the vote (以190票的高票, 全票, 分别, 均).
func (s *state) skipVoteQualifier(v int) int {
	e := v
	for {
		if l, _ := s.r.voteQualifier.LongestEndingAt(s.t, e, 4); l > 0 {
			e -= l
			continue
		}
		if k := s.voteCountBefore(e); k >= 0 {
			e = k
			continue
		}
		return e
	}
}

// voteCountBefore returns the start of 以N票(的高票|的赞成票) ending at e, or -1.
func (s *state) voteCountBefore(e int) int {
	votes := false
	for k := e - 1; k >= 0 && k > e-12; k-- {
		r := s.t[k]
		switch {
		case r == '以':
			if votes {
				return k
			}
			return -1
		case r == '票':
			votes = true
		case !text.IsDigit(r) && !isChineseNumeral(r) && !strings.ContainsRune("的高全满赞成得张", r):
			return -1
		}
	}
	return -1
}

// countedGroupBefore returns the start of "等N名代表" ending at e (the
// name before it heads the group), or -1.
func (s *state) countedGroupBefore(e int) int {
	k := e
	if l, _ := s.r.groupNoun.LongestEndingAt(s.t, k, 3); l > 0 {
		k -= l
	}
	if k > 0 && s.t[k-1] == '名' || k > 0 && s.t[k-1] == '位' {
		k--
	} else {
		return -1
	}
	d := k
	for d > 0 && (text.IsDigit(s.t[d-1]) || isChineseNumeral(s.t[d-1])) {
		d--
	}
	if d == k || d == 0 || s.t[d-1] != '等' {
		return -1
	}
	return d - 1
}

func isChineseNumeral(r rune) bool {
	return strings.ContainsRune("零一二两三四五六七八九十百千", r)
}

// nameEndingAt finds a name (with an optional 同志) that ends just before v.
func (s *state) nameEndingAt(v int) (int, int) {
	e := v
	if e >= 2 && s.Str(e-2, e) == "同志" {
		e -= 2
	}
	for _, n := range []int{3, 2, 4} {
		a := e - n
		if a < 0 {
			continue
		}
		if s.nameAt(a) == n && (a == 0 || text.IsPunct(s.t[a-1]) || s.EndsCue(a, s.Cut) || s.endsTitle(a)) {
			return a, n
		}
	}
	return 0, 0
}

// postList reads the posts listed from q to 职务, the request (的请求) or
// the sentence's end: 中共某某县委委员、常委、书记, 某某县人民政府副县长.
func (s *state) postList(q, v int) []posts.Item {
	sent := s.SentenceOf(v)
	var items []posts.Item
	a := q
	for k := q; k <= sent.End && k <= len(s.t); k++ {
		atEnd := k == sent.End || k == len(s.t)
		stop := !atEnd && (s.t[k] == ';' || text.IsSentenceEnd(s.t[k]) || s.HasAt(k, "职务") || s.HasAt(k, "的请求"))
		if !atEnd && !stop && s.t[k] != '、' && s.t[k] != ',' {
			continue
		}
		if !atEnd && !stop && s.t[k] == ',' && k > a && s.clauseHasVerb(k+1) {
			stop = true // the next clause is an appointment of its own
		}
		seg := s.Str(a, k)
		if strings.Contains(seg, "候选人") {
			break
		}
		tl, cls := s.titleEndingAt(k)
		if tl == 0 || k-tl < a {
			break
		}
		items = append(items, posts.Item{Org: s.Str(a, k-tl), Title: s.Str(k-tl, k), Class: cls, Span: text.Span(a, k)})
		if atEnd || stop {
			break
		}
		a = k + 1
	}
	return items
}

// appointPosts records the posts of an appointment (start) or a removal
// (end), dated by the meeting or date before the verb at v.
func (s *state) appointPosts(p string, items []posts.Item, kind string, v int, rule string) {
	sent := s.SentenceOf(v)
	date := dates.Before(s.D, v)
	var prev *posts.Post
	if s.lastAppointed != nil && s.lastAppointedSent == sent {
		prev = s.lastAppointed // 当选为县人民政府县长,…当选副县长: the same government
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
	for _, ps := range chain {
		d := date
		if !ps.IsPost() {
			continue
		}
		f := doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: sent, Rule: rule}
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
			return true
		}
	}
	return false
}

// nameBefore finds a name of two to four characters that ends at e where
// e is known to end it (a vote qualifier follows): a surname, given-name
// characters, and a clause start or a list joiner before it.
func (s *state) nameBefore(e int) (int, int) {
	for _, n := range []int{3, 2, 4} {
		a := e - n
		if a < 0 || !(a == 0 || text.IsPunct(s.t[a-1]) || names.IsListJoiner(s.t[a-1]) || s.EndsCue(a, s.Cut)) {
			continue
		}
		for _, sl := range s.surnameAt(a) {
			if sl < n && s.givenOK(a+sl, e) {
				return a, n
			}
		}
	}
	return 0, 0
}
