package scrape

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Academia reads an Academia.edu paper page: the page's paper (its title,
// and venue, year and abstract when shown) and every entry under "Related
// papers" with whatever of title, venue, year, authors and abstract it
// gives. The page's record relates to each entry (graph.RelRelated).
//
// Entries are told apart from the line kinds alone: a "Venue, Year" line,
// a long abstract line, and short lines that are titles or, when written
// in Title Case and followed directly by an abstract, a venue without a
// year. A short Title Case title with no venue line after it is therefore
// read as a venue; the page's text gives nothing better to go on.
type Academia struct{}

// Name implements PageFormat.
func (Academia) Name() string { return "academia" }

const (
	academiaSuffix  = "(original) (raw)"
	academiaRelated = "Related papers"
)

var (
	reAcVenueYear = regexp.MustCompile(`^(.{3,150}?),\s*(1[5-9]\d\d|20\d\d)$`)
	reAcAuthors   = regexp.MustCompile(`^Authors?:\s*(.*?)(?:\s+Abstract\s+(.*))?$`)
	reParenGroup  = regexp.MustCompile(`\([^()]*\)`)
)

// Detect implements PageFormat: the title line Academia.edu ends with the
// links "(original) (raw)", or its "Related papers" heading on a page
// whose HTML names academia.edu.
func (Academia) Detect(p *Page) bool {
	for i, l := range p.Lines {
		if i > 5 {
			break
		}
		if strings.HasSuffix(l.Text, academiaSuffix) {
			return true
		}
	}
	if p.Doc != nil {
		html, _ := p.Doc.Html()
		if strings.Contains(html, "academia.edu") {
			for _, l := range p.Lines {
				if l.Text == academiaRelated {
					return true
				}
			}
		}
	}
	return false
}

type acKind int

const (
	acShort acKind = iota
	acVenueYear
	acAbstract
	acNone
)

func acClassify(l string) acKind {
	n := len([]rune(l))
	switch {
	case n <= 160 && !strings.Contains(l, ". ") && reAcVenueYear.MatchString(l):
		return acVenueYear
	case n > 20 && strings.HasPrefix(l, "Author") && reAcAuthors.MatchString(l),
		n > 200,
		n > 80 && (strings.HasSuffix(l, "...") || strings.HasSuffix(l, "…")),
		n > 150 && strings.Count(l, ". ") >= 2:
		return acAbstract
	}
	return acShort
}

// titleCase reports whether every word of four letters or more starts with
// a capital, as journal names do ("Mental Health and Social Inclusion").
func titleCase(l string) bool {
	words := 0
	for _, w := range strings.Fields(l) {
		r := []rune(strings.Trim(w, "\"'‘’“”:,()"))
		if len(r) < 4 {
			continue
		}
		words++
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return words > 0
}

// Extract implements PageFormat.
func (Academia) Extract(ctx context.Context, p *Page) ([]graph.Record, error) {
	lines := p.Lines
	page := graph.Record{Source: graph.Source{Line: lines[0].N, Format: "academia"}}
	start := 0
	for i, l := range lines {
		if strings.HasSuffix(l.Text, academiaSuffix) {
			page.Title = strings.TrimSpace(strings.TrimSuffix(l.Text, academiaSuffix))
			page.Source.Line = l.N
			start = i + 1
			break
		}
	}
	rel := len(lines)
	for i := start; i < len(lines); i++ {
		if lines[i].Text == academiaRelated {
			rel = i
			break
		}
	}
	if page.Title == "" && rel < len(lines) && rel > 0 {
		page.Title = lines[0].Text
		start = 1
	}
	// What the page shows of its own paper before "Related papers".
	if own := academiaEntries(lines[start:rel]); len(own) > 0 {
		o := own[0]
		page.Venue, page.Year, page.Abstract, page.Authors = o.Venue, o.Year, o.Abstract, o.Authors
		page.AbstractSections, page.AbstractTruncated = o.AbstractSections, o.AbstractTruncated
		if page.Title == "" {
			page.Title = o.Title
		}
	}
	if page.Title == "" {
		return nil, &Error{Path: p.Path, Format: "academia", Line: lines[0].N, Err: fmt.Errorf("%w: no paper title", ErrTruncated)}
	}
	page.Normalize()
	recs := []graph.Record{page}
	if rel < len(lines) {
		if err := ctx.Err(); err != nil {
			return recs, err
		}
		for _, e := range academiaEntries(lines[rel+1:]) {
			e.Source.Format = "academia"
			e.Normalize()
			recs = append(recs, e)
			recs[0].Relations = append(recs[0].Relations, graph.Relation{Kind: graph.RelRelated, ID: e.ID})
		}
	}
	return recs, nil
}

// academiaEntries groups lines into entries (see Academia).
func academiaEntries(lines []Line) []graph.Record {
	var out []graph.Record
	var cur graph.Record
	has := func() bool { return cur.Title != "" || cur.Venue != "" || cur.Abstract != "" || cur.Year != 0 }
	flush := func() {
		if has() {
			out = append(out, cur)
		}
		cur = graph.Record{}
	}
	venueSet := false
	for i, l := range lines {
		next := acNone
		if i+1 < len(lines) {
			next = acClassify(lines[i+1].Text)
		}
		switch acClassify(l.Text) {
		case acVenueYear:
			if venueSet || cur.Abstract != "" {
				flush()
			}
			m := reAcVenueYear.FindStringSubmatch(l.Text)
			cur.Venue = m[1]
			cur.Year, _ = strconv.Atoi(m[2])
			venueSet = true
		case acAbstract:
			if cur.Abstract != "" {
				flush()
				venueSet = false
			}
			academiaAbstract(&cur, l.Text)
		default:
			if venueSet || cur.Abstract != "" {
				flush()
				venueSet = false
			}
			switch {
			case titleCase(l.Text) && next == acAbstract:
				cur.Venue = l.Text // a venue without a year
				venueSet = true
			case cur.Title != "":
				flush() // the previous entry was a title alone
				cur.Title = l.Text
			default:
				cur.Title = l.Text
			}
		}
		if cur.Source.Line == 0 {
			cur.Source.Line = l.N
		}
	}
	flush()
	return out
}

// academiaAbstract sets the abstract of r from an abstract line, which may
// open with "Authors: Name (Affiliation) … Abstract".
func academiaAbstract(r *graph.Record, l string) {
	if !strings.HasPrefix(l, "Author") {
		// no author list
	} else if m := reAcAuthors.FindStringSubmatch(l); m != nil && m[2] != "" {
		r.Authors = academiaAuthors(m[1])
		l = m[2]
	}
	if t, ok := strings.CutSuffix(l, "..."); ok {
		l, r.AbstractTruncated = t+"…", true
	} else if strings.HasSuffix(l, "…") {
		r.AbstractTruncated = true
	}
	r.Abstract = l
	r.AbstractSections = prose.SplitAbstract(l)
}

// academiaAuthors reads "Candelaria Mahlke (UKE Medical Center Hamburg) Ute
// Maria Krämer (King's College London) Thomas Bock, UKE Medical Center
// Hamburg)": names with affiliations in parentheses, some of them broken.
func academiaAuthors(s string) []graph.Author {
	var out []graph.Author
	for _, seg := range reParenGroup.Split(s, -1) {
		seg = strings.Trim(seg, " ,;")
		if seg == "" {
			continue
		}
		// "Thomas Bock, UKE Medical Center Hamburg)": a name, then an
		// affiliation whose opening parenthesis is missing.
		for _, part := range strings.Split(seg, ",") {
			part = strings.TrimSpace(part)
			if part == "" || strings.HasSuffix(part, ")") || len(strings.Fields(part)) > 4 {
				continue
			}
			out = append(out, graph.ParseName(part))
		}
	}
	return out
}
