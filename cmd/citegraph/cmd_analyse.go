package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/edgelist"
	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape"
)

// analyseMeasures are the measures --measures takes, in the order of the
// nodes.csv columns they fill.
var analyseMeasures = []string{"degree", "pagerank", "hits", "betweenness", "communities", "themes"}

// nodesHeader is the header of nodes.csv.
var nodesHeader = []string{"id", "in_degree", "out_degree", "pagerank", "hub", "authority", "betweenness", "community", "theme"}

type analyseOptions struct {
	outDir     string
	format     string
	measures   string
	themes     int
	seed       int64
	resolution float64
	quality    string
	method     string
	iterations int
	samples    int
	direction  string
	db         string
	paths      []string

	want map[string]bool // parsed measures
}

func (o *analyseOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.outDir, "out", "o", "", "folder to write nodes.csv (and themes.csv) to (created if missing; required)")
	f.StringVar(&o.db, "db", "", "also analyse the works of this corpus (made by ingest); FILEs may then be left out")
	f.StringVar(&o.format, "format", "", "read every input that is not an edge list as this format instead of detecting it")
	f.StringVar(&o.measures, "measures", strings.Join(analyseMeasures, ","), "comma-separated measures to compute: "+strings.Join(analyseMeasures, ", "))
	f.IntVar(&o.themes, "themes", 0, "number of themes (0: chosen by silhouette, 2 to 10)")
	f.Int64Var(&o.seed, "seed", 1, "seed for every random choice (Leiden, k-means, sampling); same inputs and seed give the same bytes")
	f.Float64Var(&o.resolution, "resolution", 1, "resolution γ of the community detection (for cpm: the link density a community must exceed)")
	f.StringVar(&o.quality, "quality", "modularity", "quality function of the community detection: modularity or cpm")
	f.StringVar(&o.method, "method", "leiden", "community detection: leiden or louvain")
	f.IntVar(&o.iterations, "iterations", 2, "Leiden iterations (2, igraph's default; 0: until the quality stops rising)")
	f.IntVar(&o.samples, "samples", 0, "betweenness from this many sampled sources (0: exact when works × citations ≤ 1.5e10, else sampled; -1: always exact)")
	f.StringVar(&o.direction, "direction", "auto", "order of the two IDs on an edge-list line: citing-cited, cited-citing, or auto (cited-citing for *.cites files, as LINQS writes them)")
}

func (o *analyseOptions) validate() error {
	if len(o.paths) == 0 && o.db == "" {
		return errors.New("no FILE given (or --db to read a corpus)")
	}
	if o.outDir == "" {
		return errors.New("--out (-o) is required")
	}
	if err := validateFormat(o.format); err != nil {
		return err
	}
	o.want = map[string]bool{}
	for _, m := range strings.Split(o.measures, ",") {
		m = strings.TrimSpace(m)
		if m == "" {
			continue
		}
		if !slices.Contains(analyseMeasures, m) {
			return fmt.Errorf("--measures: unknown measure %q (known: %s)", m, strings.Join(analyseMeasures, ", "))
		}
		o.want[m] = true
	}
	if len(o.want) == 0 {
		return errors.New("--measures: no measure given")
	}
	if o.themes < 0 || o.themes == 1 {
		return fmt.Errorf("--themes %d: want 0 (automatic) or at least 2", o.themes)
	}
	if o.resolution < 0 || o.resolution == 0 && o.quality != "cpm" {
		return fmt.Errorf("--resolution %v: must be positive", o.resolution)
	}
	switch o.quality {
	case "modularity", "cpm":
	default:
		return fmt.Errorf("--quality %q: want modularity or cpm", o.quality)
	}
	switch o.method {
	case "leiden", "louvain":
	default:
		return fmt.Errorf("--method %q: want leiden or louvain", o.method)
	}
	if o.iterations < 0 {
		return fmt.Errorf("--iterations %d: must not be negative", o.iterations)
	}
	if o.samples < -1 {
		return fmt.Errorf("--samples %d: want -1, 0 or a positive number", o.samples)
	}
	switch o.direction {
	case "auto", "citing-cited", "cited-citing":
	default:
		return fmt.Errorf("--direction %q: want auto, citing-cited or cited-citing", o.direction)
	}
	return nil
}

func newAnalyseCommand(s streams) *cobra.Command {
	var o analyseOptions
	c := &cobra.Command{
		Use:   "analyse [FILE...] -o DIR",
		Short: "Analyse a citation graph given as edge lists (or pages and exports)",
		Long: `Analyse reads citation graphs that come as edge lists, as well as everything
extract reads, and writes the measures of every node to DIR/nodes.csv:

  id, in_degree, out_degree   the node's ID and its citations in and out
  pagerank                    PageRank (damping 0.85), summing to 1
  hub, authority              HITS scores, each summing to 1
  betweenness                 directed, unnormalised (sampled on large graphs:
                              the error bound is printed)
  community                   Leiden (or Louvain) community, from 1, largest first
  theme                       theme from text and citations, from 1, largest first

and, when themes are computed, DIR/themes.csv (theme, label, size, top works).
Columns of measures left out by --measures stay empty.

Each FILE (or every file of a folder) is read by its content:
  SNAP edge lists    "citing cited" per line, '#' comments (cit-HepTh, cit-HepPh)
  LINQS pairs        a .cites file ("cited citing", as Cora's README says) and
                     its .content file (ID, word features, label): the words
                     are the papers' text for the themes
  dates files        "paper year" per line (cit-HepPh-dates.txt): the years
  anything else      pages and exports, as "extract" reads them
Files may be gzip-compressed. Themes cluster the works' term vectors smoothed
over the citations; a graph without any text gets its communities as themes.
A file that cannot be read is reported and the others go on.
` + exitCodesHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			o.paths = args
			if err := o.validate(); err != nil {
				return &usageError{err: err, usage: c.UsageString()}
			}
			return runAnalyse(c.Context(), o, s)
		},
	}
	o.addFlags(c.Flags())
	return c
}

// exactBetweennessWork is the largest works × citations product for which
// --samples 0 computes exact betweenness; sampledBetweennessWork is the
// number of citation visits a sampled estimate is given (64 sources on a
// graph of 10 million citations: about 25 CPU-seconds here; the error bound
// printed says what that buys).
const (
	exactBetweennessWork   = 1.5e10
	sampledBetweennessWork = 6.4e8
)

func runAnalyse(ctx context.Context, o analyseOptions, s streams) error {
	// Sort the inputs: edge-list files to edgelist, the rest to scrape.
	var lists []edgelist.File
	var others []string
	total, failed := 0, 0
	report := func(path string, err error) {
		failed++
		fmt.Fprintln(s.errOut, err)
	}
	for _, root := range o.paths {
		files, err := inputFiles(root)
		if err != nil {
			total++
			report(root, err)
			continue
		}
		for _, path := range files {
			kind, err := edgelist.IsKnown(path)
			switch {
			case err != nil:
				total++
				report(path, err)
			case kind != edgelist.Unknown:
				total++
				lists = append(lists, edgelist.File{Path: path, Kind: kind, Order: orderOf(o.direction, path)})
			default:
				others = append(others, path)
			}
		}
	}
	b := graph.NewCompactBuilder()
	counts, err := edgelist.Load(ctx, b, lists, nil, report)
	if err != nil {
		return err
	}
	var recs []graph.Record
	if len(others) > 0 {
		err := scrape.Default().Walk(ctx, others, o.format, scrape.Visitor{
			Record: func(r graph.Record) error {
				recs = append(recs, r)
				return nil
			},
			Done: func(_ string, _ int, err error) error {
				total++
				if err != nil {
					report("", err)
				}
				return nil
			},
		})
		if err != nil {
			return err
		}
	}
	if o.db != "" {
		stored, err := corpusRecords(ctx, o.db)
		if err != nil {
			return err
		}
		recs = append(recs, stored...)
	}
	if len(recs) > 0 {
		addRecords(b, recs)
	}
	if b.Len() == 0 {
		return fmt.Errorf("no citation graph: none of the %d inputs gave a node", total)
	}
	c := b.Build()
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(s.errOut, "read %d inputs (%d failed): %d nodes, %d citations (%d repeated lines merged, %d self-citations left out)\n",
		total, failed, c.Len(), c.Citations(), c.Repeats(), c.SelfCitations())
	if counts.Dates > 0 {
		fmt.Fprintf(s.errOut, "dates: %d lines, %d of them for nodes of the graph\n", counts.Dates, counts.Dated)
	}

	res, err := analyseCompact(ctx, c, o, s.errOut)
	if err != nil {
		return err
	}
	if err := output.WriteFileAtomic(filepath.Join(o.outDir, "nodes.csv"), func(w io.Writer) error {
		return writeNodes(w, c, res)
	}); err != nil {
		return err
	}
	written := []string{"nodes.csv"}
	if res.themes != nil {
		if err := output.WriteFileAtomic(filepath.Join(o.outDir, "themes.csv"), func(w io.Writer) error {
			return writeThemes(w, c, res.themes)
		}); err != nil {
			return err
		}
		written = append(written, "themes.csv")
	}
	fmt.Fprintf(s.errOut, "wrote %s in %s\n", strings.Join(written, ", "), o.outDir)
	return batchError(failed, total)
}

// inputFiles returns root itself when it is a file, or the regular files
// under it in lexical order, skipping names that start with ".".
func inputFiles(root string) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

func orderOf(direction, path string) edgelist.Order {
	switch direction {
	case "citing-cited":
		return edgelist.CitingCited
	case "cited-citing":
		return edgelist.CitedCiting
	}
	return edgelist.OrderFor(path)
}

// addRecords resolves the records into a graph and adds its works (keyed
// by Key, with years, global citation counts and the terms of their text),
// citations (weighted by observations) and other links to b.
func addRecords(b *graph.CompactBuilder, recs []graph.Record) {
	g := graph.Build(recs)
	_, global := analysis.CitationCounts(g, recs)
	terms := analysis.WorkTerms(g)
	ids := make([]int32, g.Len())
	for i, w := range g.Works() {
		v := b.Node(w.Key)
		ids[i] = v
		if w.Year != 0 {
			b.SetYear(v, w.Year)
		}
		if global[i] >= 0 {
			b.SetGlobalCitations(v, global[i])
		}
		b.AddTerms(v, terms[i]...)
	}
	for _, e := range g.Edges(graph.Cites) {
		b.Cite(ids[e.F.ID()], ids[e.T.ID()], float64(e.N))
	}
	for _, k := range []graph.EdgeKind{graph.CoCited, graph.Related} {
		for _, e := range g.Edges(k) {
			b.Link(ids[e.F.ID()], ids[e.T.ID()], k, float64(e.N))
		}
	}
}

// analyseResult holds the columns of nodes.csv; nil columns stay empty.
type analyseResult struct {
	in, out           []int
	pagerank          []float64
	hub, authority    []float64
	betweenness       []float64
	community, theme  []int
	themes            []analysis.Theme
	betweennessBound  float64
	betweennessSample int
}

func analyseCompact(ctx context.Context, c *graph.Compact, o analyseOptions, errOut io.Writer) (*analyseResult, error) {
	r := &analyseResult{}
	if o.want["degree"] {
		r.in, r.out = analysis.Degrees(c)
	}
	if o.want["pagerank"] || o.want["themes"] {
		r.pagerank = analysis.PageRank(c, analysis.DefaultDamping, analysis.DefaultTolerance)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if o.want["hits"] {
		r.hub, r.authority = analysis.HITS(c, analysis.DefaultTolerance)
	}
	if o.want["betweenness"] {
		n, m := float64(c.Len()), float64(c.Citations())
		k := o.samples
		if k == 0 && n*m > exactBetweennessWork {
			k = max(64, int(sampledBetweennessWork/max(m, 1)))
		}
		if k > 0 && k < c.Len() {
			r.betweenness, r.betweennessBound = analysis.SampledBetweenness(c, k, o.seed)
			r.betweennessSample = k
			fmt.Fprintf(errOut, "betweenness: estimated from %d sampled sources; with 95%% probability every value is within %.4g of the exact one (Hoeffding bound, --samples -1 for exact)\n",
				k, r.betweennessBound)
		} else {
			r.betweenness = analysis.Betweenness(c)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	docs := analysis.CompactTerms(c)
	hasText := false
	for _, d := range docs {
		if len(d) > 0 {
			hasText = true
			break
		}
	}
	needCommunities := o.want["communities"] || o.want["themes"] && !hasText
	var community []int
	if needCommunities {
		quality := analysis.QualityModularity
		if o.quality == "cpm" {
			quality = analysis.QualityCPM
		}
		var q float64
		community, q = analysis.Leiden(analysis.CitationNetwork(c), analysis.LeidenOptions{
			Quality: quality, Resolution: o.resolution, Seed: o.seed,
			Iterations: o.iterations, Louvain: o.method == "louvain",
		})
		k := 0
		for _, x := range community {
			k = max(k, x+1)
		}
		fmt.Fprintf(errOut, "communities: %d by %s (%s %.4f)\n", k, o.method, o.quality, q)
		if o.want["communities"] {
			r.community = community
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if o.want["themes"] {
		if hasText {
			tr := analysis.TextThemes(c, docs, r.pagerank, analysis.ThemeOptions{K: o.themes, Seed: o.seed})
			r.theme, r.themes = tr.Theme, tr.Themes
			how := "set by --themes"
			if tr.Automatic {
				how = "chosen by silhouette"
			}
			fmt.Fprintf(errOut, "themes: %d (%s), silhouette %.3f, modularity on the citations %.3f\n", tr.K, how, tr.Silhouette, tr.Modularity)
		} else {
			r.theme = community
			r.themes = communityThemes(community, r.pagerank)
			fmt.Fprintf(errOut, "themes: no node has text, so the themes are the communities\n")
		}
		for _, th := range r.themes {
			if th.ID >= 10 {
				fmt.Fprintf(errOut, "  … %d more\n", len(r.themes)-10)
				break
			}
			fmt.Fprintf(errOut, "  %2d  %-50s %6d nodes\n", th.ID+1, th.Label, th.Size)
		}
	}
	if !o.want["pagerank"] {
		r.pagerank = nil
	}
	return r, nil
}

// communityThemes describes communities as unlabelled themes: size and
// members by PageRank.
func communityThemes(community []int, pagerank []float64) []analysis.Theme {
	k := 0
	for _, c := range community {
		k = max(k, c+1)
	}
	out := make([]analysis.Theme, k)
	for c := range out {
		out[c] = analysis.Theme{ID: c, Terms: []string{}, Scores: []float64{}, Top: []int64{}}
	}
	for v, c := range community {
		out[c].Size++
		out[c].Top = append(out[c].Top, int64(v))
	}
	for c := range out {
		top := out[c].Top
		sort.SliceStable(top, func(i, j int) bool { return pagerank[top[i]] > pagerank[top[j]] })
	}
	return out
}

// writeNodes writes nodes.csv, one row per node in node order (IDs in
// numeric order when all are numbers, else lexical).
func writeNodes(w io.Writer, c *graph.Compact, r *analyseResult) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	if err := cw.Write(nodesHeader); err != nil {
		return err
	}
	row := make([]string, len(nodesHeader))
	itoa := func(v []int, i int, plus int) string {
		if v == nil {
			return ""
		}
		return strconv.Itoa(v[i] + plus)
	}
	ftoa := func(v []float64, i int) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(v[i], 'g', -1, 64)
	}
	for i := range c.Len() {
		row[0] = c.Key(int32(i))
		row[1], row[2] = itoa(r.in, i, 0), itoa(r.out, i, 0)
		row[3], row[4], row[5], row[6] = ftoa(r.pagerank, i), ftoa(r.hub, i), ftoa(r.authority, i), ftoa(r.betweenness, i)
		row[7], row[8] = itoa(r.community, i, 1), itoa(r.theme, i, 1)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeThemes writes themes.csv: theme (from 1), label, size and the IDs
// of its five works of highest PageRank.
func writeThemes(w io.Writer, c *graph.Compact, themes []analysis.Theme) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"theme", "label", "size", "top"}); err != nil {
		return err
	}
	for _, th := range themes {
		var top []string
		for _, id := range th.Top[:min(5, len(th.Top))] {
			top = append(top, c.Key(int32(id)))
		}
		if err := cw.Write([]string{strconv.Itoa(th.ID + 1), th.Label, strconv.Itoa(th.Size), strings.Join(top, " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// corpusRecords reads every record of the corpus at path.
func corpusRecords(ctx context.Context, path string) (recs []graph.Record, err error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err // a corpus to read must exist: Open would create it
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return st.Records(ctx)
}
