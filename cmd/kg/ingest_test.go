package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIntegrationSchemaCommands(t *testing.T) {
	testGraph(t)
	for i := 0; i < 2; i++ {
		code, out, stderr := runKG(t, "schema", "apply")
		if code != exitOK || strings.Contains(out, ": applied") {
			t.Errorf("schema apply on an up-to-date database: exit %d, applied something:\n%s%s", code, out, stderr)
		}
	}
	code, out, stderr := runKG(t, "schema", "verify")
	if code != exitOK || !strings.HasPrefix(out, "schema OK") {
		t.Errorf("schema verify: exit %d\n%s%s", code, out, stderr)
	}
}

func TestIntegrationIngest(t *testing.T) {
	_, l := testGraph(t)
	tag := newTag(t)
	dir := t.TempDir()
	ids := []string{"kgtest-" + tag + "-1", "kgtest-" + tag + "-2"}
	t.Cleanup(func() {
		if _, err := l.Delete(context.Background(), ids...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good1 := write(ids[0]+".txt", "# date: 2022-08-18\n# jurisdiction: 测试"+tag+"区\n\n8月16日下午,测试"+tag+"区政府召开全体会议。区长甄"+tag+"出席会议并讲话。\n")
	good2 := write(ids[1]+".txt", "# date: 2022-09-01\n\n测试"+tag+"区召开调研座谈会。\n")
	empty := write("kgtest-"+tag+"-empty.txt", "   \n")

	code, out, stderr := runKG(t, "ingest", "--id-from-file-name", "--batch-size", "1", good1, good2, empty)
	if code != exitPartial {
		t.Errorf("a bad input among good ones: exit %d, want %d\n%s%s", code, exitPartial, out, stderr)
	}
	if !strings.Contains(out, "reports: 2 new, 0 unchanged, 0 replaced, 1 failed") {
		t.Errorf("summary:\n%s", out)
	}
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 2 || !strings.Contains(lines[0], empty) {
		t.Errorf("stderr should name the bad input on one line, then the total:\n%s", stderr)
	}

	// Again: nothing to do, and the flags may follow the paths.
	code, out, stderr = runKG(t, "ingest", "--id-from-file-name", good1, good2, "--json")
	if code != exitOK {
		t.Fatalf("second ingest: exit %d\n%s%s", code, out, stderr)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("--json summary: %v\n%s", err, out)
	}
	if sum.Unchanged != 2 || sum.New != 0 || sum.NodesCreated != 0 || sum.RelationshipsCreated != 0 || sum.PropertiesSet != 0 {
		t.Errorf("re-ingest should change nothing: %+v", sum)
	}

	// A changed file replaces its report.
	write(ids[1]+".txt", "# date: 2022-09-02\n\n测试"+tag+"区召开调研座谈会(更正)。\n")
	code, out, _ = runKG(t, "ingest", "--id-from-file-name", "-v", dir)
	if !strings.Contains(out, "reports: 0 new, 1 unchanged, 1 replaced, 1 failed") || !strings.Contains(out, ids[1]+": replaced") {
		t.Errorf("changed file: exit %d\n%s", code, out)
	}
}
