package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/nlp/normalize"
)

func whoHoldsCommand() *cli.Command {
	return &cli.Command{
		Name:      "who-holds",
		Usage:     "list who holds (or held) a post, with dates and the reports that say so",
		ArgsUsage: "POST",
		Description: `POST names an office, written any way that names it (坪坝县人民政府副县长,
坪坝县副县长; 中共武功县委常委, 武功县委常委; 代理市长 is the 市长's office);
when no office is so named, the posts named exactly so, else every post whose
name contains POST, are listed.

An office's holders follow each other. Each is in office FROM their stated
start (an appointment or election a report tells of) else their first
sighting (the earliest report naming the holding) UNTIL their stated end (a
removal or resignation) else the next holder's start (inferred; not in
offices several people hold at once, such as 副县长 or 常委) else still, as
last known. Each line says which bounds are stated and which inferred, with
the reports seen and their ids. With --on DATE (a day 2020-06-01, a month
2020-06 or a year 2020: at any time in it), only those in office then.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "on", Usage: "only those in office on this day, or at any time in this month or year (YYYY-MM-DD, YYYY-MM, YYYY)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageError("who-holds: name one POST, e.g. kg who-holds 静海区委书记")
			}
			post, on := queryText(args[0]), c.String("on")
			if on != "" && !validOn(on) {
				return usageError("who-holds: --on %q is not a day, month or year like 2021-03-01, 2021-03 or 2021", on)
			}
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			hs, m, err := cl.WhoHolds(c.Context, post, on)
			if err != nil {
				return graphError(err)
			}
			if c.Bool("json") {
				if hs == nil {
					hs = []graph.Holding{}
				}
				return writeJSON(terminalSafe(c.App.Writer), struct {
					Post    string          `json:"post"`
					On      string          `json:"on,omitempty"`
					Match   graph.Match     `json:"match"`
					Holders []graph.Holding `json:"holders"`
				}{post, on, m, hs})
			}
			printHolders(terminalSafe(c.App.Writer), post, on, m, hs)
			return nil
		},
	}
}

func printHolders(w io.Writer, post, on string, m graph.Match, hs []graph.Holding) {
	if m == graph.MatchNone {
		fmt.Fprintf(w, "no post named or containing %q\n", post)
		return
	}
	scope := ""
	if on != "" {
		scope = " on " + on
	}
	if len(hs) == 0 {
		fmt.Fprintf(w, "nobody is known to hold %s%s\n", matchPhrase(post, m), scope)
		return
	}
	fmt.Fprintf(w, "holders of %s%s:\n", matchPhrase(post, m), scope)
	rows := [][]string{{"PERSON", "OFFICE", "FROM", "UNTIL", "SEEN", "REPORTS"}}
	for _, h := range hs {
		rows = append(rows, []string{
			h.Person + " (" + h.Context + ")", h.Post + qualifiers(h.Tenure),
			fromText(h), untilText(h), dash(h.FirstSeen) + " … " + dash(h.LastSeen),
			strings.Join(h.Reports, ","),
		})
	}
	printTable(w, rows)
}

// validOn accepts a day, a month or a year.
func validOn(on string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(on) == len(layout) {
			if _, err := time.Parse(layout, on); err == nil {
				return true
			}
		}
	}
	return false
}

// qualifiers mark an acting or executive holding.
func qualifiers(t graph.Tenure) string {
	switch {
	case t.Acting && t.Executive:
		return " (acting, executive)"
	case t.Acting:
		return " (acting)"
	case t.Executive:
		return " (executive)"
	}
	return ""
}

// fromText says when a term began and how that is known.
func fromText(h graph.Holding) string {
	switch h.FromBound {
	case graph.BoundStated:
		return h.From + " appointed"
	case graph.BoundSeen:
		if h.End != "" && h.From >= h.End {
			return "start unknown (first seen in the removal's report)"
		}
		if h.Appointed {
			return h.From + " first seen (appointment undated)"
		}
		return h.From + " first seen"
	}
	return "—"
}

// untilText says when a term ended and how that is known.
func untilText(h graph.Holding) string {
	switch h.UntilBound {
	case graph.BoundStated:
		return h.Until + " removed"
	case graph.BoundNext:
		return h.Until + " inferred: " + h.Next + " from then"
	case graph.BoundSeen:
		return h.Until + " last seen (removal undated)"
	}
	return "still, as last known"
}

func matchPhrase(name string, m graph.Match) string {
	if m == graph.MatchContains {
		return fmt.Sprintf("posts containing %q", name)
	}
	return name
}

// dateOr shows a tenure bound: the date, "(undated)" for an appointment or
// removal without a date, "—" when none is known.
func dateOr(date string, happened bool) string {
	switch {
	case date != "":
		return date
	case happened:
		return "(undated)"
	}
	return "—"
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func personCommand() *cli.Command {
	return &cli.Command{
		Name:      "person",
		Usage:     "show what the graph knows of a person: posts over time and events, each with its evidence",
		ArgsUsage: "NAME",
		Description: `Every Person node named NAME (or, when none is, whose name contains NAME)
is shown separately: namesakes of different places are different people.
For each: the posts held, with dates, and the events chaired, spoken at,
attended or honoured at, each with the evidence sentences and report ids.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageError("person: name one NAME, e.g. kg person 蔺雪峰")
			}
			name := queryText(args[0])
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			ps, m, err := cl.Person(c.Context, name)
			if err != nil {
				return graphError(err)
			}
			if c.Bool("json") {
				if ps == nil {
					ps = []graph.Profile{}
				}
				return writeJSON(terminalSafe(c.App.Writer), struct {
					Name    string          `json:"name"`
					Match   graph.Match     `json:"match"`
					Persons []graph.Profile `json:"persons"`
				}{name, m, ps})
			}
			printProfiles(terminalSafe(c.App.Writer), name, m, ps)
			return nil
		},
	}
}

func printProfiles(w io.Writer, name string, m graph.Match, ps []graph.Profile) {
	if m == graph.MatchNone {
		fmt.Fprintf(w, "no person named or containing %q\n", name)
		return
	}
	for i, p := range ps {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s) — key %s; named in %d report(s): %s\n", p.Name, p.Context, p.Key, len(p.Reports), strings.Join(p.Reports, ", "))
		if len(p.Posts) > 0 {
			fmt.Fprintln(w, "  posts:")
		}
		for _, h := range p.Posts {
			fmt.Fprintf(w, "    %s%s  %s\n", h.Post, qualifiers(h.Tenure), tenureText(h.Tenure))
			printEvidence(w, h.Evidence)
		}
		if len(p.Events) > 0 {
			fmt.Fprintln(w, "  events:")
		}
		for _, e := range p.Events {
			role := e.Role
			if e.Honour != "" {
				role += " (" + e.Honour + ")"
			}
			where := ""
			if len(e.Places) > 0 {
				where = " in " + strings.Join(e.Places, ", ")
			}
			fmt.Fprintf(w, "    %s  %s  %s%s  [reports %s]\n", dash(e.Date), role, e.Event, where, strings.Join(e.Reports, ", "))
			printEvidence(w, e.Evidence)
		}
		if len(p.Posts) == 0 && len(p.Events) == 0 {
			fmt.Fprintln(w, "  no posts or events known")
		}
	}
}

func tenureText(t graph.Tenure) string {
	var parts []string
	if t.Start != "" || t.Appointed {
		parts = append(parts, "appointed "+dateOr(t.Start, true))
	}
	if t.End != "" || t.Removed {
		parts = append(parts, "removed "+dateOr(t.End, true))
	}
	parts = append(parts, fmt.Sprintf("seen %s … %s", dash(t.FirstSeen), dash(t.LastSeen)))
	return strings.Join(parts, ", ") + "  [reports " + strings.Join(t.Reports, ", ") + "]"
}

func printEvidence(w io.Writer, evs []graph.EvidenceRef) {
	for _, e := range evs {
		note := ""
		if e.Derived {
			note = " (from an attribute)"
		}
		fmt.Fprintf(w, "      %s %s [%d:%d]%s %s\n", e.Report, dash(e.ReportDate), e.Start, e.End, note, e.Text)
	}
}

// terminalSafe returns w, or when w is a terminal a writer that escapes
// the control characters in what is written to it (see escapeControls)
// but newlines and tabs: the names, report ids and evidence that the
// graph holds come from the reports, and an escape sequence in one would
// drive the terminal. Output to a file or pipe is left as it is.
func terminalSafe(w io.Writer) io.Writer {
	if _, ok := terminalWidth(w); ok {
		return escapingWriter{w}
	}
	return w
}

// escapingWriter escapes control characters on their way to a terminal.
// Each Write is escaped on its own (kg writes whole lines).
type escapingWriter struct{ w io.Writer }

func (e escapingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(e.w, escapeControls(string(p), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printTable prints rows in columns aligned by display width (a Chinese
// character takes two columns of a terminal).
func printTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// displayWidth counts terminal columns: two for East Asian wide characters.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			n++
		case unicode.Is(unicode.Han, r), r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60,
			r >= 0x2E80 && r <= 0x2FDF, r >= 0xAC00 && r <= 0xD7A3:
			n += 2
		default:
			n++
		}
	}
	return n
}

// positional returns the command's arguments, first applying any of its
// flags written after them: urfave/cli stops reading flags at the first
// argument, but `kg who-holds 区长 --on 2021-01-01` should work too.
func positional(c *cli.Context) ([]string, error) {
	var pos []string
	args := c.Args().Slice()
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := commandFlag(c, name)
		if f == nil {
			return nil, usageError("%s: unknown flag %s", c.Command.Name, a)
		}
		if _, isBool := f.(*cli.BoolFlag); isBool {
			if !hasVal {
				val = "true"
			}
		} else if !hasVal {
			if i+1 >= len(args) {
				return nil, usageError("%s: flag %s needs a value", c.Command.Name, a)
			}
			i++
			val = args[i]
		}
		if err := c.Set(name, val); err != nil {
			return nil, usageError("%s: %s: %v", c.Command.Name, a, err)
		}
	}
	return pos, nil
}

func commandFlag(c *cli.Context, name string) cli.Flag {
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// queryText is what the user typed, written as the graph writes names:
// simplified, half-width, trimmed (渝中區委書記 → 渝中区委书记, ＡＢＣ → ABC),
// by the normaliser the pipeline uses for reports.
func queryText(q string) string {
	q = strings.TrimSpace(q)
	n, err := normalize.New()
	if err != nil {
		return q
	}
	t, _ := n.Normalize(q)
	if s := strings.TrimSpace(string(t)); s != "" {
		return s
	}
	return q
}
