package graph

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseDecisions(t *testing.T) {
	d, err := ParseDecisions(strings.NewReader("\ufeff# reviewed 2026-11-22\n\nsame 10.1/A doi:10.1/b\ndifferent  PMID:123\trec:abc\nsame https://doi.org/10.1/c openalex:https://openalex.org/W12\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Decisions{
		Same:      [][2]string{{"doi:10.1/a", "doi:10.1/b"}, {"doi:10.1/c", "openalex:W12"}},
		Different: [][2]string{{"pmid:123", "rec:abc"}},
	}
	if len(d.Same) != 2 || d.Same[0] != want.Same[0] || d.Same[1] != want.Same[1] || len(d.Different) != 1 || d.Different[0] != want.Different[0] {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
	for _, tc := range []struct {
		in   string
		line int
		msg  string
	}{
		{"same 10.1/a\n", 1, "got 2 fields"},
		{"\n# x\nmerge 10.1/a 10.1/b\n", 3, "unknown ruling"},
		{"same pmid:12a 10.1/b\n", 1, "invalid identifier"},
		{"same 10.1/a DOI:10.1/A\n", 1, "named twice"},
		{"different foo 10.1/b\n", 1, "neither scheme:value nor a DOI"},
	} {
		_, err := ParseDecisions(strings.NewReader(tc.in))
		var de *DecisionError
		if !errors.As(err, &de) || de.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%q: error %v, want line %d with %q", tc.in, err, tc.line, tc.msg)
		}
	}
}

func TestBuildDecisions(t *testing.T) {
	a := Record{Title: "Peer support workers", Year: 2014, Authors: []Author{{Family: "Gillard"}}, Venue: "A"}
	b := Record{Title: "Peer support workers", Year: 2014, Authors: []Author{{Family: "Gillard"}}, Venue: "B"}
	c := Record{DOI: "10.1/c", Title: "Another title", Year: 2015}
	d := Record{Identifiers: map[string]string{IDPMID: "123"}, Title: "Yet another", Year: 2015}
	ra, rb := a, b
	ra.Normalize()
	rb.Normalize()
	// Without rulings: a and b merge on title, year and author.
	if g := Build([]Record{a, b, c, d}); g.Report().Works != 3 {
		t.Fatalf("works %d, want 3", g.Report().Works)
	}
	dec := Decisions{
		Different: [][2]string{{ra.ID, rb.ID}},
		Same:      [][2]string{{"doi:10.1/c", "pmid:123"}, {"doi:10.1/zzz", "pmid:123"}},
	}
	g := BuildWith([]Record{a, b, c, d}, BuildOptions{Decisions: dec})
	rep := g.Report()
	if rep.Works != 3 || rep.KeptApart != 1 || rep.MergedByDecision != 1 {
		t.Errorf("works %d kept apart %d merged by decision %d; want 3, 1, 1", rep.Works, rep.KeptApart, rep.MergedByDecision)
	}
	w := g.Work("doi:10.1/c")
	if w == nil || w.Identifiers[IDPMID] != "123" {
		t.Errorf("the work ruled the same: %+v", w)
	}
	if len(rep.Decisions) != 3 || !strings.Contains(rep.Decisions[2], "no record is named doi:10.1/zzz") {
		t.Errorf("decisions report %q", rep.Decisions)
	}
}

// TestBuildDoesNotModify: Build leaves the caller's records as they were.
func TestBuildDoesNotModify(t *testing.T) {
	r := Record{DOI: "HTTPS://DOI.ORG/10.1/X", Identifiers: map[string]string{IDPMCID: "pmc12"},
		References: []Reference{{DOI: "doi:10.1/Y"}}, CitedBy: []CitingStatement{{Text: "x", Citing: &Reference{DOI: "10.1/Z"}}}}
	Build([]Record{r})
	if r.DOI != "HTTPS://DOI.ORG/10.1/X" || r.Identifiers[IDPMCID] != "pmc12" || r.References[0].DOI != "doi:10.1/Y" || r.CitedBy[0].Citing.DOI != "10.1/Z" || r.ID != "" {
		t.Errorf("record changed: %+v", r)
	}
}

// The record of these tests is PMID 26524502 as PubMed exports it
// (../shared/data/exports/medline/pubmed_medline_175records_abc.medline,
// line 2) and the same paper from a second database without the PMID.
func abcRecords() []Record {
	pubmed := Record{DOI: "10.1016/j.gene.2015.10.064", Title: "Bioinformatic survey of ABC transporters in dermatophytes.", Year: 2016,
		Authors: []Author{{"Gadzalski", "Marek"}, {"Ciesielska", "Anita"}}, Identifiers: map[string]string{IDPMID: "26524502"},
		Source: Source{Path: "pubmed_medline_175records_abc.medline", Format: "medline", Line: 2}}
	other := Record{DOI: "10.1016/J.GENE.2015.10.064", Title: "Bioinformatic survey of ABC transporters in dermatophytes", Year: 2016,
		Authors: []Author{{"Gadzalski", "M."}}, Source: Source{Path: "scopus.csv", Format: "scopus-csv", Line: 7}}
	return []Record{pubmed, other}
}

// TestDecisionsCheck: issue 12. A "different" ruling naming the PubMed
// record twice (by PMID and by DOI) once split the two records of one
// DOI; it is an error with its line, as is a ruling that contradicts the
// "same" rulings.
func TestDecisionsCheck(t *testing.T) {
	recs := abcRecords()
	for _, tc := range []struct {
		name, file string
		line       int
		msg        string
	}{
		{"one record twice", "# checked\ndifferent pmid:26524502 doi:10.1016/j.gene.2015.10.064\n", 2, "name the same record (pubmed_medline_175records_abc.medline:2)"},
		{"contradiction", "same pmid:26524502 rec:x\nsame rec:x openalex:W1\ndifferent openalex:W1 pmid:26524502\n", 3, "contradicts the same rulings of lines 1, 2"},
		{"contradiction through records", "same pmid:26524502 doi:10.1/other\ndifferent doi:10.1/other doi:10.1016/j.gene.2015.10.064\n", 2, "contradicts the same rulings of lines 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDecisions(strings.NewReader(tc.file))
			if err == nil {
				other := recs[1]
				other.DOI = "10.1/other"
				err = d.Check([]Record{recs[0], other})
				if tc.name == "one record twice" {
					err = d.Check(recs)
				}
			}
			var de *DecisionError
			if !errors.As(err, &de) || de.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want line %d with %q", err, tc.line, tc.msg)
			}
		})
	}
	ok, err := ParseDecisions(strings.NewReader("same pmid:26524502 doi:10.1/none\ndifferent pmid:1 pmid:2\n"))
	if err != nil || ok.Check(recs) != nil {
		t.Errorf("rulings on unknown records are Build's to report, not errors: %v, %v", err, ok.Check(recs))
	}
}

// FuzzParseDecisions: no input panics; what parses, written back as
// rulings, parses to the same rulings.
func FuzzParseDecisions(f *testing.F) {
	for _, s := range []string{"same 10.1/A doi:10.1/b\n", "different pmid:1 rec:x\n# c\n", "same a b c", "\ufeffsame https://doi.org/10.1/c openalex:W1\ndifferent openalex:W1 10.1/c", "same pmid:x pmid:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecisions(strings.NewReader(s))
		if err != nil {
			var de *DecisionError
			if !errors.As(err, &de) && !strings.HasPrefix(err.Error(), "graph: decisions:") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		var b strings.Builder
		for _, p := range d.Same {
			b.WriteString("same " + p[0] + " " + p[1] + "\n")
		}
		for _, p := range d.Different {
			b.WriteString("different " + p[0] + " " + p[1] + "\n")
		}
		again, err := ParseDecisions(strings.NewReader(b.String()))
		if err != nil || !slices.Equal(again.Same, d.Same) || !slices.Equal(again.Different, d.Different) {
			t.Fatalf("%q parsed as %+v, written back %q gives %+v, %v", s, d, b.String(), again, err)
		}
		_ = d.Check(abcRecords())
	})
}

// TestSameKeepsBestSpelt: issue 12. Two records ruled the same, one with
// the title as PubMed gives it (PMID 26666844, line 2475 of
// ../shared/data/exports/medline/pubmed_medline_175records_abc.medline),
// one with a typo (longer, so that length does not decide) and no identifiers; the merged work keeps the title
// spelt as the other records of the corpus spell their words, and the DOI
// and abstract of the more complete record.
func TestSameKeepsBestSpelt(t *testing.T) {
	good := Record{DOI: "10.1021/acs.biochem.5b00970", Title: "Catalytic Mechanism of the Maltose Transporter Hydrolyzing ATP.", Year: 2016,
		Authors: []Author{{"Huang", "Wenting"}}, Abstract: "ATP hydrolysis in ABC transporters.", Identifiers: map[string]string{IDPMID: "26666844"}}
	typo := Record{Title: "Catalytic Mechanism of thhe Maltose Transporter Hydrolyzing ATP.", Year: 2016, Authors: []Author{{"Huang", "W."}}}
	other := Record{Title: "The structure of the maltose transporter", Year: 2015, Authors: []Author{{"Oldham", "M."}}}
	tr := typo
	tr.Normalize()
	for _, order := range [][]Record{{good, typo, other}, {typo, good, other}} {
		g := BuildWith(order, BuildOptions{Decisions: Decisions{Same: [][2]string{{"pmid:26666844", tr.ID}}}})
		w := g.Work("doi:10.1021/acs.biochem.5b00970")
		if w == nil || w.Title != good.Title || w.Abstract != good.Abstract || len(w.Records) != 2 {
			t.Fatalf("merged work %+v", w)
		}
	}
}
