package output_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/internal/extracttest"
)

func TestRelationsFromTheLayers(t *testing.T) {
	d := extracttest.Run(t, "2024-03-06", "3月5日,青禾县召开安全生产工作会议。县委书记柳明远主持会议,桃源镇镇长顾南星出席。")
	name := map[string]string{}
	for _, e := range d.Entities {
		name[e.ID] = e.Name
	}
	var got []string
	for _, r := range d.Relations {
		got = append(got, r.Type+" "+name[r.From]+" → "+name[r.To])
		if r.Evidence.Text == "" {
			t.Errorf("%s without evidence", r.Type)
		}
	}
	for _, want := range []string{
		"HOLDS 柳明远 → 青禾县委书记",
		"POST_OF 青禾县委书记 → 青禾县委",
		"CHAIRED 柳明远 → 安全生产工作会议",
		"ATTENDED 顾南星 → 安全生产工作会议",
	} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("missing %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	// the jurisdiction is the first place, and mentions are in text order
	if len(d.Entities) == 0 || d.Entities[0].Type != doc.TypePlace || d.Entities[0].Name != "青禾县" {
		t.Errorf("first entity %+v, want the jurisdiction", d.Entities[0])
	}
	for i := 1; i < len(d.Mentions); i++ {
		if d.Mentions[i].Start < d.Mentions[i-1].Start {
			t.Fatalf("mentions out of order at %d", i)
		}
	}
}

func TestAVenueIsNoPlace(t *testing.T) {
	d := extracttest.Run(t, "2024-03-06", "3月5日,青禾县安全生产工作会议在县政府四楼会议室召开。")
	for _, e := range d.Entities {
		if e.Type == doc.TypePlace && e.Name == "县政府四楼会议室" {
			t.Errorf("the venue is a Place entity")
		}
		if e.Type == doc.TypeEvent && e.Venue != "县政府四楼会议室" {
			t.Errorf("event %s: venue %q", e.Name, e.Venue)
		}
	}
}
