package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape/intent"
)

type runOptions struct {
	outDir    string
	format    string
	database  string
	opt       output.Options // the flags of the outputs (render, layout, top …), completed by run
	views     viewFlags
	db        string
	decisions string
	paths     []string
	args      []string // the command line, recorded with the run in the corpus
	web       webOptions
	minConf   float64 // --min-confidence
}

func (o *runOptions) addFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.outDir, "out", "o", "", "folder to write the outputs to (created if missing; required)")
	f.StringVar(&o.format, "format", "", "read every input as this format instead of detecting it")
	f.StringVar(&o.database, "database", "", "the database the inputs were exported from (e.g. \"CINAHL\"), for records whose export does not say")
	f.Int64Var(&o.opt.Seed, "seed", 1, "seed for every random choice (community detection); same inputs and seed give the same bytes")
	f.Float64Var(&o.opt.Resolution, "resolution", 1, "modularity resolution of the community detection: higher gives more, smaller themes")
	f.StringVar(&o.opt.Layout, "layout", "", "GraphViz layout engine (dot, sfdp, neato, fdp, circo, twopi); default: dot for small maps, sfdp for large")
	f.StringVar(&o.opt.Render, "render", "svg", "render graph.dot with GraphViz to this format: svg, pdf, png, or none")
	f.DurationVar(&o.opt.RenderTimeout, "render-timeout", 60*time.Second, "stop GraphViz when one drawing takes longer than this (its .dot file is kept and a note says so); 0 for no limit")
	f.BoolVar(&o.opt.HideCiting, "hide-citing", false, "leave out of the drawing the unnamed works known only by a citation statement")
	f.IntVar(&o.opt.Top, "top", 10, "number of works listed in the summary and in the report")
	o.views.addFlags(f, &o.opt.Views)
	f.StringVar(&o.db, "db", "", "read the works from this corpus (made by ingest); INPUTs, if any, are ingested into it first")
	f.StringVar(&o.decisions, "decisions", "", "a file of identity rulings (\"same A B\" / \"different A B\" per line) the resolution honours")
	f.Float64Var(&o.minConf, "min-confidence", 0, "leave unclassified the statement intents citegraph's model gives with a calibrated confidence below this (0..1); a source's intents are kept")
	f.IntVar(&o.opt.ReferenceYear, "reference-year", 0, "the year bibliometrics count document ages, citations per year and m-indexes from (bibliometrix: the current year); default the last year of the works")
	f.IntSliceVar(&o.opt.Periods, "periods", nil, "draw the thematic evolution over the periods ending in these years, e.g. 2000,2010 (…–2000, 2001–2010, 2011–…)")
	o.web.addFlags(f, "DIR/web.warc.gz", "follow-depth")
}

func (o *runOptions) validate(ctx context.Context, args []string) (err error) {
	o.args = os.Args
	if o.paths, err = o.web.validate(ctx, args); err != nil {
		return err
	}
	if o.outDir == "" {
		return errors.New("--out (-o) is required")
	}
	if len(o.paths) == 0 && o.db == "" {
		return errors.New("no INPUT given (or --db to read a corpus)")
	}
	for _, y := range o.opt.Periods {
		if y <= 0 {
			return fmt.Errorf("--periods: %d is not a year", y)
		}
	}
	return firstError(validateFormat(o.format),
		oneOf("--render", o.opt.Render, "svg", "pdf", "png", "none"),
		oneOf("--layout", o.opt.Layout, "", "dot", "sfdp", "neato", "fdp", "circo", "twopi"),
		check(o.opt.RenderTimeout >= 0, "--render-timeout %v: must not be negative", o.opt.RenderTimeout),
		check(o.opt.Resolution > 0, "--resolution %v: must be positive", o.opt.Resolution),
		check(o.opt.Top >= 0, "--top %d: must not be negative", o.opt.Top),
		check(o.opt.ReferenceYear >= 0, "--reference-year %d is not a year", o.opt.ReferenceYear),
		check(o.minConf >= 0 && o.minConf <= 1, "--min-confidence %v: want a probability from 0 to 1", o.minConf),
		o.views.validate(&o.opt))
}

func newRunCommand(s streams) *cobra.Command {
	return command(s, &runOptions{}, &cobra.Command{
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
	})
}

func (o runOptions) run(ctx context.Context, s streams) error {
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
	opt := analysis.Options{Seed: o.opt.Seed, Resolution: o.opt.Resolution, Progress: s.reporter()}
	var res analysis.Result
	if in.c != nil {
		res, err = analysis.RunCompact(ctx, in.c, opt)
	} else {
		res, err = analysis.RunContext(ctx, in.g, opt)
	}
	if err != nil {
		return err
	}
	oo := o.opt
	if oo.Previous, err = output.PreviousWorks(o.outDir); err != nil {
		return err
	}
	oo.Paths, oo.Sources, oo.Failed, oo.Progress = o.paths, in.total, in.failed, s.reporter()
	oo.Note = func(n string) { fmt.Fprintln(s.errOut, "note: "+n) }
	out := output.NewInput(in.recs, in.g, res)
	written, err := output.Write(ctx, output.Dir{Path: o.outDir}, out, oo)
	if err != nil {
		return err
	}
	out.WriteSummary(s.errOut, output.Summary{Sources: in.total, Failed: in.failed, Records: len(in.recs), Top: o.opt.Top, Written: written, Dir: o.outDir})
	if in.rep != nil {
		return in.rep.Err()
	}
	return ingestError(store.IngestCounts{Sources: in.total, Failed: in.failed, Partial: in.partial})
}
