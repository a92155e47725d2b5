package scrape

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Emerald reads an Emerald Insight listing (a journal issue, a search or a
// "related content" list): for every entry its year, volume, issue, pages,
// authors and structured abstract (Purpose, Design/methodology/approach,
// Findings, …, kept as sections). Listings print most entries without a
// title; those records have an empty title rather than an invented one. No
// venue is printed either, so it stays empty; the publisher is Emerald.
type Emerald struct{}

// Name implements PageFormat.
func (Emerald) Name() string { return "emerald" }

var (
	reEmYear  = regexp.MustCompile(`^(1[5-9]\d\d|20\d\d)\s*◽?$`)
	reEmVol   = regexp.MustCompile(`^Vol(?:ume)?\.?\s*([^\s(◽]+)\s*(?:\(([^)]*)\))?\s*◽?$`)
	reEmPages = regexp.MustCompile(`^pp?\.\s*([^\s◽]+)\s*◽?$`)
)

const emeraldAuthors = "Author(s):"

// Detect implements PageFormat: a year line followed by the volume or
// pages line and an "Author(s):" line, as every Emerald entry has.
func (Emerald) Detect(p *Page) bool {
	return len(emeraldEntries(p.texts())) > 0
}

// emeraldEntries returns the indexes of the year lines that start entries.
func emeraldEntries(lines []string) []int {
	var out []int
	for i, l := range lines {
		if !reEmYear.MatchString(l) {
			continue
		}
		// Within the next three lines: Vol or pp., then Author(s).
		vol, auth := false, false
		for j := i + 1; j < len(lines) && j <= i+3; j++ {
			switch {
			case reEmVol.MatchString(lines[j]) || reEmPages.MatchString(lines[j]):
				vol = true
			case lines[j] == emeraldAuthors:
				auth = true
			}
		}
		if vol && auth {
			out = append(out, i)
		}
	}
	return out
}

// Extract implements PageFormat.
func (Emerald) Extract(ctx context.Context, p *Page) ([]graph.Record, error) {
	lines := p.texts()
	starts := emeraldEntries(lines)
	var recs []graph.Record
	titleFrom := 0 // first line that may hold the next entry's title
	for k, s := range starts {
		if err := ctx.Err(); err != nil {
			return recs, err
		}
		next := len(lines)
		if k+1 < len(starts) {
			next = starts[k+1]
		}
		r := graph.Record{Publisher: "Emerald", Source: graph.Source{Line: p.Lines[s].N}}
		// The title, when the listing prints one, is the line just before
		// the year line, after the previous entry's abstract.
		if s-1 >= titleFrom {
			r.Title = lines[s-1]
			r.Source.Line = p.Lines[s-1].N
		}
		r.Year, _ = strconv.Atoi(reEmYear.FindStringSubmatch(lines[s])[1])
		i := s + 1
		for ; i < next && lines[i] != emeraldAuthors; i++ {
			if m := reEmVol.FindStringSubmatch(lines[i]); m != nil {
				r.Volume, r.Issue = m[1], m[2]
			} else if m := reEmPages.FindStringSubmatch(lines[i]); m != nil {
				r.Pages = strings.NewReplacer("–", "-", "—", "-").Replace(m[1])
			}
		}
		i++ // past "Author(s):"
		for ; i < next; i++ {
			name, more := strings.CutSuffix(lines[i], "◽")
			if a := graph.ParseName(name); a.Family != "" {
				r.Authors = append(r.Authors, a)
			}
			if !more {
				i++
				break
			}
		}
		if len(r.Authors) == 0 {
			return recs, &Error{Path: p.Path, Format: "emerald", Line: p.Lines[s].N,
				Err: fmt.Errorf("%w: entry ends before its authors", ErrTruncated)}
		}
		// The abstract: the first line after the authors, and following
		// lines that open with a structured-abstract heading. What is left
		// before the next year line is that entry's title; after the last
		// entry it is the page's footer.
		end := i
		if i < next {
			end = i + 1
			for end < next && prose.StartsWithHeading(lines[end]) {
				end++
			}
			r.Abstract = strings.Join(lines[i:end], " ")
			r.AbstractSections = prose.SplitAbstract(r.Abstract)
		}
		titleFrom = end
		if k+1 == len(starts) {
			titleFrom = len(lines)
		}
		recs = append(recs, r)
	}
	if len(recs) == 0 {
		return nil, &Error{Path: p.Path, Format: "emerald", Err: fmt.Errorf("%w: no entries", ErrTruncated)}
	}
	return recs, nil
}
