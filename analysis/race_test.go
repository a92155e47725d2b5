//go:build race

package analysis_test

// raceEnabled is true when the tests run under the race detector, which
// makes the heavy agreement tests too slow to run.
const raceEnabled = true
