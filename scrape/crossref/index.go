package crossref

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Index is the client of the Index REST API (api.crossref.org):
// works by index.DOI through the list filter (doi:…,doi:…, up to Batch
// per request, paged with cursor=* to the end) and a work's deposited
// reference list from /works/{doi}. Index's list of citing works
// (cited-by) is open to its members only, so Citations returns
// index.ErrUnsupported.
type Index struct{ index.Client }

// Batch is how many DOIs one Index filter asks for.
const Batch = 50

// NewIndex returns the client; PageSize (rows) defaults to 1000, the
// API's largest.
func NewIndex(f *fetch.Fetcher, cfg index.Config) *Index {
	return &Index{index.NewClient(f, cfg, index.Endpoint{Name: "crossref", Format: Format{}.Name(), Base: "https://" + Host, PageSize: 1000})}
}

// Accepts reports whether scheme is doi, the only one Index knows.
func (*Index) Accepts(scheme string) bool { return scheme == index.SchemeDOI }

// Works emits a record per index.DOI Index holds, Batch at a time.
func (c *Index) Works(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	for _, ids := range index.Batches(index.Only(ids, c.Accepts), Batch) {
		vals := make([]string, len(ids))
		for i, id := range ids {
			vals[i] = "doi:" + id.Value
		}
		if b.Fail(c.list(ctx, strings.Join(vals, ","), emit)) {
			break
		}
	}
	return b.Result()
}

// References emits, for each index.DOI, the work as /works/{doi} gives it, with
// its deposited references.
func (c *Index) References(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	for _, id := range index.Only(ids, c.Accepts) {
		u := c.Base + "/works/" + index.EscapePath(id.Value)
		if b.Fail(c.Fetch(ctx, &fetch.Request{URL: u, Kind: fetch.API}, Decode, emit)) {
			break
		}
	}
	return b.Result()
}

// Citations returns index.ErrUnsupported: Index shows the works citing a index.DOI
// to the index.DOI's members only.
func (c *Index) Citations(context.Context, []index.ID, func(graph.Record) error) error {
	return fmt.Errorf("%w: crossref lists citing works to its members only", index.ErrUnsupported)
}

// list pages through /works?filter=… with a cursor.
func (c *Index) list(ctx context.Context, filter string, emit func(graph.Record) error) error {
	q := url.Values{}
	q.Set("filter", filter)
	q.Set("rows", fmt.Sprint(c.Config.PageSize))
	return c.Cursor(ctx, "/works", q, nextCursor, Decode, emit)
}

// nextCursor returns the cursor of a page of works, "" when it is the
// last (no cursor, or no items).
func nextCursor(body []byte) (string, error) {
	var page struct {
		Message struct {
			NextCursor string            `json:"next-cursor"`
			Items      []json.RawMessage `json:"items"`
		} `json:"message"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return "", err
	}
	if len(page.Message.Items) == 0 {
		return "", nil
	}
	return page.Message.NextCursor, nil
}
