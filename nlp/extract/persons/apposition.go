package persons

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// Rule ids of posts written beside a name rather than before it.
const (
	RuleBracket    = "posts.bracket"    // 柳明远（县委书记）、顾南星（县长）
	RuleApposition = "posts.apposition" // a line "柳明远，县委副书记、县长。负责…" (领导分工, 领导简介)
	RuleTable      = "posts.table"      // a row of a table by lines under a heading 姓名 … 现任职务
)

// postsIn reads [a, b) as posts and nothing else, joined by 、 or ,
// (县委副书记、县长): the items, or nil when any part is no post.
func (s *state) postsIn(a, b int) []posts.Item {
	for a < b && s.t[a] == ' ' {
		a++
	}
	for b > a && s.t[b-1] == ' ' {
		b--
	}
	if b > a && s.t[b-1] == ')' { // 市委办公室副主任（正科级）: a rank's note after the posts
		if o := s.lastIndex(a, b, '('); o > a {
			b = o
		}
	}
	if b-a < 2 {
		return nil
	}
	var items []posts.Item
	for k := a; k <= b; k++ {
		if k < b && s.t[k] != '、' && s.t[k] != ',' {
			continue
		}
		tl, cls := s.titleEndingAt(k)
		if tl == 0 || k-tl < a {
			return nil
		}
		org := s.Str(a, k-tl)
		if strings.ContainsAny(org, " :;“”《》的") {
			return nil
		}
		items = append(items, posts.Item{Org: org, Title: s.Str(k-tl, k), Class: cls, Span: text.Span(a, k)})
		a = k + 1
	}
	return items
}

// holdItems records the present posts of the items (no start, no end).
func (s *state) holdItems(p string, items []posts.Item, ev doc.Span, rule string) {
	for _, ps := range s.resolveChain(items, nil, nil) {
		if ps.IsPost() {
			s.addPost(p, doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: ev, Rule: rule})
		}
	}
}

// findBracketPosts reads the posts written in brackets after a name, as
// lists of those present give them: 出席会议的有柳明远（县委书记）、顾南星（县长）.
// The bracket must hold posts and nothing else.
func (s *state) findBracketPosts() {
	for o := 2; o < len(s.t); o++ {
		if s.t[o] != '(' {
			continue
		}
		c := s.IndexFrom(o+1, min(len(s.t), o+40), ')')
		if c < 0 {
			continue
		}
		a, n := s.nameEndingAt(o)
		if n == 0 {
			continue
		}
		items := s.postsIn(s.afterSexAndEthnicity(o+1, c), c)
		if len(items) == 0 {
			continue
		}
		if p := s.acceptName(a, n, RuleChainName); p != "" {
			s.holdItems(p, items, s.SentenceOf(o), RuleBracket)
		}
		o = c
	}
}

// afterSexAndEthnicity skips what a bracket says of the person before
// their posts: 女， 男， 蒙古族， (肖某（女，某社区党委书记）).
func (s *state) afterSexAndEthnicity(a, c int) int {
	for a < c {
		k := a
		for k < c && s.t[k] != ',' {
			k++
		}
		w := s.Str(a, k)
		if k >= c || !(w == "女" || w == "男" || strings.HasSuffix(w, "族") && len([]rune(w)) <= 5) {
			return a
		}
		a = k + 1
	}
	return a
}

// nameEndingAt finds a name that ends at e: a mention already found, or
// one the name rules read there.
func (s *state) nameEndingAt(e int) (int, int) {
	for _, n := range []int{3, 2, 4} {
		a := e - n
		if a < 0 {
			continue
		}
		if m, ok := s.persons.MentionAt(a); ok && m == n {
			return a, n
		}
		if s.nameAt(a) == n && (a == 0 || text.IsPunct(s.t[a-1]) || s.t[a-1] == '和' || s.t[a-1] == '有') {
			return a, n
		}
	}
	return 0, 0
}

// findAppositions reads a line that opens with a name, a comma and the
// posts the person holds, up to the sentence's end or a semicolon, as the
// division of work among a government's leaders and the leaders' pages
// print them:
//
//	顾南星，县委副书记、县长。负责县政府全面工作。
//	邹宏伟，县委常委、常务副县长；分管财政、审计。
//
// A profile (顾南星，男，汉族，…) is read by findPresentPosts.
func (s *state) findAppositions() {
	for _, ln := range s.Lines() {
		a := ln.Start
		for a < ln.End && (s.t[a] == ' ' || isEnumerator(s.t[a])) {
			a++
		}
		n, cell := s.nameAt(a), false
		if c := s.cellName(a); c > 0 {
			n, cell = c, true // 柳明远　县委书记
		}
		if n == 0 || a+n >= ln.End || s.t[a+n] != ',' && s.t[a+n] != ' ' {
			continue
		}
		q := a + n + 1
		if s.r.appoint.HasPrefixAt(s.t, q) || s.r.remove.HasPrefixAt(s.t, q) {
			continue // 某某，任…: an appointment
		}
		e := q
		for e < ln.End && !text.IsSentenceEnd(s.t[e]) && s.t[e] != ';' && !(s.t[e] == ',' && s.clauseIsDuty(e+1)) {
			e++
		}
		items := s.postsIn(q, e)
		if len(items) == 0 {
			continue
		}
		if p := s.accept(a, n, RuleChainName, cell); p != "" {
			s.holdItems(p, items, text.Span(ln.Start, ln.End), RuleApposition)
		}
	}
}

// clauseIsDuty reports whether the clause at a tells of a leader's duties
// (负责…, 分管…, 主持…工作): it ends the posts before it.
func (s *state) clauseIsDuty(a int) bool {
	for _, w := range []string{"负责", "分管", "主持", "协助", "联系"} {
		if s.HasAt(a, w) {
			return true
		}
	}
	return false
}

// findTableRows reads a table printed by lines: a heading row of column
// names with 姓名 and a post column, then a row a line, cells apart by
// spaces:
//
//	姓名 性别 出生年月 现任职务 拟任职务
//	柳明远 男 1979.04 青禾县城南镇党委副书记、镇长 青禾县城南镇党委书记
//
// The posts of the present-post column (现任职务, 职务, 现工作单位及职务) are
// held; what a column of intended posts (拟任) names is not (GUIDELINES).
func (s *state) findTableRows() {
	lines := s.Lines()
	for i := 0; i < len(lines); i++ {
		if s.IndexOf(lines[i].Start, lines[i].End, "姓名") < 0 {
			continue
		}
		head := cells(s.t, lines[i])
		nameCol, postCol, startCol, endCol := -1, -1, -1, -1
		for c, cl := range head {
			h := s.Str(cl.Start, cl.End)
			switch {
			case h == "姓名":
				nameCol = c
			case strings.Contains(h, "拟") || strings.Contains(h, "原"):
			case strings.Contains(h, "免"):
				endCol = c // 免职, 免去职务: the posts the person leaves
			case strings.HasPrefix(h, "任") || strings.HasPrefix(h, "新任"):
				startCol = c // 任职, 任命职务, 新任职务: the posts the person takes up
			case strings.HasSuffix(h, "职务") || strings.HasSuffix(h, "现任") || strings.HasSuffix(h, "职位"):
				postCol = c
			}
		}
		if nameCol < 0 || postCol < 0 && startCol < 0 && endCol < 0 || len(head) < 2 {
			continue
		}
		if postCol < 0 {
			s.appointmentTable(lines, &i, len(head), nameCol, startCol, endCol)
			continue
		}
		for i+1 < len(lines) {
			row := paddedNameCell(cells(s.t, lines[i+1]), len(head), nameCol)
			if len(row) != len(head) {
				break
			}
			i++
			nm := row[nameCol]
			name := strings.ReplaceAll(s.Str(nm.Start, nm.End), " ", "")
			if !s.r.lx.SurnameName(name) {
				continue
			}
			items := s.postsIn(row[postCol].Start, row[postCol].End)
			if len(items) == 0 {
				continue
			}
			if nm.End-nm.Start != len([]rune(name)) {
				s.persons.Add(name, nm, RuleChainName)
			} else if s.acceptCell(nm.Start, nm.End-nm.Start, RuleChainName) == "" {
				continue
			}
			s.holdItems(name, items, lines[i], RuleTable)
		}
	}
}

// appointmentTable reads the rows of a table of appointments and removals
// (姓名　任职　免职): each row's name, the posts it takes up and those it
// leaves, dated by the date before the table; a row may leave its last
// cells empty. i is left at the table's last row.
func (s *state) appointmentTable(lines []doc.Span, i *int, width, nameCol, startCol, endCol int) {
	for *i+1 < len(lines) {
		row := paddedNameCell(cells(s.t, lines[*i+1]), width, nameCol)
		if len(row) < 2 || len(row) > width || nameCol >= len(row) {
			return
		}
		*i++
		nm := row[nameCol]
		name := strings.ReplaceAll(s.Str(nm.Start, nm.End), " ", "")
		if n := []rune(name); len(n) < 2 || len(n) > 6 || !text.AllHan(n) || s.n.IsByline(nm.Start) {
			continue
		}
		if nm.End-nm.Start != len([]rune(name)) {
			s.persons.Add(name, nm, RuleAppointName)
		} else if s.acceptCell(nm.Start, nm.End-nm.Start, RuleAppointName) == "" {
			continue
		}
		for _, col := range []struct {
			c    int
			kind string
		}{{startCol, "start"}, {endCol, "end"}} {
			if col.c < 0 || col.c >= len(row) {
				continue
			}
			if items := s.postsIn(row[col.c].Start, row[col.c].End); len(items) > 0 {
				s.appointPosts(name, items, col.kind, row[col.c].Start, RuleTable)
			}
		}
	}
}

// paddedNameCell joins the name column's two one-character cells of a row
// one cell wider than its table: a two-character name padded to three
// (岳　明).
func paddedNameCell(row []doc.Span, width, nameCol int) []doc.Span {
	if len(row) == width+1 && nameCol+1 < len(row) && row[nameCol].End-row[nameCol].Start == 1 && row[nameCol+1].End-row[nameCol+1].Start == 1 {
		row[nameCol].End = row[nameCol+1].End
		row = append(row[:nameCol+1], row[nameCol+2:]...)
	}
	return row
}

// cells splits a line into its cells: runs of characters apart by spaces.
func cells(t []rune, ln doc.Span) []doc.Span {
	var out []doc.Span
	a := -1
	for k := ln.Start; k <= ln.End; k++ {
		sp := k == ln.End || t[k] == ' '
		switch {
		case sp && a >= 0:
			out = append(out, text.Span(a, k))
			a = -1
		case !sp && a < 0:
			a = k
		}
	}
	return out
}
