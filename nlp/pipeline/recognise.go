package pipeline

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/ner"
)

// recogniser is the stage of the learned recogniser (package ner): it
// labels person names, titles, organisations and places, sentence by
// sentence, into Document.Names.
type recogniser struct{ t *ner.Tagger }

func (recogniser) Name() string          { return "recognise" }
func (recogniser) Needs() []doc.Layer    { return []doc.Layer{doc.LayerSentences} }
func (recogniser) Provides() []doc.Layer { return []doc.Layer{doc.LayerNames} }

func (r recogniser) Process(d *doc.Document) error {
	for _, s := range d.Sentences {
		for _, sp := range r.t.Tag(d.Text[s.Start:s.End]) {
			d.Names = append(d.Names, doc.Name{
				Span:  doc.Span{Start: s.Start + sp.Start, End: s.Start + sp.End},
				Label: sp.Label, Score: sp.Score,
			})
		}
	}
	return nil
}
