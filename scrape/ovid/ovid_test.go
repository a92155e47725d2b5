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

// The source lines (SO) of Ovid's databases, each split as the database
// writes it. The shapes are those Ovid prints for each database (Ovid
// MEDLINE and BIOSIS "Journal. volume(issue):pages, date."; PsycINFO
// "Journal. Vol.volume(issue), date, pp. pages."; Embase "Journal.
// volume (issue) (pp pages), year."; Journals@Ovid "Journal Month
// year;volume(issue):pages", issue 16's example); the articles are real:
// the Gene article is PMID 26524502 of the PubMed test file (its VI, IP,
// PG and DP lines), the Embase one the first record of the Ovid Embase
// test file. BIOSIS book chapters print the editors ("[Editor]") in the
// source line (issue 16): they are no part of the venue, and the pages
// stay (the chapter is a made-up one in that shape).
func TestSourceLines(t *testing.T) {
	for _, c := range []struct {
		so   string
		want source
	}{
		{"Gene. 576(1 Pt 3):466-75, 2016 Jan 15.", source{"Gene", "576", "1 Pt 3", "466-75", 2016}},
		{"Journal of Biological Chemistry. 275(12):8456-8462, March 24, 2000.", source{"Journal of Biological Chemistry", "275", "12", "8456-8462", 2000}},
		{"Depression & Anxiety. 30(4):297-306, 2013 Apr.", source{"Depression & Anxiety", "30", "4", "297-306", 2013}},
		{"Journal of Things. 12:e0123456, 2019.", source{"Journal of Things", "12", "", "e0123456", 2019}},
		{"Psychological Medicine. Vol.45(3), Feb 2015, pp. 461-470.", source{"Psychological Medicine", "45", "3", "461-470", 2015}},
		{"Journal of Abnormal Psychology. Vol 118(2) May 2009, 351-360.", source{"Journal of Abnormal Psychology", "118", "2", "351-360", 2009}},
		{"BMC Proceedings. Conference: 2nd BEAT-PCD Conference and 3rd PCD Training School: Part 2. Spain. 12 (Supplement 3) (no pagination), 2018. Date of Publication: 2018.",
			source{"BMC Proceedings. Conference: 2nd BEAT-PCD Conference and 3rd PCD Training School: Part 2. Spain", "12", "Supplement 3", "", 2018}},
		{"Journal of Crohn's and Colitis. 11 (Supplement 1) (pp S123-S124), 2017. Date of Publication: February 2017.", source{"Journal of Crohn's and Colitis", "11", "Supplement 1", "S123-S124", 2017}},
		{"Journal of Crohn's and Colitis. 11(1) (pp 123-130), 2017.", source{"Journal of Crohn's and Colitis", "11", "1", "123-130", 2017}},
		{"Journal of Crohn's and Colitis. 11 (pp 123-130), 2017.", source{"Journal of Crohn's and Colitis", "11", "", "123-130", 2017}},
		{"BMC Proceedings. 12 (no pagination), 2018.", source{"BMC Proceedings", "12", "", "", 2018}},
		{"Acta Biochimica et Biophysica Sinica August 2011;43(8):647-653", source{"Acta Biochimica et Biophysica Sinica", "43", "8", "647-653", 2011}},
		{"Vitamin D, 2nd ed.. Feldman, David [Editor], Pike, J. Wesley [Editor]. 2005. p. 1341-1354. Elsevier Academic Press: Burlington, MA, USA.",
			source{"Vitamin D, 2nd ed.", "", "", "1341-1354", 2005}},
		{"Feldman, David [Editor]; Pike, J. Wesley [Editor]. Vitamin D. Pp. 1341-1354. 2005.", source{"Vitamin D", "", "", "1341-1354", 2005}},
		{"Gene. 2016 Jan 15.", source{"Gene", "", "", "", 2016}},
		{"", source{}},
	} {
		if got := parseSource(c.so); got != c.want {
			t.Errorf("parseSource(%q)\n = %+v\nwant %+v", c.so, got, c.want)
		}
	}
}

// Journals@Ovid writes a title in quotation marks, then a full stop and
// its label (issue 16: "\"…Seafarers\".  [Article]"); the title is what
// is inside. A title that merely starts with a quotation is kept.
func TestCleanTitle(t *testing.T) {
	for in, want := range map[string]string{
		`"Fatigue and Health in Seafarers".  [Article]`: "Fatigue and Health in Seafarers",
		`Oxidative stress in the heart.  [Article]`:     "Oxidative stress in the heart.",
		`"Why me?" Patients' views of illness.`:         `"Why me?" Patients' views of illness.`,
		`A title`:                                       "A title",
	} {
		if got := cleanTitle(in); got != want {
			t.Errorf("cleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// A BIOSIS book chapter as an Ovid export holds it: the chapter's title,
// the book in BT, the editors in the source line. The record is made up
// in the shape of issue 16's report (editors in SO, pages after them);
// IB is the ISBN.
func TestBIOSISChapter(t *testing.T) {
	in := "<1>\nVN  - Ovid Technologies\nDB  - BIOSIS Previews\nAN  - PREV200500123456\nTI  - Vitamin D and the kidney.\n" +
		"AU  - Doe, Jane\nSO  - Feldman, David [Editor]; Pike, J. Wesley [Editor]. Vitamin D. Pp. 1341-1354. 2005. Elsevier Academic Press.\n" +
		"PT  - Book Chapter\nYR  - 2005\nIB  - 0-12-252687-1\n\n" +
		"<2>\nDB  - BIOSIS Previews\nTI  - Another chapter.\nBT  - Methods in Vitamin Research\n" +
		"SO  - Methods in Vitamin Research. Smith, J. (Ed.). p. 10-20. 2006.\nPT  - Book Chapter\n"
	if !(Reader{}).Sniff([]byte(in)) {
		t.Error("Sniff rejects the export")
	}
	recs := readAll(t, []byte(in))
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	r := recs[0]
	if r.Venue != "Vitamin D" || r.Pages != "1341-1354" || r.Year != 2005 || r.Type != "chapter" || r.Identifiers["isbn"] == "" ||
		!reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Doe", Given: "Jane"}}) {
		t.Errorf("chapter 1 = %+v", r)
	}
	r = recs[1]
	if r.Venue != "Methods in Vitamin Research" || r.Pages != "10-20" || r.Year != 2006 || r.Type != "chapter" {
		t.Errorf("chapter 2 = %+v", r)
	}
}

// An Ovid MEDLINE record as Ovid's EndNote format writes it (the Gene
// article of the PubMed test file, PMID 26524502, its fields as Ovid
// names them): the source line gives venue, volume, issue, pages and
// year when the record has no VO/IP/PG lines; UI is the PMID; FA, the
// authors' full names (PubMed's FAU lines of the record), are preferred
// to AU's initials.
func TestOvidMedline(t *testing.T) {
	in := " <1>\n VN  - Ovid Technologies\n DB  - Ovid MEDLINE(R)\n UI  - 26524502\n" +
		" TI  - Bioinformatic survey of ABC transporters in dermatophytes.\n" +
		" SO  - Gene. 576(1 Pt 3):466-75, 2016 Jan 15.\n AU  - Gadzalski M\n AU  - Ciesielska A\n AU  - Staczek P\n" +
		" FA  - Gadzalski, Marek\n FA  - Ciesielska, Anita\n FA  - Staczek, Pawel\n" +
		" IS  - 0378-1119\n PT  - Journal Article\n YR  - 2016\n DO  - https://dx.doi.org/10.1016/j.gene.2015.10.064\n"
	if !(Reader{}).Sniff([]byte(in)) {
		t.Error("Sniff rejects the export")
	}
	recs := readAll(t, []byte(in))
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	r := recs[0]
	want := []graph.Author{{Family: "Gadzalski", Given: "Marek"}, {Family: "Ciesielska", Given: "Anita"}, {Family: "Staczek", Given: "Pawel"}}
	if r.Title != "Bioinformatic survey of ABC transporters in dermatophytes." || r.Venue != "Gene" || r.Volume != "576" ||
		r.Issue != "1 Pt 3" || r.Pages != "466-75" || r.Year != 2016 || r.DOI != "10.1016/j.gene.2015.10.064" ||
		r.Type != "article-journal" || !reflect.DeepEqual(r.Authors, want) || recs[0].Venue != "Gene" ||
		!reflect.DeepEqual(r.Identifiers, map[string]string{"pmid": "26524502", "issn": "0378-1119"}) {
		t.Errorf("record = %+v", r)
	}
}

// Journals@Ovid writes its authors with their degrees, several on a line
// separated by ";" ("Oldenburg, Marcus MD; Jensen, Hans-Joachim PhD"):
// each is an author, without the degrees; Embase's "Behan L." and a
// family name "Do" stay as they are. The names are made up in that shape.
func TestAuthorDegrees(t *testing.T) {
	for in, want := range map[string][]graph.Author{
		"Oldenburg, Marcus MD; Jensen, Hans-Joachim PhD": {{Family: "Oldenburg", Given: "Marcus"}, {Family: "Jensen", Given: "Hans-Joachim"}},
		"Lee, Kim MD, PhD, FRCPC":                        {{Family: "Lee", Given: "Kim"}},
		"Behan L.":                                       {{Family: "Behan", Given: "L."}},
		"Smith DO":                                       {{Family: "Smith", Given: "DO"}},
		"Do, Anh":                                        {{Family: "Do", Given: "Anh"}},
	} {
		if got := ovidNames(in); !reflect.DeepEqual(got, want) {
			t.Errorf("ovidNames(%q) = %v, want %v", in, got, want)
		}
	}
}

// Record headers as Ovid writes them: "<1. >", "<1>", and with spaces
// around the number ("< 12 >"); a line with text after the header is no
// header.
func TestHeaders(t *testing.T) {
	for in, want := range map[string]bool{"<1. >": true, "<3001. >": true, "<1>": true, "< 12 >": true, "<12.>": true, "<1> x": false, "<a>": false} {
		if got := reHeader.MatchString(in); got != want {
			t.Errorf("header %q: %v, want %v", in, got, want)
		}
	}
}

// In a file whose tags are followed by two spaces (as Ovid writes them),
// an unindented continuation line that reads like a one-space tag ("UK -
// based …", in a structured abstract) continues the field; in a file of
// one-space tags ("VN - …") such a line is a field. The abstract is made
// up in the shape of the Embase file's structured abstracts.
func TestSpacingOfTags(t *testing.T) {
	in := "<1. >\nTI  - A title\nAB  - Background: a study.\nUK - based cohort of 100.\nAU  - Doe J.\n"
	recs := readAll(t, []byte(in))
	if len(recs) != 1 || recs[0].Abstract != "Background: a study. UK - based cohort of 100." || len(recs[0].Authors) != 1 {
		t.Errorf("two-space file: %+v", recs)
	}
	in = "<1. >\nTI - A title\nAU - Doe J.\nUK - x\n"
	recs = readAll(t, []byte(in))
	if len(recs) != 1 || recs[0].Title != "A title" || len(recs[0].Authors) != 1 || recs[0].Authors[0].Family != "Doe" {
		t.Errorf("one-space file: %+v", recs)
	}
}

// A record without YR and without a year in its source line is dated by
// DP, Ovid MEDLINE's date of publication ("2016 Jan 15", PMID 26524502's).
func TestYearFromDP(t *testing.T) {
	recs := readAll(t, []byte("<1>\nTI  - Bioinformatic survey of ABC transporters in dermatophytes.\nDP  - 2016 Jan 15\n"))
	if len(recs) != 1 || recs[0].Year != 2016 {
		t.Errorf("records %+v, want one of 2016", recs)
	}
}
