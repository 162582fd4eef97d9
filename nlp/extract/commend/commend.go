package commend

import (
	"regexp"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/events"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// findCommendations reads who an event commends and with which honour:
// 授予张三、李四等10名同志“某某市劳动模范”荣誉称号; 授予王五同志优秀共产党员称号;
// 某单位荣获“先进单位”称号; 某村被评为省级文明村. Unnamed groups
// (先进单位和个人) give nothing.
func (s *state) findCommendations() {
	for _, sent := range s.D.Sentences {
		for k := sent.Start; k < sent.End; k++ {
			if l, _ := s.r.honoreeList.LongestAt(s.t, k); l > 0 {
				k = s.honoreeListAt(k, k+l, sent) - 1
				continue
			}
			l, _ := s.r.honour.LongestAt(s.t, k)
			if l == 0 && s.wonPrizeAt(k, sent) {
				l = 1 // A、B获一等奖
			}
			if l == 0 {
				continue
			}
			verb := s.Str(k, k+l)
			ce := s.ClauseEnd(k+l, sent.End)
			var list, honour string
			var end int
			if verb == "授予" && s.HasAt(k-1, "被") {
				verb = "被授予"
			}
			switch verb {
			case "被授予":
				// 柳某某同志被授予“某某”称号: the honorees before 被
				cs := s.ClauseStart(k, sent.Start)
				list = s.Str(s.NameStart(cs, k-1), k-1)
				honour, end = s.honourAfter(k+l, ce)
				if honour == "" {
					continue
				}
			case "颁奖", "领奖", "颁发":
				if verb == "颁发" && !s.awardObject(k+l, ce) {
					continue // 颁发任命书: no award
				}
				// 为A、B等10位“…”颁奖; A、B作为“…”代表登台领奖
				list, honour = s.awardList(k, verb, sent.Start)
				if list == "" {
					continue
				}
			case "表彰":
				if cs := s.ClauseStart(k, sent.Start); s.IndexOf(cs, k, "称号的") >= 0 {
					continue // 对荣获“…”称号的A、B进行表彰: read at 荣获
				}
				// 对张三、李四等10名优秀教师进行表彰: the honorees after 对
				groups := s.commendedBefore(k, sent.Start)
				if len(groups) == 0 {
					// 表彰了A、B等50名优秀共产党员，C等20名…和D等10个先进集体
					groups = s.commendedAfter(k+l, sent.End)
				}
				if len(groups) == 0 {
					// A、B等10名同志受到县委、县政府表彰
					if x := s.LastIndexOf(s.ClauseStart(k, sent.Start), k, "受到"); x > 0 {
						cs := s.ClauseStart(k, sent.Start)
						groups = [][2]string{{s.Str(s.NameStart(cs, x), x), ""}}
						verb = "受到表彰"
					}
				}
				if len(groups) == 0 {
					continue
				}
				// 对A、B等30名优秀教师和C等5个先进单位予以表彰: each group its honour
				for _, g := range groups[1:] {
					s.addHonourees(g[0], g[1], verb, sent)
				}
				list, honour = groups[0][0], groups[0][1]
			case "授予", "命名为":
				// honorees first, then the honour: quoted, or up to 称号
				if q := s.IndexFrom(k+l, ce, '“'); q >= 0 {
					qe := s.IndexFrom(q+1, sent.End, '”')
					if qe < 0 {
						continue
					}
					list, honour, end = s.Str(k+l, q), s.Str(q+1, qe), qe
				} else if t := s.IndexOf(k+l, ce, "称号"); t >= 0 {
					mid := s.listEnd(k+l, t)
					list, honour, end = s.Str(k+l, mid), strings.TrimSuffix(s.Str(mid, t), "荣誉"), t
				} else {
					continue
				}
			case "荣获", "获得", "被评为", "评为", "获评", "荣膺", "命名", "入选", "获", "被命名为":
				// the honorees come before the verb, the honour after it
				cs := s.ClauseStart(k, sent.Start)
				list = strings.TrimSuffix(s.Str(s.NameStart(cs, k), k), "被")
				honour, end = s.honourAfter(k+l, ce)
				if honour == "" && (verb == "入选" || verb == "获评") {
					// “某地好人”名单揭晓，A、B、C 3人入选: the list the sentence named
					honour, end = s.quotedBefore(k, sent.Start), k+l
				}
				if honour == "" {
					continue
				}
				if a := s.listIntroAt(end); a > 0 {
					// 荣获“优秀共产党员”称号的有：王某、李某 — the list follows
					list, end = s.Str(a, s.ClauseEnd(a, sent.End)), s.ClauseEnd(a, sent.End)
				} else if a := s.relativeListAt(end); a > 0 {
					// 对荣获“某某”称号的A、B和荣获“某某”称号的C进行表彰: the
					// honour qualifies the list after it
					e := s.relativeListEnd(a, ce)
					list, end = s.Str(a, e), e
				}
			default:
				continue
			}
			if s.isPronoun(strings.TrimSpace(list)) {
				// 授予他们“某某”称号: the honour of those commended before
				// in the sentence (对张三、李四进行表彰，授予他们…)
				for i := range s.honours {
					if h := &s.honours[i]; h.Evidence == sent && h.Honour == "" {
						h.Honour = honour
					}
				}
				list = ""
			}
			s.addHonourees(list, honour, verb, sent)
			if end > k {
				k = end
			}
		}
	}
}

// wonPrizeAt reports whether 获 at k is the verb of names that won a prize
// (邬某、谭某获一等奖, 蓝某获“某某”称号): a clause of names before it, and a
// prize after it (quoted, or ending in 奖, 奖章, 称号, 金牌 …).
func (s *state) wonPrizeAt(k int, sent doc.Span) bool {
	if s.t[k] != '获' || k+1 >= sent.End || k == sent.Start {
		return false
	}
	if strings.ContainsRune("荣收捕查破缴斩俘抓", s.t[k-1]) || strings.ContainsRune("得悉批取益准救释利胜奖评", s.t[k+1]) {
		return false // 荣获, 收获, 获得, 获悉, 获奖 … are other words
	}
	cs := s.ClauseStart(k, sent.Start)
	if !s.namesOnly([]rune(strings.TrimSuffix(s.Str(s.NameStart(cs, k), k), "同志"))) {
		return false
	}
	h, _ := s.honourAfter(k+1, s.ClauseEnd(k+1, sent.End))
	if h == "" {
		return false
	}
	if s.t[k+1] == '“' {
		return true
	}
	for _, w := range []string{"奖", "奖章", "称号", "金牌", "银牌", "铜牌", "冠军", "亚军", "季军"} {
		if strings.HasSuffix(h, w) {
			return true
		}
	}
	return false
}

// listIntroAt reads "(”)(荣誉)(称号|奖)的(单位|个人|同志|人员)(有|是|为)(:)"
// at i, which introduces the honourees after the honour (荣获…称号的有：…),
// and returns where the list starts, or 0.
func (s *state) listIntroAt(i int) int {
	if i < len(s.t) && s.t[i] == '”' {
		i++
	}
	for _, w := range []string{"荣誉", "称号", "奖"} {
		if s.HasAt(i, w) {
			i += len([]rune(w))
		}
	}
	if !s.HasAt(i, "的") {
		return 0
	}
	i++
	for _, w := range []string{"先进个人", "单位", "集体", "个人", "同志", "人员"} {
		if s.HasAt(i, w) {
			i += len([]rune(w))
			break
		}
	}
	if s.HasAt(i, "分别") { // 称号的分别是：
		i += 2
	}
	if i >= len(s.t) || !strings.ContainsRune("有是为", s.t[i]) {
		return 0
	}
	i++
	for i < len(s.t) && (s.t[i] == ':' || s.t[i] == ' ') {
		i++
	}
	return i
}

// honoreeListAt reads the list after a cue [k, a) that announces
// honourees (“诚实守信”类获得者为王某、李某,…): the names up to the
// clause's end, each commended with the quoted honour of the clause before
// the cue, if any. It returns where it stopped.
func (s *state) honoreeListAt(k, a int, sent doc.Span) int {
	if cs := s.ClauseStart(k, sent.Start); s.IndexOf(cs, k, "任免") >= 0 || s.IndexOf(cs, k, "任职") >= 0 || s.IndexOf(cs, k, "人事") >= 0 || s.IndexOf(cs, k, "选举") >= 0 {
		return a // 任免名单如下：… lists appointments, not honourees
	}
	for a < sent.End && (s.t[a] == ':' || s.t[a] == ' ') {
		a++
	}
	end := sent.End
	if a >= sent.End || s.t[a] == '\n' {
		// 名单如下：\n王某、李某。 — the list is the next line
		for a < len(s.t) && (s.t[a] == '\n' || s.t[a] == ' ' || s.t[a] == '。') {
			a++
		}
		end = s.SentenceOf(a).End
	}
	ce := s.ClauseEnd(a, end)
	honour := ""
	cs := s.ClauseStart(k, sent.Start)
	if q := s.IndexFrom(cs, k, '“'); q >= 0 {
		if qe := s.IndexFrom(q+1, k, '”'); qe > q {
			honour = s.Str(q+1, qe)
		}
	} else if s.HasAt(k, "名单如下") {
		// 受表彰的优秀共产党员名单如下： → 优秀共产党员
		h := strings.TrimPrefix(s.Str(cs, k), "受表彰的")
		if n := len([]rune(h)); n >= 2 && n <= 20 {
			honour = h
		}
	}
	for _, h := range s.splitHonorees(s.Str(a, ce)) {
		if !s.nameAtString([]rune(h)) && !s.endsWithCue(h, s.r.honoreeOrgEnd) {
			continue
		}
		s.honours = append(s.honours, doc.Honour{Event: events.For(s.D.Events, sent), Name: h, IsPerson: s.persons.Has(h), Honour: honour, Evidence: sent, Rule: RuleList})
	}
	return ce
}

// endsWithCue reports whether w ends with a word of the trie.
func (s *state) endsWithCue(w string, t interface {
	LongestEndingAt([]rune, int, int) (int, string)
}) bool {
	rs := []rune(w)
	l, _ := t.LongestEndingAt(rs, len(rs), 4)
	return l > 0 && l < len(rs)
}

// isPronoun reports whether w stands for honorees named before (他们).
func (s *state) isPronoun(w string) bool {
	_, ok := s.r.pronoun.Get(w)
	return ok
}

// addHonourees records the named members of a list as commended with the
// honour, by the rule of the verb.
func (s *state) addHonourees(list, honour, verb string, sent doc.Span) {
	hs := s.splitHonorees(list)
	named := 0
	for _, h := range hs {
		if s.nameAtString([]rune(h)) {
			named++
		}
	}
	for _, h := range hs {
		if !s.honoreeShaped(h) {
			// a name among names (额尔敦其其格、乌日娜、王建国) is one, though
			// longer than a Han name and unknown to the recogniser
			if named == 0 || !s.nameAmongNames(h) {
				continue // 对一批获得者进行表彰: a group, not a name; 这项成果被评为…: no honouree
			}
			s.addPersonByName(h)
		}
		s.honours = append(s.honours, doc.Honour{Event: events.For(s.D.Events, sent), Name: h, IsPerson: s.persons.Has(h), Honour: honour, Evidence: sent, Rule: ruleOf(verb)})
	}
}

// commendedBefore reads 对LIST(进行|予以|给予|通报)表彰, the 表彰 at k: the
// list, and the honour it names after 等N名 (对张三等10名优秀教师进行表彰
// → 优秀教师), else "".
func (s *state) commendedBefore(k, sentStart int) [][2]string {
	b := k
	if b-1 >= sentStart && s.t[b-1] == '了' {
		b--
	}
	if l, _ := s.r.commendLight.LongestEndingAt(s.t, b, 2); l > 0 && b-l >= sentStart {
		b -= l
	}
	cs := s.ClauseStart(k, sentStart)
	q := -1
	for x := b - 1; x >= cs; x-- {
		if s.t[x] == '对' {
			q = x
			break
		}
	}
	if q < 0 || q+1 >= b {
		return nil
	}
	var groups [][2]string
	for _, list := range splitCountedGroups([]rune(s.Str(q+1, b))) {
		honour := ""
		if noun, counted, _ := groupNoun(list); counted && noun != "同志" && noun != "" {
			honour = noun
		}
		groups = append(groups, [2]string{list, honour})
	}
	return groups
}

// commendedAfter reads the counted groups that follow 表彰(了) up to the
// sentence's end: "张三、李四等50名优秀共产党员，王五等20名优秀党务工作者和某镇
// 党委等10个先进基层党组织" — only groups with a count (等N名…): a bare
// object (表彰先进) names nobody.
func (s *state) commendedAfter(a, end int) [][2]string {
	if s.HasAt(a, "了") {
		a++
	}
	var groups [][2]string
	for _, part := range strings.Split(s.Str(a, end), ",") {
		if rs := []rune(part); len(rs) == 0 || s.r.honour.HasPrefixAt(rs, 0) || strings.ContainsAny(part, "“对") || containsCue(rs, s.r.honour) {
			break // another commendation's clause (授予…“…”称号), or 对…进行表彰
		}
		for _, list := range splitCountedGroups([]rune(part)) {
			i := strings.Index(list, "等")
			if i < 0 {
				if names, honour := s.honourThenNames(list); names != "" {
					groups = append(groups, [2]string{names, honour}) // 表彰了优秀共产党员A、B
				}
				continue
			}
			honour := ""
			noun, counted, unit := groupNoun(list)
			if counted {
				honour = noun
			}
			if rest := list[i+len("等"):]; !unit && len([]rune(rest)) >= 2 && s.honourish(rest) {
				honour = rest // 表彰了某中学、某小学等优秀学校: uncounted
			}
			honour = strings.TrimRight(honour, "。;!?")
			if honour == "" {
				continue
			}
			groups = append(groups, [2]string{list, honour})
		}
	}
	return groups
}

// meritHonour matches the honour of a merit award at the end of a
// segment: 记个人三等功, 个人一等功, 记集体二等功, 嘉奖, 通报表扬.
var meritHonour = regexp.MustCompile(`(?:记)?((?:个人|集体)?[一二三]等功|嘉奖|通报表扬)$`)

// findMeritAwards reads the awards of police, militia and civil-service
// merit that orders and decisions list: 给予A、B（女）记个人三等功；追记C个人
// 一等功；给予D等7名同志嘉奖 — between 给予, 追记, 追授, 授予 or 对 (or the
// segment's start after a colon) and the honour, the honourees, each a name
// or an organisation, after what describes them (刑侦大队民警孙某 → 孙某).
func (s *state) findMeritAwards() {
	if txt := string(s.t); !strings.Contains(txt, "等功") && !strings.Contains(txt, "嘉奖") && !strings.Contains(txt, "通报表扬") {
		return // no merit award anywhere
	}
	for _, sent := range s.D.Sentences {
		a := sent.Start
		for a < sent.End {
			e := a
			for e < sent.End && s.t[e] != ';' && s.t[e] != '。' {
				e++
			}
			seg := text.BlankNotes(s.Str(a, e))
			if m := meritHonour.FindStringSubmatchIndex(seg); m != nil {
				honour := seg[m[2]:m[3]]
				list, found := seg[:m[0]], false
				for _, w := range []string{"给予", "追记", "追授", "授予", "对", ":"} {
					if i := strings.LastIndex(list, w); i >= 0 {
						list, found = list[i+len(w):], true
						break
					}
				}
				if !found || strings.Contains(list, "荣立") {
					a = e + 1
					continue // 某某…，荣立二等功: read, if at all, as 荣获 is
				}
				for _, h := range s.splitHonorees(list) {
					if s.nameAtString([]rune(h)) || s.endsWithCue(h, s.r.honoreeOrgEnd) {
						s.honours = append(s.honours, doc.Honour{Event: events.For(s.D.Events, sent), Name: h, IsPerson: s.persons.Has(h), Honour: honour, Evidence: sent, Rule: RuleGrant})
					}
				}
			}
			a = e + 1
		}
	}
}

// honourThenNames reads an honour written before its honorees, the way
// 表彰了 lists them (优秀村党组织书记A、B，优秀共产党员C): the names, joined by
// 、 or 和, and the honour, which reads as one (honour_word); "", "" when
// the part is not that.
func (s *state) honourThenNames(part string) (string, string) {
	rs := []rune(strings.TrimRight(part, "。;!?"))
	if strings.ContainsAny(string(rs), "的了“") {
		return "", "" // a clause (向…表彰的先进个人表示祝贺), not an honour and its names
	}
	for k := 2; k+2 <= len(rs) && k <= 16; k++ {
		if !s.honourish(string(rs[:k])) || !s.namesOnly(rs[k:]) {
			continue
		}
		return string(rs[k:]), string(rs[:k])
	}
	return "", ""
}

// namesOnly reports whether rs is a list of persons' names and nothing else.
func (s *state) namesOnly(rs []rune) bool {
	items := strings.FieldsFunc(string(rs), func(r rune) bool { return r == '、' || r == '和' })
	for _, it := range items {
		if !s.persons.Has(it) && (!s.nameAtString([]rune(it)) || s.CommonWord(it)) {
			return false // 祝贺 is a word, not 祝某
		}
	}
	return len(items) > 0
}

// groupNoun reads the group a list ends with after 等 (张三、李四等10名优秀
// 教师): what follows the count's unit (名, 位, 个, 家, 人), whether a count
// stands before the unit, and whether a unit was found at all.
func groupNoun(list string) (noun string, counted, unit bool) {
	i := strings.Index(list, "等")
	if i < 0 {
		return "", false, false
	}
	rest := []rune(list[i+len("等"):])
	for j, r := range rest {
		if strings.ContainsRune("名位个家人", r) {
			return string(rest[j+1:]), j > 0, true
		}
	}
	return "", false, false
}

// splitCountedGroups cuts a list of counted groups at the 和 or 及 that
// follows a group's count and noun: 张三、李四等30名优秀教师和某小学等5个先进单位
// → 张三、李四等30名优秀教师 | 某小学等5个先进单位.
func splitCountedGroups(rs []rune) []string {
	var out []string
	start, counted := 0, false
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '等' && i+1 < len(rs) && (rs[i+1] >= '0' && rs[i+1] <= '9' || strings.ContainsRune("一二两三四五六七八九十百", rs[i+1])):
			counted = true
		case counted && (rs[i] == '和' || rs[i] == '及') && i > start:
			out = append(out, string(rs[start:i]))
			start, counted = i+1, false
		}
	}
	return append(out, string(rs[start:]))
}

// listEnd returns where the honorees of 授予 end before the honour that
// ends at t: after 同志, 等N名同志, 等N家单位 or 为.
func (s *state) listEnd(a, t int) int {
	best := a
	for k := a; k < t; k++ {
		switch {
		case s.HasAt(k, "同志"):
			best = k + 2
		case s.t[k] == '为' || s.t[k] == '以':
			best = k + 1
		}
	}
	return best
}

// honourAfter reads the honour written after 荣获/被评为: quoted, or up to
// 称号 or the clause's end, when it reads like an honour.
func (s *state) honourAfter(a, ce int) (string, int) {
	for a < ce && (s.t[a] == '了' || s.t[a] == ' ') {
		a++
	}
	if a < ce && s.t[a] == '“' {
		if qe := s.IndexFrom(a+1, ce, '”'); qe >= 0 {
			return s.Str(a+1, qe), qe
		}
	}
	end := ce
	if t := s.IndexOf(a, ce, "称号"); t >= 0 {
		end = t
	}
	h := strings.TrimSuffix(s.Str(a, end), "荣誉")
	if n := len([]rune(h)); n < 2 || n > 30 {
		return "", a
	}
	for _, w := range []string{"先进", "模范", "优秀", "标兵", "示范", "文明", "奖", "称号", "荣誉", "能手", "最美", "之星", "十佳"} {
		if strings.Contains(h, w) {
			return h, end
		}
	}
	return "", a
}

// splitHonorees splits 张三、李四等10名同志 into its named members.
func (s *state) splitHonorees(list string) []string {
	if i := strings.Index(list, "等"); i >= 0 {
		list = list[:i]
	}
	var out []string
	var parts []string
	for _, p := range strings.FieldsFunc(list, func(r rune) bool { return r == '、' || r == ',' || r == ' ' }) {
		if q := strings.TrimSuffix(p, "同志"); s.persons.Has(q) || s.trailingPerson(q) != q && strings.Contains(s.trailingPerson(q), "和") {
			parts = append(parts, p) // 巴图孟和: a name with 和 in it
			continue
		}
		parts = append(parts, strings.Split(p, "和")...)
	}
	for _, h := range parts {
		if i := strings.IndexAny(h, "(（"); i > 0 {
			h = h[:i] // 郑立平(县供电公司): the note is no part of the name
		}
		h = strings.TrimSpace(strings.TrimSuffix(h, "同志"))
		h = trimCount(h) // 池某5名 of 授予…池某5名同志“…”称号
		if h == "" || s.isPronoun(h) || strings.ContainsAny(h, "0123456789") || strings.Contains(h, "先进") || len([]rune(h)) < 2 {
			continue
		}
		h = s.trailingPerson(h)
		if rs := []rune(h); s.nameAtString(rs) {
			s.addPersonByName(h)
		}
		out = append(out, h)
	}
	return out
}

// trailingPerson returns the person an honoree's description ends with
// (店口镇中心小学教师郦国华 → 郦国华, when 郦国华 is a person of the text),
// or h.
func (s *state) trailingPerson(h string) string {
	rs := []rune(h)
	for k := 1; k < len(rs); k++ { // the longest person h ends with first
		if name := string(rs[k:]); s.persons.Has(name) {
			return name
		}
	}
	return h
}

// nameAtString reports whether the whole string is a person's name.
func (s *state) nameAtString(rs []rune) bool {
	return len(rs) >= 2 && (s.persons.Has(string(rs)) || len(rs) <= 4 && s.SurnameName(string(rs)) || dotted(rs))
}

// dotted reports whether rs is a transcribed name: Han parts of one to
// eight characters joined by middle dots (布阿依夏木·阿卜杜拉).
func dotted(rs []rune) bool {
	parts, n := 0, 0
	for _, r := range rs {
		switch {
		case r == '·' || r == '•' || r == '・':
			if n == 0 {
				return false
			}
			parts, n = parts+1, 0
		case text.IsHan(r) && n < 8:
			n++
		default:
			return false
		}
	}
	return parts > 0 && n > 0
}

// addPersonByName records the first mention of a name found in a list.
func (s *state) addPersonByName(name string) {
	if i := s.FirstIndex(name); i >= 0 {
		s.persons.Add(name, text.Span(i, i+len([]rune(name))), RuleHonoree)
	}
}

// containsCue reports whether a word of the trie starts anywhere in rs.
func containsCue(rs []rune, t interface{ HasPrefixAt([]rune, int) bool }) bool {
	for i := range rs {
		if t.HasPrefixAt(rs, i) {
			return true
		}
	}
	return false
}

// findQuotedLists reads the lists a commendation report gives under each
// honour: "“三八红旗手”：王某、李某；“三八红旗集体”：某医院妇产科。" — a clause
// that ends with a quoted honour (with 类, 奖, 获得者 or a count after it:
// 评选出“某地好人”10名：) and a colon, or that says who was commended
// (受表彰的优秀教师有：), then the honourees. Only in reports that commend (a
// commendation read already, or a 表彰/授予/荣获… word in the text).
func (s *state) findQuotedLists() {
	if len(s.honours) == 0 && !containsCue(s.t, s.r.honour) {
		return
	}
	for _, sent := range s.D.Sentences {
		for cs := sent.Start; cs < sent.End; {
			ce := s.ClauseEnd(cs, sent.End)
			a := cs
			for a < ce && (s.t[a] == ' ' || s.t[a] == '\n') {
				a++
			}
			if ce < sent.End && s.t[ce] == ':' {
				if honour, ok := s.listLabel(a, ce); ok {
					le := s.ClauseEnd(ce+1, sent.End)
					for _, h := range s.splitHonorees(s.Str(ce+1, le)) {
						if s.nameAtString([]rune(h)) || s.endsWithCue(h, s.r.honoreeOrgEnd) {
							s.honours = append(s.honours, doc.Honour{Event: events.For(s.D.Events, sent), Name: h, IsPerson: s.persons.Has(h), Honour: honour, Evidence: sent, Rule: RuleList})
						}
					}
					cs = le + 1
					continue
				}
			}
			cs = ce + 1
		}
	}
}

// listLabel reads the clause [a, ce) before a colon as the label of a list
// of honourees: a quoted honour (“三八红旗手”：, “诚实守信”类：, 评选出“某地好
// 人”10名：) or 受表彰的X有 (受表彰的先进个人有：). It returns the honour.
func (s *state) listLabel(a, ce int) (string, bool) {
	for _, w := range []string{"受表彰的", "获表彰的", "受到表彰的"} {
		if x := s.IndexOf(a, ce, w); x >= 0 && ce-1 > x && strings.ContainsRune("有是为", s.t[ce-1]) {
			h := strings.TrimSuffix(s.Str(x+len([]rune(w)), ce-1), "分别")
			if n := len([]rune(h)); n <= 12 && !strings.ContainsAny(h, ",的") {
				return strings.Trim(h, "“”"), true
			}
		}
	}
	qe := s.LastIndexOf(a, ce, "”")
	if qe < 0 {
		return "", false
	}
	q := s.LastIndexOf(a, qe, "“")
	if q < 0 || qe == q+1 {
		return "", false
	}
	tail := s.Str(qe+1, ce)
	if !(tail == "" || tail == "类" || tail == "奖" || tail == "获得者" || tail == "类获得者" || isCount(tail)) {
		return "", false
	}
	// what precedes the quote: nothing, or the selection that made the list
	if pre := s.Str(a, q); pre != "" && !containsCue([]rune(pre), s.r.honour) && !strings.Contains(pre, "评选") && !strings.Contains(pre, "评出") && !strings.Contains(pre, "选出") {
		return "", false
	}
	return s.Str(q+1, qe), true
}

// isCount reports whether s is a count of people or units: 10名, 三位, 5个.
func isCount(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 || !strings.ContainsRune("名位人个", rs[len(rs)-1]) {
		return false
	}
	for _, r := range rs[:len(rs)-1] {
		if !isNumeral(r) {
			return false
		}
	}
	return true
}

// trimCount cuts the count a list's last name runs into (池某5名, 池某五位).
func trimCount(h string) string {
	rs := []rune(h)
	n := len(rs)
	if n > 0 && strings.ContainsRune("名位人个", rs[n-1]) {
		n--
	} else {
		return h
	}
	k := n
	for k > 0 && (text.IsDigit(rs[k-1]) || strings.ContainsRune("一二两三四五六七八九十百", rs[k-1])) {
		k--
	}
	if k == n || k < 2 {
		return h
	}
	return string(rs[:k])
}

// relativeListAt reads "(”)(荣誉)称号的" at i followed by a list (not by
// 有, 是, 为, which listIntroAt reads): where the list starts, or 0.
func (s *state) relativeListAt(i int) int {
	if i < len(s.t) && s.t[i] == '”' {
		i++
	}
	if s.HasAt(i, "荣誉") {
		i += 2
	}
	if !s.HasAt(i, "称号的") {
		return 0
	}
	i += 3
	if i >= len(s.t) || text.IsPunct(s.t[i]) || strings.ContainsRune("有是为", s.t[i]) {
		return 0
	}
	return i
}

// relativeListEnd returns where the list from a ends: before the next
// 和荣获 (another honour's list), before 进行/予以/给予 (…进行表彰), or at the
// clause's end ce.
func (s *state) relativeListEnd(a, ce int) int {
	for k := a; k < ce; k++ {
		if (s.t[k] == '和' || s.t[k] == '及' || s.t[k] == '、') && s.r.honour.HasPrefixAt(s.t, k+1) {
			return k
		}
		for _, w := range []string{"进行", "予以", "给予"} {
			if s.HasAt(k, w) {
				return k
			}
		}
	}
	return ce
}

// awardList reads the honourees of an award at k: 为(向) LIST 颁奖 (the
// list between the preposition and the verb: 为A、B等10位“某某”年度人物颁奖)
// or LIST 作为“…”代表(登台)领奖 (the list before 作为). The honour is the
// quoted one of the list, if any.
func (s *state) awardList(k int, verb string, sentStart int) (string, string) {
	cs := s.ClauseStart(k, sentStart)
	a, b := -1, k
	if verb == "颁奖" || verb == "颁发" {
		for x := k - 1; x >= cs; x-- {
			if s.t[x] == '为' || s.t[x] == '向' {
				a = x + 1
				break
			}
		}
	} else {
		if x := s.IndexOf(cs, k, "作为"); x > cs {
			a, b = s.NameStart(cs, x), x
		}
	}
	if a < 0 || a >= b {
		return "", ""
	}
	list, honour := s.Str(a, b), ""
	if q := s.IndexFrom(a, k, '“'); q >= 0 {
		if qe := s.IndexFrom(q+1, k, '”'); qe > q {
			honour = s.Str(q+1, qe)
			if q < b && !strings.Contains(s.Str(a, q), "等") {
				list = s.Str(a, q)
			}
		}
	}
	if honour == "" && verb == "颁发" {
		// 向A、B颁发了“某地道德模范”奖牌: the quoted award after the verb
		ce := s.ClauseEnd(k, len(s.t))
		if q := s.IndexFrom(k, ce, '“'); q >= 0 {
			if qe := s.IndexFrom(q+1, ce, '”'); qe > q+1 {
				honour = s.Str(q+1, qe)
			}
		}
	}
	// 等10位“感动某地”年度人物: what comes after the count, as written
	if noun, counted, _ := groupNoun(list); counted {
		if h := strings.TrimSpace(noun + s.Str(b, k)); len([]rune(h)) >= 2 {
			honour = h
		}
	}
	var named []string
	for _, h := range s.splitHonorees(list) {
		if rs := []rune(h); len(rs) > 1 && isNumeral(rs[0]) {
			continue // 为三户家庭颁发牌匾: a count, not a name
		}
		if s.nameAtString([]rune(h)) || s.endsWithCue(h, s.r.honoreeOrgEnd) {
			named = append(named, h)
		}
	}
	return strings.Join(named, "、"), honour
}

// isNumeral reports whether r is a digit or a Chinese numeral.
func isNumeral(r rune) bool {
	return text.IsDigit(r) || strings.ContainsRune("一二两三四五六七八九十百千", r)
}

// awardObject reports whether what is handed over after 颁发 is an award
// (证书, 奖牌, 奖杯, 奖状, 荣誉…), not a letter of appointment (任命书, 聘书).
func (s *state) awardObject(a, ce int) bool {
	obj := s.Str(a, ce)
	return !strings.Contains(obj, "任命") && !strings.Contains(obj, "聘") &&
		(strings.Contains(obj, "证书") || strings.Contains(obj, "奖") || strings.Contains(obj, "荣誉") || strings.Contains(obj, "牌匾"))
}

// quotedBefore returns the last quoted text of the sentence before k, or "".
func (s *state) quotedBefore(k, sentStart int) string {
	for qe := k - 1; qe > sentStart; qe-- {
		if s.t[qe] != '”' {
			continue
		}
		for q := qe - 1; q >= sentStart; q-- {
			if s.t[q] == '“' {
				return s.Str(q+1, qe)
			}
		}
		return ""
	}
	return ""
}

// honoreeShaped reports whether h reads as an honouree's name: a person's
// name, an organisation's (ending like one: 某某中学, 某镇党委) or a place's
// (丹东市荣获…), and no clause (其中…所在的…三个年轻人, 这项成果, 近日又).
func (s *state) honoreeShaped(h string) bool {
	rs := []rune(h)
	if len(rs) > 30 || strings.ContainsAny(h, "的这那其又还竟至“”《》") {
		return s.nameAtString(rs)
	}
	return s.nameAtString(rs) || s.endsWithCue(h, s.r.honoreeOrgEnd) || orgLike(h) || s.KnownPlace(h)
}

// nameAmongNames reports whether h, a member of a list of names, can be a
// name too: five or six Han characters and no word of a clause.
func (s *state) nameAmongNames(h string) bool {
	rs := []rune(h)
	return len(rs) >= 5 && len(rs) <= 6 && text.AllHan(rs) && !strings.ContainsAny(h, "的这那又还等和与及在是了")
}
