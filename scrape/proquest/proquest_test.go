package proquest

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// The export announces and holds 100 documents ("Document N of 100"),
// each with one "Author:", "ProQuest document ID:", "ISBN:" and
// "Publication year:" line (counted with grep); its bibliography repeats
// them as @misc entries and is not read again.
func TestFile(t *testing.T) {
	data, err := os.ReadFile("testdata/proquest_report_export_dissertations.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !(Reader{}).Sniff(data) {
		t.Error("Sniff rejects the file")
	}
	recs, err := readertest.Read(Reader{}, data)
	if err != nil {
		t.Fatal(err)
	}
	authors, ids, isbns, years := 0, 0, 0, 0
	for _, r := range recs {
		authors += len(r.Authors)
		if r.Identifiers["proquest_id"] != "" {
			ids++
		}
		if r.Identifiers["isbn"] != "" {
			isbns++
		}
		if r.Year != 0 {
			years++
		}
	}
	if len(recs) != 100 || authors != 100 || ids != 100 || isbns != 100 || years != 100 {
		t.Errorf("works %d, authors %d, document IDs %d, ISBNs %d, years %d; want 100 each", len(recs), authors, ids, isbns, years)
	}
	r := recs[0]
	if r.Title != "Entrenchment and the Kripke-Wittgenstein paradox" || r.Type != "thesis" || r.Year != 2014 ||
		!reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Dorst", Given: "Chris"}}) ||
		r.Publisher != "The University of North Carolina at Chapel Hill" ||
		!reflect.DeepEqual(r.Identifiers, map[string]string{"proquest_id": "1548716365", "isbn": "9781303940095", "doc_number": "1557093"}) ||
		r.URL != "http://search.proquest.com.proxy.lib.uwaterloo.ca/docview/1548716365?accountid=14906" ||
		len(r.Abstract) < 700 || r.Source.Line != 218 {
		t.Errorf("record 1 = %+v", r)
	}
	if recs[99].Title != "Anthrobiota: Human-microbe relationships on the edge of biological science" {
		t.Errorf("record 100 = %q", recs[99].Title)
	}
}

func TestTruncated(t *testing.T) {
	in := "Report Information from ProQuest\nDocument 1 of 3\n\nA title\n\nAuthor: Doe, Jane\n\nPublication year: 2001\n"
	recs, err := readertest.Read(Reader{}, []byte(in))
	var se *SyntaxError
	if len(recs) != 1 || recs[0].Title != "A title" || !errors.As(err, &se) {
		t.Errorf("records %+v, error %v; want one record and an error about the 2 missing", recs, err)
	}
}
