// Package normalize is the first pipeline stage: it turns the raw text of a
// report into clean simplified Chinese and records, for every output rune,
// the span of raw runes it came from, so that later stages can point at the
// original text.
//
// Normalisation is a chain of steps over a working buffer that holds the text
// as runes together with a raw span [start, end) per rune. Every step only
// deletes runes, replaces a rune by another, or merges a rune into its
// predecessor (widening the predecessor's span); it never inserts. Spans
// therefore compose trivially, stay ordered, and each output rune covers at
// least one raw rune. The steps:
//
//  1. scan, one pass over the raw string that
//     - decodes UTF-8 (an invalid byte becomes one U+FFFD, exactly as
//     []rune(raw) counts it);
//     - decodes HTML character references (&nbsp; &amp; &#x4e2d; &ldquo; …,
//     also the double-escaped &amp;nbsp;), each character mapped to the whole
//     reference;
//     - drops HTML tags and comments (<p>, </span>, <img src=…>, <!-- … -->;
//     line-breaking tags such as <br> and </p> become a newline);
//     - drops zero-width, bidi, BOM and control characters, turns \r and
//     other line separators into \n, tabs and Unicode spaces into ' ', and
//     folds full-width ASCII (U+FF01–U+FF5E) to ASCII and U+3000 to ' ';
//     - collapses runs of spaces to one space and runs of newlines to one
//     newline, trims lines, and collapses doubled punctuation (,, 。。 、、);
//  2. pinyin: annotations inserted by mirror sites after a character, as in
//     區(qū), are removed;
//  3. t2s: traditional characters are converted to simplified with the
//     OpenCC t2s dictionaries, in the sentences that are traditional.
//
// Steps 2 and 3 cannot create new whitespace or punctuation neighbours (they
// only remove Latin letters and parentheses after a Han character, or change
// one Han character into another), so collapsing during the scan gives the
// same result as collapsing last.
//
// Offsets are rune (code point) indices into the raw string.
package normalize

import (
	"errors"

	"github.com/kg-cn/kg/nlp/doc"
)

// Normalizer normalises report text. It is safe for concurrent use; the
// dictionaries it uses are loaded once per process and shared.
type Normalizer struct {
	t2s *t2sTables
}

// New returns a Normalizer. The first call loads the OpenCC t2s dictionaries
// (a few milliseconds); later calls reuse them.
func New() (*Normalizer, error) {
	t, err := loadT2S()
	if err != nil {
		return nil, err
	}
	return &Normalizer{t2s: t}, nil
}

// Normalize returns the normalised text of raw and the offsets mapping every
// rune of it back to raw: text[i] came from []rune(raw)[offs.Start[i]:offs.End[i]].
// It never fails: anything it does not recognise is passed through.
func (n *Normalizer) Normalize(raw string) (text []rune, offs doc.Offsets) {
	t := n.tables()
	b, st, total := scan(raw, t)
	if len(st.parens) > 0 {
		removePinyin(b, st.parens)
	}
	if st.trigger > 0 && t != nil {
		t.convert(b, st)
	}
	return b.r, doc.Offsets{Start: b.start, End: b.end, Total: total}
}

// Process is the pipeline stage: it fills d.Text and d.Offsets from d.Raw.
func (n *Normalizer) Process(d *doc.Document) error {
	if d == nil {
		return errors.New("normalize: nil document")
	}
	d.Text, d.Offsets = n.Normalize(d.Raw)
	return nil
}

// tables returns the t2s tables, loading them for a zero Normalizer. It
// returns nil only if the dictionaries cannot be loaded, in which case text
// is not converted.
func (n *Normalizer) tables() *t2sTables {
	if n != nil && n.t2s != nil {
		return n.t2s
	}
	t, _ := loadT2S()
	return t
}

// buffer is the working text: rune i came from raw runes [start[i], end[i]).
type buffer struct {
	r          []rune
	start, end []int
}

func newBuffer(capacity int) *buffer {
	return &buffer{
		r:     make([]rune, 0, capacity),
		start: make([]int, 0, capacity),
		end:   make([]int, 0, capacity),
	}
}

func (b *buffer) push(r rune, s, e int) {
	b.r = append(b.r, r)
	b.start = append(b.start, s)
	b.end = append(b.end, e)
}

func (b *buffer) truncate(n int) {
	b.r, b.start, b.end = b.r[:n], b.start[:n], b.end[:n]
}

// add appends rune r with raw span [s, e), collapsing as it goes: a space
// after a space or newline, a newline after a newline, and a repeated
// collapsible punctuation mark are merged into the previous rune, widening
// its span, so that a collapsed space or newline maps to the whole run of
// raw whitespace; a newline replaces a space before it (trailing space of a
// line); whitespace at the very start is dropped. Trailing whitespace is
// removed by trimRight.
func (b *buffer) add(r rune, s, e int) {
	if r >= 0x3400 { // not whitespace nor collapsible: the common case
		b.push(r, s, e)
		return
	}
	n := len(b.r)
	if n == 0 {
		if r != ' ' && r != '\n' {
			b.push(r, s, e)
		}
		return
	}
	last := b.r[n-1]
	switch {
	case r == ' ' && (last == ' ' || last == '\n'),
		r == '\n' && last == '\n',
		r == last && collapsible(r):
		b.end[n-1] = e
	case r == '\n' && last == ' ':
		// A space never follows a newline in the buffer, so the rune
		// before the space is not a newline.
		b.r[n-1] = '\n'
		b.end[n-1] = e
	default:
		b.push(r, s, e)
	}
}

// trimRight removes trailing whitespace.
func (b *buffer) trimRight() {
	n := len(b.r)
	for n > 0 && (b.r[n-1] == ' ' || b.r[n-1] == '\n') {
		n--
	}
	b.truncate(n)
}

// collapsible is punctuation whose immediate repetitions are collapsed.
// The ellipsis … and the dash — are deliberately absent: …… and —— are
// single punctuation marks in Chinese.
func collapsible(r rune) bool {
	switch r {
	case ',', ';', ':', '、', '。':
		return true
	}
	return false
}
