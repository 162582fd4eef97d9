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
