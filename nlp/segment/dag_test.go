package segment

import (
	"bufio"
	"os"
	"slices"
	"testing"

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

// TestCutIsGseCutCorpus compares the two over the People's Daily corpus
// beside the project, when it is there.
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
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var got, want []doc.Token
	n := 0
	for sc.Scan() {
		got = s.cut(new(scratch), sc.Text(), 0, got[:0])
		want = s.cutGse(sc.Text(), 0, want[:0])
		if !slices.Equal(got, want) {
			t.Fatalf("line %d %q:\n got %v\nwant %v", n+1, sc.Text(), got, want)
		}
		n++
	}
	t.Logf("%d lines the same", n)
}
