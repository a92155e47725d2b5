package scrape

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// extractBytes reads b as the file name (its format detected) and fails the
// test on an error.
func extractNamed(t *testing.T, name string, b []byte) []graph.Record {
	t.Helper()
	recs, err := Default().Extract(context.Background(), name, bytes.NewReader(b), "")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

func retracted(recs []graph.Record) (n int) {
	for _, r := range recs {
		if r.Retracted {
			n++
		}
	}
	return n
}

// TestRetractionRealRIS: two consecutive records of a real review search
// (../shared/data/dedup/digital_work.ris, lines 3846-3871, from
// CoLRev-Environment/bib-dedupe, MIT), copied unchanged: Elsevier marked
// the first "RETRACTED:" in its title (Decision Support Systems 82, 2016),
// the second is not retracted (issue 12, item 6).
func TestRetractionRealRIS(t *testing.T) {
	const ris = `TY  - JOUR
AU  - Assemi, Behrang
AU  - Schlagwein, Daniel
TI  - RETRACTED: Provider feedback information and customer choice decisions on crowdsourcing marketplaces: Evidence from two discrete choice experiments
PY  - 2016
T2  - Decision Support Systems
VL  - 82
SP  - 1--11
DO  - 10.1016/J.DSS.2015.11.001
ID  - id_1000291
ER  - 

TY  - JOUR
AU  - Astor, Philipp J.
AU  - Adam, Marc Thomas Philipp
AU  - Jerčić, Petar
AU  - Schaaff, Kristina
AU  - Weinhardt, Christof
TI  - Integrating Biosignals into Information Systems: A NeuroIS Tool for Improving Emotion Regulation
PY  - 2013
T2  - Journal of Management Information Systems
VL  - 30
IS  - 3
SP  - 247--278
DO  - 10.2753/MIS0742-1222300309
ID  - id_1000292
ER  - 
`
	recs := extractNamed(t, "digital_work.ris", []byte(ris))
	if len(recs) != 2 || !recs[0].Retracted || recs[1].Retracted {
		t.Fatalf("retracted = %v", []bool{len(recs) > 0 && recs[0].Retracted, len(recs) > 1 && recs[1].Retracted})
	}
}

// TestRetractionMarks: the title prefixes publishers use and the document
// types databases print, against notices and titles that only hold the word.
func TestRetractionMarks(t *testing.T) {
	for _, c := range []struct {
		title, doctype string
		want           bool
	}{
		{"RETRACTED: Provider feedback information and customer choice decisions", "", true}, // Elsevier
		{"RETRACTED ARTICLE: Magnetic nanoparticles for cancer therapy", "", true},           // Springer
		{"Retracted article: A study of X", "", true},                                        // Taylor & Francis
		{"[Retracted] Effects of Y", "", true},
		{"Retraction: A study of X", "", false},                  // the notice
		{"Retraction notice to \"A study of X\"", "", false},     // the notice
		{"Duane retraction syndrome in a family", "", false},     // the word only
		{"Why retracted papers keep being cited", "", false},     // the word only
		{"A study of X", "Article; Retracted Publication", true}, // Web of Science DT
		{"A study of X", "Retracted", true},                      // Scopus
		{"A study of X", "Retraction", false},                    // Web of Science's notice
		{"A study of X", "Journal Article", false},
	} {
		r := graph.Record{Title: c.title, DocumentType: c.doctype}
		Retraction(&r)
		if r.Retracted != c.want {
			t.Errorf("%q / %q: retracted %v, want %v", c.title, c.doctype, r.Retracted, c.want)
		}
	}
}

// TestRetractionStructured: the answers of OpenAlex and Crossref and the
// publication types of PubMed. The real files mark nothing retracted (the
// OpenAlex work's "is_retracted": false, no PubMed record is a retracted
// publication); each is then changed in one place as the services write a
// retraction (OpenAlex's is_retracted true; Crossref's updated-by on the
// work and update-to on the notice, with the fields of its REST API
// documentation; PubMed's second PT line "Retracted Publication").
func TestRetractionStructured(t *testing.T) {
	read := func(path string) []byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	oa := read("openalex/testdata/openalex_work_W2741809807_peerj.4375.json")
	if !bytes.Contains(oa, []byte(`"is_retracted":false`)) {
		t.Fatal("the OpenAlex work no longer says is_retracted false")
	}
	if n := retracted(extractNamed(t, "oa.json", oa)); n != 0 {
		t.Errorf("OpenAlex as recorded: %d retracted", n)
	}
	if n := retracted(extractNamed(t, "oa.json", bytes.Replace(oa, []byte(`"is_retracted":false`), []byte(`"is_retracted":true`), 1))); n != 1 {
		t.Errorf("OpenAlex is_retracted true: %d retracted, want 1", n)
	}
	csv := read("tabular/testdata/openalex_csv_export_8records.csv")
	if n := retracted(extractNamed(t, "oa.csv", csv)); n != 0 {
		t.Errorf("OpenAlex CSV: %d retracted", n)
	}

	cr := read("crossref/testdata/crossref_work_10.1038_srep16696.json")
	work := bytes.Replace(cr, []byte(`"message":{`), []byte(`"message":{"updated-by":[{"DOI":"10.1038/srep99999","type":"retraction","source":"retraction-watch","label":"Retraction"}],`), 1)
	recs := extractNamed(t, "cr.json", work)
	if len(recs) != 1 || !recs[0].Retracted {
		t.Errorf("Crossref updated-by: %d records, %d retracted", len(recs), retracted(recs))
	}
	notice := bytes.Replace(cr, []byte(`"message":{`), []byte(`"message":{"update-to":[{"DOI":"10.7554/eLife.01567","type":"retraction","label":"Retraction"},{"DOI":"10.1/corrected","type":"correction"}],`), 1)
	recs = extractNamed(t, "notice.json", notice)
	if len(recs) != 1 || recs[0].Retracted || strings.Join(recs[0].Retracts, ",") != "10.7554/elife.01567" {
		t.Fatalf("Crossref update-to: %+v", recs)
	}
	// The notice marks the work it retracts, which another source describes.
	elife := extractNamed(t, "elife.json", read("crossref/testdata/crossref_work_10.7554_elife.01567.json"))
	g := graph.Build(append(elife, recs...))
	for _, w := range g.Works() {
		if w.Retracted != (w.DOI == "10.7554/elife.01567") {
			t.Errorf("%s retracted %v", w.Key, w.Retracted)
		}
	}

	med := read("medline/testdata/pubmed_medline_175records_abc.medline")
	if n := retracted(extractNamed(t, "a.medline", med)); n != 0 {
		t.Errorf("PubMed as recorded: %d retracted", n)
	}
	med = bytes.Replace(med, []byte("PT  - Journal Article\n"), []byte("PT  - Journal Article\nPT  - Retracted Publication\n"), 1)
	recs = extractNamed(t, "a.medline", med)
	if n := retracted(recs); n != 1 || !recs[0].Retracted {
		t.Errorf("PubMed with a Retracted Publication type: %d retracted", n)
	}
}
