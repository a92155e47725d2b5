package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	gograph "gonum.org/v1/gonum/graph"
)

// Communities divides the undirected weighted graph cg into communities by
// the Louvain method (V. D. Blondel et al., Fast unfolding of communities in
// large networks, J. Stat. Mech. (2008) P10008, doi:10.1088/1742-5468/2008/10/P10008),
// maximising the modularity
//
//	Q = 1/2m Σ_ij [ A_ij − γ k_i k_j / 2m ] δ(c_i, c_j)
//
// at resolution γ (Reichardt and Bornholdt, doi:10.1103/PhysRevE.74.016110),
// and returns each node's community with the Q of the division (see
// Modularity).
//
// Nodes are taken in ID order: community[i] belongs to the i-th node by
// ID, which is node ID i for a graph made by CommunityGraph. Communities are
// numbered canonically: by size, largest first, ties going to the community
// holding the smaller node ID. A node without edges is a community of its
// own. Edge weights come from cg.Weight; self weights are ignored.
//
// It follows gonum's community.Modularize (the same gain, the same
// internal weight for merged communities) but is deterministic: each pass of local moving visits the nodes in an order
// shuffled by a PCG generator seeded with seed (math/rand/v2 NewPCG(seed,
// 0)), neighbours are visited in ID order, a node moves only for a gain
// in Q above 1e-12 and ties go to the first community met, and every sum
// is taken in a fixed order. The same graph and seed therefore give the
// same result on every run. Louvain is a heuristic: another
// seed may give another division of similar Q. Cost is about O(m) per pass
// for m edges, with few passes in practice.
//
// Communities panics if a weight is negative or if cg has more than one
// node with the same ID.
func Communities(cg gograph.WeightedUndirected, resolution float64, seed int64) (community []int, q float64) {
	wg := newWeighted(cg)
	if wg.n() == 0 {
		return []int{}, 0
	}
	community = louvain(wg, resolution, rand.NewPCG(uint64(seed), 0))
	return community, wg.modularity(community, resolution)
}

// Modularity returns the modularity Q of the division of cg given by
// community at resolution γ:
//
//	Q = 1/2m Σ_ij [ A_ij − γ k_i k_j / 2m ] δ(c_i, c_j),
//
// which is the value of gonum's community.Q, summed in a fixed order.
// community[i] is the community of the i-th node by ID; community numbers
// need not be dense but must not be negative. A graph without edges has Q
// = 0 (gonum gives NaN). Self weights are ignored. Modularity panics if
// len(community) differs from the number of nodes or a weight is negative.
// Cost is O(n + m).
func Modularity(cg gograph.WeightedUndirected, community []int, resolution float64) float64 {
	wg := newWeighted(cg)
	if len(community) != wg.n() {
		panic(fmt.Sprintf("analysis: Modularity: %d communities for %d nodes", len(community), wg.n()))
	}
	return wg.modularity(community, resolution)
}

// weighted is an undirected weighted graph in compressed adjacency form:
// the neighbours of node i are adj[start[i]:start[i+1]], in index order,
// with weights w. self holds each node's self weight A_ii (zero at the
// first level, the doubled internal weight of a community afterwards).
type weighted struct {
	start []int
	adj   []int
	w     []float64
	self  []float64
}

func (g *weighted) n() int { return len(g.self) }

// newWeighted copies cg with its nodes renumbered 0 … n-1 in ID order.
func newWeighted(cg gograph.WeightedUndirected) *weighted {
	nodes := gograph.NodesOf(cg.Nodes())
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID() < nodes[j].ID() })
	index := make(map[int64]int, len(nodes))
	for i, u := range nodes {
		if _, dup := index[u.ID()]; dup {
			panic(fmt.Sprintf("analysis: node ID %d repeated", u.ID()))
		}
		index[u.ID()] = i
	}
	g := &weighted{start: make([]int, 1, len(nodes)+1), self: make([]float64, len(nodes))}
	var nbrs []int
	for _, u := range nodes {
		nbrs = nbrs[:0]
		it := cg.From(u.ID())
		for it.Next() {
			if j, ok := index[it.Node().ID()]; ok && nodes[j].ID() != u.ID() {
				nbrs = append(nbrs, j)
			}
		}
		sort.Ints(nbrs)
		for _, j := range nbrs {
			x, _ := cg.Weight(u.ID(), nodes[j].ID())
			if x < 0 || math.IsNaN(x) {
				panic(fmt.Sprintf("analysis: edge %d–%d has weight %v", u.ID(), nodes[j].ID(), x))
			}
			g.adj = append(g.adj, j)
			g.w = append(g.w, x)
		}
		g.start = append(g.start, len(g.adj))
	}
	return g
}

// degrees returns each node's weighted degree k_i = A_ii + Σ_j A_ij and
// their sum 2m.
func (g *weighted) degrees() (k []float64, m2 float64) {
	k = make([]float64, g.n())
	for i := range k {
		d := g.self[i]
		for e := g.start[i]; e < g.start[i+1]; e++ {
			d += g.w[e]
		}
		k[i] = d
		m2 += d
	}
	return k, m2
}

// modularity returns Q of the division at resolution gamma.
func (g *weighted) modularity(community []int, gamma float64) float64 {
	k, m2 := g.degrees()
	if m2 == 0 {
		return 0
	}
	nc := 0
	for _, c := range community {
		if c < 0 {
			panic(fmt.Sprintf("analysis: negative community %d", c))
		}
		nc = max(nc, c+1)
	}
	in := make([]float64, nc)  // Σ A_ij over i, j in c
	tot := make([]float64, nc) // Σ k_i over i in c
	for i, c := range community {
		in[c] += g.self[i]
		for e := g.start[i]; e < g.start[i+1]; e++ {
			if community[g.adj[e]] == c {
				in[c] += g.w[e]
			}
		}
		tot[c] += k[i]
	}
	var q float64
	for c := range in {
		q += in[c]/m2 - gamma*(tot[c]/m2)*(tot[c]/m2)
	}
	return q
}

// maxSweeps bounds the passes of local moving on one level; each pass that
// moves a node raises Q, so the bound is only a guard.
const maxSweeps = 1000

// minGain is the smallest rise in Q for which a node changes community.
const minGain = 1e-12

// louvain returns the canonical community of each node of g.
func louvain(g *weighted, gamma float64, src rand.Source) []int {
	n := g.n()
	member := make([]int, n) // community of each original node
	for i := range member {
		member[i] = i
	}
	for level := g; ; {
		comm, moved := localMoving(level, gamma, src)
		if !moved {
			break
		}
		for i, c := range member {
			member[i] = comm[c]
		}
		level = level.aggregate(comm)
	}
	return canonical(member)
}

// localMoving moves single nodes of g to the neighbouring community that
// raises Q most, pass after pass, until a pass moves none. It returns the
// communities numbered densely in order of their lowest node, and whether
// any node moved.
func localMoving(g *weighted, gamma float64, src rand.Source) (comm []int, moved bool) {
	n := g.n()
	k, m2 := g.degrees()
	comm = make([]int, n)
	tot := make([]float64, n) // Σ k_i of each community
	for i := range comm {
		comm[i] = i
		tot[i] = k[i]
	}
	if m2 == 0 {
		return comm, false
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	toComm := make([]float64, n) // weight from the current node to each community
	seen := make([]bool, n)
	var near []int // communities adjacent to the current node, in the order met
	for range maxSweeps {
		shuffle(order, src)
		movedNow := false
		for _, i := range order {
			ci := comm[i]
			near = append(near[:0], ci)
			seen[ci] = true
			for e := g.start[i]; e < g.start[i+1]; e++ {
				c := comm[g.adj[e]]
				if !seen[c] {
					seen[c] = true
					near = append(near, c)
				}
				toComm[c] += g.w[e]
			}
			// Take i out of its community, then put it where the gain
			//	ΔQ(c) = 2/2m · ( k_i,c − γ k_i Σtot_c / 2m )
			// is largest; staying wins ties.
			tot[ci] -= k[i]
			best, bestGain := ci, toComm[ci]-gamma*k[i]*tot[ci]/m2
			for _, c := range near[1:] {
				if gain := toComm[c] - gamma*k[i]*tot[c]/m2; 2*(gain-bestGain)/m2 > minGain {
					best, bestGain = c, gain
				}
			}
			tot[best] += k[i]
			if best != ci {
				comm[i] = best
				movedNow = true
			}
			for _, c := range near {
				toComm[c], seen[c] = 0, false
			}
		}
		if !movedNow {
			break
		}
		moved = true
	}
	// Number the communities densely in order of their lowest node.
	renum := make([]int, n)
	for i := range renum {
		renum[i] = -1
	}
	next := 0
	for i, c := range comm {
		if renum[c] < 0 {
			renum[c] = next
			next++
		}
		comm[i] = renum[c]
	}
	return comm, moved
}

// aggregate returns the graph whose nodes are the communities of g: the
// weight between two communities is the sum of the weights between their
// members, and a community's self weight is the sum of A_ij over its
// members i, j (each internal edge counted from both ends).
func (g *weighted) aggregate(comm []int) *weighted {
	nc := 0
	for _, c := range comm {
		nc = max(nc, c+1)
	}
	members := make([][]int, nc)
	for i, c := range comm {
		members[c] = append(members[c], i)
	}
	a := &weighted{start: make([]int, 1, nc+1), self: make([]float64, nc)}
	acc := make([]float64, nc)
	seen := make([]bool, nc)
	var near []int
	for c, ms := range members {
		near = near[:0]
		for _, i := range ms {
			a.self[c] += g.self[i]
			for e := g.start[i]; e < g.start[i+1]; e++ {
				d := comm[g.adj[e]]
				if d == c {
					a.self[c] += g.w[e]
					continue
				}
				if !seen[d] {
					seen[d] = true
					near = append(near, d)
				}
				acc[d] += g.w[e]
			}
		}
		sort.Ints(near)
		for _, d := range near {
			a.adj = append(a.adj, d)
			a.w = append(a.w, acc[d])
			acc[d], seen[d] = 0, false
		}
		a.start = append(a.start, len(a.adj))
	}
	return a
}

// shuffle permutes s by Fisher–Yates with numbers drawn from src.
func shuffle(s []int, src rand.Source) {
	for i := len(s) - 1; i > 0; i-- {
		j := int(uniform(src, uint64(i+1)))
		s[i], s[j] = s[j], s[i]
	}
}

// uniform returns a number in [0, n) drawn from src without bias, by
// rejection, so that the sequence depends only on src and not on how a Go
// release implements rand.Rand.
func uniform(src rand.Source, n uint64) uint64 {
	limit := math.MaxUint64 - math.MaxUint64%n
	for {
		if x := src.Uint64(); x < limit {
			return x % n
		}
	}
}

// canonical renumbers communities by size, largest first, ties going to
// the community with the smaller lowest node.
func canonical(member []int) []int {
	nc := 0
	for _, c := range member {
		nc = max(nc, c+1)
	}
	size := make([]int, nc)
	first := make([]int, nc)
	for i := range first {
		first[i] = -1
	}
	for i, c := range member {
		size[c]++
		if first[c] < 0 {
			first[c] = i
		}
	}
	var ids []int
	for c := range nc {
		if size[c] > 0 {
			ids = append(ids, c)
		}
	}
	sort.Slice(ids, func(a, b int) bool {
		if size[ids[a]] != size[ids[b]] {
			return size[ids[a]] > size[ids[b]]
		}
		return first[ids[a]] < first[ids[b]]
	})
	renum := make([]int, nc)
	for r, c := range ids {
		renum[c] = r
	}
	out := make([]int, len(member))
	for i, c := range member {
		out[i] = renum[c]
	}
	return out
}
