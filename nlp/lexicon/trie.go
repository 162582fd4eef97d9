package lexicon

// Trie is a rune trie for longest-match lookups of lexicon words in text.
type Trie struct {
	root *node
	size int
}

type node struct {
	next  map[rune]*node
	value string
	end   bool
}

// NewTrie returns an empty trie.
func NewTrie() *Trie { return &Trie{root: &node{}} }

// Add inserts word with a value; a later Add of the same word replaces it.
func (t *Trie) Add(word, value string) {
	n := t.root
	for _, r := range word {
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
	if !n.end {
		t.size++
	}
	n.end, n.value = true, value
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

// LongestAt returns the length in runes and value of the longest word that
// starts at text[i], or 0 when none does.
func (t *Trie) LongestAt(text []rune, i int) (int, string) {
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

// LongestEndingAt returns the length of the longest word that ends just
// before text[end] (text[end-l:end]), trying lengths up to max.
func (t *Trie) LongestEndingAt(text []rune, end, max int) (int, string) {
	for l := max; l >= 1; l-- {
		if end-l < 0 {
			continue
		}
		if v, ok := t.Get(string(text[end-l : end])); ok {
			return l, v
		}
	}
	return 0, ""
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
