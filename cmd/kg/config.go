package main

import "github.com/urfave/cli/v2"

// Local defaults: the server that scripts/neo4j.sh and docker-compose.yml start.
const (
	defaultURI      = "neo4j://localhost:7687"
	defaultUser     = "neo4j"
	defaultPassword = "kg-local-password"
	defaultDatabase = "neo4j"
)

func neo4jFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "uri", Value: defaultURI, EnvVars: []string{"NEO4J_URI"}, Usage: "Neo4j URI (bolt://, neo4j://, neo4j+s://)"},
		&cli.StringFlag{Name: "username", Aliases: []string{"u"}, Value: defaultUser, EnvVars: []string{"NEO4J_USERNAME"}, Usage: "Neo4j user"},
		&cli.StringFlag{Name: "password", Aliases: []string{"p"}, Value: defaultPassword, EnvVars: []string{"NEO4J_PASSWORD"}, Usage: "Neo4j password", DefaultText: "the local default"},
		&cli.StringFlag{Name: "database", Aliases: []string{"d"}, Value: defaultDatabase, EnvVars: []string{"NEO4J_DATABASE"}, Usage: "Neo4j database"},
	}
}

// neo4jConfig is the connection configuration read from flags and environment.
type neo4jConfig struct {
	URI, Username, Password, Database string
}

func configFrom(c *cli.Context) neo4jConfig {
	return neo4jConfig{
		URI:      c.String("uri"),
		Username: c.String("username"),
		Password: c.String("password"),
		Database: c.String("database"),
	}
}
