package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Change kinds.
const (
	ChangeAppointment = "appointment" // someone took office
	ChangeActing      = "acting"      // someone took office as acting head (代理, 代)
	ChangeRemoval     = "removal"     // someone left office
	ChangeVacancy     = "vacancy"     // the office was left with nobody in it (to the period's end)
)

// Change is one change in an office.
type Change struct {
	Date      string `json:"date"`
	Kind      string `json:"kind"`
	Bound     string `json:"bound"` // stated (a report tells of it with its date), seen (undated: the report's date)
	Scope     string `json:"scope"`
	ScopeCode string `json:"scope_code,omitempty"`
	Office    string `json:"office"`
	OfficeKey string `json:"office_key"`
	Person    string `json:"person"`
	Context   string `json:"context"`
	PersonKey string `json:"person_key"`
	Acting    bool   `json:"acting,omitempty"`
	Executive bool   `json:"executive,omitempty"`
	// Reports are the evidence: the reports that tell of the appointment
	// or removal (for a vacancy, of the removal).
	Reports []string `json:"reports"`
}

// Changes lists the changes in the offices of what q names (see
// findScopes) from the day, month or year from to that of to (either ""
// for no bound), ordered by date: appointments (acting ones apart) and
// removals that some report tells of — dated, or undated and then dated by
// their reports (bound "seen") — and vacancies: a removal after which
// nobody else is in the office up to the period's end.
func (c *Client) Changes(ctx context.Context, q, from, to string, below bool) ([]Scope, []Change, error) {
	q = strings.TrimSpace(q)
	lo, hi := "0000-01-01", "9999-12-31"
	var ok bool
	if from != "" {
		if lo, _, ok = Period(from); !ok {
			return nil, nil, fmt.Errorf("changes in %q: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", q, from)
		}
	}
	if to != "" {
		if _, hi, ok = Period(to); !ok {
			return nil, nil, fmt.Errorf("changes in %q: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", q, to)
		}
	}
	if lo > hi {
		return nil, nil, fmt.Errorf("changes in %q: the period ends (%s) before it begins (%s)", q, to, from)
	}
	type result struct {
		scopes  []Scope
		changes []Change
	}
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		scopes, offices, holdings, err := scopeHoldings(ctx, tx, q, below)
		if err != nil {
			return nil, err
		}
		var cs []Change
		done := map[string]bool{}
		for i, s := range scopes {
			for _, o := range offices[i] {
				if done[o.Key] {
					continue
				}
				done[o.Key] = true
				cs = append(cs, changesOf(s, holdings[o.Key], lo, hi)...)
			}
		}
		slices.SortStableFunc(cs, changeOrder)
		return result{scopes, cs}, nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("changes in %q: %w", q, err)
	}
	res := v.(result)
	return res.scopes, res.changes, nil
}

// changesOf gives the changes of one office's holdings (with their terms)
// that fall in lo … hi.
func changesOf(s Scope, hs []Holding, lo, hi string) []Change {
	in := func(d string) bool { return d != "" && lowDay(d) <= hi && highDay(d) >= lo }
	mk := func(h Holding, date, kind, bound string, reports []string) Change {
		if len(reports) == 0 {
			reports = h.Reports
		}
		return Change{Date: date, Kind: kind, Bound: bound, Scope: s.Name, ScopeCode: s.Code, Office: h.Post, OfficeKey: h.PostKey,
			Person: h.Person, Context: h.Context, PersonKey: h.PersonKey, Acting: h.Acting, Executive: h.Executive,
			Reports: append([]string{}, reports...)}
	}
	var out []Change
	for i, h := range hs {
		if h.Appointed && in(h.From) && (h.FromBound == BoundStated || h.FromBound == BoundSeen) {
			kind := ChangeAppointment
			if h.Acting {
				kind = ChangeActing
			}
			out = append(out, mk(h, h.From, kind, h.FromBound, h.StartReports))
		}
		if (h.UntilBound == BoundStated || h.UntilBound == BoundSeen) && in(h.Until) {
			out = append(out, mk(h, h.Until, ChangeRemoval, h.UntilBound, h.EndReports))
			if vacantAfter(hs, i, hi) {
				out = append(out, mk(h, h.Until, ChangeVacancy, h.UntilBound, h.EndReports))
			}
		}
	}
	return out
}

// vacantAfter: after holding i's term ends, nobody else is in the office
// on any day up to hi (a successor starting by then fills it; in an
// office several hold at once, so does anyone still in it).
func vacantAfter(hs []Holding, i int, hi string) bool {
	after := dayAfter(highDay(hs[i].Until))
	if after > hi {
		return false // ends on the period's last day: nothing to say yet
	}
	for j, h := range hs {
		if j != i && h.InOffice(after, hi) {
			return false
		}
	}
	return true
}

// dayAfter is the day after an ISO day (highDay's 31st of a short month
// counts as its last day).
func dayAfter(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		// 2021-02-31: the month's last day stands for itself
		if m, err2 := time.Parse("2006-01", d[:min(len(d), 7)]); err2 == nil {
			return m.AddDate(0, 1, 0).Format("2006-01-02")
		}
		return d
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}

var changeRanks = map[string]int{ChangeRemoval: 0, ChangeVacancy: 1, ChangeAppointment: 2, ChangeActing: 3}

// changeOrder: by date, office, then removals before vacancies before
// appointments, then person.
func changeOrder(a, b Change) int {
	if c := strings.Compare(lowDay(a.Date), lowDay(b.Date)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Office, b.Office); c != 0 {
		return c
	}
	if d := changeRanks[a.Kind] - changeRanks[b.Kind]; d != 0 {
		return d
	}
	if c := strings.Compare(a.Person, b.Person); c != 0 {
		return c
	}
	return strings.Compare(a.PersonKey, b.PersonKey)
}
