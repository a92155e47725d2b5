package graph

import (
	"errors"
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
