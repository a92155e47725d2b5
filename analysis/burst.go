package analysis

import (
	"math"
	"sort"

	"github.com/citegraph/citegraph/graph"
)

// Burst is a period in which a work was cited at a markedly higher rate
// than usual: CiteSpace's citation burst.
type Burst struct {
	Node     int64   // the work
	Start    int     // first year of the burst
	End      int     // last year of the burst (inclusive)
	Strength float64 // how much likelier the burst state makes the counts (see Bursts)
}

// BurstOptions are the parameters of Bursts; the zero value asks for
// CiteSpace's defaults.
type BurstOptions struct {
	// S is the ratio of the burst rate to the base rate; 0 means 2.
	S float64
	// Gamma is the cost of entering the burst state, in units of ln(years);
	// 0 means 1.
	Gamma float64
	// MinYears is the shortest burst reported; 0 means 1.
	MinYears int
	// MinCitations is the fewest citations a work needs to be examined; 0
	// means 2.
	MinCitations int
}

// Bursts detects citation bursts with Kleinberg's two-state automaton for
// batched arrivals (J. Kleinberg, Bursty and hierarchical structure in
// streams, Data Min. Knowl. Discov. 7 (2003) 373–397, §4), as CiteSpace
// does. The batches are the years of the citing works: in year t the
// corpus makes d_t citations (of works in the graph), r_t of them to the
// work examined. The base state emits at the work's overall rate p0 = Σr/Σd,
// the burst state at p1 = min(S·p0, 0.9999); a year costs
// −ln(p^r (1−p)^(d−r)) in each state, entering the burst state costs
// Gamma·ln(T) for T years, leaving it nothing, and the cheapest sequence
// of states (found by the Viterbi algorithm) marks the bursts. A burst's
// Strength is the total cost the burst state saves over its years: the
// log-likelihood ratio of the two states for those years.
//
// Only citations whose citing work has a known year count, and works are
// examined only with at least MinCitations of them. The result is sorted
// by strength, strongest first, ties by node ID then start. Cost is
// O(m + T·n).
func Bursts(g Citations, opt BurstOptions) []Burst {
	opt = opt.withDefaults()
	c := compactOf(g)
	first, d := citingYears(c)
	if d == nil {
		return []Burst{}
	}
	T := len(d)
	var D float64
	for t := range T {
		D += d[t]
	}
	trans := opt.Gamma * math.Log(float64(T))
	out := []Burst{}
	r := make([]float64, T)
	cost := [2][]float64{make([]float64, T), make([]float64, T)}
	from := make([][2]int8, T)
	states := make([]int8, T)
	for v := range int32(c.Len()) {
		var R float64
		clear(r)
		for _, u := range c.In().Row(v) {
			if y := c.Year(u); y != 0 {
				r[y-first]++
				R++
			}
		}
		if int(R) < opt.MinCitations {
			continue
		}
		p0 := R / D
		p1 := min(opt.S*p0, 0.9999)
		for t := range T {
			cost[0][t] = emitCost(p0, r[t], d[t])
			cost[1][t] = emitCost(p1, r[t], d[t])
		}
		viterbi(cost, trans, from, states)
		out = appendBursts(out, v, first, states, cost, opt.MinYears)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Strength != b.Strength {
			return a.Strength > b.Strength
		}
		if a.Node != b.Node {
			return a.Node < b.Node
		}
		return a.Start < b.Start
	})
	return out
}

// withDefaults fills the zero fields of opt with CiteSpace's defaults.
func (opt BurstOptions) withDefaults() BurstOptions {
	if opt.S == 0 {
		opt.S = 2
	}
	if opt.Gamma == 0 {
		opt.Gamma = 1
	}
	if opt.MinYears == 0 {
		opt.MinYears = 1
	}
	if opt.MinCitations == 0 {
		opt.MinCitations = 2
	}
	return opt
}

// citingYears returns the first year in which a work of c cites and, for
// each year from it to the last citing year, the number of citations made
// in that year; nil when no citing work has a year.
func citingYears(c *graph.Compact) (first int, d []float64) {
	if !c.HasYears() {
		return 0, nil
	}
	first, last := math.MaxInt, math.MinInt
	for v := range int32(c.Len()) {
		if c.Out().Degree(v) > 0 {
			if y := c.Year(v); y != 0 {
				first, last = min(first, y), max(last, y)
			}
		}
	}
	if first > last {
		return 0, nil
	}
	d = make([]float64, last-first+1)
	for v := range int32(c.Len()) {
		// Only citing works: a work citing nothing may be older than the
		// first citing year.
		if y := c.Year(v); y != 0 && c.Out().Degree(v) > 0 {
			d[y-first] += float64(c.Out().Degree(v))
		}
	}
	return first, d
}

// viterbi writes into states the cheapest sequence of base (0) and burst
// (1) states for the emission costs cost, entering the burst state costing
// trans and leaving it nothing; from is scratch space of the same length.
func viterbi(cost [2][]float64, trans float64, from [][2]int8, states []int8) {
	T := len(states)
	// best[s] is the cheapest cost of years 0…t ending in s.
	best := [2]float64{cost[0][0], trans + cost[1][0]}
	for t := 1; t < T; t++ {
		var nb [2]float64
		// Into the base state: from either, leaving is free.
		if best[0] <= best[1] {
			nb[0], from[t][0] = best[0], 0
		} else {
			nb[0], from[t][0] = best[1], 1
		}
		if best[1] <= best[0]+trans {
			nb[1], from[t][1] = best[1], 1
		} else {
			nb[1], from[t][1] = best[0]+trans, 0
		}
		nb[0] += cost[0][t]
		nb[1] += cost[1][t]
		best = nb
	}
	state := int8(0)
	if best[1] < best[0] {
		state = 1
	}
	for t := T - 1; t >= 0; t-- {
		states[t] = state
		if t > 0 {
			state = from[t][state]
		}
	}
}

// appendBursts appends to out the runs of burst states of work v lasting
// at least minYears, each with the cost the burst state saves over it.
func appendBursts(out []Burst, v int32, first int, states []int8, cost [2][]float64, minYears int) []Burst {
	T := len(states)
	for t := 0; t < T; {
		if states[t] == 0 {
			t++
			continue
		}
		s := t
		var strength float64
		for t < T && states[t] == 1 {
			strength += cost[0][t] - cost[1][t]
			t++
		}
		if t-s >= minYears {
			out = append(out, Burst{Node: int64(v), Start: first + s, End: first + t - 1, Strength: strength})
		}
	}
	return out
}

// emitCost is −ln(p^r (1−p)^(d−r)); the binomial coefficient is the same
// in both states and left out.
func emitCost(p, r, d float64) float64 {
	if d == 0 {
		return 0
	}
	return -(r*math.Log(p) + (d-r)*math.Log1p(-p))
}
