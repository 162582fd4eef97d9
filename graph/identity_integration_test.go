package graph

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

// profiled adds a profile's attributes to the report's person.
func (b *reportBuilder) profiled(person string, attrs ...string) {
	id := b.ent(doc.TypePerson, person)
	for i := range b.x.Entities {
		e := &b.x.Entities[i]
		if e.ID != id {
			continue
		}
		for _, a := range attrs {
			k, v, _ := strings.Cut(a, "=")
			ev := b.say(person + "，" + v)
			e.Attributes = append(e.Attributes, doc.EntityAttribute{Kind: k, Value: v, Evidence: ev, Rule: "profile." + k})
		}
	}
}

// identities lists the Person nodes of a name: key → identity, and the
// SAME_PERSON joins among them as "from -> to rule".
func identities(t *testing.T, c *Client, name string) (map[string]string, []string) {
	t.Helper()
	ids := map[string]string{}
	for _, r := range query(t, c, `MATCH (p:Person {name: $name}) RETURN p.key AS key, p.identity AS identity`, map[string]any{"name": name}) {
		ids[r["key"].(string)], _ = r["identity"].(string)
	}
	var links []string
	for _, r := range query(t, c, `MATCH (a:Person {name: $name})-[s:SAME_PERSON]->(b:Person)
RETURN a.key + ' -> ' + b.key + ' ' + s.rule AS l ORDER BY l`, map[string]any{"name": name}) {
		links = append(links, r["l"].(string))
	}
	return ids, links
}

// An official who moves from one district to another of the same city,
// named in both districts' reports and in the city's report of the move,
// is one person; a namesake in another province, named without post, is
// another; any order of the reports gives the same.
func TestIntegrationIdentityFollowsAnOfficialWhoMoves(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	name := "岳" + tag
	r1 := newReport("kgtest-"+tag+"-jinghai", "2019-03-01", "静海区")
	r1.holds(name, "静海区长")
	r2 := newReport("kgtest-"+tag+"-xiqing", "2021-05-01", "西青区")
	r2.holds(name, "西青区委书记")
	r3 := newReport("kgtest-"+tag+"-city", "2021-04-20", "天津市")
	r3.holds(name, "静海区长", removed("2021-04-20"))
	r3.holds(name, "西青区委书记", appointed("2021-04-20"))
	r4 := newReport("kgtest-"+tag+"-ganzi", "2021-06-01", "甘孜藏族自治州")
	r4.role(doc.RelAttended, name, "甘孜测试会议"+tag, "2021-06-01")
	items := []Item{r1.item(), r2.item(), r3.item(), r4.item()}

	want := map[string]string{
		name + "|天津市": name + "|天津市", name + "|静海区": name + "|天津市", name + "|西青区": name + "|天津市",
		name + "|甘孜藏族自治州": name + "|甘孜藏族自治州",
	}
	wantLinks := union(nil, []string{
		name + "|天津市 -> " + name + "|静海区 same-office",
		name + "|天津市 -> " + name + "|西青区 same-office",
	})
	orders := [][]int{{0, 1, 2, 3}, {2, 3, 1, 0}, {3, 0, 2, 1}}
	var first []string
	for _, order := range orders {
		for _, i := range order {
			load(t, l, items[i]) // one report a transaction
		}
		ids, links := identities(t, c, name)
		if !reflect.DeepEqual(ids, want) || !reflect.DeepEqual(links, wantLinks) {
			t.Errorf("order %v:\n got %v %v\nwant %v %v", order, ids, links, want, wantLinks)
		}
		snap := snapshot(t, c, r1.x.Report.ID, r2.x.Report.ID, r3.x.Report.ID, r4.x.Report.ID)
		if first == nil {
			first = snap
		} else if !reflect.DeepEqual(snap, first) {
			t.Errorf("order %v gives another graph", order)
		}
		if _, err := l.Delete(context.Background(), r1.x.Report.ID, r2.x.Report.ID, r3.x.Report.ID, r4.x.Report.ID); err != nil {
			t.Fatal(err)
		}
	}

	// the reason names the office, and the reports that support it
	load(t, l, items...)
	rows := query(t, c, `MATCH (:Person {key: $a})-[s:SAME_PERSON]->(:Person {key: $b}) RETURN s.reason AS reason, s.reports AS reports`,
		map[string]any{"a": name + "|天津市", "b": name + "|静海区"})
	if len(rows) != 1 || !strings.Contains(rows[0]["reason"].(string), "静海区") ||
		!reflect.DeepEqual(rows[0]["reports"], anys(union(nil, []string{r1.x.Report.ID, r3.x.Report.ID}))) {
		t.Errorf("SAME_PERSON: %v", rows)
	}
	// without the city's report, the two districts' officials are two people
	if _, err := l.Delete(context.Background(), r3.x.Report.ID); err != nil {
		t.Fatal(err)
	}
	ids, links := identities(t, c, name)
	if len(links) != 0 || ids[name+"|静海区"] == ids[name+"|西青区"] {
		t.Errorf("after deleting the link: %v %v", ids, links)
	}
}

// Profiles give attributes with evidence, join the same person in two
// provinces and keep namesakes apart when they disagree.
func TestIntegrationIdentityProfiles(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	name := "柏" + tag
	r1 := newReport("kgtest-"+tag+"-1", "2020-01-10", "静海区")
	r1.holds(name, "静海区财政局局长")
	r1.profiled(name, "gender=男", "birth=1975-03", "native_place=四川仁寿", "education=大学学历")
	r2 := newReport("kgtest-"+tag+"-2", "2023-01-10", "甘孜藏族自治州")
	r2.holds(name, "甘孜藏族自治州副州长")
	r2.profiled(name, "gender=男", "birth=1975-03", "native_place=四川仁寿", "education=研究生学历")
	r3 := newReport("kgtest-"+tag+"-3", "2023-02-10", "西青区")
	r3.holds(name, "西青区副区长")
	r3.profiled(name, "gender=女", "birth=1980-07")
	load(t, l, r1.item(), r2.item(), r3.item())

	ids, links := identities(t, c, name)
	if ids[name+"|静海区"] != ids[name+"|甘孜藏族自治州"] || ids[name+"|西青区"] == ids[name+"|静海区"] ||
		len(links) != 1 || !strings.HasSuffix(links[0], " profile") {
		t.Errorf("identities %v, links %v", ids, links)
	}
	rows := query(t, c, `MATCH (p:Person {key: $key}) RETURN p.gender AS g, p.birth AS b, p.education AS e, p.education_values AS ev`,
		map[string]any{"key": name + "|静海区"})
	// one report each: the latest (2023) gives the value
	if want := []map[string]any{{"g": "男", "b": "1975-03", "e": "研究生学历", "ev": []any{"大学学历", "研究生学历"}}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("attributes of the human:\n got %v\nwant %v", rows, want)
	}
	ev := query(t, c, `MATCH (ev:Evidence {type: 'ATTRIBUTE', person: $key}) RETURN ev.kind + '=' + ev.value AS a, ev.report AS r ORDER BY a`,
		map[string]any{"key": name + "|西青区"})
	if len(ev) != 2 || ev[0]["a"] != "birth=1980-07" || ev[0]["r"] != r3.x.Report.ID {
		t.Errorf("attribute evidence: %v", ev)
	}
	// a report retracted takes its attributes and its joins with it
	if _, err := l.Delete(context.Background(), r2.x.Report.ID); err != nil {
		t.Fatal(err)
	}
	rows = query(t, c, `MATCH (p:Person {key: $key}) RETURN p.education AS e, p.education_values AS ev`, map[string]any{"key": name + "|静海区"})
	if want := []map[string]any{{"e": "大学学历", "ev": nil}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("after the delete: %v", rows)
	}
}
