package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/eval"
	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score extraction against gold annotations (precision, recall, F1)",
		Description: `Extracts every report in DIR (text, HTML, JSON Lines) that has a gold file
<id>.json (beside it, or in --gold) and prints precision, recall and F1 per category (persons, HOLDS
strict and lenient, roles, events and their dates, places, commended,
tenure), micro-averaged over all reports, and the reports with the most
misses. --misses lists every missing and spurious item.`,
		ArgsUsage: "DIR",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "misses", Usage: "list every missing and spurious item"},
			&cli.IntFlag{Name: "worst", Value: 5, Usage: "how many of the worst reports to name"},
			&cli.StringFlag{Name: "gold", Usage: "folder of the gold files (default: DIR itself)"},
		},
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) != 1 {
				return usageError("eval: name one DIR with reports and their gold .json files")
			}
			dir := args[0]
			goldDir := c.String("gold")
			if goldDir == "" {
				goldDir = dir
			}
			golds, err := filepath.Glob(filepath.Join(goldDir, "*.json"))
			if err != nil || len(golds) == 0 {
				return usageError("eval: no gold .json files in %s", goldDir)
			}
			gold := map[string]*eval.Gold{}
			for _, gp := range golds {
				g, err := eval.LoadGold(gp)
				if err != nil {
					return fmt.Errorf("eval: %w", err)
				}
				if g.ID == "" {
					g.ID = strings.TrimSuffix(filepath.Base(gp), ".json")
				}
				gold[g.ID] = g
			}
			// the reports: every input file of DIR but the gold files
			entries, err := os.ReadDir(dir)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
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
				return fmt.Errorf("eval: %w", err)
			}
			var results []eval.Result
			seen := map[string]bool{}
			err = input.Read(paths, nil, input.Options{}, func(r input.Report, rerr error) error {
				if rerr != nil {
					fmt.Fprintf(c.App.ErrWriter, "kg: %v\n", rerr)
					return nil
				}
				g := gold[r.Meta.ID]
				if g == nil {
					return nil // a report without gold is not scored
				}
				x, err := p.Extract(r.Meta, r.Text)
				if err != nil {
					return fmt.Errorf("%s: %w", r.Path, err)
				}
				seen[g.ID] = true
				results = append(results, eval.Score(x, g))
				return nil
			})
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			for id := range gold {
				if !seen[id] {
					fmt.Fprintf(c.App.ErrWriter, "kg: eval: gold %s has no report in %s\n", id, dir)
				}
			}
			sort.Slice(results, func(i, j int) bool { return results[i].ID < results[j].ID })
			eval.Report(c.App.Writer, results, c.Int("worst"), c.Bool("misses"))
			return nil
		},
	}
}
