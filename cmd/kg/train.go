package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-cn/kg/eval"
	"github.com/kg-cn/kg/nlp/ner"
)

func trainCommand() *cli.Command {
	return &cli.Command{
		Name:  "train",
		Usage: "train the recogniser of persons, titles, organisations and places (nlp/ner)",
		Description: `Reads the annotated corpora in --corpora (pd1998, msra, cluener, resume,
weibo; see their READMEs), holds out every 10th sentence of each, trains an
averaged structured perceptron over characters with a fixed shuffling seed,
prints the held-out precision, recall and F1 per corpus and label, and
writes the weights (--out) and MODEL.md beside them. Rebuild kg afterwards:
the weights are embedded in the binary.

--gold DIR adds the persons of annotated reports (../shared/eval/dev: <id>.txt
and <id>.json) as a corpus of its own, "dev-gold", in which only persons are
annotated: the trainer leaves the other characters' tags free among the
labels that are no person's. The project's held-out reports
(eval/dev-split.txt) are never read, and every 10th sentence of the others
is held out like the corpora's.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "corpora", Value: "../shared/train", Usage: "folder of the training corpora"},
			&cli.IntFlag{Name: "epochs", Value: 15, Usage: "passes over the training sentences"},
			&cli.Uint64Flag{Name: "seed", Value: 1998, Usage: "shuffling seed"},
			&cli.IntFlag{Name: "max-rows", Value: 1200000, Usage: "weight rows kept after pruning"},
			&cli.IntFlag{Name: "bits", Value: ner.DefaultBits, Usage: "log2 of the hashed weight rows (of lines of 7 rows, for a blocked feature set)"},
			&cli.IntFlag{Name: "weights", Value: ner.DefaultWeights, Usage: "bits per stored weight: 8 or 16"},
			&cli.StringFlag{Name: "features", Value: ner.FeatureSet, Usage: "feature set (a known name, or mask:HEX of templates, for experiments)"},
			&cli.StringFlag{Name: "out", Value: "nlp/ner/data/model.bin.gz", Usage: "model file to write"},
			&cli.StringFlag{Name: "gold", Usage: "folder of annotated reports whose persons are trained on too (the project's held-out reports are skipped)"},
		},
		Action: func(c *cli.Context) error {
			if args, err := positional(c); err != nil {
				return err
			} else if len(args) > 0 {
				return usageError("train: takes no arguments, got %q", args[0])
			}
			start := time.Now()
			w := c.App.Writer
			var extra []ner.ExtraCorpus
			if dir := c.String("gold"); dir != "" {
				held := eval.ProjectSplit()
				gc, sum, err := ner.ReadGoldReports(dir, func(id string) bool { return held[id] })
				if err != nil {
					return fmt.Errorf("train: %w", err)
				}
				if len(gc.Sentences) == 0 {
					return fmt.Errorf("train: --gold %s: no annotated reports (<id>.txt with <id>.json)", dir)
				}
				extra = append(extra, ner.ExtraCorpus{Corpus: gc, SHA256: sum})
			}
			m, ev, err := ner.Train(c.String("corpora"), ner.TrainOptions{
				Extra:    extra,
				Epochs:   c.Int("epochs"),
				Seed:     c.Uint64("seed"),
				MaxRows:  c.Int("max-rows"),
				Bits:     c.Int("bits"),
				Weights:  c.Int("weights"),
				Features: c.String("features"),
				Log:      w,
			})
			if err != nil {
				return fmt.Errorf("train: %w", err)
			}
			table := ev.Table()
			fmt.Fprintf(w, "\nheld-out (every 10th sentence), exact span match:\n%s", table)
			var buf bytes.Buffer
			if err := m.Write(&buf); err != nil {
				return fmt.Errorf("train: %w", err)
			}
			out := c.String("out")
			if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
				return fmt.Errorf("train: %w", err)
			}
			wall := time.Since(start)
			fmt.Fprintf(w, "wrote %s (%.1f MB, %d rows) in %s\n", out, float64(buf.Len())/1e6, m.Header.Rows, wall.Round(time.Second))
			md := modelMarkdown(m, os.Args, table, buf.Len(), wall)
			mdPath := filepath.Join(filepath.Dir(out), "MODEL.md")
			if err := os.WriteFile(mdPath, []byte(md), 0o644); err != nil {
				return fmt.Errorf("train: %w", err)
			}
			return nil
		},
	}
}

func modelMarkdown(m *ner.Model, args []string, table string, size int, wall time.Duration) string {
	h := m.Header
	wbits := h.Weights
	if wbits == 0 {
		wbits = 16
	}
	layout := fmt.Sprintf("2^%d hashed rows", h.Bits)
	if m.Blocked() {
		layout = fmt.Sprintf("2^%d hashed lines of 7 rows", h.Bits)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# NER model %s\n\n", h.Model)
	fmt.Fprintf(&b, "Written by `kg %s` on %s (%s, %s, GOMAXPROCS=%d), in %s.\n\n", strings.Join(args[1:], " "), h.Created, runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), wall.Round(time.Second))
	fmt.Fprintf(&b, "Averaged structured perceptron over characters (linear chain, BIO, Viterbi), feature set `%s`, "+
		"%s of %d int%d weights (scale %.2f), %d rows kept; %d epochs, seed %d; file format %d, %.1f MB.\n\n",
		h.FeatureSet, layout, 9, wbits, h.Scale, h.Rows, h.Epochs, h.Seed, h.Format, float64(size)/1e6)
	b.WriteString("## Corpora\n\n| corpus | file | trained sentences | held out | sha256 |\n|---|---|---:|---:|---|\n")
	for _, c := range h.Corpora {
		fmt.Fprintf(&b, "| %s | %s | %d | %d | `%s` |\n", c.Name, c.File, c.Sentences, c.HeldOut, c.SHA256)
	}
	b.WriteString("\nEvery 10th sentence of each corpus (index i with i%10 == 9) is held out and never trained on. " +
		"TITLE in msra, weibo and pd1998 is labelled from the title lexicon (nlp/lexicon titles.txt + nlp/ner/data/titles_extra.txt), " +
		"so their TITLE rows measure agreement with that lexicon labelling.\n\n")
	b.WriteString("## Held-out figures (exact span match, micro)\n\n")
	b.WriteString(table)
	return b.String()
}
