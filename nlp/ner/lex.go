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

// bmpCompound marks, in lex.bmp, the first character of a compound surname.
const bmpCompound = 1 << 7

// lex is what the features and the corpus readers need of the lexicon.
type lex struct {
	// bmp holds, for each rune of the Basic Multilingual Plane, its flags
	// that depend on it alone (flSurname, flPlaceSuf, flOrgSuf) and
	// bmpCompound when it starts a compound surname.
	bmp      []uint8
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
		l.bmp = make([]uint8, 0x10000)
		for r := range l.bmp {
			l.bmp[r] = l.ownFlags(rune(r))
		}
		for c := range l.compound {
			if c[0] < 0x10000 {
				l.bmp[c[0]] |= bmpCompound
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

// ownFlags are the flags of r that depend on it alone.
func (l *lex) ownFlags(r rune) uint8 {
	var f uint8
	if l.surname[r] {
		f |= flSurname
	}
	if isPlaceSuffix(r) {
		f |= flPlaceSuf
	}
	if isOrgSuffix(r) {
		f |= flOrgSuf
	}
	return f
}

// flags fills fl[k] with the lexicon flags of text[k] (len(fl) == len(text)).
func (l *lex) flags(text []rune, fl []uint8) {
	for k, r := range text {
		var f uint8
		if r >= 0 && r < 0x10000 {
			b := l.bmp[r]
			f = b &^ bmpCompound
			if b&bmpCompound != 0 && k+1 < len(text) && l.compound[[2]rune{r, text[k+1]}] {
				f |= flCompound
			}
		} else {
			f = l.ownFlags(r)
			if k+1 < len(text) && l.compound[[2]rune{r, text[k+1]}] {
				f |= flCompound
			}
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
