package report

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// maxContrasting is the number of contrasting statements shown per theme.
const maxContrasting = 3

// contrastRow is one contrasting statement shown under a theme; its
// Confidence is "" when none was given.
type contrastRow struct {
	Text, Cited, Confidence string
}

// themeCiting is what the statements citing a theme's works say of them.
type themeCiting struct {
	statements, supporting, contrasting int
	contrastingTop                      []contrastRow
}

// citingByTheme counts, per theme, the statements on citations into the
// theme's works by their sentiment (EdgeStatement.Polarity), and picks the
// theme's maxContrasting most confidently contrasting statements
// (SentimentConfidence, else Confidence; ties in the graph's order).
func citingByTheme(g *graph.Graph, s attr.Set) []themeCiting {
	out := make([]themeCiting, s.ThemeCount())
	type cand struct {
		st   *graph.EdgeStatement
		to   *graph.Work
		conf float64
	}
	cands := make([][]cand, len(out))
	for _, e := range g.Edges(graph.Cites) {
		t := s.ThemeOf(e.T.ID())
		if t < 0 || t >= len(out) {
			continue
		}
		for i := range e.Statements {
			st := &e.Statements[i]
			c := &out[t]
			c.statements++
			switch st.Polarity() {
			case "supporting":
				c.supporting++
			case "contrasting":
				c.contrasting++
				conf := st.SentimentConfidence
				if st.Sentiment == "" {
					conf = st.Confidence
				}
				cands[t] = append(cands[t], cand{st, e.T, conf})
			}
		}
	}
	for t, cs := range cands {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].conf > cs[j].conf })
		for _, c := range cs[:min(maxContrasting, len(cs))] {
			r := contrastRow{Text: attr.Clean(c.st.Text), Cited: s.LabelOf(c.to)}
			if c.conf > 0 {
				r.Confidence = strconv.FormatFloat(c.conf, 'f', 2, 64)
			}
			out[t].contrastingTop = append(out[t].contrastingTop, r)
		}
	}
	return out
}

// share returns "n (p%)" of n among total.
func share(n, total int) string {
	return fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(total))
}

// citingLine says how a theme is cited: "12 citing statements: 3 (25%)
// supporting, 1 (8%) contrasting"; "" when none cites it.
func (c themeCiting) line() string {
	if c.statements == 0 {
		return ""
	}
	n := strconv.Itoa(c.statements) + " citing statements"
	if c.statements == 1 {
		n = "1 citing statement"
	}
	return n + ": " + share(c.supporting, c.statements) + " supporting, " + share(c.contrasting, c.statements) + " contrasting"
}
