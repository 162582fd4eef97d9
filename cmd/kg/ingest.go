package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/pipeline"
)

const defaultBatchSize = 100

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "extract reports and load them into Neo4j",
		ArgsUsage: "PATH...",
		Description: `Reads reports (files, directories, JSON Lines, or - for standard input),
extracts their entities and relations and loads them into Neo4j, applying
the schema first. Reports are written --batch-size at a time, each batch in
one transaction (or, with --writers N, in up to N concurrent ones: only
worth it when the server has cores to spare, e.g. a server or cluster on
other machines).

A report already in the graph with the same text (same sha256) is left
alone ("unchanged"); one whose text changed has its earlier facts retracted
and the new ones written ("replaced"). So ingesting the same files twice
changes nothing. After the extraction itself improved, --force replaces
unchanged reports too.

With --extracted, PATHs (files, gzip-compressed or not; directories, for
their *.jsonl, *.ndjson, *.json files and the same with .gz; - for
standard input) hold extractions made elsewhere by kg extract --for-load,
e.g. by the Beam pipeline of scale/beam on many machines: they are loaded
as kg ingest would have loaded the reports themselves. A record made by
another kg or model version is not loaded, and says so, unless --force,
which loads it (and replaces unchanged reports too).

A bad input (unreadable, binary, empty, over --max-bytes, malformed JSON…)
or a report that cannot be extracted or loaded is reported on one line and
skipped; the summary counts what failed, by kind, and the exit code is then
3.

Neo4j unreachable at the start: exit 4 at once; credentials refused: exit 5.
If Neo4j goes away during the ingest (stopped, restarted, connection lost),
kg says "Neo4j unavailable, retrying…" and retries the batch with backoff
for up to --retry-for (5m); when the server is back it goes on where it
was. Batches committed before are not written twice (reports are compared
by content hash), the batch in flight is written again from the start. If
the server does not come back in time: exit 4; the batches already written
are kept, and running the same command again completes the ingest.

On a terminal, a progress line on stderr shows the reports done, the rate,
the failures and, once the inputs have been counted (a quick first read in
the background; not for standard input, pipes such as /dev/stdin or
<(zcat feed.gz), FIFOs or devices, which are read once), the time left. When stderr is not
a terminal (a file, a pipe) there is no progress line.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "batch-size", Aliases: []string{"b"}, Value: defaultBatchSize, Usage: "reports per transaction"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "reports extracted at once (default: all cores)"},
			&cli.IntFlag{Name: "writers", Value: 1, Usage: "concurrent transactions per batch (more pays only when the server has idle cores)"},
			&cli.BoolFlag{Name: "no-text", Usage: "do not store the raw text on Report nodes (evidence sentences are kept)"},
			&cli.BoolFlag{Name: "force", Usage: "replace reports even when their text is unchanged (after the extraction improved)"},
			&cli.StringFlag{Name: "max-bytes", Value: "10MiB", Usage: "largest report accepted, as stored (a file, a JSON line): bytes, or with K, M, G (KiB, MiB, GiB); larger ones fail as \"too large\""},
			&cli.DurationFlag{Name: "retry-for", Value: graph.DefaultRetryFor, Usage: "how long to wait for Neo4j when it goes away during the ingest, retrying with backoff (0: do not wait)"},
			&cli.BoolFlag{Name: "no-progress", Usage: "no progress line, even on a terminal"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print every report's status and the parts of extractions that were skipped"},
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
			&cli.BoolFlag{Name: "id-from-file-name", Usage: "a report without a stated id keeps the id of earlier kg versions, its file name (042.txt: 042)"},
			&cli.BoolFlag{Name: "extracted", Usage: "PATHs hold what kg extract --for-load wrote (JSON Lines, .gz too): load it as kg ingest would have loaded the reports, without extracting; --force also loads extractions of another kg or model version"},
		},
		Action: runIngest,
	}
}

// ingestSummary is what `kg ingest --json` prints.
type ingestSummary struct {
	Reports   int `json:"reports"`
	New       int `json:"new"`
	Unchanged int `json:"unchanged"`
	Replaced  int `json:"replaced"`
	Failed    int `json:"failed"`
	// Failures counts the failed inputs by kind: the kinds of bad input
	// ("binary", "empty", "too large", "malformed"…), "not extracted",
	// "rejected by Neo4j".
	Failures map[string]int `json:"failures,omitempty"`
	Warnings int            `json:"warnings"`
	// Damaged counts the reports read with damaged text (each named by a
	// warning line on stderr); InvalidBytes, the invalid bytes (or sequences,
	// in legacy encodings) replaced by U+FFFD in them.
	Damaged      int     `json:"damaged"`
	InvalidBytes int     `json:"invalid_bytes"`
	Seconds      float64 `json:"seconds"`
	graph.Counters
}

// Failure kinds of the summary beside input.Kind's.
const (
	failNotExtracted = "not extracted"
	failRejected     = "rejected by Neo4j"
	failCollision    = "id collision" // another report under the id (graph.CollisionError)
)

// ingestBatchHook, when set (by tests), is called after each batch is
// written with the number of reports written so far.
var ingestBatchHook func(written int)

func runIngest(c *cli.Context) error {
	start := time.Now()
	paths, err := positional(c)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageError("ingest: name at least one PATH (a file, a directory, or - for standard input)")
	}
	batchSize := c.Int("batch-size")
	if batchSize < 1 {
		return usageError("ingest: --batch-size must be at least 1, not %d", batchSize)
	}
	maxBytes, err := parseSize(c.String("max-bytes"))
	if err != nil {
		return usageError("ingest: --max-bytes: %v", err)
	}
	if w := c.Int("writers"); w < 1 {
		return usageError("ingest: --writers must be at least 1, not %d", w)
	}
	retryFor := c.Duration("retry-for")
	switch {
	case retryFor < 0:
		return usageError("ingest: --retry-for must not be negative, not %s", retryFor)
	case retryFor == 0:
		retryFor = -1 // graph.Config: no waiting
	}
	inOpt := input.Options{MaxBytes: maxBytes, IDFromFileName: c.Bool("id-from-file-name")}
	extracted := c.Bool("extracted")
	if extracted && c.IsSet("id-from-file-name") {
		return usageError("ingest: --id-from-file-name does not go with --extracted: kg extract gave the ids (kg extract --for-load --id-from-file-name)")
	}
	verbose := c.Bool("verbose")
	ui := newConsole(c.App.Writer, c.App.ErrWriter, !c.Bool("no-progress"))

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	// Connect first: without a server there is nothing to do, and no
	// reason to load the extraction dictionaries.
	cfg := configFrom(c)
	cl, err := graph.Open(ctx, graph.Config{URI: cfg.URI, Username: cfg.Username, Password: cfg.Password, Database: cfg.Database,
		RetryFor: retryFor,
		Notify: func(msg string) {
			ui.errorf("%s", msg)
			if strings.HasPrefix(msg, "Neo4j is back") {
				ui.setNote("")
			} else {
				ui.setNote("waiting for Neo4j")
			}
		}})
	if err != nil {
		return graphError(err)
	}
	defer cl.Close(context.Background())
	applied, err := cl.ApplySchema(ctx)
	if err != nil {
		return graphError(fmt.Errorf("ingest: applying the schema: %w", err))
	}
	for _, m := range applied {
		if m.Applied {
			ui.errorf("schema migration V%d %s applied", m.Version, m.Name)
		}
	}
	var p *pipeline.Pipeline
	if !extracted {
		if p, err = pipeline.New(pipeline.Options{}); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	loader := graph.NewLoader(cl, graph.Options{OmitText: c.Bool("no-text"), Force: c.Bool("force"), Writers: c.Int("writers")})

	ui.run()
	defer ui.close()

	var (
		sum     = ingestSummary{Failures: map[string]int{}}
		pending []graph.Item
		where   []string // where each pending item came from, for messages
	)
	fail := func(kind string) {
		sum.Failed++
		sum.Failures[kind]++
		ui.add(1, 1)
	}
	// Extraction runs on --workers cores and fills the next batch while
	// the writer writes the last one, so that neither waits for the other
	// (with the batch written in the loop, extraction stalled during every
	// write and the server idled while the next batch was extracted).
	w := startBatchWriter(ctx, loader, ui, verbose)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		err := w.send(ingestBatch{pending, where})
		pending, where = nil, nil
		return err
	}
	var loadErr error
	add := func(it graph.Item, loc string) error {
		pending = append(pending, it)
		where = append(where, loc)
		if len(pending) >= batchSize {
			if loadErr = flush(); loadErr != nil {
				return loadErr
			}
		}
		return nil
	}
	var dmg damage
	var readErr error
	if extracted {
		readErr = readExtracted(ctx, paths, os.Stdin, extractedOptions{MaxBytes: 8 * maxBytes, NoText: c.Bool("no-text"), Force: c.Bool("force"),
			Warn: func(s string) { ui.errorf("%s", s) }},
			func(loc string, x *doc.Extraction, text string, err error) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err != nil {
					fail(failureKind(err))
					if msg := err.Error(); msg != "" {
						ui.errorf("%s", msg)
					}
					return nil
				}
				return add(graph.Item{Extraction: x, Text: text}, loc)
			})
	} else {
		readErr = ingestExtract(ctx, c, p, paths, inOpt, ui, verbose, &dmg, fail, add)
	}
	if errors.Is(readErr, loadErr) {
		readErr = nil
	}
	if readErr == nil && loadErr == nil {
		loadErr = flush()
	}
	total, written, warnings, writeErr := w.wait()
	if writeErr != nil {
		loadErr = writeErr
	}
	sum.Warnings = warnings
	sum.Damaged, sum.InvalidBytes = dmg.counts()
	ui.close()

	sum.New, sum.Unchanged = total.Count(graph.StatusNew), total.Count(graph.StatusUnchanged)
	sum.Replaced = total.Count(graph.StatusReplaced)
	if n := total.Count(graph.StatusFailed); n > 0 {
		sum.Failed += n
		if n > w.collisions {
			sum.Failures[failRejected] += n - w.collisions
		}
		if w.collisions > 0 {
			sum.Failures[failCollision] += w.collisions
		}
	}
	sum.Reports = sum.New + sum.Unchanged + sum.Replaced + sum.Failed
	sum.Counters = total.Counters
	sum.Seconds = time.Since(start).Seconds()
	printIngestSummary(c.App.Writer, sum, c.Bool("json"), verbose)

	switch {
	case errors.Is(readErr, context.Canceled) || errors.Is(loadErr, context.Canceled):
		return withCode(exitFailure, fmt.Errorf("ingest: interrupted (the %d report(s) of the batches already written are kept)", written))
	case loadErr != nil:
		return graphError(fmt.Errorf("ingest: %w (the %d report(s) before the failing batch are loaded)", loadErr, written))
	case readErr != nil:
		return withCode(exitFailure, fmt.Errorf("ingest: %w", readErr))
	case sum.Failed > 0:
		return withCode(exitPartial, fmt.Errorf("ingest: %d of %d report(s) failed", sum.Failed, sum.Reports))
	}
	return nil
}

// ingestExtract reads and extracts the reports of paths (on --workers
// cores) and hands each extraction to add; bad inputs and failed
// extractions go to fail.
func ingestExtract(ctx context.Context, c *cli.Context, p *pipeline.Pipeline, paths []string, inOpt input.Options, ui *console, verbose bool,
	dmg *damage, fail func(kind string), add func(graph.Item, string) error) error {
	next := ingestInputs(ctx, paths, os.Stdin, inOpt, ui, dmg)
	return p.Parallel(ctx, c.Int("workers"), next, func(r pipeline.Result) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Job.Err != nil && r.X == nil && r.Job.Text == "" {
			kind := failNotExtracted
			var ie *input.Error
			if errors.As(r.Job.Err, &ie) {
				kind = string(ie.Kind)
			}
			fail(kind)
			ui.errorf("%v", r.Job.Err)
			return nil
		}
		loc := jobSource(r.Job)
		if verbose {
			for _, wn := range r.Job.Warnings {
				ui.errorf("%s: warning: %s", loc, wn)
			}
		}
		if r.Err != nil {
			fail(failNotExtracted)
			ui.errorf("%s: %v", loc, r.Err)
			return nil
		}
		return add(graph.Item{Extraction: r.X, Text: r.Job.Text}, loc)
	})
}

// ingestBatch is a batch of reports for the writer, with where each came
// from.
type ingestBatch struct {
	items []graph.Item
	where []string
}

// batchWriter writes batches in order on a goroutine of its own, one
// waiting while one is written.
type batchWriter struct {
	ctx     context.Context
	loader  *graph.Loader
	ui      *console
	verbose bool
	batches chan ingestBatch
	failed  chan struct{} // closed when a write failed: no more batches
	done    chan struct{}
	// set by the writer; read after done
	total   graph.Stats
	written int // reports of the batches written
	// collisions counts the reports refused because another report holds
	// their id (counted failed by the loader, told apart in the summary).
	collisions int
	warnings   int
	err        error
}

func startBatchWriter(ctx context.Context, loader *graph.Loader, ui *console, verbose bool) *batchWriter {
	w := &batchWriter{ctx: ctx, loader: loader, ui: ui, verbose: verbose,
		batches: make(chan ingestBatch, 1), failed: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for b := range w.batches {
			if w.err != nil {
				continue // drain
			}
			if w.err = w.write(b); w.err != nil {
				close(w.failed)
			}
		}
	}()
	return w
}

// errWriterFailed stops the extraction once a write failed (the write's
// own error is the writer's).
var errWriterFailed = errors.New("the batch writer failed")

// send hands a batch to the writer, waiting while it writes the one before.
func (w *batchWriter) send(b ingestBatch) error {
	select {
	case w.batches <- b:
		return nil
	case <-w.failed:
		return errWriterFailed
	}
}

// wait lets the writer finish the batches sent and returns what it did.
func (w *batchWriter) wait() (graph.Stats, int, int, error) {
	close(w.batches)
	<-w.done
	return w.total, w.written, w.warnings, w.err
}

func (w *batchWriter) write(b ingestBatch) error {
	ui, verbose := w.ui, w.verbose
	st, err := w.loader.LoadBatch(w.ctx, b.items)
	failed := 0
	for i, r := range st.Reports {
		switch {
		case errors.Is(r.Err, graph.ErrIDCollision):
			failed++
			w.collisions++
			ui.errorf("%s: %v", b.where[i], r.Err) // the message names the id
		case r.Err != nil:
			failed++
			ui.errorf("%s: report %s: %v", b.where[i], r.ID, r.Err)
		case verbose && r.Status != "":
			if r.PreviousHash != "" && r.PreviousHash != r.Hash {
				ui.outf("%s: %s (version %.12s replaced %.12s)", r.ID, r.Status, r.Hash, r.PreviousHash) // which version won a race
			} else {
				ui.outf("%s: %s", r.ID, r.Status)
			}
		}
		w.warnings += len(r.Warnings)
		if verbose {
			for _, wn := range r.Warnings {
				ui.errorf("%s: report %s: warning: %s", b.where[i], r.ID, wn)
			}
		}
	}
	w.total.Add(st)
	if err == nil {
		w.written += len(b.items)
		ui.add(len(b.items), failed)
		if ingestBatchHook != nil {
			ingestBatchHook(w.written)
		}
	}
	return err
}

// ingestInputs reads paths for the ingest, once and in order, as the
// pipeline's jobs; with a progress line it also counts them in the
// background, when they can be read twice (see countInputs).
//
// A report read with damaged text (invalid bytes replaced by U+FFFD, GBK
// and Big5 mixed) is said at once, one warning line per input, and counted
// in dmg for the summary.
func ingestInputs(ctx context.Context, paths []string, stdin io.Reader, opt input.Options, ui *console, dmg *damage) func() (pipeline.Job, bool, error) {
	if ui.on {
		go countInputs(ctx, paths, opt, ui)
	}
	return readJobs(ctx, paths, stdin, opt, func(r input.Report, j pipeline.Job) {
		if len(r.Damage) > 0 {
			dmg.add(r.Replaced)
			for _, d := range r.Damage {
				ui.errorf("%s: warning: %s", jobSource(j), d)
			}
		}
	})
}

// damage counts the reports read with damaged text and the replacements
// made in them (written by the reader, read after it is done).
type damage struct {
	mu       sync.Mutex
	reports  int
	replaced int
}

func (d *damage) add(replaced int) {
	d.mu.Lock()
	d.reports++
	d.replaced += replaced
	d.mu.Unlock()
}

func (d *damage) counts() (reports, replaced int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.reports, d.replaced
}

// countInputs counts the reports and bad inputs of paths, reading them
// once without extracting anything, and gives the total to the progress
// line. Standard input, pipes (/dev/stdin, <(zcat feed.gz)), FIFOs and
// devices cannot be read twice: the count would take their data from the
// ingest. With any of them there is no total.
func countInputs(ctx context.Context, paths []string, opt input.Options, ui *console) {
	if !input.Rereadable(paths) {
		return
	}
	n := 0
	err := input.Read(paths, nil, opt, func(input.Report, error) error {
		n++
		return ctx.Err()
	})
	if err == nil {
		ui.setTotal(n)
	}
}

// parseSize reads a size: "4096", "64K", "10M", "10MiB", "1G" (K, M and G
// are 1024-based, with or without "B" or "iB").
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	u := strings.ToUpper(t)
	mult := int64(1)
	for _, suf := range []struct {
		s string
		m int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(u, suf.s) {
			mult, u = suf.m, strings.TrimSpace(strings.TrimSuffix(u, suf.s))
			break
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size (a positive number of bytes, or with K, M, G)", s)
	}
	return n * mult, nil
}

// jobSource names where a report came from: "dir/x.txt" or "feed.jsonl:17".
func jobSource(j pipeline.Job) string {
	if j.Line > 0 {
		return fmt.Sprintf("%s:%d", input.DisplayPath(j.Path), j.Line)
	}
	return input.DisplayPath(j.Path)
}

func printIngestSummary(w io.Writer, s ingestSummary, asJSON, verbose bool) {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		return
	}
	fmt.Fprintf(w, "reports: %d new, %d unchanged, %d replaced, %d failed\n", s.New, s.Unchanged, s.Replaced, s.Failed)
	if s.Failed > 0 {
		kinds := make([]string, 0, len(s.Failures))
		for k := range s.Failures {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		parts := make([]string, len(kinds))
		for i, k := range kinds {
			parts[i] = fmt.Sprintf("%d %s", s.Failures[k], k)
		}
		fmt.Fprintf(w, "failed: %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintf(w, "graph: %d nodes created, %d deleted; %d relationships created, %d deleted; %d properties set\n",
		s.NodesCreated, s.NodesDeleted, s.RelationshipsCreated, s.RelationshipsDeleted, s.PropertiesSet)
	if s.Damaged > 0 {
		fmt.Fprintf(w, "damaged text: %d report(s) read, %d invalid byte(s) replaced by U+FFFD (the warnings name them)\n", s.Damaged, s.InvalidBytes)
	}
	if s.Warnings > 0 && !verbose {
		fmt.Fprintf(w, "%d part(s) of extractions skipped (kg ingest -v lists them)\n", s.Warnings)
	}
	rate := ""
	if s.Seconds > 0 && s.Reports > 0 {
		rate = fmt.Sprintf(" (%.1f reports/s)", float64(s.Reports)/s.Seconds)
	}
	fmt.Fprintf(w, "time: %s%s\n", time.Duration(s.Seconds*float64(time.Second)).Round(100*time.Millisecond), rate)
}
