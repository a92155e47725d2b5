//go:build race

package webmap_test

// raceEnabled is true under the race detector, which makes laying out
// 20,000 works for the large browser check too slow; it runs without it.
const raceEnabled = true
