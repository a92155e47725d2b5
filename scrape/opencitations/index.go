package opencitations

import (
	"bytes"
	"context"
	"fmt"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Index is the client of the Index index.Index API v2
// (api.opencitations.net/index/v2, whose COCI holds the open citations of
// Crossref DOIs): /references/doi:… and /citations/doi:…, asked as CSV
// (format=csv), one request per work; each answer holds every row, with
// no paging. Rows name works by identifier only, so Index
// describes no work: Works returns index.ErrUnsupported.
type Index struct{ index.Client }

// NewIndex returns the client; PageSize is not used.
func NewIndex(f *fetch.Fetcher, cfg index.Config) *Index {
	return &Index{index.NewClient(f, cfg, index.Endpoint{Name: "opencitations", Format: Format{}.Name(), Base: "https://" + Host + "/index/v2"})}
}

// Accepts reports whether scheme is doi or pmid.
func (*Index) Accepts(scheme string) bool {
	return scheme == index.SchemeDOI || scheme == graph.IDPMID
}

// Works returns index.ErrUnsupported: citation rows describe no work.
func (*Index) Works(context.Context, []index.ID, func(graph.Record) error) error {
	return fmt.Errorf("%w: opencitations' index gives citations, not metadata", index.ErrUnsupported)
}

// References emits, per work, a record of it with a reference per row.
func (c *Index) References(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	return c.rows(ctx, "references", ids, emit)
}

// Citations emits a record per citing work, each with its reference to the
// work asked about.
func (c *Index) Citations(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	return c.rows(ctx, "citations", ids, emit)
}

func (c *Index) rows(ctx context.Context, op string, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	for _, id := range index.Only(ids, c.Accepts) {
		u := c.Base + "/" + op + "/" + id.Scheme + ":" + index.EscapePath(id.Value) + "?format=csv"
		err := func() error {
			r, err := c.Do(ctx, &fetch.Request{URL: u, Kind: fetch.API, Header: map[string][]string{"Accept": {"text/csv"}}})
			if err != nil {
				return err
			}
			if len(bytes.TrimSpace(r.Body)) == 0 {
				return nil // no rows
			}
			if err := c.Read(ctx, u, r.Body, Decode, emit); err != nil && !isHeaderOnly(r.Body) {
				return err
			}
			return nil
		}()
		if b.Fail(err) {
			break
		}
	}
	return b.Result()
}

// isHeaderOnly reports whether a CSV answer is its header line alone (a
// work with no citations), or an empty JSON array. A single line that is
// not a header of citation rows (an error message answered with 200) is
// not: its decoding error is reported.
func isHeaderOnly(body []byte) bool {
	body = bytes.TrimSpace(body)
	if string(body) == "[]" {
		return true
	}
	return !bytes.ContainsAny(body, "\n") && Format{}.Sniff(body)
}
