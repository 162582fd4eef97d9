package graph

import (
	"context"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestRosterAndChangesCypherUsesOnlySchemaNames(t *testing.T) {
	labels := map[string]bool{}
	for _, n := range schema.Nodes {
		labels[string(n.Label)] = true
	}
	types := map[string]bool{}
	for _, r := range schema.Relationships {
		types[string(r.Type)] = true
	}
	nodeRE := regexp.MustCompile(`\(\w*:(\w+)`)
	relRE := regexp.MustCompile(`\[\w*:(\w+)`)
	for _, q := range []string{qScopePlaces, qScopeOrganizations, qScopeOffices, qTitles, qOfficesByKey, qPersonOffices, qFindPosts, qWhoHolds, qFindPersons, qPersons} {
		for _, m := range nodeRE.FindAllStringSubmatch(q, -1) {
			if !labels[m[1]] {
				t.Errorf("label %s is not in the schema:\n%s", m[1], q)
			}
		}
		for _, m := range relRE.FindAllStringSubmatch(q, -1) {
			if !types[m[1]] {
				t.Errorf("relationship type %s is not in the schema:\n%s", m[1], q)
			}
		}
	}
}

func TestOfficeOrder(t *testing.T) {
	o := func(code, organ, title string) OfficeInfo {
		return OfficeInfo{PlaceCode: code, Organ: organ, Title: title, Name: code + organ + title}
	}
	tests := []struct {
		name string
		in   []OfficeInfo
		want []string // titles
	}{
		{"party secretary before deputy before standing committee before members",
			[]OfficeInfo{o("1", "党委", "委员"), o("1", "党委", "常委"), o("1", "党委", "副书记"), o("1", "党委", "书记")},
			[]string{"书记", "副书记", "常委", "委员"}},
		{"party committee, government, people's congress, CPPCC, then departments",
			[]OfficeInfo{o("1", "商务局", "局长"), o("1", "政协", "主席"), o("1", "党委组织部", "部长"), o("1", "政府", "县长"), o("1", "人大常委会", "主任"), o("1", "党委", "书记")},
			[]string{"书记", "县长", "主任", "主席", "部长", "局长"}},
		{"a place before the places under it", []OfficeInfo{o("430182", "党委", "书记"), o("4301", "党委", "常委")}, []string{"常委", "书记"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.in)
			slices.SortStableFunc(got, officeOrder)
			var titles []string
			for _, g := range got {
				titles = append(titles, g.Title)
			}
			if !reflect.DeepEqual(titles, tt.want) {
				t.Errorf("order %v, want %v", titles, tt.want)
			}
		})
	}
}

// term makes a holding of office k with its term already given.
func term(person, k, from, fromBound, until, untilBound string, mods ...func(*Holding)) Holding {
	h := Holding{Person: person, PersonKey: person + "|x", Post: k, PostKey: k,
		Term: Term{From: from, FromBound: fromBound, Until: until, UntilBound: untilBound}}
	h.Reports = []string{"r-" + person}
	if fromBound == BoundStated {
		h.Start, h.Appointed, h.StartReports = from, true, []string{"appoint-" + person}
	}
	if untilBound == BoundStated {
		h.End, h.Removed, h.EndReports = until, true, []string{"remove-" + person}
	}
	for _, m := range mods {
		m(&h)
	}
	return h
}

func acting(h *Holding) { h.Acting = true }

func TestChangesOfAnOffice(t *testing.T) {
	tests := []struct {
		name   string
		hs     []Holding
		lo, hi string
		want   []string // date kind person reports
	}{
		{"a removal and the successor's appointment the same day: no vacancy",
			[]Holding{term("甲", "k", "2020-01-01", BoundSeen, "2021-03-01", BoundStated), term("乙", "k", "2021-03-01", BoundStated, "", BoundStill)},
			"2021-01-01", "2021-12-31",
			[]string{"2021-03-01 removal 甲 remove-甲", "2021-03-01 appointment 乙 appoint-乙"}},
		{"a removal with nobody after it: a vacancy",
			[]Holding{term("甲", "k", "2020-01-01", BoundSeen, "2021-03-01", BoundStated)},
			"2021-01-01", "2021-12-31",
			[]string{"2021-03-01 removal 甲 remove-甲", "2021-03-01 vacancy 甲 remove-甲"}},
		{"a successor after a gap inside the period: no vacancy to the period's end",
			[]Holding{term("甲", "k", "2020-01-01", BoundSeen, "2021-03-01", BoundStated), term("乙", "k", "2021-05-01", BoundStated, "", BoundStill)},
			"2021-01-01", "2021-12-31",
			[]string{"2021-03-01 removal 甲 remove-甲", "2021-05-01 appointment 乙 appoint-乙"}},
		{"a successor after the period: a vacancy within it",
			[]Holding{term("甲", "k", "2020-01-01", BoundSeen, "2021-03-01", BoundStated), term("乙", "k", "2022-05-01", BoundStated, "", BoundStill)},
			"2021-01-01", "2021-12-31",
			[]string{"2021-03-01 removal 甲 remove-甲", "2021-03-01 vacancy 甲 remove-甲"}},
		{"a removal on the period's last day: no vacancy yet",
			[]Holding{term("甲", "k", "2020-01-01", BoundSeen, "2021-03-01", BoundStated)},
			"2021-01-01", "2021-03-01",
			[]string{"2021-03-01 removal 甲 remove-甲"}},
		{"an acting appointment, and the inferred end of the acting term is no removal",
			[]Holding{term("甲", "k", "2021-02-01", BoundStated, "2021-06-01", BoundNext, acting), term("甲", "k", "2021-06-01", BoundStated, "", BoundStill)},
			"2021-01-01", "2021-12-31",
			[]string{"2021-02-01 acting 甲 appoint-甲", "2021-06-01 appointment 甲 appoint-甲"}},
		{"first sightings are no appointments; changes outside the period are left out",
			[]Holding{term("甲", "k", "2019-01-01", BoundSeen, "2019-03-01", BoundStated), term("乙", "k", "2019-03-01", BoundSeen, "", BoundStill)},
			"2021-01-01", "2021-12-31", nil},
		{"an undated appointment is dated by its first report (seen)",
			[]Holding{term("乙", "k", "2021-04-02", BoundSeen, "", BoundStill, func(h *Holding) { h.Appointed = true })},
			"2021", "2021-12-31",
			[]string{"2021-04-02 appointment 乙 r-乙"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range changesOf(Scope{Name: "s"}, tt.hs, lowDay(tt.lo), highDay(tt.hi)) {
				got = append(got, strings.Join([]string{c.Date, c.Kind, c.Person, strings.Join(c.Reports, ",")}, " "))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("changes:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRosterOfAnOffice(t *testing.T) {
	a := term("甲", "k", "2020-01-01", BoundSeen, "2021-03-01", BoundStated)
	b := term("乙", "k", "2021-03-01", BoundStated, "", BoundStill)
	tests := []struct {
		name   string
		hs     []Holding
		lo, hi string
		want   string // status person
	}{
		{"as last known: the holder still in office", []Holding{a, b}, "", "", "held 乙"},
		{"on a day: who was in office", []Holding{a, b}, "2020-06-01", "2020-06-01", "held 甲"},
		{"the day of a handover: both", []Holding{a, b}, "2021-03-01", "2021-03-01", "held 甲, held 乙"},
		{"as last known, the last holder gone: vacant", []Holding{a}, "", "", "vacant 甲"},
		{"after the last holder left: vacant", []Holding{a}, "2022-01-01", "2022-01-01", "vacant 甲"},
		{"before anyone is known: unknown", []Holding{a, b}, "2019-01-01", "2019-12-31", "unknown "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range rosterOf(Scope{Name: "s"}, OfficeInfo{Key: "k"}, tt.hs, tt.lo, tt.hi) {
				p := ""
				switch {
				case l.Holder != nil:
					p = l.Holder.Person
				case l.Previous != nil:
					p = l.Previous.Person
				}
				got = append(got, l.Status+" "+p)
			}
			if s := strings.Join(got, ", "); s != tt.want {
				t.Errorf("roster %q, want %q", s, tt.want)
			}
		})
	}
}

func TestDayAfter(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2021-03-01", "2021-03-02"}, {"2021-12-31", "2022-01-01"}, {"2021-02-31", "2021-03-01"}, {"2024-02-29", "2024-03-01"},
	} {
		if got := dayAfter(tt.in); got != tt.want {
			t.Errorf("dayAfter(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestGroupPutsAPersonsNodesTogether(t *testing.T) {
	ps := []Profile{
		{Name: "张三", Key: "张三|甲县", Identity: "id1", Match: MatchExact, Career: []Holding{{Post: "乙", Term: Term{From: "2022"}}}},
		{Name: "张三", Key: "张三|乙县", Identity: "张三|乙县", Match: MatchExact},
		{Name: "张三", Key: "张三|丙市", Identity: "id1", Match: MatchExact, Career: []Holding{{Post: "甲", Term: Term{From: "2020-05-01"}}}},
		{Name: "张三丰", Key: "张三丰|丁县", Match: MatchContains},
	}
	gs := Group(ps)
	var got []string
	for _, g := range gs {
		var nodes, career []string
		for _, n := range g.Nodes {
			nodes = append(nodes, n.Key)
		}
		for _, h := range g.Career {
			career = append(career, h.Post)
		}
		got = append(got, g.Identity+" "+string(g.Match)+" ["+strings.Join(nodes, " ")+"] ["+strings.Join(career, " ")+"]")
	}
	want := []string{"id1 exact [张三|甲县 张三|丙市] [甲 乙]", "张三|乙县 exact [张三|乙县] []", "张三丰|丁县 contains [张三丰|丁县] []"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups:\n got %q\nwant %q", got, want)
	}
}

// rosterReports: in 罗测<tag>县 A is party secretary from 2021-01 until
// removed on 2022-05-01, with nobody after; B the county head until
// 2021-06-01, when E becomes acting head, elected on 2022-01-05; C a
// deputy head throughout.
func rosterReports(tag string) (j string, items []Item) {
	j = "罗测" + tag + "县"
	r1 := newReport("kgtest-"+tag+"-1", "2021-01-10", j)
	r1.holds("甲"+tag, j+"委书记")
	r1.holds("乙"+tag, j+"长")
	r1.holds("丙"+tag, j+"副县长")
	r2 := newReport("kgtest-"+tag+"-2", "2021-06-02", j)
	r2.holds("乙"+tag, j+"长", removed("2021-06-01"))
	r2.holds("戊"+tag, j+"代理县长", appointed("2021-06-01"))
	r3 := newReport("kgtest-"+tag+"-3", "2022-05-02", j)
	r3.holds("戊"+tag, j+"长", appointed("2022-01-05"))
	r3.holds("甲"+tag, j+"委书记", removed("2022-05-01"))
	r3.holds("丙"+tag, j+"副县长")
	return j, []Item{r1.item(), r2.item(), r3.item()}
}

func TestIntegrationRosterAndChanges(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j, items := rosterReports(tag)
	load(t, l, items...)
	ctx := context.Background()
	a, b, cc, e := "甲"+tag, "乙"+tag, "丙"+tag, "戊"+tag

	roster := func(q, on string) []string {
		t.Helper()
		scopes, lines, err := c.Roster(ctx, q, on, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(scopes) != 1 || scopes[0].Name != j || scopes[0].Kind != ScopePlace || scopes[0].Match != MatchExact {
			t.Errorf("scopes of %s: %+v", q, scopes)
		}
		var out []string
		for _, l := range lines {
			s := l.Name + " " + l.Status
			switch {
			case l.Holder != nil:
				s += " " + l.Holder.Person
				if l.Holder.Acting {
					s += "(acting)"
				}
			case l.Previous != nil:
				s += " " + l.Previous.Person + " until " + l.Previous.Until
			}
			out = append(out, s)
		}
		return out
	}
	tests := []struct {
		name, on string
		want     []string
	}{
		{"as last known: the secretary's seat is vacant, the head elected", "",
			[]string{j + "委书记 vacant " + a + " until 2022-05-01", j + "长 held " + e, j + "副县长 held " + cc}},
		{"in August 2021: the acting head", "2021-08",
			[]string{j + "委书记 held " + a, j + "长 held " + e + "(acting)", j + "副县长 held " + cc}},
		{"in 2020: nobody known yet", "2020",
			[]string{j + "委书记 unknown", j + "长 unknown", j + "副县长 unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := roster(j, tt.on); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("roster of %s on %q:\n got %q\nwant %q", j, tt.on, got, tt.want)
			}
		})
	}
	// An organisation's offices: those its name and a title name, written
	// any way an office's name writes it.
	for _, tt := range []struct{ q, want string }{
		{j + "委", j + "委书记"},
		{"中共" + j + "委", j + "委书记"},
		{j + "人民政府", j + "长 " + j + "副县长"},
		{j + "政府", j + "长 " + j + "副县长"},
	} {
		scopes, lines, err := c.Roster(ctx, tt.q, "", false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range lines {
			got = append(got, l.Name)
		}
		if len(scopes) != 1 || scopes[0].Kind != ScopeOrganization || scopes[0].Match != MatchExact || strings.Join(got, " ") != tt.want {
			t.Errorf("roster of %s: %+v, offices %q, want %q", tt.q, scopes, got, tt.want)
		}
	}
	changes := func(from, to string) []string {
		t.Helper()
		_, cs, err := c.Changes(ctx, j, from, to, false)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, ch := range cs {
			out = append(out, ch.Date+" "+ch.Kind+" "+ch.Person+" "+strings.Join(ch.Reports, ","))
		}
		return out
	}
	r2, r3 := "kgtest-"+tag+"-2", "kgtest-"+tag+"-3"
	if got, want := changes("2021", "2021"), []string{"2021-06-01 removal " + b + " " + r2, "2021-06-01 acting " + e + " " + r2}; !reflect.DeepEqual(got, want) {
		t.Errorf("changes in 2021:\n got %q\nwant %q", got, want)
	}
	if got, want := changes("2022-01", "2022-12"), []string{"2022-01-05 appointment " + e + " " + r3, "2022-05-01 removal " + a + " " + r3,
		"2022-05-01 vacancy " + a + " " + r3}; !reflect.DeepEqual(got, want) {
		t.Errorf("changes in 2022:\n got %q\nwant %q", got, want)
	}
	if got := changes("2023", ""); got != nil {
		t.Errorf("changes since 2023: %q", got)
	}
	if _, _, err := c.Changes(ctx, j, "2022", "2021", false); err == nil {
		t.Errorf("a period that ends before it begins: no error")
	}
	// Nothing named so.
	if scopes, lines, err := c.Roster(ctx, "无此地"+tag, "", false); err != nil || len(scopes) != 0 || len(lines) != 0 {
		t.Errorf("roster of nothing: %v %v %v", scopes, lines, err)
	}
}

func TestIntegrationAllMatchesExactFirst(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	j := "甲" + tag + "县"
	r := newReport("kgtest-"+tag+"-1", "2022-03-01", j)
	r.holds("甄"+tag, j+"委书记")
	r.holds("甄"+tag+"明", "乙"+j+"委书记") // 乙甲…县委书记 contains 甲…县委书记, and sorts first
	load(t, l, r.item())
	ctx := context.Background()

	hs, m, err := c.WhoHolds(ctx, j+"委书记", "")
	if err != nil || m != MatchExact {
		t.Fatalf("WhoHolds: %v %v", m, err)
	}
	var got []string
	for _, h := range hs {
		got = append(got, string(h.Match)+" "+h.Post+" "+h.Person)
	}
	want := []string{"exact " + j + "委书记 甄" + tag, "contains 乙" + j + "委书记 甄" + tag + "明"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("who holds %s:\n got %q\nwant %q", j+"委书记", got, want)
	}

	ps, m, err := c.Person(ctx, "甄"+tag)
	if err != nil || m != MatchExact {
		t.Fatalf("Person: %v %v", m, err)
	}
	got = nil
	for _, p := range ps {
		var career []string
		for _, h := range p.Career {
			career = append(career, h.Post+" "+h.FromBound+" "+h.UntilBound)
		}
		got = append(got, string(p.Match)+" "+p.Name+" "+strings.Join(career, "; "))
	}
	want = []string{"exact 甄" + tag + " " + j + "委书记 seen still", "contains 甄" + tag + "明 乙" + j + "委书记 seen still"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("persons named or containing 甄%s:\n got %q\nwant %q", tag, got, want)
	}

	// Once the persons' nodes share an identity (as identity resolution
	// will set it), they are one person: Group puts them together.
	_, err = c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, `MATCH (p:Person) WHERE p.name STARTS WITH $n SET p.identity = $id`, map[string]any{"n": "甄" + tag, "id": "甄" + tag + "|" + j}, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	ps, _, err = c.Person(ctx, "甄"+tag)
	if err != nil {
		t.Fatal(err)
	}
	gs := Group(ps)
	if len(gs) != 1 || len(gs[0].Nodes) != 2 || len(gs[0].Career) != 2 || gs[0].Match != MatchExact {
		t.Errorf("one identity, two nodes: %+v", gs)
	}
}

func TestSuccessionOfAHolderSeenOnlyInTheReportOfTheirRemoval(t *testing.T) {
	// 何 is first seen in the report that says he was removed the day
	// before, when 程 was appointed: his term does not end 程's, whichever
	// order the holdings come in.
	he := Holding{Person: "何", PostKey: "office:1|局|局长", Tenure: Tenure{FirstSeen: "2024-04-29", LastSeen: "2024-04-29", End: "2024-04-28", Removed: true}}
	cheng := Holding{Person: "程", PostKey: "office:1|局|局长", Tenure: Tenure{FirstSeen: "2024-04-29", LastSeen: "2024-04-29", Start: "2024-04-28", Appointed: true}}
	for _, tt := range []struct {
		name string
		hs   []Holding
	}{{"appointed first", []Holding{cheng, he}}, {"removed first", []Holding{he, cheng}}} {
		t.Run(tt.name, func(t *testing.T) {
			for _, h := range Succession(tt.hs) {
				switch h.Person {
				case "程":
					if h.UntilBound != BoundStill || h.From != "2024-04-28" || h.FromBound != BoundStated {
						t.Errorf("程: %+v", h.Term)
					}
				case "何":
					if h.UntilBound != BoundStated || h.Until != "2024-04-28" || h.From != "2024-04-28" {
						t.Errorf("何: %+v", h.Term)
					}
				}
			}
		})
	}
}
