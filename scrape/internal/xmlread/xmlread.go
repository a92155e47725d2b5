package xmlread

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/graph"
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

// Position returns the line and column of the failure, both counted from
// 1 (column 1 is the first byte of a line).
func (e *PosError) Position() (line, col int) { return e.Line, e.Col }

// MaxToken is the most bytes one token (a run of text, a tag with its
// attributes, a comment) may span, and MaxText the most text Text and
// Tree gather from one element. encoding/xml holds a token whole, and a
// JATS text node of 150 MB took 991 MB on its way to a record (issue 16);
// the longest text of a real article is a few hundred KB.
const (
	MaxToken = 16 << 20
	MaxText  = 16 << 20
)

// ErrTooLarge means a token or an element's text is larger than MaxToken
// or MaxText; the document is not read further.
var ErrTooLarge = fmt.Errorf("a text or tag of more than %d MiB (the most one element may hold): not read", MaxToken>>20)

// Decoder reads XML tokens and knows where it is.
type Decoder struct {
	ctx context.Context
	d   *xml.Decoder
	r   *posReader
	n   int // tokens read, to check ctx now and then
	// line, col are where the token being read starts.
	line, col int
}

// posReader is the buffered byte reader under encoding/xml. It remembers
// the column of the last newline read, which encoding/xml loses: when it
// puts a newline back (to fail on it, as in "<a>x&\n"), its InputPos gives
// the line of the newline and column 0.
type posReader struct {
	r     io.Reader
	total int64 // bytes read
	mark  int64 // total when the token being read started
	buf   []byte
	i, n  int // buf[i:n] is not read yet
	err   error
	col   int // bytes read of the current line
	nlCol int // 1-based column of the last newline read
}

func (p *posReader) ReadByte() (byte, error) {
	if p.total-p.mark > MaxToken {
		return 0, ErrTooLarge
	}
	for p.i >= p.n {
		if p.err != nil {
			return 0, p.err
		}
		p.fill()
	}
	b := p.buf[p.i]
	p.i++
	p.total++
	p.col++
	if b == '\n' {
		p.nlCol, p.col = p.col, 0
	}
	return b, nil
}

// fill reads more into buf; a reader that keeps giving nothing is an
// error, as bufio has it.
func (p *posReader) fill() {
	for range 100 {
		n, err := p.r.Read(p.buf)
		p.i, p.n, p.err = 0, n, err
		if n > 0 || err != nil {
			return
		}
	}
	p.err = io.ErrNoProgress
}

// Read is there for encoding/xml's CharsetReader hook, which is handed
// the reader; NewDecoder's hook returns it unchanged, so encoding/xml goes
// on with ReadByte. Read keeps the count all the same.
func (p *posReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		c, err := p.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		b[n] = c
		n++
		if p.i >= p.n {
			break // no more buffered: do not wait for more
		}
	}
	return n, nil
}

// NewDecoder returns a strict Decoder of r that knows the HTML entities
// (&nbsp;, &mdash; … that JATS DTDs define and that some TEI producers
// leave in) and takes the input as UTF-8 whatever its declaration says (the
// registry hands over UTF-8). It checks ctx every 1024 tokens.
func NewDecoder(ctx context.Context, r io.Reader) *Decoder {
	pr := &posReader{r: r, buf: make([]byte, 4096)}
	d := xml.NewDecoder(pr) // a ByteReader: encoding/xml reads it unbuffered
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return &Decoder{ctx: ctx, d: d, r: pr}
}

// InputPos returns the line and column (both from 1) of the decoder's
// place in the input: the end of the token last read.
func (x *Decoder) InputPos() (line, col int) {
	line, col = x.d.InputPos()
	if col < 1 {
		// encoding/xml has put back the newline it read last: the place
		// is that newline, at the end of line "line".
		col = max(x.r.nlCol, 1)
	}
	return line, col
}

// Token returns the next token; at the end of input it returns io.EOF.
// Syntax errors come back as *PosError.
func (x *Decoder) Token() (xml.Token, error) {
	x.n++
	if x.n&1023 == 0 {
		if err := x.ctx.Err(); err != nil {
			return nil, err
		}
	}
	x.line, x.col = x.InputPos()
	x.r.mark = x.r.total
	t, err := x.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		if errors.Is(err, ErrTooLarge) {
			return nil, &PosError{Line: x.line, Col: x.col, Err: err} // where the token starts
		}
		return nil, x.PosErr(err)
	}
	return t, nil
}

// PosErr makes err a *PosError at the decoder's place (at the start of the
// token being read for a misplaced end tag); an *xml.SyntaxError reads
// "malformed XML: …".
func (x *Decoder) PosErr(err error) error {
	line, col := x.InputPos()
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

// Skip consumes the rest of the element whose start was just read.
func (x *Decoder) Skip() error {
	depth := 1
	for depth > 0 {
		t, err := x.Token()
		if err != nil {
			if err == io.EOF {
				return x.PosErr(&xml.SyntaxError{Msg: "unexpected EOF"})
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

// Text returns the character data of the element whose start was just
// read, its white space collapsed, and consumes the element. Elements
// named in skip give no text; a line break element (IsBreak) gives a space.
func (x *Decoder) Text(skip ...string) (string, error) {
	var b strings.Builder
	depth := 1
	skipping := 0
	for depth > 0 {
		t, err := x.Token()
		if err != nil {
			if err == io.EOF {
				return "", x.PosErr(&xml.SyntaxError{Msg: "unexpected EOF"})
			}
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			depth++
			if skipping > 0 {
				skipping++
			} else if slices.Contains(skip, t.Name.Local) {
				skipping = 1
			}
			if IsBreak(t.Name.Local) && skipping == 0 {
				b.WriteByte(' ')
			}
		case xml.EndElement:
			depth--
			if skipping > 0 {
				skipping--
			}
		case xml.CharData:
			if skipping == 0 {
				if b.Len()+len(t) > MaxText {
					return "", &PosError{Line: x.line, Col: x.col, Err: ErrTooLarge}
				}
				b.Write(t)
			}
		}
	}
	return Clean(b.String()), nil
}

// IsBreak reports whether an element is a line break (JATS <break>, TEI
// <lb>).
func IsBreak(name string) bool { return name == "break" || name == "lb" }

// Clean collapses white space and trims, as strings.Join(strings.Fields(s),
// " ") does, without holding the words apart.
func Clean(s string) string {
	var b strings.Builder
	for f := range strings.FieldsSeq(s) {
		if b.Len() == 0 {
			b.Grow(len(s))
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// Node is an element of a small subtree read whole (a header, a
// reference), or a piece of character data.
type Node struct {
	Name string // local name; "" for character data
	Attr []xml.Attr
	Kids []*Node
	Text string // character data, for text nodes (Name "")
}

// Get returns the value of the attribute named local, or "".
func (n *Node) Get(local string) string {
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Tree reads the element whose start was just read into a Node.
func (x *Decoder) Tree(start xml.StartElement) (*Node, error) {
	root := &Node{Name: start.Name.Local, Attr: start.Attr}
	stack := []*Node{root}
	size := 0
	for len(stack) > 0 {
		t, err := x.Token()
		if err != nil {
			if err == io.EOF {
				return nil, x.PosErr(&xml.SyntaxError{Msg: "unexpected EOF"})
			}
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := t.(type) {
		case xml.StartElement:
			n := &Node{Name: t.Name.Local, Attr: t.Attr}
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if size += len(t); size > MaxText {
				return nil, &PosError{Line: x.line, Col: x.col, Err: ErrTooLarge}
			}
			top.Kids = append(top.Kids, &Node{Text: string(t)})
		}
	}
	return root, nil
}

// All returns the descendants named local, in document order.
func (n *Node) All(local string) []*Node {
	var out []*Node
	for _, k := range n.Kids {
		if k.Name == local {
			out = append(out, k)
		}
		out = append(out, k.All(local)...)
	}
	return out
}

// Child returns the first child named local whose attributes match the
// pairs given (name, value, …).
func (n *Node) Child(local string, kv ...string) *Node {
outer:
	for _, k := range n.Kids {
		if k.Name != local {
			continue
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if k.Get(kv[i]) != kv[i+1] {
				continue outer
			}
		}
		return k
	}
	return nil
}

// Find returns the first descendant named local, depth first.
func (n *Node) Find(local string) *Node {
	for _, k := range n.Kids {
		if k.Name == local {
			return k
		}
		if f := k.Find(local); f != nil {
			return f
		}
	}
	return nil
}

// Attr returns the value of start's attribute named local, or "".
func Attr(start xml.StartElement, local string) string {
	for _, a := range start.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Children reads the children of the element whose start was just read,
// to its end: fn gets the start of each child element and consumes the
// child (Skip, Text, Tree, Children …). Character data, comments and
// processing instructions between children are passed over. The first
// error of fn or of the decoder is returned (io.EOF as it is: see
// Truncated).
func (x *Decoder) Children(fn func(start xml.StartElement) error) error {
	for {
		t, err := x.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		}
	}
}

// Within reads the element whose start was just read, to its end, handing
// fn the start of each element inside it: fn consumes the element and
// returns true, or returns false to have Within step into it and hand
// over its children in turn (to find a known element among wrappers).
func (x *Decoder) Within(fn func(start xml.StartElement) (bool, error)) error {
	for depth := 1; depth > 0; {
		t, err := x.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			depth--
		case xml.StartElement:
			done, err := fn(t)
			if err != nil {
				return err
			}
			if !done {
				depth++
			}
		}
	}
	return nil
}

// Truncated returns err, or for io.EOF the *PosError of a document cut
// short ("malformed XML: unexpected end of file (truncated XML?)") at the
// decoder's place.
func (x *Decoder) Truncated(err error) error {
	if err == io.EOF {
		return x.PosErr(&xml.SyntaxError{Msg: "unexpected EOF"})
	}
	return err
}

// A Document is what an XML reader gathers of one document element (a
// JATS <article>, a TEI <TEI>).
type Document interface {
	// Read reads the element whose start was just read.
	Read(start xml.StartElement) error
	// Record returns the record of what was read, the element's start
	// at line; ok is false when nothing in it names a work.
	Record(line int) (rec graph.Record, ok bool)
}

// Documents is the document loop of the XML readers: it reads r, and for
// every element named local (nested in any other) reads a Document of its
// own (open makes it) and emits its record, in source order. A document
// cut short is still emitted when its record names a work, and the error
// that cut it is returned. No element named local in the source is a
// *PosError at line 1, column 1 wrapping none.
func Documents[D Document](ctx context.Context, r io.Reader, local string, none error, open func(*Decoder) D, emit func(D, graph.Record) error) error {
	x := NewDecoder(ctx, r)
	found := false
	for {
		t, err := x.Token()
		if err == io.EOF {
			if !found {
				return &PosError{Line: 1, Col: 1, Err: none}
			}
			return nil
		}
		if err != nil {
			return err
		}
		st, ok := t.(xml.StartElement)
		if !ok || st.Name.Local != local {
			continue
		}
		found = true
		line, _ := x.InputPos()
		doc := open(x)
		rerr := doc.Read(st)
		if rec, ok := doc.Record(line); ok || rerr == nil {
			if err := emit(doc, rec); err != nil {
				return err
			}
		}
		if rerr != nil {
			return rerr
		}
	}
}
