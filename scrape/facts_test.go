package scrape

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// The expected values in this file were counted by hand from the seed
// pages in testdata/seeds.

func TestSciteReport(t *testing.T) {
	recs := extract(t, filepath.Join("testdata", "seeds", "000_45cdc837eab6ac5b.txt"))
	if len(recs) != 1 {
		t.Fatalf("got %d records, want 1", len(recs))
	}
	r := recs[0]
	if r.DOI != "10.2975/35.4.2012.337.340" || r.Year != 2012 {
		t.Errorf("doi %q year %d", r.DOI, r.Year)
	}
	if want := "Challenges faced by mental health peer support workers: Peer support from the peer supporter's point of view."; r.Title != want {
		t.Errorf("title %q", r.Title)
	}
	// The page shows five statements; the first is shown twice.
	if len(r.CitedBy) != 4 {
		t.Fatalf("%d statements, want 4", len(r.CitedBy))
	}
	st := r.CitedBy[0]
	if st.Section != "Introduction" || st.Intent != "mentioning" || st.Confidence != 0.94 {
		t.Errorf("statement 0: section %q intent %q confidence %v", st.Section, st.Intent, st.Confidence)
	}
	if st.Text[:12] != "In one study" || st.Text[len(st.Text)-6:] != "2009)." {
		t.Errorf("statement 0 text not stripped of its ellipses: %q", st.Text)
	}
	if got := r.CitedBy[1].Section; got != "The Existing Evidence On Peer Worker Roles In Mental Health" {
		t.Errorf("statement 1 section %q", got)
	}
	tl := r.Tallies
	if tl == nil {
		t.Fatal("no tallies")
	}
	for name, p := range map[string]*int{"citing": tl.CitingPublications, "statements": tl.Statements, "references": tl.References,
		"supporting": tl.Supporting, "mentioning": tl.Mentioning, "contrasting": tl.Contrasting, "unclassified": tl.Unclassified} {
		if p == nil {
			t.Errorf("tally %s missing", name)
		}
	}
	got := []int{*tl.CitingPublications, *tl.Statements, *tl.References, *tl.Supporting, *tl.Mentioning, *tl.Contrasting, *tl.Unclassified}
	if want := []int{124, 137, 10, 8, 126, 0, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("tallies %v, want %v", got, want)
	}
	if tl.CitingYears != [2]int{2014, 2022} {
		t.Errorf("citing years %v", tl.CitingYears)
	}
}

func TestSciteTruncatedAbstract(t *testing.T) {
	r := extract(t, filepath.Join("testdata", "seeds", "001_911e5b077376d86a.txt"))[0]
	if !r.AbstractTruncated || r.Abstract[len(r.Abstract)-len("expecta…"):] != "expecta…" {
		t.Errorf("abstract %q truncated=%v", r.Abstract, r.AbstractTruncated)
	}
	if len(r.CitedBy) != 4 || r.Tallies.Supporting == nil || *r.Tallies.Unclassified != 12 {
		t.Errorf("%d statements, tallies %+v", len(r.CitedBy), r.Tallies)
	}
}

func TestEmeraldListing(t *testing.T) {
	recs := extract(t, filepath.Join("testdata", "seeds", "004_57d47111400e8318.txt"))
	type entry struct {
		year                 int
		vol, iss, pages      string
		authors, sections    int
		title                string
		firstAuthor, lastSec string
	}
	want := []entry{
		{2015, "19", "4", "169-173", 1, 4, "A day in the life of a peer support worker: beginnings", "Watson, Emma", "Originality/value"},
		{2016, "20", "3", "149-152", 1, 4, "", "Watson, Emma", "Originality/value"},
		{2015, "19", "2", "68-72", 1, 4, "", "Watson, Emma", "Originality/value"},
		{2014, "9", "4", "222-231", 4, 5, "", "Lambert, Marissa", "Originality/value"},
		{2014, "18", "1", "35-44", 2, 4, "", "Conchar, Catherine", "Originality/value"},
		{2016, "20", "2", "80-91", 3, 7, "", "Gillard, Steve", "Originality/value"},
		{2020, "24", "1", "6-12", 1, 4, "", "Holttum, Sue", "Originality/value"},
		{2014, "18", "2", "59-60", 1, 4, "", "Watson, Emma", "Originality/value"},
		{2018, "23", "1", "37-53", 2, 5, "", "Gevaux, Nicole S.", "Originality/value"},
		{2018, "13", "3", "167-172", 1, 4, "", "Sinclair, Aimee", "Originality/value"},
		{2015, "19", "1", "52-55", 1, 4, "", "Hurley, Di", "Originality/value"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d entries, want %d", len(recs), len(want))
	}
	for i, w := range want {
		r := recs[i]
		got := entry{r.Year, r.Volume, r.Issue, r.Pages, len(r.Authors), len(r.AbstractSections), r.Title, "", ""}
		if len(r.Authors) > 0 {
			got.firstAuthor = r.Authors[0].String()
		}
		if n := len(r.AbstractSections); n > 0 {
			got.lastSec = r.AbstractSections[n-1].Label
		}
		if got != w {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, got, w)
		}
		if r.Venue != "" || r.Publisher != "Emerald" {
			t.Errorf("entry %d: venue %q publisher %q", i, r.Venue, r.Publisher)
		}
	}
	if s := recs[0].AbstractSections[0]; s.Label != "Purpose" || s.Text != "The purpose of this paper is to provide an insight into the day-to-day challenges and experiences of a peer support worker." {
		t.Errorf("first section %+v", s)
	}
}

func TestAcademiaPage(t *testing.T) {
	recs := extract(t, filepath.Join("testdata", "seeds", "003_da3d1577f37d4711.txt"))
	if len(recs) != 11 {
		t.Fatalf("%d records, want the page's paper and 10 related entries", len(recs))
	}
	page := recs[0]
	if page.Title != "Finding the right connections: Peer support within a community-based mental health service" {
		t.Errorf("page title %q", page.Title)
	}
	if len(page.Relations) != 10 {
		t.Errorf("%d relations, want 10", len(page.Relations))
	}
	for i, rel := range page.Relations {
		if rel.Kind != graph.RelRelated || rel.ID != recs[i+1].ID {
			t.Errorf("relation %d = %+v, want related to %s", i, rel, recs[i+1].ID)
		}
	}
	type entry struct {
		title string
		venue string
		year  int
	}
	want := []entry{
		{"", "Journal of Interprofessional Care", 2019},
		{"", "Journal of Health Organization and Management", 2020},
		{"Examining the potential for peer support work to enhance recovery-oriented practice", "", 0},
		{"", "Mental Health and Social Inclusion", 0},
		{"Peer support in mental health services", "Current opinion in psychiatry", 2014},
		{"Lean on me: The potential for peer support in a non-government Australian mental health service", "Asia Pacific Journal of Social Work and Development", 2014},
		{"Qualitative study of peer workers within the 'Partners in Recovery' programme in regional Australia", "International journal of mental health nursing", 2016},
		{"", "BMC Health Services Research", 2013},
		{"Evaluating the Selection, Training, and Support of Peer Support Workers in the United Kingdom", "Journal of Psychosocial Nursing and Mental Health Services", 2013},
		{"Peer support in mental health services (Review)", "Current Opinion in Psychiatry", 2014},
	}
	for i, w := range want {
		r := recs[i+1]
		if got := (entry{r.Title, r.Venue, r.Year}); got != w {
			t.Errorf("entry %d: got %+v want %+v", i, got, w)
		}
		if r.Abstract == "" {
			t.Errorf("entry %d has no abstract", i)
		}
	}
	last := recs[10]
	var names []string
	for _, a := range last.Authors {
		names = append(names, a.String())
	}
	if want := []string{"Mahlke, Candelaria", "Krämer, Ute Maria", "Becker, Thomas", "Bock, Thomas"}; !reflect.DeepEqual(names, want) {
		t.Errorf("authors %q, want %q", names, want)
	}
	if last.AbstractSections[0].Label != "Purpose of review" || len(last.AbstractSections) != 3 {
		t.Errorf("sections %+v", last.AbstractSections)
	}
}

func TestProQuestAbstract(t *testing.T) {
	r := extract(t, filepath.Join("testdata", "seeds", "002_a2b3dbdadc748e54.txt"))[0]
	if r.Identifiers["doc_number"] != "205" {
		t.Errorf("identifiers %v", r.Identifiers)
	}
	var labels []string
	for _, s := range r.AbstractSections {
		labels = append(labels, s.Label)
	}
	if want := []string{"Background", "Methods", "Results", "Conclusions"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("sections %v", labels)
	}
	if r.Title != "" || r.DOI != "" {
		t.Errorf("title %q doi %q: the page shows neither", r.Title, r.DOI)
	}
}
