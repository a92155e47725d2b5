package web

import (
	"context"
	"errors"
	"net/url"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/fetch"
)

// crawl is one Walk: a breadth-first queue over the inputs and, with
// Follow, the references of what they gave, each fetched once.
type crawl struct {
	s     *Source
	v     scrape.Visitor
	queue []item
	seen  map[string]bool // keys queued
	// resolved holds the keys of what the pages fetched turned out to be
	// (final URLs, the DOIs and PMCIDs of their records): an item queued
	// before its work was fetched under another name is skipped.
	resolved map[string]bool
	done     int
}

type item struct {
	raw   string
	in    Input
	depth int
}

func newCrawl(s *Source, v scrape.Visitor) *crawl {
	if v.Record == nil {
		v.Record = func(graph.Record) error { return nil }
	}
	if v.Done == nil {
		v.Done = func(string, int, error) error { return nil }
	}
	return &crawl{s: s, v: v, seen: map[string]bool{}, resolved: map[string]bool{}}
}

// key is what two inputs naming the same thing share: the DOI, the PMCID
// or the URL with its scheme and host in lower case.
func key(in Input) string {
	switch in.Kind {
	case DOI, PMCID:
		return in.Kind.String() + ":" + strings.ToLower(in.Value)
	case URL:
		if u, err := url.Parse(in.Value); err == nil {
			u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
			if u.Path == "" {
				u.Path = "/"
			}
			return "url:" + u.String()
		}
	}
	return "file:" + in.Value
}

// enqueue adds raw at depth unless it was seen; it reports whether it did.
func (c *crawl) enqueue(raw string, depth int) bool {
	in := Classify(raw)
	k := key(in)
	if c.seen[k] {
		return false
	}
	c.seen[k] = true
	c.queue = append(c.queue, item{raw: raw, in: in, depth: depth})
	return true
}

func (c *crawl) run(ctx context.Context) error {
	for len(c.queue) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if m := c.s.cfg.MaxPages; m > 0 && c.done >= m {
			return nil
		}
		it := c.queue[0]
		c.queue = c.queue[1:]
		if c.resolved[key(it.in)] {
			continue // fetched already under another name
		}
		if err := c.visit(ctx, it); err != nil {
			return err
		}
	}
	return nil
}

// resolve marks the identifiers of a record read as fetched, so that a
// reference or input naming the work again is not fetched again.
func (c *crawl) resolve(r graph.Record) {
	for _, k := range []string{"doi:" + r.DOI, "pmcid:" + r.Identifiers[graph.IDPMCID]} {
		if !strings.HasSuffix(k, ":") {
			k = strings.ToLower(k)
			c.resolved[k] = true
			c.seen[k] = true
		}
	}
}

// visit fetches and reads one item, reports it and queues its references.
func (c *crawl) visit(ctx context.Context, it item) error {
	c.done++
	f := Fetched{Input: it.raw, Depth: it.depth}
	var refs []string
	follow := c.s.cfg.Follow && it.depth < c.s.cfg.Depth
	emit := func(r graph.Record) error {
		c.resolve(r)
		if follow {
			refs = append(refs, referenceTargets(r.References)...)
		}
		return c.v.Record(r)
	}
	var err error
	if it.in.Kind == File {
		err = &scrape.Error{Path: it.raw, Err: errors.New("not a URL, DOI or PMCID, and no such file")}
	} else {
		var p *page
		if p, err = c.s.get(ctx, it.in); err == nil {
			f.URL, f.FinalURL, f.Via = p.url, p.final, p.via
			c.resolved[key(Input{Kind: URL, Value: p.final})] = true
			c.resolved[key(Input{Kind: URL, Value: p.url})] = true
			c.resolved[key(it.in)] = true
			f.Format, f.Records, err = c.s.read(ctx, p.url, p, emit)
		} else {
			err = inputError(it, err)
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil && !isScrapeError(err) {
		return err // the visitor's own error
	}
	f.Err = err
	for _, r := range refs {
		c.enqueue(r, it.depth+1)
	}
	f.Done, f.Queued = c.done, len(c.queue)
	c.s.note(f, c.s.now())
	if c.s.cfg.Progress != nil {
		c.s.cfg.Progress.Page(f)
	}
	if it.depth > 0 && err != nil {
		return nil // a followed reference that failed is told to Progress only: it is not one of the sources asked for
	}
	return c.v.Done(it.raw, f.Records, err)
}

func isScrapeError(err error) bool {
	var se *scrape.Error
	return errors.As(err, &se)
}

// inputError names the input in a failure to fetch it, saying the URL
// once: "scrape: https://x/p: disallowed by robots.txt: …", or, for a DOI,
// "scrape: 10.1/x: fetch: GET https://doi.org/10.1/x (redirected to …): …".
func inputError(it item, err error) error {
	var fe *fetch.Error
	if it.in.Kind == URL && errors.As(err, &fe) && fe.URL == it.in.Value {
		msg := strings.TrimPrefix(fe.Error(), "fetch: "+fe.Method+" "+fe.URL)
		msg = strings.TrimPrefix(msg, ": ")
		err = &trimmed{msg: strings.TrimSpace(msg), err: err}
	}
	return &scrape.Error{Path: it.raw, Err: err}
}

// trimmed is an error with a shorter message than the one it wraps.
type trimmed struct {
	msg string
	err error
}

func (t *trimmed) Error() string { return t.msg }
func (t *trimmed) Unwrap() error { return t.err }

var urlInRaw = regexp.MustCompile(`https?://[^\s<>"]+`)

// referenceTargets returns what to follow of a reference list: each
// reference's DOI, or else the first URL its text holds.
func referenceTargets(refs []graph.Reference) []string {
	var out []string
	for _, r := range refs {
		if r.DOI != "" {
			out = append(out, r.DOI)
			continue
		}
		if m := urlInRaw.FindString(r.Raw); m != "" {
			out = append(out, strings.TrimRight(m, ".,;:)]}'"))
		}
	}
	return out
}
