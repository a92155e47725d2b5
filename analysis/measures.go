package analysis

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Measures are the measures a caller may ask Run for by name (citegraph
// analyse --measures), in the order of the nodes.csv columns they fill.
var Measures = []string{"degree", "pagerank", "hits", "betweenness", "communities", "themes"}

// measureStages are the stages (Stage… constants) each of Measures asks
// for.
var measureStages = map[string]string{
	"degree": StageDegrees, "pagerank": StagePageRank, "hits": StageHITS,
	"betweenness": StageBetweenness, "communities": StageCommunities, "themes": StageThemes,
}

// StagesOf returns the Options.Only of a comma-separated list of Measures
// (spaces and empty items ignored): an error names an unknown measure, or
// says that the list names none.
func StagesOf(list string) (map[string]bool, error) {
	only := map[string]bool{}
	for _, m := range strings.Split(list, ",") {
		m = strings.TrimSpace(m)
		if m == "" {
			continue
		}
		if !slices.Contains(Measures, m) {
			return nil, fmt.Errorf("unknown measure %q (known: %s)", m, strings.Join(Measures, ", "))
		}
		only[measureStages[m]] = true
	}
	if len(only) == 0 {
		return nil, errors.New("no measure given")
	}
	return only, nil
}
