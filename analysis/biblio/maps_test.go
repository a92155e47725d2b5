package biblio_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis/biblio"
)

func kwDocs(year int, kws ...string) []biblio.Doc {
	var docs []biblio.Doc
	for _, k := range kws {
		docs = append(docs, biblio.Doc{Year: year, AuthorKeywords: strings.Fields(k)})
	}
	return docs
}

func netString(nw biblio.Network) string {
	var b strings.Builder
	for _, it := range nw.Items {
		fmt.Fprintf(&b, "%s:%d/%d ", it.Label, it.Documents, it.Cluster)
	}
	for _, l := range nw.Links {
		fmt.Fprintf(&b, "%s-%s:%d ", nw.Items[l.A].Label, nw.Items[l.B].Label, l.Documents)
	}
	return strings.TrimSpace(b.String())
}

// TestKeywordNetwork: documents and co-occurrences counted by hand; the
// two groups {A, B, C} and {D, E} are Leiden's communities (C links to A
// and B by association strength 1/6 each, to D by 1/6).
func TestKeywordNetwork(t *testing.T) {
	docs := kwDocs(2000, "A B C", "A B", "A B", "C D", "D E", "D E E")
	got := netString(biblio.KeywordNetwork(docs, "author", biblio.MapOptions{Seed: 1}))
	want := "A:3/0 B:3/0 D:3/1 C:2/0 E:2/1 A-B:3 A-C:1 B-C:1 D-C:1 D-E:2"
	if got != want {
		t.Errorf("network =\n%s\nwant\n%s", got, want)
	}
	// Top 2 keeps A and B (most documents, ties by name).
	if got := netString(biblio.KeywordNetwork(docs, "author", biblio.MapOptions{Top: 2})); got != "A:3/0 B:3/0 A-B:3" {
		t.Errorf("top 2 = %s", got)
	}
	cn := biblio.CountryNetwork([]biblio.Doc{{Countries: []string{"FRANCE", "USA"}}, {Countries: []string{"USA"}},
		{Countries: []string{"FRANCE", "USA", "CHINA"}}}, biblio.MapOptions{})
	var links []string
	for _, l := range cn.Links {
		links = append(links, fmt.Sprint(cn.Items[l.A].Label, "-", cn.Items[l.B].Label, ":", l.Documents))
	}
	if got := strings.Join(links, " "); got != "USA-FRANCE:2 USA-CHINA:1 FRANCE-CHINA:1" {
		t.Errorf("country links = %s", got)
	}
}

// TestThematic: Callon's centrality and density by hand on the network of
// TestKeywordNetwork, equivalence index e = c²/(c_i c_j): e(A,B) = 9/9,
// e(A,C) = e(B,C) = e(C,D) = 1/6, e(D,E) = 4/6. {A,B,C}: density 100 ·
// (1 + 1/6 + 1/6) / 3 = 44.44, centrality 10 · 1/6 = 1.667; {D,E}: density
// 100 · (2/3) / 2 = 33.33, centrality 1.667. Ranks: centrality tied (1.5
// each), density 2 and 1; the mean rank 1.5: {A,B,C} motor, {D,E} basic.
// F, in two documents without another keyword, is left out (bibliometrix's
// remove.isolates); G, in one, is below the threshold.
func TestThematic(t *testing.T) {
	docs := kwDocs(2000, "A B C", "A B", "A B", "C D", "D E", "D E E", "F", "F G")
	tm := biblio.Thematic(docs, "author", 1)
	if tm.MinDocuments != 2 || len(tm.Themes) != 2 || tm.Isolated != 1 {
		t.Fatalf("map = %+v", tm)
	}
	var got []string
	for _, th := range tm.Themes {
		got = append(got, fmt.Sprintf("%s %v %d c%.4f d%.4f r%.1f/%.1f %s", th.Label, th.Words, th.Documents, th.Centrality, th.Density,
			th.RankCentrality, th.RankDensity, th.Quadrant))
	}
	want := "A [A B C] 8 c1.6667 d44.4444 r1.5/2.0 motor|D [D E] 5 c1.6667 d33.3333 r1.5/1.0 basic"
	if strings.Join(got, "|") != want {
		t.Errorf("themes =\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if biblio.MinDocuments(1000) != 5 || biblio.MinDocuments(300) != 2 {
		t.Error("MinDocuments differs from max(2, ⌊5·n/1000⌋)")
	}
}

// TestThematicEvolution: 2000 maps {A, B}, 2001 {A, C}; they share A:
// inclusion 1 / min(2, 2) = 0.5. Cuts outside the timespan are ignored.
func TestThematicEvolution(t *testing.T) {
	docs := append(kwDocs(2000, "A B", "A B"), kwDocs(2001, "A C", "A C", "B")...)
	ev := biblio.ThematicEvolution(docs, "author", []int{2005, 2000, 1990, 2000}, 1)
	if len(ev.Periods) != 2 || ev.Periods[0].PeriodLabel() != "2000" || ev.Periods[1].PeriodLabel() != "2001" {
		t.Fatalf("periods = %+v", ev.Periods)
	}
	if len(ev.Links) != 1 {
		t.Fatalf("links = %+v", ev.Links)
	}
	l := ev.Links[0]
	a, b := ev.Periods[0].Themes[l.From], ev.Periods[1].Themes[l.To]
	if got := fmt.Sprint(a.Words, b.Words, l.Inclusion, l.Shared); got != "[A B] [A C] 0.5 [A]" {
		t.Errorf("link = %s", got)
	}
	if ev := biblio.ThematicEvolution(kwDocs(0, "A B"), "author", []int{2000}, 1); len(ev.Periods) != 0 {
		t.Errorf("undated documents mapped: %+v", ev.Periods)
	}
}
