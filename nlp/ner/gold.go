package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kg-cn/kg/nlp/normalize"
)

// ReadGoldReports reads a folder of reports annotated for kg's evaluation
// (<id>.txt beside <id>.json with a "persons" list, ../shared/eval/FORMAT.md)
// as a training corpus of persons only: the text is normalised as the
// pipeline normalises it (simplified, cleaned), cut into sentences (。！？
// and line breaks), and every occurrence of a gold person's name is a PER
// span. What else a sentence names is not annotated, so its other
// characters are only known not to be a person (Sentence.PEROnly); the
// trainer leaves their tag free among the other labels. Reports for which
// skip returns true (the project's held-out reports) are not read; the "#"
// header lines of a report are dropped. The corpus's file digest is the
// SHA-256 of the files read, in name order.
func ReadGoldReports(dir string, skip func(id string) bool) (Corpus, string, error) {
	c := Corpus{Name: "dev-gold", File: dir, PEROnly: true}
	golds, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return c, "", err
	}
	sort.Strings(golds)
	norm, err := normalize.New()
	if err != nil {
		return c, "", err
	}
	h := sha256.New()
	for _, gp := range golds {
		id := strings.TrimSuffix(filepath.Base(gp), ".json")
		if skip != nil && skip(id) {
			continue
		}
		raw, err := os.ReadFile(strings.TrimSuffix(gp, ".json") + ".txt")
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return c, "", err
		}
		gb, err := os.ReadFile(gp)
		if err != nil {
			return c, "", err
		}
		var g struct {
			Persons []string `json:"persons"`
		}
		if err := json.Unmarshal(gb, &g); err != nil {
			return c, "", fmt.Errorf("%s: %w", gp, err)
		}
		h.Write(raw)
		h.Write(gb)
		var body []string
		for _, ln := range strings.Split(string(raw), "\n") {
			if !strings.HasPrefix(ln, "# ") {
				body = append(body, ln)
			}
		}
		text, _ := norm.Normalize(strings.Join(body, "\n"))
		c.Sentences = append(c.Sentences, personSentences(text, g.Persons)...)
	}
	return c, hex.EncodeToString(h.Sum(nil)), nil
}

// personSentences cuts text into sentences and marks the names in each,
// longest names first, occurrences not overlapping.
func personSentences(text []rune, persons []string) []Sentence {
	names := append([]string(nil), persons...)
	sort.Slice(names, func(i, j int) bool {
		if a, b := len([]rune(names[i])), len([]rune(names[j])); a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	var out []Sentence
	a := 0
	for k := 0; k <= len(text); k++ {
		if k < len(text) && !strings.ContainsRune("。！？!?\n", text[k]) {
			continue
		}
		e := k
		if k < len(text) && text[k] != '\n' {
			e++
		}
		seg := []rune(strings.TrimSpace(string(text[a:e])))
		a = k + 1
		if len(seg) < 2 {
			continue
		}
		s := newSentence(seg)
		s.PEROnly = true
		taken := make([]bool, len(seg))
		for _, nm := range names {
			n := []rune(nm)
			if len(n) < 2 {
				continue
			}
		scan:
			for i := 0; i+len(n) <= len(seg); i++ {
				for j := range n {
					if seg[i+j] != n[j] || taken[i+j] {
						continue scan
					}
				}
				s.mark(i, i+len(n), 0)
				for j := range n {
					taken[i+j] = true
				}
				i += len(n) - 1
			}
		}
		out = append(out, s)
	}
	return out
}

// goldPath finds the tags a PEROnly sentence is trained towards: its PER
// tags where it has them, and elsewhere the best-scoring tags among those
// that are no person's (Viterbi over the emissions em with the others
// barred), so that what the annotation does not say is not taught.
func goldPath(em []float32, trans *[nTags + 1][nTags]float32, s []uint8, back, out []uint8) {
	const barred = -1e30
	n := len(s)
	masked := make([]float32, n*nTags)
	copy(masked, em[:n*nTags])
	for k := 0; k < n; k++ {
		row := masked[k*nTags : (k+1)*nTags]
		if s[k] == tagB(0) || s[k] == tagI(0) {
			for j := range row {
				if uint8(j) != s[k] {
					row[j] = barred
				}
			}
			continue
		}
		row[tagB(0)], row[tagI(0)] = barred, barred
	}
	viterbi(masked, trans, n, back, out)
}
