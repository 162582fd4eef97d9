package lexicon

import (
	"strings"
	"testing"
)

func TestDataFilesLoadAndUseKnownClasses(t *testing.T) {
	lx, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	titleClasses := map[string]bool{"party": true, "partydept": true, "head": true, "deputy": true, "chair": true, "minister": true, "military": true, "staff": true, "member": true, "rank": true}
	for _, w := range lx.Titles.Words() {
		if cls, _ := lx.Titles.Get(w); !titleClasses[cls] {
			t.Errorf("title %s: unknown class %q", w, cls)
		}
	}
	orgClasses := map[string]bool{"party": true, "partydept": true, "gov": true, "body": true, "dept": true, "mil": true, "prefix": true}
	for _, w := range lx.Orgs.Words() {
		cls, _ := lx.Orgs.Get(w)
		if f := strings.Fields(cls); len(f) == 0 || !orgClasses[f[0]] || len(f) > 1 && f[1] != "local" && f[1] != "grassroots" {
			t.Errorf("organisation word %s: bad class %q", w, cls)
		}
	}
	for _, section := range []string{"chaired", "spoke", "remark", "attended", "boundary", "byline", "doctrine", "leader", "person_noun", "appoint", "remove", "honour", "event_suffix", "event_verb", "activity", "not_in_name", "cut", "time_prefix", "daypart", "event_follow", "studied", "place_follow", "collective"} {
		if lx.Cue(section).Len() == 0 {
			t.Errorf("cue section [%s] is empty or missing", section)
		}
	}
	for _, kind := range lx.Activity {
		switch kind {
		case "meeting", "ceremony", "inspection", "reception", "other":
		default:
			t.Errorf("activity kind %q is not an event kind", kind)
		}
	}
}

func TestLexiconHasTheGenresHardCases(t *testing.T) {
	lx, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"蔺", "闵", "禚", "邢", "欧阳"} {
		if !lx.Surnames[s] {
			t.Errorf("surname %s missing", s)
		}
	}
	for _, w := range []string{"副市长", "副区长", "人武部", "香港特别行政区"} {
		_, title := lx.Titles.Get(w)
		_, org := lx.Orgs.Get(w)
		_, place := lx.Places[w]
		if !title && !org && !place {
			t.Errorf("%s is neither a title, an organisation word nor a place", w)
		}
	}
	// the mainland's divisions and their short forms come from the gazetteer
	if full := lx.Places["澳门特区"]; full != "澳门特别行政区" {
		t.Errorf("short form 澳门特区 → %q, want 澳门特别行政区", full)
	}
}

func TestTrieLongestMatches(t *testing.T) {
	tr := NewTrie()
	for _, w := range []string{"书记", "副书记", "委书记"} {
		tr.Add(w, w)
	}
	text := []rune("区委副书记王")
	if l, v := tr.LongestAt(text, 2); l != 3 || v != "副书记" {
		t.Errorf("LongestAt = %d %q", l, v)
	}
	if l, v := tr.LongestEndingAt(text, 5, 9); l != 3 || v != "副书记" {
		t.Errorf("LongestEndingAt = %d %q", l, v)
	}
	if l, _ := tr.LongestEndingAt(text, 5, 2); l != 2 {
		t.Errorf("LongestEndingAt with max 2 = %d, want 2", l)
	}
	if l, _ := tr.LongestAt(text, 5); l != 0 {
		t.Errorf("no word at 王, got %d", l)
	}
}
