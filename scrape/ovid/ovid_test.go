package ovid

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// The file holds two records ("<3001. >", "<3002. >"), each with a DO line
// (the same proceedings DOI), 4 and 2 AU lines and a YR line.
func TestFile(t *testing.T) {
	data, err := os.ReadFile("testdata/ovid_embase_endnote_format_2records.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !(Reader{}).Sniff(data) {
		t.Error("Sniff rejects the file")
	}
	var recs []graph.Record
	if err := (Reader{}).Extract(context.Background(), bytes.NewReader(data), func(r graph.Record) error {
		r.Normalize()
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	r := recs[0]
	if r.Title != "Quality of life in patients with primary ciliary dyskinesia: A systematic review." ||
		r.DOI != "10.1186/s12919-018-0099-8" || r.Year != 2018 || r.Volume != "12" || r.Issue != "Supplement 3" ||
		r.Venue != "BMC Proceedings. Conference: 2nd BEAT-PCD Conference and 3rd PCD Training School: Part 2. Spain" ||
		r.Type != "paper-conference" || r.Language != "English" || r.Publisher != "BioMed Central Ltd." ||
		!reflect.DeepEqual(r.Identifiers, map[string]string{"embase": "621381829", "issn": "1753-6561"}) {
		t.Errorf("record 1 = %+v", r)
	}
	wantAuthors := []graph.Author{{Family: "Behan", Given: "L."}, {Family: "Rubbo", Given: "B."}, {Family: "Lucas", Given: "J.S."}, {Family: "Galvin", Given: "A.D."}}
	if !reflect.DeepEqual(r.Authors, wantAuthors) {
		t.Errorf("authors = %v", r.Authors)
	}
	// The structured abstract's unindented lines continue AB.
	if n := len(r.Abstract); n < 1400 || !bytes.Contains([]byte(r.Abstract), []byte("Conclusion(s): Health-related quality of life decreases")) {
		t.Errorf("abstract (%d bytes) = %q", n, r.Abstract)
	}
	if len(r.Keywords) != 20 || r.Keywords[1] != "anxiety" || r.Keywords[9] != "Kartagener syndrome" {
		t.Errorf("keywords = %q", r.Keywords)
	}
	if len(r.References) != 0 {
		t.Errorf("the CR copyright line was read as %d references", len(r.References))
	}
}

// A line between a record header and its first tagged field has no field
// to continue: it is reported with its line number, not dropped silently,
// and the record is still read.
func TestLineBeforeFirstField(t *testing.T) {
	in := "<1. >\nstray text\nTI  - A title\n"
	var recs []graph.Record
	err := (Reader{}).Extract(context.Background(), bytes.NewReader([]byte(in)), func(r graph.Record) error {
		recs = append(recs, r)
		return nil
	})
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 2 {
		t.Errorf("err = %v, want a SyntaxError at line 2", err)
	}
	if len(recs) != 1 || recs[0].Title != "A title" {
		t.Errorf("records = %+v, want one titled %q", recs, "A title")
	}
}
