package tei

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
)

// Expected numbers: bibl, bibr and linked are the MANIFEST's counts of
// listBibl/biblStruct and <ref type="bibr"> (with @target), checked with
// Python's ElementTree over text//ref[@type='bibr']; cited is the number of
// distinct targets (ElementTree); refsDOI is the MANIFEST's "with DOI";
// the header fields were read by eye; stmts is what the reader gives (a
// regression number, its first statements checked against the XML).
var files = []struct {
	file                       string
	bibl, refsDOI              int
	bibr, linked, cited, stmts int
	doi, title, author         string
	year, authors              int
	sampleText, sampleSection  string
	sampleKeys                 []string
}{
	{"grobid-0.5.5_crenarchaeota-AEM_24e6b80e.tei.xml", 68, 1, 101, 99, 59, 53, "10.1128/aem.00294-11",
		"Niche Partitioning of Marine Group I Crenarchaeota in the Euphotic and Upper Mesopelagic Zones of the East China Sea", "Hu, Anyi", 2011, 4,
		"Microbes are the most abundant and diverse life forms in oceans and play a critical role in energy flux and element cycling (14,28).", "", []string{"b14", "b28"}},
	{"grobid-0.6.1_S2-literature-graph_N18-3011.tei.xml", 27, 0, 28, 20, 17, 23, "",
		"Construction of the Literature Graph in Semantic Scholar", "Ammar, Waleed", 0, 23, "", "", nil},
	{"grobid-0.6.1_SPECTER_2020.acl-main.207.tei.xml", 57, 7, 79, 62, 37, 45, "",
		"SPECTER: Document-level Representation Learning using Citation-informed Transformers", "Cohan, Arman", 0, 5,
		"We follow the approach of Feldman et al. (2019) in mapping the MeSH vocabulary to the disease classes.", "SCIDOCS Evaluation Framework > Document Classification", []string{"b13"}},
	{"grobid-0.6.1_small-fiber-neuropathy-ChinMedJ_0f318087.tei.xml", 27, 26, 44, 43, 27, 26, "10.4103/0366-6999.209897",
		"Clinical Characteristics, Electrophysiology, and Skin Biopsy of 38 Peripheral Neuropathy Cases with Small Fiber Involvement of Various Etiologies", "Sun, Bo", 2017, 8,
		"As previously described, the neurologist was blinded to the clinical symptoms. [16]", "Methods > Clinical characteristics", []string{"b14"}},
}

func TestFiles(t *testing.T) {
	for _, w := range files {
		t.Run(w.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", w.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var r graph.Record
			var doc *document
			n := 0
			err = extract(context.Background(), f, func(d *document, rec graph.Record) error {
				rec.Normalize()
				r, doc = rec, d
				n++
				return nil
			})
			if err != nil || n != 1 {
				t.Fatalf("%d records, %v", n, err)
			}
			if len(r.References) != w.bibl {
				t.Errorf("references = %d, want %d", len(r.References), w.bibl)
			}
			dois := 0
			keys := map[string]int{}
			for i, ref := range r.References {
				if ref.DOI != "" {
					dois++
				}
				keys[ref.Key] = i
				if ref.Key == "" || ref.Raw == "" {
					t.Errorf("reference without key or raw: %+v", ref)
				}
			}
			if dois != w.refsDOI {
				t.Errorf("references with DOI = %d, want %d", dois, w.refsDOI)
			}
			anchors, linked := 0, 0
			cited := map[string]bool{}
			for _, p := range doc.paras {
				for _, a := range p.Anchors {
					anchors++
					if len(a.Keys) > 0 {
						linked++
					}
					for _, k := range a.Keys {
						cited[k] = true
					}
				}
			}
			if anchors != w.bibr || linked != w.linked || len(cited) != w.cited {
				t.Errorf("citations = %d (%d linked, %d distinct), want %d (%d, %d)", anchors, linked, len(cited), w.bibr, w.linked, w.cited)
			}
			onStatements := map[int]bool{}
			unlinkedMentions := 0
			for _, st := range r.Statements {
				for _, i := range st.Refs {
					onStatements[i] = true
				}
				if len(st.Refs) == 0 {
					unlinkedMentions++
				}
				if st.Intent == "" || st.ClassifiedBy != intent.ModelName || len(st.Mentions) == 0 {
					t.Errorf("statement %+v", st)
				}
			}
			for k := range cited {
				if i, ok := keys[k]; !ok || !onStatements[i] {
					t.Errorf("cited %s is on no statement", k)
				}
			}
			if w.bibr > w.linked && unlinkedMentions == 0 {
				// Unlinked citations stand with linked ones or alone; at
				// least the text of each is kept as a mention.
				m := 0
				for _, st := range r.Statements {
					m += len(st.Mentions)
				}
				if m < w.bibr-w.linked {
					t.Errorf("unlinked citations lost")
				}
			}
			if len(r.Statements) != w.stmts {
				t.Errorf("statements = %d, want %d", len(r.Statements), w.stmts)
			}
			if r.DOI != w.doi || r.Title != w.title || r.Year != w.year || len(r.Authors) != w.authors || r.Authors[0].String() != w.author {
				t.Errorf("got %q %q %d %d %v", r.DOI, r.Title, r.Year, len(r.Authors), r.Authors[0])
			}
			if r.Abstract == "" {
				t.Errorf("no abstract")
			}
			if w.sampleText == "" {
				return
			}
			for _, st := range r.Statements {
				if st.Text == w.sampleText {
					var got []string
					for _, i := range st.Refs {
						got = append(got, r.References[i].Key)
					}
					if st.Section != w.sampleSection || strings.Join(got, " ") != strings.Join(w.sampleKeys, " ") {
						t.Errorf("sample: section %q refs %q; want %q %q", st.Section, got, w.sampleSection, w.sampleKeys)
					}
					return
				}
			}
			t.Errorf("no statement %q", w.sampleText)
		})
	}
}

// TestUnlinked: a citation GROBID could not link stays, with its text, on
// a statement without refs.
func TestUnlinked(t *testing.T) {
	src := `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title level="a" type="main">T</title></titleStmt></fileDesc></teiHeader>
<text><body><div><head n="1">Introduction</head><p>Shown before <ref type="bibr">(Smith et al., 2019)</ref>. Linked <ref type="bibr" target="#b0">[1]</ref>.</p></div></body>
<back><div type="references"><listBibl><biblStruct xml:id="b0"><analytic><title level="a">A</title><author><persName><surname>Doe</surname></persName></author></analytic><monogr><title level="j">J</title><imprint><date when="2001"/></imprint></monogr></biblStruct></listBibl></div></back></text></TEI>`
	var r graph.Record
	if err := (Format{}).Extract(context.Background(), strings.NewReader(src), func(rec graph.Record) error { r = rec; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(r.Statements) != 2 {
		t.Fatalf("statements %+v", r.Statements)
	}
	st := r.Statements[0]
	if len(st.Refs) != 0 || len(st.Mentions) != 1 || st.Mentions[0].Text != "(Smith et al., 2019)" || st.Mentions[0].Year != 2019 || st.Section != "Introduction" {
		t.Errorf("unlinked statement %+v", st)
	}
	if len(r.Statements[1].Refs) != 1 || r.References[0].Raw != "Doe. 2001. A. J." || r.References[0].Type != "article-journal" {
		t.Errorf("linked statement %+v, reference %+v", r.Statements[1], r.References[0])
	}
}

func TestErrors(t *testing.T) {
	raw, err := os.ReadFile("testdata/grobid-0.6.1_S2-literature-graph_N18-3011.tei.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := string(raw[:len(raw)*2/3])
	var recs int
	err = (Format{}).Extract(context.Background(), strings.NewReader(cut), func(graph.Record) error { recs++; return nil })
	var pe *PosError
	if !errors.As(err, &pe) || pe.Line != strings.Count(cut, "\n")+1 || !strings.Contains(err.Error(), "unexpected end of file") {
		t.Errorf("truncated: %v", err)
	}
	if recs != 1 {
		t.Errorf("truncated: %d records, want the one read so far", recs)
	}
	err = (Format{}).Extract(context.Background(), strings.NewReader("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body><p>a</div></body></text></TEI>"), func(graph.Record) error { return nil })
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Col != 17 {
		t.Errorf("mismatched: %v", err)
	}
}

func TestSniff(t *testing.T) {
	for _, w := range files {
		raw, _ := os.ReadFile(filepath.Join("testdata", w.file))
		if !(Format{}).Sniff(raw[:min(len(raw), 65536)]) {
			t.Errorf("%s not sniffed", w.file)
		}
	}
	if (Format{}).Sniff([]byte(`<article><front><article-meta/></front></article>`)) {
		t.Errorf("JATS sniffed as TEI")
	}
}

// TestDates: a date is kept only as precise as it is valid (hand-written
// cases: month 13 is no month, day 00 is no day, year 0000 is no year).
func TestDates(t *testing.T) {
	for when, want := range map[string]string{
		"2019-03-05": "2019-03-05",
		"2019-13-05": "2019",
		"2019-03-00": "2019-03",
		"0000":       "",
		"2019":       "2019",
	} {
		src := `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title level="a" type="main">T</title></titleStmt>
<publicationStmt><date type="published" when="` + when + `"/></publicationStmt></fileDesc></teiHeader></TEI>`
		var r graph.Record
		if err := (Format{}).Extract(context.Background(), strings.NewReader(src), func(rec graph.Record) error { r = rec; return nil }); err != nil {
			t.Fatal(err)
		}
		wantYear := 0
		if want != "" {
			wantYear, _ = strconv.Atoi(want[:4])
		}
		if r.Date != want || r.Year != wantYear {
			t.Errorf("when=%q: date %q, year %d; want %q, %d", when, r.Date, r.Year, want, wantYear)
		}
	}
}
