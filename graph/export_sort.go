package graph

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// An external sort of records (key, seq, payload) by key, then seq: the
// exporter's way to bring together what many reports say of one entity or
// fact without holding them all in memory. Records are buffered up to a
// byte budget, sorted and spilled to a run file; iterating merges the runs
// (in passes of at most maxFanIn runs, so that memory stays bounded however
// many there are).

// record is one entry of a sorter.
type record struct {
	key     []byte
	seq     int64
	payload []byte
}

func compareRecords(a, b *record) int {
	if c := bytes.Compare(a.key, b.key); c != 0 {
		return c
	}
	switch {
	case a.seq < b.seq:
		return -1
	case a.seq > b.seq:
		return 1
	}
	return 0
}

// maxFanIn is the most runs merged at once.
const maxFanIn = 64

type sorter struct {
	dir    string // run files go here
	name   string
	budget int // bytes buffered before a run is spilled

	buf     []record
	bytes   int
	runs    []string
	seq     int // run file counter
	spilled int // runs spilled from the buffer
	count   int64
}

func newSorter(dir, name string, budget int) *sorter {
	return &sorter{dir: dir, name: name, budget: budget}
}

// add buffers a record (key and payload are copied).
func (s *sorter) add(key []byte, seq int64, payload []byte) error {
	r := record{key: append([]byte(nil), key...), seq: seq, payload: append([]byte(nil), payload...)}
	s.buf = append(s.buf, r)
	s.bytes += len(r.key) + len(r.payload) + 64
	s.count++
	if s.bytes >= s.budget {
		return s.spill()
	}
	return nil
}

// spill sorts the buffer and writes it as a run.
func (s *sorter) spill() error {
	if len(s.buf) == 0 {
		return nil
	}
	slices.SortStableFunc(s.buf, func(a, b record) int { return compareRecords(&a, &b) })
	path, err := s.writeRun(func(w *bufio.Writer) error {
		for i := range s.buf {
			if err := writeRecord(w, &s.buf[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.runs = append(s.runs, path)
	s.spilled++
	clear(s.buf)
	s.buf, s.bytes = s.buf[:0], 0
	return nil
}

func (s *sorter) writeRun(fill func(*bufio.Writer) error) (string, error) {
	s.seq++
	path := filepath.Join(s.dir, fmt.Sprintf("%s.%05d.run", s.name, s.seq))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	if err := fill(w); err != nil {
		f.Close()
		return "", err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

func writeRecord(w *bufio.Writer, r *record) error {
	var b [3 * binary.MaxVarintLen64]byte
	n := binary.PutUvarint(b[:], uint64(len(r.key)))
	n += binary.PutVarint(b[n:], r.seq)
	n += binary.PutUvarint(b[n:], uint64(len(r.payload)))
	if _, err := w.Write(b[:n]); err != nil {
		return err
	}
	if _, err := w.Write(r.key); err != nil {
		return err
	}
	_, err := w.Write(r.payload)
	return err
}

// runReader reads the records of one run file in order.
type runReader struct {
	f   *os.File
	r   *bufio.Reader
	cur record
}

func openRun(path string) (*runReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &runReader{f: f, r: bufio.NewReaderSize(f, 1<<15)}, nil
}

// next reads the next record; io.EOF at the end.
func (rr *runReader) next() error {
	klen, err := binary.ReadUvarint(rr.r)
	if err != nil {
		return err // io.EOF between records
	}
	seq, err := binary.ReadVarint(rr.r)
	if err != nil {
		return unexpected(err)
	}
	plen, err := binary.ReadUvarint(rr.r)
	if err != nil {
		return unexpected(err)
	}
	buf := make([]byte, klen+plen)
	if _, err := io.ReadFull(rr.r, buf); err != nil {
		return unexpected(err)
	}
	rr.cur = record{key: buf[:klen:klen], seq: seq, payload: buf[klen:]}
	return nil
}

func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// mergeHeap orders run readers by their current record.
type mergeHeap []*runReader

func (h mergeHeap) Len() int           { return len(h) }
func (h mergeHeap) Less(i, j int) bool { return compareRecords(&h[i].cur, &h[j].cur) < 0 }
func (h mergeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// merge calls fn with the records of the runs in order.
func merge(paths []string, fn func(*record) error) (err error) {
	var h mergeHeap
	defer func() {
		for _, rr := range h {
			rr.f.Close()
		}
	}()
	for _, p := range paths {
		rr, err := openRun(p)
		if err != nil {
			return err
		}
		switch err := rr.next(); {
		case err == io.EOF:
			rr.f.Close()
			continue
		case err != nil:
			rr.f.Close()
			return err
		}
		h = append(h, rr)
	}
	heap.Init(&h)
	for len(h) > 0 {
		rr := h[0]
		if err := fn(&rr.cur); err != nil {
			return err
		}
		switch err := rr.next(); {
		case err == io.EOF:
			rr.f.Close()
			heap.Pop(&h)
		case err != nil:
			return err
		default:
			heap.Fix(&h, 0)
		}
	}
	return nil
}

// each calls fn with every record, sorted by key and seq. The sorter is
// spent afterwards (its runs are removed).
func (s *sorter) each(fn func(*record) error) error {
	if len(s.runs) == 0 {
		// everything fits in memory
		slices.SortStableFunc(s.buf, func(a, b record) int { return compareRecords(&a, &b) })
		for i := range s.buf {
			if err := fn(&s.buf[i]); err != nil {
				return err
			}
		}
		s.buf = nil
		return nil
	}
	if err := s.spill(); err != nil {
		return err
	}
	s.buf = nil
	// merge in passes until few enough runs are left
	for len(s.runs) > maxFanIn {
		var next []string
		for i := 0; i < len(s.runs); i += maxFanIn {
			group := s.runs[i:min(i+maxFanIn, len(s.runs))]
			path, err := s.writeRun(func(w *bufio.Writer) error {
				return merge(group, func(r *record) error { return writeRecord(w, r) })
			})
			if err != nil {
				return err
			}
			for _, p := range group {
				os.Remove(p)
			}
			next = append(next, path)
		}
		s.runs = next
	}
	err := merge(s.runs, fn)
	s.remove()
	return err
}

// groups calls fn with the records of each key, in order.
func (s *sorter) groups(fn func(key []byte, recs []*record) error) error {
	var key []byte
	var group []*record
	flush := func() error {
		if len(group) == 0 {
			return nil
		}
		err := fn(key, group)
		group = group[:0]
		return err
	}
	err := s.each(func(r *record) error {
		if len(group) > 0 && !bytes.Equal(r.key, key) {
			if err := flush(); err != nil {
				return err
			}
		}
		if len(group) == 0 {
			key = append(key[:0], r.key...)
		}
		c := *r
		c.key = nil
		c.payload = append([]byte(nil), r.payload...)
		group = append(group, &c)
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// remove deletes the run files.
func (s *sorter) remove() {
	for _, p := range s.runs {
		os.Remove(p)
	}
	s.runs = nil
}
