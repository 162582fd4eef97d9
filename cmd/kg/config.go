package main

import (
	"net/url"
	"strings"

	"github.com/urfave/cli/v2"
)

// Local defaults: the server that scripts/neo4j.sh and docker-compose.yml start.
const (
	defaultURI      = "neo4j://localhost:7687"
	defaultUser     = "neo4j"
	defaultPassword = "kg-local-password"
	defaultDatabase = "neo4j"
)

func neo4jFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "uri", Value: defaultURI, EnvVars: []string{"NEO4J_URI"}, Usage: "Neo4j URI (bolt://, neo4j://, neo4j+s://)",
			Action: func(_ *cli.Context, uri string) error { return checkURI(uri) }},
		&cli.StringFlag{Name: "username", Aliases: []string{"u"}, Value: defaultUser, EnvVars: []string{"NEO4J_USERNAME"}, Usage: "Neo4j user"},
		&cli.StringFlag{Name: "password", Aliases: []string{"p"}, Value: defaultPassword, EnvVars: []string{"NEO4J_PASSWORD"},
			Usage: "Neo4j password; on the command line it is visible to every user of the machine (ps, /proc): prefer NEO4J_PASSWORD", DefaultText: "the local default"},
		&cli.StringFlag{Name: "database", Aliases: []string{"d"}, Value: defaultDatabase, EnvVars: []string{"NEO4J_DATABASE"}, Usage: "Neo4j database"},
	}
}

// neo4jConfig is the connection configuration read from flags and environment.
type neo4jConfig struct {
	URI, Username, Password, Database string
}

// configFrom reads the connection configuration. Its passwords (the
// --password and any in the URI) are from then on hidden in every message
// kg prints (see redact).
func configFrom(c *cli.Context) neo4jConfig {
	cfg := neo4jConfig{
		URI:      c.String("uri"),
		Username: c.String("username"),
		Password: c.String("password"),
		Database: c.String("database"),
	}
	addSecret(cfg.Password)
	if u, err := url.Parse(cfg.URI); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok {
			addSecret(pw)
		}
	}
	return cfg
}

// neo4jSchemes are the URI schemes of the Neo4j driver.
var neo4jSchemes = []string{"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}

// checkURI refuses a Neo4j URI that the driver would misread, such as one
// without "//" (neo4j:secret@host, taken for a path: the password would
// reach the error message), with one line that shows no password.
func checkURI(uri string) error {
	scheme, rest, ok := strings.Cut(uri, "://")
	valid := false
	for _, s := range neo4jSchemes {
		valid = valid || strings.EqualFold(scheme, s)
	}
	if ok && valid && rest != "" && !strings.HasPrefix(rest, "/") {
		return nil
	}
	return usageError("--uri/NEO4J_URI %q is not a Neo4j URI: write it as neo4j://host:7687 (or bolt://, neo4j+s://…), with the user and password in NEO4J_USERNAME and NEO4J_PASSWORD",
		redact(uri))
}
