package places_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestPlacesLayer(t *testing.T) {
	tests := []struct {
		text string
		want []string // name | level | rule, in layer order
	}{
		{"3月5日,青禾县召开安全生产工作会议。", []string{"青禾县|县|places.division"}},
		{"在陕西延安和河南安阳考察时,他强调要抓好民生。", []string{"陕西省|省|places.bare", "延安市|市|places.bare", "河南省|省|places.bare", "安阳市|市|places.bare"}},
		{"领导一行来到杏林村调研。", []string{"杏林村|村|places.division"}},
		{"领导一行先后来到杏林村、桃源村。", []string{"杏林村|村|places.division", "桃源村|村|places.division"}},
		{"在北京峰会上,他作了发言。", nil},
		// an abbreviation of the gazetteer, as the division the other places make likeliest
		{"鄂尔多斯市召开会议。达旗代表发言。", []string{"鄂尔多斯市|市|places.division", "达拉特旗|旗|places.short"}},
		// the towns the text names say which banner an abbreviation is (达旗 of 树林召镇, 展旦召苏木)
		{"达旗召开会议。树林召镇、展旦召苏木作发言。", []string{"树林召镇|镇|places.division", "展旦召苏木|苏木|places.division", "达拉特旗|旗|places.short"}},
		// bare names before 两地; a city's stem run on into a street's name is no city
		{"双方在洛阳、开封两地开展了交流。", []string{"洛阳市|市|places.bare", "开封市|市|places.bare"}},
		{"杭州道街道召开会议。", []string{"杭州道街道|街道|places.division"}},
		// bare names before 等地, wherever they stand, as the division of that name (太原 → 太原市)
		{"目前已有太原、大同、天津、河北等地的下岗职工来此创业。", []string{"太原市|市|places.bare", "大同市|市|places.bare", "天津市|市|places.bare", "河北省|省|places.bare"}},
		// a kind of village (帮扶村, 贫困村, 行政村) is no village's name
		{"他走访了帮扶村和3个贫困村,全镇28个行政村全部脱贫。", nil},
		// 返乡, 下乡 are no townships
		{"确保农民工安心返乡,组织干部下乡。", nil},
		// a 特色小镇 is a project, not a town
		{"他察看了油坊镇羊绒小镇建设情况。", []string{"油坊镇|镇|places.division"}},
		// 乡 of 乡村 after a word that gse or the gazetteer knows as a place (扎根, 发展乡) is no township
		{"他扎根乡村二十年,推动发展乡村旅游。", nil},
		// two levels' words (苏木镇) are no place
		{"全旗各苏木镇负责同志参加会议。", nil},
		// a short form of places.txt is the division it stands for
		{"3月5日,澳门特区举行活动。", []string{"澳门特别行政区|特别行政区|places.division"}},
		// a district the gazetteer knows, written with its suffix
		{"3月5日,静海区召开会议。", []string{"静海区|区|places.division"}},
	}
	for _, tt := range tests {
		d := extracttest.Run(t, "2024-03-06", tt.text)
		var got []string
		for _, pm := range d.Places {
			got = append(got, pm.Name+"|"+pm.Level+"|"+pm.Rule)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: places %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestJurisdiction(t *testing.T) {
	tests := []struct {
		hint, text, want string
	}{
		{"", "青禾县召开全县经济工作会议。县委书记柳明远出席。全县上下要抓好落实,县委要求各乡镇加强领导。", "青禾县"},
		{"", "领导一行来到杏林村调研。", ""},
		// a community that convenes speaks for itself (GUIDELINES: down to a community)
		{"", "1月16日下午,杏林社区召开年度述职评议大会。社区党总支书记柳明远作述职报告。", "杏林社区"},
		// a town the headline opens with, whose bodies the text speaks from, is the jurisdiction below its county
		{"", "杏林镇第十七届人民代表大会第一次会议闭幕\n12月27日,杏林镇第十七届人民代表大会第一次会议在镇政府闭幕。会议是青禾县换届中较早召开的。镇党委书记柳明远出席会议并讲话。县人大常委会副主任顾南星到会指导。", "杏林镇"},
		// a village only visited, with its party branch and 全村, is not the report's
		{"", "县委书记柳明远来到杏林村调研。村党支部书记顾南星介绍了全村产业发展情况。", ""},
		// a jurisdiction given by the input (or an earlier stage) is kept
		{"松河市", "青禾县召开全县经济工作会议。全县上下要抓好落实,县委要求各乡镇加强领导。", "松河市"},
	}
	for _, tt := range tests {
		d := extracttest.RunMeta(t, doc.Meta{ID: "t", Date: "2024-03-06", Jurisdiction: tt.hint}, tt.text)
		if d.Meta.Jurisdiction != tt.want {
			t.Errorf("%s: jurisdiction %q, want %q", tt.text, d.Meta.Jurisdiction, tt.want)
		}
	}
}
