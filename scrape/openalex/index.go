package openalex

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

// Index is the client of the Index API (docs.openalex.org): works
// by index.DOI, Index index.ID or PMID through the list filter, up to
// Batch identifiers joined with "|" per request; references from
// the works' referenced_works, described by a second look-up; citations
// through the cites: filter. Every list is paged with cursor=* to the end
// (next_cursor null or an empty page).
type Index struct{ index.Client }

// Batch is how many identifiers one Index filter asks for: the
// filter takes up to 100 values joined by "|", and 50 keeps URLs short.
const Batch = 50

// NewIndex returns the client; PageSize defaults to 200, the API's
// largest per-page.
func NewIndex(f *fetch.Fetcher, cfg index.Config) *Index {
	return &Index{index.NewClient(f, cfg, index.Endpoint{Name: "openalex", Format: Format{}.Name(), Base: "https://" + Host, PageSize: 200})}
}

// Accepts reports whether scheme is doi, openalex or pmid.
func (*Index) Accepts(scheme string) bool {
	return scheme == index.SchemeDOI || scheme == graph.IDOpenAlex || scheme == graph.IDPMID
}

var openalexFilter = map[string]string{index.SchemeDOI: "doi", graph.IDOpenAlex: "openalex", graph.IDPMID: "pmid"}

// Works emits a record per work ids name, asking for up to Batch
// at once per scheme.
func (c *Index) Works(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	c.works(b, ids, b.Wrap(emit))
	return b.Result()
}

func (c *Index) works(b *index.Batch, ids []index.ID, emit func(graph.Record) error) {
	for _, scheme := range []string{index.SchemeDOI, graph.IDOpenAlex, graph.IDPMID} {
		these := index.Only(ids, func(s string) bool { return s == scheme })
		for _, ids := range index.Batches(these, Batch) {
			vals := make([]string, len(ids))
			for i, id := range ids {
				vals[i] = id.Value
			}
			if b.Fail(c.list(b.Context(), openalexFilter[scheme]+":"+strings.Join(vals, "|"), emit)) {
				return
			}
		}
	}
}

// References emits each work's record, whose references name the cited
// works by Index index.ID, then a record per cited work.
func (c *Index) References(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	var cited []index.ID
	c.works(b, ids, func(r graph.Record) error {
		for _, ref := range r.References {
			if w := ref.Identifiers[graph.IDOpenAlex]; w != "" {
				cited = append(cited, index.ID{Scheme: graph.IDOpenAlex, Value: w})
			}
		}
		return emit(r)
	})
	if !b.Done() {
		c.works(b, cited, emit)
	}
	return b.Result()
}

// Citations emits the works citing each work (filter cites:W…), after the
// work's own record when it had to be looked up for its Index index.ID.
func (c *Index) Citations(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	var ws, other []index.ID
	for _, id := range index.Only(ids, c.Accepts) {
		if id.Scheme == graph.IDOpenAlex {
			ws = append(ws, id)
		} else {
			other = append(other, id)
		}
	}
	c.works(b, other, func(r graph.Record) error {
		if w := r.Identifiers[graph.IDOpenAlex]; w != "" {
			ws = append(ws, index.ID{Scheme: graph.IDOpenAlex, Value: w})
		}
		return emit(r)
	})
	for _, w := range index.Only(ws, c.Accepts) {
		if b.Done() || b.Fail(c.list(ctx, "cites:"+w.Value, emit)) {
			break
		}
	}
	return b.Result()
}

// list pages through /works?filter=… with a cursor.
func (c *Index) list(ctx context.Context, filter string, emit func(graph.Record) error) error {
	q := url.Values{}
	q.Set("filter", filter)
	q.Set("per-page", fmt.Sprint(c.Config.PageSize))
	return c.Cursor(ctx, "/works", q, nextCursor, Decode, emit)
}

// nextCursor returns the cursor of a page of works, "" when it is the
// last (next_cursor null, or no results).
func nextCursor(body []byte) (string, error) {
	var page struct {
		Meta struct {
			NextCursor *string `json:"next_cursor"`
		} `json:"meta"`
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return "", err
	}
	if page.Meta.NextCursor == nil || len(page.Results) == 0 {
		return "", nil
	}
	return *page.Meta.NextCursor, nil
}
