package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs  int    // passes over the training sentences (default 15)
	Seed    uint64 // shuffling seed (default 1998)
	Bits    int    // log2 of the weight rows, or of lines of 7 rows in a blocked table (default DefaultBits)
	MaxRows int    // rows kept after pruning (default 1,200,000)
	// Features names the feature set (default FeatureSet; see
	// FeatureSetMask).
	Features string
	// Weights is the bits per stored weight: 8 or 16 (default
	// DefaultWeights).
	Weights int
	Log     io.Writer
	// Extra are corpora read elsewhere (ReadGoldReports), trained on and
	// held out like the others, with the digests of what they were read
	// from.
	Extra []ExtraCorpus
}

// ExtraCorpus is a corpus of TrainOptions.Extra and the SHA-256 of its
// sources.
type ExtraCorpus struct {
	Corpus
	SHA256 string
}

// Defaults of TrainOptions: with FeatureSet (a blocked table) 2^16 lines of
// 7 rows of int8, 4 MB, in which the unigram and bigram rows a character
// reads mostly share lines with its neighbours': tagging is about 2.5 times
// as fast as 2^21 rows of int16 with all 18 templates (v1), for 0.007 less
// F1 on the held-out sentences (nlp/ner/data/MODEL.md, VARIANTS.md).
const (
	DefaultBits    = 16
	DefaultWeights = 8
)

// HeldOut reports whether sentence i of a corpus is held out (every 10th).
func HeldOut(i int) bool { return i%10 == 9 }

type trainSent struct {
	rows    []uint32 // n×nFeat row indexes
	gold    []uint8
	perOnly bool // gold holds only the PER tags (Sentence.PEROnly)
}

// Train trains a model on the corpora under dir, holding out every 10th
// sentence of each, and returns it with the held-out evaluation.
func Train(dir string, opt TrainOptions) (*Model, *Evaluation, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Seed == 0 {
		opt.Seed = 1998
	}
	if opt.Bits == 0 {
		opt.Bits = DefaultBits
	}
	if opt.MaxRows == 0 {
		opt.MaxRows = 1_200_000
	}
	if opt.Features == "" {
		opt.Features = FeatureSet
	}
	tpl, ok := FeatureSetMask(opt.Features)
	if !ok {
		return nil, nil, fmt.Errorf("ner: unknown feature set %q", opt.Features)
	}
	if opt.Weights == 0 {
		opt.Weights = DefaultWeights
	}
	if opt.Bits < 8 || opt.Bits > 26 {
		return nil, nil, fmt.Errorf("ner: table of 2^%d rows: want 2^8 to 2^26", opt.Bits)
	}
	if opt.Weights != 8 && opt.Weights != 16 {
		return nil, nil, fmt.Errorf("ner: %d-bit weights: want 8 or 16", opt.Weights)
	}
	nf := bits.OnesCount32(tpl)
	logw := opt.Log
	if logw == nil {
		logw = io.Discard
	}
	lx, err := loadLex()
	if err != nil {
		return nil, nil, err
	}
	t0 := time.Now()
	corpora, err := LoadCorpora(dir)
	if err != nil {
		return nil, nil, err
	}
	var infos []CorpusInfo
	for _, c := range corpora {
		sum, err := fileSHA256(filepath.Join(dir, c.File))
		if err != nil {
			return nil, nil, err
		}
		infos = append(infos, CorpusInfo{Name: c.Name, File: c.File, SHA256: sum})
	}
	for _, x := range opt.Extra {
		corpora = append(corpora, x.Corpus)
		infos = append(infos, CorpusInfo{Name: x.Name, File: x.File, SHA256: x.SHA256})
	}
	blocked := blockedSets[opt.Features]
	if blocked && opt.Weights != 8 {
		return nil, nil, fmt.Errorf("ner: feature set %q wants 8-bit weights", opt.Features)
	}
	geo := geometry{shift: uint(64 - opt.Bits), blocked: blocked}
	var train []trainSent
	var sc sentence
	var f [nFeat]uint64
	chars := 0
	for ci, c := range corpora {
		for i, s := range c.Sentences {
			if HeldOut(i) {
				infos[ci].HeldOut++
				continue
			}
			if len(s.Text) == 0 {
				continue
			}
			infos[ci].Sentences++
			sc.prepare(s.Text, lx)
			ts := trainSent{rows: make([]uint32, len(s.Text)*nf), gold: s.Tags, perOnly: s.PEROnly}
			for k := range s.Text {
				sc.features(k, tpl, blocked, &f)
				for j, h := range f[:nf] {
					ts.rows[k*nf+j] = uint32(geo.rowNum(h))
				}
			}
			chars += len(s.Text)
			train = append(train, ts)
		}
		fmt.Fprintf(logw, "corpus %-8s %6d sentences (%d held out)\n", c.Name, infos[ci].Sentences, infos[ci].HeldOut)
	}
	fmt.Fprintf(logw, "features of %d sentences, %d characters ready in %.1fs\n", len(train), chars, time.Since(t0).Seconds())

	nrows := geo.nrows(opt.Bits)
	w := make([]float32, nrows*nTags)
	u := make([]float64, nrows*nTags) // sum of c·Δw, for averaging
	var tw [nTags + 1][nTags]float32
	var tu [nTags + 1][nTags]float64
	c := 1.0
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var em []float32
	var back, pred, gpath []uint8
	for ep := 1; ep <= opt.Epochs; ep++ {
		te := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, si := range order {
			ts := &train[si]
			n := len(ts.gold)
			em = grow(em, n*nTags)
			for k := 0; k < n; k++ {
				var e [nTags]float32
				for _, r := range ts.rows[k*nf : (k+1)*nf] {
					row := w[int(r)*nTags:][:nTags]
					for j := range e {
						e[j] += row[j]
					}
				}
				copy(em[k*nTags:], e[:])
			}
			back = grow(back, n*nTags)
			pred = grow(pred, n)
			viterbi(em, &tw, n, back, pred)
			toks += n
			gold := ts.gold
			if ts.perOnly {
				gpath = grow(gpath, n)
				goldPath(em, &tw, ts.gold, back, gpath)
				gold = gpath
			}
			if !slices.Equal(pred, gold) {
				prevG, prevP := nTags, nTags
				for k := 0; k < n; k++ {
					g, p := int(gold[k]), int(pred[k])
					if g != p {
						errs++
						for _, r := range ts.rows[k*nf : (k+1)*nf] {
							w[int(r)*nTags+g]++
							u[int(r)*nTags+g] += c
							w[int(r)*nTags+p]--
							u[int(r)*nTags+p] -= c
						}
					}
					if g != p || prevG != prevP {
						tw[prevG][g]++
						tu[prevG][g] += c
						tw[prevP][p]--
						tu[prevP][p] -= c
					}
					prevG, prevP = g, p
				}
			}
			c++
		}
		fmt.Fprintf(logw, "epoch %d/%d: %d sentences, token error rate %.4f, %.1fs\n", ep, opt.Epochs, len(train), float64(errs)/float64(toks), time.Since(te).Seconds())
	}
	// averaged weights: w - u/c
	avg := make([]float32, len(w))
	for i := range w {
		avg[i] = float32(float64(w[i]) - u[i]/c)
	}
	w, u = nil, nil
	var tavg [nTags + 1][nTags]float32
	for i := range tw {
		for j := range tw[i] {
			tavg[i][j] = float32(float64(tw[i][j]) - tu[i][j]/c)
		}
	}
	m := quantise(avg, tavg, tpl, blocked, opt)
	m.Header.Epochs = opt.Epochs
	m.Header.Seed = opt.Seed
	m.Header.Corpora = infos
	m.Header.Created = time.Now().UTC().Format(time.RFC3339)
	m.Header.Model = fmt.Sprintf("kg-ner-ap1-%s-e%d", time.Now().UTC().Format("20060102"), opt.Epochs)
	fmt.Fprintf(logw, "kept %d of %d rows (scale %.2f); trained in %.1fs\n", m.Header.Rows, nrows, m.Header.Scale, time.Since(t0).Seconds())
	tg, err := NewTagger(m)
	if err != nil {
		return nil, nil, err
	}
	ev := Evaluate(tg, corpora)
	return m, ev, nil
}

// quantise prunes the rows of smallest weight down to opt.MaxRows and stores
// the rest as int16 or int8 (opt.Weights), with one scale for the model.
func quantise(avg []float32, tavg [nTags + 1][nTags]float32, tpl uint32, blocked bool, opt TrainOptions) *Model {
	nrows := len(avg) / nTags
	rowMax := make([]float32, nrows)
	var top float32
	for r := 0; r < nrows; r++ {
		var mx float32
		for _, v := range avg[r*nTags : (r+1)*nTags] {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		rowMax[r] = mx
		top = max(top, mx)
	}
	qmax := float32(32000)
	if opt.Weights == 8 {
		qmax = 127
	}
	scale := qmax / max(top, 1e-6)
	// threshold: at most MaxRows rows, and none that quantise to all zero
	thr := float32(0.5) / scale
	sorted := slices.Clone(rowMax)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] > sorted[j] })
	if opt.MaxRows < len(sorted) && sorted[opt.MaxRows] > thr {
		thr = sorted[opt.MaxRows]
	}
	m := &Model{}
	m.init(opt.Bits, tpl, blocked, false)
	m.Header.Format = FormatVersion
	m.Header.FeatureSet = opt.Features
	m.Header.Scale = scale
	kept := 0
	for r := 0; r < nrows; r++ {
		if rowMax[r] <= thr {
			continue
		}
		nz := false
		for j := 0; j < nTags; j++ {
			q := int16(math.Round(float64(avg[r*nTags+j] * scale)))
			m.w[r*nTags+j] = q
			nz = nz || q != 0
		}
		if nz {
			kept++
		}
	}
	for i := range tavg {
		for j := range tavg[i] {
			m.trans[i][j] = int32(math.Round(float64(tavg[i][j] * scale)))
		}
	}
	m.Header.Rows = kept
	if opt.Weights == 8 {
		m.pack8()
	}
	return m
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// PRF counts exact-match spans.
type PRF struct{ Gold, Pred, Correct int }

func (p PRF) P() float64  { return ratio(p.Correct, p.Pred) }
func (p PRF) R() float64  { return ratio(p.Correct, p.Gold) }
func (p PRF) F1() float64 { return float64(2*p.Correct) / nz(p.Gold+p.Pred) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
func nz(n int) float64 {
	if n == 0 {
		return math.Inf(1)
	}
	return float64(n)
}

// Evaluation holds held-out counts per corpus and label ("ALL" for micro
// over labels; corpus "ALL" over corpora).
type Evaluation struct {
	Corpora []string
	Counts  map[string]map[string]*PRF
}

// Evaluate tags the held-out sentences of each corpus and counts exact span
// matches per label.
func Evaluate(t *Tagger, corpora []Corpus) *Evaluation {
	ev := &Evaluation{Counts: map[string]map[string]*PRF{}}
	get := func(c, l string) *PRF {
		if ev.Counts[c] == nil {
			ev.Counts[c] = map[string]*PRF{}
		}
		if ev.Counts[c][l] == nil {
			ev.Counts[c][l] = &PRF{}
		}
		return ev.Counts[c][l]
	}
	for _, c := range corpora {
		ev.Corpora = append(ev.Corpora, c.Name)
		for i := range c.Sentences {
			if !HeldOut(i) {
				continue
			}
			s := &c.Sentences[i]
			gold := s.Spans()
			pred := t.Tag(s.Text)
			scopes := []string{c.Name, "ALL"}
			if c.PEROnly {
				// only persons are annotated: PER alone, and not in ALL
				scopes = scopes[:1]
				pred = slices.DeleteFunc(pred, func(p Span) bool { return p.Label != "PER" })
			}
			type key struct {
				s, e int
				l    string
			}
			gs := map[key]bool{}
			for _, g := range gold {
				gs[key{g.Start, g.End, g.Label}] = true
				for _, cc := range scopes {
					get(cc, g.Label).Gold++
					get(cc, "ALL").Gold++
				}
			}
			for _, p := range pred {
				ok := gs[key{p.Start, p.End, p.Label}]
				for _, cc := range scopes {
					get(cc, p.Label).Pred++
					get(cc, "ALL").Pred++
					if ok {
						get(cc, p.Label).Correct++
						get(cc, "ALL").Correct++
					}
				}
			}
		}
	}
	ev.Corpora = append(ev.Corpora, "ALL")
	return ev
}

// Table is the evaluation as a Markdown table.
func (ev *Evaluation) Table() string {
	var b strings.Builder
	b.WriteString("| corpus | label | gold | pred | P | R | F1 |\n|---|---|---:|---:|---:|---:|---:|\n")
	for _, c := range ev.Corpora {
		for _, l := range append(labels[:], "ALL") {
			p := ev.Counts[c][l]
			if p == nil || p.Gold == 0 && p.Pred == 0 {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %.3f | %.3f | %.3f |\n", c, l, p.Gold, p.Pred, p.P(), p.R(), p.F1())
		}
	}
	return b.String()
}
