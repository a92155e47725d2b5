package scrape

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/prose"
)

// ProQuest reads a ProQuest document page (abstract view): the work's
// abstract, kept as sections when structured (Background, Methods,
// Results, Conclusions), its document number, and the fields of the
// "Details" block when the page shows them (Title, Author, Publication
// title, Volume, Issue, Pages, Publication year, DOI). The page's
// machine-translation disclaimer and PDF-viewer notices are skipped.
type ProQuest struct{}

// Name implements PageFormat.
func (ProQuest) Name() string { return "proquest" }

var (
	reDocNumber = regexp.MustCompile(`^Doc(?:ument)? number:\s*(\S+)$`)
	reDetail    = regexp.MustCompile(`^(Title|Author|Authors|Publication title|Volume|Issue|Pages|First page|Publication year|Publication date|DOI|ProQuest document ID):\s*(.+)$`)
)

// proquestChrome starts lines that belong to the page, not the work.
var proquestChrome = []string{
	"It appears you don't have support to open PDFs",
	"You have requested \"on-the-fly\" machine translation",
	"Neither ProQuest nor its licensors",
	"Show full disclaimer", "Hide full disclaimer",
}

func isProquestChrome(l string) bool {
	for _, c := range proquestChrome {
		if strings.HasPrefix(l, c) {
			return true
		}
	}
	return false
}

// Detect implements PageFormat: a "Doc number:" line, or ProQuest's name in
// the page together with an "Abstract" heading.
func (ProQuest) Detect(p *Page) bool {
	abstract, proquest := false, false
	for _, l := range p.Lines {
		switch {
		case reDocNumber.MatchString(l.Text), strings.HasPrefix(l.Text, "ProQuest document ID:"):
			return true
		case l.Text == "Abstract":
			abstract = true
		case strings.Contains(l.Text, "ProQuest"):
			proquest = true
		}
	}
	return abstract && proquest
}

// Extract implements PageFormat.
func (ProQuest) Extract(ctx context.Context, p *Page) ([]graph.Record, error) {
	r := graph.Record{Source: graph.Source{Line: p.Lines[0].N}}
	var abstract []string
	inAbstract := false
	for _, ln := range p.Lines {
		l := ln.Text
		switch {
		case isProquestChrome(l):
			inAbstract = false
		case l == "Abstract":
			inAbstract = true
			abstract = abstract[:0] // the last heading's text is the abstract
		case reDocNumber.MatchString(l):
			if r.Identifiers == nil {
				r.Identifiers = map[string]string{}
			}
			r.Identifiers["doc_number"] = reDocNumber.FindStringSubmatch(l)[1]
		case reDetail.MatchString(l):
			m := reDetail.FindStringSubmatch(l)
			proquestDetail(&r, m[1], m[2])
			inAbstract = false
		case inAbstract:
			abstract = append(abstract, l)
		}
	}
	r.Abstract = strings.Join(abstract, " ")
	r.AbstractSections = prose.SplitAbstract(r.Abstract)
	if r.Abstract == "" && r.Title == "" {
		return nil, &Error{Path: p.Path, Format: "proquest", Err: fmt.Errorf("%w: neither abstract nor title", ErrTruncated)}
	}
	return []graph.Record{r}, ctx.Err()
}

func proquestDetail(r *graph.Record, key, val string) {
	switch key {
	case "Title":
		r.Title = val
	case "Author", "Authors":
		for _, a := range strings.Split(val, ";") {
			if n := graph.ParseName(a); n.Family != "" {
				r.Authors = append(r.Authors, n)
			}
		}
	case "Publication title":
		r.Venue = val
	case "Volume":
		r.Volume = val
	case "Issue":
		r.Issue = val
	case "Pages", "First page":
		r.Pages = val
	case "Publication year", "Publication date":
		if m := find.Year(val); m != 0 && r.Year == 0 {
			r.Year = m
		}
	case "DOI":
		r.DOI = val
	case "ProQuest document ID":
		if r.Identifiers == nil {
			r.Identifiers = map[string]string{}
		}
		r.Identifiers["proquest_id"] = val
	}
}
