package explore

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/docs"
)

func TestGuideHTMLRendersTheMarkdownTheGuideUses(t *testing.T) {
	tests := []struct {
		name    string
		md      string
		want    []string
		notWant []string
	}{
		{"a section is a slide under the title", "# Guide\n\n## 1. Open\n\nText.\n",
			[]string{`<slide class="row-fluid">`, "<h4>Guide</h4>", "<h3>1. Open</h3>", "<p>Text.</p>"}, nil},
		{"the text before the first section is a slide of its own", "# Guide\n\nWhat it is.\n\n## 1. Open\n\nText.\n",
			[]string{"<h3>Guide</h3>\n<p>What it is.</p>", "<h3>1. Open</h3>"}, []string{"<h4>"}},
		{"cypher blocks are runnable", "## Q\n\n```cypher\nMATCH (n) RETURN n;\n```\n",
			[]string{`<pre class="pre-scrollable code runnable">MATCH (n) RETURN n;</pre>`}, nil},
		{"a :param block is runnable too", "## Q\n\n```\n:param post => '静海区委书记'\n```\n",
			[]string{`runnable">:param post =&gt; &#39;静海区委书记&#39;</pre>`}, nil},
		{"other code is plain", "## Q\n\n```\n(:Person)-[:HOLDS]->(:Post)\n```\n",
			[]string{"<pre>(:Person)-[:HOLDS]-&gt;(:Post)</pre>"}, []string{"runnable"}},
		{"lists, inline code, bold", "## L\n\n- **one** `a<b`\n- two\n  continued\n",
			[]string{"<ul><li><b>one</b> <code>a&lt;b</code></li><li>two continued</li></ul>"}, nil},
		{"ordered lists", "## L\n\n1. first\n2. second\n", []string{"<ol><li>first</li><li>second</li></ol>"}, nil},
		{"tables without the separator line", "## T\n\n| a | b |\n| --- | --- |\n| `x` | y |\n",
			[]string{"<tr><td>a</td><td>b</td></tr><tr><td><code>x</code></td><td>y</td></tr>"}, []string{"---"}},
		{"web links are links, links into the repository their text", "## L\n\nsee [docs](https://neo4j.com/docs/) and [IDENTITY](../graph/IDENTITY.md), <http://localhost:7474/browser/>",
			[]string{`<a href="https://neo4j.com/docs/" target="_blank">docs</a>`, "and IDENTITY,", `<a href="http://localhost:7474/browser/" target="_blank">http://localhost:7474/browser/</a>`},
			[]string{"IDENTITY.md"}},
		{"HTML in the text is escaped", "## X\n\n<script>alert(1)</script> & co\n",
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"}, []string{"<script>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := guideHTML(tt.md)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("no %q in\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("%q in\n%s", w, got)
				}
			}
		})
	}
}

func TestGuideOfTheRealBrowserGuide(t *testing.T) {
	g := guideHTML(docs.BrowserGuide)
	sections := strings.Count(docs.BrowserGuide, "\n## ")
	if n := strings.Count(g, "<slide "); n != sections+1 {
		t.Errorf("%d slides for an introduction and %d sections", n, sections)
	}
	if n := strings.Count(g, "runnable"); n < 4 {
		t.Errorf("only %d runnable blocks", n)
	}
	if strings.Contains(g, "```") {
		t.Errorf("a code fence was left as text")
	}
	if !strings.HasPrefix(g, `<article class="guide">`) {
		t.Errorf("not a Browser guide: %.60s", g)
	}
}
