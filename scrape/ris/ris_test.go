package ris

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// Expected counts, checked by hand with grep and awk and, where it reads
// the file, by citation-js (@citation-js/plugin-ris 0.8.2):
//
//   - works: lines "TY"; citation-js agrees for the ProQuest, Pure, Rayyan
//     and Scopus files, and fails on the other two ("TY -  BOOK"; Ovid's
//     "DO" URLs);
//   - DOIs: records with a DO line; citation-js agrees (6, 0, 3, 6);
//   - authors: lines "AU" or "A1"; citation-js agrees (47, 1, 13, 26);
//   - years: records with PY, Y1 or DA;
//   - references: PsycINFO's M1 lines (122, of which 100 hold a
//     dx.doi.org link) and Scopus's lines after "N1  - References:" up to
//     the next tag (795).
func TestFiles(t *testing.T) {
	for _, c := range []struct {
		file string
		want readertest.Counts
	}{
		{"ris_malformed_first_line_drexel_thesis.ris", readertest.Counts{Works: 1, DOIs: 1, Authors: 1, Years: 1}},
		{"ris_ovid_psycinfo_6records_ibd_depression.ris", readertest.Counts{Works: 6, DOIs: 6, Authors: 32, Years: 6, Refs: 122, RefDOIs: 100}},
		{"ris_proquest_6records_ptsd.ris", readertest.Counts{Works: 6, DOIs: 6, Authors: 47, Years: 6}},
		{"ris_pure_portal_thesis.ris", readertest.Counts{Works: 1, Authors: 1, Years: 1}},
		{"ris_rayyan_19records_medication_reconciliation.txt", readertest.Counts{Works: 19, DOIs: 3, Authors: 13, Years: 19}},
		{"ris_scopus_6records_with_references.ris", readertest.Counts{Works: 6, DOIs: 6, Authors: 26, Years: 6, Refs: 795}},
	} {
		t.Run(c.file, func(t *testing.T) {
			recs, err := readertest.Read(Reader{}, readertest.ReadFile(t, c.file))
			if err != nil {
				t.Errorf("unexpected error: %v", err)
			}
			if got := readertest.Count(recs); got != c.want {
				t.Errorf("counts = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestMalformedFirstLine(t *testing.T) {
	data := readertest.ReadFile(t, "ris_malformed_first_line_drexel_thesis.ris")
	if !(Reader{}).Sniff(data) {
		t.Error("Sniff rejects \"TY -  BOOK\"")
	}
	if bytes.HasSuffix(data, []byte("\n")) {
		t.Fatal("the test file should end without a newline")
	}
	recs, _ := readertest.Read(Reader{}, data)
	r := recs[0]
	if r.Type != "book" || r.DOI != "10.17918/ernk-6431" || r.Year != 2018 || r.URL != "https://idea.library.drexel.edu/islandora/object/idea:8247" {
		t.Errorf("record = %+v", r)
	}
}

func TestOvidPsycINFO(t *testing.T) {
	recs, _ := readertest.Read(Reader{}, readertest.ReadFile(t, "ris_ovid_psycinfo_6records_ibd_depression.ris"))
	r := recs[1]
	if r.Title != "Gender differences in inflammatory bowel disease: Explaining body image dissatisfaction." ||
		r.Venue != "Journal of Health Psychology" || r.Volume != "24" || r.Issue != "7" || r.Pages != "847-856" ||
		r.DOI != "10.1177/1359105317742958" || r.Publisher != "Sage Publications" || r.Identifiers["issn"] != "1359-1053" {
		t.Errorf("record 2 = %+v", r)
	}
	if !reflect.DeepEqual(r.AuthorORCIDs, []string{"0000-0003-1208-2077", "0000-0002-7020-9606", "", "0000-0002-4505-8367"}) {
		t.Errorf("ORCIDs = %q", r.AuthorORCIDs)
	}
	if !slices.Contains(r.Keywords, "Body Image") {
		t.Errorf("keywords = %q (the major-heading * dropped)", r.Keywords)
	}
	// "SP  - No" / "EP  - Specified": no pagination.
	if recs[0].Pages != "" {
		t.Errorf("pages = %q, want none", recs[0].Pages)
	}
	ref := r.References[0]
	want := graph.Reference{
		DOI: "10.1016/s0889-8553(05)70056-x", Title: "Epidemiology and the natural course of inflammatory bowel disease", Year: 1999,
		Authors: []graph.Author{{Family: "Andres", Given: "PG"}, {Family: "Friedman", Given: "LS"}},
		Raw:     "Andres, PG, & Friedman, LS (1999). Epidemiology and the natural course of inflammatory bowel disease. Gastroenterology Clinics of North America, 28, 2, 255-281. http://dx.doi.org/10.1016/S0889-8553(05)70056-X",
		Venue:   "Gastroenterology Clinics of North America", Volume: "28", Issue: "2", Pages: "255-281",
	}
	if !reflect.DeepEqual(ref, want) {
		t.Errorf("reference 1\n got %+v\nwant %+v", ref, want)
	}
}

func TestRayyanKeywords(t *testing.T) {
	recs, _ := readertest.Read(Reader{}, readertest.ReadFile(t, "ris_rayyan_19records_medication_reconciliation.txt"))
	// One KW line and twelve untagged lines below it: thirteen keywords.
	want := []string{"Health Facility Administration", "Joint Commission", "Standards", "Medication Errors", "Prevention and Control",
		"Medication Reconciliation", "Organizational Compliance", "Quality Improvement", "Electronic Health Records",
		"Consumer Participation", "Literacy", "Medication History", "Patient Education"}
	if !reflect.DeepEqual(recs[0].Keywords, want) {
		t.Errorf("keywords = %q\nwant %q", recs[0].Keywords, want)
	}
	if recs[0].Pages != "1-5" || recs[0].Venue != "Joint Commission Perspectives on Patient Safety" {
		t.Errorf("record 1 = %+v", recs[0])
	}
}

func TestScopus(t *testing.T) {
	recs, _ := readertest.Read(Reader{}, readertest.ReadFile(t, "ris_scopus_6records_with_references.ris"))
	r := recs[0]
	if r.Identifiers["scopus"] != "2-s2.0-85074596690" || r.Identifiers["issn"] != "0306-4530" || r.Venue != "Psychoneuroendocrinology" {
		t.Errorf("record 1 = %+v", r)
	}
	if recs[4].CitedByCount == nil || *recs[4].CitedByCount != 2 {
		t.Errorf("cited by = %v, want 2 (\"N1  - Cited By :2\")", recs[4].CitedByCount)
	}
	ref := r.References[0]
	if ref.Year != 2017 || len(ref.Authors) != 8 || ref.Venue != "Neurogastroenterol. Motil." || ref.Volume != "29" || ref.Pages != "1-10" ||
		ref.Title != "Stress and brain functional changes in patients with Crohn's disease: a functional magnetic resonance imaging study" {
		t.Errorf("reference 1 = %+v", ref)
	}
}

func TestPureThesis(t *testing.T) {
	recs, _ := readertest.Read(Reader{}, readertest.ReadFile(t, "ris_pure_portal_thesis.ris"))
	r := recs[0]
	if r.Title != "A multiscale analysis of the urban heat island effect: from city averaged temperatures to the energy demand of individual buildings" ||
		r.Date != "2018-04-25" || r.Identifiers["isbn"] != "9789038645032" || r.Type != "thesis" ||
		!reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Toparlar", Given: "Y."}}) {
		t.Errorf("record = %+v", r)
	}
}

// EndNote writes a thesis's title as TI and its academic department as T2
// (EndNote's RIS reference-type table: Thesis, T2 = Academic Department):
// the department is no subtitle (issue 16). The record is an EndNote
// export's thesis, its fields in the order EndNote writes them.
func TestEndNoteThesisDepartment(t *testing.T) {
	in := "TY  - THES\nAU  - Smith, Anna\nTI  - Peer support in community mental health\nT2  - Department of Psychology\n" +
		"PY  - 2015\nPB  - University of Leeds\nCY  - Leeds\nM3  - PhD thesis\nER  - \n"
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	if r := recs[0]; r.Title != "Peer support in community mental health" || r.Type != "thesis" || r.Publisher != "University of Leeds" {
		t.Errorf("record = %+v", r)
	}
	// EndNote's older exports write the title as T1 (and the year as Y1
	// alone): T2 is still the department. Without Pure's signature (the
	// date as PY and Y1 alike) a T1 record's T2 stays out of the title.
	for name, in := range map[string]string{
		"older EndNote": "TY  - THES\nA1  - Smith, Anna\nT1  - Peer support in community mental health\nT2  - Department of Psychology\nY1  - 2015///\nPB  - University of Leeds\nER  - \n",
		"T1, T2, PY":    "TY  - THES\nAU  - Smith, Anna\nT1  - Peer support in community mental health\nT2  - School of Nursing\nPY  - 2015\nER  - \n",
	} {
		recs, err := readertest.Read(Reader{}, []byte(in))
		if err != nil || len(recs) != 1 || recs[0].Title != "Peer support in community mental health" {
			t.Errorf("%s: records %+v, error %v", name, recs, err)
		}
	}
}

func TestDamaged(t *testing.T) {
	for _, c := range []struct {
		name    string
		in      string
		works   int
		errLine int
	}{
		{"no ER at end", "TY  - JOUR\r\nTI  - A\r\n", 1, 1},
		{"TY before ER", "TY  - JOUR\nTI  - A\nTY  - JOUR\nTI  - B\nER  - \n", 2, 1},
		{"lone CR line ends", "TY  - JOUR\rTI  - A\rER  - \rTY  - BOOK\rTI  - B\r", 2, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			recs, err := readertest.Read(Reader{}, []byte(c.in))
			var se *SyntaxError
			if len(recs) != c.works || !errors.As(err, &se) || se.Line != c.errLine {
				t.Errorf("got %d records, error %v; want %d records and an error at line %d", len(recs), err, c.works, c.errLine)
			}
		})
	}
}

func TestParseTag(t *testing.T) {
	for _, c := range []struct {
		in       string
		tag, val string
		ok       bool
	}{
		{"TY  - JOUR", "TY", "JOUR", true},
		{"TY -  BOOK", "TY", "BOOK", true},
		{"ER  -", "ER", "", true},
		{"ER  - ", "ER", "", true},
		{"Joint Commission", "", "", false},
		{"UK - based study", "", "", false}, // UK is no RIS tag: text
		{"XX  - x", "XX", "x", true},        // well-formed unknown tags are read
		{"AB-x", "", "", false},
	} {
		tag, val, ok := parseTag([]byte(c.in))
		if tag != c.tag || val != c.val || ok != c.ok {
			t.Errorf("parseTag(%q) = %q, %q, %v; want %q, %q, %v", c.in, tag, val, ok, c.tag, c.val, c.ok)
		}
	}
}

// RIS fields as exporters fill them: a journal's full name is JF or T2
// (the RIS specification's secondary title; Zotero, EndNote and Scopus
// write it), where JO may be its abbreviation; an author without the
// comma the specification asks for is "Family Initials" when the last
// word is initials ("Gadzalski M", as PubMed-style exporters write names;
// the article is PMID 26524502 of the MEDLINE test file), "Given Family"
// otherwise.
func TestVenueAndNames(t *testing.T) {
	in := "TY  - JOUR\nTI  - Bioinformatic survey of ABC transporters in dermatophytes\nAU  - Gadzalski M\nAU  - Ciesielska A.\n" +
		"AU  - Pawel Staczek\nAU  - Doe, J.\nJO  - Gene\nT2  - Gene: An International Journal on Genes and Genomes\nPY  - 2016\nER  - \n"
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	r := recs[0]
	want := []graph.Author{{Family: "Gadzalski", Given: "M"}, {Family: "Ciesielska", Given: "A."}, {Family: "Staczek", Given: "Pawel"}, {Family: "Doe", Given: "J."}}
	if r.Venue != "Gene: An International Journal on Genes and Genomes" || !reflect.DeepEqual(r.Authors, want) {
		t.Errorf("venue %q, authors %v; want %v", r.Venue, r.Authors, want)
	}
}

// EndNote's older RIS exports put the DOI in M3 (its "Type of Work"
// field, where EndNote kept DOIs), bare; a DOI there is read when DO gives
// none, and M3's usual text is not. The DOI is the Gene article's (PMID
// 26524502 of the MEDLINE test file).
func TestDOIInM3(t *testing.T) {
	for in, want := range map[string]string{
		"TY  - JOUR\nTI  - x\nM3  - 10.1016/j.gene.2015.10.064\nER  - \n":                      "10.1016/j.gene.2015.10.064",
		"TY  - JOUR\nTI  - x\nM3  - Journal Article\nER  - \n":                                 "",
		"TY  - JOUR\nTI  - x\nDO  - 10.1016/j.gene.2015.10.064\nM3  - 10.9999/other\nER  - \n": "10.1016/j.gene.2015.10.064",
	} {
		recs, err := readertest.Read(Reader{}, []byte(in))
		if err != nil || len(recs) != 1 || recs[0].DOI != want {
			t.Errorf("%q: records %+v, error %v; want DOI %q", in, recs, err, want)
		}
	}
}
