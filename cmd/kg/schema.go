package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/schema"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "apply, verify or show the graph schema (labels, keys, constraints, indexes)",
		Description: `The schema is a list of named, versioned migrations (constraints and
indexes, each created IF NOT EXISTS); the database records the ones applied
as (:__KgMigration {version, name, checksum}) nodes. kg ingest applies them
itself, so "kg schema apply" is only needed to prepare an empty database.`,
		Subcommands: []*cli.Command{
			{
				Name:  "apply",
				Usage: "apply the migrations the database does not have yet (idempotent)",
				Action: func(c *cli.Context) error {
					cl, err := openGraph(c)
					if err != nil {
						return err
					}
					defer cl.Close(c.Context)
					res, err := cl.ApplySchema(c.Context)
					for _, m := range res {
						what := "already applied"
						if m.Applied {
							what = "applied"
						}
						fmt.Fprintf(c.App.Writer, "V%d %s: %s\n", m.Version, m.Name, what)
					}
					if err != nil {
						return graphError(fmt.Errorf("schema apply: %w", err))
					}
					return nil
				},
			},
			{
				Name:  "verify",
				Usage: "check that the database has every constraint, index and migration; exit 1 listing what is missing",
				Action: func(c *cli.Context) error {
					cl, err := openGraph(c)
					if err != nil {
						return err
					}
					defer cl.Close(c.Context)
					probs, err := cl.CheckSchema(c.Context)
					if err != nil {
						return graphError(fmt.Errorf("schema verify: %w", err))
					}
					if len(probs) == 0 {
						fmt.Fprintf(c.App.Writer, "schema OK: %d migrations, %d constraints and indexes\n",
							len(schema.Migrations), len(schema.Expected()))
						return nil
					}
					for _, p := range probs {
						fmt.Fprintf(c.App.Writer, "%s\n", p)
					}
					return withCode(exitFailure, fmt.Errorf("schema verify: %d problem(s); run `kg schema apply`", len(probs)))
				},
			},
			{
				Name:  "show",
				Usage: "print the graph model: labels and keys, relationships and their endpoints, migrations",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "cypher", Usage: "print only the migrations' Cypher statements, one per line"},
				},
				Action: func(c *cli.Context) error {
					if c.Bool("cypher") {
						for _, m := range schema.Migrations {
							fmt.Fprintf(c.App.Writer, "// V%d %s\n%s;\n", m.Version, m.Name, strings.Join(m.Statements(), ";\n"))
						}
						return nil
					}
					fmt.Fprint(c.App.Writer, schema.Describe())
					return nil
				},
			},
		},
	}
}

// openGraph connects to Neo4j with the global --uri/--username/--password/
// --database flags (or NEO4J_* variables).
func openGraph(c *cli.Context) (*graph.Client, error) {
	cfg := configFrom(c)
	cl, err := graph.Open(c.Context, graph.Config{URI: cfg.URI, Username: cfg.Username, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		return nil, graphError(err)
	}
	return cl, nil
}

// graphError gives a graph error its exit code: 4 when Neo4j cannot be
// reached, 5 when it refuses the credentials, else 1.
func graphError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, graph.ErrUnavailable):
		return withCode(exitUnavailable, err)
	case errors.Is(err, graph.ErrAuth):
		return withCode(exitAuth, err)
	}
	return withCode(exitFailure, err)
}
