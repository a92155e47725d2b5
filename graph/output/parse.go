package output

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// ParseYears reads a span of years "FROM-TO", "FROM-" or "-TO" (e.g.
// 2005-2015); an open end is 0.
func ParseYears(s string) (from, to int, err error) {
	a, b, ok := strings.Cut(s, "-")
	var err1, err2 error
	if a != "" {
		from, err1 = strconv.Atoi(a)
	}
	if b != "" {
		to, err2 = strconv.Atoi(b)
	}
	if !ok || err1 != nil || err2 != nil || a == "" && b == "" || to != 0 && from > to {
		return 0, 0, fmt.Errorf("%q: want FROM-TO, FROM- or -TO (e.g. 2005-2015)", s)
	}
	return from, to, nil
}

// ParseThemes reads theme numbers from 1 separated by commas ("1,3") and
// returns them from 0.
func ParseThemes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q: want theme numbers from 1, separated by commas", s)
		}
		out = append(out, n-1)
	}
	return out, nil
}

// ParseEdgeKinds reads edge kinds separated by commas: cites, cocited,
// related.
func ParseEdgeKinds(s string) ([]graph.EdgeKind, error) {
	var out []graph.EdgeKind
	for _, f := range strings.Split(s, ",") {
		switch strings.TrimSpace(f) {
		case "cites":
			out = append(out, graph.Cites)
		case "cocited":
			out = append(out, graph.CoCited)
		case "related":
			out = append(out, graph.Related)
		default:
			return nil, fmt.Errorf("%q: want cites, cocited and related, separated by commas", s)
		}
	}
	return out, nil
}

// ParseFormats reads the optional formats chosen: "all", "none", or names
// of Optional separated by commas.
func ParseFormats(s string) (map[string]bool, error) {
	chosen := map[string]bool{}
	names := Optional()
	switch s {
	case "all":
		for _, f := range names {
			chosen[f] = true
		}
	case "none":
	default:
		for _, f := range strings.Split(s, ",") {
			f = strings.TrimSpace(f)
			if !slices.Contains(names, f) {
				return nil, fmt.Errorf("%q: want all, none, or some of %s", s, strings.Join(names, ", "))
			}
			chosen[f] = true
		}
	}
	return chosen, nil
}

// Help is the list of the formats for a command's help: the Always ones
// as they are, then "and, as --formats chooses (all by default):" and the
// optional ones, each name followed by its help.
func Help() string {
	var b strings.Builder
	for _, f := range Formats {
		if f.Always {
			b.WriteString("  " + f.Help + "\n")
		}
	}
	b.WriteString("\nand, as --formats chooses (all by default):\n\n")
	for _, f := range Formats {
		if f.Always {
			continue
		}
		for i, line := range strings.Split(f.Help, "\n") {
			if i == 0 {
				fmt.Fprintf(&b, "  %-11s %s\n", f.Name, line)
			} else {
				fmt.Fprintf(&b, "  %-11s %s\n", "", line)
			}
		}
	}
	return b.String()
}
