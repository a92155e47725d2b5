package web

import (
	"context"
	"io"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/progress"
	"github.com/citegraph/citegraph/graph/store"
	"github.com/citegraph/citegraph/scrape"
)

// IngestOptions say how Ingest reads what it stores.
type IngestOptions struct {
	// Database names the database of the records whose export does not
	// (scrape.NamingDatabase); "" leaves them unnamed.
	Database string
	// OnError, when not nil, is told each input that could not be read.
	OnError func(error)
	// Progress, when not nil, is told the ingest of the files.
	Progress progress.Reporter
}

// Ingest stores inputs in run of st as Gather reads them: the files and
// folders through store.Ingest (a file whose content the corpus holds is
// skipped), then the URLs, DOIs and PMCIDs through a Source with cfg, each
// page as a source named by its input (store.IngestRecords). A page that
// failed is told to OnError; one that gave no record is not stored, so
// that the next ingest asks for it again, and the records of one read in
// part are stored.
func Ingest(ctx context.Context, st *store.Store, run int64, inputs []string, cfg Config, opt IngestOptions) (store.IngestCounts, error) {
	if cfg.Registry == nil {
		cfg.Registry = scrape.Default()
	}
	onError := opt.OnError
	if onError == nil {
		onError = func(error) {}
	}
	files, remote := Split(inputs)
	var n store.IngestCounts
	if len(files) > 0 {
		var err error
		n, err = st.Ingest(ctx, run, files, store.Reader{
			List: scrape.ListFiles,
			Extract: func(ctx context.Context, path string, r io.Reader, add func(graph.Record) error) error {
				return cfg.Registry.ExtractTo(ctx, path, r, cfg.Format, scrape.NamingDatabase(opt.Database, add))
			},
			OnError: onError, Progress: opt.Progress,
		})
		if err != nil {
			return n, err
		}
	}
	if len(remote) == 0 {
		return n, nil
	}
	var recs []graph.Record
	err := Gather(ctx, remote, cfg, scrape.Visitor{
		Record: scrape.NamingDatabase(opt.Database, func(r graph.Record) error {
			recs = append(recs, r)
			return nil
		}),
		Done: func(input string, _ int, rerr error) error {
			defer func() { recs = recs[:0] }()
			n.Sources++
			if rerr != nil {
				n.Failed++
				onError(rerr)
				if len(recs) == 0 {
					return nil // asked for again by the next ingest
				}
				// The records read before the problem are kept, as
				// store.Ingest keeps those of a file read in part.
				n.Partial++
			}
			added, unchanged, err := st.IngestRecords(ctx, run, input, recs)
			n.Records += added
			if unchanged && rerr == nil { // a failed page is counted failed only
				n.Unchanged++
			}
			return err
		},
	})
	return n, err
}
