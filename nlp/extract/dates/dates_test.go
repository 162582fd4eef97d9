package dates_test

import (
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/dates"
)

func TestFindResolvesAgainstTheReportDate(t *testing.T) {
	tests := []struct {
		text, report string
		want         []string // ISO | rule
	}{
		{"2021年1月22日,全县召开大会。", "", []string{"2021-01-22|dates.ymd"}},
		{"1月22日上午,县委召开常委会。", "2023-05-02", []string{"2023-01-22|dates.ymd"}},
		{"22日,市长到桃源镇调研。", "2023-05-02", []string{"2023-05-22|dates.ymd"}},
		{"22日,市长到桃源镇调研。", "", []string{"|dates.ymd"}},
		{"昨日,县政协召开主席会议。", "2023-05-02", []string{"2023-05-01|dates.yesterday"}},
		{"昨天,县政协召开主席会议。", "", nil},
		{"2021年是建党百年。", "2023-05-02", nil},
		{"3月8日至9日,大会在青禾县召开。", "2024-03-10", []string{"2024-03-08|dates.ymd", "2024-03-09|dates.ymd"}},
		// an undated report: a yearless date takes the latest year the text writes
		{"3月28日,全县召开会议,总结2007年工作,部署2008年任务,到2035年基本实现现代化。", "", []string{"2008-03-28|dates.ymd"}},
		// today, 今(26)日, dates written with digits; 今年 and a decimal are none
		{"今天上午,全县召开大会。今(26)日,县长到桃源镇调研。今年以来增长3.5%。", "2024-03-05", []string{"2024-03-05|dates.today", "2024-03-26|dates.today"}},
		{"今日,县政协召开会议。", "", []string{"|dates.today"}},
		{"发布时间:2024-03-05 10:20 2024.3.6 2024/03/07 2024-13-01", "", []string{"2024-03-05|dates.numeric", "2024-03-06|dates.numeric", "2024-03-07|dates.numeric"}},
		// a month half a year after the report's is last year's
		{"12月28日,全县召开大会。", "2024-01-03", []string{"2023-12-28|dates.ymd"}},
	}
	for _, tt := range tests {
		got := dates.Find([]rune(tt.text), tt.report)
		var lines []string
		for _, dm := range got {
			lines = append(lines, dm.ISO+"|"+dm.Rule)
		}
		if len(lines) != len(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.text, lines, tt.want)
			continue
		}
		for i := range lines {
			if lines[i] != tt.want[i] {
				t.Errorf("%s: got %v, want %v", tt.text, lines, tt.want)
				break
			}
		}
	}
}

func TestBeforeAndAfterReadTheDatesLayer(t *testing.T) {
	text := []rune("3月5日,县委召开会议。会议决定,6日起施行。")
	d := &doc.Document{Text: text, Meta: doc.Meta{Date: "2024-03-06"},
		Sentences: []doc.Span{{Start: 0, End: 11}, {Start: 11, End: len(text)}}}
	d.Dates = dates.Find(d.Text, d.Meta.Date)
	if got := dates.Before(d, 8); got != "2024-03-05" {
		t.Errorf("Before in the sentence = %q", got)
	}
	if got := dates.Before(d, 12); got != "2024-03-05" {
		t.Errorf("Before from an earlier sentence = %q", got)
	}
	if got := dates.After(d, 11, d.Sentences[1]); got != "2024-03-06" {
		t.Errorf("After = %q", got)
	}
	if got := dates.YearDate(d, "2024年度工作会议", 8); got != "2024-03-05" {
		t.Errorf("YearDate = %q", got)
	}
}

func TestTheDateLineDatesAnUndatedReport(t *testing.T) {
	tests := []struct {
		text, date string // the report's date, as the stage leaves it
		events     string // Before the body's last rune
	}{
		{"青禾县召开经济工作会议\n2024-02-19 18:30  来源：青禾县融媒体中心\n今天上午,全县经济工作会议召开。", "2024-02-19", "2024-02-19"},
		{"青禾县召开经济工作会议\n发布时间:2024年2月19日\n日前,全县经济工作会议召开。", "2024-02-19", ""},
		// a note of the meeting that passed a list is no date line: it dates what follows
		{"青禾县人大常委会任免名单\n(2024年3月5日青禾县人大常委会第五次会议通过)\n一、任命", "", "2024-03-05"},
		// a long line is a body sentence, no date line
		{"青禾县召开经济工作会议\n2024年2月19日,全县经济工作会议在县会议中心召开,会议总结了去年的工作,部署了今年的任务,县委书记出席会议并讲话。", "", "2024-02-19"},
	}
	for _, tt := range tests {
		d := &doc.Document{Text: []rune(tt.text)}
		if err := (dates.Stage{}).Process(d); err != nil {
			t.Fatal(err)
		}
		if d.Meta.Date != tt.date || d.Meta.DateFromText != (tt.date != "") {
			t.Errorf("%q: date %q (from text %v), want %q", tt.text, d.Meta.Date, d.Meta.DateFromText, tt.date)
		}
		if got := dates.Before(d, len(d.Text)); got != tt.events {
			t.Errorf("%q: Before = %q, want %q", tt.text, got, tt.events)
		}
	}
}
