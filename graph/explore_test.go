package graph

import (
	"context"
	"reflect"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestQueryTextWritesQueriesAsTheGraphWritesNames(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"traditional to simplified", "靜海區委書記", "静海区委书记"},
		{"full-width to half-width, trimmed", "  ＡＢＣ１ ", "ABC1"},
		{"simplified stays", "蔺雪峰", "蔺雪峰"},
		{"empty", "  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QueryText(tt.in); got != tt.want {
				t.Errorf("QueryText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// exploreGraph loads two reports of an invented city: 赵 is its 市长
// until removed, 钱 appointed after him (acting first), both at a
// meeting held in the city; 赵 is also seen in a second city.
func exploreGraph(t *testing.T) (c *Client, tag, city, post, zhao, qian string) {
	c = testClient(t)
	l := NewLoader(c, Options{})
	tag = newTag(t)
	city, other := "北测"+tag+"市", "南测"+tag+"市"
	post = city + "长"
	zhao, qian = "赵"+tag, "钱"+tag
	meeting := "测试" + tag + "会议"
	r1 := newReport("kgtest-"+tag+"-1", "2020-06-01", city)
	r1.holds(zhao, post, appointed("2020-01-10"))
	r1.role(doc.RelChaired, zhao, meeting, "2020-05-30")
	r1.role(doc.RelAttended, qian, meeting, "2020-05-30")
	ev := r1.say(meeting + "在" + city + "召开")
	r1.rel(doc.RelHeldIn, r1.ent(doc.TypeEvent, meeting), r1.ent(doc.TypePlace, city), ev)
	r2 := newReport("kgtest-"+tag+"-2", "2021-03-02", city)
	r2.holds(zhao, post, removed("2021-03-01"))
	r2.holds(qian, city+"代市长", appointed("2021-03-01"))
	r3 := newReport("kgtest-"+tag+"-3", "2022-01-05", other)
	r3.holds(zhao, other+"委书记", appointed("2022-01-04"))
	load(t, l, r1.item(), r2.item(), r3.item())
	return
}

func TestIntegrationExploreSearch(t *testing.T) {
	c, tag, city, post, zhao, _ := exploreGraph(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		q        string
		kind     string
		wantName string
		rank     int
	}{
		{"a person in traditional characters", "趙" + tag, "Person", zhao, 0},
		{"an office by the beginning of its name", "北測" + tag + "市", "Post", post, 1},
		{"an office by a part inside its name", tag + "市长", "Post", post, 2},
		{"a place by its exact name", city, "Place", city, 0},
		{"a report by its title", "测试报道 kgtest-" + tag + "-2", "Report", "测试报道 kgtest-" + tag + "-2", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := c.Search(ctx, tt.q, 20)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hs {
				if h.Kind == tt.kind && h.Name == tt.wantName {
					if h.Rank != tt.rank {
						t.Errorf("%s ranked %d, want %d", h.Name, h.Rank, tt.rank)
					}
					return
				}
			}
			t.Errorf("Search(%q) = %+v; no %s %s", tt.q, hs, tt.kind, tt.wantName)
		})
	}
	if hs, err := c.Search(ctx, "   ", 5); err != nil || len(hs) != 0 {
		t.Errorf("an empty search: %v %v", hs, err)
	}
}

func TestIntegrationExploreCareerOfficeAndPlace(t *testing.T) {
	c, _, city, post, zhao, qian := exploreGraph(t)
	ctx := context.Background()
	zhaoKey, qianKey := zhao+"|"+city, qian+"|"+city

	pc, err := c.PersonCareer(ctx, zhaoKey, 5)
	if err != nil || pc == nil {
		t.Fatalf("PersonCareer: %v %v", pc, err)
	}
	if len(pc.Holdings) != 1 || pc.Holdings[0].Post != post || pc.Holdings[0].FromBound != BoundStated || pc.Holdings[0].UntilBound != BoundStated {
		t.Errorf("赵's career: %+v", pc.Holdings)
	}
	if len(pc.Holdings) == 1 && (len(pc.Holdings[0].Evidence) != 2 || pc.Holdings[0].Evidence[0].Text == "") {
		t.Errorf("the holding's evidence: %+v", pc.Holdings[0].Evidence)
	}
	if len(pc.Events) != 1 || pc.Events[0].Role != "CHAIRED" || pc.Events[0].Date != "2020-05-30" {
		t.Errorf("赵's events: %+v", pc.Events)
	}
	if len(pc.Companions) != 1 || pc.Companions[0].ID != qianKey || pc.Companions[0].Together != 1 {
		t.Errorf("赵's companions: %+v", pc.Companions)
	}

	// 钱 is acting 市长 from 2021-03-01: the office's succession ends 赵's
	// term by his removal, 钱's is open
	o, err := c.OfficeView(ctx, pc.Holdings[0].PostKey)
	if err != nil || o == nil {
		t.Fatalf("OfficeView: %v %v", o, err)
	}
	var got []string
	for _, s := range o.Succession {
		got = append(got, s.Person+" "+s.From+" "+s.UntilBound)
		if s.Person == qian && !s.Acting {
			t.Errorf("钱's holding is not acting: %+v", s)
		}
	}
	if want := []string{zhao + " 2020-01-10 stated", qian + " 2021-03-01 still"}; !reflect.DeepEqual(got, want) {
		t.Errorf("succession %v, want %v", got, want)
	}
	if o.PlaceKey != city {
		t.Errorf("the office's place %q, want %q", o.PlaceKey, city)
	}

	pv, err := c.PlaceView(ctx, city)
	if err != nil || pv == nil {
		t.Fatalf("PlaceView: %v %v", pv, err)
	}
	if len(pv.Offices) != 1 || pv.Offices[0].Name != post || len(pv.Offices[0].Succession) != 2 {
		t.Errorf("the city's offices: %+v", pv.Offices)
	}

	nb, err := c.Neighbourhood(ctx, []string{zhaoKey}, 5, 5)
	if err != nil || len(nb) != 1 || len(nb[0].People) != 1 || nb[0].People[0].ID != qianKey {
		t.Errorf("Neighbourhood: %+v %v", nb, err)
	}

	for name, f := range map[string]func() (any, error){
		"PersonCareer": func() (any, error) { return c.PersonCareer(ctx, "nobody|nowhere", 5) },
		"OfficeView":   func() (any, error) { return c.OfficeView(ctx, "office:nowhere|政府|长") },
		"PlaceView":    func() (any, error) { return c.PlaceView(ctx, "nowhere") },
	} {
		v, err := f()
		if err != nil || !reflect.ValueOf(v).IsNil() {
			t.Errorf("%s of nothing: %v %v, want nil, nil", name, v, err)
		}
	}
}

// TestIntegrationExploreGroupsPersonsByIdentity: with identity
// resolution's property, the Person nodes of one identity are one career,
// and their attributes show.
func TestIntegrationExploreGroupsPersonsByIdentity(t *testing.T) {
	c, tag, city, _, zhao, _ := exploreGraph(t)
	ctx := context.Background()
	id := "identity-" + tag
	other := "南测" + tag + "市"
	_, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, `UNWIND $keys AS k MATCH (p:Person {key: k}) SET p.identity = $id, p.gender = '男', p.birth = '1970-01'`,
			map[string]any{"keys": []any{zhao + "|" + city, zhao + "|" + other}, "id": id}, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	pc, err := c.PersonCareer(ctx, id, 5)
	if err != nil || pc == nil {
		t.Fatalf("PersonCareer(identity): %v %v", pc, err)
	}
	if len(pc.Keys) != 2 || len(pc.Holdings) != 2 {
		t.Errorf("one identity, two nodes: keys %v, holdings %+v", pc.Keys, pc.Holdings)
	}
	if want := []Attribute{{Name: "gender", Value: "男"}, {Name: "birth", Value: "1970-01"}}; !reflect.DeepEqual(pc.Attributes, want) {
		t.Errorf("attributes %+v, want %+v", pc.Attributes, want)
	}
	// the key of one of its nodes leads to the identity
	if pc, err := c.PersonCareer(ctx, zhao+"|"+city, 5); err != nil || pc == nil || pc.ID != id || len(pc.Keys) != 2 {
		t.Errorf("by the key of a node with an identity: %+v %v", pc, err)
	}
	hs, err := c.Search(ctx, zhao, 5)
	if err != nil || len(hs) == 0 || hs[0].ID != id {
		t.Errorf("search groups the identity: %+v %v", hs, err)
	}
}
