package analysis_test

import (
	"math"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// titled builds a graph of works known by title alone and returns it with
// the node ID of each title.
func titled(t *testing.T, titles ...string) (*graph.Graph, map[string]int64) {
	t.Helper()
	recs := make([]graph.Record, len(titles))
	for i, s := range titles {
		recs[i] = graph.Record{Title: s}
	}
	g := graph.Build(recs)
	ids := map[string]int64{}
	for _, w := range g.Works() {
		ids[w.Title] = w.ID()
	}
	if len(ids) != len(titles) {
		t.Fatalf("graph has %d works, want %d", len(ids), len(titles))
	}
	return g, ids
}

// TestThemesScores checks c-TF-IDF against numbers worked out by hand from
// BERTopic's formula W(t,c) = tf(t,c)/|c| · ln(1 + A/f(t)).
//
// Class 0 is "Apple banana apple": terms apple ×2, banana, "apple banana",
// "banana apple" (|c| = 5). Class 1 is "Cherry banana": cherry, banana,
// "cherry banana" (|c| = 3). A = 8/2 = 4; f(apple) = f(banana) = 2, every
// other term 1.
//
//	class 0: apple 2/5·ln 3 > "apple banana" = "banana apple" 1/5·ln 5 > banana 1/5·ln 3
//	class 1: "cherry banana" = cherry 1/3·ln 5 > banana 1/3·ln 3
//
// In class 0 the bigrams lose their place to "apple", which scores higher;
// in class 1 the bigram ties with "cherry" and goes first, and its words
// are then left out.
func TestThemesScores(t *testing.T) {
	g, ids := titled(t, "Apple banana apple", "Cherry banana")
	community := make([]int, 2)
	community[ids["Cherry banana"]] = 1
	got := analysis.Themes(g, community, nil, 3)
	want := []analysis.Theme{
		{ID: 0, Label: "apple, banana", Terms: []string{"apple", "banana"},
			Scores: []float64{2.0 / 5 * math.Log(3), 1.0 / 5 * math.Log(3)}, Size: 1, Top: []int64{ids["Apple banana apple"]}},
		{ID: 1, Label: "cherry banana", Terms: []string{"cherry banana"},
			Scores: []float64{1.0 / 3 * math.Log(5)}, Size: 1, Top: []int64{ids["Cherry banana"]}},
	}
	if len(got) != len(want) {
		t.Fatalf("Themes = %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Label != w.Label || !slices.Equal(g.Terms, w.Terms) || len(g.Scores) != len(w.Scores) ||
			g.Size != w.Size || !slices.Equal(g.Top, w.Top) {
			t.Errorf("theme %d = %+v, want %+v", i, g, w)
			continue
		}
		for j := range w.Scores {
			if !near(g.Scores[j], w.Scores[j], 1e-12) {
				t.Errorf("theme %d: score of %q = %v, want %v", i, g.Terms[j], g.Scores[j], w.Scores[j])
			}
		}
	}
}

// TestThemesLabels runs Themes on two obvious themes, peer support work and
// the transition from child to adult mental health services, and wants
// each labelled by its own vocabulary.
func TestThemesLabels(t *testing.T) {
	titles := []string{
		"Peer support workers in mental health teams",
		"Challenges faced by peer support workers in mental health",
		"Training and supervision of peer support workers",
		"Transition from CAMHS to adult services for young people",
		"Young people's experiences of transition from CAMHS",
		"Planning the transition of young people leaving CAMHS",
	}
	g, ids := titled(t, titles...)
	community := make([]int, len(titles))
	for _, s := range titles[3:] {
		community[ids[s]] = 1
	}
	got := analysis.Themes(g, community, nil, 3)
	// Every title of a theme holds its first three terms, so they tie;
	// the bigram goes first. "mental health" is in two titles of six.
	want := []string{"peer support, workers, mental health", "young people, camhs, transition"}
	for i, w := range want {
		if got[i].Label != w {
			t.Errorf("theme %d label = %q, want %q (terms %q, scores %v)", i, got[i].Label, w, got[i].Terms, got[i].Scores)
		}
	}
}

func TestThemesTopAndEmpty(t *testing.T) {
	// Two works with text in community 0; community 1 holds a work with
	// only stopwords in its title and one without a title.
	g, ids := titled(t, "Stigma and recovery", "Recovery colleges", "The study of the", "")
	community := make([]int, 4)
	community[ids["The study of the"]] = 1
	community[ids[""]] = 1
	rank := make([]float64, 4)
	rank[ids["Stigma and recovery"]] = 0.1
	rank[ids["Recovery colleges"]] = 0.5
	got := analysis.Themes(g, community, rank, 2)
	if top := got[0].Top; !slices.Equal(top, []int64{ids["Recovery colleges"], ids["Stigma and recovery"]}) {
		t.Errorf("theme 0 Top = %v, want by PageRank", top)
	}
	empty := got[1]
	if empty.Label != "" || empty.Terms == nil || len(empty.Terms) != 0 || empty.Scores == nil || empty.Size != 2 {
		t.Errorf("theme without text = %+v, want no label, empty non-nil terms, size 2", empty)
	}
	// Ties in PageRank go by ID.
	if top := got[1].Top; !slices.IsSorted(top) {
		t.Errorf("theme 1 Top = %v, want ID order on equal ranks", top)
	}
	if got := analysis.Themes(g, community, rank, 0); got[0].Label != "" || len(got[0].Terms) != 0 {
		t.Errorf("Themes with 0 terms labelled %q", got[0].Label)
	}
}

// TestThemesCorpusTerms: a term in more than half of all texts names the
// corpus, not a theme, so it stays out of labels while other terms remain;
// a term mostly found in another theme gives way too.
func TestThemesCorpusTerms(t *testing.T) {
	g, ids := titled(t,
		"Peer support and transition clinics", "Peer support in transition care", "Peer support for transition",
		"Peer support and hospital discharge", "Peer support after discharge planning", "Discharge letters and peer support",
		"Stroke rehabilitation units", "Stroke rehabilitation at home")
	community := make([]int, g.Len())
	for title, id := range ids {
		switch {
		case slices.Contains([]string{"Peer support and transition clinics", "Peer support in transition care", "Peer support for transition"}, title):
			community[id] = 0
		case slices.Contains([]string{"Stroke rehabilitation units", "Stroke rehabilitation at home"}, title):
			community[id] = 2
		default:
			community[id] = 1
		}
	}
	th := analysis.Themes(g, community, nil, 1)
	// "peer support" is in 6 of 8 titles: never a label while others fit.
	if th[0].Label != "transition" || th[1].Label != "discharge" || th[2].Label != "stroke rehabilitation" {
		t.Errorf("labels %q, %q, %q", th[0].Label, th[1].Label, th[2].Label)
	}
}
