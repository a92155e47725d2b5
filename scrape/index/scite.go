package index

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/sciteapi"
)

// Scite is the client of scite's tallies (api.scite.ai): how many
// citation statements support, contrast or mention each DOI, asked with
// the batch POST /tallies, SciteBatch DOIs at a time. scite needs an API
// key (fetch.Credentials.SciteKey); it is not a chasing index, so Scite
// is not an Index.
type Scite struct{ client }

// SciteBatch is how many DOIs one POST /tallies asks for.
const SciteBatch = 500

// NewScite returns the client.
func NewScite(f *fetch.Fetcher, cfg Config) *Scite {
	return &Scite{newClient(f, cfg, "https://"+fetch.HostScite, 0)}
}

// Name returns "scite".
func (*Scite) Name() string { return "scite" }

// Tallies emits a record per DOI scite has tallies for: the DOI and its
// graph.Tallies, which graph.Build puts on the work the DOI names.
func (c *Scite) Tallies(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	u := c.base + "/tallies"
	format := sciteapi.Format{}.Name()
	for _, ids := range batches(only(ids, func(s string) bool { return s == SchemeDOI }), SciteBatch) {
		dois := make([]string, len(ids))
		for i, id := range ids {
			dois[i] = id.Value
		}
		js, _ := json.Marshal(dois)
		err := func() error {
			r, err := c.do(ctx, &fetch.Request{Method: "POST", URL: u, Body: js, Kind: fetch.API,
				Header: map[string][]string{"Accept": {"application/json"}, "Content-Type": {"application/json"}}})
			if err != nil {
				return err
			}
			if err := sciteapi.Decode(ctx, bytes.NewReader(r.Body), sciteapi.Options{}, stamp(u, format, emit)); err != nil {
				return decodeError("scite", u, err)
			}
			return nil
		}()
		if b.fail(err) {
			break
		}
	}
	return b.result()
}
