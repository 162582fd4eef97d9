package ner

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"testing"
)

// scratch (not committed): digest of every span and score on the corpus.
func TestZZDump(t *testing.T) {
	f, err := os.Open("../../../shared/corpus/pd199801.txt")
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	tg := tagger(t)
	h := sha256.New()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		for _, sp := range tg.Tag([]rune(sc.Text())) {
			fmt.Fprintf(h, "%d %d %s %08x\n", sp.Start, sp.End, sp.Label, math.Float32bits(sp.Score))
			n++
		}
	}
	t.Logf("spans %d digest %x", n, h.Sum(nil))
}
