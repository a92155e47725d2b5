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
	// A line that is neither a field nor the continuation of one is
	// reported at its line.
	_, err = readertest.Read(Reader{}, []byte("PMID- 3\nTI  - T\nstray\n"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("error = %v, want one at line 3", err)
	}
}

// A record begins at its first field, whatever the tag (issue 16): ERIC's
// .nbib files have no PMID and open each record with "OWN - ERIC". The
// first record is the example of colrev's nbib loader
// (colrev/ops/load_utils_nbib.py, MIT), the second ERIC's own export with
// its accession number (OID) and ISSN prefix.
func TestERIC(t *testing.T) {
	in := `OWN - ERIC
TI  - How Trust Leads to Commitment on Microsourcing Platforms
AU  - Guo, Wenbo
AU  - Straub, Detmar W.
AU  - Zhang, Pengzhu
AU  - Cai, Zhao
JT  - MIS Quarterly
DP  - 2021
VI  - 45
IP  - 3
PG  - 1309-1348

OWN - ERIC
TI  - Teaching Note--Evolution of an Online Course
AU  - Smith, Jane
OT  - Online Courses
OID - EJ1234567
IS  - ISSN-1043-7797
DP  - 2020
`
	if !(Reader{}).Sniff([]byte(in)) {
		t.Error("Sniff rejects an ERIC file")
	}
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, error %v; want 2", len(recs), err)
	}
	r := recs[0]
	want := []graph.Author{{Family: "Guo", Given: "Wenbo"}, {Family: "Straub", Given: "Detmar W."}, {Family: "Zhang", Given: "Pengzhu"}, {Family: "Cai", Given: "Zhao"}}
	if r.Title != "How Trust Leads to Commitment on Microsourcing Platforms" || r.Venue != "MIS Quarterly" || r.Year != 2021 ||
		r.Volume != "45" || r.Issue != "3" || r.Pages != "1309-1348" || !reflect.DeepEqual(r.Authors, want) || r.Source.Line != 1 {
		t.Errorf("record 1 = %+v", r)
	}
	r = recs[1]
	if r.Source.Line != 13 || !reflect.DeepEqual(r.Identifiers, map[string]string{"eric": "EJ1234567", "issn": "1043-7797"}) || r.Year != 2020 {
		t.Errorf("record 2 = %+v", r)
	}
	// RIS ("TY  - ") is not MEDLINE: its tags have two characters.
	if (Reader{}).Sniff([]byte("TY  - JOUR\nTI  - x\nER  - \n")) {
		t.Error("Sniff accepts RIS")
	}
}

// "AU  - et al." stands for the authors left out, not an author "et"; a
// Bookshelf chapter's BTI (the book) is its venue, a book's BTI its title.
// The chapter is PubMed's record of a GeneReviews chapter (PMID 20301428),
// shortened to the fields read, with an "AU  - et al." line added.
func TestEtAlAndBookshelf(t *testing.T) {
	in := `PMID- 20301428
OWN - NLM
STAT- Publisher
PB  - University of Washington, Seattle
DP  - 1993
TI  - Cystic Fibrosis.
BTI - GeneReviews(R)
FAU - Moskowitz, Steven M
AU  - Moskowitz SM
AU  - et al.
LA  - eng
PT  - Review
PT  - Book Chapter
AID - NBK1250 [bookaccession]

PMID- 2
BTI - A Book
FAU - Doe, Jane
FAU - et al
PT  - Book
`
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, error %v; want 2", len(recs), err)
	}
	r := recs[0]
	if r.Title != "Cystic Fibrosis." || r.Venue != "GeneReviews(R)" || r.Type != "chapter" ||
		!reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Moskowitz", Given: "Steven M"}}) {
		t.Errorf("chapter = %+v", r)
	}
	r = recs[1]
	if r.Title != "A Book" || r.Venue != "" || r.Type != "book" || !reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Doe", Given: "Jane"}}) {
		t.Errorf("book = %+v", r)
	}
}

// TestBibliometricFields: the first record's PT, OT, MH and AD lines
// (issue 14), as the file prints them (grep of PMID 26524502's record).
func TestBibliometricFields(t *testing.T) {
	data, err := os.ReadFile("testdata/pubmed_medline_175records_abc.medline")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := readertest.Read(Reader{}, data)
	if err != nil {
		t.Fatal(err)
	}
	r := recs[0]
	if r.DocumentType != "Journal Article" || !reflect.DeepEqual(r.AuthorKeywords, []string{"ABC transporters", "Dermatophytes", "Drug resistance", "Phylogenetics"}) ||
		len(r.Affiliations) != 3 || len(r.Affiliations[0]) < 80 || r.Affiliations[0][:47] != "Department of Microbial Genetics, Faculty of Bi" {
		t.Errorf("record 1: type %q, keywords %q, affiliations %q", r.DocumentType, r.AuthorKeywords, r.Affiliations)
	}
	for _, r := range recs {
		if r.MeSH != nil { // the file has no MH line (grep -c '^MH  -': 0)
			t.Errorf("MeSH = %q, the file has none", r.MeSH)
		}
	}
	recs, err = readertest.Read(Reader{}, []byte("PMID- 1\nTI  - A title.\nMH  - Humans\nMH  - Neoplasms/*therapy\n"))
	if err != nil || len(recs) != 1 || !reflect.DeepEqual(recs[0].MeSH, []string{"Humans", "Neoplasms/*therapy"}) {
		t.Errorf("MH lines read as %+v (%v)", recs, err)
	}
}

// Fields as NLM's MEDLINE/PubMed Data Element (Field) Descriptions define
// them: a title translated into English is in brackets (TI: "enclosed in
// square brackets"), which are no part of it; SO, the source, repeats the
// citation ("Gene. 2016 Jan 15;576(1 Pt 3):466-75. doi: …") and fills
// what a record lacks; DEP, the date of electronic publication
// ("20151030"), dates a record without DP. The first record is PMID
// 26524502 of the PubMed test file with its JT, VI, IP, PG and DP lines
// removed (its SO line is PubMed's for it); the others are made up.
func TestElementDescriptions(t *testing.T) {
	in := `PMID- 26524502
TI  - Bioinformatic survey of ABC transporters in dermatophytes.
DEP - 20151030
TA  - Gene
SO  - Gene. 2016 Jan 15;576(1 Pt 3):466-75. doi: 10.1016/j.gene.2015.10.064. Epub 2015
      Oct 30.

PMID- 2
TI  - [Cystic fibrosis in adults].
TT  - Mucoviscidose chez l'adulte.
LA  - fre
DEP - 20200131
PT  - English Abstract
PT  - Journal Article
`
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, error %v; want 2", len(recs), err)
	}
	r := recs[0]
	if r.Venue != "Gene" || r.Year != 2016 || r.Date != "2016-01-15" || r.Volume != "576" || r.Issue != "1 Pt 3" || r.Pages != "466-475" {
		t.Errorf("record 1 = %+v", r)
	}
	r = recs[1]
	if r.Title != "Cystic fibrosis in adults." || r.Year != 2020 || r.Date != "2020-01-31" || r.Type != "article-journal" || r.Language != "fre" {
		t.Errorf("record 2 = %+v", r)
	}
}

// ERIC's publication types (its own vocabulary, as ERIC's records list
// them) give the CSL type: a journal article stays one whatever else it
// is; ERIC's documents outside journals are reports unless a book or a
// thesis. The records are made up, in ERIC's .nbib shape.
func TestERICTypes(t *testing.T) {
	for want, pts := range map[string][]string{
		"article-journal":  {"Journal Articles", "Reports - Research"},
		"report":           {"Reports - Evaluative"},
		"book":             {"Books", "Guides - General"},
		"thesis":           {"Dissertations/Theses - Doctoral Dissertations"},
		"paper-conference": {"Speeches/Meeting Papers"},
	} {
		in := "OWN - ERIC\nTI  - A title\nOID - ED123456\n"
		for _, pt := range pts {
			in += "PT  - " + pt + "\n"
		}
		recs, err := readertest.Read(Reader{}, []byte(in))
		if err != nil || len(recs) != 1 || recs[0].Type != want {
			t.Errorf("PT %q: records %+v, error %v; want type %s", pts, recs, err, want)
		}
	}
	recs, _ := readertest.Read(Reader{}, []byte("OWN - ERIC\nTI  - A guide\nPT  - Guides - Classroom - Teacher\n"))
	if len(recs) != 1 || recs[0].Type != "report" {
		t.Errorf("ERIC guide = %+v, want a report", recs)
	}
}

// A file whose first record opens with a two-letter field ("TI  - ") is
// MEDLINE still when a MEDLINE tag of three or four letters (FAU, OID)
// follows; RIS, whose tags have two letters and whose records open with
// TY, is not. The inputs are made up in each format's shape.
func TestSniff(t *testing.T) {
	for in, want := range map[string]bool{
		"OWN - ERIC\nTI  - x\n":                            true,
		"PMID- 1\nTI  - x\n":                               true,
		"\n\nTI  - A title\nAU  - Guo, Wenbo\nOID - EJ1\n": true,
		"TI  - A title\nFAU - Doe, Jane\n":                 true,
		"TY  - JOUR\nTI  - x\nER  - \n":                    false,
		"TI  - A title\nAU  - Doe J\n":                     false, // nothing MEDLINE's alone
		"PT J\nAU Smith, J\n":                              false,
		"Some text\nPMID- 1\n":                             false,
	} {
		if got := (Reader{}).Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

// Records whose blank lines were lost (pasted, or written by a tool that
// drops them) still split where each opens: at the tag the record read so
// far opened with, when that tag does not repeat within a record (OWN,
// PMID); a record opening with AU, which repeats, is not split at each
// author. ERIC's records, made up in the shape of its .nbib export.
func TestRecordsWithoutBlankLines(t *testing.T) {
	in := "OWN - ERIC\nTI  - First\nAU  - Guo, Wenbo\nOWN - ERIC\nTI  - Second\nOWN - ERIC\nTI  - Third\n"
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 3 || recs[0].Title != "First" || recs[2].Title != "Third" || recs[1].Source.Line != 4 {
		t.Fatalf("records %+v, error %v; want First, Second (line 4), Third", recs, err)
	}
	recs, err = readertest.Read(Reader{}, []byte("AU  - Doe J\nAU  - Roe K\nTI  - One\nOT  - x\n"))
	if err != nil || len(recs) != 1 || len(recs[0].Authors) != 2 {
		t.Errorf("records %+v, error %v; want one with two authors", recs, err)
	}
}
