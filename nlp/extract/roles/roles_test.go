package roles_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestRolesLayer(t *testing.T) {
	tests := []struct {
		text string
		want []string // person | role | rule
	}{
		{"3月5日,青禾县召开安全生产工作会议。县委书记柳明远主持会议并讲话,县长顾南星出席会议。",
			[]string{"柳明远|CHAIRED|roles.chaired", "柳明远|ATTENDED|roles.chaired", "柳明远|SPOKE_AT|roles.spoke", "顾南星|ATTENDED|roles.attended"}},
		{"昨日,市长周启明会见了县政协主席方如海。",
			[]string{"周启明|ATTENDED|roles.attended", "方如海|ATTENDED|roles.object"}},
		// honourees the text puts at the ceremony attended it; others have no role
		{"12月9日晚,青禾县举行颁奖典礼,现场为获奖者颁奖。“敬业奉献”类获得者为顾南星、林晓川。",
			[]string{"顾南星|ATTENDED|roles.awarded-present", "林晓川|ATTENDED|roles.awarded-present"}},
		{"12月9日,青禾县召开表彰大会。“敬业奉献”类获得者为顾南星、林晓川。", nil},
		// the honouree the sentence names came up for the award; the others did not
		{"12月9日,青禾县召开表彰大会。“敬业奉献”类获得者为顾南星、林晓川。获奖代表林晓川登台领奖。",
			[]string{"林晓川|ATTENDED|roles.awarded-present"}},
		// 参加会议的有： then the list, a clause a person
		{"3月5日,青禾县召开安全生产工作会议。参加会议的有:县委副书记柳明远,县人大常委会主任顾南星。",
			[]string{"柳明远|ATTENDED|roles.object", "顾南星|ATTENDED|roles.object"}},
		// a clause that says something of its own (登台领奖) gives its names no later verb
		{"9月9日,青禾县召开表彰大会。教师柳明远作为代表登台领奖,顾南星代表受表彰教师发言。",
			[]string{"顾南星|SPOKE_AT|roles.spoke", "顾南星|ATTENDED|roles.spoke", "柳明远|ATTENDED|roles.awarded-present"}},
		// unveiling a plaque or posing for the photo at a ceremony is taking part in it
		{"3月5日,青禾县举行电商产业园揭牌仪式。县委书记柳明远、县长顾南星共同为产业园揭牌,并与企业代表合影留念。",
			[]string{"柳明远|ATTENDED|roles.attended", "顾南星|ATTENDED|roles.attended"}},
		// a remark verb as a noun (某某的要求) or closing 据… (the source of a fact) is no remark at the event
		{"3月5日,青禾县召开会议。县委书记柳明远出席会议。据县财政局局长顾南星介绍,全县财政收入增长5%。会议要求各部门按照县长林晓川的要求抓好落实。",
			[]string{"柳明远|ATTENDED|roles.attended"}},
		// those who take the oath at a 宪法宣誓 attended it; who leads it spoke
		{"3月5日,青禾县举行宪法宣誓仪式。新任命的柳明远、顾南星面向国旗庄严宣誓,由柳明远领誓。",
			[]string{"柳明远|ATTENDED|roles.attended", "顾南星|ATTENDED|roles.attended", "柳明远|SPOKE_AT|roles.spoke"}},
		// 谈了, 交流了 at a meeting are speaking
		{"3月5日,青禾县召开学习会。副县长柳明远就滩涂保护谈了认识,镇党委书记顾南星交流了乡村旅游的做法。",
			[]string{"柳明远|SPOKE_AT|roles.spoke", "柳明远|ATTENDED|roles.spoke", "顾南星|SPOKE_AT|roles.spoke", "顾南星|ATTENDED|roles.spoke"}},
		// a news conference's speakers and chair by lines, and the turns of its answers
		{"10月8日,青禾县举行新闻发布会。\n发布人:\n　　县委常委、副县长　柳明远\n　　县农业农村局局长　顾南星\n主持人:县委宣传部副部长　林晓川\n【记者】有哪些措施?\n【顾南星】我们推出了保险。",
			[]string{"柳明远|SPOKE_AT|roles.by-lines", "柳明远|ATTENDED|roles.by-lines", "顾南星|SPOKE_AT|roles.by-lines", "顾南星|ATTENDED|roles.by-lines", "林晓川|CHAIRED|roles.by-lines", "林晓川|ATTENDED|roles.by-lines"}},
		// no event, no roles
		{"县委书记柳明远指出,要抓好落实。", nil},
	}
	for _, tt := range tests {
		d := extracttest.Run(t, "2024-03-06", tt.text)
		var got []string
		for _, r := range d.Roles {
			got = append(got, strings.Join([]string{r.Person, r.Role, r.Rule}, "|"))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: roles %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRoleTakesTheEventItsWordsName(t *testing.T) {
	d := extracttest.Run(t, "2024-03-06", "3月5日,市长周启明会见了来青禾县考察的客商方如海一行。副市长柳明远参加会见。")
	for _, r := range d.Roles {
		if r.Person != "柳明远" {
			continue
		}
		if got := d.Events[r.Event].Name; got != "会见" {
			t.Errorf("柳明远 %s %q, want 会见", r.Role, got)
		}
		return
	}
	t.Errorf("no role of 柳明远 in %v", d.Roles)
}
