package segment

import (
	"bufio"
	"os"
	"slices"
	"testing"

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/lexicon"
)

func segmenter(t testing.TB) *Segmenter {
	t.Helper()
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Shared(lx)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sameAsGse checks that the stage's segmentation of str is gse's Cut's.
func sameAsGse(t *testing.T, s *Segmenter, str string) {
	t.Helper()
	got := s.cut(new(scratch), str, 7, nil)
	want := s.cutGse(str, 7, nil)
	if !slices.Equal(got, want) {
		t.Fatalf("%q:\n got %v\nwant %v", str, got, want)
	}
}

func TestCutIsGseCut(t *testing.T) {
	s := segmenter(t)
	for _, str := range []string{
		"", " ", "\n", "。", "中", "ＡＢＣ", "İstanbul欢迎你", "ǅ", "\uFFFD\uFFFD",
		"１２月３１日，中共中央总书记、国家主席江泽民发表１９９８年新年讲话。",
		"县委书记王建国主持会议，副县长李红梅、张卫东出席。",
		"Hello World 2024年3.14亿元GDP增长6.5%，iPhone和5G网络",
		"阿不都热合曼·买买提　说：“好！”\t(test)",
		"嗯嗯嗯嗯嗯啊啊啊哦哦哦呃呃",
	} {
		sameAsGse(t, s, str)
	}
}

// TestCutIsGseCutCorpus compares the stage's segmentation with gse's own
// (gse.NewEmbed and Cut) over the People's Daily corpus beside the
// project, when it is there.
func TestCutIsGseCutCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus comparison is long")
	}
	f, err := os.Open("../../../shared/corpus/pd199801.txt")
	if err != nil {
		t.Skip("no ../shared/corpus/pd199801.txt")
	}
	defer f.Close()
	s := segmenter(t)
	// the reference: gse's own loading and Cut, with the same places added
	g, err := gse.NewEmbed("zh_s")
	if err != nil {
		t.Fatal(err)
	}
	lx, _ := lexicon.Load()
	for name := range lx.Places {
		_ = g.AddToken(name, 2000, "ns")
	}
	ref := &Segmenter{seg: g}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var got, want []doc.Token
	n := 0
	for sc.Scan() {
		got = s.cut(new(scratch), sc.Text(), 0, got[:0])
		want = ref.cutGse(sc.Text(), 0, want[:0])
		if !slices.Equal(got, want) {
			t.Fatalf("line %d %q:\n got %v\nwant %v", n+1, sc.Text(), got, want)
		}
		n++
	}
	t.Logf("%d lines the same", n)
}

// TestLoadIsNewEmbed checks that loadZhS builds gse.NewEmbed("zh_s")'s
// dictionary: the same tokens (in another order: see package zhs) with
// the same frequencies, parts of speech and total.
func TestLoadIsNewEmbed(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary twice")
	}
	if gseZhS == "" {
		t.Skip("gse built without its embedded dictionary")
	}
	want, err := gse.NewEmbed("zh_s")
	if err != nil {
		t.Fatal(err)
	}
	got, err := loadZhS()
	if err != nil {
		t.Fatal(err)
	}
	g, w := got.Dict, want.Dict
	if g.NumTokens() != w.NumTokens() || g.TotalFreq() != w.TotalFreq() || g.MaxTokenLen() != w.MaxTokenLen() {
		t.Fatalf("tokens %d, total %v, max %d; want %d, %v, %d", g.NumTokens(), g.TotalFreq(), g.MaxTokenLen(), w.NumTokens(), w.TotalFreq(), w.MaxTokenLen())
	}
	for i := range w.Tokens {
		b := &w.Tokens[i]
		if f, p, ok := got.Find(b.Text()); !ok || f != b.Freq() || p != b.Pos() {
			t.Fatalf("Find(%q) = %v %q %v", b.Text(), f, p, ok)
		}
	}
	t.Logf("%d tokens the same", len(w.Tokens))
}
