package dot

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// View chooses part of the graph to draw and how: the works with the
// highest scores, a span of years, some themes, the neighbourhood of one
// work, some kinds of edge, and a historiograph layout. The filters apply
// together: first the neighbourhood, then years and themes, then Top.
type View struct {
	// Options are those of Write: clusters and their labels, sizes,
	// layout, HideCiting, title, Gephi.
	Options
	// Measure ranks the works for Top, per node ID (e.g. PageRank, or a
	// citation count); nil uses Size. MeasureName names it in the legend
	// and the default title ("PageRank").
	Measure     []float64
	MeasureName string
	// Top keeps the Top works with the highest Measure (ties by node ID);
	// 0 keeps all. Unnamed citing works (KindCiting) are never among them.
	Top int
	// YearFrom and YearTo keep works published in [YearFrom, YearTo]; 0
	// leaves that end open. When either is set, works of unknown year are
	// left out.
	YearFrom, YearTo int
	// Themes keeps works whose cluster (Options.Cluster) is one of these;
	// nil keeps all.
	Themes []int
	// Kinds are the edge kinds drawn; nil draws all.
	Kinds []graph.EdgeKind
	// Focus is the Key of a work whose neighbourhood is drawn: the works
	// within Depth links of it, following drawn kinds in either direction.
	// The focus is drawn with a double outline.
	Focus string
	// Depth is the radius of the neighbourhood; 0 means 1.
	Depth int
	// Historiograph draws works in rows by year, oldest at the top, with a
	// year axis on the left (Garfield's historiograph, as HistCite and
	// bibliometrix draw it). Works of unknown year are left out; clusters
	// are shown by colour only. Co-citations, when Kinds has them, are
	// drawn dotted and only between works no citation joins.
	Historiograph bool
	// MainPath marks, per Cites edge (in the order of g.Edges(graph.Cites)),
	// the citations to highlight, e.g. a main path: drawn bold and dark,
	// the others pale. nil highlights none.
	MainPath []bool
	// Legend adds a box explaining the colours, sizes and edges.
	Legend bool
	// Scope says which works Top ranks (Scopes): ScopeCorpus ("" too)
	// the works the sources describe first, then the works known only
	// from references and mentions in what is left of Top; ScopeCited
	// those only; ScopeAll every work together, by Measure alone.
	Scope string
}

// The scopes of a view (View.Scope).
const (
	ScopeCorpus = "corpus"
	ScopeCited  = "cited"
	ScopeAll    = "all"
)

// Scopes are the names View.Scope takes, the default first.
var Scopes = []string{ScopeCorpus, ScopeCited, ScopeAll}

// WriteView writes the part of g that v chooses, as Write writes a map:
// same node and edge statements, plus rank rows and a year axis for a
// historiograph and a legend when asked. It returns an error, before
// writing anything, when a slice has the wrong length, the layout is
// unknown or Focus names no work; otherwise the first error of w.
func WriteView(w io.Writer, g *graph.Graph, v View) error {
	n := g.Len()
	switch {
	case v.Cluster != nil && len(v.Cluster) != n:
		return fmt.Errorf("dot: %d cluster indexes for %d works", len(v.Cluster), n)
	case v.Size != nil && len(v.Size) != n:
		return fmt.Errorf("dot: %d sizes for %d works", len(v.Size), n)
	case v.Measure != nil && len(v.Measure) != n:
		return fmt.Errorf("dot: %d measures for %d works", len(v.Measure), n)
	case v.MainPath != nil && len(v.MainPath) != len(g.Edges(graph.Cites)):
		return fmt.Errorf("dot: %d main-path marks for %d citations", len(v.MainPath), len(g.Edges(graph.Cites)))
	case v.Layout != "" && !slices.Contains(engines, v.Layout):
		return fmt.Errorf("dot: unknown layout engine %q (want one of %s)", v.Layout, strings.Join(engines, ", "))
	case v.Focus != "" && g.Work(v.Focus) == nil:
		return fmt.Errorf("dot: no work with key %q to focus on", v.Focus)
	case v.Labels != nil && len(v.Labels) != n:
		return fmt.Errorf("dot: %d labels for %d works", len(v.Labels), n)
	case v.Top < 0 || v.Depth < 0:
		return fmt.Errorf("dot: negative Top or Depth")
	case v.Scope != "" && !slices.Contains(Scopes, v.Scope):
		return fmt.Errorf("dot: unknown scope %q (want one of %s)", v.Scope, strings.Join(Scopes, ", "))
	}
	if v.Title == "" {
		v.Title = v.title(g)
	}
	bw := bufio.NewWriter(w)
	newDrawing(g, v.Options, &v, v.selection(g)).output(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// title is the default title of a view.
func (v *View) title(g *graph.Graph) string {
	var parts []string
	switch {
	case v.Historiograph:
		parts = append(parts, "Historiograph")
	case v.Focus != "":
		f := g.Work(v.Focus)
		label := Label(f)
		if v.Labels != nil {
			label = v.Labels[f.ID()]
		}
		parts = append(parts, "Neighbourhood of "+label)
	default:
		parts = append(parts, "Citation map")
	}
	if v.Top > 0 {
		m := v.MeasureName
		if m == "" {
			m = "score"
		}
		switch v.Scope {
		case ScopeCited:
			parts = append(parts, fmt.Sprintf("top %d works known from references by %s", v.Top, m))
		case ScopeAll:
			parts = append(parts, fmt.Sprintf("top %d works by %s", v.Top, m))
		default:
			parts = append(parts, fmt.Sprintf("top %d works by %s, described works first", v.Top, m))
		}
	}
	switch {
	case v.YearFrom != 0 && v.YearTo != 0:
		parts = append(parts, fmt.Sprintf("%d–%d", v.YearFrom, v.YearTo))
	case v.YearFrom != 0:
		parts = append(parts, fmt.Sprintf("from %d", v.YearFrom))
	case v.YearTo != 0:
		parts = append(parts, fmt.Sprintf("to %d", v.YearTo))
	}
	if v.Themes != nil {
		var ts []string
		for _, t := range v.Themes {
			ts = append(ts, strconv.Itoa(t+1))
		}
		parts = append(parts, "themes "+strings.Join(ts, ", "))
	}
	return strings.Join(parts, ", ")
}

// selection returns which works the view keeps.
func (v *View) selection(g *graph.Graph) []bool {
	works := g.Works()
	keep := make([]bool, len(works))
	for i := range keep {
		keep[i] = true
	}
	if v.Focus != "" {
		clear(keep)
		v.neighbourhood(g, keep)
	}
	for i, w := range works {
		if !keep[i] {
			continue
		}
		if v.YearFrom != 0 || v.YearTo != 0 {
			if w.Year == 0 || v.YearFrom != 0 && w.Year < v.YearFrom || v.YearTo != 0 && w.Year > v.YearTo {
				keep[i] = false
			}
		}
		if v.Themes != nil {
			c := -1
			if v.Cluster != nil {
				c = v.Cluster[i]
			}
			if !slices.Contains(v.Themes, c) {
				keep[i] = false
			}
		}
		if v.HideCiting && w.Kind == graph.KindCiting || v.Historiograph && w.Year == 0 {
			keep[i] = false
		}
	}
	if v.Top > 0 {
		measure := v.Measure
		if measure == nil {
			measure = v.Size
		}
		var ids []int
		for i, w := range works {
			if keep[i] && w.Kind != graph.KindCiting && (v.Scope != ScopeCited || w.Kind != graph.KindWork) {
				ids = append(ids, i)
			}
		}
		score := func(i int) float64 {
			if measure == nil || math.IsNaN(measure[i]) {
				return math.Inf(-1)
			}
			return measure[i]
		}
		described := func(i int) bool { return v.Scope != ScopeAll && works[i].Kind == graph.KindWork }
		sort.SliceStable(ids, func(a, b int) bool {
			if da, db := described(ids[a]), described(ids[b]); da != db {
				return da
			}
			return score(ids[a]) > score(ids[b])
		})
		clear(keep)
		for _, i := range ids[:min(v.Top, len(ids))] {
			keep[i] = true
		}
		if f := g.Work(v.Focus); f != nil {
			keep[f.ID()] = true
		}
	}
	return keep
}

// neighbourhood marks the works within Depth links of Focus.
func (v *View) neighbourhood(g *graph.Graph, keep []bool) {
	kinds := v.Kinds
	if kinds == nil {
		kinds = []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related}
	}
	adj := make([][]int64, g.Len())
	for _, k := range kinds {
		for _, e := range g.Edges(k) {
			adj[e.F.ID()] = append(adj[e.F.ID()], e.T.ID())
			adj[e.T.ID()] = append(adj[e.T.ID()], e.F.ID())
		}
	}
	depth := v.Depth
	if depth == 0 {
		depth = 1
	}
	start := g.Work(v.Focus).ID()
	keep[start] = true
	frontier := []int64{start}
	for range depth {
		var next []int64
		for _, id := range frontier {
			for _, nb := range adj[id] {
				if !keep[nb] {
					keep[nb] = true
					next = append(next, nb)
				}
			}
		}
		frontier = next
	}
}

// Colours of highlighted and other edges when a main path is shown.
const (
	mainPathColour = "#000000"
	offPathColour  = "#BBBBBB"
)

// edgeAttrs adjusts the attributes of edge e (the i-th of its kind): main
// path highlighting, and no rank constraint in a historiograph (the years
// set the rows).
func (v *View) edgeAttrs(e *graph.Edge, i int, a []attr) []attr {
	if e.Kind == graph.Cites && v.MainPath != nil {
		out := make([]attr, 0, len(a)+2)
		for _, x := range a {
			if x.key != "penwidth" && x.key != "color" {
				out = append(out, x)
			}
		}
		if v.MainPath[i] {
			out = append(out, attr{"penwidth", num(3)}, attr{"color", value(mainPathColour)})
		} else {
			out = append(out, attr{"penwidth", num(1)}, attr{"color", value(offPathColour)})
		}
		a = out
	}
	if e.Kind == graph.Cites && v.Historiograph {
		a = append(a, attr{"constraint", "false"})
	}
	if e.Kind == graph.CoCited && v.Historiograph {
		// Dotted and pale: a link a statement makes, not a citation.
		out := make([]attr, 0, len(a)+1)
		for _, x := range a {
			if x.key != "style" {
				out = append(out, x)
			}
		}
		a = append(out, attr{"style", "dotted"}, attr{"color", value(offPathColour)})
	}
	return a
}

// leaveOut reports whether the view leaves out edge e of drawn works: a
// historiograph draws a co-citation only between works no citation joins
// (Kemp 2012 with Coleman 2009 and Gates 2007 on the seed corpus, cited
// together in one statement), since where one cites the other the arrow
// already tells how they stand.
func (v *View) leaveOut(g *graph.Graph, e *graph.Edge) bool {
	if !v.Historiograph || e.Kind != graph.CoCited {
		return false
	}
	return g.HasEdgeFromTo(e.F.ID(), e.T.ID()) || g.HasEdgeFromTo(e.T.ID(), e.F.ID())
}

// years returns the years of the drawn works, in order, and the works of
// each.
func (d *drawing) years() ([]int, map[int][]*graph.Work) {
	byYear := map[int][]*graph.Work{}
	var years []int
	for _, w := range d.g.Works() {
		if !d.shown[w.ID()] || w.Year == 0 {
			continue
		}
		if _, ok := byYear[w.Year]; !ok {
			years = append(years, w.Year)
		}
		byYear[w.Year] = append(byYear[w.Year], w)
	}
	slices.Sort(years)
	return years, byYear
}

// writeAxis writes the year nodes of a historiograph, before the works so
// that dot puts them first (left) in each row.
func (v *View) writeAxis(bw *bufio.Writer, d *drawing) {
	if !v.Historiograph {
		return
	}
	years, _ := d.years()
	for _, y := range years {
		writeStmt(bw, "\t", quoteID(yearID(y)), []attr{{"label", quoteText(asLabel, strconv.Itoa(y))},
			{"shape", "plaintext"}, {"fontsize", "14"}, {"fontcolor", value(textDark)}})
	}
}

// writeExtras writes the rows of a historiograph and the legend.
func (v *View) writeExtras(bw *bufio.Writer, d *drawing) {
	if v.Historiograph {
		years, byYear := d.years()
		for i := 1; i < len(years); i++ {
			writeStmt(bw, "\t", quoteID(yearID(years[i-1]))+" -> "+quoteID(yearID(years[i])), []attr{{"style", "invis"}})
		}
		for _, y := range years {
			bw.WriteString("\t{ rank=same; " + quoteID(yearID(y)) + ";")
			for _, w := range byYear[y] {
				bw.WriteString(" " + quoteID(w.Key) + ";")
			}
			bw.WriteString(" }\n")
		}
	}
	if v.Legend {
		v.writeLegend(bw, d)
	}
}

func yearID(y int) string { return "year:" + strconv.Itoa(y) }

// legendLines returns the text lines of the legend's key to sizes and
// edges.
func (v *View) legendLines(d *drawing) []string {
	var lines []string
	if d.scale != nil {
		m := v.MeasureName
		if m == "" {
			m = "score"
		}
		lines = append(lines, "Node size: "+m)
	}
	lines = append(lines, "Filled: a work the sources describe", "Dashed outline: known only from references or mentions")
	kinds := v.Kinds
	if kinds == nil {
		kinds = []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related}
	}
	for _, k := range kinds {
		switch k {
		case graph.Cites:
			lines = append(lines, "Arrow: cites (from citing to cited)")
		case graph.CoCited:
			if v.Historiograph {
				lines = append(lines, "Pale dotted line: co-cited in one statement, no citation between them")
			} else {
				lines = append(lines, "Dashed line: co-cited in one statement")
			}
		case graph.Related:
			lines = append(lines, "Dotted line: shown as related")
		}
	}
	if v.MainPath != nil {
		lines = append(lines, "Bold black arrows: main path")
	}
	for _, w := range d.g.Works() {
		if w.Retracted && d.shown[w.ID()] {
			lines = append(lines, "Thick vermillion outline: a source marks the work retracted")
			break
		}
	}
	return lines
}

// writeLegend writes a cluster "cluster_legend": one swatch per cluster
// drawn that has a colour of its own, one "Other themes" swatch for the
// rest (they share OtherColour), then a note on sizes and edges.
func (v *View) writeLegend(bw *bufio.Writer, d *drawing) {
	seen := map[int]bool{}
	var clusters []int
	for _, w := range d.g.Works() {
		if c := d.cluster(w.ID()); d.shown[w.ID()] && c >= 0 && !seen[c] {
			seen[c] = true
			clusters = append(clusters, c)
		}
	}
	slices.Sort(clusters)
	others := 0
	for len(clusters) > 0 && clusters[len(clusters)-1] >= Colours {
		clusters = clusters[:len(clusters)-1]
		others++
	}
	bw.WriteString("\tsubgraph " + quoteID("cluster_legend") + " {\n")
	for _, a := range []attr{{"label", quoteText(asLabel, "Legend")}, {"style", "rounded"}, {"color", value("#999999")},
		{"fontcolor", value(textDark)}, {"fontsize", "14"}} {
		bw.WriteString("\t\t" + a.key + "=" + a.val + ";\n")
	}
	prev := ""
	var ids []string
	for _, c := range clusters {
		label := ""
		if c < len(d.opt.ClusterLabel) {
			label = cleanText(d.opt.ClusterLabel[c])
		}
		if label == "" {
			label = "Theme " + strconv.Itoa(c+1)
		}
		fill := ClusterColour(c)
		a := []attr{{"label", quoteText(asLabel, shorten(label, 12, 60))}, {"shape", "box"}, {"style", `"rounded,filled"`},
			{"fillcolor", value(fill)}, {"color", value(fill)}}
		if fc := textOn(fill); fc != "#000000" {
			a = append(a, attr{"fontcolor", value(fc)})
		}
		id := "legend:" + strconv.Itoa(c)
		ids = append(ids, id)
		writeStmt(bw, "\t\t", quoteID(id), a)
		if prev != "" && v.Historiograph {
			writeStmt(bw, "\t\t", quoteID(prev)+" -> "+quoteID(id), []attr{{"style", "invis"}})
		}
		prev = id
	}
	if others > 0 {
		label := fmt.Sprintf("%d other themes", others)
		if others == 1 {
			label = "1 other theme"
		}
		id := "legend:other"
		ids = append(ids, id)
		writeStmt(bw, "\t\t", quoteID(id), []attr{{"label", quoteText(asLabel, label)}, {"shape", "box"}, {"style", `"rounded,filled"`},
			{"fillcolor", value(OtherColour)}, {"color", value(OtherColour)}})
		if prev != "" && v.Historiograph {
			writeStmt(bw, "\t\t", quoteID(prev)+" -> "+quoteID(id), []attr{{"style", "invis"}})
		}
		prev = id
	}
	var text strings.Builder
	for _, l := range v.legendLines(d) {
		text.WriteString(quoteLine(l) + `\l`)
	}
	writeStmt(bw, "\t\t", quoteID("legend:key"), []attr{{"label", `"` + text.String() + `"`}, {"shape", "plaintext"}, {"fontsize", "10"}})
	if prev != "" && v.Historiograph {
		writeStmt(bw, "\t\t", quoteID(prev)+" -> "+quoteID("legend:key"), []attr{{"style", "invis"}})
	}
	if !v.Historiograph {
		// Drawn from left to right, one rank stacks the swatches in a
		// column, in the order written; a chain of invisible edges, which
		// orders the rows of a historiograph's legend, would lay them out
		// in one row as wide as the themes are many.
		bw.WriteString("\t\t{ rank=same;")
		for _, id := range ids {
			bw.WriteString(" " + quoteID(id) + ";")
		}
		bw.WriteString(" " + quoteID("legend:key") + "; }\n")
	}
	bw.WriteString("\t}\n")
}

// quoteLine returns one line of our own label text escaped as quoteText
// does, without the quotes.
func quoteLine(s string) string {
	q := quoteText(asLabel, cleanText(s))
	return q[1 : len(q)-1]
}

// Overview chooses how WriteOverview draws the themes.
type Overview struct {
	// Name and Title as in Options; the title defaults to "Themes (N
	// themes, M works)".
	Name, Title string
	// Cluster is each work's theme (per node ID, -1 for none); required.
	Cluster []int
	// ClusterLabel labels each theme.
	ClusterLabel []string
	// Layout as in Options; default dot, sfdp from SFDPFrom themes.
	Layout string
	// HideCiting leaves unnamed citing works out of the counts.
	HideCiting bool
	// Gephi writes the Gephi-safe dialect (see Options.Gephi).
	Gephi bool
}

// WriteOverview writes one node per theme: a circle in the theme's colour,
// its area growing with the number of works, labelled "Theme n" and the
// count, with the theme's label beside it; and one arrow per pair of
// themes whose works cite each other, from the citing theme to the cited,
// as wide as the number of citations (also its label). Citations within a
// theme are counted in the node's tooltip;
// self-citations and works in no theme are left out. Themes are written in
// order, edges by citing then cited theme. Node IDs are "theme:n" (n from
// 1). It returns an error, before writing anything, when Cluster is nil or
// has the wrong length or Layout is unknown.
func WriteOverview(w io.Writer, g *graph.Graph, o Overview) error {
	n := g.Len()
	if o.Cluster == nil || len(o.Cluster) != n {
		return fmt.Errorf("dot: overview needs one cluster index per work (%d for %d works)", len(o.Cluster), n)
	}
	if o.Layout != "" && !slices.Contains(engines, o.Layout) {
		return fmt.Errorf("dot: unknown layout engine %q (want one of %s)", o.Layout, strings.Join(engines, ", "))
	}
	counted := func(wk *graph.Work) bool { return !(o.HideCiting && wk.Kind == graph.KindCiting) }
	k := 0
	for _, c := range o.Cluster {
		k = max(k, c+1)
	}
	size, internal := make([]int, k), make([]int, k)
	for i, wk := range g.Works() {
		if c := o.Cluster[i]; c >= 0 && counted(wk) {
			size[c]++
		}
	}
	between := map[[2]int]int{}
	for _, e := range g.Edges(graph.Cites) {
		a, b := o.Cluster[e.F.ID()], o.Cluster[e.T.ID()]
		if e.F == e.T || a < 0 || b < 0 || !counted(e.F) || !counted(e.T) {
			continue
		}
		if a == b {
			internal[a]++
		} else {
			between[[2]int{a, b}]++
		}
	}
	pairs := make([][2]int, 0, len(between))
	for p := range between {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	largest := 1
	for _, s := range size {
		largest = max(largest, s)
	}
	total := 0
	for _, s := range size {
		total += s
	}
	shownThemes := 0
	for _, s := range size {
		if s > 0 {
			shownThemes++
		}
	}
	title := cleanText(o.Title)
	if title == "" {
		title = "Themes (" + count(shownThemes, "theme") + ", " + count(total, "work") + ")"
	}
	name := o.Name
	if name == "" {
		name = "citegraph themes"
	}
	layout := o.Layout
	if layout == "" {
		layout = "dot"
		if shownThemes >= SFDPFrom {
			layout = "sfdp"
		}
	}

	// With dot, themes no citation joins are packed in rows beside the
	// joined ones (pack, packmode): dot alone stacks unconnected nodes in
	// one column as tall as the themes are many. GraphViz places no edge
	// label on a packed drawing, so the counts are in the edges' tooltips
	// and widths, and the title says so.
	packed := layout == "dot" && !o.Gephi
	if packed && o.Title == "" && len(pairs) > 0 {
		title += "; lines: citations between themes, wider for more"
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("digraph " + quoteID(name) + " {\n")
	if !o.Gephi {
		graphAttrs := []attr{{"charset", `"UTF-8"`}, {"layout", value(layout)}, {"rankdir", "LR"}, {"overlap", "false"},
			{"splines", "true"}, {"outputorder", "edgesfirst"}, {"fontname", `"Helvetica"`}, {"fontsize", "16"},
			{"labelloc", "t"}, {"forcelabels", "true"}, {"label", quoteText(asLabel, title)}}
		if packed {
			graphAttrs = append(graphAttrs, attr{"pack", "true"}, attr{"packmode", value("array_u")})
		}
		for _, a := range graphAttrs {
			bw.WriteString("\t" + a.key + "=" + a.val + ";\n")
		}
		writeStmt(bw, "\t", "node", []attr{{"fontname", `"Helvetica"`}, {"shape", "circle"}, {"style", "filled"}, {"fixedsize", "true"}})
		writeStmt(bw, "\t", "edge", []attr{{"fontname", `"Helvetica"`}, {"fontsize", "10"}, {"color", value(edgeColour)}})
	}
	for c := range k {
		if size[c] == 0 {
			continue
		}
		label := ""
		if c < len(o.ClusterLabel) {
			label = cleanText(o.ClusterLabel[c])
		}
		if label == "" {
			label = "Theme " + strconv.Itoa(c+1)
		}
		counts := count(size[c], "work")
		if internal[c] > 0 {
			counts += ", " + count(internal[c], "citation") + " within"
		}
		f := math.Sqrt(float64(size[c]) / float64(largest))
		wd := num(0.9 + 2.1*f)
		name := "Theme " + strconv.Itoa(c+1)
		fill := ClusterColour(c)
		var a []attr
		if o.Gephi {
			a = []attr{{"label", quoteGephi(shorten(label, 8, 48) + " (" + counts + ")")}, {"color", hsv(fill)}, {"style", "filled"},
				{"width", wd}, {"height", wd}, {"works", strconv.Itoa(size[c])}, {"internal_citations", strconv.Itoa(internal[c])},
				{"theme", strconv.Itoa(c + 1)}}
		} else {
			a = []attr{{"label", quoteText(asLabel, name, count(size[c], "work"))}, {"xlabel", quoteText(asLabel, shorten(label, 8, 48))},
				{"tooltip", quoteText(asTooltip, label, counts)},
				{"fillcolor", value(fill)}, {"color", value(fill)}, {"width", wd}, {"height", wd},
				{"fontsize", num(MinFontSize + 6*f)}}
			if fc := textOn(fill); fc != "#000000" {
				a = append(a, attr{"fontcolor", value(fc)})
			}
		}
		writeStmt(bw, "\t", quoteID("theme:"+strconv.Itoa(c+1)), a)
	}
	for _, p := range pairs {
		n := between[p]
		text := count(n, "citation")
		var a []attr
		if o.Gephi {
			a = []attr{{"weight", strconv.Itoa(n)}, {"label", quoteGephi(text)}, {"color", hsv(edgeColour)}, {"penwidth", penwidth(n)}}
		} else {
			a = []attr{{"penwidth", penwidth(n)}, {"weight", strconv.Itoa(n)}}
			if !packed {
				a = append(a, attr{"label", quoteText(asLabel, text)})
			}
			a = append(a, attr{"tooltip", quoteText(asTooltip, text)})
		}
		writeStmt(bw, "\t", quoteID("theme:"+strconv.Itoa(p[0]+1))+" -> "+quoteID("theme:"+strconv.Itoa(p[1]+1)), a)
	}
	bw.WriteString("}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}
