package analysis

// KCore returns the coreness of every work, indexed by node ID: the
// largest k such that the work belongs to a subgraph in which every work
// has at least k citations in or out (the k-core; S. B. Seidman, Network
// structure and minimum degree, Soc. Networks 5 (1983) 269–287). A
// citation counts once at each end, so a pair citing each other counts
// twice, as igraph's coreness(mode="all") counts it. It is the bucket
// algorithm of Batagelj and Zaversnik (arXiv:cs/0310049), O(n + m).
func KCore(g Citations) []int {
	c := compactOf(g)
	n := c.Len()
	out, in := c.Out(), c.In()
	deg := make([]int, n)
	maxDeg := 0
	for v := range int32(n) {
		deg[v] = out.Degree(v) + in.Degree(v)
		maxDeg = max(maxDeg, deg[v])
	}
	// Nodes sorted by degree (counting sort); pos is each node's place.
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := 1; d < len(bin); d++ {
		bin[d] += bin[d-1]
	}
	vert := make([]int32, n)
	pos := make([]int, n)
	next := append([]int(nil), bin...)
	for v, d := range deg {
		pos[v] = next[d]
		vert[pos[v]] = int32(v)
		next[d]++
	}
	lower := func(u int32, dv int) {
		du := deg[u]
		if du <= dv {
			return
		}
		// Swap u with the first node of its degree, then shrink.
		pu, pw := pos[u], bin[du]
		w := vert[pw]
		if u != w {
			vert[pu], vert[pw] = w, u
			pos[u], pos[w] = pw, pu
		}
		bin[du]++
		deg[u]--
	}
	for i := range n {
		v := vert[i]
		dv := deg[v]
		for _, u := range out.Row(v) {
			lower(u, dv)
		}
		for _, u := range in.Row(v) {
			lower(u, dv)
		}
	}
	return deg
}
