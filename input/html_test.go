package input

import (
	"strings"
	"testing"
)

// govPage is a handwritten page in the style of a county government site:
// site header and navigation, an article with a title, an information line
// and the text in a TRS_Editor block, a sidebar, a footer and scripts.
const govPage = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=%s">
<title>青河县召开2024年度经济工作会议_青河县人民政府</title>
<style>.TRS_Editor p { text-indent: 2em; }</style>
<script>var siteName = "青河县人民政府门户网站";</script>
</head>
<body>
<header><h1 class="logo">青河县人民政府</h1></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<div class="main-content">
  <div class="article">
    <h1>青河县召开2024年度经济工作会议</h1>
    <div class="info">发布时间：2024-01-05 来源：青河县融媒体中心</div>
    <div class="TRS_Editor">
      <p>　　1月5日上午，青河县召开2024年度经济工作会议，县委书记周立新出席会议并讲话。</p>
      <p>　　会议总结了2023年全县经济工作，部署了2024年重点任务。县委副书记、县长林佳慧主持会议。</p>
      <p>　　周立新强调，要坚持稳中求进工作总基调，
      扎实推进产业项目建设。</p>
    </div>
  </div>
  <aside><h3>相关新闻</h3><ul><li><a href="/a1">青河县召开安全生产工作会议</a></li><li><a href="/a2">青河县开展冬季植树活动</a></li></ul></aside>
</div>
<footer><p>主办：青河县人民政府办公室 备案号：某ICP备00000000号</p></footer>
<script>document.write("访问量统计");</script>
</body>
</html>`

const govPageText = "1月5日上午，青河县召开2024年度经济工作会议，县委书记周立新出席会议并讲话。\n" +
	"会议总结了2023年全县经济工作，部署了2024年重点任务。县委副书记、县长林佳慧主持会议。\n" +
	"周立新强调，要坚持稳中求进工作总基调，扎实推进产业项目建设。"

func TestHTML(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		isHTML    bool // as if the extension were .html
		wantTitle string
		wantText  string
		wantEnc   string
		wantDate  string
		wantSrc   string
	}{
		{
			name:      "government page, utf-8",
			data:      []byte(strings.Replace(govPage, "%s", "utf-8", 1)),
			isHTML:    true,
			wantTitle: "青河县召开2024年度经济工作会议",
			wantText:  govPageText,
			wantEnc:   EncUTF8,
		},
		{
			name:      "government page, gbk declared by meta",
			data:      enc(t, gbk, strings.Replace(govPage, "%s", "gb2312", 1)),
			isHTML:    true,
			wantTitle: "青河县召开2024年度经济工作会议",
			wantText:  govPageText,
			wantEnc:   EncGB18030,
		},
		{
			name:      "government page, gbk undeclared, found by content",
			data:      enc(t, gbk, strings.Replace(govPage, "charset=%s", "", 1)),
			wantTitle: "青河县召开2024年度经济工作会议",
			wantText:  govPageText,
			wantEnc:   EncGB18030,
		},
		{
			name:      "meta says gbk but the page is utf-8",
			data:      []byte(strings.Replace(govPage, "%s", "gbk", 1)),
			isHTML:    true,
			wantTitle: "青河县召开2024年度经济工作会议",
			wantText:  govPageText,
			wantEnc:   EncUTF8,
		},
		{
			name: "big5 page with meta charset",
			data: enc(t, big5, `<html><head><meta charset="big5"><title>青河縣召開經濟工作會議 - 青河縣政府</title></head>`+
				`<body><div id="zoom">1月5日上午，青河縣召開經濟工作會議。<br>縣委書記周立新出席會議並講話。</div></body></html>`),
			isHTML:    true,
			wantTitle: "青河縣召開經濟工作會議",
			wantText:  "1月5日上午，青河縣召開經濟工作會議。\n縣委書記周立新出席會議並講話。",
			wantEnc:   EncBig5,
		},
		{
			name: "no hints: the block with the most paragraph text",
			data: []byte(`<html><body>
				<div><a href="/1">青河县政府</a> <a href="/2">青河县政协</a></div>
				<div><p>第一段，县委书记周立新出席会议。</p><p>第二段，县长林佳慧主持会议。</p></div>
				<div><p>版权所有</p></div>
				</body></html>`),
			wantText: "第一段，县委书记周立新出席会议。\n第二段，县长林佳慧主持会议。",
		},
		{
			name: "TRS meta tags give title, date and source",
			data: []byte(`<!doctype html><html><head>
				<meta name="ArticleTitle" content="青河县召开经济工作会议">
				<meta name="PubDate" content="2024-01-05 10:32">
				<link rel="canonical" href="https://www.qinghe.example.gov.cn/art/2024/1/5/art_1.html">
				<title>首页_青河县人民政府</title></head>
				<body><h1>青河县召开经济工作会议</h1><article><p>正文，县委书记周立新出席会议。</p></article></body></html>`),
			wantTitle: "青河县召开经济工作会议",
			wantText:  "正文，县委书记周立新出席会议。",
			wantDate:  "2024-01-05",
			wantSrc:   "https://www.qinghe.example.gov.cn/art/2024/1/5/art_1.html",
		},
		{
			name:      "sniffed in a text file after header lines, header title wins",
			data:      []byte("# title: 标题来自头部\n# date: 2024-01-06\n\n<html><head><title>页面标题</title></head><body><p>正文一段。</p></body></html>"),
			wantTitle: "标题来自头部",
			wantText:  "正文一段。",
			wantDate:  "2024-01-06",
		},
		{
			name:      "title from <title> without site name",
			data:      []byte("<html><head><title>青河县开展冬季植树活动 | 青河县人民政府</title></head><body><p>全县干部群众参加植树活动。</p></body></html>"),
			wantTitle: "青河县开展冬季植树活动",
			wantText:  "全县干部群众参加植树活动。",
		},
		{
			name:     "table cells and entities",
			data:     []byte("<html><body><div class=\"content\"><p>经县委常委会研究，决定任免下列同志职务：</p><table><tr><td>姓名</td><td>职务</td></tr><tr><td>周立新</td><td>县委书记</td></tr></table><p>A&amp;B&nbsp;会议</p></div></body></html>"),
			wantText: "经县委常委会研究，决定任免下列同志职务：\n姓名 职务\n周立新 县委书记\nA&B\u00a0会议",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, e := parseText(tt.data, tt.isHTML)
			if e != nil {
				t.Fatalf("parseText: %v", e)
			}
			if rep.Text != tt.wantText {
				t.Errorf("text =\n%s\nwant\n%s", rep.Text, tt.wantText)
			}
			if rep.Meta.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", rep.Meta.Title, tt.wantTitle)
			}
			if tt.wantEnc != "" && rep.Encoding != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", rep.Encoding, tt.wantEnc)
			}
			if rep.Meta.Date != tt.wantDate {
				t.Errorf("date = %q, want %q", rep.Meta.Date, tt.wantDate)
			}
			if rep.Meta.Source != tt.wantSrc {
				t.Errorf("source = %q, want %q", rep.Meta.Source, tt.wantSrc)
			}
		})
	}
}

func TestHTMLWithoutText(t *testing.T) {
	for _, page := range []string{
		"<!DOCTYPE html><html><head><title>空页面</title><script>var x = '脚本里的中文';</script></head><body></body></html>",
		"<html><body><nav>首页 新闻</nav><footer>版权所有</footer></body></html>",
	} {
		_, e := parseText([]byte(page), true)
		if e == nil || e.Kind != KindEmpty {
			t.Errorf("parseText(%q) = %v, want an empty error", page, e)
		}
	}
}

func TestTrimSiteName(t *testing.T) {
	for in, want := range map[string]string{
		"青河县召开经济工作会议_青河县人民政府":   "青河县召开经济工作会议",
		"青河县人民政府 - 青河县召开经济工作会议": "青河县召开经济工作会议",
		"会议": "会议",
		"":   "",
	} {
		if got := trimSiteName(in); got != want {
			t.Errorf("trimSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"  青河县\n  召开会议  ": "青河县召开会议",
		"\u3000\u3000正文。": "正文。",
		"Zhou  Lixin\n出席": "Zhou Lixin 出席",
		"会议，\n周立新":        "会议，周立新",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTMLTooDeep(t *testing.T) {
	// html.Parse refuses pages nested more than 512 deep: the text is still
	// taken, with a warning.
	page := "<html><head><title>深</title><script>var x = '脚本';</script></head><body>" +
		strings.Repeat("<div>", 600) + "<p>第一段。</p><p>第二段。</p>" + strings.Repeat("</div>", 600) + "</body></html>"
	rep, e := parseText([]byte(page), true)
	if e != nil {
		t.Fatal(e)
	}
	if rep.Text != "第一段。\n第二段。" {
		t.Errorf("text = %q", rep.Text)
	}
	if len(rep.Warnings) != 1 {
		t.Errorf("warnings = %q, want one", rep.Warnings)
	}
}
