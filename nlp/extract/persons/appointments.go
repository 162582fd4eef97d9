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
		// PERSON(、PERSON)* (同志) (以…票) VERB (为) POSTS
		if subj := s.n.SubjectsBefore(v); len(subj) > 0 {
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
			after, n = s.n.AfterTitles(after)
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
