// Package names recognises the names of persons in the text: a surname
// from the lexicon followed by one or two given-name characters (three for
// four-character names), ending where the text shows a boundary:
// punctuation, a title, or a word that follows names (出席, 主持, 指出, 和,
// 等 …); after a title also four-character names, names with an unknown
// surname and transcribed names joined by a middle dot; and the learned
// recogniser's person names (the Names layer) where present. It is not a
// stage: the persons and commendations stages read names with it.
//
// Lexicon: surnames.txt, titles.txt (a title ends a name) and the cue
// sections boundary, doctrine, vote_qualifier, group_noun (and the shared
// cut, byline, not_in_name).
package names

import (
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Rules are the lexicon sections names are read with, built once.
type Rules struct {
	lx                 *text.Lexicon
	boundary, doctrine *lexicon.Trie
	voteQualifier      *lexicon.Trie
	studied            *lexicon.Trie // [studied]: 学习, 传达 …
	speechSpirit       *lexicon.Trie // [speech_spirit]: 讲话精神, 指示精神 …
	groupNoun          *lexicon.Trie
	minority           *lexicon.Trie // [minority_name]: parts of Tibetan and Mongolian names
	kinship            *lexicon.Trie // [kinship]: 大娘, 师傅 … after a surname
	roleVerbs          []*lexicon.Trie
	surname1           map[rune]bool
	surnameFirst       lexicon.RuneSet // the first characters of surnames
	surname2           map[[2]rune]bool
}

// NewRules reads the lexicon.
func NewRules(lx *text.Lexicon) *Rules {
	r := &Rules{lx: lx, boundary: lx.Cue("boundary"), doctrine: lx.Cue("doctrine"),
		voteQualifier: lx.Cue("vote_qualifier"), studied: lx.Cue("studied"), speechSpirit: lx.Cue("speech_spirit"), groupNoun: lx.Cue("group_noun"),
		minority: lx.Cue("minority_name"), kinship: lx.Cue("kinship"),
		roleVerbs: []*lexicon.Trie{lx.Cue("spoke"), lx.Cue("remark"), lx.Cue("chaired"), lx.Cue("attended")},
		surname1:  map[rune]bool{}, surname2: map[[2]rune]bool{}}
	for s := range lx.Surnames {
		rs := []rune(s)
		if len(rs) > 0 {
			r.surnameFirst.Add(rs[0])
		}
		switch len(rs) {
		case 1:
			r.surname1[rs[0]] = true
		case 2:
			r.surname2[[2]rune{rs[0], rs[1]}] = true
		}
	}
	return r
}

// Reader reads the names of one Document.
type Reader struct {
	*text.View
	r   *Rules
	t   []rune
	per map[int]int // the recogniser's person names: start → length
	// other[i]: the recogniser reads rune i as part of a title, an
	// organisation or a place
	other []bool
	memo  []int8 // At(i)+1, once read (0: not yet)
}

// NewReader reads the names of the document that v views.
func (r *Rules) NewReader(v *text.View) *Reader {
	s := &Reader{View: v, r: r, t: v.T}
	for _, nm := range v.D.Names {
		// every name of two characters or more: the recogniser's Score is a
		// margin, not a calibrated confidence, and names it is least sure
		// of (田晚霞 at a sentence's start) are names all the same
		// (measured: no threshold gives the best persons F1 on the held-out
		// MSRA sentences and on the develop reports)
		if nm.Label != doc.LabelPerson {
			if s.other == nil {
				s.other = make([]bool, len(v.T))
			}
			for k := nm.Start; k < nm.End && k < len(s.other); k++ {
				s.other[k] = true
			}
			continue
		}
		if n := nm.Len(); n >= 2 {
			if n == 2 && s.clippedBefore(nm.End) {
				n = 3 // 邯伯盼、: the recogniser cut the last character before a comma
			}
			if s.per == nil {
				s.per = map[int]int{}
			}
			s.per[nm.Start] = n
		}
	}
	return s
}

// Recognised returns the length of the recogniser's person name that
// starts at i, or 0.
func (s *Reader) Recognised(i int) int { return s.per[i] }

// Acceptable reports whether the name [i, i+n) is a person: not a credit,
// not a doctrine's source, not an ordinary word.
func (s *Reader) Acceptable(i, n int) bool {
	return n > 0 && !s.IsByline(i) && !s.IsDoctrine(i, i+n) && s.Plausible(string(s.t[i:i+n])) && !s.otherName(i, n) && !s.addressed(i, n)
}

// addressed reports whether the name at [i, i+n) is a surname and a form
// of address (罗大娘, 王师傅): a person referred to, not named.
func (s *Reader) addressed(i, n int) bool {
	l, _ := s.r.kinship.LongestEndingAt(s.t, i+n, 2)
	return l > 0 && l < n
}

// otherName reports whether the recogniser reads part of [i, i+n) as a
// title, an organisation or a place and has no person name there (公室 of
// 县委办公室主任 is no name).
func (s *Reader) otherName(i, n int) bool {
	if s.other == nil || s.per[i] > 0 {
		return false
	}
	for k := i; k < i+n && k < len(s.other); k++ {
		if s.other[k] {
			return true
		}
	}
	return false
}

// Plausible rejects strings that gse knows as ordinary words.
func (s *Reader) Plausible(name string) bool {
	if s.Words == nil {
		return true
	}
	f, pos, ok := s.Words.Known(name)
	if !ok || f < 20 {
		return true // unknown, or too rare to be an ordinary word
	}
	return strings.HasPrefix(pos, "nr")
}

// EndsTitle reports whether a title ends just before a.
func (s *Reader) EndsTitle(a int) bool {
	l, _ := s.Titles.LongestEndingAt(s.t, a, 9)
	return l > 0
}

// IsListJoiner reports whether r joins the names of a list.
func IsListJoiner(r rune) bool { return r == '、' || r == '和' || r == '及' || r == '与' }

// ListNameEndingAt finds a name that ends at e, itself after a joiner, a
// clause start, a cut word or a title (the earlier items of a subject list).
func (s *Reader) ListNameEndingAt(e int) (int, int) {
	for _, n := range []int{3, 2, 4} {
		a := e - n
		if a < 0 {
			continue
		}
		if s.At(a) == n && (a == 0 || text.IsPunct(s.t[a-1]) || IsListJoiner(s.t[a-1]) || s.EndsCue(a, s.Cut) || s.EndsTitle(a)) {
			return a, n
		}
	}
	return s.partsEndingAt(e)
}

// partsEndingAt reads a transcribed name made of minority_name parts only
// (其木格, 阿拉腾敖其尔) that ends at e and starts after a clause's or a
// list's boundary or a title: its start and length, or 0, 0.
func (s *Reader) partsEndingAt(e int) (int, int) {
	for n := 6; n >= 2; n-- {
		a := e - n
		if a < 0 || !(a == 0 || text.IsPunct(s.t[a-1]) || IsListJoiner(s.t[a-1]) || s.EndsTitle(a)) {
			continue
		}
		k := a
		for k < e {
			l, _ := s.r.minority.LongestAt(s.t, k)
			if l == 0 || k+l > e {
				break
			}
			k += l
		}
		if k == e {
			return a, n
		}
	}
	return 0, 0
}

// boundary strength after a candidate name
const (
	NoBoundary = iota
	WeakBoundary
	StrongBoundary
)

// BoundaryAt returns the strength of the boundary after a candidate name
// that ends at j.
func (s *Reader) BoundaryAt(j int) int {
	t := s.t
	if j >= len(t) {
		return StrongBoundary
	}
	if text.IsPunct(t[j]) || text.IsDigit(t[j]) {
		return StrongBoundary
	}
	if l, _ := s.Titles.LongestAt(t, j); l >= 2 {
		return StrongBoundary
	}
	l, _ := s.r.boundary.LongestAt(t, j)
	if l >= 2 {
		return StrongBoundary
	}
	if l == 1 {
		return WeakBoundary
	}
	return NoBoundary
}

// SurnameAt returns the lengths of the surnames that start at i, longest first.
func (s *Reader) SurnameAt(i int) []int {
	if i < 0 || i >= len(s.t) || !s.r.surnameFirst.Has(s.t[i]) {
		return nil
	}
	var buf [2]int
	out := buf[:0]
	if i+2 <= len(s.t) && s.r.surname2[[2]rune{s.t[i], s.t[i+1]}] {
		out = append(out, 2)
	}
	if i < len(s.t) && s.r.surname1[s.t[i]] {
		out = append(out, 1)
	}
	return out
}

// GivenOK reports whether [a, b) may be the given name of a person.
func (s *Reader) GivenOK(a, b int) bool {
	if b > len(s.t) {
		return false
	}
	for k, r := range s.t[a:b] {
		if !text.IsHan(r) || s.NotInName[r] && !s.yearEnds(a, b, a+k) {
			return false
		}
	}
	return true
}

// yearEnds reports whether the character at k is the 年 that ends a given
// name of two characters (永年, 松年, 延年), not a word of time (今年, 多年).
func (s *Reader) yearEnds(a, b, k int) bool {
	return s.t[k] == '年' && k == b-1 && b-a == 2 && !strings.ContainsRune("今去明前后当每全近多上下半同次翌该本历往来终成少青老童晚中新千百万周", s.t[a]) &&
		!s.CommonWord(string(s.t[a:b]))
}

// At returns the length of the person's name that starts at i, or 0: the
// recogniser's name, unless the rules read a longer one that ends at a
// clear boundary where the recogniser's does not (it cuts 张茹先 to 张茹
// before a comma).
func (s *Reader) At(i int) int {
	if i < 0 || i >= len(s.t) {
		return 0
	}
	if s.memo == nil {
		s.memo = make([]int8, len(s.t))
	}
	if m := s.memo[i]; m > 0 {
		return int(m) - 1
	}
	n := s.at(i)
	if n == 0 {
		n = s.partBefore(i)
	}
	n = s.verbOff(i, s.goOn(i, n))
	if n < 127 {
		s.memo[i] = int8(n + 1)
	}
	return n
}

// partBefore reads a transcribed name whose first part the recogniser and
// the rules left off (那顺|乌力吉): a part of minority_name at i, then a
// name that starts with another: their length, or 0.
func (s *Reader) partBefore(i int) int {
	l, _ := s.r.minority.LongestAt(s.t, i)
	if l == 0 || i+l >= len(s.t) || !s.r.minority.HasPrefixAt(s.t, i+l) {
		return 0
	}
	if m := s.at(i + l); m >= 2 {
		return l + m
	}
	return 0
}

// verbOff takes off the verb 任 that a three-character name may have run
// into before a title (池海|任副组长, 王某|任县委书记): 任 is a given-name
// character too, but not before a post.
func (s *Reader) verbOff(i, n int) int {
	e := i + n
	if n != 3 || s.t[e-1] != '任' || e >= len(s.t) {
		return n
	}
	if l, _ := s.Titles.LongestAt(s.t, e); l > 0 || strings.ContainsRune("省市县区州旗盟镇乡", s.t[e]) && e+1 < len(s.t) && strings.ContainsRune("委长政人", s.t[e+1]) {
		return 2
	}
	return n
}

// goOn extends a transcribed name that ends with a part of a Tibetan or
// Mongolian name and is followed by another up to a boundary (格桑|旦增,
// 乌云|其其格): the recogniser and the rules often stop after the first.
func (s *Reader) goOn(i, n int) int {
	for n >= 2 {
		e := i + n
		if l, _ := s.r.minority.LongestEndingAt(s.t, e, 4); l == 0 {
			return n
		}
		l, _ := s.r.minority.LongestAt(s.t, e)
		if l == 0 || n+l > 8 || s.BoundaryAt(e+l) == NoBoundary {
			return n
		}
		n += l
	}
	return n
}

func (s *Reader) at(i int) int {
	r := s.ruleAt(i)
	if n := s.per[i]; n > 0 {
		switch {
		case r > n && s.DottedAt(i) == r:
			return r // a transcription the recogniser cut at its dot (胡安别克·沙吾提)
		case r > n && s.BoundaryAt(i+r) == StrongBoundary && s.BoundaryAt(i+n) != StrongBoundary,
			r > n && s.BoundaryAt(i+r) != NoBoundary && s.BoundaryAt(i+n) == NoBoundary:
			return r // the rules' longer name ends at a boundary, the recogniser's inside a word
		}
		if n >= 3 && (strings.ContainsRune(runOn, s.t[i+n-1]) || s.verbStartsAt(i+n-1)) {
			return n - 1 // a grammatical word or a role verb run on (李某某作成员, 吴某通报了)
		}
		return n // the recogniser's name
	}
	return r
}

// runOn are grammatical words the recogniser may run a name on into; they
// end no name of this genre (not_in_name holds them, with characters such
// as 才 that do end names: 邵增才).
const runOn = "的了是在也都就还又作将被把对向从与及等们这那着过"

// ruleAt is At by the rules alone: a surname of the lexicon and one or two
// given-name characters up to a boundary, or a dotted transcription.
func (s *Reader) ruleAt(i int) int {
	if n := s.DottedAt(i); n > 0 {
		return n
	}
	for _, sl := range s.SurnameAt(i) {
		g := i + sl
		switch {
		case s.GivenOK(g, g+1) && s.BoundaryAt(g+1) == StrongBoundary:
			return sl + 1
		case s.GivenOK(g, g+2) && s.BoundaryAt(g+2) != NoBoundary:
			return sl + 2
		case s.GivenOK(g, g+1) && s.BoundaryAt(g+1) != NoBoundary:
			return sl + 1
		}
	}
	return 0
}

// AfterTitle is At where a title has just introduced a name: it also
// takes four-character names before a weak boundary (巴音朝鲁在…), names
// whose surname the lexicon lacks, and transcribed names with a middle dot
// (努尔兰·阿不都满金).
func (s *Reader) AfterTitle(i int) int {
	if n := s.DottedAt(i); n > 0 {
		return n
	}
	if n := s.At(i); n > 0 {
		return n
	}
	if len(s.SurnameAt(i)) > 0 && s.GivenOK(i+1, i+4) && s.BoundaryAt(i+4) != NoBoundary {
		return 4
	}
	// an unknown surname: two or three characters up to a boundary, where
	// the segmentation agrees that a word starts and no function word does
	// (和先进民兵代表)
	if !s.AlignsWithTokens(i, i+2) || s.r.boundary.HasPrefixAt(s.t, i) || s.Cut.HasPrefixAt(s.t, i) {
		return 0
	}
	switch {
	case s.GivenOK(i, i+2) && s.BoundaryAt(i+2) == StrongBoundary:
		return 2
	case s.GivenOK(i, i+3) && s.BoundaryAt(i+3) != NoBoundary:
		return 3
	}
	// transcribed names of four or five characters (乌云毕力格) that the
	// segmentation does not read as ordinary words (能克服困难)
	for _, n := range []int{4, 5} {
		if s.GivenOK(i, i+n) && s.BoundaryAt(i+n) == StrongBoundary && !s.AllCommonWords(i, i+n) {
			return n
		}
	}
	return 0
}

// DottedAt returns the length of a transcribed name whose parts a middle
// dot joins (阿不都热合曼·买买提), ending at a boundary.
func (s *Reader) DottedAt(i int) int {
	k, parts := i, 0
	for {
		a := k
		for k < len(s.t) && k-a < 8 && text.IsHan(s.t[k]) {
			k++
			if k < len(s.t) && isMiddleDot(s.t[k]) {
				break
			}
		}
		if k == a {
			return 0
		}
		if k < len(s.t) && isMiddleDot(s.t[k]) && k+1 < len(s.t) && text.IsHan(s.t[k+1]) {
			parts++
			k++
			continue
		}
		if parts == 0 {
			return 0
		}
		// the last part ends at the first boundary, or before, where the
		// recogniser's name ends and an ordinary word or a place follows
		// (尤勒斯·韦登博斯|结束对…, 兰贝托·迪尼|圣马力诺…)
		end := 0
		for e := a + 1; e <= k; e++ {
			if s.BoundaryAt(e) != NoBoundary {
				end = e
				break
			}
		}
		if n := s.per[i]; n > 0 && i+n > a && (end == 0 || i+n < end) && s.wordAt(i+n) {
			return n
		}
		if end == 0 {
			return 0
		}
		return end - i
	}
}

// wordAt reports whether a token of two characters or more starts at i
// that is an ordinary word or a place's name.
func (s *Reader) wordAt(i int) bool {
	if !s.CutAt(i) {
		return false
	}
	j := i + 1
	for j < len(s.t) && !s.CutAt(j) {
		j++
	}
	if j-i < 2 {
		return false
	}
	w := string(s.t[i:j])
	return s.CommonWord(w) || s.KnownPlace(w)
}

func isMiddleDot(r rune) bool { return r == '·' || r == '•' || r == '・' || r == '‧' }

// IsByline reports whether the name at i is a credit (记者 王明, 编辑:李红).
func (s *Reader) IsByline(i int) bool {
	if s.inClosingBrackets(i) {
		return true
	}
	j := i
	for j > 0 && (s.t[j-1] == ' ' || s.t[j-1] == ':' || s.t[j-1] == '(' || s.t[j-1] == '、' || s.t[j-1] == '[') {
		j--
	}
	if l, _ := s.Byline.LongestEndingAt(s.t, j, 4); l > 0 {
		return true
	}
	// a later name in a credit list: 记者 王明 李红
	k := j
	for k > 0 && k > i-12 && s.t[k-1] != '\n' && s.t[k-1] != '。' && s.t[k-1] != ',' {
		k--
		// a one-character credit word (文, 图, 摄) only before a separator:
		// 文 of 马文珠 in 马文珠、柏青山 is none
		if l, _ := s.Byline.LongestEndingAt(s.t, k, 4); l > 0 && !s.hasTitleBetween(k, i) &&
			(l >= 2 || strings.ContainsRune(" :/|(", s.t[k])) {
			return true
		}
	}
	return false
}

// inClosingBrackets reports whether the name at i stands in brackets that
// hold only names and end a paragraph or the text: a credit ((王明 李红)).
func (s *Reader) inClosingBrackets(i int) bool {
	a := i - 1
	for a >= 0 && a > i-12 && (text.IsHan(s.t[a]) || s.t[a] == ' ' || s.t[a] == '、') {
		a--
	}
	if a < 0 || s.t[a] != '(' && s.t[a] != '[' {
		return false
	}
	b := i
	for b < len(s.t) && b < i+16 && (text.IsHan(s.t[b]) || s.t[b] == ' ' || s.t[b] == '、') {
		b++
	}
	if b >= len(s.t) || s.t[b] != ')' && s.t[b] != ']' {
		return false
	}
	for b++; b < len(s.t) && s.t[b] == ' '; b++ {
	}
	return b >= len(s.t) || s.t[b] == '\n'
}

func (s *Reader) hasTitleBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if l, _ := s.Titles.LongestAt(s.t, k); l >= 2 {
			return true
		}
	}
	return false
}

// IsDoctrine reports whether the name at [i,j) is only the source of a
// doctrine or instruction (习近平新时代…思想, …总书记重要讲话).
func (s *Reader) IsDoctrine(i, j int) bool {
	k := j
	if s.HasAt(k, "同志") {
		k += 2
	}
	if l, _ := s.r.doctrine.LongestAt(s.t, k); l > 0 {
		return true
	}
	if l, _ := s.r.doctrine.LongestEndingAt(s.t, i, 4); l > 0 {
		return true
	}
	return s.conveyedSpeech(i, j)
}

// conveyedSpeech reports whether the name at [i, j) is the speaker of a
// speech that its clause conveys or studies: 传达了某某在…会上的讲话精神.
func (s *Reader) conveyedSpeech(i, j int) bool {
	studied := false
	for k := i - 1; k >= 0 && !text.IsClauseEnd(s.t[k]) && !studied; k-- {
		studied = s.r.studied.HasPrefixAt(s.t, k)
	}
	if !studied {
		return false
	}
	for k := j; k < len(s.t) && !text.IsClauseEnd(s.t[k]); k++ {
		if s.r.speechSpirit.HasPrefixAt(s.t, k) {
			return true
		}
	}
	return false
}

// clippedBefore reports whether the one character at e, then punctuation,
// ends a name the recogniser cut short: a Han character that can be in a
// name and starts no title or cue word.
func (s *Reader) clippedBefore(e int) bool {
	if e+1 >= len(s.t) || !text.IsHan(s.t[e]) || s.NotInName[s.t[e]] || !text.IsPunct(s.t[e+1]) {
		return false
	}
	return !s.Titles.HasPrefixAt(s.t, e) && !s.Cut.HasPrefixAt(s.t, e)
}

// verbStartsAt reports whether a role verb of two or more characters
// (通报, 主持, 表示, 出席) starts at k.
func (s *Reader) verbStartsAt(k int) bool {
	for _, t := range s.r.roleVerbs {
		if l, _ := t.LongestAt(s.t, k); l >= 2 {
			return true
		}
	}
	return false
}
