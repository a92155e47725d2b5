package store

import (
	"context"

	"github.com/citegraph/citegraph/graph"
)

// Update opens (or creates) the corpus at path, records a run of command,
// calls fn with the store and the run, and marks the run finished when fn
// succeeds; the store is closed in every case, and its error reported when
// nothing failed before.
func Update(ctx context.Context, path, command string, fn func(st *Store, run int64) error) (err error) {
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
