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
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"syscall"
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

// Config says where Neo4j is, and how long to wait for it when it goes away.
type Config struct {
	URI      string // neo4j://localhost:7687, bolt://…, neo4j+s://…
	Username string
	Password string
	Database string // "" = the server's default database

	// RetryFor bounds how long a read or write waits for a server that
	// became unavailable after Open (refused or lost connections, a server
	// restarting, transient errors), retrying with backoff, before it
	// gives up with an error wrapping ErrUnavailable. Zero means 30 s
	// (about what the driver alone would wait; short, for interactive
	// commands); a negative value means no waiting at all. kg ingest uses
	// DefaultRetryFor.
	RetryFor time.Duration
	// Notify, when set, receives one-line messages about such waits:
	// "Neo4j unavailable, retrying…" when one starts, a reminder every
	// half minute, "Neo4j is back…" when it ends. Called from the goroutine
	// that reads or writes.
	Notify func(msg string)
}

// DefaultRetryFor is how long kg ingest waits for an unavailable server by
// default: long enough for a restart (with recovery) of a local server,
// short enough that a dead one is reported within minutes.
const DefaultRetryFor = 5 * time.Minute

// shortRetryFor is the wait of a Config that does not say (RetryFor 0).
const shortRetryFor = 30 * time.Second

// Client is an open connection pool to one database.
type Client struct {
	driver neo4j.DriverWithContext
	cfg    Config
	// bookmarks chains every session of the client: a transaction sees
	// what the client committed before, even on a cluster member that
	// is behind the leader (causal consistency). On a single server it
	// costs nothing.
	bookmarks neo4j.BookmarkManager

	mu      sync.Mutex
	waiting bool // a wait for the server is going on (for Notify)
}

// connectTimeout bounds how long Open waits for the server to answer.
const connectTimeout = 15 * time.Second

// The driver retries a transaction by itself for driverRetryTime (short
// blips: a deadlock, a dead connection in the pool); longer outages are
// waited out by Client.run, which says so through Config.Notify.
const driverRetryTime = time.Second

// livenessCheckAfter: a pooled connection idle longer than this is checked
// (RESET) before it is used.
const livenessCheckAfter = 10 * time.Second

// A server that stops answering on an open connection (a network cut, a
// black-holed route: no reset, only silence) would keep a statement
// waiting for as long as the server's read-timeout hint, 120 s by default.
// So every attempt of Client.run has a watchdog: once the attempt has run
// silentAfter, the watchdog asks the server, on another connection, to
// answer within probeTimeout (every probeEvery while the attempt lasts);
// a server that does not is taken as unavailable, and the attempt is
// cancelled and retried like one whose connection was lost. A statement
// that is merely slow (a large batch, a lock wait) goes on: the server
// answers the probe.
const (
	silentAfter  = 3 * time.Second
	probeEvery   = 3 * time.Second
	probeTimeout = 3 * time.Second
)

// writeTxTimeout bounds a write transaction on the server side, so that
// one whose client was cut off (its connection silent, not closed) does not
// hold its locks — the reports it was writing — for ever.
const writeTxTimeout = 2 * time.Minute

// errSilent is the cause of an attempt that the watchdog cancelled.
var errSilent = errors.New("no answer from the server")

// Backoff between the attempts of Client.run.
const (
	retryMinDelay = 500 * time.Millisecond
	retryMaxDelay = 3 * time.Second
	remindEvery   = 30 * time.Second
)

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
			c.SocketKeepalive = true
			c.ConnectionAcquisitionTimeout = connectTimeout
			// A connection idle for a while (the pool's, between
			// batches) is checked before use rather than found dead by
			// the statement sent on it.
			c.ConnectionLivenessCheckTimeout = livenessCheckAfter
			c.MaxTransactionRetryTime = driverRetryTime
			c.UserAgent = "kg"
		})
	if err != nil {
		// The driver's message may quote the URI, which may hold a password.
		return nil, fmt.Errorf("bad Neo4j URI %q (expected neo4j://host:port, bolt://…, neo4j+s://…)", displayURI(cfg.URI))
	}
	c := &Client{driver: drv, cfg: cfg, bookmarks: neo4j.NewBookmarkManager(neo4j.BookmarkManagerConfig{})}
	vctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := drv.VerifyConnectivity(vctx); err != nil {
		_ = drv.Close(ctx)
		return nil, c.wrap(err, "connecting")
	}
	// VerifyConnectivity does not touch the database: ask it something,
	// once (Open does not wait for a server that is not there).
	if _, err := c.once(vctx, neo4j.AccessModeRead, func(tx neo4j.ManagedTransaction) (any, error) {
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

// URI returns the server address the client talks to, without any
// password it may hold.
func (c *Client) URI() string { return displayURI(c.cfg.URI) }

func (c *Client) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return c.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: c.cfg.Database, AccessMode: mode, BookmarkManager: c.bookmarks})
}

// write runs work in a retrying write transaction (see run).
func (c *Client) write(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	v, err := c.run(ctx, neo4j.AccessModeWrite, work)
	return v, c.wrap(err, "writing to Neo4j")
}

// read runs work in a retrying read transaction (see run).
func (c *Client) read(ctx context.Context, work neo4j.ManagedTransactionWork) (any, error) {
	v, err := c.run(ctx, neo4j.AccessModeRead, work)
	return v, c.wrap(err, "reading from Neo4j")
}

// once runs work in a transaction of the given mode, in a session of its
// own, with only the driver's own short retries.
func (c *Client) once(ctx context.Context, mode neo4j.AccessMode, work neo4j.ManagedTransactionWork) (any, error) {
	s := c.session(ctx, mode)
	defer s.Close(ctx)
	if mode == neo4j.AccessModeWrite {
		return s.ExecuteWrite(ctx, work, neo4j.WithTxTimeout(writeTxTimeout))
	}
	return s.ExecuteRead(ctx, work)
}

// attemptTx is the transaction of one attempt of run: its statements use
// the attempt's context (which the watchdog cancels), whatever context
// the work passes (see collect).
type attemptTx struct {
	neo4j.ManagedTransaction
	ctx context.Context
}

func (a *attemptTx) Run(_ context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	return a.ManagedTransaction.Run(a.ctx, cypher, params)
}

// watched runs one attempt of work with a watchdog (see silentAfter). It
// returns errSilent (wrapped with what the driver said) when the watchdog
// cancelled the attempt.
func (c *Client) watched(ctx context.Context, mode neo4j.AccessMode, work neo4j.ManagedTransactionWork) (any, error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	done := make(chan struct{})
	defer close(done)
	go c.watch(actx, done, cancel)
	v, err := c.once(actx, mode, func(tx neo4j.ManagedTransaction) (any, error) {
		return work(&attemptTx{tx, actx})
	})
	if err != nil && ctx.Err() == nil && errors.Is(context.Cause(actx), errSilent) {
		return v, &silentError{err}
	}
	return v, err
}

// watch is the watchdog of one attempt: it cancels it when the server does
// not answer a probe. It ends with the attempt (done) or the context.
func (c *Client) watch(ctx context.Context, done <-chan struct{}, cancel context.CancelCauseFunc) {
	t := time.NewTimer(silentAfter)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, pcancel := context.WithTimeout(ctx, probeTimeout)
		err := c.driver.VerifyConnectivity(pctx)
		pcancel()
		select {
		case <-done:
			return
		default:
		}
		if err != nil && ctx.Err() == nil {
			cancel(errSilent)
			return
		}
		t.Reset(probeEvery)
	}
}

// silentError is an attempt cancelled because the server fell silent.
type silentError struct{ cause error }

func (e *silentError) Error() string {
	return fmt.Sprintf("no answer from the server within %s (%s)", silentAfter+probeTimeout, rootCause(e.cause))
}
func (e *silentError) Unwrap() error { return e.cause }

// run runs work until it succeeds, fails for a reason that waiting will
// not cure, or the server has been unavailable for Config.RetryFor. Each
// attempt has a fresh session (the connections of the last one may have
// died with the server), so a batch in flight when the server went away is
// run again from the start.
//
// Work may thus run again after a commit whose outcome is unknown (the
// connection died during COMMIT): every write of kg is idempotent (MERGE on
// keys, reports compared by content hash, schema statements IF NOT EXISTS),
// so a transaction that did commit changes nothing the second time.
func (c *Client) run(ctx context.Context, mode neo4j.AccessMode, work neo4j.ManagedTransactionWork) (any, error) {
	limit := c.cfg.RetryFor
	if limit == 0 {
		limit = shortRetryFor
	}
	var first, reminded time.Time // start of the first failed attempt, last reminder
	delay := retryMinDelay
	for {
		began := time.Now()
		v, err := c.watched(ctx, mode, work)
		if err == nil || !retryable(err) || limit < 0 || ctx.Err() != nil {
			if !first.IsZero() {
				c.endWait(err, time.Since(first))
			}
			return v, err
		}
		now := time.Now()
		if first.IsZero() {
			first, reminded = began, now
			if unavailable(err) {
				c.startWait(err, limit)
			}
		}
		if now.Sub(first) >= limit {
			c.endWait(err, now.Sub(first))
			return nil, &classified{ErrUnavailable, fmt.Sprintf("Neo4j at %s unavailable for %s, gave up waiting (%s) — check the server (`scripts/neo4j.sh status`, or `docker compose ps`); reports loaded before are kept, and running the same ingest again completes it",
				displayURI(c.cfg.URI), now.Sub(first).Round(time.Second), retryCause(err)), err}
		}
		if now.Sub(reminded) >= remindEvery && unavailable(err) {
			reminded = now
			c.startWait(err, limit) // when a transient error turned into an outage
			c.notify(fmt.Sprintf("Neo4j still unavailable after %s, retrying for %s more",
				now.Sub(first).Round(time.Second), (limit - now.Sub(first)).Round(time.Second)))
		}
		t := time.NewTimer(min(delay, limit-now.Sub(first)))
		select {
		case <-ctx.Done():
			t.Stop()
			c.endWait(ctx.Err(), time.Since(first))
			return nil, ctx.Err()
		case <-t.C:
		}
		delay = min(2*delay, retryMaxDelay)
	}
}

// unavailable reports whether a retryable error means the server is away
// (down, restarting, starting its database), as opposed to a transient
// conflict such as a deadlock, which is retried without a word.
func unavailable(err error) bool {
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		return strings.Contains(nerr.Code, "Unavailable") || strings.Contains(nerr.Code, "NotALeader")
	}
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		if last := lim.Errors[len(lim.Errors)-1]; errors.As(last, &nerr) {
			return unavailable(nerr)
		}
	}
	return true
}

// startWait says that a wait for the server begins (once, however many
// reads and writes are waiting).
func (c *Client) startWait(err error, limit time.Duration) {
	c.mu.Lock()
	already := c.waiting
	c.waiting = true
	c.mu.Unlock()
	if !already {
		c.notify(fmt.Sprintf("Neo4j unavailable, retrying for up to %s (%s)", limit, retryCause(err)))
	}
}

// endWait says that the wait is over: the server is back (err == nil) or
// not.
func (c *Client) endWait(err error, waited time.Duration) {
	c.mu.Lock()
	was := c.waiting
	c.waiting = false
	c.mu.Unlock()
	if was && err == nil {
		c.notify(fmt.Sprintf("Neo4j is back after %s; resuming", waited.Round(100*time.Millisecond)))
	}
}

func (c *Client) notify(msg string) {
	if c.cfg.Notify != nil {
		c.cfg.Notify(msg)
	}
}

// retryable reports whether err may go away by waiting: the server cannot
// be reached or the connection was lost (it is down or restarting), the
// driver ran out of its own retries for such a reason, or the server
// reported a transient error (database starting, deadlock, …). Refused
// credentials, bad Cypher, rejected data and cancellation are not.
func retryable(err error) bool {
	var silent *silentError
	if errors.As(err, &silent) {
		return true
	}
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var authErr *neo4j.InvalidAuthenticationError
	var tokErr *neo4j.TokenExpiredError
	var usage *neo4j.UsageError
	if errors.As(err, &authErr) || errors.As(err, &tokErr) || errors.As(err, &usage) {
		return false
	}
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) {
		if len(lim.Errors) == 0 {
			return false
		}
		last := lim.Errors[len(lim.Errors)-1]
		// The driver keeps a lost COMMIT, and a read or write timeout,
		// as bare errors of its own (not exported).
		return retryable(last) || connectionFault(last)
	}
	var cerr *neo4j.ConnectivityError
	if errors.As(err, &cerr) {
		// Includes a connection lost during COMMIT, which the driver will
		// not retry: kg's writes are idempotent, so run does.
		return true
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		return nerr.IsRetriable()
	}
	var netErr net.Error
	if errors.As(err, &netErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	return connectionFault(err)
}

// connectionFault recognises, by their words, the driver's own errors of a
// connection that failed: a lost COMMIT, a read or write that timed out
// (the server's read-timeout hint), a reset, a refusal. The driver does not
// export their types, and returns them bare when its retries run out.
func connectionFault(err error) bool {
	msg := err.Error()
	for _, s := range []string{
		"Connection lost during commit",
		"Timeout while reading from connection",
		"Timeout while writing to connection",
		"connection reset by peer",
		"broken pipe",
		"connection refused",
		"i/o timeout",
	} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// retryCause is what went wrong, in a few words, for the messages of run.
func retryCause(err error) string {
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) {
		return nerr.Code
	}
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		err = lim.Errors[len(lim.Errors)-1]
		if errors.As(err, &nerr) {
			return nerr.Code
		}
	}
	var silent *silentError
	if errors.As(err, &silent) {
		return fmt.Sprintf("no answer within %s", silentAfter+probeTimeout)
	}
	msg := rootCause(err)
	switch {
	case strings.Contains(msg, "Timeout while reading from connection"), strings.Contains(msg, "Timeout while writing to connection"):
		return "no answer (read timeout)"
	case strings.Contains(msg, "Connection lost during commit"):
		return "connection lost during commit"
	case errors.Is(err, io.EOF) || strings.HasSuffix(msg, "EOF") || errors.Is(err, syscall.ECONNRESET):
		return "connection lost"
	}
	return msg
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
	if a, ok := tx.(*attemptTx); ok {
		ctx = a.ctx // the attempt's, which its watchdog cancels
	}
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
			return fmt.Errorf("Neo4j at %s has no database %q (check NEO4J_DATABASE): %w", displayURI(c.cfg.URI), c.cfg.Database, err)
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
			displayURI(c.cfg.URI), rootCause(err)), err}
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

// displayURI is uri fit to be printed: a password in it
// (neo4j://user:secret@host) is replaced by "xxxxx".
func displayURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		if i := strings.LastIndex(uri, "@"); i >= 0 {
			if j := strings.Index(uri, "://"); j >= 0 && j < i {
				return uri[:j+3] + "xxxxx" + uri[i:]
			}
			return "xxxxx" + uri[i:]
		}
		return uri
	}
	if u.User == nil {
		return uri
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}
