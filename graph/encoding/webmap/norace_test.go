//go:build !race

package webmap_test

const raceEnabled = false
