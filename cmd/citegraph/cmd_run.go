package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape"
)

type runOptions struct {
	outDir     string
	format     string
	seed       int64
	resolution float64
	layout     string
	render     string
	hideCiting bool
	top        int
	views      viewFlags
	db         string
	decisions  string
	paths      []string
	args       []string // the command line, recorded with the run in the corpus
}

func (o *runOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.outDir, "out", "o", "", "folder to write the outputs to (created if missing; required)")
	f.StringVar(&o.format, "format", "", "read every input as this format instead of detecting it")
	f.Int64Var(&o.seed, "seed", 1, "seed for every random choice (community detection); same inputs and seed give the same bytes")
	f.Float64Var(&o.resolution, "resolution", 1, "modularity resolution of the community detection: higher gives more, smaller themes")
	f.StringVar(&o.layout, "layout", "", "GraphViz layout engine (dot, sfdp, neato, fdp); default: dot for small maps, sfdp for large")
	f.StringVar(&o.render, "render", "svg", "render graph.dot with GraphViz to this format: svg, pdf, png, or none")
	f.BoolVar(&o.hideCiting, "hide-citing", false, "leave out of the drawing the unnamed works known only by a citation statement")
	f.IntVar(&o.top, "top", 10, "number of works listed in the summary and in the report")
	f.StringVar(&o.views.formats, "formats", "all", "outputs to write besides works.jsonl, graph.dot, centrality.csv and themes.csv: all, none, or some of "+strings.Join(allFormats, ","))
	f.StringVar(&o.views.measure, "measure", "pagerank", "what ranks the works in top.dot, the historiograph and the report: pagerank, in-degree, betweenness, authority or hub")
	f.IntVar(&o.views.mapTop, "map-top", 50, "number of works drawn in top.dot and historiograph.dot")
	f.StringVar(&o.views.years, "years", "", "draw only works published in this span in the views, e.g. 2005-2015, 2010- or -2015")
	f.StringVar(&o.views.themes, "themes", "", "draw only works of these themes in the views, e.g. 1,3")
	f.StringVar(&o.views.edges, "edges", "", "edge kinds drawn in top.dot and neighbourhood.dot: some of cites,cocited,related (default all)")
	f.StringVar(&o.views.focus, "focus", "", "also draw neighbourhood.dot: the works around this one (its key, e.g. doi:10.1/x, or its DOI)")
	f.IntVar(&o.views.depth, "depth", 1, "radius of neighbourhood.dot in links")
	f.BoolVar(&o.views.noLegend, "no-legend", false, "leave the legend out of the views")
	f.StringVar(&o.db, "db", "", "read the works from this corpus (made by ingest); INPUTs, if any, are ingested into it first")
	f.StringVar(&o.decisions, "decisions", "", "a file of identity rulings (\"same A B\" / \"different A B\" per line) the resolution honours")
}

func (o *runOptions) validate() error {
	if o.outDir == "" {
		return errors.New("--out (-o) is required")
	}
	if len(o.paths) == 0 && o.db == "" {
		return errors.New("no INPUT given (or --db to read a corpus)")
	}
	if err := validateFormat(o.format); err != nil {
		return err
	}
	switch o.render {
	case "svg", "pdf", "png", "none":
	default:
		return fmt.Errorf("--render %q: want svg, pdf, png or none", o.render)
	}
	switch o.layout {
	case "", "dot", "sfdp", "neato", "fdp", "circo", "twopi":
	default:
		return fmt.Errorf("--layout %q: want dot, sfdp, neato, fdp, circo or twopi", o.layout)
	}
	if o.resolution <= 0 {
		return fmt.Errorf("--resolution %v: must be positive", o.resolution)
	}
	if o.top < 0 {
		return fmt.Errorf("--top %d: must not be negative", o.top)
	}
	return o.views.validate()
}

func newRunCommand(s streams) *cobra.Command {
	var o runOptions
	c := &cobra.Command{
		Use:   "run [INPUT...] -o DIR",
		Short: "Run the whole pipeline: extract, resolve, analyse, draw",
		Long: `Run reads each INPUT (a file, or a folder read recursively in name order),
resolves the works they describe into one citation graph, analyses it and
writes to DIR:

  works.jsonl     the extracted records (the same JSON Lines as "extract")
  graph.dot       the map for GraphViz: one cluster per theme, node size by
                  PageRank, labels "Family Year"
  graph.svg       graph.dot drawn by GraphViz (--render; skipped with a
                  message when GraphViz is not installed)
  centrality.csv  every node with its degrees, PageRank, betweenness, theme,
                  then hub and authority (HITS), kcore (coreness, citations
                  in and out), citation_age (mean citing year minus the
                  work's year), year_normalised (citations over the mean of
                  the works of its year), burst_start, burst_end and
                  burst_strength (its strongest Kleinberg citation burst,
                  as CiteSpace finds them); empty where a measure does not
                  apply (no year, no dated citation, no burst)
  themes.csv      every theme with its label terms and key works
  matching.json   what resolution did: records in, duplicates removed (by
                  identifier, title, decision), unique works, references
                  by match method, conflicts, decisions, and the works
                  citing each other in a cycle (citation_cycles)

and, as --formats chooses (all by default):

  views       overview.dot (one node per theme, arrows weighted by the
              citations between themes), top.dot (the --map-top works by
              --measure, clustered by theme, with a legend),
              historiograph.dot (those works in rows by year, the main
              path in bold) and, with --focus, neighbourhood.dot; each
              drawn in the --render format too. --years, --themes and
              --edges narrow them.
  gephi       graph.gephi.dot: graph.dot in a form Gephi's DOT import
              reads without inventing nodes (GraphViz reads it too)
  graphml     graph.graphml: every node and edge with typed attributes
  gexf        graph.gexf: GEXF 1.3 for Gephi, typed attributes, years as
              time spells
  pajek       graph.net (citations as arcs, co-citations as edges),
              themes.clu (partition), pagerank.vec (vector)
  vosviewer   vosviewer_map.txt and vosviewer_network.txt
  networks    derived networks as VOSviewer map and network pairs,
              vosviewer_NAME_map.txt and vosviewer_NAME_network.txt:
              cocitation (works cited together), coupling (works citing
              the same works), coauthorship (authors) and terms (terms of
              titles and abstracts in at least 2 works). Link strengths
              are raw counts: VOSviewer normalises them by association
              strength itself (its default), so they are not normalised
              twice. Each keeps 1000 items (works and authors: the
              greatest total link strength; terms: in the most works) and
              the 50000 strongest links among them; an empty network is
              skipped with a note
  json        graph.json: the whole analysed graph
  tables      citations.csv (every citation: match method, statements by
              intent, main path) and statements.csv (every statement)
  report      report.html (one self-contained file with charts and the
              ten strongest citation bursts), report.md and its charts
              report-*.svg

With --db FILE the works come from a corpus that "ingest" made; INPUTs
given as well are ingested into it first (unchanged sources are skipped),
and the resolved graph is stored back with the run.

A short summary goes to stderr. An input that cannot be read is reported
and the others go on. Files are written atomically: a file in DIR is either
the old one or the complete new one.
` + exitCodesHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			o.args = os.Args
			if err := o.validate(); err != nil {
				return &usageError{err: err, usage: c.UsageString()}
			}
			return runRun(c.Context(), o, s)
		},
	}
	o.addFlags(c.Flags())
	return c
}

// gathered is what a run reads: the records, the resolved graph, and the
// sources read and failed.
type gathered struct {
	recs          []graph.Record
	g             *graph.Graph
	total, failed int
}

// gatherFiles reads the INPUTs and resolves their records.
func gatherFiles(ctx context.Context, o runOptions, dec graph.Decisions, s streams) (gathered, error) {
	var in gathered
	err := scrape.Default().Walk(ctx, o.paths, o.format, scrape.Visitor{
		Record: func(r graph.Record) error {
			in.recs = append(in.recs, r)
			return nil
		},
		Done: func(_ string, _ int, err error) error {
			in.total++
			if err != nil {
				in.failed++
				fmt.Fprintln(s.errOut, err)
			}
			return nil
		},
	})
	if err != nil {
		return in, err
	}
	if len(in.recs) == 0 {
		return in, fmt.Errorf("no records: none of the %d sources could be read", in.total)
	}
	in.g = graph.BuildWith(in.recs, graph.BuildOptions{Decisions: dec})
	return in, ctx.Err()
}

// gatherCorpus ingests the INPUTs, if any, into the corpus o.db, then reads
// and resolves all it holds, storing the graph with the run.
func gatherCorpus(ctx context.Context, o runOptions, dec graph.Decisions, s streams) (in gathered, err error) {
	st, err := store.Open(ctx, o.db)
	if err != nil {
		return in, err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	run, err := st.BeginRun(ctx, strings.Join(o.args, " "))
	if err != nil {
		return in, err
	}
	if len(o.paths) > 0 {
		n, err := ingestPaths(ctx, st, run, o.paths, o.format, s)
		if err != nil {
			return in, err
		}
		in.total, in.failed = n.sources, n.failed
		printIngested(s.errOut, n, o.db)
	}
	if in.recs, in.g, err = resolveStore(ctx, st, run, dec); err != nil {
		return in, err
	}
	if len(in.recs) == 0 {
		return in, fmt.Errorf("no records: the corpus %s holds none", o.db)
	}
	return in, st.FinishRun(ctx, run)
}

func runRun(ctx context.Context, o runOptions, s streams) error {
	// Extract and resolve.
	dec, err := readDecisions(o.decisions)
	if err != nil {
		return err
	}
	gather := gatherFiles
	if o.db != "" {
		gather = gatherCorpus
	}
	in, err := gather(ctx, o, dec, s)
	if err != nil {
		return err
	}
	recs, g, total, failed := in.recs, in.g, in.total, in.failed
	if err := writeFileAtomic(filepath.Join(o.outDir, "works.jsonl"), func(w io.Writer) error {
		jw := jsonl.NewWriter(w)
		for i := range recs {
			if err := jw.Write(&recs[i]); err != nil {
				return err
			}
		}
		return jw.Flush()
	}); err != nil {
		return err
	}

	if err := writeFileAtomic(filepath.Join(o.outDir, "matching.json"), func(w io.Writer) error {
		rep := g.Report()
		// Lists, not nulls, when empty: scripts iterate them.
		if rep.Conflicts == nil {
			rep.Conflicts = []string{}
		}
		if rep.Decisions == nil {
			rep.Decisions = []string{}
		}
		cycles := graph.CitationCycles(g)
		if cycles == nil {
			cycles = [][]string{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			graph.Report
			CitationCycles [][]string `json:"citation_cycles"` // works citing each other in a cycle: check their merges and matches
		}{rep, cycles})
	}); err != nil {
		return err
	}

	// Analyse.
	res := analysis.Run(g, analysis.Options{Seed: o.seed, Resolution: o.resolution})
	if err := ctx.Err(); err != nil {
		return err
	}

	// Draw.
	labels := make([]string, len(res.Themes))
	for i, th := range res.Themes {
		labels[i] = themeTitle(th)
	}
	var dotBuf bytes.Buffer
	if err := dot.Write(&dotBuf, g, dot.Options{
		Cluster: res.Community, ClusterLabel: labels, Size: res.PageRank,
		Layout: o.layout, HideCiting: o.hideCiting,
	}); err != nil {
		return err
	}
	written := []string{"works.jsonl", "matching.json"}
	if err := writeFileAtomic(filepath.Join(o.outDir, "graph.dot"), func(w io.Writer) error {
		_, err := w.Write(dotBuf.Bytes())
		return err
	}); err != nil {
		return err
	}
	written = append(written, "graph.dot")
	if o.render != "none" {
		img, err := dot.Render(ctx, dotBuf.Bytes(), o.render)
		switch {
		case errors.Is(err, dot.ErrNoGraphviz):
			fmt.Fprintf(s.errOut, "note: %v; graph.dot is written, graph.%s is not (install GraphViz, e.g. apt-get install graphviz)\n", err, o.render)
		case err != nil:
			return err
		default:
			name := "graph." + o.render
			if err := writeFileAtomic(filepath.Join(o.outDir, name), func(w io.Writer) error {
				_, err := w.Write(img)
				return err
			}); err != nil {
				return err
			}
			written = append(written, name)
		}
	}

	// Tables.
	byRank := nodesByScore(res.PageRank)
	outs := &outputs{ctx: ctx, dir: o.outDir, render: o.render, errOut: s.errOut}
	a := newAnalysed(g, res)
	if err := writeFileAtomic(filepath.Join(o.outDir, "centrality.csv"), func(w io.Writer) error {
		return writeCentrality(w, a, byRank)
	}); err != nil {
		return err
	}
	written = append(written, "centrality.csv")
	if err := writeFileAtomic(filepath.Join(o.outDir, "themes.csv"), func(w io.Writer) error {
		return csv.WriteTable(w, []string{"theme", "label", "terms", "works", "top_works", "top_keys"}, themeRows(g, res.Themes))
	}); err != nil {
		return err
	}
	written = append(written, "themes.csv")

	// The other formats, views and the report.
	if err := writeExtraOutputs(outs, a, o, total, failed); err != nil {
		return err
	}
	written = append(written, outs.written...)

	printSummary(s.errOut, o, g, res, byRank, total, failed, len(recs), written)
	return batchError(failed, total)
}

// themeTitle is the heading of a theme's cluster in the drawing.
func themeTitle(th analysis.Theme) string {
	if th.Label == "" {
		return fmt.Sprintf("Theme %d", th.ID+1)
	}
	return fmt.Sprintf("Theme %d: %s", th.ID+1, th.Label)
}

// nodesByScore returns node IDs by descending score, ties by ID.
func nodesByScore(score []float64) []int64 {
	ids := make([]int64, len(score))
	for i := range ids {
		ids[i] = int64(i)
	}
	sort.SliceStable(ids, func(a, b int) bool { return score[ids[a]] > score[ids[b]] })
	return ids
}

func themeRows(g *graph.Graph, themes []analysis.Theme) [][]string {
	works := g.Works()
	rows := make([][]string, 0, len(themes))
	for _, th := range themes {
		var top, keys []string
		for _, id := range th.Top {
			if works[id].Kind == graph.KindCiting {
				continue // unnamed: nothing to list
			}
			if len(top) == 5 {
				break
			}
			top = append(top, dot.Label(works[id]))
			keys = append(keys, works[id].Key)
		}
		rows = append(rows, []string{strconv.Itoa(th.ID + 1), th.Label, strings.Join(th.Terms, "; "),
			strconv.Itoa(th.Size), strings.Join(top, "; "), strings.Join(keys, " ")})
	}
	return rows
}

func printSummary(w io.Writer, o runOptions, g *graph.Graph, res analysis.Result, byRank []int64, total, failed, nrecs int, written []string) {
	rep := g.Report()
	kinds := map[graph.NodeKind]int{}
	for _, wk := range g.Works() {
		kinds[wk.Kind]++
	}
	fmt.Fprintf(w, "read %d sources (%d failed): %d records\n", total, failed, nrecs)
	fmt.Fprintf(w, "graph: %d nodes: %d works (%d duplicate records merged), %d cited only, %d unresolved mentions, %d unnamed citing works\n",
		g.Len(), kinds[graph.KindWork], rep.Duplicates, kinds[graph.KindReference], kinds[graph.KindMention], kinds[graph.KindCiting])
	fmt.Fprintf(w, "edges: %d cites, %d co-cited, %d related; %d statements\n",
		len(g.Edges(graph.Cites)), len(g.Edges(graph.CoCited)), len(g.Edges(graph.Related)), rep.Statements)
	fmt.Fprintf(w, "themes: %d (modularity %.3f)\n", len(res.Themes), res.Modularity)
	for _, th := range res.Themes {
		if th.Size < 2 {
			continue
		}
		fmt.Fprintf(w, "  %2d  %-50s %3d works\n", th.ID+1, th.Label, th.Size)
	}
	fmt.Fprintf(w, "most central works (PageRank):\n")
	works := g.Works()
	n := 0
	for _, id := range byRank {
		wk := works[id]
		if wk.Kind == graph.KindCiting {
			continue
		}
		if n == o.top {
			break
		}
		n++
		title := wk.Title
		if len([]rune(title)) > 60 {
			title = string([]rune(title)[:59]) + "…"
		}
		fmt.Fprintf(w, "  %-22s %.4f  %s\n", dot.Label(wk), res.PageRank[id], title)
	}
	fmt.Fprintf(w, "wrote %s in %s\n", strings.Join(written, ", "), o.outDir)
}
