package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// fakeClock is a clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// testConsole is a console that keeps a progress line on w, as on a
// terminal, with a fake clock.
func testConsole(w io.Writer) (*console, *fakeClock) {
	clk := &fakeClock{time.Date(2024, 3, 15, 9, 0, 0, 0, time.UTC)}
	c := &console{out: w, err: w, now: clk.now, total: -1, width: 80, on: true}
	c.start = clk.now()
	return c, clk
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	c, clk := testConsole(&b)

	clk.advance(2 * time.Second)
	c.add(20, 0)
	c.draw()
	if want := "\rkg: 20 reports, 10.0/s [0:02]\033[K"; b.String() != want {
		t.Errorf("without a total:\n got %q\nwant %q", b.String(), want)
	}
	b.Reset()
	c.setTotal(200)
	clk.advance(2 * time.Second)
	c.add(20, 2)
	c.draw()
	// 40 done in 4 s: 10/s; 160 left: 16 s.
	if want := "\rkg: 40/200 reports (20%), 10.0/s, 2 failed, 0:16 left [0:04]\033[K"; b.String() != want {
		t.Errorf("with a total:\n got %q\nwant %q", b.String(), want)
	}
	b.Reset()
	c.setNote("waiting for Neo4j")
	clk.advance(time.Second)
	c.draw()
	if !strings.Contains(b.String(), "2 failed, waiting for Neo4j [0:05]") || strings.Contains(b.String(), "left") {
		t.Errorf("a note replaces the time left: %q", b.String())
	}
}

func TestProgressRateIsRecent(t *testing.T) {
	var b bytes.Buffer
	c, clk := testConsole(&b)
	c.setTotal(10000)
	// Fast for a minute, then nothing for 30 s (the server is away): the
	// rate shown is that of the last 20 s, not the average since the start.
	for i := 0; i < 60*drawsPerSecond; i++ {
		clk.advance(time.Second / drawsPerSecond)
		c.add(25, 0)
		c.draw()
	}
	for i := 0; i < 30*drawsPerSecond; i++ {
		clk.advance(time.Second / drawsPerSecond)
		c.draw()
	}
	b.Reset()
	c.draw()
	if !strings.Contains(b.String(), ", 0.0/s") || strings.Contains(b.String(), "left") {
		t.Errorf("after 30 s without progress: %q", b.String())
	}
}

func TestProgressLineFitsTheTerminal(t *testing.T) {
	var b bytes.Buffer
	c, _ := testConsole(&b)
	c.width = 30
	c.setTotal(123456)
	c.add(1234, 56)
	c.draw()
	line := strings.TrimSuffix(strings.TrimPrefix(b.String(), "\r"), "\033[K")
	if len(line) > 29 || !strings.HasPrefix(line, "kg: 1234/123456") {
		t.Errorf("line %q (%d bytes) for a terminal of 30 columns", line, len(line))
	}
	if got := cut("报告数量", 7); got != "报告" {
		t.Errorf("cut = %q", got)
	}
}

func TestMessagesClearTheProgressLine(t *testing.T) {
	var b bytes.Buffer
	c, _ := testConsole(&b)
	c.add(3, 1)
	c.draw()
	c.errorf("%s: empty file", "x.txt")
	c.outf("r1: new")
	want := "\rkg: 3 reports, 0.0/s, 1 failed [0:00]\033[K" + "\r\033[K" + "kg: x.txt: empty file\n" + "r1: new\n"
	if b.String() != want {
		t.Errorf("\n got %q\nwant %q", b.String(), want)
	}
	b.Reset()
	c.draw()
	c.close()
	if !strings.HasSuffix(b.String(), "\r\033[K") {
		t.Errorf("close should clear the line: %q", b.String())
	}
}

func TestNoProgressWhenNotATerminal(t *testing.T) {
	var b bytes.Buffer
	c := newConsole(&b, &b, true)
	if c.on {
		t.Fatal("a progress line on a buffer")
	}
	c.run()
	c.add(5, 1)
	c.errorf("x.txt: binary file")
	time.Sleep(300 * time.Millisecond)
	c.close()
	if b.String() != "kg: x.txt: binary file\n" {
		t.Errorf("%q", b.String())
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if newConsole(&b, f, true).on {
		t.Error("a progress line on a file")
	}
}

func TestProgressRedrawsAtMostAFewTimesASecond(t *testing.T) {
	w := &lockedBuffer{}
	c, _ := testConsole(w)
	c.now = time.Now
	c.start = time.Now()
	c.run()
	deadline := time.Now().Add(1100 * time.Millisecond)
	for time.Now().Before(deadline) {
		c.add(1, 0) // as fast as it can: the drawing does not follow
	}
	c.close()
	draws := strings.Count(w.String(), "\rkg: ")
	if draws < 2 || draws > drawsPerSecond+2 {
		t.Errorf("%d redraws in 1.1 s, want about %d", draws, drawsPerSecond)
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0:00", 59 * time.Second: "0:59", 61 * time.Second: "1:01", 3725 * time.Second: "1:02:05"} {
		if got := clock(d); got != want {
			t.Errorf("clock(%s) = %q, want %q", d, got, want)
		}
	}
}

// openPTY returns a pseudo-terminal: the master side, to read what is
// written to the terminal, and the terminal itself.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(m.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("opening the terminal: %v", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// TestIntegrationIngestShowsProgressOnATerminal runs an ingest whose
// stderr is a (pseudo-)terminal: the progress line appears there, counts
// up to the total, and is cleared at the end; the summary is on stdout.
func TestIntegrationIngestShowsProgressOnATerminal(t *testing.T) {
	_, l := testGraph(t)
	master, tty := openPTY(t)
	var seen lockedBuffer
	done := make(chan struct{})
	go func() {
		io.Copy(&seen, master)
		close(done)
	}()

	tag := newTag(t)
	dir := t.TempDir()
	const n = 60
	seed, _ := strconv.ParseInt(tag, 16, 64)
	paths := genCorpus(t, dir, n, seed, "kgtest-"+tag+"-")
	var ids []string
	for _, p := range paths {
		ids = append(ids, strings.TrimSuffix(p[len(dir)+1:], ".txt"))
	}
	t.Cleanup(func() {
		if _, err := l.Delete(context.Background(), ids...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	ingestBatchHook = func(int) { time.Sleep(100 * time.Millisecond) } // long enough to be seen
	t.Cleanup(func() { ingestBatchHook = nil })

	var out bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &out, tty
	// ids from the file names: the generated corpus may repeat a report
	// word for word, which would be one report by its text
	err := app.Run([]string{"kg", "ingest", "--id-from-file-name", "--batch-size", "5", dir})
	ingestBatchHook = nil
	if code := exitCode(err, tty); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	time.Sleep(200 * time.Millisecond) // let the terminal's output through
	tty.Close()
	master.Close()
	<-done
	term := seen.String()
	t.Logf("on the terminal: %q", tail(term, 600))
	draws := regexp.MustCompile(`\rkg: (\d+)/(\d+) reports \(\d+%\), [\d.]+/s`).FindAllStringSubmatch(term, -1)
	if len(draws) < 2 {
		t.Fatalf("no progress line on the terminal: %q", term)
	}
	for _, d := range draws {
		if d[2] != fmt.Sprint(n) {
			t.Errorf("total %s, want %d", d[2], n)
		}
	}
	if !strings.HasSuffix(strings.TrimRight(term, "\n"), "\r\033[K") && !strings.Contains(term, "\r\033[K") {
		t.Errorf("the progress line is not cleared at the end: %q", tail(term, 200))
	}
	if !strings.Contains(out.String(), fmt.Sprintf("reports: %d new", n)) || strings.Contains(out.String(), "\r") {
		t.Errorf("summary on stdout: %q", out.String())
	}
}
