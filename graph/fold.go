package graph

import "fmt"

// foldHoldings makes the holdings of one human one holding: the HOLDS of
// the Person nodes of one identity (identity.go) to one office, with the
// same qualifier (acting, executive), are one holding whose tenure is all
// of theirs — the earliest sighting and start, the latest sighting and
// end, every report. The first of them gives the person's key and
// context; the order is that of the first holding of each.
func foldHoldings(hs []Holding) []Holding {
	out := make([]Holding, 0, len(hs))
	at := map[string]int{}
	for _, h := range hs {
		id := h.Identity
		if id == "" {
			id = h.PersonKey
		}
		k := fmt.Sprintf("%s\x00%s\x00%t\x00%t", id, h.PostKey, h.Acting, h.Executive)
		i, seen := at[k]
		if !seen {
			at[k] = len(out)
			out = append(out, h)
			continue
		}
		o := &out[i]
		o.FirstSeen = minDate(o.FirstSeen, h.FirstSeen)
		o.LastSeen = maxDate(o.LastSeen, h.LastSeen)
		o.Start = minDate(o.Start, h.Start)
		o.End = maxDate(o.End, h.End)
		o.Appointed = o.Appointed || h.Appointed
		o.Removed = o.Removed || h.Removed
		o.Reports = union(o.Reports, h.Reports)
		if s := union(o.StartReports, h.StartReports); len(s) > 0 {
			o.StartReports = s
		}
		if e := union(o.EndReports, h.EndReports); len(e) > 0 {
			o.EndReports = e
		}
	}
	return out
}

// minDate and maxDate compare ISO dates, "" being none.
func minDate(a, b string) string {
	if a == "" || b != "" && b < a {
		return b
	}
	return a
}

func maxDate(a, b string) string {
	if b > a {
		return b
	}
	return a
}
