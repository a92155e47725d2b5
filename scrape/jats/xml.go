package jats

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// PosError is a failure at a place in the source: the registry reports it as
// path:line:col.
type PosError struct {
	Line, Col int
	Err       error
}

func (e *PosError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *PosError) Unwrap() error { return e.Err }

// Position returns the 1-based line and column of the failure.
func (e *PosError) Position() (line, col int) { return e.Line, e.Col }

// ErrNotJATS means the XML has no JATS article in it.
var ErrNotJATS = errors.New("no JATS <article> element")

// decoder reads XML tokens and knows where it is.
type decoder struct {
	ctx context.Context
	d   *xml.Decoder
	n   int // tokens read, to check ctx now and then
	// line, col are where the token being read starts.
	line, col int
}

func newDecoder(ctx context.Context, r io.Reader) *decoder {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = xml.HTMLEntity // &nbsp;, &mdash; … that JATS DTDs define
	// The registry hands over UTF-8 whatever the declaration says.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return &decoder{ctx: ctx, d: d}
}

// token returns the next token; at the end of input it returns io.EOF.
// Syntax errors come back as *PosError.
func (x *decoder) token() (xml.Token, error) {
	x.n++
	if x.n&1023 == 0 {
		if err := x.ctx.Err(); err != nil {
			return nil, err
		}
	}
	x.line, x.col = x.d.InputPos()
	t, err := x.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, x.posErr(err)
	}
	return t, nil
}

func (x *decoder) posErr(err error) error {
	line, col := x.d.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := strings.TrimPrefix(se.Msg, "xml: ")
		if strings.Contains(msg, "closed by") || strings.Contains(msg, "unexpected end element") {
			// A misplaced end tag: where it starts.
			line, col = x.line, x.col
		}
		if msg == "unexpected EOF" {
			msg = "unexpected end of file (truncated XML?)"
		}
		return &PosError{Line: line, Col: col, Err: fmt.Errorf("malformed XML: %s", msg)}
	}
	return &PosError{Line: line, Col: col, Err: err}
}

// skip consumes the rest of the element whose start was just read.
func (x *decoder) skip() error {
	depth := 1
	for depth > 0 {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return x.posErr(&xml.SyntaxError{Msg: "unexpected EOF"})
			}
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text returns the character data of the element whose start was just
// read, its white space collapsed, and consumes the element. Elements
// named in skip give no text.
func (x *decoder) text(skip ...string) (string, error) {
	var b strings.Builder
	depth := 1
	skipping := 0
	for depth > 0 {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return "", x.posErr(&xml.SyntaxError{Msg: "unexpected EOF"})
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			if skipping > 0 {
				skipping++
			} else if contains(skip, t.Name.Local) {
				skipping = 1
			}
			if isBreak(t.Name.Local) && skipping == 0 {
				b.WriteByte(' ')
			}
		case xml.EndElement:
			depth--
			if skipping > 0 {
				skipping--
			}
		case xml.CharData:
			if skipping == 0 {
				b.Write(t)
			}
		}
	}
	return clean(b.String()), nil
}

func isBreak(name string) bool { return name == "break" || name == "lb" }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// clean collapses white space and trims.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
