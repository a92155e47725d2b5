package openalex

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// ErrNotWorks means an answer is JSON but holds no OpenAlex works: another
// entity (authors, sources …), an error message, or another kind of JSON.
var ErrNotWorks = errors.New("openalex: not an answer with works")

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
	s := scanShape(head)
	switch s.top {
	case '{':
		if s.keys["meta"] == json.Delim('{') && s.keys["results"] != nil {
			if first, ok := s.sub["results"]; ok {
				return isWorkID(tokString(first["id"]))
			}
			m := s.sub["meta"]
			_, db := m["db_response_time_ms"]
			_, pp := m["per_page"]
			_, c := m["count"]
			return db || (pp && c)
		}
		return looksLikeWork(s.keys)
	case '[':
		return looksLikeWork(s.sub[""])
	}
	return false
}

func looksLikeWork(keys map[string]json.Token) bool {
	if !isWorkID(tokString(keys["id"])) || !strings.Contains(tokString(keys["id"]), "openalex.org/") {
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
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	s := scanShape(head)
	d := newDecoder(br)
	var errs errorList
	var emitErr error
	one := func() error {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, col := d.next()
		var w work
		if err := d.Decode(&w); err != nil {
			var typ *json.UnmarshalTypeError
			if !errors.As(err, &typ) {
				return d.errAt(err)
			}
			errs.add(d.errAt(err))
		}
		if !isWorkID(w.ID) {
			what := "an object without an OpenAlex work ID"
			if w.ID != "" {
				what = fmt.Sprintf("%q, not a work", w.ID)
			}
			errs.add(&SyntaxError{Line: line, Col: col, Err: fmt.Errorf("%w: %s", ErrNotWorks, what)})
			return nil
		}
		if err := emit(w.record(line)); err != nil {
			emitErr = err
			return err
		}
		return nil
	}

	var err error
	switch {
	case s.top == '[':
		err = d.array(one)
	case s.top != '{':
		err = d.delim('{')
	case s.keys["results"] != nil || s.keys["meta"] != nil:
		err = d.object(func(key string) error {
			if key == "results" {
				return d.array(one)
			}
			return d.skip()
		})
	case s.keys["error"] != nil || s.keys["message"] != nil && s.keys["id"] == nil:
		var e struct{ Error, Message string }
		if derr := d.Decode(&e); derr != nil {
			err = d.errAt(derr)
		} else {
			err = fmt.Errorf("%w: the answer is an error: %s", ErrNotWorks, strings.TrimSpace(e.Error+" "+e.Message))
		}
	default:
		for err == nil && d.More() {
			err = one()
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		errs.add(err)
	}
	return errs.err()
}
