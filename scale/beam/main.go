// Command kg-beam runs kg's extraction on Apache Beam: the reports of
// --input are spread over the workers of a Beam runner (prism or direct on
// one machine; Flink, Spark or Dataflow on many), each worker runs
// `kg extract --for-load` on its share, and the extractions land in
// --output as part-NNNNN-of-MMMMM.jsonl files, for
//
//	kg ingest --extracted OUTPUT            (transactional load)
//	kg export --extracted DIR OUTPUT        (CSV for neo4j-admin database import)
//
// which load them exactly as kg ingest loads the reports themselves.
//
// The pipeline does not extract anything itself: extraction is kg's
// (one code path, one version, stamped into every record); Beam only
// distributes it. Each worker needs the kg binary (--kg) and reads the
// inputs and writes the output by path, so both are on a filesystem every
// worker sees (a local disk on one machine; NFS or a mounted bucket on a
// cluster).
//
//	kg-beam --runner=direct --input 'crawl/*.jsonl' --output parts/ --kg bin/kg
//	kg-beam --runner=flink --endpoint=HOST:8099 --environment_type=LOOPBACK --input ... --output ... --groups 256
//
// The files are sorted (glob by glob, then by path: the order kg ingest
// reads them in) and dealt to --groups groups of consecutive files, so that
// the parts, loaded in name order, load the reports in the input's order
// (the same input gives the same parts); a group is one or more runs of
// kg extract of at most --chunk files each (kg starts in about 0.7 s, so a
// run should take many reports), and kg extract uses every core of its
// worker.
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	inputs = flag.String("input", "", "report files to extract: globs, comma-separated (dir/*.txt,crawl/*.jsonl); each file as kg extract reads it")
	output = flag.String("output", "", "directory for the parts (created)")
	kgBin  = flag.String("kg", "kg", "the kg binary the workers run")
	groups = flag.Int("groups", 16, "number of groups the files are dealt to (parts written)")
	chunk  = flag.Int("chunk", 4000, "files per run of kg extract")
	kgArgs = flag.String("kg-args", "", "more arguments for kg extract, space-separated (-j 4, --max-bytes 2M, --id-from-file-name)")
)

func init() {
	register.DoFn2x0[fileio.FileMetadata, func(int, string)](&tagFn{})
	register.DoFn3x0[int, func(*string) bool, func(int, string)](&dealFn{})
	register.DoFn4x1[context.Context, int, func(*string) bool, func(string), error](&extractFn{})
	register.Emitter2[int, string]()
	register.Emitter1[string]()
	register.Iter1[string]()
	register.DoFn2x0[context.Context, string](&logFn{})
}

// tagFn names each matched file by its place in the input: the index of
// its glob, then its path (sorted, that is the order kg ingest reads the
// same paths in, glob after glob, a directory's files in lexical order).
type tagFn struct {
	Input int `json:"input"`
}

func (f *tagFn) ProcessElement(m fileio.FileMetadata, emit func(int, string)) {
	emit(0, fmt.Sprintf("%06d\x00%s", f.Input, m.Path))
}

// dealFn sorts all the files and deals them to Groups groups of
// consecutive files: part N holds the files after those of part N-1, so
// that loading the parts in name order loads the reports in the input's
// order (the later version of a report wins, as in kg ingest).
type dealFn struct {
	Groups int `json:"groups"`
}

func (f *dealFn) ProcessElement(_ int, files func(*string) bool, emit func(int, string)) {
	var all []string
	var s string
	for files(&s) {
		all = append(all, s)
	}
	sort.Strings(all)
	per := (len(all) + f.Groups - 1) / f.Groups
	for i, s := range all {
		emit(i/per, s)
	}
}

// extractFn runs kg extract --for-load on one group's files and writes
// its part (whole or not at all: a retried bundle writes it again).
type extractFn struct {
	KG     string   `json:"kg"`
	Args   []string `json:"args"`
	Output string   `json:"output"`
	Groups int      `json:"groups"`
	Chunk  int      `json:"chunk"`
}

func (f *extractFn) ProcessElement(ctx context.Context, group int, paths func(*string) bool, emit func(string)) error {
	var files []string
	var p string
	for paths(&p) {
		files = append(files, p)
	}
	sort.Strings(files) // by input, then path (tagFn)
	for i, f := range files {
		files[i] = f[strings.IndexByte(f, 0)+1:]
	}
	name := fmt.Sprintf("part-%05d-of-%05d.jsonl", group, f.Groups)
	final := filepath.Join(f.Output, name)
	tmp, err := os.CreateTemp(f.Output, "."+name+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	reports, failed := 0, 0
	for i := 0; i < len(files); i += f.Chunk {
		part := files[i:min(i+f.Chunk, len(files))]
		n, bad, err := f.run(ctx, part, w)
		if err != nil {
			tmp.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
		reports += n
		failed += bad
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return err
	}
	emit(fmt.Sprintf("%s: %d files, %d reports, %d inputs failed", name, len(files), reports, failed))
	return nil
}

// run extracts files with one kg extract, appending its lines to w; it
// returns the reports written and the inputs kg said failed (exit 3: the
// others were extracted; the failures are logged).
func (f *extractFn) run(ctx context.Context, files []string, w io.Writer) (reports, failed int, err error) {
	args := append(append([]string{"extract", "--for-load"}, f.Args...), files...)
	cmd := exec.CommandContext(ctx, f.KG, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, 0, fmt.Errorf("starting %s: %w", f.KG, err)
	}
	cw := &countingWriter{w: w}
	_, copyErr := io.Copy(cw, out)
	waitErr := cmd.Wait()
	if copyErr != nil {
		return 0, 0, copyErr
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if l != "" {
			log.Warnf(ctx, "%s", l)
		}
	}
	if ee, ok := waitErr.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		return cw.lines, strings.Count(stderr.String(), "\n") - strings.Count(stderr.String(), "warning:"), nil
	} else if waitErr != nil {
		return 0, 0, fmt.Errorf("kg extract: %v: %s", waitErr, lastLine(stderr.String()))
	}
	return cw.lines, 0, nil
}

type countingWriter struct {
	w     io.Writer
	lines int
}

func (c *countingWriter) Write(b []byte) (int, error) {
	c.lines += bytes.Count(b, []byte{'\n'})
	return c.w.Write(b)
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// logFn logs what each group wrote.
type logFn struct{}

func (logFn) ProcessElement(ctx context.Context, s string) { log.Infof(ctx, "%s", s) }

func main() {
	flag.Parse()
	beam.Init()
	if err := run(context.Background()); err != nil {
		fmt.Fprintf(os.Stderr, "kg-beam: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	if *inputs == "" || *output == "" {
		return fmt.Errorf("name the reports (--input GLOB,...) and the output directory (--output DIR)")
	}
	if *groups < 1 || *chunk < 1 {
		return fmt.Errorf("--groups and --chunk must be at least 1")
	}
	out, err := filepath.Abs(*output)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	kg := *kgBin
	if strings.ContainsRune(kg, filepath.Separator) {
		if kg, err = filepath.Abs(kg); err != nil {
			return err
		}
	}
	p, s := beam.NewPipelineWithRoot()
	var files []beam.PCollection
	for _, g := range strings.Split(*inputs, ",") {
		if g = strings.TrimSpace(g); g != "" {
			m := fileio.MatchFiles(s, g, fileio.MatchEmptyDisallow())
			files = append(files, beam.ParDo(s, &tagFn{Input: len(files)}, m))
		}
	}
	// One list of every file (names only: small beside the reports), dealt
	// in order to the groups, which the runner spreads over its workers.
	listed := beam.GroupByKey(s, beam.Flatten(s, files...))
	dealt := beam.ParDo(s, &dealFn{Groups: *groups}, listed)
	grouped := beam.GroupByKey(s, dealt)
	parts := beam.ParDo(s, &extractFn{KG: kg, Args: strings.Fields(*kgArgs), Output: out, Groups: *groups, Chunk: *chunk}, grouped)
	beam.ParDo0(s, logFn{}, parts)
	return beamx.Run(ctx, p)
}
