package extract

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
)

// item is one post of a title chain (区委常委、区人武部政委 has two).
type item struct {
	org, title, class string
	span              doc.Span
}

// post is an item resolved against the jurisdiction and its chain.
type post struct {
	place string // full place, or an unresolved abbreviation
	rest  string // organisation words after the place
	title string
	class string
	canon string
	bare  bool   // neither place nor organisation was written or inherited
	cpc   string // "中共" when written before the organisation
}

func spanOf(a, b int) doc.Span { return doc.Span{Start: a, End: b} }

// titleEndingAt returns the longest title that ends at end.
func (s *state) titleEndingAt(end int) (int, string) {
	return s.e.lx.Titles.LongestEndingAt(s.t, end, 9)
}

// chainBefore parses the title chain that ends at end (exclusive), walking
// back over items separated by 、. It returns the items in text order.
func (s *state) chainBefore(end int) []item {
	var items []item
	for {
		tl, cls := s.titleEndingAt(end)
		if tl == 0 {
			break
		}
		ts := end - tl
		// the item's organisation runs back to the previous separator
		a := ts
		for a > 0 && !isPunct(s.t[a-1]) && ts-a < 30 && !s.chainJoinAt(a-1) {
			a--
		}
		// …less any preamble (出席会议的有 | 区委书记)
		a = s.cutPreamble(a, ts)
		items = append(items, item{org: string(s.t[a:ts]), title: string(s.t[ts:end]), class: cls, span: spanOf(a, end)})
		if a > 0 && (s.t[a-1] == '、' || s.t[a-1] == '兼') {
			if l, _ := s.titleEndingAt(a - 1); l > 0 {
				end = a - 1
				continue
			}
		}
		break
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return items
}

// chainJoinAt reports whether the rune at k joins two items of a chain
// although it is no punctuation: 兼 after a title (国务委员兼国务院秘书长),
// or 和/及/与 after a title's name (副主席洪洋和秘书长刘卉).
func (s *state) chainJoinAt(k int) bool {
	switch s.t[k] {
	case '兼':
		return s.endsTitle(k)
	case '和', '及', '与':
		_, n := s.listNameEndingAt(k)
		return n > 0
	}
	return false
}

// resolveChain canonicalises a chain: abbreviations take the full place,
// shortened items take the organisation of the item before, local bodies
// take the jurisdiction (GUIDELINES.md, Posts).
func (s *state) resolveChain(items []item, prev *post, ctx []string) []post {
	out := make([]post, 0, len(items))
	for _, it := range items {
		p := s.resolveItem(it, prev, ctx)
		if p.place != "" {
			ctx = append(ctx, p.place)
		}
		out = append(out, p)
		prev = &out[len(out)-1]
	}
	return out
}

func (s *state) resolveItem(it item, prev *post, ctx []string) post {
	o := it.org
	p := post{title: it.title, class: it.class}
	if strings.HasPrefix(o, "中共") {
		p.cpc, o = "中共", strings.TrimPrefix(o, "中共")
	}
	p.place, o = s.splitPlace(o, it, ctx)
	p.rest = o
	switch {
	case p.place == "" && p.rest == "":
		s.inherit(&p, prev)
	case p.place == "" && s.isPartyDept(p.rest) && prev != nil && s.partyOrg(prev) != "":
		p.place, p.rest = prev.place, s.partyOrg(prev)+p.rest
	case p.place == "" && s.isLocalOrg(p.rest) && prev != nil && prev.place != "":
		p.place = prev.place // 街道党工委副书记、办事处主任
	case p.place == "" && s.isLocalOrg(p.rest) && s.jur != "":
		p.place = s.jur
	}
	p.canon = render(p)
	return p
}

// render writes a post's canonical string.
func render(p post) string {
	return p.cpc + renderPlace(p)
}

func renderPlace(p post) string {
	place := p.place
	if p.rest == "" && p.class == "head" && place != "" {
		if t := []rune(p.title); strings.HasSuffix(place, string(t[0])) {
			return place + string(t[1:])
		}
	}
	if p.rest != "" && place != "" {
		// a place written twice collapses: 溧阳市市委 → 溧阳市委
		pr := []rune(place)
		if rr := []rune(p.rest); len(rr) > 1 && rr[0] == pr[len(pr)-1] && (rr[1] == '委' || rr[1] == '长') {
			return place + string(rr[1:]) + p.title
		}
	}
	return place + p.rest + p.title
}

// splitPlace takes the place off the front of an organisation string:
// a full division name (溧阳市), or an abbreviation (区委 → the context's or
// the jurisdiction's 区).
func (s *state) splitPlace(o string, it item, ctx []string) (string, string) {
	rs := []rune(o)
	if len(rs) == 0 {
		// the title itself may carry the abbreviation: 区长, 县委书记 is
		// parsed as org 县委; here only bare titles remain.
		return "", ""
	}
	// a full place at the front: a known one first, then any name with a
	// division's suffix that an organisation word follows
	for _, known := range []bool{true, false} {
		for k := len(rs); k >= 2; k-- {
			name := string(rs[:k])
			suf := s.suffixOf(name)
			if suf == "" || suf == name || s.badPlace(name) {
				continue
			}
			stem := []rune(strings.TrimSuffix(name, suf))
			if known && s.isPlaceName(name) {
				return name, string(rs[k:])
			}
			rest := string(rs[k:])
			if !known && len(stem) >= 2 && !s.isSuffixRune(stem[len(stem)-1]) && (rest == "" || s.startsWithOrg(rest) || s.startsWithOrg(strings.TrimPrefix(rest, suf))) {
				return name, rest
			}
		}
	}
	// an abbreviation: 区委, 市纪委, 自治区政协, 县政府
	for _, suf := range s.e.lx.PlaceSuffix {
		if strings.HasPrefix(o, suf) {
			rest := strings.TrimPrefix(o, suf)
			if rest == "" || s.startsWithOrg(rest) || s.endsLikeOrg(rest) {
				if full := s.resolveAbbrev(suf, ctx); full != "" {
					return full, rest
				}
				return "", o
			}
			break
		}
	}
	return "", o
}

// resolveAbbrev finds the full place an abbreviated level (区, 市 …) stands
// for: the last such place of the same sentence's chains, else the
// jurisdiction.
func (s *state) resolveAbbrev(suf string, ctx []string) string {
	for i := len(ctx) - 1; i >= 0; i-- {
		if strings.HasSuffix(ctx[i], suf) && ctx[i] != suf {
			return ctx[i]
		}
	}
	if s.jur != "" && strings.HasSuffix(s.jur, suf) {
		return s.jur
	}
	return ""
}

func (s *state) isPlaceName(name string) bool {
	if _, ok := s.e.lx.Places[name]; ok {
		return true
	}
	if name == s.jur {
		return true
	}
	for _, pm := range s.places {
		if pm.name == name {
			return true
		}
	}
	return s.knownPlace(name)
}

func (s *state) startsWithOrg(rest string) bool {
	rs := []rune(rest)
	l, _ := s.e.lx.Orgs.LongestAt(rs, 0)
	return l > 0
}

// orgClass returns the class of the organisation word at the front of o.
func (s *state) orgClass(o string) (int, string) {
	return s.e.lx.Orgs.LongestAt([]rune(o), 0)
}

func (s *state) isLocalOrg(o string) bool {
	l, cls := s.orgClass(o)
	return l > 0 && strings.Contains(cls, "local")
}

// isPartyDept reports whether o is a department of a party committee that a
// chain writes without its committee (组织部, 政法委).
func (s *state) isPartyDept(o string) bool {
	_, cls := s.orgClass(o)
	return strings.HasPrefix(cls, "partydept")
}

// partyOrg returns the party-committee part of a post's organisation
// (委 of 区委, 党委 of 团泊镇党委), or "".
func (s *state) partyOrg(p *post) string {
	if p.rest == "" {
		return ""
	}
	for _, w := range []string{"委员会", "纪委", "党工委", "党委", "工委", "委"} {
		if i := strings.LastIndex(p.rest, w); i >= 0 && i+len(w) == len(p.rest) {
			return p.rest
		}
	}
	return ""
}

// inherit fills a bare title from the item before it (区委副书记、代区长 →
// 区 代区长; 政协党组副书记邢水成,副主席曹斌 → 政协 副主席), or from the
// jurisdiction for a local head (副区长 → 静海区副区长).
func (s *state) inherit(p *post, prev *post) {
	if prev != nil && (prev.place != "" || prev.rest != "") {
		switch p.class {
		case "head", "deputy":
			if prev.place != "" && s.levelMatches(prev.place, p.title) {
				p.place = prev.place
				return
			}
		case "party":
			if org := s.partyOrg(prev); org != "" {
				p.place, p.rest, p.cpc = prev.place, org, prev.cpc
				return
			}
			// 政协主席、党组书记 → 政协党组书记
			if strings.HasPrefix(p.title, "党组") && prev.rest != "" {
				p.place, p.rest, p.cpc = prev.place, prev.rest, prev.cpc
				return
			}
		case "partydept":
			if org := s.partyOrg(prev); org != "" {
				p.place, p.rest, p.cpc = prev.place, org, prev.cpc
				return
			}
		case "chair":
			rest := prev.rest
			for _, w := range []string{"党组", "党委"} {
				rest = strings.TrimSuffix(rest, w)
			}
			if rest != "" && !strings.HasSuffix(rest, "委") {
				p.place, p.rest, p.cpc = prev.place, rest, prev.cpc
				return
			}
		default:
			if prev.rest != "" {
				p.place, p.rest, p.cpc = prev.place, prev.rest, prev.cpc
				return
			}
		}
	}
	if p.class == "partydept" && s.jur != "" {
		p.place, p.rest = s.jur, "委"
		return
	}
	if (p.class == "head" || p.class == "deputy") && s.jur != "" && s.levelMatches(s.jur, p.title) {
		p.place = s.jur
		return
	}
	p.bare = true
}

// levelMatches reports whether a head's title fits the place's level
// (区长 and 静海区, 副县长 and 隆回县).
func (s *state) levelMatches(place, title string) bool {
	suf := s.suffixOf(place)
	if suf == "" {
		return false
	}
	return strings.Contains(title, suf+"长") || strings.Contains(title, []string{suf}[0]+"长")
}

// badPlace rejects names that end like a division but are zones or parts of
// organisations (经济技术开发区, 高新区, 警备区), or are only a suffix or a
// generic word (自治区, 城区, 社区).
func (s *state) badPlace(name string) bool {
	for _, w := range s.e.lx.NotPlaceSuffix {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	for _, w := range s.e.lx.NotPlaceWord {
		if name == w {
			return true
		}
	}
	for _, suf := range s.e.lx.PlaceSuffix {
		if name == suf {
			return true
		}
	}
	return false
}

func (s *state) isSuffixRune(r rune) bool {
	switch r {
	case '省', '市', '区', '县', '旗', '州', '盟', '镇', '乡', '村':
		return true
	}
	return false
}

// org returns the organisation a post belongs to, as written in its
// canonical string (青山区委 of 青山区委书记), or "" when the post names only
// a place (青山区副区长) or nothing.
func (p post) org() string {
	if p.rest == "" {
		return ""
	}
	s := render(p)
	return strings.TrimSuffix(s, p.title)
}

// endsLikeOrg reports whether o ends like the name of a body (融媒体中心,
// 水利局, 住房和城乡建设局).
func (s *state) endsLikeOrg(o string) bool {
	rs := []rune(o)
	if len(rs) < 2 {
		return false
	}
	if l, _ := s.e.lx.Orgs.LongestEndingAt(rs, len(rs), 8); l > 0 {
		return true
	}
	return strings.ContainsRune("局办委会院部心所站队处科厅社馆团司", rs[len(rs)-1])
}

// cutPreamble returns where an organisation that ends at ts starts, at or
// after a: after the last preamble word (出席会议的有 | 区委书记). A
// conjunction (和, 与, 及) ends a preamble only after a name (曲海富和|副区长),
// not inside an organisation's name (住房和城乡建设局).
func (s *state) cutPreamble(a, ts int) int {
	for k := ts; k > a; k-- {
		l, _ := s.e.cut.LongestEndingAt(s.t, k, 4)
		if l == 0 {
			continue
		}
		if l == 1 && strings.ContainsRune("和与及", s.t[k-1]) && k-2 >= 0 && isHan(s.t[k-2]) && !s.nameEndsAt(k-1) {
			continue
		}
		return k
	}
	return a
}

// nameEndsAt reports whether a person's name already recognised ends just
// before e.
func (s *state) nameEndsAt(e int) bool {
	for _, n := range []int{3, 2, 4} {
		if e-n >= 0 && s.mentionAt[e-n] == n {
			return true
		}
	}
	return false
}

// isPost reports whether the item is a post: membership titles (代表) are
// posts only with their body (人大代表), not alone (受表彰代表 → 代表).
func (p post) isPost() bool {
	return !(p.class == "member" && p.place == "" && p.rest == "")
}
