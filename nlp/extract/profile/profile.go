package profile

import (
	"fmt"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// maxUnknown is how many items a profile may hold that no rule reads
// (毕业于某大学, 1996年7月至2000年7月在某校学习) before it is taken to
// have ended.
const maxUnknown = 2

// read reads the profile that may follow the mention m: items separated by
// commas (or 、) after a comma or an opening bracket right after the name,
// up to the sentence's end, the bracket's close or a word that introduces
// posts (现任, 拟任 …). The first item must be one the rules read, and at
// least two must be (男 alone, after a name, is one too few: 张三,男 could
// open a list of speakers… it cannot, but one item is too little evidence).
func (st *Stage) read(v *text.View, m doc.PersonMention) []doc.Attribute {
	t := v.T
	a := m.End
	if a >= len(t) {
		return nil
	}
	bracket := false
	switch t[a] {
	case ',', '，':
	case '(', '（':
		bracket = true
	default:
		return nil
	}
	sent := v.SentenceOf(m.Start)
	var out []doc.Attribute
	unknown := 0
	for k := a + 1; k < sent.End; {
		if st.stop.HasPrefixAt(t, k) {
			break
		}
		e := k
		for e < sent.End && !itemEnd(t[e]) {
			e++
		}
		if e == k {
			break
		}
		attrs := st.item(v, k, e)
		if len(attrs) == 0 {
			if len(out) == 0 {
				return nil // the first item is no profile item: no profile
			}
			unknown++
			if unknown > maxUnknown {
				break
			}
		}
		for _, at := range attrs {
			at.Person, at.Evidence = m.Name, sent
			out = append(out, at)
		}
		if e >= sent.End || bracket && (t[e] == ')' || t[e] == '）') || !bracket && (t[e] == ')' || t[e] == '）') {
			break
		}
		k = e + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// itemEnd reports whether r ends a profile item.
func itemEnd(r rune) bool {
	switch r {
	case ',', '，', '、', ';', '；', ')', '）', '。', '\n':
		return true
	}
	return false
}

// item reads the item [a, b): the attributes it states (a few items state
// two: 1975年3月出生于四川仁寿).
func (st *Stage) item(v *text.View, a, b int) []doc.Attribute {
	s := v.Str(a, b)
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	at := func(kind, value string) []doc.Attribute {
		return []doc.Attribute{{Kind: kind, Value: value, Span: text.Span(a, b), Rule: RulePrefix + kind}}
	}
	switch {
	case s == "男" || s == "女":
		return at(doc.AttrGender, s)
	case st.whole(st.ethnicity, s):
		return at(doc.AttrEthnicity, s)
	case st.whole(st.party, s):
		return at(doc.AttrParty, s)
	}
	if ym, rest, ok := yearMonth(s); ok {
		switch rest {
		case "生", "出生", "生人":
			return at(doc.AttrBirth, ym)
		case "参加工作":
			return at(doc.AttrWorkSince, ym)
		case "入党", "加入中国共产党", "加入中共":
			return at(doc.AttrPartySince, ym)
		}
		return nil
	}
	if strings.HasPrefix(s, "生于") {
		if ym, rest, ok := yearMonth(strings.TrimPrefix(s, "生于")); ok && rest == "" {
			return at(doc.AttrBirth, ym)
		}
	}
	if e := st.educationOf(s); e != "" {
		return at(doc.AttrEducation, e)
	}
	if degree(s) {
		return at(doc.AttrDegree, s)
	}
	if p := st.nativePlace(s); p != "" {
		return at(doc.AttrNative, p)
	}
	return nil
}

// whole reports whether s is exactly one word of tr.
func (st *Stage) whole(tr interface {
	LongestAt([]rune, int) (int, string)
}, s string) bool {
	rs := []rune(s)
	n, _ := tr.LongestAt(rs, 0)
	return n == len(rs)
}

// yearMonth reads a leading 1975年3月 (or 1975年 alone, 1975.03) and
// returns it as 1975-03 (1975) with what follows.
func yearMonth(s string) (ym, rest string, ok bool) {
	rs := []rune(s)
	n, y := text.Number(rs, 0)
	if n != 4 || y < 1900 || y > 2100 || n >= len(rs) {
		return "", "", false
	}
	k := n
	if rs[k] != '年' && rs[k] != '.' {
		return "", "", false
	}
	k++
	me, mo := text.Number(rs, k)
	mn := me - k
	if mn == 0 || mo < 1 || mo > 12 {
		if rs[n] == '.' {
			return "", "", false
		}
		return fmt.Sprintf("%04d", y), string(rs[k:]), true
	}
	k += mn
	if k < len(rs) && rs[k] == '月' {
		k++
	} else if rs[n] == '年' {
		return "", "", false
	}
	return fmt.Sprintf("%04d-%02d", y, mo), string(rs[k:]), true
}

// educationOf reads a schooling item: [在职|全日制] + a level of the
// lexicon + 学历|文化|文化程度 (研究生学历, 大学文化), or any item that ends
// in 学历 (省委党校研究生学历). It returns the item, or "".
func (st *Stage) educationOf(s string) string {
	if strings.HasSuffix(s, "学历") && len([]rune(s)) > 2 {
		return s
	}
	core := strings.TrimPrefix(strings.TrimPrefix(s, "在职"), "全日制")
	for _, suf := range []string{"文化程度", "文化"} {
		if lvl, ok := strings.CutSuffix(core, suf); ok && st.whole(st.education, lvl) {
			return s
		}
	}
	return ""
}

// degree reports whether s is a degree: …学位, or a field's 博士/硕士/学士
// (管理学博士, 工商管理硕士).
func degree(s string) bool {
	if strings.HasSuffix(s, "学位") && len([]rune(s)) > 2 {
		return true
	}
	for _, d := range []string{"博士", "硕士", "学士"} {
		if strings.HasSuffix(s, d) && len([]rune(s)) <= 8 {
			return true
		}
	}
	return false
}

// nativePlace reads a native-place item: PLACE人 (四川仁寿人, 河北省沧州市人)
// or 籍贯PLACE, where PLACE starts with a place the lexicon knows. It
// returns PLACE, or "".
func (st *Stage) nativePlace(s string) string {
	place := ""
	switch {
	case strings.HasPrefix(s, "籍贯"):
		place = strings.TrimPrefix(strings.TrimPrefix(s, "籍贯"), ":")
	case strings.HasSuffix(s, "人"):
		place = strings.TrimSuffix(s, "人")
	default:
		return ""
	}
	rs := []rune(place)
	if len(rs) < 2 || len(rs) > 12 || !text.AllHan(rs) {
		return ""
	}
	for n := 2; n <= len(rs) && n <= 6; n++ {
		if st.lx.KnownPlace(string(rs[:n])) {
			return place
		}
	}
	return ""
}
