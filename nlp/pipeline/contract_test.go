package pipeline

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

func TestStageContractsAreCheckedWhenThePipelineIsBuilt(t *testing.T) {
	text := stageFunc{"normalize", nil, []doc.Layer{doc.LayerText}, nil}
	sents := stageFunc{"sentences", []doc.Layer{doc.LayerText}, []doc.Layer{doc.LayerSentences}, nil}
	facts := stageFunc{"facts", []doc.Layer{doc.LayerSentences, doc.LayerNames}, []doc.Layer{doc.LayerFacts}, nil}
	names := stageFunc{"names", []doc.Layer{doc.LayerSentences}, []doc.Layer{doc.LayerNames}, nil}
	tests := []struct {
		name    string
		stages  []Stage
		wantErr string
	}{
		{"every need provided before", []Stage{text, sents, names, facts}, ""},
		{"a need provided only later", []Stage{text, sents, facts, names}, `stage facts needs layer "names"`},
		{"a need never provided", []Stage{sents}, `stage sentences needs layer "text"`},
		{"a layer provided twice", []Stage{text, sents, text}, `provides layer "text", already provided by normalize`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(tt.stages...)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want it to say %q", err, tt.wantErr)
			}
		})
	}
}

func TestTheStandardPipelineHoldsItsContracts(t *testing.T) {
	p := testPipeline(t)
	if err := check(p.stages); err != nil {
		t.Fatal(err)
	}
}
