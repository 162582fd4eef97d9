package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is a training or test sentence: characters and their BIO tags.
type Sentence struct {
	Text []rune
	Tags []uint8
	// PEROnly says that only the persons are annotated: a tag that is no
	// PER tag means "no person here", not O (ReadGoldReports).
	PEROnly bool
}

// Spans are the gold spans of the sentence.
func (s *Sentence) Spans() []Span { return appendSpans(nil, s.Tags, nil, 0, 0) }

// Corpus is one training corpus.
type Corpus struct {
	Name, File string // File relative to the corpora folder
	Sentences  []Sentence
	PEROnly    bool // only persons are annotated: scored on PER alone, and not in ALL
}

// corpusFiles are the corpora kg trains on, in a fixed order.
var corpusFiles = []struct {
	name, file string
	read       func(io.Reader, *lex) ([]Sentence, error)
}{
	{"pd1998", "pd1998/199801.txt.gz", ReadPD},
	{"msra", "msra/msra_train_bio.txt.gz", ReadMSRA},
	{"cluener", "cluener/train.json", ReadCLUENER},
	{"resume", "resume/train.char.bmes", ReadResume},
	{"weibo", "weibo/weiboNER_2nd_conll.train", ReadWeibo},
}

func openMaybeGzip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

func newSentence(text []rune) Sentence {
	return Sentence{Text: text, Tags: make([]uint8, len(text))}
}

// mark tags text[start:end] with label l.
func (s *Sentence) mark(start, end, l int) {
	if l < 0 || start < 0 || end > len(s.Tags) || start >= end {
		return
	}
	s.Tags[start] = tagB(l)
	for k := start + 1; k < end; k++ {
		s.Tags[k] = tagI(l)
	}
}

// ReadPD reads the People's Daily 1998 corpus (word/tag tokens, a paragraph a
// line, [w/t w/t]nt compounds). nr runs are paired into persons (surname +
// given name), ns and [..]ns are LOC, nt and [..]nt ORG, and a token that is
// a title word of the lexicon is TITLE.
func ReadPD(r io.Reader, lx *lex) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	type tok struct {
		word []rune
		tag  string
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		fields = fields[1:] // the paragraph id
		var text []rune
		type span struct{ s, e, l int }
		var spans []span
		var run []tok // current nr run, with start offsets
		var runStart []int
		flush := func() {
			for k := 0; k < len(run); {
				s := runStart[k]
				e := s + len(run[k].word)
				if lx.isSurname(run[k].word) && k+1 < len(run) {
					e += len(run[k+1].word) // surname + given name
					k += 2
				} else {
					k++ // a name of one token, or a lone surname or given name
				}
				spans = append(spans, span{s, e, 0})
			}
			run, runStart = run[:0], runStart[:0]
		}
		bstart, inBracket := -1, false
		for _, f := range fields {
			outer := ""
			if strings.HasPrefix(f, "[") && len(f) > 1 {
				f = f[1:]
				bstart, inBracket = len(text), true
			}
			if i := strings.LastIndex(f, "]"); i > 0 && inBracket {
				f, outer = f[:i], f[i+1:]
			}
			i := strings.LastIndex(f, "/")
			if i <= 0 {
				continue
			}
			w, tag := []rune(f[:i]), f[i+1:]
			if tag == "nr" {
				run = append(run, tok{w, tag})
				runStart = append(runStart, len(text))
			} else {
				flush()
			}
			start := len(text)
			text = append(text, w...)
			switch {
			case tag == "ns":
				spans = append(spans, span{start, len(text), 3})
			case tag == "nt":
				spans = append(spans, span{start, len(text), 2})
			case tag == "nr":
			default:
				if _, ok := lx.titles.Get(string(w)); ok && !inBracket {
					spans = append(spans, span{start, len(text), 1})
				}
			}
			if outer != "" {
				flush()
				inBracket = false
				switch outer {
				case "ns":
					spans = append(spans, span{bstart, len(text), 3})
				case "nt":
					spans = append(spans, span{bstart, len(text), 2})
				}
			}
		}
		flush()
		s := newSentence(text)
		// compounds come after their inner words and overwrite them
		for _, sp := range spans {
			s.mark(sp.s, sp.e, sp.l)
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// readCharTagged reads one character and its tag a line, a blank line
// between sentences. conv gives the label index (-1 for O) and whether the
// tag begins a span (B-, S-) for a tag string.
func readCharTagged(r io.Reader, stripDigit bool, conv func(tag string) (label int, begin bool)) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var text []rune
	var lab []int
	var beg []bool
	end := func() {
		if len(text) == 0 {
			return
		}
		s := newSentence(text)
		for k := range text {
			l := lab[k]
			if l < 0 {
				continue
			}
			if beg[k] || k == 0 || lab[k-1] != l {
				s.Tags[k] = tagB(l)
			} else {
				s.Tags[k] = tagI(l)
			}
		}
		out = append(out, s)
		text, lab, beg = nil, nil, nil
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			end()
			continue
		}
		i := strings.LastIndexAny(line, "\t ")
		if i <= 0 {
			continue // a character that is itself a space
		}
		ch, tag := []rune(line[:i]), strings.TrimSpace(line[i+1:])
		if stripDigit && len(ch) > 1 {
			ch = ch[:len(ch)-1]
		}
		if len(ch) != 1 {
			if len(ch) == 0 {
				continue
			}
			ch = ch[:1]
		}
		l, b := conv(tag)
		text = append(text, ch[0])
		lab = append(lab, l)
		beg = append(beg, b)
	}
	end()
	return out, sc.Err()
}

func splitTag(tag string) (pos, typ string) {
	if tag == "O" || tag == "" {
		return "O", ""
	}
	p, t, ok := strings.Cut(tag, "-")
	if !ok {
		return "O", ""
	}
	return p, t
}

// ReadMSRA reads MSRA NER (char TAB BIO). TITLE is labelled from the lexicon.
func ReadMSRA(r io.Reader, lx *lex) ([]Sentence, error) {
	ss, err := readCharTagged(r, false, func(tag string) (int, bool) {
		p, t := splitTag(tag)
		if p == "O" {
			return -1, false
		}
		return labelIndex(t), p == "B"
	})
	for i := range ss {
		labelTitles(&ss[i], lx)
	}
	return ss, err
}

// ReadWeibo reads Weibo NER (char+digit TAB BIO): named PER, ORG, GPE and
// LOC mentions; nominal ones are O. TITLE is labelled from the lexicon.
func ReadWeibo(r io.Reader, lx *lex) ([]Sentence, error) {
	ss, err := readCharTagged(r, true, func(tag string) (int, bool) {
		p, t := splitTag(tag)
		l := -1
		switch t {
		case "PER.NAM":
			l = 0
		case "ORG.NAM":
			l = 2
		case "GPE.NAM", "LOC.NAM":
			l = 3
		}
		return l, p == "B"
	})
	for i := range ss {
		labelTitles(&ss[i], lx)
	}
	return ss, err
}

// ReadResume reads Resume NER (char SPACE BMES): NAME is PER; TITLE, ORG
// and LOC are kept; EDU, PRO, CONT, RACE are O.
func ReadResume(r io.Reader, _ *lex) ([]Sentence, error) {
	return readCharTagged(r, false, func(tag string) (int, bool) {
		p, t := splitTag(tag)
		l := -1
		switch t {
		case "NAME":
			l = 0
		case "TITLE", "ORG", "LOC":
			l = labelIndex(t)
		}
		return l, p == "B" || p == "S"
	})
}

// ReadCLUENER reads CLUENER2020 (JSON Lines, end-inclusive spans): name is
// PER, position TITLE, government, organization and company ORG, address
// and scene LOC.
func ReadCLUENER(r io.Reader, _ *lex) ([]Sentence, error) {
	var out []Sentence
	dec := json.NewDecoder(r)
	for {
		var rec struct {
			Text  string                        `json:"text"`
			Label map[string]map[string][][]int `json:"label"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return out, err
		}
		s := newSentence([]rune(rec.Text))
		for name, ents := range rec.Label {
			l := -1
			switch name {
			case "name":
				l = 0
			case "position":
				l = 1
			case "government", "organization", "company":
				l = 2
			case "address", "scene":
				l = 3
			}
			if l < 0 {
				continue
			}
			for _, spans := range ents {
				for _, sp := range spans {
					if len(sp) == 2 {
						s.mark(sp[0], sp[1]+1, l)
					}
				}
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// labelTitles labels as TITLE the lexicon title words in the O stretches of
// a sentence from a corpus that does not label titles, where the word is
// next to a person or stands between boundaries (start, end, punctuation,
// another mention).
func labelTitles(s *Sentence, lx *lex) {
	n := len(s.Text)
	for k := 0; k < n; k++ {
		if s.Tags[k] != tagO {
			continue
		}
		l, _ := lx.titles.LongestAt(s.Text, k)
		if l == 0 {
			continue
		}
		e := k + l
		clean := true
		for j := k; j < e; j++ {
			if s.Tags[j] != tagO {
				clean = false
				break
			}
		}
		if !clean {
			continue
		}
		nextPER := e < n && s.Tags[e] == tagB(0)
		prevPER := k > 0 && tagLabel(s.Tags[k-1]) == 0
		prevB := k == 0 || s.Tags[k-1] != tagO || charClass(normRune(s.Text[k-1])) != clsHan || s.Text[k-1] == '兼'
		nextB := e == n || isB(s.Tags[e]) || charClass(normRune(s.Text[e])) != clsHan || s.Text[e] == '兼'
		if nextPER || prevPER || prevB && nextB {
			s.mark(k, e, 1)
			k = e - 1
		}
	}
}

// LoadCorpora reads the corpora under dir.
func LoadCorpora(dir string) ([]Corpus, error) {
	lx, err := loadLex()
	if err != nil {
		return nil, err
	}
	var out []Corpus
	for _, c := range corpusFiles {
		f, err := openMaybeGzip(dir + "/" + c.file)
		if err != nil {
			return nil, err
		}
		ss, err := c.read(f, lx)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.file, err)
		}
		out = append(out, Corpus{Name: c.name, File: c.file, Sentences: ss})
	}
	return out, nil
}
