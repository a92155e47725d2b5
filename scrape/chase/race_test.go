//go:build race

package chase

func init() { raceEnabled = true }
