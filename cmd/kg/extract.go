package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:  "extract",
		Usage: "print the entities and relations of each report as JSON Lines",
		Description: `Reads reports (files, directories, JSON Lines, or - for standard input)
and prints one JSON object per report: its metadata, its entities (Person,
Post, Organization, Place, Event) and its relations (HOLDS, CHAIRED,
SPOKE_AT, ATTENDED, COMMENDED, …), each relation with the span of the raw
text that proves it. Nothing is written to Neo4j.

report.id is as FORMAT.md (shared/eval) defines it, and as gold files and
score.py match it: the record's "id", else a "# id:" header line, else the
file's name without its extension ("reports/042.txt" gives "042").
--id-from-file-name=false gives the id kg ingest keys the report by in the
graph instead: the record's "id", else "# id:", else the source address,
else "sha256:" and 16 hex digits of the text's sha256.

--for-load writes what kg ingest --extracted and kg export --extracted load,
so that extraction can run on other machines (scale/beam runs it on
Apache Beam): each report also carries its raw text as read
(report.text; report.hash is its sha256), the kg version and the
recogniser's model version (report.kg_version, report.model_version), and
its id is the graph's (--id-from-file-name defaults to false, as in kg
ingest). Reports over --max-bytes (10MiB, as kg ingest) are refused.`,
		ArgsUsage: "PATH...",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "pretty", Usage: "indent the JSON (one report spans several lines)"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "reports extracted at once (default: all cores)"},
			&cli.BoolFlag{Name: "id-from-file-name", Value: true, Usage: "a report without a stated id is named by its file name (042.txt: 042), as FORMAT.md and gold files say; =false for kg ingest's ids (the default with --for-load)"},
			&cli.BoolFlag{Name: "for-load", Usage: "add what kg ingest --extracted needs: report.text, report.kg_version, report.model_version; the graph's ids"},
			&cli.StringFlag{Name: "max-bytes", Value: "10MiB", Usage: "largest report accepted, as stored (as kg ingest --max-bytes)"},
		},
		Action: func(c *cli.Context) error {
			paths, err := positional(c)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return usageError("extract: name at least one PATH (a file, a directory, or - for standard input)")
			}
			forLoad := c.Bool("for-load")
			inOpt := input.Options{IDFromFileName: c.Bool("id-from-file-name")}
			if forLoad && !c.IsSet("id-from-file-name") {
				inOpt.IDFromFileName = false // the graph's ids, as kg ingest
			}
			if inOpt.MaxBytes, err = parseSize(c.String("max-bytes")); err != nil {
				return usageError("extract: --max-bytes: %v", err)
			}
			var kgV, modelV string
			if forLoad {
				kgV = kgVersion()
				if modelV, err = modelVersion(); err != nil {
					return fmt.Errorf("extract: the recogniser's model: %w", err)
				}
			}
			p, err := pipeline.New(pipeline.Options{})
			if err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			out := bufio.NewWriter(c.App.Writer)
			defer out.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if c.Bool("pretty") {
				enc.SetIndent("", "  ")
			}
			failed := 0
			ctx := c.Context
			next := readJobs(ctx, paths, os.Stdin, inOpt, func(r input.Report, j pipeline.Job) {
				for _, d := range r.Damage { // damaged text is said, never silently replaced
					fmt.Fprintf(c.App.ErrWriter, "kg: %s: warning: %s\n", jobSource(j), d)
				}
			})
			err = p.Parallel(ctx, c.Int("workers"), next, func(r pipeline.Result) error {
				if r.Err != nil {
					failed++
					fmt.Fprintf(c.App.ErrWriter, "kg: %v\n", r.Err)
					return nil
				}
				if forLoad {
					r.X.Report.Text, r.X.Report.KGVersion, r.X.Report.ModelVersion = r.Job.Text, kgV, modelV
				}
				return enc.Encode(r.X)
			})
			if err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			if failed > 0 {
				return withCode(exitPartial, fmt.Errorf("extract: %d input(s) failed", failed))
			}
			return nil
		},
	}
}
