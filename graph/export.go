package graph

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kg-cn/kg/schema"
)

// Export for neo4j-admin: the graph that the Loader would build from a
// stream of reports, written as CSV files for `neo4j-admin database import
// full`, for building a graph of millions of reports offline.
//
// The Exporter takes the same Items as LoadBatch and turns each into the
// same plan (rows.go): the same keys, properties, evidence and mentions.
// What one report writes alone — its Report node, its Evidence nodes and
// HAS_EVIDENCE and MENTIONS relationships — is streamed to a spill file as
// finished CSV rows. What many reports write together — entity nodes (one
// per key, the last report that gives a descriptive property setting it)
// and facts (one per fact key, with reports, evidence, first_seen,
// last_seen and HOLDS' tenure aggregated over all their evidence) — goes
// to external sorts (export_sort.go) by key and is folded key by key at
// the end. Memory is thus bounded by the sort buffers (ExportOptions.
// SortMemory) and by the largest single group (the evidence of the most
// reported fact); disk holds the spill files until Close.
//
// A report id seen more than once is treated as the loader treats it when
// the versions come in that order: a version with the same text (hash) as
// the one kept is ignored, one with another text replaces it. Only the
// kept version's report, evidence, mentions and facts are written; an
// entity exists when a kept version names it; its descriptive properties
// are folded over every version that would have been written, in input
// order (the loader's batches may order versions of one id differently
// from the input when they share a batch; this only matters for
// conflicting descriptive properties of one entity).

// ExportOptions configures an Exporter.
type ExportOptions struct {
	// OmitText leaves the raw text off the Report nodes (as Options.OmitText).
	OmitText bool
	// Database is the database the command imports into ("": neo4j).
	Database string
	// SortMemory bounds the bytes of records each of the three external
	// sorts holds in memory before spilling a sorted run (0: 8 MiB).
	SortMemory int
}

// ExportFile is one CSV file of an export.
type ExportFile struct {
	Path      string `json:"path"`
	Kind      string `json:"kind"` // "nodes" or "relationships"
	Label     string `json:"label"`
	Rows      int    `json:"rows"`
	Multiline bool   `json:"multiline"` // some field spans lines
}

// ExportSummary is what an export wrote.
type ExportSummary struct {
	Reports       int          `json:"reports"`       // Report nodes
	Ignored       int          `json:"ignored"`       // versions identical to the one kept
	Replaced      int          `json:"replaced"`      // versions replaced by a later one
	Nodes         int          `json:"nodes"`         // all nodes
	Relationships int          `json:"relationships"` // all relationships
	Files         []ExportFile `json:"files"`         // non-empty files, in import order
	Command       string       `json:"command"`       // the neo4j-admin command
	CommandFile   string       `json:"command_file"`  // the script that runs it
	SpillBytes    int64        `json:"spill_bytes"`   // temporary disk used (at least)
	Runs          int          `json:"sorted_runs"`   // sorted runs the external sorts spilled to disk
}

// Exporter writes CSV files for neo4j-admin. Add reports in order, then
// Close; Abort removes what an unfinished export wrote.
type Exporter struct {
	dir, tmp string
	opt      ExportOptions

	seq      int64
	reports  *sorter // id → versions: hash and properties
	entities *sorter // label|key → properties of each version
	facts    *sorter // fact key → each piece of evidence's contribution

	rows     *os.File // finished CSV rows of single reports, with their version
	rowsW    *bufio.Writer
	rowFiles []*csvFile // targets of the spilled rows, by index
	rowIndex map[string]int

	files map[string]*csvFile // all CSV files, by path
	order []*csvFile
}

// NewExporter starts an export into dir, which must be empty or not exist.
func NewExporter(dir string, opt ExportOptions) (*Exporter, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(abs); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("export: %s is not empty", dir)
	}
	if opt.SortMemory <= 0 {
		opt.SortMemory = 8 << 20
	}
	if opt.Database == "" {
		opt.Database = "neo4j"
	}
	e := &Exporter{dir: abs, tmp: filepath.Join(abs, ".spill"), opt: opt, rowIndex: map[string]int{}, files: map[string]*csvFile{}}
	for _, d := range []string{e.tmp, filepath.Join(abs, "nodes"), filepath.Join(abs, "relationships")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	e.reports = newSorter(e.tmp, "reports", opt.SortMemory)
	e.entities = newSorter(e.tmp, "entities", opt.SortMemory)
	e.facts = newSorter(e.tmp, "facts", opt.SortMemory)
	if e.rows, err = os.Create(filepath.Join(e.tmp, "rows.spill")); err != nil {
		return nil, err
	}
	e.rowsW = bufio.NewWriterSize(e.rows, 1<<16)
	return e, nil
}

// Abort removes the export's directory contents.
func (e *Exporter) Abort() {
	if e.rows != nil {
		e.rows.Close()
	}
	for _, f := range e.order {
		f.close()
	}
	os.RemoveAll(e.tmp)
	os.RemoveAll(filepath.Join(e.dir, "nodes"))
	os.RemoveAll(filepath.Join(e.dir, "relationships"))
}

// Add exports one report. An extraction that cannot be written
// (ErrInvalid) is returned as failed, with the reason; the error is for
// what stops the export (a full disk).
func (e *Exporter) Add(it Item) (ReportResult, error) {
	res := ReportResult{Status: StatusNew}
	if it.Extraction != nil {
		res.ID = it.Extraction.Report.ID
	}
	p, err := buildPlan(it.Extraction, it.Text, !e.opt.OmitText)
	if err != nil {
		res.Status, res.Err = StatusFailed, err
		return res, nil
	}
	res.ID, res.Warnings = p.id, p.allWarnings()
	e.seq++
	return res, e.addPlan(p, e.seq)
}

func (e *Exporter) addPlan(p *plan, seq int64) error {
	props, err := json.Marshal(p.props)
	if err != nil {
		return err
	}
	var b payload
	b.str(p.hash)
	b.bytes(props)
	if err := e.reports.add([]byte(p.id), seq, b); err != nil {
		return err
	}
	for _, k := range sortedKeys(p.entities) {
		ent := p.entities[k]
		entProps := ent.props
		if len(ent.names) > 0 {
			entProps = maps.Clone(ent.props)
			entProps["names"] = ent.names
		}
		props, err := json.Marshal(entProps)
		if err != nil {
			return err
		}
		if err := e.entities.add([]byte(string(ent.label)+keySep+ent.key), seq, props); err != nil {
			return err
		}
		m := p.mentions[k]
		mrow := []string{csvString(p.id), csvString(m.key), string(schema.Mentions), "", "", ""}
		if len(m.starts) > 0 {
			mrow[3], mrow[4], mrow[5] = csvLongs(m.starts), csvLongs(m.ends), csvStrings(m.texts)
		}
		if err := e.spillRow(seq, mentionsFile(ent.label), mrow); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(p.evidence) {
		ev := p.evidence[k]
		row, err := nodeRow(schema.Evidence, ev.props(p.id))
		if err != nil {
			return err
		}
		if err := e.spillRow(seq, nodesFile(schema.Evidence), row); err != nil {
			return err
		}
		if err := e.spillRow(seq, hasEvidenceFile, []string{csvString(p.id), csvString(ev.key), string(schema.HasEvidence)}); err != nil {
			return err
		}
		if ev.typ == schema.AttributeEvidence {
			continue // no relationship to aggregate
		}
		f := p.facts[ev.fact]
		var c payload
		c.str(p.id)
		c.str(string(f.typ))
		c.str(string(f.from))
		c.str(f.fromKey)
		c.str(string(f.to))
		c.str(f.toKey)
		c.str(f.honour)
		c.str(ev.reportDate)
		c.opt(ev.tenureStart)
		c.opt(ev.tenureEnd)
		if err := e.facts.add([]byte(ev.fact), seq, c); err != nil {
			return err
		}
	}
	return nil
}

// spillRow writes a finished CSV row of one report version to the rows
// spill file, tagged with the version and its target file.
func (e *Exporter) spillRow(seq int64, file string, fields []string) error {
	i, ok := e.rowIndex[file]
	if !ok {
		i = len(e.rowFiles)
		e.rowIndex[file] = i
		e.rowFiles = append(e.rowFiles, nil)
	}
	line := encodeRow(fields)
	var hdr [3 * binary.MaxVarintLen64]byte
	n := binary.PutVarint(hdr[:], seq)
	n += binary.PutUvarint(hdr[n:], uint64(i))
	n += binary.PutUvarint(hdr[n:], uint64(len(line)))
	if _, err := e.rowsW.Write(hdr[:n]); err != nil {
		return err
	}
	_, err := e.rowsW.Write(line)
	return err
}

// versions says what became of each report version.
type versions struct {
	ignored    map[int64]bool // identical to the version kept: never written
	superseded map[int64]bool // written, then replaced by a later version
}

func (v versions) final(seq int64) bool   { return !v.ignored[seq] && !v.superseded[seq] }
func (v versions) written(seq int64) bool { return !v.ignored[seq] }

// Close finishes the export: Report nodes, entities and facts are folded
// from their sorts, the spilled rows of kept versions are copied to their
// files, and the command file is written. The spill files are removed.
func (e *Exporter) Close() (*ExportSummary, error) {
	sum := &ExportSummary{}
	if err := e.rowsW.Flush(); err != nil {
		return nil, err
	}
	sum.SpillBytes = spillSize(e.tmp)
	v := versions{ignored: map[int64]bool{}, superseded: map[int64]bool{}}
	if err := e.writeReports(v, sum); err != nil {
		return nil, err
	}
	if err := e.writeEntities(v); err != nil {
		return nil, err
	}
	if err := e.writeFacts(v); err != nil {
		return nil, err
	}
	if err := e.copyRows(v); err != nil {
		return nil, err
	}
	if s := spillSize(e.tmp); s > sum.SpillBytes {
		sum.SpillBytes = s
	}
	sum.Runs = e.reports.spilled + e.entities.spilled + e.facts.spilled
	for _, f := range e.order {
		if err := f.close(); err != nil {
			return nil, err
		}
	}
	os.RemoveAll(e.tmp)
	// import order: nodes, then relationships, by name; empty files are left out
	sort.Slice(e.order, func(i, j int) bool {
		a, b := e.order[i], e.order[j]
		if a.kind != b.kind {
			return a.kind == "nodes"
		}
		return a.path < b.path
	})
	for _, f := range e.order {
		if f.rows == 0 {
			os.Remove(f.path)
			continue
		}
		sum.Files = append(sum.Files, ExportFile{Path: f.path, Kind: f.kind, Label: f.label, Rows: f.rows, Multiline: f.multiline})
		if f.kind == "nodes" {
			sum.Nodes += f.rows
		} else {
			sum.Relationships += f.rows
		}
	}
	sum.Command = importCommand(sum.Files, e.opt.Database, "")
	sum.CommandFile = filepath.Join(e.dir, "import.sh")
	if err := os.WriteFile(sum.CommandFile, []byte(importScript(sum.Files, e.opt.Database)), 0o755); err != nil {
		return nil, err
	}
	return sum, nil
}

func spillSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// writeReports picks the version kept of every report id (see Exporter)
// and writes its Report node.
func (e *Exporter) writeReports(v versions, sum *ExportSummary) error {
	f, err := e.file(schema.Report)
	if err != nil {
		return err
	}
	return e.reports.groups(func(id []byte, recs []*record) error {
		kept := recs[0]
		keptHash := firstString(kept.payload)
		for _, r := range recs[1:] {
			if h := firstString(r.payload); h != keptHash {
				v.superseded[kept.seq] = true
				sum.Replaced++
				kept, keptHash = r, h
			} else {
				v.ignored[r.seq] = true
				sum.Ignored++
			}
		}
		d := payloadReader{b: kept.payload}
		d.str()
		props, err := decodeProps(d.bytes())
		if err != nil {
			return err
		}
		row, err := nodeRow(schema.Report, props)
		if err != nil {
			return err
		}
		sum.Reports++
		return f.write(row)
	})
}

// writeEntities writes one node per entity that a kept version names, with
// the descriptive properties of every written version folded in order.
func (e *Exporter) writeEntities(v versions) error {
	return e.entities.groups(func(key []byte, recs []*record) error {
		label, _, _ := strings.Cut(string(key), keySep)
		props := map[string]any{}
		exists := false
		for _, r := range recs {
			if !v.written(r.seq) {
				continue
			}
			exists = exists || v.final(r.seq)
			m, err := decodeProps(r.payload)
			if err != nil {
				return err
			}
			for k, x := range m {
				if k == "names" { // a Post's names: all of them, as the loader collects them
					props[k] = unionNames(props[k], x)
					continue
				}
				props[k] = x
			}
		}
		if !exists {
			return nil
		}
		props["key"] = strings.TrimPrefix(string(key), label+keySep)
		row, err := nodeRow(schema.Label(label), props)
		if err != nil {
			return err
		}
		f, err := e.file(schema.Label(label))
		if err != nil {
			return err
		}
		return f.write(row)
	})
}

// unionNames merges two lists of names (JSON-decoded) into one, sorted.
func unionNames(a, b any) []string {
	var out []string
	for _, l := range []any{a, b} {
		switch xs := l.(type) {
		case []any:
			for _, x := range xs {
				if s, ok := x.(string); ok {
					out = append(out, s)
				}
			}
		case []string:
			out = append(out, xs...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// writeFacts aggregates every fact over the evidence of the kept versions,
// as the loader's recomputation does.
func (e *Exporter) writeFacts(v versions) error {
	return e.facts.groups(func(key []byte, recs []*record) error {
		var a *factAggregate
		for _, r := range recs {
			if !v.final(r.seq) {
				continue
			}
			d := payloadReader{b: r.payload}
			report := d.str()
			if a == nil {
				a = &factAggregate{factRow: &factRow{fact: string(key)}}
				a.typ, a.from, a.fromKey = schema.RelType(d.str()), schema.Label(d.str()), d.str()
				a.to, a.toKey, a.honour = schema.Label(d.str()), d.str(), d.str()
			} else {
				for i := 0; i < 6; i++ {
					d.str()
				}
			}
			ev := &evidenceRow{reportDate: d.str(), tenureStart: d.opt(), tenureEnd: d.opt()}
			if d.err != nil {
				return d.err
			}
			a.add(report, ev)
		}
		if a == nil {
			return nil // supported by replaced versions only
		}
		row := []string{csvString(a.fromKey), csvString(a.toKey), string(a.typ),
			csvString(a.fact), strconv.FormatInt(a.reports, 10), strconv.FormatInt(a.n, 10), csvOpt(a.first), csvOpt(a.last)}
		if a.typ == schema.Holds {
			acting, executive := holdsQualifiers(a.honour)
			row = append(row, csvOpt(a.start), csvOpt(a.end), strconv.FormatBool(a.appointed), strconv.FormatBool(a.removed),
				strconv.FormatBool(acting), strconv.FormatBool(executive))
		}
		if a.typ == schema.Commended {
			row = append(row, csvOpt(a.honour))
		}
		f, err := e.relFile(a.typ, a.from, a.to)
		if err != nil {
			return err
		}
		return f.write(row)
	})
}

// copyRows copies the spilled rows of kept versions to their files.
func (e *Exporter) copyRows(v versions) error {
	if _, err := e.rows.Seek(0, io.SeekStart); err != nil {
		return err
	}
	for name, i := range e.rowIndex {
		f, err := e.fileNamed(name)
		if err != nil {
			return err
		}
		e.rowFiles[i] = f
	}
	r := bufio.NewReaderSize(e.rows, 1<<16)
	var buf []byte
	for {
		seq, err := binary.ReadVarint(r)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		i, err := binary.ReadUvarint(r)
		if err != nil {
			return unexpected(err)
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return unexpected(err)
		}
		if cap(buf) < int(n) {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return unexpected(err)
		}
		if !v.final(seq) {
			continue
		}
		if err := e.rowFiles[i].writeLine(buf); err != nil {
			return err
		}
	}
	err := e.rows.Close()
	e.rows = nil
	return err
}

// CSV files.

// The array delimiter: a control character that no text of a report
// keeps (the normaliser drops control characters), so that array elements
// never need escaping.
const (
	arrayDelimiter     = "\x1f"
	arrayDelimiterFlag = "U+001F"
)

type column struct {
	name, typ string // typ: "" (string), "long", "boolean", "long[]", "string[]"
}

// nodeColumns are the property columns of each label after its id column
// (the key, or Report's id) and :LABEL. Every property the plans write is
// here (TestExportColumnsCoverThePlans).
var nodeColumns = map[schema.Label][]column{
	schema.Report:       {{"hash", ""}, {"source", ""}, {"title", ""}, {"date", ""}, {"date_from", ""}, {"jurisdiction", ""}, {"chars", "long"}, {"text", ""}},
	schema.Person:       {{"name", ""}, {"context", ""}},
	schema.Post:         {{"name", ""}, {"title", ""}, {"organ", ""}, {"place", ""}, {"place_code", ""}, {"names", "string[]"}},
	schema.Organization: {{"name", ""}},
	schema.Place:        {{"name", ""}, {"parent", ""}, {"level", ""}},
	schema.Event:        {{"name", ""}, {"date", ""}, {"kind", ""}, {"venue", ""}, {"context", ""}},
	schema.Evidence: {{"report", ""}, {"fact", ""}, {"type", ""}, {"start", "long"}, {"end", "long"}, {"text", ""},
		{"report_date", ""}, {"tenure_start", ""}, {"tenure_end", ""}, {"honour", ""}, {"derived", "boolean"},
		{"person", ""}, {"kind", ""}, {"value", ""}},
}

func idProperty(l schema.Label) string {
	if l == schema.Report {
		return schema.ReportKey
	}
	return schema.EntityKey
}

func nodesFile(l schema.Label) string { return filepath.Join("nodes", string(l)+".csv") }

func relFileName(t schema.RelType, from, to schema.Label) string {
	return filepath.Join("relationships", fmt.Sprintf("%s.%s-%s.csv", t, from, to))
}

func mentionsFile(l schema.Label) string { return relFileName(schema.Mentions, schema.Report, l) }

var hasEvidenceFile = relFileName(schema.HasEvidence, schema.Report, schema.Evidence)

// header returns the CSV header of a file (by its name relative to the
// export directory).
func header(name string) ([]string, string, string, error) {
	dir, base := filepath.Split(name)
	base = strings.TrimSuffix(base, ".csv")
	if filepath.Clean(dir) == "nodes" {
		l := schema.Label(base)
		cols, ok := nodeColumns[l]
		if !ok {
			return nil, "", "", fmt.Errorf("export: no columns for label %s", l)
		}
		h := []string{fmt.Sprintf("%s:ID(%s)", idProperty(l), l), ":LABEL"}
		for _, c := range cols {
			h = append(h, typed(c))
		}
		return h, "nodes", string(l), nil
	}
	typ, ends, _ := strings.Cut(base, ".")
	from, to, _ := strings.Cut(ends, "-")
	h := []string{fmt.Sprintf(":START_ID(%s)", from), fmt.Sprintf(":END_ID(%s)", to), ":TYPE"}
	switch t := schema.RelType(typ); {
	case t == schema.Mentions:
		h = append(h, "starts:long[]", "ends:long[]", "texts:string[]")
	case t == schema.HasEvidence:
	default:
		h = append(h, schema.FactKey, "reports:long", "evidence:long", "first_seen", "last_seen")
		if t == schema.Holds {
			h = append(h, "start", "end", "appointed:boolean", "removed:boolean", "acting:boolean", "executive:boolean")
		}
		if t == schema.Commended {
			h = append(h, "honour")
		}
	}
	return h, "relationships", typ, nil
}

func typed(c column) string {
	if c.typ == "" {
		return c.name
	}
	return c.name + ":" + c.typ
}

// nodeRow is the CSV row of a node from its properties.
func nodeRow(l schema.Label, props map[string]any) ([]string, error) {
	cols := nodeColumns[l]
	id, ok := props[idProperty(l)].(string)
	if !ok {
		return nil, fmt.Errorf("export: %s node without %s", l, idProperty(l))
	}
	row := make([]string, 0, len(cols)+2)
	row = append(row, csvString(id), string(l))
	known := 1
	for _, c := range cols {
		v, ok := props[c.name]
		if !ok {
			row = append(row, "")
			continue
		}
		known++
		s, err := csvValue(v, c.typ)
		if err != nil {
			return nil, fmt.Errorf("export: %s.%s: %w", l, c.name, err)
		}
		row = append(row, s)
	}
	if known != len(props) {
		for k := range props {
			if k == idProperty(l) {
				continue
			}
			found := false
			for _, c := range cols {
				found = found || c.name == k
			}
			if !found {
				return nil, fmt.Errorf("export: property %s of %s has no column", k, l)
			}
		}
	}
	return row, nil
}

// csvValue encodes a property value for a column of type typ.
func csvValue(v any, typ string) (string, error) {
	switch typ {
	case "":
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("%v is not a string", v)
		}
		return csvString(s), nil
	case "long":
		switch x := v.(type) {
		case int64:
			return strconv.FormatInt(x, 10), nil
		case int:
			return strconv.Itoa(x), nil
		case json.Number:
			if _, err := x.Int64(); err != nil {
				return "", err
			}
			return x.String(), nil
		}
	case "boolean":
		if b, ok := v.(bool); ok {
			return strconv.FormatBool(b), nil
		}
	case "string[]":
		if ss, ok := v.([]string); ok {
			return csvStrings(ss), nil
		}
	}
	return "", fmt.Errorf("%v (%T) is not a %s", v, v, typ)
}

// csvString quotes a string: an empty string is "" (a property with an
// empty value), whereas an empty field is no property at all.
func csvString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func csvOpt(s string) string {
	if s == "" {
		return ""
	}
	return csvString(s)
}

func csvStrings(xs []string) string { return csvString(strings.Join(xs, arrayDelimiter)) }

func csvLongs(xs []int64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(parts, arrayDelimiter)
}

func encodeRow(fields []string) []byte {
	return []byte(strings.Join(fields, ","))
}

type csvFile struct {
	path, kind, label string
	f                 *os.File
	w                 *bufio.Writer
	rows              int
	multiline         bool
}

func (e *Exporter) file(l schema.Label) (*csvFile, error) {
	return e.fileNamed(nodesFile(l))
}

func (e *Exporter) relFile(t schema.RelType, from, to schema.Label) (*csvFile, error) {
	return e.fileNamed(relFileName(t, from, to))
}

// fileNamed opens (once) the CSV file of the name relative to the export
// directory and writes its header.
func (e *Exporter) fileNamed(name string) (*csvFile, error) {
	path := filepath.Join(e.dir, name)
	if f := e.files[path]; f != nil {
		return f, nil
	}
	h, kind, label, err := header(name)
	if err != nil {
		return nil, err
	}
	fh, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	f := &csvFile{path: path, kind: kind, label: label, f: fh, w: bufio.NewWriterSize(fh, 1<<16)}
	if _, err := f.w.WriteString(strings.Join(h, ",") + "\n"); err != nil {
		return nil, err
	}
	e.files[path] = f
	e.order = append(e.order, f)
	return f, nil
}

func (f *csvFile) write(fields []string) error { return f.writeLine(encodeRow(fields)) }

func (f *csvFile) writeLine(line []byte) error {
	if !f.multiline && bytes.ContainsAny(line, "\r\n") {
		f.multiline = true
	}
	f.rows++
	if _, err := f.w.Write(line); err != nil {
		return err
	}
	return f.w.WriteByte('\n')
}

func (f *csvFile) close() error {
	if f.f == nil {
		return nil
	}
	err := f.w.Flush()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	f.f = nil
	return err
}

// The import command.

// importArgs are the arguments of neo4j-admin for the files; the tool's
// report (bad entries, if any) goes to import.report beside them.
func importArgs(files []ExportFile, database string) []string {
	args := []string{"database", "import", "full", "--array-delimiter=" + arrayDelimiterFlag}
	if len(files) > 0 {
		args = append(args, "--report-file="+filepath.Join(filepath.Dir(filepath.Dir(files[0].Path)), "import.report"))
	}
	// Report texts (and any text with a line break) span lines. The v2
	// reader, which takes the list of such files, misreads large ones
	// ("found CR outside a text cell" at a buffer boundary, Neo4j 5.26):
	// the v1 reader, for all files, is slower but right.
	for _, f := range files {
		if f.Multiline {
			args = append(args, "--multiline-fields=true")
			break
		}
	}
	for _, f := range files {
		args = append(args, fmt.Sprintf("--%s=%s", f.Kind, f.Path))
	}
	return append(args, database)
}

// ImportArgs returns the arguments of `neo4j-admin` that import the files
// of an export into database, for running the tool directly; extra
// options go before the database name.
func (s *ExportSummary) ImportArgs(database string, extra ...string) []string {
	args := importArgs(s.Files, database)
	return append(append(args[:len(args)-1:len(args)-1], extra...), args[len(args)-1])
}

// importCommand is the command line, quoted for a POSIX shell.
func importCommand(files []ExportFile, database, tool string) string {
	if tool == "" {
		tool = "neo4j-admin"
	}
	args := importArgs(files, database)
	parts := []string{tool + " " + strings.Join(args[:3], " ")} // database import full
	for _, a := range args[3:] {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " \\\n  ")
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_=./:,+@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func importScript(files []ExportFile, database string) string {
	cmd := importCommand(files, database, `"${NEO4J_ADMIN:-neo4j-admin}"`)
	// extra options ("$@") go before the database name
	i := strings.LastIndex(cmd, " \\\n  ")
	cmd = cmd[:i] + ` \` + "\n  \"$@\"" + cmd[i:]
	return `#!/bin/sh
# Written by kg export: builds database ` + database + ` from the CSV files beside
# this script with neo4j-admin database import full.
#
# Run it where the Neo4j server's files are, with the server stopped (or the
# database offline). The database must be empty or not exist; pass
# --overwrite-destination=true to replace it. NEO4J_ADMIN names the tool
# (default: neo4j-admin on the PATH); other arguments are passed to it.
# Then start the server and create kg's constraints and indexes:
#   kg schema apply
set -e
` + cmd + "\n"
}

// Encoding of sorter payloads: length-prefixed strings.

type payload []byte

func (p *payload) str(s string) {
	*p = binary.AppendUvarint(*p, uint64(len(s)))
	*p = append(*p, s...)
}

func (p *payload) bytes(b []byte) { p.str(string(b)) }

func (p *payload) opt(s *string) {
	if s == nil {
		*p = append(*p, 0)
		return
	}
	*p = append(*p, 1)
	p.str(*s)
}

type payloadReader struct {
	b   []byte
	err error
}

func (d *payloadReader) raw() []byte {
	n, k := binary.Uvarint(d.b)
	if k <= 0 || uint64(len(d.b)-k) < n {
		d.err = errors.New("export: corrupt spill record")
		d.b = nil
		return nil
	}
	s := d.b[k : k+int(n)]
	d.b = d.b[k+int(n):]
	return s
}

func firstString(b []byte) string {
	d := payloadReader{b: b}
	return d.str()
}

func (d *payloadReader) str() string   { return string(d.raw()) }
func (d *payloadReader) bytes() []byte { return d.raw() }
func (d *payloadReader) opt() *string {
	if len(d.b) == 0 {
		d.err = errors.New("export: corrupt spill record")
		return nil
	}
	flag := d.b[0]
	d.b = d.b[1:]
	if flag == 0 {
		return nil
	}
	s := d.str()
	return &s
}

func decodeProps(b []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("export: corrupt spill record: %w", err)
	}
	return m, nil
}
