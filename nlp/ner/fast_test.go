package ner

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

// viterbi32 decodes what the generic viterbi does.
func TestViterbi32(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for it := 0; it < 2000; it++ {
		n := 1 + rng.IntN(30)
		span := int32(1 + rng.IntN(20)) // small ranges give ties
		em := make([]int32, n*nTags)
		for i := range em {
			em[i] = rng.Int32N(2*span) - span
		}
		var trans [nTags + 1][nTags]int32
		for i := range trans {
			for j := range trans[i] {
				trans[i][j] = rng.Int32N(2*span) - span
			}
		}
		want, got := make([]uint8, n), make([]uint8, n)
		viterbi(em, &trans, n, make([]uint8, n*nTags), want)
		viterbi32(em, &trans, n, make([]uint8, n*nTags), got)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d: viterbi32 %v, viterbi %v", n, got, want)
		}
	}
}

// features of a mask are the mask's templates of allFeatures, in order;
// the lexicon flags are those of the maps.
func TestFeaturesMask(t *testing.T) {
	lx := lexT(t)
	text := []rune("中共中央总书记、国家主席江泽民，欧阳修与司马光在甘南州委、ＷＴＯ１２月\U00020000李")
	var s sentence
	s.prepare(text, lx)
	for k, r := range text {
		var f uint8
		if lx.surname[r] {
			f |= flSurname
		}
		if k+1 < len(text) && lx.compound[[2]rune{r, text[k+1]}] {
			f |= flCompound
		}
		if isPlaceSuffix(r) {
			f |= flPlaceSuf
		}
		if isOrgSuffix(r) {
			f |= flOrgSuf
		}
		if s.fl[k+2]&^(flTitleBeg|flTitleEnd|flInTitle) != f {
			t.Errorf("flags of %c: %b, want %b", r, s.fl[k+2], f)
		}
	}
	masks := []uint32{allTemplates, 0x3e3ff, 0x3e1bf, 1, 1 << 17}
	for _, m := range featureSets {
		masks = append(masks, m)
	}
	for _, mask := range masks {
		for k := range text {
			var all, got [nFeat]uint64
			s.allFeatures(k, &all)
			n := s.features(k, mask, false, &got)
			if n != bits.OnesCount32(mask) {
				t.Fatalf("mask %x: %d features", mask, n)
			}
			i := 0
			for j := 0; j < nFeat; j++ {
				if mask>>j&1 != 0 {
					if got[i] != all[j] {
						t.Fatalf("mask %x, char %d: feature %d differs from template %d", mask, k, i, j)
					}
					i++
				}
			}
		}
	}
}

// A blocked int8 table survives a write and read, row by row, and a
// feature's row lies inside the table, its line of 64 bytes.
func TestBlockedRoundTrip(t *testing.T) {
	m := &Model{}
	m.init(8, featureSets[featV3], true, false)
	m.Header.Format = FormatVersion
	m.Header.FeatureSet = featV3
	m.Header.Scale = 1
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range m.w {
		if rng.IntN(3) == 0 {
			m.w[i] = int16(rng.IntN(255) - 127)
		}
	}
	want := slices.Clone(m.w)
	m.pack8()
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for r := 0; r < m2.nrows(); r++ {
		for tg := 0; tg < nTags; tg++ {
			if got := m2.weight(r, tg); got != want[r*nTags+tg] {
				t.Fatalf("row %d tag %d: %d, want %d", r, tg, got, want[r*nTags+tg])
			}
		}
	}
	for i := 0; i < 10000; i++ {
		h := rng.Uint64()
		o := m2.row(h)
		if o < 0 || o+nTags > len(m2.w8) || o/64 != (o+nTags-1)/64 || o != m2.off(m2.geo.rowNum(h)) {
			t.Fatalf("hash %x: row at %d of %d", h, o, len(m2.w8))
		}
	}
}
