package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func TestCheckURI(t *testing.T) {
	tests := []struct {
		name, uri string
		ok        bool
	}{
		{"neo4j://", "neo4j://localhost:7687", true},
		{"bolt://", "bolt://127.0.0.1:7687", true},
		{"neo4j+s:// (Aura)", "neo4j+s://abcd.databases.neo4j.io", true},
		{"bolt+ssc://", "bolt+ssc://host", true},
		{"a password in a proper URI", "neo4j://neo4j:secret@host:7687", true},
		{"without // (neo4j:pw@host)", "neo4j:pw-secret@host", false},
		{"without //, user and password", "neo4j:neo4j:pw-secret@host:7687", false},
		{"no scheme", "localhost:7687", false},
		{"another scheme", "http://localhost:7474", false},
		{"no host", "neo4j://", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkURI(tt.uri)
			if (err == nil) != tt.ok {
				t.Fatalf("checkURI(%q) = %v, want ok %v", tt.uri, err, tt.ok)
			}
			if err != nil && strings.Contains(err.Error(), "pw-secret") {
				t.Errorf("the message shows the password: %v", err)
			}
		})
	}
}

// TestURIWithoutSlashesNeverShowsThePassword: neo4j:pw@host, by flag or
// environment, is a usage error whose line hides the password.
func TestURIWithoutSlashesNeverShowsThePassword(t *testing.T) {
	tests := []struct {
		name string
		env  string
		args []string
	}{
		{"--uri", "", []string{"--uri", "neo4j:pw-secret@127.0.0.1", "who-holds", "区长"}},
		{"--uri, user and password", "", []string{"--uri", "neo4j:neo4j:pw-secret@127.0.0.1:7687", "person", "张三"}},
		{"NEO4J_URI", "neo4j:pw-secret@127.0.0.1", []string{"schema", "verify"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("NEO4J_URI", tt.env)
			}
			code, out, stderr := runKG(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if strings.Contains(out+stderr, "pw-secret") {
				t.Errorf("the password shows:\n%s%s", out, stderr)
			}
			if !strings.Contains(stderr, "is not a Neo4j URI") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("want one line saying the URI is not one:\n%s", stderr)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	addSecret("s3cr3t-pw")
	tests := []struct {
		name, in, want string
	}{
		{"user and password", "cannot reach Neo4j at neo4j://neo4j:abc@host:7687: refused", "cannot reach Neo4j at neo4j://neo4j:xxxxx@host:7687: refused"},
		{"without //", `bad Neo4j URI "neo4j:abc@host"`, `bad Neo4j URI "neo4j:xxxxx@host"`},
		{"without //, user and password", "at bolt+s:neo4j:abc@host: x", "at bolt+s:xxxxx@host: x"},
		{"a user only", "at neo4j://neo4j@host", "at neo4j://neo4j@host"},
		{"no user", "at neo4j://localhost:7687", "at neo4j://localhost:7687"},
		{"a password given to kg", "auth failed for s3cr3t-pw", "auth failed for xxxxx"},
		{"a report id with @", "x.txt: report a@b: rejected", "x.txt: report a@b: rejected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := redact(tt.in); got != tt.want {
				t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeControls(t *testing.T) {
	tests := []struct {
		name, in  string
		keepLines bool
		want      string
	}{
		{"plain", "reports/x.txt: empty file", false, "reports/x.txt: empty file"},
		{"Chinese", "青河县委书记", false, "青河县委书记"},
		{"a newline", "a\nb.txt: empty", false, `a\nb.txt: empty`},
		{"CR and tab", "a\rb\tc", false, `a\rb\tc`},
		{"an escape sequence", "id\x1b[2J\x1b]0;pwned\x07", false, `id\x1b[2J\x1b]0;pwned\x07`},
		{"a C1 CSI", "id\u009b2J", false, `id\u009b2J`},
		{"DEL", "a\x7fb", false, `a\x7fb`},
		{"a byte that is not UTF-8", "a\xffb", false, `a\xffb`},
		{"lines kept for a terminal's output", "row 1\tx\nrow\x1b[31m 2\n", true, "row 1\tx\nrow\\x1b[31m 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeControls(tt.in, tt.keepLines); got != tt.want {
				t.Errorf("escapeControls(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestErrorLinesStayOneLine: a file name or report id with a newline or an
// escape sequence cannot split an error line or reach the terminal, in
// the console's lines and in the final error.
func TestErrorLinesStayOneLine(t *testing.T) {
	tests := []struct {
		name  string
		write func(c *console, w io.Writer)
	}{
		{"console error line", func(c *console, _ io.Writer) {
			c.errorf("%s: report %s: %v", "a\nb.txt", "id\x1b[2J", errors.New("rejected"))
		}},
		{"console status line", func(c *console, _ io.Writer) { c.outf("%s: %s", "id\n\x1b[2J", "new") }},
		{"the final error", func(_ *console, w io.Writer) { exitCode(errors.New("ingest: a\nb.txt\x1b[2J: failed"), w) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			c := newConsole(&b, &b, false)
			tt.write(c, &b)
			got := b.String()
			if strings.Count(got, "\n") != 1 || !strings.HasSuffix(got, "\n") || strings.ContainsAny(got, "\x1b\r") {
				t.Errorf("not one safe line: %q", got)
			}
		})
	}
}

// TestQueryOutputToATerminalIsEscaped: who-holds and person print what the
// reports said (names, ids, evidence); on a terminal its control
// characters are escaped, to a file or pipe it is left as it is.
func TestQueryOutputToATerminalIsEscaped(t *testing.T) {
	const evil = "r1\x1b]0;pwned\x07\x1b[2J\u009b2J"
	holders := []graph.Holding{{Person: "赵某", Context: "青河县", Post: "青河县县长", Tenure: graph.Tenure{Reports: []string{evil}}}}
	profiles := []graph.Profile{{Name: "赵某", Context: "青河县", Key: "k", Reports: []string{evil}}}
	tests := []struct {
		name  string
		print func(w io.Writer)
	}{
		{"who-holds", func(w io.Writer) { printHolders(w, "青河县县长", "", graph.MatchExact, holders) }},
		{"person", func(w io.Writer) { printProfiles(w, "赵某", graph.MatchExact, profiles) }},
		{"who-holds --json", func(w io.Writer) { writeJSON(w, holders) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			master, tty := openPTY(t)
			var seen lockedBuffer
			done := make(chan struct{})
			go func() { io.Copy(&seen, master); close(done) }()
			tt.print(terminalSafe(tty))
			time.Sleep(100 * time.Millisecond)
			tty.Close()
			master.Close()
			<-done
			term := seen.String()
			escaped := `r1\x1b]0;pwned\x07\x1b[2J\u009b2J`
			if tt.name == "who-holds --json" {
				escaped = `r1\u001b]0;pwned\u0007\u001b[2J\u009b2J` // JSON's escapes, and ours for C1, which JSON reads back
			}
			if strings.ContainsAny(term, "\x1b\x07\u009b") || !strings.Contains(term, escaped) {
				t.Errorf("on the terminal: %q", term)
			}
			var b bytes.Buffer
			tt.print(terminalSafe(&b))
			if tt.name != "who-holds --json" && !strings.Contains(b.String(), evil) {
				t.Errorf("to a buffer, the text should be left as it is: %q", b.String())
			}
		})
	}
}

func TestExplainError(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"TLS to a plain server (neo4j+s)",
			"cannot reach Neo4j at neo4j+s://127.0.0.1:7687: ConnectivityError: Unable to retrieve routing table from 127.0.0.1:7687: remote end closed the connection, check that TLS is enabled on the server — start it with `scripts/neo4j.sh start` or `docker compose up -d`",
			"cannot reach Neo4j at neo4j+s://127.0.0.1:7687: the server does not speak TLS on this port: use neo4j:// or bolt:// (or enable TLS on the server)"},
		{"TLS to a plain server (bolt+s)",
			"cannot reach Neo4j at bolt+s://127.0.0.1:7687: ConnectivityError: remote end closed the connection, check that TLS is enabled on the server — start it with `scripts/neo4j.sh start` or `docker compose up -d`",
			"cannot reach Neo4j at bolt+s://127.0.0.1:7687: the server does not speak TLS on this port: use neo4j:// or bolt:// (or enable TLS on the server)"},
		{"TLS handshake refused",
			"connecting: tls: first record does not look like a TLS handshake",
			"cannot reach Neo4j: the server does not speak TLS on this port: use neo4j:// or bolt:// (or enable TLS on the server)"},
		{"unknown database, routing",
			"Neo4jError: Neo.ClientError.Database.DatabaseNotFound (Unable to get a routing table for database 'nosuch' because this database does not exist)",
			"Neo4j has no database \"nosuch\" (--database/NEO4J_DATABASE): list them with SHOW DATABASES (cypher-shell or the browser), create it with CREATE DATABASE `nosuch` (Enterprise Edition), or use the default, neo4j"},
		{"unknown database, bolt",
			"ingest: applying the schema: Neo4jError: Neo.ClientError.Database.DatabaseNotFound (Graph not found: nosuch)",
			"Neo4j has no database \"nosuch\" (--database/NEO4J_DATABASE): list them with SHOW DATABASES (cypher-shell or the browser), create it with CREATE DATABASE `nosuch` (Enterprise Edition), or use the default, neo4j"},
		{"unknown database, Neo4j 4",
			"Neo4jError: Neo.ClientError.Database.DatabaseNotFound (Database does not exist. Database name: 'other'.)",
			"Neo4j has no database \"other\" (--database/NEO4J_DATABASE): list them with SHOW DATABASES (cypher-shell or the browser), create it with CREATE DATABASE `other` (Enterprise Edition), or use the default, neo4j"},
		{"a server that is down keeps its hint",
			"cannot reach Neo4j at neo4j://localhost:7687: dial tcp 127.0.0.1:7687: connect: connection refused — start it with `scripts/neo4j.sh start` or `docker compose up -d`",
			"cannot reach Neo4j at neo4j://localhost:7687: dial tcp 127.0.0.1:7687: connect: connection refused — start it with `scripts/neo4j.sh start` or `docker compose up -d`"},
		{"other errors are left alone", "ingest: 3 of 10 report(s) failed", "ingest: 3 of 10 report(s) failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := explainError(tt.in); got != tt.want {
				t.Errorf("explainError(%q)\n = %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPasswordHelpSaysPreferTheEnvironment(t *testing.T) {
	code, out, stderr := runKG(t, "--help")
	if code != exitOK || !strings.Contains(out+stderr, "visible to every user of the machine (ps, /proc): prefer NEO4J_PASSWORD") {
		t.Errorf("kg --help (exit %d):\n%s%s", code, out, stderr)
	}
}

func TestJobSourceQuotesNames(t *testing.T) {
	tests := []struct {
		name string
		job  pipeline.Job
		want string
	}{
		{"a file", pipeline.Job{Path: "dir/x.txt"}, "dir/x.txt"},
		{"a JSON line", pipeline.Job{Path: "feed.jsonl", Line: 17}, "feed.jsonl:17"},
		{"standard input", pipeline.Job{Path: "-"}, "stdin"},
		{"a newline in the name", pipeline.Job{Path: "a\nb.txt"}, `"a\nb.txt"`},
		{"an escape in a JSON file's name", pipeline.Job{Path: "f\x1b[2J.jsonl", Line: 2}, `"f\x1b[2J.jsonl":2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jobSource(tt.job); got != tt.want {
				t.Errorf("jobSource = %s, want %s", got, tt.want)
			}
		})
	}
}
