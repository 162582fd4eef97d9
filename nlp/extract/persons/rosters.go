package persons

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/dates"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// RuleRoster: a line of a roster (名单) — TITLE：NAME NAME … under a heading
// that names the body (政协某县第十一届委员会主席、副主席、秘书长、常务委员名单).
const RuleRoster = "appoint.roster"

// findRosters reads the rosters that election results and appointment
// lists print by lines:
//
//	政协青禾县第十一届委员会主席、副主席、秘书长、常务委员名单
//	（2024年1月9日政协青禾县第十一届委员会第一次会议选举产生）
//	主　席：柳明远
//	副主席：顾南星　邹宏伟
//	常务委员（按姓氏笔画排序）：
//	马文珠　孙立军　岳　明
//
// The heading (a line ending in 名单) gives the body: what comes before its
// first title. Each line TITLE：NAMES (or TITLE： and the names on the next
// lines) gives those persons the body's post; an election or appointment
// said in the heading or the line after it (选举产生, 通过, 任命) starts it,
// dated by the date written there.
func (s *state) findRosters() {
	lines := s.Lines()
	for i, ln := range lines {
		head := strings.TrimSpace(s.Str(ln.Start, ln.End))
		if org, title, ok := s.countedPostHeading(head); ok {
			s.countedRoster(lines, i, org, title)
			continue
		}
		if !rosterHeading(head) {
			continue
		}
		// the heading's body (政协某县第十一届委员会…名单), or none when each
		// line names its post in full (某县人民政府县长：王某)
		body := s.rosterBody(ln)
		start, dated := s.rosterStart(lines, i)
		title, org := "", body
		for _, row := range lines[i+1:] {
			line := strings.TrimSpace(s.Str(row.Start, row.End))
			if line == "" {
				if title != "" {
					break
				}
				continue
			}
			if t, rest, ok := s.rosterLabel(line); ok {
				title, org = t, body
				s.rosterNames(row, rest, org, title, start, dated)
				s.markRosterLine(row)
				continue
			}
			if o, t, rest, ok := s.fullRosterLabel(line); ok && body == "" {
				title, org = t, o
				s.rosterNames(row, rest, org, title, start, dated)
				s.markRosterLine(row)
				continue
			}
			if body == "" && title == "" {
				if strings.HasPrefix(line, "(") || strings.HasPrefix(line, "（") {
					continue
				}
				break
			}
			if title == "" {
				if strings.HasPrefix(line, "(") || strings.HasPrefix(line, "（") {
					continue // the note under the heading
				}
				break
			}
			if n := s.rosterNames(row, line, org, title, start, dated); n == 0 {
				break
			}
			s.markRosterLine(row)
		}
	}
}

// countedPostHeading reads a heading that names a post and counts its
// holders, as election results print them: 一、中共某镇第十五届委员会委员（9名）
// — the organisation and the title.
func (s *state) countedPostHeading(head string) (string, string, bool) {
	open := strings.LastIndexAny(head, "(（")
	if open <= 0 || !strings.HasSuffix(head, ")") && !strings.HasSuffix(head, "）") {
		return "", "", false
	}
	inner := []rune(strings.Trim(head[open:], "(（)）"))
	if len(inner) < 2 || inner[len(inner)-1] != '名' || !text.IsDigit(inner[0]) && !strings.ContainsRune("一二三四五六七八九十", inner[0]) {
		return "", "", false
	}
	rs := []rune(head[:open])
	label := []rune(strings.TrimSpace(string(rs[text.ItemNumberEnd(rs, 0, len(rs)):])))
	tl, _ := s.Titles.LongestEndingAt(label, len(label), 9)
	if tl == 0 || tl == len(label) || len(label) > 40 {
		return "", "", false
	}
	org := string(label[:len(label)-tl])
	if !s.p.EndsLikeOrg(org) {
		return "", "", false
	}
	return org, string(label[len(label)-tl:]), true
}

// countedRoster reads the lines of names under a counted post heading (a
// note in brackets first, 按姓氏笔画为序; names apart by spaces, each with
// its votes or a note in brackets), until a line that holds no names. The
// posts start when the text before tells of an election, dated by it.
func (s *state) countedRoster(lines []doc.Span, i int, org, title string) {
	start, dated := "", false
	from := lines[i].Start - 400
	if from < 0 {
		from = 0
	}
	if said := s.Str(from, lines[i].Start); strings.Contains(said, "选举") || strings.Contains(said, "当选") {
		start, dated = dates.Before(s.D, lines[i].Start), true
	}
	for _, row := range lines[i+1:] {
		line := strings.TrimSpace(s.Str(row.Start, row.End))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "(") || strings.HasPrefix(line, "（") {
			continue // the note under the heading
		}
		if n := s.rosterNames(row, line, org, title, start, dated); n == 0 {
			return
		}
		s.markRosterLine(row)
	}
}

// rosterHeading reports whether a line heads a roster by lines: a list
// (名单), an election's results (选举结果), a body's members (组成人员).
func rosterHeading(head string) bool {
	for _, w := range []string{"名单", "选举结果", "组成人员"} {
		if strings.HasSuffix(head, w) {
			return true
		}
	}
	return false
}

// fullRosterLabel reads ORG TITLE：REST, a line that names its post in full
// (县人民政府副县长：王某　李某): the organisation, the title and the rest.
func (s *state) fullRosterLabel(line string) (string, string, string, bool) {
	label, rest, ok := strings.Cut(line, ":")
	if !ok {
		label, rest, ok = strings.Cut(line, "：")
	}
	if !ok {
		return "", "", "", false
	}
	if i := strings.IndexAny(label, "(（"); i > 0 {
		label = label[:i]
	}
	lr := []rune(strings.Join(strings.Fields(label), ""))
	if len(lr) > 24 {
		return "", "", "", false
	}
	tl, _ := s.Titles.LongestEndingAt(lr, len(lr), 9)
	if tl == 0 || tl == len(lr) {
		return "", "", "", false
	}
	org := string(lr[:len(lr)-tl])
	if !s.p.EndsLikeOrg(org) && !strings.ContainsRune("省市县区旗州盟镇乡", []rune(org)[len([]rune(org))-1]) {
		return "", "", "", false
	}
	return org, string(lr[len(lr)-tl:]), rest, true
}

// rosterBody is what a heading writes before its first title: the body
// whose posts the roster lists ("" when no title follows it).
func (s *state) rosterBody(ln doc.Span) string {
	for k := ln.Start + 2; k < ln.End; k++ {
		if l, _ := s.Titles.LongestAt(s.t, k); l > 0 {
			if o, _ := s.Orgs.LongestAt(s.t, k); o > l {
				continue // 委员 of 委员会
			}
			body := strings.TrimSpace(s.Str(ln.Start, k))
			if len([]rune(body)) >= 2 && s.p.EndsLikeOrg(body) {
				return body
			}
			return ""
		}
	}
	return ""
}

// rosterStart reads the heading and the line after it: whether they tell
// of an election or an appointment, and its date.
func (s *state) rosterStart(lines []doc.Span, i int) (string, bool) {
	end := lines[i].End
	if i+1 < len(lines) {
		end = lines[i+1].End
	}
	said := s.Str(lines[i].Start, end)
	if !strings.Contains(said, "选举") && !strings.Contains(said, "当选") && !strings.Contains(said, "通过") && !strings.Contains(said, "任命") {
		return "", false
	}
	date := ""
	for _, dm := range s.D.Dates {
		if dm.ISO != "" && dm.Start >= lines[i].Start && dm.Start < end {
			date = dm.ISO
			break
		}
	}
	if date == "" {
		date = dates.Before(s.D, lines[i].Start)
	}
	return date, true
}

// rosterLabel reads TITLE：REST, the title written with spaces inside it
// (主　席) or a note after it (常务委员（按姓氏笔画排序）).
func (s *state) rosterLabel(line string) (string, string, bool) {
	label, rest, ok := strings.Cut(line, ":")
	if !ok {
		label, rest, ok = strings.Cut(line, "：")
	}
	if !ok {
		return "", "", false
	}
	if i := strings.IndexAny(label, "(（"); i > 0 {
		label = label[:i]
	}
	label = strings.Join(strings.Fields(label), "")
	if _, ok := s.Titles.Get(label); !ok || len([]rune(label)) > 8 {
		return "", "", false
	}
	return label, rest, true
}

// rosterNames gives each name of the row the post; names are separated by
// spaces or 、, and a two-character name may be padded with a space
// (岳　明). It returns how many names it read.
func (s *state) rosterNames(row doc.Span, rest, body, title, start string, dated bool) int {
	fields := strings.FieldsFunc(text.BlankNotes(rest), func(r rune) bool {
		return r == ' ' || r == '　' || r == '、' || r == ',' || r == '，' || r == ';' || r == '。'
	})
	var names []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if len([]rune(f)) == 1 && i+1 < len(fields) && len([]rune(fields[i+1])) == 1 && s.Surnames[f] {
			f += fields[i+1] // 岳　明
			i++
		}
		names = append(names, f)
	}
	n := 0
	for _, name := range names {
		k, e := s.IndexOf(row.Start, row.End, name), 0
		if k >= 0 {
			e = k + len([]rune(name))
		} else if k = s.paddedIndex(row, name); k >= 0 {
			e = k + 3
		}
		if k < 0 || !s.SurnameName(name) {
			continue
		}
		p := name
		s.persons.Add(p, text.Span(k, e), RuleAppointName)
		s.rosterHold(p, s.p.ResolveItem(posts.Item{Org: body, Title: title}, nil, nil), row, start, dated)
		n++
	}
	return n
}

// paddedIndex finds a two-character name written with a space inside it.
func (s *state) paddedIndex(row doc.Span, name string) int {
	rs := []rune(name)
	if len(rs) != 2 {
		return -1
	}
	for k := row.Start; k+2 < row.End; k++ {
		if s.t[k] == rs[0] && (s.t[k+1] == ' ' || s.t[k+1] == '　') && s.t[k+2] == rs[1] {
			return k
		}
	}
	return -1
}

// findInlineRosters reads a roster written in one sentence, the way a
// report of an election lists its results: 县人大常委会主任：柳明远；副主任：
// 顾南星、邹宏伟；县长：谢雨桐。 Each TITLE：NAMES part gives its names the
// post (a bare title takes the organisation of the part before it); when
// the sentence or the one before it tells of an election or appointment,
// the posts start, dated by the date before.
func (s *state) findInlineRosters() {
	// a dated roster's sentence goes on in the next (县长：A\n副县长：B、C),
	// with the body it set up
	carried, carriedStart, carriedBody, carriedKind := -1, "", "", ""
	for si, sent := range s.D.Sentences {
		if s.rosterLines[sent.Start] {
			continue // a line of a roster by lines, read already
		}
		var prev *posts.Post
		parts := 0
		start, dated, body, kind := "", false, "", "start"
		for k := sent.Start; k < sent.End; k++ {
			if s.t[k] != ':' && s.t[k] != '：' {
				continue
			}
			a := k
			for a > sent.Start && !strings.ContainsRune(";；,，。\n", s.t[a-1]) {
				a--
			}
			label := strings.Join(strings.Fields(s.Str(a, k)), "")
			tl, class := s.Titles.LongestEndingAt([]rune(label), len([]rune(label)), 9)
			if tl == 0 && strings.HasSuffix(label, "成员") {
				tl, class = 2, "member" // of the body set up or named: 成员：A、B (no title elsewhere: 成员国)
			}
			if tl == 0 || len([]rune(label)) > 20 {
				continue
			}
			e := k + 1
			for e < sent.End && !strings.ContainsRune(";；。\n", s.t[e]) && !s.labelFollows(e, sent.End) {
				e++
			}
			if parts == 0 {
				from := sent.Start
				if si > 0 {
					from = s.D.Sentences[si-1].Start
				}
				said := s.Str(from, sent.End)
				// the body the sentence (or the one before) sets up is the
				// organisation of the bare titles (成立某某领导小组，组长：A；成员：B)
				body = s.establishedBody(sent, k)
				if body == "" && si > 0 {
					prevSent := s.D.Sentences[si-1]
					body = s.establishedBody(prevSent, prevSent.End)
				}
				kind = "start"
				if r, a := strings.LastIndex(said, "免去"), strings.LastIndex(said, "任命"); r > a {
					kind = "end" // 免去：\n县审计局局长：某某
				}
				if dated = body != "" || kind == "end" || strings.Contains(said, "选举") || strings.Contains(said, "当选") || strings.Contains(said, "任命"); dated {
					start = dates.Before(s.D, k)
				} else if carried == si-1 {
					dated, start, body, kind = true, carriedStart, carriedBody, carriedKind
				}
			}
			lr := []rune(label)
			it := posts.Item{Org: string(lr[:len(lr)-tl]), Title: string(lr[len(lr)-tl:]), Class: class, Span: text.Span(a, k)}
			if body != "" && (it.Org == "" || strings.HasSuffix(body, it.Org)) {
				it.Org = body
			}
			chain := s.resolveChain([]posts.Item{it}, prev, nil)
			if len(chain) == 0 || !chain[0].IsPost() {
				continue
			}
			ps := chain[0]
			read := 0
			for _, f := range strings.FieldsFunc(text.BlankNotes(s.Str(k+1, e)), func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ' ' }) {
				i := s.IndexOf(k+1, e, f)
				if i < 0 || !s.SurnameName(f) && s.nameAt(i) != len([]rune(f)) {
					continue
				}
				p := s.acceptName(i, len([]rune(f)), RuleAppointName)
				if p == "" {
					continue
				}
				s.rosterHoldKind(p, ps, sent, start, dated, kind)
				read++
			}
			if read > 0 {
				parts++
				prev = &chain[0]
			}
			k = e
		}
		if parts > 0 && dated {
			carried, carriedStart, carriedBody, carriedKind = si, start, body, kind
		}
	}
}

// labelFollows reports whether a comma at e opens the next part of an
// inline roster (书记：A，副书记：B): a clause with a colon in it.
func (s *state) labelFollows(e, end int) bool {
	if s.t[e] != ',' {
		return false
	}
	for k := e + 1; k < end && k <= e+12; k++ {
		switch {
		case s.t[k] == ':':
			return true
		case text.IsPunct(s.t[k]):
			return false
		}
	}
	return false
}

// markRosterLine remembers where a line of a roster by lines starts.
func (s *state) markRosterLine(row doc.Span) {
	if s.rosterLines == nil {
		s.rosterLines = map[int]bool{}
	}
	for k := row.Start; k <= row.End; k++ {
		s.rosterLines[k] = true
	}
}

// rosterHold records that a roster gives the person the post, started on
// start when the roster tells of an election or appointment.
func (s *state) rosterHold(person string, ps posts.Post, evidence doc.Span, start string, dated bool) {
	s.rosterHoldKind(person, ps, evidence, start, dated, "start")
}

// rosterHoldKind is rosterHold for a roster that starts (start) or ends
// (end) its posts: 免去：\n县审计局局长：某某.
func (s *state) rosterHoldKind(person string, ps posts.Post, evidence doc.Span, date string, dated bool, kind string) {
	h := doc.Hold{Post: ps.Canon, Title: ps.Title, Org: ps.OrgName(), Evidence: evidence, Rule: RuleRoster, DatedHere: dated}
	if dated {
		d := date
		if kind == "end" {
			h.End = &d
		} else {
			h.Start = &d
		}
	}
	s.addPost(person, h)
}
