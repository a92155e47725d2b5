package analysis

import (
	"math"
)

// CitationAge returns, per node ID, the mean age of the work's citations:
// the citing work's year minus the work's year, over its citations in this
// graph whose two ends both have a known year (negative ages, from
// preprints or revised versions, count as they are). Works with no such
// citation get NaN. A young mean age marks a work cited while new (a
// research front), an old one a classic. Cost is O(n + m).
func CitationAge(g Citations) []float64 {
	c := compactOf(g)
	n := c.Len()
	age := make([]float64, n)
	for v := range int32(n) {
		yv := c.Year(v)
		sum, k := 0, 0
		if yv != 0 {
			for _, u := range c.In().Row(v) {
				if yu := c.Year(u); yu != 0 {
					sum += yu - yv
					k++
				}
			}
		}
		if k == 0 {
			age[v] = math.NaN()
		} else {
			age[v] = float64(sum) / float64(k)
		}
	}
	return age
}

// YearNormalisedCitations returns, per node ID, the work's citation count
// in this graph divided by the mean count of the works of the same year
// (the year-normalised citation score, as the "normalised citation score"
// of CWTS normalises by field and year; here the graph is the field). 1
// means cited as much as its year's average; works of a year whose works
// are never cited get 0, works without a year NaN. Older works have had
// more time to be cited; this removes that advantage. Cost is O(n).
func YearNormalisedCitations(g Citations) []float64 {
	c := compactOf(g)
	n := c.Len()
	sum := map[int]float64{}
	cnt := map[int]int{}
	for v := range int32(n) {
		if y := c.Year(v); y != 0 {
			sum[y] += float64(c.In().Degree(v))
			cnt[y]++
		}
	}
	out := make([]float64, n)
	for v := range int32(n) {
		y := c.Year(v)
		switch {
		case y == 0:
			out[v] = math.NaN()
		case sum[y] == 0:
			out[v] = 0
		default:
			out[v] = float64(c.In().Degree(v)) / (sum[y] / float64(cnt[y]))
		}
	}
	return out
}
