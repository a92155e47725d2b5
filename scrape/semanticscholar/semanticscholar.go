package semanticscholar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// ErrNotPapers means an answer is JSON but holds no papers: an author, an
// error message, or another kind of JSON.
var ErrNotPapers = errors.New("semanticscholar: not an answer with papers")

// SyntaxError is a problem at a place in an answer: malformed JSON, a value
// of the wrong type, an answer cut short. Readers report it and go on with
// the next paper where the JSON allows. It is the type all the answer
// readers share.
type SyntaxError = jsonstream.SyntaxError

// Options say what the request was about, which an answer does not
// repeat.
type Options struct {
	// Paper is the paper a citations or references answer is about: the
	// cited paper of /paper/{id}/citations, the citing paper of
	// /paper/{id}/references, as PaperRef makes it from the request's
	// paper ID. Nil when unknown (an answer saved without its request).
	Paper *graph.Reference
}

// Format reads Semantic Scholar Graph API answers saved as files: a paper
// (/paper/{id}, with its citations and references when requested), a batch
// of papers (/paper/batch), a page of papers (/paper/search,
// /author/{id}/papers, recommendations), a page of citations or references
// with their contexts and intents (/paper/{id}/citations,
// /paper/{id}/references, streamed item by item), or one citation or
// reference object. It implements scrape.StreamFormat; its name is
// "semanticscholar-api". Options say which paper a citations or
// references answer is about; the zero value reads answers saved without
// their request (see Decode).
type Format struct {
	Options Options
}

// Name returns "semanticscholar-api".
func (Format) Name() string { return "semanticscholar-api" }

// Sniff reports whether head is the start of a Graph API answer: a paper
// ("paperId" first among its keys or beside "title"/"externalIds"), a page
// whose "data" holds papers, citations ("citingPaper") or references
// ("citedPaper"), a citation or reference object, "recommendedPapers", or
// an array of papers.
func (Format) Sniff(head []byte) bool {
	s := jsonstream.ScanShape(head)
	switch s.Top {
	case '{':
		if isItem(s.Keys) {
			return true
		}
		for _, k := range []string{"data", "recommendedPapers"} {
			if first, ok := s.Sub[k]; ok && s.Keys[k] == json.Delim('[') {
				return isItem(first)
			}
		}
		if s.Keys["data"] == json.Delim('[') && s.Sub["data"] == nil {
			// An empty page: offset and next (or total) beside it.
			_, off := s.Keys["offset"]
			_, tot := s.Keys["total"]
			return off || tot
		}
	case '[':
		return isItem(s.Sub[""])
	}
	return false
}

// isItem reports whether an object's keys are those of a paper, a citation
// or a reference.
func isItem(keys map[string]json.Token) bool {
	if keys == nil {
		return false
	}
	if _, ok := keys["citingPaper"]; ok {
		return true
	}
	if _, ok := keys["citedPaper"]; ok {
		return true
	}
	if _, ok := keys["contextsWithIntent"]; ok {
		return true
	}
	if _, ok := keys["paperId"]; ok {
		for _, k := range []string{"title", "externalIds", "corpusId", "authors", "year", "url", "abstract", "venue"} {
			if _, ok := keys[k]; ok {
				return true
			}
		}
		return len(keys) == 1
	}
	return false
}

// Extract reads one answer (see Format) and emits its records; see Decode.
func (f Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return Decode(ctx, r, f.Options, emit)
}

// item is an element of an answer's "data": a citation (citingPaper with
// contexts), a reference (citedPaper with contexts) or a paper.
type item struct {
	paper
	Contexts           jsonstream.Strs `json:"contexts"`
	Intents            jsonstream.Strs `json:"intents"`
	ContextsWithIntent []struct {
		Context string          `json:"context"`
		Intents jsonstream.Strs `json:"intents"`
	} `json:"contextsWithIntent"`
	IsInfluential bool   `json:"isInfluential"`
	CitingPaper   *paper `json:"citingPaper"`
	CitedPaper    *paper `json:"citedPaper"`
}

// Decode reads one Graph API answer body from r and calls emit with its
// records, in answer order, each with its line in the answer:
//
//   - a paper gives its record, with its references when the answer has
//     them; each paper in its "citations" gives a record of its own that
//     cites it;
//   - a citation (citingPaper, contexts, intents) gives a record for the
//     citing paper. When opt.Paper names the cited paper, the record has one
//     reference, to it, and a statement per context pointing at that
//     reference, so graph.Build makes a Cites edge carrying the sentences;
//     otherwise the statements point at nothing (the answer does not say
//     what is cited);
//   - a page of references (citedPaper, contexts, intents) with opt.Paper
//     naming the citing paper gives one record for it, emitted after the
//     page, with each cited paper as a reference and a statement per
//     context pointing at its reference. Without opt.Paper, each cited
//     paper gives a record of its own, with the contexts as statements
//     about it (cited_by) by a work the answer does not name.
//
// Statements carry S2's intents (IntentBackground, IntentMethodology,
// IntentResult, comma-separated, with IntentInfluential when S2 counts the
// citation as highly influential) and are classified by "source".
// Citations and references are read one at a time. Fields of the wrong
// type are reported in the error returned at the end (*SyntaxError,
// joined) after the rest was read; malformed JSON ends the reading with a
// *SyntaxError after the records before it. The first error emit returns
// is returned as it is.
func Decode(ctx context.Context, r io.Reader, opt Options, emit func(graph.Record) error) error {
	a := jsonstream.Open(ctx, r, emit)
	s, d := a.Shape, a.Decoder
	rd := &reader{a: a, opt: opt}
	one := rd.one
	if opt.Paper != nil {
		rd.focal = &graph.Record{DOI: opt.Paper.DOI, Title: opt.Paper.Title, Year: opt.Paper.Year,
			Authors: opt.Paper.Authors, Identifiers: cloneIDs(opt.Paper.Identifiers)}
	}
	var err error
	switch {
	case s.Top == '[':
		err = d.Array(one)
	case s.Top != '{':
		err = d.Delim('{')
	case s.Keys["data"] != nil || s.Keys["recommendedPapers"] != nil:
		err = d.Object(func(key string) error {
			if key == "data" || key == "recommendedPapers" {
				return d.Array(one)
			}
			return d.Skip()
		})
	case !isItem(s.Keys) && (s.Keys["error"] != nil || s.Keys["message"] != nil):
		var e struct{ Error, Message string }
		if derr := d.Decode(&e); derr != nil {
			err = d.ErrAt(derr)
		} else {
			err = fmt.Errorf("%w: the answer is an error: %s", ErrNotPapers, strings.TrimSpace(e.Error+" "+e.Message))
		}
	default:
		for err == nil && d.More() {
			err = one()
		}
	}
	if h := a.Halted(err); h != nil {
		return h
	}
	if rd.focal != nil && len(rd.focal.References) > 0 {
		// The references read stand, even before a problem.
		rd.focal.Source.Line = 1
		if e := emit(*rd.focal); e != nil {
			return e
		}
	}
	return a.Finish(err)
}

func cloneIDs(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

type reader struct {
	a     *jsonstream.Answer
	opt   Options
	focal *graph.Record // the citing paper of a references page
}

// one reads one element: a paper, a citation or a reference; null is
// skipped (a batch answer's paper that was not found).
func (rd *reader) one() error {
	var it *item
	line, col, err := rd.a.Value(&it)
	if err != nil {
		return err
	}
	switch {
	case it == nil:
		return nil
	case it.CitingPaper != nil:
		if it.CitingPaper.empty() {
			return nil
		}
		r := it.CitingPaper.record(line)
		var refs []int
		if p := rd.opt.Paper; p != nil {
			ref := *p
			ref.Identifiers = cloneIDs(p.Identifiers)
			r.References = append(r.References, ref)
			refs = []int{len(r.References) - 1}
		}
		r.Statements = it.statements(refs)
		return rd.a.Emit(r)
	case it.CitedPaper != nil:
		if it.CitedPaper.empty() {
			return nil
		}
		if rd.focal != nil {
			rd.focal.References = append(rd.focal.References, it.CitedPaper.reference())
			rd.focal.Statements = append(rd.focal.Statements, it.statements([]int{len(rd.focal.References) - 1})...)
			return nil
		}
		r := it.CitedPaper.record(line)
		r.CitedBy = it.citedBy(nil)
		return rd.a.Emit(r)
	case !it.empty(): // the item is a paper
		p := &it.paper
		r := p.record(line)
		if err := rd.a.Emit(r); err != nil {
			return err
		}
		if len(p.Citations) > 0 {
			self := p.reference()
			for i := range p.Citations {
				c := &p.Citations[i]
				if c.empty() {
					continue
				}
				cr := c.record(line)
				ref := self
				ref.Identifiers = cloneIDs(self.Identifiers)
				cr.References = append(cr.References, ref)
				if err := rd.a.Emit(cr); err != nil {
					return err
				}
			}
		}
		return nil
	}
	rd.a.Errs.Add(&SyntaxError{Line: line, Col: col, Err: fmt.Errorf("%w: an object that is neither a paper, a citation nor a reference", ErrNotPapers)})
	return nil
}
