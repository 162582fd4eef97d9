package extract

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
)

// Sentencer is the sentence-splitting stage: sentences end at 。！？, at a
// semicolon and at a line break; closing quotes stay with their sentence.
type Sentencer struct{}

// Name implements the pipeline stage interface.
func (Sentencer) Name() string { return "sentences" }

// Needs and Provides declare the stage's layers.
func (Sentencer) Needs() []doc.Layer    { return []doc.Layer{doc.LayerText} }
func (Sentencer) Provides() []doc.Layer { return []doc.Layer{doc.LayerSentences} }

// Process fills d.Sentences.
func (Sentencer) Process(d *doc.Document) error {
	d.Sentences = Split(d.Text)
	return nil
}

// Split returns the sentence spans of t, without surrounding blanks.
func Split(t []rune) []doc.Span {
	var out []doc.Span
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && (t[a] == ' ' || t[a] == '\n') {
			a++
		}
		for b > a && (t[b-1] == ' ' || t[b-1] == '\n') {
			b--
		}
		if b > a {
			out = append(out, doc.Span{Start: a, End: b})
		}
	}
	for i := 0; i < len(t); i++ {
		if !text.IsSentenceEnd(t[i]) {
			continue
		}
		end := i + 1
		for end < len(t) && (t[end] == '”' || t[end] == '’' || t[end] == '"' || t[end] == ')') {
			end++
		}
		emit(end)
		start = end
		i = end - 1
	}
	emit(len(t))
	return out
}
