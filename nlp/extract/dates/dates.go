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
	"time"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// Rule ids.
const (
	RuleYMD       = "dates.ymd"
	RuleYesterday = "dates.yesterday"
)

// Stage is the dates stage.
type Stage struct{}

// Name implements the pipeline stage interface.
func (Stage) Name() string { return "dates" }

// Needs and Provides declare the stage's layers.
func (Stage) Needs() []doc.Layer    { return []doc.Layer{doc.LayerText} }
func (Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerDates} }

// Process fills d.Dates.
func (Stage) Process(d *doc.Document) error {
	d.Dates = Find(d.Text, d.Meta.Date)
	return nil
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
			}
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
		if y == 0 {
			y = ry
		}
		if m == 0 {
			m = rm
		}
		iso := ""
		if y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			iso = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
		out = append(out, doc.DateMention{Span: doc.Span{Start: i, End: k}, ISO: iso, Month: m, Day: d, Rule: RuleYMD})
		i = k - 1
	}
	return out
}

var (
	isDigit = text.IsDigit
	number  = text.Number
)

// Before returns the ISO date of the last date expression before i in
// the same sentence, else of the nearest one in earlier sentences of the
// report, else "".
//
// The Dates layer is in text order (Find scans the text once), so the dates
// before i are a prefix of it, found by binary search.
func Before(d *doc.Document, i int) string {
	n := sort.Search(len(d.Dates), func(k int) bool { return d.Dates[k].Start >= i })
	for k := n - 1; k >= 0; k-- { // the last dated one before i, in any sentence
		if d.Dates[k].ISO != "" {
			return d.Dates[k].ISO
		}
	}
	return ""
}

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
		if dm.Start >= i && dm.Start < sent.End && dm.ISO != "" {
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
