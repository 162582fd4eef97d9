package ner

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// FormatVersion is the version of the model file layout.
const FormatVersion = 2

const magic = "KGNER\x00"

// Header is the versioned header of a model file.
type Header struct {
	Format     int          `json:"format"`
	Model      string       `json:"model"`             // model version string
	FeatureSet string       `json:"feature_set"`       // must equal FeatureSet
	Bits       int          `json:"bits"`              // log2 of the number of rows
	Scale      float32      `json:"scale"`             // stored weight = round(weight * Scale)
	Weights    int          `json:"weights,omitempty"` // bits per weight in memory: 8, or 16 (0 means 16)
	Epochs     int          `json:"epochs"`
	Seed       uint64       `json:"seed"`
	Rows       int          `json:"rows"` // rows kept (non-zero)
	Created    string       `json:"created"`
	Corpora    []CorpusInfo `json:"corpora"`
}

// CorpusInfo names a training corpus and the digest of its file.
type CorpusInfo struct {
	Name      string `json:"name"`
	File      string `json:"file"`
	SHA256    string `json:"sha256"`
	Sentences int    `json:"sentences"` // trained on
	HeldOut   int    `json:"held_out"`
}

// Model holds quantised weights: a dense table of 1<<Bits rows of nTags
// int16 (w) or, for Header.Weights == 8, int8 (w8), and the transition
// scores (row nTags is the start).
type Model struct {
	Header Header
	tpl    uint32 // template mask of the feature set
	geo    geometry
	w      []int16
	w8     []int8
	trans  [nTags + 1][nTags]int32
}

// geometry maps a feature's hash to its row. A plain table has 2^bits rows
// and the row is the hash's top bits. A blocked table (the feature sets of
// blockedSets) has 2^bits lines of 7 rows: the line is the hash's top bits
// and the row in it the low byte mod 7, and the features of one n-gram
// under several templates share a line (features.go). Row numbers are
// line*7+slot; in an int8 table a line is 64 bytes (one cache line).
type geometry struct {
	shift   uint
	blocked bool
}

const lineRows = 7

func (g geometry) rowNum(h uint64) int {
	if g.blocked {
		return int(h>>g.shift)*lineRows + int(h&0xFF)%lineRows
	}
	return int(h >> g.shift)
}

func (g geometry) nrows(bits int) int {
	if g.blocked {
		return lineRows << bits
	}
	return 1 << bits
}

// Blocked reports whether the model's table is blocked: 2^Bits lines of 7
// rows (see geometry).
func (m *Model) Blocked() bool { return m.geo.blocked }

// off is the offset of row number r in the model's table.
func (m *Model) off(r int) int {
	if m.geo.blocked && m.w8 != nil {
		return r/lineRows<<6 + r%lineRows*nTags
	}
	return r * nTags
}

// row is the offset in the table of a feature's row.
func (m *Model) row(h uint64) int {
	if m.geo.blocked && m.w8 != nil {
		return int(h>>m.geo.shift)<<6 + int(h&0xFF)%lineRows*nTags
	}
	return m.geo.rowNum(h) * nTags
}

// weight is the weight of tag t in row number r.
func (m *Model) weight(r, t int) int16 {
	if m.w8 != nil {
		return int16(m.w8[m.off(r)+t])
	}
	return m.w[r*nTags+t]
}

func (m *Model) nrows() int { return m.geo.nrows(m.Header.Bits) }

// pack8 moves the weights to the int8 table (they must fit).
func (m *Model) pack8() {
	n := len(m.w)
	if m.geo.blocked {
		n = 64 << m.Header.Bits
	}
	m.w8 = make([]int8, n)
	for r := 0; r < m.nrows(); r++ {
		copy8(m.w8[m.off(r):][:nTags], m.w[r*nTags:][:nTags])
	}
	m.w = nil
	m.Header.Weights = 8
}

func copy8(dst []int8, src []int16) {
	for i, v := range src {
		dst[i] = int8(v)
	}
}

// WriteModel writes a model file: gzip of magic, format, header JSON,
// transitions, then the non-zero rows: their index deltas (uvarint), a
// mask of their non-zero tags (uint16) and those weights (int16), tag-major.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(magic)
	hdr, err := json.Marshal(m.Header)
	if err != nil {
		return err
	}
	binary.Write(&buf, binary.LittleEndian, uint32(FormatVersion))
	binary.Write(&buf, binary.LittleEndian, uint32(len(hdr)))
	buf.Write(hdr)
	binary.Write(&buf, binary.LittleEndian, m.trans)
	nrows := m.nrows()
	var rows []int
	for r := 0; r < nrows; r++ {
		for t := 0; t < nTags; t++ {
			if m.weight(r, t) != 0 {
				rows = append(rows, r)
				break
			}
		}
	}
	binary.Write(&buf, binary.LittleEndian, uint32(len(rows)))
	var tmp [binary.MaxVarintLen64]byte
	prev := -1
	for _, r := range rows {
		buf.Write(tmp[:binary.PutUvarint(tmp[:], uint64(r-prev))])
		prev = r
	}
	// then a mask of each row's non-zero tags, then those weights, tag-major
	b := make([]byte, 0, 2*len(rows)*4)
	for _, r := range rows {
		var mask uint16
		for t := 0; t < nTags; t++ {
			if m.weight(r, t) != 0 {
				mask |= 1 << t
			}
		}
		b = binary.LittleEndian.AppendUint16(b, mask)
	}
	for t := 0; t < nTags; t++ {
		for _, r := range rows {
			if v := m.weight(r, t); v != 0 {
				b = binary.LittleEndian.AppendUint16(b, uint16(v))
			}
		}
	}
	buf.Write(b)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads a model file written by Write.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	bad := errors.New("ner: model: truncated or corrupt file")
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, errors.New("ner: model: not a kg NER model file")
	}
	p := len(magic)
	format := binary.LittleEndian.Uint32(data[p:])
	if format != FormatVersion {
		return nil, fmt.Errorf("ner: model: format version %d, this code reads %d", format, FormatVersion)
	}
	hlen := int(binary.LittleEndian.Uint32(data[p+4:]))
	p += 8
	if hlen < 0 || p+hlen > len(data) {
		return nil, bad
	}
	m := &Model{}
	if err := json.Unmarshal(data[p:p+hlen], &m.Header); err != nil {
		return nil, fmt.Errorf("ner: model header: %w", err)
	}
	p += hlen
	h := &m.Header
	tpl, ok := FeatureSetMask(h.FeatureSet)
	if !ok {
		return nil, fmt.Errorf("ner: model: feature set %q, this code computes %q", h.FeatureSet, FeatureSet)
	}
	if h.Weights != 0 && h.Weights != 8 && h.Weights != 16 {
		return nil, fmt.Errorf("ner: model: %d-bit weights", h.Weights)
	}
	if h.Bits < 8 || h.Bits > 26 {
		return nil, fmt.Errorf("ner: model: bad table size 2^%d", h.Bits)
	}
	if blockedSets[h.FeatureSet] && h.Weights != 8 {
		return nil, fmt.Errorf("ner: model: feature set %q wants 8-bit weights", h.FeatureSet)
	}
	m.init(h.Bits, tpl, blockedSets[h.FeatureSet], h.Weights == 8)
	tsize := (nTags + 1) * nTags * 4
	if p+tsize+4 > len(data) {
		return nil, bad
	}
	if err := binary.Read(bytes.NewReader(data[p:p+tsize]), binary.LittleEndian, &m.trans); err != nil {
		return nil, bad
	}
	p += tsize
	n := int(binary.LittleEndian.Uint32(data[p:]))
	p += 4
	nrows := m.nrows()
	if n > nrows {
		return nil, bad
	}
	rows := make([]int32, n)
	prev := -1
	for i := range rows {
		d, k := binary.Uvarint(data[p:])
		if k <= 0 || d == 0 || prev+int(d) >= nrows {
			return nil, bad
		}
		p += k
		prev += int(d)
		rows[i] = int32(prev)
	}
	if p+2*n > len(data) {
		return nil, bad
	}
	masks := data[p : p+2*n]
	p += 2 * n
	// where each tag's weights start
	var cnt, at [nTags]int
	for i := 0; i < n; i++ {
		mask := uint16(masks[2*i]) | uint16(masks[2*i+1])<<8
		if mask>>nTags != 0 {
			return nil, bad
		}
		for t := 0; t < nTags; t++ {
			cnt[t] += int(mask >> t & 1)
		}
	}
	total := 0
	for t := 0; t < nTags; t++ {
		at[t] = p + 2*total
		total += cnt[t]
	}
	if p+2*total != len(data) {
		return nil, bad
	}
	for i, r := range rows {
		mask := uint16(masks[2*i]) | uint16(masks[2*i+1])<<8
		for t := 0; t < nTags; t++ {
			if mask>>t&1 != 0 {
				o := at[t]
				v := int16(uint16(data[o]) | uint16(data[o+1])<<8)
				if m.w8 != nil {
					if v != int16(int8(v)) {
						return nil, bad
					}
					m.w8[m.off(int(r))+t] = int8(v)
				} else {
					m.w[int(r)*nTags+t] = v
				}
				at[t] = o + 2
			}
		}
	}
	return m, nil
}

// init sizes the table of 2^bits rows, of int8 if w8, else int16.
func (m *Model) init(bits int, tpl uint32, blocked, w8 bool) {
	m.Header.Bits = bits
	m.tpl = tpl
	m.geo = geometry{shift: uint(64 - bits), blocked: blocked}
	switch {
	case w8 && blocked:
		m.w8 = make([]int8, 64<<bits)
	case w8:
		m.w8 = make([]int8, m.nrows()*nTags)
	default:
		m.w = make([]int16, m.nrows()*nTags)
	}
}

//go:embed data/model.bin.gz
var embedded []byte

// Tagger tags text with a model. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	lx   *lex
	pool sync.Pool
}

var (
	defOnce sync.Once
	defT    *Tagger
	defErr  error
)

// Default returns the tagger of the embedded model, loaded once.
func Default() (*Tagger, error) {
	defOnce.Do(func() {
		m, err := ReadModel(bytes.NewReader(embedded))
		if err != nil {
			defErr = err
			return
		}
		defT, defErr = NewTagger(m)
	})
	return defT, defErr
}

// NewTagger returns a tagger of model m.
func NewTagger(m *Model) (*Tagger, error) {
	lx, err := loadLex()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	t := &Tagger{m: m, lx: lx}
	t.pool.New = func() any { return new(scratch) }
	return t, nil
}

// Version is the model's version string.
func (t *Tagger) Version() string { return t.m.Header.Model }

// Model returns the tagger's model (read-only).
func (t *Tagger) Model() *Model { return t.m }

// Span is a recognised mention: runes text[Start:End] and its label, with
// Score the smallest margin over its characters between the chosen tag's
// score and the next best (in model units; higher is surer).
type Span struct {
	Start, End int
	Label      string
	Score      float32
}

type scratch struct {
	s    sentence
	em   []int32
	back []uint8
	tags []uint8
	marg []int32
	rows []int32 // n×nFeat offsets of the features' rows in Model.w
}

// maxChunk bounds the characters decoded at once.
const maxChunk = 400

// Tag returns the PER, TITLE, ORG and LOC spans of text (rune offsets).
func (t *Tagger) Tag(text []rune) []Span {
	var out []Span
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	for start := 0; start < len(text); {
		end := chunkEnd(text, start)
		out = t.tagChunk(sc, text[start:end], start, out)
		start = end
	}
	return out
}

// chunkEnd is the end of the chunk starting at start: after 。！？ or a
// newline, or at a comma-like break (or hard cut) before maxChunk runes.
func chunkEnd(text []rune, start int) int {
	lim := min(len(text), start+maxChunk)
	for i := start; i < lim; i++ {
		switch text[i] {
		case '。', '！', '？', '\n', '!', '?':
			return i + 1
		}
	}
	if lim == len(text) {
		return lim
	}
	for i := lim - 1; i > start+maxChunk/2; i-- {
		switch text[i] {
		case '，', '；', '、', ',', ';', ' ', '：':
			return i + 1
		}
	}
	return lim
}

func (t *Tagger) tagChunk(sc *scratch, text []rune, off int, out []Span) []Span {
	n := len(text)
	if n == 0 {
		return out
	}
	sc.s.prepare(text, t.lx)
	sc.em = grow(sc.em, n*nTags)
	sc.marg = grow(sc.marg, n)
	m := t.m
	// The rows of all the chunk's features first, then their sums: the
	// table is large (2^Bits rows) and its rows are mostly not in the
	// caches, so the lookups are kept free of other work and independent
	// of each other, for the processor to have many in flight at once.
	sc.rows = grow(sc.rows, n*nFeat)
	var f [nFeat]uint64
	nf := 0
	for k := 0; k < n; k++ {
		nf = sc.s.features(k, m.tpl, m.geo.blocked, &f)
		rows := sc.rows[k*nf : (k+1)*nf]
		for i, h := range f[:nf] {
			rows[i] = int32(m.row(h))
		}
	}
	var _ [nTags - 9]int // the sums below are written out for nTags == 9
	var _ [9 - nTags]int
	if m.w8 != nil {
		sumRows(m.w8, sc.rows, sc.em, n, nf)
	} else {
		sumRows(m.w, sc.rows, sc.em, n, nf)
	}
	sc.tags = grow(sc.tags, n)
	sc.back = grow(sc.back, n*nTags)
	viterbi32(sc.em, &m.trans, n, sc.back, sc.tags)
	for k := 0; k < n; k++ {
		e := sc.em[k*nTags : (k+1)*nTags]
		best := e[sc.tags[k]]
		second := int32(-1 << 30)
		for j, v := range e {
			if uint8(j) != sc.tags[k] && v > second {
				second = v
			}
		}
		sc.marg[k] = best - second
	}
	return appendSpans(out, sc.tags[:n], sc.marg[:n], off, m.Header.Scale)
}

// appendSpans turns BIO tags into spans (shifted by off).
func appendSpans(out []Span, tags []uint8, marg []int32, off int, scale float32) []Span {
	for k := 0; k < len(tags); {
		if tags[k] == tagO {
			k++
			continue
		}
		l := tagLabel(tags[k])
		j := k + 1
		for j < len(tags) && tags[j] == tagI(l) {
			j++
		}
		sp := Span{Start: off + k, End: off + j, Label: labels[l]}
		if marg != nil && scale > 0 {
			mn := marg[k]
			for _, v := range marg[k:j] {
				mn = min(mn, v)
			}
			sp.Score = float32(mn) / scale
		}
		out = append(out, sp)
		k = j
	}
	return out
}

var allowedTab = func() (t [nTags + 1][nTags]bool) {
	for i := range t {
		for j := range t[i] {
			t[i][j] = allowed(i, j)
		}
	}
	return t
}()

// predTab[j] lists the tags that tag j may follow, in increasing order.
var predTab = func() (p [nTags][]uint8) {
	for j := range p {
		for i := 0; i < nTags; i++ {
			if allowedTab[i][j] {
				p[j] = append(p[j], uint8(i))
			}
		}
	}
	return p
}()

type score interface{ ~int32 | ~float32 }

// viterbi decodes the best tag sequence under the BIO constraints.
// em holds n×nTags emission scores; trans[nTags] is the start row.
func viterbi[T score](em []T, trans *[nTags + 1][nTags]T, n int, back []uint8, out []uint8) {
	var cur, prev [nTags]T
	var ok, pok [nTags]bool
	for j := 0; j < nTags; j++ {
		ok[j] = allowedTab[nTags][j]
		if ok[j] {
			cur[j] = em[j] + trans[nTags][j]
		}
	}
	for k := 1; k < n; k++ {
		prev, pok = cur, ok
		e := em[k*nTags : (k+1)*nTags]
		var top T
		first := true
		for j := 0; j < nTags; j++ {
			var best T
			bi := -1
			for _, i := range predTab[j] {
				if !pok[i] {
					continue
				}
				if v := prev[i] + trans[i][j]; bi < 0 || v > best {
					best, bi = v, int(i)
				}
			}
			ok[j] = bi >= 0
			if ok[j] {
				cur[j] = best + e[j]
				back[k*nTags+j] = uint8(bi)
				if first || cur[j] > top {
					top, first = cur[j], false
				}
			}
		}
		for j := range cur { // keep the scores small (int32 safety)
			cur[j] -= top
		}
	}
	bj, first := 0, true
	for j := 0; j < nTags; j++ {
		if ok[j] && (first || cur[j] > cur[bj]) {
			bj, first = j, false
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = uint8(bj)
		if k > 0 {
			bj = int(back[k*nTags+bj])
		}
	}
}

// viterbi32 is viterbi for int32 scores, written out for the BIO tags: it
// decodes the same sequence (the same predecessors in the same order, ties
// to the first), with a score far below any other for tags not allowed at
// the start in place of viterbi's flags.
func viterbi32(em []int32, trans *[nTags + 1][nTags]int32, n int, back []uint8, out []uint8) {
	const neg = -1 << 29
	var cur [nTags]int32
	for j := 0; j < nTags; j++ {
		if allowedTab[nTags][j] {
			cur[j] = em[j] + trans[nTags][j]
		} else {
			cur[j] = neg
		}
	}
	for k := 1; k < n; k++ {
		prev := cur
		e := (*[nTags]int32)(em[k*nTags:])
		b := (*[nTags]uint8)(back[k*nTags:])
		// O and B-x may follow any tag
		for _, j := range [...]int{0, 1, 3, 5, 7} {
			best, bi := prev[0]+trans[0][j], 0
			for i := 1; i < nTags; i++ {
				if v := prev[i] + trans[i][j]; v > best {
					best, bi = v, i
				}
			}
			cur[j] = best + e[j]
			b[j] = uint8(bi)
		}
		// I-x follows B-x or I-x
		for j := 2; j < nTags; j += 2 {
			i := j - 1
			best := prev[i] + trans[i][j]
			if v := prev[j] + trans[j][j]; v > best {
				best, i = v, j
			}
			cur[j] = best + e[j]
			b[j] = uint8(i)
		}
		top := cur[0]
		for _, v := range cur[1:] {
			top = max(top, v)
		}
		for j := range cur { // keep the scores small (int32 safety)
			cur[j] -= top
		}
	}
	bj := 0
	for j := 1; j < nTags; j++ {
		if cur[j] > cur[bj] {
			bj = j
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[k] = uint8(bj)
		if k > 0 {
			bj = int(back[k*nTags+bj])
		}
	}
}

// sumRows adds up, for each of the n characters, its nf feature rows of the
// weight table w into its nTags emission scores em.
func sumRows[T int8 | int16](w []T, rows, em []int32, n, nf int) {
	for k := 0; k < n; k++ {
		var e [nTags]int32
		for _, r := range rows[k*nf : (k+1)*nf] {
			row := (*[nTags]T)(w[r:])
			e[0] += int32(row[0])
			e[1] += int32(row[1])
			e[2] += int32(row[2])
			e[3] += int32(row[3])
			e[4] += int32(row[4])
			e[5] += int32(row[5])
			e[6] += int32(row[6])
			e[7] += int32(row[7])
			e[8] += int32(row[8])
		}
		*(*[nTags]int32)(em[k*nTags:]) = e
	}
}
