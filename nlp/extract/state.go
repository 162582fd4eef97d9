package extract

import (
	"sort"

	"github.com/kg-cn/kg/nlp/doc"
)

// person is one individual named in the report.
type person struct {
	name     string
	first    int        // first mention, for output order
	mentions []doc.Span // spans of Text
	posts    []postFact
}

// postFact says that a person holds (or held) a post, with its evidence.
type postFact struct {
	post, title, org string
	ev               doc.Span
	start, end       *string
}

type event struct {
	name, kind, date, place string
	convener                string   // the organisation that convened it
	span                    doc.Span // the name's span
	ev                      doc.Span // its sentence
	named                   bool     // named in the text (vs an activity verb)
}

type roleFact struct {
	person, role string
	event        int
	ev           doc.Span
}

type honourFact struct {
	event        int
	name, honour string
	isPerson     bool
	ev           doc.Span
}

type placeMention struct {
	name string
	span doc.Span
}

type dateMention struct {
	span doc.Span
	iso  string // YYYY-MM-DD, or "" when the year is unknown
	m, d int    // month and day as written (0 when not)
}

// state is the working memory of one Process call.
type state struct {
	e         *Extractor
	d         *doc.Document
	t         []rune
	jur       string
	dates     []dateMention
	places    []placeMention
	persons   map[string]*person
	mentionAt map[int]int // Text offset of a person mention → its length
	events    []*event
	roles     []roleFact
	honours   []honourFact
	cut       []bool // cut[i]: a token of the segmentation starts or ends at i

	per map[int]int // the recogniser's person names: start → length

	lastAppointed     *post    // the last post of an appointment, for the next one
	lastAppointedSent doc.Span // in the same sentence
}

func newState(e *Extractor, d *doc.Document) *state {
	s := &state{e: e, d: d, t: d.Text, jur: d.Meta.Jurisdiction,
		persons: map[string]*person{}, mentionAt: map[int]int{}}
	for _, nm := range d.Names {
		if nm.Label == doc.LabelPerson && nm.Len() >= 2 && nm.Score >= e.minNameScore {
			if s.per == nil {
				s.per = map[int]int{}
			}
			s.per[nm.Start] = nm.Len()
		}
	}
	if len(d.Tokens) > 0 {
		s.cut = make([]bool, len(d.Text)+1)
		for _, tk := range d.Tokens {
			s.cut[tk.Start], s.cut[tk.End] = true, true
		}
	}
	return s
}

// alignsWithTokens reports whether [a, b) starts and ends where the
// segmentation cuts, or lies inside one token that starts at a (gse keeps
// unknown names whole: 蔺雪峰, or joins them with what follows less often
// than with what precedes). Without tokens it says yes.
func (s *state) alignsWithTokens(a, b int) bool {
	if s.cut == nil || b >= len(s.cut) {
		return true
	}
	return s.cut[a]
}

// addPerson records a mention of a person and returns the person.
func (s *state) addPerson(name string, sp doc.Span) *person {
	p := s.persons[name]
	if p == nil {
		p = &person{name: name, first: sp.Start}
		s.persons[name] = p
	}
	if sp.Start < p.first {
		p.first = sp.Start
	}
	for _, m := range p.mentions {
		if m == sp {
			return p
		}
	}
	p.mentions = append(p.mentions, sp)
	s.mentionAt[sp.Start] = sp.Len()
	return p
}

// addPost records that p holds post, unless it already does.
func (s *state) addPost(p *person, f postFact) {
	for i, g := range p.posts {
		if g.post == f.post {
			if f.start != nil && g.start == nil {
				p.posts[i].start = f.start
			}
			if f.end != nil && g.end == nil {
				p.posts[i].end = f.end
			}
			return
		}
	}
	p.posts = append(p.posts, f)
}

// sentenceOf returns the sentence span containing offset i.
func (s *state) sentenceOf(i int) doc.Span {
	ss := s.d.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > i })
	if k < len(ss) && ss[k].Start <= i {
		return ss[k]
	}
	return doc.Span{Start: i, End: i}
}

// sentenceIndex returns the index of the sentence containing offset i.
func (s *state) sentenceIndex(i int) int {
	ss := s.d.Sentences
	return sort.Search(len(ss), func(k int) bool { return ss[k].End > i })
}

func (s *state) str(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(s.t) {
		b = len(s.t)
	}
	if a >= b {
		return ""
	}
	return string(s.t[a:b])
}

// hasAt reports whether the text at i starts with w (false for an i
// outside the text).
func (s *state) hasAt(i int, w string) bool {
	for _, r := range w {
		if i < 0 || i >= len(s.t) || s.t[i] != r {
			return false
		}
		i++
	}
	return true
}

// personsIn returns the person mentions inside [a, b), in text order.
func (s *state) personsIn(a, b int) []doc.Span {
	var out []doc.Span
	for i := a; i < b; i++ {
		if n, ok := s.mentionAt[i]; ok && i+n <= b {
			out = append(out, doc.Span{Start: i, End: i + n})
			i += n - 1
		}
	}
	return out
}
