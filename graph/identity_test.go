package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/gazetteer"
)

// node builds a personNode: offices as key@code, attributes as kind=value.
func node(key string, offices []string, attrs ...string) personNode {
	name, ctx, _ := strings.Cut(key, "|")
	n := personNode{Key: key, Name: name, Context: ctx, Attrs: map[string]map[string][]string{}, Reports: []string{"r-" + ctx}}
	for _, o := range offices {
		k, code, _ := strings.Cut(o, "@")
		n.Offices = append(n.Offices, heldOffice{Key: k, Name: k, Code: code, Reports: []string{"r-" + ctx}})
	}
	for _, a := range attrs {
		k, v, _ := strings.Cut(a, "=")
		if n.Attrs[k] == nil {
			n.Attrs[k] = map[string][]string{}
		}
		n.Attrs[k][v] = []string{"r-" + ctx}
	}
	return n
}

func TestResolveIdentities(t *testing.T) {
	const (
		jinghaiSecretary = "office:120118|党委|书记@120118" // 天津市静海区
		jinghaiHead      = "office:120118|政府|区长@120118"
		xiqingHead       = "office:120111|政府|区长@120111" // 天津市西青区
		ganziHead        = "office:513300|政府|州长@513300" // 甘孜藏族自治州
	)
	tests := []struct {
		name  string
		nodes []personNode
		want  []string // groups of keys, "+"-joined, with the rules of the joins
	}{
		{"the county official in the city's reports: the same office joins them",
			[]personNode{node("蔺雪峰|静海区", []string{jinghaiSecretary}), node("蔺雪峰|天津市", []string{jinghaiSecretary})},
			[]string{"蔺雪峰|天津市+蔺雪峰|静海区 same-office"}},
		{"a move: the report that names both offices links the two places",
			[]personNode{node("王立华|静海区", []string{jinghaiHead}), node("王立华|西青区", []string{xiqingHead}),
				node("王立华|天津市", []string{jinghaiHead, xiqingHead})},
			[]string{"王立华|天津市+王立华|西青区+王立华|静海区 same-office same-office"}},
		{"namesakes in two provinces with nothing in common stay apart",
			[]personNode{node("张伟|静海区", []string{jinghaiHead}), node("张伟|甘孜藏族自治州", []string{ganziHead})},
			[]string{"张伟|甘孜藏族自治州", "张伟|静海区"}},
		{"profiles that disagree keep two holders of one office apart",
			[]personNode{node("张伟|静海区", []string{jinghaiHead}, "birth=1961-02"), node("张伟|天津市", []string{jinghaiHead}, "birth=1975-03")},
			[]string{"张伟|天津市", "张伟|静海区"}},
		{"a year agrees with a month of it",
			[]personNode{node("张伟|静海区", []string{jinghaiHead}, "birth=1975"), node("张伟|天津市", []string{jinghaiHead}, "birth=1975-03")},
			[]string{"张伟|天津市+张伟|静海区 same-office"}},
		{"one profile in two places: birth month and native place",
			[]personNode{node("柳明远|静海区", []string{jinghaiHead}, "birth=1975-03", "native_place=四川仁寿"),
				node("柳明远|甘孜藏族自治州", []string{ganziHead}, "birth=1975-03", "native_place=四川仁寿")},
			[]string{"柳明远|甘孜藏族自治州+柳明远|静海区 profile"}},
		{"a birth year alone is too little",
			[]personNode{node("柳明远|静海区", []string{jinghaiHead}, "birth=1975", "native_place=四川仁寿"),
				node("柳明远|甘孜藏族自治州", []string{ganziHead}, "birth=1975", "native_place=四川仁寿")},
			[]string{"柳明远|甘孜藏族自治州", "柳明远|静海区"}},
		{"named without a post in the city: the only official of the name below it",
			[]personNode{node("蔺雪峰|静海区", []string{jinghaiSecretary}), node("蔺雪峰|天津市", nil)},
			[]string{"蔺雪峰|天津市+蔺雪峰|静海区 hierarchy"}},
		{"named without a post in the city, two officials of the name below it: apart",
			[]personNode{node("王立华|静海区", []string{jinghaiHead}), node("王立华|西青区", []string{xiqingHead}), node("王立华|天津市", nil)},
			[]string{"王立华|天津市", "王立华|西青区", "王立华|静海区"}},
		{"named without a post in another province: apart",
			[]personNode{node("蔺雪峰|静海区", []string{jinghaiSecretary}), node("蔺雪峰|甘孜藏族自治州", nil)},
			[]string{"蔺雪峰|甘孜藏族自治州", "蔺雪峰|静海区"}},
		{"a report of its own (no jurisdiction, no post): apart",
			[]personNode{node("蔺雪峰|静海区", []string{jinghaiSecretary}), node("蔺雪峰|report:x", nil)},
			[]string{"蔺雪峰|report:x", "蔺雪峰|静海区"}},
		{"an office of no known place joins nobody",
			[]personNode{node("李强|静海区", []string{"office:|政府|局长"}), node("李强|西青区", []string{"office:|政府|局长"})},
			[]string{"李强|西青区", "李强|静海区"}},
	}
	gz := gazetteer.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := resolve(tc.nodes, gz)
			if got := groups(res); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("groups\n got: %q\nwant: %q", got, tc.want)
			}
			// any order of the nodes gives the same resolution
			rev := make([]personNode, len(tc.nodes))
			for i, n := range tc.nodes {
				rev[len(rev)-1-i] = n
			}
			if a, b := fmt.Sprint(resolve(rev, gz)), fmt.Sprint(res); a != b {
				t.Errorf("order matters:\n%s\n%s", a, b)
			}
		})
	}
}

// groups renders a resolution: each identity's keys, then its joins' rules.
func groups(res resolution) []string {
	members := map[string][]string{}
	for k, id := range res.Identity {
		members[id] = append(members[id], k)
	}
	var out []string
	for _, id := range sortedKeys(members) {
		ks := union(nil, members[id])
		line := strings.Join(ks, "+")
		for _, l := range res.Links {
			if res.Identity[l.From] == id {
				line += " " + l.Rule
			}
		}
		out = append(out, line)
	}
	return out
}

func TestResolveChoosesAttributesOfTheHuman(t *testing.T) {
	a := node("柳明远|静海区", []string{"office:120118|政府|区长@120118"}, "gender=男", "education=大学学历")
	b := node("柳明远|天津市", []string{"office:120118|政府|区长@120118"}, "education=研究生学历")
	b.Attrs["education"]["研究生学历"] = []string{"r1", "r2"}
	res := resolve([]personNode{a, b}, gazetteer.Default())
	id := res.Identity[a.Key]
	if id != res.Identity[b.Key] {
		t.Fatalf("not joined: %v", res.Identity)
	}
	got := res.Attrs[id]
	if got["gender"].Value != "男" || got["education"].Value != "研究生学历" ||
		strings.Join(got["education"].Values, ",") != "大学学历,研究生学历" {
		t.Errorf("attributes: %+v", got)
	}
	if l := res.Links[0]; !strings.Contains(l.Reason, "both hold") || l.Post != "office:120118|政府|区长" {
		t.Errorf("link: %+v", l)
	}
}

func TestResolveSaysWhichJoinsAProfileRefused(t *testing.T) {
	a := node("张伟|静海区", []string{"office:120118|政府|副区长@120118"}, "birth=1961-02")
	b := node("张伟|天津市", []string{"office:120118|政府|副区长@120118"}, "birth=1975-03")
	res := resolve([]personNode{a, b}, gazetteer.Default())
	if len(res.Links) != 0 || len(res.Blocked) != 1 {
		t.Fatalf("links %v, blocked %v", res.Links, res.Blocked)
	}
	if r := res.Blocked[0].Reason; !strings.Contains(r, "both hold") || !strings.Contains(r, "their birth differs (1961-02; 1975-03)") {
		t.Errorf("reason: %s", r)
	}
}

func TestResolvePrefersTheLatestReportOnATie(t *testing.T) {
	a := node("柳明远|静海区", []string{"office:120118|政府|区长@120118"}, "education=大学学历")
	a.AttrDates = map[string]string{"education\x00大学学历": "2019-05-01"}
	b := node("柳明远|天津市", []string{"office:120118|政府|区长@120118"}, "education=研究生学历")
	b.AttrDates = map[string]string{"education\x00研究生学历": "2023-05-01"}
	res := resolve([]personNode{a, b}, gazetteer.Default())
	if got := res.Attrs[res.Identity[a.Key]]["education"].Value; got != "研究生学历" {
		t.Errorf("education = %s, want the latest report's 研究生学历", got)
	}
}
