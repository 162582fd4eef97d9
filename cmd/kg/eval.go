package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/eval"
	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score extraction against gold annotations (precision, recall, F1)",
		Description: `Extracts every report in DIR (text, HTML, JSON Lines; not its subfolders)
and scores those that have a gold file <id>.json (beside them, or in --gold)
exactly as the reference scorer shared/eval/score.py does on the output of
kg extract: precision, recall and F1 per category (persons, HOLDS strict and
lenient, roles and each role, events and the accuracy of their dates,
places, commended, tenure), micro-averaged over the reports, and the
reports with the most misses. A kg-only line gives the share of reports
whose jurisdiction was found.

--system FILE scores a saved kg extract output (JSON Lines) instead of
extracting; DIR is then only the folder of the gold files (or give --gold).

--json prints score.py's JSON object (same keys, same figures, rounded to 4
decimals), with the kg-only figures under "kg_extra".

--split FILE (the project's is eval/dev-split.txt) reads a fixed split:
lines "held-out ID ID ...", "#" comments; every other gold id is "develop".
The develop, held-out and all reports are then scored separately (with
--json: one object {"develop": ..., "held-out": ..., "all": ...}; the
"system" count of develop and held-out is of their own reports). For
held-out reports --misses prints only the number of misses per category,
never the items: they are not to be read. Without --split (and without
--json), the project's own split (eval/dev-split.txt, built in) is used
when DIR holds any of its held-out reports; --split none scores all
reports together.

--misses lists every missing and spurious item (and events matched with the
wrong date).`,
		ArgsUsage: "DIR",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "misses", Usage: "list every missing and spurious item (counts only for held-out reports)"},
			&cli.IntFlag{Name: "worst", Value: 5, Usage: "how many of the worst reports to name"},
			&cli.StringFlag{Name: "gold", Usage: "folder of the gold files (default: DIR itself)"},
			&cli.StringFlag{Name: "system", Usage: "score this kg extract output (JSON Lines) instead of extracting DIR"},
			&cli.BoolFlag{Name: "json", Usage: "print score.py's JSON object (plus \"kg_extra\")"},
			&cli.StringFlag{Name: "split", Usage: "score develop and held-out reports apart, by this split file (eval/dev-split.txt)"},
		},
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			sysFile := c.String("system")
			if len(args) > 1 || (len(args) == 0 && (sysFile == "" || c.String("gold") == "")) {
				return usageError("eval: name one DIR with reports and their gold .json files (or --system FILE with --gold or DIR)")
			}
			var dir string
			if len(args) == 1 {
				dir = args[0]
			}
			goldDir := c.String("gold")
			if goldDir == "" {
				goldDir = dir
			}
			gold, err := eval.LoadGoldDir(goldDir)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			if len(gold) == 0 {
				return usageError("eval: no gold .json files in %s", goldDir)
			}
			var held map[string]bool
			if sp := c.String("split"); sp == "" && !c.Bool("json") {
				if h := eval.ProjectSplit(); anyOf(gold, h) {
					held = h
					fmt.Fprintln(c.App.ErrWriter, "kg: eval: scoring develop and held-out apart by the project's split (eval/dev-split.txt); --split none scores all together")
				}
			} else if sp != "" && sp != "none" {
				f, err := os.Open(sp)
				if err != nil {
					return usageError("eval: --split: %v", err)
				}
				held, err = eval.ReadSplit(f)
				f.Close()
				if err != nil {
					return usageError("eval: --split %s: %v", sp, err)
				}
			}
			var sys map[string]*doc.Extraction
			if sysFile != "" {
				sys, err = readSystemFile(sysFile)
			} else {
				sys, err = extractDir(c, dir, gold)
			}
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			for _, id := range sortedKeys(gold) {
				if sys[id] == nil {
					where := dir
					if sysFile != "" {
						where = sysFile
					}
					fmt.Fprintf(c.App.ErrWriter, "kg: eval: gold %s has no report in %s\n", id, where)
				}
			}
			results := eval.ScoreAll(gold, sys)
			all := eval.Total(results)
			all.System = len(sys) // as score.py: every report of the system output
			w := c.App.Writer
			if held == nil {
				if c.Bool("json") {
					fmt.Fprintf(w, "%s\n", all.JSON())
					return nil
				}
				if c.Bool("misses") {
					eval.WriteMisses(w, results, nil)
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "most misses: %s\n", eval.Worst(results, c.Int("worst")))
				all.WriteTable(w)
				return nil
			}
			var dev, ho []eval.Result
			for _, r := range results {
				if held[r.ID] {
					ho = append(ho, r)
				} else {
					dev = append(dev, r)
				}
			}
			for _, id := range sortedKeys(held) {
				if gold[id] == nil {
					fmt.Fprintf(c.App.ErrWriter, "kg: eval: held-out %s has no gold file in %s\n", id, goldDir)
				}
			}
			if c.Bool("json") {
				fmt.Fprintf(w, "{\"develop\": %s, \"held-out\": %s, \"all\": %s}\n",
					eval.Total(dev).JSON(), eval.Total(ho).JSON(), all.JSON())
				return nil
			}
			if c.Bool("misses") {
				eval.WriteMisses(w, results, func(id string) bool { return held[id] })
				fmt.Fprintln(w)
			}
			for i, part := range []struct {
				name, what string
				results    []eval.Result
				sum        eval.Summary
			}{
				{"develop", "the reports the rules were developed on", dev, eval.Total(dev)},
				{"held-out", "only scored, never read: the nearest to unseen reports", ho, eval.Total(ho)},
				{"all", "both together, as score.py on the whole folder", results, all},
			} {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "== %s ==\n(%s)\nmost misses: %s\n", part.name, part.what, eval.Worst(part.results, c.Int("worst")))
				part.sum.WriteTable(w)
			}
			return nil
		},
	}
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func readSystemFile(path string) (map[string]*doc.Extraction, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	sys, err := eval.ReadSystem(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sys, nil
}

// extractDir extracts the reports of dir (every input file but the gold
// files) that have gold, as kg extract would; the others are counted (as
// score.py counts every report of its input) but not extracted. A report
// that cannot be read or extracted is named on stderr and left out.
func extractDir(c *cli.Context, dir string, gold map[string]*eval.Gold) (map[string]*doc.Extraction, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") || strings.EqualFold(e.Name(), "README.md") {
			continue
		}
		paths = append(paths, filepath.Join(dir, e.Name()))
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, err
	}
	sys := map[string]*doc.Extraction{}
	// Gold files are named by the report's file name (shared/eval/FORMAT.md),
	// so the reports are too, whatever their header lines say.
	err = input.Read(paths, nil, input.Options{IDFromFileName: true}, func(r input.Report, rerr error) error {
		if rerr != nil {
			fmt.Fprintf(c.App.ErrWriter, "kg: %v\n", rerr)
			return nil
		}
		if gold[r.Meta.ID] == nil {
			sys[r.Meta.ID] = &doc.Extraction{Report: doc.Report{ID: r.Meta.ID}} // counted, not scored
			return nil
		}
		x, err := p.Extract(r.Meta, r.Text)
		if err != nil {
			fmt.Fprintf(c.App.ErrWriter, "kg: %s: %v\n", r.Path, err)
			return nil
		}
		sys[r.Meta.ID] = x
		return nil
	})
	return sys, err
}

// anyOf reports whether any gold id is in the set.
func anyOf(gold map[string]*eval.Gold, set map[string]bool) bool {
	for id := range gold {
		if set[id] {
			return true
		}
	}
	return false
}
