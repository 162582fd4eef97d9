package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

// longReport writes an invented report of about size bytes: meeting
// paragraphs with title chains, names that vary (so that the report has
// thousands of persons, as a long crawl page can), appointments and an
// honour list.
func longReport(size int) string {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("明华强伟芳敏静丽军杰涛斌峰霞平刚桂英秀兰玉红春梅建国志勇海燕立新文辉宇")
	name := func(i int) string {
		return string([]rune{surnames[i%len(surnames)], given[(i/7)%len(given)], given[(i/3+5)%len(given)]})
	}
	var b strings.Builder
	b.WriteString("测水县召开全县工作会议\n")
	for i := 0; b.Len() < size; i += 6 {
		fmt.Fprintf(&b, "%d月%d日上午，测水县召开第%d次县委常委会议。县委书记%s主持会议并讲话，县委副书记、县长%s出席会议，县委常委、常务副县长%s作工作报告。",
			i%12+1, i%28+1, i%90+1, name(i), name(i+1), name(i+2))
		fmt.Fprintf(&b, "会议决定任命%s为测水县财政局局长，%s为测水县教育局局长；免去%s的测水县审计局局长职务。", name(i+3), name(i+4), name(i+5))
		fmt.Fprintf(&b, "会议授予%s、%s等10名同志“测水县劳动模范”荣誉称号。\n", name(i), name(i+3))
	}
	return b.String()
}

// BenchmarkLongReport extracts one report of 1, 2, 5 and 10 MB: the time
// per MB must stay flat (extraction linear in a report's length).
// go test -run '^$' -bench LongReport -benchtime 1x ./nlp/pipeline
func BenchmarkLongReport(b *testing.B) {
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, mb := range []int{1, 2, 5, 10} {
		text := longReport(mb << 20)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				x, err := p.Extract(doc.Meta{ID: "long", Date: "2024-01-01"}, text)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(x.Relations)), "relations")
			}
		})
	}
}
