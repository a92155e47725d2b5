package index

import (
	"bytes"
	"context"
	"fmt"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/opencitations"
)

// OpenCitations is the client of the OpenCitations Index API v2
// (api.opencitations.net/index/v2, whose COCI holds the open citations of
// Crossref DOIs): /references/doi:… and /citations/doi:…, asked as CSV
// (format=csv), one request per work; each answer holds every row, with
// no paging. Rows name works by identifier only, so OpenCitations
// describes no work: Works returns ErrUnsupported.
type OpenCitations struct{ client }

// NewOpenCitations returns the client; PageSize is not used.
func NewOpenCitations(f *fetch.Fetcher, cfg Config) *OpenCitations {
	return &OpenCitations{newClient(f, cfg, "https://"+fetch.HostOpenCitations+"/index/v2", 0)}
}

// Name returns "opencitations".
func (*OpenCitations) Name() string { return "opencitations" }

// Format returns the format of its records, "opencitations".
func (*OpenCitations) Format() string { return opencitations.Format{}.Name() }

// Accepts reports whether scheme is doi or pmid.
func (*OpenCitations) Accepts(scheme string) bool {
	return scheme == SchemeDOI || scheme == graph.IDPMID
}

// Works returns ErrUnsupported: citation rows describe no work.
func (*OpenCitations) Works(context.Context, []ID, func(graph.Record) error) error {
	return fmt.Errorf("%w: opencitations' index gives citations, not metadata", ErrUnsupported)
}

// References emits, per work, a record of it with a reference per row.
func (c *OpenCitations) References(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	return c.rows(ctx, "references", ids, emit)
}

// Citations emits a record per citing work, each with its reference to the
// work asked about.
func (c *OpenCitations) Citations(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	return c.rows(ctx, "citations", ids, emit)
}

func (c *OpenCitations) rows(ctx context.Context, op string, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	for _, id := range only(ids, c.Accepts) {
		u := c.base + "/" + op + "/" + id.Scheme + ":" + escapePath(id.Value) + "?format=csv"
		err := func() error {
			r, err := c.do(ctx, &fetch.Request{URL: u, Kind: fetch.API, Header: map[string][]string{"Accept": {"text/csv"}}})
			if err != nil {
				return err
			}
			if len(bytes.TrimSpace(r.Body)) == 0 {
				return nil // no rows
			}
			err = opencitations.Decode(ctx, bytes.NewReader(r.Body), stamp(u, c.Format(), emit))
			if err != nil && !isHeaderOnly(r.Body) {
				return decodeError("opencitations", u, err)
			}
			return nil
		}()
		if b.fail(err) {
			break
		}
	}
	return b.result()
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
	return !bytes.ContainsAny(body, "\n") && opencitations.Format{}.Sniff(body)
}
