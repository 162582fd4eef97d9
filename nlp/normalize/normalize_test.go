package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"github.com/kg-cn/kg/nlp/doc"
)

func newNormalizer(t testing.TB) *Normalizer {
	t.Helper()
	n, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// span asks that the first occurrence of Out in the normalised text map
// back to exactly Raw in the raw text.
type span struct{ Out, Raw string }

func TestNormalize(t *testing.T) {
	n := newNormalizer(t)
	tests := []struct {
		name  string
		raw   string
		want  string
		spans []span
	}{
		{
			name:  "traditional with pinyin annotations",
			raw:   "靜海區(qū)召開2021年度武裝工作會(huì)議",
			want:  "静海区召开2021年度武装工作会议",
			spans: []span{{"静海区", "靜海區"}, {"区", "區"}, {"召开", "召開"}, {"会议", "會(huì)議"}, {"议", "議"}},
		},
		{
			name:  "a variant character that OpenCC leaves (陜 of 陝)",
			raw:   "在陜西延安考察時",
			want:  "在陕西延安考察时",
			spans: []span{{"陕西", "陜西"}},
		},
		{
			name:  "pinyin annotations in phrases",
			raw:   "總結(jié)經驗，進(jìn)行部署，鄉(xiāng)鎮(zhèn)(街)黨委",
			want:  "总结经验,进行部署,乡镇(街)党委",
			spans: []span{{"总结", "總結"}, {"进行", "進(jìn)行"}, {"乡镇", "鄉(xiāng)鎮"}, {"(街)", "(街)"}},
		},
		{
			name:  "pinyin in full-width parentheses and with tone numbers",
			raw:   "區（qū）委會(hui4)議",
			want:  "区委会议",
			spans: []span{{"委", "委"}, {"区委", "區（qū）委"}},
		},
		{
			name: "pinyin in decomposed form",
			raw:  "區(qu\u0304)委",
			want: "区委",
		},
		{
			name: "parentheses that are not pinyin stay",
			raw:  "区委(扩大)会议(2021),(记者 王明)(ABC)(完)(Abc)(ment)",
			want: "区委(扩大)会议(2021),(记者 王明)(ABC)(完)(Abc)(ment)",
		},
		{
			name: "toneless syllables stay in ordinary text",
			raw:  "方案(a)和人工智能(ai)及(an)",
			want: "方案(a)和人工智能(ai)及(an)",
		},
		{
			name:  "toneless syllables go when the text has tone-marked annotations",
			raw:   "會(huì)議的(de)精神(a)",
			want:  "会议的精神(a)",
			spans: []span{{"的", "的"}},
		},
		{
			name:  "html tags and entities",
			raw:   `<p class="x">某某区召开会议</p><br/>会议指出&nbsp;&nbsp;要&ldquo;抓落实&rdquo;&amp;&#x4e2d;&#20013;<img src="a.jpg" alt="图片">完<!-- c -->。`,
			want:  "某某区召开会议\n会议指出 要“抓落实”&中中完。",
			spans: []span{{"“", "&ldquo;"}, {"”", "&rdquo;"}, {"&", "&amp;"}, {"中中", "&#x4e2d;&#20013;"}, {" ", "&nbsp;&nbsp;"}, {"\n", "</p><br/>"}, {"完。", "完<!-- c -->。"}},
		},
		{
			name:  "double-escaped entities and entities without semicolon",
			raw:   "甲&amp;nbsp;乙&amp;lt;丙&nbsp丁&foo;戊&#;己&",
			want:  "甲 乙<丙 丁&foo;戊&#;己&",
			spans: []span{{" ", "&amp;nbsp;"}, {"<", "&amp;lt;"}},
		},
		{
			name:  "escaped markup is text",
			raw:   `&lt;p&gt;甲&amp00;乙&semi;<a title="中文标题">链接</a>`,
			want:  "<p>甲&amp00;乙;链接",
			spans: []span{{"<p>", "&lt;p&gt;"}, {"链接", "链接"}, {";链", `&semi;<a title="中文标题">链`}},
		},
		{
			name: "angle brackets that are not tags stay",
			raw:  "a < b, 5<6, <人民日报>, x<y",
			want: "a < b, 5<6, <人民日报>, x<y",
		},
		{
			name: "tags do not cross lines",
			raw:  "甲<p\n乙>丙",
			want: "甲<p\n乙>丙",
		},
		{
			name:  "zero-width and control characters",
			raw:   "\ufeff王\u200b明\u200d书记\u00ad同志\u2060a\x00b\x07c\u202e\ufe0f",
			want:  "王明书记同志abc",
			spans: []span{{"明", "明"}, {"同志", "同志"}},
		},
		{
			name:  "line endings",
			raw:   "第一行\r\n第二行\r第三行\u2028第四行",
			want:  "第一行\n第二行\n第三行\n第四行",
			spans: []span{{"\n", "\r\n"}},
		},
		{
			name:  "full-width forms",
			raw:   "（扩大）会议，１２月：甲；乙。ＡＢＣ！？　《决定》、【通知】“好”…—",
			want:  "(扩大)会议,12月:甲;乙。ABC!? 《决定》、【通知】“好”…—",
			spans: []span{{"12", "１２"}, {"(扩大)", "（扩大）"}},
		},
		{
			name:  "whitespace",
			raw:   "  第一行  \t 内容 \n\n \n  第二行\u00a0\u3000王  健\t\n",
			want:  "第一行 内容\n第二行 王 健",
			spans: []span{{" ", "  \t "}, {"\n", " \n\n \n  "}, {"王 健", "王  健"}},
		},
		{
			name:  "doubled punctuation",
			raw:   "会议,,强调。。要求、、落实，，发展……改革——开放::",
			want:  "会议,强调。要求、落实,发展……改革——开放:",
			spans: []span{{"。", "。。"}, {",", ",,"}},
		},
		{
			name: "simplified text is unchanged",
			raw:  "干部发展会议,乾隆年间于是萧乾、王丙乾出席。三塚博买蒜薹,覆盖著名。",
			want: "干部发展会议,乾隆年间于是萧乾、王丙乾出席。三塚博买蒜薹,覆盖著名。",
		},
		{
			name: "one traditional sentence in simplified text",
			raw: "国务院副总理王丙乾出席了今天召开的全国经济工作会议并发表重要讲话,会议听取了各部门的工作汇报。" +
				"萧乾先生的作品受到欢迎。他说:「臺灣同胞來訪。」",
			want: "国务院副总理王丙乾出席了今天召开的全国经济工作会议并发表重要讲话,会议听取了各部门的工作汇报。" +
				"萧乾先生的作品受到欢迎。他说:「台湾同胞来访。」",
			spans: []span{{"台湾", "臺灣"}},
		},
		{
			name:  "traditional text with ambiguous characters",
			raw:   "藺雪峰於是講話。乾隆年間。蕭乾。天氣乾燥。",
			want:  "蔺雪峰于是讲话。乾隆年间。萧乾。天气干燥。",
			spans: []span{{"蔺雪峰", "藺雪峰"}},
		},
		{
			name: "invalid UTF-8",
			raw:  "a\xffb\xe4\xb8",
			want: "a\ufffdb\ufffd\ufffd",
		},
		{
			name: "empty",
			raw:  "",
			want: "",
		},
		{
			name: "only whitespace and markup",
			raw:  " \n\t<br>&nbsp;\u200b\r\n ",
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, offs := n.Normalize(tc.raw)
			if got := string(text); got != tc.want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tc.raw, got, tc.want)
			}
			checkInvariants(t, tc.raw, text, offs)
			for _, sp := range tc.spans {
				i := runeIndex(text, sp.Out)
				if i < 0 {
					t.Errorf("%q not in output %q", sp.Out, string(text))
					continue
				}
				rs := offs.RawSpan(doc.Span{Start: i, End: i + utf8.RuneCountInString(sp.Out)})
				if got := string([]rune(tc.raw)[rs.Start:rs.End]); got != sp.Raw {
					t.Errorf("output %q maps to raw %q, want %q", sp.Out, got, sp.Raw)
				}
			}
		})
	}
}

// runeIndex returns the rune index of the first occurrence of sub in text,
// or -1.
func runeIndex(text []rune, sub string) int {
	s := string(text)
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:i])
}

// checkInvariants checks the offsets contract and the shape of the output.
func checkInvariants(t testing.TB, raw string, text []rune, offs doc.Offsets) {
	t.Helper()
	total := len([]rune(raw))
	if offs.Total != total {
		t.Fatalf("Total = %d, want %d", offs.Total, total)
	}
	if len(offs.Start) != len(text) || len(offs.End) != len(text) {
		t.Fatalf("len(Start) = %d, len(End) = %d, len(text) = %d", len(offs.Start), len(offs.End), len(text))
	}
	for i := range text {
		s, e := offs.Start[i], offs.End[i]
		if s < 0 || s >= e || e > total {
			t.Fatalf("rune %d %q: bad span [%d,%d) of %d", i, text[i], s, e, total)
		}
		if i > 0 && s < offs.Start[i-1] {
			t.Fatalf("rune %d: Start %d < previous Start %d", i, s, offs.Start[i-1])
		}
		// Spans do not overlap, except that the runes of one decoded
		// character reference share its start.
		if i > 0 && (e < offs.End[i-1] || s < offs.End[i-1] && s != offs.Start[i-1]) {
			t.Fatalf("rune %d: span [%d,%d) overlaps previous [%d,%d)", i, s, e, offs.Start[i-1], offs.End[i-1])
		}
	}
	for i, r := range text {
		switch {
		case r == '\r' || r == '\t' || r == 0xfeff || r >= 0x200b && r <= 0x200f || r == 0xad:
			t.Fatalf("rune %d: %U left in output", i, r)
		case r < 0x20 && r != '\n':
			t.Fatalf("rune %d: control %U left in output", i, r)
		case r >= 0xff01 && r <= 0xff5e:
			t.Fatalf("rune %d: full-width %q left in output", i, r)
		}
		if i == 0 || i == len(text)-1 {
			if r == ' ' || r == '\n' {
				t.Fatalf("leading or trailing whitespace in %q", string(text))
			}
		}
		if i > 0 {
			p := text[i-1]
			if (r == ' ' || r == '\n') && (p == ' ' || p == '\n') {
				t.Fatalf("rune %d: whitespace run %q", i, string(text[i-1:i+1]))
			}
			if r == p && collapsible(r) {
				t.Fatalf("rune %d: doubled %q", i, r)
			}
		}
	}
}

func TestProcess(t *testing.T) {
	n := newNormalizer(t)
	d := &doc.Document{Raw: "靜海區(qū)委書記藺雪峰"}
	if err := n.Process(d); err != nil {
		t.Fatal(err)
	}
	if got, want := string(d.Text), "静海区委书记蔺雪峰"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if d.Offsets.Total != len([]rune(d.Raw)) || len(d.Offsets.Start) != len(d.Text) {
		t.Errorf("bad offsets %+v", d.Offsets)
	}
	if err := n.Process(nil); err == nil {
		t.Error("Process(nil) succeeded")
	}
}

func TestZeroNormalizer(t *testing.T) {
	var n *Normalizer
	text, _ := n.Normalize("靜海區")
	if string(text) != "静海区" {
		t.Errorf("nil Normalizer: %q", string(text))
	}
	text, _ = (&Normalizer{}).Normalize("靜海區")
	if string(text) != "静海区" {
		t.Errorf("zero Normalizer: %q", string(text))
	}
}

func TestSyllables(t *testing.T) {
	if len(syllables) < 400 {
		t.Errorf("only %d pinyin syllables", len(syllables))
	}
	for _, s := range []string{"a", "zhuang", "qu", "lv", "nve", "er", "shei"} {
		if _, ok := syllables[s]; !ok {
			t.Errorf("syllable %q missing", s)
		}
	}
	for _, s := range []string{"abc", "ment", "x", "qo", "v"} {
		if _, ok := syllables[s]; ok {
			t.Errorf("%q is not a syllable", s)
		}
	}
}

// TestT2SMatchesOpenCC checks the rune-aligned conversion against
// opencc.Convert itself, on every dictionary entry and on running text.
func TestT2SMatchesOpenCC(t *testing.T) {
	tab, err := loadT2S()
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.chars) < 4000 || len(tab.phrases) < 100 {
		t.Fatalf("dictionaries look short: %d characters, %d phrase heads", len(tab.chars), len(tab.phrases))
	}
	cc, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	variants := parseVariants(variantsData) // ours, on top of OpenCC's
	var inputs []string
	for k := range tab.chars {
		if _, ok := variants[k]; !ok {
			inputs = append(inputs, string(k))
		}
	}
	for _, ps := range tab.phrases {
		for _, p := range ps {
			if len(p.key) <= 10 { // opencc.Convert looks at most 10 runes ahead
				inputs = append(inputs, string(p.key), "中"+string(p.key)+"國")
			}
		}
	}
	inputs = append(inputs,
		"靜海區委書記藺雪峰主持會議並講話，強調要堅持黨對武裝工作的絕對領導",
		"乾隆年間，天氣乾燥，於是蕭乾先生來訪；後來發現頭髮裡有隻蟲",
	)
	for _, in := range inputs {
		want, err := cc.Convert(in)
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(in)
		tab.convertSpan(rs)
		if got := string(rs); got != want {
			t.Errorf("convert(%q) = %q, OpenCC gives %q", in, got, want)
		}
	}
}

func TestConcurrent(t *testing.T) {
	n := newNormalizer(t)
	raw := "靜海區(qū)召開2021年度武裝工作會(huì)議&nbsp;<br>"
	want, _ := n.Normalize(raw)
	done := make(chan string)
	for range 8 {
		go func() {
			text, _ := n.Normalize(raw)
			done <- string(text)
		}()
	}
	for range 8 {
		if got := <-done; got != string(want) {
			t.Errorf("concurrent Normalize = %q, want %q", got, string(want))
		}
	}
}
