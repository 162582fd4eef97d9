// Package jurisdiction is the pipeline stage that finds the place a report
// speaks from ("我区", "全县", "区委书记…") among the administrative
// divisions of the official gazetteer that the text names.
//
// Two kinds of evidence meet: the level the report speaks from (the suffix
// character of 我区, 全县, 该镇, and of abbreviations at a clause's start:
// 区委, 县长, 市政府 …), and the divisions the text names, found anywhere —
// also inside an organisation's name (明光市新闻中心) — by the gazetteer's
// names, short forms and former names. The division of that level that the
// text names most (in the title and first lines above all, and with most
// of its own subdivisions named too) is the jurisdiction, written as the
// text writes it (GUIDELINES: "as the report's own text names it").
//
// Where the text gives no level, or names no division of it, the stage
// leaves the jurisdiction empty and says so in Result.Rule; the extraction
// stages then apply their own suffix rules (villages and communities are
// not in the gazetteer).
package jurisdiction

import (
	"slices"
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/gazetteer"
)

// Layer is the layer this stage provides: Document.Meta.Jurisdiction (and
// JurisdictionCode) when the input gave none.
const Layer doc.Layer = "jurisdiction"

// Rules that decide (Result.Rule).
const (
	RuleInput    = "jurisdiction.input"     // given by the input (# jurisdiction:, JSON field)
	RuleNamed    = "jurisdiction.named"     // a division of the evidenced level, named with its suffix
	RuleBareStem = "jurisdiction.bare-stem" // named only without suffix (迪庆 … 我州): stem + level
	RuleNoLevel  = "jurisdiction.no-level"  // undecided: the text gives no level
	RuleNoCand   = "jurisdiction.no-candidate"
	RuleUmbrella = "jurisdiction.umbrella" // several peers of the level under one parent the text names: the parent
)

// minPeers is how many divisions of the speaking level, none dominant,
// make a report one of their parent's (RuleUmbrella).
const minPeers = 3

// Result is the stage's decision, with what it rests on.
type Result struct {
	Name  string              // as the text writes it (迪庆州, 明光市), "" when undecided
	Div   *gazetteer.Division // the division it names
	Level string              // the level suffix the text speaks from (区, 县, 自治区 …)
	Rule  string
}

// Stage is the pipeline stage. It is safe for concurrent use.
type Stage struct{ g *gazetteer.Gazetteer }

// New returns the stage over a gazetteer (gazetteer.Default() in kg).
func New(g *gazetteer.Gazetteer) *Stage { return &Stage{g: g} }

func (*Stage) Name() string { return "jurisdiction" }

// Needs text and sentences; the recogniser's names are read where present
// (a division's name inside a person's is none), so the pipeline runs the
// recogniser first.
func (*Stage) Needs() []doc.Layer    { return []doc.Layer{doc.LayerText, doc.LayerSentences} }
func (*Stage) Provides() []doc.Layer { return []doc.Layer{Layer} }

// Process fills d.Meta.Jurisdiction when the input left it empty.
func (s *Stage) Process(d *doc.Document) error {
	if d.Meta.Jurisdiction != "" {
		return nil
	}
	r := s.Find(d.Text, d.Names...)
	if r.Name != "" {
		d.Meta.Jurisdiction, d.Meta.JurisdictionFromText = r.Name, true
	}
	return nil
}

// mention is one place in the text where the gazetteer names a division.
type mention struct {
	div     *gazetteer.Division
	surface string
	at      int
	suffix  bool // written with a level suffix (not a bare stem)
	visited bool // the destination of a visit (深入陕州区、灵宝市): where the report's people go, not where they are from
}

// Find decides the jurisdiction of a normalised text; a division's name
// inside a person's name of the recogniser (吴忠华) is no mention of it.
func (s *Stage) Find(t []rune, names ...doc.Name) Result {
	level, n := speakingLevel(t)
	if n < 2 {
		// no level spoken from: a report of several places' bodies (市委,
		// 县长 … anywhere) may still be their parent's; the others are
		// not scanned for places at all
		if officesNamed(t) < minPeers {
			return Result{Rule: RuleNoLevel}
		}
		if r, ok := s.umbrella(s.mentions(t, personRunes(len(t), names))); ok {
			return r
		}
		return Result{Rule: RuleNoLevel}
	}
	ms := s.mentions(t, personRunes(len(t), names))
	type cand struct {
		div     *gazetteer.Division
		score   float64
		first   int
		surface string // the fullest suffixed form written
		stem    string // a bare stem written, when no suffixed form is
		stems   int
	}
	cands := map[*gazetteer.Division]*cand{}
	head := headEnd(t)
	for _, m := range ms {
		if !levelMatches(m, level) {
			continue
		}
		c := cands[m.div]
		if c == nil {
			c = &cand{div: m.div, first: m.at}
			cands[m.div] = c
		}
		if m.suffix {
			c.score += 2
			if m.visited {
				c.score -= 1.5
			}
			if m.at < head && !m.visited {
				c.score += 2
			}
			if len([]rune(m.surface)) > len([]rune(c.surface)) {
				c.surface = m.surface
			}
		} else {
			c.stems++
			c.stem = m.surface
		}
	}
	// subdivisions named in the text speak for their division
	for _, m := range ms {
		for _, c := range cands {
			if m.div != c.div && s.g.Under(m.div, c.div) {
				c.score += 0.5
			}
		}
	}
	var best *cand
	for _, c := range sortedCands(cands) {
		ok := c.surface != "" || c.stems >= 2 // a stem alone must be seen twice
		if !ok {
			continue
		}
		if c.surface == "" {
			c.score += float64(c.stems) * 0.5
		}
		if best == nil || c.score > best.score || c.score == best.score && c.first < best.first {
			best = c
		}
	}
	if best == nil {
		return Result{Level: level, Rule: RuleNoCand}
	}
	// Several divisions of the level, none dominant, under one parent the
	// text names: the report speaks of them from above (a province's
	// report of its cities' party congresses).
	var peers []*gazetteer.Division
	second := 0.0
	for _, c := range sortedCands(cands) {
		if c.surface == "" && c.stems < 2 {
			continue
		}
		peers = append(peers, c.div)
		if c != best && c.score > second {
			second = c.score
		}
	}
	if len(peers) >= minPeers && best.score < 2*second {
		if p := s.g.Parent(peers[0]); p != nil && allUnder(s.g, peers, p) {
			if name, ok := namedAs(ms, p); ok {
				return Result{Name: name, Div: p, Level: level, Rule: RuleUmbrella}
			}
		}
	}
	if best.surface != "" {
		return Result{Name: best.surface, Div: best.div, Level: level, Rule: RuleNamed}
	}
	return Result{Name: best.stem + level, Div: best.div, Level: level, Rule: RuleBareStem}
}

func sortedCands[T any](m map[*gazetteer.Division]T) []T {
	keys := make([]*gazetteer.Division, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Code < keys[j].Code })
	out := make([]T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// mentions finds every division the text names, longest name first at
// each position; a bare stem counts only where it stands as a word (a
// clause's start or after 在/赴/到…, and not run on into a longer word).
func (s *Stage) mentions(t []rune, inName []bool) []mention {
	var out []mention
	for i := 0; i < len(t); i++ {
		if inName != nil && inName[i] {
			continue
		}
		n, ms := s.g.LongestAt(t, i)
		if n == 0 {
			continue
		}
		surface := string(t[i : i+n])
		if isLevelSuffix(surface) {
			continue // a township named 街道 in the table is no mention of the word
		}
		if i > 0 && strings.ContainsRune("我全该本", t[i-1]) && n <= 2 || strings.ContainsRune("我全该本", t[i]) && n == 2 {
			continue // 我州, 全州 speak of the level, not of 全州县
		}
		if n == 2 && i > 0 && text.IsHan(t[i-1]) && !strings.ContainsRune("在赴到来去与和对向从", t[i-1]) && !endsMention(out, i) {
			continue // a one-character stem inside a word (管理县 is no 理县)
		}
		suffixed := writtenWithSuffix(surface, ms)
		if !suffixed && !bareStemAt(t, i, n) && n < 3 {
			continue // a stem of three or more characters counts inside a word too (三门峡军分区)
		}
		seen := map[*gazetteer.Division]bool{}
		visited := visitAt(t, i, out)
		for _, m := range ms {
			if !seen[m.Div] {
				seen[m.Div] = true
				out = append(out, mention{div: m.Div, surface: surface, at: i, suffix: suffixed, visited: visited})
			}
		}
		i += n - 1
	}
	return out
}

// personRunes marks the runes inside the recogniser's person names.
func personRunes(n int, names []doc.Name) []bool {
	var in []bool
	for _, nm := range names {
		if nm.Label != doc.LabelPerson {
			continue
		}
		if in == nil {
			in = make([]bool, n)
		}
		for k := nm.Start; k < nm.End && k < n; k++ {
			in[k] = true
		}
	}
	return in
}

// levelSuffixes are the suffixes of the divisions a report can speak from,
// longest first.
var levelSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡"}

// writtenWithSuffix reports whether a name as written carries a level
// suffix: a full or former name, or a short form that is more than its
// division's stem (甘南州 of 甘南藏族自治州 is; 全州 of 全州县 is not).
func writtenWithSuffix(surface string, ms []gazetteer.Match) bool {
	for _, m := range ms {
		switch m.Kind {
		case gazetteer.Full, gazetteer.Former:
			return true
		case gazetteer.Short, gazetteer.Abbrev:
			if rest, ok := strings.CutPrefix(m.Div.Name, surface); ok && isLevelSuffix(rest) {
				continue // the stem alone
			}
			for _, suf := range levelSuffixes {
				if strings.HasSuffix(surface, suf) && surface != suf {
					return true
				}
			}
		}
	}
	return false
}

func isLevelSuffix(s string) bool {
	for _, suf := range levelSuffixes {
		if s == suf {
			return true
		}
	}
	return s == "办事处" || s == "街道办事处"
}

// endsMention reports whether the last mention found ends at i (十堰市房县).
func endsMention(ms []mention, i int) bool {
	if len(ms) == 0 {
		return false
	}
	m := ms[len(ms)-1]
	return m.at+len([]rune(m.surface)) == i
}

// levelMatches reports whether a mention can be the jurisdiction of a
// report speaking from level: written with that suffix (明光市 for 市),
// or a bare stem of a division whose full name has it.
func levelMatches(m mention, level string) bool {
	if m.suffix {
		return strings.HasSuffix(m.surface, level)
	}
	return strings.HasSuffix(m.div.Name, level) || level == "州" && strings.HasSuffix(m.div.Name, "自治州")
}

func bareStemAt(t []rune, i, n int) bool {
	if n < 2 {
		return false
	}
	left := i == 0 || !text.IsHan(t[i-1]) || strings.ContainsRune("在赴到来去与和、对向从", t[i-1])
	right := i+n >= len(t) || !text.IsHan(t[i+n]) || strings.ContainsRune("讯召举开的市县区州盟旗镇乡各全", t[i+n])
	return left && right
}

// headEnd is where a report's head ends: the title and first line.
func headEnd(t []rune) int {
	lines := 0
	for i, r := range t {
		if r == '\n' {
			lines++
			if lines >= 2 && i > 10 {
				return i
			}
		}
		if i > 120 {
			return i
		}
	}
	return len(t)
}

// speakingLevel returns the level suffix the report speaks from and the
// weight of its evidence: 我区 (2), 全县/该镇/本市 (1), and an abbreviation
// at a clause's start: 区委, 县长, 市政府, 镇党委 … (1).
func speakingLevel(t []rune) (string, int) {
	count := map[string]int{}
	for i := 0; i < len(t); i++ {
		suf, l := levelAt(t, i)
		if l == 0 {
			continue
		}
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = t[i-1]
		}
		if i+l < len(t) {
			next = t[i+l]
		}
		switch {
		case prev == '我':
			count[suf] += 2
		case prev == '全' || prev == '该' || prev == '本':
			count[suf]++
		case (i == 0 || isClausePunct(prev)) && strings.ContainsRune("委长政人领党纪", next):
			count[suf]++
		}
		i += l - 1
	}
	best, n := "", 0
	for _, suf := range levelSuffixes {
		if c := count[suf]; c > n {
			best, n = suf, c
		}
	}
	return best, n
}

// suffixRunes are levelSuffixes as runes, by their first rune.
var suffixRunes = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, suf := range levelSuffixes {
		rs := []rune(suf)
		m[rs[0]] = append(m[rs[0]], rs)
	}
	return m
}()

// levelAt returns the level suffix written at i (自治区, 街道, 县 …).
func levelAt(t []rune, i int) (string, int) {
	for _, rs := range suffixRunes[t[i]] {
		if i+len(rs) <= len(t) && slices.Equal(t[i:i+len(rs)], rs) {
			suf := string(rs)
			if suf == "市" || suf == "区" || suf == "县" || suf == "州" || suf == "旗" {
				// 自治区/自治州/自治县 are read whole where they start
				if i >= 2 && string(t[i-2:i]) == "自治" {
					return "", 0
				}
			}
			return suf, len(rs)
		}
	}
	return "", 0
}

func isClausePunct(r rune) bool {
	return strings.ContainsRune(",，。;；:：!！?？、\n ()（）“”\"", r)
}

// allUnder reports whether every division of ds lies directly under p.
func allUnder(g *gazetteer.Gazetteer, ds []*gazetteer.Division, p *gazetteer.Division) bool {
	for _, d := range ds {
		if g.Parent(d) != p {
			return false
		}
	}
	return true
}

// namedAs returns how the text names d: its fullest form written with a
// suffix, else its full name when only its stem is written.
func namedAs(ms []mention, d *gazetteer.Division) (string, bool) {
	name, found := "", false
	for _, m := range ms {
		if m.div != d {
			continue
		}
		found = true
		if m.suffix && len([]rune(m.surface)) > len([]rune(name)) {
			name = m.surface
		}
	}
	if name == "" {
		name = d.Name
	}
	return name, found
}

// umbrella decides a report that gives no level it speaks from but names,
// with their suffixes, several divisions under one parent (鞍山市, 锦州市,
// 营口市 … of 辽宁省): the parent, as the text writes it, else its full name. The parent with the most
// children named wins; a tie, or fewer than minPeers, decides nothing.
func (s *Stage) umbrella(ms []mention) (Result, bool) {
	children := map[*gazetteer.Division]map[*gazetteer.Division]bool{}
	divs := map[int]int{} // divisions a mention (by position) may be
	for _, m := range ms {
		divs[m.at]++
	}
	for _, m := range ms {
		p := s.g.Parent(m.div)
		if !m.suffix || p == nil || divs[m.at] > 1 {
			continue // an ambiguous name (城区, 郊区 of many cities) speaks for no parent
		}
		if children[p] == nil {
			children[p] = map[*gazetteer.Division]bool{}
		}
		children[p][m.div] = true
	}
	var best *gazetteer.Division
	n, tie := 0, false
	for p, cs := range children {
		switch {
		case len(cs) > n:
			best, n, tie = p, len(cs), false
		case len(cs) == n:
			tie = true
		}
	}
	if best == nil || tie || n < minPeers {
		return Result{}, false
	}
	name, _ := namedAs(ms, best) // its full name when the text does not write it
	return Result{Name: name, Div: best, Level: levelOf(best.Name), Rule: RuleUmbrella}, true
}

// levelOf is the level suffix a division's name ends with.
func levelOf(name string) string {
	for _, suf := range levelSuffixes {
		if strings.HasSuffix(name, suf) {
			return suf
		}
	}
	return ""
}

// visitVerbs are the verbs whose object is a place the report's people go
// to (深入, 走进, 来到 …), written before the place.
var visitVerbs = func() [][]rune {
	var out [][]rune
	for _, v := range []string{"深入", "走进", "来到", "前往", "赶赴", "奔赴", "赴", "到", "走访", "考察", "调研", "视察", "莅临"} {
		out = append(out, []rune(v))
	}
	return out
}()

// visitAt reports whether the place named at i is a visit's destination:
// a visit verb right before it, or a list item (、, 和) after one.
func visitAt(t []rune, i int, before []mention) bool {
	if i > 0 && (t[i-1] == '、' || t[i-1] == '和') && len(before) > 0 {
		last := before[len(before)-1]
		if last.at+len([]rune(last.surface)) == i-1 {
			return last.visited
		}
	}
	for _, rs := range visitVerbs {
		if i >= len(rs) && slices.Equal(t[i-len(rs):i], rs) {
			return true
		}
	}
	return false
}

// officesNamed counts the level abbreviations followed by a body or a head
// (市委, 县长, 区政府) anywhere in the text.
func officesNamed(t []rune) int {
	n := 0
	for i := 0; i < len(t); i++ {
		_, l := levelAt(t, i)
		if l == 0 {
			continue
		}
		if i+l < len(t) && strings.ContainsRune("委长政", t[i+l]) {
			n++
		}
		i += l - 1
	}
	return n
}
