package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// kg export writes the graph that kg ingest builds, for neo4j-admin: the
// same reports are ingested into a server of the test's own, then exported,
// imported with neo4j-admin database import full into the same server's
// database neo4j (stopped, overwritten: a fresh store), and after kg schema
// apply the two graphs must be identical — every node with its labels and
// properties, every relationship with its type, endpoints and properties
// (the canonical dump of restart_test.go).
func TestIntegrationExportImportEqualsIngest(t *testing.T) {
	start := time.Now()
	srv := startPrivateNeo4j(t, secret(t))
	t.Logf("private server up on %s after %s", srv.uri, time.Since(start).Round(100*time.Millisecond))

	// The corpus: invented county reports that share people across
	// reports (with appointments and removals), the project's samples (every
	// input kind), and versions of one report id (a replaced text, an
	// identical one).
	corpus := t.TempDir()
	genCorpus(t, corpus, 150, 31337, "r")
	v1 := meeting("清河县", "贺建明", "乔文华")
	v2 := meeting("清河县", "贺建明", "庞立新")
	var lines []string
	for _, r := range []struct{ id, date, text string }{
		{"dup-a", "2024-03-12", v1}, {"dup-b", "2024-03-13", v1}, {"dup-a", "2024-03-14", v2}, {"dup-b", "2024-03-15", v1},
		// the county's secretary in the city's report: one person (SAME_PERSON, made by kg schema apply after the import)
		{"city", "2024-03-20", "3月20日，邢台市召开全市安全生产工作会议。清河县委书记贺建明在会上发言。"},
	} {
		b, _ := json.Marshal(map[string]string{"id": r.id, "date": r.date, "text": r.text})
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(corpus, "zz-versions.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{corpus, filepath.Join(srv.root, "samples")}

	// 1. kg ingest, in small batches (several concurrent writers).
	code, out, stderr := runKG(t, append(append(srv.args(), "ingest", "--batch-size", "60", "--no-progress"), paths...)...)
	if code != exitOK {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, stderr)
	}
	want, nodes, rels := srv.dump(t)
	if nodes < 500 || rels < 1000 {
		t.Fatalf("ingest built a small graph: %d nodes, %d relationships\n%s", nodes, rels, out)
	}
	same := 0 // SAME_PERSON: derived from the graph, not exported
	for _, l := range want {
		if strings.Contains(l, ":SAME_PERSON") || strings.Contains(l, " SAME_PERSON ") {
			same++
		}
	}
	if same == 0 {
		t.Errorf("the ingested graph has no SAME_PERSON join")
	}

	// 2. kg export.
	dir := filepath.Join(t.TempDir(), "export")
	code, out, stderr = runKG(t, append([]string{"export", "--json", dir}, paths...)...)
	if code != exitOK {
		t.Fatalf("export: exit %d\n%s%s", code, out, stderr)
	}
	var sum struct {
		Reports, Replaced, Ignored, Nodes, Relationships int
		CommandFile                                      string `json:"command_file"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("export --json: %v\n%s", err, out)
	}
	if sum.Replaced != 1 || sum.Ignored != 1 {
		t.Errorf("versions: %d replaced, %d ignored, want 1 and 1", sum.Replaced, sum.Ignored)
	}
	if sum.Relationships != rels-same {
		t.Errorf("export wrote %d relationships, ingest built %d", sum.Relationships, rels)
	}

	// 3. neo4j-admin database import full, with the script kg export wrote,
	// into the stopped server's database neo4j.
	if out, err := srv.script("stop"); err != nil {
		t.Fatalf("stop: %v\n%s", err, out)
	}
	admin := filepath.Join(t.TempDir(), "neo4j-admin")
	wrapper := fmt.Sprintf("#!/bin/sh\nNEO4J_HOME=%q NEO4J_CONF=%q exec java -cp %q org.neo4j.cli.AdminTool \"$@\"\n",
		srv.home, filepath.Join(srv.home, "conf"), filepath.Join(srv.home, "lib")+"/*")
	if err := os.WriteFile(admin, []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	imp := exec.Command("sh", sum.CommandFile, "--overwrite-destination=true")
	imp.Env = append(os.Environ(), "NEO4J_ADMIN="+admin)
	if b, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, tail(string(b), 3000))
	} else {
		t.Logf("import: %s", tail(string(b), 300))
	}
	srv.start(t)
	if code, out, stderr := runKG(t, append(srv.args(), "schema", "apply")...); code != exitOK {
		t.Fatalf("schema apply: exit %d\n%s%s", code, out, stderr)
	}
	if code, out, stderr := runKG(t, append(srv.args(), "schema", "verify")...); code != exitOK {
		t.Fatalf("schema verify after the import: exit %d\n%s%s", code, out, stderr)
	}
	got, gotNodes, gotRels := srv.dump(t)
	if gotNodes != nodes || gotRels != rels {
		t.Errorf("imported graph: %d nodes, %d relationships; ingested: %d, %d", gotNodes, gotRels, nodes, rels)
	}
	if d := diffLines(want, got); d != "" {
		t.Errorf("the imported graph differs from the ingested one:\n%s", tail(d, 4000))
	}
	t.Logf("%d nodes, %d relationships, identical; %s in all", nodes, rels, time.Since(start).Round(time.Second))
}
