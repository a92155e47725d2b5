package ovid

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"regexp"
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

// readAll reads in with Reader and fails the test on an error.
func readAll(t *testing.T, in []byte) []graph.Record {
	t.Helper()
	var recs []graph.Record
	if err := (Reader{}).Extract(context.Background(), bytes.NewReader(in), func(r graph.Record) error {
		r.Normalize()
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return recs
}

// Some exports start every line with a space (" <7. >", " VN  - …"), some
// write tags with one space ("VN - …") (issue 16): both are the Embase file
// above, rewritten here, and read as the file itself is.
func TestIndentedAndOneSpaceTags(t *testing.T) {
	data, err := os.ReadFile("testdata/ovid_embase_endnote_format_2records.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := readAll(t, data)
	indented := regexp.MustCompile(`(?m)^`).ReplaceAll(data, []byte(" "))
	oneSpace := regexp.MustCompile(`(?m)^([A-Z][A-Z0-9])  -`).ReplaceAll(data, []byte("$1 -"))
	for name, in := range map[string][]byte{"indented": indented, "one space": oneSpace} {
		if !(Reader{}).Sniff(in) {
			t.Errorf("%s: Sniff rejects the file", name)
		}
		got := readAll(t, in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: records differ from the file's:\n%+v\nwant\n%+v", name, got, want)
		}
	}
}

// The Journals@Ovid source line ("Acta Biochimica et Biophysica Sinica
// August 2011;43(8):647-653", the example of issue 16) gives venue, year,
// volume, issue and pages; DI is the DOI; the label after the title
// ("….  [Article]") is Ovid's, not the title's.
func TestJournalsAtOvid(t *testing.T) {
	in := "<1. >\nVN  - Ovid Technologies\nDB  - Journals@Ovid\nTI  - Oxidative stress in the heart.  [Article]\n" +
		"SO  - Acta Biochimica et Biophysica Sinica August 2011;43(8):647-653\nAU  - Lee, Kim\nDI  - 10.1093/abbs/gmr050\n\n" +
		"<2. >\nTI  - A letter.  [Letter]\nSO  - Journal of Things January/February 2010;14(1):56\n"
	recs := readAll(t, []byte(in))
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	r := recs[0]
	if r.Title != "Oxidative stress in the heart." || r.Venue != "Acta Biochimica et Biophysica Sinica" || r.Year != 2011 ||
		r.Volume != "43" || r.Issue != "8" || r.Pages != "647-653" || r.DOI != "10.1093/abbs/gmr050" {
		t.Errorf("record 1 = %+v", r)
	}
	r = recs[1]
	if r.Title != "A letter." || r.Venue != "Journal of Things" || r.Year != 2010 || r.Volume != "14" || r.Issue != "1" || r.Pages != "56" {
		t.Errorf("record 2 = %+v", r)
	}
}
