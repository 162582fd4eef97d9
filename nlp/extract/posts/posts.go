// Package posts reads and canonicalises the posts of title chains
// (区委常委、区人武部政委李建新): it parses a chain back from the name it
// introduces, resolves abbreviated levels against the sentence's places and
// the jurisdiction, fills shortened items from the item before them, and
// writes the canonical post (GUIDELINES.md, Posts). It is not a stage: the
// persons stage reads posts with it, and the events stage reads an event's
// convener.
//
// Lexicon: titles.txt (titles and their class), orgs.txt (organisation
// words and their class), and the shared cut section.
package posts

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/places"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// Reader reads the posts of one Document, against its jurisdiction
// (Meta.Jurisdiction) and its places (the Places layer).
type Reader struct {
	*text.View
	t   []rune
	Jur string
	// NameEndsAt reports whether a person's name already recognised ends
	// just before e (a conjunction after a name ends a preamble).
	NameEndsAt func(e int) bool
	// ListNameEndingAt finds the name of a list item that ends at e (和
	// after a title's name joins two items of a chain): start and length.
	ListNameEndingAt func(e int) (int, int)
}

// NewReader reads the posts of the document that v views.
func NewReader(v *text.View) *Reader {
	return &Reader{View: v, t: v.T, Jur: v.D.Meta.Jurisdiction,
		NameEndsAt:       func(int) bool { return false },
		ListNameEndingAt: func(int) (int, int) { return 0, 0 }}
}

// Item is one post of a title chain (区委常委、区人武部政委 has two).
type Item struct {
	Org, Title, Class string
	Span              doc.Span
}

// Post is an item resolved against the jurisdiction and its chain.
type Post struct {
	Place string // full place, or an unresolved abbreviation
	Rest  string // organisation words after the place
	Title string
	Class string
	Canon string
	Bare  bool   // neither place nor organisation was written or inherited
	CPC   string // "中共" when written before the organisation
}

// TitleEndingAt returns the longest title that ends at end, and its class.
func (s *Reader) TitleEndingAt(end int) (int, string) {
	return s.Titles.LongestEndingAt(s.t, end, 9)
}

// EndsTitle reports whether a title ends just before a.
func (s *Reader) EndsTitle(a int) bool {
	l, _ := s.TitleEndingAt(a)
	return l > 0
}

// ChainBefore parses the title chain that ends at end (exclusive), walking
// back over items separated by 、. It returns the items in text order.
func (s *Reader) ChainBefore(end int) []Item {
	var items []Item
	for {
		tl, cls := s.TitleEndingAt(end)
		if tl == 0 {
			break
		}
		ts := end - tl
		// the Item's organisation runs back to the previous separator
		a := ts
		for a > 0 && !text.IsPunct(s.t[a-1]) && ts-a < 30 && !s.chainJoinAt(a-1) {
			a--
		}
		// …less any preamble (出席会议的有 | 区委书记)
		a = s.CutPreamble(a, ts)
		items = append(items, Item{Org: string(s.t[a:ts]), Title: string(s.t[ts:end]), Class: cls, Span: text.Span(a, end)})
		if a > 0 && (s.t[a-1] == '、' || s.t[a-1] == '兼') {
			if l, _ := s.TitleEndingAt(a - 1); l > 0 {
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
func (s *Reader) chainJoinAt(k int) bool {
	switch s.t[k] {
	case '兼':
		return s.EndsTitle(k)
	case '和', '及', '与':
		if _, n := s.ListNameEndingAt(k); n > 0 {
			return true
		}
		for _, nm := range s.D.Names { // a recognised name of any length (部长阿勒坦格列尔和…)
			if nm.End == k && nm.Label == doc.LabelPerson && s.EndsTitle(nm.Start) {
				return true
			}
		}
	}
	return false
}

// ResolveChain canonicalises a chain: abbreviations take the full place,
// shortened items take the organisation of the Item before, local bodies
// take the jurisdiction (GUIDELINES.md, Posts).
func (s *Reader) ResolveChain(items []Item, prev *Post, ctx []string) []Post {
	out := make([]Post, 0, len(items))
	for _, it := range items {
		p := s.ResolveItem(it, prev, ctx)
		if p.Place != "" {
			ctx = append(ctx, p.Place)
		}
		out = append(out, p)
		prev = &out[len(out)-1]
	}
	return out
}

func (s *Reader) ResolveItem(it Item, prev *Post, ctx []string) Post {
	o := it.Org
	p := Post{Title: it.Title, Class: it.Class}
	if strings.HasPrefix(o, "中共") {
		p.CPC, o = "中共", strings.TrimPrefix(o, "中共")
	}
	p.Place, o = s.splitPlace(o, it, ctx)
	if p.Place != "" && p.Place != s.Jur && p.CPC == "" && s.namedAsParty(p.Place, it.Span.Start) {
		// 中国共产党某市第十一届委员会…选举…为市委书记, in a province's
		// report → 中共某市委书记 (the jurisdiction's own posts take no 中共)
		p.CPC = "中共"
	}
	p.Rest = o
	switch {
	case p.Place == "" && p.Rest == "":
		s.inherit(&p, prev)
	case p.Place == "" && s.isPartyDept(p.Rest) && prev != nil && s.partyOrg(prev) != "":
		p.Place, p.Rest = prev.Place, s.partyOrg(prev)+p.Rest
	case p.Place == "" && s.isLocalOrg(p.Rest) && prev != nil && prev.Place != "":
		p.Place = prev.Place // 街道党工委副书记、办事处主任
	case p.Place == "" && p.CPC == "" && prev != nil && prev.Place != "" && prev.Rest != "" && strings.HasSuffix(p.Rest, "局") && s.levelPrefix(p.Rest) == "" &&
		!strings.HasPrefix(p.Rest, "中央") && !strings.HasPrefix(p.Rest, "国"):
		p.Place = prev.Place // 某县财政局局长、审计局局长: the bureaus of one place
	case p.Place == "" && s.isLocalOrg(p.Rest) && s.Jur != "" && !strings.Contains(p.Rest, s.Jur):
		p.Place = s.Jur // not 政协某县第十一届委员会…, which names its place
	case p.Place == "" && s.isGrassrootsOrg(p.Rest) && prev != nil && grassrootsPlace(prev.Place):
		p.Place = prev.Place // 某社区党委书记、居委会主任: the community's
	case p.Place == "" && s.isGrassrootsOrg(p.Rest) && grassrootsPlace(s.Jur):
		p.Place = s.Jur // 居委会主任 in a community's report
	case p.Place == "" && s.isLocalOrg(p.Rest) && prev != nil && prev.Place == "" && s.levelPrefix(prev.Rest) != "" && s.levelPrefix(p.Rest) == "":
		// 市委常委、纪委书记 where no place resolves 市: 市纪委书记
		p.Rest = s.levelPrefix(prev.Rest) + p.Rest
	}
	p.Canon = Render(p)
	return p
}

// grassrootsPlace reports whether a place is a village or a community.
func grassrootsPlace(place string) bool {
	return strings.HasSuffix(place, "村") || strings.HasSuffix(place, "社区") || strings.HasSuffix(place, "嘎查")
}

// levelPrefix is the level abbreviation an organisation starts with (市 of
// 市委, 自治区 of 自治区政协), or "".
func (s *Reader) levelPrefix(o string) string {
	for _, suf := range s.PlaceSuffix {
		if rest, ok := strings.CutPrefix(o, suf); ok && rest != "" && (s.startsWithOrg(rest) || s.EndsLikeOrg(rest)) {
			return suf
		}
	}
	return ""
}

// Render writes a post's canonical string.
func Render(p Post) string {
	return p.CPC + renderPlace(p)
}

func renderPlace(p Post) string {
	place := p.Place
	if p.Rest == "" && p.Class == "head" && place != "" {
		if t := []rune(p.Title); strings.HasSuffix(place, string(t[0])) {
			return place + string(t[1:])
		}
	}
	if p.Rest != "" && place != "" {
		// a place written twice collapses: 溧阳市市委 → 溧阳市委
		pr := []rune(place)
		if rr := []rune(p.Rest); len(rr) > 1 && rr[0] == pr[len(pr)-1] && (rr[1] == '委' || rr[1] == '长') {
			return place + string(rr[1:]) + p.Title
		}
	}
	return place + p.Rest + p.Title
}

// splitPlace takes the place off the front of an organisation string:
// a full division name (溧阳市), or an abbreviation (区委 → the context's or
// the jurisdiction's 区).
func (s *Reader) splitPlace(o string, it Item, ctx []string) (string, string) {
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
			suf := places.SuffixOf(s.Lexicon.Lexicon, name)
			if suf == "" || suf == name || places.Bad(s.Lexicon.Lexicon, name) {
				continue
			}
			stem := []rune(strings.TrimSuffix(name, suf))
			if known && s.isPlaceName(name) {
				return name, string(rs[k:])
			}
			rest := string(rs[k:])
			if !known && len(stem) >= 2 && !places.IsSuffixRune(stem[len(stem)-1]) && (rest == "" || s.startsWithOrg(rest) || s.startsWithOrg(strings.TrimPrefix(rest, suf))) {
				return name, rest
			}
		}
	}
	// an abbreviation: 区委, 市纪委, 自治区政协, 县政府
	for _, suf := range s.PlaceSuffix {
		if strings.HasPrefix(o, suf) {
			rest := strings.TrimPrefix(o, suf)
			if rest == "" || s.startsWithOrg(rest) || s.EndsLikeOrg(rest) {
				if full := s.resolveAbbrev(suf, ctx, it.Span.Start); full != "" {
					return full, rest
				}
				return "", o
			}
			break
		}
	}
	return "", o
}

// resolveAbbrev finds the full place an abbreviated level (区, 市 …) at i
// stands for: the last such place of the same sentence's chains, else the
// jurisdiction, else — a level other than the jurisdiction's, which gets a
// full name only where the text names it (GUIDELINES, rule 5) — the place
// of that level that its sentence names as the party's body (中国共产党某市
// 第十一届委员会…选举…为市委书记 in a province's report).
func (s *Reader) resolveAbbrev(suf string, ctx []string, i int) string {
	for i := len(ctx) - 1; i >= 0; i-- {
		if strings.HasSuffix(ctx[i], suf) && ctx[i] != suf {
			return ctx[i]
		}
	}
	if s.Jur != "" && strings.HasSuffix(s.Jur, suf) {
		return s.Jur
	}
	// the body named in the sentence as the party's: 中国共产党某市第十一届
	// 委员会…选举…为市委书记
	sent := s.SentenceOf(i)
	if !strings.Contains(s.Str(sent.Start, i), "中国共产党") {
		// else the one place of the level the text names (市委书记 in a
		// county's report that names its city)
		return s.onlyNamed(func(name string) bool { return strings.HasSuffix(name, suf) && name != suf })
	}
	for _, pm := range s.D.Places {
		if pm.Span.Start >= sent.Start && pm.Span.End <= i && strings.HasSuffix(pm.Name, suf) && pm.Name != suf && s.namedAsParty(pm.Name, i) {
			return pm.Name
		}
	}
	return ""
}

// namedAsParty reports whether the sentence of i writes the place as the
// party's body: 中国共产党某市(第十一届)委员会.
func (s *Reader) namedAsParty(place string, i int) bool {
	sent := s.SentenceOf(i)
	return strings.Contains(s.Str(sent.Start, i), "中国共产党"+place)
}

func (s *Reader) isPlaceName(name string) bool {
	if _, ok := s.Places[name]; ok {
		return true
	}
	if name == s.Jur {
		return true
	}
	for _, pm := range s.D.Places {
		if pm.Name == name {
			return true
		}
	}
	return s.KnownPlace(name)
}

func (s *Reader) startsWithOrg(rest string) bool {
	rs := []rune(rest)
	l, _ := s.Orgs.LongestAt(rs, 0)
	return l > 0
}

// orgClass returns the class of the organisation word at the front of o.
func (s *Reader) orgClass(o string) (int, string) {
	return s.Orgs.LongestAt([]rune(o), 0)
}

func (s *Reader) isLocalOrg(o string) bool {
	l, cls := s.orgClass(o)
	return l > 0 && strings.Contains(cls, "local")
}

// isGrassrootsOrg reports whether o is a body of a village or community
// (居委会, 党支部: class "grassroots" in orgs.txt).
func (s *Reader) isGrassrootsOrg(o string) bool {
	l, cls := s.orgClass(o)
	return l > 0 && strings.Contains(cls, "grassroots")
}

// isPartyDept reports whether o is a department of a party committee that a
// chain writes without its committee (组织部, 政法委).
func (s *Reader) isPartyDept(o string) bool {
	_, cls := s.orgClass(o)
	return strings.HasPrefix(cls, "partydept")
}

// partyOrg returns the party-committee part of a post's organisation
// (委 of 区委, 党委 of 团泊镇党委), or "".
func (s *Reader) partyOrg(p *Post) string {
	if p.Rest == "" {
		return ""
	}
	for _, w := range []string{"委员会", "纪委", "党工委", "党委", "工委", "委"} {
		if i := strings.LastIndex(p.Rest, w); i >= 0 && i+len(w) == len(p.Rest) {
			return p.Rest
		}
	}
	return ""
}

// inherit fills a bare title from the item before it (区委副书记、代区长 →
// 区 代区长; 政协党组副书记邢水成,副主席曹斌 → 政协 副主席), or from the
// jurisdiction for a local head (副区长 → 静海区副区长).
func (s *Reader) inherit(p *Post, prev *Post) {
	if prev != nil && (prev.Place != "" || prev.Rest != "") {
		switch p.Class {
		case "head", "deputy":
			if prev.Place != "" && s.levelMatches(prev.Place, p.Title) {
				p.Place = prev.Place
				if (prev.Rest == "人民政府" || prev.Rest == "政府") && prev.Place != s.Jur {
					// 陕西省人民政府副省长、代省长 in a report not of 陕西省:
					// the organisation the text gives stays (GUIDELINES,
					// rulings); the jurisdiction's own is 某区代理区长
					p.Rest = prev.Rest
				}
				return
			}
		case "party":
			if org := s.partyOrg(prev); org != "" {
				p.Place, p.Rest, p.CPC = prev.Place, org, prev.CPC
				return
			}
			// 政协主席、党组书记 → 政协党组书记
			if strings.HasPrefix(p.Title, "党组") && prev.Rest != "" {
				p.Place, p.Rest, p.CPC = prev.Place, prev.Rest, prev.CPC
				return
			}
		case "partydept":
			if org := s.partyOrg(prev); org != "" {
				p.Place, p.Rest, p.CPC = prev.Place, org, prev.CPC
				return
			}
		case "chair":
			rest := prev.Rest
			for _, w := range []string{"党组", "党委"} {
				rest = strings.TrimSuffix(rest, w)
			}
			if rest != "" && !strings.HasSuffix(rest, "委") {
				p.Place, p.Rest, p.CPC = prev.Place, rest, prev.CPC
				return
			}
		default:
			if prev.Rest != "" {
				p.Place, p.Rest, p.CPC = prev.Place, prev.Rest, prev.CPC
				return
			}
		}
	}
	if p.Class == "partydept" && s.Jur != "" {
		p.Place, p.Rest = s.Jur, "委"
		return
	}
	if (p.Class == "head" || p.Class == "deputy") && s.Jur != "" && s.levelMatches(s.Jur, p.Title) {
		p.Place = s.Jur
		return
	}
	if p.Class == "head" || p.Class == "deputy" {
		// another level's head (副省长 in a county's report): the one
		// place of that level the text names, else bare (GUIDELINES, rule 5)
		if place := s.onlyNamed(func(name string) bool { return s.levelMatches(name, p.Title) }); place != "" {
			p.Place = place
			return
		}
	}
	p.Bare = true
}

// levelMatches reports whether a head's title fits the place's level
// (区长 and 静海区, 副县长 and 隆回县).
func (s *Reader) levelMatches(place, title string) bool {
	suf := places.SuffixOf(s.Lexicon.Lexicon, place)
	if suf == "" {
		return false
	}
	// the head of a 新区 is a 区长, of an 自治州 a 州长
	rs := []rune(suf)
	return strings.Contains(title, suf+"长") || strings.Contains(title, string(rs[len(rs)-1])+"长")
}

// OrgName returns the organisation a post belongs to, as written in its
// canonical string (青山区委 of 青山区委书记), or "" when the post names only
// a place (青山区副区长) or nothing.
func (p Post) OrgName() string {
	if p.Rest == "" {
		return ""
	}
	s := Render(p)
	return strings.TrimSuffix(s, p.Title)
}

// EndsLikeOrg reports whether o ends like the name of a body (融媒体中心,
// 水利局, 住房和城乡建设局).
func (s *Reader) EndsLikeOrg(o string) bool {
	rs := []rune(o)
	if len(rs) < 2 {
		return false
	}
	if l, _ := s.Orgs.LongestEndingAt(rs, len(rs), 8); l > 0 {
		return true
	}
	for _, w := range []string{"中学", "小学", "大学", "学校", "幼儿园"} {
		if strings.HasSuffix(o, w) {
			return true // 市第一中学教师
		}
	}
	return strings.ContainsRune("局办委会院部心所站队处科厅社馆团司组", rs[len(rs)-1])
}

// CutPreamble returns where an organisation that ends at ts starts, at or
// after a: after the last preamble word (出席会议的有 | 区委书记). A
// conjunction (和, 与, 及) ends a preamble only after a name (曲海富和|副区长),
// not inside an organisation's name (住房和城乡建设局).
func (s *Reader) CutPreamble(a, ts int) int {
	// a news dateline (据新华社北京12月30日电, 本报北京1月1日讯) is no part of
	// the organisation that follows it
	for k := ts - 1; k > a+1; k-- {
		if (s.t[k] == '电' || s.t[k] == '讯') && s.t[k-1] == '日' {
			a = k + 1
			break
		}
	}
	for k := ts; k > a; k-- {
		l, _ := s.Cut.LongestEndingAt(s.t, k, 4)
		if l == 0 {
			continue
		}
		if l == 1 && strings.ContainsRune("和与及", s.t[k-1]) && k-2 >= 0 && text.IsHan(s.t[k-2]) && !s.NameEndsAt(k-1) {
			continue
		}
		if l == 1 && !s.CutAt(k) && s.CommonWord(s.Str(k-1, k+1)) {
			continue // 对 of 对外关系部, 原 of 原子能: a one-character cue inside a word
		}
		return k
	}
	return a
}

// honourPrefixes open the name of an honour, not of an office (优秀村党组织
// 书记, 十佳村主任).
var honourPrefixes = []string{"优秀", "先进", "十佳", "最美", "杰出"}

// IsPost reports whether the item is a post: membership titles (代表) are
// posts only with their body (人大代表), not alone (受表彰代表 → 代表).
func (p Post) IsPost() bool {
	if p.Class == "rank" {
		return false // 二级调研员: a rank
	}
	if strings.HasPrefix(p.Rest, "大会") {
		return false // 大会主席团常务主席, 大会执行主席: roles in one event (GUIDELINES)
	}
	first := p.Place // the post's written start: its place, else its organisation, else its title
	if first == "" {
		first = p.Rest
	}
	if first == "" {
		first = p.Title
	}
	for _, h := range honourPrefixes {
		if strings.HasPrefix(first, h) {
			return false // 优秀村党组织书记: an honour, not an office
		}
	}
	if p.Class != "member" {
		return true
	}
	if p.Rest == "" {
		return p.Place != ""
	}
	// a member of a body (人大代表, 政协委员, 党委委员), not of a group
	// (模范个人代表, 受表彰代表)
	r := []rune(p.Rest)
	if p.Title == "成员" {
		// of a group or a party branch (领导小组成员, 临时党支部成员), not of a
		// delegation (考察团成员: GUIDELINES, rulings)
		return strings.ContainsRune("组部支委会", r[len(r)-1])
	}
	return strings.ContainsRune("大会协委组部团支院", r[len(r)-1])
}

// onlyNamed returns the one place of the text's Places layer that ok
// accepts, or "" when there is none or more than one.
func (s *Reader) onlyNamed(ok func(string) bool) string {
	found := ""
	for _, pm := range s.D.Places {
		if !ok(pm.Name) {
			continue
		}
		if found != "" && found != pm.Name {
			return ""
		}
		found = pm.Name
	}
	return found
}
