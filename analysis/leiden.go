package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/citegraph/citegraph/graph"
)

// Quality is the quality function community detection maximises.
type Quality int

const (
	// QualityModularity is Newman and Girvan's modularity with a resolution γ
	// (Reichardt and Bornholdt): Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j).
	QualityModularity Quality = iota
	// QualityCPM is the constant Potts model (V. A. Traag, P. Van Dooren and Y.
	// Nesterov, Narrow scope for resolution-limit-free community detection,
	// Phys. Rev. E 84 (2011) 016114): H = Σ_c [e_c − γ n_c²/2], e_c being
	// the weight of the links inside community c and n_c its number of
	// nodes; γ is the link density a community must exceed.
	QualityCPM
)

// String returns "modularity" or "cpm".
func (q Quality) String() string {
	if q == QualityCPM {
		return "cpm"
	}
	return "modularity"
}

// LeidenOptions are the parameters of Leiden.
type LeidenOptions struct {
	// Quality is the quality function (QualityModularity by default).
	Quality Quality
	// Resolution is γ; 0 means 1 for QualityModularity. For CPM it is used as
	// given (0 makes each connected component one community).
	Resolution float64
	// Seed seeds the generator of every random choice: the order of the
	// nodes and the refinement's choices.
	Seed int64
	// Iterations is the number of Leiden iterations; 0 means until an
	// iteration changes nothing or raises the quality by less than
	// 10⁻⁴ of its value (at most 50), negative until it changes nothing.
	Iterations int
	// Louvain turns the refinement off, which makes the algorithm the
	// Louvain method (with the fast local moving of Leiden).
	Louvain bool
	// Randomness is θ, the temperature of the refinement's random
	// choices; 0 means 0.01, CWTS's default.
	Randomness float64
}

// maxLeidenIterations bounds Leiden's iterations when Iterations is 0.
const maxLeidenIterations = 50

// Leiden divides nw into communities with the Leiden algorithm (V. A.
// Traag, L. Waltman and N. J. van Eck, From Louvain to Leiden: guaranteeing
// well-connected communities, Sci. Rep. 9 (2019) 5233,
// doi:10.1038/s41598-019-41695-z), following the design of CWTS's
// networkanalysis Java package: modularity is CPM with node weights equal
// to the nodes' strengths and resolution γ/2m; each iteration moves nodes
// with the queue-based fast local moving, refines every community by
// merging its nodes into well-connected subcommunities (a node joins a
// subcommunity with probability ∝ exp(ΔH/θ) among those not lowering H),
// aggregates the refined partition and starts the next level from the
// unrefined one. With opt.Louvain the refinement is skipped (the Louvain
// method).
//
// It returns each node's community, numbered by size (largest first, ties
// to the community holding the smaller node), and the quality of the
// division: Q for Modularity, H for CPM. The same network and options give
// the same result on every run. Cost is about O(m) per iteration for m
// links, a few iterations in practice. Leiden panics if a weight is
// negative or NaN.
func Leiden(nw Network, opt LeidenOptions) (community []int, quality float64) {
	n := nw.Len()
	if n == 0 {
		return []int{}, 0
	}
	gamma := opt.Resolution
	if gamma == 0 && opt.Quality == QualityModularity {
		gamma = 1
	}
	theta := opt.Randomness
	if theta == 0 {
		theta = 0.01
	}
	g := newLGraph(nw, opt.Quality)
	res := gamma
	if opt.Quality == QualityModularity {
		if g.total == 0 {
			community = make([]int, n)
			for i := range community {
				community[i] = i
			}
			return canonical(community), 0
		}
		res = gamma / (2 * g.total)
	}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x1e1de4))
	memb := make([]int32, n)
	for i := range memb {
		memb[i] = int32(i)
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = maxLeidenIterations
	}
	quality = math.Inf(-1)
	for range iters {
		changed := leidenLevel(g, memb, res, theta, rng, !opt.Louvain)
		if opt.Iterations > 0 {
			continue
		}
		if !changed {
			break
		}
		if opt.Iterations == 0 {
			q := nw.quality(memb, opt.Quality, gamma)
			if q-quality < 1e-4*math.Abs(q) {
				break
			}
			quality = q
		}
	}
	community = make([]int, n)
	for i, c := range memb {
		community[i] = int(c)
	}
	community = canonical(community)
	return community, nw.quality32(community, opt.Quality, gamma)
}

func (nw Network) quality(memb []int32, q Quality, gamma float64) float64 {
	c := make([]int, len(memb))
	for i, x := range memb {
		c[i] = int(x)
	}
	return nw.quality32(c, q, gamma)
}

func (nw Network) quality32(community []int, q Quality, gamma float64) float64 {
	if q == QualityModularity {
		return nw.Modularity(community, gamma)
	}
	return nw.CPM(community, gamma)
}

// lgraph is the working graph of Leiden: links in both directions, node
// weights (1 for CPM, strengths for modularity) and self weights (links
// folded into a node by aggregation, each counted once).
type lgraph struct {
	start []int64
	adj   []int32
	w     []float64
	nodeW []float64
	self  []float64
	total float64 // Σ link weights counted once, self weights included
}

func (g *lgraph) n() int { return len(g.nodeW) }

func newLGraph(nw Network, q Quality) *lgraph {
	n := nw.Len()
	g := &lgraph{start: nw.Start, adj: nw.Adj, w: nw.W, nodeW: make([]float64, n), self: make([]float64, n)}
	for v := range n {
		var s float64
		for _, x := range nw.W[nw.Start[v]:nw.Start[v+1]] {
			if x < 0 || math.IsNaN(x) {
				panic(fmt.Sprintf("analysis: Leiden: link weight %v", x))
			}
			s += x
		}
		g.total += s
		if q == QualityModularity {
			g.nodeW[v] = s
		} else {
			g.nodeW[v] = 1
		}
	}
	g.total /= 2
	return g
}

// leidenLevel improves memb on g and, through aggregation, on coarser
// graphs; it reports whether any node changed community.
func leidenLevel(g *lgraph, memb []int32, res, theta float64, rng *rand.Rand, refine bool) bool {
	changed := fastLocalMoving(g, memb, res, rng)
	k := renumber(memb)
	if k == g.n() {
		return changed
	}
	refined := memb
	kr := k
	if refine {
		refined = refinePartition(g, memb, k, res, theta, rng)
		kr = renumber(refined)
		if kr == g.n() {
			return changed
		}
	}
	agg := g.aggregate(refined, kr)
	aggMemb := make([]int32, kr)
	for i, r := range refined {
		aggMemb[r] = memb[i]
	}
	if leidenLevel(agg, aggMemb, res, theta, rng, refine) {
		changed = true
	}
	for i, r := range refined {
		memb[i] = aggMemb[r]
	}
	return changed
}

// fastLocalMoving moves nodes to the neighbouring community (or an empty
// one) that raises the quality most, visiting nodes from a queue that
// starts in random order and takes back the neighbours of every node that
// moves, until the queue is empty. Staying wins ties.
func fastLocalMoving(g *lgraph, memb []int32, res float64, rng *rand.Rand) bool {
	n := g.n()
	clusterW := make([]float64, n)
	count := make([]int32, n)
	for i, c := range memb {
		clusterW[c] += g.nodeW[i]
		count[c]++
	}
	var unused []int32
	for c := n - 1; c >= 0; c-- {
		if count[c] == 0 {
			unused = append(unused, int32(c))
		}
	}
	queue := make([]int32, n)
	for i := range queue {
		queue[i] = int32(i)
	}
	shuffle32(queue, rng)
	stable := make([]bool, n)
	head, size := 0, n
	edgeW := make([]float64, n)
	var near []int32
	changed := false
	for size > 0 {
		j := queue[head]
		head = (head + 1) % n
		size--
		c0 := memb[j]
		wj := g.nodeW[j]
		clusterW[c0] -= wj
		count[c0]--
		if count[c0] == 0 {
			unused = append(unused, c0)
		}
		near = near[:0]
		empty := unused[len(unused)-1]
		near = append(near, empty) // no neighbour is in it
		for p := g.start[j]; p < g.start[j+1]; p++ {
			c := memb[g.adj[p]]
			// A community is new to near while its sum is 0; a link of
			// weight 0 may list one twice, which changes nothing.
			if edgeW[c] == 0 {
				near = append(near, c)
			}
			edgeW[c] += g.w[p]
		}
		best := c0
		bestInc := edgeW[c0] - wj*clusterW[c0]*res
		for _, c := range near {
			if inc := edgeW[c] - wj*clusterW[c]*res; inc > bestInc {
				best, bestInc = c, inc
			}
		}
		for _, c := range near {
			edgeW[c] = 0
		}
		clusterW[best] += wj
		count[best]++
		if best == unused[len(unused)-1] {
			unused = unused[:len(unused)-1]
		}
		stable[j] = true
		if best != c0 {
			memb[j] = best
			changed = true
			for p := g.start[j]; p < g.start[j+1]; p++ {
				k := g.adj[p]
				if stable[k] && memb[k] != best {
					stable[k] = false
					queue[(head+size)%n] = k
					size++
				}
			}
		}
	}
	return changed
}

// refinePartition merges the nodes of each community of memb (numbered 0
// … k-1) into well-connected subcommunities, as Leiden's refinement does,
// and returns each node's subcommunity (numbered by a node of it).
func refinePartition(g *lgraph, memb []int32, k int, res, theta float64, rng *rand.Rand) []int32 {
	n := g.n()
	refined := make([]int32, n)
	rW := make([]float64, n)   // weight of each subcommunity
	ext := make([]float64, n)  // weight of its links to the rest of its community
	multi := make([]bool, n)   // subcommunity has more than one node
	totW := make([]float64, k) // weight of each community
	for i := range n {
		refined[i] = int32(i)
		rW[i] = g.nodeW[i]
		totW[memb[i]] += g.nodeW[i]
		for p := g.start[i]; p < g.start[i+1]; p++ {
			if memb[g.adj[p]] == memb[i] {
				ext[i] += g.w[p]
			}
		}
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	shuffle32(order, rng)
	edgeW := make([]float64, n)
	mark := make([]bool, n)
	var near []int32
	var weights []float64
	for _, j := range order {
		s := memb[j]
		if refined[j] != j || multi[j] || ext[j] < rW[j]*(totW[s]-rW[j])*res {
			continue
		}
		wj := g.nodeW[j]
		rW[j], ext[j] = 0, 0
		near = append(near[:0], j)
		mark[j] = true
		for p := g.start[j]; p < g.start[j+1]; p++ {
			x := g.adj[p]
			if memb[x] != s {
				continue
			}
			c := refined[x]
			if !mark[c] {
				mark[c] = true
				near = append(near, c)
			}
			edgeW[c] += g.w[p]
		}
		best, maxInc := j, 0.0
		weights = weights[:0]
		for _, c := range near {
			inc := math.Inf(-1)
			if ext[c] >= rW[c]*(totW[s]-rW[c])*res {
				inc = edgeW[c] - wj*rW[c]*res
			}
			weights = append(weights, inc)
			if inc > maxInc {
				best, maxInc = c, inc
			}
		}
		chosen := chooseMerge(near, weights, best, maxInc, theta, rng)
		for _, c := range near {
			edgeW[c], mark[c] = 0, false
		}
		rW[chosen] += wj
		for p := g.start[j]; p < g.start[j+1]; p++ {
			x := g.adj[p]
			if memb[x] != s {
				continue
			}
			if refined[x] == chosen {
				ext[chosen] -= g.w[p]
			} else {
				ext[chosen] += g.w[p]
			}
		}
		if chosen != j {
			multi[chosen] = true
			refined[j] = chosen
		}
	}
	return refined
}

// chooseMerge picks the subcommunity a node of the refinement joins: among
// near, whose quality increments are weights (negative: not allowed), one
// with probability ∝ exp(inc/θ), scaled by the largest, maxInc, to stay
// finite; best (the largest) when none may be chosen. weights is
// overwritten.
func chooseMerge(near []int32, weights []float64, best int32, maxInc, theta float64, rng *rand.Rand) int32 {
	var total float64
	for i, inc := range weights {
		if inc >= 0 {
			weights[i] = math.Exp((inc - maxInc) / theta)
		} else {
			weights[i] = 0
		}
		total += weights[i]
	}
	chosen := best
	if total > 0 {
		r := rng.Float64() * total
		for i, c := range near {
			if weights[i] == 0 {
				continue
			}
			r -= weights[i]
			chosen = c
			if r < 0 {
				break
			}
		}
	}
	return chosen
}

// renumber numbers the communities of memb densely in order of their
// lowest node and returns their number.
func renumber(memb []int32) int {
	renum := make([]int32, len(memb))
	for i := range renum {
		renum[i] = -1
	}
	k := int32(0)
	for i, c := range memb {
		if renum[c] < 0 {
			renum[c] = k
			k++
		}
		memb[i] = renum[c]
	}
	return int(k)
}

// aggregate returns the graph of the k communities of memb: node weights
// and self weights add up, links between communities are summed, links
// inside one become its self weight.
func (g *lgraph) aggregate(memb []int32, k int) *lgraph {
	n := g.n()
	a := &lgraph{start: make([]int64, k+1), nodeW: make([]float64, k), self: make([]float64, k), total: g.total}
	// Members of each community, by counting sort.
	cnt := graph.RowStarts(k, memb)
	members := make([]int32, n)
	pos := append([]int64(nil), cnt[:k]...)
	for i, c := range memb {
		members[pos[c]] = int32(i)
		pos[c]++
	}
	acc := make([]float64, k)
	mark := make([]bool, k)
	var near []int32
	// The aggregate has at most as many links as g: sized once, the rows
	// are not copied as they grow.
	a.adj = make([]int32, 0, len(g.adj))
	a.w = make([]float64, 0, len(g.adj))
	for c := range int32(k) {
		near = near[:0]
		for _, i := range members[cnt[c]:cnt[c+1]] {
			a.nodeW[c] += g.nodeW[i]
			a.self[c] += g.self[i]
			for p := g.start[i]; p < g.start[i+1]; p++ {
				d := memb[g.adj[p]]
				if d == c {
					a.self[c] += g.w[p] / 2 // seen from both ends
					continue
				}
				if !mark[d] {
					mark[d] = true
					near = append(near, d)
				}
				acc[d] += g.w[p]
			}
		}
		sortInt32(near)
		for _, d := range near {
			a.adj = append(a.adj, d)
			a.w = append(a.w, acc[d])
			acc[d], mark[d] = 0, false
		}
		a.start[c+1] = int64(len(a.adj))
	}
	return a
}

// Modularity returns Q of the division of nw given by community (indexed
// by node, numbers ≥ 0) at resolution γ:
//
//	Q = 1/2m Σ_ij [ A_ij − γ k_i k_j / 2m ] δ(c_i, c_j),
//
// 0 for a network without links. It panics if len(community) differs from
// nw.Len() or a number is negative. Cost is O(n + m).
func (nw Network) Modularity(community []int, gamma float64) float64 {
	in, tot, m2 := nw.communitySums(community)
	if m2 == 0 {
		return 0
	}
	var q float64
	for c := range in {
		q += in[c]/m2 - gamma*(tot[c]/m2)*(tot[c]/m2)
	}
	return q
}

// CPM returns the constant Potts model quality H = Σ_c [e_c − γ n_c²/2]
// of the division, e_c being the weight of the links inside community c
// and n_c its size. It panics as Modularity does.
func (nw Network) CPM(community []int, gamma float64) float64 {
	in, _, _ := nw.communitySums(community)
	size := make([]float64, len(in))
	for _, c := range community {
		size[c]++
	}
	var h float64
	for c := range in {
		h += in[c]/2 - gamma*size[c]*size[c]/2
	}
	return h
}

// communitySums returns per community the weight of its internal links
// (counted from both ends) and its total strength, and the total strength
// 2m.
func (nw Network) communitySums(community []int) (in, tot []float64, m2 float64) {
	if len(community) != nw.Len() {
		panic(fmt.Sprintf("analysis: %d communities for %d nodes", len(community), nw.Len()))
	}
	k := 0
	for _, c := range community {
		if c < 0 {
			panic(fmt.Sprintf("analysis: negative community %d", c))
		}
		k = max(k, c+1)
	}
	in, tot = make([]float64, k), make([]float64, k)
	for v, c := range community {
		for p := nw.Start[v]; p < nw.Start[v+1]; p++ {
			x := nw.W[p]
			tot[c] += x
			m2 += x
			if community[nw.Adj[p]] == c {
				in[c] += x
			}
		}
	}
	return in, tot, m2
}

// shuffle32 permutes s by Fisher–Yates with numbers drawn from rng
// through uniform, so the sequence depends only on the generator.
func shuffle32(s []int32, rng *rand.Rand) {
	for i := len(s) - 1; i > 0; i-- {
		j := int(uniform(rng, uint64(i+1)))
		s[i], s[j] = s[j], s[i]
	}
}

func sortInt32(s []int32) {
	// Insertion sort for the short lists, else the standard sort.
	if len(s) < 24 {
		for i := 1; i < len(s); i++ {
			for j := i; j > 0 && s[j] < s[j-1]; j-- {
				s[j], s[j-1] = s[j-1], s[j]
			}
		}
		return
	}
	slicesSort(s)
}
