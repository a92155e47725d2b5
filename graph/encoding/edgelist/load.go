package edgelist

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/citegraph/citegraph/graph"
)

// File is one input of Load: its path, its kind (Unknown: sniff it) and,
// for edge lists, the order of its two IDs.
type File struct {
	Path  string
	Kind  Kind
	Order Order
}

// Counts says what Load read.
type Counts struct {
	Citations int // edge lines
	Papers    int // .content lines
	Dates     int // dates lines
	Dated     int // dates lines whose paper is in the graph
}

// Load reads files into b: edge lists and .content files first, in the
// order given, then dates files, whose years go to the papers the others
// named (dates of other papers are counted and left out, so a dates file
// covering more papers than the graph adds no isolated nodes). A .content
// paper becomes a node even if no citation names it; its non-zero word
// features become its terms "w<index>" (LINQS files do not ship the words
// themselves) and its class label goes to labels when labels is not nil.
//
// A file that fails is passed to report with its *Error (a line number
// when one line was wrong) and Load goes on with the next; what a failing
// file gave before the bad line stays in b. Load stops early only when ctx
// is cancelled. Kind Unknown is sniffed from the first 64 KiB; a file of
// no known kind is reported as failing.
func Load(ctx context.Context, b *graph.CompactBuilder, files []File, labels map[string]string, report func(path string, err error)) (Counts, error) {
	var c Counts
	var dates []File
	words := map[int]string{}
	word := func(i int) string {
		w, ok := words[i]
		if !ok {
			w = "w" + strconv.Itoa(i)
			words[i] = w
		}
		return w
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		err := withFile(f.Path, func(r io.Reader, head []byte) error {
			kind := f.Kind
			if kind == Unknown {
				kind = Sniff(head)
			}
			switch kind {
			case Edges:
				n, err := ReadEdges(r, f.Path, f.Order, b)
				c.Citations += n
				return err
			case Content:
				n, err := ReadContent(r, f.Path, func(p Paper) error {
					v := b.Node(p.ID)
					for _, i := range p.Words {
						b.AddTerms(v, word(i))
					}
					if labels != nil {
						labels[p.ID] = p.Label
					}
					return nil
				})
				c.Papers += n
				return err
			case Dates:
				dates = append(dates, File{Path: f.Path, Kind: Dates})
				return nil
			}
			return &Error{Path: f.Path, Err: errors.New("not an edge list, .content or dates file")}
		})
		if err != nil {
			report(f.Path, err)
		}
	}
	for _, f := range dates {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		err := withFile(f.Path, func(r io.Reader, _ []byte) error {
			n, err := ReadDates(r, f.Path, func(id string, year int) {
				if v, ok := b.Lookup(id); ok {
					b.SetYear(v, year)
					c.Dated++
				}
			})
			c.Dates += n
			return err
		})
		if err != nil {
			report(f.Path, err)
		}
	}
	return c, nil
}

// withFile opens path (decompressing gzip) and calls fn with a reader of
// the whole file and its first 64 KiB.
func withFile(path string, fn func(r io.Reader, head []byte) error) error {
	rc, err := Open(path)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return e
		}
		return &Error{Path: path, Err: unwrapPathError(err)}
	}
	defer rc.Close()
	head := make([]byte, 1<<16)
	n, err := io.ReadFull(rc, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return &Error{Path: path, Err: err}
	}
	head = head[:n]
	return fn(io.MultiReader(bytes.NewReader(head), rc), head)
}

// IsKnown reports whether the file at path is one Load reads (an edge
// list, .content or dates file, gzip-compressed or not), judged from its
// first 64 KiB.
func IsKnown(path string) (Kind, error) {
	var k Kind
	err := withFile(path, func(_ io.Reader, head []byte) error {
		k = Sniff(head)
		return nil
	})
	return k, err
}

func unwrapPathError(err error) error {
	var pe interface{ Unwrap() error }
	if errors.As(err, &pe) {
		if inner := pe.Unwrap(); inner != nil {
			return inner
		}
	}
	return fmt.Errorf("%w", err)
}
