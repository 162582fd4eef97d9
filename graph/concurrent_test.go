package graph

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

// conflictingVersions makes n reports in two versions, A and B, of the same
// ids: other people, posts and roles, some of them shared between reports
// (people and posts recur across a county's reports). Every tenth report
// names a person and states no fact (only MENTIONS). Descriptive properties
// (an event's kind…) are the same in both versions, so that the graph
// depends only on which version of each report is in it.
func conflictingVersions(tag string, n int) (a, b []Item) {
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("kgrace-%s-%03d", tag, i)
		county := fmt.Sprintf("并发%s%d县", tag, i%5)
		date := fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28)
		meeting := fmt.Sprintf("%s第%d次会议", county, i)
		va, vb := newReport(id, date, county), newReport(id, date, county)
		if i%10 == 0 {
			for _, v := range []struct {
				r    *reportBuilder
				name string
			}{{va, fmt.Sprintf("赵%s%d", tag, i%3)}, {vb, fmt.Sprintf("钱%s%d", tag, i%4)}} {
				ev := v.r.say(v.name + "来信")
				v.r.ent(doc.TypePerson, v.name, func(e *doc.Entity) { e.Mentions = []doc.Evidence{ev} })
			}
		} else {
			va.holds(fmt.Sprintf("张%s%d", tag, i%7), county+"委书记")
			va.role(doc.RelChaired, fmt.Sprintf("张%s%d", tag, i%7), meeting, date)
			vb.holds(fmt.Sprintf("李%s%d", tag, i%4), county+"长", appointed(fmt.Sprintf("2022-%02d-01", 1+i%12)))
			vb.role(doc.RelAttended, fmt.Sprintf("李%s%d", tag, i%4), meeting, date)
			vb.role(doc.RelSpokeAt, fmt.Sprintf("张%s%d", tag, i%7), meeting, date)
		}
		a, b = append(a, va.item()), append(b, vb.item())
	}
	return a, b
}

// Several ingests at once — separate drivers, as separate kg processes —
// of two versions of the same reports (and one of them twice: the race of
// identical inputs) leave the graph that loading them one after the other
// leaves: each report has exactly one version's evidence and mentions,
// aggregates add up, nothing fails, and the statuses tell which version
// each writer found and which one won.
func TestIntegrationConcurrentIngestsOfConflictingVersions(t *testing.T) {
	direct := testClient(t)
	tag := newTag(t)
	const n = 150
	va, vb := conflictingVersions(tag, n)
	all := ids(va)
	ctx := context.Background()
	dl := NewLoader(direct, Options{})
	t.Cleanup(func() { dl.Delete(ctx, all...) })

	// Half the reports are in the graph already, in version B.
	if _, err := dl.LoadBatch(ctx, vb[:n/2]); err != nil {
		t.Fatal(err)
	}
	hashOf := map[string]string{}
	for _, v := range [][]Item{va, vb} {
		for _, it := range v {
			p, err := buildPlan(it.Extraction, it.Text, true)
			if err != nil {
				t.Fatal(err)
			}
			hashOf[p.id+"|"+p.hash] = map[bool]string{true: "A", false: "B"}[&v[0] == &va[0]]
		}
	}

	type writer struct {
		items   []Item
		batch   int // 50: one barrier per 50 reports
		writers int
		reverse bool
	}
	ws := []writer{
		{va, 50, 1, false},
		{vb, 50, 1, false},
		{va, 50, 2, false}, // A again: identical inputs race with the first; parts of 25
		{vb, 50, 1, true},
	}
	results := make([][]ReportResult, len(ws))
	errs := make([]error, len(ws))
	var wg sync.WaitGroup
	// Every batch starts with the others' (a barrier per batch), once all
	// writers are connected: the transactions overlap as much as they can.
	rounds := make([]sync.WaitGroup, (n+49)/50)
	for i := range rounds {
		rounds[i].Add(len(ws))
	}
	for w, spec := range ws {
		cfg := testConfig()
		c, err := Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close(ctx) })
		l := NewLoader(c, Options{Writers: spec.writers})
		items := append([]Item(nil), spec.items...)
		if spec.reverse {
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < len(items); i += spec.batch {
				rounds[i/spec.batch].Done()
				rounds[i/spec.batch].Wait()
				st, err := l.LoadBatch(ctx, items[i:min(i+spec.batch, len(items))])
				results[w] = append(results[w], st.Reports...)
				if err != nil && errs[w] == nil {
					errs[w] = err // and go on: the others wait at the barriers
				}
			}
		}()
	}
	wg.Wait()
	for w, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", w, err)
		}
	}

	// Per report: the writes that changed it (new or replaced) form one
	// chain — the first finds nothing (or B, for the reports loaded
	// before), each next one replaces the version the one before wrote —
	// and the graph holds the version of the last.
	final := map[string]string{}
	for _, r := range query(t, direct, `MATCH (r:Report) WHERE r.id IN $ids RETURN r.id AS id, r.hash AS hash`, map[string]any{"ids": anys(all)}) {
		final[r["id"].(string)] = hashOf[r["id"].(string)+"|"+r["hash"].(string)]
	}
	if len(final) != n {
		t.Fatalf("%d reports in the graph, want %d", len(final), n)
	}
	type chain struct {
		news, writes map[string]int // version → count
		prev         map[string]int // version replaced → count
	}
	chains := map[string]*chain{}
	for w, rs := range results {
		if len(rs) != n {
			t.Fatalf("writer %d: %d results, want %d", w, len(rs), n)
		}
		for _, r := range rs {
			if r.Err != nil || r.Status == StatusFailed {
				t.Errorf("writer %d: report %s failed: %v", w, r.ID, r.Err)
				continue
			}
			c := chains[r.ID]
			if c == nil {
				c = &chain{map[string]int{}, map[string]int{}, map[string]int{}}
				chains[r.ID] = c
			}
			v := hashOf[r.ID+"|"+r.Hash]
			switch r.Status {
			case StatusNew:
				c.news[v]++
				c.writes[v]++
			case StatusReplaced:
				c.writes[v]++
				pv := hashOf[r.ID+"|"+r.PreviousHash]
				if pv == v || pv == "" {
					t.Errorf("writer %d: %s (%s) replaced %q", w, r.ID, v, pv)
				}
				c.prev[pv]++
			}
		}
	}
	won := map[string]int{}
	for i, id := range all {
		c := chains[id]
		wantNew := 1
		if i < n/2 {
			wantNew = 0 // B was there before
		}
		if got := c.news["A"] + c.news["B"]; got != wantNew {
			t.Errorf("%s: %d writers found it new, want %d", id, got, wantNew)
		}
		// alternating writes, A B A … or B A B …, from the first; the last
		// is the winner
		a, b := c.writes["A"], c.writes["B"]
		if i < n/2 {
			b++ // the load before the race
		}
		first := "B"
		if i >= n/2 && c.news["A"] == 1 {
			first = "A"
		}
		var winner string
		switch {
		case a == b+1 && first == "A", a == b && first == "B":
			winner = "A"
		case b == a+1 && first == "B", a == b && first == "A":
			winner = "B"
		default:
			t.Errorf("%s: %d writes of A, %d of B, the first %s: not a chain", id, a, b, first)
		}
		if winner != "" && final[id] != winner {
			t.Errorf("%s: the statuses say %s won, the graph has %s", id, winner, final[id])
		}
		won[final[id]]++
	}
	t.Logf("versions in the graph: %v", won)

	stored, recomputed := aggregates(t, direct, tag)
	if len(stored) == 0 || !reflect.DeepEqual(stored, recomputed) {
		for k, v := range recomputed {
			if !reflect.DeepEqual(stored[k], v) {
				t.Errorf("%s\n stored     %v\n recomputed %v", k, stored[k], v)
			}
		}
	}
	got := snapshot(t, direct, all...)

	// The same graph, sequentially: wipe, load each report's losing
	// version, then its winning one.
	if _, err := dl.Delete(ctx, all...); err != nil {
		t.Fatal(err)
	}
	if left := countTagged(t, direct, tag); len(left) != 0 {
		t.Fatalf("left after Delete: %v", left)
	}
	var losers, winners []Item
	for i, id := range all {
		if final[id] == "A" {
			losers, winners = append(losers, vb[i]), append(winners, va[i])
		} else {
			losers, winners = append(losers, va[i]), append(winners, vb[i])
		}
	}
	for _, batch := range [][]Item{losers[:n/2], losers[n/2:], winners[:n/2], winners[n/2:]} {
		if _, err := dl.LoadBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	want := snapshot(t, direct, all...)
	if len(got) < 4*n || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the graph of the concurrent ingests differs from a sequential one:\n got %d lines\nwant %d lines\n%s", len(got), len(want), diffLines(got, want))
	}
}
