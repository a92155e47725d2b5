package sciteapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// ErrNotScite means an answer is JSON but holds neither tallies nor
// papers.
var ErrNotScite = errors.New("sciteapi: not an answer with tallies or papers")

// SyntaxError is a problem at a place in an answer: malformed JSON, a value
// of the wrong type, an answer cut short. Readers report it and go on with
// the next paper or tally where the JSON allows. It is the type all the answer
// readers share.
type SyntaxError = jsonstream.SyntaxError

// Options say what the request was about, which an answer does not
// repeat.
type Options struct {
	// Cited is the paper whose citing papers a /papers/sources/{doi}
	// answer lists; nil when unknown or for other answers.
	Cited *graph.Reference
}

// Format reads scite API answers saved as files: tallies (/tallies/{doi},
// the batch POST /tallies, section tallies) and paper metadata
// (/papers/{doi}, the batch POST /papers, /papers/sources/{doi}). It
// implements scrape.StreamFormat; its name is "scite-api" (the scite
// report pages citegraph reads as pages are format "scite").
type Format struct {
	Options Options
}

// Name returns "scite-api".
func (Format) Name() string { return "scite-api" }

// Sniff reports whether head is the start of a scite answer: an object with
// "tallies" (keyed by DOI, or one tally), a tally itself ("doi", "total"
// and "supporting" or "contradicting"), an object with "papers" keyed by
// DOI whose first paper has a "doi", or a paper ("doi" with "slug",
// "authors" or "editorialNotices" and "title").
func (Format) Sniff(head []byte) bool {
	s := jsonstream.ScanShape(head)
	if s.Top != '{' {
		return false
	}
	if t, ok := s.Sub["tallies"]; ok {
		return isTally(t) || isSectionTally(t) || len(t) == 0 || firstIsObject(t)
	}
	if p, ok := s.Sub["papers"]; ok {
		return len(p) == 0 || firstIsObject(p)
	}
	return isTally(s.Keys) || isPaper(s.Keys)
}

func firstIsObject(keys map[string]json.Token) bool {
	for k, v := range keys {
		if strings.HasPrefix(k, "10.") && v == json.Delim('{') {
			return true
		}
	}
	return false
}

func isTally(k map[string]json.Token) bool {
	_, doi := k["doi"]
	_, total := k["total"]
	_, sup := k["supporting"]
	_, con := k["contradicting"]
	return doi && total && (sup || con)
}

func isSectionTally(k map[string]json.Token) bool {
	_, total := k["total"]
	_, intro := k["introduction"]
	_, disc := k["discussion"]
	return total && (intro || disc)
}

func isPaper(k map[string]json.Token) bool {
	_, doi := k["doi"]
	_, title := k["title"]
	_, slug := k["slug"]
	_, notices := k["editorialNotices"]
	_, authors := k["authors"]
	return doi && title && (slug || notices || authors)
}

// Extract reads one answer (see Format) and emits its records; see Decode.
func (f Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return Decode(ctx, r, f.Options, emit)
}

// tally is a scite tally: the citation statements scite classified for a
// work, and the works they come from. Section tallies count the same
// statements by the section they stand in.
type tally struct {
	DOI                string          `json:"doi"`
	Total              *jsonstream.Num `json:"total"`
	Supporting         *jsonstream.Num `json:"supporting"`
	Contradicting      *jsonstream.Num `json:"contradicting"`
	Contrasting        *jsonstream.Num `json:"contrasting"`
	Mentioning         *jsonstream.Num `json:"mentioning"`
	Unclassified       *jsonstream.Num `json:"unclassified"`
	CitingPublications *jsonstream.Num `json:"citingPublications"`
}

// paper is scite's paper metadata.
type paper struct {
	DOI       string          `json:"doi"`
	Title     string          `json:"title"`
	Abstract  string          `json:"abstract"`
	Type      string          `json:"type"`
	Year      jsonstream.Num  `json:"year"`
	Journal   string          `json:"journal"`
	Volume    jsonstream.Str  `json:"volume"`
	Issue     jsonstream.Str  `json:"issue"`
	Page      jsonstream.Str  `json:"page"`
	Publisher string          `json:"publisher"`
	Keywords  jsonstream.Strs `json:"keywords"`
	ISSNs     jsonstream.Strs `json:"issns"`
	Authors   []struct {
		Family   string          `json:"family"`
		Given    string          `json:"given"`
		Name     string          `json:"authorName"`
		Sequence *jsonstream.Num `json:"authorSequenceNumber"`
		ORCID    string          `json:"orcid"`
	} `json:"authors"`
}

func ptr(n *jsonstream.Num) *int {
	if n == nil {
		return nil
	}
	v := int(*n)
	return &v
}

// record returns the tally as a record of its work.
func (t *tally) record(line int) graph.Record {
	tl := &graph.Tallies{
		Statements:         ptr(t.Total),
		Supporting:         ptr(t.Supporting),
		Contrasting:        ptr(t.Contradicting),
		Mentioning:         ptr(t.Mentioning),
		Unclassified:       ptr(t.Unclassified),
		CitingPublications: ptr(t.CitingPublications),
	}
	if tl.Contrasting == nil {
		tl.Contrasting = ptr(t.Contrasting)
	}
	return graph.Record{DOI: t.DOI, Tallies: tl, Source: graph.Source{Line: line}}
}

// record returns the paper as a record.
func (p *paper) record(line int) graph.Record {
	r := graph.Record{
		DOI: p.DOI, Title: p.Title, Abstract: p.Abstract, Year: int(p.Year), Venue: p.Journal,
		Volume: string(p.Volume), Issue: string(p.Issue), Pages: string(p.Page), Publisher: p.Publisher,
		Type: crossref.CSLType(p.Type), Source: graph.Source{Line: line},
	}
	for _, k := range p.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			r.Keywords = append(r.Keywords, k)
		}
	}
	if n, err := graph.NormalizeID(graph.IDISSN, p.ISSNs.First()); err == nil {
		r.Identifiers = map[string]string{graph.IDISSN: n}
	}
	authors := p.Authors
	sort.SliceStable(authors, func(i, j int) bool {
		a, b := authors[i].Sequence, authors[j].Sequence
		return a != nil && b != nil && *a < *b
	})
	orcids := make([]string, 0, len(authors))
	for _, a := range authors {
		au := graph.Author{Family: strings.TrimSpace(a.Family), Given: strings.TrimSpace(a.Given)}
		if au.Family == "" {
			au = graph.ParseName(a.Name)
		}
		if au.Family == "" {
			continue
		}
		r.Authors = append(r.Authors, au)
		orcids = append(orcids, stdnum.ORCID(a.ORCID))
	}
	r.AuthorORCIDs = ident.ORCIDs(orcids)
	return r
}

// Decode reads one scite answer body from r and calls emit with its
// records, in answer order:
//
//   - a tally, or each tally of a batch keyed by DOI, gives a record with
//     the DOI and graph.Tallies: total → citation_statements, supporting,
//     contradicting → contrasting, mentioning, unclassified,
//     citingPublications → citing_publications;
//   - section tallies (total, introduction, methods, results, discussion,
//     other) give a record with the DOI and total → citation_statements;
//     the counts by section have no place in graph.Tallies and are left
//     out;
//   - a paper, or each paper of a batch keyed by DOI, gives a record of its
//     metadata. For /papers/sources/{doi}, whose papers cite that DOI,
//     opt.Cited names it, and each record has one reference to it.
//
// Batches are read one entry at a time. Fields of the wrong type are
// reported in the error returned at the end (*SyntaxError, joined);
// malformed JSON ends the reading with a *SyntaxError. The first error
// emit returns is returned as it is.
func Decode(ctx context.Context, r io.Reader, opt Options, emit func(graph.Record) error) error {
	a := jsonstream.Open(ctx, r, emit)
	s, d := a.Shape, a.Decoder
	oneTally := func(key string) error {
		var t tally
		line, _, err := a.Value(&t)
		if err != nil {
			return err
		}
		if t.DOI == "" {
			t.DOI = key
		}
		return a.Emit(t.record(line))
	}
	onePaper := func(key string) error {
		var p *paper
		line, _, err := a.Value(&p)
		if err != nil {
			return err
		}
		if p == nil {
			return nil // a DOI scite does not know
		}
		if p.DOI == "" {
			p.DOI = key
		}
		r := p.record(line)
		if c := opt.Cited; c != nil {
			ref := *c
			r.References = []graph.Reference{ref}
		}
		return a.Emit(r)
	}
	var err error
	switch {
	case s.Top != '{':
		err = d.Delim('{')
	case s.Keys["tallies"] != nil:
		sub := s.Sub["tallies"]
		single := isTally(sub) || isSectionTally(sub)
		err = d.Object(func(key string) error {
			if key != "tallies" {
				return d.Skip()
			}
			if single {
				return oneTally("")
			}
			return d.Object(oneTally)
		})
	case s.Keys["papers"] != nil:
		err = d.Object(func(key string) error {
			if key != "papers" {
				return d.Skip()
			}
			return d.Object(onePaper)
		})
	case isTally(s.Keys):
		err = oneTally("")
	case isPaper(s.Keys):
		err = onePaper("")
	default:
		err = fmt.Errorf("%w (a JSON object with keys %q)", ErrNotScite, jsonstream.SomeKeys(s.Keys))
	}
	return a.Finish(err)
}
