package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/schema"
)

// Person identity: which Person nodes are one human.
//
// A Person node is a name in a context (keys.go: the report's jurisdiction,
// else its post's organisation, else the report), so an official who moves
// from a county to the city above, or who is named in a report without
// jurisdiction, is several nodes. The identity resolution takes the nodes
// of one name and joins those that the graph shows to be one person, each
// join with its rule, reason and reports:
//
//   - same-office: both hold the same office (a Post keyed by a place): the
//     county's 区委书记 named in the county's reports and in the city's.
//     Appointment sentences that link posts (原A县县长X任B县委书记) give one
//     node both offices, which joins the nodes of both places;
//   - profile: both have the same birth month and the same native place, or
//     the same birth month, gender and ethnicity (任免 notices, 任前公示);
//   - hierarchy: a node with no post in a jurisdiction, when exactly one
//     official of that name is known in that jurisdiction, the places above
//     it or below it (a county official named without title in the
//     city's report).
//
// Against: two nodes whose profiles disagree (gender, ethnicity, birth) are
// never joined, whatever else they share; namesakes with nothing in common
// stay apart (a wrong join gives one person another's career, which is
// worse than a missed one).
//
// The resolution is a function of the graph's nodes of that name alone —
// not of the order in which reports arrived — so any ingest order gives the
// same identities. Every node of a human gets identity = the smallest key
// among them; the joins are SAME_PERSON relationships (one per join of the
// spanning forest, in rule order); the attributes of the human are set on
// every node (the most supported value; all values in <kind>_values).

// Identity rules (SAME_PERSON.rule).
const (
	RuleSameOffice = "same-office"
	RuleProfile    = "profile"
	RuleHierarchy  = "hierarchy"
)

// personNode is what the resolution reads of one Person node.
type personNode struct {
	Key, Name, Context string
	Offices            []heldOffice
	// Attrs: kind → value → the reports that give it (sorted, once each).
	Attrs map[string]map[string][]string
	// AttrDates: kind + "\x00" + value → the latest date of those reports.
	AttrDates map[string]string
	// Reports that mention the node, sorted.
	Reports []string
}

// heldOffice is an office a node holds.
type heldOffice struct {
	Key, Name, Place, Code string
	Reports                []string // reports with evidence of the holding
}

// sameLink is one SAME_PERSON join.
type sameLink struct {
	From, To     string // keys, From < To
	Rule, Reason string
	Post         string // same-office: the office's key
	Reports      []string
}

// resolution is the outcome for one name.
type resolution struct {
	Identity map[string]string // key → identity
	Links    []sameLink
	// Blocked are the joins a rule proposed that conflicting profiles
	// refused (their reason says both).
	Blocked []sameLink
	// Attrs: identity → kind → chosen value and all values.
	Attrs map[string]map[string]attrValue
}

// attrValue is one attribute of a human: the chosen value and all values
// the reports give, sorted.
type attrValue struct {
	Value  string
	Values []string
}

// conflicting are the attributes that cannot differ for one person.
var conflicting = []string{"gender", "ethnicity", "birth"}

// resolve takes the nodes of one name and returns their identities.
func resolve(nodes []personNode, gz *gazetteer.Gazetteer) resolution {
	nodes = slices.Clone(nodes)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].Key < nodes[j].Key })
	idx := map[string]int{}
	for i, n := range nodes {
		idx[n.Key] = i
	}
	parent := make([]int, len(nodes))
	attrs := make([]map[string]map[string][]string, len(nodes)) // per root
	for i := range parent {
		parent[i] = i
		attrs[i] = nodes[i].Attrs
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	var links, blocked []sameLink
	join := func(a, b int, rule, reason, post string, reports []string) bool {
		ra, rb := find(a), find(b)
		if ra == rb {
			return false
		}
		if why := conflict(attrs[ra], attrs[rb]); why != "" {
			from, to := nodes[a].Key, nodes[b].Key
			if to < from {
				from, to = to, from
			}
			blocked = append(blocked, sameLink{From: from, To: to, Rule: rule, Reason: reason + "; but " + why, Post: post, Reports: reports})
			return false
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		attrs[ra] = mergeAttrs(attrs[ra], attrs[rb])
		from, to := nodes[a].Key, nodes[b].Key
		if to < from {
			from, to = to, from
		}
		links = append(links, sameLink{From: from, To: to, Rule: rule, Reason: reason, Post: post, Reports: reports})
		return true
	}

	// same-office, offices in key order, holders in key order
	holders := map[string][]int{}
	offices := map[string]heldOffice{}
	for i, n := range nodes {
		for _, o := range n.Offices {
			if !placedOffice(o) {
				continue
			}
			holders[o.Key] = append(holders[o.Key], i)
			offices[o.Key] = o
		}
	}
	for _, k := range sortedKeys(holders) {
		hs := holders[k]
		for _, h := range hs[1:] {
			a := hs[0]
			reports := union(officeReports(nodes[a], k), officeReports(nodes[h], k))
			reason := fmt.Sprintf("both hold %s (%s)", offices[k].Name, k)
			join(a, h, RuleSameOffice, reason, k, reports)
		}
	}

	// profile
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			if why, reports := sameProfile(nodes[i], nodes[j]); why != "" {
				join(i, j, RuleProfile, why, "", reports)
			}
		}
	}

	// hierarchy: a node without posts, placed in a jurisdiction
	for i, n := range nodes {
		if len(n.Offices) > 0 {
			continue
		}
		here := contextDivisions(n.Context, gz)
		if len(here) == 0 {
			continue
		}
		cands := map[int]int{} // root → the first node of it that fits
		for j, m := range nodes {
			if j == i || find(j) == find(i) || len(m.Offices) == 0 {
				continue // the one known there must be an official
			}
			if !onOnePath(here, nodeDivisions(m, gz), gz) {
				continue
			}
			if _, ok := cands[find(j)]; !ok {
				cands[find(j)] = j
			}
		}
		if len(cands) != 1 {
			continue
		}
		for _, j := range cands {
			m := nodes[j]
			reason := fmt.Sprintf("named in %s without a post; the only %s known in %s or the places above and below it is the one of %s",
				n.Context, n.Name, n.Context, m.Context)
			join(i, j, RuleHierarchy, reason, "", union(n.Reports, m.Reports))
		}
	}

	res := resolution{Identity: map[string]string{}, Links: links, Blocked: blocked, Attrs: map[string]map[string]attrValue{}}
	latest := map[int]map[string]string{} // root → kind\x00value → latest report date
	for i, n := range nodes {
		root := find(i)
		if latest[root] == nil {
			latest[root] = map[string]string{}
		}
		for k, d := range n.AttrDates {
			if d > latest[root][k] {
				latest[root][k] = d
			}
		}
	}
	for i, n := range nodes {
		root := find(i)
		res.Identity[n.Key] = nodes[root].Key // the root is the smallest index: the smallest key
		if _, done := res.Attrs[nodes[root].Key]; !done {
			res.Attrs[nodes[root].Key] = chooseAttrs(attrs[root], latest[root])
		}
	}
	return res
}

// placedOffice reports whether an office names its place (an office:|organ|title
// of no known place says too little to join two people).
func placedOffice(o heldOffice) bool {
	if o.Code != "" || o.Place != "" {
		return true
	}
	rest, ok := strings.CutPrefix(o.Key, "office:")
	return ok && !strings.HasPrefix(rest, keySep)
}

// officeReports are the reports of n's holding of the office key.
func officeReports(n personNode, key string) []string {
	for _, o := range n.Offices {
		if o.Key == key {
			return o.Reports
		}
	}
	return nil
}

// conflict says why two sets of attributes cannot be one person's ("" when
// they can): a gender, ethnicity or birth that both give, and differently
// (a birth year agrees with a month of that year).
func conflict(a, b map[string]map[string][]string) string {
	for _, k := range conflicting {
		if len(a[k]) == 0 || len(b[k]) == 0 {
			continue
		}
		agree := false
		for va := range a[k] {
			for vb := range b[k] {
				if va == vb || k == "birth" && (strings.HasPrefix(va, vb+"-") || strings.HasPrefix(vb, va+"-")) {
					agree = true
				}
			}
		}
		if !agree {
			sides := []string{strings.Join(sortedKeys(a[k]), ", "), strings.Join(sortedKeys(b[k]), ", ")}
			sort.Strings(sides)
			return fmt.Sprintf("their %s differs (%s; %s)", k, sides[0], sides[1])
		}
	}
	return ""
}

// sameProfile says why two nodes have one profile: the same birth month and
// native place, or the same birth month, gender and ethnicity; "" when not.
func sameProfile(a, b personNode) (string, []string) {
	birth := shared(a.Attrs["birth"], b.Attrs["birth"], func(v string) bool { return len(v) == len("1975-03") })
	if birth == "" {
		return "", nil
	}
	reports := union(a.Attrs["birth"][birth], b.Attrs["birth"][birth])
	if native := shared(a.Attrs["native_place"], b.Attrs["native_place"], nil); native != "" {
		return fmt.Sprintf("both born %s, natives of %s", birth, native),
			union(reports, union(a.Attrs["native_place"][native], b.Attrs["native_place"][native]))
	}
	g := shared(a.Attrs["gender"], b.Attrs["gender"], nil)
	e := shared(a.Attrs["ethnicity"], b.Attrs["ethnicity"], nil)
	if g != "" && e != "" {
		return fmt.Sprintf("both born %s, %s, %s", birth, g, e), reports
	}
	return "", nil
}

// shared returns the smallest value both give (that ok accepts), or "".
func shared(a, b map[string][]string, ok func(string) bool) string {
	best := ""
	for v := range a {
		if _, in := b[v]; in && (ok == nil || ok(v)) && (best == "" || v < best) {
			best = v
		}
	}
	return best
}

// mergeAttrs is the union of two attribute sets (new maps).
func mergeAttrs(a, b map[string]map[string][]string) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, m := range []map[string]map[string][]string{a, b} {
		for k, vs := range m {
			if out[k] == nil {
				out[k] = map[string][]string{}
			}
			for v, rs := range vs {
				out[k][v] = union(out[k][v], rs)
			}
		}
	}
	return out
}

// chooseAttrs picks each attribute's value: the one most reports give
// (ties: the one of the latest report — 学历 and 党派 change — then the
// smallest), with all values.
func chooseAttrs(m map[string]map[string][]string, latest map[string]string) map[string]attrValue {
	out := map[string]attrValue{}
	for k, vs := range m {
		var av attrValue
		best, bestDate := -1, ""
		for _, v := range sortedKeys(vs) {
			av.Values = append(av.Values, v)
			d := latest[k+"\x00"+v]
			if len(vs[v]) > best || len(vs[v]) == best && d > bestDate {
				av.Value, best, bestDate = v, len(vs[v]), d
			}
		}
		out[k] = av
	}
	return out
}

// contextDivisions are the divisions a context (a jurisdiction's name)
// may stand for: full, former and short names of county level or above.
func contextDivisions(context string, gz *gazetteer.Gazetteer) []*gazetteer.Division {
	if gz == nil || context == "" || strings.HasPrefix(context, "report:") {
		return nil
	}
	var out []*gazetteer.Division
	for _, m := range gz.Matches(context) {
		if m.Kind == gazetteer.Full || m.Kind == gazetteer.Former {
			out = append(out, m.Div)
		}
	}
	return out
}

// nodeDivisions are where a node is known: the places of its offices, else
// its context.
func nodeDivisions(n personNode, gz *gazetteer.Gazetteer) []*gazetteer.Division {
	var out []*gazetteer.Division
	for _, o := range n.Offices {
		if d, ok := gz.ByCode(o.Code); ok && o.Code != "" {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		out = contextDivisions(n.Context, gz)
	}
	return out
}

// onOnePath reports whether a division of as and one of bs are one, or one
// lies under the other.
func onOnePath(as, bs []*gazetteer.Division, gz *gazetteer.Gazetteer) bool {
	for _, a := range as {
		for _, b := range bs {
			if a == b || gz.Under(a, b) || gz.Under(b, a) {
				return true
			}
		}
	}
	return false
}

// union is the sorted union of two sorted string sets.
func union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	sort.Strings(out)
	return slices.Compact(out)
}

// attributeKinds are the attribute property names, in model order.
func attributeKinds() []string {
	out := make([]string, len(schema.Attributes))
	for i, a := range schema.Attributes {
		out[i] = a.Name
	}
	return out
}
