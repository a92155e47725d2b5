package analysis

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/graph/simple"

	"github.com/citegraph/citegraph/graph"
)

// CommunityGraph returns the undirected weighted graph whose communities
// Communities finds. Its nodes are all the works of g, isolated ones too,
// as the *graph.Work values themselves, so node IDs are work IDs. Between
// two works the weights of all their links add up:
//
//   - each Cites edge adds w.Cites (a citation in each direction adds it
//     twice); a self-citation adds nothing;
//   - each CoCited edge adds w.CoCited × N, N being the number of
//     statements citing both works together;
//   - each Related edge adds w.Related;
//   - each text link adds w.Text × cosine.
//
// Text links join every work that has text (WorkText has at least one term;
// see "Terms" in the package documentation) to its textLinks most similar
// other works by TF-IDF cosine, ties broken by lower ID, counting only
// pairs whose cosine is at least 0.05; a pair chosen from both ends is
// linked once. TF-IDF is scikit-learn's default: raw term counts times
// ln((1+N)/(1+df)) + 1 over the N works with text, vectors of unit length. textLinks
// ≤ 0 adds no text links. Text links exist because scraped listings hold
// many works with no citation link at all (eleven Emerald journal entries in
// one of our seed listings are isolated): Louvain would leave each of them
// alone in a community of one, whereas a text link lets it join the theme
// whose vocabulary it shares. With the default weights a text link weighs at
// most half a citation, so citation structure still decides where the
// linked works go.
//
// Weights are used as given (Options.WithDefaults supplies the defaults);
// a zero weight leaves that kind of link out, and pairs whose total weight
// is zero get no edge. The simple graph never holds self-loops, and its
// self weight and absent weight are 0, as modularity needs.
// CommunityGraph panics if a weight is negative or NaN. Cost is that of
// the text links (see textNeighbours) plus O(n + m log m) for m links.
func CommunityGraph(g *graph.Graph, w Weights, textLinks int) *simple.WeightedUndirectedGraph {
	var terms [][]string
	if textLinks > 0 && w.Text != 0 {
		terms = workTerms(g)
	}
	return communityGraph(g, w, textLinks, terms)
}

// communityGraph is CommunityGraph with the works' terms computed by the
// caller (nil when no text links are wanted).
func communityGraph(g *graph.Graph, w Weights, textLinks int, terms [][]string) *simple.WeightedUndirectedGraph {
	for _, x := range []float64{w.Cites, w.CoCited, w.Related, w.Text} {
		if x < 0 || math.IsNaN(x) {
			panic(fmt.Sprintf("analysis: invalid community graph weights %+v", w))
		}
	}
	cg := simple.NewWeightedUndirectedGraph(0, 0)
	for _, work := range g.Works() {
		cg.AddNode(work)
	}
	// Weights add up per pair in the fixed order of g's edges and then the
	// text pairs, so every sum is the same on every run.
	weight := map[[2]int64]float64{}
	add := func(a, b int64, x float64) {
		if a == b || x == 0 {
			return
		}
		if b < a {
			a, b = b, a
		}
		weight[[2]int64{a, b}] += x
	}
	for _, e := range g.Edges(graph.Cites) {
		add(e.F.ID(), e.T.ID(), w.Cites)
	}
	for _, e := range g.Edges(graph.CoCited) {
		add(e.F.ID(), e.T.ID(), w.CoCited*float64(e.N))
	}
	for _, e := range g.Edges(graph.Related) {
		add(e.F.ID(), e.T.ID(), w.Related)
	}
	if w.Text != 0 {
		for _, p := range textNeighbours(terms, textLinks) {
			add(p.a, p.b, w.Text*p.cosine)
		}
	}
	pairs := make([][2]int64, 0, len(weight))
	for ab := range weight {
		pairs = append(pairs, ab)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	works := g.Works()
	for _, ab := range pairs {
		if x := weight[ab]; x > 0 {
			cg.SetWeightedEdge(cg.NewWeightedEdge(works[ab[0]], works[ab[1]], x))
		}
	}
	return cg
}
