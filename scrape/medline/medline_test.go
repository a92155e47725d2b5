package medline

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// Expected counts from the file with grep and awk: 175 lines "PMID- ";
// 171 records with a "[doi]" LID or AID line; 1285 authors (1275 FAU
// lines and 10 CN, each a collective author); 175 DP lines; 1 AUID.
func TestFile(t *testing.T) {
	data, err := os.ReadFile("testdata/pubmed_medline_175records_abc.medline")
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
	works, dois, authors, years, orcids := len(recs), 0, 0, 0, 0
	for _, r := range recs {
		if r.DOI != "" {
			dois++
		}
		if r.Year != 0 {
			years++
		}
		authors += len(r.Authors)
		for _, o := range r.AuthorORCIDs {
			if o != "" {
				orcids++
			}
		}
	}
	if works != 175 || dois != 171 || authors != 1285 || years != 175 || orcids != 1 {
		t.Errorf("works %d, DOIs %d, authors %d, years %d, ORCIDs %d; want 175, 171, 1285, 175, 1", works, dois, authors, years, orcids)
	}
	r := recs[0]
	want := graph.Record{
		Title: "Bioinformatic survey of ABC transporters in dermatophytes.", DOI: "10.1016/j.gene.2015.10.064",
		Venue: "Gene", Volume: "576", Issue: "1 Pt 3", Pages: "466-475", Year: 2016, Date: "2016-01-15", Type: "article-journal",
		Identifiers: map[string]string{"pmid": "26524502", "issn": "1879-0038", "pii": "S0378-1119(15)01297-4"},
		Authors:     []graph.Author{{Family: "Gadzalski", Given: "Marek"}, {Family: "Ciesielska", Given: "Anita"}, {Family: "Staczek", Given: "Pawel"}},
	}
	if r.Title != want.Title || r.DOI != want.DOI || r.Venue != want.Venue || r.Volume != want.Volume || r.Issue != want.Issue ||
		r.Pages != want.Pages || r.Year != want.Year || r.Date != want.Date || r.Type != want.Type ||
		!reflect.DeepEqual(r.Identifiers, want.Identifiers) || !reflect.DeepEqual(r.Authors, want.Authors) {
		t.Errorf("record 1 = %+v", r)
	}
	if len(r.Abstract) < 1500 || r.Abstract[:30] != "ATP binding cassette (ABC) tra" {
		t.Errorf("abstract = %q", r.Abstract)
	}
}

func TestSmall(t *testing.T) {
	in := "PMID- 1\nTI  - A title\n      continued\nDP  - 2015 Nov-Dec\nPG  - 1223-30\nFAU - Doe, Jane\nAU  - Doe J\nAUID- ORCID: 0000-0002-1825-0097\n\nPMID- 2\nTI  - B\n"
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	r := recs[0]
	if r.Title != "A title continued" || r.Date != "2015-11" || r.Pages != "1223-1230" || !reflect.DeepEqual(r.AuthorORCIDs, []string{"0000-0002-1825-0097"}) {
		t.Errorf("record = %+v", r)
	}
	_, err = readertest.Read(Reader{}, []byte("TI  - before any PMID\nPMID- 3\n"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 1 {
		t.Errorf("error = %v, want one at line 1", err)
	}
}
