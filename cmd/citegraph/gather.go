package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/edgelist"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/web"
)

// The gathering of run and analyse: sources, edge lists or a corpus read
// into records and a graph, by the stages of scrape, graph/store and
// analysis.

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
	ga := s.gathering()
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
	return gathered{recs: l.Records, g: graph.FromCompact(l.c, details), c: l.c, total: l.Total, failed: l.Failed, rep: l.rep}, nil
}

// gatherCorpus ingests the INPUTs, if any, into the corpus o.db, then reads
// and resolves all it holds, storing the graph with the run.
func gatherCorpus(ctx context.Context, o runOptions, dec graph.Decisions, s streams) (gathered, error) {
	uo := store.UpdateOptions{Build: graph.BuildOptions{Decisions: dec, Progress: s.reporter()}, NonEmpty: true}
	if len(o.paths) > 0 {
		ing := ingestOptions{paths: o.paths, format: o.format, database: o.database, web: o.web}
		ingest := ing.ingester(o.outDir, s)
		uo.Ingest = func(ctx context.Context, st *store.Store, run int64) (store.IngestCounts, error) {
			n, err := ingest(ctx, st, run)
			if err == nil {
				printIngested(s.errOut, n, o.db)
			}
			return n, err
		}
	}
	r, err := store.UpdateResolve(ctx, o.db, strings.Join(o.args, " "), uo)
	n := r.Ingested
	return gathered{recs: r.Records, g: r.Graph, total: n.Sources, failed: n.Failed, partial: n.Partial}, err
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
