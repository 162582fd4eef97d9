package extract

import (
	"strings"
)

// findCommendations reads who an event commends and with which honour:
// 授予张三、李四等10名同志“某某市劳动模范”荣誉称号; 某单位荣获“先进单位”称号;
// 被评为“…”. Unnamed groups (先进单位和个人) give nothing.
func (s *state) findCommendations() {
	for _, sent := range s.d.Sentences {
		for k := sent.Start; k < sent.End; k++ {
			l, _ := s.e.honour.LongestAt(s.t, k)
			if l == 0 {
				continue
			}
			verb := s.str(k, k+l)
			q := s.indexFrom(k+l, sent.End, '“')
			if q < 0 {
				continue
			}
			qe := s.indexFrom(q+1, sent.End, '”')
			if qe < 0 {
				continue
			}
			honour := s.str(q+1, qe)
			var list string
			switch verb {
			case "授予", "命名为":
				list = s.str(k+l, q)
			default: // 荣获, 被评为: the honorees come before the verb
				cs := s.clauseStart(k, sent.Start)
				list = s.str(cs, k)
				list = strings.TrimSuffix(list, "被")
			}
			for _, h := range s.splitHonorees(list) {
				s.honours = append(s.honours, honourFact{event: s.eventFor(sent), name: h, isPerson: s.persons[h] != nil, honour: honour, ev: sent})
			}
			k = qe
		}
	}
}

func (s *state) indexFrom(a, b int, r rune) int {
	for k := a; k < b; k++ {
		if s.t[k] == r {
			return k
		}
	}
	return -1
}

// splitHonorees splits 张三、李四等10名同志 into its named members.
func (s *state) splitHonorees(list string) []string {
	if i := strings.Index(list, "等"); i >= 0 {
		list = list[:i]
	}
	var out []string
	for _, h := range strings.FieldsFunc(list, func(r rune) bool { return r == '、' || r == ',' || r == '和' || r == ' ' }) {
		h = strings.TrimSpace(strings.TrimSuffix(h, "同志"))
		if h == "" || strings.ContainsAny(h, "0123456789") || strings.Contains(h, "先进") || len([]rune(h)) < 2 {
			continue
		}
		if rs := []rune(h); s.nameAtString(rs) {
			s.addPersonByName(h)
		}
		out = append(out, h)
	}
	return out
}

// nameAtString reports whether the whole string is a person's name.
func (s *state) nameAtString(rs []rune) bool {
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	if s.persons[string(rs)] != nil {
		return true
	}
	for _, sl := range []int{2, 1} {
		if sl < len(rs) && s.e.lx.Surnames[string(rs[:sl])] {
			ok := true
			for _, r := range rs[sl:] {
				if !isHan(r) || s.e.notInName[r] {
					ok = false
				}
			}
			return ok && len(rs)-sl <= 2
		}
	}
	return false
}

// addPersonByName records the first mention of a name found in a list.
func (s *state) addPersonByName(name string) {
	rs := []rune(name)
	for i := 0; i+len(rs) <= len(s.t); i++ {
		if s.hasAt(i, name) {
			s.addPerson(name, spanOf(i, i+len(rs)))
			return
		}
	}
}
