package main

import "github.com/urfave/cli/v2"

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the entities and relations of each report as JSON Lines",
		ArgsUsage: "PATH...",
		Action: func(c *cli.Context) error {
			return withCode(exitFailure, errNotYet("extract"))
		},
	}
}
