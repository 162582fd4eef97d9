package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/kg-cn/kg/nlp/doc"
)

// Job is one report to extract. Err carries a failure of reading it, which
// is passed through in order so that a caller sees inputs and failures in
// the order they came.
type Job struct {
	Meta     doc.Meta
	Text     string
	Path     string
	Line     int
	Err      error
	Warnings []string // from reading the input
}

// Result is a job with its extraction (or its error).
type Result struct {
	Job
	X *doc.Extraction
}

// Parallel extracts the jobs that next hands out on workers goroutines
// (all cores when workers < 1) and calls emit with the results in input
// order. It holds at most a few jobs per worker in memory. It stops at the
// first error that next or emit returns, or when ctx is done.
func (p *Pipeline) Parallel(ctx context.Context, workers int, next func() (Job, bool, error), emit func(Result) error) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type seqJob struct {
		seq int
		job Job
	}
	type seqResult struct {
		seq int
		res Result
	}
	jobs := make(chan seqJob, workers)
	results := make(chan seqResult, workers)
	var readErr error

	go func() { // producer
		defer close(jobs)
		for seq := 0; ; seq++ {
			j, ok, err := next()
			if err != nil {
				readErr = err
				cancel()
				return
			}
			if !ok {
				return
			}
			select {
			case jobs <- seqJob{seq, j}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sj := range jobs {
				r := Result{Job: sj.job}
				if r.Err == nil {
					r.X, r.Err = p.Extract(sj.job.Meta, sj.job.Text)
				}
				select {
				case results <- seqResult{sj.seq, r}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// emit in order
	pending := map[int]Result{}
	want := 0
	var emitErr error
	for sr := range results {
		if emitErr != nil {
			continue // drain
		}
		pending[sr.seq] = sr.res
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			want++
			if err := emit(r); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}
