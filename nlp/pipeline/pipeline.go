// Package pipeline assembles kg's NLP stages into one pipeline: a Document
// goes through them in order, each adding annotations, and leaves as an
// Extraction (the in-between graph).
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract"
	"github.com/kg-cn/kg/nlp/gazetteer"
	"github.com/kg-cn/kg/nlp/jurisdiction"
	"github.com/kg-cn/kg/nlp/lexicon"
	"github.com/kg-cn/kg/nlp/ner"
	"github.com/kg-cn/kg/nlp/normalize"
	"github.com/kg-cn/kg/nlp/segment"
)

// Stage is one step of the pipeline. Stages only add to the document, and
// declare which layers they read and which they add.
type Stage interface {
	Name() string
	Needs() []doc.Layer
	Provides() []doc.Layer
	Process(d *doc.Document) error
}

// check verifies that every stage's needs are provided by a stage before
// it, and that no layer is provided twice.
func check(stages []Stage) error {
	have := map[doc.Layer]string{}
	for _, s := range stages {
		for _, l := range s.Needs() {
			if _, ok := have[l]; !ok {
				return fmt.Errorf("pipeline: stage %s needs layer %q, which no stage before it provides", s.Name(), l)
			}
		}
		for _, l := range s.Provides() {
			if by, ok := have[l]; ok {
				return fmt.Errorf("pipeline: stage %s provides layer %q, already provided by %s", s.Name(), l, by)
			}
			have[l] = s.Name()
		}
	}
	return nil
}

// Options configures a pipeline. The zero value is kg's standard pipeline.
type Options struct {
	// NoRecogniser leaves the learned recogniser out: names come from the
	// rules alone (for comparisons, and for the tests of those rules).
	NoRecogniser bool
	// NoGazetteer leaves the gazetteer's jurisdiction stage out: the
	// extraction's suffix rules decide the jurisdiction alone.
	NoGazetteer bool
}

// Pipeline runs the stages in order. It is safe for concurrent use.
type Pipeline struct {
	stages []Stage
}

// New loads the lexicon and the dictionaries and builds the stages:
// normalise → sentences → segment → the extraction stages (dates →
// jurisdiction → places → persons → events → commendations → roles →
// output).
func New(opt Options) (*Pipeline, error) {
	lx, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	// The data load at once, independent of each other: start-up is the
	// longest of them (gse's dictionary), not their sum.
	var (
		wg                      sync.WaitGroup
		norm                    *normalize.Normalizer
		seg                     *segment.Segmenter
		tagger                  *ner.Tagger
		errNorm, errSeg, errNER error
	)
	wg.Add(4)
	go func() { defer wg.Done(); norm, errNorm = normalize.New() }()
	go func() { defer wg.Done(); seg, errSeg = segment.Shared(lx) }()
	go func() { defer wg.Done(); tagger, errNER = ner.Default() }()
	go func() { defer wg.Done(); gazetteer.Default() }() // the extraction's places read it too
	wg.Wait()
	if errNorm != nil {
		return nil, fmt.Errorf("normaliser: %w", errNorm)
	}
	if errSeg != nil {
		return nil, errSeg
	}
	if errNER != nil {
		return nil, fmt.Errorf("recogniser: %w", errNER)
	}
	stages := []Stage{
		stageFunc{"normalize", nil, []doc.Layer{doc.LayerText}, norm.Process},
		extract.Sentencer{},
	}
	if !opt.NoRecogniser {
		stages = append(stages, recogniser{tagger})
	}
	if !opt.NoGazetteer {
		stages = append(stages, jurisdiction.New(gazetteer.Default()))
	}
	stages = append(stages, seg)
	for _, s := range extract.Stages(lx, seg) {
		stages = append(stages, s)
	}
	return build(stages...)
}

// build checks the stages' contracts and assembles the pipeline.
func build(stages ...Stage) (*Pipeline, error) {
	if err := check(stages); err != nil {
		return nil, err
	}
	return &Pipeline{stages: stages}, nil
}

// Run passes one report through every stage.
func (p *Pipeline) Run(meta doc.Meta, raw string) (*doc.Document, error) {
	defer segment.ReserveFor(len(raw))()
	d := &doc.Document{Meta: meta, Raw: raw}
	for _, s := range p.stages {
		if err := s.Process(d); err != nil {
			return d, fmt.Errorf("report %s: %s: %w", meta.ID, s.Name(), err)
		}
	}
	return d, nil
}

// Extract runs the pipeline and returns the report's in-between graph.
func (p *Pipeline) Extract(meta doc.Meta, raw string) (*doc.Extraction, error) {
	d, err := p.Run(meta, raw)
	if err != nil {
		return nil, err
	}
	return toExtraction(d), nil
}

func toExtraction(d *doc.Document) *doc.Extraction {
	sum := sha256.Sum256([]byte(d.Raw))
	x := &doc.Extraction{
		Report: doc.Report{
			ID: d.Meta.ID, Source: d.Meta.Source, Title: d.Meta.Title,
			Date: d.Meta.Date, Jurisdiction: d.Meta.Jurisdiction,
			Hash: hex.EncodeToString(sum[:]), Chars: len([]rune(d.Raw)),
		},
		Entities:  append([]doc.Entity{}, d.Entities...),
		Relations: append([]doc.Relation{}, d.Relations...),
	}
	return x
}

// stageFunc adapts a Process function to a Stage.
type stageFunc struct {
	name            string
	needs, provides []doc.Layer
	fn              func(*doc.Document) error
}

func (s stageFunc) Name() string                  { return s.name }
func (s stageFunc) Needs() []doc.Layer            { return s.needs }
func (s stageFunc) Provides() []doc.Layer         { return s.provides }
func (s stageFunc) Process(d *doc.Document) error { return s.fn(d) }
