package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/fetch"
)

// ErrUnsupported means an index does not offer what was asked (Crossref
// has no open list of the works citing a work) or cannot look a work up by
// the scheme of its identifier.
var ErrUnsupported = errors.New("index: not offered by this index")

// ErrBadID means a string names no work citegraph can look up.
var ErrBadID = errors.New("index: not an identifier")

// SchemeDOI is the scheme of a DOI; the other schemes are graph's
// identifier schemes (graph.IDOpenAlex, graph.IDS2, graph.IDPMID …).
const SchemeDOI = "doi"

// ID names a work by one identifier: a scheme and its normalised value.
type ID struct {
	Scheme string
	Value  string
}

// DOI returns the ID of a DOI, normalised (graph.NormalizeDOI); the zero ID
// when d is not a DOI.
func DOI(d string) ID {
	n, err := graph.NormalizeDOI(d)
	if err != nil {
		return ID{}
	}
	return ID{Scheme: SchemeDOI, Value: n}
}

// IsZero reports whether id names nothing.
func (id ID) IsZero() bool { return id.Value == "" }

// String returns "scheme:value" ("doi:10.1/x", "openalex:W2741809807").
func (id ID) String() string { return id.Scheme + ":" + id.Value }

// ParseID reads an identifier as a user writes it: a DOI (bare,
// "doi:…", "https://doi.org/…"), an OpenAlex work ID ("W2741809807",
// "https://openalex.org/W…"), or "scheme:value" for the schemes
// graph.NormalizeID knows (pmid, pmcid, arxiv, openalex, s2, s2corpus).
func ParseID(s string) (ID, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return ID{}, fmt.Errorf("%w: empty", ErrBadID)
	}
	if d, err := graph.NormalizeDOI(s); err == nil {
		return ID{Scheme: SchemeDOI, Value: d}, nil
	}
	if n, err := graph.NormalizeID(graph.IDOpenAlex, s); err == nil {
		return ID{Scheme: graph.IDOpenAlex, Value: n}, nil
	}
	if scheme, v, ok := strings.Cut(s, ":"); ok {
		scheme = strings.ToLower(strings.TrimSpace(scheme))
		switch scheme {
		case graph.IDPMID, graph.IDPMCID, graph.IDArXiv, graph.IDOpenAlex, graph.IDS2, graph.IDCorpusID:
			if n, err := graph.NormalizeID(scheme, v); err == nil {
				return ID{Scheme: scheme, Value: n}, nil
			}
			if scheme == graph.IDS2 || scheme == graph.IDCorpusID {
				if v = strings.TrimSpace(v); v != "" {
					return ID{Scheme: scheme, Value: v}, nil
				}
			}
		}
	}
	return ID{}, fmt.Errorf("%w: %q", ErrBadID, s)
}

// IDsOf returns the identifiers of a record: its DOI first, then the
// others in scheme order.
func IDsOf(doi string, ids map[string]string) []ID {
	var out []ID
	if d := DOI(doi); !d.IsZero() {
		out = append(out, d)
	}
	keys := make([]string, 0, len(ids))
	for k := range ids {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if ids[k] != "" && k != SchemeDOI {
			out = append(out, ID{Scheme: k, Value: ids[k]})
		}
	}
	return out
}

// Index is a citation index citegraph chases citations through. Each
// method takes many works at once, so that an index with batch look-ups
// (OpenAlex's filter, Semantic Scholar's /paper/batch) asks for them
// together, and emits graph.Records as the index's answers describe them,
// decoded by the offline reader of that index's answers (Source.Path the
// URL asked, Source.Format the reader's name). Every page of an answer is
// fetched, to the end.
//
// An identifier the index does not know is skipped; an identifier of a
// scheme it cannot look up is skipped too (Accepts says which). A request
// that fails does not stop the others: the failures are returned at the
// end, joined, after everything else was asked. Cancelling ctx stops at
// once and returns ctx's error.
type Index interface {
	// Name is a short name for reports: "openalex", "crossref" …
	Name() string
	// Format is the Source.Format of the records the index emits.
	Format() string
	// Accepts reports whether the index can look works up by scheme.
	Accepts(scheme string) bool
	// Works emits a record for each work ids name that the index holds.
	Works(ctx context.Context, ids []ID, emit func(graph.Record) error) error
	// References emits, for each work, records that say what it cites: the
	// work with its reference list, and records of the cited works where
	// the index describes them.
	References(ctx context.Context, ids []ID, emit func(graph.Record) error) error
	// Citations emits records of the works citing each work, each with a
	// reference to the work it cites (with contexts and intents where the
	// index gives them). ErrUnsupported when the index has no such list.
	Citations(ctx context.Context, ids []ID, emit func(graph.Record) error) error
}

// Config holds what every client takes besides its Fetcher.
type Config struct {
	// BaseURL replaces the service's public address ("https://api.openalex.org"),
	// for a mirror or a test server. No trailing slash.
	BaseURL string
	// PageSize is how many results one page asks for; 0 means the client's
	// default (its documented maximum).
	PageSize int
	// Fields, for Semantic Scholar, lists the fields asked for; nil means
	// the client's default.
	Fields []string
	// OnResponse, when not nil, is called with every answer the client
	// reads (fetched or from the cache), from the calling goroutine: a
	// report takes the dates the index was queried from Response.Fetched.
	OnResponse func(*fetch.Response)
}

// Client is what the clients of the services share: the Fetcher, the
// Config, the base URL every request starts with, and the service's names
// (Name, Format). A service's client embeds it (see crossref.Index).
type Client struct {
	Fetcher *fetch.Fetcher
	Config  Config
	Base    string
	name    string
	format  string
}

// Endpoint is what NewClient needs to know of a service.
type Endpoint struct {
	Name     string // the service's short name: "crossref" (Client.Name)
	Format   string // the Source.Format of its records: "crossref-api" (Client.Format)
	Base     string // its public address: "https://api.crossref.org"
	PageSize int    // results a page unless Config.PageSize says otherwise; 0: no pages
}

// NewClient returns the Client of the service e, its public address
// replaced by cfg.BaseURL when set.
func NewClient(f *fetch.Fetcher, cfg Config, e Endpoint) Client {
	base := e.Base
	if cfg.BaseURL != "" {
		base = strings.TrimRight(cfg.BaseURL, "/")
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = e.PageSize
	}
	return Client{Fetcher: f, Config: cfg, Base: base, name: e.Name, format: e.Format}
}

// Name returns the service's short name ("crossref", "openalex" …).
func (c *Client) Name() string { return c.name }

// Format returns the format of its records ("crossref-api" …).
func (c *Client) Format() string { return c.format }

// Do sends req (asking for JSON unless req says otherwise) and hands the
// answer to OnResponse.
func (c *Client) Do(ctx context.Context, req *fetch.Request) (*fetch.Response, error) {
	if req.Header == nil {
		req.Header = JSONAccept()
	}
	r, err := c.Fetcher.Do(ctx, req)
	if err == nil && c.Config.OnResponse != nil {
		c.Config.OnResponse(r)
	}
	return r, err
}

// A Decoder reads one answer of a service: its package's Decode.
type Decoder func(ctx context.Context, r io.Reader, emit func(graph.Record) error) error

// Read reads body, the answer to u, with decode, each record's source
// set to the answer (Stamp with c's format). A failure of decode is
// returned naming the answer (DecodeError).
func (c *Client) Read(ctx context.Context, u string, body []byte, decode Decoder, emit func(graph.Record) error) error {
	if err := decode(ctx, bytes.NewReader(body), Stamp(u, c.format, emit)); err != nil {
		return DecodeError(c.name, u, err)
	}
	return nil
}

// Fetch sends req and reads the answer (Read).
func (c *Client) Fetch(ctx context.Context, req *fetch.Request, decode Decoder, emit func(graph.Record) error) error {
	r, err := c.Do(ctx, req)
	if err != nil {
		return err
	}
	return c.Read(ctx, req.URL, r.Body, decode, emit)
}

// Cursor reads every page of a list paged by a cursor (cursor=*, then the
// cursor each page names: Crossref's and OpenAlex's /works?filter=…): q
// is the list's query but the cursor; next returns the cursor a page's
// body names, "" at the end of the list. A body next cannot read is a
// failure named as Read names it, before any record of the page.
func (c *Client) Cursor(ctx context.Context, path string, q url.Values, next func(body []byte) (string, error), decode Decoder, emit func(graph.Record) error) error {
	for cursor := "*"; ; {
		q.Set("cursor", cursor)
		u := c.Base + path + "?" + q.Encode()
		r, err := c.Get(ctx, u)
		if err != nil {
			return err
		}
		if cursor, err = next(r.Body); err != nil {
			return DecodeError(c.name, u, err)
		}
		if err := c.Read(ctx, u, r.Body, decode, emit); err != nil {
			return err
		}
		if cursor == "" {
			return nil
		}
	}
}

// PostJSON returns the API request that posts v as JSON to u and asks
// for JSON (Semantic Scholar's /paper/batch, scite's /tallies).
func PostJSON(u string, v any) *fetch.Request {
	js, _ := json.Marshal(v)
	return &fetch.Request{Method: "POST", URL: u, Body: js, Kind: fetch.API,
		Header: map[string][]string{"Accept": {"application/json"}, "Content-Type": {"application/json"}}}
}

// Get asks for u as an API call.
func (c *Client) Get(ctx context.Context, u string) (*fetch.Response, error) {
	return c.Do(ctx, &fetch.Request{URL: u, Kind: fetch.API})
}

// JSONAccept is the header of a request for JSON.
func JSONAccept() map[string][]string { return map[string][]string{"Accept": {"application/json"}} }

// Stamp returns emit with each record's source set to the answer.
func Stamp(u, format string, emit func(graph.Record) error) func(graph.Record) error {
	return func(r graph.Record) error {
		r.Source.Path, r.Source.Format = u, format
		return emit(r)
	}
}

// Batch is one call of an Index method: the caller's emit, the error it
// returned (which ends the call), and the requests that failed while the
// others went on.
type Batch struct {
	ctx  context.Context
	stop error
	errs []error
}

// NewBatch starts a call under ctx.
func NewBatch(ctx context.Context) *Batch { return &Batch{ctx: ctx} }

// Context is the call's context.
func (b *Batch) Context() context.Context { return b.ctx }

// Wrap returns emit remembering its first error.
func (b *Batch) Wrap(emit func(graph.Record) error) func(graph.Record) error {
	return func(r graph.Record) error {
		if b.stop != nil {
			return b.stop
		}
		if err := emit(r); err != nil {
			b.stop = err
			return err
		}
		return nil
	}
}

// Done reports whether the call must end: emit failed or ctx is done.
func (b *Batch) Done() bool { return b.stop != nil || b.ctx.Err() != nil }

// Fail notes the outcome of one request and reports whether the call must
// end. A not-found only means the index does not hold the work.
func (b *Batch) Fail(err error) bool {
	if b.Done() {
		return true
	}
	if err != nil && !errors.Is(err, fetch.ErrNotFound) {
		b.errs = append(b.errs, err)
	}
	return false
}

// Result is what the call returns.
func (b *Batch) Result() error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if b.stop != nil {
		return b.stop
	}
	return errors.Join(b.errs...)
}

// DecodeError names the answer a decoder could not read.
func DecodeError(index, u string, err error) error {
	return fmt.Errorf("index: %s: reading the answer to %s: %w", index, u, err)
}

// Batches splits ids into slices of at most n.
func Batches(ids []ID, n int) [][]ID {
	var out [][]ID
	for len(ids) > 0 {
		k := min(n, len(ids))
		out = append(out, ids[:k])
		ids = ids[k:]
	}
	return out
}

// Only returns the ids of the schemes accepted, without repeats, in order.
func Only(ids []ID, accept func(string) bool) []ID {
	seen := map[ID]bool{}
	var out []ID
	for _, id := range ids {
		if id.IsZero() || !accept(id.Scheme) || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}

// EscapePath escapes a DOI for a path segment, keeping its slashes, as the
// services' own clients send it.
func EscapePath(s string) string {
	parts := strings.Split(s, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// Service is a citation-index service as citegraph registers it (package
// scrape/services lists them, one line each): its name, the hosts it
// answers on with the limits it publishes, and its clients. Each service's
// package (scrape/openalex, scrape/crossref …) holds its answer decoder,
// its client and its Service.
type Service struct {
	// Name is the service's short name: "openalex", "crossref" …
	Name string
	// Fetch returns its hosts with their published limits and c's
	// credentials attached, for fetch.Options.Services.
	Fetch func(c fetch.Credentials) []fetch.Service
	// Index returns its chasing client; nil when it is no chasing index.
	Index func(f *fetch.Fetcher, cfg Config) Index
	// Tallies returns its client of citation tallies; nil when it has none.
	Tallies func(f *fetch.Fetcher, cfg Config) Tallier
}

// Tallier asks a service how many citation statements support, contrast
// or mention each work (scite's tallies): a record per DOI with its
// graph.Tallies, which graph.Build puts on the work the DOI names.
type Tallier interface {
	Name() string
	Tallies(ctx context.Context, ids []ID, emit func(graph.Record) error) error
}
