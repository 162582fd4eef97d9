package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kg-cn/kg/graph"
)

// The invented reports of testdata/careers (real places, invented people):
// 柏青山, 清河县长 in 2019, moved by the city in 2021 to 威县委书记 and seen
// there in 2022; 孙立军, namesakes in Hebei and Gansu, and two 清河县副县长 of
// that name whose profiles (born 1975 and 1961) keep them apart; 韩冬梅, one
// profile in two provinces' 任前公示.
const careersDir = "testdata/careers"

var careerNames = []string{"柏青山", "孙立军", "韩冬梅"}

// careerState is what the graph says of the careers' people: the identity
// of each node, the joins, and kg person --json of each name.
func careerState(t *testing.T) string {
	t.Helper()
	srv := sharedServer()
	var lines []string
	for _, r := range srv.cypher(t, `MATCH (p:Person) WHERE p.name IN $names
OPTIONAL MATCH (p)-[s:SAME_PERSON]->(q)
RETURN p.key + ' ' + p.identity + ' ' + coalesce(s.rule + ' ' + q.key + ' ' + s.reason, '') AS l`, map[string]any{"names": anyStrings(careerNames)}) {
		lines = append(lines, r["l"].(string))
	}
	sort.Strings(lines)
	for _, n := range careerNames {
		_, out, _ := runKG(t, "person", "--json", n)
		lines = append(lines, out)
	}
	return strings.Join(lines, "\n")
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func TestIntegrationCareersAcrossPlaces(t *testing.T) {
	testGraph(t) // skips under -short
	entries, err := os.ReadDir(careersDir)
	if err != nil {
		t.Fatal(err)
	}
	var files, ids []string
	for _, e := range entries {
		files = append(files, filepath.Join(careersDir, e.Name()))
	}
	_, out, _ := runKG(t, "extract", "--id-from-file-name=false", careersDir)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var x struct{ Report struct{ ID string } }
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.Report.ID)
	}
	deleteAll := func() {
		for _, id := range ids {
			runKG(t, "delete", id)
		}
	}
	deleteAll()
	t.Cleanup(deleteAll)

	// any order of the reports, one ingest each: the same graph
	var first string
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {2, 5, 7, 0, 3, 6, 1, 4}} {
		for _, i := range order {
			if code, _, stderr := runKG(t, "ingest", "--no-progress", files[i]); code != exitOK {
				t.Fatalf("ingest %s: exit %d %s", files[i], code, stderr)
			}
		}
		state := careerState(t)
		if first == "" {
			first = state
		} else if state != first {
			t.Errorf("order %v gives another graph:\n%s\nthan the first:\n%s", order, state, first)
		}
		deleteAll()
	}
	for _, f := range files {
		runKG(t, "ingest", "--no-progress", f)
	}

	persons := func(name string) []graph.Individual {
		_, out, _ := runKG(t, "person", "--json", name)
		var res struct{ Persons []graph.Individual }
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("person --json %s: %v\n%s", name, err, out)
		}
		return res.Persons
	}
	// one 柏青山: a career across two counties, the move stated by the city
	ps := persons("柏青山")
	if len(ps) != 1 || len(ps[0].Nodes) != 3 || len(ps[0].Joins) != 2 {
		t.Fatalf("柏青山: %d persons, want one of three nodes joined twice: %+v", len(ps), ps)
	}
	var career []string
	for _, h := range ps[0].Career {
		career = append(career, h.Post+" "+h.From+" "+h.FromBound+" "+h.Until+" "+h.UntilBound)
	}
	for _, want := range []string{"清河县长 2019-06-12 seen 2021-04-28 stated", "威县委书记 2021-04-28 stated  still"} {
		if !slices.Contains(career, want) {
			t.Errorf("柏青山's career lacks %q: %q", want, career)
		}
	}
	for _, j := range ps[0].Joins {
		if j.Rule != graph.RuleSameOffice || len(j.Reports) != 2 {
			t.Errorf("join: %+v", j)
		}
	}
	// namesakes in two provinces, and two deputies of one county whose
	// profiles differ: three persons, and --why says what kept two apart
	if ps := persons("孙立军"); len(ps) != 3 {
		t.Errorf("孙立军: %d persons, want 3", len(ps))
	}
	_, out, _ = runKG(t, "person", "--why", "孙立军")
	if !strings.Contains(out, "kept apart:") || !strings.Contains(out, "their birth differs (1961-02; 1975-03)") {
		t.Errorf("person --why 孙立军 does not say what kept the deputies apart:\n%s", out)
	}
	// one profile in two provinces: one person, with the profile
	ps = persons("韩冬梅")
	if len(ps) != 1 || len(ps[0].Joins) != 1 || ps[0].Joins[0].Rule != graph.RuleProfile {
		t.Fatalf("韩冬梅: %+v", ps)
	}
	var profile []string
	for _, a := range ps[0].Attributes {
		profile = append(profile, a.Kind+"="+a.Value)
	}
	if want := []string{"gender=女", "ethnicity=汉族", "birth=1978-11", "native_place=河北威县", "education=研究生学历", "party=中共党员"}; !reflect.DeepEqual(profile, want) {
		t.Errorf("韩冬梅's profile: %q, want %q", profile, want)
	}
	// the text says why
	_, out, _ = runKG(t, "person", "--why", "柏青山")
	if !strings.Contains(out, "why one person:") || !strings.Contains(out, "(same-office): both hold 清河县长") {
		t.Errorf("person --why:\n%s", out)
	}
	_, out, _ = runKG(t, "person", "韩冬梅")
	if !strings.Contains(out, "profile: 女, 汉族, born 1978-11, native of 河北威县, 研究生学历 (also 大学学历)") {
		t.Errorf("person shows no profile:\n%s", out)
	}
	// who held 威县委书记 in mid-2021, and Cypher's count of people
	_, out, _ = runKG(t, "who-holds", "威县委书记", "--on", "2021-06")
	if !strings.Contains(out, "柏青山") {
		t.Errorf("who-holds 威县委书记 --on 2021-06:\n%s", out)
	}
	n := sharedServer().cypher(t, `MATCH (p:Person) WHERE p.name IN $names RETURN count(DISTINCT p.identity) AS n`,
		map[string]any{"names": anyStrings(careerNames)})[0]["n"].(int64)
	if n != 5 {
		t.Errorf("people named %v: %d, want 5 (one 柏青山, three 孙立军, one 韩冬梅)", careerNames, n)
	}
}
