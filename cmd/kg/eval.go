package main

import (
	"fmt"
	"os"
	"path/filepath"
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
		Description: `Extracts every report DIR/<id>.txt that has a gold file DIR/<id>.json
beside it and prints precision, recall and F1 per category (persons, HOLDS
strict and lenient, roles, events and their dates, places, commended,
tenure), micro-averaged over all reports, and the reports with the most
misses. --misses lists every missing and spurious item.`,
		ArgsUsage: "DIR",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "misses", Usage: "list every missing and spurious item"},
			&cli.IntFlag{Name: "worst", Value: 5, Usage: "how many of the worst reports to name"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError("eval: name one DIR with reports and their gold .json files")
			}
			dir := c.Args().First()
			golds, err := filepath.Glob(filepath.Join(dir, "*.json"))
			if err != nil || len(golds) == 0 {
				return usageError("eval: no gold .json files in %s", dir)
			}
			p, err := pipeline.New(pipeline.Options{})
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			var results []eval.Result
			for _, gp := range golds {
				g, err := eval.LoadGold(gp)
				if err != nil {
					return fmt.Errorf("eval: %w", err)
				}
				txt := strings.TrimSuffix(gp, ".json") + ".txt"
				var rerr error
				err = input.Read([]string{txt}, nil, input.Options{}, func(r input.Report, e error) error {
					if e != nil {
						rerr = e
						return nil
					}
					x, err := p.Extract(r.Meta, r.Text)
					if err != nil {
						rerr = err
						return nil
					}
					if g.ID == "" {
						g.ID = r.Meta.ID
					}
					results = append(results, eval.Score(x, g))
					return nil
				})
				if err == nil {
					err = rerr
				}
				if err != nil {
					return fmt.Errorf("eval: %s: %w", txt, err)
				}
			}
			eval.Report(os.Stdout, results, c.Int("worst"), c.Bool("misses"))
			return nil
		},
	}
}
