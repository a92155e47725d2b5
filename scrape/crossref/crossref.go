package crossref

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/citegraph/citegraph/graph"
)

// ErrNotWorks means an answer is JSON but holds no Crossref works: another
// message type (a member, a journal, an error), or another kind of JSON.
var ErrNotWorks = errors.New("crossref: not an answer with works")

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
	s := scanShape(head)
	switch s.top {
	case '{':
		if mt := tokString(s.keys["message-type"]); mt != "" {
			return mt == "work" || mt == "work-list"
		}
		if it, ok := s.sub["items"]; ok {
			return isWork(it)
		}
		return isWork(s.keys)
	case '[':
		return isWork(s.sub[""])
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
		line, _ := d.next()
		var w work
		if err := d.Decode(&w); err != nil {
			var typ *json.UnmarshalTypeError
			if !errors.As(err, &typ) {
				return d.errAt(err)
			}
			errs.add(d.errAt(err))
		}
		if err := emit(w.record(line)); err != nil {
			emitErr = err
			return err
		}
		return nil
	}
	items := func() error { return d.array(one) }

	var err error
	switch {
	case s.top == '[':
		err = items()
	case s.top != '{':
		err = d.errAt(d.delim('{'))
	case s.keys["message-type"] != nil || s.keys["message"] != nil:
		kind := tokString(s.keys["message-type"])
		err = d.object(func(key string) error {
			switch key {
			case "message-type":
				var mt string
				if err := d.Decode(&mt); err != nil {
					return d.errAt(err)
				}
				kind = mt
				return nil
			case "message":
				switch {
				case kind == "work-list" || kind == "" && s.sub["message"]["items"] != nil:
					return d.object(func(key string) error {
						if key == "items" {
							return items()
						}
						return d.skip()
					})
				case kind == "work" || kind == "":
					return one()
				}
				l, c := d.next()
				if err := d.skip(); err != nil {
					return err
				}
				return &SyntaxError{Line: l, Col: c, Err: fmt.Errorf("%w: message-type %q", ErrNotWorks, kind)}
			}
			return d.skip()
		})
	case s.keys["items"] != nil && s.keys["DOI"] == nil:
		err = d.object(func(key string) error {
			if key == "items" {
				return items()
			}
			return d.skip()
		})
	case isWork(s.keys) || len(head) == 0:
		for err == nil && d.More() {
			err = one()
		}
	default:
		err = fmt.Errorf("%w (a JSON object with %s)", ErrNotWorks, someKeys(s.keys))
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

// someKeys names up to five keys of an object, for messages.
func someKeys(keys map[string]json.Token) string {
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) > 5 {
		out = append(out[:5], "…")
	}
	if len(out) == 0 {
		return "no keys"
	}
	return fmt.Sprintf("keys %q", out)
}
