package profile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestProfiles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // person|kind|value|rule
	}{
		{"a 任前公示 profile: every item up to the present post",
			"任前公示\n柳明远，男，汉族，1975年3月生，四川仁寿人，1996年7月参加工作，1995年6月入党，中共党员，研究生学历，管理学硕士学位，现任青禾县财政局副局长，拟任青禾县财政局局长。",
			[]string{"柳明远|gender|男", "柳明远|ethnicity|汉族", "柳明远|birth|1975-03", "柳明远|native_place|四川仁寿",
				"柳明远|work_since|1996-07", "柳明远|party_since|1995-06", "柳明远|party|中共党员",
				"柳明远|education|研究生学历", "柳明远|degree|管理学硕士学位"}},
		{"出生, a party of the united front and an item no rule reads",
			"顾南星，女，1978年11月出生，河北沧州人，毕业于青禾师范学院，大学学历，民盟盟员，现任青禾县教育局副局长。",
			[]string{"顾南星|gender|女", "顾南星|birth|1978-11", "顾南星|native_place|河北沧州", "顾南星|education|大学学历", "顾南星|party|民盟盟员"}},
		{"a profile in brackets after a title chain",
			"县委书记王一鸣（男，1970年5月生）出席会议。",
			[]string{"王一鸣|gender|男", "王一鸣|birth|1970-05"}},
		{"a year alone, 生于, 大学文化",
			"简历：郑立平，生于1968年，回族，大学文化，中共党员。",
			[]string{"郑立平|birth|1968", "郑立平|ethnicity|回族", "郑立平|education|大学文化", "郑立平|party|中共党员"}},
		{"no profile: names listed with commas",
			"县委书记王一鸣，县长柳明远出席会议。",
			nil},
		{"no profile: one item is too little",
			"获奖者柳明远，男，现场领奖。",
			nil},
		{"no profile: a clause after the name",
			"县委书记王一鸣，1970年5月到会指导工作。",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := extracttest.Run(t, "2024-05-10", tc.text)
			var got []string
			for _, a := range d.Attributes {
				if a.Rule != "profile."+a.Kind {
					t.Errorf("%s: rule %q", a.Kind, a.Rule)
				}
				if s := string(d.Text[a.Span.Start:a.Span.End]); !strings.Contains(s, strings.Split(a.Value, "-")[0]) && a.Kind != "native_place" {
					t.Errorf("%s: span %q does not hold %q", a.Kind, s, a.Value)
				}
				got = append(got, fmt.Sprintf("%s|%s|%s", a.Person, a.Kind, a.Value))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("attributes\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}
