package explore

import (
	"html"
	"regexp"
	"strings"
)

// guideHTML turns the Markdown of docs/browser-guide.md into a Neo4j
// Browser guide (`:play URL`): one slide per "##" section, the "#" title
// above them, code blocks runnable (a click copies them into the editor).
// It reads only the Markdown the guide uses — headings, paragraphs, lists,
// fenced code, tables, `code`, **bold**, *emphasis*, links — and escapes
// every character of text.
func guideHTML(md string) string {
	var b strings.Builder
	b.WriteString(`<article class="guide"><carousel class="deck container-fluid">` + "\n")
	title := ""
	var intro []string // the lines before the first section
	var slide []string
	slides := 0
	flush := func() {
		if slide == nil {
			return
		}
		b.WriteString(`<slide class="row-fluid"><div class="col-sm-12">` + "\n")
		b.WriteString(blocksHTML(slide))
		b.WriteString("</div></slide>\n")
		slide = nil
		slides++
	}
	for _, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "# ") && title == "":
			title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "## "):
			if slides == 0 && slide == nil && strings.TrimSpace(strings.Join(intro, "")) != "" {
				slide = append([]string{"### " + title}, intro...)
			}
			flush()
			slide = []string{"### " + strings.TrimSpace(line[3:])}
			if slides == 0 && title != "" {
				slide = append([]string{"#### " + title}, slide...)
			}
		case slide == nil:
			intro = append(intro, line)
		default:
			slide = append(slide, line)
		}
	}
	if slides == 0 && slide == nil && strings.TrimSpace(strings.Join(intro, "")) != "" {
		slide = append([]string{"### " + title}, intro...)
	}
	flush()
	b.WriteString("</carousel></article>\n")
	return b.String()
}

var listItem = regexp.MustCompile(`^(\s*)([-*]|\d+\.)\s+(.*)$`)

// blocksHTML renders the lines of one slide.
func blocksHTML(lines []string) string {
	var b strings.Builder
	var para []string
	var list []string
	ordered := false
	endPara := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + inlineHTML(strings.Join(para, " ")) + "</p>\n")
			para = nil
		}
	}
	endList := func() {
		if len(list) == 0 {
			return
		}
		tag := "ul"
		if ordered {
			tag = "ol"
		}
		b.WriteString("<" + tag + ">")
		for _, it := range list {
			b.WriteString("<li>" + inlineHTML(it) + "</li>")
		}
		b.WriteString("</" + tag + ">\n")
		list = nil
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trim := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trim, "```"):
			endPara()
			lang := strings.TrimPrefix(trim, "```")
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				code = append(code, lines[i])
			}
			indent := len(line) - len(strings.TrimLeft(line, " "))
			for k, c := range code {
				if len(c) >= indent && strings.TrimSpace(c[:indent]) == "" {
					code[k] = c[indent:]
				}
			}
			text := html.EscapeString(strings.Join(code, "\n"))
			if lang == "cypher" || lang == "" && len(code) > 0 && strings.HasPrefix(strings.TrimSpace(code[0]), ":") {
				// a list item's code stays inside the list
				if len(list) > 0 && indent > 0 {
					list[len(list)-1] += "\x00" + `<pre class="pre-scrollable code runnable">` + text + "</pre>"
					continue
				}
				endList()
				b.WriteString(`<pre class="pre-scrollable code runnable">` + text + "</pre>\n")
			} else {
				if len(list) > 0 && indent > 0 {
					list[len(list)-1] += "\x00" + "<pre>" + text + "</pre>"
					continue
				}
				endList()
				b.WriteString("<pre>" + text + "</pre>\n")
			}
		case strings.HasPrefix(trim, "#### "), strings.HasPrefix(trim, "### "):
			endPara()
			endList()
			level := "h3"
			if strings.HasPrefix(trim, "#### ") {
				level = "h4"
			}
			b.WriteString("<" + level + ">" + inlineHTML(strings.TrimLeft(trim, "# ")) + "</" + level + ">\n")
		case strings.HasPrefix(trim, "|"):
			endPara()
			endList()
			b.WriteString(`<table class="table table-condensed">`)
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				row := strings.Trim(strings.TrimSpace(lines[i]), "|")
				cells := strings.Split(row, "|")
				if strings.Trim(row, "-| :") == "" {
					continue // the separator line
				}
				b.WriteString("<tr>")
				for _, c := range cells {
					b.WriteString("<td>" + inlineHTML(strings.TrimSpace(c)) + "</td>")
				}
				b.WriteString("</tr>")
			}
			i--
			b.WriteString("</table>\n")
		case trim == "":
			endPara()
		default:
			if m := listItem.FindStringSubmatch(line); m != nil && len(m[1]) < 3 || m != nil && len(list) == 0 {
				endPara()
				o := m[2] != "-" && m[2] != "*"
				if len(list) > 0 && o != ordered && len(m[1]) == 0 {
					endList()
				}
				if len(list) == 0 {
					ordered = o
				}
				list = append(list, m[3])
				continue
			}
			if len(list) > 0 && strings.HasPrefix(line, " ") {
				list[len(list)-1] += " " + trim
				continue
			}
			endList()
			para = append(para, trim)
		}
	}
	endPara()
	endList()
	return strings.ReplaceAll(b.String(), "\x00", "")
}

var (
	inlineCode = regexp.MustCompile("`([^`]*)`")
	boldRE     = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	emRE       = regexp.MustCompile(`\*([^*\s][^*]*)\*`)
	linkRE     = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	autoLinkRE = regexp.MustCompile(`&lt;(https?://[^\s&]+)&gt;`)
)

// inlineHTML escapes s and renders its inline Markdown. Code spans are
// taken out first so that nothing inside them is read as Markdown.
func inlineHTML(s string) string {
	if strings.Contains(s, "\x00") {
		parts := strings.Split(s, "\x00")
		for i, p := range parts {
			if i == 0 {
				parts[i] = inlineHTML(p)
			}
		}
		return strings.Join(parts, "")
	}
	var codes []string
	s = inlineCode.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, "<code>"+html.EscapeString(m[1:len(m)-1])+"</code>")
		return "\x01" + string(rune('A'+len(codes)-1)) + "\x01"
	})
	s = html.EscapeString(s)
	s = boldRE.ReplaceAllString(s, "<b>$1</b>")
	s = emRE.ReplaceAllString(s, "<i>$1</i>")
	s = linkRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := linkRE.FindStringSubmatch(m)
		if strings.HasPrefix(sm[2], "http://") || strings.HasPrefix(sm[2], "https://") {
			return `<a href="` + sm[2] + `" target="_blank">` + sm[1] + "</a>"
		}
		return sm[1] // a link into the repository: its text
	})
	s = autoLinkRE.ReplaceAllString(s, `<a href="$1" target="_blank">$1</a>`)
	for i, c := range codes {
		s = strings.Replace(s, "\x01"+string(rune('A'+i))+"\x01", c, 1)
	}
	return s
}
