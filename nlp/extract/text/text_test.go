package text_test

import (
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

func TestPersonsIndexReplaysTheLayer(t *testing.T) {
	d := &doc.Document{Text: []rune("王健康说,王健康和李明出席。")}
	p := text.NewPersons(d)
	p.Add("王健康", doc.Span{Start: 0, End: 3}, "a")
	p.Add("王健康", doc.Span{Start: 5, End: 8}, "b")
	p.Add("王健康", doc.Span{Start: 5, End: 8}, "c") // already recorded
	p.Add("李明", doc.Span{Start: 9, End: 11}, "d")
	if len(d.Persons) != 2 || len(d.PersonMentions) != 3 || d.Persons[0].Rule != "a" {
		t.Fatalf("layer %+v / %+v", d.Persons, d.PersonMentions)
	}
	q := text.NewPersons(d) // as a later stage sees it
	if n, ok := q.MentionAt(5); !ok || n != 3 {
		t.Errorf("MentionAt(5) = %d, %v", n, ok)
	}
	if got := q.In(0, 11); len(got) != 3 {
		t.Errorf("In = %v", got)
	}
	if !q.EndsAt(11) || q.EndsAt(10) {
		t.Error("EndsAt")
	}
}

func TestClauses(t *testing.T) {
	d := &doc.Document{Text: []rune("他说:“好,很好。”然后,离开")}
	v := text.NewView(&text.Lexicon{}, d)
	if got := v.ClauseEnd(0, len(d.Text)); got != 2 {
		t.Errorf("ClauseEnd = %d", got)
	}
	if got := v.ClauseEnd(3, len(d.Text)); got != 12 {
		t.Errorf("ClauseEnd over a quote = %d", got)
	}
	if got := v.ClauseStart(14, 0); got != 13 {
		t.Errorf("ClauseStart = %d", got)
	}
}

func TestKnownPlaceReadsTheGazetteer(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	l := text.NewLexicon(lx, nil) // no gse: the gazetteer alone
	tests := []struct {
		name, word string
		known      bool
		full       string
	}{
		{"a county's full name", "修文县", true, ""},
		{"a county's bare stem", "修文", true, "修文县"},
		{"an autonomous prefecture written short", "甘南州", true, "甘南藏族自治州"},
		{"a city's stem gets the city, not a township of that name", "延安", true, "延安市"},
		{"a former name", "静海县", true, "静海区"},
		{"a township's short form is no place (an ordinary word too often)", "发展", false, ""},
		{"全州 reads as the whole prefecture", "全州", false, ""},
		{"an invented county", "测水县", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.KnownPlace(tt.word); got != tt.known {
				t.Errorf("KnownPlace(%s) = %v, want %v", tt.word, got, tt.known)
			}
			if got := l.FullPlace(tt.word); got != tt.full {
				t.Errorf("FullPlace(%s) = %q, want %q", tt.word, got, tt.full)
			}
		})
	}
}
