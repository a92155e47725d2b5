package jsonstream

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"

	"github.com/citegraph/citegraph/graph"
)

// headSize is how much of an answer Open reads ahead for its shape.
const headSize = 64 << 10

// Answer is the reading of one citation-index answer, what every answer
// reader's Decode shares: the Decoder over the body, the shape of its
// first 64 KiB, the problems found so far (Errs), and the first error the
// caller's emit returned, which ends the reading and is returned as it
// is.
type Answer struct {
	*Decoder
	Head  []byte // the first bytes of the body (up to 64 KiB)
	Shape Shape  // ScanShape of Head
	Errs  ErrorList

	ctx     context.Context
	emit    func(graph.Record) error
	emitErr error
}

// Open returns the Answer over r, reading its first 64 KiB ahead (r is
// read through a bufio.Reader; one of that size or larger is used as it
// is). Records go to emit.
func Open(ctx context.Context, r io.Reader, emit func(graph.Record) error) *Answer {
	br := bufio.NewReaderSize(r, headSize)
	head, _ := br.Peek(headSize)
	return &Answer{Decoder: NewDecoder(br), Head: head, Shape: ScanShape(head), ctx: ctx, emit: emit}
}

// Records returns an Answer with no JSON body to read (its Decoder nil),
// for an answer in another format (OpenCitations' CSV): the problems,
// emit and the end of the reading as for JSON.
func Records(ctx context.Context, emit func(graph.Record) error) *Answer {
	return &Answer{ctx: ctx, emit: emit}
}

// Value reads the JSON value at the decoder's place into v (a pointer),
// after checking the context, and returns the line and column where the
// value starts. A field of the wrong type is a problem kept in Errs, the
// rest of v read; malformed JSON is returned, a *SyntaxError.
func (a *Answer) Value(v any) (line, col int, err error) {
	if err := a.ctx.Err(); err != nil {
		return 0, 0, err
	}
	line, col = a.Next()
	if err := a.Decode(v); err != nil {
		var typ *json.UnmarshalTypeError
		if !errors.As(err, &typ) {
			return line, col, a.ErrAt(err)
		}
		a.Errs.Add(a.ErrAt(err))
	}
	return line, col, nil
}

// Emit hands r to emit; an error from it ends the reading (Halted and
// Finish return it) and is returned.
func (a *Answer) Emit(r graph.Record) error {
	if err := a.emit(r); err != nil {
		a.emitErr = err
		return err
	}
	return nil
}

// Halted returns what stops a reading at once, whatever was read: the
// error emit returned, or err when it is the context's (cancelled, or past
// its deadline); nil otherwise.
func (a *Answer) Halted(err error) error {
	if a.emitErr != nil {
		return a.emitErr
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// Finish returns what Decode returns once the reading has ended with err
// (nil at a clean end): what Halted returns when it returns something,
// else the problems in Errs with err after them, joined (nil when there
// are none).
func (a *Answer) Finish(err error) error {
	if h := a.Halted(err); h != nil {
		return h
	}
	a.Errs.Add(err)
	return a.Errs.Err()
}
