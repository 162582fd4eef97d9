package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/kg-cn/kg/input"
)

const damageReport = "1月5日上午，青河县召开2024年度经济工作会议，县委书记周立新出席会议并讲话。\n" +
	"会议总结了2023年全县经济工作，分析了当前经济形势，部署了2024年重点任务。\n"

// TestIngestSaysDamagedText: each report read with damaged text (a UTF-8
// page cut mid-character, a GBK page cut, GBK mixed with Big5) is read and
// named by one warning line on stderr, whatever -v; the summary counts
// them. Intact reports say nothing.
func TestIngestSaysDamagedText(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Repeat(damageReport, 6)))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte("青河縣召開經濟工作會議。\n"))
	utf := []byte(damageReport)
	qing := bytes.Index(utf, []byte("青河"))
	tests := []struct {
		name        string
		data        []byte
		wantWarning string // "" for none
		wantInvalid int
		wantDamaged int
	}{
		{"utf-8 cut mid-character", utf[:len(utf)-2], "cut.txt: warning: damaged UTF-8: 2 invalid bytes replaced by U+FFFD", 2, 1},
		{"utf-8 missing a byte in the middle", append(append([]byte{}, utf[:qing+1]...), utf[qing+2:]...), "cut.txt: warning: damaged UTF-8: 2 invalid bytes replaced by U+FFFD", 2, 1},
		{"gbk cut mid-character", gbk[:len(gbk)-2], "cut.txt: warning: damaged GB18030 text: 1 invalid sequence replaced by U+FFFD", 1, 1},
		{"gbk mixed with big5", append(append([]byte{}, gbk...), big5...), "cut.txt: warning: mixes GBK and Big5 text, which no single decoding reads right: read as GB18030", 4, 1},
		{"intact utf-8", utf, "", 0, 0},
		{"intact gbk", gbk, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "cut.txt")
			if err := os.WriteFile(p, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			ui := newConsole(&out, &errb, false)
			var dmg damage
			next := ingestInputs(context.Background(), []string{p}, nil, input.Options{}, ui, &dmg)
			n := 0
			for {
				j, ok, err := next()
				if err != nil || !ok {
					break
				}
				if j.Err != nil {
					t.Fatalf("not read: %v", j.Err)
				}
				n++
			}
			if n != 1 {
				t.Fatalf("%d reports read, want 1", n)
			}
			lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
			switch {
			case tt.wantWarning == "" && errb.Len() > 0:
				t.Errorf("warnings for an intact report: %q", errb.String())
			case tt.wantWarning != "" && (len(lines) != 1 || !strings.HasPrefix(lines[0], "kg: "+filepath.Dir(p)+"/"+tt.wantWarning)):
				t.Errorf("stderr %q, want one line starting %q", errb.String(), tt.wantWarning)
			}
			reports, invalid := dmg.counts()
			if reports != tt.wantDamaged || invalid != tt.wantInvalid {
				t.Errorf("counted %d damaged reports, %d invalid bytes; want %d, %d", reports, invalid, tt.wantDamaged, tt.wantInvalid)
			}
			var sum bytes.Buffer
			printIngestSummary(&sum, ingestSummary{New: 1, Reports: 1, Damaged: reports, InvalidBytes: invalid}, false, false)
			if got := strings.Contains(sum.String(), "damaged text: "); got != (tt.wantDamaged > 0) {
				t.Errorf("summary:\n%s", sum.String())
			}
		})
	}
}
