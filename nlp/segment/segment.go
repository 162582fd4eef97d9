// Package segment is the word-segmentation stage: gse's simplified-Chinese
// dictionary with its HMM for unknown words, extended with kg's government
// lexicon, cuts each sentence of a Document into tokens.
package segment

import (
	"fmt"
	"strings"
	"sync"

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Segmenter wraps gse. It is safe for concurrent use once built.
type Segmenter struct {
	seg gse.Segmenter
}

var (
	once   sync.Once
	shared *Segmenter
	errNew error
)

// Shared returns the process-wide segmenter, loading gse's simplified
// dictionary (zh_s only: the traditional one is not needed because the
// normaliser converts to simplified first) on first use.
func Shared(lx *lexicon.Lexicon) (*Segmenter, error) {
	once.Do(func() { shared, errNew = New(lx) })
	return shared, errNew
}

// New loads gse's simplified dictionary and adds the lexicon's titles,
// organisation words and places, which it lacks or splits.
func New(lx *lexicon.Lexicon) (*Segmenter, error) {
	seg, err := gse.NewEmbed("zh_s")
	if err != nil {
		return nil, fmt.Errorf("segment: loading gse dictionary: %w", err)
	}
	s := &Segmenter{seg: seg}
	for name := range lx.Places {
		_ = s.seg.AddToken(name, 2000, "ns")
	}
	return s, nil
}

// Name implements the pipeline stage interface.
func (s *Segmenter) Name() string { return "segment" }

// Process cuts every sentence into tokens.
func (s *Segmenter) Process(d *doc.Document) error {
	d.Tokens = d.Tokens[:0]
	for _, sent := range d.Sentences {
		pos := sent.Start
		for _, w := range s.seg.Cut(string(d.Text[sent.Start:sent.End]), true) {
			n := len([]rune(w))
			if strings.TrimSpace(w) != "" {
				d.Tokens = append(d.Tokens, doc.Token{Span: doc.Span{Start: pos, End: pos + n}})
			}
			pos += n
		}
	}
	return nil
}

// Known reports whether word is in gse's dictionary, with its frequency and
// part of speech.
func (s *Segmenter) Known(word string) (freq float64, pos string, ok bool) {
	return s.seg.Find(word)
}

// Cut segments text with gse's HMM for unknown words (for benchmarks and
// tools; the stage uses Process).
func (s *Segmenter) Cut(text string) []string { return s.seg.Cut(text, true) }
