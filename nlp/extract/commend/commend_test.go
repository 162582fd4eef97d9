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
		// 称号的分别是: descriptions before the names, notes in brackets after them
		{"9月9日,青禾县举行最美教师颁奖典礼。获得“青禾县最美教师”称号的分别是:县第一中学教师郑立平、城关镇中心小学教师韩冬梅。荣获“青禾县劳动模范”称号的是:沈春红(县供电公司)、韩立亮(城关镇卫生院)。",
			[]string{"郑立平|person|青禾县最美教师|commend.won", "韩冬梅|person|青禾县最美教师|commend.won",
				"沈春红|person|青禾县劳动模范|commend.won", "韩立亮|person|青禾县劳动模范|commend.won"}},
		// lists by lines: a counted heading and its rows, an honour and its names on one line
		{"3月8日,青禾县召开表彰大会,表彰2023年度先进。\n全县优秀共产党员(2名)\n柳明远 县财政局局长\n顾南星 城关镇党委书记\n先进基层党组织(1个)\n城关镇新华村党支部\n特等奖:赵德彪\n优秀奖:马文珠、邹宏伟",
			[]string{"柳明远|person|全县优秀共产党员|commend.table", "顾南星|person|全县优秀共产党员|commend.table",
				"城关镇新华村党支部|org|先进基层党组织|commend.table", "赵德彪|person|特等奖|commend.table",
				"马文珠|person|优秀奖|commend.table", "邹宏伟|person|优秀奖|commend.table"}},
		// a list by lines in a text that commends nobody is no honour roll
		{"3月8日,青禾县召开会议。\n参会人员(2名)\n柳明远 县财政局局长\n顾南星 城关镇党委书记", nil},
		// 表彰了 with each honour before its names; an honour is no post (优秀村党组织书记)
		{"3月5日,青禾县召开表彰大会。大会表彰了优秀村党组织书记邬家栋、谭立新,优秀共产党员柏文华。",
			[]string{"柏文华|person|优秀共产党员|commend.praise", "邬家栋|person|优秀村党组织书记|commend.praise", "谭立新|person|优秀村党组织书记|commend.praise"}},
		// a clause with 的 is no honour before names
		{"3月5日,青禾县召开表彰大会。我代表县委向受到表彰的先进集体和先进个人表示祝贺。", nil},
		// 获 a prize; 受表彰的X有：; 评选出“H”N名：; 向A、B颁发了“H”奖牌; a count is no honouree (为三户家庭颁发牌匾)
		{"3月5日,青禾县举行技能大赛颁奖仪式。其中,邬家栋、谭立新获一等奖,柏文华获二等奖。",
			[]string{"邬家栋|person|一等奖|commend.won", "谭立新|person|一等奖|commend.won", "柏文华|person|二等奖|commend.won"}},
		{"3月5日,青禾县召开表彰大会。受表彰的先进个人有:邬家栋(县财政局)、谭立新(县审计局)。",
			[]string{"邬家栋|person|先进个人|commend.list", "谭立新|person|先进个人|commend.list"}},
		{"3月5日,青禾县召开表彰大会,评选出“青禾好人”3名:邬家栋、谭立新、柏文华。",
			[]string{"邬家栋|person|青禾好人|commend.list", "谭立新|person|青禾好人|commend.list", "柏文华|person|青禾好人|commend.list"}},
		{"3月5日,青禾县召开表彰大会。县领导向邬家栋、谭立新颁发了“青禾县道德模范”奖牌,并为三户家庭颁发牌匾。",
			[]string{"邬家栋|person|青禾县道德模范|commend.award", "谭立新|person|青禾县道德模范|commend.award"}},
		// a heading with no count, then a line of names; a headline and its byline are none
		{"3月5日,青禾县召开表彰大会,表彰了一批先进。\n青禾县先进工作者\n邬家栋、谭立新\n除恶英雄吴宏权\n柏文华",
			[]string{"邬家栋|person|青禾县先进工作者|commend.table", "谭立新|person|青禾县先进工作者|commend.table"}},
		// a list of appointments (任免名单如下) is no honour roll
		{"3月5日,青禾县人大常委会召开会议。会议通过的任免名单如下:\n一、任命\n邓志强为县教育局局长。", nil},
		// rows with a note in brackets after the name
		{"6月28日,青禾县召开表彰大会。\n附:受表彰名单\n一、优秀共产党员(2名)\n王新民(县财政局)\n肖丽君(女,桃洪镇城西社区党委书记)",
			[]string{"王新民|person|优秀共产党员|commend.table", "肖丽君|person|优秀共产党员|commend.table"}},
		// profiles under their honour in black brackets; 获评 after a quoted honour the sentence names
		{"9月19日晚,青禾县道德模范颁奖典礼举行。\n【助人为乐模范】潘玉英,古市镇退休教师。退休20年来,她资助贫困学生63名。\n典礼还揭晓了本年度20位“最美青禾人”,毛晓东、阙丽娟等获评。",
			[]string{"毛晓东|person|最美青禾人|commend.won", "阙丽娟|person|最美青禾人|commend.won", "潘玉英|person|助人为乐模范|commend.table"}},
		// transcribed names in a table's rows; a 红旗 honour heads organisations
		{"3月7日,青禾县召开表彰大会。\n受表彰名单如下:\n“最美巾帼奋斗者”(2名)\n布阿依夏木·阿卜杜拉　洛浦县多鲁乡卫生院医生\n王秀芳　青禾县人民医院儿科主任\n“三八红旗集体”(1个)\n青禾县人民医院儿科",
			[]string{"布阿依夏木·阿卜杜拉|person|最美巾帼奋斗者|commend.table", "王秀芳|person|最美巾帼奋斗者|commend.table", "青禾县人民医院儿科|org|三八红旗集体|commend.table"}},
		// a table's row whose name the surnames do not cover, or padded with a space
		{"1月16日,青禾县召开表彰大会。\n二、先进个人(3名)\n杨丽华(女)　　县应急管理局副局长\n字国强(白族)　鸡足山镇副镇长\n王　旭　　　　州城镇应急管理办公室主任",
			[]string{"杨丽华|person|先进个人|commend.table", "字国强|person|先进个人|commend.table", "王旭|person|先进个人|commend.table"}},
		// merit awards in orders: 给予…记个人三等功, 追记…个人一等功, 给予…等7名同志嘉奖; 荣立 after its subject is none of these
		{"4月18日,青禾县公安局召开表彰大会。会上宣读了表彰文件:追记派出所原副所长包金山(蒙古族)个人一等功;给予刑侦大队民警孙明哲、乌日娜(女,蒙古族)记个人三等功;给予辅警白音仓等7名同志嘉奖。连长白文建一心扑在部队建设上,荣立二等功。",
			[]string{"包金山|person|个人一等功|commend.grant", "孙明哲|person|个人三等功|commend.grant", "乌日娜|person|个人三等功|commend.grant", "白音仓|person|嘉奖|commend.grant"}},
		// 被命名为; an honour in black brackets heading rows of places' names
		{"11月21日,青禾县召开表彰会。仁化村、明东村被命名为“美丽庭院”示范村。\n部分受表彰户名单如下:\n【“美丽庭院”示范户】\n东盛涌镇:金顺子(户主,仁化村)　刘长顺(户主)\n智新镇:崔永吉(户主,明东村)",
			[]string{"仁化村|org|美丽庭院|commend.won", "明东村|org|美丽庭院|commend.won", "金顺子|person|“美丽庭院”示范户|commend.table", "刘长顺|person|“美丽庭院”示范户|commend.table", "崔永吉|person|“美丽庭院”示范户|commend.table"}},
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
