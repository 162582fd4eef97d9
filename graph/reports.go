package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The reports themselves: their ids' collisions, and the read side of
// `kg reports`, `kg report ID` and `kg delete ID`.

// ErrIDCollision is what a *CollisionError matches.
var ErrIDCollision = errors.New("report id collision")

// ErrNoReport: no report has the id asked for (a *NoReportError).
var ErrNoReport = errors.New("no such report")

// NoReportError names the id that no report has.
type NoReportError struct{ ID string }

func (e *NoReportError) Error() string { return fmt.Sprintf("no report %q in the graph", e.ID) }

// Is makes a *NoReportError match ErrNoReport.
func (e *NoReportError) Is(target error) bool { return target == ErrNoReport }

// CollisionError is a report that arrived, with another text, under the id
// of a report from another source. It is not written: the report in the
// graph is left as it was (the same source with a new text is a changed
// report, and replaces it).
type CollisionError struct {
	ID    string // the report id
	Have  string // the source of the report in the graph
	Given string // the source of the report refused
}

func (e *CollisionError) Error() string {
	return fmt.Sprintf("report id %q already holds a report from %s; this one is from %s (a different report: give it an id of its own)", e.ID, e.Have, e.Given)
}

// Is makes a *CollisionError match ErrIDCollision.
func (e *CollisionError) Is(target error) bool { return target == ErrIDCollision }

// collision returns the error for a report from source given, with
// another text than the one in the graph from source have, or nil when it
// may replace it. Two reports are from different sources when both name
// an address (scheme://…) and the addresses differ: a source that is no
// address is the path a file was read from (or a publisher's name), which
// changes when the same files are read from elsewhere, and says nothing
// about which report it is.
func collision(id, have, given string) error {
	have, given = strings.TrimSpace(have), strings.TrimSpace(given)
	if !isAddress(have) || !isAddress(given) || have == given {
		return nil
	}
	return &CollisionError{ID: id, Have: have, Given: given}
}

// isAddress is input.IsAddress (graph does not read inputs).
func isAddress(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 && !strings.ContainsAny(s[:i], " \t/")
}

// planSource is the source a plan gives its Report.
func planSource(p *plan) string {
	s, _ := p.props["source"].(string)
	return s
}

// ReportInfo is one report as `kg reports` lists it.
type ReportInfo struct {
	ID           string `json:"id"` // the whole id (full_id when the key is a digest)
	Key          string `json:"key,omitempty"`
	Date         string `json:"date,omitempty"`
	Source       string `json:"source,omitempty"`
	Title        string `json:"title,omitempty"`
	Jurisdiction string `json:"jurisdiction,omitempty"`
	Hash         string `json:"hash,omitempty"`
	Chars        int    `json:"chars,omitempty"`
	Facts        int    `json:"facts"`    // distinct facts its evidence supports
	Evidence     int    `json:"evidence"` // pieces of evidence
	Mentions     int    `json:"mentions"` // entities it names
}

const qReportList = `MATCH (r:Report) WHERE r.hash IS NOT NULL
WITH r ORDER BY r.date IS NULL, r.date DESC, r.id
%s
CALL { WITH r
  OPTIONAL MATCH (r)-[:HAS_EVIDENCE]->(ev:Evidence)
  RETURN count(DISTINCT ev.fact) AS facts, count(ev) AS evidence }
CALL { WITH r
  OPTIONAL MATCH (r)-[m:MENTIONS]->()
  RETURN count(m) AS mentions }
RETURN r.id AS key, r.full_id AS full_id, r.date AS date, r.source AS source, r.title AS title,
       r.jurisdiction AS jurisdiction, r.hash AS hash, r.chars AS chars, facts, evidence, mentions`

// Reports lists the reports, newest first (by report date; undated ones
// last, then by id), at most limit of them (0: all).
func (c *Client) Reports(ctx context.Context, limit int) ([]ReportInfo, error) {
	lim := ""
	params := map[string]any{}
	if limit > 0 {
		lim = "LIMIT $limit"
		params["limit"] = int64(limit)
	}
	res, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return collect(ctx, tx, fmt.Sprintf(qReportList, lim), params, nil)
	})
	if err != nil {
		return nil, err
	}
	out := []ReportInfo{}
	for _, r := range res.([]*neo4j.Record) {
		out = append(out, reportInfo(r))
	}
	return out, nil
}

func reportInfo(r *neo4j.Record) ReportInfo {
	ri := ReportInfo{
		ID: str(r, "key"), Date: str(r, "date"), Source: str(r, "source"), Title: str(r, "title"),
		Jurisdiction: str(r, "jurisdiction"), Hash: str(r, "hash"),
		Chars: num(r, "chars"), Facts: num(r, "facts"), Evidence: num(r, "evidence"), Mentions: num(r, "mentions"),
	}
	if full := str(r, "full_id"); full != "" {
		ri.Key, ri.ID = ri.ID, full
	}
	return ri
}

// num reads an integer column of a record (0 when null or missing).
func num(r *neo4j.Record, key string) int {
	v, _ := r.Get(key)
	n, _ := v.(int64)
	return int(n)
}

// ReportFact is one fact a report states, with its span of the raw text.
type ReportFact struct {
	Type     string `json:"type"`
	From     string `json:"from"`
	To       string `json:"to"`
	FromKind string `json:"from_label"`
	ToKind   string `json:"to_label"`
	Start    int    `json:"start"` // rune offsets into the report's text
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
	// Derived: the fact is inferred from another (a post's organisation),
	// not stated by a sentence of its own.
	Derived     bool   `json:"derived,omitempty"`
	Honour      string `json:"honour,omitempty"`
	TenureStart string `json:"tenure_start,omitempty"` // the appointment this evidence tells of ("" none)
	TenureEnd   string `json:"tenure_end,omitempty"`
	Appointed   bool   `json:"appointed,omitempty"` // an appointment, dated or not
	Removed     bool   `json:"removed,omitempty"`
	Fact        string `json:"fact"` // the fact's key
}

// ReportView is a report with its text and its facts, for `kg report ID`.
type ReportView struct {
	ReportInfo
	Text    string       `json:"text"`
	HasText bool         `json:"has_text"` // false: loaded with --no-text
	Facts   []ReportFact `json:"facts"`    // by span, then type, from, to
}

const qReportView = `MATCH (r:Report {id: $key}) WHERE r.hash IS NOT NULL
OPTIONAL MATCH (r)-[:HAS_EVIDENCE]->(ev:Evidence)
WITH r, collect(ev {.type, .fact, .start, .end, .text, .derived, .honour, .tenure_start, .tenure_end}) AS evidence
CALL { WITH r
  OPTIONAL MATCH (r)-[m:MENTIONS]->()
  RETURN count(m) AS mentions }
RETURN r.id AS key, r.full_id AS full_id, r.date AS date, r.source AS source, r.title AS title,
       r.jurisdiction AS jurisdiction, r.hash AS hash, r.chars AS chars, r.text AS text,
       size(evidence) AS evidence,
       size(reduce(s = [], e IN evidence | CASE WHEN e.fact IN s THEN s ELSE s + e.fact END)) AS facts, mentions, evidence AS items`

// qFactEnds finds the endpoints of facts of one type by their keys.
const qFactEnds = `UNWIND $facts AS fact
MATCH (a)-[f:%s {fact: fact}]->(b)
RETURN fact, coalesce(a.name, a.key) AS from, coalesce(b.name, b.key) AS to,
       head(labels(a)) AS from_label, head(labels(b)) AS to_label`

// Report reads one report by its id (the whole id, however long), with its
// text and every fact its evidence supports. An unknown id is ErrNoReport.
func (c *Client) Report(ctx context.Context, id string) (*ReportView, error) {
	key := reportKey(strings.TrimSpace(id))
	res, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qReportView, map[string]any{"key": key}, nil)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		rec := recs[0]
		v := &ReportView{ReportInfo: reportInfo(rec)}
		t, ok := rec.Get("text")
		v.Text, v.HasText = fmt.Sprint(t), ok && t != nil
		if !v.HasText {
			v.Text = ""
		}
		evs, _ := rec.Get("items")
		byType := map[string][]any{}
		for _, e := range evs.([]any) {
			m, _ := e.(map[string]any)
			f := ReportFact{Type: asString(m["type"]), Fact: asString(m["fact"]), Sentence: asString(m["text"]), Honour: asString(m["honour"])}
			f.Start, f.End = asInt(m["start"]), asInt(m["end"])
			f.Derived, _ = m["derived"].(bool)
			if ts, ok := m["tenure_start"].(string); ok {
				f.Appointed, f.TenureStart = true, ts
			}
			if te, ok := m["tenure_end"].(string); ok {
				f.Removed, f.TenureEnd = true, te
			}
			v.Facts = append(v.Facts, f)
			byType[f.Type] = append(byType[f.Type], f.Fact)
		}
		ends := map[string][4]string{}
		for _, t := range schema.FactTypes() {
			facts := byType[string(t)]
			if len(facts) == 0 {
				continue
			}
			recs, err := collect(ctx, tx, fmt.Sprintf(qFactEnds, schema.Quote(string(t))), map[string]any{"facts": facts}, nil)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				ends[str(r, "fact")] = [4]string{str(r, "from"), str(r, "to"), str(r, "from_label"), str(r, "to_label")}
			}
		}
		for k := range v.Facts {
			f := &v.Facts[k]
			e := ends[f.Fact]
			f.From, f.To, f.FromKind, f.ToKind = e[0], e[1], e[2], e[3]
		}
		sort.SliceStable(v.Facts, func(a, b int) bool {
			x, y := v.Facts[a], v.Facts[b]
			if x.Start != y.Start {
				return x.Start < y.Start
			}
			if x.End != y.End {
				return x.End < y.End
			}
			if x.Type != y.Type {
				return factOrder(x.Type) < factOrder(y.Type)
			}
			if x.From != y.From {
				return x.From < y.From
			}
			if x.To != y.To {
				return x.To < y.To
			}
			return x.Fact < y.Fact
		})
		if v.Facts == nil {
			v.Facts = []ReportFact{}
		}
		return v, nil
	})
	if err != nil {
		return nil, err
	}
	if res == nil {
		return nil, &NoReportError{ID: id}
	}
	return res.(*ReportView), nil
}

// factOrder is a fact type's place in the model.
func factOrder(t string) int {
	for i, ft := range schema.FactTypes() {
		if string(ft) == t {
			return i
		}
	}
	return len(schema.FactTypes())
}

func asString(v any) string {
	x, _ := v.(string)
	return x
}

func asInt(v any) int {
	x, _ := v.(int64)
	return int(x)
}

// Deletion is what deleting a report did.
type Deletion struct {
	Report ReportInfo `json:"report"`
	// FactsRemoved are the facts only this report supported (deleted with
	// it); the others of its facts lost its evidence and were recomputed
	// from what remains.
	FactsRemoved int `json:"facts_removed"`
	// EntitiesRemoved are the entities only this report named.
	EntitiesRemoved int `json:"entities_removed"`
	Counters
}

const qDeletionPreview = `MATCH (r:Report {id: $key}) WHERE r.hash IS NOT NULL
CALL { WITH r
  OPTIONAL MATCH (r)-[:HAS_EVIDENCE]->(ev:Evidence)
  WITH DISTINCT ev.fact AS fact WHERE fact IS NOT NULL
  RETURN count(fact) AS facts,
         sum(CASE WHEN EXISTS { MATCH (o:Evidence {fact: fact}) WHERE o.report <> $key } THEN 0 ELSE 1 END) AS alone }
CALL { WITH r
  OPTIONAL MATCH (r)-[:MENTIONS]->(n)
  WITH DISTINCT r, n WHERE n IS NOT NULL
  RETURN count(n) AS mentions,
         sum(CASE WHEN EXISTS { MATCH (o:Report)-[:MENTIONS]->(n) WHERE o <> r } THEN 0 ELSE 1 END) AS orphans }
CALL { WITH r
  OPTIONAL MATCH (r)-[:HAS_EVIDENCE]->(ev:Evidence)
  RETURN count(ev) AS evidence }
RETURN r.id AS key, r.full_id AS full_id, r.date AS date, r.source AS source, r.title AS title,
       r.jurisdiction AS jurisdiction, r.hash AS hash, r.chars AS chars, facts, evidence, mentions, alone, orphans`

// DeleteReport retracts one report (id: the whole id, however long)
// exactly as a changed report's old version is retracted — its evidence
// and mentions removed, the facts and entities only it supported deleted,
// the others' support recomputed from the evidence that remains — and
// removes its Report node (Loader.Delete). An unknown id is ErrNoReport.
// What the deletion will remove is read first; a report written by
// another process between the two is deleted all the same.
func (l *Loader) DeleteReport(ctx context.Context, id string) (Deletion, error) {
	key := reportKey(strings.TrimSpace(id))
	res, err := l.c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qDeletionPreview, map[string]any{"key": key}, nil)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		r := recs[0]
		return Deletion{Report: reportInfo(r), FactsRemoved: num(r, "alone"), EntitiesRemoved: num(r, "orphans")}, nil
	})
	if err != nil {
		return Deletion{}, err
	}
	if res == nil {
		return Deletion{}, &NoReportError{ID: id}
	}
	d := res.(Deletion)
	cnt, err := l.Delete(ctx, key)
	if err != nil {
		return Deletion{}, err
	}
	d.Counters = cnt
	return d, nil
}
