package events_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/events"
	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestEventsLayer(t *testing.T) {
	tests := []struct {
		text string
		want []string // name | kind | date | place | rule
	}{
		{"3月5日上午,青禾县召开2024年度安全生产工作会议。县委书记柳明远主持会议。",
			[]string{"2024年度安全生产工作会议|meeting|2024-03-05||events.named"}},
		{"3月5日,全县河长制工作会议在县政府三楼会议室召开。",
			[]string{"全县河长制工作会议|meeting|2024-03-05|县政府三楼会议室|events.named-held"}},
		{"昨日,市长周启明会见了来访的客商代表。",
			[]string{"会见|reception|2024-03-05||events.activity"}},
		// a meeting to come (提请…会议审议) is no event of the report
		{"3月5日上午,青禾县召开2024年度安全生产工作会议。会议决定,提请县十届人大常委会第二十次会议审议。",
			[]string{"2024年度安全生产工作会议|meeting|2024-03-05||events.named"}},
		// 参加上述活动 refers to the events named before
		{"3月5日上午,青禾县召开2024年度安全生产工作会议。县领导柳明远、顾南星参加上述活动。",
			[]string{"2024年度安全生产工作会议|meeting|2024-03-05||events.named"}},
		// 颁奖 at the 表彰大会 named before is part of it
		{"4月27日,青禾县召开劳模表彰大会。县委书记柳明远为劳模代表颁奖。",
			[]string{"劳模表彰大会|meeting|2024-04-27||events.named"}},
		// a banquet after a reception is its own event
		{"3月5日,市长周启明会见了客商代表。出席晚宴的还有副市长柳明远。",
			[]string{"晚宴|other|2024-03-05||events.named", "会见|reception|2024-03-05||events.activity"}},
		// a meeting whose spirit is only conveyed is no event of the report
		{"会议传达学习了全省经济工作会议精神。", nil},
		// a session named by its ordinal within a term is the convening body's
		{"3月5日上午,青禾县十七届人大常委会召开第二十八次会议。",
			[]string{"青禾县十七届人大常委会第二十八次会议|meeting|2024-03-05||events.named"}},
		{"3月5日,青禾县政协召开第四十一次主席会议。",
			[]string{"第四十一次主席会议|meeting|2024-03-05||events.named"}},
		// 开展了: an activity that took place; 开展…等活动, a campaign
		{"3月5日,志愿者开展了以“情系乡里,爱传万家”为主题的爱心志愿行动。",
			[]string{"爱心志愿行动|other|2024-03-05||events.named"}},
		{"3月5日,各村开展献爱心、送温暖等活动。", nil},
		// a numbered session named as the subject of what it decides
		{"6月26日,中国共产党青禾县第十一届委员会第一次全体会议选举柳明远为县委书记。",
			[]string{"中国共产党青禾县第十一届委员会第一次全体会议|meeting|2024-06-26||events.session-act"}},
		// a date between the name and 在…闭幕; one session written twice is one event
		{"青禾县第十七届人民代表大会常务委员会第七次会议24日在县城闭幕。县十七届人大常委会第七次会议决定任命柳明远为县财政局局长。",
			[]string{"青禾县第十七届人民代表大会常务委员会第七次会议|meeting|2024-03-24|县城|events.named-held"}},
		// a session that holds its plenary: the session is the event
		{"3月5日,青禾县第八届人民代表大会常务委员会第二十一次会议举行全体会议。",
			[]string{"青禾县第八届人民代表大会常务委员会第二十一次会议|meeting|2024-03-05||events.named-held"}},
		// 开幕式 is no verb 开幕
		{"会议要求认真学习领会某峰会开幕式上的讲话精神。", nil},
		// a commendation with no gathering is the report's event, named by
		// its headline and dated under the signature
		{"关于表彰2023年度优秀共产党员的决定\n决定授予柳明远同志“优秀共产党员”称号。\n中共青禾县委\n2023年7月1日",
			[]string{"关于表彰2023年度优秀共产党员的决定|other|2023-07-01||events.commendation"}},
		{"青禾县2023年度“最美教师”名单\n柳明远 顾南星",
			[]string{"青禾县2023年度“最美教师”名单|other|||events.commendation"}},
	}
	for _, tt := range tests {
		d := extracttest.Run(t, "2024-03-06", tt.text)
		var got []string
		for _, ev := range d.Events {
			got = append(got, strings.Join([]string{ev.Name, ev.Kind, ev.Date, ev.Place, ev.Rule}, "|"))
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: events %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestForPicksTheSentencesEvent(t *testing.T) {
	s1, s2, s3 := doc.Span{Start: 0, End: 10}, doc.Span{Start: 10, End: 20}, doc.Span{Start: 20, End: 30}
	evs := []doc.Event{{Name: "a", Span: doc.Span{Start: 2, End: 4}, Sentence: s1}, {Name: "b", Span: doc.Span{Start: 22, End: 24}, Sentence: s3}}
	for _, tt := range []struct {
		sent doc.Span
		want int
	}{{s1, 0}, {s2, 0}, {s3, 1}} {
		if got := events.For(evs, tt.sent); got != tt.want {
			t.Errorf("For(%v) = %d, want %d", tt.sent, got, tt.want)
		}
	}
	if got := events.For(nil, s1); got != 0 {
		t.Errorf("For without events = %d", got)
	}
}
