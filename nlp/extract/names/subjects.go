package names

import (
	"strings"

	"github.com/kg-cn/kg/nlp/extract/text"
)

// The names an appointment reads: its subjects before the verb (王某、李某和
// 张某当选…), or the name after the titles a person holds now.

// AfterTitles finds a name that a chain of titles starting at a leads
// to, within the clause (县委常委、副书记某某): its start and length, or 0, 0.
func (s *Reader) AfterTitles(a int) (int, int) {
	for j := a + 2; j < a+30 && j < len(s.t); j++ {
		if s.t[j] != '、' && (text.IsPunct(s.t[j]) || text.IsSentenceEnd(s.t[j])) {
			break
		}
		if s.EndsTitle(j) {
			if m := s.At(j); m > 0 {
				return j, m
			}
		}
	}
	return 0, 0
}

// SubjectsBefore finds the names that are the subject of the verb at v:
// one name (with an optional 同志) right before it, or a list of names
// joined by 、, 和, 及 or 与 (王某、李某和张某当选…), or "NAME等N名代表"
// (the named one only). Words between subject and verb that only qualify
// the vote (以190票的高票, 全票, 分别, 均) are skipped. Returns start and
// length of each name, in text order.
func (s *Reader) SubjectsBefore(v int) [][2]int {
	e := v
	if e > 1 && s.t[e-1] == ',' && s.t[e-2] == '票' {
		e-- // A得51票、B得44票，当选为…
	}
	e = s.skipVoteQualifier(e)
	if k := s.countedGroupBefore(e); k >= 0 {
		e = k
	}
	a, n := s.nameEndingAt(e)
	if n == 0 && (e < v || v < 1 || !strings.ContainsRune(verbFirst, s.t[v-1])) {
		// the qualifier or the verb marks where the name ends (王某当选, 蓝某任…)
		a, n = s.nameBefore(e)
	}
	if n == 0 {
		a, n = s.partsEndingAt(e) // 阿拉腾敖其尔以171票当选…
	}
	if n == 0 {
		return nil
	}
	out := [][2]int{{a, n}}
	for a > 1 {
		j := a - 1
		if !IsListJoiner(s.t[j]) {
			// 县长某某、副县长某某任副组长: each name with its own titles
			if j = s.titlesStart(a); j < 1 || !IsListJoiner(s.t[j-1]) {
				break
			}
			j--
		}
		if k := s.voteCountBefore(j); k >= 0 {
			j = k // A得51票、B…: each name with its votes
		}
		b, m := s.ListNameEndingAt(j)
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

// verbFirst are the characters that open a verb of two ending in 任
// (担任, 兼任, 出任 …): 林某担任 is no name 林某担 before 任.
const verbFirst = "担兼出转调升接就连现历曾继留聘"

// skipVoteQualifier returns where the subject ends before the verb at v,
// stepping back over qualifiers of the vote (以190票的高票, 全票, 分别, 均).
func (s *Reader) skipVoteQualifier(v int) int {
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

// voteCountBefore returns the start of 以N票(的高票|的赞成票) or 得N票
// ending at e, or -1.
func (s *Reader) voteCountBefore(e int) int {
	votes := false
	for k := e - 1; k >= 0 && k > e-12; k-- {
		r := s.t[k]
		switch {
		case r == '以' || r == '得' && k+1 < e && s.t[k+1] != '票':
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

// countedGroupBefore returns the start of "等N名代表" (or 等25人) ending
// at e (the name before it heads the group), or -1.
func (s *Reader) countedGroupBefore(e int) int {
	k := e
	if l, _ := s.r.groupNoun.LongestEndingAt(s.t, k, 3); l > 0 {
		k -= l
	}
	switch {
	case k > 0 && (s.t[k-1] == '名' || s.t[k-1] == '位'):
		k--
	case k < e && k > 0 && (text.IsDigit(s.t[k-1]) || isChineseNumeral(s.t[k-1])):
		// 等25人: the count right before the group noun
	default:
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
func (s *Reader) nameEndingAt(v int) (int, int) {
	e := v
	if e >= 2 && s.Str(e-2, e) == "同志" {
		e -= 2
	}
	for _, n := range []int{3, 2, 4} {
		a := e - n
		if a < 0 {
			continue
		}
		if s.At(a) == n && (a == 0 || text.IsPunct(s.t[a-1]) || s.EndsCue(a, s.Cut) || s.EndsTitle(a)) {
			return a, n
		}
	}
	return 0, 0
}

// nameBefore finds a name of two to four characters that ends at e where
// e is known to end it (a vote qualifier follows): a surname, given-name
// characters, and a clause start or a list joiner before it.
func (s *Reader) nameBefore(e int) (int, int) {
	for _, n := range []int{3, 2, 4} {
		a := e - n
		if a < 0 || !(a == 0 || text.IsPunct(s.t[a-1]) || IsListJoiner(s.t[a-1]) || s.EndsCue(a, s.Cut)) {
			continue
		}
		for _, sl := range s.SurnameAt(a) {
			if sl < n && s.GivenOK(a+sl, e) {
				return a, n
			}
		}
	}
	return 0, 0
}

// titlesStart returns where the titles that end at a start, back to a
// list joiner (、副县长|某某): up to ten characters that end with a title and
// hold no punctuation; -1 when no title ends at a.
func (s *Reader) titlesStart(a int) int {
	if !s.EndsTitle(a) {
		return -1
	}
	for k := a - 1; k >= 0 && k >= a-10; k-- {
		if s.t[k] == '、' {
			return k + 1
		}
		if text.IsPunct(s.t[k]) {
			return -1
		}
	}
	return -1
}
