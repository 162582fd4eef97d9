package commend_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestHonoursLayer(t *testing.T) {
	tests := []struct {
		text string
		want []string // name | person? | honour | rule
	}{
		{"3月5日,青禾县召开表彰大会。会上,授予王春燕、李德胜等5名同志“青禾县劳动模范”荣誉称号。",
			[]string{"王春燕|person|青禾县劳动模范|commend.grant", "李德胜|person|青禾县劳动模范|commend.grant"}},
		{"3月5日,青禾县召开表彰大会。桃源镇杏林村荣获“省级文明村”称号。",
			[]string{"桃源镇杏林村|org|省级文明村|commend.won"}},
		{"1月19日,青禾县召开表彰大会。荣获“优秀共产党员”称号的有:沈春红、韩立亮。",
			[]string{"沈春红|person|优秀共产党员|commend.won", "韩立亮|person|优秀共产党员|commend.won"}},
		{"1月19日,青禾县举行颁奖典礼。“敬业奉献”类获得者为顾南星、林晓川。",
			[]string{"顾南星|person|敬业奉献|commend.list", "林晓川|person|敬业奉献|commend.list"}},
		{"9月9日,青禾县召开教师节表彰大会。大会对施春霞、孔立武等30名优秀教师和青禾县实验小学等5个先进单位予以表彰。",
			[]string{"青禾县实验小学|org|先进单位|commend.praise", "施春霞|person|优秀教师|commend.praise", "孔立武|person|优秀教师|commend.praise"}},
		{"4月27日,青禾县召开劳模表彰大会。先进个人名单:沈春红、韩立亮。",
			[]string{"沈春红|person||commend.list", "韩立亮|person||commend.list"}},
		{"6月30日,青禾县召开表彰大会。大会表彰了卫春宁、蒋立东等50名优秀共产党员,沈春红等20名优秀党务工作者和桃源镇党委等10个先进基层党组织。",
			[]string{"沈春红|person|优秀党务工作者|commend.praise", "桃源镇党委|org|先进基层党组织|commend.praise", "卫春宁|person|优秀共产党员|commend.praise", "蒋立东|person|优秀共产党员|commend.praise"}},
		{"6月30日,青禾县召开表彰大会。受表彰的优秀共产党员名单如下:\n施春霞、孔立武。",
			[]string{"施春霞|person|优秀共产党员|commend.list", "孔立武|person|优秀共产党员|commend.list"}},
		{"3月8日,青禾县妇联召开表彰会,表彰全县“三八红旗手”和“三八红旗集体”。\n“三八红旗手”:柳春英、吴立芳;\n“三八红旗集体”:青禾县人民医院妇产科。",
			[]string{"柳春英|person|三八红旗手|commend.list", "吴立芳|person|三八红旗手|commend.list", "青禾县人民医院妇产科|org|三八红旗集体|commend.list"}},
		// an unnamed group gives nothing
		{"3月5日,青禾县召开表彰大会。会议对先进单位和个人进行了表彰。", nil},
	}
	for _, tt := range tests {
		d := extracttest.Run(t, "2024-03-06", tt.text)
		var got []string
		for _, h := range d.Honours {
			kind := "org"
			if h.IsPerson {
				kind = "person"
			}
			got = append(got, strings.Join([]string{h.Name, kind, h.Honour, h.Rule}, "|"))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: honours %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestHonoureesJoinThePersonsLayer(t *testing.T) {
	d := extracttest.RunRules(t, "2024-03-06", "3月5日,青禾县召开表彰大会。会上,授予王春燕、李德胜等5名同志“青禾县劳动模范”荣誉称号。")
	for _, m := range d.PersonMentions {
		if m.Name == "王春燕" && m.Rule == "commend.honoree" {
			return
		}
	}
	t.Errorf("王春燕 not added to the persons layer by commend.honoree: %+v", d.PersonMentions)
}
