// Package text is what every extraction stage shares: a View over the one
// Document (its normalised text, sentences and segmentation) with the text
// helpers the rules read it with, the lexicon sections more than one stage
// reads (cut, byline, daypart, not_in_name), and the index of the Persons
// layer. It holds no stage's state: a stage builds a View when it starts and
// writes what it finds to the Document's layers.
package text

import (
	"sort"
	"strings"
	"unicode"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// WordChecker tells whether a string is a dictionary word (gse); nil is fine.
type WordChecker interface {
	Known(word string) (freq float64, pos string, ok bool)
}

// Lexicon is the lexicon as the stages read it: the loaded data, the
// segmenter's dictionary, and the cue sections shared by several stages.
// It is built once and read-only.
type Lexicon struct {
	*lexicon.Lexicon
	Words WordChecker
	// Gazetteer is the official table of divisions (nil: gse alone).
	Gazetteer *gazetteer.Gazetteer

	Cut     *lexicon.Trie // [cut]: words that end a preamble (出席会议的有)
	Byline  *lexicon.Trie // [byline]: credits (记者, 编辑)
	Daypart *lexicon.Trie // [daypart]: 上午, 下午 … after a date at a clause's start
	// NotInName are the characters of [not_in_name]: never in a person's name.
	NotInName map[rune]bool
}

// NewLexicon reads the shared sections of lx.
func NewLexicon(lx *lexicon.Lexicon, words WordChecker) *Lexicon {
	l := &Lexicon{Lexicon: lx, Words: words, Gazetteer: gazetteer.Default(),
		Cut: lx.Cue("cut"), Byline: lx.Cue("byline"), Daypart: lx.Cue("daypart"),
		NotInName: Runes(lx.Cue("not_in_name"))}
	return l
}

// Runes returns the set of characters of the words of a cue section.
func Runes(t *lexicon.Trie) map[rune]bool {
	out := map[rune]bool{}
	for _, w := range t.Words() {
		for _, r := range w {
			out[r] = true
		}
	}
	return out
}

// CommonWord reports whether gse knows w as an ordinary word (not a name
// of a place or a person).
func (l *Lexicon) CommonWord(w string) bool {
	if l.Words == nil {
		return false
	}
	f, pos, ok := l.Words.Known(w)
	return ok && f >= 50 && pos != "ns" && !strings.HasPrefix(pos, "nr")
}

// SurnameName reports whether name has the shape of a Han name: a surname
// of the lexicon and one or two given-name characters, none of them one
// that never stands in a name.
func (l *Lexicon) SurnameName(name string) bool {
	rs := []rune(name)
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	for _, sl := range []int{2, 1} {
		if sl < len(rs) && l.Surnames[string(rs[:sl])] {
			for _, r := range rs[sl:] {
				if !IsHan(r) || l.NotInName[r] {
					return false
				}
			}
			return len(rs)-sl <= 2
		}
	}
	return false
}

// KnownPlace reports whether w names a place: a division of the official
// gazetteer (by its full or former name, or a short form of a county or
// above: 甘南州, 修文), or a word gse tags as a place — unless the lexicon
// says it is an ordinary word. Townships' short forms are not taken: they
// are ordinary words too often (发展, 人民, 城关).
func (l *Lexicon) KnownPlace(w string) bool {
	if l.NotAPlace[w] {
		return false
	}
	if l.gazetteerPlace(w) != nil {
		return true
	}
	if l.Words == nil {
		return false
	}
	_, pos, ok := l.Words.Known(w)
	return ok && pos == "ns"
}

// gazetteerPlace returns the division w names, best ranked, or nil.
func (l *Lexicon) gazetteerPlace(w string) *gazetteer.Division {
	if l.Gazetteer == nil {
		return nil
	}
	if rs := []rune(w); len(rs) == 2 && strings.ContainsRune("全我本该各此", rs[0]) {
		return nil // 全州 reads as "the whole prefecture" far more often than as 全州县
	}
	for _, m := range l.Gazetteer.Matches(w) {
		switch {
		case m.Kind == gazetteer.Full || m.Kind == gazetteer.Former:
			return m.Div
		case m.Div.Level <= gazetteer.County:
			return m.Div
		}
	}
	return nil
}

// OnlyAbbreviation reports whether the gazetteer knows w only as an
// abbreviation (达旗): the places stage reads those with their context.
func (l *Lexicon) OnlyAbbreviation(w string) bool {
	if l.Gazetteer == nil {
		return false
	}
	ms := l.Gazetteer.Matches(w)
	for _, m := range ms {
		if m.Kind != gazetteer.Abbrev {
			return false
		}
	}
	return len(ms) > 0
}

// FullPlace returns the full name of the division a name written without
// its suffix stands for (延安 → 延安市, 修文 → 修文县, 达旗 → 达拉特旗), the
// higher level first, or "".
func (l *Lexicon) FullPlace(w string) string {
	if d := l.gazetteerPlace(w); d != nil && d.Name != w {
		return d.Name
	}
	return ""
}

// View is one Document as the stages read it.
type View struct {
	*Lexicon
	D   *doc.Document
	T   []rune // D.Text
	cut []bool // cut[i]: a token of the segmentation starts or ends at i

	rawAt    []int          // byte offset in D.Raw of each raw rune, and len(D.Raw); built on first use
	inPerson []bool         // inPerson[i]: the recogniser reads rune i as part of a person's name; built on first use
	runeAt   map[rune][]int // the offsets of each rune of T, in order; built on first use
}

// FirstIndex returns the offset of the first occurrence of w in the text,
// or -1. The text is indexed by rune once per View, so a lookup costs the
// occurrences of w's first rune, not the text's length.
func (v *View) FirstIndex(w string) int {
	rs := []rune(w)
	if len(rs) == 0 {
		return -1
	}
	if v.runeAt == nil {
		v.runeAt = map[rune][]int{}
		for i, r := range v.T {
			v.runeAt[r] = append(v.runeAt[r], i)
		}
	}
	for _, i := range v.runeAt[rs[0]] {
		if v.HasAt(i, w) {
			return i
		}
	}
	return -1
}

// NewView reads d.
func NewView(lx *Lexicon, d *doc.Document) *View {
	v := &View{Lexicon: lx, D: d, T: d.Text}
	if len(d.Tokens) > 0 {
		v.cut = make([]bool, len(d.Text)+1)
		for _, tk := range d.Tokens {
			v.cut[tk.Start], v.cut[tk.End] = true, true
		}
	}
	return v
}

// AlignsWithTokens reports whether [a, b) starts and ends where the
// segmentation cuts, or lies inside one token that starts at a (gse keeps
// unknown names whole: 蔺雪峰, or joins them with what follows less often
// than with what precedes). Without tokens it says yes.
func (v *View) AlignsWithTokens(a, b int) bool {
	if v.cut == nil || b >= len(v.cut) {
		return true
	}
	return v.cut[a]
}

// CutAt reports whether the segmentation cuts the text at i (a token starts
// or ends there); without tokens it says yes.
func (v *View) CutAt(i int) bool {
	if v.cut == nil || i < 0 || i >= len(v.cut) {
		return true
	}
	return v.cut[i]
}

// AllCommonWords reports whether the segmentation cuts [a, b) into
// ordinary dictionary words only.
func (v *View) AllCommonWords(a, b int) bool {
	if v.cut == nil {
		return false
	}
	start := a
	for k := a + 1; k <= b; k++ {
		if k < len(v.cut) && v.cut[k] || k == b {
			if !v.CommonWord(string(v.T[start:k])) {
				return false
			}
			start = k
		}
	}
	return true
}

// SentenceOf returns the sentence span containing offset i.
func (v *View) SentenceOf(i int) doc.Span { return SentenceOf(v.D, i) }

// SentenceOf returns the sentence span of d containing offset i.
func SentenceOf(d *doc.Document, i int) doc.Span {
	ss := d.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > i })
	if k < len(ss) && ss[k].Start <= i {
		return ss[k]
	}
	return doc.Span{Start: i, End: i}
}

// SentenceIndex returns the index of the sentence containing offset i.
func (v *View) SentenceIndex(i int) int {
	ss := v.D.Sentences
	return sort.Search(len(ss), func(k int) bool { return ss[k].End > i })
}

// Str returns the text [a, b), clipped to the text.
func (v *View) Str(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(v.T) {
		b = len(v.T)
	}
	if a >= b {
		return ""
	}
	return string(v.T[a:b])
}

// Lines are the spans of the text's lines (without their line breaks).
func (v *View) Lines() []doc.Span {
	var out []doc.Span
	a := 0
	for k, r := range v.T {
		if r == '\n' {
			out = append(out, Span(a, k))
			a = k + 1
		}
	}
	return append(out, Span(a, len(v.T)))
}

// HasAt reports whether the text at i starts with w (false for an i
// outside the text).
func (v *View) HasAt(i int, w string) bool {
	for _, r := range w {
		if i < 0 || i >= len(v.T) || v.T[i] != r {
			return false
		}
		i++
	}
	return true
}

// IndexOf returns where w starts in [a, b), or -1.
func (v *View) IndexOf(a, b int, w string) int {
	for k := a; k < b; k++ {
		if v.HasAt(k, w) {
			return k
		}
	}
	return -1
}

// LastIndexOf returns where w starts last within [a, b), or -1.
func (v *View) LastIndexOf(a, b int, w string) int {
	for k := b - len([]rune(w)); k >= a; k-- {
		if v.HasAt(k, w) {
			return k
		}
	}
	return -1
}

// IndexFrom returns where r occurs first in [a, b), or -1.
func (v *View) IndexFrom(a, b int, r rune) int {
	for k := a; k < b; k++ {
		if v.T[k] == r {
			return k
		}
	}
	return -1
}

// Ender is a trie read backwards (a cue section).
type Ender interface {
	LongestEndingAt([]rune, int, int) (int, string)
}

// EndsCue reports whether a word of the trie ends just before i.
func (v *View) EndsCue(i int, t Ender) bool {
	l, _ := t.LongestEndingAt(v.T, i, 4)
	return l > 0
}

// ClauseEnd returns the end of the clause that contains i (brackets and
// quotes hold their clause ends), at most limit.
func (v *View) ClauseEnd(i, limit int) int {
	depth := 0
	for k := i; k < limit; k++ {
		switch v.T[k] {
		case '(', '“', '《':
			depth++
		case ')', '”', '》':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 && IsClauseEnd(v.T[k]) {
			return k
		}
	}
	return limit
}

// ClauseStart returns the start of the clause that contains i, at least
// limit.
func (v *View) ClauseStart(i, limit int) int {
	for k := i; k > limit; k-- {
		if IsClauseEnd(v.T[k-1]) {
			return k
		}
	}
	return limit
}

// NameStart is where a name that runs to b starts within the clause that
// starts at cs: after any date (the Dates layer) and time words at the
// clause's start.
func (v *View) NameStart(cs, b int) int {
	k := cs
	for _, dm := range v.D.Dates {
		if dm.Start == k {
			k = dm.End
		}
	}
	if l, _ := v.Daypart.LongestAt(v.T, k); l > 0 {
		k += l
	}
	for k < b && (v.T[k] == ',' || v.T[k] == ' ') {
		k++
	}
	return k
}

// Evidence maps a span of Text to the raw text.
//
// The raw text is indexed once per View (the byte offset of every rune), so
// that evidence costs the length of its span, not of the text before it: a
// report's extraction stays linear in its length.
func (v *View) Evidence(sp doc.Span) doc.Evidence {
	raw := v.D.Offsets.RawSpan(sp)
	return doc.Evidence{Text: v.rawRunes(raw.Start, raw.End), Start: raw.Start, End: raw.End}
}

// rawRunes returns the runes [a, b) of the raw text ("" outside it).
func (v *View) rawRunes(a, b int) string {
	if v.rawAt == nil {
		v.rawAt = make([]int, 0, len(v.D.Raw)/3+1)
		for bi := range v.D.Raw {
			v.rawAt = append(v.rawAt, bi)
		}
		v.rawAt = append(v.rawAt, len(v.D.Raw))
	}
	if a < 0 || a >= b || a >= len(v.rawAt)-1 {
		return ""
	}
	if b > len(v.rawAt)-1 {
		b = len(v.rawAt) - 1
	}
	return v.D.Raw[v.rawAt[a]:v.rawAt[b]]
}

// IsHan reports whether r is a Chinese character.
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// AllHan reports whether rs is non-empty and all Chinese characters.
func AllHan(rs []rune) bool {
	for _, r := range rs {
		if !IsHan(r) {
			return false
		}
	}
	return len(rs) > 0
}

// IsDigit reports whether r is an ASCII digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' }

// Number reads the digits at i: where they end, and their value.
func Number(t []rune, i int) (int, int) {
	n := 0
	for i < len(t) && IsDigit(t[i]) && n < 100000 {
		n = n*10 + int(t[i]-'0')
		i++
	}
	return i, n
}

// IsPunct reports whether r ends a clause or a list item.
func IsPunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '。', '、', '，', '；', '：', '！', '？', '(', ')', '“', '”', '‘', '’',
		'《', '》', '【', '】', '[', ']', '"', '\'', ' ', '\n', '\t', '—', '…', '·', '/', '|', '<', '>':
		return true
	}
	return false
}

// IsClauseEnd reports whether r ends a clause (but not a list item).
func IsClauseEnd(r rune) bool {
	switch r {
	case ',', ';', ':', '!', '?', '。', '；', '！', '？', '\n':
		return true
	}
	return false
}

// IsSentenceEnd reports whether r ends a sentence.
func IsSentenceEnd(r rune) bool {
	switch r {
	case '。', '!', '?', '！', '？', '\n':
		return true
	}
	return false
}

// Span returns the span [a, b).
func Span(a, b int) doc.Span { return doc.Span{Start: a, End: b} }

// InPersonName reports whether the recogniser reads the rune at i as part
// of a person's name.
func (v *View) InPersonName(i int) bool {
	if v.inPerson == nil {
		v.inPerson = make([]bool, len(v.T))
		for _, nm := range v.D.Names {
			if nm.Label == doc.LabelPerson {
				for k := nm.Start; k < nm.End && k < len(v.inPerson); k++ {
					v.inPerson[k] = true
				}
			}
		}
	}
	return i >= 0 && i < len(v.inPerson) && v.inPerson[i]
}

// BlankNotes replaces the notes in brackets of a string by a space each
// (庞某（女）、聂某（按姓氏笔画为序） → 庞某 、聂某 ): lists of names read
// without them.
func BlankNotes(list string) string {
	var b strings.Builder
	depth := 0
	for _, r := range list {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
			b.WriteRune(' ')
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ItemNumberEnd returns where an item's number that starts at a ends,
// with what closes it (1. 2、 一、 （三） (4)): after it, or a when there is
// none. At most three digits or numerals; a number opened by a bracket is
// closed by one.
func ItemNumberEnd(t []rune, a, end int) int {
	k := a
	if k < end && (t[k] == '(' || t[k] == '（') {
		k++
	}
	d := k
	for d < end && d < k+3 && (IsDigit(t[d]) || strings.ContainsRune("一二三四五六七八九十", t[d])) {
		d++
	}
	if d == k || d >= end {
		return a
	}
	switch {
	case k > a && (t[d] == ')' || t[d] == '）'),
		k == a && strings.ContainsRune("、.．)）", t[d]):
		return d + 1
	}
	return a
}
