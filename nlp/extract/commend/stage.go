// Package commend is the commendations stage: it reads who an event
// commends and with which honour (the Honours layer): 授予张三、李四等10名
// 同志“某某市劳动模范”荣誉称号; 王五同志被授予“某某”称号; 某单位荣获“先进单位”
// 称号; 对张三等10名优秀教师进行表彰; “诚实守信”类获得者为王某、李某.
// Unnamed groups (先进单位和个人) give nothing. The honourees it reads as
// names of persons are added to the Persons layer (rule commend.honoree).
//
// Lexicon: the cue sections honour, honoree_list, honoree_org_end, pronoun,
// commend_light_verb; surnames.txt and the shared not_in_name (an honouree
// that is a name).
//
// Rules: commend.grant (授予, 命名为: honourees, then the honour),
// commend.granted (…被授予…), commend.won (荣获, 被评为 …: the honourees
// before the verb), commend.praise (对…进行表彰), commend.list (…获得者为…).
package commend

import (
	"github.com/kg-cn/kg/nlp/doc"
	"github.com/kg-cn/kg/nlp/extract/text"
	"github.com/kg-cn/kg/nlp/lexicon"
)

// Rule ids.
const (
	RuleGrant   = "commend.grant"
	RuleGranted = "commend.granted"
	RuleWon     = "commend.won"
	RulePraise  = "commend.praise"
	RuleList    = "commend.list"
	RuleAward   = "commend.award"   // 为A、B颁奖, A作为…代表登台领奖, 为A颁发荣誉证书
	RuleTable   = "commend.table"   // a list by lines: an honour's heading (优秀共产党员（10名）, 一等奖：), then its names
	RuleHonoree = "commend.honoree" // a person mention: an honouree's name
)

func ruleOf(verb string) string {
	switch verb {
	case "被授予":
		return RuleGranted
	case "表彰", "受到表彰":
		return RulePraise
	case "颁奖", "领奖", "颁发":
		return RuleAward
	case "授予", "命名为":
		return RuleGrant
	}
	return RuleWon
}

// Stage is the commendations stage.
type Stage struct {
	lx *text.Lexicon

	honour, honoreeList, honoreeOrgEnd *lexicon.Trie
	pronoun, commendLight              *lexicon.Trie
	honourWord                         *lexicon.Trie
}

// New builds the stage from the lexicon.
func New(lx *text.Lexicon) *Stage {
	return &Stage{lx: lx, honour: lx.Cue("honour"), honoreeList: lx.Cue("honoree_list"),
		honoreeOrgEnd: lx.Cue("honoree_org_end"), pronoun: lx.Cue("pronoun"),
		commendLight: lx.Cue("commend_light_verb"), honourWord: lx.Cue("honour_word")}
}

// Name implements the pipeline stage interface.
func (*Stage) Name() string { return "commendations" }

// Needs and Provides declare the stage's layers.
func (*Stage) Needs() []doc.Layer {
	return []doc.Layer{doc.LayerSentences, doc.LayerDates, doc.LayerPersons, doc.LayerEvents}
}
func (*Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerHonours} }

// Process fills d.Honours (and adds honourees to d.Persons).
func (st *Stage) Process(d *doc.Document) error {
	v := text.NewView(st.lx, d)
	s := &state{View: v, r: st, t: v.T, persons: text.NewPersons(d)}
	s.findCommendations()
	s.findMeritAwards()
	s.findQuotedLists()
	s.findNameTables()
	d.Honours = distinct(s.honours)
	return nil
}

// distinct keeps the first reading of each honouree of an event with an
// honour: two rules may read one list (受表彰的有：…, and its names by lines).
func distinct(hs []doc.Honour) []doc.Honour {
	seen := map[doc.Honour]bool{}
	out := hs[:0]
	for _, h := range hs {
		k := doc.Honour{Event: h.Event, Name: h.Name, Honour: h.Honour}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, h)
	}
	return out
}

// state is the working memory of one Process call.
type state struct {
	*text.View
	r       *Stage
	t       []rune
	persons *text.Persons
	honours []doc.Honour
}
