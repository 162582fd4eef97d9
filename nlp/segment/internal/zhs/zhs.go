// Package zhs reads gse's simplified-Chinese dictionary text (the one
// gse.NewEmbed("zh_s") loads) line by line as gse v0.80.3's LoadDictStr
// does, and keeps the order in which kg adds its lines.
//
// The order: gse adds each word to a double-array trie (cedar). Inserted in
// the dictionary file's order, the trie relocates its blocks again and
// again; inserted in the order of the trie's keys, it mostly appends, which
// takes about a third of the time and is most of kg's start-up. The order
// is a permutation of the dictionary's lines, computed once by the
// generator (go generate ./nlp/segment) and embedded; a dictionary whose
// checksum differs from the one the table was made for (another gse
// version) is loaded in its own order, as gse would.
//
// The trie gives a word the first line that adds it; the table is sorted
// stably by the trie's key, so among lines of one key the file's first
// still comes first: the loaded dictionary is the same, only the tokens'
// ids differ.
package zhs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"sort"
	"strings"

	"github.com/go-ego/gse"
)

// Entry is one line of the dictionary as LoadDictStr reads it.
type Entry struct {
	Text string
	Freq float64
	Pos  string
}

// Lines splits the dictionary text at line breaks.
func Lines(text string) []string {
	return strings.Split(text, "\n")
}

// Parse reads one line as gse's LoadDictStr does (its separator, its
// frequency rule: seg.Size): ok is false for a line gse skips.
func Parse(seg *gse.Segmenter, line string) (Entry, bool) {
	sep := seg.DictSep + " "
	// strings.Split(line, sep): its size and first three fields
	size := strings.Count(line, sep) + 1
	f0, r, _ := strings.Cut(line, sep)
	f1, r, _ := strings.Cut(r, sep)
	f2, _, _ := strings.Cut(r, sep)
	e := Entry{Text: strings.TrimSpace(f0)}
	freqText := ""
	if size > 1 {
		freqText = strings.TrimSpace(f1)
	}
	e.Freq = seg.Size(size, e.Text, freqText)
	if e.Freq == 0.0 {
		return e, false
	}
	if size > 2 {
		e.Pos = strings.TrimSpace(strings.Trim(f2, "\n"))
	}
	return e, true
}

// Order returns the indices of the lines gse adds, sorted stably by the
// key the trie stores each word under (its words as gse splits them,
// lower-cased Latin runs included).
func Order(seg *gse.Segmenter, lines []string) []int32 {
	type keyed struct {
		key []byte
		i   int32
	}
	var ks []keyed
	for i, ln := range lines {
		e, ok := Parse(seg, ln)
		if !ok {
			continue
		}
		var key []byte
		for _, w := range seg.SplitTextToWords([]byte(e.Text)) {
			key = append(key, w...)
		}
		ks = append(ks, keyed{key, int32(i)})
	}
	sort.SliceStable(ks, func(a, b int) bool { return bytes.Compare(ks[a].key, ks[b].key) < 0 })
	out := make([]int32, len(ks))
	for j, k := range ks {
		out[j] = k.i
	}
	return out
}

// The table's layout: magic, the dictionary text's CRC-32C, its number of
// lines and the number of indices (uint32, little-endian each), then each
// index in three bytes, little-endian.
const magic = "kg-gse-order/1\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Checksum is the CRC-32C of the dictionary text.
func Checksum(text string) uint32 {
	return crc32.Checksum([]byte(text), castagnoli)
}

// Encode writes the table of the order for the text.
func Encode(text string, nLines int, order []int32) []byte {
	out := make([]byte, 0, len(magic)+12+3*len(order))
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint32(out, Checksum(text))
	out = binary.LittleEndian.AppendUint32(out, uint32(nLines))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(order)))
	for _, i := range order {
		out = append(out, byte(i), byte(i>>8), byte(i>>16))
	}
	return out
}

// ErrOtherText says the table was made for another dictionary text.
var ErrOtherText = errors.New("the order table was made for another gse dictionary")

// Decode reads the table for the text of nLines lines: the indices, or
// ErrOtherText (or another error for a damaged table).
func Decode(table []byte, text string, nLines int) ([]int32, error) {
	if len(table) < len(magic)+12 || string(table[:len(magic)]) != magic {
		return nil, errors.New("the order table is damaged")
	}
	h := table[len(magic):]
	sum, lines, n := binary.LittleEndian.Uint32(h), binary.LittleEndian.Uint32(h[4:]), binary.LittleEndian.Uint32(h[8:])
	body := h[12:]
	if int(lines) != nLines || sum != Checksum(text) {
		return nil, ErrOtherText
	}
	if len(body) != 3*int(n) {
		return nil, errors.New("the order table is damaged")
	}
	out := make([]int32, n)
	for j := range out {
		b := body[3*j:]
		i := int32(b[0]) | int32(b[1])<<8 | int32(b[2])<<16
		if int(i) >= nLines {
			return nil, errors.New("the order table is damaged")
		}
		out[j] = i
	}
	return out, nil
}
