package pipeline

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	sharedOnce sync.Once
	sharedP    *Pipeline
	sharedErr  error
)

func testPipeline(t *testing.T) *Pipeline {
	t.Helper()
	sharedOnce.Do(func() { sharedP, sharedErr = New(Options{}) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedP
}

// facts flattens an extraction into sorted "PERSON | POST" (HOLDS) and
// "PERSON | ROLE" lines for comparison.
func facts(x *doc.Extraction, types ...string) []string {
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	want := map[string]bool{}
	for _, t := range types {
		want[t] = true
	}
	var out []string
	for _, r := range x.Relations {
		if !want[r.Type] {
			continue
		}
		line := names[r.From] + " | " + names[r.To]
		if r.Type != doc.RelHolds {
			line = names[r.From] + " | " + r.Type
		}
		if r.Start != nil {
			line += " | start " + *r.Start
		}
		if r.End != nil {
			line += " | end " + *r.End
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return dedupe(out)
}

func dedupe(xs []string) []string {
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// names returns the sorted names of the entities of a type.
func names(x *doc.Extraction, typ string) []string {
	var out []string
	for _, e := range x.Entities {
		if e.Type == typ {
			out = append(out, e.Name)
		}
	}
	sort.Strings(out)
	return out
}

func persons(x *doc.Extraction) []string { return names(x, doc.TypePerson) }

func places(x *doc.Extraction) []string { return names(x, doc.TypePlace) }

func TestPostsAreCanonicalised(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		name, date, text string
		holds            []string
	}{
		{
			name:  "abbreviated district committee takes the jurisdiction",
			text:  "3月2日上午,青山区召开全区经济工作会议。区委书记柯文杰出席会议并讲话。",
			holds: []string{"柯文杰 | 青山区委书记"},
		},
		{
			name:  "a chain gives one post per item and a bare deputy head takes the jurisdiction",
			text:  "3月2日,青山区召开会议。区委常委、副区长禚立群主持会议。",
			holds: []string{"禚立群 | 青山区副区长", "禚立群 | 青山区委常委"},
		},
		{
			name:  "a shortened item takes the organisation of the item before",
			text:  "青山区召开会议。区委常委、组织部长闵晓东,区政协党组书记、主席邢德福出席。",
			holds: []string{"邢德福 | 青山区政协主席", "邢德福 | 青山区政协党组书记", "闵晓东 | 青山区委常委", "闵晓东 | 青山区委组织部长"},
		},
		{
			name:  "one title before a list of names gives each the post",
			text:  "青山区召开会议。区政协副主席曹立新、欧阳明珠、蔺海涛出席会议。",
			holds: []string{"曹立新 | 青山区政协副主席", "欧阳明珠 | 青山区政协副主席", "蔺海涛 | 青山区政协副主席"},
		},
		{
			name:  "a place written twice collapses and a head is PLACE+长",
			text:  "8月3日,松河市市委书记任建斌主持召开会议。松河市长冯立国出席。",
			holds: []string{"任建斌 | 松河市委书记", "冯立国 | 松河市长"},
		},
		{
			name:  "a title that names its own organisation keeps it",
			text:  "青山区召开会议。团泊镇党委书记齐丽君,青山供电集团党委副书记邬振华参加会议。",
			holds: []string{"邬振华 | 青山供电集团党委副书记", "齐丽君 | 团泊镇党委书记"},
		},
		{
			name: "a collective word introduces names without posts",
			text: "青山区召开会议。区领导罗永康、尚德明、谷春燕出席。",
		},
		{
			name:  "a town's report: the town is the jurisdiction and 镇长 is TOWN+长",
			text:  "3月5日，花桥镇召开2024年度工作会议。镇党委书记章立群出席会议并讲话，镇长季红梅主持会议。",
			holds: []string{"季红梅 | 花桥镇长", "章立群 | 花桥镇党委书记"},
		},
		{
			name:  "a street's report: a shortened local body takes the street",
			text:  "4月2日上午，五里店街道召开党建工作会议。街道党工委书记闵雪松出席并讲话，街道党工委副书记、办事处主任邢海燕主持会议。",
			holds: []string{"邢海燕 | 五里店街道党工委副书记", "邢海燕 | 五里店街道办事处主任", "闵雪松 | 五里店街道党工委书记"},
		},
		{
			name:  "a county whose name is one character",
			text:  "6月1日，歙县召开全县文旅工作会议，县委书记禚立新出席会议并讲话。",
			holds: []string{"禚立新 | 歙县委书记"},
		},
		{
			name:  "appointment and removal give a start and an end dated by the meeting",
			date:  "2023-05-31",
			text:  "2023年5月30日,松河市人大常委会召开第九次会议。会议决定任命韩志远同志为松河市人民政府副市长;接受郝春生同志辞去松河市人民政府副市长职务的请求。",
			holds: []string{"郝春生 | 松河市人民政府副市长 | end 2023-05-30", "韩志远 | 松河市人民政府副市长 | start 2023-05-30"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := p.Extract(doc.Meta{ID: "t", Date: tt.date}, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			got := facts(x, doc.RelHolds)
			if strings.Join(got, "\n") != strings.Join(tt.holds, "\n") {
				t.Errorf("HOLDS\n got: %q\nwant: %q", got, tt.holds)
			}
		})
	}
}

func TestPersonsAndRoles(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		name, text string
		persons    []string
		roles      []string
	}{
		{
			name:    "chaired, spoke and attended, with everyone who chaired or spoke attending",
			text:    "1月22日下午,青山区召开2021年度武装工作会议。区委书记蔺雪松出席会议并讲话。区委常委、区人武部政委李建中主持会议。",
			persons: []string{"李建中", "蔺雪松"},
			roles:   []string{"李建中 | ATTENDED", "李建中 | CHAIRED", "蔺雪松 | ATTENDED", "蔺雪松 | SPOKE_AT"},
		},
		{
			name:    "a later name-only mention with a remark verb speaks at the event",
			text:    "1月22日下午,青山区召开全区工作会议。区长曲海林出席会议。曲海林指出,要抓好落实。",
			persons: []string{"曲海林"},
			roles:   []string{"曲海林 | ATTENDED", "曲海林 | SPOKE_AT"},
		},
		{
			name:    "bylines and doctrine sources are not persons",
			text:    "本报讯(记者 王晓明 通讯员 赵一凡)3月5日,青山区召开会议,学习习近平新时代中国特色社会主义思想。区委书记柯文杰出席。",
			persons: []string{"柯文杰"},
			roles:   []string{"柯文杰 | ATTENDED"},
		},
		{
			name:    "subjects listed over several clauses share the verb",
			text:    "青山区召开表彰大会。青山区长冯立国,区委副书记谷春燕,区人大常委会主任尚德明出席大会。",
			persons: []string{"冯立国", "尚德明", "谷春燕"},
			roles:   []string{"冯立国 | ATTENDED", "尚德明 | ATTENDED", "谷春燕 | ATTENDED"},
		},
		{
			name:    "a transcribed name with a middle dot after a title",
			text:    "自治区政协召开党组会议。自治区政协主席阿不都热合曼·买买提主持会议并讲话。",
			persons: []string{"阿不都热合曼·买买提"},
			roles:   []string{"阿不都热合曼·买买提 | ATTENDED", "阿不都热合曼·买买提 | CHAIRED", "阿不都热合曼·买买提 | SPOKE_AT"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := p.Extract(doc.Meta{ID: "t", Date: "2021-01-23"}, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := persons(x); strings.Join(got, ",") != strings.Join(tt.persons, ",") {
				t.Errorf("persons\n got: %q\nwant: %q", got, tt.persons)
			}
			got := facts(x, doc.RelChaired, doc.RelSpokeAt, doc.RelAttended)
			if strings.Join(got, "\n") != strings.Join(tt.roles, "\n") {
				t.Errorf("roles\n got: %q\nwant: %q", got, tt.roles)
			}
		})
	}
}

// TestEvidenceSpansTheRawText checks that every evidence span lies inside
// the raw text and is the text it claims, on traditional text with pinyin.
func TestEvidenceSpansTheRawText(t *testing.T) {
	p := testPipeline(t)
	raw := "1月22日下午,青山區(qū)召開2021年度武裝工作會(huì)議。區(qū)委書記蔺雪松出席會(huì)議並講話。"
	x, err := p.Extract(doc.Meta{ID: "t", Date: "2021-01-23"}, raw)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(raw)
	if len(x.Relations) == 0 {
		t.Fatal("no relations")
	}
	for _, r := range x.Relations {
		ev := r.Evidence
		if ev.Start < 0 || ev.End > len(rs) || ev.Start >= ev.End {
			t.Fatalf("%s: span [%d,%d) outside the raw text of %d runes", r.Type, ev.Start, ev.End, len(rs))
		}
		if string(rs[ev.Start:ev.End]) != ev.Text {
			t.Errorf("%s: evidence text %q is not raw[%d:%d] = %q", r.Type, ev.Text, ev.Start, ev.End, string(rs[ev.Start:ev.End]))
		}
	}
	if got := facts(x, doc.RelHolds); len(got) != 1 || got[0] != "蔺雪松 | 青山区委书记" {
		t.Errorf("HOLDS from traditional text: %q", got)
	}
}

// TestGolden extracts every report in testdata/ and compares the JSON with
// testdata/<name>.golden.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	p := testPipeline(t)
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			id := strings.TrimSuffix(filepath.Base(f), ".txt")
			x, err := p.Extract(doc.Meta{ID: id, Source: "testdata/" + id + ".txt", Date: "2024-03-15"}, string(raw))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(x, "", "  ")
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("extraction of %s differs from %s (go test -update rewrites it after review)", f, golden)
			}
		})
	}
}

// TestDocumentMentionsMapToTheRawText checks the annotation layer: every
// mention is a span of the normalised text whose raw span holds the same
// name in the original script.
func TestDocumentMentionsMapToTheRawText(t *testing.T) {
	p := testPipeline(t)
	raw := "1月22日下午,青山區(qū)召開會議。區委書記蔺雪松出席。蔺雪松指出,要抓落實。"
	d, err := p.Run(doc.Meta{ID: "t", Date: "2021-01-23"}, raw)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(raw)
	kinds := map[doc.MentionKind]int{}
	for _, m := range d.Mentions {
		kinds[m.Kind]++
		r := d.Offsets.RawSpan(m.Span)
		if r.Start < 0 || r.End > len(rs) || r.Start >= r.End {
			t.Fatalf("%s %q: raw span %v outside the text", m.Kind, m.Text, r)
		}
		if m.Kind == doc.MentionPerson && string(rs[r.Start:r.End]) != "蔺雪松" {
			t.Errorf("person mention maps to %q", string(rs[r.Start:r.End]))
		}
	}
	if kinds[doc.MentionPerson] != 2 || kinds[doc.MentionDate] != 1 || kinds[doc.MentionPlace] == 0 {
		t.Errorf("mentions by kind: %v", kinds)
	}
}

func TestHoldsCases(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		name, date, text string
		want             []string
	}{
		{"a headline's post gives way to the fuller one of the body", "2023-06-01",
			"柳测明任测水市代理市长\n\n2023年5月31日上午，测水市人大常委会召开会议，决定任命柳测明同志为测水市人民政府代理市长。",
			[]string{"柳测明 | 测水市人民政府代理市长 | start 2023-05-31"}},
		{"an appointee named after their present posts", "2016-05-14",
			"5月13日，测水县人大常委会召开会议，任命县委常委、副书记柳测明同志为县人民政府副县长、代理县长。",
			[]string{
				"柳测明 | 测水县人民政府副县长 | start 2016-05-13",
				"柳测明 | 测水县代理县长 | start 2016-05-13",
				"柳测明 | 测水县委副书记",
				"柳测明 | 测水县委常委",
			}},
		{"election lists: subjects joined by 、 and 和, a vote count before the verb, the government of the clause before", "2012-12-23",
			"12月22日,平山县第十六届人民代表大会第一次会议举行全体会议。经过认真计票,张大为以190票的高票当选为县十六届人大常委会主任,王小明、李四海当选为县十六届人大常委会副主任,马六等20名代表当选为县十六届人大常委会委员;刘长江以190票的高票当选为县人民政府县长,赵一民、钱二宝和孙三多当选副县长。",
			[]string{
				"刘长江 | 平山县人民政府县长 | start 2012-12-22",
				"孙三多 | 平山县人民政府副县长 | start 2012-12-22",
				"张大为 | 平山县十六届人大常委会主任 | start 2012-12-22",
				"李四海 | 平山县十六届人大常委会副主任 | start 2012-12-22",
				"王小明 | 平山县十六届人大常委会副主任 | start 2012-12-22",
				"赵一民 | 平山县人民政府副县长 | start 2012-12-22",
				"钱二宝 | 平山县人民政府副县长 | start 2012-12-22",
				"马六 | 平山县十六届人大常委会委员 | start 2012-12-22",
			}},
		{"the acting head of a 新区 is its 代理区长", "2021-06-02",
			"6月1日，测海新区人大常委会召开会议，任命柳测明为测海新区人民政府副区长、代理区长。",
			[]string{"柳测明 | 测海新区人民政府副区长 | start 2021-06-01", "柳测明 | 测海新区代理区长 | start 2021-06-01"}},
		{"a party post's office in a chain is the party committee's (县委常委、办公室主任)", "2023-04-12",
			"4月11日，测水县委书记朱测明到测安镇调研。县委常委、办公室主任秦测勇陪同调研。",
			[]string{"朱测明 | 测水县委书记", "秦测勇 | 测水县委办公室主任", "秦测勇 | 测水县委常委"}},
		{"a news dateline is no part of the organisation after it", "1998-01-01",
			"本报北京12月31日讯测北省人民政府副省长柳测明今天出席会议。",
			[]string{"柳测明 | 测北省人民政府副省长"}},
		{"和 after a recognised name of any length joins two items", "1998-01-05",
			"1月4日，测北国外交部长阿勒坦格列尔和中国驻测北国大使柳测明出席仪式。",
			[]string{"柳测明 | 中国驻测北国大使", "阿勒坦格列尔 | 测北国外交部长"}},
		{"兼 joins two items of a chain", "2008-12-20",
			"12月19日，国务委员兼国务院秘书长柳测明出席仪式。",
			[]string{"柳测明 | 国务委员", "柳测明 | 国务院秘书长"}},
		{"和 between a title's name and the next title", "2019-03-02",
			"3月1日，测水县政协副主席柳测明和秘书长程大江到社区调研。",
			[]string{"柳测明 | 测水县政协副主席", "程大江 | 测水县政协秘书长"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := p.Extract(doc.Meta{ID: "t", Date: tt.date}, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Join(facts(x, doc.RelHolds), "\n"), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("HOLDS\n got: %q\nwant: %q", got, want)
			}
		})
	}
}

func TestEventHeldHere(t *testing.T) {
	p := testPipeline(t)
	x, err := p.Extract(doc.Meta{ID: "t", Date: "2018-11-23"}, "11月22日晚，测水广场灯光璀璨。“榜样的力量”测水县劳动模范颁奖晚会在这里举行。各单位代表参加颁奖仪式。")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range x.Entities {
		if e.Type == doc.TypeEvent {
			got = append(got, e.Name+" | "+e.Date)
		}
	}
	if want := "“榜样的力量”测水县劳动模范颁奖晚会 | 2018-11-22"; strings.Join(got, "\n") != want {
		t.Errorf("events\n got: %q\nwant: %q", got, want)
	}
}

func TestCommendationForms(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"授予 with and without quotes, 荣获, 被评为; an unnamed group gives nothing",
			"1月10日，青河县召开表彰大会。会议授予周立新同志优秀共产党员称号，授予石舍村等5个村“美丽乡村示范村”荣誉称号。青河县第一中学荣获省级文明单位称号，李家村被评为全国民主法治示范村。先进单位和个人受到表彰。",
			[]string{"周立新 | 优秀共产党员", "李家村 | 全国民主法治示范村", "石舍村 | 美丽乡村示范村", "青河县第一中学 | 省级文明单位"}},
		{"对…进行表彰, then 授予他们: the pronoun takes the honour, never a honoree",
			"3月8日，测水县召开表彰大会，对柳测英、吴测明等10名同志进行了表彰，授予他们“测水县三八红旗手”称号。",
			[]string{"吴测明 | 测水县三八红旗手", "柳测英 | 测水县三八红旗手"}},
		{"被授予: the honorees before 被",
			"3月8日，测水县召开表彰大会。会上，柳测英同志被授予“测水县劳动模范”荣誉称号。",
			[]string{"柳测英 | 测水县劳动模范"}},
		{"对…予以表彰 with the honour after 等N名",
			"3月8日，测水县召开表彰大会，对柳测英等10名优秀教师予以表彰。",
			[]string{"柳测英 | 优秀教师"}},
		{"honorees written with their unit and job keep the name only",
			"3月8日，测水县召开表彰大会。授予测安镇中心小学教师柳测英、县人民医院护士吴测芳“最美测水人”称号。",
			[]string{"吴测芳 | 最美测水人", "柳测英 | 最美测水人"}},
		{"an unnamed group commended gives nothing",
			"3月8日，测水县召开表彰大会，并对一批“最美测水人”提名奖获得者进行了表彰。",
			nil},
		{"a list after 获得者为, with the quoted class of its clause",
			"3月8日，测水县举行颁奖典礼。其中“敬业奉献”类获得者为柳测英、吴测芳和程大江，“孝老爱亲”类获得者为周立新。",
			[]string{"吴测芳 | 敬业奉献", "周立新 | 孝老爱亲", "柳测英 | 敬业奉献", "程大江 | 敬业奉献"}},
		{"honours before their lists: 对荣获“…”称号的A、B和荣获“…”称号的C进行表彰",
			"12月3日，测水县召开双拥工作表彰大会。会议对荣获“双拥模范单位”称号的县人民医院、县第一中学和荣获“拥军优属先进个人”称号的柳测英、吴测芳等同志进行了表彰。",
			[]string{"县人民医院 | 双拥模范单位", "县第一中学 | 双拥模范单位", "吴测芳 | 拥军优属先进个人", "柳测英 | 拥军优属先进个人"}},
		{"a decision with no gathering: the commendation is the event; a count run into the last name",
			"关于表彰2023年度优秀共产党员的决定\n经研究，决定授予柳测英、吴测芳、程大江3名同志“优秀共产党员”称号。\n中共测水县委\n2023年7月1日",
			[]string{"吴测芳 | 优秀共产党员", "柳测英 | 优秀共产党员", "程大江 | 优秀共产党员"}},
		{"awards handed to a list (为…颁奖) and received by representatives (作为…代表登台领奖)",
			"3月1日晚，测水县“感动测水”年度人物颁奖晚会举行。晚会为城南镇居民柳测英、退役军人吴测芳等10位“感动测水”年度人物颁奖。县第一中学教师程大江作为“优秀教师”代表登台领奖。",
			[]string{"吴测芳 | “感动测水”年度人物", "柳测英 | “感动测水”年度人物", "程大江 | 优秀教师"}},
		{"a list under its headline, several names a row; clauses are no honourees",
			"测水县2023年度“最美教师”名单\n柳测英　吴测芳\n程大江",
			[]string{"吴测芳 | 最美教师", "柳测英 | 最美教师", "程大江 | 最美教师"}},
		{"受到…表彰, and a clause before 被评为 that names nobody",
			"12月5日，测水县召开表彰大会。柳测英、吴测芳等10名同志受到县委、县政府表彰。这项成果被评为县科技进步一等奖。",
			[]string{"吴测芳 | ", "柳测英 | "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := p.Extract(doc.Meta{ID: "t", Date: "2024-03-09"}, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range x.Relations {
				if r.Type == doc.RelCommended {
					got = append(got, x.EntityByID(r.To).Name+" | "+r.Honour)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("COMMENDED\n got: %q\nwant: %q", got, tt.want)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	p := testPipeline(t)
	tests := []struct {
		name       string
		text       string
		want, lack []string
	}{
		{"a one-character county at a clause start",
			"3月5日，文县召开春耕生产工作会议。", []string{"文县"}, nil},
		{"no one-character county inside a word (示范县 is not 范县)",
			"3月5日，测丰县召开会议，部署创建国家级示范县工作。", nil, []string{"范县"}},
		{"a village right after its town",
			"1月20日，县长柳测明来到测安镇吴测庄村困难群众家中走访慰问。", []string{"吴测庄村"}, nil},
		{"the longer known name, not its tail",
			"5月8日，修文县召开全县安全生产工作会议。", []string{"修文县"}, []string{"文县"}},
		{"a province whose name ends in another suffix is one place (贵州省, not 贵州 too), and a county after it",
			"6月2日，贵州省测水县召开防汛工作会议。", []string{"贵州省", "测水县"}, []string{"贵州"}},
		{"a province named bare in a dateline is given its suffix",
			"贵州\n\n6月2日，测水县召开防汛工作会议。", []string{"贵州省"}, []string{"贵州"}},
		{"a town named after a village",
			"6月2日，新村镇召开春耕生产工作会议。", []string{"新村镇"}, []string{"新村"}},
		{"bare names after 在 before an activity, joined by 和",
			"柳测明在陕西延安和河南安阳考察时指出，要传承红色基因。", []string{"陕西省", "延安市", "河南省", "安阳市"}, []string{"陕西", "延安"}},
		{"a bare autonomous region gets its full name from the lexicon",
			"柳测明在新疆考察时强调，要做好援疆工作。", []string{"新疆维吾尔自治区"}, []string{"新疆省"}},
		{"no bare name inside an event's name",
			"柳测明在北京峰会上发言。", nil, []string{"北京市"}},
		{"the place a meeting is held in is the place found there, in full (郑州 → 郑州市 only)",
			"全省测绘工作会议在郑州召开。", []string{"郑州市"}, []string{"郑州"}},
		{"a word gse tags as a place is no stem (波及县 in 王测波及县法院)",
			"6月2日，测水县召开会议，常务副县长王测波及县法院负责人列席会议。", []string{"测水县"}, []string{"波及县"}},
		{"a village before the word 乡村 is not a town",
			"测安镇吴测庄村乡村医生柳测英获评优秀。", []string{"吴测庄村"}, []string{"吴测庄村乡"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := p.Extract(doc.Meta{ID: "t"}, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, n := range places(x) {
				got[n] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("places %v lack %s", places(x), w)
				}
			}
			for _, l := range tt.lack {
				if got[l] {
					t.Errorf("places %v hold %s", places(x), l)
				}
			}
		})
	}
}
