package layout

import (
	"math"
	"testing"
)

// twoCliques is two cliques of size m joined by one link (node 0 to node m).
func twoCliques(m int) (int, [][2]int32) {
	var e [][2]int32
	for c := range 2 {
		for i := range m {
			for j := i + 1; j < m; j++ {
				e = append(e, [2]int32{int32(c*m + i), int32(c*m + j)})
			}
		}
	}
	return 2 * m, append(e, [2]int32{0, int32(m)})
}

func dist(a, b Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

// TestForceSeparatesCliques: the mean distance within a clique is smaller
// than between the two cliques, starting from one group (no theme hint).
func TestForceSeparatesCliques(t *testing.T) {
	n, e := twoCliques(20)
	pos := Force(n, e, nil, Options{Seed: 3})
	var within, between float64
	var nw, nb int
	for i := range n {
		for j := i + 1; j < n; j++ {
			if i/20 == j/20 {
				within += dist(pos[i], pos[j])
				nw++
			} else {
				between += dist(pos[i], pos[j])
				nb++
			}
		}
	}
	within, between = within/float64(nw), between/float64(nb)
	if !(within*1.5 < between) {
		t.Errorf("mean distance within cliques %.1f, between %.1f: want within well below between", within, between)
	}
	for i, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || p.X < 0 || p.Y < 0 {
			t.Fatalf("node %d at %v", i, p)
		}
	}
}

// TestForceDeterministic: the same input and seed give the same bits,
// also with coincident starting points' groups and isolated nodes.
func TestForceDeterministic(t *testing.T) {
	n := 5000
	var e [][2]int32
	group := make([]int, n)
	for i := range n {
		group[i] = i % 7
		if i%3 != 0 {
			e = append(e, [2]int32{int32(i), int32((i * 7919) % n)})
		}
	}
	a := Force(n, e, group, Options{Seed: 1, Iterations: 30})
	b := Force(n, e, group, Options{Seed: 1, Iterations: 30})
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("node %d: %v then %v", i, a[i], b[i])
		}
	}
	if Force(0, nil, nil, Options{}) != nil {
		t.Error("no nodes: want nil")
	}
}

func BenchmarkForce20k(b *testing.B) {
	n := 20000
	var e [][2]int32
	for i := range n {
		for _, j := range []int{(i * 7919) % n, (i*104729 + 17) % n, i / 2} {
			e = append(e, [2]int32{int32(i), int32(j)})
		}
	}
	group := make([]int, n)
	for i := range group {
		group[i] = i % 12
	}
	for b.Loop() {
		Force(n, e, group, Options{Seed: 1})
	}
}
