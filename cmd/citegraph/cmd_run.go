package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/edgelist"
	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/web"
)

type runOptions struct {
	outDir     string
	format     string
	database   string
	seed       int64
	resolution float64
	layout     string
	render     string
	renderWait time.Duration // --render-timeout
	hideCiting bool
	top        int
	views      viewFlags
	db         string
	decisions  string
	paths      []string
	args       []string // the command line, recorded with the run in the corpus
	web        webOptions
	minConf    float64 // --min-confidence
	periods    []int   // --periods
	refYear    int     // --reference-year
}

func (o *runOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.outDir, "out", "o", "", "folder to write the outputs to (created if missing; required)")
	f.StringVar(&o.format, "format", "", "read every input as this format instead of detecting it")
	f.StringVar(&o.database, "database", "", "the database the inputs were exported from (e.g. \"CINAHL\"), for records whose export does not say")
	f.Int64Var(&o.seed, "seed", 1, "seed for every random choice (community detection); same inputs and seed give the same bytes")
	f.Float64Var(&o.resolution, "resolution", 1, "modularity resolution of the community detection: higher gives more, smaller themes")
	f.StringVar(&o.layout, "layout", "", "GraphViz layout engine (dot, sfdp, neato, fdp, circo, twopi); default: dot for small maps, sfdp for large")
	f.StringVar(&o.render, "render", "svg", "render graph.dot with GraphViz to this format: svg, pdf, png, or none")
	f.DurationVar(&o.renderWait, "render-timeout", 60*time.Second, "stop GraphViz when one drawing takes longer than this (its .dot file is kept and a note says so); 0 for no limit")
	f.BoolVar(&o.hideCiting, "hide-citing", false, "leave out of the drawing the unnamed works known only by a citation statement")
	f.IntVar(&o.top, "top", 10, "number of works listed in the summary and in the report")
	f.StringVar(&o.views.formats, "formats", "all", "outputs to write besides works.jsonl, graph.dot, centrality.csv and themes.csv: all, none, or some of "+strings.Join(output.Optional(), ","))
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
	f.Float64Var(&o.minConf, "min-confidence", 0, "leave unclassified the statement intents citegraph's model gives with a calibrated confidence below this (0..1); a source's intents are kept")
	f.IntVar(&o.refYear, "reference-year", 0, "the year bibliometrics count document ages, citations per year and m-indexes from (bibliometrix: the current year); default the last year of the works")
	f.IntSliceVar(&o.periods, "periods", nil, "draw the thematic evolution over the periods ending in these years, e.g. 2000,2010 (…–2000, 2001–2010, 2011–…)")
	o.web.addFlags(f, "DIR/web.warc.gz", "follow-depth")
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
	if o.renderWait < 0 {
		return fmt.Errorf("--render-timeout %v: must not be negative", o.renderWait)
	}
	if o.resolution <= 0 {
		return fmt.Errorf("--resolution %v: must be positive", o.resolution)
	}
	if o.top < 0 {
		return fmt.Errorf("--top %d: must not be negative", o.top)
	}
	if o.refYear < 0 {
		return fmt.Errorf("--reference-year %d is not a year", o.refYear)
	}
	for _, y := range o.periods {
		if y <= 0 {
			return fmt.Errorf("--periods: %d is not a year", y)
		}
	}
	if o.minConf < 0 || o.minConf > 1 {
		return fmt.Errorf("--min-confidence %v: want a probability from 0 to 1", o.minConf)
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

` + output.Help() + `
With --db FILE the works come from a corpus that "ingest" made; INPUTs
given as well are ingested into it first (unchanged sources are skipped),
and the resolved graph is stored back with the run.

A short summary goes to stderr. An input that cannot be read is reported
and the others go on. Files are written atomically: a file in DIR is either
the old one or the complete new one.
` + webHelp + exitCodesHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			var err error
			o.args = os.Args
			if o.paths, err = o.web.validate(c.Context(), args); err == nil {
				err = o.validate()
			}
			if err != nil {
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
	c             *graph.Compact // the graph read from edge lists, analysed instead of g (nil when none)
	total, failed int
	partial       int            // of the failed, those read in part (a corpus's ingest)
	rep           *scrape.Report // per source; nil for a corpus
}

// gatherFiles reads the INPUTs and resolves their records.
func gatherFiles(ctx context.Context, o runOptions, dec graph.Decisions, s streams) (gathered, error) {
	if lists, _ := scrape.SplitEdgeLists(o.paths, edgelist.OrderFor, nil); len(lists) > 0 {
		return gatherEdgeLists(ctx, o, dec, s)
	}
	var in gathered
	ga := scrape.NewGathering(s.reporter(), func(err error) { fmt.Fprintln(s.errOut, err) })
	err := web.Gather(ctx, o.paths, o.web.config(o.outDir, o.format, s.errOut), ga.Visitor(scrape.NamingDatabase(o.database, func(r graph.Record) error {
		in.recs = append(in.recs, r)
		return nil
	})))
	ga.End()
	in.rep = &ga.Report
	in.total, _, in.failed, _, _ = in.rep.Counts() // failed: sources that gave no record; one read in part is not
	if err != nil {
		return in, err
	}
	if len(in.recs) == 0 {
		return in, fmt.Errorf("no records: none of the %d sources could be read", in.total)
	}
	if err := dec.Check(in.recs); err != nil {
		return in, err
	}
	in.g = graph.BuildWith(in.recs, graph.BuildOptions{Decisions: dec, Progress: s.reporter()})
	return in, ctx.Err()
}

// gatherEdgeLists reads the INPUTs as analyse does (loadInputs): the
// compact graph is analysed, and its works described by the records.
func gatherEdgeLists(ctx context.Context, o runOptions, dec graph.Decisions, s streams) (gathered, error) {
	l, err := loadInputs(ctx, o.paths, o.format, "auto", "", dec, s)
	if err != nil {
		return gathered{}, err
	}
	var details func(string) *graph.Work
	if l.g != nil {
		details = l.g.Work
	}
	return gathered{recs: l.recs, g: graph.FromCompact(l.c, details), c: l.c, total: l.total, failed: l.failed, rep: l.rep}, nil
}

// gatherCorpus ingests the INPUTs, if any, into the corpus o.db, then reads
// and resolves all it holds, storing the graph with the run.
func gatherCorpus(ctx context.Context, o runOptions, dec graph.Decisions, s streams) (in gathered, err error) {
	err = store.Update(ctx, o.db, strings.Join(o.args, " "), func(st *store.Store, run int64) error {
		if len(o.paths) > 0 {
			ing := ingestOptions{paths: o.paths, format: o.format, database: o.database, web: o.web}
			n, err := ing.ingest(ctx, st, run, o.outDir, s)
			if err != nil {
				return err
			}
			in.total, in.failed, in.partial = n.Sources, n.Failed, n.Partial
			printIngested(s.errOut, n, o.db)
		}
		if in.recs, in.g, err = st.Resolve(ctx, run, graph.BuildOptions{Decisions: dec, Progress: s.reporter()}); err != nil {
			return err
		}
		if len(in.recs) == 0 {
			return fmt.Errorf("no records: the corpus %s holds none", o.db)
		}
		return nil
	})
	return in, err
}

func runRun(ctx context.Context, o runOptions, s streams) error {
	dec, err := graph.ReadDecisionsFile(o.decisions)
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
	intent.MinConfidence(in.recs, in.g, o.minConf)
	opt := analysis.Options{Seed: o.seed, Resolution: o.resolution, Progress: s.reporter()}
	var res analysis.Result
	if in.c != nil {
		res, err = analysis.RunCompact(ctx, in.c, opt)
	} else {
		res, err = analysis.RunContext(ctx, in.g, opt)
	}
	if err != nil {
		return err
	}
	prev, err := output.PreviousWorks(o.outDir)
	if err != nil {
		return err
	}
	out := output.NewInput(in.recs, in.g, res)
	written, err := output.Write(ctx, output.Dir{Path: o.outDir}, out, output.Options{
		Formats: o.views.chosen, Render: o.render, RenderTimeout: o.renderWait, Layout: o.layout, HideCiting: o.hideCiting, Top: o.top,
		Views: o.views.views, Paths: o.paths, Seed: o.seed, Resolution: o.resolution, Periods: o.periods, ReferenceYear: o.refYear,
		Sources: in.total, Failed: in.failed, Previous: prev, Note: func(n string) { fmt.Fprintln(s.errOut, "note: "+n) },
		Progress: s.reporter(),
	})
	if err != nil {
		return err
	}
	out.WriteSummary(s.errOut, output.Summary{Sources: in.total, Failed: in.failed, Records: len(in.recs), Top: o.top, Written: written, Dir: o.outDir})
	if in.rep != nil {
		return in.rep.Err()
	}
	return ingestError(store.IngestCounts{Sources: in.total, Failed: in.failed, Partial: in.partial})
}
