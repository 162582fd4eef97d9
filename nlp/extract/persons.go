package extract

import (
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
)

// findPersonsAndPosts finds the pattern at the heart of the genre: a title
// chain followed by one or more names (区委常委、副区长曲海富; 区政协副主席
// 曹斌、周春然), and lists after collective words (市领导阎立、邹宏国).
func (s *state) findPersonsAndPosts() {
	var prev *post
	var ctx []string
	cur := -1
	for j := 1; j < len(s.t); j++ {
		if !isHan(s.t[j]) {
			continue
		}
		if k := s.sentenceIndex(j); k != cur {
			prev, ctx, cur = nil, nil, k
		}
		if l, _ := s.e.leader.LongestEndingAt(s.t, j, 6); l > 0 || s.endsCue(j, s.e.personNoun) {
			if end := s.nameList(j, nil); end > j {
				j = end - 1
			}
			continue
		}
		tl, cls := s.titleEndingAt(j)
		if tl == 0 || s.nameAfterTitle(j) == 0 || (cls == "staff" || cls == "member") && len(s.surnameAt(j)) == 0 && s.dottedNameAt(j) == 0 {
			continue
		}
		if k := j - tl; k > 0 && s.e.collective[s.t[k-1]] {
			continue // 我省长期以来, 各位委员, 全体委员: not a post
		}
		items := s.chainBefore(j)
		posts := s.resolveChain(items, prev, ctx)
		for _, p := range posts {
			if p.place != "" {
				ctx = append(ctx, p.place)
			}
		}
		if len(posts) > 0 {
			prev = &posts[len(posts)-1]
		}
		if end := s.nameList(j, posts); end > j {
			j = end - 1
		}
	}
}

// nameList reads the names that start at j, separated by 、 (曹斌、周春然),
// records each with the posts, and returns where the list ends.
func (s *state) nameList(j int, posts []post) int {
	end := j
	for {
		n := s.nameAt(j)
		if len(posts) > 0 && end == j {
			n = s.nameAfterTitle(j)
		}
		if n == 0 {
			break
		}
		if p := s.acceptName(j, n); p != nil {
			for _, ps := range posts {
				if ps.isPost() {
					s.addPost(p, postFact{post: ps.canon, title: ps.title, org: ps.org(), ev: s.sentenceOf(j)})
				}
			}
		}
		end = j + n
		if end < len(s.t) && s.t[end] == '、' && s.nameAt(end+1) > 0 && !s.startsChain(end+1) {
			j = end + 1
			continue
		}
		break
	}
	return end
}

// startsChain reports whether a title chain, not a name, starts at i.
func (s *state) startsChain(i int) bool {
	for k := i + 1; k < len(s.t) && k < i+12 && !isPunct(s.t[k]); k++ {
		if l, _ := s.e.lx.Titles.LongestAt(s.t, k); l >= 2 {
			n := s.nameAt(i)
			return n == 0 || k >= i+n
		}
	}
	return false
}

// findLooseNames finds names that no title introduces: 张三同志, 梁淑娟副主任
// (a title after the name), and names that open a clause before a verb of
// the genre (钟义凡在会上…, 黄仕军指出).
func (s *state) findLooseNames() {
	for i := 0; i < len(s.t); i++ {
		if _, seen := s.mentionAt[i]; seen || len(s.surnameAt(i)) == 0 {
			continue
		}
		n := s.nameAt(i)
		if n == 0 {
			continue
		}
		end := i + n
		left := i == 0 || isPunct(s.t[i-1]) || s.endsCue(i, s.e.cut) || s.endsCue(i, s.e.appoint) || s.endsCue(i, s.e.honour)
		// a title right after the name is evidence enough (…办程和木副主任);
		// otherwise the segmentation must agree that a word starts here
		if s.titleAfterName(end) == 0 && !s.alignsWithTokens(i, end) {
			continue
		}
		switch {
		case s.hasAt(end, "同志") && left:
			s.acceptName(i, n)
		case s.titleAfterName(end) > 0:
			tl := s.titleAfterName(end)
			if !(left || s.orgEndsAt(i)) {
				continue
			}
			a := i
			for a > 0 && !isPunct(s.t[a-1]) && i-a < 25 {
				a--
			}
			a = s.cutPreamble(a, i)
			if p := s.acceptName(i, n); p != nil {
				it := item{org: s.str(a, i), title: s.str(end, end+tl), span: spanOf(a, end+tl)}
				_, it.class = s.e.lx.Titles.LongestAt(s.t, end)
				ps := s.resolveItem(it, nil, nil)
				if ps.isPost() {
					s.addPost(p, postFact{post: ps.canon, title: ps.title, org: ps.org(), ev: s.sentenceOf(i)})
				}
			}
			i = end + tl - 1
		case left && s.verbAfterName(end):
			s.acceptName(i, n)
		}
	}
}

// titleAfterName returns the length of a title right after a name that
// ends the clause or is followed by a verb (梁淑娟副主任会见…).
func (s *state) titleAfterName(end int) int {
	tl, _ := s.e.lx.Titles.LongestAt(s.t, end)
	if tl < 2 {
		return 0
	}
	if b := s.boundaryAt(end + tl); b == noBoundary {
		return 0
	}
	return tl
}

func (s *state) orgEndsAt(i int) bool {
	for l := 1; l <= 6 && l <= i; l++ {
		if _, ok := s.e.lx.Orgs.Get(s.str(i-l, i)); ok {
			return true
		}
	}
	last := s.t[i-1]
	return last == '办' || last == '局' || last == '委' || last == '部'
}

// verbAfterName reports whether a verb of the genre follows the name.
func (s *state) verbAfterName(end int) bool {
	for _, t := range []interface {
		LongestAt([]rune, int) (int, string)
	}{s.e.remark, s.e.chaired, s.e.spoke, s.e.attended} {
		if l, _ := t.LongestAt(s.t, end); l > 0 {
			return true
		}
	}
	return s.hasAt(end, "在会上") || s.hasAt(end, "在讲话中") || s.hasAt(end, "在工作报告中")
}

// plausibleName rejects strings that gse knows as ordinary words.
func (s *state) plausibleName(name string) bool {
	if s.e.words == nil {
		return true
	}
	f, pos, ok := s.e.words.Known(name)
	if !ok || f < 20 {
		return true // unknown, or too rare to be an ordinary word
	}
	return strings.HasPrefix(pos, "nr")
}

// nameRuns accepts the unknown names listed with a known one, 、 between
// them (李铁映、贾庆林、曾庆红等领导同志).
func (s *state) nameRuns() {
	for i := 0; i < len(s.t); i++ {
		if len(s.surnameAt(i)) == 0 || (i > 0 && !isPunct(s.t[i-1]) && !s.endsCue(i, s.e.cut)) {
			continue
		}
		var run [][2]int
		known := false
		k := i
		for {
			n := s.nameAt(k)
			if m, ok := s.mentionAt[k]; ok {
				n, known = m, true
			}
			if n == 0 {
				break
			}
			run = append(run, [2]int{k, n})
			k += n
			if k < len(s.t) && s.t[k] == '、' {
				k++
				continue
			}
			break
		}
		if known && len(run) > 1 && s.boundaryAt(k) != noBoundary {
			for _, r := range run {
				s.acceptName(r[0], r[1])
			}
		}
		if len(run) > 0 {
			i = k - 1
		}
	}
}

// expandNames records every later mention of a known name (蔺雪峰指出…).
func (s *state) expandNames() {
	names := make([]string, 0, len(s.persons))
	for name := range s.persons {
		names = append(names, name)
	}
	// longer names first, so that 王健康 is not read as 王健
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		rs := []rune(name)
		for i := 0; i+len(rs) <= len(s.t); i++ {
			if _, ok := s.mentionAt[i]; ok {
				continue
			}
			if s.hasAt(i, name) {
				s.addPerson(name, doc.Span{Start: i, End: i + len(rs)})
				i += len(rs) - 1
			}
		}
	}
}

// findRecognisedNames accepts the person names of the learned recogniser
// that no rule has read (honourees and attendees in lists, names with no
// title beside them), with the same checks as any name: not a credit, not
// a doctrine's source, not an ordinary word.
func (s *state) findRecognisedNames() {
	for _, nm := range s.d.Names {
		if s.per[nm.Start] != nm.Len() || s.coveredByPerson(nm.Start, nm.End) {
			continue
		}
		s.acceptName(nm.Start, nm.Len())
	}
}

// coveredByPerson reports whether a person mention overlaps [a, b).
func (s *state) coveredByPerson(a, b int) bool {
	for i := a - 6; i < b; i++ {
		if n, ok := s.mentionAt[i]; ok && i+n > a {
			return true
		}
	}
	return false
}
