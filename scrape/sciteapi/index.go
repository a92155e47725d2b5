package sciteapi

import (
	"context"
	"io"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Client is the client of scite's tallies (api.scite.ai): how many
// citation statements support, contrast or mention each index.DOI, asked with
// the batch POST /tallies, Batch DOIs at a time. scite needs an API
// key (fetch.Credentials.SciteKey); it is not a chasing index, so Client
// is not an index.Index.
type Client struct{ index.Client }

// Batch is how many DOIs one POST /tallies asks for.
const Batch = 500

// NewClient returns the client.
func NewClient(f *fetch.Fetcher, cfg index.Config) *Client {
	return &Client{index.NewClient(f, cfg, index.Endpoint{Name: "scite", Format: Format{}.Name(), Base: "https://" + Host})}
}

// Tallies emits a record per index.DOI scite has tallies for: the index.DOI and its
// graph.Tallies, which graph.Build puts on the work the index.DOI names.
func (c *Client) Tallies(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	u := c.Base + "/tallies"
	decode := func(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
		return Decode(ctx, r, Options{}, emit)
	}
	for _, ids := range index.Batches(index.Only(ids, func(s string) bool { return s == index.SchemeDOI }), Batch) {
		dois := make([]string, len(ids))
		for i, id := range ids {
			dois[i] = id.Value
		}
		if b.Fail(c.Fetch(ctx, index.PostJSON(u, dois), decode, emit)) {
			break
		}
	}
	return b.Result()
}
