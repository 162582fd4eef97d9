package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The server is killed (SIGKILL) and restarted in the middle of an ingest
// (killAndRestart): kg waits for it, retries the batch that was in flight, and the graph it
// leaves is identical — every node with its labels and properties, every
// relationship with its type, endpoints and properties — to that of an
// uninterrupted ingest of the same reports into a wiped database.
//
// The test runs a Neo4j of its own (scripts/neo4j.sh with another
// KG_NEO4J_HOME, under a temporary directory, on free ports, with the jars
// of the shared server's home), never the shared server that other tests
// use.

// privateNeo4j is a Neo4j server of the test's own.
type privateNeo4j struct {
	server
	root, home string
	bolt, http int
}

// repoRoot is the root of the repository (the tests run in cmd/kg).
func repoRoot(t *testing.T) string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "scripts", "neo4j.sh")); err != nil {
		t.Fatalf("scripts/neo4j.sh not found from %s: %v", root, err)
	}
	return root
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startPrivateNeo4j starts a server in a temporary home, with the password
// given, and kills it at the end of the test.
func startPrivateNeo4j(t *testing.T, password string) *privateNeo4j {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: starts a Neo4j server of its own (skipped under -short)")
	}
	root := repoRoot(t)
	p := &privateNeo4j{root: root, home: filepath.Join(t.TempDir(), "neo4j"), bolt: freePort(t), http: freePort(t)}
	for p.http == p.bolt {
		p.http = freePort(t)
	}
	p.server = server{uri: fmt.Sprintf("neo4j://localhost:%d", p.bolt), user: "neo4j", password: password}
	if err := os.MkdirAll(p.home, 0o755); err != nil {
		t.Fatal(err)
	}
	// The jars (137 MB) of the shared home, when it has them; else
	// neo4j.sh fetches them.
	shared := env("KG_NEO4J_HOME", filepath.Join(root, ".neo4j"))
	if _, err := os.Stat(filepath.Join(shared, "lib", ".fetched")); err == nil {
		if err := os.Symlink(filepath.Join(shared, "lib"), filepath.Join(p.home, "lib")); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		p.kill(t)
		if t.Failed() {
			if log, err := os.ReadFile(filepath.Join(p.home, "logs", "neo4j.log")); err == nil {
				t.Logf("private server's neo4j.log (end):\n%s", tail(string(log), 3000))
			}
		}
	})
	p.start(t)
	return p
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// script runs scripts/neo4j.sh with the private server's environment.
func (p *privateNeo4j) script(args ...string) (string, error) {
	cmd := exec.Command(filepath.Join(p.root, "scripts", "neo4j.sh"), args...)
	cmd.Env = append(os.Environ(),
		"KG_NEO4J_HOME="+p.home,
		"NEO4J_BOLT_PORT="+strconv.Itoa(p.bolt),
		"NEO4J_HTTP_PORT="+strconv.Itoa(p.http),
		"NEO4J_PASSWORD="+p.password,
		"NEO4J_HEAP=512m",
		"NEO4J_PAGECACHE=128m",
	)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (p *privateNeo4j) start(t *testing.T) {
	t.Helper()
	if out, err := p.script("start"); err != nil {
		t.Fatalf("scripts/neo4j.sh start (private server): %v\n%s", err, out)
	}
	if p.pid() == 0 {
		t.Fatalf("the private server on port %d was not started by this test (port taken?)", p.bolt)
	}
}

// pid is the private server's process id, 0 if it is not running.
func (p *privateNeo4j) pid() int {
	b, err := os.ReadFile(filepath.Join(p.home, "run", "neo4j.pid"))
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || !alive(pid) {
		return 0
	}
	return pid
}

// alive reports whether process pid runs (a zombie does not).
func alive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	// "pid (comm) S …": the state follows the last ')'.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z' && s[i+2] != 'X'
}

// kill sends SIGKILL to the server (no shutdown, no checkpoint: a crash)
// and waits until it is gone: the process (whose main thread turns zombie
// before the others have exited) and its ports.
func (p *privateNeo4j) kill(t *testing.T) {
	pid := p.pid()
	if pid == 0 {
		return
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Errorf("kill %d: %v", pid, err)
		return
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if !alive(pid) && !listening(p.bolt) && !listening(p.http) {
			return
		}
	}
	t.Errorf("the killed server (pid %d) is still there after 30 s", pid)
}

// listening reports whether something accepts connections on the port.
func listening(port int) bool {
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// dump is the whole graph in canonical form, one line per node (labels and
// properties) and per relationship (type, endpoints by label and key,
// properties), sorted. Internal ids are left out, and so is the time at
// which a schema migration was recorded (__KgMigration.applied_at).
func (p *privateNeo4j) dump(t *testing.T) (lines []string, nodes, rels int) {
	t.Helper()
	ident := func(labels any, key any) string {
		var ls []string
		for _, l := range labels.([]any) {
			ls = append(ls, l.(string))
		}
		sort.Strings(ls)
		return strings.Join(ls, ":") + fmt.Sprintf("{%v}", key)
	}
	props := func(v any) string {
		m := v.(map[string]any)
		delete(m, "applied_at")
		b, err := json.Marshal(m) // map keys sorted
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	seen := map[string]bool{}
	for _, r := range p.cypher(t, `MATCH (n) RETURN labels(n) AS labels, coalesce(n.key, n.id, toString(n.version)) AS key, properties(n) AS props`, nil) {
		id := ident(r["labels"], r["key"])
		if seen[id] {
			t.Errorf("node %s twice", id)
		}
		seen[id] = true
		lines = append(lines, "node "+id+" "+props(r["props"]))
		nodes++
	}
	facts := map[string]bool{}
	for _, r := range p.cypher(t, `MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS la, coalesce(a.key, a.id, toString(a.version)) AS ka,
       labels(b) AS lb, coalesce(b.key, b.id, toString(b.version)) AS kb, r.fact AS fact, properties(r) AS props`, nil) {
		edge := fmt.Sprintf("rel %s %s -> %s", r["type"], ident(r["la"], r["ka"]), ident(r["lb"], r["kb"]))
		if f, ok := r["fact"].(string); ok {
			if facts[edge+" "+f] {
				t.Errorf("fact twice: %s %s", edge, f)
			}
			facts[edge+" "+f] = true
		}
		lines = append(lines, edge+" "+props(r["props"]))
		rels++
	}
	sort.Strings(lines)
	return lines, nodes, rels
}

// wipe deletes every node and relationship (the schema stays).
func (p *privateNeo4j) wipe(t *testing.T) {
	t.Helper()
	p.cypher(t, `MATCH (n) DETACH DELETE n`, nil)
	if n := p.cypher(t, `MATCH (n) RETURN count(n) AS n`, nil)[0]["n"].(int64); n != 0 {
		t.Fatalf("%d nodes left after the wipe", n)
	}
}

// Invented material for the corpus: none of these people exist.
var (
	corpusSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦方邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛郝龚邵万严武戴孔汤")
	corpusGiven    = []rune("建志海丽明晓文振雅永国德立长春秋玉红伟军平华峰辉强涛磊静敏卫东新宏光学庆安兴仁和胜利祥")
	corpusPlace1   = []rune("清宁安永丰泉云青白石松桐柳桂兰")
	corpusPlace2   = []rune("河川溪岭源阳平和乐远峰湖山江田")
	corpusTowns    = []string{"城关", "新桥", "石门", "柳林", "白沙", "龙泉", "凤岗", "青松"}
	corpusMeetings = []string{"全县经济工作会议", "全县安全生产工作会议", "全县乡村振兴推进会", "全县优化营商环境大会", "全县生态环境保护工作会议", "全县重点项目建设推进会"}
	corpusTopics   = []string{"春耕生产", "防汛备汛", "重点项目建设", "乡村振兴", "基层党建", "文旅融合发展"}
)

// county is the leadership of an invented county.
type county struct {
	name                       string
	sec, gov, exec, npc, cppcc string
	vices                      []string
}

// genCorpus writes n reports of the genre about invented counties and
// officials into dir, as prefix0000.txt…, the same for the same seed, and
// returns their paths.
// The reports of a county share their people, so that reports loaded in
// different batches meet on the same nodes and facts; some appoint and
// remove deputies, so that tenures are recomputed across batches.
func genCorpus(t *testing.T, dir string, n int, seed int64, prefix string) []string {
	t.Helper()
	rnd := rand.New(rand.NewSource(seed))
	used := map[string]bool{}
	person := func() string {
		for {
			name := string(corpusSurnames[rnd.Intn(len(corpusSurnames))]) + string(corpusGiven[rnd.Intn(len(corpusGiven))]) + string(corpusGiven[rnd.Intn(len(corpusGiven))])
			if !used[name] {
				used[name] = true
				return name
			}
		}
	}
	var counties []*county
	for len(counties) < 8 {
		name := string(corpusPlace1[rnd.Intn(len(corpusPlace1))]) + string(corpusPlace2[rnd.Intn(len(corpusPlace2))]) + "县"
		if used[name] {
			continue
		}
		used[name] = true
		counties = append(counties, &county{name: name, sec: person(), gov: person(), exec: person(), npc: person(), cppcc: person(),
			vices: []string{person(), person()}})
	}
	day := time.Date(2023, 1, 3, 0, 0, 0, 0, time.UTC)
	var paths []string
	for i := 0; i < n; i++ {
		c := counties[rnd.Intn(len(counties))]
		day = day.AddDate(0, 0, rnd.Intn(2))
		md := fmt.Sprintf("%d月%d日", day.Month(), day.Day())
		vice := c.vices[rnd.Intn(len(c.vices))]
		town := corpusTowns[rnd.Intn(len(corpusTowns))] + "镇"
		var b strings.Builder
		fmt.Fprintf(&b, "# date: %s\n\n", day.Format("2006-01-02"))
		switch i % 5 {
		case 0, 1:
			m := corpusMeetings[rnd.Intn(len(corpusMeetings))]
			fmt.Fprintf(&b, "%s上午，%s召开%s。县委书记%s出席会议并讲话，县委副书记、县长%s主持会议。县委常委、常务副县长%s，副县长%s出席会议。\n\n",
				md, c.name, m, c.sec, c.gov, c.exec, vice)
			fmt.Fprintf(&b, "%s指出，要坚持稳中求进工作总基调，抓好%s各项任务落实。%s要求，各乡镇、各部门要迅速传达学习会议精神。\n", c.sec, corpusTopics[rnd.Intn(len(corpusTopics))], c.gov)
		case 2:
			fmt.Fprintf(&b, "%s，%s委书记%s深入%s调研%s工作。副县长%s陪同调研。\n\n%s在调研中强调，要压实责任，确保各项工作取得实效。\n",
				md, c.name, c.sec, town, corpusTopics[rnd.Intn(len(corpusTopics))], vice, c.sec)
		case 3:
			fmt.Fprintf(&b, "%s，%s委书记%s主持召开%s委常委会会议，传达学习上级会议精神，研究部署%s等工作。县委副书记、县长%s，县人大常委会主任%s，县政协主席%s出席会议。\n",
				md, c.name, c.sec, c.name, corpusTopics[rnd.Intn(len(corpusTopics))], c.gov, c.npc, c.cppcc)
		case 4:
			// A deputy is replaced: appointment and removal, with dates.
			k := rnd.Intn(len(c.vices))
			old, nu := c.vices[k], person()
			c.vices[k] = nu
			fmt.Fprintf(&b, "%s，%s第十八届人民代表大会常务委员会第%d次会议召开。县人大常委会主任%s主持会议。会议决定任命%s为%s人民政府副县长，免去%s的%s人民政府副县长职务。\n",
				md, c.name, 10+i/5, c.npc, nu, c.name, old, c.name)
		}
		p := filepath.Join(dir, fmt.Sprintf("%s%04d.txt", prefix, i))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestGenCorpusIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	pa, pb := genCorpus(t, a, 40, 7, "r"), genCorpus(t, b, 40, 7, "r")
	for i := range pa {
		x, _ := os.ReadFile(pa[i])
		y, _ := os.ReadFile(pb[i])
		if !bytes.Equal(x, y) || !strings.Contains(string(x), "县") {
			t.Fatalf("report %d differs between two runs with the same seed:\n%s\n%s", i, x, y)
		}
	}
}

// TestIntegrationPrivateServerFaults runs what cannot be done to the
// shared server on one of its own, with a distinctive password: kill it
// mid-ingest, and fail its credentials.
func TestIntegrationPrivateServerFaults(t *testing.T) {
	start := time.Now()
	srv := startPrivateNeo4j(t, secret(t))
	t.Logf("private server up on %s after %s", srv.uri, time.Since(start).Round(100*time.Millisecond))
	const reports = 300
	corpus := t.TempDir()
	genCorpus(t, corpus, reports, 20240315, "r")
	var outputs []string // everything kg printed, to look for the password

	t.Run("kill and restart mid-ingest", func(t *testing.T) {
		killAndRestart(t, srv, corpus, reports, &outputs)
		t.Logf("kill-and-restart test (with the server's first start): %s", time.Since(start).Round(time.Second))
	})
	t.Run("password never shown", func(t *testing.T) {
		passwordNeverShown(t, srv, corpus, outputs)
	})
	t.Run("wrong password exits 5", func(t *testing.T) {
		wrongPasswordExits5(t, srv, corpus)
	})
}

func killAndRestart(t *testing.T, srv *privateNeo4j, corpus string, reports int, outputs *[]string) {
	const batch = 10

	// 1. An ingest during which the server is killed, twice: once right
	// after a batch was committed (the next one finds the connections
	// dead), once a few milliseconds later (a transaction in flight, or
	// its COMMIT). Each time it is restarted at once with neo4j.sh start.
	type kill struct {
		after   int           // reports written
		delay   time.Duration // after that batch
		written int           // reports written when it was killed
		inGraph int64         // reports in the graph after the restart
	}
	kills := []*kill{{after: 60, delay: 0}, {after: 180, delay: 15 * time.Millisecond}}
	restarted := make(chan error, len(kills))
	next := 0
	ingestBatchHook = func(written int) {
		if next >= len(kills) || written < kills[next].after {
			return
		}
		k := kills[next]
		next++
		k.written = written
		killed := make(chan struct{})
		go func() {
			time.Sleep(k.delay)
			srv.kill(t)
			t.Logf("%s: killed the server", time.Now().Format("15:04:05.000"))
			close(killed)
			out, err := srv.script("start")
			t.Logf("%s: restarted the server:\n%s", time.Now().Format("15:04:05.000"), out)
			if err != nil {
				restarted <- fmt.Errorf("restart: %v\n%s", err, out)
				return
			}
			rows, err := srv.query(`MATCH (r:Report) RETURN count(r) AS n`, nil)
			if err == nil {
				k.inGraph = rows[0]["n"].(int64)
			}
			restarted <- err
		}()
		if k.delay == 0 {
			<-killed // the server is dead before the next batch
		}
	}
	t.Cleanup(func() { ingestBatchHook = nil })
	t0 := time.Now()
	code, out, stderr := runKG(t, append(srv.args(), "ingest", "--id-from-file-name", "--batch-size", strconv.Itoa(batch), "--retry-for", "2m", "--json", corpus)...)
	ingestBatchHook = nil
	interrupted := time.Since(t0)
	*outputs = append(*outputs, out, stderr)
	for range kills[:next] {
		if err := <-restarted; err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("interrupted ingest: exit %d in %s\nstdout: %sstderr:\n%s", code, interrupted.Round(100*time.Millisecond), out, stderr)
	if next != len(kills) {
		t.Fatalf("the server was killed %d times, want %d (the ingest ended first)", next, len(kills))
	}
	for _, k := range kills {
		t.Logf("killed %s after a batch, with %d reports written; %d in the graph after the restart", k.delay, k.written, k.inGraph)
	}
	if code != exitOK {
		t.Fatalf("exit code %d, want 0: kg should wait for the server and finish", code)
	}
	for _, want := range []string{"kg: Neo4j unavailable, retrying for up to 2m0s", "kg: Neo4j is back after"} {
		if n := strings.Count(stderr, want); n != len(kills) {
			t.Errorf("stderr has %q %d times, want %d:\n%s", want, n, len(kills), stderr)
		}
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary: %v\n%s", err, out)
	}
	// A batch whose COMMIT went through just before the kill is found
	// unchanged when it is run again; every report is in, none failed.
	if sum.New+sum.Unchanged != reports || sum.Failed != 0 || sum.Replaced != 0 || sum.Unchanged > batch*len(kills) {
		t.Errorf("summary %+v: want %d reports new (or unchanged: at most the batches in flight), none failed", sum, reports)
	}
	got, nodes, rels := srv.dump(t)

	// 2. The same corpus into the wiped database, without interruption.
	srv.wipe(t)
	code, out, stderr = runKG(t, append(srv.args(), "ingest", "--id-from-file-name", "--batch-size", strconv.Itoa(batch), "--json", corpus)...)
	*outputs = append(*outputs, out, stderr)
	if code != exitOK {
		t.Fatalf("uninterrupted ingest: exit %d\n%s%s", code, out, stderr)
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.New != reports {
		t.Errorf("uninterrupted ingest: %+v", sum)
	}
	want, wantNodes, wantRels := srv.dump(t)
	t.Logf("graph: %d nodes, %d relationships (uninterrupted: %d, %d)", nodes, rels, wantNodes, wantRels)
	if wantNodes < reports*5 || wantRels < reports*5 {
		t.Errorf("the corpus made a small graph (%d nodes, %d relationships): is the extraction working?", wantNodes, wantRels)
	}
	if nodes != wantNodes || rels != wantRels {
		t.Errorf("interrupted ingest: %d nodes, %d relationships; uninterrupted: %d, %d", nodes, rels, wantNodes, wantRels)
	}
	if d := diffLines(got, want); d != "" {
		t.Errorf("the graph after the kills differs from the uninterrupted one (- interrupted only, + uninterrupted only):\n%s", tail(d, 4000))
	}
}

// passwordNeverShown runs kg's commands verbosely with the right password
// and looks for it in everything they print (and in what the ingests above
// printed).
func passwordNeverShown(t *testing.T, srv *privateNeo4j, corpus string, outputs []string) {
	dir := t.TempDir()
	for i, name := range []string{"r0000.txt", "r0001.txt", "r0003.txt"} {
		b, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			b = append(b, "\n有改动。"...) // a replaced report
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 3, 0, 0, 0}, 0o644)
	runs := [][]string{
		append(srv.args(), "ingest", "--id-from-file-name", "-v", dir),
		append(srv.args(), "ingest", "--id-from-file-name", "-v", "--json", "--force", dir),
		append(srv.args(), "schema", "verify"),
		append(srv.args(), "who-holds", "县长"),
	}
	for _, args := range runs {
		code, out, stderr := runKG(t, args...)
		if code != exitOK && code != exitPartial {
			t.Errorf("%v: exit %d\n%s%s", args[6:], code, out, stderr)
		}
		outputs = append(outputs, out, stderr)
	}
	// With the password in the environment rather than a flag.
	t.Setenv("NEO4J_PASSWORD", srv.password)
	code, out, stderr := runKG(t, "--uri", srv.uri, "ingest", "--id-from-file-name", "-v", dir)
	if code != exitPartial || !strings.Contains(out, "r0000: unchanged") {
		t.Errorf("verbose ingest, password from the environment: exit %d\n%s%s", code, out, stderr)
	}
	outputs = append(outputs, out, stderr)
	for _, o := range outputs {
		if strings.Contains(o, srv.password) {
			t.Fatalf("the password is shown:\n%s", o)
		}
	}
	t.Logf("%d outputs checked, e.g.:\n%s%s", len(outputs), out, stderr)
}

// wrongPasswordExits5 tries the real user with wrong passwords (here, on
// a server of the test's own, locking the user out harms no one).
func wrongPasswordExits5(t *testing.T, srv *privateNeo4j, corpus string) {
	for i := 0; i < 4; i++ { // Neo4j locks the user out after 3 failures: the message changes, not the exit code
		wrong := srv.server
		wrong.password = secret(t)
		code, out, stderr := runKG(t, append(wrong.args(), "ingest", "--id-from-file-name", "-v", corpus)...)
		t.Logf("attempt %d: exit %d: %s%s", i+1, code, out, stderr)
		if code != exitAuth {
			t.Errorf("exit code %d, want %d", code, exitAuth)
		}
		noTrace(t, "wrong password", stderr)
		if !strings.Contains(stderr, "Neo4j refused the credentials for user neo4j") {
			t.Errorf("stderr: %q", stderr)
		}
		if strings.Contains(out+stderr, wrong.password) || strings.Contains(out+stderr, srv.password) {
			t.Errorf("a password is shown:\n%s%s", out, stderr)
		}
	}
}

// diffLines lists the lines of a that b lacks and those of b that a lacks
// (as multisets).
func diffLines(a, b []string) string {
	count := func(xs []string) map[string]int {
		m := map[string]int{}
		for _, x := range xs {
			m[x]++
		}
		return m
	}
	ma, mb := count(a), count(b)
	var out []string
	for x, n := range ma {
		for i := mb[x]; i < n; i++ {
			out = append(out, "- "+x)
		}
	}
	for x, n := range mb {
		for i := ma[x]; i < n; i++ {
			out = append(out, "+ "+x)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
