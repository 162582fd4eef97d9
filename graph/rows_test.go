package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/schema"
)

func sp(s string) *string { return &s }

func TestPersonContext(t *testing.T) {
	tests := []struct {
		name         string
		jurisdiction string
		orgs         []string
		report       string
		want         string
	}{
		{"jurisdiction wins over post organisations", "静海区", []string{"静海区委"}, "r1", "静海区"},
		{"without jurisdiction the post's organisation", "", []string{"静海区委"}, "r1", "静海区委"},
		{"several organisations: the first in sorted order", "", []string{"乙县委", "", "甲县政府"}, "r1", "乙县委"},
		{"no jurisdiction and no post: the report", "", nil, "r1", "report:r1"},
		{"posts without organisation: the report", "", []string{"", ""}, "r1", "report:r1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := personContext(tt.jurisdiction, tt.orgs, tt.report); got != tt.want {
				t.Errorf("personContext = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"person key joins name and context", personKey("张三", "静海区"), "张三|静海区"},
		{"post key is the office", postKey(Office{Place: "静海区", PlaceCode: "120118", Organ: "党委", Title: "书记"}), "office:120118|党委|书记"},
		{"organisation key is the name", organizationKey("静海区委"), "静海区委"},
		{"place without parent is its name", placeKey("团泊镇", ""), "团泊镇"},
		{"place with parent adds the parent", placeKey("新华街道", "青河县"), "新华街道|青河县"},
		{"dated event in a jurisdiction", eventKey("武装工作会议", "2021-01-22", eventContext("2021-01-22", "静海区", "团泊镇", "r1")), "武装工作会议|2021-01-22|静海区"},
		{"dated event without jurisdiction takes its place", eventKey("武装工作会议", "2021-01-22", eventContext("2021-01-22", "", "团泊镇", "r1")), "武装工作会议|2021-01-22|团泊镇"},
		{"dated event with neither takes the report", eventKey("武装工作会议", "2021-01-22", eventContext("2021-01-22", "", "", "r1")), "武装工作会议|2021-01-22|report:r1"},
		{"undated event belongs to its report", eventKey("常务会议", "", eventContext("", "静海区", "团泊镇", "r1")), "常务会议||report:r1"},
		{"fact key", factKey(schema.Holds, schema.Person, "张三|静海区", schema.Post, "office:120118|党委|书记", ""), "HOLDS:Person[张三|静海区]->Post[office:120118|党委|书记]"},
		{"commendation key carries the honour", factKey(schema.Commended, schema.Event, "e", schema.Organization, "东达集团", "先进单位"), "COMMENDED:Event[e]->Organization[东达集团]#先进单位"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestEvidenceKey(t *testing.T) {
	a := evidenceKey("r1", "HOLDS:x", 3, 9)
	if a != evidenceKey("r1", "HOLDS:x", 3, 9) {
		t.Fatal("evidence key is not deterministic")
	}
	if !strings.HasPrefix(a, "r1|") {
		t.Errorf("evidence key %q does not start with the report id", a)
	}
	for _, other := range []string{
		evidenceKey("r2", "HOLDS:x", 3, 9), evidenceKey("r1", "HOLDS:y", 3, 9),
		evidenceKey("r1", "HOLDS:x", 4, 9), evidenceKey("r1", "HOLDS:x", 3, 10),
	} {
		if other == a {
			t.Errorf("different report, fact or span gave the same key %q", a)
		}
	}
}

const seedText = "静海区委书记蔺测峰出席会议并讲话。副区长曲测富主持会议。"

// seed is a small extraction like the FORMAT.md example, with invented names.
func seed() *doc.Extraction {
	return &doc.Extraction{
		Report: doc.Report{ID: "seed", Date: "2021-01-22", Jurisdiction: "静海区", Source: "reports/seed.txt"},
		Entities: []doc.Entity{
			{ID: "p1", Type: doc.TypePerson, Name: "蔺测峰", Mentions: []doc.Evidence{{Text: "蔺测峰", Start: 6, End: 9}}},
			{ID: "p2", Type: doc.TypePerson, Name: "曲测富"},
			{ID: "o1", Type: doc.TypeOrganization, Name: "静海区委"},
			{ID: "t1", Type: doc.TypePost, Name: "静海区委书记", Title: "书记", Org: "o1", Mentions: []doc.Evidence{{Text: "静海区委书记", Start: 0, End: 6}}},
			{ID: "t2", Type: doc.TypePost, Name: "静海区副区长", Title: "副区长"},
			{ID: "l1", Type: doc.TypePlace, Name: "静海区", Level: "区"},
			{ID: "e1", Type: doc.TypeEvent, Kind: doc.KindMeeting, Name: "2021年度武装工作会议", Date: "2021-01-22", Place: "l1"},
		},
		Relations: []doc.Relation{
			{Type: doc.RelHolds, From: "p1", To: "t1", Evidence: doc.Evidence{Text: "静海区委书记蔺测峰出席会议并讲话", Start: 0, End: 16}},
			{Type: doc.RelAttended, From: "p1", To: "e1", Evidence: doc.Evidence{Text: "静海区委书记蔺测峰出席会议并讲话", Start: 0, End: 16}},
			{Type: doc.RelSpokeAt, From: "p1", To: "e1", Evidence: doc.Evidence{Text: "静海区委书记蔺测峰出席会议并讲话", Start: 0, End: 16}},
			{Type: doc.RelHolds, From: "p2", To: "t2", Start: sp("2020-12-01"), Evidence: doc.Evidence{Start: 17, End: 27}},
			{Type: doc.RelChaired, From: "p2", To: "e1", Evidence: doc.Evidence{Text: "副区长曲测富主持会议", Start: 17, End: 27}},
		},
	}
}

func mustPlan(t *testing.T, x *doc.Extraction, text string) *plan {
	t.Helper()
	p, err := buildPlan(x, text, true)
	if err != nil {
		t.Fatalf("buildPlan: %v", err)
	}
	return p
}

func entityKeys(p *plan, l schema.Label) []string {
	var ks []string
	for _, k := range sortedKeys(p.entities) {
		if p.entities[k].label == l {
			ks = append(ks, p.entities[k].key)
		}
	}
	return ks
}

func TestPlanOfSeed(t *testing.T) {
	p := mustPlan(t, seed(), seedText)
	sum := sha256.Sum256([]byte(seedText))
	if p.hash != hex.EncodeToString(sum[:]) {
		t.Errorf("hash %s is not the sha256 of the text", p.hash)
	}
	if got, want := entityKeys(p, schema.Person), []string{"曲测富|静海区", "蔺测峰|静海区"}; !reflect.DeepEqual(got, want) {
		t.Errorf("person keys %v, want %v", got, want)
	}
	if got, want := entityKeys(p, schema.Event), []string{"2021年度武装工作会议|2021-01-22|静海区"}; !reflect.DeepEqual(got, want) {
		t.Errorf("event keys %v, want %v", got, want)
	}
	wantFacts := []string{
		"ATTENDED:Person[蔺测峰|静海区]->Event[2021年度武装工作会议|2021-01-22|静海区]",
		"CHAIRED:Person[曲测富|静海区]->Event[2021年度武装工作会议|2021-01-22|静海区]",
		"HELD_IN:Event[2021年度武装工作会议|2021-01-22|静海区]->Place[静海区]",
		"HOLDS:Person[曲测富|静海区]->Post[office:120118|政府|副区长]",
		"HOLDS:Person[蔺测峰|静海区]->Post[office:120118|党委|书记]",
		"POST_OF:Post[office:120118|党委|书记]->Organization[静海区委]",
		"SPOKE_AT:Person[蔺测峰|静海区]->Event[2021年度武装工作会议|2021-01-22|静海区]",
	}
	if got := sortedKeys(p.facts); !reflect.DeepEqual(got, wantFacts) {
		t.Errorf("facts\n got %v\nwant %v", got, wantFacts)
	}
	if len(p.evidence) != len(wantFacts) {
		t.Errorf("%d evidence rows, want one per fact (%d)", len(p.evidence), len(wantFacts))
	}
	if len(p.warnings) != 0 {
		t.Errorf("unexpected warnings: %v", p.warnings)
	}
	for _, ev := range p.evidence {
		switch ev.fact {
		case "HOLDS:Person[曲测富|静海区]->Post[office:120118|政府|副区长]":
			if ev.tenureStart == nil || *ev.tenureStart != "2020-12-01" || ev.tenureEnd != nil {
				t.Errorf("appointment: tenure %v %v, want start 2020-12-01 and no end", ev.tenureStart, ev.tenureEnd)
			}
			if ev.text != "副区长曲测富主持会议" {
				t.Errorf("evidence without text should be cut from the raw text, got %q", ev.text)
			}
		case "POST_OF:Post[office:120118|党委|书记]->Organization[静海区委]":
			if !ev.derived || ev.text != "静海区委书记" {
				t.Errorf("POST_OF from Post.org should be derived with the post's first mention, got %+v", ev)
			}
		}
		if ev.reportDate != "2021-01-22" {
			t.Errorf("evidence %s has report date %q", ev.fact, ev.reportDate)
		}
	}
	if p.props["text"] != seedText || p.props["chars"] != int64(len([]rune(seedText))) {
		t.Errorf("report props should carry the text and its length in runes: %v", p.props)
	}
}

func TestPlanDoesNotChangeItsInput(t *testing.T) {
	x := seed()
	x.Entities[6].Date = "2021年1月22日" // invalid, gets cleaned in the plan only
	before := seed()
	before.Entities[6].Date = "2021年1月22日"
	mustPlan(t, x, seedText)
	if !reflect.DeepEqual(x, before) {
		t.Error("buildPlan changed the extraction it was given")
	}
}

func TestPlanRejects(t *testing.T) {
	tests := []struct {
		name string
		x    *doc.Extraction
		text string
	}{
		{"no extraction", nil, "x"},
		{"no report id", &doc.Extraction{Report: doc.Report{ID: "  "}}, "x"},
		{"neither hash nor text", &doc.Extraction{Report: doc.Report{ID: "a"}}, ""},
		{"hash of another text", &doc.Extraction{Report: doc.Report{ID: "a", Hash: strings.Repeat("0", 64)}}, "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := buildPlan(tt.x, tt.text, true); !errors.Is(err, ErrInvalid) {
				t.Errorf("err = %v, want ErrInvalid", err)
			}
		})
	}
	// A hash without text is trusted.
	if p, err := buildPlan(&doc.Extraction{Report: doc.Report{ID: "a", Hash: "abc"}}, "", true); err != nil || p.hash != "abc" {
		t.Errorf("hash without text: %v, %v", p, err)
	}
}

func TestPlanSkipsWhatDoesNotFitTheModel(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(x *doc.Extraction)
		warn   string // substring of the first warning
		lost   string // fact that must not be there ("" = none)
	}{
		{"unknown relation type", func(x *doc.Extraction) {
			x.Relations = append(x.Relations, doc.Relation{Type: "LIKES", From: "p1", To: "p2"})
		}, "unknown type", ""},
		{"relation to an unknown entity", func(x *doc.Extraction) {
			x.Relations = append(x.Relations, doc.Relation{Type: doc.RelAttended, From: "p9", To: "e1"})
		}, "unknown or skipped entity", ""},
		{"endpoints the model does not allow", func(x *doc.Extraction) {
			x.Relations = append(x.Relations, doc.Relation{Type: doc.RelHolds, From: "p1", To: "o1"})
		}, "cannot join (:Person) to (:Organization)", "HOLDS:Person[蔺测峰|静海区]->Organization[静海区委]"},
		{"entity of unknown type", func(x *doc.Extraction) {
			x.Entities = append(x.Entities, doc.Entity{ID: "z1", Type: "Animal", Name: "熊猫"})
		}, "unknown type \"Animal\"", ""},
		{"entity without a name, and its relations", func(x *doc.Extraction) {
			x.Entities[1].Name = " "
		}, "has no name", "CHAIRED:Person[曲测富|静海区]->Event[2021年度武装工作会议|2021-01-22|静海区]"},
		{"duplicate entity id", func(x *doc.Extraction) {
			x.Entities = append(x.Entities, doc.Entity{ID: "p1", Type: doc.TypePerson, Name: "别人"})
		}, "used twice", ""},
		{"evidence outside the text", func(x *doc.Extraction) {
			x.Relations[0].Evidence.End = 999
		}, "outside the text", ""},
		{"appointment date that is not a date", func(x *doc.Extraction) {
			x.Relations[3].Start = sp("去年")
		}, "not an ISO date", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := seed()
			tt.mutate(x)
			p := mustPlan(t, x, seedText)
			if len(p.warnings) == 0 || !strings.Contains(p.warnings[0], tt.warn) {
				t.Fatalf("warnings %q, want the first to contain %q", p.warnings, tt.warn)
			}
			if tt.lost != "" && p.facts[tt.lost] != nil {
				t.Errorf("fact %s should have been skipped", tt.lost)
			}
		})
	}
}

func TestUndatedAppointmentKeepsAnEmptyDate(t *testing.T) {
	x := seed()
	x.Relations[3].Start = sp("去年")
	x.Relations[0].End = sp("")
	p := mustPlan(t, x, seedText)
	for _, ev := range p.evidence {
		switch ev.fact {
		case "HOLDS:Person[曲测富|静海区]->Post[office:120118|政府|副区长]":
			if ev.tenureStart == nil || *ev.tenureStart != "" {
				t.Errorf("an unparseable appointment date should become an undated appointment, got %v", ev.tenureStart)
			}
		case "HOLDS:Person[蔺测峰|静海区]->Post[office:120118|党委|书记]":
			if ev.tenureEnd == nil || *ev.tenureEnd != "" || ev.tenureStart != nil {
				t.Errorf("undated removal: got start %v end %v", ev.tenureStart, ev.tenureEnd)
			}
			if _, ok := ev.props("seed")["tenure_end"]; !ok {
				t.Error("an undated removal must still be written (tenure_end: \"\")")
			}
		}
	}
}

func TestPersonWithoutJurisdictionIsPlacedByHisPost(t *testing.T) {
	x := seed()
	x.Report.Jurisdiction = ""
	p := mustPlan(t, x, seedText)
	want := []string{"曲测富|report:seed", "蔺测峰|静海区委"}
	if got := entityKeys(p, schema.Person); !reflect.DeepEqual(got, want) {
		t.Errorf("person keys %v, want %v (post organisation, else the report)", got, want)
	}
	if got, want := entityKeys(p, schema.Event), []string{"2021年度武装工作会议|2021-01-22|静海区"}; !reflect.DeepEqual(got, want) {
		t.Errorf("event keys %v, want %v (the event's place)", got, want)
	}
}

func TestPostOrganisationFromPostOfRelation(t *testing.T) {
	x := seed()
	x.Report.Jurisdiction = ""
	x.Entities[3].Org = ""
	x.Relations = append(x.Relations, doc.Relation{Type: doc.RelPostOf, From: "t1", To: "o1", Evidence: doc.Evidence{Start: 0, End: 6}})
	p := mustPlan(t, x, seedText)
	if got := entityKeys(p, schema.Person); got[1] != "蔺测峰|静海区委" {
		t.Errorf("person keys %v: the POST_OF relation should place 蔺测峰 in 静海区委", got)
	}
	n := 0
	for _, ev := range p.evidence {
		if ev.typ == schema.PostOf {
			n++
			if ev.derived {
				t.Error("an explicit POST_OF relation is not derived")
			}
		}
	}
	if n != 1 {
		t.Errorf("%d POST_OF evidence rows, want 1", n)
	}
}

func TestPlaceKeyFromParent(t *testing.T) {
	x := seed()
	x.Entities = append(x.Entities,
		doc.Entity{ID: "l2", Type: doc.TypePlace, Name: "新华街道", Parent: "l1"},
		doc.Entity{ID: "l3", Type: doc.TypePlace, Name: "团泊镇"},
	)
	x.Relations = append(x.Relations, doc.Relation{Type: doc.RelPartOf, From: "l3", To: "l1"})
	p := mustPlan(t, x, seedText)
	want := []string{"团泊镇|静海区", "新华街道|静海区", "静海区"}
	if got := entityKeys(p, schema.Place); !reflect.DeepEqual(got, want) {
		t.Errorf("place keys %v, want %v", got, want)
	}
	if p.facts["PART_OF:Place[新华街道|静海区]->Place[静海区]"] == nil || p.facts["PART_OF:Place[团泊镇|静海区]->Place[静海区]"] == nil {
		t.Errorf("PART_OF facts missing: %v", sortedKeys(p.facts))
	}
}

func TestSameEntityTwiceInOneReportIsOneNode(t *testing.T) {
	x := seed()
	x.Entities = append(x.Entities, doc.Entity{ID: "p3", Type: doc.TypePerson, Name: "蔺测峰",
		Mentions: []doc.Evidence{{Text: "蔺测峰", Start: 30, End: 33}, {Text: "蔺测峰", Start: 6, End: 9}}})
	x.Relations = append(x.Relations, doc.Relation{Type: doc.RelHolds, From: "p3", To: "t1", Evidence: doc.Evidence{Start: 0, End: 16}})
	p := mustPlan(t, x, seedText+"蔺测峰说。")
	if got := entityKeys(p, schema.Person); len(got) != 2 {
		t.Fatalf("person keys %v, want two", got)
	}
	m := p.mentions["Person|蔺测峰|静海区"]
	if !reflect.DeepEqual(m.starts, []int64{6, 30}) || !reflect.DeepEqual(m.ends, []int64{9, 33}) {
		t.Errorf("mentions should be merged, deduplicated and in text order: %v %v", m.starts, m.ends)
	}
	n := 0
	for _, ev := range p.evidence {
		if ev.fact == "HOLDS:Person[蔺测峰|静海区]->Post[office:120118|党委|书记]" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the same fact from the same span is one piece of evidence, got %d", n)
	}
}

func TestBatchRowsShareEntitiesAndFacts(t *testing.T) {
	a := mustPlan(t, seed(), seedText)
	x := seed()
	x.Report.ID = "seed2"
	x.Report.Date = "2021-01-20"
	x.Entities[3].Title = "" // the second report knows no title: the first one's stays
	b := mustPlan(t, x, seedText)
	rs := batchRows([]*plan{a, b}, nil)
	if len(rs.reports) != 2 {
		t.Errorf("%d report rows, want 2", len(rs.reports))
	}
	evidence := 0
	for _, r := range rs.reports {
		evidence += len(r.(map[string]any)["evidence"].([]any))
	}
	if evidence != len(a.evidence)+len(b.evidence) {
		t.Errorf("%d evidence rows, want one per report and fact", evidence)
	}
	if n := len(rs.entities[schema.Person]); n != 2 {
		t.Errorf("%d person rows, want 2 (shared by both reports)", n)
	}
	for _, r := range rs.entities[schema.Person] {
		if n := len(r.(map[string]any)["mentions"].([]any)); n != 2 {
			t.Errorf("%v: %d mentions, want one per report", r, n)
		}
	}
	facts := 0
	for _, g := range rs.groups {
		facts += len(rs.facts[g])
		for i, f := range rs.facts[g] {
			if i > 0 && rs.facts[g][i-1].fact >= f.fact {
				t.Errorf("fact rows of %v not sorted by key", g)
			}
		}
	}
	if facts != len(a.facts) {
		t.Errorf("%d fact rows, want %d (shared)", facts, len(a.facts))
	}
	for _, r := range rs.entities[schema.Post] {
		m := r.(map[string]any)
		if m["key"] == "静海区委书记" && m["props"].(map[string]any)["title"] != "书记" {
			t.Errorf("post title lost when merging: %v", m)
		}
	}
	var order []schema.RelType
	for _, g := range rs.groups {
		order = append(order, g.typ)
	}
	want := []schema.RelType{schema.Holds, schema.Chaired, schema.SpokeAt, schema.Attended, schema.HeldIn, schema.PostOf}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("fact statements in order %v, want model order %v", order, want)
	}
	// What the batch adds to each fact: both reports, sorted, their dates,
	// and for HOLDS the appointment.
	holds := rs.facts[factGroup{schema.Holds, schema.Person, schema.Post}]
	if len(holds) != 2 {
		t.Fatalf("HOLDS rows: %v", holds)
	}
	got := holds[0].addParam() // 曲测富 (sorted first), appointed 2020-12-01
	wantRow := map[string]any{
		"from": "曲测富|静海区", "to": "office:120118|政府|副区长", "fact": "HOLDS:Person[曲测富|静海区]->Post[office:120118|政府|副区长]", "props": map[string]any{"acting": false, "executive": false},
		"reports": int64(2), "n": int64(2), "first": "2021-01-20", "last": "2021-01-22",
		"start": "2020-12-01", "end": nil, "appointed": true, "removed": false,
	}
	if !reflect.DeepEqual(got, wantRow) {
		t.Errorf("HOLDS contribution:\n got %v\nwant %v", got, wantRow)
	}
}

func TestRoundsKeepReportIdsDistinct(t *testing.T) {
	mk := func(id string) *plan { return &plan{id: id} }
	plans := []*plan{mk("a"), mk("b"), nil, mk("a"), mk("c"), mk("a")}
	got := rounds(plans)
	want := [][]int{{0, 1, 4}, {3}, {5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rounds = %v, want %v", got, want)
	}
}

// The graph package spells no label or relationship type of its own: every
// one in its Cypher is in the schema.
func TestCypherUsesOnlySchemaNames(t *testing.T) {
	queries := []string{qExistingReports, qRetractEvidence, qRetractMentions, qReports, qEntities,
		qFacts, qAddFacts, qDropUnsupported, qRecompute, qRecomputeHolds, qDeleteReports, qDropOrphans,
		qAppliedMigrations, qRecordMigration, qFindPosts, qWhoHolds, qFindPersons, qPersons, qPersonPosts, qPersonEvents}
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
	for _, q := range queries {
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

func TestPartitionKeepsJurisdictionsTogether(t *testing.T) {
	mk := func(id, j string) *plan {
		return &plan{id: id, props: map[string]any{"jurisdiction": j}}
	}
	plans := []*plan{mk("1", "A"), mk("2", "B"), mk("3", "A"), mk("4", ""), mk("5", "C"), mk("6", "A"), mk("7", "")}
	idx := []int{0, 1, 2, 3, 4, 5, 6}
	parts := partition(plans, idx, 2)
	if len(parts) != 2 {
		t.Fatalf("parts %v", parts)
	}
	where := map[string]int{}
	n := 0
	for p, part := range parts {
		for i, j := range part {
			n++
			if i > 0 && part[i-1] > j {
				t.Errorf("part %v is not in input order", part)
			}
			if k := plans[j].props["jurisdiction"].(string); k != "" {
				if q, ok := where[k]; ok && q != p {
					t.Errorf("jurisdiction %s split across parts %v", k, parts)
				}
				where[k] = p
			}
		}
	}
	if n != len(idx) {
		t.Errorf("parts %v lose or repeat reports", parts)
	}
	if d := len(parts[0]) - len(parts[1]); d > 2 || d < -2 {
		t.Errorf("unbalanced parts %v", parts)
	}
	if got := partition(plans, idx, 1); !reflect.DeepEqual(got, [][]int{idx}) {
		t.Errorf("one writer: %v", got)
	}
}

func TestStatsAddCountsWithoutKeepingResults(t *testing.T) {
	var total Stats
	for i := 0; i < 3; i++ {
		total.Add(Stats{Reports: []ReportResult{{ID: "a", Status: StatusNew}, {ID: "b", Status: StatusUnchanged}}, Counters: Counters{NodesCreated: 2}})
	}
	var sub Stats
	sub.Add(Stats{Reports: []ReportResult{{ID: "c", Status: StatusFailed}}})
	total.Add(sub)
	if total.Count(StatusNew) != 3 || total.Count(StatusUnchanged) != 3 || total.Count(StatusFailed) != 1 || total.NodesCreated != 6 {
		t.Errorf("total: %+v", total)
	}
	if len(total.Reports) != 0 {
		t.Errorf("a running total keeps %d per-report results", len(total.Reports))
	}
}
