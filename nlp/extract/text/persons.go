package text

import "github.com/kg-cn/kg/nlp/doc"

// Persons indexes the Persons layer of a Document and adds to it: the
// persons stage fills it, and the commendations stage adds the honourees it
// reads. The index is rebuilt from the layer (replaying PersonMentions in
// the order they were found), so no map passes between stages.
type Persons struct {
	d      *doc.Document
	byName map[string]int // name → index into d.Persons
	at     []int32        // Text offset of a person mention → its length (the last one found there), 0 for none
}

// NewPersons indexes d.Persons and d.PersonMentions.
func NewPersons(d *doc.Document) *Persons {
	p := &Persons{d: d, byName: map[string]int{}, at: make([]int32, len(d.Text)+1)}
	for i, q := range d.Persons {
		p.byName[q.Name] = i
	}
	for _, m := range d.PersonMentions {
		p.set(m.Start, m.Len())
	}
	return p
}

// Add records a mention of a person, found by the rule, and returns the
// person's index in d.Persons. A mention already recorded is not recorded
// again.
func (p *Persons) Add(name string, sp doc.Span, rule string) int {
	k, ok := p.byName[name]
	if !ok {
		k = len(p.d.Persons)
		p.d.Persons = append(p.d.Persons, doc.Person{Name: name, First: sp.Start, Rule: rule})
		p.byName[name] = k
	}
	q := &p.d.Persons[k]
	if sp.Start < q.First {
		q.First = sp.Start
	}
	for _, m := range q.Mentions {
		if m == sp {
			return k
		}
	}
	q.Mentions = append(q.Mentions, sp)
	p.d.PersonMentions = append(p.d.PersonMentions, doc.PersonMention{Span: sp, Name: name, Rule: rule})
	p.set(sp.Start, sp.Len())
	return k
}

func (p *Persons) set(i, n int) {
	if i >= 0 && i < len(p.at) {
		p.at[i] = int32(n)
	}
}

func (p *Persons) get(i int) int {
	if i < 0 || i >= len(p.at) {
		return 0
	}
	return int(p.at[i])
}

// Has reports whether name is a person of the layer.
func (p *Persons) Has(name string) bool {
	_, ok := p.byName[name]
	return ok
}

// Names returns the persons' names, in the order they were found.
func (p *Persons) Names() []string {
	out := make([]string, len(p.d.Persons))
	for i, q := range p.d.Persons {
		out[i] = q.Name
	}
	return out
}

// MentionAt returns the length of the person mention that starts at i.
func (p *Persons) MentionAt(i int) (int, bool) {
	n := p.get(i)
	return n, n > 0
}

// In returns the person mentions inside [a, b), in text order.
func (p *Persons) In(a, b int) []doc.Span {
	var out []doc.Span
	for i := a; i < b; i++ {
		if n := p.get(i); n > 0 && i+n <= b {
			out = append(out, doc.Span{Start: i, End: i + n})
			i += n - 1
		}
	}
	return out
}

// EndsAt reports whether a person mention of 2–4 characters ends just
// before e.
func (p *Persons) EndsAt(e int) bool {
	for _, n := range []int{3, 2, 4} {
		if e-n >= 0 && p.get(e-n) == n {
			return true
		}
	}
	return false
}
