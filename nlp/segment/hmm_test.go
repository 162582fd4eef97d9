package segment

import (
	"slices"
	"testing"

	"github.com/go-ego/gse/hmm"
)

// The stage's HMM cuts as gse's hmm.Cut does.
func TestHMMIsGseHMM(t *testing.T) {
	s := segmenter(t)
	if s.hmm == nil {
		t.Fatal("gse's HMM model was not read")
	}
	for _, str := range []string{
		"蔺雪峰", "邬家栋谭立新", "中", "a", "3.14", "12.5abc", "abc3.14", "1.2.3", "12.", "，。", "x，蔺雪峰2024年",
		"静海区召开武装工作会议", "Ａ１", "阿不都热合曼·买买提", " 蔺 雪峰 ", "\uFFFD蔺", "ǅ龘", "𠀀𠀁中", "iPhone15发布",
	} {
		got := slices.Clone(s.hmm.cut(new(hmmScratch), str))
		want := hmm.Cut(str)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %q, gse %q", str, got, want)
		}
	}
}

func FuzzHMMIsGseHMM(f *testing.F) {
	for _, s := range []string{"蔺雪峰出席会议", "abc3.14中文", "，。a1", "龘𠀀"} {
		f.Add(s)
	}
	s := segmenter(f)
	f.Fuzz(func(t *testing.T, str string) {
		got := s.hmm.cut(new(hmmScratch), str)
		want := hmm.Cut(str)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %q, gse %q", str, got, want)
		}
	})
}
