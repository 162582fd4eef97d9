package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/input"
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
one transaction.

A report already in the graph with the same text (same sha256) is left
alone ("unchanged"); one whose text changed has its earlier facts retracted
and the new ones written ("replaced"). So ingesting the same files twice
changes nothing. After the extraction itself improved, --force replaces
unchanged reports too.

A bad input (unreadable, binary, malformed JSON…) or a report that cannot be
extracted or loaded is reported on one line and skipped; the exit code is
then 3. Neo4j unreachable: exit 4; credentials refused: exit 5.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "batch-size", Aliases: []string{"b"}, Value: defaultBatchSize, Usage: "reports per transaction"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "reports extracted at once (default: all cores)"},
			&cli.BoolFlag{Name: "no-text", Usage: "do not store the raw text on Report nodes (evidence sentences are kept)"},
			&cli.BoolFlag{Name: "force", Usage: "replace reports even when their text is unchanged (after the extraction improved)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print every report's status and the parts of extractions that were skipped"},
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
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
	Warnings  int `json:"warnings"`
	graph.Counters
}

func runIngest(c *cli.Context) error {
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
	out, errOut := c.App.Writer, c.App.ErrWriter
	verbose := c.Bool("verbose")

	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	cl, err := openGraph(c)
	if err != nil {
		return err
	}
	defer cl.Close(context.Background())
	applied, err := cl.ApplySchema(ctx)
	if err != nil {
		return graphError(fmt.Errorf("ingest: applying the schema: %w", err))
	}
	for _, m := range applied {
		if m.Applied {
			fmt.Fprintf(errOut, "kg: schema migration V%d %s applied\n", m.Version, m.Name)
		}
	}
	loader := graph.NewLoader(cl, graph.Options{OmitText: c.Bool("no-text"), Force: c.Bool("force")})

	var (
		total   graph.Stats
		sum     ingestSummary
		pending []graph.Item
		where   []string // where each pending item came from, for messages
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		st, err := loader.LoadBatch(ctx, pending)
		for i, r := range st.Reports {
			switch {
			case r.Err != nil:
				fmt.Fprintf(errOut, "kg: %s: report %s: %v\n", where[i], r.ID, r.Err)
			case verbose && r.Status != "":
				fmt.Fprintf(out, "%s: %s\n", r.ID, r.Status)
			}
			sum.Warnings += len(r.Warnings)
			if verbose {
				for _, w := range r.Warnings {
					fmt.Fprintf(errOut, "kg: %s: report %s: warning: %s\n", where[i], r.ID, w)
				}
			}
		}
		total.Add(st)
		pending, where = pending[:0], where[:0]
		return err
	}
	// extraction runs on --workers cores; batches are written in input
	// order by this goroutine while the next reports are being extracted
	var loadErr error
	next := readJobs(ctx, paths, os.Stdin, input.Options{})
	readErr := p.Parallel(ctx, c.Int("workers"), next, func(r pipeline.Result) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Job.Err != nil && r.X == nil && r.Job.Text == "" {
			sum.Failed++
			fmt.Fprintf(errOut, "kg: %v\n", r.Job.Err)
			return nil
		}
		loc := jobSource(r.Job)
		if verbose {
			for _, w := range r.Job.Warnings {
				fmt.Fprintf(errOut, "kg: %s: warning: %s\n", loc, w)
			}
		}
		if r.Err != nil {
			sum.Failed++
			fmt.Fprintf(errOut, "kg: %s: %v\n", loc, r.Err)
			return nil
		}
		pending = append(pending, graph.Item{Extraction: r.X, Text: r.Job.Text})
		where = append(where, loc)
		if len(pending) >= batchSize {
			if loadErr = flush(); loadErr != nil {
				return loadErr
			}
		}
		return nil
	})
	if errors.Is(readErr, loadErr) {
		readErr = nil
	}
	if readErr == nil && loadErr == nil {
		loadErr = flush()
	}

	sum.New, sum.Unchanged = total.Count(graph.StatusNew), total.Count(graph.StatusUnchanged)
	sum.Replaced = total.Count(graph.StatusReplaced)
	sum.Failed += total.Count(graph.StatusFailed)
	sum.Reports = sum.New + sum.Unchanged + sum.Replaced + sum.Failed
	sum.Counters = total.Counters
	printIngestSummary(out, sum, c.Bool("json"), verbose)

	switch {
	case loadErr != nil:
		return graphError(fmt.Errorf("ingest: %w (reports before the failing batch are loaded)", loadErr))
	case errors.Is(readErr, context.Canceled):
		return withCode(exitFailure, errors.New("ingest: interrupted (batches already written are kept)"))
	case readErr != nil:
		return withCode(exitFailure, fmt.Errorf("ingest: %w", readErr))
	case sum.Failed > 0:
		return withCode(exitPartial, fmt.Errorf("ingest: %d of %d report(s) failed", sum.Failed, sum.Reports))
	}
	return nil
}

// jobSource names where a report came from: "dir/x.txt" or "feed.jsonl:17".
func jobSource(j pipeline.Job) string {
	if j.Line > 0 {
		return fmt.Sprintf("%s:%d", j.Path, j.Line)
	}
	if j.Path == "-" {
		return "stdin"
	}
	return j.Path
}

func printIngestSummary(w io.Writer, s ingestSummary, asJSON, verbose bool) {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		return
	}
	fmt.Fprintf(w, "reports: %d new, %d unchanged, %d replaced, %d failed\n", s.New, s.Unchanged, s.Replaced, s.Failed)
	fmt.Fprintf(w, "graph: %d nodes created, %d deleted; %d relationships created, %d deleted; %d properties set\n",
		s.NodesCreated, s.NodesDeleted, s.RelationshipsCreated, s.RelationshipsDeleted, s.PropertiesSet)
	if s.Warnings > 0 && !verbose {
		fmt.Fprintf(w, "%d part(s) of extractions skipped (kg ingest -v lists them)\n", s.Warnings)
	}
}
