package extract

// Person names: a surname from the lexicon followed by one or two given-name
// characters (three for four-character names), ending where the text shows
// a boundary: punctuation, a title, or a word that follows names (出席,
// 主持, 指出, 和, 等 …).

// boundary strength after a candidate name
const (
	noBoundary = iota
	weakBoundary
	strongBoundary
)

func (s *state) boundaryAt(j int) int {
	t := s.t
	if j >= len(t) {
		return strongBoundary
	}
	if isPunct(t[j]) || isDigit(t[j]) {
		return strongBoundary
	}
	if l, _ := s.e.lx.Titles.LongestAt(t, j); l >= 2 {
		return strongBoundary
	}
	l, _ := s.e.boundary.LongestAt(t, j)
	if l >= 2 {
		return strongBoundary
	}
	if l == 1 {
		return weakBoundary
	}
	return noBoundary
}

// surnameAt returns the lengths of the surnames that start at i, longest first.
func (s *state) surnameAt(i int) []int {
	var buf [2]int
	out := buf[:0]
	if i+2 <= len(s.t) && s.e.surname2[[2]rune{s.t[i], s.t[i+1]}] {
		out = append(out, 2)
	}
	if i < len(s.t) && s.e.surname1[s.t[i]] {
		out = append(out, 1)
	}
	return out
}

func (s *state) givenOK(a, b int) bool {
	if b > len(s.t) {
		return false
	}
	for _, r := range s.t[a:b] {
		if !isHan(r) || s.e.notInName[r] {
			return false
		}
	}
	return true
}

// nameAt returns the length of the person's name that starts at i, or 0.
func (s *state) nameAt(i int) int {
	if n := s.per[i]; n > 0 {
		return n // the recogniser's name
	}
	if n := s.dottedNameAt(i); n > 0 {
		return n
	}
	for _, sl := range s.surnameAt(i) {
		g := i + sl
		switch {
		case s.givenOK(g, g+1) && s.boundaryAt(g+1) == strongBoundary:
			return sl + 1
		case s.givenOK(g, g+2) && s.boundaryAt(g+2) != noBoundary:
			return sl + 2
		case s.givenOK(g, g+1) && s.boundaryAt(g+1) != noBoundary:
			return sl + 1
		}
	}
	return 0
}

// nameAfterTitle is nameAt where a title has just introduced a name: it also
// takes four-character names before a weak boundary (巴音朝鲁在…), names
// whose surname the lexicon lacks, and transcribed names with a middle dot
// (努尔兰·阿不都满金).
func (s *state) nameAfterTitle(i int) int {
	if n := s.dottedNameAt(i); n > 0 {
		return n
	}
	if n := s.nameAt(i); n > 0 {
		return n
	}
	if len(s.surnameAt(i)) > 0 && s.givenOK(i+1, i+4) && s.boundaryAt(i+4) != noBoundary {
		return 4
	}
	// an unknown surname: two or three characters up to a boundary, where
	// the segmentation agrees that a word starts and no function word does
	// (和先进民兵代表)
	if !s.alignsWithTokens(i, i+2) || s.e.boundary.HasPrefixAt(s.t, i) || s.e.cut.HasPrefixAt(s.t, i) {
		return 0
	}
	switch {
	case s.givenOK(i, i+2) && s.boundaryAt(i+2) == strongBoundary:
		return 2
	case s.givenOK(i, i+3) && s.boundaryAt(i+3) != noBoundary:
		return 3
	}
	// transcribed names of four or five characters (乌云毕力格) that the
	// segmentation does not read as ordinary words (能克服困难)
	for _, n := range []int{4, 5} {
		if s.givenOK(i, i+n) && s.boundaryAt(i+n) == strongBoundary && !s.allCommonWords(i, i+n) {
			return n
		}
	}
	return 0
}

// dottedNameAt returns the length of a transcribed name whose parts a middle
// dot joins (阿不都热合曼·买买提), ending at a boundary.
func (s *state) dottedNameAt(i int) int {
	k, parts := i, 0
	for {
		a := k
		for k < len(s.t) && k-a < 8 && isHan(s.t[k]) {
			k++
			if k < len(s.t) && isMiddleDot(s.t[k]) {
				break
			}
		}
		if k == a {
			return 0
		}
		if k < len(s.t) && isMiddleDot(s.t[k]) && k+1 < len(s.t) && isHan(s.t[k+1]) {
			parts++
			k++
			continue
		}
		if parts == 0 {
			return 0
		}
		// the last part ends at the first boundary
		for e := a + 1; e <= k; e++ {
			if s.boundaryAt(e) != noBoundary {
				return e - i
			}
		}
		return 0
	}
}

func isMiddleDot(r rune) bool { return r == '·' || r == '•' || r == '・' || r == '‧' }

// isByline reports whether the name at i is a credit (记者 王明, 编辑:李红).
func (s *state) isByline(i int) bool {
	j := i
	for j > 0 && (s.t[j-1] == ' ' || s.t[j-1] == ':' || s.t[j-1] == '(' || s.t[j-1] == '、' || s.t[j-1] == '[') {
		j--
	}
	if l, _ := s.e.byline.LongestEndingAt(s.t, j, 4); l > 0 {
		return true
	}
	// a later name in a credit list: 记者 王明 李红
	k := j
	for k > 0 && k > i-12 && s.t[k-1] != '\n' && s.t[k-1] != '。' && s.t[k-1] != ',' {
		k--
		if l, _ := s.e.byline.LongestEndingAt(s.t, k, 4); l > 0 && !s.hasTitleBetween(k, i) {
			return true
		}
	}
	return false
}

func (s *state) hasTitleBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if l, _ := s.e.lx.Titles.LongestAt(s.t, k); l >= 2 {
			return true
		}
	}
	return false
}

// isDoctrine reports whether the name at [i,j) is only the source of a
// doctrine or instruction (习近平新时代…思想, …总书记重要讲话).
func (s *state) isDoctrine(i, j int) bool {
	k := j
	if s.hasAt(k, "同志") {
		k += 2
	}
	if l, _ := s.e.doctrine.LongestAt(s.t, k); l > 0 {
		return true
	}
	if l, _ := s.e.doctrine.LongestEndingAt(s.t, i, 4); l > 0 {
		return true
	}
	return false
}

// acceptName records a person mention if it is not a credit, a doctrine's
// source or an ordinary word.
func (s *state) acceptName(i, n int) *person {
	if n == 0 || s.isByline(i) || s.isDoctrine(i, i+n) || !s.plausibleName(string(s.t[i:i+n])) {
		return nil
	}
	return s.addPerson(string(s.t[i:i+n]), spanOf(i, i+n))
}

// allCommonWords reports whether the segmentation cuts [a, b) into
// ordinary dictionary words only.
func (s *state) allCommonWords(a, b int) bool {
	if s.cut == nil {
		return false
	}
	start := a
	for k := a + 1; k <= b; k++ {
		if k < len(s.cut) && s.cut[k] || k == b {
			if !s.commonWord(string(s.t[start:k])) {
				return false
			}
			start = k
		}
	}
	return true
}
