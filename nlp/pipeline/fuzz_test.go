package pipeline

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/kg-cn/kg/nlp/doc"
)

// FuzzExtract checks that extraction never panics, that every evidence and
// mention span lies inside the raw text, and that the output is valid JSON.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"1月22日下午,静海區(qū)召開2021年度武裝工作會(huì)議。區委書記蔺雪松出席會議並講話。",
		"区委常委、副区长禚立群和副区长张金花出席会议。区人武部部长孙景文宣读表彰通报。",
		"会议决定任命韩志远同志为松河市人民政府副市长;接受郝春生同志辞去松河市人民政府副市长职务的请求。",
		"授予詹立斌、张汉生等203名同志“松河市劳动模范”荣誉称号。",
		"<p>自治区政协主席阿不都热合曼·买买提主持会议</p>&nbsp;",
		"、、,,。。区委书记", "书记张", "\xff\xfe\x00", "",
	} {
		f.Add(s)
	}
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		x, err := p.Extract(doc.Meta{ID: "fuzz", Date: "2021-01-23"}, raw)
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(raw)
		check := func(what string, ev doc.Evidence) {
			if ev.Start < 0 || ev.End > n || ev.Start > ev.End {
				t.Fatalf("%s: span [%d,%d) outside raw text of %d runes", what, ev.Start, ev.End, n)
			}
		}
		for _, r := range x.Relations {
			check(r.Type, r.Evidence)
			if x.EntityByID(r.From) == nil || x.EntityByID(r.To) == nil {
				t.Fatalf("%s: dangling endpoint %s → %s", r.Type, r.From, r.To)
			}
		}
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				check(e.Type+" mention", m)
			}
		}
		b, err := json.Marshal(x)
		if err != nil || !json.Valid(b) {
			t.Fatalf("output is not valid JSON: %v", err)
		}
	})
}
