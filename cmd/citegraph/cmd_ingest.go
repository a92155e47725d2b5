package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape/web"
)

type ingestOptions struct {
	db        string
	format    string
	database  string
	decisions string
	paths     []string
	args      []string // the command line, recorded with the run
	web       webOptions
}

func (o *ingestOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&o.db, "db", "", "the corpus file (SQLite; created if missing; required)")
	f.StringVar(&o.format, "format", "", "read every input as this format instead of detecting it")
	f.StringVar(&o.database, "database", "", "the database the inputs were exported from (e.g. \"CINAHL\"), for records whose export does not say")
	f.StringVar(&o.decisions, "decisions", "", "a file of identity rulings (\"same A B\" / \"different A B\" per line) the resolution honours")
	o.web.addFlags(f, "web.warc.gz beside FILE", "depth")
}

func (o *ingestOptions) validate(ctx context.Context, args []string) (err error) {
	o.args = os.Args
	if o.paths, err = o.web.validate(ctx, args); err != nil {
		return err
	}
	if o.db == "" {
		return errors.New("--db is required")
	}
	if len(o.paths) == 0 {
		return errors.New("no INPUT given")
	}
	return validateFormat(o.format)
}

func newIngestCommand(s streams) *cobra.Command {
	return command(s, &ingestOptions{}, &cobra.Command{
		Use:   "ingest --db FILE INPUT...",
		Short: "Add sources to a corpus database, then resolve it",
		Long: `Ingest reads each INPUT (a file, or a folder read recursively in name order)
into the corpus database FILE, then resolves everything the corpus holds into
one citation graph and stores it with a report of what matching did.

A source whose content is already in the corpus (same SHA-256) is skipped, so
running ingest twice on the same inputs leaves the corpus unchanged; a file
whose content changed replaces its earlier records. Every source is written
in one transaction: if ingest is killed, the corpus holds each source either
completely or not at all, and the next run goes on from there. A source that
cannot be read, or only in part, is recorded with its error and the records
it gave (as extract prints them) and the others go on; the next ingest reads
it again and reports it again until it reads cleanly. Two ingests into one
corpus at once run one after the other (a lock on the corpus file).

A fetched page is a source named by its URL, DOI or PMCID, whose content is
the records it gave: fetched again with the same records, it is unchanged.

"citegraph run --db FILE -o DIR" reads the corpus.
` + webHelp + exitCodesHelp,
		Args: cobra.ArbitraryArgs,
	})
}

func (o ingestOptions) run(ctx context.Context, s streams) error {
	dec, err := graph.ReadDecisionsFile(o.decisions)
	if err != nil {
		return err
	}
	r, err := store.UpdateResolve(ctx, o.db, strings.Join(o.args, " "), store.UpdateOptions{
		Ingest: o.ingester(filepath.Dir(o.db), s), Build: graph.BuildOptions{Decisions: dec, Progress: s.reporter()}})
	if err != nil {
		return err
	}
	printIngested(s.errOut, r.Ingested, o.db)
	fmt.Fprintf(s.errOut, "corpus: %d sources, %d records, %d references, %d statements\n",
		r.Stats.Sources, r.Stats.Records, r.Stats.References, r.Stats.Statements)
	output.WriteMatching(s.errOut, r.Graph.Report())
	output.WriteCycles(s.errOut, r.Graph)
	return ingestError(r.Ingested)
}

// ingestError is batchError over what an ingest did: when every source
// failed but some were read in part, the command did part of its work.
func ingestError(n store.IngestCounts) error {
	if n.Partial > 0 {
		return &partialError{failed: n.Failed, total: n.Sources, partial: n.Partial}
	}
	return batchError(n.Failed, n.Sources)
}

// ingester stores the inputs in the corpus (web.Ingest); dir is where the
// WARC of fetched pages goes unless --warc says.
func (o *ingestOptions) ingester(dir string, s streams) func(context.Context, *store.Store, int64) (store.IngestCounts, error) {
	return func(ctx context.Context, st *store.Store, run int64) (store.IngestCounts, error) {
		return web.Ingest(ctx, st, run, o.paths, o.web.config(dir, o.format, s.errOut), web.IngestOptions{
			Database: o.database, OnError: func(err error) { fmt.Fprintln(s.errOut, err) }, Progress: s.reporter()})
	}
}

// printIngested says what ingestPaths did to the corpus at db.
func printIngested(w io.Writer, n store.IngestCounts, db string) {
	partial := ""
	if n.Partial > 0 {
		partial = fmt.Sprintf(" (%d read in part, their good records kept; read again by the next ingest)", n.Partial)
	}
	fmt.Fprintf(w, "ingested %d sources into %s: %d new (%d records), %d unchanged, %d failed%s\n",
		n.Sources, db, n.Sources-n.Unchanged-n.Failed, n.Records, n.Unchanged, n.Failed, partial)
}
