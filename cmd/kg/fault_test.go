package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Bad input and faults, end to end through the CLI: every kind of input in
// one batch, Neo4j unreachable, credentials refused, passwords never shown.
// The kill-and-restart test is in restart_test.go.

// server is where a test's Neo4j is.
type server struct{ uri, user, password string }

func sharedServer() server {
	return server{env("NEO4J_URI", defaultURI), env("NEO4J_USERNAME", defaultUser), env("NEO4J_PASSWORD", defaultPassword)}
}

// args are the global flags that point kg at the server.
func (s server) args() []string {
	return []string{"--uri", s.uri, "--username", s.user, "--password", s.password}
}

// cypher runs one statement and returns its records as maps.
func (s server) cypher(t *testing.T, q string, params map[string]any) []map[string]any {
	t.Helper()
	rows, err := s.query(q, params)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// query runs one statement and returns its records as maps.
func (s server) query(q string, params map[string]any) ([]map[string]any, error) {
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(s.uri, neo4j.BasicAuth(s.user, s.password, ""))
	if err != nil {
		return nil, err
	}
	defer drv.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, drv, q, params, neo4j.EagerResultTransformer)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", q, err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out, nil
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

// meeting is a report of the genre about an invented county.
func meeting(county, secretary, deputy string) string {
	return fmt.Sprintf("3月12日上午，%[1]s召开全县安全生产工作会议，总结2023年全县安全生产工作，安排部署2024年重点任务。"+
		"县委书记%[2]s出席会议并讲话，县委副书记、县长%[3]s主持会议。\n\n"+
		"%[2]s指出，要坚决扛起安全生产政治责任，从严从实抓好各项防范措施，确保全县安全生产形势持续稳定。"+
		"%[3]s要求，各乡镇、各部门要迅速传达学习会议精神，抓好工作落实。\n", county, secretary, deputy)
}

func TestIntegrationIngestEveryKindOfInput(t *testing.T) {
	_, l := testGraph(t)
	srv := sharedServer()
	tag := newTag(t)
	dir := t.TempDir()
	id := func(s string) string { return "kgtest-" + tag + "-" + s }
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	county := func(s string) string { return "测" + s + "县" }
	// Good reports, in each encoding kg reads. The county names carry no
	// tag (a tag would break the names), the ids do.
	utf8Text := meeting(county("甲"), "林长风", "周明远")
	gbkText := meeting(county("乙"), "郑国华", "吴建平")
	big5Text := "3月12日上午，測丙縣召開全縣安全生產工作會議，總結2023年全縣安全生產工作，安排部署2024年重點任務。" +
		"縣委書記王德明出席會議並講話，縣委副書記、縣長陳立新主持會議。\n\n" +
		"王德明指出，要堅決扛起安全生產政治責任，從嚴從實抓好各項防範措施，確保全縣安全生產形勢持續穩定。" +
		"陳立新要求，各鄉鎮、各部門要迅速傳達學習會議精神，抓好工作落實。\n"
	utf16Text := meeting(county("丁"), "孙志刚", "赵海燕")
	htmlPage := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>全县会议_测戊县人民政府</title></head>
<body><nav>首页 | 政务公开</nav><div class="content"><h1>测戊县召开全县安全生产工作会议</h1>
<p>` + strings.ReplaceAll(meeting(county("戊"), "钱永康", "冯丽华"), "\n\n", "</p><p>") + `</p></div><footer>版权所有</footer></body></html>`

	write(id("utf8")+".txt", []byte("# date: 2024-03-12\n\n"+utf8Text))
	write(id("gbk")+".txt", encode(t, simplifiedchinese.GBK, gbkText))
	write(id("big5")+".txt", encode(t, traditionalchinese.Big5, big5Text))
	write(id("utf16")+".txt", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), utf16Text))
	write(id("page")+".html", []byte(htmlPage))
	// Bad ones.
	binary := write(id("scan")+".txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 64)...))
	empty := write(id("empty")+".txt", nil)
	oversize := write(id("huge")+".txt", []byte(strings.Repeat(utf8Text, 8))) // ~3.5 KB, over --max-bytes 2K
	jsonl := write(id("feed")+".jsonl", []byte(
		`{"id": "`+id("jl1")+`", "date": "2024-03-13", "title": "会议", "text": "`+strings.ReplaceAll(meeting(county("己"), "何文博", "许晓东"), "\n", `\n`)+`"}`+"\n"+
			`{"id": "`+id("jl2")+`", "text": "3月14日，测庚县召开会议`+"\n"+
			`{"id": "`+id("jl3")+`", "text": "`+strings.ReplaceAll(meeting(county("辛"), "韩振宇", "曹雅琴"), "\n", `\n`)+`"}`+"\n"))

	good := []string{id("utf8"), id("gbk"), id("big5"), id("utf16"), id("page"), id("jl1"), id("jl3")}
	t.Cleanup(func() {
		if _, err := l.Delete(context.Background(), good...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	for _, f := range []string{id("gbk") + ".txt", id("big5") + ".txt", id("utf16") + ".txt"} {
		if st, _ := os.Stat(filepath.Join(dir, f)); st.Size() > 2048 {
			t.Fatalf("%s is %d bytes: the good reports must fit --max-bytes 2K", f, st.Size())
		}
	}

	code, out, stderr := runKG(t, append(srv.args(), "ingest", "--id-from-file-name", "--max-bytes", "2K", "--batch-size", "3", dir)...)
	t.Logf("kg ingest --max-bytes 2K DIR: exit %d\nstdout:\n%sstderr:\n%s", code, out, stderr)
	if code != exitPartial {
		t.Errorf("exit code %d, want %d (some inputs failed)\n%s%s", code, exitPartial, out, stderr)
	}
	// One line per bad input, naming it and saying why; then the total.
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	wantLines := []string{
		"kg: " + jsonl + ":2: malformed JSON: ",
		"kg: " + binary + ": binary file (PNG image)",
		"kg: " + empty + ": empty file",
		"kg: " + oversize + ": too large: ",
		"kg: ingest: 4 of 11 report(s) failed",
	}
	if len(lines) != len(wantLines) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(wantLines), stderr)
	}
	for _, w := range wantLines {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, w) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr should have one line starting %q:\n%s", w, stderr)
		}
	}
	if !strings.Contains(stderr, "over the limit of 2.0 KiB") && !strings.Contains(stderr, "over the limit of 2 KiB") {
		t.Errorf("the oversize file's line should give the limit:\n%s", stderr)
	}
	if strings.ContainsAny(stderr, "\r\033") {
		t.Errorf("progress output on a stderr that is not a terminal: %q", stderr)
	}
	for _, want := range []string{
		"reports: 7 new, 0 unchanged, 0 replaced, 4 failed\n",
		"failed: 1 binary, 1 empty, 1 malformed, 1 too large\n",
		"time: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}

	// Every good report is in the graph, decoded: its text as written.
	texts := map[string]string{}
	for _, r := range srv.cypher(t, `MATCH (r:Report) WHERE r.id IN $ids RETURN r.id AS id, r.text AS text`, map[string]any{"ids": good}) {
		texts[r["id"].(string)] = r["text"].(string)
	}
	for rid, want := range map[string]string{
		id("utf8"): utf8Text, id("gbk"): gbkText, id("big5"): big5Text, id("utf16"): utf16Text,
		id("page"): "县委书记钱永康出席会议并讲话", id("jl1"): "县委书记何文博出席会议并讲话", id("jl3"): "县委书记韩振宇出席会议并讲话",
	} {
		if got, ok := texts[rid]; !ok {
			t.Errorf("report %s is not in the graph", rid)
		} else if !strings.Contains(strings.ReplaceAll(got, "\r\n", "\n"), strings.TrimSpace(want)) {
			t.Errorf("report %s: text %q does not hold %q", rid, got, want)
		}
	}
	// The extraction ran on each: the county secretary of each encoding
	// holds his post.
	holders := map[string]bool{}
	for _, r := range srv.cypher(t, `MATCH (r:Report)-[:MENTIONS]->(p:Person)-[h:HOLDS]->(post:Post)
WHERE r.id IN $ids AND EXISTS { MATCH (r)-[:HAS_EVIDENCE]->(:Evidence {fact: h.fact}) } RETURN p.name + ' ' + post.name AS h`, map[string]any{"ids": good}) {
		holders[r["h"].(string)] = true
	}
	for _, want := range []string{"林长风 测甲县委书记", "郑国华 测乙县委书记", "王德明 测丙县委书记", "孙志刚 测丁县委书记", "钱永康 测戊县委书记", "何文博 测己县委书记", "韩振宇 测辛县委书记"} {
		if !holders[want] {
			t.Errorf("HOLDS %s missing; got %v", want, keys(holders))
		}
	}

	// Again: the good ones are unchanged, the bad ones fail again.
	code, out, _ = runKG(t, append(srv.args(), "ingest", "--id-from-file-name", "--max-bytes", "2K", dir)...)
	if code != exitPartial || !strings.Contains(out, "reports: 0 new, 7 unchanged, 0 replaced, 4 failed") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
	// Without the limit the large file is a report like the others.
	code, out, stderr = runKG(t, append(srv.args(), "ingest", "--id-from-file-name", oversize)...)
	good = append(good, id("huge"))
	if code != exitOK || !strings.Contains(out, "reports: 1 new") {
		t.Errorf("the large file under the default limit: exit %d\n%s%s", code, out, stderr)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestIngestMaxBytesFlag(t *testing.T) {
	for in, want := range map[string]int64{"4096": 4096, "2K": 2048, "2KiB": 2048, "2kb": 2048, "10M": 10 << 20, "10MiB": 10 << 20, "1G": 1 << 30, " 7 B": 7} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "K", "1T", "ten", "1.5M"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
	code, _, stderr := runKG(t, "--uri", closedURI(t), "ingest", "--id-from-file-name", "--max-bytes", "lots", "x.txt")
	if code != exitUsage || !strings.Contains(stderr, "--max-bytes") {
		t.Errorf("bad --max-bytes: exit %d, %q", code, stderr)
	}
}

// noTrace checks that output is one line of kg's and nothing of Go's.
func noTrace(t *testing.T, what, stderr string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "kg: ") {
		t.Errorf("%s: stderr should be one line, got %q", what, stderr)
	}
	for _, bad := range []string{"goroutine ", "panic", ".go:", "runtime."} {
		if strings.Contains(stderr, bad) {
			t.Errorf("%s: stderr shows %q: %q", what, bad, stderr)
		}
	}
}

func TestIngestNeo4jUnreachableExits4(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(meeting("测壬县", "冯志强", "陈晓明")), 0o644)
	uri := closedURI(t)
	start := time.Now()
	code, out, stderr := runKG(t, "--uri", uri, "ingest", "--id-from-file-name", dir)
	if code != exitUnavailable {
		t.Errorf("exit code %d, want %d", code, exitUnavailable)
	}
	noTrace(t, "unreachable", stderr)
	for _, want := range []string{"cannot reach Neo4j at " + uri, "connection refused", "`scripts/neo4j.sh start`", "`docker compose up -d`"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %q", want, stderr)
		}
	}
	if out != "" {
		t.Errorf("stdout: %q", out)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("took %s: an unreachable server at the start is reported at once", d)
	}
}

// secret is a password that nothing else prints by chance.
func secret(t *testing.T) string { return "Kg-S3cr3t-" + newTag(t) + "-pw" }

func TestIngestNeverShowsAPasswordInTheURI(t *testing.T) {
	pw := secret(t)
	uri := strings.Replace(closedURI(t), "neo4j://", "neo4j://neo4j:"+pw+"@", 1)
	for _, args := range [][]string{
		{"--uri", uri, "ingest", "--id-from-file-name", "-v", "x.txt"},
		{"--uri", uri, "--password", pw, "who-holds", "区长"},
		{"--uri", "ftp://neo4j:" + pw + "@localhost", "ingest", "--id-from-file-name", "x.txt"},
	} {
		code, out, stderr := runKG(t, args...)
		if code == exitOK {
			t.Errorf("%v: exit 0", args)
		}
		if strings.Contains(out+stderr, pw) {
			t.Errorf("%v: the password is shown:\n%s%s", args, out, stderr)
		}
	}
}

func TestIntegrationIngestCredentialsRefusedExits5(t *testing.T) {
	testGraph(t)
	srv := sharedServer()
	// A user that does not exist: a wrong password for the real one would
	// lock it out for a while (Neo4j counts failed attempts per user), and
	// other tests use it. A wrong password for a real user is tested on a
	// server of its own in restart_test.go.
	srv.user, srv.password = "kgtest-nobody-"+newTag(t), secret(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(meeting("测癸县", "冯志强", "陈晓明")), 0o644)
	for _, extra := range [][]string{nil, {"-v"}, {"-v", "--json"}} {
		code, out, stderr := runKG(t, append(append(srv.args(), "ingest", "--id-from-file-name", dir), extra...)...)
		t.Logf("%v: exit %d: %s%s", extra, code, out, stderr)
		if code != exitAuth {
			t.Errorf("%v: exit code %d, want %d", extra, code, exitAuth)
		}
		noTrace(t, "credentials refused", stderr)
		if want := "Neo4j refused the credentials for user " + srv.user; !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %q", want, stderr)
		}
		if strings.Contains(out+stderr, srv.password) {
			t.Errorf("the password is shown:\n%s%s", out, stderr)
		}
	}
	// The same through the environment, as analysts set it.
	t.Setenv("NEO4J_USERNAME", srv.user)
	t.Setenv("NEO4J_PASSWORD", srv.password)
	code, out, stderr := runKG(t, "--uri", srv.uri, "ingest", "--id-from-file-name", "-v", dir)
	if code != exitAuth || strings.Contains(out+stderr, srv.password) {
		t.Errorf("credentials from the environment: exit %d\n%s%s", code, out, stderr)
	}
}

func TestIntegrationIngestInterrupted(t *testing.T) {
	_, l := testGraph(t)
	srv := sharedServer()
	tag := newTag(t)
	dir := t.TempDir()
	seed, _ := strconv.ParseInt(tag, 16, 64)
	paths := genCorpus(t, dir, 40, seed, "kgtest-"+tag+"-")
	var ids []string
	for _, p := range paths {
		ids = append(ids, strings.TrimSuffix(filepath.Base(p), ".txt"))
	}
	t.Cleanup(func() {
		if _, err := l.Delete(context.Background(), ids...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	// Ctrl-C after the second batch.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	written := 0
	ingestBatchHook = func(n int) {
		if n >= 10 && written == 0 {
			written = n
			cancel()
		}
	}
	t.Cleanup(func() { ingestBatchHook = nil })
	var out, errb bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &out, &errb
	code := exitCode(app.RunContext(ctx, append([]string{"kg"}, append(srv.args(), "ingest", "--id-from-file-name", "--batch-size", "5", dir)...)), &errb)
	ingestBatchHook = nil
	if code != exitFailure || !strings.Contains(errb.String(), fmt.Sprintf("kg: ingest: interrupted (the %d report(s) of the batches already written are kept)", written)) {
		t.Errorf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	n := srv.cypher(t, `MATCH (r:Report) WHERE r.id IN $ids RETURN count(r) AS n`, map[string]any{"ids": ids})[0]["n"].(int64)
	if n != int64(written) {
		t.Errorf("%d reports in the graph after the interruption, want the %d written", n, written)
	}
	// Running it again completes the ingest.
	code, out2, stderr := runKG(t, append(srv.args(), "ingest", "--id-from-file-name", dir)...)
	if want := fmt.Sprintf("reports: %d new, %d unchanged", len(ids)-written, written); code != exitOK || !strings.Contains(out2, want) {
		t.Errorf("again: exit %d, want %q:\n%s%s", code, want, out2, stderr)
	}
}
