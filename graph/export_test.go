package graph

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/schema"
)

// The end-to-end check — kg ingest and kg export + neo4j-admin import of the
// same reports give identical graphs — is cmd/kg's
// TestIntegrationExportImportEqualsIngest. These are the parts.

func TestSorterSpillsAndMergesInOrder(t *testing.T) {
	s := newSorter(t.TempDir(), "t", 256) // a run every few records
	want := map[string][]int64{}
	n := 0
	for i := 0; i < 3000; i++ {
		key := fmt.Sprintf("k%03d", (i*7919)%211)
		seq := int64(3000 - i)
		if err := s.add([]byte(key), seq, []byte(fmt.Sprintf("p%d", seq))); err != nil {
			t.Fatal(err)
		}
		want[key] = append(want[key], seq)
		n++
	}
	if s.spilled <= maxFanIn {
		t.Fatalf("only %d runs: the test should make more than %d, to merge in passes", s.spilled, maxFanIn)
	}
	var keys []string
	got := 0
	err := s.groups(func(key []byte, recs []*record) error {
		keys = append(keys, string(key))
		w := append([]int64(nil), want[string(key)]...)
		sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
		for i, r := range recs {
			if r.seq != w[i] || string(r.payload) != fmt.Sprintf("p%d", r.seq) {
				t.Fatalf("key %s record %d: seq %d payload %q, want seq %d", key, i, r.seq, r.payload, w[i])
			}
		}
		got += len(recs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != n || len(keys) != len(want) || !sort.StringsAreSorted(keys) {
		t.Errorf("%d records in %d groups (sorted: %v), want %d in %d", got, len(keys), sort.StringsAreSorted(keys), n, len(want))
	}
	if entries, _ := os.ReadDir(s.dir); len(entries) != 0 {
		t.Errorf("%d run files left behind", len(entries))
	}
}

func TestSorterInMemory(t *testing.T) {
	s := newSorter(t.TempDir(), "t", 1<<20)
	for _, k := range []string{"b", "a", "b", "c"} {
		s.add([]byte(k), int64(len(k)), nil)
	}
	var keys []string
	s.groups(func(key []byte, recs []*record) error {
		keys = append(keys, fmt.Sprintf("%s×%d", key, len(recs)))
		return nil
	})
	if want := []string{"a×1", "b×2", "c×1"}; !reflect.DeepEqual(keys, want) || s.spilled != 0 {
		t.Errorf("groups %v (runs %d), want %v", keys, s.spilled, want)
	}
}

// readCSV reads an export file back the way neo4j-admin does: RFC 4180,
// fields may span lines; the array delimiter splits arrays.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = false
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func exportItems(t *testing.T, items ...Item) (string, *ExportSummary) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	e, err := NewExporter(dir, ExportOptions{SortMemory: 512})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		res, err := e.Add(it)
		if err != nil || res.Err != nil {
			t.Fatalf("Add %s: %v %v", res.ID, err, res.Err)
		}
	}
	sum, err := e.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".spill")); !os.IsNotExist(err) {
		t.Errorf("spill directory left behind: %v", err)
	}
	return dir, sum
}

// rowsByID maps the first column of a file's rows (after the header) to the
// row as a map of column → value.
func rowsByID(t *testing.T, path string) map[string]map[string]string {
	rows := readCSV(t, path)
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		id := r[0]
		if strings.HasPrefix(rows[0][0], ":START_ID") {
			id = r[0] + "->" + r[1]
		}
		out[id] = m
	}
	return out
}

func TestExportFoldsVersionsFactsAndEntities(t *testing.T) {
	j := "出口测区"
	a := newReport("x-a", "2022-05-01", j)
	a.holds("甲测", j+"长", appointed("2022-04-30"))
	a.role(doc.RelChaired, "甲测", j+"常务会议", "2022-05-01")
	b := newReport("x-b", "", j) // undated
	b.holds("甲测", j+"长", removed(""))
	b.holds("乙测", j+"委书记")
	// report c twice: the second text replaces the first
	c1 := newReport("x-c", "2022-06-01", j)
	c1.holds("丙测", j+"副区长")
	c2 := newReport("x-c", "2022-06-02", j)
	c2.holds("甲测", j+"长")
	// report b again, the same text: ignored
	dir, sum := exportItems(t, a.item(), b.item(), c1.item(), b.item(), c2.item())

	if sum.Reports != 3 || sum.Replaced != 1 || sum.Ignored != 1 {
		t.Errorf("summary %+v", sum)
	}
	reports := rowsByID(t, filepath.Join(dir, "nodes", "Report.csv"))
	if len(reports) != 3 || reports["x-c"]["date"] != "2022-06-02" || reports["x-b"]["date"] != "" {
		t.Errorf("reports %v", reports)
	}
	persons := rowsByID(t, filepath.Join(dir, "nodes", "Person.csv"))
	if _, ok := persons["丙测|"+j]; ok || len(persons) != 2 {
		t.Errorf("persons %v: 丙 was named only by the replaced version", persons)
	}
	holds := rowsByID(t, filepath.Join(dir, "relationships", "HOLDS.Person-Post.csv"))
	office := "office:" + j + "|政府|区长"
	h := holds["甲测|"+j+"->"+office]
	want := map[string]string{
		":START_ID(Person)": "甲测|" + j, ":END_ID(Post)": office, ":TYPE": "HOLDS",
		"fact":         factKey(schema.Holds, schema.Person, "甲测|"+j, schema.Post, office, ""),
		"reports:long": "3", "evidence:long": "3",
		"first_seen": "2022-05-01", "last_seen": "2022-06-02", "start": "2022-04-30", "end": "",
		"appointed:boolean": "true", "removed:boolean": "true", "acting:boolean": "false", "executive:boolean": "false",
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("HOLDS 甲:\n got %v\nwant %v", h, want)
	}
	if len(holds) != 2 {
		t.Errorf("HOLDS rows %v: 丙's fact was supported by the replaced version only", holds)
	}
	ev := readCSV(t, filepath.Join(dir, "nodes", "Evidence.csv"))
	hasEv := readCSV(t, filepath.Join(dir, "relationships", "HAS_EVIDENCE.Report-Evidence.csv"))
	if len(ev) != len(hasEv) || len(ev)-1 != 5 { // a: 2, b: 2, c2: 1
		t.Errorf("%d evidence nodes, %d HAS_EVIDENCE", len(ev)-1, len(hasEv)-1)
	}
	for _, r := range ev[1:] {
		if strings.HasPrefix(r[0], "x-c|") && strings.Contains(r[3], "丙测") {
			t.Errorf("evidence of the replaced version exported: %v", r)
		}
	}
	// the tenure of an undated removal is kept as an empty string, not left out
	raw, _ := os.ReadFile(filepath.Join(dir, "nodes", "Evidence.csv"))
	if !strings.Contains(string(raw), `,"",`) {
		t.Errorf("no empty-string property in Evidence.csv:\n%s", raw)
	}
}

// Every property that a plan writes has a column, and the CSV round-trips
// quotes, commas, line breaks and empty strings.
func TestExportColumnsCoverThePlans(t *testing.T) {
	x := seed()
	x.Report.Title = `标题 "引号", 逗号` + "\n第二行"
	x.Relations = append(x.Relations, doc.Relation{Type: doc.RelCommended, From: "e1", To: "p2", Honour: "先进个人",
		Evidence: doc.Evidence{Text: "授予曲测富先进个人称号", Start: 17, End: 27}})
	x.Entities = append(x.Entities, doc.Entity{ID: "l2", Type: doc.TypePlace, Name: "测试镇", Level: "镇", Parent: "l1"})
	p := mustPlan(t, x, seedText)
	dir, sum := exportItems(t, Item{Extraction: x, Text: seedText})
	for _, e := range p.entities {
		rows := rowsByID(t, filepath.Join(dir, "nodes", string(e.label)+".csv"))
		row := rows[e.key]
		if row == nil {
			t.Errorf("%s %s not exported", e.label, e.key)
			continue
		}
		for k, v := range e.props {
			if row[k] != v {
				t.Errorf("%s %s.%s = %q, want %q", e.label, e.key, k, row[k], v)
			}
		}
	}
	reports := rowsByID(t, filepath.Join(dir, "nodes", "Report.csv"))
	if got := reports["seed"]["title"]; got != x.Report.Title {
		t.Errorf("title %q, want %q", got, x.Report.Title)
	}
	multiline := map[string]bool{}
	for _, f := range sum.Files {
		multiline[filepath.Base(f.Path)] = f.Multiline
	}
	if !multiline["Report.csv"] || multiline["Person.csv"] {
		t.Errorf("multiline files: %v", multiline)
	}
	if _, err := os.Stat(filepath.Join(dir, "relationships", "COMMENDED.Event-Person.csv")); err != nil {
		t.Error(err)
	}
	for _, ev := range p.evidence {
		if _, err := nodeRow(schema.Evidence, ev.props(p.id)); err != nil {
			t.Error(err)
		}
	}
	if _, err := nodeRow(schema.Report, p.props); err != nil {
		t.Error(err)
	}
	if _, err := nodeRow(schema.Person, map[string]any{"key": "k", "unknown": "x"}); err == nil {
		t.Error("a property without a column must be an error")
	}
}

func TestImportCommand(t *testing.T) {
	files := []ExportFile{
		{Path: "/x/nodes/Report.csv", Kind: "nodes", Multiline: true},
		{Path: "/x/nodes/Person.csv", Kind: "nodes"},
		{Path: "/x/relationships/MENTIONS.Report-Person.csv", Kind: "relationships"},
	}
	args := importArgs(files, "neo4j")
	want := []string{"database", "import", "full", "--array-delimiter=U+001F", "--report-file=/x/import.report",
		"--multiline-fields=true",
		"--nodes=/x/nodes/Report.csv", "--nodes=/x/nodes/Person.csv",
		"--relationships=/x/relationships/MENTIONS.Report-Person.csv", "neo4j"}
	if !reflect.DeepEqual(args, want) {
		t.Errorf("args\n got %q\nwant %q", args, want)
	}
	sum := &ExportSummary{Files: files}
	if got := sum.ImportArgs("kg", "--overwrite-destination=true"); got[len(got)-1] != "kg" || got[len(got)-2] != "--overwrite-destination=true" {
		t.Errorf("ImportArgs: %q", got)
	}
	script := importScript(files, "neo4j")
	if !strings.Contains(script, `"${NEO4J_ADMIN:-neo4j-admin}" database import full \`) || !strings.Contains(script, "\"$@\" \\\n  neo4j\n") {
		t.Errorf("script:\n%s", script)
	}
	if q := shellQuote("/a b/it's.csv"); q != `'/a b/it'\''s.csv'` {
		t.Errorf("quote: %s", q)
	}
}

func TestNewExporterRefusesAFullDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x"), nil, 0o644)
	if _, err := NewExporter(dir, ExportOptions{}); err == nil {
		t.Error("an export into a directory with files must fail")
	}
}
