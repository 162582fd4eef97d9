// Package extracttest runs the standard pipeline over invented text for
// the tests of the extraction stages, which read the layers it leaves on
// the Document.
package extracttest

import (
	"sync"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/pipeline"
)

var (
	once, onceRules sync.Once
	p, rules        *pipeline.Pipeline
	err, errRules   error
)

// RunRules is Run without the learned recogniser: the names come from the
// rules alone, for the tests of those rules.
func RunRules(t *testing.T, date, raw string) *doc.Document {
	t.Helper()
	onceRules.Do(func() { rules, errRules = pipeline.New(pipeline.Options{NoRecogniser: true}) })
	if errRules != nil {
		t.Fatal(errRules)
	}
	d, e := rules.Run(doc.Meta{ID: "test", Date: date}, raw)
	if e != nil {
		t.Fatal(e)
	}
	return d
}

// Run passes raw through the standard pipeline, the report dated date.
func Run(t *testing.T, date, raw string) *doc.Document {
	t.Helper()
	return RunMeta(t, doc.Meta{ID: "test", Date: date}, raw)
}

// RunMeta is Run with the report's metadata.
func RunMeta(t *testing.T, meta doc.Meta, raw string) *doc.Document {
	t.Helper()
	once.Do(func() { p, err = pipeline.New(pipeline.Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	d, e := p.Run(meta, raw)
	if e != nil {
		t.Fatal(e)
	}
	return d
}
