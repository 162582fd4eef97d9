package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Exit codes, in one place.
const (
	exitOK          = 0 // everything worked
	exitFailure     = 1 // the command failed
	exitUsage       = 2 // bad flags or arguments
	exitPartial     = 3 // the batch ran, but some inputs failed
	exitUnavailable = 4 // Neo4j could not be reached
	exitAuth        = 5 // Neo4j refused the credentials
)

// exitError carries an exit code with an error message for the user.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// withCode attaches an exit code to err.
func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// usageError reports bad command-line use.
func usageError(format string, a ...any) error {
	return withCode(exitUsage, fmt.Errorf(format, a...))
}

// exitCode prints err as one line and returns the process exit code.
func exitCode(err error, w io.Writer) int {
	if err == nil {
		return exitOK
	}
	code := exitFailure
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	msg := explainError(err.Error())
	fmt.Fprintf(w, "kg: %s\n", safeLine(msg))
	return code
}

// explainError rewrites the driver's messages that say less than kg can,
// matching their text (the driver's errors are classified in graph/, which
// leaves these as they come):
//
//   - TLS asked of a server that does not speak it (neo4j+s:// or
//     bolt+s:// to a plain port): not the "start it" hint, which would
//     send the user after a server that runs;
//   - an unknown database: one line naming it and how to list or create
//     databases, instead of the driver's Neo4jError.
func explainError(msg string) string {
	switch {
	case strings.Contains(msg, "check that TLS is enabled on the server"),
		strings.Contains(msg, "first record does not look like a TLS handshake"):
		at := ""
		if m := reachAt.FindStringSubmatch(msg); m != nil {
			at = " at " + m[1]
		}
		return "cannot reach Neo4j" + at + ": the server does not speak TLS on this port: use neo4j:// or bolt:// (or enable TLS on the server)"
	case strings.Contains(msg, "DatabaseNotFound"):
		name := ""
		for _, re := range databaseName {
			if m := re.FindStringSubmatch(msg); m != nil {
				name = m[1]
				break
			}
		}
		if name == "" {
			return fmt.Sprintf("Neo4j has no such database (--database/NEO4J_DATABASE): list them with SHOW DATABASES (cypher-shell or the browser), or use the default, %s", defaultDatabase)
		}
		return fmt.Sprintf("Neo4j has no database %q (--database/NEO4J_DATABASE): list them with SHOW DATABASES (cypher-shell or the browser), create it with CREATE DATABASE `%s` (Enterprise Edition), or use the default, %s",
			name, name, defaultDatabase)
	}
	return msg
}

var (
	// reachAt finds the address in graph's "cannot reach Neo4j at URI: …".
	reachAt = regexp.MustCompile(`cannot reach Neo4j at (\S+):`)
	// databaseName finds the database in the server's messages.
	databaseName = []*regexp.Regexp{
		regexp.MustCompile(`for database '([^']*)'`),              // Unable to get a routing table for database 'x' because this database does not exist
		regexp.MustCompile(`Graph not found: ([^\s)]+)`),          // Graph not found: x
		regexp.MustCompile(`Database name: '([^']*)'`),            // Database does not exist. Database name: 'x'.
		regexp.MustCompile(`has no database "((?:[^"\\]|\\.)*)"`), // graph's own wording
	}
)

// safeLine is a message fit for one line of a terminal: no password
// (see redact), and control characters escaped (a newline in a file name
// or report id cannot split it, an escape sequence cannot drive the
// terminal).
func safeLine(s string) string {
	return escapeControls(redact(s), false)
}

// escapeControls escapes C0 and C1 control characters, DEL and bytes that
// are not UTF-8 as \n, \r, \t, \x1b, \u009b…, keeping newlines and tabs
// when keepLines. A C1 control is written \u009b, which JSON reads as the
// same character.
func escapeControls(s string, keepLines bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7F || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xA0:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// uriUserinfo finds the user information of a Neo4j URI in a message,
// with or without "//" (neo4j://user:pw@host, neo4j:pw@host).
var uriUserinfo = regexp.MustCompile(`\b((?:neo4j|bolt)(?:\+s|\+ssc)?:)(//)?([^\s@/"'` + "`" + `]*)@`)

var secrets struct {
	mu   sync.Mutex
	list []string
}

// addSecret makes redact hide s (a password) wherever it appears. Very
// short strings are left alone: they would hide ordinary words.
func addSecret(s string) {
	if len(s) < 4 {
		return
	}
	secrets.mu.Lock()
	defer secrets.mu.Unlock()
	for _, x := range secrets.list {
		if x == s {
			return
		}
	}
	secrets.list = append(secrets.list, s)
}

// redact hides passwords in a message: the user information of any Neo4j
// URI in it (neo4j://user:secret@host → neo4j://user:xxxxx@host; without
// "//", neo4j:secret@host → neo4j:xxxxx@host, since it cannot be told
// from a user name), and the passwords given to kg.
func redact(s string) string {
	s = uriUserinfo.ReplaceAllStringFunc(s, func(m string) string {
		p := uriUserinfo.FindStringSubmatch(m)
		scheme, slashes, info := p[1], p[2], p[3]
		if slashes != "" {
			if user, _, ok := strings.Cut(info, ":"); ok {
				return scheme + slashes + user + ":xxxxx@"
			}
			return m // a user name only
		}
		return scheme + "xxxxx@"
	})
	secrets.mu.Lock()
	defer secrets.mu.Unlock()
	for _, x := range secrets.list {
		s = strings.ReplaceAll(s, x, "xxxxx")
	}
	return s
}
