package places

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// placeAt returns the administrative division whose suffix starts at i
// (静海区, 新疆维吾尔自治区, 修文县), or "". A city written without its
// suffix is given it (漳州 → 漳州市).
func (s *state) placeAt(i int) (start, end int, name string) {
	l, suf := s.r.suffixes.LongestAt(s.t, i)
	if l == 0 {
		return 0, 0, ""
	}
	end = i + l
	start, name = s.placeStem(i, suf)
	if name == "" || s.OnlyAbbreviation(name) {
		return 0, 0, "" // 达旗: read with its context by findAbbreviations
	}
	// a city or province written without its suffix is given it (漳州 →
	// 漳州市, 贵州 → 贵州省)
	if full := s.withSuffix(name); full != "" {
		if s.HasAt(end, full[len(name):]) {
			end++
		}
		name = full
	}
	// a county that became a district or a city keeps its old name as the
	// stem (沙县区, 宁乡市)
	if end < len(s.t) && (s.t[end] == '区' || s.t[end] == '市') && (strings.HasSuffix(name, "县") || strings.HasSuffix(name, "乡")) && !s.badPlace(name+string(s.t[end])) {
		name += string(s.t[end])
		end++
	}
	return start, end, name
}

// withSuffix returns name with the suffix of the province or city it
// names when written without it (贵州 → 贵州省, 延安 → 延安市), or "".
func (s *state) withSuffix(name string) string {
	for _, suf := range []string{"省", "市"} {
		if strings.HasSuffix(name, suf) {
			return ""
		}
	}
	// a division of that name first (太原 → 太原市, not a word 太原省 of
	// gse's), then any place gse knows
	full := s.FullPlace(name)
	for _, suf := range []string{"省", "市"} {
		if _, ok := s.Places[name+suf]; ok || full == name+suf {
			return name + suf
		}
	}
	for _, suf := range []string{"省", "市"} {
		if s.KnownPlace(name + suf) {
			return name + suf
		}
	}
	return ""
}

// placeFrom is placeAt without what badPlace rejects, and a division whose
// name goes on into another suffix is read whole: 贵州省 rather than 贵州
// (州), 新村镇 rather than 新村 (村).
func (s *state) placeFrom(i int) (start, end int, name string) {
	start, end, name = s.placeAt(i)
	if name == "" || s.badPlace(name) {
		return 0, 0, ""
	}
	for end < len(s.t) {
		a, b, longer := s.placeAt(end)
		if longer == "" && villageLevel[s.suffixOf(name)] {
			// a town named after a village (新村镇, 王庄乡): the village
			// was found, so this is not the word 村镇 (badPlace); but not
			// where the suffix starts a word (新联村乡村医生)
			if l, suf := s.r.suffixes.LongestAt(s.t, end); l > 0 && townLevel[suf] && !s.startsWord(end, l) {
				end, name = end+l, name+suf
				continue
			}
		}
		if longer == "" || a > start || s.badPlace(longer) {
			break
		}
		start, end, name = a, b, longer
	}
	// a city read from its stem (杭州 → 杭州市) that the text runs on into a
	// town's or street's name (杭州道街道) is no mention of the city
	if written := s.Str(start, end); written != name && end+1 < len(s.t) && text.IsHan(s.t[end]) {
		for k := end + 1; k <= end+2 && k < len(s.t); k++ {
			if l, suf := s.r.suffixes.LongestAt(s.t, k); l > 0 && (townLevel[suf] || villageLevel[suf]) {
				return 0, 0, ""
			}
		}
	}
	return start, end, name
}

// startsWord reports whether the l characters at i begin a longer common
// word (乡 of 乡村, 镇 of 镇村).
func (s *state) startsWord(i, l int) bool {
	for k := l + 1; k <= l+2 && i+k <= len(s.t); k++ {
		if s.CommonWord(string(s.t[i : i+k])) {
			return true
		}
	}
	return false
}

// leftBoundary reports whether a name may start at a: at the start of the
// text or a clause, after 中共, or after a word that ends a preamble.
func (s *state) leftBoundary(a int) bool {
	return a == 0 || text.IsPunct(s.t[a-1]) || s.Str(a-2, a) == "中共" || s.EndsCue(a, s.Cut) || s.EndsCue(a, s.Byline) ||
		s.EndsCue(a, s.r.placeBefore) // 先后来到测北村
}

func (s *state) placeStem(i int, suf string) (int, string) {
	// a division the lexicon or gse knows, longest first; a one-character
	// stem (文县, 安州) only where a name can start
	for k := 6; k >= 1; k-- {
		a := i - k
		if a < 0 || !text.AllHan(s.t[a:i]) {
			continue
		}
		full := string(s.t[a:i]) + suf
		if s.badPlace(full) || s.isLevelWord(string(s.t[a:i])) {
			continue // 苏木镇: a level's word and another's, no name
		}
		if v, ok := s.Places[full]; ok && !(k == 1 && (s.genericStem(i, suf) > 0 || !s.AlignsWithTokens(a, i))) {
			return a, v // (修文县 rather than the lexicon's 文县; not 范县 in 示范县; 澳门特区 → 澳门特别行政区)
		}
		if k == 1 && !s.leftBoundary(a) && !s.HasAt(i+len([]rune(suf)), "市") {
			continue
		}
		if townLevel[suf] && s.startsWord(i, len([]rune(suf))) && (!s.KnownPlace(full) || s.CommonWord(string(s.t[a:i]))) {
			continue // 扎根乡村, 发展乡村: the suffix starts a word; only a division known by its full name, of no common stem, stands
		}
		if s.KnownPlace(full) || k >= 2 && k <= 4 && !s.isSuffixRune(s.t[i-1]) && s.KnownPlace(string(s.t[a:i])) {
			if k == 1 && s.genericStem(i, suf) > 0 {
				break // 修文县 rather than 文县
			}
			return a, full
		}
	}
	if k := s.genericStem(i, suf); k > 0 {
		return i - k, string(s.t[i-k:i]) + suf
	}
	return 0, ""
}

// genericStem returns the length of an unknown stem of 2–3 characters that
// starts where a name can start and is followed, after its suffix, by an
// organisation word (修文县委) — or, for towns, streets and villages, by
// anything.
func (s *state) genericStem(i int, suf string) int {
	after := i + len([]rune(suf))
	town := townLevel[suf] || villageLevel[suf]
	if !town && !s.placeContext(after, suf) {
		return 0
	}
	if townLevel[suf] && s.startsWord(i, len([]rune(suf))) {
		return 0 // 扎根乡村, 美丽乡村: the suffix starts a word
	}
	for k := 3; k >= 2; k-- {
		a := i - k
		if a < 0 || !text.AllHan(s.t[a:i]) || s.hasNotInName(s.t[a:i]) || s.isSuffixRune(s.t[i-1]) {
			continue
		}
		if (s.leftBoundary(a) || town && s.afterTown(a) || countyLevel[suf] && s.afterDivision(a, cityLevel)) && !s.CommonWord(string(s.t[a:i])) && !s.hasCue(a, i) {
			return k
		}
	}
	return 0
}

// townLevel and villageLevel are the suffixes of the divisions below a
// county: towns and streets, villages and communities.
var (
	townLevel    = map[string]bool{"镇": true, "乡": true, "街道": true, "苏木": true}
	villageLevel = map[string]bool{"村": true, "社区": true, "嘎查": true}
	// a county-level division and those above it that name one before it
	countyLevel = map[string]bool{"县": true, "区": true, "旗": true, "自治县": true, "市": true}
	cityLevel   = map[string]bool{"省": true, "自治区": true, "市": true, "州": true, "盟": true, "地区": true}
)

// afterTown reports whether a town or street (a stem and its suffix) ends
// right before a: 新村镇吴庄村 names a village after its town.
func (s *state) afterTown(a int) bool { return s.afterDivision(a, townLevel) }

// afterDivision reports whether a division of one of the levels (a stem of
// two characters or more and its suffix) ends right before a: 贵州省修文县
// names a county after its province.
func (s *state) afterDivision(a int, levels map[string]bool) bool {
	for suf := range levels {
		if n := len([]rune(suf)); a >= n+2 && s.Str(a-n, a) == suf {
			return true
		}
	}
	return false
}

func (s *state) hasNotInName(rs []rune) bool {
	for _, r := range rs {
		if s.NotInName[r] {
			return true
		}
	}
	return false
}

// findPlaces records every administrative division named in the text.
func (s *state) findPlaces() {
	for i := 1; i < len(s.t); i++ {
		a, b, name := s.placeFrom(i)
		if name == "" {
			continue
		}
		s.places = append(s.places, s.mention(name, doc.Span{Start: a, End: b}, RuleDivision))
		i = b - 1
	}
	s.findAbbreviations()
	// short forms from the lexicon (澳门 → 澳门特别行政区), where no place
	// was read already
	covered := make([]bool, len(s.t)+1)
	for _, pm := range s.places {
		for k := pm.Start; k < pm.End && k < len(covered); k++ {
			covered[k] = true
		}
	}
	for _, short := range s.r.shortPlaces {
		full := s.Places[short]
		rs := []rune(short)
		for i := 0; i+len(rs) <= len(s.t); i++ {
			if !covered[i] && s.HasAt(i, short) && !s.HasAt(i, full) {
				s.places = append(s.places, s.mention(full, doc.Span{Start: i, End: i + len(rs)}, RuleShort))
			}
		}
	}
}

// findBarePlaces records places named without their suffix where the text
// uses them as places: a run of them after 在, 赴, 到 … (place_before),
// joined or not by 和 or 、, that ends at a clause end, an event verb, an
// activity or a word of bare_place_follow. 在陕西延安和河南安阳考察 names
// 陕西省, 延安市, 河南省, 安阳市; 在北京峰会上 names none (a bare name
// inside an event's name).
func (s *state) findBarePlaces() {
	toks := s.D.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if _, ok := s.r.placeBefore.GetRunes(s.t, toks[i].Start, toks[i].End); !ok {
			continue
		}
		run, j := s.bareRun(i + 1)
		if len(run) == 0 {
			continue
		}
		end := run[len(run)-1].End
		if end < len(s.t) && !text.IsPunct(s.t[end]) && !s.r.eventVerb.HasPrefixAt(s.t, end) && !s.r.activity.HasPrefixAt(s.t, end) && !s.r.barePlaceFollow.HasPrefixAt(s.t, end) {
			continue
		}
		s.places = append(s.places, run...)
		i = j - 1
	}
	s.findPlacesBeforeDeng()
}

// placesLikeThese are the words after a list of bare names that say they
// are places (北京、天津等地; 京津两地).
var placesLikeThese = []string{"等地", "两地", "三地", "等省", "等市", "等城市", "等省市", "等县", "等县区"}

// findPlacesBeforeDeng records the bare names of a list that 等地 (两地,
// 等省市 …) closes, wherever it stands: 北京、天津、石家庄等地的客商 names
// 北京市, 天津市, 石家庄市.
func (s *state) findPlacesBeforeDeng() {
	// only the sentences that hold such a word: most hold none
	var in []doc.Span
	for _, sent := range s.D.Sentences {
		said := s.Str(sent.Start, sent.End)
		for _, w := range placesLikeThese {
			if strings.Contains(said, w) {
				in = append(in, sent)
				break
			}
		}
	}
	if len(in) == 0 {
		return
	}
	toks := s.D.Tokens
	read := map[int]bool{} // where the bare places read after 在, 到 … start
	for _, pm := range s.places {
		read[pm.Start] = true
	}
	for i := 0; i < len(toks); i++ {
		if read[toks[i].Start] || !inAny(in, toks[i].Start) {
			continue
		}
		if s.bareFull(toks[i]) == "" || i > 0 && s.bareFull(toks[i-1]) != "" {
			continue
		}
		run, j := s.bareRun(i)
		end := run[len(run)-1].End
		for _, w := range placesLikeThese {
			if s.HasAt(end, w) {
				s.places = append(s.places, run...)
				break
			}
		}
		i = j - 1
	}
}

// inAny reports whether k lies in one of the spans.
func inAny(spans []doc.Span, k int) bool {
	for _, sp := range spans {
		if k >= sp.Start && k < sp.End {
			return true
		}
	}
	return false
}

// bareRun reads the bare names from token j on, joined or not by 和, 与,
// 及 or 、: their mentions, and the token after them.
func (s *state) bareRun(j int) ([]doc.PlaceMention, int) {
	toks := s.D.Tokens
	var run []doc.PlaceMention
	for j < len(toks) {
		full := s.bareFull(toks[j])
		if full == "" {
			break
		}
		run = append(run, s.mention(full, toks[j].Span, RuleBare))
		j++
		if j+1 < len(toks) && s.isConnector(toks[j]) && s.bareFull(toks[j+1]) != "" {
			j++
		}
	}
	return run, j
}

// bareFull returns the full name of a place token written without its
// suffix (陕西 → 陕西省, 延安 → 延安市), or "".
func (s *state) bareFull(tk doc.Token) string {
	if tk.End-tk.Start < 2 || tk.End-tk.Start > 4 || !text.AllHan(s.t[tk.Start:tk.End]) || s.isSuffixRune(s.t[tk.End-1]) {
		return ""
	}
	name := string(s.t[tk.Start:tk.End])
	if full, ok := s.BarePlaces[name]; ok {
		return full
	}
	if !s.KnownPlace(name) {
		return ""
	}
	return s.withSuffix(name)
}

// isConnector reports whether the token joins two names (和, 与, 、).
func (s *state) isConnector(tk doc.Token) bool {
	switch s.Str(tk.Start, tk.End) {
	case "和", "与", "及", "、":
		return true
	}
	return false
}

// suffixOf returns the division suffix that name ends with.
func (s *state) suffixOf(name string) string { return SuffixOf(s.Lexicon.Lexicon, name) }

// SuffixOf returns the division suffix (of the lexicon's) that name ends
// with, or "".
func SuffixOf(lx *lexicon.Lexicon, name string) string {
	for _, suf := range lx.PlaceSuffix {
		if strings.HasSuffix(name, suf) && name != suf {
			return suf
		}
	}
	return ""
}

// placeContext reports whether what follows an unknown county-level name
// shows it is a place: an organisation word (修文县委, 松河市市委), a date
// or number (霍邱县2024年…), or a verb that a place convenes with
// (阿荣旗召开…).
func (s *state) placeContext(after int, suf string) bool {
	if after >= len(s.t) {
		return true
	}
	l, _ := s.Orgs.LongestAt(s.t, after)
	if l == 0 && s.HasAt(after, suf) {
		l, _ = s.Orgs.LongestAt(s.t, after+len([]rune(suf)))
	}
	if l > 0 || text.IsDigit(s.t[after]) {
		return true
	}
	if l, _ := s.r.eventVerb.LongestAt(s.t, after); l > 0 {
		return true
	}
	return s.r.placeFollow.HasPrefixAt(s.t, after)
}

// hasCue reports whether a cue word (a preamble word, an appointment) starts
// inside [a, b): such a string is not the stem of a name (曾任县…, 为家乡).
func (s *state) hasCue(a, b int) bool {
	for k := a; k < b; k++ {
		if l, _ := s.Cut.LongestAt(s.t, k); l > 0 {
			return true
		}
		if l, _ := s.r.appoint.LongestAt(s.t, k); l > 0 {
			return true
		}
	}
	return false
}

// findAbbreviations records the gazetteer's abbreviations of divisions
// (达旗 → 达拉特旗) where they stand as words, each as the division that the
// other places of the text make likeliest (达旗 under 鄂尔多斯市 rather than
// 达尔罕茂明安联合旗).
func (s *state) findAbbreviations() {
	g := s.Gazetteer
	if g == nil {
		return
	}
	var context []*gazetteer.Division
	for _, pm := range s.places {
		for _, m := range g.Lookup(pm.Name) {
			if m.Kind == gazetteer.Full {
				context = append(context, m.Div)
			}
		}
	}
	for i := 0; i < len(s.t); i++ {
		n, name := s.r.abbrevs.LongestAt(s.t, i)
		if n == 0 || !s.leftBoundary(i) && !s.r.placeBefore.HasPrefixAt(s.t, i-1) && !text.IsPunct(s.t[i-1]) {
			continue
		}
		ms := g.Lookup(name)
		var cands []gazetteer.Match
		for _, m := range ms {
			if m.Kind == gazetteer.Abbrev {
				cands = append(cands, m)
			}
		}
		if len(cands) == 0 {
			continue
		}
		best := g.Rank(cands, context...)[0]
		s.places = append(s.places, s.mention(best.Div.Name, doc.Span{Start: i, End: i + n}, RuleShort))
		i += n - 1
	}
}

// isLevelWord reports whether w is a division suffix of more than one
// character (苏木, 街道, 社区): no stem of a name.
func (s *state) isLevelWord(w string) bool {
	if len([]rune(w)) < 2 {
		return false
	}
	for _, suf := range s.PlaceSuffix {
		if suf == w {
			return true
		}
	}
	return false
}
