package semanticscholar

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/index"
)

// Index is the client of the Semantic Scholar Academic Graph API
// (api.semanticscholar.org/graph/v1): works by POST /paper/batch, up to
// Batch IDs per request; references and citations from
// /paper/{id}/references and /paper/{id}/citations with their contexts
// and intents, paged by offset and limit while the answer gives "next".
type Index struct{ index.Client }

// Batch is how many IDs one /paper/batch request asks for, the API's
// largest.
const Batch = 500

// MaxOffset is where Semantic Scholar stops paging a list: offset +
// limit must stay below 10,000.
const MaxOffset = 10000

// DefaultFields are the fields asked for when index.Config.Fields is nil: the
// citation's contexts and intents and what identifies the paper at the
// other end.
var DefaultFields = []string{"contexts", "intents", "contextsWithIntent", "isInfluential",
	"paperId", "corpusId", "externalIds", "title", "year", "publicationDate", "authors", "venue", "journal"}

// s2PaperFields are the fields /paper/batch takes (the citation's fields
// belong to the lists only).
func s2PaperFields(fields []string) []string {
	var out []string
	for _, f := range fields {
		switch f {
		case "contexts", "intents", "contextsWithIntent", "isInfluential":
			continue
		}
		out = append(out, f)
	}
	return out
}

// NewIndex returns the client; PageSize (limit) defaults to 500.
func NewIndex(f *fetch.Fetcher, cfg index.Config) *Index {
	if cfg.Fields == nil {
		cfg.Fields = DefaultFields
	}
	return &Index{index.NewClient(f, cfg, index.Endpoint{Name: "semanticscholar", Format: Format{}.Name(), Base: "https://" + Host + "/graph/v1", PageSize: 500})}
}

// Accepts reports whether scheme is one Semantic Scholar looks papers up
// by: doi, s2, s2corpus, arxiv, pmid, pmcid, mag.
func (*Index) Accepts(scheme string) bool {
	_, ok := s2Prefix[scheme]
	return ok
}

var s2Prefix = map[string]string{index.SchemeDOI: "", graph.IDS2: "", graph.IDCorpusID: "CorpusId:",
	graph.IDArXiv: "ARXIV:", graph.IDPMID: "PMID:", graph.IDPMCID: "PMCID:", graph.IDMAG: "MAG:"}

// paperID writes id as the Graph API takes it: a bare index.DOI or paper index.ID,
// else "PREFIX:value".
func paperID(id index.ID) string { return s2Prefix[id.Scheme] + id.Value }

// Works emits a record per paper, Batch IDs per POST /paper/batch; the
// API answers null for a paper it does not know, which gives no record.
func (c *Index) Works(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	q := url.Values{}
	q.Set("fields", strings.Join(s2PaperFields(c.Config.Fields), ","))
	u := c.Base + "/paper/batch?" + q.Encode()
	for _, ids := range index.Batches(index.Only(ids, c.Accepts), Batch) {
		body := struct {
			IDs []string `json:"ids"`
		}{}
		for _, id := range ids {
			body.IDs = append(body.IDs, paperID(id))
		}
		if b.Fail(c.Fetch(ctx, index.PostJSON(u, body), decoder(Options{}), emit)) {
			break
		}
	}
	return b.Result()
}

// References emits, per paper, its record with the cited papers as
// references and the contexts as statements.
func (c *Index) References(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	return c.lists(ctx, "references", ids, emit)
}

// Citations emits a record per citing paper, each citing the paper asked
// about through a reference carrying the contexts and intents.
func (c *Index) Citations(ctx context.Context, ids []index.ID, emit func(graph.Record) error) error {
	return c.lists(ctx, "citations", ids, emit)
}

func (c *Index) lists(ctx context.Context, op string, ids []index.ID, emit func(graph.Record) error) error {
	b := index.NewBatch(ctx)
	emit = b.Wrap(emit)
	for _, id := range index.Only(ids, c.Accepts) {
		if b.Fail(c.list(ctx, op, id, emit)) {
			break
		}
	}
	return b.Result()
}

// list pages through one paper's citations or references.
func (c *Index) list(ctx context.Context, op string, id index.ID, emit func(graph.Record) error) error {
	pid := paperID(id)
	ref, err := PaperRef(pid)
	if err != nil {
		return fmt.Errorf("index: semanticscholar: %w", err)
	}
	limit := c.Config.PageSize
	for offset := 0; ; {
		if offset+limit > MaxOffset {
			limit = MaxOffset - offset
			if limit <= 0 {
				return nil
			}
		}
		// In the order Semantic Scholar's own clients write them.
		u := fmt.Sprintf("%s/paper/%s/%s?fields=%s&offset=%d&limit=%d", c.Base, index.EscapePath(pid), op,
			url.QueryEscape(strings.Join(c.Config.Fields, ",")), offset, limit)
		r, err := c.Get(ctx, u)
		if err != nil {
			return err
		}
		var page struct {
			Next *int `json:"next"`
		}
		if err := json.Unmarshal(r.Body, &page); err != nil {
			return index.DecodeError(c.Name(), u, err)
		}
		p := ref
		if err := c.Read(ctx, u, r.Body, decoder(Options{Paper: &p}), emit); err != nil {
			return err
		}
		if page.Next == nil || *page.Next <= offset {
			return nil
		}
		offset = *page.Next
	}
}

// decoder returns Decode with opt, as an index.Decoder.
func decoder(opt Options) index.Decoder {
	return func(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
		return Decode(ctx, r, opt, emit)
	}
}
