package pipeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/kg-cn/kg/nlp/doc"
)

// BenchmarkStages reports the time each stage takes over the corpus, as a
// share of the whole (ns/op is the whole pipeline), stage by stage in the
// pipeline's order: normalize, sentences, recognise, jurisdiction (the
// gazetteer's), segment, then the extraction stages.
func BenchmarkStages(b *testing.B) {
	reports, total := corpusReports(b)
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	spent := make([]time.Duration, len(p.stages))
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range reports {
			d := &doc.Document{Meta: doc.Meta{ID: "pd", Date: "1998-01-01"}, Raw: r}
			for k, s := range p.stages {
				t := time.Now()
				if err := s.Process(d); err != nil {
					b.Fatal(err)
				}
				spent[k] += time.Since(t)
			}
		}
	}
	var all time.Duration
	for _, d := range spent {
		all += d
	}
	for k, s := range p.stages {
		// numbered: two stages may share a name (the gazetteer's and the
		// rules' jurisdiction), and the numbers keep the stages' order
		b.ReportMetric(100*float64(spent[k])/float64(all), fmt.Sprintf("%02d-%s_%%", k+1, s.Name()))
	}
}
