package main

import (
	"errors"
	"fmt"
	"io"
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
	fmt.Fprintf(w, "kg: %v\n", err)
	return code
}
