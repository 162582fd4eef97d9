// Package eval scores extractions against gold annotations (the format of
// shared/eval/FORMAT.md): precision, recall and F1 per category, micro-
// averaged over all reports, and the reports with the most misses.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
)

// Gold is one report's gold annotation.
type Gold struct {
	ID           string     `json:"id"`
	Jurisdiction string     `json:"jurisdiction"`
	Persons      []string   `json:"persons"`
	Holds        [][]string `json:"holds"`
	Events       []struct {
		Name  string `json:"name"`
		Date  string `json:"date"`
		Place string `json:"place"`
	} `json:"events"`
	Roles     [][]string `json:"roles"`
	Places    []string   `json:"places"`
	Commended [][]string `json:"commended"`
	Tenure    [][]string `json:"tenure"`
}

// LoadGold reads a gold file.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &g, nil
}

// Categories, in the order they are printed.
var Categories = []string{"persons", "holds_strict", "holds_lenient", "roles", "events", "event_dates", "places", "commended", "tenure"}

// Count is the confusion count of one category.
type Count struct{ TP, FP, FN int }

// P, R and F1 of a count.
func (c Count) P() float64  { return ratio(c.TP, c.TP+c.FP) }
func (c Count) R() float64  { return ratio(c.TP, c.TP+c.FN) }
func (c Count) F1() float64 { p, r := c.P(), c.R(); return ratio2(2*p*r, p+r) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func ratio2(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Miss is one false positive or negative, for the report of misses.
type Miss struct {
	Category string
	Kind     string // "missing" or "spurious"
	Item     string
}

// Result is the score of one report.
type Result struct {
	ID     string
	Counts map[string]Count
	Misses []Miss
}

// Score compares one extraction with its gold annotation.
func Score(x *doc.Extraction, g *Gold) Result {
	res := Result{ID: g.ID, Counts: map[string]Count{}}
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	var persons, holdsS, holdsL, roles, places, commended, tenure []string
	pj := x.Report.Jurisdiction
	for _, e := range x.Entities {
		switch e.Type {
		case doc.TypePerson:
			persons = append(persons, e.Name)
		case doc.TypePlace:
			if e.Level != "venue" {
				places = append(places, e.Name)
			}
		}
	}
	for _, r := range x.Relations {
		from, to := names[r.From], names[r.To]
		switch r.Type {
		case doc.RelHolds:
			holdsS = append(holdsS, from+" | "+to)
			holdsL = append(holdsL, from+" | "+stripJur(to, pj))
			if r.Start != nil {
				tenure = append(tenure, from+" | "+stripJur(to, pj)+" | start")
			}
			if r.End != nil {
				tenure = append(tenure, from+" | "+stripJur(to, pj)+" | end")
			}
		case doc.RelChaired, doc.RelSpokeAt, doc.RelAttended:
			roles = append(roles, from+" | "+r.Type)
		case doc.RelCommended:
			commended = append(commended, to)
		}
	}
	var gHoldsS, gHoldsL, gRoles, gComm, gTenure []string
	for _, h := range g.Holds {
		if len(h) == 2 {
			gHoldsS = append(gHoldsS, h[0]+" | "+h[1])
			gHoldsL = append(gHoldsL, h[0]+" | "+stripJur(h[1], g.Jurisdiction))
		}
	}
	for _, r := range g.Roles {
		if len(r) == 2 {
			gRoles = append(gRoles, r[0]+" | "+r[1])
		}
	}
	for _, c := range g.Commended {
		if len(c) >= 1 {
			gComm = append(gComm, c[0])
		}
	}
	for _, t := range g.Tenure {
		if len(t) >= 3 {
			gTenure = append(gTenure, t[0]+" | "+stripJur(t[1], g.Jurisdiction)+" | "+t[2])
		}
	}
	res.set("persons", persons, g.Persons)
	res.set("holds_strict", holdsS, gHoldsS)
	res.set("holds_lenient", holdsL, gHoldsL)
	res.set("roles", roles, gRoles)
	res.set("places", places, g.Places)
	res.set("commended", commended, gComm)
	res.set("tenure", tenure, gTenure)
	res.scoreEvents(x, g)
	return res
}

// stripJur takes the jurisdiction off the front of a post.
func stripJur(post, jur string) string {
	if jur != "" && strings.HasPrefix(post, jur) && post != jur {
		return strings.TrimPrefix(post, jur)
	}
	return post
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func (r *Result) set(cat string, got, want []string) {
	g, w := set(got), set(want)
	var c Count
	for x := range g {
		if w[x] {
			c.TP++
		} else {
			c.FP++
			r.Misses = append(r.Misses, Miss{cat, "spurious", x})
		}
	}
	for x := range w {
		if !g[x] {
			c.FN++
			r.Misses = append(r.Misses, Miss{cat, "missing", x})
		}
	}
	r.Counts[cat] = c
}

// eventMatch: names equal, or one contains the other (a description such as
// 看望 against 看望政协委员, a session name with or without its body).
func eventMatch(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a == b || (a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)))
}

// scoreEvents matches predicted to gold events one to one by name; matched
// pairs are then scored for their date.
func (r *Result) scoreEvents(x *doc.Extraction, g *Gold) {
	type ev struct{ name, date string }
	var got []ev
	for _, e := range x.Entities {
		if e.Type == doc.TypeEvent {
			got = append(got, ev{e.Name, e.Date})
		}
	}
	used := make([]bool, len(got))
	var c, d Count
	for _, w := range g.Events {
		found := -1
		for i, e := range got {
			if !used[i] && e.name == w.Name {
				found = i
				break
			}
		}
		for i, e := range got {
			if found < 0 && !used[i] && eventMatch(e.name, w.Name) {
				found = i
			}
		}
		if found < 0 {
			c.FN++
			r.Misses = append(r.Misses, Miss{"events", "missing", w.Name})
			continue
		}
		used[found] = true
		c.TP++
		if got[found].date == w.Date {
			d.TP++
		} else {
			d.FP++
			d.FN++
			r.Misses = append(r.Misses, Miss{"event_dates", "wrong", fmt.Sprintf("%s: %q, want %q", w.Name, got[found].date, w.Date)})
		}
	}
	for i, e := range got {
		if !used[i] {
			c.FP++
			r.Misses = append(r.Misses, Miss{"events", "spurious", e.name})
		}
	}
	r.Counts["events"] = c
	r.Counts["event_dates"] = d
}

// Report prints the scores of results, micro-averaged, and the reports
// with the most misses.
func Report(w io.Writer, results []Result, worst int, verbose bool) map[string]Count {
	total := map[string]Count{}
	for _, r := range results {
		for k, c := range r.Counts {
			t := total[k]
			t.TP, t.FP, t.FN = t.TP+c.TP, t.FP+c.FP, t.FN+c.FN
			total[k] = t
		}
	}
	if verbose {
		for _, r := range results {
			for _, m := range r.Misses {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, m.Category, m.Kind, m.Item)
			}
		}
		fmt.Fprintln(w)
	}
	sorted := append([]Result(nil), results...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i].Misses) > len(sorted[j].Misses) })
	if worst > len(sorted) {
		worst = len(sorted)
	}
	var ws []string
	for _, r := range sorted[:worst] {
		if len(r.Misses) > 0 {
			ws = append(ws, fmt.Sprintf("%s (%d)", r.ID, len(r.Misses)))
		}
	}
	fmt.Fprintf(w, "most misses: %s\n", strings.Join(ws, ", "))
	fmt.Fprintf(w, "%d reports\n%-14s %6s %6s %6s %5s %5s %5s\n", len(results), "category", "P", "R", "F1", "TP", "FP", "FN")
	for _, k := range Categories {
		c := total[k]
		fmt.Fprintf(w, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d\n", k, c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
	}
	return total
}
