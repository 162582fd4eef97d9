package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// console writes kg's messages (stdout and stderr) and, when stderr is a
// terminal, a progress line at the bottom of it, redrawn in place with \r at
// most drawsPerSecond times a second:
//
//	kg: 1234/5000 reports (24%), 85.3/s, 3 failed, 0:44 left
//
// Every message clears the progress line first, so the two never mix; the
// line is redrawn at the next tick. When stderr is not a terminal (a file, a
// pipe, a test's buffer) there is no progress line at all and messages are
// written as they are.
type console struct {
	out, err io.Writer

	mu      sync.Mutex
	on      bool // a progress line is kept
	width   int  // of the terminal, for cutting the line
	now     func() time.Time
	start   time.Time
	done    int // reports and bad inputs finished (loaded, unchanged or failed)
	failed  int
	total   int // of done, when known; -1 while unknown
	note    string
	shown   bool // the progress line is on the screen
	samples []rateSample

	stop chan struct{}
	wg   sync.WaitGroup
}

// rateSample is the count at one moment, for the recent rate.
type rateSample struct {
	t    time.Time
	done int
}

const (
	drawsPerSecond = 4
	rateWindow     = 20 * time.Second // the rate shown is over this much of the recent past
)

// newConsole returns a console writing to out and errOut; progress says
// whether to keep a progress line (only ever on a terminal).
func newConsole(out, errOut io.Writer, progress bool) *console {
	c := &console{out: out, err: errOut, now: time.Now, total: -1, width: 80}
	if progress {
		if w, ok := terminalWidth(errOut); ok {
			c.on, c.width = true, w
		}
	}
	c.start = c.now()
	return c
}

// terminalWidth returns the width of w when w is a terminal.
func terminalWidth(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 20 {
		width = 80
	}
	return width, true
}

// run starts redrawing the progress line; close stops it.
func (c *console) run() {
	if !c.on {
		return
	}
	c.mu.Lock()
	c.start = c.now() // the work starts now: connecting and loading the dictionaries are not part of the rate
	c.mu.Unlock()
	c.stop = make(chan struct{})
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		t := time.NewTicker(time.Second / drawsPerSecond)
		defer t.Stop()
		for {
			select {
			case <-c.stop:
				return
			case <-t.C:
				c.draw()
			}
		}
	}()
}

// close stops the redrawing and clears the progress line.
func (c *console) close() {
	if c.stop != nil {
		close(c.stop)
		c.wg.Wait()
		c.stop = nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearLocked()
}

// errorf writes one line to stderr: "kg: " and the message.
func (c *console) errorf(format string, a ...any) {
	c.lineTo(c.err, "kg: "+format, a...)
}

// outf writes one line to stdout.
func (c *console) outf(format string, a ...any) {
	c.lineTo(c.out, format, a...)
}

// lineTo writes one line: a file name, a report id or a driver message
// in it cannot split it or drive the terminal, and no password shows (see
// safeLine).
func (c *console) lineTo(w io.Writer, format string, a ...any) {
	line := safeLine(fmt.Sprintf(format, a...))
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearLocked()
	fmt.Fprintln(w, line)
}

// add counts n finished items, failed of which failed.
func (c *console) add(n, failed int) {
	c.mu.Lock()
	c.done += n
	c.failed += failed
	c.mu.Unlock()
}

// setTotal sets how many items there are in all.
func (c *console) setTotal(n int) {
	c.mu.Lock()
	c.total = n
	c.mu.Unlock()
}

// setNote shows a note after the counts ("" removes it).
func (c *console) setNote(s string) {
	c.mu.Lock()
	c.note = s
	c.mu.Unlock()
}

func (c *console) clearLocked() {
	if c.shown {
		fmt.Fprint(c.err, "\r\033[K")
		c.shown = false
	}
}

// draw redraws the progress line.
func (c *console) draw() {
	c.mu.Lock()
	defer c.mu.Unlock()
	line := c.lineLocked()
	if len(line) > c.width-1 {
		line = cut(line, c.width-1)
	}
	fmt.Fprint(c.err, "\r"+line+"\033[K")
	c.shown = true
}

// lineLocked is the text of the progress line.
func (c *console) lineLocked() string {
	now := c.now()
	c.samples = append(c.samples, rateSample{now, c.done})
	for len(c.samples) > 2 && now.Sub(c.samples[0].t) > rateWindow {
		c.samples = c.samples[1:]
	}
	rate := 0.0
	if s := c.samples[0]; now.Sub(s.t) >= time.Second {
		rate = float64(c.done-s.done) / now.Sub(s.t).Seconds()
	} else if el := now.Sub(c.start); el >= time.Second {
		rate = float64(c.done) / el.Seconds()
	}
	var b strings.Builder
	b.WriteString("kg: ")
	if c.total >= 0 {
		pct := 100
		if c.total > 0 {
			pct = min(100, 100*c.done/c.total)
		}
		fmt.Fprintf(&b, "%d/%d reports (%d%%)", c.done, c.total, pct)
	} else {
		fmt.Fprintf(&b, "%d reports", c.done)
	}
	fmt.Fprintf(&b, ", %.1f/s", rate)
	if c.failed > 0 {
		fmt.Fprintf(&b, ", %d failed", c.failed)
	}
	if c.note != "" {
		b.WriteString(", " + c.note)
	} else if c.total >= 0 && rate > 0 && c.done < c.total {
		left := time.Duration(float64(c.total-c.done) / rate * float64(time.Second))
		b.WriteString(", " + clock(left) + " left")
	}
	fmt.Fprintf(&b, " [%s]", clock(now.Sub(c.start)))
	return b.String()
}

// clock formats d as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// cut shortens s to n bytes at most, on a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	end := 0
	for i := range s {
		if i > n {
			break
		}
		end = i
	}
	return s[:end]
}
