package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/explore"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve a read-only web explorer of the graph (search, persons, offices, places, reports) on 127.0.0.1:8080",
		Description: `Open the printed address in a web browser. Pages: search as you type, a
person's career (terms as bars: stated bounds solid, inferred dashed) and
events, an office's succession and who held it on a date, a place's roster
on a date and its changes, an organisation's roster, a report with every fact
highlighted at its span. Every page links to Neo4j Browser with its query.
/guide is the Browser guide (:play http://localhost:8080/guide in Neo4j
Browser), /style.grass its style (:style http://localhost:8080/style.grass);
scripts/neo4j.sh lets Browser fetch them. Read-only; Ctrl-C stops it.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "listen", Value: "127.0.0.1:8080", Usage: "address to listen on (host:port; another host than 127.0.0.1 exposes the graph to the network)"},
			&cli.StringFlag{Name: "browser-url", Value: "http://localhost:7474/browser/", EnvVars: []string{"KG_BROWSER_URL"}, Usage: "Neo4j Browser's address, for the pages' links"},
		},
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) > 0 {
				return usageError("serve: takes no arguments (got %q); the address is --listen", strings.Join(args, " "))
			}
			addr := c.String("listen")
			if _, _, err := net.SplitHostPort(addr); err != nil {
				return usageError("serve: --listen %q is not host:port (e.g. 127.0.0.1:8080)", addr)
			}
			cl, err := openGraph(c)
			if err != nil {
				return err
			}
			defer cl.Close(context.Background())
			srv, err := explore.New(cl, explore.Options{BrowserURL: c.String("browser-url"),
				Log: func(format string, a ...any) { fmt.Fprintf(c.App.ErrWriter, "kg: "+format+"\n", a...) }})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: cannot listen on %s: %v", addr, errors.Unwrap(err))
			}
			if !loopback(ln.Addr()) {
				fmt.Fprintf(c.App.ErrWriter, "kg: warning: serving on %s: whoever can reach this address reads the whole graph\n", ln.Addr())
			}
			ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serve(ctx, ln, srv, c.App.Writer)
		},
	}
}

// serve answers on ln until ctx ends, then lets the requests in flight
// finish (for up to 5 s).
func serve(ctx context.Context, ln net.Listener, h http.Handler, w io.Writer) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(w, "kg: explorer at %s/ (Ctrl-C stops it)\n", base)
	// Browser fetches from the hosts neo4j.conf allows: localhost
	local := strings.Replace(base, "//127.0.0.1:", "//localhost:", 1)
	fmt.Fprintf(w, "kg: in Neo4j Browser: :play %s/guide  and  :style %s/style.grass\n", local, local)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(sctx)
	return nil
}

// loopback reports whether a listener's address is this machine's alone.
func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}
