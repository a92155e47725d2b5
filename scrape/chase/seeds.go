package chase

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/index"
	"github.com/citegraph/citegraph/scrape/internal/lines"
)

// Seed is a work to chase from: its identifiers (the DOI first) and, when
// it was read from an export, its record.
type Seed struct {
	IDs    []index.ID
	Record *graph.Record
}

// SeedError reports a line of a seeds file that names no work.
type SeedError struct {
	Path string
	Line int
	Err  error
}

func (e *SeedError) Error() string { return fmt.Sprintf("chase: %s:%d: %v", e.Path, e.Line, e.Err) }

// Unwrap returns the cause.
func (e *SeedError) Unwrap() error { return e.Err }

// Position returns the line, column 1.
func (e *SeedError) Position() (int, int) { return e.Line, 1 }

// GatherSeeds returns the seeds of the identifiers ids (as ParseID reads
// them) and then of each file (ReadSeeds), in order; skipped, when not
// nil, is told each file's records that carry no identifier.
func GatherSeeds(ctx context.Context, ids, files []string, reg *scrape.Registry, skipped func(path string, n int)) ([]Seed, error) {
	var parsed []index.ID
	for _, a := range ids {
		id, err := index.ParseID(a)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, id)
	}
	seeds := SeedsFromIDs(parsed...)
	for _, p := range files {
		ss, n, err := ReadSeeds(ctx, p, reg)
		if err != nil {
			return nil, err
		}
		if n > 0 && skipped != nil {
			skipped(p, n)
		}
		seeds = append(seeds, ss...)
	}
	return seeds, nil
}

// ReadSeeds reads the seeds of a chase from a file: either a list of
// identifiers, one per line (DOIs in any common form, OpenAlex IDs,
// "pmid:…"; blank lines and lines starting with # ignored), or any
// export reg reads (RIS, BibTeX, WoS, CSV exports, saved pages …), each
// record with an identifier a seed. A file is taken for a list when its
// first meaningful line is an identifier; then every line must be one,
// and the first that is not is a *SeedError. Records without identifier
// cannot be chased and are counted in skipped. Seeds are returned in file
// order, once each.
func ReadSeeds(ctx context.Context, path string, reg *scrape.Registry) (seeds []Seed, skipped int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	if isIDList(data) {
		seeds, err := parseIDList(path, data)
		return seeds, 0, err
	}
	seen := map[index.ID]bool{}
	err = reg.ExtractTo(ctx, path, bytes.NewReader(data), "", func(r graph.Record) error {
		ids := index.IDsOf(r.DOI, r.Identifiers)
		if len(ids) == 0 {
			skipped++
			return nil
		}
		if seen[ids[0]] {
			return nil
		}
		seen[ids[0]] = true
		rec := r
		seeds = append(seeds, Seed{IDs: ids, Record: &rec})
		return nil
	})
	return seeds, skipped, err
}

// isIDList reports whether the first meaningful line of data is an
// identifier.
func isIDList(data []byte) bool {
	found := false
	_ = eachIDLine(data, func(_ int, line string) error {
		_, err := index.ParseID(line)
		found = err == nil
		return errStopLines
	})
	return found
}

// errStopLines ends eachIDLine early without an error.
var errStopLines = errors.New("stop")

// eachIDLine calls fn with each meaningful line of an identifier list (not
// blank, not a # comment), trimmed, and its number; lines end in "\n",
// "\r\n" or "\r", and a byte-order mark is dropped (scrape/internal/lines).
func eachIDLine(data []byte, fn func(n int, line string) error) error {
	lr := lines.NewReader(bytes.NewReader(data))
	for {
		b, n, err := lr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		line := strings.TrimSpace(string(b))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			if errors.Is(err, errStopLines) {
				return nil
			}
			return err
		}
	}
}

func parseIDList(path string, data []byte) ([]Seed, error) {
	var out []Seed
	seen := map[index.ID]bool{}
	err := eachIDLine(data, func(n int, line string) error {
		id, err := index.ParseID(line)
		if err != nil {
			return &SeedError{Path: path, Line: n, Err: err}
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, Seed{IDs: []index.ID{id}})
		}
		return nil
	})
	if err != nil {
		var se *SeedError
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, fmt.Errorf("chase: %s: %w", path, err)
	}
	return out, nil
}

// SeedsFromIDs makes seeds of identifiers.
func SeedsFromIDs(ids ...index.ID) []Seed {
	out := make([]Seed, 0, len(ids))
	for _, id := range ids {
		out = append(out, Seed{IDs: []index.ID{id}})
	}
	return out
}
