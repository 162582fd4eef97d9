package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
)

func rosterCommand() *cli.Command {
	return &cli.Command{
		Name:      "roster",
		Usage:     "list the offices of a place or an organisation, each with its holder (on a date, or as last known)",
		ArgsUsage: "PLACE|ORG",
		Description: `PLACE is a place by its full name (武功县), a short or former name (武功,
listed as a variant) or part of the name of the place of some office;
ORG an organisation (武功县委 or 中共武功县委, 武功县人民政府, 椰风集团): the
offices its name and a title name (武功县委常委) and those that belong to
it; part of an organisation's name lists every one containing it, unless
the text names a place.
Traditional characters and full-width forms are read as the graph writes
names. Every match is listed, exact first, each labelled.

Each office of the place (with --below, of the places under it too, by
their GB/T 2260 codes) or of the organisation is listed with its holder:
on --on DATE (a day, a month or a year: in office at any time in it), else
as last known. Terms are those of who-holds: from the stated start else the
first sighting, until the stated end else the next holder's start else
still; each line says which bounds are stated and which inferred, and
marks acting (代理, 代) and executive (常务) holdings. An office several
hold at once (副县长, 常委) has a line per holder. An office whose last
holder has left is shown as vacant, with who left and when; one whose
first known holder came later than DATE as unknown.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "on", Usage: "holders on this day, or at any time in this month or year (YYYY-MM-DD, YYYY-MM, YYYY); default: as last known"},
			&cli.BoolFlag{Name: "below", Usage: "also the offices of the places under PLACE (its towns; a city's districts and counties)"},
		}, formatFlags()...),
		Action: func(c *cli.Context) error {
			q, format, dates, err := queryArgs(c, "name one PLACE or ORG, e.g. kg roster 武功县", "on")
			if err != nil {
				return err
			}
			on := dates[0]
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			scopes, lines, err := cl.Roster(c.Context, q, on, c.Bool("below"))
			if err != nil {
				return graphError(err)
			}
			w := terminalSafe(c.App.Writer)
			switch format {
			case formatJSON:
				if scopes == nil {
					scopes = []graph.Scope{}
				}
				if lines == nil {
					lines = []graph.RosterLine{}
				}
				return writeJSON(w, struct {
					Query   string             `json:"query"`
					On      string             `json:"on,omitempty"`
					Scopes  []graph.Scope      `json:"scopes"`
					Offices []graph.RosterLine `json:"offices"`
				}{q, on, scopes, lines})
			case formatCSV:
				return writeCSV(w, rosterRows(scopes, lines))
			}
			printRoster(w, q, on, scopes, lines)
			return nil
		},
	}
}

func rosterRows(scopes []graph.Scope, lines []graph.RosterLine) [][]string {
	match := map[string]graph.Match{}
	for _, s := range scopes {
		match[s.Name+"|"+s.Code] = s.Match
	}
	rows := [][]string{append([]string{"scope", "scope_code", "match", "office", "office_key", "place", "place_code", "organ", "title", "status", "person", "context", "person_key", "identity"}, termHeader...)}
	for _, l := range lines {
		row := []string{l.Scope, l.ScopeCode, string(match[l.Scope+"|"+l.ScopeCode]), l.Name, l.Key, l.Place, l.PlaceCode, l.Organ, l.Title, l.Status}
		switch {
		case l.Holder != nil:
			row = append(row, termCells(*l.Holder)...)
		case l.Previous != nil:
			row = append(row, termCells(*l.Previous)...)
		default:
			row = append(row, make([]string, 4+len(termHeader))...)
		}
		rows = append(rows, row)
	}
	return rows
}

func printRoster(w io.Writer, q, on string, scopes []graph.Scope, lines []graph.RosterLine) {
	if len(scopes) == 0 {
		fmt.Fprintf(w, "no place or organisation with offices named or containing %q\n", q)
		return
	}
	when := "as last known"
	if on != "" {
		when = "on " + on
	}
	for i, s := range scopes {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "offices of %s%s, %s:\n", s, scopeLabel(q, s), when)
		rows := [][]string{{"OFFICE", "HOLDER", "FROM", "UNTIL", "REPORTS"}}
		for _, l := range lines {
			if l.Scope != s.Name || l.ScopeCode != s.Code {
				continue
			}
			switch {
			case l.Holder != nil:
				h := *l.Holder
				rows = append(rows, []string{l.Name + qualifiers(h.Tenure), h.Person + " (" + h.Context + ")", fromText(h), untilText(h),
					strings.Join(h.Reports, ",")})
			case l.Previous != nil:
				p := *l.Previous
				rows = append(rows, []string{l.Name, "vacant", "since " + p.Until, "(" + p.Person + " " + untilText(p) + ")",
					strings.Join(p.Reports, ",")})
			default:
				rows = append(rows, []string{l.Name, "nobody known", "—", "—", ""})
			}
		}
		printTable(w, rows)
	}
}

// scopeLabel says how q matched a scope, when not exactly.
func scopeLabel(q string, s graph.Scope) string {
	kind := ""
	if s.Kind == graph.ScopeOrganization {
		kind = " (organisation)"
	}
	switch s.Match {
	case graph.MatchVariant:
		return kind + fmt.Sprintf(" — %q is a short or former name", q)
	case graph.MatchContains:
		return kind + fmt.Sprintf(" — contains %q", q)
	}
	return kind
}
