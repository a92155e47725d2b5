package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/output"
)

type analyseOptions struct {
	outDir    string
	format    string
	measures  string
	opt       analysis.Options // seed, resolution, iterations, samples, themes; completed by analysisOptions
	quality   string
	method    string
	direction string
	db        string
	paths     []string
}

func (o *analyseOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.outDir, "out", "o", "", "folder to write nodes.csv (and themes.csv) to (created if missing; required)")
	f.StringVar(&o.db, "db", "", "also analyse the works of this corpus (made by ingest); FILEs may then be left out")
	f.StringVar(&o.format, "format", "", "read every input that is not an edge list as this format instead of detecting it")
	f.StringVar(&o.measures, "measures", strings.Join(analysis.Measures, ","), "comma-separated measures to compute: "+strings.Join(analysis.Measures, ", "))
	f.IntVar(&o.opt.Themes, "themes", 0, "number of themes (0: chosen by silhouette, 2 to 10)")
	f.Int64Var(&o.opt.Seed, "seed", 1, "seed for every random choice (Leiden, k-means, sampling); same inputs and seed give the same bytes")
	f.Float64Var(&o.opt.Resolution, "resolution", 1, "resolution γ of the community detection (for cpm: the link density a community must exceed)")
	f.StringVar(&o.quality, "quality", "modularity", "quality function of the community detection: modularity or cpm")
	f.StringVar(&o.method, "method", "leiden", "community detection: leiden or louvain")
	f.IntVar(&o.opt.Iterations, "iterations", 2, "Leiden iterations (2, igraph's default; 0: until the quality stops rising)")
	f.IntVar(&o.opt.Samples, "samples", 0, "betweenness from this many sampled sources (0: exact when works × citations ≤ 1.5e10, else sampled; -1: always exact)")
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
	if o.opt.Only, err = analysis.StagesOf(o.measures); err != nil {
		return fmt.Errorf("--measures: %w", err)
	}
	return firstError(
		check(o.opt.Themes >= 0 && o.opt.Themes != 1, "--themes %d: want 0 (automatic) or at least 2", o.opt.Themes),
		check(o.opt.Resolution > 0 || o.opt.Resolution == 0 && o.quality == "cpm", "--resolution %v: must be positive", o.opt.Resolution),
		oneOf("--quality", o.quality, "modularity", "cpm"),
		oneOf("--method", o.method, "leiden", "louvain"),
		check(o.opt.Iterations >= 0, "--iterations %d: must not be negative", o.opt.Iterations),
		check(o.opt.Samples >= -1, "--samples %d: want -1, 0 or a positive number", o.opt.Samples),
		oneOf("--direction", o.direction, "auto", "citing-cited", "cited-citing"))
}

func newAnalyseCommand(s streams) *cobra.Command {
	return command(s, &analyseOptions{}, &cobra.Command{
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
	})
}

func (o analyseOptions) run(ctx context.Context, s streams) error {
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
	written, err := output.WriteNodeFiles(output.Dir{Path: o.outDir}, c, res)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.errOut, "wrote %s in %s\n", strings.Join(written, ", "), o.outDir)
	if total == 0 && failed == 0 {
		return nil
	}
	return in.rep.Err()
}

// analysisOptions are the analysis options of the flags.
func (o *analyseOptions) analysisOptions() analysis.Options {
	opt := o.opt
	opt.Louvain = o.method == "louvain"
	if opt.Iterations == 0 {
		opt.Iterations = -1 // until the quality stops rising
	}
	if o.quality == "cpm" {
		opt.Quality = analysis.QualityCPM
	}
	return opt
}
