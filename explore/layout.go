package explore

import (
	"fmt"
	"math"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/kg-cn/kg/graph"
)

// Layout: the pure parts of the pages, table-tested — a report's text cut
// into highlighted segments, timelines, the neighbourhood graph and the
// plot, all as numbers for the SVG templates.

// segment is a run of a report's text covered by the same facts.
type segment struct {
	Text     string
	Start    int   // rune offset
	Facts    []int // indexes of the facts whose span covers it
	Selected bool  // inside the span asked for
	First    bool  // the first selected segment (the anchor)
}

// segments cuts text at every boundary of the facts' spans (rune offsets,
// end exclusive; out-of-range spans are clipped) and of the selected span
// sel (ignored when sel[1] <= sel[0]).
func segments(text string, spans [][2]int, sel [2]int) []segment {
	rs := []rune(text)
	n := len(rs)
	clip := func(x int) int { return max(0, min(n, x)) }
	cuts := map[int]bool{0: true, n: true}
	for _, s := range spans {
		cuts[clip(s[0])], cuts[clip(s[1])] = true, true
	}
	hasSel := sel[1] > sel[0]
	if hasSel {
		cuts[clip(sel[0])], cuts[clip(sel[1])] = true, true
	}
	pts := make([]int, 0, len(cuts))
	for p := range cuts {
		pts = append(pts, p)
	}
	sort.Ints(pts)
	var out []segment
	first := true
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		if a == b {
			continue
		}
		sg := segment{Text: string(rs[a:b]), Start: a}
		for j, s := range spans {
			if clip(s[0]) <= a && b <= clip(s[1]) && s[1] > s[0] {
				sg.Facts = append(sg.Facts, j)
			}
		}
		if hasSel && clip(sel[0]) <= a && b <= clip(sel[1]) {
			sg.Selected = true
			sg.First = first
			first = false
		}
		out = append(out, sg)
	}
	return out
}

// day parses an ISO date, a month or a year (its first day) as days since
// 1970; ok false when it is none.
func day(s string) (int, bool) {
	for _, l := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(l) {
			if t, err := time.Parse(l, s); err == nil {
				return int(t.Unix() / 86400), true
			}
		}
	}
	return 0, false
}

func dayString(d int) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

// bar is one term drawn on a timeline.
type bar struct {
	X, W      float64
	FromKnown bool   // the start is stated (solid edge) rather than a first sighting
	Until     string // stated, inferred (next holder, last sighting), open (still in office)
	Acting    bool
	Label     string // the term in words, for the tooltip
}

// timelineRow is one line of a timeline: a label and its bars.
type timelineRow struct {
	Label, Sub, Link string
	Y                float64
	Bars             []bar
}

// tick is a year mark of a timeline's axis.
type tick struct {
	X     float64
	Label string
}

// timeline is an SVG timeline: rows of bars over a time axis.
type timeline struct {
	Width, Height float64
	Left          float64 // where the axis starts (after the labels)
	Rows          []timelineRow
	Ticks         []tick
	Marker        *tick // the date chosen (office, place), if any
}

const (
	tlWidth  = 860.0
	tlLeft   = 230.0
	tlRow    = 26.0
	tlTop    = 24.0
	tlMinBar = 6.0
)

// term is what a timeline needs of a holding.
type term struct {
	Row, Sub, Link string
	graph.Holding
}

// termText says a term in words: from when, how known, until when.
func termText(h graph.Holding) string {
	from := "start unknown"
	switch h.FromBound {
	case graph.BoundStated:
		from = "from " + h.From + " (appointed)"
	case graph.BoundSeen:
		from = "from " + h.From + " (first seen)"
		if h.End != "" && h.From >= h.End {
			from = "start unknown (first seen in the report of the removal)"
		}
	}
	until := "still in office, as last known"
	switch h.UntilBound {
	case graph.BoundStated:
		until = "until " + h.Until + " (removed)"
	case graph.BoundNext:
		until = "until " + h.Until + " (inferred: " + h.Next + " from then)"
	case graph.BoundSeen:
		until = "until " + h.Until + " (last seen; removal undated)"
	}
	s := from + ", " + until
	if h.Acting {
		s = "acting; " + s
	}
	return s
}

// newTimeline lays terms out, one row per distinct Row label (in order of
// first appearance), over the span of their dates; end is the latest date
// known (an open term runs to it); marker, if a date, is drawn as a line.
func newTimeline(terms []term, end, marker string) timeline {
	tl := timeline{Width: tlWidth, Left: tlLeft}
	lo, hi := math.MaxInt, math.MinInt
	see := func(s string) {
		if d, ok := day(s); ok {
			lo, hi = min(lo, d), max(hi, d)
		}
	}
	for _, t := range terms {
		see(t.From)
		see(t.Until)
		see(t.LastSeen)
	}
	see(end)
	see(marker)
	if lo == math.MaxInt {
		return tl
	}
	start, stop, ticks := axis(lo, hi)
	span := float64(stop - start)
	x := func(d int) float64 { return tl.Left + (tl.Width-tl.Left-30)*float64(d-start)/span }
	for _, t := range ticks {
		d, _ := day(t)
		tl.Ticks = append(tl.Ticks, tick{X: x(d), Label: t})
	}
	endDay := hi
	rowOf := map[string]int{}
	for _, t := range terms {
		i, ok := rowOf[t.Row]
		if !ok {
			i = len(tl.Rows)
			rowOf[t.Row] = i
			tl.Rows = append(tl.Rows, timelineRow{Label: t.Row, Sub: t.Sub, Link: t.Link, Y: tlTop + float64(i)*tlRow})
		}
		from, ok := day(t.From)
		if !ok {
			continue // no date at all: nothing to draw
		}
		b := bar{FromKnown: t.FromBound == graph.BoundStated, Acting: t.Acting, Label: termText(t.Holding)}
		until := endDay
		switch t.UntilBound {
		case graph.BoundStated:
			b.Until = "stated"
		case graph.BoundNext, graph.BoundSeen:
			b.Until = "inferred"
		default:
			b.Until = "open"
		}
		if d, ok := day(t.Until); ok && b.Until != "open" {
			until = d
		}
		b.X = x(from)
		b.W = max(tlMinBar, x(until)-b.X)
		tl.Rows[i].Bars = append(tl.Rows[i].Bars, b)
	}
	if d, ok := day(marker); ok {
		tl.Marker = &tick{X: x(d), Label: marker}
	}
	tl.Height = tlTop + float64(len(tl.Rows))*tlRow + 8
	return tl
}

// axis chooses a timeline's span and marks for the days lo … hi: whole
// months (marked every month, or every third) when they cover two years
// or less, else whole years.
func axis(lo, hi int) (start, stop int, ticks []string) {
	a, _ := time.Parse("2006-01-02", dayString(lo))
	b, _ := time.Parse("2006-01-02", dayString(hi))
	if hi-lo <= 2*366 {
		first := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
		last := time.Date(b.Year(), b.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		n := 0
		for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
			n++
		}
		every := 1
		if n > 13 {
			every = 3
		}
		for m, i := first, 0; !m.After(last); m, i = m.AddDate(0, 1, 0), i+1 {
			if i%every == 0 || m.Month() == time.January {
				ticks = append(ticks, m.Format("2006-01"))
			}
		}
		start, _ = day(first.Format("2006-01"))
		stop, _ = day(last.Format("2006-01"))
		return start, stop, ticks
	}
	for y := a.Year(); y <= b.Year()+1; y++ {
		ticks = append(ticks, fmt.Sprintf("%04d", y))
	}
	start, _ = day(ticks[0])
	stop, _ = day(ticks[len(ticks)-1])
	return start, stop, ticks
}

// node and edge of the neighbourhood graph.
type node struct {
	X, Y   float64
	Label  string
	Link   string
	Kind   string // person, event, centre
	Anchor string // text-anchor of the label
	LX, LY float64
}

type edge struct {
	X1, Y1, X2, Y2 float64
	Role           string
}

type netGraph struct {
	Width, Height float64
	Nodes         []node
	Edges         []edge
}

// Limits keeping the neighbourhood graph readable.
const (
	netEvents    = 8  // events around the person
	netPerEvent  = 6  // other people per event
	netMaxPeople = 30 // other people in all
	netLabel     = 12 // characters of a label
)

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// newNetGraph draws the person in the centre, their events on a ring, and
// the people seen there on an outer ring, each person once (beside the
// mean angle of their events), at most netMaxPeople.
func newNetGraph(name string, events []graph.NeighbourEvent, personLink func(id string) string) netGraph {
	g := netGraph{Width: 860, Height: 620}
	cx, cy := g.Width/2, g.Height/2
	if len(events) > netEvents {
		events = events[:netEvents]
	}
	g.Nodes = append(g.Nodes, node{X: cx, Y: cy, Label: shorten(name, netLabel), Kind: "centre", Anchor: "middle", LX: cx, LY: cy + 28})
	type person struct {
		id, name string
		angles   []float64
		events   []int
		roles    []string
	}
	var people []*person
	byID := map[string]*person{}
	evAngle := make([]float64, len(events))
	evNode := make([]int, len(events))
	r1, r2 := 150.0, 270.0
	for i, e := range events {
		a := 2*math.Pi*float64(i)/float64(max(1, len(events))) - math.Pi/2
		evAngle[i] = a
		x, y := cx+r1*math.Cos(a), cy+r1*0.8*math.Sin(a)
		evNode[i] = len(g.Nodes)
		label := shorten(e.Name, netLabel)
		if e.Date != "" {
			label = e.Date + " " + label
		}
		g.Nodes = append(g.Nodes, node{X: x, Y: y, Label: label, Kind: "event", Anchor: "middle", LX: x, LY: y - 12})
		g.Edges = append(g.Edges, edge{X1: cx, Y1: cy, X2: x, Y2: y, Role: e.Role})
		for _, p := range e.People {
			if len(byID) >= netMaxPeople && byID[p.ID] == nil {
				continue
			}
			q := byID[p.ID]
			if q == nil {
				q = &person{id: p.ID, name: p.Name}
				byID[p.ID] = q
				people = append(people, q)
			}
			q.angles = append(q.angles, a)
			q.events = append(q.events, i)
			q.roles = append(q.roles, p.Role)
		}
	}
	// spread the people of the outer ring: order by mean angle, then
	// give each an even share of the circle
	mean := func(as []float64) float64 {
		var sx, sy float64
		for _, a := range as {
			sx, sy = sx+math.Cos(a), sy+math.Sin(a)
		}
		return math.Atan2(sy, sx)
	}
	sort.SliceStable(people, func(i, j int) bool { return mean(people[i].angles) < mean(people[j].angles) })
	for k, p := range people {
		a := -math.Pi + 2*math.Pi*(float64(k)+0.5)/float64(len(people))
		x, y := cx+r2*math.Cos(a), cy+r2*0.8*math.Sin(a)
		anchor := "start"
		lx := x + 8
		if math.Cos(a) < 0 {
			anchor, lx = "end", x-8
		}
		n := node{X: x, Y: y, Label: shorten(p.name, netLabel), Link: personLink(p.id), Kind: "person", Anchor: anchor, LX: lx, LY: y + 4}
		for j, ev := range p.events {
			e := g.Nodes[evNode[ev]]
			g.Edges = append(g.Edges, edge{X1: e.X, Y1: e.Y, X2: x, Y2: y, Role: p.roles[j]})
		}
		g.Nodes = append(g.Nodes, n)
	}
	return g
}

// plotBar is one bar of the monthly plot.
type plotBar struct {
	X, Y, W, H float64
	Month      string
	Count      int
	Label      bool // the month is labelled (January, or the first bar)
}

type plot struct {
	Width, Height float64
	Bars          []plotBar
	Max           int
	Base          float64
}

// plotMonths: every month from the first to the last of counts (at most
// the last maxMonths of them), zero where there is none.
const plotMaxMonths = 48

func newPlot(counts []graph.MonthCount) plot {
	p := plot{Width: 860, Height: 180, Base: 150}
	if len(counts) == 0 {
		return p
	}
	by := map[string]int{}
	for _, c := range counts {
		by[c.Month] = c.Count
	}
	first, err1 := time.Parse("2006-01", counts[0].Month)
	last, err2 := time.Parse("2006-01", counts[len(counts)-1].Month)
	if err1 != nil || err2 != nil {
		return p
	}
	var months []string
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		months = append(months, m.Format("2006-01"))
	}
	if len(months) > plotMaxMonths {
		months = months[len(months)-plotMaxMonths:]
	}
	for _, m := range months {
		p.Max = max(p.Max, by[m])
	}
	w := (p.Width - 40) / float64(len(months))
	for i, m := range months {
		h := 0.0
		if p.Max > 0 {
			h = 120 * float64(by[m]) / float64(p.Max)
		}
		p.Bars = append(p.Bars, plotBar{X: 30 + float64(i)*w, Y: p.Base - h, W: max(1, w-2), H: h, Month: m, Count: by[m],
			Label: i == 0 || m[5:] == "01" || len(months) <= 12})
	}
	return p
}
