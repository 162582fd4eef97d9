package jurisdiction

import (
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/gazetteer"
)

func TestFind(t *testing.T) {
	s := New(gazetteer.Default())
	tests := []struct {
		name, text, want, rule string
	}{
		{"a district named and spoken from", "静海区召开全区经济工作会议\n1月5日，静海区召开全区经济工作会议。区委书记王测明出席会议并讲话，区长李测华主持。",
			"静海区", RuleNamed},
		{"a city named only inside an organisation's name", "会场 图片来源:明光市新闻中心\n12月6日，市委书记王测明主持召开市委常委会，市委副书记李测华出席会议。",
			"明光市", RuleNamed},
		{"the level decides between a county and its township", "测试\n近日，文安县滩里镇召开会议。镇党委书记王测明主持会议，镇长李测华讲话。我镇将继续努力。",
			"滩里镇", RuleNamed},
		{"no level spoken from, several cities of one province: the province (umbrella)",
			"各市党委换届\n6月26日，中国共产党鞍山市第十一届委员会选举王测明为市委书记。6月28日，中国共产党营口市第十一届委员会选举李测华为市委书记。6月29日，中国共产党盘锦市第十一届委员会选举赵测平为市委书记。",
			"辽宁省", RuleUmbrella},
		{"no level spoken from, names that many cities have (城区, 郊区) speak for none",
			"城区和郊区的农民收入增长，矿区也在变化。",
			"", RuleNoLevel},
		{"a visit's destinations are where the leaders go, not where they are from; a long stem counts inside a word",
			"市领导慰问驻军\n7月29日，市委副书记王测明、市委常委李测华一行深入陕州区、灵宝市，看望慰问驻三门峡部队官兵。王测明代表三门峡军分区致以问候，希望为三门峡发展作出贡献。",
			"三门峡市", RuleBareStem},
		{"an autonomous prefecture written short, as the text writes it", "甘南州召开会议\n3月1日，甘南州召开全州干部大会。州委书记王测明讲话。",
			"甘南州", RuleNamed},
		{"我州 and 全州 are the level, not the county 全州县", "3月1日，我州召开全州干部大会。州委书记王测明讲话。",
			"", RuleNoCand},
		{"a one-character stem inside a word is no county (管理县)", "3月1日，县委召开会议，研究加强管理县域经济工作。县委书记王测明讲话。",
			"", RuleNoCand},
		{"a street spoken from; the word 街道 is no division", "4月2日上午，五里店街道召开党建工作会议。街道党工委书记王测明出席并讲话，街道党工委副书记李测华主持。",
			"五里店街道", RuleNamed},
		{"a division's stem that is a person's name is none (吴忠)", "3月1日，市委召开会议，市委书记王测明讲话。吴忠的讲话很精彩，吴忠的作风很扎实。",
			"", RuleNoCand},
		{"no level evidence decides nothing", "3月1日，王测明在北京市出席会议。",
			"", RuleNoLevel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := []rune(tt.text)
			var names []doc.Name
			for i := 0; i+2 <= len(rs); i++ { // 吴忠 as the recogniser reads it
				if string(rs[i:i+2]) == "吴忠" {
					names = append(names, doc.Name{Span: doc.Span{Start: i, End: i + 2}, Label: doc.LabelPerson})
				}
			}
			r := s.Find(rs, names...)
			if r.Name != tt.want || r.Rule != tt.rule {
				t.Errorf("Find = %q (%s, level %q), want %q (%s)", r.Name, r.Rule, r.Level, tt.want, tt.rule)
			}
		})
	}
}

func TestProcessFillsOnlyAnEmptyJurisdiction(t *testing.T) {
	s := New(gazetteer.Default())
	text := []rune("1月5日，静海区召开全区经济工作会议。区委书记王测明出席会议并讲话。")
	for _, tt := range []struct{ given, want string }{{"", "静海区"}, {"测水县", "测水县"}} {
		d := &doc.Document{Meta: doc.Meta{Jurisdiction: tt.given}, Text: text}
		if err := s.Process(d); err != nil {
			t.Fatal(err)
		}
		if d.Meta.Jurisdiction != tt.want {
			t.Errorf("given %q: jurisdiction %q, want %q", tt.given, d.Meta.Jurisdiction, tt.want)
		}
	}
}
