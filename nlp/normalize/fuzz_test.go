package normalize

import (
	"os"
	"testing"
)

// FuzzNormalize checks that Normalize never panics and always keeps the
// offsets contract (see checkInvariants), whatever the input, including
// invalid UTF-8.
func FuzzNormalize(f *testing.F) {
	n := newNormalizer(f)
	seeds := []string{
		"",
		"靜海區(qū)召開2021年度武裝工作會(huì)議",
		"鄉(xiāng)鎮(zhèn)(街)(扩大)(2021)(记者 王明)(ABC)(完)",
		"會(hui4)議(qu\u0304)(nü)(lv)的(de)(a)",
		`<p class="x">某某</p><br/>&nbsp;&ldquo;&#x4e2d;&#20013;&amp;lt;&amp;&#;&nbsp<!-- c --><`,
		"a < b <人民日报> <p\n乙>",
		"\ufeff王\u200b明\u00ad\x00\x07\r\n\r\u2028\u3000\t  \n\n",
		"（扩大）会议，，１２月：：。。、、……——",
		"臺灣同胞於是來訪。萧乾、乾隆、蒜薹",
		"a\xffb\xe4\xb8\xed\xa0\x80\xf4\x90\x80\x80",
	}
	if data, err := os.ReadFile("testdata/report_trad.txt"); err == nil {
		seeds = append(seeds, string(data))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		text, offs := n.Normalize(raw)
		checkInvariants(t, raw, text, offs)
		again, _ := n.Normalize(raw)
		if string(again) != string(text) {
			t.Fatalf("not deterministic: %q then %q", string(text), string(again))
		}
	})
}
