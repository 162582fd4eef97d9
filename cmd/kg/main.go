// Command kg builds a knowledge graph of officials, posts and events from
// Chinese government news reports and loads it into Neo4j.
package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

func main() {
	os.Exit(run(os.Args))
}

func run(args []string) int {
	app := newApp()
	err := app.Run(args)
	return exitCode(err, os.Stderr)
}

func newApp() *cli.App {
	cmds := commands()
	for _, c := range cmds {
		setUsageErrors(c)
	}
	return &cli.App{
		OnUsageError: onUsageError,
		Name:         "kg",
		Usage:        "build a knowledge graph of officials, posts and events from Chinese government reports",
		Description: `kg reads reports (text files, directories, JSON Lines or standard input),
extracts the people, posts, organisations, places and events they name and
the relations between them (who holds which post, who chaired, spoke at or
attended what), each with the span of the original text that proves it, and
loads them into Neo4j.

Neo4j connection settings are read from flags or from the environment
variables that Neo4j's own tools use: NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE.`,
		Flags:                neo4jFlags(),
		Commands:             cmds,
		EnableBashCompletion: true,
		HideHelpCommand:      false,
		ExitErrHandler:       func(*cli.Context, error) {}, // exit codes are decided in exitCode
		Writer:               os.Stdout,
		ErrWriter:            os.Stderr,
	}
}

// commands lists kg's commands; each lives in a file of its own.
func commands() []*cli.Command {
	return []*cli.Command{
		extractCommand(),
		evalCommand(),
		ingestCommand(),
		exportCommand(),
		schemaCommand(),
		whoHoldsCommand(),
		personCommand(),
		rosterCommand(), changesCommand(),
		reportsCommand(),
		reportCommand(),
		deleteCommand(),
		trainCommand(),
		serveCommand(),
	}
}

// onUsageError turns urfave/cli's flag errors (unknown flag, bad value)
// into usage errors, exit code 2.
func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usageError("%v", err)
}

func setUsageErrors(c *cli.Command) {
	if c.OnUsageError == nil {
		c.OnUsageError = onUsageError
	}
	for _, sub := range c.Subcommands {
		setUsageErrors(sub)
	}
}
