package input

import (
	"reflect"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2022-08-18", "2022-08-18"},
		{"2022/8/18", "2022-08-18"},
		{"2022.8.18", "2022-08-18"},
		{"2022-8-8", "2022-08-08"},
		{"2022年8月18日", "2022-08-18"},
		{"2022年08月18日", "2022-08-18"},
		{"2022 年 8 月 18 日", "2022-08-18"},
		{"２０２２年８月１８日", "2022-08-18"},
		{"20220818", "2022-08-18"},
		{"2022-08-18 10:30:00", "2022-08-18"},
		{"2022-08-18T10:30:00+08:00", "2022-08-18"},
		{"2022年8月18日上午", "2022-08-18"},
		{"  2022-08-18  ", "2022-08-18"},
		{"2024-02-29", "2024-02-29"},
		// Not dates.
		{"2023-02-29", ""},
		{"2022-13-01", ""},
		{"2022-00-10", ""},
		{"2022-08-32", ""},
		{"18/08/2022", ""},
		{"八月十八日", ""},
		{"2022", ""},
		{"202208181", ""},
		{"2022-08-18x", ""},
		{"0999-01-01", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseHeaders(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantMeta doc.Meta
		wantText string
		warnings int
	}{
		{
			name: "all keys, blank line after",
			in: "# source: https://www.qinghe.example.gov.cn/art/2024/1/5/art_1.html\n" +
				"# date: 2024年1月5日\n# title: 青河县召开经济工作会议\n# id: qh-0042\n# jurisdiction: 青河县\n\n" +
				"正文第一段。\n\n第二段。\n",
			wantMeta: doc.Meta{ID: "qh-0042", Source: "https://www.qinghe.example.gov.cn/art/2024/1/5/art_1.html",
				Title: "青河县召开经济工作会议", Date: "2024-01-05", Jurisdiction: "青河县"},
			wantText: "正文第一段。\n\n第二段。\n",
		},
		{
			name:     "no blank line after",
			in:       "# date: 2022/8/18\n正文。",
			wantMeta: doc.Meta{Date: "2022-08-18"},
			wantText: "正文。",
		},
		{
			name:     "only one blank line dropped",
			in:       "# id: 7\n\n\n正文。",
			wantMeta: doc.Meta{ID: "7"},
			wantText: "\n正文。",
		},
		{
			name:     "CRLF, upper-case key, full-width colon, url alias",
			in:       "# Title：标题\r\n#URL: http://example.org/a\r\n\r\n正文。\r\n",
			wantMeta: doc.Meta{Title: "标题", Source: "http://example.org/a"},
			wantText: "正文。\r\n",
		},
		{
			name:     "unknown key ends the headers",
			in:       "# id: 8\n# author: 某某\n正文。",
			wantMeta: doc.Meta{ID: "8"},
			wantText: "# author: 某某\n正文。",
		},
		{
			name:     "markdown heading is text",
			in:       "# 青河县召开经济工作会议\n\n正文。",
			wantText: "# 青河县召开经济工作会议\n\n正文。",
		},
		{
			name:     "headers must come first",
			in:       "正文。\n# id: 9\n",
			wantText: "正文。\n# id: 9\n",
		},
		{
			name:     "bad date is a warning",
			in:       "# date: 去年夏天\n正文。",
			wantText: "正文。",
			warnings: 1,
		},
		{
			name:     "empty value is ignored",
			in:       "# title:\n正文。",
			wantText: "正文。",
		},
		{
			name:     "headers only",
			in:       "# id: 10\n# title: 空\n",
			wantMeta: doc.Meta{ID: "10", Title: "空"},
			wantText: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rep Report
			got := parseHeaders(tt.in, &rep)
			if got != tt.wantText {
				t.Errorf("text = %q, want %q", got, tt.wantText)
			}
			if !reflect.DeepEqual(rep.Meta, tt.wantMeta) {
				t.Errorf("meta = %+v, want %+v", rep.Meta, tt.wantMeta)
			}
			if len(rep.Warnings) != tt.warnings {
				t.Errorf("warnings = %q, want %d", rep.Warnings, tt.warnings)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<!DOCTYPE html><html>":         true,
		"  \n<!doctype HTML>":           true,
		"<html lang=\"zh-CN\">":         true,
		"\uFEFF<HTML>":                  true,
		"<!-- saved page -->\n<html>":   true,
		"<p>一段</p>":                     false,
		"青河县<html>":                     false,
		"<htmlx>":                       false,
		"# title: x\n<html>":            false,
		"<!-- never closed <html>":      false,
		"<?xml version=\"1.0\"?><html>": false,
	} {
		if got := looksHTML(in); got != want {
			t.Errorf("looksHTML(%q) = %v, want %v", in, got, want)
		}
	}
	if got := string(skipHeaderBytes([]byte("\xEF\xBB\xBF# source: x\n# date: 2022-08-18\n\n<html>"))); got != "<html>" {
		t.Errorf("skipHeaderBytes = %q", got)
	}
}
