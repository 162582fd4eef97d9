package posts_test

import (
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/posts"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

func TestChainsAreCanonicalised(t *testing.T) {
	lx, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	tl := text.NewLexicon(lx, nil)
	tests := []struct {
		jur, text, name string // the chain ends before name
		want            []string
	}{
		{"青禾县", "县委副书记、县长顾南星", "顾南星", []string{"青禾县委副书记", "青禾县长"}},
		{"青禾县", "县政协党组书记、主席方如海", "方如海", []string{"青禾县政协党组书记", "青禾县政协主席"}},
		{"", "松河市市委书记柳明远", "柳明远", []string{"松河市委书记"}},
		{"青禾县", "副县长林晓川", "林晓川", []string{"青禾县副县长"}},
		{"松河市", "市第一中学教师林晓川", "林晓川", []string{"松河市第一中学教师"}},
	}
	for _, tt := range tests {
		d := &doc.Document{Text: []rune(tt.text), Meta: doc.Meta{Jurisdiction: tt.jur}}
		r := posts.NewReader(text.NewView(tl, d))
		end := len(d.Text) - len([]rune(tt.name))
		got := r.ResolveChain(r.ChainBefore(end), nil, nil)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %+v, want %v", tt.text, got, tt.want)
			continue
		}
		for i, p := range got {
			if p.Canon != tt.want[i] {
				t.Errorf("%s: post %d = %s, want %s", tt.text, i, p.Canon, tt.want[i])
			}
		}
	}
}

func TestMembersArePostsOfBodiesOnly(t *testing.T) {
	tests := []struct {
		post posts.Post
		want bool
	}{
		{posts.Post{Place: "青禾县", Rest: "人大", Title: "代表", Class: "member"}, true},
		{posts.Post{Rest: "政协", Title: "委员", Class: "member"}, true},
		{posts.Post{Rest: "模范个人", Title: "代表", Class: "member"}, false},
		{posts.Post{Rest: "项目业主", Title: "代表", Class: "member"}, false},
		{posts.Post{Title: "代表", Class: "member"}, false},
		{posts.Post{Title: "副县长", Class: "deputy"}, true},
		{posts.Post{Place: "松河市", Rest: "外办", Title: "二级调研员", Class: "rank"}, false},
	}
	for _, tt := range tests {
		if got := tt.post.IsPost(); got != tt.want {
			t.Errorf("%+v: IsPost %v, want %v", tt.post, got, tt.want)
		}
	}
}
