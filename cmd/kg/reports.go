package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
)

// kg reports, kg report ID, kg delete ID: the reports in the graph.
// Everything printed comes from the reports (ids, titles, sources, the
// text): control characters in it are escaped, always, not only on a
// terminal (escapeControls; JSON escapes them itself, see safeJSON).

func reportsCommand() *cli.Command {
	return &cli.Command{
		Name:  "reports",
		Usage: "list the reports in the graph: id, date, source, title, facts; newest first",
		Description: `Lists the reports in the graph, newest first by report date (undated ones
last), at most --limit of them (0: all): id, date, source, title and how
many facts the report's evidence supports.`,
		Flags: append([]cli.Flag{
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Value: 50, Usage: "how many reports to list (0: all)"},
		}, formatFlags()...),
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) > 0 {
				return usageError("reports: no arguments expected (kg report ID shows one report)")
			}
			if c.Int("limit") < 0 {
				return usageError("reports: --limit must not be negative, not %d", c.Int("limit"))
			}
			format, err := outputFormat(c)
			if err != nil {
				return err
			}
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			rs, err := cl.Reports(c.Context, c.Int("limit"))
			if err != nil {
				return graphError(err)
			}
			switch format {
			case formatJSON:
				return safeJSON(c.App.Writer, rs)
			case formatCSV:
				rows := [][]string{{"id", "date", "facts", "source", "title"}}
				for _, r := range rs {
					rows = append(rows, []string{esc(r.ID), r.Date, strconv.Itoa(r.Facts), esc(r.Source), esc(r.Title)})
				}
				return writeCSV(c.App.Writer, rows)
			}
			if len(rs) == 0 {
				fmt.Fprintln(c.App.Writer, "no reports in the graph")
				return nil
			}
			rows := [][]string{{"ID", "DATE", "FACTS", "SOURCE", "TITLE"}}
			for _, r := range rs {
				rows = append(rows, []string{esc(r.ID), dash(r.Date), strconv.Itoa(r.Facts), dash(esc(r.Source)), dash(esc(r.Title))})
			}
			printTable(c.App.Writer, rows)
			return nil
		},
	}
}

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "print a report's text with every extracted fact's span marked",
		ArgsUsage: "ID",
		Description: `Prints the report's metadata and its original text, each span of evidence
between 【 and 】 followed by the numbers of the facts it supports, then the
list of those facts: type, from → to, and what the evidence adds (an
appointment, a removal, an honour, a fact derived from another). Spans that
overlap are marked as one. On a terminal the spans are in colour too (not
with NO_COLOR). --json prints the text, the marked spans (rune offsets) and
the facts.

A report loaded with kg ingest --no-text has no text in the graph: its facts
are listed with their sentences.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print JSON: text, spans, facts"},
		},
		Action: func(c *cli.Context) error {
			id, err := oneID(c, "report")
			if err != nil {
				return err
			}
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			v, err := cl.Report(c.Context, id)
			if err != nil {
				return reportError(err)
			}
			spans := markSpans(v)
			if c.Bool("json") {
				return safeJSON(c.App.Writer, struct {
					*graph.ReportView
					Spans []markedSpan `json:"spans"`
				}{v, spans})
			}
			_, colour := terminalWidth(c.App.Writer)
			colour = colour && os.Getenv("NO_COLOR") == ""
			printReport(c.App.Writer, v, spans, colour)
			return nil
		},
	}
}

func deleteCommand() *cli.Command {
	return &cli.Command{
		Name:      "delete",
		Usage:     "retract a report's facts and remove it from the graph",
		ArgsUsage: "ID",
		Description: `Retracts the report exactly as a changed report's old version is retracted
when its new text is ingested: its evidence and mentions are removed, the
facts and entities that only it supported are deleted, the others' support
(reports, first/last seen, tenure) is recomputed from the evidence that
remains; then the Report node is removed. Prints what changed.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			id, err := oneID(c, "delete")
			if err != nil {
				return err
			}
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			d, err := graph.NewLoader(cl, graph.Options{}).DeleteReport(c.Context, id)
			if err != nil {
				return reportError(err)
			}
			if c.Bool("json") {
				return safeJSON(c.App.Writer, d)
			}
			w := c.App.Writer
			r := d.Report
			fmt.Fprintf(w, "deleted report %s", esc(r.ID))
			if r.Source != "" {
				fmt.Fprintf(w, " (%s)", esc(r.Source))
			}
			fmt.Fprintln(w)
			fmt.Fprintf(w, "facts: %d retracted (%d removed, %d kept with other reports' evidence); entities: %d unlinked (%d removed)\n",
				r.Facts, d.FactsRemoved, r.Facts-d.FactsRemoved, r.Mentions, d.EntitiesRemoved)
			fmt.Fprintf(w, "graph: %d nodes deleted, %d relationships deleted, %d properties set\n",
				d.NodesDeleted, d.RelationshipsDeleted, d.PropertiesSet)
			return nil
		},
	}
}

// oneID is the command's one argument, a report id.
func oneID(c *cli.Context, cmd string) (string, error) {
	args, err := positional(c)
	if err != nil {
		return "", err
	}
	if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
		return "", usageError("%s: name one report ID (kg reports lists them)", cmd)
	}
	return args[0], nil
}

// reportError: an unknown id fails with exit 1 and says how to find one.
func reportError(err error) error {
	if errors.Is(err, graph.ErrNoReport) {
		return withCode(exitFailure, fmt.Errorf("%w (kg reports lists the reports)", err))
	}
	return graphError(err)
}

// esc escapes the control characters of one field (a line of its own).
func esc(s string) string { return escapeControls(s, false) }

// safeJSON writes v as indented JSON in which no control character is left
// raw: encoding/json escapes C0 controls but not DEL and the C1 controls
// (U+0080–U+009F), which are written \u007f, \u0080… here (they can only
// be inside strings).
func safeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		return err
	}
	out := b.Bytes()
	if bytes.ContainsFunc(out, func(r rune) bool { return r >= 0x7F && r < 0xA0 }) {
		var e bytes.Buffer
		for len(out) > 0 {
			r, n := utf8.DecodeRune(out)
			if r >= 0x7F && r < 0xA0 {
				fmt.Fprintf(&e, `\u%04x`, r)
			} else {
				e.Write(out[:n])
			}
			out = out[n:]
		}
		out = e.Bytes()
	}
	_, err := w.Write(out)
	return err
}

// markedSpan is a stretch of the text that evidence covers (overlapping
// spans of evidence merged), with the facts (1-based, as listed) in it.
type markedSpan struct {
	Start int   `json:"start"` // rune offsets into the text
	End   int   `json:"end"`
	Facts []int `json:"facts"`
}

// markSpans merges the facts' spans (sorted by start) into marked
// stretches of the text. Spans outside the text (or with no text) are not
// marked.
func markSpans(v *graph.ReportView) []markedSpan {
	n := utf8.RuneCountInString(v.Text)
	out := []markedSpan{}
	for i, f := range v.Facts {
		if !v.HasText || f.Start < 0 || f.End > n || f.Start >= f.End {
			continue
		}
		if k := len(out) - 1; k >= 0 && f.Start < out[k].End {
			out[k].End = max(out[k].End, f.End)
			out[k].Facts = append(out[k].Facts, i+1)
			continue
		}
		out = append(out, markedSpan{Start: f.Start, End: f.End, Facts: []int{i + 1}})
	}
	return out
}

const (
	colourOn  = "\x1b[1;33m"
	colourOff = "\x1b[0m"
)

// printReport prints the report's metadata, its text with the spans
// marked, and the numbered facts.
func printReport(w io.Writer, v *graph.ReportView, spans []markedSpan, colour bool) {
	fmt.Fprintf(w, "report %s\n", esc(v.ID))
	for _, kv := range [][2]string{{"date", v.Date}, {"source", v.Source}, {"title", v.Title}, {"jurisdiction", v.Jurisdiction}} {
		if kv[1] != "" {
			fmt.Fprintf(w, "%s: %s\n", kv[0], esc(kv[1]))
		}
	}
	fmt.Fprintf(w, "facts: %d (%d pieces of evidence)\n\n", v.ReportInfo.Facts, v.ReportInfo.Evidence)
	if !v.HasText {
		fmt.Fprintln(w, "(the text is not in the graph: the report was loaded with kg ingest --no-text; the facts' sentences follow)")
	} else {
		runes := []rune(v.Text)
		var b strings.Builder
		at := 0
		for _, s := range spans {
			b.WriteString(escapeControls(string(runes[at:s.Start]), true))
			if colour {
				b.WriteString(colourOn)
			}
			b.WriteString("【")
			b.WriteString(escapeControls(string(runes[s.Start:s.End]), true))
			b.WriteString("】")
			if colour {
				b.WriteString(colourOff)
			}
			b.WriteString("[" + numberList(s.Facts) + "]")
			at = s.End
		}
		b.WriteString(escapeControls(string(runes[at:]), true))
		text := strings.TrimRight(b.String(), "\r\n")
		fmt.Fprintln(w, text)
	}
	if len(v.Facts) == 0 {
		fmt.Fprintln(w, "\nno facts")
		return
	}
	fmt.Fprintln(w)
	for i, f := range v.Facts {
		fmt.Fprintf(w, "[%d] %s %s → %s%s\n", i+1, f.Type, esc(f.From), esc(f.To), factNotes(f))
		if !v.HasText {
			fmt.Fprintf(w, "    %s\n", esc(f.Sentence))
		}
	}
}

// factNotes is what a fact's evidence adds: "  (appointed 2021-03-01)".
func factNotes(f graph.ReportFact) string {
	var notes []string
	switch {
	case f.TenureStart != "":
		notes = append(notes, "appointed "+f.TenureStart)
	case f.Appointed:
		notes = append(notes, "appointed, undated")
	}
	switch {
	case f.TenureEnd != "":
		notes = append(notes, "removed "+f.TenureEnd)
	case f.Removed:
		notes = append(notes, "removed, undated")
	}
	if f.Honour != "" {
		notes = append(notes, "honour "+esc(f.Honour))
	}
	if f.Derived {
		notes = append(notes, "derived")
	}
	if len(notes) == 0 {
		return ""
	}
	return "  (" + strings.Join(notes, "; ") + ")"
}

// numberList writes 1,2,3,5 as "1-3,5".
func numberList(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ns[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(ns[i]), strconv.Itoa(ns[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d-%d", ns[i], ns[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
