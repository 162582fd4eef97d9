package names_test

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/names"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

func TestNamesAreReadToABoundary(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	tl := text.NewLexicon(lx, nil)
	nr := names.NewRules(tl)
	tests := []struct {
		text      string
		at        int
		name      int // At
		afterTitl int // AfterTitle
		ok        bool
	}{
		{"柳明远主持会议。", 0, 3, 3, true},
		{"方如海、顾南星出席。", 4, 3, 3, true},
		{"巴音朝鲁在会上讲话。", 0, 0, 4, true},
		{"记者 柳明远 摄", 3, 3, 3, false},    // a credit
		{"文 柳明远 图 顾南星", 2, 3, 3, false}, // a credit list
		{"马文珠、柏青山当选。", 4, 3, 3, true},   // 文 inside a name before is no credit
	}
	for _, tt := range tests {
		d := &doc.Document{Text: []rune(tt.text)}
		r := nr.NewReader(text.NewView(tl, d))
		if got := r.At(tt.at); got != tt.name {
			t.Errorf("%s: At = %d, want %d", tt.text, got, tt.name)
		}
		if got := r.AfterTitle(tt.at); got != tt.afterTitl {
			t.Errorf("%s: AfterTitle = %d, want %d", tt.text, got, tt.afterTitl)
		}
		if n := r.AfterTitle(tt.at); n > 0 && r.Acceptable(tt.at, n) != tt.ok {
			t.Errorf("%s: Acceptable = %v", tt.text, !tt.ok)
		}
	}
}

func TestTheRecognisersNamesComeFirst(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	tl := text.NewLexicon(lx, nil)
	d := &doc.Document{Text: []rune("欧阳春晓出席。"), Names: []doc.Name{{Span: doc.Span{Start: 0, End: 4}, Label: doc.LabelPerson, Score: 1}}}
	r := names.NewRules(tl).NewReader(text.NewView(tl, d))
	if got := r.At(0); got != 4 {
		t.Errorf("At = %d, want the recogniser's 4", got)
	}
}

func TestATranscribedNameGoesOnWithTheNextPart(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	tl := text.NewLexicon(lx, nil)
	for _, tt := range []struct {
		text string
		cut  int // where the recogniser stopped
		want int
	}{
		{"秘书长格桑旦增、局长王伟参加。", 2, 4}, // Tibetan: 格桑 + 旦增
		{"副旗长乌云其其格出席。", 2, 5},     // Mongolian: 乌云 + 其其格
		{"乌云在会上发言。", 2, 2},        // no second part
		{"扎西卓玛要求各县抓好落实。", 4, 4},   // whole already
	} {
		rs := []rune(tt.text)
		i := 0 // the name starts after the title (…长), if any
		if k := strings.IndexRune(tt.text, '长'); k >= 0 {
			i = len([]rune(tt.text[:k])) + 1
		}
		d := &doc.Document{Text: rs, Names: []doc.Name{{Span: doc.Span{Start: i, End: i + tt.cut}, Label: doc.LabelPerson, Score: 1}}}
		r := names.NewRules(tl).NewReader(text.NewView(tl, d))
		if got := r.At(i); got != tt.want {
			t.Errorf("%s: At = %d, want %d", tt.text, got, tt.want)
		}
	}
}
