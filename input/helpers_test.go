package input

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Invented reports in the genre; the names, places and events are made up.
const (
	reportSimplified = "1月5日上午，青河县召开2024年度经济工作会议，县委书记周立新出席会议并讲话。" +
		"会议总结了2023年全县经济工作，分析了当前经济形势，部署了2024年重点任务。" +
		"县委副书记、县长林佳慧主持会议并就做好今年经济工作提出具体要求。\n" +
		"周立新强调，要坚持稳中求进工作总基调，扎实推进产业项目建设，持续改善民生，确保全年各项目标任务圆满完成。\n" +
		"县人大常委会主任郑国华、县政协主席吴海燕等县领导参加会议。\n"

	reportTraditional = "1月5日上午，青河縣召開2024年度經濟工作會議，縣委書記周立新出席會議並講話。" +
		"會議總結了2023年全縣經濟工作，分析了當前經濟形勢，部署了2024年重點任務。" +
		"縣委副書記、縣長林佳慧主持會議並就做好今年經濟工作提出具體要求。\n" +
		"周立新強調，要堅持穩中求進工作總基調，紮實推進產業項目建設，持續改善民生，確保全年各項目標任務圓滿完成。\n" +
		"縣人大常委會主任鄭國華、縣政協主席吳海燕等縣領導參加會議。\n"

	shortSimplified  = "青河县召开经济工作会议。"
	shortTraditional = "青河縣召開經濟工作會議。"
)

var (
	gb18030 = simplifiedchinese.GB18030
	gbk     = simplifiedchinese.GBK
	big5    = traditionalchinese.Big5
	utf16le = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	utf16be = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
)

// enc encodes s with e.
func enc(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

// cat joins byte slices.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// writeFile writes data to name under dir, making directories, and returns
// the path.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// result is what Read handed out: a report or an error.
type result struct {
	rep Report
	err *Error
}

// readAll runs Read and collects what it hands out. The reading tests
// predate the id rule and name reports by their file (Options.IDFromFileName);
// id_test.go tests the rule itself.
func readAll(t testing.TB, paths []string, stdin []byte, opt Options) []result {
	t.Helper()
	opt.IDFromFileName = true
	var out []result
	var in io.Reader
	if stdin != nil {
		in = bytes.NewReader(stdin)
	}
	err := Read(paths, in, opt, func(rep Report, err error) error {
		out = append(out, collect(t, rep, err))
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return out
}

func collect(t testing.TB, rep Report, err error) result {
	t.Helper()
	if err == nil {
		return result{rep: rep}
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is a %T, not an *Error", err, err)
	}
	if rep.Path != e.Path || rep.Line != e.Line {
		t.Errorf("error %v comes with Report{Path: %q, Line: %d}", err, rep.Path, rep.Line)
	}
	return result{err: e}
}

// readOne reads a single input that must yield exactly one result.
func readOne(t testing.TB, path string, stdin []byte, opt Options) result {
	t.Helper()
	out := readAll(t, []string{path}, stdin, opt)
	if len(out) != 1 {
		t.Fatalf("got %d results, want 1: %+v", len(out), out)
	}
	return out[0]
}
