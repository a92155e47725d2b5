package layout

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// Options are the parameters of Force. The zero value asks for the
// defaults documented on each field.
type Options struct {
	// Iterations is the number of force steps; 0 means 60 for up to
	// fullSteps nodes and, above, 60·fullSteps/n but at least minSteps, so
	// that the work stops growing with the map (on the 78,564 works of
	// ../shared/data 60 steps took 10 s of CPU, twice per run).
	Iterations int
	// Spacing is the ideal distance between linked nodes, in the units of
	// the result (GraphViz points when drawn with neato -n2); 0 means 36.
	Spacing float64
	// Theta is the Barnes–Hut opening angle: a group of nodes farther than
	// its size over Theta acts as one; 0 means 1.2.
	Theta float64
	// Seed seeds the starting positions.
	Seed int64
}

// fullSteps is the most nodes Force gives its full 60 steps by default;
// larger maps get fewer, at least minSteps.
const (
	fullSteps = 20_000
	minSteps  = 15
)

// Point is a position.
type Point struct{ X, Y float64 }

// Force places n nodes in the plane by a force-directed layout
// (Fruchterman and Reingold 1991, Software: Practice and Experience 21(11),
// 1129–1164): linked nodes attract with d²/k, all pairs repel with k²/d,
// the repulsion of far groups approximated by a Barnes–Hut quadtree
// (J. Barnes and P. Hut 1986, Nature 324, 446–449), a weak gravity keeps
// parts that share no link near the centre, and the step shrinks linearly.
// edges are pairs of node indexes (direction and repeats do not matter;
// self-loops are ignored). group, when not nil, holds a group per node
// (e.g. a theme; negative for none): nodes start around their group's
// centre, groups on a spiral by size, so themes begin apart. Each step
// costs O(n log n + edges); the nodes' forces are computed in parallel,
// each node's in a fixed order, so the result is the same for the same
// input and seed, bit for bit. The positions are translated so the
// smallest x and y are 0.
func Force(n int, edges [][2]int32, group []int, opt Options) []Point {
	if n == 0 {
		return nil
	}
	if opt.Iterations == 0 {
		opt.Iterations = 60
		if n > fullSteps {
			opt.Iterations = max(minSteps, 60*fullSteps/n)
		}
	}
	if opt.Spacing == 0 {
		opt.Spacing = 36
	}
	if opt.Theta == 0 {
		opt.Theta = 1.2
	}
	k := opt.Spacing
	pos := start(n, group, k, opt.Seed)
	// Adjacency in CSR form, both directions, without self-loops.
	deg := make([]int32, n+1)
	for _, e := range edges {
		if e[0] != e[1] {
			deg[e[0]+1]++
			deg[e[1]+1]++
		}
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	adj := make([]int32, deg[n])
	fill := append([]int32(nil), deg[:n]...)
	for _, e := range edges {
		if e[0] != e[1] {
			adj[fill[e[0]]] = e[1]
			fill[e[0]]++
			adj[fill[e[1]]] = e[0]
			fill[e[1]]++
		}
	}
	disp := make([]Point, n)
	width := math.Sqrt(float64(n)) * k
	temp0 := width / 10
	var t quadtree
	for it := range opt.Iterations {
		temp := temp0 * (1 - float64(it)/float64(opt.Iterations))
		t.build(pos)
		blocks(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				p := pos[i]
				f := t.repulsion(p, int32(i), k*k, opt.Theta)
				for _, j := range adj[deg[i]:deg[i+1]] {
					dx, dy := pos[j].X-p.X, pos[j].Y-p.Y
					d := math.Hypot(dx, dy)
					f.X += dx * d / k
					f.Y += dy * d / k
				}
				// Gravity towards the origin, as strong as one link at
				// the map's radius.
				f.X -= p.X * 0.05 / k * math.Sqrt(float64(deg[i+1]-deg[i]+1))
				f.Y -= p.Y * 0.05 / k * math.Sqrt(float64(deg[i+1]-deg[i]+1))
				disp[i] = f
			}
		})
		for i := range pos {
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d > 0 {
				s := min(d, temp) / d
				pos[i].X += disp[i].X * s
				pos[i].Y += disp[i].Y * s
			}
		}
	}
	minX, minY := math.Inf(1), math.Inf(1)
	for _, p := range pos {
		minX, minY = min(minX, p.X), min(minY, p.Y)
	}
	for i := range pos {
		pos[i].X -= minX
		pos[i].Y -= minY
	}
	return pos
}

// start places the groups' centres on a sunflower spiral, largest group
// first, and each node at a random point around its centre.
func start(n int, group []int, k float64, seed int64) []Point {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6c61796f7574))
	ng := 0
	for _, g := range group {
		ng = max(ng, g+1)
	}
	size := make([]int, ng+1) // the last is "no group"
	gOf := func(i int) int {
		if group == nil || group[i] < 0 {
			return ng
		}
		return group[i]
	}
	for i := range n {
		size[gOf(i)]++
	}
	order := make([]int, len(size))
	for i := range order {
		order[i] = i
	}
	// Largest first, ties by number (insertion sort: few groups).
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && (size[order[j]] > size[order[j-1]] || size[order[j]] == size[order[j-1]] && order[j] < order[j-1]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	centre := make([]Point, len(size))
	golden := math.Pi * (3 - math.Sqrt(5))
	var placed float64
	for rank, g := range order {
		r := math.Sqrt(placed+float64(size[g])/2) * k
		a := float64(rank) * golden
		centre[g] = Point{r * math.Cos(a), r * math.Sin(a)}
		placed += float64(size[g])
	}
	pos := make([]Point, n)
	for i := range n {
		g := gOf(i)
		spread := math.Sqrt(float64(size[g])) * k / 2
		a := rng.Float64() * 2 * math.Pi
		r := math.Sqrt(rng.Float64()) * spread
		pos[i] = Point{centre[g].X + r*math.Cos(a), centre[g].Y + r*math.Sin(a)}
	}
	return pos
}

// blocks runs fn over ranges of [0, n) on every processor.
func blocks(n int, fn func(lo, hi int)) {
	const size = 1024
	nb := (n + size - 1) / size
	w := min(runtime.GOMAXPROCS(0), nb)
	if w <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, nb)
	for b := range nb {
		next <- b
	}
	close(next)
	for range w {
		wg.Go(func() {
			for b := range next {
				fn(b*size, min(n, (b+1)*size))
			}
		})
	}
	wg.Wait()
}

// quadtree is a Barnes–Hut tree over the positions: each cell holds its
// nodes' count and centre of mass.
type quadtree struct {
	cells []cell
	pos   []Point
}

type cell struct {
	cx, cy, half float64  // square: centre and half side
	mx, my       float64  // sum of positions (centre of mass × mass)
	mass         float64  // nodes inside
	child        [4]int32 // 0 = none (cell 0 is the root, never a child)
	node         int32    // the one node of a leaf, −1 when empty or inner
}

const maxDepth = 40

func (t *quadtree) build(pos []Point) {
	t.pos = pos
	t.cells = t.cells[:0]
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, minY, maxX, maxY = min(minX, p.X), min(minY, p.Y), max(maxX, p.X), max(maxY, p.Y)
	}
	half := max(maxX-minX, maxY-minY)/2 + 1
	t.cells = append(t.cells, cell{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, node: -1})
	for i := range pos {
		t.insert(0, int32(i), 0)
	}
}

func (t *quadtree) insert(c int, i int32, depth int) {
	p := t.pos[i]
	for {
		cl := &t.cells[c]
		cl.mx += p.X
		cl.my += p.Y
		cl.mass++
		if cl.mass == 1 {
			cl.node = i
			return
		}
		if depth >= maxDepth {
			// Coincident points: the cell keeps them as one mass.
			cl.node = -1
			return
		}
		if cl.node >= 0 {
			// A leaf with one node becomes an inner cell: push that node down.
			old := cl.node
			cl.node = -1
			q := t.child(c, t.pos[old])
			t.addTo(q, old)
		}
		c = t.child(c, p)
		depth++
	}
}

// addTo adds node i to the (new) cell q as its only node.
func (t *quadtree) addTo(q int, i int32) {
	cl := &t.cells[q]
	cl.mx += t.pos[i].X
	cl.my += t.pos[i].Y
	cl.mass++
	cl.node = i
}

// child returns the index of the quadrant of cell c holding p, made if
// needed.
func (t *quadtree) child(c int, p Point) int {
	cl := t.cells[c]
	q := 0
	if p.X >= cl.cx {
		q |= 1
	}
	if p.Y >= cl.cy {
		q |= 2
	}
	if cl.child[q] != 0 {
		return int(cl.child[q])
	}
	h := cl.half / 2
	nc := cell{cx: cl.cx - h, cy: cl.cy - h, half: h, node: -1}
	if q&1 != 0 {
		nc.cx = cl.cx + h
	}
	if q&2 != 0 {
		nc.cy = cl.cy + h
	}
	t.cells = append(t.cells, nc)
	idx := int32(len(t.cells) - 1)
	t.cells[c].child[q] = idx
	return int(idx)
}

// repulsion returns the force on node self at p from every other node:
// k2/d along the line between them, far cells as one mass.
func (t *quadtree) repulsion(p Point, self int32, k2, theta float64) Point {
	var f Point
	var stack [4*maxDepth + 8]int32
	sp := 0
	stack[sp] = 0
	sp++
	for sp > 0 {
		sp--
		cl := &t.cells[stack[sp]]
		if cl.mass == 0 || cl.node == self && cl.mass == 1 {
			continue
		}
		mx, my := cl.mx/cl.mass, cl.my/cl.mass
		dx, dy := p.X-mx, p.Y-my
		d2 := dx*dx + dy*dy
		leaf := cl.child == [4]int32{}
		if leaf || (2*cl.half)*(2*cl.half) < theta*theta*d2 {
			mass := cl.mass
			if leaf && cl.node < 0 && inside(cl, p) {
				mass-- // a cell of coincident points that holds self
			}
			if d2 < 1e-9 {
				// Coincident: push apart in a direction fixed by the node.
				a := float64(self) * 2.399963229728653
				dx, dy, d2 = math.Cos(a)*1e-3, math.Sin(a)*1e-3, 1e-6
			}
			s := mass * k2 / d2
			f.X += dx * s
			f.Y += dy * s
			continue
		}
		for _, ch := range cl.child {
			if ch != 0 {
				stack[sp] = ch
				sp++
			}
		}
	}
	return f
}

func inside(cl *cell, p Point) bool {
	return math.Abs(p.X-cl.cx) <= cl.half && math.Abs(p.Y-cl.cy) <= cl.half
}
