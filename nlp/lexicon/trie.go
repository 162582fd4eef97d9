package lexicon

// Trie is a rune trie for longest-match lookups of lexicon words in text.
type Trie struct {
	root *node // words forwards
	rev  *node // words backwards, for LongestEndingAt
	size int
	// first and last are bit sets of the runes (of the Basic Multilingual
	// Plane) that begin and end a word: most positions of a text begin no
	// word, and a bit test rejects them before any map lookup
	first, last RuneSet
}

// RuneSet is a set of runes: a bit per rune below 0x10000, a map above.
// Its test costs no map lookup for the characters of Chinese text.
type RuneSet struct {
	bits  *[1 << 10]uint64
	other map[rune]bool
}

// Add puts r in the set.
func (s *RuneSet) Add(r rune) {
	if r < 0x10000 {
		if s.bits == nil {
			s.bits = new([1 << 10]uint64)
		}
		s.bits[r>>6] |= 1 << (uint(r) & 63)
		return
	}
	if s.other == nil {
		s.other = map[rune]bool{}
	}
	s.other[r] = true
}

// Has reports whether r is in the set.
func (s *RuneSet) Has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return s.bits != nil && s.bits[r>>6]&(1<<(uint(r)&63)) != 0
	}
	return s.other[r]
}

type node struct {
	next  map[rune]*node
	value string
	end   bool
}

// NewTrie returns an empty trie.
func NewTrie() *Trie { return &Trie{root: &node{}, rev: &node{}} }

// Add inserts word with a value; a later Add of the same word replaces it.
func (t *Trie) Add(word, value string) {
	rs := []rune(word)
	back := make([]rune, len(rs))
	for i, r := range rs {
		back[len(rs)-1-i] = r
	}
	if len(rs) == 0 {
		return
	}
	t.first.Add(rs[0])
	t.last.Add(rs[len(rs)-1])
	insert(t.rev, back, value)
	if insert(t.root, rs, value) {
		t.size++
	}
}

// insert adds the path rs below n and reports whether it is a new word.
func insert(n *node, rs []rune, value string) bool {
	for _, r := range rs {
		if n.next == nil {
			n.next = map[rune]*node{}
		}
		c := n.next[r]
		if c == nil {
			c = &node{}
			n.next[r] = c
		}
		n = c
	}
	isNew := !n.end
	n.end, n.value = true, value
	return isNew
}

// Len is the number of words.
func (t *Trie) Len() int { return t.size }

// Get returns the value of an exact word.
func (t *Trie) Get(word string) (string, bool) {
	n := t.root
	for _, r := range word {
		if n = n.next[r]; n == nil {
			return "", false
		}
	}
	return n.value, n.end
}

// GetRunes is Get of the word text[a:b], without making it a string.
func (t *Trie) GetRunes(text []rune, a, b int) (string, bool) {
	if a < 0 || b > len(text) || a >= b || !t.first.Has(text[a]) {
		return "", false
	}
	n := t.root
	for _, r := range text[a:b] {
		if n = n.next[r]; n == nil {
			return "", false
		}
	}
	return n.value, n.end
}

// LongestAt returns the length in runes and value of the longest word that
// starts at text[i], or 0 when none does.
func (t *Trie) LongestAt(text []rune, i int) (int, string) {
	if i < 0 || i >= len(text) || !t.first.Has(text[i]) {
		return 0, ""
	}
	n, best, val := t.root, 0, ""
	for j := i; j < len(text); j++ {
		if n = n.next[text[j]]; n == nil {
			break
		}
		if n.end {
			best, val = j-i+1, n.value
		}
	}
	return best, val
}

// HasPrefixAt reports whether some word starts at text[i].
func (t *Trie) HasPrefixAt(text []rune, i int) bool {
	l, _ := t.LongestAt(text, i)
	return l > 0
}

// LongestEndingAt returns the length and value of the longest word that
// ends just before text[end] (text[end-l:end]), of at most max runes.
func (t *Trie) LongestEndingAt(text []rune, end, max int) (int, string) {
	if end <= 0 || end > len(text) || !t.last.Has(text[end-1]) {
		return 0, ""
	}
	n, best, val := t.rev, 0, ""
	for j := end - 1; j >= 0 && end-j <= max; j-- {
		if n = n.next[text[j]]; n == nil {
			break
		}
		if n.end {
			best, val = end-j, n.value
		}
	}
	return best, val
}

// Words returns every word in the trie.
func (t *Trie) Words() []string {
	var out []string
	var walk func(n *node, prefix []rune)
	walk = func(n *node, prefix []rune) {
		if n.end {
			out = append(out, string(prefix))
		}
		for r, c := range n.next {
			walk(c, append(prefix, r))
		}
	}
	walk(t.root, nil)
	return out
}
