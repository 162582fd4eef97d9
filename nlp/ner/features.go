// Package ner is kg's learned recogniser of person names, titles of posts,
// organisations and places: an averaged structured perceptron over
// characters (linear chain, BIO tags, Viterbi decoding) whose weights are
// embedded in the binary.
//
// Features are hashed straight from rune n-grams into a flat table of rows
// (one int8 or int16 weight per tag in a row), so tagging allocates nothing per
// character and looks up one row per feature.
package ner

import (
	"fmt"
	"unicode"
)

// Labels, in tag order: tag 2k+1 is B-label, 2k+2 I-label, 0 is O.
var labels = [...]string{"PER", "TITLE", "ORG", "LOC"}

const (
	nLabels = len(labels)
	nTags   = 2*nLabels + 1 // O, B-PER, I-PER, B-TITLE, I-TITLE, B-ORG, I-ORG, B-LOC, I-LOC
	tagO    = 0
)

// FeatureSet names the feature templates of new models (the default of
// Train); a model file records the set it was trained with and is refused by
// code that does not know it (see featureSets).
const FeatureSet = featV3

// Known feature sets: names and the templates of features (bit i of the
// mask enables template i), in the numbering of sentence.features.
const (
	// all 18 templates: bias, 5 unigrams, 4 bigrams, 3 trigrams, the
	// class trigram, 4 lexicon-flag templates
	featV1 = "char-u5b4t3-class3-lex7x3-v1"
	// v1 without the trigrams (templates 10-12): the three rows per
	// character least often in the caches, for little accuracy (MODEL.md)
	featV2 = "char-u5b4-class3-lex7x3-v2"
	// v2 in a blocked table: the five unigram templates of a rune share a
	// line, and so do the four bigram templates of a bigram
	featV3 = "char-u5b4-class3-lex7x3-blk7-v3"
)

// blockedSets are the feature sets of a blocked table (see geometry).
var blockedSets = map[string]bool{featV3: true}

const allTemplates = 1<<nFeat - 1

var featureSets = map[string]uint32{
	featV1: allTemplates,
	featV2: allTemplates &^ (1<<10 | 1<<11 | 1<<12),
	featV3: allTemplates &^ (1<<10 | 1<<11 | 1<<12),
}

// FeatureSetMask is the template mask of a feature set name: a known name,
// or "mask:%05x" (experiments; such a model is not embedded).
func FeatureSetMask(name string) (uint32, bool) {
	if m, ok := featureSets[name]; ok {
		return m, true
	}
	var m uint32
	if _, err := fmt.Sscanf(name, "mask:%x", &m); err == nil && m != 0 && m&^allTemplates == 0 {
		return m, true
	}
	return 0, false
}

// nFeat is the number of feature templates (the most a set computes per
// character).
const nFeat = 18

func tagB(label int) uint8 { return uint8(2*label + 1) }
func tagI(label int) uint8 { return uint8(2*label + 2) }

// tagLabel is the label index of a tag (-1 for O); isB tells B from I.
func tagLabel(t uint8) int { return (int(t) - 1) / 2 }
func isB(t uint8) bool     { return t != tagO && t%2 == 1 }

// labelIndex is the index of a label name, -1 if unknown.
func labelIndex(name string) int {
	for i, l := range labels {
		if l == name {
			return i
		}
	}
	return -1
}

// allowed reports whether tag cur may follow tag prev (prev = nTags for the
// start of a sentence): I-X only after B-X or I-X.
func allowed(prev, cur int) bool {
	if cur == tagO || isB(uint8(cur)) {
		return true
	}
	if prev == nTags || prev == tagO {
		return false
	}
	return tagLabel(uint8(prev)) == tagLabel(uint8(cur))
}

// Character classes.
const (
	clsBOS = iota
	clsEOS
	clsHan
	clsDigit
	clsLatin
	clsPunct
	clsSpace
	clsOther
)

const (
	padBOS rune = -1 // before the first character
	padEOS rune = -2 // after the last
)

// normRune folds full-width ASCII to ASCII and the ideographic space to a
// space, so that both spellings share features.
func normRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// charClass of a normalised rune.
func charClass(r rune) uint8 {
	switch {
	case r == padBOS:
		return clsBOS
	case r == padEOS:
		return clsEOS
	case r >= '0' && r <= '9':
		return clsDigit
	case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		return clsLatin
	case r == ' ' || r == '\t' || r == '\n' || r == '\r':
		return clsSpace
	case r < 0x80:
		if r > ' ' && r < 0x7F {
			return clsPunct
		}
		return clsOther
	}
	switch r {
	case '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿', '两':
		return clsDigit
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3FFFF:
		return clsHan
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFF65, r >= 0x2000 && r <= 0x206F, r == 0xB7:
		return clsPunct
	case r > unicode.MaxRune || r < 0:
		return clsOther
	case unicode.IsSpace(r):
		return clsSpace
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return clsPunct
	case unicode.IsLetter(r):
		return clsLatin
	case unicode.IsDigit(r):
		return clsDigit
	}
	return clsOther
}

// mix is a 64-bit finaliser (MurmurHash3's fmix64).
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func h1(t uint64, a rune) uint64       { return mix(t<<56 ^ uint64(uint32(a))) }
func h2(t uint64, a, b rune) uint64    { return mix(h1(t, a) ^ uint64(uint32(b))) }
func h3(t uint64, a, b, c rune) uint64 { return mix(h2(t, a, b) ^ uint64(uint32(c))) }

// sentence holds a chunk prepared for feature extraction: the normalised
// runes with two pads either side, their classes and lexicon flags.
type sentence struct {
	r   []rune  // len n+4: r[k+2] is character k
	cls []uint8 // same layout
	fl  []uint8 // same layout
}

func (s *sentence) prepare(text []rune, lx *lex) {
	n := len(text)
	s.r = grow(s.r, n+4)
	s.cls = grow(s.cls, n+4)
	s.fl = grow(s.fl, n+4)
	s.r[0], s.r[1], s.r[n+2], s.r[n+3] = padBOS, padBOS, padEOS, padEOS
	for k, c := range text {
		s.r[k+2] = normRune(c)
	}
	for k := range s.r {
		s.cls[k] = charClass(s.r[k])
		s.fl[k] = 0
	}
	lx.flags(text, s.fl[2:n+2])
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	return b[:n]
}

// features writes the hashed features of character k that mask enables
// into out, in template order, and returns how many it wrote. In a blocked
// table the unigram and bigram templates hash the n-gram alone and put the
// template in the low byte (its row in the line).
func (s *sentence) features(k int, mask uint32, blocked bool, out *[nFeat]uint64) int {
	p := k + 2
	r := s.r
	c := s.cls
	f := s.fl
	n := 0
	if mask&1 != 0 {
		out[n] = mix(0x9e3779b97f4a7c15)
		n++
	}
	for i := 1; i <= 5; i++ { // unigrams r[p-2] … r[p+2]
		if mask>>i&1 != 0 {
			if blocked {
				out[n] = h1(1, r[p+i-3])&^0xFF | uint64(i-1)
			} else {
				out[n] = h1(uint64(i), r[p+i-3])
			}
			n++
		}
	}
	for i := 6; i <= 9; i++ { // bigrams (p-2,p-1) … (p+1,p+2)
		if mask>>i&1 != 0 {
			if blocked {
				out[n] = h2(6, r[p+i-8], r[p+i-7])&^0xFF | uint64(i-6)
			} else {
				out[n] = h2(uint64(i), r[p+i-8], r[p+i-7])
			}
			n++
		}
	}
	if mask>>10&1 != 0 {
		out[n] = h3(10, r[p-1], r[p], r[p+1])
		n++
	}
	if mask>>11&1 != 0 {
		out[n] = h3(11, r[p-2], r[p-1], r[p])
		n++
	}
	if mask>>12&1 != 0 {
		out[n] = h3(12, r[p], r[p+1], r[p+2])
		n++
	}
	if mask>>13&1 != 0 {
		out[n] = h1(13, rune(c[p-1])<<16|rune(c[p])<<8|rune(c[p+1]))
		n++
	}
	if mask>>14&1 != 0 {
		out[n] = h1(14, rune(f[p]))
		n++
	}
	if mask>>15&1 != 0 {
		out[n] = h2(15, rune(f[p-1]), r[p])
		n++
	}
	if mask>>16&1 != 0 {
		out[n] = h2(16, rune(f[p+1]), r[p])
		n++
	}
	if mask>>17&1 != 0 {
		out[n] = h1(17, rune(f[p-1])<<16|rune(f[p])<<8|rune(f[p+1]))
		n++
	}
	return n
}

// allFeatures writes all the templates' hashed features of character k (the
// reference the features of a mask are tested against).
func (s *sentence) allFeatures(k int, out *[nFeat]uint64) {
	p := k + 2
	r := s.r
	out[0] = mix(0x9e3779b97f4a7c15)
	out[1] = h1(1, r[p-2])
	out[2] = h1(2, r[p-1])
	out[3] = h1(3, r[p])
	out[4] = h1(4, r[p+1])
	out[5] = h1(5, r[p+2])
	out[6] = h2(6, r[p-2], r[p-1])
	out[7] = h2(7, r[p-1], r[p])
	out[8] = h2(8, r[p], r[p+1])
	out[9] = h2(9, r[p+1], r[p+2])
	out[10] = h3(10, r[p-1], r[p], r[p+1])
	out[11] = h3(11, r[p-2], r[p-1], r[p])
	out[12] = h3(12, r[p], r[p+1], r[p+2])
	c := s.cls
	out[13] = h1(13, rune(c[p-1])<<16|rune(c[p])<<8|rune(c[p+1]))
	f := s.fl
	out[14] = h1(14, rune(f[p]))
	out[15] = h2(15, rune(f[p-1]), r[p])
	out[16] = h2(16, rune(f[p+1]), r[p])
	out[17] = h1(17, rune(f[p-1])<<16|rune(f[p])<<8|rune(f[p+1]))
}
