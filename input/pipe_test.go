package input

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestRereadable(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "a.txt", []byte(reportSimplified))
	fifo := filepath.Join(dir, "feed")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	pipe := fmt.Sprintf("/dev/fd/%d", r.Fd())
	tests := []struct {
		name  string
		paths []string
		want  bool
	}{
		{"regular files and directories", []string{file, dir}, true},
		{"a missing path (a bad input, not a pipe)", []string{file, filepath.Join(dir, "missing.txt")}, true},
		{"standard input", []string{file, "-"}, false},
		{"a FIFO", []string{fifo}, false},
		{"a pipe as /dev/fd/N", []string{file, pipe}, false},
		{"a device", []string{"/dev/null"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Rereadable(tt.paths); got != tt.want {
				t.Errorf("Rereadable(%q) = %v, want %v", tt.paths, got, tt.want)
			}
		})
	}
}

// TestPipeNamedTwiceIsReadOnce: standard input and the same pipe by its
// /dev/fd path, or one pipe named twice, are read once; the second mention
// is one bad input, not an empty read.
func TestPipeNamedTwiceIsReadOnce(t *testing.T) {
	tests := []struct {
		name  string
		paths func(pipe string) []string
	}{
		{"- then /dev/fd/N of the same pipe", func(p string) []string { return []string{"-", p} }},
		{"/dev/fd/N then -", func(p string) []string { return []string{p, "-"} }},
		{"/dev/fd/N twice", func(p string) []string { return []string{p, p} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			go func() {
				w.Write([]byte(`{"id":"a","text":"一。"}` + "\n" + `{"id":"b","text":"二。"}` + "\n"))
				w.Close()
			}()
			var reports, bad []string
			err = Read(tt.paths(fmt.Sprintf("/dev/fd/%d", r.Fd())), r, Options{}, func(rep Report, err error) error {
				if err != nil {
					bad = append(bad, err.Error())
				} else {
					reports = append(reports, rep.Meta.ID)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(reports) != 2 || len(bad) != 1 {
				t.Fatalf("reports %q, bad inputs %q; want 2 reports and 1 bad input", reports, bad)
			}
			if want := "already read: a pipe, FIFO or device can be read only once"; !strings.Contains(bad[0], want) {
				t.Errorf("bad input %q, want it to say %q", bad[0], want)
			}
		})
	}
}
