// Package profile is the biographical stage: it reads the profiles that
// 任免 notices, 任前公示 and biographies give right after a person's name
// — "柳明远,男,汉族,1975年3月生,四川仁寿人,1996年7月参加工作,中共党员,
// 研究生学历,管理学硕士学位,现任…" or "柳明远(女,1978年5月生)" — and
// adds each item it understands as an Attribute of that person (gender,
// ethnicity, birth, native place, education, degree, party, party and
// work since), with its span.
//
// The graph uses them for and against taking two namesakes for one person
// (graph/identity.go).
//
// Lexicon: the cue sections ethnicity, party, education and profile_end
// (the words after which the posts follow).
package profile

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Rule ids: "profile." + the attribute's kind (profile.birth, …).
const RulePrefix = "profile."

// Stage is the biographical stage.
type Stage struct {
	lx                                *text.Lexicon
	ethnicity, party, education, stop *lexicon.Trie
}

// New builds the stage from the lexicon.
func New(lx *text.Lexicon) *Stage {
	return &Stage{lx: lx, ethnicity: lx.Cue("ethnicity"), party: lx.Cue("party"),
		education: lx.Cue("education"), stop: lx.Cue("profile_end")}
}

// Name implements the pipeline stage interface.
func (*Stage) Name() string { return "profile" }

// Needs and Provides declare the stage's layers.
func (*Stage) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerPersons, doc.LayerPlaces}
}
func (*Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerAttributes} }

// Process fills d.Attributes.
func (st *Stage) Process(d *doc.Document) error {
	v := text.NewView(st.lx, d)
	done := map[int]bool{}
	d.Attributes = nil
	for _, m := range d.PersonMentions {
		if done[m.End] {
			continue
		}
		done[m.End] = true
		d.Attributes = append(d.Attributes, st.read(v, m)...)
	}
	return nil
}
