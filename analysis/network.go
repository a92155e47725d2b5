package analysis

import (
	"slices"
	"sort"
	"sync"

	"github.com/citegraph/citegraph/graph"
)

// Network is an undirected weighted network in compressed rows: the
// neighbours of node v are Adj[Start[v]:Start[v+1]], in increasing order,
// with weights W alongside; every link is stored from both ends and no
// node links to itself. Derived networks (co-citation, coupling,
// co-authorship, term co-occurrence) and the citation graph seen without
// direction (CitationNetwork) are Networks, and Leiden divides any of them.
type Network struct {
	Start []int64
	Adj   []int32
	W     []float64
}

// Len returns the number of nodes.
func (nw Network) Len() int { return max(0, len(nw.Start)-1) }

// Links returns the number of links (each counted once).
func (nw Network) Links() int { return len(nw.Adj) / 2 }

// Row returns the neighbours of v and the weights of the links.
func (nw Network) Row(v int32) ([]int32, []float64) {
	lo, hi := nw.Start[v], nw.Start[v+1]
	return nw.Adj[lo:hi], nw.W[lo:hi]
}

// Weight returns the weight of the link between u and v, 0 if none.
// Cost is O(log d).
func (nw Network) Weight(u, v int32) float64 {
	adj, w := nw.Row(u)
	if i, ok := slices.BinarySearch(adj, v); ok {
		return w[i]
	}
	return 0
}

// Strength returns each node's total link weight.
func (nw Network) Strength() []float64 {
	s := make([]float64, nw.Len())
	for v := range s {
		for _, x := range nw.W[nw.Start[v]:nw.Start[v+1]] {
			s[v] += x
		}
	}
	return s
}

// CitationNetwork returns the citation graph without direction: works are
// linked when one cites the other, with the citation's weight (its
// number of observations N for a Graph, repeats for an edge list),
// and a pair citing each other gets the sum of both. This is the network
// igraph's as_undirected(mode="each") makes, whose communities are the
// citation communities. Cost is O(n + m).
func CitationNetwork(g Citations) Network {
	c := compactOf(g)
	n := c.Len()
	out, in := c.Out(), c.In()
	nw := Network{Start: make([]int64, n+1)}
	nw.Adj = make([]int32, 0, 2*len(out.Adj))
	nw.W = make([]float64, 0, 2*len(out.Adj))
	wt := func(a graph.Adjacency, p int64) float64 {
		if a.W == nil {
			return 1
		}
		return a.W[p]
	}
	for v := range int32(n) {
		nw.Start[v] = int64(len(nw.Adj))
		// Merge the sorted out- and in-rows.
		p, q := out.Start[v], in.Start[v]
		pe, qe := out.Start[v+1], in.Start[v+1]
		for p < pe || q < qe {
			switch {
			case q >= qe || p < pe && out.Adj[p] < in.Adj[q]:
				nw.Adj, nw.W = append(nw.Adj, out.Adj[p]), append(nw.W, wt(out, p))
				p++
			case p >= pe || in.Adj[q] < out.Adj[p]:
				nw.Adj, nw.W = append(nw.Adj, in.Adj[q]), append(nw.W, wt(in, q))
				q++
			default:
				nw.Adj, nw.W = append(nw.Adj, out.Adj[p]), append(nw.W, wt(out, p)+wt(in, q))
				p++
				q++
			}
		}
	}
	nw.Start[n] = int64(len(nw.Adj))
	return nw
}

// cooccurrence returns the network on the n rows of b in which rows x and
// y are linked with weight Σ_f b(x,f)·b(y,f), summed over the features f
// they share, bt being the transpose of b (features → rows). It is
// Gustavson's row-by-row sparse product: each row's links are gathered in
// a dense accumulator and written out, so memory is that of the result,
// never of all the co-occurring pairs at once. Rows are computed on
// GOMAXPROCS goroutines in blocks and joined in row order.
func cooccurrence(n int, b, bt graph.Adjacency) Network {
	nbk := nblocks(n)
	type part struct {
		deg []int64
		adj []int32
		w   []float64
	}
	parts := make([]part, nbk)
	bw := func(a graph.Adjacency, p int64) float64 {
		if a.W == nil {
			return 1
		}
		return a.W[p]
	}
	parallel(nbk, func(k int) {
		lo, hi := k*blockSize, min(n, (k+1)*blockSize)
		acc := map[int32]float64{}
		var dense []float64
		var touched []int32
		if n <= 1<<22 {
			dense = denseFloats(n)
			defer densePool.Put(&dense)
		}
		pt := part{deg: make([]int64, hi-lo)}
		for x := lo; x < hi; x++ {
			touched = touched[:0]
			for p := b.Start[x]; p < b.Start[x+1]; p++ {
				f, wf := b.Adj[p], bw(b, p)
				for q := bt.Start[f]; q < bt.Start[f+1]; q++ {
					y := bt.Adj[q]
					if int(y) == x {
						continue
					}
					add := wf * bw(bt, q)
					if dense != nil {
						if dense[y] == 0 {
							touched = append(touched, y)
						}
						dense[y] += add
					} else {
						if _, ok := acc[y]; !ok {
							touched = append(touched, y)
						}
						acc[y] += add
					}
				}
			}
			slices.Sort(touched)
			for _, y := range touched {
				var w float64
				if dense != nil {
					w, dense[y] = dense[y], 0
				} else {
					w = acc[y]
					delete(acc, y)
				}
				pt.adj = append(pt.adj, y)
				pt.w = append(pt.w, w)
			}
			pt.deg[x-lo] = int64(len(touched))
		}
		parts[k] = pt
	})
	nw := Network{Start: make([]int64, n+1)}
	total := 0
	for _, pt := range parts {
		total += len(pt.adj)
	}
	nw.Adj = make([]int32, 0, total)
	nw.W = make([]float64, 0, total)
	v := 0
	for _, pt := range parts {
		for _, d := range pt.deg {
			nw.Start[v+1] = nw.Start[v] + d
			v++
		}
		nw.Adj = append(nw.Adj, pt.adj...)
		nw.W = append(nw.W, pt.w...)
	}
	return nw
}

// CoCitation returns the co-citation network of the works (H. Small,
// Co-citation in the scientific literature, JASIS 24 (1973) 265–269): two
// works are linked with weight the number of works in the graph citing
// both. Cost is O(Σ_u out(u)²) time over citing works u, memory that of
// the result.
func CoCitation(g Citations) Network {
	c := compactOf(g)
	return cooccurrence(c.Len(), unweighted(c.In()), unweighted(c.Out()))
}

// Coupling returns the bibliographic coupling network of the works (M. M.
// Kessler, Bibliographic coupling between scientific papers, American
// Documentation 14 (1963) 10–25): two works are linked with weight the
// number of works both cite. Cost is O(Σ_v in(v)²) over cited works v.
func Coupling(g Citations) Network {
	c := compactOf(g)
	return cooccurrence(c.Len(), unweighted(c.Out()), unweighted(c.In()))
}

func unweighted(a graph.Adjacency) graph.Adjacency {
	a.W = nil
	return a
}

// AssociationStrength returns nw with every weight normalised by
// association strength, as VOSviewer normalises co-occurrence networks
// (N. J. van Eck and L. Waltman, How to normalize cooccurrence data?,
// JASIST 60 (2009) 1635–1651; VOSviewer's manual, "association strength"):
//
//	s(x, y) = 2m · c(x, y) / (c(x) · c(y)),
//
// where c(x, y) is the weight of the link, c(x) the total weight of x's
// links and m the total weight of all links. s is 1 for a pair that
// co-occurs as often as independence predicts, whatever the two nodes'
// frequencies, so that frequent works do not dominate the map. Cost is
// O(n + m).
func AssociationStrength(nw Network) Network {
	s := nw.Strength()
	var m2 float64
	for _, x := range s {
		m2 += x
	}
	out := Network{Start: nw.Start, Adj: nw.Adj, W: make([]float64, len(nw.W))}
	for v := range int32(nw.Len()) {
		for p := nw.Start[v]; p < nw.Start[v+1]; p++ {
			out.W[p] = m2 * nw.W[p] / (s[v] * s[nw.Adj[p]])
		}
	}
	return out
}

// bipartite returns the rows → items adjacency of sets given as lists
// (each item once per row, sorted), and its transpose.
func bipartite(rows [][]int32, items int) (b, bt graph.Adjacency) {
	b.Start = make([]int64, len(rows)+1)
	for i, r := range rows {
		b.Start[i+1] = b.Start[i] + int64(len(r))
		b.Adj = append(b.Adj, r...)
	}
	bt.Start = graph.RowStarts(items, b.Adj)
	bt.Adj = make([]int32, len(b.Adj))
	pos := slices.Clone(bt.Start[:items])
	for i, r := range rows {
		for _, x := range r {
			bt.Adj[pos[x]] = int32(i)
			pos[x]++
		}
	}
	return b, bt
}

// CoAuthorship returns the co-authorship network of g's works: one node
// per author (named "Family, Given" as the works give them, folded
// together when graph.Fold of "Family, first initial" agrees), linked with
// weight the number of works they wrote together (full counting, as
// VOSviewer counts by default). names lists the authors in node order,
// sorted by folded key. Cost is O(Σ_w a_w²) over works w with a_w authors.
func CoAuthorship(g *graph.Graph) (names []string, nw Network) {
	keyOf := func(a graph.Author) string {
		k := graph.Fold(a.Family)
		if r := []rune(graph.Fold(a.Given)); len(r) > 0 {
			k += ", " + string(r[0])
		}
		return k
	}
	display := map[string]string{}
	for _, w := range g.Works() {
		for _, a := range w.Authors {
			if a.Family == "" {
				continue
			}
			k := keyOf(a)
			if d, ok := display[k]; !ok || len(a.String()) > len(d) || len(a.String()) == len(d) && a.String() < d {
				display[k] = a.String()
			}
		}
	}
	keys := make([]string, 0, len(display))
	for k := range display {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	index := make(map[string]int32, len(keys))
	names = make([]string, len(keys))
	for i, k := range keys {
		index[k] = int32(i)
		names[i] = display[k]
	}
	rows := make([][]int32, 0, g.Len())
	for _, w := range g.Works() {
		var r []int32
		for _, a := range w.Authors {
			if a.Family != "" {
				r = append(r, index[keyOf(a)])
			}
		}
		slices.Sort(r)
		rows = append(rows, slices.Compact(r))
	}
	// rows: works → authors; co-authorship is the product of its
	// transpose with itself.
	wa, aw := bipartite(rows, len(names))
	return names, cooccurrence(len(names), aw, wa)
}

// TermCoOccurrence returns the co-occurrence network of the terms of
// docs (one list of terms per work, as WorkTerms gives them): terms found
// in at least minDocs works are the nodes, named in terms (sorted), and
// two are linked with weight the number of works whose text holds both
// (binary counting, as VOSviewer's text maps count). minDocs < 1 means 1.
// Cost is O(Σ_d t_d²) over works d with t_d kept terms.
func TermCoOccurrence(docs [][]string, minDocs int) (terms []string, nw Network) {
	df := docFrequency(docs)
	for t, k := range df {
		if k >= max(1, minDocs) {
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	index := make(map[string]int32, len(terms))
	for i, t := range terms {
		index[t] = int32(i)
	}
	rows := make([][]int32, len(docs))
	for i, d := range docs {
		var r []int32
		for _, t := range d {
			if x, ok := index[t]; ok {
				r = append(r, x)
			}
		}
		slices.Sort(r)
		rows[i] = slices.Compact(r)
	}
	dt, td := bipartite(rows, len(terms))
	if terms == nil {
		terms = []string{}
	}
	return terms, cooccurrence(len(terms), td, dt)
}

// WorkTerms returns the terms of every work's text (WorkText), indexed by
// node ID, as the theme labels and text links use them (see "Terms" in
// the package documentation).
func WorkTerms(g *graph.Graph) [][]string { return workTerms(g) }

// Terms returns the terms of a text, in order of appearance, as WorkTerms
// cuts them.
func Terms(text string) []string { return termsOf(text) }

// CompactTerms returns the bag of terms of every node of c (its Terms
// rows as strings), indexed by node.
func CompactTerms(c *graph.Compact) [][]string {
	adj, vocab := c.Terms()
	out := make([][]string, c.Len())
	for v := range int32(c.Len()) {
		row := adj.Row(v)
		if len(row) == 0 {
			continue
		}
		ts := make([]string, len(row))
		for i, t := range row {
			ts[i] = vocab[t]
		}
		out[v] = ts
	}
	return out
}

// densePool keeps the accumulators of cooccurrence between blocks (they
// are returned zeroed).
var densePool sync.Pool

// denseFloats returns a zeroed slice of n floats, reused when one of that
// size is pooled.
func denseFloats(n int) []float64 {
	if p, ok := densePool.Get().(*[]float64); ok && len(*p) == n {
		return *p
	}
	return make([]float64, n)
}

func slicesSort(s []int32) { slices.Sort(s) }

// docFrequency returns the number of docs each term occurs in.
func docFrequency(docs [][]string) map[string]int {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	return df
}
