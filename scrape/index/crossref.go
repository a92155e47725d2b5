package index

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/fetch"
)

// Crossref is the client of the Crossref REST API (api.crossref.org):
// works by DOI through the list filter (doi:…,doi:…, up to CrossrefBatch
// per request, paged with cursor=* to the end) and a work's deposited
// reference list from /works/{doi}. Crossref's list of citing works
// (cited-by) is open to its members only, so Citations returns
// ErrUnsupported.
type Crossref struct{ client }

// CrossrefBatch is how many DOIs one Crossref filter asks for.
const CrossrefBatch = 50

// NewCrossref returns the client; PageSize (rows) defaults to 1000, the
// API's largest.
func NewCrossref(f *fetch.Fetcher, cfg Config) *Crossref {
	return &Crossref{newClient(f, cfg, "https://"+fetch.HostCrossref, 1000)}
}

// Name returns "crossref".
func (*Crossref) Name() string { return "crossref" }

// Format returns the format of its records, "crossref-api".
func (*Crossref) Format() string { return crossref.Format{}.Name() }

// Accepts reports whether scheme is doi, the only one Crossref knows.
func (*Crossref) Accepts(scheme string) bool { return scheme == SchemeDOI }

// Works emits a record per DOI Crossref holds, CrossrefBatch at a time.
func (c *Crossref) Works(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	for _, ids := range batches(only(ids, c.Accepts), CrossrefBatch) {
		vals := make([]string, len(ids))
		for i, id := range ids {
			vals[i] = "doi:" + id.Value
		}
		if b.fail(c.list(ctx, strings.Join(vals, ","), emit)) {
			break
		}
	}
	return b.result()
}

// References emits, for each DOI, the work as /works/{doi} gives it, with
// its deposited references.
func (c *Crossref) References(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	for _, id := range only(ids, c.Accepts) {
		u := c.base + "/works/" + escapePath(id.Value)
		err := func() error {
			r, err := c.get(ctx, u)
			if err != nil {
				return err
			}
			if err := crossref.Decode(ctx, bytes.NewReader(r.Body), stamp(u, c.Format(), emit)); err != nil {
				return decodeError("crossref", u, err)
			}
			return nil
		}()
		if b.fail(err) {
			break
		}
	}
	return b.result()
}

// Citations returns ErrUnsupported: Crossref shows the works citing a DOI
// to the DOI's members only.
func (c *Crossref) Citations(context.Context, []ID, func(graph.Record) error) error {
	return fmt.Errorf("%w: crossref lists citing works to its members only", ErrUnsupported)
}

// list pages through /works?filter=… with a cursor.
func (c *Crossref) list(ctx context.Context, filter string, emit func(graph.Record) error) error {
	cursor := "*"
	for {
		q := url.Values{}
		q.Set("filter", filter)
		q.Set("rows", fmt.Sprint(c.cfg.PageSize))
		q.Set("cursor", cursor)
		u := c.base + "/works?" + q.Encode()
		r, err := c.get(ctx, u)
		if err != nil {
			return err
		}
		var page struct {
			Message struct {
				NextCursor string            `json:"next-cursor"`
				Items      []json.RawMessage `json:"items"`
			} `json:"message"`
		}
		if err := json.Unmarshal(r.Body, &page); err != nil {
			return decodeError("crossref", u, err)
		}
		if err := crossref.Decode(ctx, bytes.NewReader(r.Body), stamp(u, c.Format(), emit)); err != nil {
			return decodeError("crossref", u, err)
		}
		if page.Message.NextCursor == "" || len(page.Message.Items) == 0 {
			return nil
		}
		cursor = page.Message.NextCursor
	}
}
