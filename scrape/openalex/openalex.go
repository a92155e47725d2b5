package openalex

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

// ErrNotWorks means an answer is JSON but holds no OpenAlex works: another
// entity (authors, sources …), an error message, or another kind of JSON.
var ErrNotWorks = errors.New("openalex: not an answer with works")

// SyntaxError is a problem at a place in an answer: malformed JSON, a value
// of the wrong type, an answer cut short. Readers report it and go on with
// the next work where the JSON allows. It is the type all the answer
// readers share.
type SyntaxError = jsonstream.SyntaxError

// Format reads OpenAlex API answers saved as files: a work (/works/W…), a
// page of a list (/works?filter=…, with "meta" and "results", streamed one
// result at a time), an array of works, or works one per line (the
// snapshot's files). It implements scrape.StreamFormat; its name is
// "openalex-api".
type Format struct{}

// Name returns "openalex-api".
func (Format) Name() string { return "openalex-api" }

// Sniff reports whether head is the start of an OpenAlex answer with
// works: an object with "meta" and "results" whose first result (if any)
// has a work ID ("https://openalex.org/W…") and whose meta is OpenAlex's
// (count, per_page or db_response_time_ms), or a work itself.
func (Format) Sniff(head []byte) bool {
	s := jsonstream.ScanShape(head)
	switch s.Top {
	case '{':
		if s.Keys["meta"] == json.Delim('{') && s.Keys["results"] != nil {
			if first, ok := s.Sub["results"]; ok {
				return isWorkID(jsonstream.TokString(first["id"]))
			}
			m := s.Sub["meta"]
			_, db := m["db_response_time_ms"]
			_, pp := m["per_page"]
			_, c := m["count"]
			return db || (pp && c)
		}
		return looksLikeWork(s.Keys)
	case '[':
		return looksLikeWork(s.Sub[""])
	}
	return false
}

func looksLikeWork(keys map[string]json.Token) bool {
	if !isWorkID(jsonstream.TokString(keys["id"])) || !strings.Contains(jsonstream.TokString(keys["id"]), "openalex.org/") {
		return false
	}
	for _, k := range []string{"referenced_works", "authorships", "publication_year", "display_name", "cited_by_count"} {
		if _, ok := keys[k]; ok {
			return true
		}
	}
	return false
}

// Extract reads one answer (see Format) and emits a record per work; see
// Decode.
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return Decode(ctx, r, emit)
}

// Decode reads one OpenAlex answer body from r and calls emit with a
// record per work, in answer order, each with its line in the answer. A
// page of results is read one work at a time, so memory stays bounded by
// the largest work whatever the page size. A page with no results (the
// end of a cursor) gives no records and no error. A result that is not a
// work, or whose fields have the wrong types, is reported in the error
// returned at the end (*SyntaxError, joined), the rest read; malformed
// JSON ends the reading with a *SyntaxError after the works before it. The
// first error emit returns is returned as it is.
func Decode(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	a := jsonstream.Open(ctx, r, emit)
	s, d := a.Shape, a.Decoder
	one := func() error {
		var w work
		line, col, err := a.Value(&w)
		if err != nil {
			return err
		}
		if !isWorkID(w.ID) {
			what := "an object without an OpenAlex work ID"
			if w.ID != "" {
				what = fmt.Sprintf("%q, not a work", w.ID)
			}
			a.Errs.Add(&SyntaxError{Line: line, Col: col, Err: fmt.Errorf("%w: %s", ErrNotWorks, what)})
			return nil
		}
		return a.Emit(w.record(line))
	}

	var err error
	switch {
	case s.Top == '[':
		err = d.Array(one)
	case s.Top != '{':
		err = d.Delim('{')
	case s.Keys["results"] != nil || s.Keys["meta"] != nil:
		err = d.Object(func(key string) error {
			if key == "results" {
				return d.Array(one)
			}
			return d.Skip()
		})
	case s.Keys["error"] != nil || s.Keys["message"] != nil && s.Keys["id"] == nil:
		var e struct{ Error, Message string }
		if derr := d.Decode(&e); derr != nil {
			err = d.ErrAt(derr)
		} else {
			err = fmt.Errorf("%w: the answer is an error: %s", ErrNotWorks, strings.TrimSpace(e.Error+" "+e.Message))
		}
	default:
		for err == nil && d.More() {
			err = one()
		}
	}
	return a.Finish(err)
}
