package graph

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Compact is a citation graph in compressed-row (CSR) form, the form the
// analysis at scale works on: nodes are dense int32 indexes 0 … Len()-1,
// and the works each node cites (Out) and the works citing it (In) are
// contiguous runs of one int32 array each, in index order, with the
// citation weights alongside. Other links (co-citations, "related"
// links) form a third, undirected adjacency with their kinds alongside.
// Per node it may also hold a key, a publication year, a global citation
// count and a bag of terms.
//
// The citation view has neither self-citations nor repeated pairs: a work
// citing itself is counted (SelfCitations) and left out, as in Graph's
// gonum view, and a pair given twice is one citation of weight 2 (Repeats
// counts the merged ones).
//
// Memory is 8 bytes per citation for the two directions (16 more when the
// citations are weighted), 8 bytes per node for the row offsets, plus the
// keys. A Compact is immutable and safe for concurrent readers. It
// satisfies gonum's graph.Directed and graph.WeightedDirected over the
// citations, with nodes of type simple.Node whose IDs are the indexes.
type Compact struct {
	n         int
	keys      []string // nil: the key of i is strconv.Itoa(i)
	numeric   bool     // keys are in numeric order
	out, in   Adjacency
	links     Adjacency
	linkKinds []EdgeKind
	year      []int32 // nil when no year is known
	global    []int32 // nil when no count is known; -1 unknown
	vocab     []string
	terms     Adjacency // row v: term IDs of node v, in the order given
	self      int
	repeats   int
}

// Adjacency is one adjacency of a Compact in compressed-row form: the
// neighbours of node v are Adj[Start[v]:Start[v+1]], in increasing order
// (for terms: in the order given), with weights W[Start[v]:Start[v+1]]
// when W is not nil (nil means every weight is 1). Start has Len()+1
// entries. The slices belong to the Compact and must not be modified.
type Adjacency struct {
	Start []int64
	Adj   []int32
	W     []float64
}

// Row returns the neighbours of v.
func (a Adjacency) Row(v int32) []int32 { return a.Adj[a.Start[v]:a.Start[v+1]] }

// Weights returns the weights of v's row, or nil when every weight is 1.
func (a Adjacency) Weights(v int32) []float64 {
	if a.W == nil {
		return nil
	}
	return a.W[a.Start[v]:a.Start[v+1]]
}

// Degree returns the length of v's row.
func (a Adjacency) Degree(v int32) int { return int(a.Start[v+1] - a.Start[v]) }

// Len returns the number of nodes.
func (c *Compact) Len() int { return c.n }

// Compact returns c itself, so that a Compact and a Graph can be handed
// to the same analysis functions.
func (c *Compact) Compact() *Compact { return c }

// Citations returns the number of citations: distinct citing–cited pairs
// without self-citations.
func (c *Compact) Citations() int { return len(c.out.Adj) }

// SelfCitations returns the number of self-citations left out.
func (c *Compact) SelfCitations() int { return c.self }

// Repeats returns the number of repeated citations merged into one
// weighted citation.
func (c *Compact) Repeats() int { return c.repeats }

// Out returns the adjacency of citations from citing to cited work:
// Out().Row(v) lists the works v cites.
func (c *Compact) Out() Adjacency { return c.out }

// In returns the adjacency of citations from cited to citing work:
// In().Row(v) lists the works citing v.
func (c *Compact) In() Adjacency { return c.in }

// Links returns the undirected adjacency of the other links (CoCited,
// Related), each stored from both ends, with their kinds (LinkKinds)
// alongside. A pair joined by two kinds appears twice in a row.
func (c *Compact) Links() Adjacency { return c.links }

// LinkKinds returns the kind of each entry of Links().Adj.
func (c *Compact) LinkKinds() []EdgeKind { return c.linkKinds }

// Key returns the key of node v: the work's Key for a Compact made from a
// Graph, the ID as the input gave it for one built by a CompactBuilder, or
// v in decimal for one made by NewCompact.
func (c *Compact) Key(v int32) string {
	if c.keys == nil {
		return strconv.Itoa(int(v))
	}
	return c.keys[v]
}

// Index returns the node with the given key. Cost is O(log n).
func (c *Compact) Index(key string) (int32, bool) {
	if c.keys == nil {
		v, err := strconv.Atoi(key)
		if err != nil || v < 0 || v >= c.n || strconv.Itoa(v) != key {
			return 0, false
		}
		return int32(v), true
	}
	less := lessLexical
	if c.numeric {
		less = lessNumeric
	}
	i := sort.Search(len(c.keys), func(i int) bool { return !less(c.keys[i], key) })
	if i < len(c.keys) && c.keys[i] == key {
		return int32(i), true
	}
	return 0, false
}

// Year returns the publication year of v, 0 when unknown.
func (c *Compact) Year(v int32) int {
	if c.year == nil {
		return 0
	}
	return int(c.year[v])
}

// HasYears reports whether any node has a known year.
func (c *Compact) HasYears() bool { return c.year != nil }

// GlobalCitations returns the number of citations a citation index counts
// for v across its whole index (see Record.CitedByCount), and whether it
// is known.
func (c *Compact) GlobalCitations(v int32) (int, bool) {
	if c.global == nil || c.global[v] < 0 {
		return 0, false
	}
	return int(c.global[v]), true
}

// Terms returns the adjacency of node → term IDs (Terms().Row(v) in the
// order given, repeats kept) and the vocabulary the IDs index; both empty
// when no node has terms.
func (c *Compact) Terms() (Adjacency, []string) { return c.terms, c.vocab }

// Node implements gonum's graph.Graph.
func (c *Compact) Node(id int64) gograph.Node {
	if id < 0 || id >= int64(c.n) {
		return nil
	}
	return simple.Node(id)
}

// Nodes implements gonum's graph.Graph; nodes come in index order.
func (c *Compact) Nodes() gograph.Nodes {
	if c.n == 0 {
		return gograph.Empty
	}
	return iterator.NewImplicitNodes(0, c.n, func(id int) gograph.Node { return simple.Node(id) })
}

// From implements gonum's graph.Graph: the works id cites.
func (c *Compact) From(id int64) gograph.Nodes {
	if id < 0 || id >= int64(c.n) || c.out.Degree(int32(id)) == 0 {
		return gograph.Empty
	}
	return &rowNodes{row: c.out.Row(int32(id)), pos: -1}
}

// To implements gonum's graph.Directed: the works citing id.
func (c *Compact) To(id int64) gograph.Nodes {
	if id < 0 || id >= int64(c.n) || c.in.Degree(int32(id)) == 0 {
		return gograph.Empty
	}
	return &rowNodes{row: c.in.Row(int32(id)), pos: -1}
}

// HasEdgeBetween implements gonum's graph.Graph.
func (c *Compact) HasEdgeBetween(xid, yid int64) bool {
	return c.HasEdgeFromTo(xid, yid) || c.HasEdgeFromTo(yid, xid)
}

// HasEdgeFromTo implements gonum's graph.Directed. Cost is O(log d) for a
// citing work of d citations.
func (c *Compact) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := c.find(uid, vid)
	return ok
}

// find returns the position of the citation u → v in out.Adj.
func (c *Compact) find(uid, vid int64) (int64, bool) {
	if uid < 0 || uid >= int64(c.n) || vid < 0 || vid >= int64(c.n) {
		return 0, false
	}
	row := c.out.Row(int32(uid))
	i, ok := slices.BinarySearch(row, int32(vid))
	return c.out.Start[uid] + int64(i), ok
}

// Edge implements gonum's graph.Graph: the citation from uid to vid, or
// nil.
func (c *Compact) Edge(uid, vid int64) gograph.Edge {
	if e := c.WeightedEdge(uid, vid); e != nil {
		return e
	}
	return nil
}

// WeightedEdge implements gonum's graph.Weighted: the citation from uid
// to vid with its weight, or nil.
func (c *Compact) WeightedEdge(uid, vid int64) gograph.WeightedEdge {
	i, ok := c.find(uid, vid)
	if !ok {
		return nil
	}
	w := 1.0
	if c.out.W != nil {
		w = c.out.W[i]
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: w}
}

// Weight implements gonum's graph.Weighted: 0 and true for a node and
// itself, the weight and true for a citation, 0 and false otherwise.
func (c *Compact) Weight(xid, yid int64) (w float64, ok bool) {
	if xid == yid && xid >= 0 && xid < int64(c.n) {
		return 0, true
	}
	if e := c.WeightedEdge(xid, yid); e != nil {
		return e.Weight(), true
	}
	return 0, false
}

// rowNodes iterates over a row of an adjacency without copying it.
type rowNodes struct {
	row []int32
	pos int
}

func (r *rowNodes) Next() bool {
	if r.pos >= len(r.row)-1 {
		r.pos = len(r.row)
		return false
	}
	r.pos++
	return true
}

func (r *rowNodes) Len() int {
	if r.pos >= len(r.row) {
		return 0
	}
	return len(r.row) - r.pos - 1
}

func (r *rowNodes) Reset() { r.pos = -1 }

func (r *rowNodes) Node() gograph.Node {
	if r.pos < 0 || r.pos >= len(r.row) {
		return nil
	}
	return simple.Node(r.row[r.pos])
}

// NewCompact returns the compact citation graph of n nodes in which node
// from[i] cites node to[i], keys being the indexes in decimal. Repeated
// pairs are merged into one citation weighted by their count and
// self-citations are left out. It panics if the slices differ in length
// or an index is outside [0, n). Cost is O(n + m) time and memory for m
// citations.
func NewCompact(n int, from, to []int32) *Compact {
	if len(from) != len(to) {
		panic(fmt.Sprintf("graph: NewCompact: %d citing and %d cited indexes", len(from), len(to)))
	}
	for i := range from {
		if from[i] < 0 || int(from[i]) >= n || to[i] < 0 || int(to[i]) >= n {
			panic(fmt.Sprintf("graph: NewCompact: citation %d → %d outside [0, %d)", from[i], to[i], n))
		}
	}
	c := &Compact{n: n, numeric: true}
	c.out, c.in, c.self, c.repeats = buildCSR(n, from, to, nil)
	c.links = emptyAdjacency(n)
	c.terms = emptyAdjacency(n)
	return c
}

func emptyAdjacency(n int) Adjacency { return Adjacency{Start: make([]int64, n+1), Adj: []int32{}} }

// buildCSR returns the out- and in-adjacency of the citations from[i] →
// to[i] weighted w[i] (w nil: all 1), rows sorted, self-citations left out
// and repeated pairs merged (weights added), with the counts of both. It
// is two counting sorts, O(n + m).
func buildCSR(n int, from, to []int32, w []float64) (out, in Adjacency, self, repeats int) {
	// Bucket the citations by cited node: the in-rows, unsorted.
	cnt := make([]int64, n+1)
	for i := range from {
		if from[i] == to[i] {
			self++
			continue
		}
		cnt[to[i]+1]++
	}
	for v := range n {
		cnt[v+1] += cnt[v]
	}
	m := cnt[n]
	bySrc := make([]int32, m)
	var byW []float64
	if w != nil {
		byW = make([]float64, m)
	}
	pos := slices.Clone(cnt[:n])
	for i := range from {
		if from[i] == to[i] {
			continue
		}
		p := pos[to[i]]
		pos[to[i]]++
		bySrc[p] = from[i]
		if w != nil {
			byW[p] = w[i]
		}
	}
	// Walking the cited nodes in order fills the out-rows sorted, with
	// repeats adjacent.
	outDeg := RowStarts(n, bySrc)
	adj := make([]int32, m)
	aw := make([]float64, m)
	pos = slices.Clone(outDeg[:n])
	for t := range n {
		for p := cnt[t]; p < cnt[t+1]; p++ {
			f := bySrc[p]
			x := 1.0
			if w != nil {
				x = byW[p]
			}
			q := pos[f]
			if q > outDeg[f] && adj[q-1] == int32(t) {
				aw[q-1] += x
				repeats++
				continue
			}
			adj[q] = int32(t)
			aw[q] = x
			pos[f]++
		}
	}
	// Close the gaps the merged repeats left.
	out.Start = make([]int64, n+1)
	k := int64(0)
	weighted := false
	for v := range n {
		out.Start[v] = k
		for p := outDeg[v]; p < pos[v]; p++ {
			adj[k], aw[k] = adj[p], aw[p]
			if aw[k] != 1 {
				weighted = true
			}
			k++
		}
	}
	out.Start[n] = k
	out.Adj = slices.Clip(adj[:k])
	if weighted {
		out.W = slices.Clip(aw[:k])
	}
	in = transpose(n, out)
	return out, in, self, repeats
}

// transpose returns the reverse adjacency of a, rows sorted. O(n + m).
func transpose(n int, a Adjacency) Adjacency {
	var t Adjacency
	t.Start = RowStarts(n, a.Adj)
	t.Adj = make([]int32, len(a.Adj))
	if a.W != nil {
		t.W = make([]float64, len(a.Adj))
	}
	pos := slices.Clone(t.Start[:n])
	for u := range n {
		for p := a.Start[u]; p < a.Start[u+1]; p++ {
			v := a.Adj[p]
			q := pos[v]
			pos[v]++
			t.Adj[q] = int32(u)
			if a.W != nil {
				t.W[q] = a.W[p]
			}
		}
	}
	return t
}

// CompactBuilder collects the nodes and citations of a Compact from
// inputs that name nodes by string keys (edge lists, Cora files). The zero
// value is not ready: use NewCompactBuilder.
type CompactBuilder struct {
	index    map[string]int32
	keys     []string
	from, to []int32
	w        []float64 // nil while every weight is 1
	lf, lt   []int32
	lw       []float64
	lk       []EdgeKind
	year     []int32
	global   []int32
	vocab    map[string]int32
	words    []string
	tn, tt   []int32 // node, term pairs
}

// NewCompactBuilder returns an empty builder.
func NewCompactBuilder() *CompactBuilder {
	return &CompactBuilder{index: map[string]int32{}, vocab: map[string]int32{}}
}

// Len returns the number of nodes added so far.
func (b *CompactBuilder) Len() int { return len(b.keys) }

// Node returns the builder's number for the node with the given key,
// adding it when new. The numbers are provisional: Build renumbers the
// nodes in the natural order of their keys.
func (b *CompactBuilder) Node(key string) int32 {
	if v, ok := b.index[key]; ok {
		return v
	}
	if len(b.keys) == 1<<31-1 {
		panic("graph: CompactBuilder: more than 2³¹-1 nodes")
	}
	v := int32(len(b.keys))
	b.index[key] = v
	b.keys = append(b.keys, key)
	return v
}

// NodeBytes is Node for a key held in a byte slice; it does not keep key
// and allocates only for a new node.
func (b *CompactBuilder) NodeBytes(key []byte) int32 {
	if v, ok := b.index[string(key)]; ok {
		return v
	}
	return b.Node(string(key))
}

// Lookup returns the builder's number for key, if it was added.
func (b *CompactBuilder) Lookup(key string) (int32, bool) {
	v, ok := b.index[key]
	return v, ok
}

// Cite adds a citation from node from to node to with weight w (1 for a
// plain citation). A repeated pair adds its weight to the first; a
// self-citation is counted and left out by Build.
func (b *CompactBuilder) Cite(from, to int32, w float64) {
	if w != 1 && b.w == nil {
		b.w = make([]float64, len(b.from), cap(b.from))
		for i := range b.w {
			b.w[i] = 1
		}
	}
	b.from = append(b.from, from)
	b.to = append(b.to, to)
	if b.w != nil {
		b.w = append(b.w, w)
	}
}

// Link adds an undirected link of kind k (CoCited or Related) and weight
// w between two nodes. Links between a node and itself are ignored.
func (b *CompactBuilder) Link(x, y int32, k EdgeKind, w float64) {
	if x == y {
		return
	}
	b.lf, b.lt, b.lk, b.lw = append(b.lf, x), append(b.lt, y), append(b.lk, k), append(b.lw, w)
}

// SetYear records the publication year of v (0: unknown).
func (b *CompactBuilder) SetYear(v int32, year int) {
	for len(b.year) <= int(v) {
		b.year = append(b.year, 0)
	}
	b.year[v] = int32(year)
}

// SetGlobalCitations records the global citation count of v (see
// Record.CitedByCount); a negative count means unknown.
func (b *CompactBuilder) SetGlobalCitations(v int32, count int) {
	for len(b.global) <= int(v) {
		b.global = append(b.global, -1)
	}
	b.global[v] = int32(max(count, -1))
}

// AddTerms adds terms to the bag of node v, in order; repeats count.
func (b *CompactBuilder) AddTerms(v int32, terms ...string) {
	for _, t := range terms {
		id, ok := b.vocab[t]
		if !ok {
			id = int32(len(b.words))
			b.vocab[t] = id
			b.words = append(b.words, t)
		}
		b.tn = append(b.tn, v)
		b.tt = append(b.tt, id)
	}
}

// Build returns the Compact. Nodes are numbered in the natural order of
// their keys: numerically when every key is a decimal number without
// leading zeros (as in SNAP files), lexically otherwise, so the numbering
// does not depend on the order of the input. The vocabulary is sorted.
// Cost is O(n log n) for sorting the keys plus O(m) for m citations,
// links and terms. The builder must not be used afterwards.
func (b *CompactBuilder) Build() *Compact {
	n := len(b.keys)
	numeric := true
	for _, k := range b.keys {
		if !isCanonicalNumber(k) {
			numeric = false
			break
		}
	}
	less := lessLexical
	if numeric {
		less = lessNumeric
	}
	order := make([]int32, n) // order[new] = old
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return less(b.keys[order[i]], b.keys[order[j]]) })
	perm := make([]int32, n) // perm[old] = new
	keys := make([]string, n)
	for nv, ov := range order {
		perm[ov] = int32(nv)
		keys[nv] = b.keys[ov]
	}
	remap := func(s []int32) {
		for i, v := range s {
			s[i] = perm[v]
		}
	}
	remap(b.from)
	remap(b.to)
	c := &Compact{n: n, keys: keys, numeric: numeric}
	c.out, c.in, c.self, c.repeats = buildCSR(n, b.from, b.to, b.w)
	b.from, b.to, b.w = nil, nil, nil

	remap(b.lf)
	remap(b.lt)
	c.links, c.linkKinds = buildLinks(n, b.lf, b.lt, b.lk, b.lw)

	if b.year != nil {
		c.year = make([]int32, n)
		for ov, y := range b.year {
			c.year[perm[ov]] = y
		}
	}
	if b.global != nil {
		c.global = make([]int32, n)
		for i := range c.global {
			c.global[i] = -1
		}
		for ov, g := range b.global {
			c.global[perm[ov]] = g
		}
	}

	// Terms: vocabulary sorted, rows by node in the order given.
	c.vocab = slices.Clone(b.words)
	sort.Strings(c.vocab)
	tid := make([]int32, len(b.words)) // old term ID → sorted ID
	for i, w := range c.vocab {
		tid[b.vocab[w]] = int32(i)
	}
	c.terms.Start = make([]int64, n+1)
	for _, v := range b.tn {
		c.terms.Start[perm[v]+1]++
	}
	for v := range n {
		c.terms.Start[v+1] += c.terms.Start[v]
	}
	c.terms.Adj = make([]int32, len(b.tn))
	pos := slices.Clone(c.terms.Start[:n])
	for i, v := range b.tn {
		nv := perm[v]
		c.terms.Adj[pos[nv]] = tid[b.tt[i]]
		pos[nv]++
	}
	if c.vocab == nil {
		c.vocab = []string{}
	}
	*b = CompactBuilder{}
	return c
}

// buildLinks returns the symmetric adjacency of undirected links, rows
// sorted by neighbour then kind, equal (neighbour, kind) entries merged.
func buildLinks(n int, lf, lt []int32, lk []EdgeKind, lw []float64) (Adjacency, []EdgeKind) {
	type entry struct {
		v int32
		k EdgeKind
		w float64
	}
	a := Adjacency{Start: make([]int64, n+1)}
	for i := range lf {
		a.Start[lf[i]+1]++
		a.Start[lt[i]+1]++
	}
	for v := range n {
		a.Start[v+1] += a.Start[v]
	}
	rows := make([]entry, a.Start[n])
	pos := slices.Clone(a.Start[:n])
	for i := range lf {
		rows[pos[lf[i]]] = entry{lt[i], lk[i], lw[i]}
		pos[lf[i]]++
		rows[pos[lt[i]]] = entry{lf[i], lk[i], lw[i]}
		pos[lt[i]]++
	}
	a.Adj = make([]int32, 0, len(rows))
	a.W = make([]float64, 0, len(rows))
	kinds := make([]EdgeKind, 0, len(rows))
	start := a.Start
	a.Start = make([]int64, n+1)
	for v := range n {
		a.Start[v] = int64(len(a.Adj))
		row := rows[start[v]:start[v+1]]
		sort.Slice(row, func(i, j int) bool {
			if row[i].v != row[j].v {
				return row[i].v < row[j].v
			}
			return row[i].k < row[j].k
		})
		for i, e := range row {
			if i > 0 && row[i-1].v == e.v && row[i-1].k == e.k {
				a.W[len(a.W)-1] += e.w
				continue
			}
			a.Adj = append(a.Adj, e.v)
			a.W = append(a.W, e.w)
			kinds = append(kinds, e.k)
		}
	}
	a.Start[n] = int64(len(a.Adj))
	return a, kinds
}

// isCanonicalNumber reports whether s is a decimal number without sign or
// leading zeros.
func isCanonicalNumber(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func lessLexical(a, b string) bool { return a < b }

// lessNumeric compares canonical decimal numbers of any length.
func lessNumeric(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// Compact returns the compact form of g: the same nodes with the same IDs
// (and keys), its citations without self-citations weighted by Edge.N,
// its CoCited and Related edges as links (weights N), the works' years
// and, where a scite report gave it, the number of citing publications as
// the global citation count. Terms are left empty (the analysis derives
// them from the works' text). Cost is O(n + m); the result does not share
// memory with g.
func (g *Graph) Compact() *Compact {
	n := len(g.works)
	c := &Compact{n: n, keys: make([]string, n)}
	var from, to []int32
	var w []float64
	for _, e := range g.edges[Cites] {
		from = append(from, int32(e.F.id))
		to = append(to, int32(e.T.id))
		w = append(w, float64(e.N))
	}
	c.out, c.in, c.self, c.repeats = buildCSR(n, from, to, w)
	var lf, lt []int32
	var lk []EdgeKind
	var lw []float64
	for _, k := range []EdgeKind{CoCited, Related} {
		for _, e := range g.edges[k] {
			if e.F.id == e.T.id {
				continue
			}
			lf, lt = append(lf, int32(e.F.id)), append(lt, int32(e.T.id))
			lk, lw = append(lk, k), append(lw, float64(e.N))
		}
	}
	c.links, c.linkKinds = buildLinks(n, lf, lt, lk, lw)
	for i, wk := range g.works {
		c.keys[i] = wk.Key
		if wk.Year != 0 {
			if c.year == nil {
				c.year = make([]int32, n)
			}
			c.year[i] = int32(wk.Year)
		}
		if wk.Tallies != nil && wk.Tallies.CitingPublications != nil {
			if c.global == nil {
				c.global = make([]int32, n)
				for j := range c.global {
					c.global[j] = -1
				}
			}
			c.global[i] = int32(*wk.Tallies.CitingPublications)
		}
	}
	c.terms = emptyAdjacency(n)
	c.vocab = []string{}
	return c
}

// RowStarts returns the row offsets of a CSR adjacency with n rows whose
// entries belong to the rows keys names (each key in 0 … n-1, counted once
// per occurrence): row v spans start[v] … start[v+1]. It is the counting
// step of a counting sort, O(n + len(keys)).
func RowStarts(n int, keys []int32) []int64 {
	start := make([]int64, n+1)
	for _, k := range keys {
		start[k+1]++
	}
	for v := range n {
		start[v+1] += start[v]
	}
	return start
}
