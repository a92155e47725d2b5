package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
)

// ThemeOptions are the parameters of TextThemes. The zero value asks for
// the defaults documented on each field.
type ThemeOptions struct {
	// K is the number of themes; 0 chooses it (see TextThemes).
	K int
	// MaxK bounds the automatic choice; 0 means 10.
	MaxK int
	// Smoothing is α, the share of a work's vector taken from its
	// neighbours at each step; 0 means 0.8.
	Smoothing float64
	// Steps is the number of smoothing steps t; 0 means 4, negative none.
	Steps int
	// Restarts is the number of k-means runs, the best kept; 0 means 30.
	Restarts int
	// Seed seeds every random choice (k-means++ seeding).
	Seed int64
	// Terms is the number of label terms per theme; 0 means 3.
	Terms int
	// Dims is the number of dimensions the term vectors are projected to
	// before smoothing and clustering; 0 means none (one dimension per
	// term) unless works × terms exceeds 2²⁵, when as many as fit.
	Dims int
}

// Defaults of ThemeOptions.
const (
	DefaultThemeSmoothing = 0.8
	DefaultThemeSteps     = 4
	DefaultThemeRestarts  = 30
	DefaultThemeMaxK      = 10
	// DefaultThemeScanRestarts is the number of k-means runs per K while
	// the number of themes is being chosen.
	DefaultThemeScanRestarts = 3
)

// ThemeResult is what TextThemes finds.
type ThemeResult struct {
	// Theme is each work's theme, 0 … K-1, largest theme first.
	Theme []int `json:"theme"`
	// Themes describes each theme: label terms by c-TF-IDF, size, works by
	// PageRank (see Theme).
	Themes []Theme `json:"themes"`
	// K is the number of themes; Automatic says whether it was chosen.
	K         int  `json:"k"`
	Automatic bool `json:"automatic"`
	// Silhouette is the mean silhouette of the works with a vector, by
	// cosine distance between smoothed vectors (−1 … 1; higher means
	// tighter, better separated themes).
	Silhouette float64 `json:"silhouette"`
	// Modularity is Q of the themes on the citation network (γ = 1): how
	// much the themes follow the citations.
	Modularity float64 `json:"modularity"`
	// Tried lists, for an automatic K, the silhouette of each K tried.
	Tried []KScore `json:"tried,omitempty"`
}

// KScore is the silhouette of one number of themes.
type KScore struct {
	K          int     `json:"k"`
	Silhouette float64 `json:"silhouette"`
}

// maxDenseCells bounds the size of the work × dimension matrix TextThemes
// clusters; wider vocabularies are projected (see TextThemes).
const maxDenseCells = 1 << 25

// maxProjectedDims is the most dimensions a vocabulary too wide for
// maxDenseCells is projected to: every smoothing step and k-means
// distance costs one operation per dimension, and on ../shared/data
// (78,564 works) the 427 dimensions the cells allowed made themes take
// minutes.
const maxProjectedDims = 256

// TextThemes divides the works of g into themes that combine what they say
// with whom they cite, and labels them. docs holds each work's terms
// (indexed by node ID; WorkTerms for a Graph, CompactTerms for an edge
// list with word features); works without terms take their vectors from
// their neighbours only.
//
// Each work gets a TF-IDF vector of its terms (raw counts times
// ln((1+N)/(1+df)) + 1, unit length; terms in only one work are left
// out), which is smoothed over the citation network t times,
//
//	X ← (1−α) X + α D^−½ (A + I) D^−½ X,
//
// a low-pass graph filter in the manner of simplified graph convolution
// (F. Wu et al., Simplifying graph convolutional networks, ICML 2019; X.
// Zhang et al., Attributed graph clustering: a deep attentional embedding
// approach / adaptive graph convolution, IJCAI 2019): a work's vector
// moves towards those of the works it cites and that cite it, so two
// works on one topic that share few words but many neighbours come
// close. The smoothed vectors, normalised, are divided into K themes by
// spherical k-means (cosine similarity) with k-means++ seeding, the best
// of Restarts runs by total similarity. With K = 0 every K from 2 to MaxK
// is tried (3 runs each) and the one of highest mean silhouette is run in
// full.
//
// Vocabularies wider than 2²⁵ cells allow (works × terms), or than Dims,
// are first projected onto random ±1 directions (D. Achlioptas, J.
// Comput. Syst. Sci. 66 (2003) 671–687), at most maxProjectedDims (256) of
// them, which keeps cosines roughly but costs accuracy (on Cora, K = 7,
// seeds 1–3: 256 dimensions give NMI 0.534, 0.513, 0.485 where the 1,432
// words give 0.553, 0.583, 0.583; 128 give about 0.46). Above
// maxKMeansRows works, K is chosen and the restarts run on a sample (see
// maxKMeansRows). Labels are the c-TF-IDF terms of each theme (as Themes
// labels communities) and Top lists the theme's works by pagerank (nil:
// by ID). The same inputs and options give the same result, on any number
// of processors. Cost is O(t·m·D + Restarts·iterations·s·K·D +
// iterations·n·K·D) for D dimensions and a sample of s =
// min(n, maxKMeansRows) rows: linear in the works and citations. Rows
// without text anywhere near are skipped by the smoothing. TextThemes
// panics if len(docs) or a non-nil len(pagerank) differs from the number
// of works.
func TextThemes(g Citations, docs [][]string, pagerank []float64, opt ThemeOptions) ThemeResult {
	c := compactOf(g)
	n := c.Len()
	if len(docs) != n {
		panic(fmt.Sprintf("analysis: TextThemes: %d term lists for %d works", len(docs), n))
	}
	if opt.MaxK == 0 {
		opt.MaxK = DefaultThemeMaxK
	}
	if opt.Smoothing == 0 {
		opt.Smoothing = DefaultThemeSmoothing
	}
	if opt.Steps == 0 {
		opt.Steps = DefaultThemeSteps
	}
	if opt.Restarts == 0 {
		opt.Restarts = DefaultThemeRestarts
	}
	if opt.Terms == 0 {
		opt.Terms = DefaultTerms
	}
	nw := CitationNetwork(c)
	x := textVectors(docs, opt.Dims, opt.Seed)
	if opt.Steps > 0 {
		x = smooth(nw, x, opt.Smoothing, opt.Steps)
	}
	x.normalise()
	res := ThemeResult{}
	rng := rand.New(rand.NewPCG(uint64(opt.Seed), 0x7e3e5))
	var assign []int
	xs := x
	restarts, tol := opt.Restarts, 0
	if x.n > maxKMeansRows {
		restarts = min(restarts, maxSampledRestarts)
		tol = maxKMeansRows / 1000
		rows := x.nonZero()
		if len(rows) == 0 {
			rows = make([]int, x.n) // no text anywhere: any rows will do
			for i := range rows {
				rows[i] = i
			}
		}
		xs = x.sample(rows, maxKMeansRows, rng)
	}
	switch {
	case n == 0:
		assign = []int{}
	case opt.K > 0:
		res.K = min(opt.K, n)
		assign = xs.kmeans(res.K, restarts, tol, rng)
	default:
		res.Automatic = true
		bestS := math.Inf(-1)
		for k := 2; k <= min(opt.MaxK, n); k++ {
			a := xs.kmeans(k, min(DefaultThemeScanRestarts, restarts), tol, rng)
			s := xs.silhouette(a, k)
			res.Tried = append(res.Tried, KScore{k, s})
			if s > bestS {
				bestS, res.K = s, k
			}
		}
		if res.K == 0 {
			res.K = 1
			assign = make([]int, n)
		} else {
			assign = xs.kmeans(res.K, restarts, tol, rng)
		}
	}
	if len(assign) != n {
		assign = x.refine(xs, assign, res.K, tol*x.n/max(1, xs.n))
	}
	if n > 0 && (opt.K > 0 || res.K > 1) {
		res.Silhouette = x.silhouette(assign, res.K)
	}
	res.Theme = canonical(assign)
	res.K = 0
	for _, t := range res.Theme {
		res.K = max(res.K, t+1)
	}
	res.Modularity = nw.Modularity(res.Theme, 1)
	res.Themes = themes(n, res.Theme, pagerank, opt.Terms, docs)
	return res
}

// dense is a works × dimensions matrix of float32, row-major.
type dense struct {
	n, d int
	v    []float32
}

func (x *dense) row(i int) []float32 { return x.v[i*x.d : (i+1)*x.d] }

// textVectors returns the unit TF-IDF vectors of docs, projected when the
// matrix would exceed maxDenseCells.
func textVectors(docs [][]string, dims int, seed int64) *dense {
	n := len(docs)
	df := map[string]int{}
	withText := 0
	for _, d := range docs {
		if len(d) == 0 {
			continue
		}
		withText++
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	var vocab []string
	for t, k := range df {
		if k >= 2 {
			vocab = append(vocab, t)
		}
	}
	sort.Strings(vocab)
	index := make(map[string]int, len(vocab))
	for i, t := range vocab {
		index[t] = i
	}
	idf := make([]float64, len(vocab))
	for i, t := range vocab {
		idf[i] = math.Log((1+float64(withText))/(1+float64(df[t]))) + 1
	}
	project := dims > 0 && dims < len(vocab)
	if !project {
		dims = len(vocab)
	}
	if n > 0 && n*dims > maxDenseCells {
		dims = min(maxProjectedDims, max(16, maxDenseCells/n))
		project = true
	}
	x := &dense{n: n, d: dims, v: make([]float32, n*max(dims, 0))}
	if dims == 0 {
		return x
	}
	// Random ±1 projection: term t adds to dimension j with sign s(t, j),
	// bit j%64 of a hash of the seed, the term's index and j/64.
	signs := func(t, block int) uint64 {
		h := uint64(t)*0x9e3779b97f4a7c15 ^ uint64(block)*0xc2b2ae3d27d4eb4f ^ uint64(seed)
		h ^= h >> 33
		h *= 0xff51afd7ed558ccd
		h ^= h >> 33
		h *= 0xc4ceb9fe1a85ec53
		h ^= h >> 33
		return h
	}
	// Rows are independent: each is filled by one goroutine, in the same
	// order of terms as by any other.
	forBlocks(n, func(_, lo, hi int) {
		counts := map[int]float64{}
		var terms []int
		for i := lo; i < hi; i++ {
			clear(counts)
			for _, t := range docs[i] {
				if j, ok := index[t]; ok {
					counts[j]++
				}
			}
			if len(counts) == 0 {
				continue
			}
			terms = terms[:0]
			for j := range counts {
				terms = append(terms, j)
			}
			sort.Ints(terms)
			var norm float64
			for _, j := range terms {
				w := counts[j] * idf[j]
				counts[j] = w
				norm += w * w
			}
			norm = math.Sqrt(norm)
			r := x.row(i)
			for _, j := range terms {
				w := float32(counts[j] / norm)
				if !project {
					r[j] = w
					continue
				}
				for b := 0; b < len(r); b += 64 {
					bits := signs(j, b/64)
					for k, end := b, min(len(r), b+64); k < end; k++ {
						if bits&1 == 0 {
							r[k] += w
						} else {
							r[k] -= w
						}
						bits >>= 1
					}
				}
			}
		}
	})
	return x
}

// smooth returns (1−α)X + α Ŝ X applied steps times, Ŝ = D^−½(A+I)D^−½
// over the citation network nw (weights as given, a self-loop of weight 1).
func smooth(nw Network, x *dense, alpha float64, steps int) *dense {
	n, d := x.n, x.d
	deg := make([]float64, n)
	for v := range n {
		deg[v] = 1
		for _, w := range nw.W[nw.Start[v]:nw.Start[v+1]] {
			deg[v] += w
		}
		deg[v] = 1 / math.Sqrt(deg[v])
	}
	next := &dense{n: n, d: d, v: make([]float32, len(x.v))}
	acc := make([][]float64, nblocks(n))
	// zero[v] says row v is zero; such rows add nothing to a neighbour's
	// sum and are skipped, which on a corpus with large parts without
	// text (an edge list of citations only) saves most of the work. A row
	// next to a non-zero one is non-zero after the step.
	zero, nextZero := make([]bool, n), make([]bool, n)
	forBlocks(n, func(_, lo, hi int) {
		for v := lo; v < hi; v++ {
			zero[v] = isZero(x.row(v))
		}
	})
	for range steps {
		forBlocks(n, func(b, lo, hi int) {
			if acc[b] == nil {
				acc[b] = make([]float64, d)
			}
			a := acc[b]
			for v := lo; v < hi; v++ {
				out, in := next.row(v), x.row(v)
				lonely := zero[v]
				for _, u := range nw.Adj[nw.Start[v]:nw.Start[v+1]] {
					if !zero[u] {
						lonely = false
						break
					}
				}
				if nextZero[v] = lonely; lonely {
					clear(out)
					continue
				}
				clear(a)
				self := deg[v] * deg[v]
				for k, y := range in {
					a[k] = self * float64(y)
				}
				for p := nw.Start[v]; p < nw.Start[v+1]; p++ {
					u := nw.Adj[p]
					if zero[u] {
						continue
					}
					f := nw.W[p] * deg[v] * deg[u]
					for k, y := range x.row(int(u)) {
						a[k] += f * float64(y)
					}
				}
				for k := range out {
					out[k] = float32((1-alpha)*float64(in[k]) + alpha*a[k])
				}
			}
		})
		x, next = next, x
		zero, nextZero = nextZero, zero
	}
	return x
}

// isZero reports whether every element of r is zero.
func isZero(r []float32) bool {
	for _, y := range r {
		if y != 0 {
			return false
		}
	}
	return true
}

// normalise scales every non-zero row to unit length.
func (x *dense) normalise() {
	forBlocks(x.n, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			r := x.row(i)
			var s float64
			for _, y := range r {
				s += float64(y) * float64(y)
			}
			if s == 0 {
				continue
			}
			f := float32(1 / math.Sqrt(s))
			for k := range r {
				r[k] *= f
			}
		}
	})
}

func dot32(a, b []float32) float64 {
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return float64(s0 + s1 + s2 + s3)
}

// maxKMeansIterations bounds each k-means run.
const maxKMeansIterations = 100

// kmeans returns the best of restarts spherical k-means runs with
// k-means++ seeding: each row's cluster, 0 … k-1. Each run is Lloyd's
// algorithm on unit vectors (Euclidean distance √(2 − 2 cos)), sped up by
// Hamerly's bounds (G. Hamerly, Making k-means even faster, SDM 2010),
// which skip the distances that cannot change a row's cluster and give
// the same result as plain Lloyd iterations.
func (x *dense) kmeans(k, restarts, tol int, rng *rand.Rand) []int {
	h := newHamerly(x, k)
	h.tol = tol
	var best []int
	bestObj := math.Inf(-1)
	for range restarts {
		x.seed(h.cent, rng)
		h.lloyd(maxKMeansIterations)
		if obj := h.objective(); obj > bestObj {
			bestObj = obj
			best = append(best[:0], h.assign...)
		}
	}
	return best
}

// refine returns each row's cluster after Lloyd's algorithm on x started
// from the centroids of the clusters assign gives the rows of sample.
func (x *dense) refine(sample *dense, assign []int, k, tol int) []int {
	h := newHamerly(x, k)
	h.tol = tol
	sample.centroids(h.cent, assign)
	h.lloyd(maxRefineIterations)
	return h.assign
}

// maxRefineIterations bounds the run that refines a sample's clustering
// on every row: started from good centroids, Lloyd's algorithm moves few
// rows after its first iterations; it also stops when no more than one
// row in a thousand moves.
const maxRefineIterations = 10

// maxKMeansRows is the most rows k-means is run on in full for every
// restart and every K tried: above it the choice of K and the restarts
// run on maxKMeansRows non-zero rows drawn at random, and the best
// clustering of the sample is refined on all rows by one run of Lloyd's
// algorithm started from its centroids (as Bradley and Fayyad's refined
// starting points do, ICML 1998), so the cost stops growing with
// Restarts·MaxK. On a sample, at most maxSampledRestarts runs are made
// per K, and a run stops when no more than one row in a thousand changes
// cluster (the refinement on all rows follows). On ../shared/data (78,564
// works, 48,000 with a vector) a sample of 32,768 rows took 221 s of the
// run's 300; 4,096 rows keep ten themes of about the same sizes.
var maxKMeansRows = 1 << 12

// maxSampledRestarts bounds the restarts of k-means on a sample.
const maxSampledRestarts = 10

// nonZero returns the indexes of the rows of x that are not zero.
func (x *dense) nonZero() []int {
	var rows []int
	for i := range x.n {
		if !isZero(x.row(i)) {
			rows = append(rows, i)
		}
	}
	return rows
}

// sample returns m of the rows of x indexed by rows (all of them when
// there are no more than m), drawn without replacement by rng, in their
// order in x. Rows that are zero (works with no text and no neighbour
// with text) are left out by the caller: they are as far from every
// centroid and would only dilute the sample. rows is reordered.
func (x *dense) sample(rows []int, m int, rng *rand.Rand) *dense {
	if len(rows) > m {
		for i := range m {
			j := i + int(uniform(rng, uint64(len(rows)-i)))
			rows[i], rows[j] = rows[j], rows[i]
		}
		rows = rows[:m]
		sort.Ints(rows)
	}
	out := &dense{n: len(rows), d: x.d, v: make([]float32, len(rows)*x.d)}
	for i, r := range rows {
		copy(out.row(i), x.row(r))
	}
	return out
}

// hamerly is the state of one k-means run with Hamerly's bounds: each
// row's cluster, an upper bound on its distance to that centroid and a
// lower bound on its distance to any other.
type hamerly struct {
	x, cent, old *dense
	k            int
	assign       []int
	upper, lower []float64
	half, shift  []float64
	moved        []int
	tol          int // lloyd stops when no more rows than this move
	objs, sim    []float64
}

func newHamerly(x *dense, k int) *hamerly {
	n, nb := x.n, nblocks(x.n)
	return &hamerly{
		x: x, k: k,
		cent:   &dense{n: k, d: x.d, v: make([]float32, k*x.d)},
		old:    &dense{n: k, d: x.d, v: make([]float32, k*x.d)},
		assign: make([]int, n),
		upper:  make([]float64, n),
		lower:  make([]float64, n),
		half:   make([]float64, k),
		shift:  make([]float64, k),
		moved:  make([]int, nb),
		objs:   make([]float64, nb),
		sim:    make([]float64, n),
	}
}

// lloyd runs Lloyd's algorithm from the current centroids until no row
// changes cluster, for at most iterations.
func (h *hamerly) lloyd(iterations int) {
	for i := range h.assign {
		h.assign[i] = -1
		h.upper[i] = math.Inf(1)
		h.lower[i] = 0
	}
	for range iterations {
		h.halfDistances()
		if h.assignRows() <= h.tol {
			break
		}
		copy(h.old.v, h.cent.v)
		h.x.centroids(h.cent, h.assign)
		h.shiftBounds()
	}
}

// unitDist is the Euclidean distance of two unit vectors with cosine s.
func unitDist(s float64) float64 { return math.Sqrt(max(0, 2-2*s)) }

// halfDistances sets half[c] to half the distance from centroid c to its
// nearest other.
func (h *hamerly) halfDistances() {
	for c := range h.k {
		h.half[c] = math.Inf(1)
		for o := range h.k {
			if o != c {
				h.half[c] = min(h.half[c], unitDist(dot32(h.cent.row(c), h.cent.row(o)))/2)
			}
		}
	}
}

// assignRows moves each row whose bounds allow it to its nearest centroid
// and returns how many rows changed cluster.
func (h *hamerly) assignRows() int {
	forBlocks(h.x.n, func(b, lo, hi int) {
		m := 0
		for i := lo; i < hi; i++ {
			a := h.assign[i]
			if a >= 0 {
				bound := max(h.half[a], h.lower[i])
				if h.upper[i] <= bound {
					continue
				}
				h.upper[i] = unitDist(dot32(h.x.row(i), h.cent.row(a)))
				if h.upper[i] <= bound {
					continue
				}
			}
			r := h.x.row(i)
			b1, d1, d2 := 0, math.Inf(1), math.Inf(1)
			for c := range h.k {
				d := unitDist(dot32(r, h.cent.row(c)))
				if d < d1 {
					b1, d1, d2 = c, d, d1
				} else if d < d2 {
					d2 = d
				}
			}
			if b1 != a {
				h.assign[i] = b1
				m++
			}
			h.upper[i], h.lower[i] = d1, d2
		}
		h.moved[b] = m
	})
	changes := 0
	for _, m := range h.moved {
		changes += m
	}
	return changes
}

// shiftBounds loosens the bounds by how far the centroids moved.
func (h *hamerly) shiftBounds() {
	far, far2, farC := 0.0, 0.0, -1
	for c := range h.k {
		h.shift[c] = unitDist(dot32(h.cent.row(c), h.old.row(c)))
		if h.shift[c] > far {
			far, far2, farC = h.shift[c], far, c
		} else if h.shift[c] > far2 {
			far2 = h.shift[c]
		}
	}
	for i, a := range h.assign {
		h.upper[i] += h.shift[a]
		if a == farC {
			h.lower[i] -= far2
		} else {
			h.lower[i] -= far
		}
	}
}

// objective is the sum of each row's cosine to its centroid.
func (h *hamerly) objective() float64 {
	forBlocks(h.x.n, func(b, lo, hi int) {
		var o float64
		for i := lo; i < hi; i++ {
			h.sim[i] = dot32(h.x.row(i), h.cent.row(h.assign[i]))
			o += h.sim[i]
		}
		h.objs[b] = o
	})
	var obj float64
	for _, o := range h.objs {
		obj += o
	}
	return obj
}

// seed places k centroids by k-means++ (D. Arthur and S. Vassilvitskii,
// SODA 2007) with the cosine distance 1 − x·c.
func (x *dense) seed(cent *dense, rng *rand.Rand) {
	n, k := x.n, cent.n
	dist := make([]float64, n)
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	pick := int(uniform(rng, uint64(n)))
	for c := range k {
		copy(cent.row(c), x.row(pick))
		cr := cent.row(c)
		forBlocks(n, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				dist[i] = min(dist[i], max(0, 1-dot32(x.row(i), cr)))
			}
		})
		// Summed in row order, so the same on any number of processors.
		var total float64
		for _, d := range dist {
			total += d
		}
		if c == k-1 {
			break
		}
		if total == 0 {
			pick = int(uniform(rng, uint64(n)))
			continue
		}
		r := rng.Float64() * total
		pick = n - 1
		for i, d := range dist {
			r -= d
			if r < 0 {
				pick = i
				break
			}
		}
	}
}

// centroids sets each centroid to the normalised sum of its rows; an
// empty cluster keeps its place.
func (x *dense) centroids(cent *dense, assign []int) {
	size := make([]int, cent.n)
	for _, c := range assign {
		size[c]++
	}
	for c := range cent.n {
		if size[c] > 0 {
			clear(cent.row(c))
		}
	}
	// Each goroutine sums a range of columns over every row in order, so
	// the sums are the same to the bit as one goroutine's. The ranges are
	// wide (one per processor, at least 64 columns) so that each row is
	// read as long runs: with 8 columns per range every range re-read
	// every row from memory, and on ../shared/data (20,171 works) themes
	// took 370 s instead of seconds.
	cols := max(64, (x.d+runtime.GOMAXPROCS(0)-1)/runtime.GOMAXPROCS(0))
	parallel((x.d+cols-1)/cols, func(b int) {
		lo, hi := b*cols, min(x.d, (b+1)*cols)
		for i, c := range assign {
			r, cr := x.row(i)[lo:hi], cent.row(c)[lo:hi]
			for j := range cr {
				cr[j] += r[j]
			}
		}
	})
	cent.normalise()
}

// silhouette returns the mean silhouette (P. J. Rousseeuw, J. Comput. Appl.
// Math. 20 (1987) 53–65) of the non-zero rows under the cosine distance
// 1 − x·y. Because that distance is linear in y, a row's mean distance to
// a cluster is 1 − x·(the cluster's sum)/size, so the exact value costs
// O(n·k·D). Rows alone in their cluster score 0.
func (x *dense) silhouette(assign []int, k int) float64 {
	n := x.n
	sums := &dense{n: k, d: x.d, v: make([]float32, k*x.d)}
	size := make([]int, k)
	zero := make([]bool, n)
	for i, c := range assign {
		r := x.row(i)
		z := true
		for _, y := range r {
			if y != 0 {
				z = false
				break
			}
		}
		zero[i] = z
		if z {
			continue
		}
		size[c]++
		cr := sums.row(c)
		for j := range cr {
			cr[j] += r[j]
		}
	}
	nb := nblocks(n)
	part := make([]float64, nb)
	cnt := make([]int, nb)
	forBlocks(n, func(b, lo, hi int) {
		var s float64
		m := 0
		for i := lo; i < hi; i++ {
			if zero[i] {
				continue
			}
			m++
			c := assign[i]
			if size[c] < 2 {
				continue
			}
			r := x.row(i)
			a := 1 - (dot32(r, sums.row(c))-dot32(r, r))/float64(size[c]-1)
			bmin := math.Inf(1)
			for o := range k {
				if o == c || size[o] == 0 {
					continue
				}
				bmin = min(bmin, 1-dot32(r, sums.row(o))/float64(size[o]))
			}
			if math.IsInf(bmin, 1) {
				continue
			}
			if d := max(a, bmin); d > 0 {
				s += (bmin - a) / d
			}
		}
		part[b], cnt[b] = s, m
	})
	var s float64
	m := 0
	for b := range nb {
		s += part[b]
		m += cnt[b]
	}
	if m == 0 {
		return 0
	}
	return s / float64(m)
}
