package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestReportKeys(t *testing.T) {
	long := strings.Repeat("长", 3000) // 9,000 bytes
	for _, c := range []struct {
		id     string
		digest bool
	}{
		{"042", false},
		{"https://example.gov.cn/a?b=" + strings.Repeat("x", 7900), false}, // 7,927 bytes: as before
		{strings.Repeat("x", maxReportIDBytes), false},
		{strings.Repeat("x", maxReportIDBytes+1), true},
		{long, true},
	} {
		k := reportKey(c.id)
		if (k != c.id) != c.digest {
			t.Errorf("reportKey of %d bytes: %.40q…, digest %v", len(c.id), k, k != c.id)
			continue
		}
		if c.digest {
			if len(k) > 200 || !strings.Contains(k, "…sha256:") || !strings.HasPrefix(c.id, strings.Split(k, "…sha256:")[0]) {
				t.Errorf("digest key %q", k)
			}
			if reportKey(c.id+"y") == k {
				t.Errorf("two ids, one key")
			}
		}
	}
	if k := reportKey(long); !strings.HasPrefix(k, strings.Repeat("长", 32)+"…sha256:") {
		t.Errorf("digest key of a CJK id cuts a character: %q", k)
	}
	if c := reportContext("042"); c != "report:042" {
		t.Errorf("short context %q", c)
	}
	if c := reportContext(strings.Repeat("x", 2000)); len(c) > 200 {
		t.Errorf("long context %d bytes", len(c))
	}
}

// A report id of 3,000 characters (9,000 bytes, over what Neo4j can
// index) among 150 reports: all 150 are loaded, the long one keyed by its
// digest and kept whole in full_id, with its facts; loading again finds
// every report unchanged.
func TestIntegrationLongReportIDIsKeyedByDigest(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	long := fmt.Sprintf("kglong-%s-", tag) + strings.Repeat("长", 3000)
	var items []Item
	var all []string
	for i := 0; i < 150; i++ {
		id := fmt.Sprintf("kglong-%s-%03d", tag, i)
		jur := "长号" + tag + "县"
		if i == 70 {
			id, jur = long, "" // no jurisdiction: its people are placed by the report
		}
		b := newReport(id, "2024-05-06", jur)
		b.holds("周"+tag, "长号"+tag+"县长")
		b.role(doc.RelChaired, "周"+tag, fmt.Sprintf("长号%s第%d次会议", tag, i), "")
		items = append(items, b.item())
		all = append(all, reportKey(id))
	}
	ctx := context.Background()
	t.Cleanup(func() { l.Delete(ctx, all...) })
	for pass, want := range []Status{StatusNew, StatusUnchanged} {
		for i := 0; i < len(items); i += 50 {
			st, err := l.LoadBatch(ctx, items[i:i+50])
			if err != nil {
				t.Fatalf("pass %d: %v", pass, err)
			}
			for _, r := range st.Reports {
				if r.Err != nil || r.Status != want {
					t.Errorf("pass %d: %.60s: %s %v, want %s", pass, r.ID, r.Status, r.Err, want)
				}
			}
		}
	}
	rows := query(t, c, `MATCH (r:Report {id: $key})
OPTIONAL MATCH (r)-[:HAS_EVIDENCE]->(ev)
OPTIONAL MATCH (r)-[:MENTIONS]->(p:Person)
RETURN r.full_id AS full, count(DISTINCT ev) AS evidence, collect(DISTINCT p.key) AS people`, map[string]any{"key": reportKey(long)})
	if len(rows) != 1 || rows[0]["full"] != long || rows[0]["evidence"] != int64(2) {
		t.Fatalf("the long report: %v", rows)
	}
	if ps := rows[0]["people"].([]any); len(ps) != 1 || len(ps[0].(string)) > 300 || !strings.Contains(ps[0].(string), "report:kglong-") {
		t.Errorf("the long report's person: %v", ps)
	}
	if n := query(t, c, `MATCH (r:Report) WHERE r.id STARTS WITH $p RETURN count(r) AS n`, map[string]any{"p": "kglong-" + tag})[0]["n"]; n != int64(150) {
		t.Errorf("%v reports, want 150", n)
	}
}

// Data that the server refuses to store (here: a value over an index's
// limit, Neo.DatabaseError.Statement.ExecutionFailed, on an index the test
// adds) fails its own report only; the rest of the batch is written.
func TestIntegrationRejectedDataFailsOnlyItsReport(t *testing.T) {
	c := testClient(t)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	ctx := context.Background()
	index := "kgtest_report_source_" + tag
	schemaWrite := func(q string) {
		if _, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			_, err := collect(ctx, tx, q, nil, nil)
			return nil, err
		}); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	schemaWrite("CREATE INDEX " + index + " IF NOT EXISTS FOR (r:Report) ON (r.source)")
	t.Cleanup(func() { schemaWrite("DROP INDEX " + index + " IF EXISTS") })
	query(t, c, "CALL db.awaitIndexes(60)", nil)
	var items []Item
	var all []string
	for i := 0; i < 40; i++ {
		b := newReport(fmt.Sprintf("kgrej-%s-%02d", tag, i), "2024-05-06", "拒收"+tag+"县")
		b.holds("吴"+tag, "拒收"+tag+"县长")
		if i == 17 {
			b.x.Report.Source = "https://example.gov.cn/" + strings.Repeat("s", 9000)
		}
		items = append(items, b.item())
		all = append(all, b.x.Report.ID)
	}
	t.Cleanup(func() { l.Delete(ctx, all...) })
	st, err := l.LoadBatch(ctx, items)
	if err != nil {
		t.Fatalf("LoadBatch: %v", err)
	}
	for i, r := range st.Reports {
		if bad := i == 17; bad != (r.Status == StatusFailed) || bad != (r.Err != nil) || !bad && r.Status != StatusNew {
			t.Errorf("report %d: %s %v", i, r.Status, r.Err)
		}
	}
	if st.Reports[17].Err != nil && !strings.Contains(st.Reports[17].Err.Error(), "too large to index") {
		t.Errorf("the failure says: %v", st.Reports[17].Err)
	}
}
