package tei

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

// ErrNotTEI means the XML has no TEI document in it.
var ErrNotTEI = errors.New("no TEI <TEI> element")

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
	d.Entity = xml.HTMLEntity // &nbsp;, &mdash; … that some producers leave in
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

func isBreak(name string) bool { return name == "break" || name == "lb" }

// clean collapses white space and trims.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// node is an element of a small subtree read whole: the header, a
// reference.
type node struct {
	name string
	attr []xml.Attr
	kids []*node
	text string // character data, for text nodes (name "")
}

func (n *node) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// tree reads the element whose start was just read into a node.
func (x *decoder) tree(start xml.StartElement) (*node, error) {
	root := &node{name: start.Name.Local, attr: start.Attr}
	stack := []*node{root}
	for len(stack) > 0 {
		t, err := x.token()
		if err != nil {
			if err == io.EOF {
				return nil, x.posErr(&xml.SyntaxError{Msg: "unexpected EOF"})
			}
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := t.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attr: t.Attr}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, &node{text: string(t)})
		}
	}
	return root, nil
}

// plain returns the text of the subtree, collapsed, with a space between
// elements where GROBID breaks lines.
func (n *node) plain() string {
	var b strings.Builder
	n.write(&b)
	return clean(b.String())
}

func (n *node) write(b *strings.Builder) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	if isBreak(n.name) {
		b.WriteByte(' ')
	}
	for _, k := range n.kids {
		k.write(b)
	}
}

// all returns the descendants named local, in document order.
func (n *node) all(local string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == local {
			out = append(out, k)
		}
		out = append(out, k.all(local)...)
	}
	return out
}

// child returns the first child named local whose attributes match the
// pairs given (name, value, …).
func (n *node) child(local string, kv ...string) *node {
outer:
	for _, k := range n.kids {
		if k.name != local {
			continue
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if k.get(kv[i]) != kv[i+1] {
				continue outer
			}
		}
		return k
	}
	return nil
}

// find returns the first descendant named local.
func (n *node) find(local string) *node {
	for _, k := range n.kids {
		if k.name == local {
			return k
		}
		if f := k.find(local); f != nil {
			return f
		}
	}
	return nil
}
