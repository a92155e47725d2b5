package index

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/openalex"
)

// OpenAlex is the client of the OpenAlex API (docs.openalex.org): works
// by DOI, OpenAlex ID or PMID through the list filter, up to
// OpenAlexBatch identifiers joined with "|" per request; references from
// the works' referenced_works, described by a second look-up; citations
// through the cites: filter. Every list is paged with cursor=* to the end
// (next_cursor null or an empty page).
type OpenAlex struct{ client }

// OpenAlexBatch is how many identifiers one OpenAlex filter asks for: the
// filter takes up to 100 values joined by "|", and 50 keeps URLs short.
const OpenAlexBatch = 50

// NewOpenAlex returns the client; PageSize defaults to 200, the API's
// largest per-page.
func NewOpenAlex(f *fetch.Fetcher, cfg Config) *OpenAlex {
	return &OpenAlex{newClient(f, cfg, "https://"+fetch.HostOpenAlex, 200)}
}

// Name returns "openalex".
func (*OpenAlex) Name() string { return "openalex" }

// Format returns the format of its records, "openalex-api".
func (*OpenAlex) Format() string { return openalex.Format{}.Name() }

// Accepts reports whether scheme is doi, openalex or pmid.
func (*OpenAlex) Accepts(scheme string) bool {
	return scheme == SchemeDOI || scheme == graph.IDOpenAlex || scheme == graph.IDPMID
}

var openalexFilter = map[string]string{SchemeDOI: "doi", graph.IDOpenAlex: "openalex", graph.IDPMID: "pmid"}

// Works emits a record per work ids name, asking for up to OpenAlexBatch
// at once per scheme.
func (c *OpenAlex) Works(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	c.works(b, ids, b.wrap(emit))
	return b.result()
}

func (c *OpenAlex) works(b *batch, ids []ID, emit func(graph.Record) error) {
	for _, scheme := range []string{SchemeDOI, graph.IDOpenAlex, graph.IDPMID} {
		these := only(ids, func(s string) bool { return s == scheme })
		for _, ids := range batches(these, OpenAlexBatch) {
			vals := make([]string, len(ids))
			for i, id := range ids {
				vals[i] = id.Value
			}
			if b.fail(c.list(b.ctx, openalexFilter[scheme]+":"+strings.Join(vals, "|"), emit)) {
				return
			}
		}
	}
}

// References emits each work's record, whose references name the cited
// works by OpenAlex ID, then a record per cited work.
func (c *OpenAlex) References(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	var cited []ID
	c.works(b, ids, func(r graph.Record) error {
		for _, ref := range r.References {
			if w := ref.Identifiers[graph.IDOpenAlex]; w != "" {
				cited = append(cited, ID{Scheme: graph.IDOpenAlex, Value: w})
			}
		}
		return emit(r)
	})
	if !b.done() {
		c.works(b, cited, emit)
	}
	return b.result()
}

// Citations emits the works citing each work (filter cites:W…), after the
// work's own record when it had to be looked up for its OpenAlex ID.
func (c *OpenAlex) Citations(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	var ws, other []ID
	for _, id := range only(ids, c.Accepts) {
		if id.Scheme == graph.IDOpenAlex {
			ws = append(ws, id)
		} else {
			other = append(other, id)
		}
	}
	c.works(b, other, func(r graph.Record) error {
		if w := r.Identifiers[graph.IDOpenAlex]; w != "" {
			ws = append(ws, ID{Scheme: graph.IDOpenAlex, Value: w})
		}
		return emit(r)
	})
	for _, w := range only(ws, c.Accepts) {
		if b.done() || b.fail(c.list(ctx, "cites:"+w.Value, emit)) {
			break
		}
	}
	return b.result()
}

// list pages through /works?filter=… with a cursor.
func (c *OpenAlex) list(ctx context.Context, filter string, emit func(graph.Record) error) error {
	cursor := "*"
	for {
		q := url.Values{}
		q.Set("filter", filter)
		q.Set("per-page", fmt.Sprint(c.cfg.PageSize))
		q.Set("cursor", cursor)
		u := c.base + "/works?" + q.Encode()
		r, err := c.get(ctx, u)
		if err != nil {
			return err
		}
		var page struct {
			Meta struct {
				NextCursor *string `json:"next_cursor"`
			} `json:"meta"`
			Results []json.RawMessage `json:"results"`
		}
		if err := json.Unmarshal(r.Body, &page); err != nil {
			return decodeError("openalex", u, err)
		}
		if err := openalex.Decode(ctx, bytes.NewReader(r.Body), stamp(u, c.Format(), emit)); err != nil {
			return decodeError("openalex", u, err)
		}
		if page.Meta.NextCursor == nil || *page.Meta.NextCursor == "" || len(page.Results) == 0 {
			return nil
		}
		cursor = *page.Meta.NextCursor
	}
}
