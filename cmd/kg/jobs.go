package main

import (
	"context"
	"io"

	"github.com/kg-cn/kg/input"
	"github.com/kg-cn/kg/nlp/pipeline"
)

// readJobs turns input.Read's callbacks into a pull function for
// pipeline.Parallel: each report, or each bad input as a job with Err, in
// input order. The reader stops when ctx is done. seen, when not nil, sees
// every report as it is read (the ingest says damaged text at once).
func readJobs(ctx context.Context, paths []string, stdin io.Reader, opt input.Options, seen func(input.Report, pipeline.Job)) func() (pipeline.Job, bool, error) {
	ch := make(chan pipeline.Job, 4)
	var readErr error
	go func() {
		defer close(ch)
		readErr = input.Read(paths, stdin, opt, func(r input.Report, err error) error {
			j := pipeline.Job{Meta: r.Meta, Text: r.Text, Path: r.Path, Line: r.Line, Err: err, Warnings: r.Warnings}
			if seen != nil && err == nil {
				seen(r, j)
			}
			select {
			case ch <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	return func() (pipeline.Job, bool, error) {
		j, ok := <-ch
		if !ok {
			return pipeline.Job{}, false, readErr
		}
		return j, true, nil
	}
}
