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
	"github.com/citegraph/citegraph/scrape/semanticscholar"
)

// SemanticScholar is the client of the Semantic Scholar Academic Graph API
// (api.semanticscholar.org/graph/v1): works by POST /paper/batch, up to
// S2Batch IDs per request; references and citations from
// /paper/{id}/references and /paper/{id}/citations with their contexts
// and intents, paged by offset and limit while the answer gives "next".
type SemanticScholar struct{ client }

// S2Batch is how many IDs one /paper/batch request asks for, the API's
// largest.
const S2Batch = 500

// S2MaxOffset is where Semantic Scholar stops paging a list: offset +
// limit must stay below 10,000.
const S2MaxOffset = 10000

// DefaultS2Fields are the fields asked for when Config.Fields is nil: the
// citation's contexts and intents and what identifies the paper at the
// other end.
var DefaultS2Fields = []string{"contexts", "intents", "contextsWithIntent", "isInfluential",
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

// NewSemanticScholar returns the client; PageSize (limit) defaults to 500.
func NewSemanticScholar(f *fetch.Fetcher, cfg Config) *SemanticScholar {
	if cfg.Fields == nil {
		cfg.Fields = DefaultS2Fields
	}
	return &SemanticScholar{newClient(f, cfg, "https://"+fetch.HostSemanticScholar+"/graph/v1", 500)}
}

// Name returns "semanticscholar".
func (*SemanticScholar) Name() string { return "semanticscholar" }

// Format returns the format of its records, "semanticscholar-api".
func (*SemanticScholar) Format() string { return semanticscholar.Format{}.Name() }

// Accepts reports whether scheme is one Semantic Scholar looks papers up
// by: doi, s2, s2corpus, arxiv, pmid, pmcid, mag.
func (*SemanticScholar) Accepts(scheme string) bool {
	_, ok := s2Prefix[scheme]
	return ok
}

var s2Prefix = map[string]string{SchemeDOI: "", graph.IDS2: "", graph.IDCorpusID: "CorpusId:",
	graph.IDArXiv: "ARXIV:", graph.IDPMID: "PMID:", graph.IDPMCID: "PMCID:", graph.IDMAG: "MAG:"}

// paperID writes id as the Graph API takes it: a bare DOI or paper ID,
// else "PREFIX:value".
func paperID(id ID) string { return s2Prefix[id.Scheme] + id.Value }

// Works emits a record per paper, S2Batch IDs per POST /paper/batch; the
// API answers null for a paper it does not know, which gives no record.
func (c *SemanticScholar) Works(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	q := url.Values{}
	q.Set("fields", strings.Join(s2PaperFields(c.cfg.Fields), ","))
	u := c.base + "/paper/batch?" + q.Encode()
	for _, ids := range batches(only(ids, c.Accepts), S2Batch) {
		body := struct {
			IDs []string `json:"ids"`
		}{}
		for _, id := range ids {
			body.IDs = append(body.IDs, paperID(id))
		}
		js, _ := json.Marshal(body)
		err := func() error {
			r, err := c.do(ctx, &fetch.Request{Method: "POST", URL: u, Body: js, Kind: fetch.API,
				Header: map[string][]string{"Accept": {"application/json"}, "Content-Type": {"application/json"}}})
			if err != nil {
				return err
			}
			if err := semanticscholar.Decode(ctx, bytes.NewReader(r.Body), semanticscholar.Options{}, stamp(u, c.Format(), emit)); err != nil {
				return decodeError("semanticscholar", u, err)
			}
			return nil
		}()
		if b.fail(err) {
			break
		}
	}
	return b.result()
}

// References emits, per paper, its record with the cited papers as
// references and the contexts as statements.
func (c *SemanticScholar) References(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	return c.lists(ctx, "references", ids, emit)
}

// Citations emits a record per citing paper, each citing the paper asked
// about through a reference carrying the contexts and intents.
func (c *SemanticScholar) Citations(ctx context.Context, ids []ID, emit func(graph.Record) error) error {
	return c.lists(ctx, "citations", ids, emit)
}

func (c *SemanticScholar) lists(ctx context.Context, op string, ids []ID, emit func(graph.Record) error) error {
	b := &batch{ctx: ctx}
	emit = b.wrap(emit)
	for _, id := range only(ids, c.Accepts) {
		if b.fail(c.list(ctx, op, id, emit)) {
			break
		}
	}
	return b.result()
}

// list pages through one paper's citations or references.
func (c *SemanticScholar) list(ctx context.Context, op string, id ID, emit func(graph.Record) error) error {
	pid := paperID(id)
	ref, err := semanticscholar.PaperRef(pid)
	if err != nil {
		return fmt.Errorf("index: semanticscholar: %w", err)
	}
	limit := c.cfg.PageSize
	for offset := 0; ; {
		if offset+limit > S2MaxOffset {
			limit = S2MaxOffset - offset
			if limit <= 0 {
				return nil
			}
		}
		// In the order Semantic Scholar's own clients write them.
		u := fmt.Sprintf("%s/paper/%s/%s?fields=%s&offset=%d&limit=%d", c.base, escapePath(pid), op,
			url.QueryEscape(strings.Join(c.cfg.Fields, ",")), offset, limit)
		r, err := c.get(ctx, u)
		if err != nil {
			return err
		}
		var page struct {
			Next *int `json:"next"`
		}
		if err := json.Unmarshal(r.Body, &page); err != nil {
			return decodeError("semanticscholar", u, err)
		}
		p := ref
		if err := semanticscholar.Decode(ctx, bytes.NewReader(r.Body), semanticscholar.Options{Paper: &p}, stamp(u, c.Format(), emit)); err != nil {
			return decodeError("semanticscholar", u, err)
		}
		if page.Next == nil || *page.Next <= offset {
			return nil
		}
		offset = *page.Next
	}
}
