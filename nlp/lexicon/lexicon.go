// Package lexicon holds kg's government lexicon: surnames, titles of posts,
// organisation words, administrative divisions and the cue words the
// extraction rules read. The entries live in embedded data files (data/*.txt)
// that a domain expert can review and extend without touching Go code.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed data/*.txt
var files embed.FS

// Lexicon is the loaded lexicon. It is read-only after Load.
type Lexicon struct {
	Surnames    map[string]bool // single and compound surnames
	Titles      *Trie           // title → class (party, head, deputy, chair, …)
	Orgs        *Trie           // organisation word → class ("party", "gov local", …)
	Places      map[string]string
	PlaceSuffix []string // longest first
	// NotPlaceSuffix and NotPlaceWord list what looks like a division but is
	// not one: names ending so (开发区, 城镇), and words alone (城区).
	NotPlaceSuffix, NotPlaceWord []string
	// NotAPlace are words gse's dictionary tags as places that are ordinary
	// words (波及): neither a place nor the stem of one.
	NotAPlace map[string]bool
	// BarePlaces give the full name a place written without its suffix
	// stands for where the text uses it as a place (新疆 → 新疆维吾尔自治区),
	// when adding 省 or 市 would not give it.
	BarePlaces map[string]string
	Cues       map[string]*Trie
	Activity   map[string]string // activity word → event kind
}

// Load parses the embedded data files.
func Load() (*Lexicon, error) {
	lx := &Lexicon{
		Surnames:   map[string]bool{},
		Titles:     NewTrie(),
		Orgs:       NewTrie(),
		Places:     map[string]string{},
		NotAPlace:  map[string]bool{},
		BarePlaces: map[string]string{},
		Cues:       map[string]*Trie{},
		Activity:   map[string]string{},
	}
	if err := eachLine("surnames.txt", func(_ string, line string) error {
		for _, w := range strings.Fields(line) {
			lx.Surnames[w] = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		trie *Trie
	}{{"titles.txt", lx.Titles}, {"orgs.txt", lx.Orgs}} {
		if err := eachLine(f.name, func(_ string, line string) error {
			parts := strings.Split(line, "\t")
			if len(parts) < 2 {
				return fmt.Errorf("want WORD<TAB>CLASS, got %q", line)
			}
			f.trie.Add(strings.TrimSpace(parts[0]), strings.Join(parts[1:], " "))
			return nil
		}); err != nil {
			return nil, err
		}
	}
	if err := eachLine("places.txt", func(section, line string) error {
		switch section {
		case "suffix":
			lx.PlaceSuffix = append(lx.PlaceSuffix, strings.Fields(line)...)
			return nil
		case "not_place_suffix":
			lx.NotPlaceSuffix = append(lx.NotPlaceSuffix, strings.Fields(line)...)
			return nil
		case "not_place_word":
			lx.NotPlaceWord = append(lx.NotPlaceWord, strings.Fields(line)...)
			return nil
		case "bare":
			if name, full, ok := strings.Cut(line, "\t"); ok {
				lx.BarePlaces[strings.TrimSpace(name)] = strings.TrimSpace(full)
			}
			return nil
		case "not_a_place":
			for _, w := range strings.Fields(line) {
				lx.NotAPlace[w] = true
			}
			return nil
		}
		parts := strings.Split(line, "\t")
		full := strings.TrimSpace(parts[len(parts)-1])
		lx.Places[strings.TrimSpace(parts[0])] = full
		return nil
	}); err != nil {
		return nil, err
	}
	sort.SliceStable(lx.PlaceSuffix, func(i, j int) bool {
		return len([]rune(lx.PlaceSuffix[i])) > len([]rune(lx.PlaceSuffix[j]))
	})
	if err := eachLine("cues.txt", func(section, line string) error {
		if section == "" {
			return fmt.Errorf("cue %q outside a [section]", line)
		}
		if section == "activity" {
			parts := strings.Split(line, "\t")
			if len(parts) != 2 {
				return fmt.Errorf("want WORD<TAB>KIND, got %q", line)
			}
			lx.Activity[parts[0]] = parts[1]
		}
		t := lx.Cues[section]
		if t == nil {
			t = NewTrie()
			lx.Cues[section] = t
		}
		for _, w := range strings.Fields(strings.Split(line, "\t")[0]) {
			t.Add(w, section)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return lx, nil
}

// Cue returns the trie of a cue section (an empty one if it is missing).
func (lx *Lexicon) Cue(section string) *Trie {
	if t := lx.Cues[section]; t != nil {
		return t
	}
	return NewTrie()
}

// eachLine calls fn for every non-blank, non-comment line of a data file,
// with the [section] it is in.
func eachLine(name string, fn func(section, line string) error) error {
	f, err := files.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	section, n := "", 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		if err := fn(section, line); err != nil {
			return fmt.Errorf("lexicon %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}
