package analysis

import (
	"fmt"
	"math"
)

// NMI returns the normalised mutual information of two divisions of the
// same items, 2·I(a; b) / (H(a) + H(b)) (L. Danon et al., Comparing
// community structure identification, J. Stat. Mech. (2005) P09008): 1
// for the same division, 0 for independent ones. It is igraph's
// compare_communities(method="nmi") and scikit-learn's
// normalized_mutual_info_score. Two divisions into one group each give 1.
// It panics if the lengths differ or a label is negative. Cost is O(n +
// ka·kb).
func NMI(a, b []int) float64 {
	joint, ca, cb, n := contingency(a, b)
	if n == 0 {
		return 1
	}
	h := func(c []float64) float64 {
		var s float64
		for _, x := range c {
			if x > 0 {
				s -= x / n * math.Log(x/n)
			}
		}
		return s
	}
	ha, hb := h(ca), h(cb)
	if ha+hb == 0 {
		return 1
	}
	var mi float64
	for i, row := range joint {
		for j, x := range row {
			if x > 0 {
				mi += x / n * math.Log(x*n/(ca[i]*cb[j]))
			}
		}
	}
	return 2 * mi / (ha + hb)
}

// ARI returns the adjusted Rand index of two divisions (L. Hubert and P.
// Arabie, Comparing partitions, J. Classif. 2 (1985) 193–218): the share
// of item pairs on which they agree, corrected for chance, 1 for the same
// division and about 0 for random ones. It is igraph's
// compare_communities(method="ari"). It panics as NMI does.
func ARI(a, b []int) float64 {
	joint, ca, cb, n := contingency(a, b)
	pairs := func(x float64) float64 { return x * (x - 1) / 2 }
	var sij, sa, sb float64
	for _, row := range joint {
		for _, x := range row {
			sij += pairs(x)
		}
	}
	for _, x := range ca {
		sa += pairs(x)
	}
	for _, x := range cb {
		sb += pairs(x)
	}
	expected := sa * sb / pairs(n)
	maxIndex := (sa + sb) / 2
	if maxIndex == expected {
		return 1
	}
	return (sij - expected) / (maxIndex - expected)
}

func contingency(a, b []int) (joint [][]float64, ca, cb []float64, n float64) {
	if len(a) != len(b) {
		panic(fmt.Sprintf("analysis: comparing divisions of %d and %d items", len(a), len(b)))
	}
	ka, kb := 0, 0
	for i := range a {
		if a[i] < 0 || b[i] < 0 {
			panic("analysis: negative group label")
		}
		ka, kb = max(ka, a[i]+1), max(kb, b[i]+1)
	}
	joint = make([][]float64, ka)
	for i := range joint {
		joint[i] = make([]float64, kb)
	}
	ca, cb = make([]float64, ka), make([]float64, kb)
	for i := range a {
		joint[a[i]][b[i]]++
		ca[a[i]]++
		cb[b[i]]++
	}
	return joint, ca, cb, float64(len(a))
}
