package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The identity resolution (identity.go) against the database: after every
// load and delete, for the names the reports touched, one transaction per
// batch of names reads their Person nodes and writes identity, attributes
// and SAME_PERSON anew.

// identityBatch is how many names one transaction resolves: few, since a
// name of an official seen in thousands of reports reads them all.
const identityBatch = 50

// maxReports is how many report ids (the first, in order) a join keeps as
// its evidence of each side: enough to follow, few enough to stay small
// for an official seen in thousands of reports.
const maxReports = 10

const (
	// The write lock of every Person node of the names, first: a resolution
	// of the same names in another transaction waits, and then reads what
	// this one (and the load before it) committed.
	qLockNames = `UNWIND $names AS name
MATCH (p:Person {name: name})
WITH p ORDER BY p.key
SET p._lock = true
REMOVE p._lock`

	qPersonNodes = `UNWIND $names AS name
MATCH (p:Person {name: name})
RETURN p.key AS key, p.name AS name, coalesce(p.context, '') AS context,
  COLLECT { MATCH (p)-[h:HOLDS]->(t:Post)
            RETURN {key: t.key, name: t.name, place: coalesce(t.place, ''), code: coalesce(t.place_code, ''),
                    reports: COLLECT { MATCH (ev:Evidence {fact: h.fact}) WITH DISTINCT ev.report AS id ORDER BY id LIMIT $maxReports RETURN id }} } AS offices,
  COLLECT { MATCH (ev:Evidence) WHERE ev.fact STARTS WITH $attrPrefix + p.key + ']#'
            RETURN {kind: ev.kind, value: ev.value, report: ev.report, date: coalesce(ev.report_date, '')} } AS attrs,
  COLLECT { MATCH (r:Report)-[:MENTIONS]->(p) WITH r.id AS id ORDER BY id LIMIT $maxReports RETURN id } AS reports,
  properties(p) AS props,
  COLLECT { MATCH (p)-[s:SAME_PERSON]->(q:Person)
            RETURN {from: p.key, to: q.key, rule: s.rule, reason: s.reason, post: s.post, reports: s.reports} } AS same
ORDER BY key`

	qDropSame = `UNWIND $keys AS key
MATCH (:Person {key: key})-[s:SAME_PERSON]-()
DELETE s`

	qSetIdentity = `UNWIND $rows AS row
MATCH (p:Person {key: row.key})
SET p += row.props`

	qSame = `UNWIND $rows AS row
MATCH (a:Person {key: row.from})
MATCH (b:Person {key: row.to})
CREATE (a)-[:SAME_PERSON {rule: row.rule, reason: row.reason, post: row.post, reports: row.reports}]->(b)`

	qAllNames = `MATCH (p:Person) WHERE p.name > $after
WITH p.name AS name ORDER BY name
WITH DISTINCT name LIMIT $limit
RETURN collect(name) AS names`
)

// ResolvePersons recomputes the identities of every Person of the names.
func (c *Client) ResolvePersons(ctx context.Context, names []string) (Counters, error) {
	names = union(nil, names)
	var total Counters
	for len(names) > 0 {
		n := min(identityBatch, len(names))
		cnt, err := c.resolveBatch(ctx, names[:n])
		total.Add(cnt)
		if err != nil {
			return total, err
		}
		names = names[n:]
	}
	return total, nil
}

// ResolveAll recomputes every identity of the graph (the migration's step;
// `kg resolve` after a bulk import).
func (c *Client) ResolveAll(ctx context.Context) (Counters, error) {
	var total Counters
	after := ""
	for {
		res, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			recs, err := collect(ctx, tx, qAllNames, map[string]any{"after": after, "limit": identityBatch}, nil)
			if err != nil || len(recs) == 0 {
				return nil, err
			}
			v, _ := recs[0].Get("names")
			return v, nil
		})
		if err != nil {
			return total, err
		}
		list, _ := res.([]any)
		if len(list) == 0 {
			return total, nil
		}
		names := make([]string, len(list))
		for i, v := range list {
			names[i], _ = v.(string)
		}
		cnt, err := c.resolveBatch(ctx, names)
		total.Add(cnt)
		if err != nil {
			return total, err
		}
		after = names[len(names)-1]
	}
}

// migratePersonIdentities is the data step of migration V7.
func (c *Client) migratePersonIdentities(ctx context.Context) error {
	_, err := c.ResolveAll(ctx)
	return err
}

func (c *Client) resolveBatch(ctx context.Context, names []string) (Counters, error) {
	res, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var cnt Counters
		params := map[string]any{"names": anys(names)}
		if _, err := collect(ctx, tx, qLockNames, params, &cnt); err != nil {
			return nil, fmt.Errorf("locking persons: %w", err)
		}
		params["attrPrefix"] = string(schema.AttributeEvidence) + ":" + string(schema.Person) + "["
		params["maxReports"] = maxReports
		recs, err := collect(ctx, tx, qPersonNodes, params, nil)
		if err != nil {
			return nil, fmt.Errorf("reading persons: %w", err)
		}
		byName := map[string][]personNode{}
		props := map[string]map[string]any{} // key → the node's properties now
		same := map[string][]any{}           // name → its SAME_PERSON now
		for _, r := range recs {
			n := readPersonNode(r)
			byName[n.Name] = append(byName[n.Name], n)
			props[n.Key], _ = get(r, "props").(map[string]any)
			if l, _ := get(r, "same").([]any); len(l) > 0 {
				same[n.Name] = append(same[n.Name], l...)
			}
		}
		// Only what differs from the graph is written: most names of a
		// batch resolve as they did.
		var setRows, linkRows []any
		var relink []string
		for _, name := range sortedKeys(byName) {
			setR, linkR := identityRows(resolve(byName[name], gazetteer.Default()))
			for _, row := range setR {
				m := row.(map[string]any)
				if !propsHold(props[m["key"].(string)], m["props"].(map[string]any)) {
					setRows = append(setRows, row)
				}
			}
			if !sameLinks(same[name], linkR) {
				for _, n := range byName[name] {
					relink = append(relink, n.Key)
				}
				linkRows = append(linkRows, linkR...)
			}
		}
		if len(relink) > 0 {
			if _, err := collect(ctx, tx, qDropSame, map[string]any{"keys": anys(relink)}, &cnt); err != nil {
				return nil, fmt.Errorf("dropping SAME_PERSON: %w", err)
			}
		}
		if len(setRows) > 0 {
			if _, err := collect(ctx, tx, qSetIdentity, map[string]any{"rows": setRows}, &cnt); err != nil {
				return nil, fmt.Errorf("writing identities: %w", err)
			}
		}
		if len(linkRows) > 0 {
			if _, err := collect(ctx, tx, qSame, map[string]any{"rows": linkRows}, &cnt); err != nil {
				return nil, fmt.Errorf("writing SAME_PERSON: %w", err)
			}
		}
		return cnt, nil
	})
	if err != nil {
		return Counters{}, err
	}
	return res.(Counters), nil
}

// identityRows are the statement rows of one name's resolution: every
// node's identity and attributes (absent ones removed), and the links.
func identityRows(res resolution) (set, links []any) {
	for _, key := range sortedKeys(res.Identity) {
		id := res.Identity[key]
		props := map[string]any{"identity": id}
		attrs := res.Attrs[id]
		for _, k := range attributeKinds() {
			a, ok := attrs[k]
			if !ok {
				props[k], props[k+"_values"] = nil, nil
				continue
			}
			props[k] = a.Value
			props[k+"_values"] = nil
			if len(a.Values) > 1 {
				props[k+"_values"] = anys(a.Values)
			}
		}
		set = append(set, map[string]any{"key": key, "props": props})
	}
	for _, l := range res.Links {
		links = append(links, map[string]any{"from": l.From, "to": l.To, "rule": l.Rule, "reason": l.Reason,
			"post": nilIfEmpty(l.Post), "reports": anys(l.Reports)})
	}
	return set, links
}

// readPersonNode reads one row of qPersonNodes.
func readPersonNode(r *neo4j.Record) personNode {
	n := personNode{Key: str(r, "key"), Name: str(r, "name"), Context: str(r, "context"), Attrs: map[string]map[string][]string{},
		AttrDates: map[string]string{}}
	if v, ok := r.Get("offices"); ok {
		list, _ := v.([]any)
		for _, o := range list {
			m, _ := o.(map[string]any)
			ho := heldOffice{Key: mapStr(m, "key"), Name: mapStr(m, "name"), Place: mapStr(m, "place"), Code: mapStr(m, "code"),
				Reports: strings_(m["reports"])}
			n.Offices = append(n.Offices, ho)
		}
		sort.Slice(n.Offices, func(i, j int) bool { return n.Offices[i].Key < n.Offices[j].Key })
	}
	if v, ok := r.Get("attrs"); ok {
		list, _ := v.([]any)
		for _, a := range list {
			m, _ := a.(map[string]any)
			kind, value, report := mapStr(m, "kind"), mapStr(m, "value"), mapStr(m, "report")
			if kind == "" || value == "" {
				continue
			}
			if n.Attrs[kind] == nil {
				n.Attrs[kind] = map[string][]string{}
			}
			n.Attrs[kind][value] = union(n.Attrs[kind][value], []string{report})
			if d := mapStr(m, "date"); d > n.AttrDates[kind+"\x00"+value] {
				n.AttrDates[kind+"\x00"+value] = d
			}
		}
	}
	if v, ok := r.Get("reports"); ok {
		n.Reports = union(nil, strings_(v))
	}
	return n
}

func mapStr(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// strings_ reads a list of strings (nil when it is none).
func strings_(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// personName is the name part of a Person key (name|context).
func personName(key string) string {
	name, _, _ := strings.Cut(key, keySep)
	return name
}

// propsHold reports whether a node's properties already are the wanted
// ones (a nil wanted value: absent).
func propsHold(have, want map[string]any) bool {
	for k, w := range want {
		h, ok := have[k]
		switch {
		case w == nil && ok && h != nil:
			return false
		case w != nil && fmt.Sprint(h) != fmt.Sprint(w):
			return false
		}
	}
	return true
}

// sameLinks reports whether the SAME_PERSON of a name in the graph are the
// wanted rows (identityRows), whatever their order.
func sameLinks(have []any, want []any) bool {
	if len(have) != len(want) {
		return false
	}
	render := func(rows []any) []string {
		var out []string
		for _, r := range rows {
			m, _ := r.(map[string]any)
			out = append(out, fmt.Sprint(m["from"], "|", m["to"], "|", m["rule"], "|", m["reason"], "|", m["post"], "|", m["reports"]))
		}
		sort.Strings(out)
		return out
	}
	return fmt.Sprint(render(have)) == fmt.Sprint(render(want))
}
