package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
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

// loaded is a citation graph read from edge lists and records.
type loaded struct {
	c             *graph.Compact
	recs          []graph.Record
	g             *graph.Graph // the records' graph (nil without records)
	lists         int          // edge-list files among the inputs
	counts        edgelist.Counts
	total, failed int
	rep           *scrape.Report
}

// loadInputs reads paths (and the corpus db, if any) as analyse does:
// edge-list files through edgelist, the rest through scrape (as format);
// the records are resolved (with dec) and added to the graph. Failures are
// printed to errOut and counted.
func loadInputs(ctx context.Context, paths []string, format, direction, db string, dec graph.Decisions, s streams) (in loaded, err error) {
	ga := scrape.NewGathering(s.reporter(), func(err error) { fmt.Fprintln(s.errOut, err) })
	in.rep = &ga.Report
	read, err := scrape.ReadInputs(ctx, paths, format, edgelist.OrderBy(direction), scrape.Default(), ga)
	if err != nil {
		return in, err
	}
	ga.End()
	in.recs, in.lists, in.counts, in.total, in.failed = read.Records, read.Lists, read.Counts, read.Total, read.Failed
	if db != "" {
		stored, err := store.ReadRecords(ctx, db)
		if err != nil {
			return in, err
		}
		in.recs = append(in.recs, stored...)
	}
	if len(in.recs) > 0 {
		in.g = graph.BuildWith(in.recs, graph.BuildOptions{Decisions: dec, Progress: s.reporter()})
		analysis.AddGraph(read.Builder, in.g, in.recs)
	}
	if read.Builder.Len() == 0 {
		return in, fmt.Errorf("no citation graph: none of the %d inputs gave a node", in.total)
	}
	in.c = read.Builder.Build()
	return in, ctx.Err()
}

func runAnalyse(ctx context.Context, o analyseOptions, s streams) error {
	in, err := loadInputs(ctx, o.paths, o.format, o.direction, o.db, graph.Decisions{}, s)
	if err != nil {
		return err
	}
	c, counts, total, failed := in.c, in.counts, in.total, in.failed
	fmt.Fprintf(s.errOut, "read %d inputs (%d failed): %d nodes, %d citations (%d repeated lines merged, %d self-citations left out)\n",
		total, failed, c.Len(), c.Citations(), c.Repeats(), c.SelfCitations())
	if counts.Dates > 0 {
		fmt.Fprintf(s.errOut, "dates: %d lines, %d of them for nodes of the graph\n", counts.Dates, counts.Dated)
	}

	opt := o.analysisOptions()
	opt.Progress = s.reporter()
	res, err := analysis.RunCompact(ctx, c, opt)
	if err != nil {
		return err
	}
	output.WriteAnalysis(s.errOut, res, o.method, o.quality)
	sink := output.Dir{Path: o.outDir}
	if err := output.WriteFile(sink, "nodes.csv", func(w io.Writer) error { return output.WriteNodes(w, c, res) }); err != nil {
		return err
	}
	written := []string{"nodes.csv"}
	if res.Theme != nil {
		if err := output.WriteFile(sink, "themes.csv", func(w io.Writer) error { return output.WriteCompactThemes(w, c, res.Themes) }); err != nil {
			return err
		}
		written = append(written, "themes.csv")
	}
	fmt.Fprintf(s.errOut, "wrote %s in %s\n", strings.Join(written, ", "), o.outDir)
	if total == 0 && failed == 0 {
		return nil
	}
	return in.rep.Err()
}

// analyseStages are the analysis stages each --measures name asks for.
var analyseStages = map[string][]string{
	"degree": {analysis.StageDegrees}, "pagerank": {analysis.StagePageRank}, "hits": {analysis.StageHITS},
	"betweenness": {analysis.StageBetweenness}, "communities": {analysis.StageCommunities}, "themes": {analysis.StageThemes},
}

// analysisOptions are the analysis options of the flags.
func (o *analyseOptions) analysisOptions() analysis.Options {
	opt := analysis.Options{Seed: o.seed, Resolution: o.resolution, Louvain: o.method == "louvain",
		Iterations: o.iterations, Samples: o.samples, Themes: o.themes, Only: map[string]bool{}}
	if o.iterations == 0 {
		opt.Iterations = -1 // until the quality stops rising
	}
	if o.quality == "cpm" {
		opt.Quality = analysis.QualityCPM
	}
	for m := range o.want {
		for _, st := range analyseStages[m] {
			opt.Only[st] = true
		}
	}
	return opt
}
