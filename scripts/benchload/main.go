// Command benchload measures the graph loader alone: it reads extractions
// (the JSON Lines that `kg extract` prints) and the reports they came from
// (JSON Lines with id and text, for the Report nodes' text), and loads
// them into Neo4j in batches as `kg ingest` does, timing only the writes.
//
//	kg extract corpus.jsonl > x.jsonl
//	go run ./scripts/benchload -x x.jsonl -corpus corpus.jsonl
//
// It prints one line of figures (reports, nodes and relationships created,
// seconds, relationships and reports per second) and, with -json, the same
// as JSON. Neo4j is found through NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD
// and NEO4J_DATABASE (defaults: the local server of scripts/neo4j.sh).
// The extractions are streamed: memory stays flat however many there are.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/kg-cn/kg/graph"
	"github.com/kg-cn/kg/nlp/doc"
)

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

type result struct {
	Reports              int     `json:"reports"`
	Batches              int     `json:"batches"`
	Seconds              float64 `json:"seconds"`
	NodesCreated         int     `json:"nodes_created"`
	RelationshipsCreated int     `json:"relationships_created"`
	PropertiesSet        int     `json:"properties_set"`
	RelsPerSecond        float64 `json:"relationships_per_second"`
	ReportsPerSecond     float64 `json:"reports_per_second"`
	New                  int     `json:"new"`
	Unchanged            int     `json:"unchanged"`
	Replaced             int     `json:"replaced"`
	Failed               int     `json:"failed"`
}

func main() {
	xPath := flag.String("x", "", "extractions (JSON Lines of kg extract)")
	corpus := flag.String("corpus", "", "the reports (JSON Lines with id and text); without it Report nodes get no text")
	batch := flag.Int("batch", 100, "reports per transaction")
	limit := flag.Int("n", 0, "load at most n reports (0: all)")
	skip := flag.Int("skip", 0, "skip the first reports of the extractions")
	prefix := flag.String("id-prefix", "", "prefix the report ids with this (to load the same reports again as new ones)")
	writers := flag.Int("writers", 1, "concurrent transactions per batch (graph.Options.Writers)")
	cpuprof := flag.String("cpuprofile", "", "write a Go CPU profile of the load")
	asJSON := flag.Bool("json", false, "print the figures as JSON")
	flag.Parse()
	if *xPath == "" {
		fmt.Fprintln(os.Stderr, "benchload: -x EXTRACTIONS is required")
		os.Exit(2)
	}
	if err := run(*xPath, *corpus, *batch, *skip, *limit, *writers, *prefix, *cpuprof, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "benchload:", err)
		os.Exit(1)
	}
}

func run(xPath, corpus string, batch, skip, limit, writers int, prefix, cpuprof string, asJSON bool) error {
	ctx := context.Background()
	c, err := graph.Open(ctx, graph.Config{
		URI:      env("NEO4J_URI", "neo4j://localhost:7687"),
		Username: env("NEO4J_USERNAME", "neo4j"),
		Password: env("NEO4J_PASSWORD", "kg-local-password"),
		Database: env("NEO4J_DATABASE", "neo4j"),
	})
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	if _, err := c.ApplySchema(ctx); err != nil {
		return err
	}
	xf, err := os.Open(xPath)
	if err != nil {
		return err
	}
	defer xf.Close()
	xs := json.NewDecoder(bufio.NewReaderSize(xf, 1<<20))
	var texts *json.Decoder
	if corpus != "" {
		cf, err := os.Open(corpus)
		if err != nil {
			return err
		}
		defer cf.Close()
		texts = json.NewDecoder(bufio.NewReaderSize(cf, 1<<20))
	}
	if cpuprof != "" {
		f, err := os.Create(cpuprof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	l := graph.NewLoader(c, graph.Options{Writers: writers})
	var res result
	var spent time.Duration
	items := make([]graph.Item, 0, batch)
	flush := func() error {
		if len(items) == 0 {
			return nil
		}
		t := time.Now()
		st, err := l.LoadBatch(ctx, items)
		spent += time.Since(t)
		if err != nil {
			return err
		}
		res.Batches++
		res.NodesCreated += st.NodesCreated
		res.RelationshipsCreated += st.RelationshipsCreated
		res.PropertiesSet += st.PropertiesSet
		res.New += st.Count(graph.StatusNew)
		res.Unchanged += st.Count(graph.StatusUnchanged)
		res.Replaced += st.Count(graph.StatusReplaced)
		res.Failed += st.Count(graph.StatusFailed)
		items = items[:0]
		return nil
	}
	// texts of the corpus, matched to the extractions by id (both files are
	// in the same order when the extractions come from kg extract)
	pendingText := map[string]string{}
	textOf := func(id string) (string, error) {
		if texts == nil {
			return "", nil
		}
		if t, ok := pendingText[id]; ok {
			delete(pendingText, id)
			return t, nil
		}
		for {
			var r struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}
			if err := texts.Decode(&r); err != nil {
				if err == io.EOF {
					return "", fmt.Errorf("report %s is not in the corpus", id)
				}
				return "", err
			}
			if r.ID == id {
				return r.Text, nil
			}
			pendingText[r.ID] = r.Text
		}
	}
	for limit == 0 || res.Reports < limit {
		x := new(doc.Extraction)
		if err := xs.Decode(x); err != nil {
			if err == io.EOF {
				break
			}
			return err
		}
		text, err := textOf(x.Report.ID)
		if err != nil {
			return err
		}
		if skip > 0 {
			skip--
			continue
		}
		x.Report.ID = prefix + x.Report.ID
		items = append(items, graph.Item{Extraction: x, Text: text})
		res.Reports++
		if len(items) >= batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	res.Seconds = spent.Seconds()
	if res.Seconds > 0 {
		res.RelsPerSecond = float64(res.RelationshipsCreated) / res.Seconds
		res.ReportsPerSecond = float64(res.Reports) / res.Seconds
	}
	if asJSON {
		return json.NewEncoder(os.Stdout).Encode(res)
	}
	fmt.Printf("%d reports in %d batches of %d: %.2f s, %.0f relationships/s, %.0f reports/s (%d nodes, %d relationships created; %d new, %d unchanged, %d replaced, %d failed)\n",
		res.Reports, res.Batches, batch, res.Seconds, res.RelsPerSecond, res.ReportsPerSecond,
		res.NodesCreated, res.RelationshipsCreated, res.New, res.Unchanged, res.Replaced, res.Failed)
	return nil
}
