package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "extract reports and write CSV files for neo4j-admin database import (bulk load, offline)",
		ArgsUsage: "DIR PATH...",
		Description: `Reads reports (files, directories, JSON Lines, or - for standard input) as
kg ingest does, extracts them, and writes into DIR (empty or new) the graph
that kg ingest would build from them, as CSV files for

  neo4j-admin database import full

nodes/<Label>.csv (one node per key, :ID and :LABEL columns, typed
properties) and relationships/<TYPE>.<From>-<To>.csv (:START_ID, :END_ID,
:TYPE), with the facts' reports, evidence, first_seen, last_seen and
tenure aggregated over all the reports. DIR/import.sh runs the import; the
command is printed at the end. Import with the server stopped, start it,
then create the constraints and indexes with kg schema apply.

A report id seen twice is treated as kg ingest treats it: the same text is
ignored, a new text replaces the old one. Memory stays bounded whatever the
number of reports: what many reports share (entities, facts) is sorted on
disk in DIR/.spill, which needs a few times the size of the CSV files while
the export runs.

With --extracted, PATHs hold what kg extract --for-load wrote (as kg ingest
--extracted reads them): the graph is built from those extractions without
extracting anything; a record of another kg or model version is refused,
and says so, unless --force.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "neo4j-admin", Usage: "output format (only neo4j-admin)"},
			&cli.StringFlag{Name: "database", Value: "neo4j", Usage: "database the import command writes"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "reports extracted at once (default: all cores)"},
			&cli.BoolFlag{Name: "no-text", Usage: "do not store the raw text on Report nodes (as kg ingest --no-text)"},
			&cli.StringFlag{Name: "max-bytes", Value: "10MiB", Usage: "largest report accepted (as kg ingest --max-bytes)"},
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
			&cli.BoolFlag{Name: "extracted", Usage: "PATHs hold what kg extract --for-load wrote (as kg ingest --extracted)"},
			&cli.BoolFlag{Name: "force", Usage: "with --extracted: also export extractions made by another kg or model version"},
		},
		Action: runExport,
	}
}

// exportSortMemory is what each of the exporter's three external sorts
// buffers before spilling a sorted run (24 MiB in all, within the headroom
// of the soft memory limit that nlp/segment sets).
const exportSortMemory = 8 << 20

func runExport(c *cli.Context) error {
	start := time.Now()
	args, err := positional(c)
	if err != nil {
		return err
	}
	if f := c.String("format"); f != "neo4j-admin" {
		return usageError("export: --format %q: only neo4j-admin is supported", f)
	}
	if len(args) < 2 {
		return usageError("export: name the output DIR and at least one PATH (a file, a directory, or - for standard input)")
	}
	dir, paths := args[0], args[1:]
	maxBytes, err := parseSize(c.String("max-bytes"))
	if err != nil {
		return usageError("export: --max-bytes: %v", err)
	}
	ex, err := graph.NewExporter(dir, graph.ExportOptions{OmitText: c.Bool("no-text"), Database: c.String("database"), SortMemory: exportSortMemory})
	if err != nil {
		return usageError("%v", err)
	}
	if c.Bool("force") && !c.Bool("extracted") {
		ex.Abort()
		return usageError("export: --force goes with --extracted only")
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	errOut := c.App.ErrWriter
	failed, warnings, added := 0, 0, 0
	addItem := func(it graph.Item, loc string) error {
		res, err := ex.Add(it)
		if err != nil {
			return err
		}
		warnings += len(res.Warnings)
		if res.Err != nil {
			failed++
			fmt.Fprintf(errOut, "kg: %s: report %s: %v\n", loc, res.ID, res.Err)
			return nil
		}
		added++
		return nil
	}
	if c.Bool("extracted") {
		err = readExtracted(ctx, paths, os.Stdin, extractedOptions{MaxBytes: 8 * maxBytes, NoText: c.Bool("no-text"), Force: c.Bool("force"),
			Warn: func(s string) { fmt.Fprintf(errOut, "kg: %s\n", s) }},
			func(loc string, x *doc.Extraction, text string, err error) error {
				if err != nil {
					failed++
					if msg := err.Error(); msg != "" {
						fmt.Fprintf(errOut, "kg: %s\n", msg)
					}
					return nil
				}
				return addItem(graph.Item{Extraction: x, Text: text}, loc)
			})
	} else {
		err = exportExtract(ctx, c, paths, maxBytes, &failed, addItem)
	}
	if err != nil {
		ex.Abort()
		if errors.Is(err, context.Canceled) {
			return withCode(exitFailure, errors.New("export: interrupted (nothing kept)"))
		}
		return fmt.Errorf("export: %w", err)
	}
	return finishExport(c, ex, dir, start, added, failed, warnings)
}

// exportExtract reads and extracts the reports of paths and hands each
// extraction to add.
func exportExtract(ctx context.Context, c *cli.Context, paths []string, maxBytes int64, failed *int, add func(graph.Item, string) error) error {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	errOut := c.App.ErrWriter
	next := readJobs(ctx, paths, os.Stdin, input.Options{MaxBytes: maxBytes}, nil)
	return p.Parallel(ctx, c.Int("workers"), next, func(r pipeline.Result) error {
		if r.Job.Err != nil && r.X == nil && r.Job.Text == "" {
			*failed++
			fmt.Fprintf(errOut, "kg: %v\n", r.Job.Err)
			return nil
		}
		loc := jobSource(r.Job)
		if r.Err != nil {
			*failed++
			fmt.Fprintf(errOut, "kg: %s: %v\n", loc, r.Err)
			return nil
		}
		return add(graph.Item{Extraction: r.X, Text: r.Job.Text}, loc)
	})
}

// finishExport closes the export and prints its summary.
func finishExport(c *cli.Context, ex *graph.Exporter, dir string, start time.Time, added, failed, warnings int) error {
	sum, err := ex.Close()
	if err != nil {
		ex.Abort()
		return fmt.Errorf("export: %w", err)
	}
	if c.Bool("json") {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			*graph.ExportSummary
			Failed   int     `json:"failed"`
			Warnings int     `json:"warnings"`
			Seconds  float64 `json:"seconds"`
		}{sum, failed, warnings, time.Since(start).Seconds()}); err != nil {
			return err
		}
	} else {
		out := c.App.Writer
		fmt.Fprintf(out, "reports: %d exported (%d read, %d replaced by a later version, %d identical versions ignored), %d failed\n",
			sum.Reports, added, sum.Replaced, sum.Ignored, failed)
		fmt.Fprintf(out, "graph: %d nodes, %d relationships in %d files under %s (%.1f s)\n",
			sum.Nodes, sum.Relationships, len(sum.Files), dir, time.Since(start).Seconds())
		if warnings > 0 {
			fmt.Fprintf(out, "%d part(s) of extractions skipped\n", warnings)
		}
		fmt.Fprintf(out, "\nWith the Neo4j server stopped, import with %s (or this command), then start the server and run kg schema apply:\n\n%s\n",
			sum.CommandFile, sum.Command)
	}
	if failed > 0 {
		return withCode(exitPartial, fmt.Errorf("export: %d input(s) failed", failed))
	}
	return nil
}
