// Command corpuspersons scores kg's persons — the Person entities of the
// whole extraction pipeline, not the recogniser alone — on the held-out
// sentences of the annotated corpora (every 10th sentence, never trained
// on; see nlp/ner): each sentence is extracted as a report of its own and
// its set of person names compared with the gold PER spans.
//
//	go run ./scripts/corpuspersons [-corpora ../shared/train] [-only msra,cluener]
//
// It prints precision, recall and F1 per corpus, and the recogniser's own
// PER figures on the same sentences beside them.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/ner"
	"github.com/kg-cn/kg/nlp/pipeline"
)

func main() {
	dir := flag.String("corpora", "../shared/train", "folder of the training corpora")
	only := flag.String("only", "msra,cluener,pd1998", "corpora to score, comma-separated")
	show := flag.Int("show", 0, "print this many misses per corpus")
	lost := flag.Bool("lost", false, "with -show: only names the recogniser found and kg lost")
	flag.Parse()
	corpora, err := ner.LoadCorpora(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpuspersons:", err)
		os.Exit(1)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpuspersons:", err)
		os.Exit(1)
	}
	tagger, err := ner.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpuspersons:", err)
		os.Exit(1)
	}
	fmt.Printf("%-8s %6s %6s %6s %6s   %-24s %s\n", "corpus", "gold", "P", "R", "F1", "recogniser alone: P R F1", "kg, gold without 1-character names: P R F1")
	for _, c := range corpora {
		if !strings.Contains(","+*only+",", ","+c.Name+",") {
			continue
		}
		var kg, rec, kg2 count
		shown := 0
		for i, s := range c.Sentences {
			if !ner.HeldOut(i) {
				continue
			}
			gold := map[string]bool{}
			for _, sp := range s.Spans() {
				if sp.Label == doc.LabelPerson {
					gold[string(s.Text[sp.Start:sp.End])] = true
				}
			}
			x, err := p.Extract(doc.Meta{ID: fmt.Sprint(i)}, string(s.Text))
			if err != nil {
				continue
			}
			sys := map[string]bool{}
			for _, e := range x.Entities {
				if e.Type == doc.TypePerson {
					sys[e.Name] = true
				}
			}
			tagged := map[string]bool{}
			for _, sp := range tagger.Tag(s.Text) {
				if sp.Label == doc.LabelPerson {
					tagged[string(s.Text[sp.Start:sp.End])] = true
				}
			}
			kg.add(gold, sys)
			gold2 := map[string]bool{}
			for n := range gold {
				if len([]rune(n)) > 1 {
					gold2[n] = true
				}
			}
			kg2.add(gold2, sys)
			rec.add(gold, tagged)
			if shown < *show && !same(gold, sys) {
				var lostNames []string
				for n := range gold {
					if tagged[n] && !sys[n] {
						lostNames = append(lostNames, n)
					}
				}
				if !*lost || len(lostNames) > 0 {
					shown++
					fmt.Printf("  %s\n    gold %v\n    kg   %v\n    lost %v\n", string(s.Text), keys(gold), keys(sys), lostNames)
				}
			}
		}
		fmt.Printf("%-8s %6d %6.3f %6.3f %6.3f   %.3f %.3f %.3f        %.3f %.3f %.3f\n", c.Name, kg.gold, kg.p(), kg.r(), kg.f1(), rec.p(), rec.r(), rec.f1(), kg2.p(), kg2.r(), kg2.f1())
	}
}

type count struct{ gold, sys, tp int }

func (c *count) add(gold, sys map[string]bool) {
	c.gold += len(gold)
	c.sys += len(sys)
	for n := range sys {
		if gold[n] {
			c.tp++
		}
	}
}

func (c count) p() float64 { return div(c.tp, c.sys) }
func (c count) r() float64 { return div(c.tp, c.gold) }
func (c count) f1() float64 {
	p, r := c.p(), c.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func div(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func same(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
