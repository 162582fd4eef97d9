// Package dates is the first extraction stage: it finds the date
// expressions of a report (2021年1月22日, 1月22日, 22日, 昨日) and resolves
// them against the report's date (the Dates layer), and answers the later
// stages' questions about them (the date before an offset, after it, …).
//
// Rules: dates.ymd (a written date, its missing year or month the report's;
// in an undated report, the latest year the text writes),
// dates.yesterday (昨日, 昨天: the day before the report's date).
package dates

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// Rule ids.
const (
	RuleYMD       = "dates.ymd"
	RuleNumeric   = "dates.numeric" // 2024-03-05, 2024.3.5, 2024/03/05
	RuleToday     = "dates.today"   // 今天, 今日: the report's date; 今(26)日: its 26th
	RuleYesterday = "dates.yesterday"
	RuleLine      = "dates.line" // the date line's date, which dates the report only
)

// Stage is the dates stage.
type Stage struct{}

// Name implements the pipeline stage interface.
func (Stage) Name() string { return "dates" }

// Needs and Provides declare the stage's layers.
func (Stage) Needs() []doc.Layer    { return []doc.Layer{doc.LayerText} }
func (Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerDates} }

// Process fills d.Dates. A report whose input gave no date takes the one
// its date line gives (Meta.DateFromText): the first full date of the
// text's first lines, on a short line of its own (2024-03-05 来源：…,
// 发布时间：2024年3月5日).
func (Stage) Process(d *doc.Document) error {
	iso, line := DateLine(d.Text)
	if d.Meta.Date == "" && iso != "" {
		d.Meta.Date, d.Meta.DateFromText = iso, true
	}
	d.Dates = Find(d.Text, d.Meta.Date)
	// the date line dates the report, not what the report tells of: an
	// event with no date of its own (日前, 近日) takes none from it
	for i := range d.Dates {
		if dm := &d.Dates[i]; dm.Start >= line.Start && dm.End <= line.End {
			dm.Rule = RuleLine
		}
	}
	return nil
}

// DateLine returns the date of the text's date line and the line, or "":
// the first full date written in the first three lines, on a line of at
// most 50 characters and no full stop (a body sentence is no date line).
func DateLine(t []rune) (string, doc.Span) {
	start := 0
	for line := 0; line < 3 && start < len(t); line++ {
		end := start
		for end < len(t) && t[end] != '\n' {
			end++
		}
		if end-start <= 50 && !containsRune(t[start:end], '。') {
			for _, dm := range Find(t[start:end], "") {
				if dm.ISO != "" && (dm.Rule == RuleNumeric || dm.Rule == RuleYMD && dm.Written) && pageLine(t[start:end], dm.Span) {
					return dm.ISO, doc.Span{Start: start, End: end}
				}
			}
		}
		start = end + 1
	}
	return "", doc.Span{Start: -1, End: -1}
}

// Find returns the date expressions of t, resolved against the report's
// date (ISO, or "" when unknown): a missing year is the report's year, a
// missing month the report's month.
func Find(t []rune, reportDate string) []doc.DateMention {
	var out []doc.DateMention
	ry, rm := 0, 0
	var rt time.Time
	if rd, err := time.Parse("2006-01-02", reportDate); err == nil {
		ry, rm, rt = rd.Year(), int(rd.Month()), rd
	} else {
		ry = latestYear(t) // an undated report: the latest year it writes (…2008年工作方案…)
	}
	hasAt := func(i int, w string) bool {
		for _, r := range w {
			if i < 0 || i >= len(t) || t[i] != r {
				return false
			}
			i++
		}
		return true
	}
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) || (i > 0 && isDigit(t[i-1])) {
			if hasAt(i, "昨日") || hasAt(i, "昨天") {
				if !rt.IsZero() {
					out = append(out, doc.DateMention{Span: doc.Span{Start: i, End: i + 2}, ISO: rt.AddDate(0, 0, -1).Format("2006-01-02"), Rule: RuleYesterday})
				}
			} else if k, day := todayAt(t, i); k > i {
				dm := doc.DateMention{Span: doc.Span{Start: i, End: k}, Rule: RuleToday, Day: day}
				switch {
				case rt.IsZero():
				case day == 0:
					dm.ISO, dm.Month, dm.Day = rt.Format("2006-01-02"), rm, rt.Day()
				case day >= 1 && day <= 31:
					dm.ISO, dm.Month = fmt.Sprintf("%04d-%02d-%02d", ry, rm, day), rm
				}
				out = append(out, dm)
				i = k - 1
			}
			continue
		}
		if k, y, m, d, ok := numericAt(t, i); ok {
			out = append(out, doc.DateMention{Span: doc.Span{Start: i, End: k}, ISO: fmt.Sprintf("%04d-%02d-%02d", y, m, d), Month: m, Day: d, Rule: RuleNumeric, Written: true})
			i = k - 1
			continue
		}
		j, n := number(t, i)
		y, m, d := 0, 0, 0
		k := j
		if k < len(t) && t[k] == '年' && j-i == 4 {
			y = n
			k++
			if k < len(t) && isDigit(t[k]) {
				var mm int
				k2, mm := number(t, k)
				if k2 < len(t) && t[k2] == '月' {
					m = mm
					k = k2 + 1
				}
			}
		} else if k < len(t) && t[k] == '月' && j-i <= 2 {
			m = n
			k++
		} else if k < len(t) && t[k] == '日' && j-i <= 2 {
			d = n
			k++
		} else {
			i = j - 1
			continue
		}
		if m > 0 && k < len(t) && isDigit(t[k]) {
			k2, dd := number(t, k)
			if k2 < len(t) && (t[k2] == '日' || t[k2] == '号') && k2-k <= 2 {
				d = dd
				k = k2 + 1
			}
		}
		if m == 0 && d == 0 { // a bare year
			i = k - 1
			continue
		}
		written := y > 0
		if y == 0 {
			y = ry
			if !rt.IsZero() && m-rm >= 6 {
				y-- // 12月28日 in a report of 3 January: last December
			}
		}
		if m == 0 {
			m = rm
		}
		iso := ""
		if y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			iso = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
		out = append(out, doc.DateMention{Span: doc.Span{Start: i, End: k}, ISO: iso, Month: m, Day: d, Rule: RuleYMD, Written: written})
		i = k - 1
	}
	return out
}

var (
	isDigit = text.IsDigit
	number  = text.Number
)

// todayAt reads 今天, 今日 or 今(26)日 at i: where it ends, and the day
// written in brackets (0 for none); i when there is none. 今年, 今后 are
// no dates.
func todayAt(t []rune, i int) (int, int) {
	if i+1 >= len(t) || t[i] != '今' {
		return i, 0
	}
	switch t[i+1] {
	case '天', '日':
		return i + 2, 0
	case '(', '（':
		if i+2 < len(t) && isDigit(t[i+2]) {
			j, n := number(t, i+2)
			if j-(i+2) <= 2 && j+1 < len(t) && (t[j] == ')' || t[j] == '）') && t[j+1] == '日' {
				return j + 2, n
			}
		}
	}
	return i, 0
}

// numericAt reads a date written with digits and separators at i
// (2024-03-05, 2024.3.5, 2024/03/05; a time may follow): where it ends
// and the date.
func numericAt(t []rune, i int) (k, y, m, d int, ok bool) {
	j, y := number(t, i)
	if j-i != 4 || y < 1949 || y > 2099 || j >= len(t) {
		return
	}
	sep := t[j]
	if sep != '-' && sep != '.' && sep != '/' {
		return
	}
	j2, m := number(t, j+1)
	if j2 == j+1 || j2-(j+1) > 2 || j2 >= len(t) || t[j2] != sep {
		return
	}
	j3, d := number(t, j2+1)
	if j3 == j2+1 || j3-(j2+1) > 2 || j3 < len(t) && (isDigit(t[j3]) || t[j3] == sep) {
		return
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return
	}
	return j3, y, m, d, true
}

// Before returns the ISO date of the last date expression before i in
// the same sentence, else of the nearest one in earlier sentences of the
// report, else "".
//
// The Dates layer is in text order (Find scans the text once), so the dates
// before i are a prefix of it, found by binary search.
func Before(d *doc.Document, i int) string {
	n := sort.Search(len(d.Dates), func(k int) bool { return d.Dates[k].Start >= i })
	for k := n - 1; k >= 0; k-- { // the last dated one before i, in any sentence
		if d.Dates[k].ISO != "" && !metadata(d.Dates[k]) {
			return d.Dates[k].ISO
		}
	}
	return ""
}

// pageWords are what a page's date line says besides its date (来源：…,
// 发布时间：…, 安吉新闻网).
var pageWords = []string{"来源", "发布", "时间", "日期", "作者", "编辑", "浏览", "点击", "字体", "供稿", "稿源", "新闻网", "融媒体", "日报", "晚报", "网站", "阅读", "访问"}

// pageLine reports whether a short line with a date at sp (offsets in
// line) is the page's date line: the date alone, or with the words of a
// page's metadata — not a note such as (2024年3月5日…会议通过).
func pageLine(line []rune, sp doc.Span) bool {
	rest := string(line[:sp.Start]) + " " + string(line[sp.End:])
	for _, w := range pageWords {
		if strings.Contains(rest, w) {
			return true
		}
	}
	for _, r := range rest {
		if text.IsHan(r) {
			return false
		}
	}
	return true
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// metadata reports whether a date is the page's, not of what the report
// tells: the date line's, and dates written with digits and separators
// (2024-03-05: publication times, footers), which the genre's prose does
// not use.
func metadata(dm doc.DateMention) bool { return dm.Rule == RuleLine || dm.Rule == RuleNumeric }

// YearDate dates an event whose name carries its year (2021年度…会议) when
// the report's date is unknown: the month and day written before v.
func YearDate(d *doc.Document, name string, v int) string {
	rs := []rune(name)
	year := 0
	for i := 0; i+4 < len(rs); i++ {
		if rs[i+4] == '年' && (i == 0 || !isDigit(rs[i-1])) {
			if j, n := number(rs, i); j == i+4 {
				year = n
				break
			}
		}
	}
	if year == 0 {
		return ""
	}
	sent := text.SentenceOf(d, v)
	for k := len(d.Dates) - 1; k >= 0; k-- {
		dm := d.Dates[k]
		if dm.Start >= sent.Start && dm.Start < v && dm.Month > 0 && dm.Day > 0 {
			return fmt.Sprintf("%04d-%02d-%02d", year, dm.Month, dm.Day)
		}
	}
	return ""
}

// After returns the first resolved date after i in the sentence.
func After(d *doc.Document, i int, sent doc.Span) string {
	for _, dm := range d.Dates {
		if dm.Start >= i && dm.Start < sent.End && dm.ISO != "" && !metadata(dm) {
			return dm.ISO
		}
	}
	return ""
}

// latestYear returns the latest year written as YYYY年 in t (1949–2099;
// not a target's, 到2035年), or 0: the year of an undated report's
// yearless dates.
func latestYear(t []rune) int {
	best := 0
	for i := 0; i+4 < len(t); i++ {
		if t[i+4] != '年' || i > 0 && (text.IsDigit(t[i-1]) || t[i-1] == '到' || t[i-1] == '至') {
			continue // 到2035年: a target, not the report's year
		}
		y := 0
		ok := true
		for _, r := range t[i : i+4] {
			if !text.IsDigit(r) {
				ok = false
				break
			}
			y = y*10 + int(r-'0')
		}
		if ok && y >= 1949 && y <= 2099 && y > best {
			best = y
		}
	}
	return best
}
