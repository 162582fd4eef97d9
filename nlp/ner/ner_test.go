package ner

import (
	"bytes"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func tagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func spansOf(text []rune, spans []Span, label string) []string {
	var out []string
	for _, s := range spans {
		if s.Label == label {
			out = append(out, string(text[s.Start:s.End]))
		}
	}
	return out
}

func TestModelHeader(t *testing.T) {
	start := time.Now()
	m, err := ReadModel(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model %s loaded in %s, %d rows, %d bytes embedded", m.Header.Model, time.Since(start), m.Header.Rows, len(embedded))
	if m.Header.Format != FormatVersion || m.Header.FeatureSet != FeatureSet {
		t.Errorf("header %+v: want format %d, feature set %s", m.Header, FormatVersion, FeatureSet)
	}
	if m.Header.Model == "" || len(m.Header.Corpora) == 0 || m.Header.Epochs == 0 {
		t.Errorf("header lacks version, corpora or epochs: %+v", m.Header)
	}
	for _, c := range m.Header.Corpora {
		if len(c.SHA256) != 64 {
			t.Errorf("corpus %s: sha256 %q", c.Name, c.SHA256)
		}
	}
	if tagger(t).Version() != m.Header.Model {
		t.Errorf("Version %q, header %q", tagger(t).Version(), m.Header.Model)
	}
	// round trip
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.trans != m.trans || !slicesEqual(m2.w, m.w) || !slices.Equal(m2.w8, m.w8) || m2.Header.Weights != m.Header.Weights {
		t.Error("model changed in a write/read round trip")
	}
	if _, err := ReadModel(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("garbage read as a model")
	}
	// a model of another feature set is refused
	m2.Header.FeatureSet = "char-u5b4t3-class3-lex7x3-v0"
	buf.Reset()
	if err := m2.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadModel(&buf); err == nil || !strings.Contains(err.Error(), "feature set") {
		t.Errorf("model of an unknown feature set read: %v", err)
	}
}

func slicesEqual(a, b []int16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTagPersons(t *testing.T) {
	tg := tagger(t)
	cases := []struct {
		text string
		per  []string
	}{
		{"县委书记王建国主持会议。", []string{"王建国"}},
		{"副县长李红梅、张卫东出席。", []string{"李红梅", "张卫东"}},
		{"授予刘晓燕同志“优秀教师”称号。", []string{"刘晓燕"}},
		{"甘南州委常委、组织部长马文军讲话。", []string{"马文军"}},
		{"市长陈志强在会上强调，要抓好安全生产。", []string{"陈志强"}},
		{"省政府副省长赵立新一行到我县调研。", []string{"赵立新"}},
		{"镇党委书记孙丽华、镇长周海波陪同调研。", []string{"孙丽华", "周海波"}},
	}
	for _, c := range cases {
		text := []rune(c.text)
		spans := tg.Tag(text)
		got := spansOf(text, spans, "PER")
		for _, want := range c.per {
			found := false
			for _, g := range got {
				found = found || g == want
			}
			if !found {
				t.Errorf("%s: PER %v, want %s (all spans %v)", c.text, got, want, spans)
			}
		}
	}
}

func TestTagTitlesAndPlaces(t *testing.T) {
	tg := tagger(t)
	text := []rune("县委书记王建国主持会议。")
	spans := tg.Tag(text)
	if got := spansOf(text, spans, "TITLE"); len(got) == 0 {
		t.Errorf("no TITLE in %s: %v", string(text), spans)
	}
	text = []rune("甘肃省兰州市召开会议。")
	if got := spansOf(text, tg.Tag(text), "LOC"); len(got) == 0 {
		t.Errorf("no LOC in %s", string(text))
	}
}

func TestTagSpansValid(t *testing.T) {
	tg := tagger(t)
	text := []rune(strings.Repeat("中共中央总书记、国家主席江泽民发表讲话，国务院总理李鹏出席会议", 40))
	spans := tg.Tag(text)
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) || labelIndex(s.Label) < 0 {
			t.Fatalf("bad span %+v after %d (len %d)", s, prev, len(text))
		}
		prev = s.End
	}
}

func TestTagOddInput(t *testing.T) {
	tg := tagger(t)
	inputs := [][]rune{
		nil, {}, {0}, {-1}, {0xD800}, {0xDFFF, 'a'}, {0x10FFFF + 5}, {-2147483648, 2147483647},
		[]rune("\x00\x01\t\n\n\n"), []rune("。。。！？"), []rune(strings.Repeat("王", 5000)),
		[]rune(strings.Repeat("a", 1000) + "\n"),
	}
	for _, in := range inputs {
		for _, s := range tg.Tag(in) {
			if s.Start < 0 || s.End > len(in) || s.Start >= s.End {
				t.Errorf("bad span %+v for input of %d runes", s, len(in))
			}
		}
	}
}

func TestTagConcurrent(t *testing.T) {
	tg := tagger(t)
	text := []rune("副县长李红梅、张卫东出席。县委书记王建国主持会议。")
	want := tg.Tag(text)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				got := tg.Tag(text)
				if len(got) != len(want) {
					t.Errorf("concurrent Tag gave %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestModelMemory(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	m, err := ReadModel(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("loaded model holds %.1f MB of heap", mb)
	if mb > 80 {
		t.Errorf("model takes %.1f MB, want ≤ 80", mb)
	}
	runtime.KeepAlive(m)
}

func FuzzTag(f *testing.F) {
	tg := tagger(f)
	for _, s := range []string{"县委书记王建国主持会议", "", "\xff\xfe", "副县长李红梅、张卫东出席。", "ＷＴＯ１２月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		for _, sp := range tg.Tag(rs) {
			if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
				t.Fatalf("bad span %+v", sp)
			}
		}
	})
}

var benchText = []rune(strings.Repeat("１２月３１日，中共中央总书记、国家主席江泽民发表１９９８年新年讲话。县委书记王建国主持会议，副县长李红梅、张卫东出席。甘南州委常委、组织部长马文军讲话。\n", 50))

func BenchmarkTag(b *testing.B) {
	tg := tagger(b)
	b.SetBytes(int64(len(string(benchText))))
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(benchText)
	}
}

// BenchmarkTagPD199801 tags the People's Daily January 1998 text of
// ../shared/corpus when it is there.
func BenchmarkTagPD199801(b *testing.B) {
	data, err := os.ReadFile("../../../shared/corpus/pd199801.txt")
	if err != nil {
		b.Skip("no ../shared/corpus/pd199801.txt")
	}
	tg := tagger(b)
	benchTagText(b, tg, data)
}

// benchTagText tags data, reporting also the least of the passes' CPU
// time of the thread (the machine may be shared).
func benchTagText(b *testing.B, tg *Tagger, data []byte) {
	text := []rune(string(data))
	b.SetBytes(int64(len(data)))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := time.Duration(1 << 62)
	b.ResetTimer()
	for b.Loop() {
		t0 := threadCPU()
		tg.Tag(text)
		best = min(best, threadCPU()-t0)
	}
	b.ReportMetric(float64(best.Milliseconds()), "min_cpu_ms")
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagPDFile is BenchmarkTagPD199801 with the model file named by
// $KG_NER_MODEL (to compare trained variants without embedding them).
func BenchmarkTagPDFile(b *testing.B) {
	path := os.Getenv("KG_NER_MODEL")
	if path == "" {
		b.Skip("KG_NER_MODEL not set")
	}
	data, err := os.ReadFile("../../../shared/corpus/pd199801.txt")
	if err != nil {
		b.Skip("no ../shared/corpus/pd199801.txt")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	m, err := ReadModel(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(start)
	tg, err := NewTagger(m)
	if err != nil {
		b.Fatal(err)
	}
	benchTagText(b, tg, data)
	b.ReportMetric(float64(load.Milliseconds()), "load_ms")
}
