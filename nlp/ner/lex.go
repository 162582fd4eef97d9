package ner

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/kg-cn/kg/nlp/lexicon"
)

//go:embed data/titles_extra.txt
var titlesExtra string

// Lexicon flags of a character.
const (
	flSurname  = 1 << iota // a common single surname
	flCompound             // starts a compound surname
	flTitleEnd             // a title word ends here
	flTitleBeg             // a title word starts here
	flInTitle              // inside a title word
	flPlaceSuf             // a place suffix (省市县区镇乡村旗州盟)
	flOrgSuf               // an organisation suffix (局厅部委办院…)
)

const maxTitle = 10

// lex is what the features and the corpus readers need of the lexicon.
type lex struct {
	surname  map[rune]bool
	compound map[[2]rune]bool
	titles   *lexicon.Trie
}

var (
	lexOnce sync.Once
	lexVal  *lex
	lexErr  error
)

// loadLex builds the lexicon once from nlp/lexicon and data/titles_extra.txt.
func loadLex() (*lex, error) {
	lexOnce.Do(func() {
		lx, err := lexicon.Load()
		if err != nil {
			lexErr = err
			return
		}
		l := &lex{surname: map[rune]bool{}, compound: map[[2]rune]bool{}, titles: lexicon.NewTrie()}
		for s := range lx.Surnames {
			rs := []rune(s)
			switch len(rs) {
			case 1:
				l.surname[rs[0]] = true
			case 2:
				l.compound[[2]rune{rs[0], rs[1]}] = true
			}
		}
		for _, w := range lx.Titles.Words() {
			l.titles.Add(w, "title")
		}
		for _, line := range strings.Split(titlesExtra, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, w := range strings.Fields(line) {
				l.titles.Add(w, "title")
			}
		}
		lexVal = l
	})
	return lexVal, lexErr
}

func isPlaceSuffix(r rune) bool {
	switch r {
	case '省', '市', '县', '区', '镇', '乡', '村', '旗', '州', '盟', '国', '岛', '江', '河', '山', '湖', '洲':
		return true
	}
	return false
}

func isOrgSuffix(r rune) bool {
	switch r {
	case '局', '厅', '部', '委', '办', '院', '所', '处', '署', '会', '社', '团', '校', '厂', '行', '司', '馆', '站', '队', '组', '党', '军':
		return true
	}
	return false
}

// flags fills fl[k] with the lexicon flags of text[k] (len(fl) == len(text)).
func (l *lex) flags(text []rune, fl []uint8) {
	for k, r := range text {
		var f uint8
		if l.surname[r] {
			f |= flSurname
		}
		if k+1 < len(text) && l.compound[[2]rune{r, text[k+1]}] {
			f |= flCompound
		}
		if isPlaceSuffix(r) {
			f |= flPlaceSuf
		}
		if isOrgSuffix(r) {
			f |= flOrgSuf
		}
		fl[k] |= f
		if n, _ := l.titles.LongestAt(text, k); n > 0 {
			fl[k] |= flTitleBeg
			fl[k+n-1] |= flTitleEnd
			for j := k; j < k+n; j++ {
				fl[j] |= flInTitle
			}
		}
	}
}

// isSurnameAt reports whether a surname (single or compound) starts text[k:].
func (l *lex) isSurname(word []rune) bool {
	switch len(word) {
	case 1:
		return l.surname[word[0]]
	case 2:
		return l.compound[[2]rune{word[0], word[1]}]
	}
	return false
}
