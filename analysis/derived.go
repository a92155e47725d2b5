package analysis

import (
	"slices"
	"sort"
	"strconv"

	"github.com/citegraph/citegraph/graph"
)

// Bounds of the derived networks (DerivedNetworks), so that a large corpus
// gives maps VOSviewer opens, not gigabytes.
const (
	NetworkItems = 1000  // items kept: the greatest total link strength (terms: in most works)
	NetworkLinks = 50000 // links kept among them: the strongest
	TermMinWorks = 2     // works a term must occur in to be an item
)

// Derived is one derived network, bounded for drawing: its items (works,
// authors or terms) and the links among them.
type Derived struct {
	// Name is the network's file name part: "cocitation", "coupling",
	// "coauthorship" or "terms"; What says in words what its links are
	// ("co-citations").
	Name, What string
	// Items are the kept items, in increasing order of the network's node
	// number; Work is the node ID of each item's work (-1 for authors and
	// terms), Label its label for works or the author's name or term, and
	// Weight its weight (citations, references, occurrences; 0 for
	// authors).
	Items []DerivedItem
	// Links are the links among Items (indexes into Items, A < B in pair
	// order), the NetworkLinks strongest, ties by the pair; strengths are
	// raw counts.
	Links []Link
}

// DerivedItem is one item of a Derived network.
type DerivedItem struct {
	Work   int64
	Name   string // the author or term; "" for works
	Weight float64
}

// Link is one undirected link between two items of a network.
type Link struct {
	A, B     int
	Strength float64
}

// DerivedNetworks returns the derived networks of g in this order:
// co-citation and bibliographic coupling of the works (weights: citations
// and references in the corpus, in and out degree), co-authorship and term
// co-occurrence of titles and abstracts (weights: works the term occurs
// in). Each keeps the NetworkItems items of greatest total link strength
// (terms: in most works) and the NetworkLinks strongest links among them.
// keepWork, when not nil, leaves out works (as items and as shared ends).
// Link strengths are raw counts; VOSviewer normalises them itself
// (association strength, its default), so they are not normalised twice.
// Cost is O(m) plus that of the bounded networks.
func DerivedNetworks(g *graph.Graph, c *graph.Compact, in, out []int, keepWork func(int32) bool) []Derived {
	if keepWork == nil {
		keepWork = func(int32) bool { return true }
	}
	workItems := func(ids []int32, weight []int) func(v int32) DerivedItem {
		return func(v int32) DerivedItem {
			return DerivedItem{Work: int64(ids[v]), Weight: float64(weight[ids[v]])}
		}
	}
	cocitIDs, cocit := WorkNetwork(c, keepWork, false, NetworkItems)
	coupIDs, coup := WorkNetwork(c, keepWork, true, NetworkItems)
	names, coauth := CoAuthorship(g)
	terms, termNet, occurrences := TermNetwork(g)
	var out2 []Derived
	for _, d := range []struct {
		name, what string
		nw         Network
		item       func(v int32) DerivedItem
	}{
		{"cocitation", "co-citations", cocit, workItems(cocitIDs, in)},
		{"coupling", "bibliographic couplings", coup, workItems(coupIDs, out)},
		{"coauthorship", "co-authorships", coauth, func(v int32) DerivedItem {
			return DerivedItem{Work: -1, Name: names[v]}
		}},
		{"terms", "co-occurring terms", termNet, func(v int32) DerivedItem {
			return DerivedItem{Work: -1, Name: terms[v], Weight: float64(occurrences[v])}
		}},
	} {
		nodes, links := BoundNetwork(d.nw, nil, NetworkItems, NetworkLinks)
		dn := Derived{Name: d.name, What: d.what, Links: links}
		for _, v := range nodes {
			dn.Items = append(dn.Items, d.item(v))
		}
		out2 = append(out2, dn)
	}
	return out2
}

// WorkNetwork returns the co-citation network (coupling false) or the
// bibliographic coupling network (coupling true) of the maxItems works
// keep accepts with the greatest total link strength to the others it
// accepts (ties by node), and the node ID of each of its nodes. The whole
// network of a large corpus is far too big to build and then bound (the
// coupling network of a 20,000-work grown corpus took 24 s), so the
// strengths are summed first, O(m): a work's co-citation strength is
// Σ (k(u) − 1) over the works u citing it, k(u) being the accepted works u
// cites; its coupling strength Σ (k(w) − 1) over the works w it cites, k(w)
// the accepted works citing w. The network of the chosen works is then
// CoCitation or Coupling of the citations that make it: those into them,
// or those out of them.
func WorkNetwork(c *graph.Compact, keep func(int32) bool, coupling bool, maxItems int) (ids []int32, nw Network) {
	n := c.Len()
	from, to := c.In(), c.Out() // co-citation: items are cited, shared ends cite
	if coupling {
		from, to = c.Out(), c.In()
	}
	k := make([]int, n) // kept items at the far end of each shared end
	for u := range int32(n) {
		for _, v := range to.Row(u) {
			if keep(v) {
				k[u]++
			}
		}
	}
	strength := make([]int, n)
	var chosen []int32
	for v := range int32(n) {
		if !keep(v) {
			continue
		}
		for _, u := range from.Row(v) {
			strength[v] += k[u] - 1
		}
		if strength[v] > 0 {
			chosen = append(chosen, v)
		}
	}
	if len(chosen) > maxItems {
		sort.SliceStable(chosen, func(i, j int) bool { return strength[chosen[i]] > strength[chosen[j]] })
		chosen = chosen[:maxItems]
		slices.Sort(chosen)
	}
	b := graph.NewCompactBuilder()
	node := func(v int32) int32 { return b.Node(strconv.Itoa(int(v))) }
	for _, v := range chosen {
		x := node(v)
		for _, u := range from.Row(v) {
			if coupling {
				b.Cite(x, node(u), 1)
			} else {
				b.Cite(node(u), x, 1)
			}
		}
	}
	sub := b.Build()
	if coupling {
		nw = Coupling(sub)
	} else {
		nw = CoCitation(sub)
	}
	ids = make([]int32, sub.Len())
	for v := range ids {
		id, _ := strconv.Atoi(sub.Key(int32(v)))
		ids[v] = int32(id)
	}
	// Works outside the chosen ones (shared ends) are in sub but have no
	// links, except one also chosen, which is welcome.
	return ids, nw
}

// TermNetwork returns the term co-occurrence network of the works' titles
// and abstracts, the terms, and the number of works each occurs in. The
// terms are the NetworkItems in most works (ties by term), in at least
// TermMinWorks. Unnamed citing works have neither and are left out.
func TermNetwork(g *graph.Graph) (terms []string, nw Network, occurrences []int) {
	var docs [][]string
	for _, w := range g.Works() {
		if w.Kind == graph.KindCiting {
			continue
		}
		text := w.Title
		if w.Abstract != "" {
			text += "\n" + w.Abstract
		} else {
			for _, s := range w.AbstractSections {
				text += "\n" + s.Text
			}
		}
		docs = append(docs, Terms(text))
	}
	df := docFrequency(docs)
	var frequent []string
	for t, k := range df {
		if k >= TermMinWorks {
			frequent = append(frequent, t)
		}
	}
	sort.Slice(frequent, func(i, j int) bool {
		a, b := frequent[i], frequent[j]
		return df[a] > df[b] || df[a] == df[b] && a < b
	})
	keepTerm := make(map[string]bool, NetworkItems)
	for _, t := range frequent[:min(NetworkItems, len(frequent))] {
		keepTerm[t] = true
	}
	for i, d := range docs {
		docs[i] = slices.DeleteFunc(d, func(t string) bool { return !keepTerm[t] })
	}
	terms, nw = TermCoOccurrence(docs, TermMinWorks)
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t] = i
	}
	occurrences = make([]int, len(terms))
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if i, ok := index[t]; ok && !seen[t] {
				seen[t] = true
				occurrences[i]++
			}
		}
	}
	return terms, nw, occurrences
}

// BoundNetwork returns the nodes (in increasing order) and links kept of
// nw: among the nodes keep accepts (nil: all), those with links to other
// kept nodes; of them the maxItems with the greatest total link strength
// (ties by node), as VOSviewer selects items; and of the links among those
// the maxLinks strongest (ties by the pair). Link ends are indexes into
// nodes.
func BoundNetwork(nw Network, keep func(int32) bool, maxItems, maxLinks int) (nodes []int32, links []Link) {
	if keep == nil {
		keep = func(int32) bool { return true }
	}
	n := nw.Len()
	strength := make([]float64, n)
	for v := range int32(n) {
		if !keep(v) {
			continue
		}
		adj, w := nw.Row(v)
		for i, u := range adj {
			if keep(u) {
				strength[v] += w[i]
			}
		}
		if strength[v] > 0 {
			nodes = append(nodes, v)
		}
	}
	if len(nodes) > maxItems {
		sort.SliceStable(nodes, func(i, j int) bool { return strength[nodes[i]] > strength[nodes[j]] })
		nodes = nodes[:maxItems]
		slices.Sort(nodes)
	}
	index := make(map[int32]int, len(nodes))
	for i, v := range nodes {
		index[v] = i
	}
	for i, v := range nodes {
		adj, w := nw.Row(v)
		for k, u := range adj {
			if j, ok := index[u]; ok && u > v {
				links = append(links, Link{A: i, B: j, Strength: w[k]})
			}
		}
	}
	if len(links) > maxLinks {
		// links are in pair order: a stable sort breaks ties by the pair.
		sort.SliceStable(links, func(i, j int) bool { return links[i].Strength > links[j].Strength })
		links = links[:maxLinks]
	}
	return nodes, links
}
