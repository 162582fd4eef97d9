package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestServeUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"an argument", []string{"serve", "samples/"}, exitUsage, "takes no arguments"},
		{"an address without a port", []string{"serve", "--listen", "localhost"}, exitUsage, "is not host:port"},
		{"an unknown flag", []string{"serve", "--port", "80"}, exitUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runKG(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("kg %s: exit %d, stderr %q; want exit %d, one line with %q", strings.Join(tt.args, " "), code, stderr, tt.code, tt.want)
			}
		})
	}
}

func TestServeWithoutNeo4jSaysSo(t *testing.T) {
	code, _, stderr := runKG(t, "--uri", closedURI(t), "serve", "--listen", "127.0.0.1:0")
	if code != exitUnavailable || !strings.Contains(stderr, "cannot reach Neo4j") {
		t.Errorf("exit %d, stderr %q; want %d, cannot reach Neo4j", code, stderr, exitUnavailable)
	}
}

func TestServeAnswersUntilStopped(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "kg") }), &out)
	}()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "kg" {
		t.Errorf("the handler answered %q", b)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after Ctrl-C: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(out.String(), "explorer at http://"+ln.Addr().String()+"/") || !strings.Contains(out.String(), ":play http://") {
		t.Errorf("serve printed %q", out.String())
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Errorf("still listening after the stop")
	}
}

func TestIntegrationServeOnABusyPort(t *testing.T) {
	testGraph(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := runKG(t, "serve", "--listen", ln.Addr().String())
	if code != exitFailure || !strings.Contains(stderr, "cannot listen on "+ln.Addr().String()) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want %d, one line: cannot listen", code, stderr, exitFailure)
	}
}

func TestLoopback(t *testing.T) {
	tests := []struct {
		name string
		addr string
		want bool
	}{
		{"127.0.0.1", "127.0.0.1:8080", true},
		{"IPv6 loopback", "[::1]:8080", true},
		{"every interface", "0.0.0.0:8080", false},
		{"another address", "192.0.2.1:8080", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := net.ResolveTCPAddr("tcp", tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			if got := loopback(a); got != tt.want {
				t.Errorf("loopback(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
}
