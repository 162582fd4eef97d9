package input

import (
	"strings"
	"testing"
)

func TestNextLineEndings(t *testing.T) {
	tests := []struct {
		name, in, line, rest string
	}{
		{"LF", "a\nb", "a", "b"},
		{"CRLF", "a\r\nb", "a", "b"},
		{"a lone CR (old Mac files)", "a\rb\rc", "a", "b\rc"},
		{"CR then LF of a blank line", "a\r\r\nb", "a", "\r\nb"},
		{"no line ending", "a", "a", ""},
		{"a CR at the end", "a\r", "a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, rest := nextLine(tt.in)
			if line != tt.line || rest != tt.rest {
				t.Errorf("nextLine(%q) = %q, %q; want %q, %q", tt.in, line, rest, tt.line, tt.rest)
			}
		})
	}
}

// TestCROnlyFiles: a file whose lines end in a lone CR has its header
// lines read and its text kept, not lost as "no text".
func TestCROnlyFiles(t *testing.T) {
	tests := []struct {
		name, data        string
		wantTitle, wantID string
		wantText          string
	}{
		{"header lines and text, CR only", "# title: 标题\r# id: cr-1\r\r" + shortSimplified + "\r第二行。\r", "标题", "cr-1", shortSimplified + "\r第二行。\r"},
		{"header lines, CR only, no blank line", "# title: 标题\r" + shortSimplified + "\r", "标题", "cr", shortSimplified + "\r"},
		{"CRLF", "# title: 标题\r\n\r\n" + shortSimplified + "\r\n", "标题", "cr", shortSimplified + "\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), "cr.txt", []byte(tt.data))
			var got []Report
			err := Read([]string{p}, nil, Options{IDFromFileName: true}, func(r Report, err error) error {
				if err != nil {
					t.Errorf("bad input: %v", err)
				}
				got = append(got, r)
				return nil
			})
			if err != nil || len(got) != 1 {
				t.Fatalf("%d reports (%v)", len(got), err)
			}
			r := got[0]
			if r.Meta.Title != tt.wantTitle || r.Meta.ID != tt.wantID || r.Text != tt.wantText {
				t.Errorf("title %q, id %q, text %q; want %q, %q, %q", r.Meta.Title, r.Meta.ID, r.Text, tt.wantTitle, tt.wantID, tt.wantText)
			}
		})
	}
}

// TestNamesInMessagesStayOneLine: a file name with a newline, an escape
// sequence or bytes that are not UTF-8 is quoted in its error line.
func TestNamesInMessagesStayOneLine(t *testing.T) {
	tests := []struct {
		name, path, want string
	}{
		{"plain", "reports/x.txt", "reports/x.txt: empty file"},
		{"Chinese", "报告/青河.txt", "报告/青河.txt: empty file"},
		{"standard input", "-", "stdin: empty file"},
		{"a newline", "a\nb.txt", `"a\nb.txt": empty file`},
		{"an escape sequence", "x\x1b[2J.txt", `"x\x1b[2J.txt": empty file`},
		{"a C1 control", "x\u009b31m.txt", `"x\u009b31m.txt": empty file`},
		{"not UTF-8", "x\xff.txt", `"x\xff.txt": empty file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := (&Error{Path: tt.path, Kind: KindEmpty, Reason: "empty file"}).Error()
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if strings.ContainsAny(got, "\n\r\x1b") {
				t.Errorf("%q is not one safe line", got)
			}
		})
	}
}
