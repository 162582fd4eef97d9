package input

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlPage is what extractHTML finds in a page.
type htmlPage struct {
	Title  string // <meta name="ArticleTitle">, else the first <h1>, else og:title, else <title> without the site name
	Date   string // as the page's <meta> gives it (PubDate, article:published_time…); not yet ISO
	Source string // <link rel="canonical">, else og:url
	Text   string // the article text, one paragraph a line

	Warning string // set when the page could not be parsed and its text is all the text in it
}

// maxDepth bounds how deep in the tree extractHTML looks; deeper elements
// are ignored (real pages are nowhere near).
const maxDepth = 256

// dropped are the elements that never hold article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Object: true, atom.Canvas: true, atom.Head: true,
}

// blocks are the elements that start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true,
	atom.Ul: true, atom.Caption: true, atom.Br: true, atom.Body: true,
}

// paragraphs are the children that count towards an element's paragraph
// text when looking for the main content: paragraphs and inline text.
var paragraphs = map[atom.Atom]bool{
	atom.P: true, atom.Span: true, atom.Font: true, atom.Strong: true, atom.B: true,
	atom.Em: true, atom.I: true, atom.U: true, atom.Big: true, atom.Small: true,
	atom.Sub: true, atom.Sup: true,
}

// contentHints are the class or id words of the element that holds the
// article on most sites (TRS_Editor is the editor of the TRS content system
// that many government sites run; zoom is their font-size switcher's target).
var contentHints = []string{"content", "article", "trs_editor", "zoom"}

// extractHTML reduces an HTML page (or fragment) to its article text.
func extractHTML(s string) htmlPage {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// The parser gives up on elements nested more than 512 deep.
		return htmlPage{
			Text:    tokenText(s),
			Warning: "HTML page could not be parsed (" + err.Error() + "): its text is all the text in it",
		}
	}
	var page htmlPage
	var pageTitle, ogTitle, ogURL string
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Title:
			if pageTitle == "" {
				pageTitle = cleanText(textOf(n))
			}
		case atom.Meta:
			name := strings.ToLower(attr(n, "name") + attr(n, "property"))
			content := strings.TrimSpace(attr(n, "content"))
			switch name {
			case "articletitle":
				page.Title = content
			case "og:title":
				ogTitle = content
			case "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "date":
				if page.Date == "" {
					page.Date = content
				}
			case "og:url":
				ogURL = content
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && page.Source == "" {
				page.Source = strings.TrimSpace(attr(n, "href"))
			}
		}
		return true
	})
	if page.Source == "" {
		page.Source = ogURL
	}
	removeDropped(root)
	if page.Title == "" {
		walk(root, func(n *html.Node) bool {
			if page.Title == "" && n.Type == html.ElementNode && n.DataAtom == atom.H1 {
				page.Title = cleanText(textOf(n))
			}
			return page.Title == ""
		})
	}
	if page.Title == "" {
		page.Title = ogTitle
	}
	if page.Title == "" {
		page.Title = trimSiteName(pageTitle)
	}
	page.Text = render(mainBlock(root), page.Title)
	return page
}

// tokenText is the text of a page that html.Parse refuses: all the text
// outside the elements that never hold article text, one paragraph a line.
func tokenText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := cleanText(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	skip := 0 // depth inside dropped elements
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if dropped[a] {
				skip++
			} else if blocks[a] {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if dropped[a] && skip > 0 {
				skip--
			} else if blocks[a] {
				flush()
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if blocks[atom.Lookup(name)] {
				flush()
			}
		}
	}
}

// walk calls f on n and its descendants in document order, down to
// maxDepth; f returns false to skip a node's children.
func walk(n *html.Node, f func(*html.Node) bool) {
	var rec func(n *html.Node, depth int)
	rec = func(n *html.Node, depth int) {
		if depth > maxDepth || !f(n) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1)
		}
	}
	rec(n, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text in n.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// removeDropped removes the elements that never hold article text, and
// comments.
func removeDropped(root *html.Node) {
	var gone []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type == html.CommentNode || n.Type == html.ElementNode && dropped[n.DataAtom] {
			gone = append(gone, n)
			return false
		}
		return true
	})
	for _, n := range gone {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// siteSeparators split a <title> into the article title and the site name.
var siteSeparators = []string{"_", "|", "｜", " - ", " – ", " — ", "－"}

// trimSiteName keeps the longest part of a <title> such as
// "青河县召开经济工作会议_青河县人民政府".
func trimSiteName(t string) string {
	parts := []string{t}
	for _, sep := range siteSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	best := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
			best = p
		}
	}
	return best
}

// hanCount counts the Chinese characters in s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// hinted reports whether n is an <article> or has a class or id that names
// the content.
func hinted(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Article {
		return true
	}
	words := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, h := range contentHints {
		if strings.Contains(words, h) {
			return true
		}
	}
	return false
}

// mainBlock finds the element that holds the article: the one with the most
// Chinese text in its paragraphs (direct <p> children and inline text), or
// the <article> or content-named element around it, if that element is not
// much larger (a page-wide wrapper). Without paragraphs, it is the
// content-named element with the most Chinese text, else the whole page.
func mainBlock(root *html.Node) *html.Node {
	han := map[*html.Node]int{} // Chinese characters under each node
	var count func(n *html.Node, depth int) int
	count = func(n *html.Node, depth int) int {
		if depth > maxDepth {
			return 0
		}
		c := 0
		if n.Type == html.TextNode {
			c = hanCount(n.Data)
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			c += count(k, depth+1)
		}
		han[n] = c
		return c
	}
	count(root, 0)

	var best *html.Node
	bestScore := 0
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		score := 0
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.TextNode || k.Type == html.ElementNode && paragraphs[k.DataAtom] {
				score += han[k]
			}
		}
		if score > bestScore {
			best, bestScore = n, score
		}
		return true
	})
	if best != nil {
		for a := best; a != nil; a = a.Parent {
			if hinted(a) {
				if 2*han[a] <= 3*han[best] {
					return a
				}
				break
			}
		}
		return best
	}
	var hint *html.Node
	walk(root, func(n *html.Node) bool {
		if hinted(n) && (hint == nil || han[n] > han[hint]) {
			hint = n
		}
		return true
	})
	if hint != nil && han[hint] > 0 {
		return hint
	}
	return root
}

// render turns the text under n into paragraphs, one a line. A heading
// that repeats the title is left out.
func render(n *html.Node, title string) string {
	r := &renderer{title: title}
	r.node(n, 0)
	r.flush()
	return strings.Join(r.paras, "\n")
}

type renderer struct {
	title     string
	titleSeen bool
	paras     []string
	cur       strings.Builder
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	if p := cleanText(r.cur.String()); p != "" {
		r.paras = append(r.paras, p)
	}
	r.cur.Reset()
}

func (r *renderer) node(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3:
		if !r.titleSeen && r.title != "" && cleanText(textOf(n)) == r.title {
			r.titleSeen = true
			return
		}
	case atom.Td, atom.Th:
		r.cur.WriteString(" ")
	case atom.Img, atom.Input:
		return
	}
	block := blocks[n.DataAtom]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, depth+1)
	}
	if block {
		r.flush()
	}
}

// cleanText collapses runs of white space into one space — none where a
// line break in the source falls between two Chinese characters or
// full-width punctuation marks, as browsers show it — and trims the result,
// ideographic and no-break spaces included.
func cleanText(s string) string {
	var b strings.Builder
	space, newline := false, false
	var prev rune
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			newline = newline || r == '\n' || r == '\r'
			continue
		}
		if space {
			if b.Len() > 0 && !(newline && wide(prev) && wide(r)) {
				b.WriteByte(' ')
			}
			space, newline = false, false
		}
		b.WriteRune(r)
		prev = r
	}
	return strings.TrimFunc(b.String(), isSpace)
}

// wide reports whether r is a Chinese character or full-width punctuation.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
