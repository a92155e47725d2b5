package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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

	only map[string]bool // parsed measures: analysis.Options.Only
}

func (o *analyseOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.outDir, "out", "o", "", "folder to write nodes.csv (and themes.csv) to (created if missing; required)")
	f.StringVar(&o.db, "db", "", "also analyse the works of this corpus (made by ingest); FILEs may then be left out")
	f.StringVar(&o.format, "format", "", "read every input that is not an edge list as this format instead of detecting it")
	f.StringVar(&o.measures, "measures", strings.Join(analysis.Measures, ","), "comma-separated measures to compute: "+strings.Join(analysis.Measures, ", "))
	f.IntVar(&o.themes, "themes", 0, "number of themes (0: chosen by silhouette, 2 to 10)")
	f.Int64Var(&o.seed, "seed", 1, "seed for every random choice (Leiden, k-means, sampling); same inputs and seed give the same bytes")
	f.Float64Var(&o.resolution, "resolution", 1, "resolution γ of the community detection (for cpm: the link density a community must exceed)")
	f.StringVar(&o.quality, "quality", "modularity", "quality function of the community detection: modularity or cpm")
	f.StringVar(&o.method, "method", "leiden", "community detection: leiden or louvain")
	f.IntVar(&o.iterations, "iterations", 2, "Leiden iterations (2, igraph's default; 0: until the quality stops rising)")
	f.IntVar(&o.samples, "samples", 0, "betweenness from this many sampled sources (0: exact when works × citations ≤ 1.5e10, else sampled; -1: always exact)")
	f.StringVar(&o.direction, "direction", "auto", "order of the two IDs on an edge-list line: citing-cited, cited-citing, or auto (cited-citing for *.cites files, as LINQS writes them)")
}

func (o *analyseOptions) validate(_ context.Context, args []string) error {
	o.paths = args
	if len(o.paths) == 0 && o.db == "" {
		return errors.New("no FILE given (or --db to read a corpus)")
	}
	if o.outDir == "" {
		return errors.New("--out (-o) is required")
	}
	if err := validateFormat(o.format); err != nil {
		return err
	}
	var err error
	if o.only, err = analysis.StagesOf(o.measures); err != nil {
		return fmt.Errorf("--measures: %w", err)
	}
	return firstError(
		check(o.themes >= 0 && o.themes != 1, "--themes %d: want 0 (automatic) or at least 2", o.themes),
		check(o.resolution > 0 || o.resolution == 0 && o.quality == "cpm", "--resolution %v: must be positive", o.resolution),
		oneOf("--quality", o.quality, "modularity", "cpm"),
		oneOf("--method", o.method, "leiden", "louvain"),
		check(o.iterations >= 0, "--iterations %d: must not be negative", o.iterations),
		check(o.samples >= -1, "--samples %d: want -1, 0 or a positive number", o.samples),
		oneOf("--direction", o.direction, "auto", "citing-cited", "cited-citing"))
}

func newAnalyseCommand(s streams) *cobra.Command {
	var o analyseOptions
	return command(&cobra.Command{
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
	}, o.addFlags, o.validate, func(ctx context.Context) error { return runAnalyse(ctx, o, s) })
}

// loaded is a citation graph read from edge lists and records.
type loaded struct {
	scrape.Inputs // the edge lists and records read
	c             *graph.Compact
	g             *graph.Graph // the records' graph (nil without records)
	rep           *scrape.Report
}

// loadInputs reads paths (and the corpus db, if any) as analyse does:
// edge-list files through edgelist, the rest through scrape (as format);
// the records are resolved (with dec) and added to the graph. Failures are
// printed to errOut and counted.
func loadInputs(ctx context.Context, paths []string, format, direction, db string, dec graph.Decisions, s streams) (in loaded, err error) {
	ga := s.gathering()
	in.rep = &ga.Report
	if in.Inputs, err = scrape.ReadInputs(ctx, paths, format, edgelist.OrderBy(direction), scrape.Default(), ga); err != nil {
		return in, err
	}
	ga.End()
	if db != "" {
		stored, err := store.ReadRecords(ctx, db)
		if err != nil {
			return in, err
		}
		in.Records = append(in.Records, stored...)
	}
	if in.c, in.g = analysis.Combine(in.Builder, in.Records, graph.BuildOptions{Decisions: dec, Progress: s.reporter()}); in.c == nil {
		return in, fmt.Errorf("no citation graph: none of the %d inputs gave a node", in.Total)
	}
	return in, ctx.Err()
}

func runAnalyse(ctx context.Context, o analyseOptions, s streams) error {
	in, err := loadInputs(ctx, o.paths, o.format, o.direction, o.db, graph.Decisions{}, s)
	if err != nil {
		return err
	}
	c, counts, total, failed := in.c, in.Counts, in.Total, in.Failed
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

// analysisOptions are the analysis options of the flags.
func (o *analyseOptions) analysisOptions() analysis.Options {
	opt := analysis.Options{Seed: o.seed, Resolution: o.resolution, Louvain: o.method == "louvain",
		Iterations: o.iterations, Samples: o.samples, Themes: o.themes, Only: o.only}
	if o.iterations == 0 {
		opt.Iterations = -1 // until the quality stops rising
	}
	if o.quality == "cpm" {
		opt.Quality = analysis.QualityCPM
	}
	return opt
}
