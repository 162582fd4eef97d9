package places

import (
	"strings"

	"github.com/kg-cn/kg/nlp/extract/text"
)

// jurisdictionLevel are the suffixes of divisions that can be a report's
// jurisdiction.
var jurisdictionLevel = map[string]bool{"社区": true, "村": true, "省": true, "自治区": true, "特别行政区": true, "市": true, "区": true, "县": true, "旗": true, "州": true, "盟": true, "自治州": true, "自治县": true, "地区": true, "新区": true, "镇": true, "乡": true, "街道": true}

// findJurisdiction picks the report's jurisdiction, unless the input gave
// one: the division named most often, where uses of its level as an
// abbreviation (区委, 全区, 我区, 区长) count too.
func (s *state) findJurisdiction() string {
	type cand struct {
		score float64
		first int
	}
	cands := map[string]*cand{}
	for i := 1; i < len(s.t); i++ {
		a, b, name := s.placeFrom(i)
		if name == "" {
			continue
		}
		if !jurisdictionLevel[s.suffixOf(name)] {
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
	// the level the report speaks from: 我区, 全县, 该镇, and 区委, 县长 …
	// at the start of a clause
	level := map[string]int{}
	for i := 0; i+1 < len(s.t); i++ {
		r := s.t[i]
		if !s.isSuffixRune(r) || r == '村' {
			continue
		}
		prev := rune(0)
		if i > 0 {
			prev = s.t[i-1]
		}
		next := s.t[i+1]
		switch {
		case prev == '我':
			level[string(r)] += 2 // the speaker's own level
		case prev == '全' || prev == '该' || prev == '本':
			level[string(r)]++
		case (i == 0 || text.IsPunct(prev)) && strings.ContainsRune("委长政人领党", next):
			level[string(r)]++
		}
	}
	// 街道党工委, 街道办事处 at the start of a clause
	for i := 0; i+3 < len(s.t); i++ {
		if (i == 0 || text.IsPunct(s.t[i-1])) && s.HasAt(i, "街道") && (s.HasAt(i+2, "党") || s.HasAt(i+2, "办")) {
			level["街道"]++
		}
	}
	// a community or a village speaks (GUIDELINES: the lowest level, down
	// to a community or village): 我村, 本社区, 社区党总支 at a clause's
	// start, and a named one that convenes (某某社区召开…); a village only
	// visited (到某村调研, 全村, 村党支部书记) is not the report's own
	for i := 0; i+2 < len(s.t); i++ {
		for _, lv := range []string{"社区", "村"} {
			if !s.HasAt(i, lv) {
				continue
			}
			e := i + len([]rune(lv))
			prev := rune(0)
			if i > 0 {
				prev = s.t[i-1]
			}
			switch {
			case prev == '我' || prev == '本':
				level[lv] += 2
			case lv == "社区" && (i == 0 || text.IsPunct(prev)) && (s.HasAt(e, "党") || s.HasAt(e, "居委")):
				level[lv]++
			case s.HasAt(e, "召开") || s.HasAt(e, "举行") || s.HasAt(e, "组织开展"):
				if a, _, name := s.placeFrom(i); strings.HasSuffix(name, lv) {
					level[lv] += 2
					if c := cands[name]; c != nil {
						c.score += 2 // it convenes: more than a mention
					} else {
						cands[name] = &cand{score: 2, first: a}
					}
				}
			}
		}
	}
	if len(cands) == 0 {
		return ""
	}
	// the level with the most evidence decides, when it has at least two
	bestLevel, n := "", 0
	for l, c := range level {
		if c > n || c == n && l < bestLevel {
			bestLevel, n = l, c
		}
	}
	if n < 2 {
		bestLevel = ""
	}
	if bestLevel != "" {
		has := false
		for name := range cands {
			if strings.HasSuffix(name, bestLevel) && !s.badPlace(name) {
				has = true
			}
		}
		if !has {
			// the text names the place without its suffix (迪庆 … 我州)
			if name := s.bareJurisdiction(bestLevel); name != "" {
				return name
			}
			if n >= 4 {
				// the report clearly speaks from a level it never names (我省,
				// 全省, 省委 … and no 省): it has no jurisdiction, rather than
				// the most named place of another level
				return ""
			}
			bestLevel = ""
		}
	}
	best, bestScore, bestFirst := "", 0.0, 0
	for name, c := range cands {
		if bestLevel != "" && !strings.HasSuffix(name, bestLevel) {
			continue
		}
		if !jurisdictionLevel[s.suffixOf(name)] || (bestLevel == "" && (strings.HasSuffix(name, "镇") || strings.HasSuffix(name, "乡") || strings.HasSuffix(name, "街道") || strings.HasSuffix(name, "社区") || strings.HasSuffix(name, "村"))) {
			continue
		}
		if c.score > bestScore || c.score == bestScore && c.first < bestFirst {
			best, bestScore, bestFirst = name, c.score, c.first
		}
	}
	return best
}

// bareJurisdiction finds a place named without its suffix whose full name
// has the given level (迪庆 + 州).
func (s *state) bareJurisdiction(level string) string {
	count := map[string]int{}
	for i := 0; i+2 <= len(s.t); i++ {
		for _, k := range []int{2, 3} {
			if i+k > len(s.t) || !text.AllHan(s.t[i:i+k]) {
				continue
			}
			stem := string(s.t[i : i+k])
			if i+k < len(s.t) && s.isSuffixRune(s.t[i+k]) || s.isSuffixRune(s.t[i+k-1]) {
				continue
			}
			if !s.leftBoundary(i) && !strings.ContainsRune("在为到赴与和对向让使给从来去望", s.t[i-1]) {
				continue // inside a word or a name (赵武安)
			}
			if s.InPersonName(i) {
				continue // 吴忠华 is a person, not 吴忠
			}
			name := stem + level
			if _, ok := s.Places[name]; ok || s.KnownPlace(name) {
				count[name] += 2
			} else if s.KnownPlace(stem) {
				count[name]++
			}
		}
	}
	best, n := "", 1 // a stem alone must be seen twice
	for name, c := range count {
		if c > n || c == n && name < best {
			best, n = name, c
		}
	}
	return best
}

// headlineSubject returns the town, street, community or village a report
// speaks from when its headline opens with it (the last of a chain that
// opens it: 某县某镇… → 某镇) and the text speaks from its level, that
// level's bodies opening a clause (镇党委书记…, 街道党工委…, 村党总支书记…,
// 社区居委会…); "" otherwise.
func (s *state) headlineSubject() string {
	sents := s.D.Sentences
	if len(sents) < 2 {
		return ""
	}
	h := sents[0]
	if h.Len() > 40 || h.End >= len(s.t) || s.t[h.End] != '\n' || strings.ContainsRune(s.Str(h.Start, h.End), '。') {
		return ""
	}
	name, at := "", h.Start
	for {
		found := false
		for k := at + 1; k < h.End && k <= at+8; k++ {
			if a, b, n := s.placeFrom(k); n != "" && a == at {
				name, at, found = n, b, true
				break
			}
		}
		if !found {
			break
		}
	}
	lv := s.suffixOf(name)
	if name == "" || !townLevel[lv] && !villageLevel[lv] {
		return ""
	}
	for i := h.End; i+len([]rune(lv))+1 < len(s.t); i++ {
		if !s.HasAt(i, lv) || i > 0 && !text.IsPunct(s.t[i-1]) {
			continue
		}
		if e := i + len([]rune(lv)); strings.ContainsRune("党政人委办居两", s.t[e]) {
			return name
		}
	}
	return ""
}
