package extract

import (
	"fmt"
	"time"

	"github.com/kg-cn/kg/nlp/doc"
)

// findDates finds date expressions (2021年1月22日, 1月22日, 22日, 昨日) and
// resolves them against the report's date: a missing year is the report's
// year, a missing month the report's month.
func (s *state) findDates() {
	ry, rm, rd := 0, 0, 0
	var rt time.Time
	if t, err := time.Parse("2006-01-02", s.d.Meta.Date); err == nil {
		ry, rm, rd, rt = t.Year(), int(t.Month()), t.Day(), t
	}
	_ = rd
	t := s.t
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) || (i > 0 && isDigit(t[i-1])) {
			if s.hasAt(i, "昨日") || s.hasAt(i, "昨天") {
				if !rt.IsZero() {
					s.dates = append(s.dates, dateMention{span: doc.Span{Start: i, End: i + 2}, iso: rt.AddDate(0, 0, -1).Format("2006-01-02")})
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
		s.dates = append(s.dates, dateMention{span: doc.Span{Start: i, End: k}, iso: iso, m: m, d: d})
		i = k - 1
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func number(t []rune, i int) (int, int) {
	n := 0
	for i < len(t) && isDigit(t[i]) && n < 100000 {
		n = n*10 + int(t[i]-'0')
		i++
	}
	return i, n
}

// dateBefore returns the ISO date of the last date expression before i in
// the same sentence, else of the nearest one in earlier sentences of the
// report's first lines (the lead), else "".
func (s *state) dateBefore(i int) string {
	sent := s.sentenceOf(i)
	best := ""
	for _, dm := range s.dates {
		if dm.span.Start >= sent.Start && dm.span.Start < i && dm.iso != "" {
			best = dm.iso
		}
	}
	if best != "" {
		return best
	}
	for _, dm := range s.dates {
		if dm.span.Start < i && dm.iso != "" {
			best = dm.iso
		}
	}
	return best
}

// yearDate dates an event whose name carries its year (2021年度…会议) when
// the report's date is unknown: the month and day written before v.
func (s *state) yearDate(name string, v int) string {
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
	sent := s.sentenceOf(v)
	for k := len(s.dates) - 1; k >= 0; k-- {
		dm := s.dates[k]
		if dm.span.Start >= sent.Start && dm.span.Start < v && dm.m > 0 && dm.d > 0 {
			return fmt.Sprintf("%04d-%02d-%02d", year, dm.m, dm.d)
		}
	}
	return ""
}

// dateAfter returns the first resolved date after i in the sentence.
func (s *state) dateAfter(i int, sent doc.Span) string {
	for _, dm := range s.dates {
		if dm.span.Start >= i && dm.span.Start < sent.End && dm.iso != "" {
			return dm.iso
		}
	}
	return ""
}
