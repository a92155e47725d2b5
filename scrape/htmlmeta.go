package scrape

import (
	"context"
	"errors"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/htmlmeta"
)

// HTMLMeta reads publishers' landing pages saved as HTML: the scholarly
// metadata they carry (Highwire citation_* tags, schema.org JSON-LD,
// Dublin Core, PRISM, COinS), their reference list and, where the page
// holds the article's text, its citation statements (see package
// htmlmeta). It is tried before the site formats but leaves them the
// pages they know (a scite report, an Academia.edu, Emerald or ProQuest
// page), since they read more of those than the metadata says.
type HTMLMeta struct{}

// Name returns "htmlmeta".
func (HTMLMeta) Name() string { return "htmlmeta" }

// siteFormats are the page formats HTMLMeta leaves their pages to.
var siteFormats = []PageFormat{Scite{}, Academia{}, Emerald{}, ProQuest{}}

// Detect reports whether the page is HTML with scholarly metadata and is
// not a page one of the site formats reads.
func (HTMLMeta) Detect(p *Page) bool {
	if p.Doc == nil || !htmlmeta.Has(p.Doc) {
		return false
	}
	for _, f := range siteFormats {
		if f.Detect(p) {
			return false
		}
	}
	return true
}

// Extract returns the one work the page describes. A page without
// scholarly metadata (or saved as text) is an error, not an empty work.
func (HTMLMeta) Extract(ctx context.Context, p *Page) ([]graph.Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.Doc == nil {
		return nil, errors.New("htmlmeta reads HTML pages; this page was saved as text")
	}
	rec, err := htmlmeta.Read(p.Doc)
	if err != nil {
		return nil, err
	}
	rec.Source = graph.Source{Format: "htmlmeta", Line: 1}
	return []graph.Record{rec}, nil
}
