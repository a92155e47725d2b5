package crossref

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// ErrNotWorks means an answer is JSON but holds no Crossref works: another
// message type (a member, a journal, an error), or another kind of JSON.
var ErrNotWorks = errors.New("crossref: not an answer with works")

// SyntaxError is a problem at a place in an answer: malformed JSON, a value
// of the wrong type, an answer cut short. Readers report it and go on with
// the next work where the JSON allows. It is the type all the answer
// readers share.
type SyntaxError = jsonstream.SyntaxError

// Format reads Crossref REST API answers saved as files: a work
// (/works/{doi}, message-type "work"), a list of works (/works?…,
// "work-list", streamed item by item), a bare work object without the
// envelope, an object holding "items" (a page of the public data file), an
// array of works, or works one per line. It implements
// scrape.StreamFormat; its name is "crossref-api".
type Format struct{}

// Name returns "crossref-api".
func (Format) Name() string { return "crossref-api" }

// Sniff reports whether head is the start of a Crossref answer: an
// envelope whose message-type is "work" or "work-list", or a work object
// itself (a "DOI" with "reference-count", "is-referenced-by-count" or
// "deposited", and its title as an array of strings, which CSL-JSON, whose
// title is a string, does not have).
func (Format) Sniff(head []byte) bool {
	s := jsonstream.ScanShape(head)
	switch s.Top {
	case '{':
		if mt := jsonstream.TokString(s.Keys["message-type"]); mt != "" {
			return mt == "work" || mt == "work-list"
		}
		if it, ok := s.Sub["items"]; ok {
			return isWork(it)
		}
		return isWork(s.Keys)
	case '[':
		return isWork(s.Sub[""])
	}
	return false
}

// isWork reports whether an object's keys are those of a Crossref work.
func isWork(keys map[string]json.Token) bool {
	if keys == nil {
		return false
	}
	_, doi := keys["DOI"]
	_, rc := keys["reference-count"]
	_, ibc := keys["is-referenced-by-count"]
	_, dep := keys["deposited"]
	if !doi || !(rc || ibc || dep) {
		return false
	}
	t, ok := keys["title"]
	if !ok {
		t, ok = keys["container-title"]
	}
	return !ok || t == json.Delim('[')
}

// Extract reads one answer (see Format) and emits a record per work; see
// Decode.
func (Format) Extract(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	return Decode(ctx, r, emit)
}

// Decode reads one Crossref answer body from r and calls emit with a
// record per work, in answer order, each with its line in the answer. A
// list is read one item at a time, so memory stays bounded by the largest
// work whatever the length of the list. A work whose fields have the wrong
// types is emitted with what could be read, and the problems are returned
// at the end (*SyntaxError, joined); malformed JSON ends the reading with
// a *SyntaxError after the works before it. The first error emit returns
// is returned as it is.
func Decode(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
	a := jsonstream.Open(ctx, r, emit)
	s, d, head := a.Shape, a.Decoder, a.Head
	one := func() error {
		var w work
		line, _, err := a.Value(&w)
		if err != nil {
			return err
		}
		return a.Emit(w.record(line))
	}
	items := func() error { return d.Array(one) }

	var err error
	switch {
	case s.Top == '[':
		err = items()
	case s.Top != '{':
		err = d.ErrAt(d.Delim('{'))
	case s.Keys["message-type"] != nil || s.Keys["message"] != nil:
		kind := jsonstream.TokString(s.Keys["message-type"])
		err = d.Object(func(key string) error {
			switch key {
			case "message-type":
				var mt string
				if err := d.Decode(&mt); err != nil {
					return d.ErrAt(err)
				}
				kind = mt
				return nil
			case "message":
				switch {
				case kind == "work-list" || kind == "" && s.Sub["message"]["items"] != nil:
					return d.Object(func(key string) error {
						if key == "items" {
							return items()
						}
						return d.Skip()
					})
				case kind == "work" || kind == "":
					return one()
				}
				l, c := d.Next()
				if err := d.Skip(); err != nil {
					return err
				}
				return &SyntaxError{Line: l, Col: c, Err: fmt.Errorf("%w: message-type %q", ErrNotWorks, kind)}
			}
			return d.Skip()
		})
	case s.Keys["items"] != nil && s.Keys["DOI"] == nil:
		err = d.Object(func(key string) error {
			if key == "items" {
				return items()
			}
			return d.Skip()
		})
	case isWork(s.Keys) || len(head) == 0:
		for err == nil && d.More() {
			err = one()
		}
	default:
		err = fmt.Errorf("%w (a JSON object with %s)", ErrNotWorks, someKeys(s.Keys))
	}
	return a.Finish(err)
}

// someKeys names up to five keys of an object, for messages.
func someKeys(keys map[string]json.Token) string {
	if len(keys) == 0 {
		return "no keys"
	}
	return fmt.Sprintf("keys %q", jsonstream.SomeKeys(keys))
}
