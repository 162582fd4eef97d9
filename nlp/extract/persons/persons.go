package persons

import (
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// findPersonsAndPosts finds the pattern at the heart of the genre: a title
// chain followed by one or more names (区委常委、副区长曲海富; 区政协副主席
// 曹斌、周春然), and lists after collective words (市领导阎立、邹宏国).
func (s *state) findPersonsAndPosts() {
	var prev *posts.Post
	var ctx []string
	cur := -1
	for j := 1; j < len(s.t); j++ {
		if !text.IsHan(s.t[j]) {
			continue
		}
		if k := s.SentenceIndex(j); k != cur {
			prev, ctx, cur = nil, nil, k
		}
		if l, _ := s.r.leader.LongestEndingAt(s.t, j, 6); l > 0 || s.EndsCue(j, s.r.personNoun) {
			if end := s.nameList(j, nil); end > j {
				j = end - 1
			}
			continue
		}
		te := s.titleEndBefore(j) // 市委常委、副市长　李泽民: spaces between
		tl, cls := s.titleEndingAt(te)
		if tl == 0 || s.nameAfterTitle(j) == 0 || (cls == "staff" || cls == "member") && len(s.surnameAt(j)) == 0 && s.dottedNameAt(j) == 0 {
			continue
		}
		if k := te - tl; k > 0 && s.r.collective[s.t[k-1]] {
			continue // 我省长期以来, 各位委员, 全体委员: not a posts.Post
		}
		items := s.chainBefore(te)
		chain := s.resolveChain(items, prev, ctx)
		for _, p := range chain {
			if p.Place != "" {
				ctx = append(ctx, p.Place)
			}
		}
		if len(chain) > 0 {
			prev = &chain[len(chain)-1]
		}
		if end := s.nameList(j, chain); end > j {
			j = end - 1
		}
	}
}

// nameList reads the names that start at j, separated by 、 (曹斌、周春然),
// records each with the posts, and returns where the list ends.
func (s *state) nameList(j int, chain []posts.Post) int {
	nameRule := RuleCollective
	if len(chain) > 0 {
		nameRule = RuleChainName
	}
	end := j
	for {
		n := s.nameAt(j)
		if len(chain) > 0 && end == j {
			n = s.nameAfterTitle(j)
		}
		if m := s.knownNameAt(j); m > n {
			n = m // 缪德新 named before, not the recogniser's 缪德 before 新结合
		}
		cell := false
		if m := s.listItemAt(j); len(chain) > 0 && end < j && m > 0 && m != n && (n == 0 || !s.endsListItem(j+n)) {
			n, cell = m, true // a list item the name rules cut wrong (鲁汇|款 of 、鲁汇款等)
		}
		if n == 0 {
			break
		}
		if p := s.accept(j, n, nameRule, cell); p != "" {
			for _, ps := range chain {
				if ps.IsPost() {
					s.addPost(p, doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: s.SentenceOf(j), Rule: RuleChain})
				}
			}
		}
		end = j + n
		if end < len(s.t) && s.t[end] == '、' && (s.nameAt(end+1) > 0 || len(chain) > 0 && s.listItemAt(end+1) > 0) && !s.startsChain(end+1) {
			j = end + 1
			continue
		}
		break
	}
	return end
}

// titleEndBefore returns where a title before the name at j ends: j, or,
// in a line that sets a title and its name apart by spaces (发布人：\n副市长
// 李某), before those spaces.
func (s *state) titleEndBefore(j int) int {
	k := j
	for k > 0 && s.t[k-1] == ' ' && j-k < 4 {
		k--
	}
	if k == j || k == 0 || !text.IsHan(s.t[k-1]) {
		return j
	}
	return k
}

// knownNameAt returns the length of the longest person of the text found
// so far whose name starts at j (2 to 4 characters), or 0.
func (s *state) knownNameAt(j int) int {
	for n := 4; n >= 2; n-- {
		if j+n <= len(s.t) && s.persons.Has(string(s.t[j:j+n])) {
			return n
		}
	}
	return 0
}

// listItemAt reads a name of two or three characters at k that ends a list
// of names: a surname, and after it 等, the list's end (、 ， 。), 和 before
// a title or a name, or a verb of attending. Its length, or 0.
func (s *state) listItemAt(k int) int {
	for _, n := range []int{3, 2} {
		e := k + n
		if e >= len(s.t) || !text.AllHan(s.t[k:e]) || !s.r.lx.SurnameName(string(s.t[k:e])) {
			continue
		}
		if s.endsListItem(e) {
			return n
		}
	}
	return 0
}

// endsListItem reports whether a list item may end at e (listItemAt's
// boundaries).
func (s *state) endsListItem(e int) bool {
	return e < len(s.t) && (s.HasAt(e, "等") || s.HasAt(e, "同志") || strings.ContainsRune("、,。;", s.t[e]) ||
		s.t[e] == '和' && (s.titleStartsAt(e+1) || s.nameAt(e+1) > 0) ||
		s.r.attended.HasPrefixAt(s.t, e) || s.r.chaired.HasPrefixAt(s.t, e) || s.r.spoke.HasPrefixAt(s.t, e))
}

// titleStartsAt reports whether a title of two or more characters starts at i.
func (s *state) titleStartsAt(i int) bool {
	l, _ := s.Titles.LongestAt(s.t, i)
	return l >= 2
}

// startsChain reports whether a title chain, not a name, starts at i.
func (s *state) startsChain(i int) bool {
	for k := i + 1; k < len(s.t) && k < i+12 && !text.IsPunct(s.t[k]); k++ {
		if l, _ := s.Titles.LongestAt(s.t, k); l >= 2 {
			n := s.nameAt(i)
			if n > 0 && i+n < len(s.t) && (s.t[i+n] == '和' || s.t[i+n] == '及') {
				return false // 、C和秘书长D: C ends the list, the title is D's
			}
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
		if _, seen := s.persons.MentionAt(i); seen || len(s.surnameAt(i)) == 0 {
			continue
		}
		left := i == 0 || text.IsPunct(s.t[i-1]) || s.EndsCue(i, s.Cut) || s.EndsCue(i, s.r.appoint) || s.EndsCue(i, s.r.honour)
		if !left && !s.orgEndsAt(i) {
			continue // every reading below needs one or the other
		}
		n := s.nameAt(i)
		if n == 0 {
			continue
		}
		end := i + n
		// a title right after the name is evidence enough (…办程和木副主任);
		// otherwise the segmentation must agree that a word starts here
		if s.titleAfterName(end) == 0 && !s.AlignsWithTokens(i, end) {
			continue
		}
		switch {
		case s.HasAt(end, "同志") && left:
			s.acceptName(i, n, RuleLoose)
		case s.titleAfterName(end) > 0:
			tl := s.titleAfterName(end)
			if !(left || s.orgEndsAt(i)) {
				continue
			}
			if !left && (s.CommonWord(s.Str(i-1, i+1)) || s.CommonWord(s.Str(i-1, i+n))) {
				continue // 公室 of 委办公室主任: the name would start inside a word
			}
			a := i
			for a > 0 && !text.IsPunct(s.t[a-1]) && i-a < 25 {
				a--
			}
			a = s.cutPreamble(a, i)
			if p := s.acceptName(i, n, RuleLoose); p != "" {
				it := posts.Item{Org: s.Str(a, i), Title: s.Str(end, end+tl), Span: text.Span(a, end+tl)}
				_, it.Class = s.Titles.LongestAt(s.t, end)
				ps := s.resolveItem(it, nil, nil)
				if ps.IsPost() {
					s.addPost(p, doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: s.SentenceOf(i), Rule: RuleTitleAfter})
				}
			}
			i = end + tl - 1
		case left && s.verbAfterName(end):
			s.acceptName(i, n, RuleLoose)
		}
	}
}

// titleAfterName returns the length of a title right after a name that
// ends the clause or is followed by a verb (梁淑娟副主任会见…).
func (s *state) titleAfterName(end int) int {
	tl, _ := s.Titles.LongestAt(s.t, end)
	if tl < 2 {
		return 0
	}
	if b := s.boundaryAt(end + tl); b == noBoundary {
		return 0
	}
	return tl
}

func (s *state) orgEndsAt(i int) bool {
	if i <= 0 {
		return false
	}
	if l, _ := s.Orgs.LongestEndingAt(s.t, i, 6); l > 0 {
		return true
	}
	last := s.t[i-1]
	return last == '办' || last == '局' || last == '委' || last == '部'
}

// verbAfterName reports whether a verb of the genre follows the name.
func (s *state) verbAfterName(end int) bool {
	for _, t := range []interface {
		LongestAt([]rune, int) (int, string)
	}{s.r.remark, s.r.chaired, s.r.spoke, s.r.attended} {
		if l, _ := t.LongestAt(s.t, end); l > 0 {
			return true
		}
	}
	return s.HasAt(end, "在会上") || s.HasAt(end, "在讲话中") || s.HasAt(end, "在工作报告中")
}

// nameRuns accepts the unknown names listed with a known one, 、 between
// them (李铁映、贾庆林、曾庆红等领导同志).
func (s *state) nameRuns() {
	for i := 0; i < len(s.t); i++ {
		if len(s.surnameAt(i)) == 0 || (i > 0 && !text.IsPunct(s.t[i-1]) && !s.EndsCue(i, s.Cut)) {
			continue
		}
		var run [][2]int
		known := false
		k := i
		for {
			n := s.nameAt(k)
			if m, ok := s.persons.MentionAt(k); ok {
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
				s.acceptName(r[0], r[1], RuleRun)
			}
		}
		if len(run) > 0 {
			i = k - 1
		}
	}
}

// expandNames records every later mention of a known name (蔺雪峰指出…).
func (s *state) expandNames() {
	names := s.persons.Names()
	// longer names first, so that 王健康 is not read as 王健
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	// where the names' first characters occur, so that a name is looked
	// for only there (one pass over the text, not one per name)
	var first lexicon.RuneSet
	for _, name := range names {
		for _, r := range name {
			first.Add(r)
			break
		}
	}
	at := map[rune][]int{}
	for i, r := range s.t {
		if first.Has(r) {
			at[r] = append(at[r], i)
		}
	}
	for _, name := range names {
		rs := []rune(name)
		next := 0
		for _, i := range at[rs[0]] {
			if i < next || i+len(rs) > len(s.t) {
				continue
			}
			if _, ok := s.persons.MentionAt(i); ok {
				continue
			}
			if s.HasAt(i, name) {
				s.persons.Add(name, doc.Span{Start: i, End: i + len(rs)}, RuleExpand)
				next = i + len(rs)
			}
		}
	}
}

// findRecognisedNames accepts the person names of the learned recogniser
// that no rule has read (honourees and attendees in lists, names with no
// title beside them), with the same checks as any name: not a credit, not
// a doctrine's source, not an ordinary word.
func (s *state) findRecognisedNames() {
	for _, nm := range s.D.Names {
		if s.n.Recognised(nm.Start) < nm.Len() || s.coveredByPerson(nm.Start, nm.End) || !s.nameShaped(nm.Span) {
			continue
		}
		n := s.nameAt(nm.Start)
		if short := string(s.t[nm.Start : nm.Start+n-1]); n == 3 && s.persons.Has(short) && nm.Start+n < len(s.t) && s.CommonWord(string(s.t[nm.Start+n-1:nm.Start+n+1])) {
			n-- // 李慧|面向国旗 where 李慧 is a person of the text
		}
		s.acceptName(nm.Start, n, RuleRecogniser)
	}
}

// nameShaped reports whether a recogniser's span can be a person's name:
// Han characters only, parts joined by a middle dot (阿不都热合曼·买买提),
// no dot at either end; and not the stem of a division the report names
// (修文 where the text has 修文县).
func (s *state) nameShaped(sp doc.Span) bool {
	rs := s.t[sp.Start:sp.End]
	for i, r := range rs {
		dot := r == '·' || r == '•' || r == '・' || r == '‧'
		if dot && (i == 0 || i == len(rs)-1) || !dot && !text.IsHan(r) {
			return false
		}
	}
	if s.placeStems == nil {
		s.placeStems = map[string]bool{}
		for _, pm := range s.D.Places {
			prs := []rune(pm.Name)
			for k := 2; k <= 4 && k <= len(prs); k++ {
				s.placeStems[string(prs[:k])] = true
			}
		}
	}
	name := string(rs)
	return !(s.placeStems[name] && s.KnownPlace(name))
}

// coveredByPerson reports whether a person mention overlaps [a, b).
func (s *state) coveredByPerson(a, b int) bool {
	for i := a - 6; i < b; i++ {
		if n, ok := s.persons.MentionAt(i); ok && i+n > a {
			return true
		}
	}
	return false
}
