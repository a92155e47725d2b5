package edgelist

import (
	"bytes"
	"errors"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzReaders feeds arbitrary bytes to Sniff and the three readers: none
// may panic, and every error must be an *Error naming the file and, for a
// line's fault, a line of the input.
func FuzzReaders(f *testing.F) {
	for _, s := range []string{
		"# comment\n1 2\n3 4 5\n",
		"\ufeff0001\t002\r\n",
		"a b c d\n",
		"1 1998-02-03\n2 1999\n",
		"p1 0 1 0 label\np2 1 0 1 label\n",
		"x\n",
		"1 2\n\xff 3\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		Sniff(in)
		lines := bytes.Count(in, []byte("\n")) + 1
		check := func(err error) {
			if err == nil {
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Path != "in.txt" || e.Line < 1 || e.Line > lines {
				t.Fatalf("error %v: want an *Error at in.txt line 1…%d", err, lines)
			}
		}
		b := graph.NewCompactBuilder()
		_, err := ReadEdges(bytes.NewReader(in), "in.txt", CitingCited, b)
		check(err)
		b.Build()
		_, err = ReadDates(bytes.NewReader(in), "in.txt", func(string, int) {})
		check(err)
		_, err = ReadContent(bytes.NewReader(in), "in.txt", func(Paper) error { return nil })
		check(err)
	})
}
