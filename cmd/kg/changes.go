package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
)

func changesCommand() *cli.Command {
	return &cli.Command{
		Name:      "changes",
		Usage:     "list the appointments, removals, acting appointments and vacancies in a place's offices in a period",
		ArgsUsage: "PLACE|ORG",
		Description: `PLACE|ORG is read as by roster (with --below, the places under PLACE too).
The changes in its offices from --from to --to (each a day, a month or a
year; either may be left out), ordered by date, each with the reports
that tell of it: appointments and acting appointments (代理, 代) and
removals a report tells of — with their date (stated), or undated and
then dated by the report (seen) — and vacancies: a removal after which
nobody else is in the office until the end of the period.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "from", Usage: "first day, month or year of the period (YYYY-MM-DD, YYYY-MM, YYYY)"},
			&cli.StringFlag{Name: "to", Usage: "last day, month or year of the period"},
			&cli.BoolFlag{Name: "below", Usage: "also the offices of the places under PLACE"},
		}, formatFlags()...),
		Action: func(c *cli.Context) error {
			q, format, dates, err := queryArgs(c, "name one PLACE or ORG, e.g. kg changes 武功县 --from 2024-04 --to 2024-05", "from", "to")
			if err != nil {
				return err
			}
			from, to := dates[0], dates[1]
			if from != "" && to != "" {
				lo, _, _ := graph.Period(from)
				if _, hi, _ := graph.Period(to); hi < lo {
					return usageError("changes: --to %s is before --from %s", to, from)
				}
			}
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			scopes, cs, err := cl.Changes(c.Context, q, from, to, c.Bool("below"))
			if err != nil {
				return graphError(err)
			}
			w := terminalSafe(c.App.Writer)
			switch format {
			case formatJSON:
				if scopes == nil {
					scopes = []graph.Scope{}
				}
				if cs == nil {
					cs = []graph.Change{}
				}
				return writeJSON(w, struct {
					Query   string         `json:"query"`
					From    string         `json:"from,omitempty"`
					To      string         `json:"to,omitempty"`
					Scopes  []graph.Scope  `json:"scopes"`
					Changes []graph.Change `json:"changes"`
				}{q, from, to, scopes, cs})
			case formatCSV:
				rows := [][]string{{"date", "kind", "bound", "scope", "scope_code", "office", "office_key", "person", "context", "person_key", "acting", "executive", "reports"}}
				for _, ch := range cs {
					rows = append(rows, []string{ch.Date, ch.Kind, ch.Bound, ch.Scope, ch.ScopeCode, ch.Office, ch.OfficeKey, ch.Person, ch.Context, ch.PersonKey,
						boolCell(ch.Acting), boolCell(ch.Executive), strings.Join(ch.Reports, ";")})
				}
				return writeCSV(w, rows)
			}
			printChanges(w, q, from, to, scopes, cs)
			return nil
		},
	}
}

func printChanges(w io.Writer, q, from, to string, scopes []graph.Scope, cs []graph.Change) {
	if len(scopes) == 0 {
		fmt.Fprintf(w, "no place or organisation with offices named or containing %q\n", q)
		return
	}
	var names []string
	for _, s := range scopes {
		names = append(names, s.String()+scopeLabel(q, s))
	}
	period := ""
	if from != "" {
		period += " from " + from
	}
	if to != "" {
		period += " to " + to
	}
	if len(cs) == 0 {
		fmt.Fprintf(w, "no changes known in the offices of %s%s\n", strings.Join(names, "; "), period)
		return
	}
	fmt.Fprintf(w, "changes in the offices of %s%s:\n", strings.Join(names, "; "), period)
	rows := [][]string{{"DATE", "CHANGE", "OFFICE", "PERSON", "REPORTS"}}
	for _, ch := range cs {
		date := ch.Date
		if ch.Bound == graph.BoundSeen {
			date += " (seen; undated)"
		}
		kind := ch.Kind
		if ch.Executive {
			kind += " (executive)"
		}
		if ch.Acting && ch.Kind != graph.ChangeActing {
			kind += " (acting)"
		}
		person := ch.Person + " (" + ch.Context + ")"
		if ch.Kind == graph.ChangeVacancy {
			person = "left by " + person
		}
		rows = append(rows, []string{date, kind, ch.Office, person, strings.Join(ch.Reports, ",")})
	}
	printTable(w, rows)
}
