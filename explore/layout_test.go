package explore

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kg-cn/kg/graph"
)

func TestSegmentsCutTheTextAtEveryFactBoundary(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans [][2]int
		sel   [2]int
		want  []segment
	}{
		{"no facts: one plain segment", "区委书记", nil, [2]int{},
			[]segment{{Text: "区委书记", Start: 0}}},
		{"one fact in the middle, offsets in runes", "甲乙丙丁", [][2]int{{1, 3}}, [2]int{},
			[]segment{{Text: "甲", Start: 0}, {Text: "乙丙", Start: 1, Facts: []int{0}}, {Text: "丁", Start: 3}}},
		{"overlapping facts share the overlap", "abcdef", [][2]int{{0, 4}, {2, 6}}, [2]int{},
			[]segment{{Text: "ab", Start: 0, Facts: []int{0}}, {Text: "cd", Start: 2, Facts: []int{0, 1}}, {Text: "ef", Start: 4, Facts: []int{1}}}},
		{"the selected span is marked, its first segment the anchor", "abcdef", [][2]int{{1, 3}, {3, 5}}, [2]int{1, 5},
			[]segment{{Text: "a", Start: 0}, {Text: "bc", Start: 1, Facts: []int{0}, Selected: true, First: true},
				{Text: "de", Start: 3, Facts: []int{1}, Selected: true}, {Text: "f", Start: 5}}},
		{"spans out of range are clipped", "abc", [][2]int{{-4, 1}, {2, 99}}, [2]int{},
			[]segment{{Text: "a", Start: 0, Facts: []int{0}}, {Text: "b", Start: 1}, {Text: "c", Start: 2, Facts: []int{1}}}},
		{"an empty span covers nothing", "abc", [][2]int{{1, 1}}, [2]int{},
			[]segment{{Text: "a", Start: 0}, {Text: "bc", Start: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := segments(tt.text, tt.spans, tt.sel)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("segments(%q, %v, %v)\n got  %+v\n want %+v", tt.text, tt.spans, tt.sel, got, tt.want)
			}
			var all strings.Builder
			for _, s := range got {
				all.WriteString(s.Text)
			}
			if all.String() != tt.text {
				t.Errorf("the segments read %q, not the text %q", all.String(), tt.text)
			}
		})
	}
}

func TestDayReadsDaysMonthsAndYears(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		ok   bool
	}{
		{"a day", "2024-04-28", "2024-04-28", true},
		{"a month is its first day", "2024-04", "2024-04-01", true},
		{"a year is its first day", "2024", "2024-01-01", true},
		{"not a date", "yesterday", "", false},
		{"an impossible day", "2024-02-31", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := day(tt.in)
			if ok != tt.ok || ok && dayString(d) != tt.want {
				t.Errorf("day(%q) = %s, %v; want %s, %v", tt.in, dayString(d), ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAxisMarksMonthsForShortSpansYearsForLong(t *testing.T) {
	d := func(s string) int { x, _ := day(s); return x }
	tests := []struct {
		name      string
		lo, hi    string
		wantFirst string
		wantLast  string
		wantTicks int
	}{
		{"days within a month: that month and the next", "2024-04-28", "2024-04-29", "2024-04", "2024-05", 2},
		{"a year: every month", "2024-01-15", "2024-12-01", "2024-01", "2025-01", 13},
		{"two years: every third month (and Januaries)", "2023-01-15", "2024-12-01", "2023-01", "2025-01", 9},
		{"a decade: years", "2015-03-01", "2024-06-01", "2015", "2025", 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, stop, ticks := axis(d(tt.lo), d(tt.hi))
			if len(ticks) != tt.wantTicks || ticks[0] != tt.wantFirst || ticks[len(ticks)-1] != tt.wantLast {
				t.Errorf("axis(%s, %s) ticks %v; want %d from %s to %s", tt.lo, tt.hi, ticks, tt.wantTicks, tt.wantFirst, tt.wantLast)
			}
			if start > d(tt.lo) || stop < d(tt.hi) {
				t.Errorf("axis(%s, %s) spans %s … %s, which leaves the data out", tt.lo, tt.hi, dayString(start), dayString(stop))
			}
		})
	}
}

func holding(person, post, from, fromBound, until, untilBound string, acting bool) graph.Holding {
	h := graph.Holding{Person: person, Post: post, PostKey: post}
	h.From, h.FromBound, h.Until, h.UntilBound, h.Acting = from, fromBound, until, untilBound, acting
	h.LastSeen = from
	return h
}

func TestTimelineDrawsStatedBoundsSolidInferredDashedActingMarked(t *testing.T) {
	tests := []struct {
		name       string
		h          graph.Holding
		fromKnown  bool
		until      string
		acting     bool
		wantInText string
	}{
		{"appointed and removed: both bounds stated",
			holding("甲", "县长", "2020-01-01", graph.BoundStated, "2022-06-30", graph.BoundStated, false), true, "stated", false, "until 2022-06-30 (removed)"},
		{"first seen, until the next holder: both inferred",
			holding("乙", "县长", "2022-07-01", graph.BoundSeen, "2023-03-01", graph.BoundNext, false), false, "inferred", false, "inferred: "},
		{"appointed, still in office: open",
			holding("丙", "县长", "2023-03-01", graph.BoundStated, "", graph.BoundStill, false), true, "open", false, "still in office"},
		{"acting holding",
			holding("丁", "县长", "2023-01-01", graph.BoundStated, "2023-03-01", graph.BoundNext, true), true, "inferred", true, "acting;"},
		{"removal undated: until the last sighting, inferred",
			holding("戊", "县长", "2021-01-01", graph.BoundSeen, "2021-05-01", graph.BoundSeen, false), false, "inferred", false, "last seen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := newTimeline([]term{{Row: tt.h.Person, Holding: tt.h}}, "2024-01-01", "")
			if len(tl.Rows) != 1 || len(tl.Rows[0].Bars) != 1 {
				t.Fatalf("timeline rows %+v; want one row with one bar", tl.Rows)
			}
			b := tl.Rows[0].Bars[0]
			if b.FromKnown != tt.fromKnown || b.Until != tt.until || b.Acting != tt.acting {
				t.Errorf("bar %+v; want fromKnown %v, until %s, acting %v", b, tt.fromKnown, tt.until, tt.acting)
			}
			if !strings.Contains(b.Label, tt.wantInText) {
				t.Errorf("bar label %q lacks %q", b.Label, tt.wantInText)
			}
			if b.X < tl.Left || b.X+b.W > tl.Width || b.W < tlMinBar {
				t.Errorf("bar at %.1f+%.1f is outside the axis %.1f…%.1f", b.X, b.W, tl.Left, tl.Width)
			}
		})
	}
}

func TestTimelineOneRowPerLabelInOrderAndUndatedNotDrawn(t *testing.T) {
	terms := []term{
		{Row: "县长", Holding: holding("甲", "县长", "2020-01-01", graph.BoundStated, "2021-01-01", graph.BoundNext, false)},
		{Row: "县委书记", Holding: holding("甲", "县委书记", "2021-01-01", graph.BoundStated, "", graph.BoundStill, false)},
		{Row: "县长", Holding: holding("甲", "县长", "2022-01-01", graph.BoundSeen, "", graph.BoundStill, false)},
		{Row: "副县长", Holding: holding("甲", "副县长", "", graph.BoundNone, "", graph.BoundStill, false)},
	}
	tl := newTimeline(terms, "", "2021-06-01")
	var labels []string
	for _, r := range tl.Rows {
		labels = append(labels, r.Label)
	}
	if want := []string{"县长", "县委书记", "副县长"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("rows %v, want %v", labels, want)
	}
	if n := len(tl.Rows[0].Bars); n != 2 {
		t.Errorf("县长 has %d bars, want 2", n)
	}
	if n := len(tl.Rows[2].Bars); n != 0 {
		t.Errorf("an undated holding is drawn (%d bars)", n)
	}
	if tl.Marker == nil || tl.Marker.Label != "2021-06-01" {
		t.Errorf("marker %+v, want 2021-06-01", tl.Marker)
	}
	if empty := newTimeline(nil, "", ""); len(empty.Rows) != 0 || len(empty.Ticks) != 0 {
		t.Errorf("no terms give %+v", empty)
	}
}

func TestNetGraphStaysReadable(t *testing.T) {
	many := func(events, people int, shared bool) []graph.NeighbourEvent {
		var es []graph.NeighbourEvent
		for i := 0; i < events; i++ {
			e := graph.NeighbourEvent{Key: string(rune('A' + i)), Name: strings.Repeat("会议", 10), Date: "2024-01-01", Role: "ATTENDED"}
			for j := 0; j < people; j++ {
				id := string(rune('a'+i)) + string(rune('a'+j))
				if shared {
					id = string(rune('a' + j))
				}
				e.People = append(e.People, graph.Neighbour{ID: id, Name: "某" + id, Role: "ATTENDED"})
			}
			es = append(es, e)
		}
		return es
	}
	tests := []struct {
		name                string
		events              []graph.NeighbourEvent
		wantEvents, wantPpl int
	}{
		{"no events: the person alone", nil, 0, 0},
		{"two events, three people each", many(2, 3, false), 2, 6},
		{"the same people at every event appear once", many(4, 3, true), 4, 3},
		{"too many events and people are cut", many(20, 6, false), netEvents, netMaxPeople},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newNetGraph("某人", tt.events, personLink)
			kinds := map[string]int{}
			for _, n := range g.Nodes {
				kinds[n.Kind]++
				if n.X < 0 || n.Y < 0 || n.X > g.Width || n.Y > g.Height {
					t.Errorf("node %q at (%.0f, %.0f) is outside %0.f×%0.f", n.Label, n.X, n.Y, g.Width, g.Height)
				}
				if len([]rune(n.Label)) > netLabel+11 { // date + space + short name
					t.Errorf("label %q too long", n.Label)
				}
			}
			if kinds["centre"] != 1 || kinds["event"] != tt.wantEvents || kinds["person"] != tt.wantPpl {
				t.Errorf("nodes %v; want 1 centre, %d events, %d people", kinds, tt.wantEvents, tt.wantPpl)
			}
		})
	}
}

func TestPlotFillsTheMonthsBetween(t *testing.T) {
	tests := []struct {
		name   string
		counts []graph.MonthCount
		months int
		max    int
	}{
		{"nothing", nil, 0, 0},
		{"a gap of two months is drawn empty", []graph.MonthCount{{Month: "2024-01", Count: 3}, {Month: "2024-04", Count: 6}}, 4, 6},
		{"many years keep the last 48 months", []graph.MonthCount{{Month: "2010-01", Count: 1}, {Month: "2024-12", Count: 2}}, plotMaxMonths, 2},
		{"a malformed month draws nothing", []graph.MonthCount{{Month: "2024", Count: 1}}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPlot(tt.counts)
			if len(p.Bars) != tt.months || p.Max != tt.max {
				t.Errorf("plot: %d bars, max %d; want %d, %d", len(p.Bars), p.Max, tt.months, tt.max)
			}
			for _, b := range p.Bars {
				if b.H < 0 || b.Y+b.H > p.Base+0.01 || b.X+b.W > p.Width {
					t.Errorf("bar %+v outside the plot", b)
				}
			}
		})
	}
}

func TestFactEndsReadTheFactKey(t *testing.T) {
	tests := []struct {
		name                   string
		fact                   string
		fl, fk, tl, tk         string
		ok                     bool
		fromLinkHas, toLinkHas string
	}{
		{"a holding", "HOLDS:Person[禚海涛|南浔区]->Post[office:330503|党委|书记]", "Person", "禚海涛|南浔区", "Post", "office:330503|党委|书记", true, "/person?id=", "/office?key="},
		{"an acting holding", "HOLDS:Person[甲|县]->Post[office:县|政府|县长]#acting", "Person", "甲|县", "Post", "office:县|政府|县长", true, "/person", "/office"},
		{"a commendation with its honour", "COMMENDED:Event[会|2024-01-01|县]->Organization[某村]#先进集体", "Event", "会|2024-01-01|县", "Organization", "某村", true, "", "/org?name="},
		{"a place in a place", "PART_OF:Place[团泊镇|静海区]->Place[静海区]", "Place", "团泊镇|静海区", "Place", "静海区", true, "/place?key=", "/place?key="},
		{"no fact key", "whatever", "", "", "", "", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fl, fk, tl, tk, ok := factEnds(tt.fact)
			if fl != tt.fl || fk != tt.fk || tl != tt.tl || tk != tt.tk || ok != tt.ok {
				t.Errorf("factEnds(%q) = %q %q %q %q %v", tt.fact, fl, fk, tl, tk, ok)
			}
			l := newFactLine(graph.ReportFact{Type: "HOLDS", From: "甲", To: "乙", Fact: tt.fact}, 0, [2]int{})
			if !strings.Contains(l.FromLink, tt.fromLinkHas) || tt.fromLinkHas == "" && l.FromLink != "" ||
				!strings.Contains(l.ToLink, tt.toLinkHas) || tt.toLinkHas == "" && l.ToLink != "" {
				t.Errorf("links %q %q; want with %q %q", l.FromLink, l.ToLink, tt.fromLinkHas, tt.toLinkHas)
			}
		})
	}
}
