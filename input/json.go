package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// JSON records have these fields; names are matched case-insensitively.
var (
	idFields           = []string{"id"}
	titleFields        = []string{"title"}
	dateFields         = []string{"date"}
	sourceFields       = []string{"source"}
	urlFields          = []string{"url"}
	textFields         = []string{"text", "content", "body"}
	jurisdictionFields = []string{"jurisdiction"}
)

// sniff looks at the start of b, the first bytes of an input: the
// encoding a BOM or the pattern of zero bytes shows ("" for UTF-8), the
// length of the BOM, and the first character that is not white space (as a
// byte; 0x80 for a character outside ASCII), if b shows one.
func sniff(b []byte) (enc string, bom int, c byte, found bool) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		bom = len(bomUTF8)
	case bytes.HasPrefix(b, bomUTF16LE):
		enc, bom = EncUTF16LE, len(bomUTF16LE)
	case bytes.HasPrefix(b, bomUTF16BE):
		enc, bom = EncUTF16BE, len(bomUTF16BE)
	case len(b) >= 2 && b[0] != 0 && b[1] == 0:
		enc = EncUTF16LE
	case len(b) >= 2 && b[0] == 0 && b[1] != 0:
		enc = EncUTF16BE
	}
	b = b[bom:]
	if enc == "" {
		for _, x := range b {
			if x != ' ' && x != '\t' && x != '\r' && x != '\n' {
				return enc, bom, min(x, 0x80), true
			}
		}
		return enc, bom, 0, false
	}
	for i := 0; i+1 < len(b); i += 2 {
		lo, hi := b[i], b[i+1]
		if enc == EncUTF16BE {
			lo, hi = hi, lo
		}
		if hi != 0 || lo >= 0x80 {
			return enc, bom, 0x80, true
		}
		if lo != ' ' && lo != '\t' && lo != '\r' && lo != '\n' {
			return enc, bom, lo, true
		}
	}
	return enc, bom, 0, false
}

// firstChar returns the first character of br that is not white space,
// without consuming anything: a byte, 0x80 for a character outside ASCII,
// or 0 if there is none (or it lies beyond br's buffer).
func firstChar(br *bufio.Reader) (byte, error) {
	for n := 4; ; n *= 2 {
		n = min(max(n, br.Buffered()), br.Size())
		b, err := br.Peek(n)
		if _, _, c, found := sniff(b); found {
			return c, nil
		}
		if err != nil {
			if err == io.EOF || err == bufio.ErrBufferFull {
				return 0, nil
			}
			return 0, err
		}
		if n == br.Size() {
			return 0, nil
		}
	}
}

// utf8Reader returns a reader of br's content in UTF-8, without BOM, and the
// name of the encoding of br.
func utf8Reader(br *bufio.Reader) (*bufio.Reader, string) {
	b, _ := br.Peek(4)
	enc, bom, _, _ := sniff(b)
	br.Discard(bom)
	if enc == "" {
		return br, EncUTF8
	}
	t := transform.NewReader(br, decoderFor(enc).NewDecoder())
	return bufio.NewReaderSize(t, 64<<10), enc
}

// jsonFile is the state of reading one JSON input.
type jsonFile struct {
	*reader
	path  string
	stem  string
	enc   string
	count int // records and errors handed out
}

func (j *jsonFile) fail(e *Error) error {
	j.count++
	e.Path = j.path
	return j.reader.fail(e)
}

func (j *jsonFile) emit(rep Report) error {
	j.count++
	return j.reader.emit(rep)
}

// readJSON reads JSON records from br: JSON Lines only if linesOnly, else
// also a JSON array or a stream of (pretty-printed) objects.
func (r *reader) readJSON(p string, br *bufio.Reader, linesOnly bool) error {
	src, enc := utf8Reader(br)
	j := &jsonFile{reader: r, path: p, stem: stem(p), enc: enc}
	err := j.read(src, linesOnly)
	if err == nil && j.count == 0 {
		return j.fail(&Error{Kind: KindEmpty, Reason: "no JSON records"})
	}
	return err
}

func (j *jsonFile) read(src *bufio.Reader, linesOnly bool) error {
	if linesOnly {
		return j.lines(src, 0)
	}
	c, err := firstChar(src)
	if err != nil {
		return j.fail(&Error{Kind: KindUnreadable, Reason: "cannot read", Err: err})
	}
	switch c {
	case 0:
		return nil
	case '[':
		return j.stream(src, true, 0)
	case '{':
	default:
		return j.fail(&Error{Line: 1, Kind: KindMalformed, Reason: "malformed JSON: expected an object or an array"})
	}
	// JSON Lines, or pretty-printed objects? Look at the first line that
	// is not blank.
	var line []byte
	var size int64
	n := 0
	for {
		line, size, err = readLine(src, j.max)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return j.fail(&Error{Line: n + 1, Kind: KindUnreadable, Reason: "cannot read", Err: err})
		}
		n++
		if size > j.max || !isBlankBytes(line) {
			break
		}
	}
	if size <= j.max && !json.Valid(line) {
		dec := json.NewDecoder(bytes.NewReader(line))
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.ErrUnexpectedEOF || err == nil && dec.More() {
			// An object that goes on after this line, or several objects
			// on it.
			rest := io.MultiReader(bytes.NewReader(line), strings.NewReader("\n"), src)
			return j.stream(rest, false, n-1)
		}
	}
	if err := j.line(n, line, size); err != nil {
		return err
	}
	return j.lines(src, n)
}

// readLine reads one line of at most limit bytes, not counting its line
// ending, which it drops. A longer line is read to its end but not kept: line
// is nil and size is its length. err is io.EOF only when there is no line
// left.
func readLine(br *bufio.Reader, limit int64) (line []byte, size int64, err error) {
	keep := true
	var last2 [2]byte // the last two bytes read
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		for _, c := range chunk[max(0, len(chunk)-2):] {
			last2[0], last2[1] = last2[1], c
		}
		if keep {
			if size > limit+2 { // room for "\r\n"
				keep, line = false, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if size == 0 {
				return nil, 0, io.EOF
			}
			err = nil
		}
		if !keep {
			if last2[1] == '\n' {
				size--
				if last2[0] == '\r' {
					size--
				}
			}
			return nil, size, err
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, int64(len(line)), err
	}
}

// lines reads JSON Lines from src; n lines have been read before.
func (j *jsonFile) lines(src *bufio.Reader, n int) error {
	for {
		line, size, err := readLine(src, j.max)
		if err == io.EOF {
			return nil
		}
		n++
		if err != nil {
			return j.fail(&Error{Line: n, Kind: KindUnreadable, Reason: "cannot read", Err: err})
		}
		if err := j.line(n, line, size); err != nil {
			return err
		}
	}
}

// line hands out the record on line n.
func (j *jsonFile) line(n int, line []byte, size int64) error {
	if size > j.max {
		return j.fail(tooLargeError(j.path, n, size, j.max))
	}
	if isBlankBytes(line) {
		return nil
	}
	return j.record(n, n, line)
}

// record hands out the JSON record raw, which starts on the given line;
// id is the default id suffix (the line or the position in the file).
func (j *jsonFile) record(line, id int, raw []byte) error {
	rep, e := parseRecord(raw, j.enc)
	if e != nil {
		e.Line = line
		return j.fail(e)
	}
	rep.Path = j.path
	rep.Line = line
	if rep.Meta.ID == "" && j.idFromFileName {
		rep.Meta.ID = j.stem
		if id > 0 {
			rep.Meta.ID += ":" + strconv.Itoa(id)
		}
	} else if rep.Meta.ID == "" {
		rep.Meta.ID = ReportID("", rep.Meta.Source, rep.Text)
	}
	if rep.Meta.Source == "" {
		rep.Meta.Source = sourceOf(j.path)
	}
	return j.emit(rep)
}

// stream reads a JSON array of records (array) or a stream of records,
// pretty-printed or not, with json.Decoder; src starts after skipped lines.
// An error in a record is reported at the line where the record starts,
// and ends the file: the decoder cannot find the next record after it.
func (j *jsonFile) stream(src io.Reader, array bool, skipped int) error {
	t := &tracker{r: src, limit: j.max, lines: skipped}
	dec := json.NewDecoder(t)
	malformed := func(err error) error {
		line := t.lineAt(t.valueStart())
		switch {
		case errors.Is(err, errValueTooLarge):
			return j.fail(&Error{Line: line, Kind: KindTooLarge,
				Reason: fmt.Sprintf("too large: a JSON value over the limit of %s (the rest of the file is skipped)", sizeString(j.max))})
		case err == io.ErrUnexpectedEOF:
			err = errors.New("unexpected end of JSON input")
		case !errors.As(err, new(*json.SyntaxError)):
			return j.fail(&Error{Line: line, Kind: KindUnreadable, Reason: "cannot read", Err: err})
		}
		return j.fail(&Error{Line: line, Kind: KindMalformed,
			Reason: "malformed JSON (the rest of the file is skipped)", Err: err})
	}
	if array {
		if _, err := dec.Token(); err != nil { // '['
			return malformed(err)
		}
	}
	for n := 1; ; n++ {
		if array && !dec.More() {
			break
		}
		t.begin(dec.InputOffset())
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF && !array {
			return nil
		}
		if err != nil {
			return malformed(err)
		}
		line := t.lineAt(dec.InputOffset() - int64(len(raw)))
		id := n
		if n == 1 && !array && !dec.More() {
			id = 0 // the only object: its id is the file's
		}
		if err := j.record(line, id, raw); err != nil {
			return err
		}
	}
	t.begin(dec.InputOffset())
	if _, err := dec.Token(); err != nil { // ']'
		return malformed(err)
	}
	if dec.More() {
		t.begin(dec.InputOffset())
		return j.fail(&Error{Line: t.lineAt(t.valueStart()), Kind: KindMalformed,
			Reason: "malformed JSON: data after the end of the array"})
	}
	return nil
}

var errValueTooLarge = errors.New("JSON value too large")

// tracker sits between a json.Decoder and its input. It keeps the bytes
// of the value being decoded, to find where the value starts, counts
// lines, and stops the decoder from reading a value larger than limit.
type tracker struct {
	r     io.Reader
	n     int64   // bytes read
	base  int64   // offset of buf[0]: where the current value may start
	buf   []byte  // bytes read from base on
	nl    []int64 // offsets of the line feeds not yet counted
	lines int     // line feeds counted
	limit int64
}

func (t *tracker) Read(p []byte) (int, error) {
	if t.n-t.base > t.limit {
		return 0, errValueTooLarge
	}
	n, err := t.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			t.nl = append(t.nl, t.n+int64(i))
		}
	}
	t.buf = append(t.buf, p[:n]...)
	t.n += int64(n)
	return n, err
}

// begin tells that the decoder has consumed everything before off.
func (t *tracker) begin(off int64) {
	if off > t.base && off <= t.n {
		t.buf = t.buf[off-t.base:]
		t.base = off
	}
}

// valueStart is the offset of the first byte from base on that is not
// white space or a comma: where the current value starts.
func (t *tracker) valueStart() int64 {
	for i, c := range t.buf {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' {
			return t.base + int64(i)
		}
	}
	return t.n
}

// lineAt returns the 1-based line of offset off. Offsets must not decrease
// from one call to the next.
func (t *tracker) lineAt(off int64) int {
	i := 0
	for i < len(t.nl) && t.nl[i] < off {
		i++
	}
	t.lines += i
	t.nl = t.nl[i:]
	return t.lines + 1
}

// parseRecord turns one JSON record into a Report without Path and Line,
// and with Meta.ID and Meta.Source only if the record names them. enc is the
// encoding of the file.
func parseRecord(raw []byte, enc string) (Report, *Error) {
	var dec decoded
	if !utf8.Valid(raw) {
		if n, ok := damagedUTF8(raw); ok {
			dec = decoded{text: validUTF8(raw), enc: enc, replaced: n}
		} else {
			var e *Error
			dec, e = bestOf(raw, []string{EncGB18030, EncBig5},
				&Error{Kind: KindUndecodable, Reason: "undecodable: not UTF-8, GB18030 or Big5 text"})
			if e != nil {
				return Report{}, e
			}
		}
		raw, enc = []byte(dec.text), dec.enc
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Report{}, &Error{Kind: KindMalformed, Reason: "not a JSON object but " + jsonKind(raw)}
		}
		return Report{}, &Error{Kind: KindMalformed, Reason: "malformed JSON", Err: err}
	}
	if obj == nil {
		return Report{}, &Error{Kind: KindMalformed, Reason: "not a JSON object but null"}
	}
	rep := Report{Encoding: enc}
	rep.noteDamage(dec)
	str := func(names []string) string {
		name, v, ok := field(obj, names)
		if !ok {
			return ""
		}
		s, ok := jsonString(v)
		if !ok {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("field %q is %s, not a string: ignored", name, jsonKind(v)))
		}
		return strings.TrimSpace(s)
	}
	m := &rep.Meta
	m.ID = str(idFields)
	m.Title = str(titleFields)
	m.Jurisdiction = str(jurisdictionFields)
	source, url := str(sourceFields), str(urlFields)
	m.Source = source
	if url != "" && !strings.Contains(source, "://") {
		m.Source = url // "source" is often the publisher, not an address
	}
	if d := str(dateFields); d != "" {
		if iso, ok := parseDate(d); ok {
			m.Date = iso
		} else {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("unrecognised date %q", d))
		}
	}
	name, v, ok := field(obj, textFields)
	if !ok {
		return Report{}, &Error{Kind: KindNoText, Reason: `no text: the record has no "text", "content" or "body" field`}
	}
	var text string
	if err := json.Unmarshal(v, &text); err != nil || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return Report{}, &Error{Kind: KindNoText, Reason: fmt.Sprintf("no text: field %q is %s, not a string", name, jsonKind(v))}
	}
	if looksHTMLFragment(text) {
		page := extractHTML(text)
		text = page.Text
		fillMeta(&rep, page)
	}
	if isBlank(text) {
		return Report{}, &Error{Kind: KindEmpty, Reason: fmt.Sprintf("empty text in field %q", name)}
	}
	rep.Text = text
	return rep, nil
}

// field finds the first of names in obj: exactly, or else ignoring case.
func field(obj map[string]json.RawMessage, names []string) (string, json.RawMessage, bool) {
	for _, n := range names {
		if v, ok := obj[n]; ok {
			return n, v, true
		}
	}
	for _, n := range names {
		for k, v := range obj {
			if strings.EqualFold(k, n) {
				return k, v, true
			}
		}
	}
	return "", nil, false
}

// jsonString reads a JSON string, or a number as written; null is "".
func jsonString(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return "", true
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", false
		}
		return s, true
	case v[0] == '-' || v[0] >= '0' && v[0] <= '9':
		return string(v), true
	}
	return "", false
}

// jsonKind names the kind of a JSON value, for messages.
func jsonKind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "empty"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// looksHTMLFragment reports whether a JSON text field holds HTML rather
// than text: it starts with '<' and has paragraph or line-break tags, or is a
// whole page.
func looksHTMLFragment(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(t, "<") {
		return false
	}
	if looksHTML(t) {
		return true
	}
	l := strings.ToLower(t[:min(len(t), 4096)])
	for _, tag := range []string{"<p>", "<p ", "<br", "<div"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}
