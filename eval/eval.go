// Package eval scores extractions against gold annotations (the format of
// shared/eval/FORMAT.md): precision, recall and F1 per category, micro-
// averaged over all reports, and the reports with the most misses.
//
// The figures are exactly those of the reference scorer score.py (kept
// beside the dev set, not in this repository); testdata/parity holds its
// output on fixed inputs and the tests compare. Its rules, which this package
// follows to the letter:
//
//   - Every category is a set (duplicates collapse) compared by equality:
//     P = TP/(TP+FP) and R = TP/(TP+FN) are 0 when their denominator is, F1
//     is 0 when P+R is; figures are rounded to 4 decimals.
//   - Only gold reports are scored; a gold report without system output
//     counts as an empty extraction.
//   - persons, places: the names of the Person and Place entities (venues
//     included); holds_strict: (person, post) of HOLDS; roles and
//     roles_CHAIRED, roles_SPOKE_AT, roles_ATTENDED: (person, role);
//     commended: the honorees. commended and tenure are scored only for gold
//     files that have the key.
//   - holds_lenient and tenure match one to one: equal items first, then
//     items whose lenient keys are equal (the post with the jurisdiction and
//     then one level word taken off its front, see [StripJuris]); the gold
//     side strips the gold jurisdiction, the system side the report's
//     jurisdiction, or the gold one when the report has none.
//   - events: each gold event in gold order takes the unused system event of
//     highest similarity, at least 0.5 (1 when one name contains the other,
//     else the Jaccard index of their character sets), the later one on a
//     tie; date_acc is the share of gold events with a date whose match has
//     that date.
//   - "most misses" counts the missing persons, HOLDS (strict) and roles.
package eval

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
)

// GoldEvent is one event of a gold file.
type GoldEvent struct {
	Name  string `json:"name"`
	Date  string `json:"date"`
	Place string `json:"place"`
}

// Gold is one report's gold annotation. Commended and Tenure are nil when
// the gold file does not have the key: the category is then not scored for
// the report (an empty list is scored).
type Gold struct {
	ID           string      `json:"id"`
	Jurisdiction string      `json:"jurisdiction"`
	Persons      []string    `json:"persons"`
	Holds        [][]string  `json:"holds"`
	Events       []GoldEvent `json:"events"`
	Roles        [][]string  `json:"roles"`
	Places       []string    `json:"places"`
	Commended    [][]string  `json:"commended"`
	Tenure       [][]string  `json:"tenure"`
}

// LoadGold reads a gold file. Items of the wrong length (a hold that is not
// a pair, a tenure that is not [person, post, start|end, date]) are an error.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range []struct {
		key   string
		items [][]string
		n     int
	}{{"holds", g.Holds, 2}, {"roles", g.Roles, 2}, {"commended", g.Commended, 2}, {"tenure", g.Tenure, 4}} {
		for i, x := range c.items {
			if len(x) != c.n {
				return nil, fmt.Errorf("%s: %s[%d] has %d items, want %d", path, c.key, i, len(x), c.n)
			}
		}
	}
	return &g, nil
}

// LoadGoldDir reads every *.json file of dir (not its subfolders) as a gold
// file, keyed by id (the file name without .json when the file has none).
func LoadGoldDir(dir string) (map[string]*Gold, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	gold := map[string]*Gold{}
	for _, p := range paths {
		g, err := LoadGold(p)
		if err != nil {
			return nil, err
		}
		if g.ID == "" {
			g.ID = strings.TrimSuffix(filepath.Base(p), ".json")
		}
		gold[g.ID] = g
	}
	return gold, nil
}

// ReadSystem reads `kg extract` output (JSON Lines, blank lines skipped),
// keyed by report id; a later line for the same id replaces an earlier one.
func ReadSystem(r io.Reader) (map[string]*doc.Extraction, error) {
	dec := json.NewDecoder(r)
	sys := map[string]*doc.Extraction{}
	for n := 1; ; n++ {
		var x doc.Extraction
		if err := dec.Decode(&x); err == io.EOF {
			return sys, nil
		} else if err != nil {
			return nil, fmt.Errorf("record %d: %w", n, err)
		}
		sys[x.Report.ID] = &x
	}
}

// Roles are the relation types scored as roles, each also on its own.
var Roles = []string{doc.RelChaired, doc.RelSpokeAt, doc.RelAttended}

// Categories, in the order the table prints them. event_dates is the date
// accuracy of the matched events (its R; see [Result]).
var Categories = []string{"persons", "holds_strict", "holds_lenient", "roles",
	"roles_CHAIRED", "roles_SPOKE_AT", "roles_ATTENDED", "events", "event_dates",
	"places", "commended", "tenure"}

// Count is the confusion count of one category.
type Count struct{ TP, FP, FN int }

// P, R and F1 of a count, as score.py computes them (0 for an empty
// denominator), not rounded.
func (c Count) P() float64 { return ratio(float64(c.TP), float64(c.TP+c.FP)) }
func (c Count) R() float64 { return ratio(float64(c.TP), float64(c.TP+c.FN)) }
func (c Count) F1() float64 {
	p, r := c.P(), c.R()
	return ratio(2*p*r, p+r)
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func (c Count) add(d Count) Count { return Count{c.TP + d.TP, c.FP + d.FP, c.FN + d.FN} }

// Round4 rounds as Python's round(x, 4) does: the exact binary value to the
// nearest 4-decimal number, ties to even.
func Round4(x float64) float64 {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return y
}

// Miss is one false positive or negative, for the report of misses.
type Miss struct {
	Category string
	Kind     string // "missing", "spurious" or, for event_dates, "wrong"
	Item     string
}

// Result is the score of one report. Counts has one entry per category
// scored for the report (no commended or tenure when the gold file lacks the
// key); its event_dates entry counts the gold events with a date: TP those
// whose matched event has that date, FN the others (FP is 0).
type Result struct {
	ID      string
	Missing bool // the system has no output for the report
	// Jurisdiction of the gold file and of the system's report.
	GoldJurisdiction, SysJurisdiction string
	Counts                            map[string]Count
	Misses                            []Miss
}

// MissCount is what score.py ranks the worst reports by: the missing
// persons, HOLDS (strict) and roles.
func (r Result) MissCount() int {
	return r.Counts["persons"].FN + r.Counts["holds_strict"].FN + r.Counts["roles"].FN
}

// JurisdictionOK reports whether the system found the gold jurisdiction
// (a kg-only figure; a missing report is wrong).
func (r Result) JurisdictionOK() bool {
	return !r.Missing && r.SysJurisdiction == r.GoldJurisdiction
}

type pair struct{ a, b string }
type triple struct{ a, b, c string }

func (p pair) String() string   { return p.a + " | " + p.b }
func (t triple) String() string { return t.a + " | " + t.b + " | " + t.c }

type sysEvent struct{ name, date string }

// sysSets is what score.py's sys_sets takes from an extraction.
type sysSets struct {
	persons, places, commended map[string]bool
	holds, roles               map[pair]bool
	tenure                     map[triple]bool
	events                     []sysEvent
}

func newSysSets(x *doc.Extraction) sysSets {
	s := sysSets{persons: map[string]bool{}, places: map[string]bool{}, commended: map[string]bool{},
		holds: map[pair]bool{}, roles: map[pair]bool{}, tenure: map[triple]bool{}}
	if x == nil {
		return s
	}
	// a dict by id: a later entity of the same id replaces the earlier one
	// in the earlier one's place
	index := map[string]int{}
	var ents []doc.Entity
	for _, e := range x.Entities {
		if i, ok := index[e.ID]; ok {
			ents[i] = e
			continue
		}
		index[e.ID] = len(ents)
		ents = append(ents, e)
	}
	name := func(id string) string {
		if i, ok := index[id]; ok {
			return ents[i].Name
		}
		return ""
	}
	for _, e := range ents {
		switch e.Type {
		case doc.TypePerson:
			s.persons[e.Name] = true
		case doc.TypePlace:
			s.places[e.Name] = true
		case doc.TypeEvent:
			s.events = append(s.events, sysEvent{e.Name, e.Date})
		}
	}
	for _, r := range x.Relations {
		switch r.Type {
		case doc.RelHolds:
			p := pair{name(r.From), name(r.To)}
			s.holds[p] = true
			if r.Start != nil {
				s.tenure[triple{p.a, p.b, "start"}] = true
			}
			if r.End != nil {
				s.tenure[triple{p.a, p.b, "end"}] = true
			}
		case doc.RelChaired, doc.RelSpokeAt, doc.RelAttended:
			s.roles[pair{name(r.From), r.Type}] = true
		case doc.RelCommended:
			s.commended[name(r.To)] = true
		}
	}
	return s
}

// levelWords are score.py's LEVEL_RE alternatives, tried in this order.
var levelWords = []string{"自治区", "特别行政区", "自治州", "自治县", "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道"}

// StripJuris is the lenient key of a post: the jurisdiction taken off its
// front, then one leading level word, so 静海区委书记 (in 静海区) and 区委书记
// both give 委书记; when nothing would be left of the post after the level
// word, the level word stays (区 gives 区, but 静海区 in 静海区 gives "").
func StripJuris(post, juris string) string {
	if juris != "" && strings.HasPrefix(post, juris) {
		post = post[len(juris):]
	}
	for _, w := range levelWords {
		if strings.HasPrefix(post, w) {
			if rest := post[len(w):]; rest != "" {
				return rest
			}
			return post
		}
	}
	return post
}

func stringSet(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// setCount compares two sets and records the misses of the category, if
// cat is not "".
func setCount[T comparable](r *Result, cat string, gold, sys map[T]bool, str func(T) string) Count {
	var c Count
	var miss []Miss
	for x := range sys {
		if gold[x] {
			c.TP++
		} else {
			c.FP++
			miss = append(miss, Miss{cat, "spurious", str(x)})
		}
	}
	for x := range gold {
		if !sys[x] {
			c.FN++
			miss = append(miss, Miss{cat, "missing", str(x)})
		}
	}
	if cat != "" {
		sortMisses(miss)
		r.Misses = append(r.Misses, miss...)
	}
	return c
}

func sortMisses(m []Miss) {
	sort.Slice(m, func(i, j int) bool {
		if m[i].Kind != m[j].Kind {
			return m[i].Kind < m[j].Kind
		}
		return m[i].Item < m[j].Item
	})
}

// lenientCount is score.py's lenient_counts: equal items first, then gold
// items each taking one system item with an equal lenient key. The counts
// do not depend on which candidate is taken; here, the least in sort order.
func lenientCount[T interface {
	comparable
	String() string
}](r *Result, cat string, gold, sys map[T]bool, keyG, keyS func(T) T) Count {
	var c Count
	var gLeft, sLeft []T
	for x := range gold {
		if sys[x] {
			c.TP++
		} else {
			gLeft = append(gLeft, x)
		}
	}
	for x := range sys {
		if !gold[x] {
			sLeft = append(sLeft, x)
		}
	}
	less := func(xs []T) func(i, j int) bool {
		return func(i, j int) bool { return xs[i].String() < xs[j].String() }
	}
	sort.Slice(gLeft, less(gLeft))
	sort.Slice(sLeft, less(sLeft))
	byKey := map[T][]T{}
	for _, x := range sLeft {
		k := keyS(x)
		byKey[k] = append(byKey[k], x)
	}
	taken := map[T]bool{}
	var miss []Miss
	for _, x := range gLeft {
		k := keyG(x)
		if cands := byKey[k]; len(cands) > 0 {
			taken[cands[0]] = true
			byKey[k] = cands[1:]
			c.TP++
			continue
		}
		miss = append(miss, Miss{cat, "missing", x.String()})
	}
	for _, x := range sLeft {
		if !taken[x] {
			miss = append(miss, Miss{cat, "spurious", x.String()})
		}
	}
	c.FP = len(sys) - c.TP
	c.FN = len(gold) - c.TP
	sortMisses(miss)
	r.Misses = append(r.Misses, miss...)
	return c
}

// similarity of two event names: 1 when one contains the other, else the
// Jaccard index of their character sets; 0 when either is empty.
func similarity(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return 1
	}
	sa, sb := map[rune]bool{}, map[rune]bool{}
	for _, r := range a {
		sa[r] = true
	}
	for _, r := range b {
		sb[r] = true
	}
	inter := 0
	for r := range sa {
		if sb[r] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// scoreEvents is score.py's event_match.
func (r *Result) scoreEvents(gold []GoldEvent, sys []sysEvent) {
	used := make([]bool, len(sys))
	var c, d Count
	for _, g := range gold {
		best, bi := 0.5, -1
		for i, s := range sys {
			if used[i] {
				continue
			}
			if v := similarity(g.Name, s.name); v >= best {
				best, bi = v, i
			}
		}
		if g.Date != "" {
			if bi >= 0 && sys[bi].date == g.Date {
				d.TP++
			} else {
				d.FN++
			}
		}
		if bi < 0 {
			r.Misses = append(r.Misses, Miss{"events", "missing", g.Name})
			continue
		}
		used[bi] = true
		c.TP++
		if g.Date != "" && sys[bi].date != g.Date {
			r.Misses = append(r.Misses, Miss{"event_dates", "wrong", fmt.Sprintf("%s (as %s): %q, want %q", g.Name, sys[bi].name, sys[bi].date, g.Date)})
		}
	}
	for i, s := range sys {
		if !used[i] {
			r.Misses = append(r.Misses, Miss{"events", "spurious", s.name})
		}
	}
	c.FP = len(sys) - c.TP
	c.FN = len(gold) - c.TP
	r.Counts["events"] = c
	r.Counts["event_dates"] = d
}

// Score compares one extraction with its gold annotation; x is nil when the
// system has no output for the report.
func Score(x *doc.Extraction, g *Gold) Result {
	res := Result{ID: g.ID, Missing: x == nil, GoldJurisdiction: g.Jurisdiction, Counts: map[string]Count{}}
	s := newSysSets(x)
	juris := g.Jurisdiction
	sjuris := juris
	if x != nil {
		res.SysJurisdiction = x.Report.Jurisdiction
		if x.Report.Jurisdiction != "" {
			sjuris = x.Report.Jurisdiction
		}
	}
	id := func(x string) string { return x }
	res.Counts["persons"] = setCount(&res, "persons", stringSet(g.Persons), s.persons, id)

	gh := map[pair]bool{}
	for _, h := range g.Holds {
		gh[pair{h[0], h[1]}] = true
	}
	res.Counts["holds_strict"] = setCount(&res, "holds_strict", gh, s.holds, pair.String)
	res.Counts["holds_lenient"] = lenientCount(&res, "holds_lenient", gh, s.holds,
		func(x pair) pair { return pair{x.a, StripJuris(x.b, juris)} },
		func(x pair) pair { return pair{x.a, StripJuris(x.b, sjuris)} })

	gr := map[pair]bool{}
	for _, x := range g.Roles {
		gr[pair{x[0], x[1]}] = true
	}
	res.Counts["roles"] = setCount(&res, "roles", gr, s.roles, pair.String)
	for _, role := range Roles {
		only := func(m map[pair]bool) map[pair]bool {
			o := map[pair]bool{}
			for x := range m {
				if x.b == role {
					o[x] = true
				}
			}
			return o
		}
		res.Counts["roles_"+role] = setCount(&res, "", only(gr), only(s.roles), pair.String)
	}
	res.Counts["places"] = setCount(&res, "places", stringSet(g.Places), s.places, id)
	if g.Commended != nil {
		gc := map[string]bool{}
		for _, x := range g.Commended {
			gc[x[0]] = true
		}
		res.Counts["commended"] = setCount(&res, "commended", gc, s.commended, id)
	}
	if g.Tenure != nil {
		gt := map[triple]bool{}
		for _, x := range g.Tenure {
			gt[triple{x[0], x[1], x[2]}] = true
		}
		res.Counts["tenure"] = lenientCount(&res, "tenure", gt, s.tenure,
			func(x triple) triple { return triple{x.a, StripJuris(x.b, juris), x.c} },
			func(x triple) triple { return triple{x.a, StripJuris(x.b, sjuris), x.c} })
	}
	res.scoreEvents(g.Events, s.events)
	return res
}

// ScoreAll scores every gold report against the system's output, in id
// order.
func ScoreAll(gold map[string]*Gold, sys map[string]*doc.Extraction) []Result {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	results := make([]Result, 0, len(ids))
	for _, id := range ids {
		results = append(results, Score(sys[id], gold[id]))
	}
	return results
}

// Summary is the micro-averaged score of a set of reports.
type Summary struct {
	Counts  map[string]Count // the categories scored for at least one report
	Reports int              // gold reports
	// System is the number of reports the system gave output for. score.py
	// counts every report of its input, also those without gold; Total
	// counts those of the results, and a caller that knows more sets it.
	System  int
	Missing int // gold reports without system output
	JurisOK int // reports whose system jurisdiction is the gold one
}

// Total sums the results.
func Total(results []Result) Summary {
	s := Summary{Counts: map[string]Count{}, Reports: len(results)}
	for _, r := range results {
		for k, c := range r.Counts {
			s.Counts[k] = s.Counts[k].add(c)
		}
		if r.Missing {
			s.Missing++
		} else {
			s.System++
		}
		if r.JurisdictionOK() {
			s.JurisOK++
		}
	}
	return s
}

// DateAcc is the share of dated gold events matched with their date.
func (s Summary) DateAcc() float64 { return s.Counts["event_dates"].R() }

// JurisAcc is the share of reports whose jurisdiction the system found.
func (s Summary) JurisAcc() float64 { return ratio(float64(s.JurisOK), float64(s.Reports)) }

// pyFloat writes a float as Python's json.dumps does (repr: 1.0, 0.5,
// 0.6667).
func pyFloat(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

type kv struct {
	k string
	v string
}

func object(fields []kv) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(f.k))
		b.WriteString(": ")
		b.WriteString(f.v)
	}
	b.WriteByte('}')
	return b.String()
}

func prf(c Count) []kv {
	return []kv{{"p", pyFloat(Round4(c.P()))}, {"r", pyFloat(Round4(c.R()))}, {"f1", pyFloat(Round4(c.F1()))}}
}

func (s Summary) scorePyFields() []kv {
	var cats []string
	for k := range s.Counts {
		if k != "events" && k != "event_dates" {
			cats = append(cats, k)
		}
	}
	sort.Strings(cats) // score.py: sorted(cats.items())
	var out []kv
	for _, k := range cats {
		out = append(out, kv{k, object(prf(s.Counts[k]))})
	}
	out = append(out, kv{"events", object(append(prf(s.Counts["events"]), kv{"date_acc", pyFloat(Round4(s.DateAcc()))}))})
	out = append(out, kv{"reports", object([]kv{{"gold", strconv.Itoa(s.Reports)}, {"system", strconv.Itoa(s.System)}, {"missing", strconv.Itoa(s.Missing)}})})
	return out
}

// ScorePyJSON is the object `score.py --json` prints, byte for byte (without
// its newline).
func (s Summary) ScorePyJSON() []byte {
	return []byte(object(s.scorePyFields()))
}

// JSON is ScorePyJSON with the kg-only figures under "kg_extra":
// {"jurisdiction": {"acc", "ok", "reports"}}.
func (s Summary) JSON() []byte {
	b := s.ScorePyJSON()
	extra := object([]kv{{"jurisdiction", object([]kv{{"acc", pyFloat(Round4(s.JurisAcc()))},
		{"ok", strconv.Itoa(s.JurisOK)}, {"reports", strconv.Itoa(s.Reports)}})}})
	b = bytes.TrimSuffix(b, []byte("}"))
	return append(b, []byte(", \"kg_extra\": "+extra+"}")...)
}

// WriteTable prints the summary: P, R, F1 and counts per category (date
// accuracy for event_dates), the report counts and the jurisdiction
// accuracy.
func (s Summary) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%d reports (system output for %d, missing %d)\n", s.Reports, s.System, s.Missing)
	fmt.Fprintf(w, "%-15s %6s %6s %6s %5s %5s %5s\n", "category", "P", "R", "F1", "TP", "FP", "FN")
	for _, k := range Categories {
		c, ok := s.Counts[k]
		if !ok {
			continue
		}
		if k == "event_dates" {
			fmt.Fprintf(w, "%-15s date_acc %.4f of %d dated gold events\n", "  event dates", Round4(s.DateAcc()), c.TP+c.FN)
			continue
		}
		name := k
		if strings.HasPrefix(k, "roles_") {
			name = "  " + strings.TrimPrefix(k, "roles_")
		}
		fmt.Fprintf(w, "%-15s %6.4f %6.4f %6.4f %5d %5d %5d\n", name, Round4(c.P()), Round4(c.R()), Round4(c.F1()), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "%-15s %6.4f (%d of %d; kg only)\n", "jurisdiction", Round4(s.JurisAcc()), s.JurisOK, s.Reports)
}

// Worst names the n reports with the most misses as score.py does: by
// [Result.MissCount], then by id, both descending; "missing" marks a report
// without system output.
func Worst(results []Result, n int) string {
	sorted := append([]Result(nil), results...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.MissCount() != b.MissCount() {
			return a.MissCount() > b.MissCount()
		}
		if a.ID != b.ID {
			return a.ID > b.ID
		}
		return a.Missing && !b.Missing
	})
	if n > len(sorted) {
		n = len(sorted)
	}
	var ws []string
	for _, r := range sorted[:max(n, 0)] {
		s := fmt.Sprintf("%s(%d)", r.ID, r.MissCount())
		if r.Missing {
			s += " missing"
		}
		ws = append(ws, s)
	}
	return strings.Join(ws, ", ")
}

// WriteMisses lists every missing and spurious item, one a line
// (id, category, kind, item). For a report for which countsOnly is true (a
// held-out report) only the number of misses per category is printed.
func WriteMisses(w io.Writer, results []Result, countsOnly func(id string) bool) {
	for _, r := range results {
		if countsOnly != nil && countsOnly(r.ID) {
			n := map[string]map[string]int{}
			var cats []string
			for _, m := range r.Misses {
				if n[m.Category] == nil {
					n[m.Category] = map[string]int{}
					cats = append(cats, m.Category)
				}
				n[m.Category][m.Kind]++
			}
			for _, c := range cats {
				var parts []string
				for _, k := range []string{"missing", "spurious", "wrong"} {
					if n[c][k] > 0 {
						parts = append(parts, fmt.Sprintf("%d %s", n[c][k], k))
					}
				}
				fmt.Fprintf(w, "%s\t%s\t(held out: counts only)\t%s\n", r.ID, c, strings.Join(parts, ", "))
			}
			continue
		}
		for _, m := range r.Misses {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, m.Category, m.Kind, m.Item)
		}
	}
}

// Report prints the misses (if verbose), the reports with the most misses
// and the table of the results, and returns the totals per category.
func Report(w io.Writer, results []Result, worst int, verbose bool) map[string]Count {
	if verbose {
		WriteMisses(w, results, nil)
		fmt.Fprintln(w)
	}
	s := Total(results)
	fmt.Fprintf(w, "most misses: %s\n", Worst(results, worst))
	s.WriteTable(w)
	return s.Counts
}

// ReadSplit reads a split file (eval/dev-split.txt): lines "held-out ID
// ID ...", comments from "#" to the end of the line, blank lines. It returns
// the held-out ids; every other id is "develop".
func ReadSplit(r io.Reader) (map[string]bool, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	held := map[string]bool{}
	for n, line := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if f[0] != "held-out" {
			return nil, fmt.Errorf("line %d: %q: want \"held-out ID...\"", n+1, f[0])
		}
		for _, id := range f[1:] {
			held[id] = true
		}
	}
	return held, nil
}

//go:embed dev-split.txt
var projectSplit string

// ProjectSplit is the project's fixed split of ../shared/eval/dev
// (eval/dev-split.txt): the set of held-out report ids.
func ProjectSplit() map[string]bool {
	h, err := ReadSplit(strings.NewReader(projectSplit))
	if err != nil {
		panic("eval: dev-split.txt: " + err.Error())
	}
	return h
}
