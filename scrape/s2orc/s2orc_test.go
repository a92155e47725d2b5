package s2orc

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// Expected numbers: bib (bib_entries), cites (cite_spans of body_text and
// back_matter), linked (those with a ref_id) and cited (distinct ref_ids)
// were counted with Python's json module; the metadata read by eye; stmts
// is what the reader gives (a regression number).
var files = []struct {
	file                      string
	bib, cites, linked, cited int
	stmts                     int
	doi, title, author        string
	year                      int
	pmid, pmcid               string
	sampleText, sampleSection string
	sampleKeys                []string
}{
	{"s2orc-20190928_postmortem-muscle-protein_10045593.json", 36, 51, 51, 36, 36, "10.1007/s00414-016-1349-9",
		"Postmortem muscle protein degradation in humans as a tool for PMI delimitation", "Pittner, Stefan", 2016, "26951243", "PMC5055573",
		"This is in agreement with our findings on porcine muscle protein degradation in the first 10 days postmortem [14] .", "", []string{"BIBREF13"}},
	{"s2orc-20210101_crenarchaeota_24e6b80e.json", 67, 101, 99, 59, 53, "",
		"Niche Partitioning of Marine Group I Crenarchaeota in the Euphotic and Upper Mesopelagic Zones of the East China Sea", "Hu, Anyi", 2011, "", "",
		"Crenarchaeal 16S rRNA gene fragments were amplified by employing a nested PCR strategy as described previously (44) .", "MATERIALS AND METHODS", []string{"BIBREF45"}},
	{"s2orc-doc2json_S2-literature-graph_N18-3011.json", 27, 28, 20, 17, 23, "",
		"Construction of the Literature Graph in Semantic Scholar", "Ammar, Waleed", 0, "", "", "", "", nil},
	{"s2orc-doc2json_SPECTER_2020.acl-main.207.json", 54, 75, 58, 35, 45, "",
		"SPECTER: Document-level Representation Learning using Citation-informed Transformers", "Cohan, Arman", 0, "", "",
		"Specifically, we use SciBERT (Beltagy et al., 2019) which is an adaptation of the original BERT (Devlin et al., 2019) architecture to the scientific domain.",
		"Model 2.1 Overview > Background: Pretrained Transformers", []string{"BIBREF3", "BIBREF11"}},
}

func TestFiles(t *testing.T) {
	for _, w := range files {
		t.Run(w.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", w.file))
			if err != nil {
				t.Fatal(err)
			}
			var recs []graph.Record
			if err := (Format{}).Extract(context.Background(), strings.NewReader(string(raw)), func(r graph.Record) error {
				r.Normalize()
				recs = append(recs, r)
				return nil
			}); err != nil || len(recs) != 1 {
				t.Fatalf("%d records, %v", len(recs), err)
			}
			r := recs[0]
			if len(r.References) != w.bib {
				t.Errorf("references = %d, want %d", len(r.References), w.bib)
			}
			// The anchors the reader makes of the cite spans.
			var p paper
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatal(err)
			}
			body := &p.parse
			if p.PDFParse != nil {
				body = p.PDFParse
			} else if p.GrobidParse != nil {
				body = p.GrobidParse
			}
			anchors, linked := 0, 0
			cited := map[string]bool{}
			for _, para := range append(body.BodyText, body.BackMatter...) {
				pp := para.prose("")
				for _, a := range pp.Anchors {
					anchors++
					if len(a.Keys) > 0 {
						linked++
						cited[a.Keys[0]] = true
					}
					if a.End <= a.Start || a.End > len(pp.Text) {
						t.Errorf("anchor %+v outside %q", a, pp.Text)
					}
				}
			}
			if anchors != w.cites || linked != w.linked || len(cited) != w.cited {
				t.Errorf("cites = %d (%d linked, %d distinct), want %d (%d, %d)", anchors, linked, len(cited), w.cites, w.linked, w.cited)
			}
			keys := map[string]int{}
			for i, ref := range r.References {
				keys[ref.Key] = i
			}
			on := map[int]bool{}
			for _, st := range r.Statements {
				for _, i := range st.Refs {
					on[i] = true
				}
			}
			for k := range cited {
				if !on[keys[k]] {
					t.Errorf("cited %s on no statement", k)
				}
			}
			if len(r.Statements) != w.stmts {
				t.Errorf("statements = %d, want %d", len(r.Statements), w.stmts)
			}
			if r.DOI != w.doi || r.Title != w.title || r.Year != w.year || r.Authors[0].String() != w.author ||
				r.Identifiers[graph.IDPMID] != w.pmid || r.Identifiers[graph.IDPMCID] != w.pmcid {
				t.Errorf("got %q %q %d %v %v", r.DOI, r.Title, r.Year, r.Authors[0], r.Identifiers)
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
						t.Errorf("sample: %q %q; want %q %q", st.Section, got, w.sampleSection, w.sampleKeys)
					}
					return
				}
			}
			t.Errorf("no statement %q", w.sampleText)
		})
	}
}

// TestCodePoints: cite span offsets count code points, not bytes.
func TestCodePoints(t *testing.T) {
	src := `{"paper_id":"x","metadata":{"title":"T","authors":[],"year":"2001"},"body_text":[{"text":"Ärger über Käse (Müller, 2001). Fine.","cite_spans":[{"start":17,"end":29,"text":"Müller, 2001","ref_id":"BIBREF0"}],"section":"Intro"}],"bib_entries":{"BIBREF0":{"title":"K","authors":[{"first":"A","middle":[],"last":"Müller","suffix":""}],"year":2001}}}`
	var r graph.Record
	if err := (Format{}).Extract(context.Background(), strings.NewReader(src), func(rec graph.Record) error { r = rec; return nil }); err != nil {
		t.Fatal(err)
	}
	if len(r.Statements) != 1 || r.Statements[0].Mentions[0].Text != "Müller, 2001" || r.Statements[0].Text != "Ärger über Käse (Müller, 2001)." {
		t.Errorf("got %+v", r.Statements)
	}
}

// TestJSONLines: one paper per line, each with its line; a bad line stops
// with its line and column, the papers before it stand.
func TestJSONLines(t *testing.T) {
	p := `{"paper_id":"%s","metadata":{"title":"T%s","authors":[],"year":"2001"},"body_text":[],"bib_entries":{}}`
	src := strings.ReplaceAll(p, "%s", "1") + "\n" + strings.ReplaceAll(p, "%s", "2") + "\n" + `{"paper_id": "3", "body_text": [}` + "\n"
	var lines []int
	err := (Format{}).Extract(context.Background(), strings.NewReader(src), func(r graph.Record) error {
		lines = append(lines, r.Source.Line)
		return nil
	})
	var pe *PosError
	if !errors.As(err, &pe) || pe.Line != 3 || pe.Col != 33 {
		t.Errorf("error %v", err)
	}
	if len(lines) != 2 || lines[0] != 1 || lines[1] != 2 {
		t.Errorf("lines %v", lines)
	}
	err = (Format{}).Extract(context.Background(), strings.NewReader(`{"paper_id": "1", "body_text": "no"}`), func(graph.Record) error { return nil })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "body_text") {
		t.Errorf("type error %v", err)
	}
	raw, _ := os.ReadFile("testdata/" + files[0].file)
	err = (Format{}).Extract(context.Background(), strings.NewReader(string(raw[:len(raw)/2])), func(graph.Record) error { return nil })
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated: %v", err)
	}
}

func TestSniff(t *testing.T) {
	for _, w := range files {
		raw, _ := os.ReadFile(filepath.Join("testdata", w.file))
		if !(Format{}).Sniff(raw[:min(len(raw), 65536)]) {
			t.Errorf("%s not sniffed", w.file)
		}
	}
	for _, s := range []string{`{"paperId": "x", "citingPaper": {}}`, `{"paper_id": "x", "title": "metadata only"}`, `[{"type": "article"}]`} {
		if (Format{}).Sniff([]byte(s)) {
			t.Errorf("%s sniffed", s)
		}
	}
}

// TestReadYear: a date is kept only as precise as it is valid
// (hand-written cases: month 13 is no month, day 00 is no day).
func TestReadYear(t *testing.T) {
	for raw, want := range map[string]string{
		`2016`:         "2016",
		`"2016-03-05"`: "2016-03-05",
		`"2016-13-05"`: "2016",
		`"2016-03-00"`: "2016-03",
		`"0999"`:       "",
	} {
		date, year := readYear(json.RawMessage(raw))
		wantYear := 0
		if want != "" {
			wantYear = 2016
		}
		if date != want || year != wantYear {
			t.Errorf("readYear(%s) = %q, %d; want %q, %d", raw, date, year, want, wantYear)
		}
	}
}
