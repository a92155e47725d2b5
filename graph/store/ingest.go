package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/progress"
	"github.com/citegraph/citegraph/graph/sourcefile"
)

// Reader is how Ingest reads sources without knowing their formats: List
// names the files under a root (scrape.ListFiles), Extract streams the
// records of one file to add (a scrape.Registry's ExtractTo with a
// format), returning the error that stopped or marred the file.
type Reader struct {
	List    func(root string) ([]string, error)
	Extract func(ctx context.Context, path string, r io.Reader, add func(graph.Record) error) error
	// OnError, when not nil, is told each source that could not be read
	// (or was read in part), as it happens.
	OnError func(error)
	// Progress, when not nil, is told the stage progress.Ingest, one item
	// per file.
	Progress progress.Reporter
}

// IngestCounts says what Ingest did: sources seen, of them unchanged (held
// already) and failed (stored with their error), of the failed those read
// in part (that gave records), and records added.
type IngestCounts struct {
	Sources, Unchanged, Failed, Records int
	Partial                             int
}

// SourceError is a source that could not be read, or was read in part:
// Ingest reports it and goes on.
type SourceError struct {
	Path string
	Err  error
}

func (e *SourceError) Error() string {
	var pe *fs.PathError
	if errors.As(e.Err, &pe) {
		return fmt.Sprintf("store: %s: %s: %v", e.Path, pe.Op, pe.Err)
	}
	return e.Err.Error() // extractors name their file already
}

func (e *SourceError) Unwrap() error { return e.Err }

// Ingest stores every file under roots in run, each in one transaction,
// skipping the files whose content (SHA-256) the store holds already,
// read completely. A file that cannot be read, or only in part, is told
// to rd.OnError, counted as failed, and stored with its error and the
// records its reader gave (those extract prints: none for a file that
// could not be read, the good records of one read in part); the next
// Ingest reads it again, replacing them, and reports it again, until it
// reads without a problem. The others go on. Ingest stops on a failure
// of the store or when ctx is done.
func (s *Store) Ingest(ctx context.Context, run int64, roots []string, rd Reader) (IngestCounts, error) {
	var n IngestCounts
	st := progress.Begin(rd.Progress, progress.Ingest, 0)
	defer func() {
		st.End(progress.F("sources", n.Sources), progress.F("new", n.Sources-n.Unchanged-n.Failed),
			progress.F("records", n.Records), progress.F("unchanged", n.Unchanged), progress.F("failed", n.Failed))
	}()
	fail := func(err error) {
		n.Failed++
		if rd.OnError != nil {
			rd.OnError(err)
		}
	}
	for _, root := range roots {
		files, err := rd.List(root)
		if err != nil {
			n.Sources++
			fail(&SourceError{Path: root, Err: err})
			continue
		}
		for _, path := range files {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			n.Sources++
			added, unchanged, err := s.ingestFile(ctx, run, path, rd.Extract)
			n.Records += added
			var se *SourceError
			switch {
			case ctx.Err() != nil:
				return n, ctx.Err()
			case unchanged:
				n.Unchanged++
			case errors.As(err, &se):
				if added > 0 {
					n.Partial++
				}
				fail(se)
			case err != nil:
				return n, err // the store failed: stop
			}
			st.Add(1)
		}
	}
	return n, nil
}

// ingestFile stores one file in one transaction; reading problems are a
// *SourceError.
func (s *Store) ingestFile(ctx context.Context, run int64, path string, extract func(context.Context, string, io.Reader, func(graph.Record) error) error) (added int, unchanged bool, err error) {
	f, err := sourcefile.Open(path) // a FIFO or device is refused, not waited on
	if err != nil {
		return 0, false, &SourceError{Path: path, Err: err}
	}
	defer f.Close()
	sum, size, err := hashFile(f)
	if err != nil {
		return 0, false, &SourceError{Path: path, Err: err}
	}
	if _, ok, err := s.Has(ctx, sum); err != nil || ok {
		return 0, ok, err
	}
	w, err := s.BeginSource(ctx, run, Source{Path: path, SHA256: sum, Size: size})
	if err != nil {
		return 0, false, err
	}
	defer w.Rollback()
	var storeErr error
	readErr := extract(ctx, path, f, func(r graph.Record) error {
		if added == 0 {
			w.SetFormat(r.Source.Format)
		}
		if err := w.Add(ctx, r); err != nil {
			storeErr = err
			return err
		}
		added++
		return nil
	})
	switch {
	case storeErr != nil:
		return 0, false, storeErr
	case ctx.Err() != nil:
		return 0, false, ctx.Err()
	case readErr != nil:
		w.SetErr(readErr.Error())
	}
	if err := w.Commit(ctx); err != nil {
		return 0, false, err
	}
	if readErr != nil {
		return added, false, &SourceError{Path: path, Err: readErr}
	}
	return added, false, nil
}

// hashFile returns the SHA-256 and size of f and rewinds it, so that what
// is read is what was hashed.
func hashFile(f *os.File) (string, int64, error) {
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// Resolve builds the graph of every record the store holds (with opt:
// decisions, progress) and stores it with run, with the work each record
// became (table record_works: record, work, rule, score); it returns the
// records and the graph.
func (s *Store) Resolve(ctx context.Context, run int64, opt graph.BuildOptions) ([]graph.Record, *graph.Graph, error) {
	recs, ids, err := s.records(ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := opt.Decisions.Check(recs); err != nil {
		return nil, nil, err
	}
	g := graph.BuildWith(recs, opt)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := s.saveGraph(ctx, run, g, ids); err != nil {
		return nil, nil, err
	}
	return recs, g, nil
}

// OpenExisting opens the corpus at path, which must exist: unlike Open it
// never creates one (a mistyped --db is an error, not a new empty corpus).
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return Open(ctx, path)
}

// IngestRecords stores the records read from a source that is not a file
// (a fetched page, named by its URL or DOI) in one transaction. Its
// content is the records themselves: their SHA-256 over graph's JSON of
// each, so that a page fetched again that gives the same records is
// unchanged, and one that gives others replaces its earlier records. The
// path is hashed too: two pages that give the same records are two
// sources.
func (s *Store) IngestRecords(ctx context.Context, run int64, path string, recs []graph.Record) (added int, unchanged bool, err error) {
	h := sha256.New()
	_, _ = h.Write([]byte(path + "\n")) // a hash.Hash never fails
	var size int64
	for i := range recs {
		b, err := graph.MarshalRecordJSON(&recs[i])
		if err != nil {
			return 0, false, err
		}
		n, _ := h.Write(append(b, '\n'))
		size += int64(n)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if _, ok, err := s.Has(ctx, sum); err != nil || ok {
		return 0, ok, err
	}
	src := Source{Path: path, SHA256: sum, Size: size}
	if len(recs) > 0 {
		src.Format = recs[0].Source.Format
	}
	w, err := s.BeginSource(ctx, run, src)
	if err != nil {
		return 0, false, err
	}
	defer w.Rollback()
	for _, r := range recs {
		if err := w.Add(ctx, r); err != nil {
			return 0, false, err
		}
	}
	if err := w.Commit(ctx); err != nil {
		return 0, false, err
	}
	return len(recs), false, nil
}
