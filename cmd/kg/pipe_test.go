package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-cn/kg/input"
)

// jsonLines is n JSON Lines reports, ids prefix1 … prefixn.
func jsonLines(prefix string, n int) []byte {
	var b bytes.Buffer
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `{"id":"%s%d","text":"第%d篇：青河县召开经济工作会议。"}`+"\n", prefix, i, i)
	}
	return b.Bytes()
}

// TestIngestReadsPipesOnce reads pipes given as paths (a FIFO, a
// /dev/fd/N path as <(zcat feed.gz) gives, the same pipe named twice) the
// way kg ingest does, with stderr on a pseudo-terminal, so that the
// progress line's counter runs: every report arrives, once, and there is no
// total (counting would take the pipe's data from the ingest). Regular
// files are still counted.
func TestIngestReadsPipesOnce(t *testing.T) {
	const n = 5000
	type source struct {
		path  string
		feed  func() // writes n reports into the pipe, in the background
		total int    // reports expected from it
	}
	fifo := func(t *testing.T, name string) source {
		p := filepath.Join(t.TempDir(), name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
		return source{path: p, total: n, feed: func() {
			w, err := os.OpenFile(p, os.O_WRONLY, 0) // waits for a reader
			if err != nil {
				t.Errorf("opening the FIFO: %v", err)
				return
			}
			w.Write(jsonLines(name+"-", n))
			w.Close()
		}}
	}
	devFD := func(t *testing.T) source {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close() })
		return source{path: fmt.Sprintf("/dev/fd/%d", r.Fd()), total: n, feed: func() {
			w.Write(jsonLines("fd-", n))
			w.Close()
		}}
	}
	file := func(t *testing.T, name string, k int) source {
		p := filepath.Join(t.TempDir(), name+".jsonl")
		if err := os.WriteFile(p, jsonLines(name+"-", k), 0o644); err != nil {
			t.Fatal(err)
		}
		return source{path: p, total: k, feed: func() {}}
	}
	tests := []struct {
		name      string
		sources   func(t *testing.T) []source
		wantTotal int // on the progress line; -1: none
		wantBad   int // bad inputs
	}{
		{"a FIFO", func(t *testing.T) []source { return []source{fifo(t, "feed")} }, -1, 0},
		{"a pipe as /dev/fd/N, as <(zcat feed.gz) gives", func(t *testing.T) []source { return []source{devFD(t)} }, -1, 0},
		{"a FIFO after a regular file", func(t *testing.T) []source {
			return []source{file(t, "a", 20), fifo(t, "feed")}
		}, -1, 0},
		{"the same FIFO named twice is read once", func(t *testing.T) []source {
			f := fifo(t, "feed")
			return []source{f, {path: f.path, feed: func() {}}}
		}, -1, 1},
		{"regular files only are counted", func(t *testing.T) []source {
			return []source{file(t, "a", 20), file(t, "b", 30)}
		}, 50, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			master, tty := openPTY(t)
			go io.Copy(io.Discard, master)
			var out bytes.Buffer
			ui := newConsole(&out, tty, true)
			if !ui.on {
				t.Fatal("no progress line on a pseudo-terminal")
			}
			srcs := tt.sources(t)
			var paths []string
			want := 0
			for _, s := range srcs {
				paths = append(paths, s.path)
				want += s.total
				go s.feed()
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			next := ingestInputs(ctx, paths, nil, input.Options{}, ui, &damage{})
			type counts struct{ reports, bad int }
			done := make(chan counts)
			go func() {
				var c counts
				seen := map[string]bool{}
				for {
					j, ok, err := next()
					if err != nil {
						t.Errorf("reading: %v", err)
					}
					if !ok {
						break
					}
					if j.Err != nil {
						c.bad++
						continue
					}
					if seen[j.Meta.ID] {
						t.Errorf("report %s read twice", j.Meta.ID)
					}
					seen[j.Meta.ID] = true
					c.reports++
				}
				done <- c
			}()
			var got counts
			select {
			case got = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the reading never ended (a second reader of the pipe?)")
			}
			if got.reports != want || got.bad != tt.wantBad {
				t.Errorf("read %d reports and %d bad inputs, want %d and %d", got.reports, got.bad, want, tt.wantBad)
			}
			total := -1
			for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				ui.mu.Lock()
				total = ui.total
				ui.mu.Unlock()
				if total == tt.wantTotal {
					break
				}
			}
			if total != tt.wantTotal {
				t.Errorf("total on the progress line %d, want %d", total, tt.wantTotal)
			}
		})
	}
}

// TestIntegrationIngestAFIFOOnATerminal runs kg ingest on a FIFO with
// stderr on a pseudo-terminal, against the server if one answers: every
// report of the FIFO lands.
func TestIntegrationIngestAFIFOOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: needs Neo4j (skipped under -short)")
	}
	if c, err := net.DialTimeout("tcp", "127.0.0.1:7687", time.Second); err != nil {
		t.Skipf("no Neo4j on 127.0.0.1:7687: %v", err)
	} else {
		c.Close()
	}
	_, l := testGraph(t)
	master, tty := openPTY(t)
	go io.Copy(io.Discard, master)
	const n = 300
	prefix := "kgtest-" + newTag(t) + "-pipe-"
	var ids []string
	for i := 1; i <= n; i++ {
		ids = append(ids, fmt.Sprintf("%s%d", prefix, i))
	}
	t.Cleanup(func() {
		if _, err := l.Delete(context.Background(), ids...); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	p := filepath.Join(t.TempDir(), "feed")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		w.Write(jsonLines(prefix, n))
		w.Close()
	}()
	var out bytes.Buffer
	app := newApp()
	app.Writer, app.ErrWriter = &out, tty
	err := app.Run([]string{"kg", "ingest", "--batch-size", "50", p})
	if code := exitCode(err, tty); code != exitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), fmt.Sprintf("reports: %d new, 0 unchanged, 0 replaced, 0 failed", n)) {
		t.Errorf("summary:\n%s", out.String())
	}
}
