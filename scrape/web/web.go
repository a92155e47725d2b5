package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/fetch"
	"github.com/citegraph/citegraph/scrape/services"
	"github.com/citegraph/citegraph/scrape/warc"
)

// Public addresses, and the environment variables that replace them (for
// a mirror, or a test server).
const (
	DefaultResolver  = "https://doi.org"
	DefaultEuropePMC = "https://www.ebi.ac.uk/europepmc/webservices/rest"
	EnvResolver      = "CITEGRAPH_DOI_RESOLVER"
	EnvEuropePMC     = "CITEGRAPH_EUROPEPMC_URL"
)

// Config says how a Source fetches.
type Config struct {
	// WARC is the archive file: every exchange is appended to it, or, when
	// Offline, every request is answered from it. Required.
	WARC string
	// Offline replays from WARC without touching the network: a request it
	// does not hold fails with warc.ErrNotArchived.
	Offline bool
	// Fetch configures the Fetcher (credentials, version, cache directory,
	// limits, a test Transport). Its Recorder, and when Offline its
	// Transport, Unpaced, MaxRetries and cache, are set by Open.
	Fetch fetch.Options
	// Resolver is the DOI resolver's base URL ("" means DefaultResolver);
	// a DOI is fetched as Resolver + "/" + DOI.
	Resolver string
	// EuropePMC is the base URL of Europe PMC's REST API ("" means
	// DefaultEuropePMC); NoFullText skips it.
	EuropePMC  string
	NoFullText bool
	// Follow, when set, fetches the pages of the references that carry a
	// DOI or a URL, breadth first, up to Depth steps from the inputs and
	// MaxPages pages in all (0 means no bound on pages).
	Follow   bool
	Depth    int
	MaxPages int
	// Registry reads the pages; nil means scrape.Default().
	Registry *scrape.Registry
	// Format names the extractor for every page, "" to detect it.
	Format string
	// Progress, when not nil, is told after each page.
	Progress Progress
}

// Progress is told how a walk goes.
type Progress interface {
	// Page is called after each input or followed page with what came of
	// it.
	Page(Fetched)
}

// Fetched is what came of one input or followed reference.
type Fetched struct {
	Input string // as given, or the reference's DOI or URL
	Depth int    // 0 for the inputs, n for references n steps away
	// URL is the URL asked first (the resolver's for a DOI), FinalURL the
	// one that answered, after redirects.
	URL, FinalURL string
	// Via says where the text came from: "page" (the page itself) or
	// "europepmc" (Europe PMC's open-access JATS full text).
	Via     string
	Format  string // the extractor that read it
	Records int
	Err     error
	// Done and Queued count the pages fetched and still waiting.
	Done, Queued int
}

// Source fetches URLs, DOIs and PMCIDs through one Fetcher, keeps every
// exchange in a WARC file, and reads what it fetched with the extractors
// of saved pages. Make one per run with Open and Close it.
type Source struct {
	cfg     Config
	f       *fetch.Fetcher
	w       *warc.Writer
	archive *warc.Archive
}

// Open makes a Source from cfg, creating (or, offline, opening) the WARC
// file. Base URLs come from cfg, else from EnvResolver and EnvEuropePMC,
// else the defaults.
func Open(cfg Config) (*Source, error) {
	if cfg.WARC == "" {
		return nil, errors.New("web: no WARC file named")
	}
	cfg.Resolver = strings.TrimRight(firstOf(cfg.Resolver, os.Getenv(EnvResolver), DefaultResolver), "/")
	cfg.EuropePMC = strings.TrimRight(firstOf(cfg.EuropePMC, os.Getenv(EnvEuropePMC), DefaultEuropePMC), "/")
	if cfg.Registry == nil {
		cfg.Registry = scrape.Default()
	}
	s := &Source{cfg: cfg}
	opts := cfg.Fetch
	if opts.Services == nil {
		opts.Services = services.Fetch(opts.Credentials)
	}
	opts.Services = append(append([]fetch.Service(nil), opts.Services...), europePMCService(cfg.EuropePMC))
	if cfg.Offline {
		a, err := warc.Open(cfg.WARC)
		if err != nil {
			return nil, fmt.Errorf("web: offline: %w", err)
		}
		s.archive = a
		opts.Transport, opts.Unpaced, opts.MaxRetries = a, true, -1
		opts.CacheDir, opts.CacheMode = "", fetch.CacheReadWrite
	}
	f, err := fetch.New(opts)
	if err != nil {
		return nil, err
	}
	s.f = f
	if !cfg.Offline {
		w, err := warc.Create(cfg.WARC, "citegraph/"+firstOf(opts.Version, "dev"), f.UserAgent())
		if err != nil {
			return nil, err
		}
		s.w = w
		s.f, err = fetch.New(withRecorder(opts, w))
		if err != nil {
			return nil, errors.Join(err, w.Close())
		}
	}
	return s, nil
}

func withRecorder(o fetch.Options, r fetch.Recorder) fetch.Options {
	o.Recorder = r
	return o
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// Fetcher returns the Fetcher the Source sends its requests through.
func (s *Source) Fetcher() *fetch.Fetcher { return s.f }

// Close closes the WARC file; its error is the first write that failed.
func (s *Source) Close() error {
	if s.w == nil {
		return nil
	}
	return s.w.Close()
}

// Walk fetches every input (URL, DOI or PMCID; see Classify) and reads it
// as scrape.Registry.Walk reads files: v.Record gets each record, v.Done
// each input with the number of records and its error, an *scrape.Error
// naming the input. With Follow, each followed reference that gave
// records is passed to v.Done too; one that failed is told to Progress
// only, since it is not a source the user asked for. A failing input does
// not stop the walk; only ctx and v's own errors do. Inputs and references
// naming one work (a DOI and the URL it resolves to, a DOI and the PMCID of
// the record it gave) are fetched once, the first time.
func (s *Source) Walk(ctx context.Context, inputs []string, v scrape.Visitor) error {
	c := newCrawl(s, v)
	for _, in := range inputs {
		c.enqueue(in, 0)
	}
	return c.run(ctx)
}

// page is one fetched text, ready to read.
type page struct {
	url, final, via string
	body            []byte
	at              time.Time
}

// get fetches one input: Europe PMC's full text when it has one open,
// else the page (a DOI through the resolver).
func (s *Source) get(ctx context.Context, in Input) (*page, error) {
	if !s.cfg.NoFullText && (in.Kind == DOI || in.Kind == PMCID) {
		if p, err := s.fullText(ctx, in); p != nil || err != nil {
			return p, err
		}
	}
	u := in.Value
	switch in.Kind {
	case DOI:
		u = s.cfg.Resolver + "/" + escapeDOI(in.Value)
	case PMCID:
		return nil, fmt.Errorf("no open full text of %s at Europe PMC", in.Value)
	}
	r, err := s.f.Get(ctx, u, fetch.Page)
	if err != nil {
		return nil, refusal(err)
	}
	return &page{url: u, final: r.FinalURL, via: "page", body: r.Body, at: r.Fetched}, nil
}

// escapeDOI escapes the characters of a DOI a URL path cannot hold as
// they are, keeping its slashes.
func escapeDOI(d string) string {
	r := strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F", " ", "%20", `"`, "%22", "<", "%3C", ">", "%3E")
	return r.Replace(d)
}

// refusal turns a failed fetch into the error to report: a login page,
// CAPTCHA or cookie wall is named as such; otherwise the fetch error.
func refusal(err error) error {
	var fe *fetch.Error
	if errors.As(err, &fe) && fe.Body != nil && (fe.Status == http.StatusUnauthorized || fe.Status == http.StatusForbidden ||
		fe.Status == http.StatusTooManyRequests || fe.Status == http.StatusServiceUnavailable) {
		if wall := classifyWall(fe.Status, fe.URL, fe.Body); wall != nil {
			return fmt.Errorf("%w (%d %s)", wall, fe.Status, http.StatusText(fe.Status))
		}
	}
	return err
}

// read extracts a fetched page with the registry, reporting each record
// to emit. A page that gives nothing and looks like a wall is named one.
func (s *Source) read(ctx context.Context, name string, p *page, emit func(graph.Record) error) (format string, n int, err error) {
	err = s.cfg.Registry.ExtractTo(ctx, name, bytes.NewReader(p.body), s.cfg.Format, func(r graph.Record) error {
		format = r.Source.Format
		n++
		return emit(r)
	})
	if n == 0 && err != nil && (errors.Is(err, scrape.ErrUnsupportedFormat) || errors.Is(err, scrape.ErrEmpty)) {
		if wall := classifyWall(http.StatusOK, p.final, p.body); wall != nil {
			return "", 0, &scrape.Error{Path: name, Err: wall}
		}
	}
	return format, n, err
}

// note keeps in the WARC what an input came to.
func (s *Source) note(f Fetched, at time.Time) {
	if s.w == nil {
		return
	}
	fields := []warc.Field{{Name: "input", Value: f.Input}, {Name: "depth", Value: fmt.Sprint(f.Depth)}}
	if f.FinalURL != "" {
		fields = append(fields, warc.Field{Name: "final-url", Value: f.FinalURL}, warc.Field{Name: "text-from", Value: f.Via},
			warc.Field{Name: "format", Value: f.Format}, warc.Field{Name: "records", Value: fmt.Sprint(f.Records)})
	}
	if f.Err != nil {
		fields = append(fields, warc.Field{Name: "error", Value: f.Err.Error()})
	}
	target := f.URL
	if target == "" {
		target = "urn:citegraph:input:" + f.Input
	}
	s.w.Note(target, at, fields)
}

func (s *Source) now() time.Time { return time.Now().UTC() }
