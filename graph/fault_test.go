package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Faults between kg and the server: what is retried, what is not, and that
// a load interrupted by a server that goes away and comes back ends as if
// nothing had happened. The server is made to "go away" by a TCP proxy that
// drops every connection and refuses new ones; the real thing (SIGKILL of
// the server mid-ingest) is tested in cmd/kg/fault_test.go.

func TestRetryable(t *testing.T) {
	transient := &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable", Msg: "starting"}
	deadlock := &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "deadlock"}
	syntax := &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "bad"}
	unauthorized := &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized", Msg: "no"}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"connection refused", &neo4j.ConnectivityError{Inner: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}, true},
		{"connection lost", &neo4j.ConnectivityError{Inner: io.EOF}, true},
		{"connection lost during commit", &neo4j.ConnectivityError{Inner: errors.New("Connection lost during commit: EOF")}, true},
		{"wrapped connectivity error", fmt.Errorf("writing reports: %w", &neo4j.ConnectivityError{Inner: io.EOF}), true},
		{"database starting", transient, true},
		{"deadlock", deadlock, true},
		{"driver gave up on connectivity", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{&neo4j.ConnectivityError{Inner: io.EOF}}}, true},
		{"driver gave up on a lost commit", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{errors.New("Connection lost during commit: EOF")}}, true},
		{"driver gave up on a transient error", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{transient}}, true},
		{"bare reset", fmt.Errorf("x: %w", syscall.ECONNRESET), true},
		{"driver gave up on a read timeout", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{
			errors.New("Timeout while reading from connection [server-side timeout hint: 2m0s, user-provided context deadline: N/A]: context deadline exceeded")}}, true},
		{"driver gave up on a reset", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{errors.New("read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer")}}, true},
		{"read timeout", &neo4j.ConnectivityError{Inner: errors.New("Timeout while reading from connection")}, true},
		{"silent server", &silentError{context.Canceled}, true},
		{"syntax error", syntax, false},
		{"credentials refused", unauthorized, false},
		{"invalid authentication", &neo4j.InvalidAuthenticationError{}, false},
		{"usage error", &neo4j.UsageError{Message: "pool closed"}, false},
		{"driver gave up on a syntax error", &neo4j.TransactionExecutionLimit{Cause: "x", Errors: []error{syntax}}, false},
		{"canceled", context.Canceled, false},
		{"deadline", fmt.Errorf("x: %w", context.DeadlineExceeded), false},
		{"plain error", errors.New("boom"), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := retryable(tt.err); got != tt.want {
				t.Errorf("retryable(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func TestDisplayURIHidesPasswords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"neo4j://localhost:7687", "neo4j://localhost:7687"},
		{"neo4j://neo4j:s3cret@db.example:7687", "neo4j://neo4j:xxxxx@db.example:7687"},
		{"bolt://neo4j@db.example:7687", "bolt://neo4j@db.example:7687"},
		{"neo4j+s://u:p%40ss@h", "neo4j+s://u:xxxxx@h"},
		{"neo4j://u:%zz-s3cret@h:1", "neo4j://xxxxx@h:1"}, // unparsable: cut at the @
	}
	for _, tt := range tests {
		if got := displayURI(tt.in); got != tt.want {
			t.Errorf("displayURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBadURIDoesNotShowThePassword(t *testing.T) {
	_, err := Open(context.Background(), Config{URI: "http://neo4j:Pw-4aa7c1-zz@localhost:7474", Username: "neo4j", Password: "Pw-4aa7c1-zz"})
	if err == nil {
		t.Fatal("an http:// URI was accepted")
	}
	if strings.Contains(err.Error(), "Pw-4aa7c1-zz") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q", err)
	}
}

// proxy forwards TCP connections to a server until down() drops them all
// and refuses new ones; up() accepts again on the same address.
type proxy struct {
	t      *testing.T
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
	holed  bool
}

func startProxy(t *testing.T, target string) *proxy {
	p := &proxy{t: t, target: target, conns: map[net.Conn]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.unhole)
	t.Cleanup(p.down)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			if p.ln != ln { // went down meanwhile
				p.mu.Unlock()
				c.Close()
				s.Close()
				return
			}
			p.conns[c], p.conns[s] = true, true
			p.mu.Unlock()
			go func() { p.pump(s, c); s.Close(); c.Close() }()
			go func() { p.pump(c, s); s.Close(); c.Close() }()
		}
	}()
}

// pump copies from src to dst, holding what it read while the proxy is a
// black hole (until it is not, or 2 minutes have passed: bounded).
func (p *proxy) pump(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		for i := 0; i < 1200 && p.isHoled(); i++ {
			time.Sleep(100 * time.Millisecond)
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// hole makes the proxy a black hole: connections stay open and new ones
// are accepted, but nothing goes through (as on a cut network or a route
// that drops packets: no reset, only silence); unhole resumes forwarding
// (what was held is delivered).
func (p *proxy) hole()   { p.mu.Lock(); p.holed = true; p.mu.Unlock() }
func (p *proxy) unhole() { p.mu.Lock(); p.holed = false; p.mu.Unlock() }

func (p *proxy) isHoled() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.holed
}

// down drops every connection (as a killed server does: the peer sees a
// reset) and stops listening (new connections are refused).
func (p *proxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetLinger(0) // RST, not FIN
		}
		c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

func (p *proxy) up() {
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the port may take a moment to be free again
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		p.t.Errorf("proxy up: %v", err)
		return
	}
	p.serve(ln)
}

// notes collects Notify messages.
type notes struct {
	mu   sync.Mutex
	msgs []string
}

func (n *notes) add(s string) {
	n.mu.Lock()
	n.msgs = append(n.msgs, s)
	n.mu.Unlock()
}

func (n *notes) all() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return strings.Join(n.msgs, "\n")
}

// proxiedClient opens a client that talks to the test server through a
// proxy (bolt://, so that no routing table sends the driver around it).
func proxiedClient(t *testing.T, retryFor time.Duration) (*Client, *proxy, *notes) {
	t.Helper()
	testClient(t) // skips under -short, applies the schema
	cfg := testConfig()
	host := strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "neo4j://"), "bolt://")
	p := startProxy(t, host)
	n := &notes{}
	cfg.URI, cfg.RetryFor, cfg.Notify = "bolt://"+p.addr, retryFor, n.add
	c, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c, p, n
}

// faultReports makes n reports of one invented county, sharing people and
// posts, so that later ones touch what earlier ones wrote.
func faultReports(tag string, n int) []Item {
	county := "断连" + tag + "县"
	var items []Item
	for i := 0; i < n; i++ {
		b := newReport(fmt.Sprintf("kgfault-%s-%d", tag, i), fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+i%28), county)
		b.holds("甲"+tag, county+"委书记")
		b.holds(fmt.Sprintf("乙%s%d", tag, i%3), county+"长")
		b.role(doc.RelChaired, "甲"+tag, fmt.Sprintf("%s第%d次常务会议", county, i), b.x.Report.Date)
		items = append(items, b.item())
	}
	return items
}

func ids(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Extraction.Report.ID)
	}
	return out
}

func TestIntegrationLoadWaitsForTheServerToComeBack(t *testing.T) {
	c, p, n := proxiedClient(t, time.Minute)
	l := NewLoader(c, Options{})
	direct := testClient(t)
	tag := newTag(t)
	items := faultReports(tag, 12)
	t.Cleanup(func() {
		if _, err := NewLoader(direct, Options{}).Delete(context.Background(), ids(items)...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	ctx := context.Background()
	if _, err := l.LoadBatch(ctx, items[:4]); err != nil {
		t.Fatal(err)
	}
	// The server goes away (every connection of the pool dies), and comes
	// back 3 s later, while the next batch is being written.
	p.down()
	go func() { time.Sleep(3 * time.Second); p.up() }()
	start := time.Now()
	st, err := l.LoadBatch(ctx, items[4:])
	if err != nil {
		t.Fatalf("LoadBatch across the outage: %v\nnotes:\n%s", err, n.all())
	}
	if d := time.Since(start); d < 2*time.Second || d > 30*time.Second {
		t.Errorf("the load took %s: it should have waited for the server (3 s) and no more than a few seconds longer", d)
	}
	if got := st.Count(StatusNew); got != 8 {
		t.Errorf("%d new reports after the outage, want 8: %+v", got, st.Reports)
	}
	msgs := n.all()
	if !strings.Contains(msgs, "Neo4j unavailable, retrying for up to 1m0s") || !strings.Contains(msgs, "Neo4j is back after") {
		t.Errorf("notes:\n%s", msgs)
	}
	// The graph is the one an uninterrupted load makes: wipe the reports
	// and load them again, in the same batches, directly.
	got := snapshot(t, direct, ids(items)...)
	dl := NewLoader(direct, Options{})
	if _, err := dl.Delete(ctx, ids(items)...); err != nil {
		t.Fatal(err)
	}
	if left := countTagged(t, direct, tag); len(left) != 0 {
		t.Fatalf("left after Delete: %v", left)
	}
	for _, batch := range [][]Item{items[:4], items[4:]} {
		if _, err := dl.LoadBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	want := snapshot(t, direct, ids(items)...)
	if len(got) < 12*4 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the graph after the outage differs from an uninterrupted load:\n got %d lines\nwant %d lines\n%s", len(got), len(want), diffLines(got, want))
	}
}

// diffLines lists the lines of a that b lacks and those of b that a lacks.
func diffLines(a, b []string) string {
	in := func(xs []string) map[string]int {
		m := map[string]int{}
		for _, x := range xs {
			m[x]++
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, x := range a {
		if mb[x] == 0 {
			out = append(out, "- "+x)
		}
	}
	for _, x := range b {
		if ma[x] == 0 {
			out = append(out, "+ "+x)
		}
	}
	return strings.Join(out, "\n")
}

func TestIntegrationLoadGivesUpAfterRetryFor(t *testing.T) {
	c, p, n := proxiedClient(t, 2*time.Second)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	p.down()
	start := time.Now()
	_, err := l.LoadBatch(context.Background(), faultReports(tag, 2))
	d := time.Since(start)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if !strings.Contains(err.Error(), "unavailable for") || !strings.Contains(err.Error(), "gave up waiting") ||
		!strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "\n") {
		t.Errorf("error should be one clear line: %q", err)
	}
	if d < 2*time.Second || d > 10*time.Second {
		t.Errorf("gave up after %s, want about 2 s (+ a last attempt)", d)
	}
	if !strings.Contains(n.all(), "Neo4j unavailable, retrying") || strings.Contains(n.all(), "back") {
		t.Errorf("notes:\n%s", n.all())
	}
}

func TestIntegrationNoWaitingWithNegativeRetryFor(t *testing.T) {
	c, p, n := proxiedClient(t, -1)
	p.down()
	start := time.Now()
	_, err := c.read(context.Background(), func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := collect(context.Background(), tx, "RETURN 1", nil, nil)
		return nil, err
	})
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "scripts/neo4j.sh start") {
		t.Errorf("err = %v, want ErrUnavailable saying how to start the server", err)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("took %s", d)
	}
	if n.all() != "" {
		t.Errorf("notes without waiting: %q", n.all())
	}
}

// A server that falls silent at BEGIN (the network cut: the connection
// stays open, nothing comes back) is noticed within seconds, waited for,
// said at once, and the load ends when it answers again, with the graph of
// an uninterrupted load.
func TestIntegrationSilentServerAtBeginIsWaitedFor(t *testing.T) {
	c, p, n := proxiedClient(t, time.Minute)
	l := NewLoader(c, Options{})
	direct := testClient(t)
	tag := newTag(t)
	items := faultReports(tag, 12)
	ctx := context.Background()
	t.Cleanup(func() { NewLoader(direct, Options{}).Delete(ctx, ids(items)...) })
	if _, err := l.LoadBatch(ctx, items[:4]); err != nil {
		t.Fatal(err)
	}
	const silence = 8 * time.Second
	p.hole()
	resumed := make(chan struct{})
	go func() { time.Sleep(silence); p.unhole(); close(resumed) }()
	start := time.Now()
	st, err := l.LoadBatch(ctx, items[4:])
	d := time.Since(start)
	<-resumed
	if err != nil {
		t.Fatalf("LoadBatch across the silence: %v\nnotes:\n%s", err, n.all())
	}
	if d < silence || d > silence+30*time.Second {
		t.Errorf("the load took %s: it should have waited for the server (%s) and no more than a few seconds longer", d, silence)
	}
	if got := st.Count(StatusNew); got != 8 {
		t.Errorf("%d new reports after the silence, want 8: %+v", got, st.Reports)
	}
	msgs := n.all()
	if !strings.Contains(msgs, "Neo4j unavailable, retrying for up to 1m0s (no answer within") || !strings.Contains(msgs, "Neo4j is back after") {
		t.Errorf("notes:\n%s", msgs)
	}
	got := snapshot(t, direct, ids(items)...)
	dl := NewLoader(direct, Options{})
	if _, err := dl.Delete(ctx, ids(items)...); err != nil {
		t.Fatal(err)
	}
	for _, batch := range [][]Item{items[:4], items[4:]} {
		if _, err := dl.LoadBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	want := snapshot(t, direct, ids(items)...)
	if len(got) < 12*4 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the graph after the silence differs from an uninterrupted load:\n%s", diffLines(got, want))
	}
}

// A server that stays silent is given up on after --retry-for, give or
// take a few seconds (not after the 120 s of the server's read-timeout
// hint).
func TestIntegrationSilentServerIsGivenUpAfterRetryFor(t *testing.T) {
	const retryFor = 5 * time.Second
	c, p, n := proxiedClient(t, retryFor)
	l := NewLoader(c, Options{})
	tag := newTag(t)
	items := faultReports(tag, 4)
	ctx := context.Background()
	direct := testClient(t)
	t.Cleanup(func() { NewLoader(direct, Options{}).Delete(ctx, ids(items)...) })
	if _, err := l.LoadBatch(ctx, items[:2]); err != nil {
		t.Fatal(err)
	}
	p.hole()
	start := time.Now()
	_, err := l.LoadBatch(ctx, items[2:])
	d := time.Since(start)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "gave up waiting") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v, want one line saying kg gave up waiting", err)
	}
	if d < retryFor || d > retryFor+15*time.Second {
		t.Errorf("gave up after %s, want --retry-for (%s) plus a few seconds", d, retryFor)
	}
	if !strings.Contains(n.all(), "Neo4j unavailable, retrying") {
		t.Errorf("notes:\n%s", n.all())
	}
}
