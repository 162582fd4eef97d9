package graph

import (
	"context"
	"fmt"

	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// dataSteps implement the named data steps of the migrations
// (schema.Migration.Steps). Each is idempotent and works in bounded
// batches, one transaction each.
var dataSteps = map[string]func(*Client, context.Context) error{
	schema.StepOfficeKeys:       (*Client).migrateOfficeKeys,
	schema.StepReportEventDates: (*Client).migrateReportEventDates,
	schema.StepPersonIdentities: (*Client).migratePersonIdentities,
}

// officeBatch is how many Post nodes one transaction of the office-keys
// step re-keys.
const officeBatch = 100

const (
	// Posts not keyed by office yet, with the jurisdictions of the reports
	// naming them (one jurisdiction picks among places of one name, as the
	// loader's report jurisdiction does).
	qOldPosts = `MATCH (t:Post) WHERE NOT t.key STARTS WITH 'office:'
WITH t ORDER BY t.key LIMIT $limit
RETURN t.key AS key, t.name AS name,
       COLLECT { MATCH (r:Report)-[:MENTIONS]->(t) WHERE r.jurisdiction IS NOT NULL RETURN DISTINCT r.jurisdiction } AS js`

	qDropPostEvidence = `MATCH (t:Post {key: $key})-[f]-() WHERE f.fact IS NOT NULL
WITH DISTINCT f.fact AS fact
MATCH (ev:Evidence {fact: fact})
DETACH DELETE ev`

	qDropPost = `MATCH (t:Post {key: $key}) DETACH DELETE t`

	qOfficeNode = `MATCH (t:Post {key: $old})
MERGE (n:Post {key: $new})
SET n.name = $name, n.title = $title, n.organ = $organ, n.place = $place, n.place_code = $code
SET n.names = COLLECT { UNWIND coalesce(n.names, []) + coalesce(t.names, [t.name]) AS v RETURN DISTINCT v ORDER BY v }`

	qMoveMentions = `MATCH (t:Post {key: $old})<-[m:MENTIONS]-(r:Report)
MATCH (n:Post {key: $new})
OPTIONAL MATCH (r)-[m2:MENTIONS]->(n)
FOREACH (_ IN CASE WHEN m2 IS NULL THEN [1] ELSE [] END |
  CREATE (r)-[:MENTIONS {starts: m.starts, ends: m.ends, texts: m.texts}]->(n))
FOREACH (_ IN CASE WHEN m2 IS NOT NULL THEN [1] ELSE [] END |
  SET m2.starts = coalesce(m2.starts, []) + coalesce(m.starts, []),
      m2.ends = coalesce(m2.ends, []) + coalesce(m.ends, []),
      m2.texts = coalesce(m2.texts, []) + coalesce(m.texts, []))
DELETE m`

	qPostFacts = `MATCH (t:Post {key: $old})-[f]-(o) WHERE f.fact IS NOT NULL
RETURN type(f) AS type, startNode(f) = t AS out, o.key AS other, head(labels(o)) AS label, f.fact AS fact`

	qFactEvidence = `MATCH (ev:Evidence {fact: $fact})
RETURN ev.key AS key, ev.report AS report, ev.start AS start, ev.end AS end`

	// Evidence whose new key another piece already has (the same report
	// said the same of two variants at one span) is dropped.
	qDropDupEvidence = `UNWIND $rows AS row
MATCH (ev:Evidence {key: row.old})
MATCH (dup:Evidence {key: row.new}) WHERE dup <> ev
DETACH DELETE ev`

	qRekeyEvidence = `UNWIND $rows AS row
MATCH (ev:Evidence {key: row.old})
SET ev.key = row.new, ev.fact = $fact`

	qDropFact = `MATCH ()-[f:%[1]s {fact: $fact}]->() DELETE f`
)

// migrateOfficeKeys re-keys every Post by its office (parseOffice), merging
// the Posts that name one office and dropping those that name none, with
// their facts and evidence.
func (c *Client) migrateOfficeKeys(ctx context.Context) error {
	for {
		n, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			recs, err := collect(ctx, tx, qOldPosts, map[string]any{"limit": int64(officeBatch)}, nil)
			if err != nil {
				return 0, err
			}
			for _, r := range recs {
				js := strs(r, "js")
				j := ""
				if len(js) == 1 {
					j = js[0]
				}
				if err := rekeyPost(ctx, tx, str(r, "key"), str(r, "name"), j); err != nil {
					return 0, fmt.Errorf("post %q: %w", str(r, "key"), err)
				}
			}
			return len(recs), nil
		})
		if err != nil {
			return err
		}
		if n.(int) == 0 {
			return nil
		}
	}
}

func rekeyPost(ctx context.Context, tx neo4j.ManagedTransaction, old, name, jurisdiction string) error {
	run := func(q string, params map[string]any) ([]*neo4j.Record, error) {
		return collect(ctx, tx, q, params, nil)
	}
	o, ok := parseOffice(name, jurisdiction)
	if !ok {
		if _, err := run(qDropPostEvidence, map[string]any{"key": old}); err != nil {
			return err
		}
		_, err := run(qDropPost, map[string]any{"key": old})
		return err
	}
	nk := o.Key()
	if _, err := run(qOfficeNode, map[string]any{"old": old, "new": nk, "name": o.Name(), "title": o.Title,
		"organ": nilIfEmpty(o.Organ), "place": nilIfEmpty(o.Place), "code": nilIfEmpty(o.PlaceCode)}); err != nil {
		return err
	}
	if _, err := run(qMoveMentions, map[string]any{"old": old, "new": nk}); err != nil {
		return err
	}
	facts, err := run(qPostFacts, map[string]any{"old": old})
	if err != nil {
		return err
	}
	ch := newChanges()
	for _, f := range facts {
		typ, other, label, oldFact := schema.RelType(str(f, "type")), str(f, "other"), schema.Label(str(f, "label")), str(f, "fact")
		out, _ := get(f, "out").(bool)
		var newFact, pattern string
		params := map[string]any{"other": other, "new": nk}
		if out {
			newFact = factKey(typ, schema.Post, nk, label, other, "")
			pattern = fmt.Sprintf("MATCH (n:Post {key: $new}), (o:%s {key: $other})\nMERGE (n)-[f:%s {fact: $fact}]->(o)", schema.Quote(string(label)), schema.Quote(string(typ)))
		} else {
			q := ""
			if typ == schema.Holds {
				q = o.Qualifier()
			}
			newFact = factKey(typ, label, other, schema.Post, nk, q)
			pattern = fmt.Sprintf("MATCH (n:Post {key: $new}), (o:%s {key: $other})\nMERGE (o)-[f:%s {fact: $fact}]->(n)", schema.Quote(string(label)), schema.Quote(string(typ)))
		}
		params["fact"] = newFact
		if typ == schema.Holds {
			pattern += "\nSET f.acting = $acting, f.executive = $executive"
			params["acting"], params["executive"] = o.Acting, o.Executive
		}
		if _, err := run(pattern, params); err != nil {
			return err
		}
		evs, err := run(qFactEvidence, map[string]any{"fact": oldFact})
		if err != nil {
			return err
		}
		rows := make([]any, 0, len(evs))
		for _, ev := range evs {
			s, _ := get(ev, "start").(int64)
			e, _ := get(ev, "end").(int64)
			rows = append(rows, map[string]any{"old": str(ev, "key"), "new": evidenceKey(str(ev, "report"), newFact, int(s), int(e))})
		}
		if _, err := run(qDropDupEvidence, map[string]any{"rows": rows}); err != nil {
			return err
		}
		if _, err := run(qRekeyEvidence, map[string]any{"rows": rows, "fact": newFact}); err != nil {
			return err
		}
		if _, err := run(fmt.Sprintf(qDropFact, schema.Quote(string(typ))), map[string]any{"fact": oldFact}); err != nil {
			return err
		}
		ch.fact(typ, newFact)
	}
	var cnt Counters
	if err := ch.settle(ctx, tx, &cnt); err != nil {
		return err
	}
	_, err = run(qDropPost, map[string]any{"key": old})
	return err
}

const (
	// Undated reports that name dated events, a batch of them.
	qUndatedReports = `MATCH (r:Report) WHERE r.date IS NULL
  AND EXISTS { MATCH (r)-[:MENTIONS]->(e:Event) WHERE e.date =~ '\\d{4}-\\d{2}-\\d{2}' }
WITH r ORDER BY r.id LIMIT $limit
RETURN r.id AS id,
       COLLECT { MATCH (r)-[:MENTIONS]->(e:Event) WHERE e.date =~ '\\d{4}-\\d{2}-\\d{2}' RETURN e.date ORDER BY e.date LIMIT 1 }[0] AS date`

	qDateReport = `MATCH (r:Report {id: $id})
SET r.date = $date, r.date_from = 'events'
WITH r
MATCH (r)-[:HAS_EVIDENCE]->(ev:Evidence)
SET ev.report_date = $date
RETURN DISTINCT ev.type AS type, ev.fact AS fact`
)

// migrateReportEventDates dates the reports without a date line by the
// earliest date of their events, as the loader now does, and recomputes
// the facts they support (first_seen, last_seen).
func (c *Client) migrateReportEventDates(ctx context.Context) error {
	for {
		n, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			recs, err := collect(ctx, tx, qUndatedReports, map[string]any{"limit": int64(officeBatch)}, nil)
			if err != nil {
				return 0, err
			}
			ch := newChanges()
			for _, r := range recs {
				facts, err := collect(ctx, tx, qDateReport, map[string]any{"id": str(r, "id"), "date": str(r, "date")}, nil)
				if err != nil {
					return 0, err
				}
				for _, f := range facts {
					ch.fact(schema.RelType(str(f, "type")), str(f, "fact"))
				}
			}
			var cnt Counters
			return len(recs), ch.settle(ctx, tx, &cnt)
		})
		if err != nil {
			return err
		}
		if n.(int) == 0 {
			return nil
		}
	}
}
