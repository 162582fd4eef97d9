package ner

import (
	"fmt"
	"strings"
	"testing"
)

func lexT(t *testing.T) *lex {
	t.Helper()
	lx, err := loadLex()
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

// spanStrings renders the gold spans of a sentence as "LABEL:text".
func spanStrings(s Sentence) string {
	var out []string
	for _, sp := range s.Spans() {
		out = append(out, fmt.Sprintf("%s:%s", sp.Label, string(s.Text[sp.Start:sp.End])))
	}
	return strings.Join(out, " ")
}

func check(t *testing.T, name string, ss []Sentence, err error, want []string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(ss) != len(want) {
		t.Fatalf("%s: %d sentences, want %d", name, len(ss), len(want))
	}
	for i, s := range ss {
		if got := spanStrings(s); got != want[i] {
			t.Errorf("%s sentence %d (%s):\n got %s\nwant %s", name, i, string(s.Text), got, want[i])
		}
		if len(s.Text) != len(s.Tags) {
			t.Errorf("%s sentence %d: %d chars, %d tags", name, i, len(s.Text), len(s.Tags))
		}
	}
}

func TestReadPD(t *testing.T) {
	in := "19990101-01-001-001/m  县委/n  书记/n  王/nr  建国/nr  、/w  [红河/ns  县/n  教育局/n]nt  局长/n  李/nr  明/nr  张/nr  小红/nr  在/p  兰州/ns  讲话/v  。/w  \r\n" +
		"\r\n" +
		"19990101-01-001-002/m  （/w  [新华社/nt  记者/n]nz  欧阳/nr  春/nr  摄/Vg  ）/w  老赵/nr  [香港/ns  特别/a  行政区/n]ns\r\n"
	ss, err := ReadPD(strings.NewReader(in), lexT(t))
	check(t, "pd", ss, err, []string{
		"TITLE:书记 PER:王建国 ORG:红河县教育局 TITLE:局长 PER:李明 PER:张小红 LOC:兰州",
		"ORG:新华社 PER:欧阳春 PER:老赵 LOC:香港特别行政区",
	})
}

func TestReadMSRA(t *testing.T) {
	lines := []string{"新\tB-ORG", "华\tI-ORG", "社\tI-ORG", "记\tO", "者\tO", "刘\tB-PER", "强\tI-PER", "报\tO", "道\tO", "",
		"市\tO", "长\tO", "孙\tB-PER", "平\tI-PER", "到\tO", "北\tB-LOC", "京\tI-LOC", "", ""}
	ss, err := ReadMSRA(strings.NewReader(strings.Join(lines, "\n")), lexT(t))
	check(t, "msra", ss, err, []string{
		"ORG:新华社 TITLE:记者 PER:刘强", // 记者 is in data/titles_extra.txt
		"TITLE:市长 PER:孙平 LOC:北京",
	})
}

func TestReadWeibo(t *testing.T) {
	lines := []string{"@0\tO", "小0\tI-PER.NAM", "明1\tI-PER.NAM", "去0\tO", "上0\tB-GPE.NAM", "海1\tI-GPE.NAM",
		"看0\tO", "老0\tB-PER.NOM", "师1\tI-PER.NOM", "，0\tO", "华0\tB-ORG.NAM", "为1\tI-ORG.NAM", ""}
	ss, err := ReadWeibo(strings.NewReader(strings.Join(lines, "\n")), lexT(t))
	check(t, "weibo", ss, err, []string{"PER:小明 LOC:上海 ORG:华为"})
}

func TestReadResume(t *testing.T) {
	lines := []string{"王 B-NAME", "芳 E-NAME", "， O", "本 B-EDU", "科 E-EDU", "， O", "现 O", "任 O",
		"金 B-ORG", "星 M-ORG", "公 M-ORG", "司 E-ORG", "董 B-TITLE", "事 M-TITLE", "长 E-TITLE", "。 O", "",
		"司 M-ORG", "董 B-TITLE", "事 E-TITLE", "张 S-NAME", ""}
	ss, err := ReadResume(strings.NewReader(strings.Join(lines, "\n")), lexT(t))
	check(t, "resume", ss, err, []string{
		"PER:王芳 ORG:金星公司 TITLE:董事长",
		"ORG:司 TITLE:董事 PER:张",
	})
}

func TestReadCLUENER(t *testing.T) {
	in := `{"text": "兰州市交通局副局长马明辉在永登县调研", "label": {"government": {"兰州市交通局": [[0, 5]]}, "position": {"副局长": [[6, 8]]}, "name": {"马明辉": [[9, 11]]}, "address": {"永登县": [[13, 15]]}, "game": {"调研": [[16, 17]]}}}
{"text": "星海公司发布新品", "label": {"company": {"星海公司": [[0, 3]]}}}
`
	ss, err := ReadCLUENER(strings.NewReader(in), nil)
	check(t, "cluener", ss, err, []string{
		"ORG:兰州市交通局 TITLE:副局长 PER:马明辉 LOC:永登县",
		"ORG:星海公司",
	})
}

func TestLabelTitles(t *testing.T) {
	lx := lexT(t)
	s := newSentence([]rune("主任务是副县长王强会见县长"))
	s.mark(7, 9, 0)
	labelTitles(&s, lx)
	if got := spanStrings(s); got != "TITLE:副县长 PER:王强 TITLE:县长" {
		t.Errorf("got %s", got)
	}
}

func TestHeldOut(t *testing.T) {
	n := 0
	for i := 0; i < 100; i++ {
		if HeldOut(i) {
			n++
		}
	}
	if n != 10 || !HeldOut(9) || HeldOut(0) {
		t.Errorf("held out %d of 100", n)
	}
}
