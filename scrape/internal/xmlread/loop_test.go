package xmlread

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func TestChildrenWithin(t *testing.T) {
	x, _ := start(t, `<a>x<b k="1"><c/></b><!-- c --><d><e>E</e><f/></d></a><after/>`)
	var got []string
	err := x.Children(func(st xml.StartElement) error {
		got = append(got, st.Name.Local+Attr(st, "k"))
		if st.Name.Local == "b" {
			return x.Skip()
		}
		// Within <d>: <e> consumed, <f> stepped into (it is empty).
		return x.Within(func(st xml.StartElement) (bool, error) {
			got = append(got, st.Name.Local)
			if st.Name.Local == "e" {
				s, err := x.Text()
				got = append(got, s)
				return true, err
			}
			return false, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(got, ","); s != "b1,d,e,E,f" {
		t.Errorf("children %s, want b1,d,e,E,f", s)
	}
	// The decoder stands after </a>.
	if tok, _ := x.Token(); tok.(xml.StartElement).Name.Local != "after" {
		t.Errorf("next token %v, want <after>", tok)
	}
}

// title is a Document for the test: <doc> with a <title>.
type title struct {
	x   *Decoder
	rec graph.Record
}

func (d *title) Read(xml.StartElement) error {
	return d.x.Truncated(d.x.Children(func(st xml.StartElement) error {
		if st.Name.Local != "title" {
			return d.x.Skip()
		}
		s, err := d.x.Text()
		d.rec.Title = s
		return err
	}))
}

func (d *title) Record(line int) (graph.Record, bool) {
	r := d.rec
	r.Source.Line = line
	return r, r.Title != ""
}

func TestDocuments(t *testing.T) {
	errNone := errors.New("no doc")
	read := func(src string) ([]string, error) {
		var got []string
		err := Documents(context.Background(), strings.NewReader(src), "doc", errNone,
			func(x *Decoder) *title { return &title{x: x} },
			func(_ *title, r graph.Record) error { got = append(got, r.Title); return nil })
		return got, err
	}
	got, err := read("<set><doc><title>A</title></doc>\n<doc><x/></doc><doc><title>B</title><p>cut")
	// A; the second (no title, read whole) emitted too; B cut short but
	// named, emitted, and the cut returned at its line.
	if strings.Join(got, ",") != "A,,B" {
		t.Errorf("records %q, want A, an empty one, B", got)
	}
	var pe *PosError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(err.Error(), "unexpected end of file") {
		t.Errorf("error %v, want a cut at line 2", err)
	}
	if _, err := read("<set/>"); !errors.As(err, &pe) || !errors.Is(err, errNone) || pe.Line != 1 || pe.Col != 1 {
		t.Errorf("error %v, want errNone at 1:1", err)
	}
}
