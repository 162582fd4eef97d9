package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
)

func whoHoldsCommand() *cli.Command {
	return &cli.Command{
		Name:      "who-holds",
		Usage:     "list who holds (or held) a post, with dates and the reports that say so",
		ArgsUsage: "POST",
		Description: `POST names an office, written any way that names it (坪坝县人民政府副县长,
坪坝县副县长; 中共武功县委常委, 武功县委常委; 代理市长 is the 市长's office;
traditional characters and full-width forms are read as the graph writes
names: 武功縣委常委 is 武功县委常委). Every office it names is listed, the
exact ones (that office, or a post named exactly so) first, then every
post one of whose names contains POST, each group labelled.

An office's holders follow each other. Each is in office FROM their stated
start (an appointment or election a report tells of) else their first
sighting (the earliest report naming the holding) UNTIL their stated end (a
removal or resignation) else the next holder's start (inferred; not in
offices several people hold at once, such as 副县长 or 常委) else still, as
last known. Each line says which bounds are stated and which inferred, with
the reports seen and their ids. With --on DATE (a day 2020-06-01, a month
2020-06 or a year 2020: at any time in it), only those in office then.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "on", Usage: "only those in office on this day, or at any time in this month or year (YYYY-MM-DD, YYYY-MM, YYYY)"},
		}, formatFlags()...),
		Action: func(c *cli.Context) error {
			post, format, dates, err := queryArgs(c, "name one POST, e.g. kg who-holds 武功县委常委", "on")
			if err != nil {
				return err
			}
			on := dates[0]
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(c.Context)
			hs, m, err := cl.WhoHolds(c.Context, post, on)
			if err != nil {
				return graphError(err)
			}
			w := terminalSafe(c.App.Writer)
			switch format {
			case formatJSON:
				if hs == nil {
					hs = []graph.Holding{}
				}
				return writeJSON(w, struct {
					Post    string          `json:"post"`
					On      string          `json:"on,omitempty"`
					Match   graph.Match     `json:"match"`
					Holders []graph.Holding `json:"holders"`
				}{post, on, m, hs})
			case formatCSV:
				rows := [][]string{append([]string{"match"}, holdingHeader...)}
				for _, h := range hs {
					rows = append(rows, append([]string{string(matchOf(h))}, holdingCells(h)...))
				}
				return writeCSV(w, rows)
			}
			printHolders(w, post, on, m, hs)
			return nil
		},
	}
}

// matchOf is a holding's match; "" (not marked) is exact.
func matchOf(h graph.Holding) graph.Match {
	if h.Match == "" {
		return graph.MatchExact
	}
	return h.Match
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
	// One table per match, exact first (the holdings come so ordered).
	for i := 0; i < len(hs); {
		j := i
		for j < len(hs) && matchOf(hs[j]) == matchOf(hs[i]) {
			j++
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "holders of %s%s:\n", matchPhrase(post, matchOf(hs[i])), scope)
		rows := [][]string{{"PERSON", "OFFICE", "FROM", "UNTIL", "SEEN", "REPORTS"}}
		for _, h := range hs[i:j] {
			rows = append(rows, []string{
				h.Person + " (" + h.Context + ")", h.Post + qualifiers(h.Tenure),
				fromText(h), untilText(h), dash(h.FirstSeen) + " … " + dash(h.LastSeen),
				strings.Join(h.Reports, ","),
			})
		}
		printTable(w, rows)
		i = j
	}
}

// holdingHeader and holdingCells are a holding as a CSV row; termHeader
// and termCells the same without the office (for rows that name it).
var holdingHeader = append([]string{"person", "context", "person_key", "identity", "office", "office_key"}, termHeader...)

var termHeader = []string{"acting", "executive", "from", "from_bound", "until", "until_bound", "next_holder", "first_seen", "last_seen", "reports"}

func holdingCells(h graph.Holding) []string {
	return append([]string{h.Person, h.Context, h.PersonKey, h.Identity, h.Post, h.PostKey}, termCells(h)[4:]...)
}

// termCells: person, context, person_key, identity, then termHeader's.
func termCells(h graph.Holding) []string {
	return []string{h.Person, h.Context, h.PersonKey, h.Identity, boolCell(h.Acting), boolCell(h.Executive),
		h.From, h.FromBound, h.Until, h.UntilBound, h.Next, h.FirstSeen, h.LastSeen, strings.Join(h.Reports, ";")}
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Output formats: --format table|csv|json (--json and --csv for short).
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
)

// formatFlags are the output flags of the query commands.
func formatFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Value: formatTable, Usage: "output: table (aligned, for reading), csv (a header row, then one row per line) or json"},
		&cli.BoolFlag{Name: "json", Usage: "print JSON (--format json)"},
		&cli.BoolFlag{Name: "csv", Usage: "print CSV (--format csv)"},
	}
}

// outputFormat is the format the flags ask for; a usage error when they
// disagree or name no format.
func outputFormat(c *cli.Context) (string, error) {
	f := strings.ToLower(strings.TrimSpace(c.String("format")))
	switch f {
	case formatTable, formatCSV, formatJSON:
	default:
		return "", usageError("%s: --format %q: use table, csv or json", c.Command.Name, c.String("format"))
	}
	short := ""
	if c.Bool("json") {
		short = formatJSON
	}
	if c.Bool("csv") {
		if short != "" {
			return "", usageError("%s: --json and --csv: choose one", c.Command.Name)
		}
		short = formatCSV
	}
	if short != "" {
		if c.IsSet("format") && f != short {
			return "", usageError("%s: --format %s and --%s: choose one", c.Command.Name, f, short)
		}
		return short, nil
	}
	return f, nil
}

// writeCSV writes rows (the first the header) as CSV.
func writeCSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// queryArgs reads what every query command takes: one positional query
// (usage names it when missing), the output format, and the date flags
// named (each a day, month or year, or empty), all in the graph's writing
// (queryText).
func queryArgs(c *cli.Context, usage string, dateFlags ...string) (q, format string, dates []string, err error) {
	args, err := positional(c)
	if err != nil {
		return "", "", nil, err
	}
	cmd := c.Command.Name
	if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
		return "", "", nil, usageError("%s: %s", cmd, usage)
	}
	if format, err = outputFormat(c); err != nil {
		return "", "", nil, err
	}
	for _, f := range dateFlags {
		d := queryText(c.String(f))
		if d != "" && !validOn(d) {
			return "", "", nil, usageError("%s: --%s %q is not a day, month or year like 2021-03-01, 2021-03 or 2021", cmd, f, d)
		}
		dates = append(dates, d)
	}
	return queryText(args[0]), format, dates, nil
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
	switch m {
	case graph.MatchContains:
		return fmt.Sprintf("posts containing %q", name)
	case graph.MatchVariant:
		return fmt.Sprintf("%s (variant)", name)
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
		Usage:     "a person's career: each office held, from when until when (stated or inferred), acting or not",
		ArgsUsage: "NAME",
		Description: `Every person named NAME is shown, then every person whose name contains
NAME, each labelled (traditional characters and full-width forms are read
as the graph writes names). One block per person: the Person nodes of one
identity together (namesakes of different places are different people).

The block is a career table: each office held, FROM and UNTIL, with how
each bound is known (stated: a report tells of the appointment or removal;
first or last seen; inferred from the next holder's start; as last known),
and whether the holding is acting (代理, 代) or executive (常务), with the
reports. --events adds the events chaired, spoken at, attended or honoured
at, and the evidence sentences of posts and events, with report ids and
offsets. --format csv prints the career table (with --events, the events);
--format json everything.`,
		Flags: append(personFlags(), formatFlags()...),
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageError("person: name one NAME, e.g. kg person 仝晓东")
			}
			format, err := outputFormat(c)
			if err != nil {
				return err
			}
			opt := personOptions{events: c.Bool("events"), why: c.Bool("why")}
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
			persons := graph.Group(ps)
			var ids []string
			for _, g := range persons {
				ids = append(ids, g.Identity)
			}
			facts, err := cl.IdentityFacts(c.Context, ids)
			if err != nil {
				return graphError(err)
			}
			for i := range persons {
				persons[i].IdentityFacts = facts[persons[i].Identity]
			}
			if opt.why {
				var names []string
				for _, g := range persons {
					names = append(names, g.Name)
				}
				apart, err := cl.Refused(c.Context, names)
				if err != nil {
					return graphError(err)
				}
				for i := range persons {
					for _, j := range apart {
						for _, n := range persons[i].Nodes {
							if n.Key == j.From || n.Key == j.To {
								persons[i].Apart = append(persons[i].Apart, j)
								break
							}
						}
					}
				}
			}
			w := terminalSafe(c.App.Writer)
			switch format {
			case formatJSON:
				if persons == nil {
					persons = []graph.Individual{}
				}
				return writeJSON(w, struct {
					Name    string             `json:"name"`
					Match   graph.Match        `json:"match"`
					Persons []graph.Individual `json:"persons"`
				}{name, m, persons})
			case formatCSV:
				return writeCSV(w, personRows(ps, opt))
			}
			printIndividuals(w, name, m, persons, opt)
			return nil
		},
	}
}

// personFlags are the person command's own flags; personOptions what
// they ask for (one more flag: one more field, read in the Action).
func personFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "events", Usage: "add the events (roles, places) and the evidence of posts and events"},
		&cli.BoolFlag{Name: "why", Usage: "say why the Person nodes of each person are one human (the office both hold, the profile, the place above), with the reports"},
	}
}

type personOptions struct {
	events bool
	why    bool
}

// printProfiles prints the compact view: a career table per person.
func printProfiles(w io.Writer, name string, m graph.Match, ps []graph.Profile) {
	printPersons(w, name, m, ps, personOptions{})
}

func printPersons(w io.Writer, name string, m graph.Match, ps []graph.Profile, opt personOptions) {
	printIndividuals(w, name, m, graph.Group(ps), opt)
}

func printIndividuals(w io.Writer, name string, m graph.Match, persons []graph.Individual, opt personOptions) {
	if m == graph.MatchNone {
		fmt.Fprintf(w, "no person named or containing %q\n", name)
		return
	}
	for i, g := range persons {
		if i > 0 {
			fmt.Fprintln(w)
		}
		var nodes, reports []string
		for _, p := range g.Nodes {
			nodes = append(nodes, p.Key)
			reports = append(reports, p.Reports...)
		}
		slices.Sort(reports)
		reports = slices.Compact(reports)
		contexts := []string{}
		for _, p := range g.Nodes {
			if !slices.Contains(contexts, p.Context) {
				contexts = append(contexts, p.Context)
			}
		}
		label := ""
		if g.Match == graph.MatchContains {
			label = fmt.Sprintf(" — contains %q", name)
		}
		fmt.Fprintf(w, "%s (%s)%s — key %s; named in %d report(s): %s\n", g.Name, strings.Join(contexts, ", "), label,
			strings.Join(nodes, ", "), len(reports), strings.Join(reports, ", "))
		if p := profileText(g.Attributes); p != "" {
			fmt.Fprintf(w, "  profile: %s\n", p)
		}
		if opt.why {
			printJoins(w, g)
			printApart(w, g)
		}
		if len(g.Career) > 0 {
			rows := [][]string{{"OFFICE", "FROM", "UNTIL", "BOUNDS", "ACTING", "REPORTS"}}
			for _, h := range g.Career {
				rows = append(rows, []string{h.Post, dash(h.From), untilDate(h), boundsText(h), actingText(h.Tenure), strings.Join(h.Reports, ",")})
			}
			var b strings.Builder
			printTable(&b, rows)
			for _, l := range strings.SplitAfter(strings.TrimSuffix(b.String(), "\n"), "\n") {
				fmt.Fprint(w, "  "+l)
			}
			fmt.Fprintln(w)
		}
		if !opt.events {
			if len(g.Career) == 0 {
				fmt.Fprintln(w, "  no posts known")
			}
			continue
		}
		var events []graph.EventRole
		var posts []graph.PostHeld
		for _, p := range g.Nodes {
			events = append(events, p.Events...)
			posts = append(posts, p.Posts...)
		}
		if len(events) > 0 {
			fmt.Fprintln(w, "  events:")
		}
		for _, e := range events {
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
		if len(posts) > 0 {
			fmt.Fprintln(w, "  evidence of the posts:")
		}
		for _, h := range posts {
			fmt.Fprintf(w, "    %s%s  %s\n", h.Post, qualifiers(h.Tenure), tenureText(h.Tenure))
			printEvidence(w, h.Evidence)
		}
		if len(posts) == 0 && len(events) == 0 {
			fmt.Fprintln(w, "  no posts or events known")
		}
	}
}

// personRows is the CSV of the person command: the career, or with
// --events the events.
func personRows(ps []graph.Profile, opt personOptions) [][]string {
	if opt.events {
		rows := [][]string{{"match", "identity", "name", "person_key", "context", "date", "role", "honour", "event", "kind", "places", "reports"}}
		for _, g := range graph.Group(ps) {
			for _, p := range g.Nodes {
				for _, e := range p.Events {
					rows = append(rows, []string{string(g.Match), g.Identity, p.Name, p.Key, p.Context, e.Date, e.Role, e.Honour, e.Event, e.Kind,
						strings.Join(e.Places, ";"), strings.Join(e.Reports, ";")})
				}
			}
		}
		return rows
	}
	rows := [][]string{append([]string{"match"}, holdingHeader...)}
	for _, g := range graph.Group(ps) {
		for _, h := range g.Career {
			rows = append(rows, append([]string{string(g.Match)}, holdingCells(h)...))
		}
	}
	return rows
}

// untilDate is a term's end, or "still" while it lasts.
func untilDate(h graph.Holding) string {
	if h.Until == "" {
		return "still"
	}
	return h.Until
}

// boundsText says how each bound of a term is known.
func boundsText(h graph.Holding) string {
	from := "unknown"
	switch h.FromBound {
	case graph.BoundStated:
		from = "stated"
	case graph.BoundSeen:
		from = "first seen"
		if h.End != "" && h.From >= h.End {
			from = "unknown"
		}
	}
	until := "as last known"
	switch h.UntilBound {
	case graph.BoundStated:
		until = "stated"
	case graph.BoundSeen:
		until = "last seen"
	case graph.BoundNext:
		until = "inferred: next holder " + h.Next
	}
	return from + " / " + until
}

// actingText marks an acting or executive holding.
func actingText(t graph.Tenure) string {
	return strings.Trim(strings.TrimSpace(qualifiers(t)), "()")
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

// queryText writes a query as the graph writes names (graph.QueryText).
func queryText(q string) string { return graph.QueryText(q) }

// attributeLabels say an attribute in the profile line ("" prints the
// value alone).
var attributeLabels = map[string]string{
	"birth": "born ", "native_place": "native of ", "party_since": "party member since ", "work_since": "working since ",
}

// profileText is the profile line: 女, 汉族, born 1978-11, native of 河北威县,
// 研究生学历 (also 大学学历), 中共党员.
func profileText(attrs []graph.PersonAttribute) string {
	var parts []string
	for _, a := range attrs {
		s := attributeLabels[a.Kind] + a.Value
		var also []string
		for _, v := range a.Values {
			if v != a.Value {
				also = append(also, v)
			}
		}
		if len(also) > 0 {
			s += " (also " + strings.Join(also, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// printJoins says why the nodes of one person are one (--why).
func printJoins(w io.Writer, g graph.Individual) {
	if len(g.Joins) == 0 {
		if len(g.Nodes) == 1 {
			fmt.Fprintf(w, "  why: one node (%s); nothing the graph holds joins it to another %s\n", g.Nodes[0].Key, g.Name)
		}
		return
	}
	fmt.Fprintln(w, "  why one person:")
	for _, j := range g.Joins {
		fmt.Fprintf(w, "    %s = %s (%s): %s [reports %s]\n", j.From, j.To, j.Rule, j.Reason, strings.Join(j.Reports, ", "))
	}
}

// printApart says which joins a conflicting profile refused (--why).
func printApart(w io.Writer, g graph.Individual) {
	if len(g.Apart) == 0 {
		return
	}
	fmt.Fprintln(w, "  kept apart:")
	for _, j := range g.Apart {
		fmt.Fprintf(w, "    %s ≠ %s (%s refused): %s [reports %s]\n", j.From, j.To, j.Rule, j.Reason, strings.Join(j.Reports, ", "))
	}
}
