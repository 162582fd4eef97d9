package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/kg-cn/kg/nlp/doc"
)

// countyLevel are the suffixes of divisions that can be a report's
// jurisdiction.
var jurisdictionLevel = map[string]bool{"省": true, "自治区": true, "特别行政区": true, "市": true, "区": true, "县": true, "旗": true, "州": true, "盟": true, "自治州": true, "自治县": true, "地区": true, "新区": true}

// placeAt returns the longest administrative division whose name ends at
// end (exclusive) with a suffix starting at i, or "".
func (s *state) placeAt(i int) (start, end int, name string) {
	l, suf := s.e.suffixes.LongestAt(s.t, i)
	if l == 0 {
		return 0, 0, ""
	}
	end = i + l
	// a suffix followed by 长 is a head's title (县长), not a place.
	for k := 4; k >= 1; k-- {
		a := i - k
		if a < 0 {
			continue
		}
		stem := s.t[a:i]
		if !allHan(stem) {
			continue
		}
		full := string(stem) + suf
		if f, ok := s.e.lx.Places[full]; ok && f == full {
			return a, end, full
		}
		if s.knownPlace(full) {
			return a, end, full
		}
		if k >= 2 && s.knownPlace(string(stem)) && !strings.HasSuffix(string(stem), suf) {
			return a, end, full
		}
	}
	// towns, streets, villages: an unknown stem of 2–3 characters that starts
	// after a boundary.
	switch suf {
	case "镇", "乡", "街道", "村", "社区":
		for k := 3; k >= 2; k-- {
			a := i - k
			if a < 0 || !allHan(s.t[a:i]) || s.hasNotInName(s.t[a:i]) {
				continue
			}
			if a == 0 || isPunct(s.t[a-1]) || s.endsCue(a, s.e.cut) {
				return a, end, string(s.t[a:i]) + suf
			}
		}
	}
	return 0, 0, ""
}

func (s *state) knownPlace(w string) bool {
	if s.e.words == nil {
		return false
	}
	_, pos, ok := s.e.words.Known(w)
	return ok && pos == "ns"
}

func (s *state) hasNotInName(rs []rune) bool {
	for _, r := range rs {
		if s.e.notInName[r] {
			return true
		}
	}
	return false
}

// endsCue reports whether a word of the trie ends just before i.
func (s *state) endsCue(i int, t interface {
	LongestEndingAt([]rune, int, int) (int, string)
}) bool {
	l, _ := t.LongestEndingAt(s.t, i, 4)
	return l > 0
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return len(rs) > 0
}

// findPlaces records every administrative division named in the text.
func (s *state) findPlaces() {
	for i := 1; i < len(s.t); i++ {
		a, b, name := s.placeAt(i)
		if name == "" {
			continue
		}
		if bad := strings.TrimSuffix(name, "区"); strings.HasSuffix(bad, "开发") || strings.HasSuffix(bad, "高新") || strings.HasSuffix(bad, "园") || strings.HasSuffix(bad, "警备") || strings.HasSuffix(bad, "城") && utf8.RuneCountInString(name) == 2 {
			continue
		}
		s.places = append(s.places, placeMention{name: name, span: doc.Span{Start: a, End: b}})
		i = b - 1
	}
	// short forms from the lexicon (达旗 → 达拉特旗)
	for short, full := range s.e.lx.Places {
		if short == full {
			continue
		}
		rs := []rune(short)
		for i := 0; i+len(rs) <= len(s.t); i++ {
			if s.hasAt(i, short) && !s.hasAt(i, full) {
				s.places = append(s.places, placeMention{name: full, span: doc.Span{Start: i, End: i + len(rs)}})
			}
		}
	}
}

// findJurisdiction picks the report's jurisdiction, unless the input gave
// one: the division named most often, where uses of its level as an
// abbreviation (区委, 全区, 我区, 区长) count too.
func (s *state) findJurisdiction() {
	if s.jur != "" {
		return
	}
	type cand struct {
		score float64
		first int
	}
	cands := map[string]*cand{}
	for i := 1; i < len(s.t); i++ {
		a, b, name := s.placeAt(i)
		if name == "" {
			continue
		}
		suf := s.suffixOf(name)
		if !jurisdictionLevel[suf] {
			i = b - 1
			continue
		}
		c := cands[name]
		if c == nil {
			c = &cand{first: a}
			cands[name] = c
		}
		c.score++
		i = b - 1
	}
	if len(cands) == 0 {
		return
	}
	abbrev := map[string]float64{}
	for i := 0; i+1 < len(s.t); i++ {
		r := s.t[i]
		switch r {
		case '省', '市', '区', '县', '旗', '州', '盟':
		default:
			continue
		}
		next := s.t[i+1]
		prevPunct := i == 0 || isPunct(s.t[i-1]) || s.t[i-1] == '全' || s.t[i-1] == '我'
		if prevPunct && (next == '委' || next == '长' || next == '政' || next == '人' || next == '领') {
			abbrev[string(r)]++
		}
	}
	best, bestScore, bestFirst := "", 0.0, 0
	for name, c := range cands {
		sc := c.score + 0.5*abbrev[s.suffixOf(name)]
		if sc > bestScore || sc == bestScore && c.first < bestFirst {
			best, bestScore, bestFirst = name, sc, c.first
		}
	}
	s.jur = best
}

// suffixOf returns the division suffix that name ends with.
func (s *state) suffixOf(name string) string {
	for _, suf := range s.e.lx.PlaceSuffix {
		if strings.HasSuffix(name, suf) && name != suf {
			return suf
		}
	}
	return ""
}
