package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func errNotYet(name string) error { return fmt.Errorf("%s: not built yet", name) }

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score extraction against gold annotations (precision, recall, F1)",
		ArgsUsage: "DIR",
		Action: func(c *cli.Context) error {
			return withCode(exitFailure, errNotYet("eval"))
		},
	}
}
