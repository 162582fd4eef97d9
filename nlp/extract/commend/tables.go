package commend

import (
	"strings"
	"unicode"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/events"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// findNameTables reads the honourees listed by lines, the way a 表彰决定's
// attachment or a 获奖名单 gives them, in a report that commends (a
// commendation cue somewhere in the text):
//
//	全县优秀共产党员（10名）          a heading: an honour and a count
//	柳明远　县财政局局长              a row: a name, then what they are
//	全县先进基层党组织（5个）
//	县财政局机关党支部               (个, 家: organisations)
//	特等奖：赵德彪                    a heading and its names on one line
//	优秀奖：马文珠、才让多杰
//
// A heading names an honour (a word of honour_word: 优秀, 先进, 奖 …); rows
// follow until a line that is neither a row nor a heading.
func (s *state) findNameTables() {
	if !s.commends() {
		return
	}
	honour, orgs := "", false
	lines := s.Lines()
	for li, ln := range lines {
		line := strings.TrimSpace(s.Str(ln.Start, ln.End))
		if line == "" {
			honour = ""
			continue
		}
		if h, isOrgs, ok := s.countedHeading(line); ok {
			honour, orgs = h, isOrgs
			continue
		}
		if h := s.listHeading(line); h != "" {
			honour, orgs = h, false
			continue
		}
		if li+1 < len(lines) && s.bareHeading(line, strings.TrimSpace(s.Str(lines[li+1].Start, lines[li+1].End))) {
			honour, orgs = stripEnumerator(line), false // 县先进工作者\n王某、李某
			continue
		}
		if h := strings.TrimSuffix(strings.TrimPrefix(line, "【"), "】"); strings.HasPrefix(line, "【") && strings.HasSuffix(line, "】") && len([]rune(h)) <= 16 && s.honourish(h) {
			honour, orgs = h, false // 【“美丽庭院”示范户】 heads the rows below
			continue
		}
		if label, rest, ok := strings.Cut(strings.ReplaceAll(line, "：", ":"), ":"); ok && honour != "" && s.placeLabel(label) {
			line = strings.TrimSpace(rest) // 东盛涌镇：金某（户主）　刘某: the rows of a place
		}
		if h, name, ok := s.bracketedHonour(line); ok {
			// 【助人为乐模范】潘某，古市镇退休教师。…: a profile under its honour
			s.addPersonByName(name)
			s.addTableHonour(name, h, ln.Start, ln)
			honour = ""
			continue
		}
		if label, rest, ok := s.labelledNames(line); ok {
			at := ln.Start + len([]rune(line)) - len([]rune(rest))
			for _, h := range s.splitHonorees(rest) {
				if s.nameAtString([]rune(h)) {
					s.addTableHonour(h, label, at, ln)
				}
			}
			honour = ""
			continue
		}
		if honour == "" {
			continue
		}
		// a note in brackets after a name (县财政局), (女，某社区党委书记) is no cell
		first := strings.FieldsFunc(text.BlankNotes(line), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '，' || r == '、' })
		if len(first) == 0 {
			honour = ""
			continue
		}
		name := first[0]
		if len(first) > 2 && len([]rune(first[0])) == 1 && len([]rune(first[1])) == 1 {
			name = first[0] + first[1] // 王　旭: a name padded with a space
			first = append([]string{name}, first[2:]...)
			if k := s.IndexOf(ln.Start, ln.End, string([]rune(name)[:1])); k >= 0 && s.nameCell(name) {
				s.persons.Add(name, text.Span(k, k+3), RuleHonoree)
			}
		}
		switch {
		case len(first) > 1 && s.allHonorees(first, orgs):
			// several a row: 柳明远　顾南星　邹宏伟, 县人民医院　县第一中学
			for _, h := range first {
				if !orgs {
					s.addPersonByName(h)
				}
				s.addTableHonour(h, honour, ln.Start, ln)
			}
		case !orgs && s.nameAtString([]rune(name)):
			s.addPersonByName(name)
			s.addTableHonour(name, honour, ln.Start, ln)
		case orgs && len(first) == 1 && (s.endsWithCue(name, s.r.honoreeOrgEnd) || orgLike(name)):
			s.addTableHonour(name, honour, ln.Start, ln)
		case !orgs && len(first) > 1 && s.nameCell(name):
			// a row NAME　WHAT THEY ARE whose name the lexicon's surnames do
			// not cover (字国强): the row's shape says it is a name
			s.addPersonByName(name)
			s.addTableHonour(name, honour, ln.Start, ln)
		default:
			honour = "" // the table ended
		}
	}
}

// placeLabel reports whether a row's label names a place (东盛涌镇：…).
func (s *state) placeLabel(label string) bool {
	for _, suf := range []string{"镇", "乡", "街道", "村", "社区", "县", "区", "市"} {
		if strings.HasSuffix(label, suf) && len([]rune(label)) >= 2 && len([]rune(label)) <= 10 {
			return true
		}
	}
	return s.KnownPlace(label)
}

// nameCell reports whether a row's first cell can be a person's name
// by its shape alone: two to four Han characters that never stand outside
// names (not_in_name), no ordinary word, place or organisation.
func (s *state) nameCell(c string) bool {
	rs := []rune(c)
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	for _, r := range rs {
		if !text.IsHan(r) || s.NotInName[r] {
			return false
		}
	}
	return !s.CommonWord(c) && !s.KnownPlace(c) && !orgLike(c) && !s.endsWithCue(c, s.r.honoreeOrgEnd)
}

// bracketedHonour reads 【HONOUR】NAME，… — the honour in black lenticular
// brackets at a line's start, then the honouree's name: the honour and
// the name.
func (s *state) bracketedHonour(line string) (string, string, bool) {
	if !strings.HasPrefix(line, "【") {
		return "", "", false
	}
	h, rest, ok := strings.Cut(strings.TrimPrefix(line, "【"), "】")
	if !ok || len([]rune(h)) > 16 || !s.honourish(h) {
		return "", "", false
	}
	name := strings.FieldsFunc(text.BlankNotes(rest), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '，' || r == '、' || r == '。' })
	if len(name) == 0 || !s.nameAtString([]rune(name[0])) {
		return "", "", false
	}
	return h, name[0], true
}

// bareHeading reports whether a line with no count is the heading of the
// names on the next: a short honour (县先进工作者), no punctuation, no verb
// of commending, no name at its end, and a next line of two or more
// persons' names only.
func (s *state) bareHeading(line, next string) bool {
	h := stripEnumerator(line)
	rs := []rune(h)
	if len(rs) < 3 || len(rs) > 20 || !s.honourish(h) || containsCue(rs, s.r.honour) || s.nameAtString(rs) {
		return false
	}
	for _, r := range rs {
		if !text.IsHan(r) {
			return false
		}
	}
	cells := strings.FieldsFunc(next, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '，' || r == '、' })
	// two names at least: a headline and its byline are no table (某某英雄王某\n李某)
	return len(cells) > 1 && s.allHonorees(cells, false) && s.trailingPerson(h) == h
}

// commends reports whether the text commends at all: a commendation
// cue, or a line that is a list of honourees' heading (先进个人名单).
func (s *state) commends() bool {
	for k := range s.t {
		if s.r.honour.HasPrefixAt(s.t, k) || s.r.honoreeList.HasPrefixAt(s.t, k) {
			return true
		}
	}
	for _, ln := range s.Lines() {
		if line := strings.TrimSpace(s.Str(ln.Start, ln.End)); strings.HasSuffix(line, "名单") && containsCue([]rune(line), s.r.honourWord) {
			return true
		}
	}
	return false
}

// allHonorees reports whether every cell of a row is a person's name (or,
// under a heading of organisations, an organisation's).
func (s *state) allHonorees(cells []string, orgs bool) bool {
	for _, c := range cells {
		if orgs && !(s.endsWithCue(c, s.r.honoreeOrgEnd) || orgLike(c)) || !orgs && !s.nameAtString([]rune(c)) {
			return false
		}
	}
	return true
}

// countedHeading reads 全县优秀共产党员（10名） or 一、先进集体(5个): the honour,
// and whether the rows are organisations (个, 家).
func (s *state) countedHeading(line string) (string, bool, bool) {
	rs := []rune(line)
	if len(rs) < 4 || len(rs) > 30 || rs[len(rs)-1] != ')' && rs[len(rs)-1] != '）' {
		return "", false, false
	}
	open := strings.LastIndexAny(line, "(（")
	if open <= 0 {
		return "", false, false
	}
	inner := strings.TrimRight(line[open:], ")）")
	inner = strings.TrimLeft(inner, "(（")
	unit := []rune(inner)
	if len(unit) < 2 {
		return "", false, false
	}
	u := unit[len(unit)-1]
	if !strings.ContainsRune("名人个家", u) || !allCount(unit[:len(unit)-1]) {
		return "", false, false
	}
	h := strings.Trim(stripEnumerator(line[:open]), "“”\"") // “三八红旗集体”（3个）
	if !s.honourish(h) {
		return "", false, false
	}
	return h, u == '个' || u == '家', true
}

// labelledNames reads 一等奖：邹宏伟、柏青山: an honour, a colon, names.
func (s *state) labelledNames(line string) (string, string, bool) {
	label, rest, ok := strings.Cut(line, ":")
	if !ok {
		label, rest, ok = strings.Cut(line, "：")
	}
	label = stripEnumerator(strings.TrimSpace(label))
	if !ok || len([]rune(label)) > 12 || strings.ContainsAny(label, "“”\"的，,。0123456789名") || strings.HasSuffix(label, "是") || containsCue([]rune(label), s.r.honour) ||
		!s.honourish(label) || strings.TrimSpace(rest) == "" {
		return "", "", false
	}
	return label, strings.TrimSpace(rest), true
}

// honourish reports whether a heading names an honour.
func (s *state) honourish(h string) bool {
	rs := []rune(h)
	if len(rs) < 2 {
		return false
	}
	for k := range rs {
		if s.r.honourWord.HasPrefixAt(rs, k) {
			return true
		}
	}
	return false
}

func (s *state) addTableHonour(name, honour string, at int, line doc.Span) {
	s.honours = append(s.honours, doc.Honour{Event: events.For(s.D.Events, line), Name: name, IsPerson: s.persons.Has(name),
		Honour: honour, Evidence: line, Rule: RuleTable})
}

// allCount reports whether rs is a number, in digits or characters.
func allCount(rs []rune) bool {
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		if !text.IsDigit(r) && !strings.ContainsRune("一二三四五六七八九十百零两", r) {
			return false
		}
	}
	return true
}

// stripEnumerator drops a leading enumerator of a heading: 一、 (一) （二）
// 1. 2、 — not the numeral of 十佳人物.
func stripEnumerator(h string) string {
	rs := []rune(strings.TrimSpace(h))
	return strings.TrimSpace(string(rs[text.ItemNumberEnd(rs, 0, len(rs)):]))
}

// orgLike reports whether a row names an organisation: it ends as bodies do.
func orgLike(name string) bool {
	rs := []rune(name)
	if len(rs) < 3 {
		return false
	}
	for _, w := range []string{"公司", "集团", "医院", "学校", "中心", "协会", "合作社", "支部", "党委", "总支"} {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return strings.ContainsRune("部会委局院校所站队处科厅社馆团司组室村", rs[len(rs)-1])
}

// listHeading reads a heading "…名单" that names an honour: the quoted
// honour (2023年度“最美教师”名单 → 最美教师), else what comes before 名单
// (优秀共产党员名单); "" when the line is none.
func (s *state) listHeading(line string) string {
	h, ok := strings.CutSuffix(line, "名单")
	if !ok || !containsCue([]rune(h), s.r.honourWord) || len([]rune(h)) > 40 {
		return ""
	}
	if a := strings.Index(h, "“"); a >= 0 {
		if b := strings.Index(h[a:], "”"); b > 0 {
			return h[a+len("“") : a+b]
		}
	}
	h = strings.TrimPrefix(stripEnumerator(h), "受表彰的")
	if strings.ContainsAny(h, "和及、") {
		return "" // 先进集体和先进个人名单: the headings under it say which
	}
	return h
}
