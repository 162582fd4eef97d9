package gazetteer

import (
	"os"
	"regexp"
	"runtime"
	"strconv"
	"testing"
	"time"
)

func first(t *testing.T, g *Gazetteer, name string) Match {
	t.Helper()
	ms := g.Lookup(name)
	if len(ms) == 0 {
		t.Fatalf("Lookup(%q): no match", name)
	}
	return ms[0]
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		desc, name string
		wantName   string
		wantKind   Kind
		wantLevel  Level
		wantParent string // name of the parent, "" for none
	}{
		{"autonomous prefecture by stem+州", "甘南州", "甘南藏族自治州", Short, Prefecture, "甘肃省"},
		{"autonomous prefecture by stem", "甘南", "甘南藏族自治州", Short, Prefecture, "甘肃省"},
		{"autonomous county by stem+县", "长阳县", "长阳土家族自治县", Short, County, "宜昌市"},
		{"banner with 左翼 abbreviated", "科左中旗", "科尔沁左翼中旗", Abbrev, County, "通辽市"},
		{"autonomous region without its ethnic part", "广西", "广西壮族自治区", Short, Province, ""},
		{"新疆 without 维吾尔", "新疆", "新疆维吾尔自治区", Short, Province, ""},
		{"municipality by short form", "北京", "北京市", Short, Province, ""},
		{"municipality district parented to the municipality", "东城区", "东城区", Full, County, "北京市"},
		{"hand-kept former name", "静海县", "静海区", Former, County, "天津市"},
		{"generated former name (stem rule)", "密云县", "密云区", Former, County, "北京市"},
		{"former prefecture 地区 → 市", "那曲地区", "那曲市", Former, Prefecture, "西藏自治区"},
		{"province-administered county-level city", "济源市", "济源市", Full, County, "河南省"},
		{"township of 东莞, whose placeholder county is skipped", "虎门镇", "虎门镇", Full, Township, "东莞市"},
		{"township by full name", "东华门街道", "东华门街道", Full, Township, "东城区"},
		{"new area by stem", "浦东", "浦东新区", Short, County, "上海市"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			m := first(t, g, tt.name)
			if m.Div.Name != tt.wantName || m.Kind != tt.wantKind || m.Div.Level != tt.wantLevel {
				t.Fatalf("Lookup(%q)[0] = %s %v %v, want %s %v %v", tt.name, m.Div, m.Kind, m.Div.Level, tt.wantName, tt.wantKind, tt.wantLevel)
			}
			p := g.Parent(m.Div)
			if got := ""; p != nil {
				got = p.Name
				if got != tt.wantParent {
					t.Fatalf("parent of %s = %s, want %s", m.Div, got, tt.wantParent)
				}
			} else if tt.wantParent != "" {
				t.Fatalf("parent of %s = nil, want %s", m.Div, tt.wantParent)
			}
		})
	}
}

func TestBannerAbbreviationIsAmbiguousButRankable(t *testing.T) {
	g := Default()
	ms := g.Lookup("达旗") // 达拉特旗 and 达尔罕茂明安联合旗 both give 达旗
	found := false
	for _, m := range ms {
		if m.Div.Name == "达拉特旗" && m.Kind == Abbrev {
			found = true
		}
	}
	if !found || len(ms) < 2 {
		t.Fatalf("达旗 = %v, want 达拉特旗 (abbrev) among several", ms)
	}
	ordos := first(t, g, "鄂尔多斯市").Div
	if g.Rank(ms, ordos)[0].Div.Name != "达拉特旗" {
		t.Errorf("达旗 under 鄂尔多斯市 = %v, want 达拉特旗 first", ms)
	}
}

func TestBeijingChildrenAreDistricts(t *testing.T) {
	g := Default()
	bj, ok := g.ByCode("110000")
	if !ok || bj.Name != "北京市" || bj.Level != Province {
		t.Fatalf("ByCode(110000) = %v %v", bj, ok)
	}
	kids := g.Children(bj)
	if len(kids) != 16 {
		t.Errorf("北京市 has %d children, want 16 districts", len(kids))
	}
	for _, k := range kids {
		if k.Level != County || k.Name == "市辖区" {
			t.Errorf("child %s level %v", k, k.Level)
		}
	}
	if len(g.Children(nil)) != 31 {
		t.Errorf("Children(nil) = %d provinces, want 31", len(g.Children(nil)))
	}
}

func TestTownshipAndItsCounty(t *testing.T) {
	g := Default()
	ms := g.Lookup("芦台街道")
	if len(ms) == 0 {
		t.Fatal("芦台街道 not found")
	}
	d := ms[0].Div
	anc := g.Ancestors(d)
	if len(anc) != 2 || anc[0].Name != "宁河区" || anc[1].Name != "天津市" {
		t.Fatalf("Ancestors(%s) = %v, want [宁河区 天津市]", d, anc)
	}
	if !g.Under(d, anc[1]) || g.Under(anc[1], d) || g.Under(d, d) {
		t.Error("Under is wrong")
	}
	if d2, ok := g.ByCode(d.Code + "000"); !ok || d2 != d {
		t.Errorf("ByCode(12-digit) = %v", d2)
	}
}

func TestAmbiguousShortFormRanked(t *testing.T) {
	g := Default()
	ms := g.Lookup("朝阳")
	if len(ms) < 3 {
		t.Fatalf("朝阳: %d matches, want several", len(ms))
	}
	if ms[0].Div.Name != "朝阳市" || ms[0].Div.Level != Prefecture {
		t.Errorf("朝阳 first = %s, want the prefecture 朝阳市", ms[0].Div)
	}
	for i := 1; i < len(ms); i++ {
		if less(ms[i], ms[i-1]) {
			t.Fatalf("not ranked at %d: %s before %s", i, ms[i-1].Div, ms[i].Div)
		}
	}
	bj := first(t, g, "北京市").Div
	g.Rank(ms, bj)
	if ms[0].Div.Name != "朝阳区" || !g.Under(ms[0].Div, bj) {
		t.Errorf("朝阳 ranked under 北京市 first = %s, want 朝阳区", ms[0].Div)
	}
}

func TestLongestAt(t *testing.T) {
	g := Default()
	text := []rune("甘南州和达旗的干部在静海县座谈")
	tests := []struct {
		at   int
		want string
		kind Kind
	}{
		{0, "甘南藏族自治州", Short},
		{4, "达尔罕茂明安联合旗", Abbrev}, // 达旗 is ambiguous; Rank picks by region
		{10, "静海区", Former},
	}
	for _, tt := range tests {
		n, ms := g.LongestAt(text, tt.at)
		if n == 0 || ms[0].Div.Name != tt.want || ms[0].Kind != tt.kind {
			t.Errorf("LongestAt(%d) = %d %v, want %s (%v)", tt.at, n, ms, tt.want, tt.kind)
			continue
		}
		t.Logf("at %d: %q → %s %v", tt.at, string(text[tt.at:tt.at+n]), ms[0].Div, ms[0].Kind)
	}
	if n, _ := g.LongestAt(text, 0); n != 3 {
		t.Errorf("LongestAt(0) n = %d, want 3 (甘南州, not 甘南)", n)
	}
	if n, ms := g.LongestAt(text, 3); n != 0 || ms != nil {
		t.Errorf("LongestAt at 和 = %d %v, want none", n, ms)
	}
	n, _ := g.LongestAtFunc(text, 0, func(m Match) bool { return m.Kind == Full })
	if n != 0 {
		t.Errorf("LongestAtFunc(full only) at 甘南州 = %d, want 0", n)
	}
	if a := testing.AllocsPerRun(100, func() { g.LongestAt(text, 10) }); a != 0 {
		t.Errorf("LongestAt allocates %v per call", a)
	}
}

func TestCountsMatchSource(t *testing.T) {
	src, err := os.ReadFile("data/SOURCE.md")
	if err != nil {
		t.Fatal(err)
	}
	g := Default()
	got := map[Level]int{}
	g.All(func(d *Division) bool { got[d.Level]++; return true })
	for _, l := range []Level{Province, Prefecture, County, Township} {
		m := regexp.MustCompile(`(?m)^- ` + l.String() + `: (\d+)$`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("SOURCE.md has no count for %v", l)
		}
		want, _ := strconv.Atoi(string(m[1]))
		if got[l] != want {
			t.Errorf("%v: table has %d, SOURCE.md says %d", l, got[l], want)
		}
	}
}

func TestEveryParentExists(t *testing.T) {
	g := Default()
	g.All(func(d *Division) bool {
		if d.Level == Province {
			return true
		}
		p := g.Parent(d)
		if p == nil || p.Level >= d.Level {
			t.Errorf("%s: parent %v", d, p)
		}
		return true
	})
}

// TestLoadFigures prints (does not assert) the cost of Default() plus a
// first lookup, in a fresh gazetteer.
func TestLoadFigures(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := load(divisionsGz, formerTSV, formerExtra)
	if err != nil {
		t.Fatal(err)
	}
	_ = g.Lookup("甘南州")
	el := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("load + first lookup: %v; live heap after load %.1f MB (total allocated %.1f MB); %d divisions, %d names",
		el, float64(after.HeapAlloc-before.HeapAlloc)/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6, g.Len(), len(g.keys))
	runtime.KeepAlive(g)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(divisionsGz, formerTSV, formerExtra); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLongestAt(b *testing.B) {
	g := Default()
	text := []rune("甘肃省甘南藏族自治州夏河县拉卜楞镇召开会议，静海县和达旗的代表参加")
	b.ReportAllocs()
	for b.Loop() {
		for i := range text {
			g.LongestAt(text, i)
		}
	}
}
