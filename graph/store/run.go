package store

import (
	"context"

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
