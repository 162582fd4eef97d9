package graph

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Office is what a post's name says of the office it names: a place (the
// jurisdiction), an organ of it and a title. Qualifiers of the holding —
// acting (代理, 代) and executive (常务) — are not part of the office.
// IDENTITY.md explains the rule; parseOffice implements it.
type Office struct {
	Place     string // the place's full name (the gazetteer's), else as written; "" for an organisation's post
	PlaceCode string // the gazetteer code, "" when the place is unknown or ambiguous
	Organ     string // 党委, 纪委, 政府, 人大常委会, 政协, 人武部, 委组织部, 公安局, 某某公司 …; "" none
	Title     string // the bare title: 书记, 县长, 副县长 …
	Acting    bool   // 代理/代: the acting head
	Executive bool   // 常务: the executive deputy
}

// officePrefix starts every office key (and tells a migrated key from an old one).
const officePrefix = "office:"

// Key is the office's identity: office:<code or place>|<organ>|<title>.
func (o Office) Key() string {
	place := o.PlaceCode
	if place == "" {
		place = o.Place
	}
	return officePrefix + place + keySep + o.Organ + keySep + o.Title
}

// Qualifier is the holding's qualifier, the suffix of its HOLDS fact key:
// "", "acting", "executive" or "acting+executive".
func (o Office) Qualifier() string {
	switch {
	case o.Acting && o.Executive:
		return "acting+executive"
	case o.Acting:
		return "acting"
	case o.Executive:
		return "executive"
	}
	return ""
}

// Name is the office's canonical display name, in the pipeline's style:
// 武功县委常委, 坪坝县副县长, 霍邱县长, 霍邱县政协主席, 团泊镇党委书记.
func (o Office) Name() string {
	organ := o.Organ
	township := o.Place == "" || hasAnySuffix(o.Place, "镇", "乡", "街道", "村", "社区", "苏木")
	switch {
	case organ == "政府":
		class, _ := officeLex().Titles.Get(o.Title)
		if class == "head" || class == "deputy" {
			organ = ""
			last, _ := utf8.DecodeLastRuneInString(o.Place)
			first, size := utf8.DecodeRuneInString(o.Title)
			if class == "head" && o.Place != "" && first == last && o.Title[size:] == "长" {
				return o.Place + "长"
			}
		}
	case strings.HasPrefix(organ, "党委") && !township:
		organ = strings.TrimPrefix(organ, "党")
	}
	return o.Place + organ + o.Title
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

var (
	officeLexOnce sync.Once
	officeLexV    *lexicon.Lexicon
)

// officeLex is the government lexicon (titles, organisation words, place
// suffixes), loaded once.
func officeLex() *lexicon.Lexicon {
	officeLexOnce.Do(func() {
		lx, err := lexicon.Load()
		if err != nil {
			panic("graph: embedded lexicon: " + err.Error())
		}
		officeLexV = lx
	})
	return officeLexV
}

// titleSynonyms are titles written two ways.
var titleSynonyms = map[string]string{"常务委员": "常委", "政治委员": "政委"}

// organsOfTitle are organisation words a title may begin with (党委书记):
// they belong to the organ.
var organsOfTitle = []string{"党工委", "党委", "党组", "党支部", "政法委"}

// organSynonyms fold the ways an organ is written.
var organSynonyms = map[string]string{
	"委": "党委", "人民政府": "政府", "纪委监委": "纪委", "人民武装部": "人武部", "武装部": "人武部",
}

// placeBoundOrgans are the organs of a place: without a place they name
// no office (区委书记, 政府副秘书长: a canonicalisation that failed).
var placeBoundOrgans = map[string]bool{"党委": true, "政府": true, "纪委": true, "人大常委会": true, "人大": true, "政协": true, "人武部": true}

// organEnds are how an organisation's name may end.
var organEnds = []string{"委", "局", "办", "厅", "部", "院", "会", "处", "所", "站", "队", "室", "馆", "校", "团", "社",
	"行", "厂", "中心", "公司", "集团", "组", "庭", "科", "署", "联", "台", "党组", "支部", "总支", "政府", "政协", "人大",
	"学", "园", "场", "村", "区", "镇", "乡", "街道", "店", "所"}

// levelRunes end a division's name and begin the short forms of its organs
// (溧阳市市委: the 市 doubled).
const levelRunes = "省市县区旗州盟镇乡"

// parseOffice reads the office a canonical post name names; jurisdiction
// (the report's) picks among places of the same name. false: the name is
// not a place or organisation followed by a known title of the lexicon
// (并决定为代理市长, 区长, 项目业主代表), and names no office.
func parseOffice(name, jurisdiction string) (Office, bool) {
	lx := officeLex()
	s := strings.TrimPrefix(cleanName(name), "中共")
	rs := []rune(s)
	// The title: the longest known title that ends the name.
	at := -1
	var title, class string
	for i := 1; i < len(rs); i++ {
		if c, ok := lx.Titles.Get(string(rs[i:])); ok {
			at, title, class = i, string(rs[i:]), c
			break
		}
	}
	if at < 0 {
		return Office{}, false
	}
	var o Office
	prefix := string(rs[:at])
	if t, ok := titleSynonyms[title]; ok {
		title = t
	}
	// Qualifiers: 代理/代 and 常务 before the title.
	for changed := true; changed; {
		changed = false
		for _, q := range []string{"代理", "代", "常务"} {
			if rest, ok := strings.CutPrefix(title, q); ok {
				if _, known := lx.Titles.Get(rest); known {
					title, changed = rest, true
					o.Acting = o.Acting || q != "常务"
					o.Executive = o.Executive || q == "常务"
				}
			}
			if rest, ok := strings.CutSuffix(prefix, q); ok {
				prefix, changed = rest, true
				o.Acting = o.Acting || q != "常务"
				o.Executive = o.Executive || q == "常务"
			}
		}
	}
	prefix = strings.NewReplacer("人民政府", "政府", "人民武装部", "人武部").Replace(prefix)
	class, _ = lx.Titles.Get(title)
	// A title that begins with an organ (党委书记, 组织部长) gives it up.
	for _, w := range organsOfTitle {
		if rest, ok := strings.CutPrefix(title, w); ok {
			if _, known := lx.Titles.Get(rest); known {
				prefix, title = prefix+w, rest
				break
			}
		}
	}
	if class == "partydept" && strings.HasSuffix(title, "部长") && title != "部长" {
		prefix, title = prefix+strings.TrimSuffix(title, "长"), "部长"
	}
	class, _ = lx.Titles.Get(title)
	// 霍邱县长: the place's suffix is the title's first character.
	if class == "head" {
		first, _ := utf8.DecodeRuneInString(title)
		if last, _ := utf8.DecodeLastRuneInString(prefix); last != first {
			if p, rest, ok := readPlaces(prefix+string(first), jurisdiction); ok && rest == "" {
				o.Place, o.PlaceCode, o.Organ, o.Title = p.name, p.code, "政府", title
				return o, true
			}
		}
	}
	p, rest, _ := readPlaces(prefix, jurisdiction)
	o.Place, o.PlaceCode, o.Title = p.name, p.code, title
	// 溧阳市市委: the level doubled.
	if last, _ := utf8.DecodeLastRuneInString(p.name); p.name != "" && strings.ContainsRune(levelRunes, last) {
		if r, ok := strings.CutPrefix(rest, string(last)); ok && (r == "" || strings.HasPrefix(r, "委") || lx.Orgs.HasPrefixAt([]rune(r), 0)) {
			rest = r
		}
	}
	organ := strings.TrimPrefix(rest, "中共")
	if strings.HasPrefix(organ, "人民政府") {
		organ = "政府" + strings.TrimPrefix(organ, "人民政府")
	}
	if syn, ok := organSynonyms[organ]; ok {
		organ = syn
	} else if strings.HasPrefix(organ, "委") {
		organ = "党" + organ // 委组织部 → 党委组织部, as 镇党委组织部 is written
	}
	if organ == "" {
		switch class {
		case "head", "deputy":
			organ = "政府"
		case "party":
			organ = "党委"
		}
	}
	o.Organ = organ
	switch {
	case o.Place == "" && organ == "":
		return Office{}, false // a bare title
	case o.Place == "" && (placeBoundOrgans[organ] || startsWithLevelOrgan(organ)):
		return Office{}, false // 区委书记: whose?
	case organ != "" && !placeBoundOrgans[organ] && !hasAnySuffix(organ, organEnds...):
		return Office{}, false // 并决定为代理市长: not an organisation
	}
	return o, true
}

// startsWithLevelOrgan: 区委组织部, 县政府办公室 — an organ of an unnamed place.
func startsWithLevelOrgan(organ string) bool {
	r, size := utf8.DecodeRuneInString(organ)
	if !strings.ContainsRune(levelRunes, r) {
		return false
	}
	rest := organ[size:]
	return strings.HasPrefix(rest, "委") || strings.HasPrefix(rest, "政府") || strings.HasPrefix(rest, "人民政府")
}

// notInPlaceNames are characters of the function words and cue verbs that
// run into a post when a sentence is cut wrong (并决定为代理市长).
const notInPlaceNames = "并决为任免的和与及是了将被拟其"

type officePlace struct{ name, code string }

// readPlaces reads the places that begin s (天津市静海区…) and returns the
// last, the most specific, with what follows them; ok when s begins with a
// place. A place the gazetteer knows has its code (its full name); one it
// does not know (an invented 坪坝县) is a name ending in a division suffix.
func readPlaces(s, jurisdiction string) (officePlace, string, bool) {
	gz := gazetteer.Default()
	lx := officeLex()
	rs := []rune(s)
	var context []*gazetteer.Division
	if jurisdiction != "" {
		if ms := gz.Lookup(jurisdiction); len(ms) > 0 {
			context = append(context, ms[0].Div)
		}
	}
	var last officePlace
	found := false
	i := 0
	for i < len(rs) {
		if found && (lx.Orgs.HasPrefixAt(rs, i) || rs[i] == '委') {
			break // the organ begins
		}
		n, ms := gz.LongestAt(rs, i)
		if n > 0 && n < len(rs)-i && ms[0].Kind == gazetteer.Short {
			// A short form followed by a division suffix is the stem of
			// another name (坪坝 + 县); followed by something other than an
			// organ or a place, not a place at all (湖南湘和…公司).
			rest := rs[i+n:]
			if suffixAt(lx, rest) > 0 || !lx.Orgs.HasPrefixAt(rest, 0) && rest[0] != '委' {
				n = 0
			}
		}
		if n > 0 {
			ms = gz.Rank(append([]gazetteer.Match(nil), ms...), context...)
			p := officePlace{name: string(rs[i : i+n])}
			if d := pickDivision(gz, ms, context); d != nil {
				p = officePlace{name: d.Name, code: d.Code}
				context = append([]*gazetteer.Division{d}, context...)
			}
			last, found = p, true
			i += n
			continue
		}
		// A place the gazetteer does not know: two characters or more
		// that are no function words, and a division suffix, which no zone
		// suffix (开发区) overlaps.
		end := -1
		for j := i + 2; j < len(rs) && j <= i+16; j++ {
			if strings.ContainsAny(string(rs[i:j]), notInPlaceNames) {
				break
			}
			if k := suffixAt(lx, rs[j:]); k > 0 && !notPlaceAt(lx, rs, i, j+k) {
				end = j + k
				break
			}
		}
		if end < 0 {
			break
		}
		name := string(rs[i:end])
		if ms := gz.Lookup(name); len(ms) > 0 {
			ms = gz.Rank(ms, context...)
			if d := pickDivision(gz, ms, context); d != nil {
				last, found = officePlace{name: d.Name, code: d.Code}, true
				context = append([]*gazetteer.Division{d}, context...)
				i = end
				continue
			}
		}
		last, found = officePlace{name: name}, true
		i = end
	}
	return last, string(rs[i:]), found
}

// pickDivision is the division matches stand for: the only one of the
// best kind, or the only one within the context; nil when ambiguous.
func pickDivision(gz *gazetteer.Gazetteer, ms []gazetteer.Match, context []*gazetteer.Division) *gazetteer.Division {
	if len(ms) == 0 {
		return nil
	}
	var in []*gazetteer.Division
	for _, m := range ms {
		for _, c := range context {
			if m.Div == c || gz.Under(m.Div, c) {
				in = append(in, m.Div)
				break
			}
		}
	}
	if len(in) == 1 {
		return in[0]
	}
	if len(in) > 1 {
		return nil
	}
	best := 0
	for _, m := range ms {
		if m.Kind == ms[0].Kind {
			best++
		}
	}
	if best == 1 {
		return ms[0].Div
	}
	return nil
}

// suffixAt is the length of the division suffix that begins rs, 0 if none.
func suffixAt(lx *lexicon.Lexicon, rs []rune) int {
	for _, suf := range lx.PlaceSuffix { // longest first
		if hasRunePrefix(rs, suf) {
			return utf8.RuneCountInString(suf)
		}
	}
	return 0
}

// notPlaceAt: rs[i:end] ends like a zone or an ordinary word (开发区, 城市).
func notPlaceAt(lx *lexicon.Lexicon, rs []rune, i, end int) bool {
	name := string(rs[i:end])
	for _, w := range lx.NotPlaceSuffix {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

func hasRunePrefix(rs []rune, p string) bool {
	j := 0
	for _, r := range p {
		if j >= len(rs) || rs[j] != r {
			return false
		}
		j++
	}
	return true
}
