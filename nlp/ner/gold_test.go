package ner

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadGoldReportsMarksEveryMentionAndSkipsHeldOut(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "# source: x\n# date: 2024-01-02\n县委书记柳明远出席会议。柳明远强调，要抓好落实！\n")
	write("a.json", `{"persons": ["柳明远"]}`)
	write("b.txt", "顾南星讲话。")
	write("b.json", `{"persons": ["顾南星"]}`)
	c, sum, err := ReadGoldReports(dir, func(id string) bool { return id == "b" })
	if err != nil {
		t.Fatal(err)
	}
	if !c.PEROnly || sum == "" {
		t.Fatalf("PEROnly %v, digest %q", c.PEROnly, sum)
	}
	var got []string
	for _, s := range c.Sentences {
		got = append(got, spanStrings(s))
	}
	want := []string{"PER:柳明远", "PER:柳明远"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestGoldPathKeepsPersonsAndBarsThemElsewhere(t *testing.T) {
	// emissions that prefer a person everywhere: the gold path keeps the
	// annotated person and takes no other
	tags := []uint8{tagO, tagB(0), tagI(0), tagO}
	n := len(tags)
	em := make([]float32, n*nTags)
	for k := 0; k < n; k++ {
		em[k*nTags+int(tagB(0))] = 5
		em[k*nTags+int(tagB(1))] = 1
	}
	var trans [nTags + 1][nTags]float32
	back, out := make([]uint8, n*nTags), make([]uint8, n)
	goldPath(em, &trans, tags, back, out)
	if out[1] != tagB(0) || out[2] != tagI(0) {
		t.Errorf("person tags %v, want B-PER I-PER at 1, 2", out)
	}
	for _, k := range []int{0, 3} {
		if out[k] == tagB(0) || out[k] == tagI(0) {
			t.Errorf("tag %d at %d is a person's", out[k], k)
		}
	}
}
