package graph

import (
	"context"

	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Join is one SAME_PERSON: why kg takes two Person nodes for one human.
type Join struct {
	From    string   `json:"from"` // person keys
	To      string   `json:"to"`
	Rule    string   `json:"rule"` // same-office, profile, hierarchy
	Reason  string   `json:"reason"`
	Post    string   `json:"post,omitempty"` // same-office: the office's key
	Reports []string `json:"reports"`
}

// PersonAttribute is one biographical attribute of a human: the value most
// reports give, and all of them when they differ.
type PersonAttribute struct {
	Kind   string   `json:"kind"`
	Value  string   `json:"value"`
	Values []string `json:"values,omitempty"`
}

// IdentityFacts are what the graph knows of one human beyond their posts
// and events: their attributes and the joins of their nodes.
type IdentityFacts struct {
	Attributes []PersonAttribute `json:"attributes,omitempty"`
	Joins      []Join            `json:"joins,omitempty"`
	// Apart are the joins that a rule proposed and a conflicting profile
	// refused, from or to this person's nodes (Client.Refused).
	Apart []Join `json:"apart,omitempty"`
}

const (
	qIdentityAttrs = `UNWIND $ids AS id
MATCH (p:Person {identity: id})
WITH id, p ORDER BY p.key
WITH id, head(collect(p)) AS p
RETURN id, properties(p) AS props`

	qIdentityJoins = `UNWIND $ids AS id
MATCH (a:Person {identity: id})-[s:SAME_PERSON]->(b:Person)
RETURN id, a.key AS from, b.key AS to, s.rule AS rule, s.reason AS reason, s.post AS post, s.reports AS reports
ORDER BY id, from, to`
)

// IdentityFacts reads the attributes and joins of the identities (the
// Identity of Holding and Individual).
func (c *Client) IdentityFacts(ctx context.Context, ids []string) (map[string]IdentityFacts, error) {
	out := map[string]IdentityFacts{}
	if len(ids) == 0 {
		return out, nil
	}
	_, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		params := map[string]any{"ids": anys(union(nil, ids))}
		recs, err := collect(ctx, tx, qIdentityAttrs, params, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			props, _ := get(r, "props").(map[string]any)
			f := out[str(r, "id")]
			for _, k := range attributeKinds() {
				v, _ := props[k].(string)
				if v == "" {
					continue
				}
				f.Attributes = append(f.Attributes, PersonAttribute{Kind: k, Value: v, Values: strings_(props[k+"_values"])})
				if len(f.Attributes[len(f.Attributes)-1].Values) == 0 {
					f.Attributes[len(f.Attributes)-1].Values = nil
				}
			}
			out[str(r, "id")] = f
		}
		recs, err = collect(ctx, tx, qIdentityJoins, params, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			f := out[str(r, "id")]
			f.Joins = append(f.Joins, Join{From: str(r, "from"), To: str(r, "to"), Rule: str(r, "rule"), Reason: str(r, "reason"),
				Post: str(r, "post"), Reports: strings_(get(r, "reports"))})
			out[str(r, "id")] = f
		}
		return nil, nil
	})
	return out, err
}

// Refused runs the identity resolution of the names again, as the graph
// holds them now, and returns the joins their conflicting profiles refused
// (same office, but another birth …): why namesakes stayed apart.
func (c *Client) Refused(ctx context.Context, names []string) ([]Join, error) {
	if len(names) == 0 {
		return nil, nil
	}
	res, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		params := map[string]any{"names": anys(union(nil, names)),
			"attrPrefix": string(schema.AttributeEvidence) + ":" + string(schema.Person) + "[", "maxReports": maxReports}
		recs, err := collect(ctx, tx, qPersonNodes, params, nil)
		if err != nil {
			return nil, err
		}
		byName := map[string][]personNode{}
		for _, r := range recs {
			n := readPersonNode(r)
			byName[n.Name] = append(byName[n.Name], n)
		}
		var out []Join
		for _, name := range sortedKeys(byName) {
			for _, l := range resolve(byName[name], gazetteer.Default()).Blocked {
				out = append(out, Join{From: l.From, To: l.To, Rule: l.Rule, Reason: l.Reason, Post: l.Post, Reports: l.Reports})
			}
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	out, _ := res.([]Join)
	return out, nil
}
