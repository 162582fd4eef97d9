package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Status is what loading did with one report.
type Status string

const (
	StatusNew       Status = "new"       // first time seen
	StatusUnchanged Status = "unchanged" // same id, same hash: nothing written
	StatusReplaced  Status = "replaced"  // same id, new hash: old facts retracted, new ones written
	StatusFailed    Status = "failed"    // not written (Err says why)
)

// ReportResult is the outcome for one report.
type ReportResult struct {
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Hash is the content hash of the version given; PreviousHash, for a
	// replaced report, the hash of the version it replaced — read under
	// the report's lock, so it names the version that was in the graph
	// at that moment, whichever process had written it (two ingests of
	// different versions of a report at once: the one that wrote last
	// says "replaced" and names the other's version; its version is the
	// one the graph keeps, unless a later write replaces it again).
	Hash         string   `json:"hash,omitempty"`
	PreviousHash string   `json:"previous_hash,omitempty"`
	Warnings     []string `json:"warnings,omitempty"` // parts of the extraction that were skipped
	Err          error    `json:"-"`
}

// Stats is what a load did.
type Stats struct {
	Reports []ReportResult `json:"reports"`
	Counters
	// counted holds the statuses of the reports that Add folded in.
	counted map[Status]int
	// retracted are the names of the persons that replaced reports named
	// (their identities are resolved again).
	retracted []string
}

// Count returns how many reports ended with status s.
func (s Stats) Count(st Status) int {
	n := s.counted[st]
	for _, r := range s.Reports {
		if r.Status == st {
			n++
		}
	}
	return n
}

// Add adds o's counters and counts its reports by status (see Count). It
// keeps o's counts, not its per-report results, so that a running total
// stays small however many reports it counts.
func (s *Stats) Add(o Stats) {
	if s.counted == nil {
		s.counted = map[Status]int{}
	}
	for _, r := range o.Reports {
		s.counted[r.Status]++
	}
	for st, n := range o.counted {
		s.counted[st] += n
	}
	s.Counters.Add(o.Counters)
}

// Item is one report to load: its extraction and its raw text.
type Item struct {
	Extraction *doc.Extraction
	Text       string
}

// Options configures a Loader.
type Options struct {
	// OmitText leaves the raw text off the Report nodes (evidence keeps its
	// sentences either way).
	OmitText bool
	// Force replaces reports even when their text is unchanged: for
	// re-loading after the extraction itself improved.
	Force bool
	// Writers is how many transactions a batch may be written in at once
	// (0 or 1: one transaction per batch). The reports of a batch are split
	// by jurisdiction, so that the transactions rarely touch the same nodes;
	// a part is never smaller than minWriterReports reports. More than one
	// pays only on a server with idle cores: reports of different places
	// still share posts, organisations and places (a province's), whose
	// locks make the transactions wait for each other, and each part costs
	// a read of its reports' hashes. On a 2-core machine running the server
	// and kg, two writers loaded 10,000 reports ~5–10 % slower than one and
	// cost the server ~20 % more CPU (README, Performance and scale).
	Writers int
}

// minWriterReports is the fewest reports a concurrent transaction gets.
const minWriterReports = 25

// writers returns how many transactions write n reports.
func (l *Loader) writers(n int) int {
	return max(1, min(l.opt.Writers, n/minWriterReports))
}

// Loader writes extractions to the graph.
type Loader struct {
	c   *Client
	opt Options
}

// NewLoader returns a loader writing through c.
func NewLoader(c *Client, opt Options) *Loader { return &Loader{c: c, opt: opt} }

// Load writes one report (see LoadBatch). An extraction that cannot be
// written at all returns an error wrapping ErrInvalid.
func (l *Loader) Load(ctx context.Context, x *doc.Extraction, text string) (Stats, error) {
	st, err := l.LoadBatch(ctx, []Item{{x, text}})
	if err == nil && len(st.Reports) == 1 && st.Reports[0].Err != nil {
		err = st.Reports[0].Err
	}
	return st, err
}

// LoadBatch writes many reports, in one transaction (one statement per label
// and relationship type over the rows of every report) or, for a large
// batch, in a few concurrent transactions (Options.Writers), each with the
// reports of some jurisdictions. A report id seen twice in the batch waits
// for a later transaction. LoadBatch returns when all are done.
//
// Per report: unchanged hash → nothing written; changed hash → its earlier
// contributions are retracted and the new ones written in the same
// transaction. Reports that cannot be written (ErrInvalid) are marked
// failed and the others go on; if the database rejects a batch, its reports
// are retried one by one so that only the culprit fails. The error is for
// what stops the whole load (Neo4j unreachable, credentials refused, …).
func (l *Loader) LoadBatch(ctx context.Context, items []Item) (Stats, error) {
	st := Stats{Reports: make([]ReportResult, len(items))}
	plans := make([]*plan, len(items))
	for i, it := range items {
		if it.Extraction != nil {
			st.Reports[i].ID = it.Extraction.Report.ID
		}
		p, err := buildPlan(it.Extraction, it.Text, !l.opt.OmitText)
		if err != nil {
			st.Reports[i].Status, st.Reports[i].Err = StatusFailed, err
			continue
		}
		plans[i] = p
		st.Reports[i].ID = p.id
		st.Reports[i].Hash = p.hash
		st.Reports[i].Warnings = p.allWarnings()
	}
	for _, round := range rounds(plans) {
		if err := l.loadParts(ctx, plans, round, &st); err != nil {
			return st, err
		}
	}
	// The identities of the persons of every report written (and of the
	// versions they replaced) follow from the graph as it is now.
	names := st.retracted
	for i, p := range plans {
		if p == nil || st.Reports[i].Status != StatusNew && st.Reports[i].Status != StatusReplaced {
			continue
		}
		names = append(names, p.personNames()...)
	}
	if len(names) > 0 {
		cnt, err := l.c.ResolvePersons(ctx, names)
		st.Counters.Add(cnt)
		if err != nil {
			return st, fmt.Errorf("resolving person identities: %w", err)
		}
	}
	return st, nil
}

// personNames are the names of the plan's persons.
func (p *plan) personNames() []string {
	var out []string
	for _, e := range p.entities {
		if e.label == schema.Person {
			out = append(out, personName(e.key))
		}
	}
	return out
}

// loadParts writes the reports idx of plans in concurrent transactions, one
// per part (see partition).
//
// Concurrent parts must leave the graph that one transaction would: only
// new reports are written so (a replacement retracts, and its cleaning up
// of orphaned entities must not race with another part naming them), and
// every part sets an entity's descriptive properties to what the whole
// round gives them (the last report that gives one), so that it does not
// matter which part commits last.
func (l *Loader) loadParts(ctx context.Context, plans []*plan, idx []int, st *Stats) error {
	parts := partition(plans, idx, l.writers(len(idx)))
	if len(parts) == 1 {
		return l.loadRound(ctx, plans, idx, st, nil)
	}
	have, err := l.existing(ctx, plans, idx)
	if err != nil {
		return err
	}
	var written []*plan
	for _, j := range idx {
		p := plans[j]
		old, ok := have[p.id]
		switch {
		case ok && (old != p.hash || l.opt.Force):
			return l.loadRound(ctx, plans, idx, st, nil) // a replacement: one transaction
		case !ok:
			written = append(written, p)
		}
	}
	shared := entityProps(written)
	errs := make([]error, len(parts))
	counters := make([]Stats, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each part sets the statuses of its own reports only.
			counters[i].Reports = st.Reports
			errs[i] = l.loadRound(ctx, plans, part, &counters[i], shared)
		}()
	}
	wg.Wait()
	for i := range parts {
		st.Counters.Add(counters[i].Counters)
	}
	for _, err := range errs {
		if errors.Is(err, errReplacedMeanwhile) {
			// Another process wrote one of the reports since existing
			// read the hashes: write the round in one transaction (the
			// parts that committed find their reports unchanged; they
			// stay counted as new).
			was := make([]ReportResult, len(idx))
			for i, j := range idx {
				was[i] = st.Reports[j]
			}
			if err := l.loadRound(ctx, plans, idx, st, nil); err != nil {
				return err
			}
			for i, j := range idx {
				if was[i].Status == StatusNew && st.Reports[j].Status == StatusUnchanged {
					st.Reports[j] = was[i]
				}
			}
			return nil
		}
	}
	return errors.Join(errs...)
}

// errReplacedMeanwhile: a concurrent part (Options.Writers) found, under
// the report's lock, that a report it was to write as new is in the graph
// with another text (written since by another process).
var errReplacedMeanwhile = errors.New("a report was written by another process meanwhile")

// partition splits the reports idx into at most n parts of about the same
// size, keeping the reports of one jurisdiction (or without one, one report)
// together, so that concurrent transactions seldom lock the same nodes.
// Parts keep the input order of their reports.
func partition(plans []*plan, idx []int, n int) [][]int {
	if n <= 1 || len(idx) <= 1 {
		return [][]int{idx}
	}
	groups := map[string][]int{}
	var keys []string
	for _, j := range idx {
		k, _ := plans[j].props["jurisdiction"].(string)
		if k == "" {
			k = "report:" + plans[j].id
		}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], j)
	}
	// largest groups first, each to the smallest part
	sort.SliceStable(keys, func(a, b int) bool { return len(groups[keys[a]]) > len(groups[keys[b]]) })
	parts := make([][]int, n)
	for _, k := range keys {
		smallest := 0
		for p := range parts {
			if len(parts[p]) < len(parts[smallest]) {
				smallest = p
			}
		}
		parts[smallest] = append(parts[smallest], groups[k]...)
	}
	out := parts[:0]
	for _, p := range parts {
		if len(p) > 0 {
			sort.Ints(p)
			out = append(out, p)
		}
	}
	return out
}

// rounds groups the indexes of the plans so that no report id appears twice
// in a group, keeping input order.
func rounds(plans []*plan) [][]int {
	var out [][]int
	var seen []map[string]bool
	for i, p := range plans {
		if p == nil {
			continue
		}
		r := 0
		for r < len(out) && seen[r][p.id] {
			r++
		}
		if r == len(out) {
			out = append(out, nil)
			seen = append(seen, map[string]bool{})
		}
		out[r] = append(out[r], i)
		seen[r][p.id] = true
	}
	return out
}

// existing reads the hashes of the reports idx that the graph has. It runs
// in a write transaction: in a cluster, that reaches the leader, which has
// every batch written before (a follower may lag behind).
func (l *Loader) existing(ctx context.Context, plans []*plan, idx []int) (map[string]string, error) {
	ids := make([]any, len(idx))
	for i, j := range idx {
		ids[i] = plans[j].id
	}
	res, err := l.c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qExistingReports, map[string]any{"ids": ids}, nil)
		if err != nil {
			return nil, err
		}
		have := map[string]string{}
		for _, r := range recs {
			have[str(r, "id")] = str(r, "hash")
		}
		return have, nil
	})
	if err != nil {
		return nil, err
	}
	return res.(map[string]string), nil
}

// loadRound writes the reports idx in one transaction; shared, when not
// nil, gives the descriptive properties of the entities (see loadParts).
func (l *Loader) loadRound(ctx context.Context, plans []*plan, idx []int, st *Stats, shared map[string]map[string]any) error {
	ps := make([]*plan, len(idx))
	for i, j := range idx {
		ps[i] = plans[j]
	}
	var res any
	var err error
	for attempt := 0; ; attempt++ {
		res, err = l.c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return writeBatch(ctx, tx, ps, l.opt.Force, shared)
		})
		if err == nil || !raced(err) || attempt >= raceRetries {
			break
		}
	}
	if err == nil {
		out := res.(*batchResult)
		for i, j := range idx {
			st.Reports[j].Status = out.status[i]
			st.Reports[j].PreviousHash = out.previous[i]
			st.Reports[j].Err = out.errs[i]
		}
		st.Counters.Add(out.counters)
		st.retracted = append(st.retracted, out.retracted...)
		return nil
	}
	if errors.Is(err, errReplacedMeanwhile) || !rejected(err) {
		return err
	}
	if len(idx) == 1 {
		st.Reports[idx[0]].Status, st.Reports[idx[0]].Err = StatusFailed, err
		return nil
	}
	// The database refused something in the batch: find out which report.
	// If it refuses every report of the batch for an error of its own
	// rather than of the data (a DatabaseError, not a ClientError), the
	// fault is the server's: that stops the load.
	serverFault := 0
	for _, j := range idx {
		if err := l.loadRound(ctx, plans, []int{j}, st, nil); err != nil {
			return err
		}
		var nerr *neo4j.Neo4jError
		if e := st.Reports[j].Err; e != nil && errors.As(e, &nerr) && nerr.Classification() == "DatabaseError" {
			serverFault++
		}
	}
	if serverFault == len(idx) {
		return err
	}
	return nil
}

// raceRetries bounds how often a batch is run again after losing a race
// with a concurrent transaction (see raced).
const raceRetries = 3

// raced reports whether err may be the loss of a race with another
// transaction rather than bad data: a uniqueness constraint that a
// concurrent MERGE satisfied first, or a node or relationship that a
// concurrent transaction deleted (an orphan entity, a fact left without
// evidence) after this one had matched it. Run again, the batch sees the
// other's commit and MERGEs anew. The locks that writeBatch takes make
// these rare; a real violation fails the same way every time and is then
// treated as rejected data.
func raced(err error) bool {
	var nerr *neo4j.Neo4jError
	if !errors.As(err, &nerr) {
		return false
	}
	switch nerr.Code {
	case "Neo.ClientError.Schema.ConstraintValidationFailed", "Neo.ClientError.Statement.EntityNotFound":
		return true
	}
	return strings.Contains(nerr.Msg, "has been deleted")
}

// rejected reports whether the database refused to run the batch for
// something in it, as opposed to being unable to run anything: a client
// error (a constraint, a bad value), or a database error that a statement
// met (Neo.DatabaseError.Statement.ExecutionFailed: "Property value is too
// large to index", and whatever else a value can make fail). The batch is
// then retried report by report, so that only the culprit fails.
func rejected(err error) bool {
	var nerr *neo4j.Neo4jError
	if errors.Is(err, ErrUnavailable) || errors.Is(err, ErrAuth) || !errors.As(err, &nerr) {
		return false
	}
	switch nerr.Classification() {
	case "ClientError":
		return !nerr.HasSecurityCode() && nerr.Code != "Neo.ClientError.Database.DatabaseNotFound"
	case "DatabaseError":
		return strings.HasPrefix(nerr.Code, "Neo.DatabaseError.Statement.") || strings.HasPrefix(nerr.Code, "Neo.DatabaseError.General.")
	}
	return false
}

type batchResult struct {
	status   []Status
	previous []string // the hash a replaced report had
	errs     []error  // why a report failed (a *CollisionError)
	counters Counters
	// retracted: the names of the persons the replaced versions named
	retracted []string
}

// Cypher for one batch. %[1]s etc. are labels and types from schema only;
// every MATCH and MERGE finds its node or relationship through a
// constraint-backed index (Report.id, <entity>.key, <FACT>.fact).
//
// A batch runs, in one transaction: the hashes of its reports; for replaced
// reports, the retraction of their evidence and mentions; the reports with
// their evidence (one statement); per label, the entities with the reports'
// mentions of them (one statement each); per fact type and endpoints, the
// facts with their aggregates (one statement each); and, after a
// retraction only, the recomputation of the facts it touched.
//
// The aggregates of a fact (reports, evidence, first_seen, last_seen, and
// for HOLDS start, end, appointed, removed) are a function of the Evidence
// nodes that carry its key. Writing a report only adds evidence, so a fact
// that no retraction touched gets the batch's contribution added to what
// it has (counts, minima and maxima — computed in Go per fact over the
// batch; a report is new to every fact it adds to, since a report that
// supported a fact before is replaced, which retracts its evidence first),
// without reading the fact's other evidence. A
// fact that lost evidence is recomputed from all that remains, which reads
// that fact's evidence only (Evidence.fact is indexed).
const (
	// The write lock of every report of the batch, first thing in the
	// transaction (ids sorted, so that two batches lock in the same
	// order): a concurrent writer of any of these reports — another part,
	// another kg process — waits here until this transaction ends, and
	// then reads the hash this one wrote. A report not yet in the graph
	// is created (MERGE on the constrained id is safe against a concurrent
	// MERGE of the same id), so that its lock exists too. Neo4j takes the
	// node's write lock on SET and keeps it to the end of the transaction;
	// the REMOVE leaves no trace of it.
	qLockReports = `UNWIND $ids AS id
MERGE (r:Report {id: id})
SET r._lock = true
REMOVE r._lock`

	// The same for reports being deleted (unknown ids are left alone).
	qLockExistingReports = `UNWIND $ids AS id
MATCH (r:Report {id: id})
SET r._lock = true
REMOVE r._lock`

	qExistingReports = `UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN r.id AS id, r.hash AS hash, r.source AS source`

	qRetractEvidence = `UNWIND $ids AS id
MATCH (:Report {id: id})-[:HAS_EVIDENCE]->(ev:Evidence)
WITH ev, ev.type AS type, ev.fact AS fact
DETACH DELETE ev
RETURN DISTINCT type, fact`

	qRetractMentions = `UNWIND $ids AS id
MATCH (:Report {id: id})-[m:MENTIONS]->(n)
WITH m, head(labels(n)) AS label, n.key AS key
DELETE m
RETURN DISTINCT label, key`

	// The reports and their evidence. A report being written has no
	// evidence (it is new, or its evidence was retracted earlier in the
	// transaction), so the evidence is created, not merged.
	qReports = `UNWIND $rows AS row
MERGE (r:Report {id: row.id})
SET r = row.props
WITH r, row
UNWIND row.evidence AS props
CREATE (r)-[:HAS_EVIDENCE]->(ev:Evidence)
SET ev = props`

	// The entities of one label and the reports' mentions of them (created:
	// a report being written has no mentions left).
	qEntities = `UNWIND $rows AS row
MERGE (n:%[1]s {key: row.key})
SET n += row.props%[2]s
WITH n, row
UNWIND row.mentions AS m
MATCH (r:Report {id: m.report})
CREATE (r)-[:MENTIONS {starts: m.starts, ends: m.ends, texts: m.texts}]->(n)`

	// A Post (an office) also collects the names it was written with.
	postNames = `
SET n.names = COLLECT { UNWIND coalesce(n.names, []) + row.names AS v RETURN DISTINCT v ORDER BY v }`

	// Facts that a retraction touched: merged here, recomputed at the end.
	qFacts = `UNWIND $rows AS row
MATCH (a:%[2]s {key: row.from})
MATCH (b:%[3]s {key: row.to})
MERGE (a)-[f:%[1]s {fact: row.fact}]->(b)
SET f += row.props`

	// The other facts: merged, then the batch's contribution is added to
	// their aggregates. The first SET takes the relationship's write lock so
	// that the aggregates are read after any concurrent writer committed.
	qAddFacts = `UNWIND $rows AS row
MATCH (a:%[2]s {key: row.from})
MATCH (b:%[3]s {key: row.to})
MERGE (a)-[f:%[1]s {fact: row.fact}]->(b)
SET f += row.props, f._lock = true
WITH f, row
SET f.reports = coalesce(f.reports, 0) + row.reports,
    f.evidence = coalesce(f.evidence, 0) + row.n,
    f.first_seen = CASE WHEN row.first IS NULL OR f.first_seen <= row.first THEN f.first_seen ELSE row.first END,
    f.last_seen = CASE WHEN row.last IS NULL OR f.last_seen >= row.last THEN f.last_seen ELSE row.last END%[4]s
REMOVE f._lock`

	// HOLDS' tenure, added to qAddFacts.
	addHolds = `,
    f.start = CASE WHEN row.start IS NULL OR f.start <= row.start THEN f.start ELSE row.start END,
    f.end = CASE WHEN row.end IS NULL OR f.end >= row.end THEN f.end ELSE row.end END,
    f.appointed = coalesce(f.appointed, false) OR row.appointed,
    f.removed = coalesce(f.removed, false) OR row.removed`

	// A fact that no evidence supports any more is deleted.
	// Each statement of the settling locks the fact or entity (SET) before
	// it reads what supports it, so that what it reads includes whatever a
	// concurrent transaction committed for it.
	qDropUnsupported = `UNWIND $facts AS fact
MATCH ()-[f:%[1]s {fact: fact}]->()
SET f._lock = true
REMOVE f._lock
WITH f, fact
WHERE NOT EXISTS { MATCH (:Evidence {fact: fact}) }
DELETE f`

	// The others get their support recomputed from all their evidence.
	qRecompute = `UNWIND $facts AS fact
MATCH ()-[f:%[1]s {fact: fact}]->()
SET f._lock = true
REMOVE f._lock
WITH f, fact
MATCH (ev:Evidence {fact: fact})
WITH f, count(DISTINCT ev.report) AS reports, count(ev) AS n,
     min(CASE WHEN ev.report_date <> '' THEN ev.report_date END) AS firstSeen,
     max(CASE WHEN ev.report_date <> '' THEN ev.report_date END) AS lastSeen
SET f.reports = reports, f.evidence = n, f.first_seen = firstSeen, f.last_seen = lastSeen`

	// HOLDS also gets its tenure: the earliest dated appointment and the
	// latest dated removal of all its evidence.
	qRecomputeHolds = `UNWIND $facts AS fact
MATCH ()-[f:HOLDS {fact: fact}]->()
SET f._lock = true
REMOVE f._lock
WITH f, fact
MATCH (ev:Evidence {fact: fact})
WITH f, count(DISTINCT ev.report) AS reports, count(ev) AS n,
     min(CASE WHEN ev.report_date <> '' THEN ev.report_date END) AS firstSeen,
     max(CASE WHEN ev.report_date <> '' THEN ev.report_date END) AS lastSeen,
     min(CASE WHEN ev.tenure_start <> '' THEN ev.tenure_start END) AS tenureStart,
     max(CASE WHEN ev.tenure_end <> '' THEN ev.tenure_end END) AS tenureEnd,
     count(ev.tenure_start) > 0 AS appointed,
     count(ev.tenure_end) > 0 AS removed
SET f.reports = reports, f.evidence = n, f.first_seen = firstSeen, f.last_seen = lastSeen,
    f.start = tenureStart, f.end = tenureEnd, f.appointed = appointed, f.removed = removed`

	qDeleteReports = `UNWIND $ids AS id
MATCH (r:Report {id: id})
DETACH DELETE r`

	// An entity that no report mentions any more is deleted.
	qDropOrphans = `UNWIND $keys AS key
MATCH (n:%[1]s {key: key})
SET n._lock = true
REMOVE n._lock
WITH n
WHERE NOT EXISTS { MATCH (:Report)-[:MENTIONS]->(n) }
DETACH DELETE n`
)

// addFactsQuery is qAddFacts for one fact type and its endpoints.
func addFactsQuery(g factGroup) string {
	extra := ""
	if g.typ == schema.Holds {
		extra = addHolds
	}
	return fmt.Sprintf(qAddFacts, schema.Quote(string(g.typ)), schema.Quote(string(g.from)), schema.Quote(string(g.to)), extra)
}

// entitiesQuery is qEntities for one label.
func entitiesQuery(l schema.Label) string {
	extra := ""
	if l == schema.Post {
		extra = postNames
	}
	return fmt.Sprintf(qEntities, schema.Quote(string(l)), extra)
}

// writeBatch is the body of one write transaction. It may run more than
// once (retries), so it keeps no state outside its result. With force, an
// unchanged report is replaced all the same.
func writeBatch(ctx context.Context, tx neo4j.ManagedTransaction, ps []*plan, force bool, shared map[string]map[string]any) (*batchResult, error) {
	res := &batchResult{status: make([]Status, len(ps)), previous: make([]string, len(ps)), errs: make([]error, len(ps))}
	cnt := &res.counters
	ids := make([]any, len(ps))
	for i, p := range ps {
		ids[i] = p.id
	}
	if err := lockReports(ctx, tx, ids, cnt); err != nil {
		return nil, err
	}
	recs, err := collect(ctx, tx, qExistingReports, map[string]any{"ids": ids}, nil)
	if err != nil {
		return nil, fmt.Errorf("reading report hashes: %w", err)
	}
	have, sources := map[string]string{}, map[string]string{}
	for _, r := range recs {
		if h := str(r, "hash"); h != "" { // "": created by the lock, new
			have[str(r, "id")] = h
			sources[str(r, "id")] = str(r, "source")
		}
	}
	var write []*plan
	var replaced []any
	for i, p := range ps {
		old, ok := have[p.id]
		switch {
		case ok && old == p.hash && !force:
			res.status[i] = StatusUnchanged
		case ok && old != p.hash && collision(p.id, sources[p.id], planSource(p)) != nil:
			res.status[i], res.errs[i] = StatusFailed, collision(p.id, sources[p.id], planSource(p)) // another report under its id (reports.go)
		case ok && shared != nil:
			return nil, errReplacedMeanwhile
		case ok:
			res.status[i] = StatusReplaced
			res.previous[i] = old
			replaced = append(replaced, p.id)
			write = append(write, p)
		default:
			res.status[i] = StatusNew
			write = append(write, p)
		}
	}
	if len(write) == 0 {
		return res, nil
	}
	ch := newChanges()
	if len(replaced) > 0 {
		if err := ch.retract(ctx, tx, replaced, cnt); err != nil {
			return nil, err
		}
	}

	rows := batchRows(write, shared)
	if _, err := collect(ctx, tx, qReports, map[string]any{"rows": rows.reports}, cnt); err != nil {
		return nil, fmt.Errorf("writing reports: %w", err)
	}
	for _, l := range schema.EntityLabels() {
		if len(rows.entities[l]) == 0 {
			continue
		}
		q := entitiesQuery(l)
		if _, err := collect(ctx, tx, q, map[string]any{"rows": rows.entities[l]}, cnt); err != nil {
			return nil, fmt.Errorf("writing %s nodes: %w", l, err)
		}
	}
	for _, g := range rows.groups {
		var add, merge []any
		for _, f := range rows.facts[g] {
			if _, touched := ch.facts[g.typ][f.fact]; touched {
				merge = append(merge, f.param())
			} else {
				add = append(add, f.addParam())
			}
		}
		if len(add) > 0 {
			if _, err := collect(ctx, tx, addFactsQuery(g), map[string]any{"rows": add}, cnt); err != nil {
				return nil, fmt.Errorf("writing %s facts: %w", g.typ, err)
			}
		}
		if len(merge) > 0 {
			q := fmt.Sprintf(qFacts, schema.Quote(string(g.typ)), schema.Quote(string(g.from)), schema.Quote(string(g.to)))
			if _, err := collect(ctx, tx, q, map[string]any{"rows": merge}, cnt); err != nil {
				return nil, fmt.Errorf("writing %s facts: %w", g.typ, err)
			}
		}
	}
	if err := ch.settle(ctx, tx, cnt); err != nil {
		return nil, err
	}
	res.retracted = ch.personNames()
	return res, nil
}

// personNames are the names of the persons that lost mentions.
func (c *changes) personNames() []string {
	var out []string
	for key := range c.orphans[schema.Person] {
		out = append(out, personName(key))
	}
	sort.Strings(out)
	return out
}

// lockReports takes the write lock of the reports ids (see qLockReports),
// creating those not in the graph yet; cnt counts the nodes created.
func lockReports(ctx context.Context, tx neo4j.ManagedTransaction, ids []any, cnt *Counters) error {
	return lockReportsWith(ctx, tx, qLockReports, ids, cnt)
}

func lockReportsWith(ctx context.Context, tx neo4j.ManagedTransaction, q string, ids []any, cnt *Counters) error {
	sorted := make([]string, len(ids))
	for i, id := range ids {
		sorted[i], _ = id.(string)
	}
	sort.Strings(sorted)
	var lc Counters
	if _, err := collect(ctx, tx, q, map[string]any{"ids": anys(sorted)}, &lc); err != nil {
		return fmt.Errorf("locking reports: %w", err)
	}
	cnt.NodesCreated += lc.NodesCreated
	return nil
}

// str reads a string column of a record ("" when null or missing).
func str(r *neo4j.Record, key string) string {
	v, _ := r.Get(key)
	s, _ := v.(string)
	return s
}

// changes tracks what a retraction leaves to settle before the transaction
// commits: the facts that lost evidence and the entities that lost
// mentions.
type changes struct {
	facts   map[schema.RelType]map[string]bool
	orphans map[schema.Label]map[string]bool
}

func newChanges() *changes {
	return &changes{facts: map[schema.RelType]map[string]bool{}, orphans: map[schema.Label]map[string]bool{}}
}

func (c *changes) fact(t schema.RelType, fact string) {
	if c.facts[t] == nil {
		c.facts[t] = map[string]bool{}
	}
	c.facts[t][fact] = true
}

func (c *changes) entity(l schema.Label, key string) {
	if c.orphans[l] == nil {
		c.orphans[l] = map[string]bool{}
	}
	c.orphans[l][key] = true
}

// retract removes the reports' evidence and mentions, remembering which
// facts and entities they touched.
func (c *changes) retract(ctx context.Context, tx neo4j.ManagedTransaction, ids []any, cnt *Counters) error {
	recs, err := collect(ctx, tx, qRetractEvidence, map[string]any{"ids": ids}, cnt)
	if err != nil {
		return fmt.Errorf("retracting evidence: %w", err)
	}
	for _, r := range recs {
		c.fact(schema.RelType(str(r, "type")), str(r, "fact"))
	}
	recs, err = collect(ctx, tx, qRetractMentions, map[string]any{"ids": ids}, cnt)
	if err != nil {
		return fmt.Errorf("retracting mentions: %w", err)
	}
	for _, r := range recs {
		c.entity(schema.Label(str(r, "label")), str(r, "key"))
	}
	return nil
}

// settle recomputes the facts that lost evidence from what remains
// (deleting those left with none) and deletes the entities no report
// mentions any more.
func (c *changes) settle(ctx context.Context, tx neo4j.ManagedTransaction, cnt *Counters) error {
	for _, t := range schema.FactTypes() {
		if len(c.facts[t]) == 0 {
			continue
		}
		facts := anys(sortedKeys(c.facts[t]))
		q := fmt.Sprintf(qDropUnsupported, schema.Quote(string(t)))
		if _, err := collect(ctx, tx, q, map[string]any{"facts": facts}, cnt); err != nil {
			return fmt.Errorf("dropping unsupported %s facts: %w", t, err)
		}
		q = fmt.Sprintf(qRecompute, schema.Quote(string(t)))
		if t == schema.Holds {
			q = qRecomputeHolds
		}
		if _, err := collect(ctx, tx, q, map[string]any{"facts": facts}, cnt); err != nil {
			return fmt.Errorf("recomputing %s facts: %w", t, err)
		}
	}
	for _, l := range schema.EntityLabels() {
		if len(c.orphans[l]) == 0 {
			continue
		}
		q := fmt.Sprintf(qDropOrphans, schema.Quote(string(l)))
		if _, err := collect(ctx, tx, q, map[string]any{"keys": anys(sortedKeys(c.orphans[l]))}, cnt); err != nil {
			return fmt.Errorf("dropping orphan %s nodes: %w", l, err)
		}
	}
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// factGroup is one fact statement: a type and its endpoint labels.
type factGroup struct {
	typ      schema.RelType
	from, to schema.Label
}

// rowSet is the parameter rows of a batch: one list per statement.
type rowSet struct {
	reports  []any                          // with their evidence
	entities map[schema.Label][]any         // with the mentions of them
	groups   []factGroup                    // in model order
	facts    map[factGroup][]*factAggregate // sorted by fact key
}

// factAggregate is one fact of a batch and what the batch's evidence
// contributes to its aggregates.
type factAggregate struct {
	*factRow
	reports    int64  // distinct reports
	lastReport string // the report add saw last (a report's evidence comes together)
	n          int64  // pieces of evidence
	first      string // earliest dated report ("" none)
	last       string
	start, end string // earliest dated appointment, latest dated removal
	appointed  bool
	removed    bool
}

func (a *factAggregate) add(report string, e *evidenceRow) {
	if a.reports == 0 || a.lastReport != report {
		a.reports++
		a.lastReport = report
	}
	a.n++
	if d := e.reportDate; d != "" {
		if a.first == "" || d < a.first {
			a.first = d
		}
		if d > a.last {
			a.last = d
		}
	}
	if e.tenureStart != nil {
		a.appointed = true
		if d := *e.tenureStart; d != "" && (a.start == "" || d < a.start) {
			a.start = d
		}
	}
	if e.tenureEnd != nil {
		a.removed = true
		if d := *e.tenureEnd; d > a.end {
			a.end = d
		}
	}
}

// entityProps merges the descriptive properties of the entities of plans,
// in order (the last plan that gives a property sets it), by label + key.
func entityProps(ps []*plan) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, p := range ps {
		for k, e := range p.entities {
			m := out[k]
			if m == nil {
				m = map[string]any{}
				out[k] = m
			}
			for pk, pv := range e.props {
				m[pk] = pv
			}
		}
	}
	return out
}

// batchRows merges the plans of a batch into statement rows. An entity named
// by several reports is one row; as across batches (SET n += props), the
// last report that gives a descriptive property (a post's title, an event's
// kind) sets it, and one that leaves it out keeps the value there. Rows are
// sorted by key, so that statements lock in a fixed order.
func batchRows(ps []*plan, shared map[string]map[string]any) rowSet {
	rs := rowSet{entities: map[schema.Label][]any{}, facts: map[factGroup][]*factAggregate{}}
	type entity struct {
		row      *entityRow
		mentions []any
	}
	entities := map[string]*entity{}
	facts := map[string]*factAggregate{}
	for _, p := range ps {
		evidence := make([]any, 0, len(p.evidence))
		for _, k := range sortedKeys(p.evidence) {
			e := p.evidence[k]
			evidence = append(evidence, e.props(p.id))
			if e.typ == schema.AttributeEvidence {
				continue // no relationship to aggregate
			}
			a := facts[e.fact]
			if a == nil {
				a = &factAggregate{factRow: p.facts[e.fact]}
				facts[e.fact] = a
			}
			a.add(p.id, e)
		}
		rs.reports = append(rs.reports, map[string]any{"id": p.id, "props": p.props, "evidence": evidence})
		for k, e := range p.entities {
			ent := entities[k]
			if ent == nil {
				ent = &entity{row: &entityRow{label: e.label, key: e.key, props: map[string]any{}}}
				entities[k] = ent
			}
			for pk, pv := range e.props {
				ent.row.props[pk] = pv
			}
			for _, n := range e.names {
				if i, found := slices.BinarySearch(ent.row.names, n); !found {
					ent.row.names = slices.Insert(ent.row.names, i, n)
				}
			}
			ent.mentions = append(ent.mentions, p.mentions[k].param(p.id))
		}
	}
	for _, k := range sortedKeys(entities) {
		e := entities[k]
		props := e.row.props
		if sp, ok := shared[k]; ok {
			props = sp
		}
		row := map[string]any{"key": e.row.key, "props": props, "mentions": e.mentions}
		if e.row.label == schema.Post {
			row["names"] = anys(e.row.names)
		}
		rs.entities[e.row.label] = append(rs.entities[e.row.label], row)
	}
	for _, k := range sortedKeys(facts) {
		a := facts[k]
		g := factGroup{a.typ, a.from, a.to}
		rs.facts[g] = append(rs.facts[g], a)
	}
	for _, r := range schema.Relationships {
		for _, ep := range r.Endpoints {
			g := factGroup{r.Type, ep.From, ep.To}
			if len(rs.facts[g]) > 0 {
				rs.groups = append(rs.groups, g)
			}
		}
	}
	return rs
}

// addParam is the qAddFacts row of a fact: its keys and the batch's
// contribution.
func (a *factAggregate) addParam() map[string]any {
	m := a.param()
	m["reports"] = a.reports
	m["n"] = a.n
	m["first"], m["last"] = nilIfEmpty(a.first), nilIfEmpty(a.last)
	if a.typ == schema.Holds {
		m["start"], m["end"] = nilIfEmpty(a.start), nilIfEmpty(a.end)
		m["appointed"], m["removed"] = a.appointed, a.removed
	}
	return m
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Delete retracts reports entirely: their evidence and mentions, the facts
// and entities only they supported, and the Report nodes. Unknown ids are
// ignored.
func (l *Loader) Delete(ctx context.Context, ids ...string) (Counters, error) {
	if len(ids) == 0 {
		return Counters{}, nil
	}
	var names []string
	res, err := l.c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var cnt Counters
		if err := lockReportsWith(ctx, tx, qLockExistingReports, anys(ids), &cnt); err != nil {
			return nil, err
		}
		ch := newChanges()
		if err := ch.retract(ctx, tx, anys(ids), &cnt); err != nil {
			return nil, err
		}
		if err := ch.settle(ctx, tx, &cnt); err != nil {
			return nil, err
		}
		if _, err := collect(ctx, tx, qDeleteReports, map[string]any{"ids": anys(ids)}, &cnt); err != nil {
			return nil, fmt.Errorf("deleting reports: %w", err)
		}
		names = ch.personNames()
		return cnt, nil
	})
	if err != nil {
		return Counters{}, err
	}
	cnt := res.(Counters)
	rc, err := l.c.ResolvePersons(ctx, names)
	cnt.Add(rc)
	if err != nil {
		return cnt, fmt.Errorf("resolving person identities: %w", err)
	}
	return cnt, nil
}
