// Package graph writes extractions (nlp/doc.Extraction) to Neo4j and reads
// the knowledge graph back for the commands. The model — labels, keys,
// relationship types, constraints — is package schema's; identity rules (how
// the key of a person, post, place… is made) are in IDENTITY.md beside this
// file and in keys.go.
//
// All Cypher is parameterised: labels and relationship types come from
// schema constants, every value from a report travels as a parameter. Writes
// are batched (UNWIND $rows AS row MERGE …) and idempotent (MERGE on
// constrained keys), inside retrying write transactions.
package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Sentinel errors: errors.Is tells the commands which exit code to use.
var (
	// ErrUnavailable: the server cannot be reached.
	ErrUnavailable = errors.New("neo4j unavailable")
	// ErrAuth: the server refused the credentials.
	ErrAuth = errors.New("neo4j refused the credentials")
)

// Config says where Neo4j is.
type Config struct {
	URI      string // neo4j://localhost:7687, bolt://…, neo4j+s://…
	Username string
	Password string
	Database string // "" = the server's default database
}

// Client is an open connection pool to one database.
type Client struct {
	driver neo4j.DriverWithContext
	cfg    Config
}

// connectTimeout bounds how long Open waits for the server to answer.
const connectTimeout = 15 * time.Second

// Open connects to Neo4j and checks that the database answers with the
// given credentials. Its errors are one line, never show the password, and
// wrap ErrUnavailable or ErrAuth where that is the cause.
func Open(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.URI == "" {
		return nil, errors.New("no Neo4j URI given (set NEO4J_URI or --uri)")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = 5 * time.Second
			c.ConnectionAcquisitionTimeout = connectTimeout
			c.UserAgent = "kg"
		})
	if err != nil {
		return nil, fmt.Errorf("bad Neo4j URI %q: %v", cfg.URI, firstLine(err.Error()))
	}
	c := &Client{driver: drv, cfg: cfg}
	vctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := drv.VerifyConnectivity(vctx); err != nil {
		_ = drv.Close(ctx)
		return nil, c.wrap(err, "connecting")
	}
	// VerifyConnectivity does not touch the database: ask it something.
	if _, err := c.read(vctx, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := collect(vctx, tx, "RETURN 1", nil, nil)
		return nil, err
	}); err != nil {
		_ = drv.Close(ctx)
		return nil, err
	}
	return c, nil
}

// Close releases the connections.
func (c *Client) Close(ctx context.Context) error {
	return c.driver.Close(ctx)
}

// URI returns the server address the client talks to.
func (c *Client) URI() string { return c.cfg.URI }

func (c *Client) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return c.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.cfg.Database, AccessMode: mode})
}

// write runs work in a retrying write transaction.
func (c *Client) write(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	v, err := s.ExecuteWrite(ctx, work)
	return v, c.wrap(err, "writing to Neo4j")
}

// read runs work in a retrying read transaction.
func (c *Client) read(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	s := c.session(ctx, neo4j.AccessModeRead)
	defer s.Close(ctx)
	v, err := s.ExecuteRead(ctx, work)
	return v, c.wrap(err, "reading from Neo4j")
}

// Counters adds up what the statements of a transaction changed.
type Counters struct {
	NodesCreated         int `json:"nodes_created"`
	NodesDeleted         int `json:"nodes_deleted"`
	RelationshipsCreated int `json:"relationships_created"`
	RelationshipsDeleted int `json:"relationships_deleted"`
	PropertiesSet        int `json:"properties_set"`
}

// Add adds o to c.
func (c *Counters) Add(o Counters) {
	c.NodesCreated += o.NodesCreated
	c.NodesDeleted += o.NodesDeleted
	c.RelationshipsCreated += o.RelationshipsCreated
	c.RelationshipsDeleted += o.RelationshipsDeleted
	c.PropertiesSet += o.PropertiesSet
}

// collect runs one statement and returns its records, adding its counters
// to cnt (when not nil).
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, cnt *Counters) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	if cnt != nil {
		k := sum.Counters()
		cnt.Add(Counters{k.NodesCreated(), k.NodesDeleted(), k.RelationshipsCreated(), k.RelationshipsDeleted(), k.PropertiesSet()})
	}
	return recs, nil
}

// wrap turns a driver error into a one-line error for people, wrapping the
// sentinel that says what went wrong.
func (c *Client) wrap(err error, doing string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrUnavailable) || errors.Is(err, ErrAuth) {
		return err
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: %w", doing, err)
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		switch {
		case nerr.Code == "Neo.ClientError.Security.AuthenticationRateLimit":
			return &classified{ErrAuth, fmt.Sprintf("Neo4j refused the credentials for user %s: too many failed attempts, wait a few seconds (check NEO4J_USERNAME/NEO4J_PASSWORD)", c.cfg.Username), err}
		case nerr.HasSecurityCode() && (nerr.IsAuthenticationFailed() || strings.Contains(nerr.Code, "Credentials")):
			return &classified{ErrAuth, fmt.Sprintf("Neo4j refused the credentials for user %s (check NEO4J_USERNAME/NEO4J_PASSWORD)", c.cfg.Username), err}
		case nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return fmt.Errorf("Neo4j at %s has no database %q (check NEO4J_DATABASE): %w", c.cfg.URI, c.cfg.Database, err)
		}
		return fmt.Errorf("%s: %s: %w", doing, firstLine(nerr.Msg), err)
	}
	var authErr *neo4j.InvalidAuthenticationError
	var tokErr *neo4j.TokenExpiredError
	if errors.As(err, &authErr) || errors.As(err, &tokErr) {
		return &classified{ErrAuth, fmt.Sprintf("Neo4j refused the credentials for user %s (check NEO4J_USERNAME/NEO4J_PASSWORD)", c.cfg.Username), err}
	}
	if unreachable(err) {
		return &classified{ErrUnavailable, fmt.Sprintf("cannot reach Neo4j at %s: %s — start it with `scripts/neo4j.sh start` or `docker compose up -d`",
			c.cfg.URI, rootCause(err)), err}
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// unreachable reports whether err means the server could not be talked to.
func unreachable(err error) bool {
	var cerr *neo4j.ConnectivityError
	var nerr net.Error
	var oerr *net.OpError
	var lim *neo4j.TransactionExecutionLimit
	switch {
	case errors.As(err, &cerr), errors.As(err, &oerr), errors.As(err, &nerr):
		return true
	case errors.Is(err, context.DeadlineExceeded):
		return true
	case errors.As(err, &lim):
		// Retries ran out; unreachable if what failed was the connection.
		return strings.Contains(lim.Error(), "ConnectivityError") || strings.Contains(lim.Error(), "connect")
	}
	return false
}

// classified is a driver error explained in one line, wrapping a sentinel.
type classified struct {
	sentinel error
	msg      string
	cause    error
}

func (e *classified) Error() string   { return e.msg }
func (e *classified) Unwrap() []error { return []error{e.sentinel, e.cause} }

// rootCause returns the innermost error's first line ("connect: connection
// refused"), which is what a person can act on.
func rootCause(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("no answer within %s", connectTimeout)
	}
	msg := err.Error()
	for e := err; e != nil; {
		if m := e.Error(); m != "" {
			msg = m
		}
		var next error
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			next = u.Unwrap()
		case interface{ Unwrap() []error }:
			if es := u.Unwrap(); len(es) > 0 {
				next = es[0]
			}
		}
		e = next
	}
	msg = firstLine(msg)
	// "ConnectivityError: Unable to retrieve routing table from …: dial tcp …:
	// connect: connection refused" → "dial tcp …: connect: connection refused"
	if i := strings.LastIndex(msg, "dial "); i > 0 {
		msg = msg[i:]
	}
	return msg
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}
