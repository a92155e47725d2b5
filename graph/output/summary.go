package output

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Summary is what WriteSummary says besides the graph and its analysis.
type Summary struct {
	Sources, Failed, Records int      // sources read, those that failed, records read
	Top                      int      // works listed by PageRank
	Written                  []string // files written
	Dir                      string   // where
}

// WriteSummary writes to w the summary citegraph run prints on stderr:
// sources and records, the graph's nodes and edges, the communities, the
// themes (the first 20 of two works or more), the Top works by PageRank
// (unnamed citing works left out) and the files written.
func (in *Input) WriteSummary(w io.Writer, s Summary) {
	g, res, byRank := in.Graph, in.Result, in.ByRank
	total, failed, nrecs := s.Sources, s.Failed, s.Records
	rep := g.Report()
	kinds := map[graph.NodeKind]int{}
	for _, wk := range g.Works() {
		kinds[wk.Kind]++
	}
	fmt.Fprintf(w, "read %d sources (%d failed): %d records\n", total, failed, nrecs)
	fmt.Fprintf(w, "graph: %d nodes: %d works (%d %s merged), %d cited only, %d unresolved mentions, %d unnamed citing works\n",
		g.Len(), kinds[graph.KindWork], rep.Duplicates, plural(rep.Duplicates, "duplicate record", "duplicate records"), kinds[graph.KindReference], kinds[graph.KindMention], kinds[graph.KindCiting])
	fmt.Fprintf(w, "edges: %d cites, %d co-cited, %d related; %d statements\n",
		len(g.Edges(graph.Cites)), len(g.Edges(graph.CoCited)), len(g.Edges(graph.Related)), rep.Statements)
	fmt.Fprintf(w, "communities: %d (Leiden, modularity %.3f)\n", res.Communities, res.Modularity)
	if res.ThemesFromText {
		fmt.Fprintf(w, "themes: %d (silhouette %.3f, modularity on the citations %.3f)\n", len(res.Themes), res.Silhouette, res.ThemeModularity)
	} else {
		fmt.Fprintf(w, "themes: %d, the communities (no work has text)\n", len(res.Themes))
	}
	for _, th := range res.Themes {
		if th.Size < 2 {
			continue
		}
		fmt.Fprintf(w, "  %2d  %-50s %3d works\n", th.ID+1, attr.Clean(th.Label), th.Size)
		if th.ID >= 19 && len(res.Themes) > 20 {
			fmt.Fprintf(w, "  … %d more\n", len(res.Themes)-20)
			break
		}
	}
	fmt.Fprintf(w, "most central works (PageRank):\n")
	works := g.Works()
	n := 0
	for _, id := range byRank {
		wk := works[id]
		if wk.Kind == graph.KindCiting {
			continue
		}
		if n == s.Top {
			break
		}
		n++
		title := attr.Clean(wk.Title) // a terminal, too, shows the text as stored: no bidi overrides
		if len([]rune(title)) > 60 {
			title = string([]rune(title)[:59]) + "…"
		}
		fmt.Fprintf(w, "  %-22s %.4f  %s\n", attr.Clean(in.label(wk)), res.PageRank[id], title)
	}
	fmt.Fprintf(w, "wrote %s in %s\n", strings.Join(s.Written, ", "), s.Dir)
}

// WriteMatching writes to w the numbers a systematic reviewer reports of
// a resolution (citegraph ingest prints them): records in, duplicates
// removed, unique works, how references were matched, the conflicts and
// the decisions applied.
func WriteMatching(w io.Writer, rep graph.Report) {
	fmt.Fprintf(w, "resolution: %d records, %d %s removed (%d by identifier, %d by title, %d by decision), %d unique works\n",
		rep.Records, rep.Duplicates, plural(rep.Duplicates, "duplicate", "duplicates"), rep.MergedByDOI, rep.MergedByTitle, rep.MergedByDecision, rep.Works)
	if rep.References > 0 {
		var parts []string
		for _, m := range slices.Sorted(maps.Keys(rep.LinksByMethod)) {
			parts = append(parts, fmt.Sprintf("%s %d", m, rep.LinksByMethod[m]))
		}
		fmt.Fprintf(w, "references: %d read, matched by %s; %d works known only from references\n",
			rep.References, strings.Join(parts, ", "), rep.ReferenceNodes)
	}
	for _, c := range rep.Conflicts {
		fmt.Fprintf(w, "conflict: %s\n", c)
	}
	for _, d := range rep.Decisions {
		fmt.Fprintf(w, "decision: %s\n", d)
	}
}

// Limits of WriteCycles: the groups shown, the keys shown of each, the
// runes shown of a key.
const (
	cyclesShown    = 5
	cycleKeysShown = 10
	cycleKeyRunes  = 100
)

// WriteCycles writes to w the works that cite one another in a cycle,
// which a reviewer should look at (see graph.CitationCycles): one line per
// group, largest first, as "citation cycle (check the merges and matches):
// KEY KEY …". It is a summary for a terminal: at most cyclesShown groups
// (5), cycleKeysShown keys of each (10) with how many more, keys cut at
// cycleKeyRunes runes (100), and then a line counting what was left out and
// naming where the whole list is (citation_cycles in matching.json, which
// run writes). One group of 50,000 works made one line of 1.18 MB (issue
// 16).
func WriteCycles(w io.Writer, g *graph.Graph) {
	cycles := graph.CitationCycles(g)
	cut := false
	works := 0
	for i, c := range cycles {
		works += len(c)
		if i >= cyclesShown {
			cut = true
			continue
		}
		keys := make([]string, 0, min(len(c), cycleKeysShown))
		for _, k := range c[:min(len(c), cycleKeysShown)] {
			if r := []rune(k); len(r) > cycleKeyRunes {
				k, cut = string(r[:cycleKeyRunes-1])+"…", true
			}
			keys = append(keys, k)
		}
		more := ""
		if n := len(c) - len(keys); n > 0 {
			more, cut = fmt.Sprintf(" … and %d more (%d works)", n, len(c)), true
		}
		fmt.Fprintf(w, "citation cycle (check the merges and matches): %s%s\n", strings.Join(keys, " "), more)
	}
	if !cut {
		return
	}
	if n := len(cycles) - cyclesShown; n > 0 {
		fmt.Fprintf(w, "… and %d more citation cycles\n", n)
	}
	fmt.Fprintf(w, "%d citation cycles, %d works in all: every one is listed in full as citation_cycles in matching.json (citegraph run writes it)\n", len(cycles), works)
}

// WriteAnalysis writes to w what the analysis found, as citegraph analyse
// prints it: the betweenness bound when sampled, the communities (found
// by method, scored by quality) and the first ten themes.
func WriteAnalysis(w io.Writer, res analysis.Result, method, quality string) {
	if res.BetweennessSamples > 0 {
		fmt.Fprintf(w, "betweenness: estimated from %d sampled sources; with 95%% probability every value is within %.4g of the exact one (Hoeffding bound, --samples -1 for exact)\n",
			res.BetweennessSamples, res.BetweennessBound)
	}
	if res.Community != nil {
		fmt.Fprintf(w, "communities: %d by %s (%s %.4f)\n", res.Communities, method, quality, res.Modularity)
	}
	if res.Theme == nil {
		return
	}
	if res.ThemesFromText {
		how := "set by --themes"
		if res.ThemeAutomatic {
			how = "chosen by silhouette"
		}
		fmt.Fprintf(w, "themes: %d (%s), silhouette %.3f, modularity on the citations %.3f\n", len(res.Themes), how, res.Silhouette, res.ThemeModularity)
	} else {
		fmt.Fprintf(w, "themes: no node has text, so the themes are the communities\n")
	}
	for _, th := range res.Themes {
		if th.ID >= 10 {
			fmt.Fprintf(w, "  … %d more\n", len(res.Themes)-10)
			break
		}
		fmt.Fprintf(w, "  %2d  %-50s %6d %s\n", th.ID+1, th.Label, th.Size, plural(th.Size, "node", "nodes"))
	}
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
