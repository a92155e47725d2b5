package store

import (
	"context"
	"fmt"

	"github.com/citegraph/citegraph/graph"
)

// Update opens (or creates) the corpus at path, records a run of command,
// calls fn with the store and the run, and marks the run finished when fn
// succeeds; the store is closed in every case, and its error reported when
// nothing failed before.
//
// Updates of one corpus are serialised, across processes: Update holds an
// exclusive lock on the corpus file from before it opens it until it has
// closed it, and waits (until ctx is done) while another holds it. So two
// ingests into one corpus run one after the other, and each resolves the
// corpus as it left it: its own sources and those committed before.
func Update(ctx context.Context, path, command string, fn func(st *Store, run int64) error) (err error) {
	unlock, err := lockCorpus(ctx, path)
	if err != nil {
		return err
	}
	defer unlock()
	st, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	run, err := st.BeginRun(ctx, command)
	if err != nil {
		return err
	}
	if err := fn(st, run); err != nil {
		return err
	}
	return st.FinishRun(ctx, run)
}

// ReadRecords returns every record of the corpus at path, which must
// exist.
func ReadRecords(ctx context.Context, path string) (recs []graph.Record, err error) {
	st, err := OpenExisting(ctx, path)
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

// Resolved is what UpdateResolve did to a corpus and read from it.
type Resolved struct {
	Ingested IngestCounts   // what Ingest did; zero without one
	Records  []graph.Record // every record the corpus holds
	Graph    *graph.Graph   // their resolved graph, stored with the run
	Stats    Stats          // what the corpus holds after the run
}

// UpdateOptions are the steps of UpdateResolve.
type UpdateOptions struct {
	// Ingest, when not nil, adds sources to the corpus before it is
	// resolved (e.g. scrape/web.Ingest).
	Ingest func(ctx context.Context, st *Store, run int64) (IngestCounts, error)
	// Build are the options of the resolution (decisions, progress).
	Build graph.BuildOptions
	// NonEmpty makes a corpus without records an error (the run is then
	// not marked finished).
	NonEmpty bool
}

// UpdateResolve is one Update of the corpus at path (created if missing)
// that ingests what opt.Ingest adds, then resolves everything the corpus
// holds (Resolve) and counts it: citegraph ingest, and run --db.
func UpdateResolve(ctx context.Context, path, command string, opt UpdateOptions) (r Resolved, err error) {
	err = Update(ctx, path, command, func(st *Store, run int64) (err error) {
		if opt.Ingest != nil {
			if r.Ingested, err = opt.Ingest(ctx, st, run); err != nil {
				return err
			}
		}
		if r.Records, r.Graph, err = st.Resolve(ctx, run, opt.Build); err != nil {
			return err
		}
		if opt.NonEmpty && len(r.Records) == 0 {
			return fmt.Errorf("no records: the corpus %s holds none", path)
		}
		r.Stats, err = st.Stats(ctx)
		return err
	})
	return r, err
}
