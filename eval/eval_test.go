package eval

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func TestScoreCountsEachCategory(t *testing.T) {
	start := "2024-03-01"
	x := &doc.Extraction{
		Report: doc.Report{ID: "r", Jurisdiction: "青山区"},
		Entities: []doc.Entity{
			{ID: "p1", Type: doc.TypePerson, Name: "柯文杰"},
			{ID: "p2", Type: doc.TypePerson, Name: "王多余"},
			{ID: "t1", Type: doc.TypePost, Name: "青山区委书记"},
			{ID: "t2", Type: doc.TypePost, Name: "副区长"},
			{ID: "e1", Type: doc.TypeEvent, Name: "全区经济工作会议", Date: "2024-03-01"},
			{ID: "l1", Type: doc.TypePlace, Name: "青山区"},
			{ID: "l2", Type: doc.TypePlace, Name: "会议中心", Level: "venue"},
		},
		Relations: []doc.Relation{
			{Type: doc.RelHolds, From: "p1", To: "t1", Start: &start},
			{Type: doc.RelHolds, From: "p2", To: "t2"},
			{Type: doc.RelAttended, From: "p1", To: "e1"},
			{Type: doc.RelSpokeAt, From: "p1", To: "e1"},
		},
	}
	g := &Gold{ID: "r", Jurisdiction: "青山区",
		Persons: []string{"柯文杰", "禚立群"},
		Holds:   [][]string{{"柯文杰", "青山区委书记"}, {"禚立群", "青山区副区长"}},
		Roles:   [][]string{{"柯文杰", "ATTENDED"}, {"柯文杰", "SPOKE_AT"}, {"柯文杰", "CHAIRED"}},
		Places:  []string{"青山区"},
		Tenure:  [][]string{{"柯文杰", "青山区委书记", "start", "2024-03-01"}},
	}
	g.Events = append(g.Events, struct {
		Name  string `json:"name"`
		Date  string `json:"date"`
		Place string `json:"place"`
	}{Name: "2024年全区经济工作会议", Date: "2024-03-01"})

	r := Score(x, g)
	want := map[string]Count{
		"persons":       {TP: 1, FP: 1, FN: 1},
		"holds_strict":  {TP: 1, FP: 1, FN: 1},
		"holds_lenient": {TP: 1, FP: 1, FN: 1}, // 副区长 ≠ 副区长 of 王多余 vs 禚立群
		"roles":         {TP: 2, FP: 0, FN: 1},
		"events":        {TP: 1}, // a name inside the gold name matches
		"event_dates":   {TP: 1},
		"places":        {TP: 1, FP: 1}, // a venue is a Place entity too (score.py counts every one)
		"tenure":        {TP: 1},
	}
	for cat, w := range want {
		if got := r.Counts[cat]; got != w {
			t.Errorf("%s: got %+v, want %+v", cat, got, w)
		}
	}
	if c := r.Counts["roles"]; c.P() != 1 || c.R() < 0.66 || c.R() > 0.67 {
		t.Errorf("roles P/R = %.2f/%.2f", c.P(), c.R())
	}
	var buf bytes.Buffer
	Report(&buf, []Result{r}, 3, true)
	if !strings.Contains(buf.String(), "r\tpersons\tmissing\t禚立群") || !strings.Contains(buf.String(), "holds_lenient") {
		t.Errorf("report lacks the misses or the table:\n%s", buf.String())
	}
}

// TestSamplesMeetTheQualityBar scores the project's own invented reports
// (samples/) against their gold (testdata/samples/) and holds the
// extraction to the bar, so that a rule change that breaks the genre
// fails here.
func TestSamplesMeetTheQualityBar(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	golds, _ := filepath.Glob("testdata/samples/*.json")
	gold := map[string]*Gold{}
	for _, f := range golds {
		g, err := LoadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		gold[g.ID] = g
	}
	var results []Result
	// gold files are named by the report's file (shared/eval/FORMAT.md)
	err = input.Read([]string{"../samples"}, nil, input.Options{IDFromFileName: true}, func(r input.Report, err error) error {
		if err != nil {
			t.Errorf("reading %s: %v", r.Path, err)
			return nil
		}
		g := gold[r.Meta.ID]
		if g == nil {
			t.Errorf("report %s has no gold file", r.Meta.ID)
			return nil
		}
		x, err := p.Extract(r.Meta, r.Text)
		if err != nil {
			return err
		}
		results = append(results, Score(x, g))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(gold) {
		t.Fatalf("scored %d reports, have %d gold files", len(results), len(gold))
	}
	var buf bytes.Buffer
	total := Report(&buf, results, 5, false)
	t.Log("\n" + buf.String())
	for cat, min := range map[string]float64{"persons": 0.95, "holds_lenient": 0.90, "roles": 0.90, "events": 0.80} {
		if f := total[cat].F1(); f < min {
			t.Errorf("%s F1 = %.3f, below the bar of %.2f", cat, f, min)
		}
	}
}

func TestTheProjectSplitHoldsOutFiveReportsOfEachGenre(t *testing.T) {
	h := ProjectSplit()
	count := map[string]int{}
	for id := range h {
		count[strings.SplitN(id, "-", 2)[0]]++
	}
	if len(h) != 15 || count["pa"] != 5 || count["mb"] != 5 || count["cc"] != 5 {
		t.Errorf("held-out ids by genre: %v (%d in all)", count, len(h))
	}
}
