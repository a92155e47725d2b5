package dot

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Options control what Write draws. The zero value draws every node and
// edge, without clusters, all nodes the same size.
type Options struct {
	// Name is the graph's name; "citegraph" when empty.
	Name string
	// Title is the label shown above the map; when empty it reads
	// "Citation map (N works, M links)" with the counts drawn.
	Title string
	// Cluster holds, per node ID, the node's cluster (theme) index, or -1
	// (any negative number) for none. nil means no clusters; otherwise its
	// length must be g.Len().
	Cluster []int
	// ClusterLabel holds, per cluster index, the label shown on the
	// cluster, e.g. "Theme 1: transition, camhs, young people". A cluster
	// without one is labelled "Theme n+1".
	ClusterLabel []string
	// Size holds, per node ID, a score (e.g. PageRank) that sets the node's
	// size: width and height grow with the square root of the score from
	// MinWidth to MaxWidth inches between the smallest and largest score
	// drawn, and the font from MinFontSize to MaxFontSize points. NaN and
	// infinite scores count as the smallest. nil, or all scores equal, draws
	// every node the same size; otherwise its length must be g.Len().
	Size []float64
	// Layout is the GraphViz layout engine written as layout=…: "dot",
	// "neato", "fdp", "sfdp", "circo", "twopi", "osage" or "patchwork". When
	// empty it is "dot" for maps of fewer than SFDPFrom nodes and
	// SFDPEdgesFrom edges, and "sfdp" for larger ones. sfdp and the
	// other force-directed engines do not draw cluster boxes; the colours
	// still show the clusters. dot draws edges as splines, the other
	// engines as straight lines except on small maps (see SplinesBelow).
	Layout string
	// HideCiting leaves out KindCiting nodes (unnamed works known only by a
	// statement) and their edges.
	HideCiting bool
	// Gephi writes DOT that Gephi's DOT importer reads as GraphViz does
	// (see the package documentation): no graph attributes, default
	// statements or subgraphs, one attribute list per statement, colours
	// as HSV triples, and the works' data (title, year, DOI, theme, size
	// score) as node attributes, which GraphViz ignores and Gephi imports
	// as columns. GraphViz then draws with its defaults (dot, top to
	// bottom, no title).
	Gephi bool
	// Pos, when not nil, holds each node's position in points (per node
	// ID; its length must be g.Len()), computed by the caller (e.g.
	// analysis/layout.Force): the map is then written for GraphViz's
	// "nop2" engine (neato -n2), which draws the nodes where they are and
	// the edges as straight lines, in about a second for 20,000 nodes,
	// instead of laying them out. Layout is ignored and no cluster boxes
	// are drawn (colours show the clusters).
	Pos [][2]float64
	// Labelled, when not nil, says per node ID which nodes show their
	// label; the others are drawn as dots of their size and colour with the
	// label in their tooltip. nil labels every node.
	Labelled []bool
	// MaxEdges, when positive, bounds the edges drawn: of more, only the
	// MaxEdges whose lesser end scores highest by Size are written (ties
	// in writing order, which is kept), and the title says how many of
	// how many. It is the size guard of large positioned maps: GraphViz
	// took 23 s (under load, 35 s) to draw the 581,831 links of
	// ../shared/data's 78,564 works, into a 268 MB SVG.
	MaxEdges int
	// Labels, when not nil, holds each node's label (per node ID), e.g.
	// from Labels, which tells apart works that Label gives the same
	// "Family Year"; nil labels each node by Label.
	Labels []string
}

// label returns the label of w: Options.Labels' or Label's.
func (d *drawing) label(w *graph.Work) string {
	if d.opt.Labels != nil {
		return cleanText(d.opt.Labels[w.ID()])
	}
	return Label(w)
}

// Node sizes, and the map sizes that change how GraphViz is asked to draw.
const (
	MinWidth    = 0.3  // inches
	MaxWidth    = 1.5  // inches
	MinFontSize = 10.0 // points
	MaxFontSize = 24.0 // points
	// SFDPFrom and SFDPEdgesFrom are the numbers of nodes and edges drawn
	// from which the layout defaults to sfdp. dot needs 26 s for 2,000
	// nodes (sfdp about 1 s); on 100 nodes it took 1 s for 1,000 edges and
	// 10 s for 1,500, and it did not finish 290 nodes and 3,922 edges in 5
	// minutes (GraphViz 2.43).
	SFDPFrom      = 300
	SFDPEdgesFrom = 1000
	// SplinesBelow is the number of nodes from which the force-directed
	// engines (neato, fdp, sfdp) draw edges as straight lines
	// (splines=false). Their spline router took 1.3 s for 30 nodes and 90
	// edges, 5 s for 60 nodes, 80 s for 300 (sfdp, GraphViz 2.43), against
	// 0.2 s with straight lines. dot routes its own splines quickly and
	// always gets splines=true; circo, twopi, osage and patchwork always get
	// straight lines (circo and twopi warn that nodes touch otherwise).
	SplinesBelow = 30
	// PositionFrom is the number of nodes from which a caller should
	// compute positions itself (Options.Pos) rather than leave the layout
	// to sfdp: sfdp took about 70 s on 20,171 nodes, and did not finish
	// 67,287 in 9 minutes (GraphViz 2.43). LabelTop is how many of the
	// largest works such a map labels (Options.Labelled).
	PositionFrom = 2000
	LabelTop     = 300
	// MaxDrawnEdges is the Options.MaxEdges a caller should give such a
	// map: GraphViz drew the 78,564 works of ../shared/data with 581,831
	// links in 23 s, with the 20,000 between the largest works in a few.
	MaxDrawnEdges = 20_000
	// dotMinWidth and dotMaxWidth are the widths of unlabelled nodes.
	dotMinWidth = 0.06
	dotMaxWidth = 0.4
)

var engines = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"}

// attr is one attribute of a statement; val is written as it stands, so it
// must already be a DOT ID (see value, quoteText, quoteID, num).
type attr struct{ key, val string }

// Write writes g to w as a GraphViz digraph: graph attributes, default node
// and edge attributes, one node statement per drawn work and one edge
// statement per drawn edge. Nodes are written cluster by cluster (clusters
// in index order, as subgraphs "cluster_<n>"), then the nodes in no
// cluster, each group in ID order; edges follow at the top level in the
// graph's order: Cites, then CoCited, then Related. Self-loops (a work
// citing itself) are not drawn. The output is the same for the same graph
// and options, byte for byte.
//
// Node IDs are the works' Keys, quoted. Labels follow Label; tooltips hold
// the title, year, venue and DOI or Key; works with a DOI link to doi.org.
// Works of KindWork are filled with their cluster's colour (ClusterColour;
// pale grey outside clusters); references and mentions that resolved to
// nothing get a dashed outline and say so in their tooltip; KindCiting
// works are small grey points whose tooltip is their statement. Cites
// edges are arrows, wider as N grows, with the first statement as tooltip;
// CoCited edges are dashed, labelled "co-cited ×N" when N ≥ 2; Related
// edges are dotted. Only Cites edges constrain dot's ranks.
//
// All text from the data is cleaned and escaped so that GraphViz shows it
// literally, whatever it holds (see the package documentation).
//
// Write returns an error, before writing anything, when Cluster or Size has
// the wrong length or Layout is unknown, and otherwise the first error of w.
// It panics if g is nil. Cost is O(V + E).
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	works := g.Works()
	n := len(works)
	if opt.Cluster != nil && len(opt.Cluster) != n {
		return fmt.Errorf("dot: %d cluster indexes for %d works", len(opt.Cluster), n)
	}
	if opt.Size != nil && len(opt.Size) != n {
		return fmt.Errorf("dot: %d sizes for %d works", len(opt.Size), n)
	}
	if opt.Layout != "" && !slices.Contains(engines, opt.Layout) {
		return fmt.Errorf("dot: unknown layout engine %q (want one of %s)", opt.Layout, strings.Join(engines, ", "))
	}
	if opt.Pos != nil && len(opt.Pos) != n || opt.Labelled != nil && len(opt.Labelled) != n || opt.Labels != nil && len(opt.Labels) != n {
		return fmt.Errorf("dot: %d positions, %d label marks and %d labels for %d works", len(opt.Pos), len(opt.Labelled), len(opt.Labels), n)
	}

	bw := bufio.NewWriter(w)
	newDrawing(g, opt, nil, nil).output(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("dot: %w", err)
	}
	return nil
}

// drawing is what Write works out before writing.
type drawing struct {
	g     *graph.Graph
	opt   Options
	shown []bool     // per node ID
	edges []drawEdge // in writing order
	nodes int        // number shown
	// allEdges is the number of edges before MaxEdges cut them; 0 when
	// none were cut.
	allEdges int
	// scale is, per node ID, the node's place between the smallest (0) and
	// the largest (1) score, or nil when sizes are all equal.
	scale []float64
	// statement is, per citing node ID, the text of its first statement.
	statement map[int64]string
	// view holds the options of WriteView; nil for Write.
	view *View
}

type drawEdge struct {
	e     *graph.Edge
	index int // in g.Edges(e.Kind)
	attrs []attr
}

// newDrawing works out what to draw: the works keep marks (all when nil)
// and the edges of the view's kinds between them.
func newDrawing(g *graph.Graph, opt Options, view *View, keep []bool) *drawing {
	works := g.Works()
	d := &drawing{g: g, opt: opt, shown: make([]bool, len(works)), statement: map[int64]string{}, view: view}
	for i, w := range works {
		d.shown[i] = !(opt.HideCiting && w.Kind == graph.KindCiting) && (keep == nil || keep[i])
		if d.shown[i] {
			d.nodes++
		}
	}
	kinds := []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related}
	if view != nil && view.Kinds != nil {
		kinds = view.Kinds
	}
	for _, k := range kinds {
		for i, e := range g.Edges(k) {
			if k == graph.Cites && e.F.Kind == graph.KindCiting {
				if _, ok := d.statement[e.F.ID()]; !ok {
					if t := firstStatement(e); t != "" {
						d.statement[e.F.ID()] = t
					}
				}
			}
			if e.F == e.T || !d.shown[e.F.ID()] || !d.shown[e.T.ID()] || view != nil && view.leaveOut(g, e) {
				continue
			}
			d.edges = append(d.edges, drawEdge{e: e, index: i})
		}
	}
	if opt.Size != nil {
		d.scale = scores(opt.Size, func(id int) bool { return d.shown[id] && works[id].Kind != graph.KindCiting })
	}
	d.capEdges()
	// Attributes only for the edges kept: on a capped map most are not.
	for i := range d.edges {
		de := &d.edges[i]
		de.attrs = d.edgeAttrs(de.e)
		if view != nil {
			de.attrs = view.edgeAttrs(de.e, de.index, de.attrs)
		}
	}
	return d
}

// capEdges keeps the Options.MaxEdges edges whose lesser end scores
// highest, in writing order, and records how many there were.
func (d *drawing) capEdges() {
	m := d.opt.MaxEdges
	if m <= 0 || len(d.edges) <= m {
		return
	}
	d.allEdges = len(d.edges)
	score := func(id int64) float64 {
		if d.opt.Size == nil {
			return 0
		}
		if s := d.opt.Size[id]; !math.IsNaN(s) {
			return s
		}
		return math.Inf(-1)
	}
	key := make([]float64, len(d.edges))
	order := make([]int, len(d.edges))
	for i, e := range d.edges {
		key[i] = min(score(e.e.F.ID()), score(e.e.T.ID()))
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(key[b], key[a]) })
	order = order[:m]
	slices.Sort(order)
	kept := make([]drawEdge, m)
	for i, o := range order {
		kept[i] = d.edges[o]
	}
	d.edges = kept
}

func firstStatement(e *graph.Edge) string {
	for _, st := range e.Statements {
		if t := cleanText(st.Text); t != "" {
			return t
		}
	}
	return ""
}

// scores maps the scores of the nodes that count onto 0…1 by the square
// root of their place between the smallest and the largest; nil when they
// are all equal.
func scores(size []float64, counts func(int) bool) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for id, s := range size {
		if counts(id) && !math.IsNaN(s) && !math.IsInf(s, 0) {
			lo, hi = min(lo, s), max(hi, s)
		}
	}
	if !(hi > lo) {
		return nil
	}
	out := make([]float64, len(size))
	for id, s := range size {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			continue
		}
		out[id] = math.Sqrt(min(1, max(0, (s-lo)/(hi-lo))))
	}
	return out
}

// penwidth grows with the log of an edge's count, from 1 to 4.
func penwidth(n int) string { return num(min(4, 1+math.Log2(float64(max(1, n))))) }

func (d *drawing) edgeAttrs(e *graph.Edge) []attr {
	switch e.Kind {
	case graph.Cites:
		a := []attr{{"penwidth", penwidth(e.N)}}
		if e.F.Kind == graph.KindCiting {
			a = append(a, attr{"color", value(citingEdge)})
		}
		tip := statementTooltip(e)
		if tip == "" {
			tip = d.label(e.F) + " cites " + d.label(e.T)
		}
		return append(a, attr{"tooltip", quoteText(asTooltip, tip)})
	case graph.CoCited:
		text := "co-cited ×" + strconv.Itoa(e.N)
		a := []attr{{"dir", "none"}, {"style", "dashed"}, {"constraint", "false"}, {"penwidth", penwidth(e.N)}}
		if e.N > 1 {
			a = append(a, attr{"label", quoteText(asLabel, text)})
		}
		return append(a, attr{"tooltip", quoteText(asTooltip, text)})
	default: // graph.Related and any later kind
		return []attr{{"dir", "none"}, {"style", "dotted"}, {"constraint", "false"},
			{"tooltip", quoteText(asTooltip, e.Kind.String())}}
	}
}

func (d *drawing) layout() string {
	switch {
	case d.opt.Pos != nil:
		return "nop2"
	case d.opt.Layout != "":
		return d.opt.Layout
	case d.view != nil && d.view.Historiograph:
		return "dot"
	case d.nodes < SFDPFrom && len(d.edges) < SFDPEdgesFrom:
		return "dot"
	default:
		return "sfdp"
	}
}

// overlap is "false" (GraphViz removes overlaps) unless the positions are
// given: nop2 keeps them as they are.
func (d *drawing) overlap() string {
	if d.opt.Pos != nil {
		return "true"
	}
	return "false"
}

func (d *drawing) splines() string {
	switch d.layout() {
	case "dot":
		return "true"
	case "neato", "fdp", "sfdp":
		if d.nodes < SplinesBelow {
			return "true"
		}
	}
	return "false"
}

func (d *drawing) cluster(id int64) int {
	if d.opt.Cluster == nil || int(id) >= len(d.opt.Cluster) || d.opt.Cluster[id] < 0 {
		return -1
	}
	return d.opt.Cluster[id]
}

func (d *drawing) write(bw *bufio.Writer) {
	name := d.opt.Name
	if name == "" {
		name = "citegraph"
	}
	title := cleanText(d.opt.Title)
	if title == "" {
		title = "Citation map (" + count(d.nodes, "work") + ", " + count(len(d.edges), "link") + ")"
		if d.allEdges > 0 {
			title = "Citation map (" + count(d.nodes, "work") + ", the " + strconv.Itoa(len(d.edges)) + " links between the largest of " + strconv.Itoa(d.allEdges) + ")"
		}
	}
	bw.WriteString("digraph " + quoteID(name) + " {\n")
	rankdir := "LR"
	if d.view != nil && d.view.Historiograph {
		rankdir = "TB"
	}
	graphAttrs := []attr{
		{"charset", `"UTF-8"`},
		{"layout", value(d.layout())},
		{"rankdir", rankdir},
		{"overlap", d.overlap()},
		{"splines", d.splines()},
	}
	if d.layout() == "dot" {
		// Bound dot's network simplex for x coordinates to 5 passes per
		// node: it changed no drawing we tried, and cut a chain of 300
		// works, each citing the one before and one far back, from over 10
		// minutes to 5 s.
		graphAttrs = append(graphAttrs, attr{"nslimit", "5"})
	}
	graphAttrs = append(graphAttrs,
		attr{"outputorder", "edgesfirst"},
		attr{"fontname", `"Helvetica"`},
		attr{"fontsize", "16"},
		attr{"labelloc", "t"},
		attr{"label", quoteText(asLabel, title)},
	)
	for _, a := range graphAttrs {
		bw.WriteString("\t" + a.key + "=" + a.val + ";\n")
	}
	writeStmt(bw, "\t", "node", []attr{{"fontname", `"Helvetica"`}, {"fontsize", "12"}, {"shape", "ellipse"},
		{"color", value("#444444")}, {"margin", `"0.08,0.04"`}})
	writeStmt(bw, "\t", "edge", []attr{{"fontname", `"Helvetica"`}, {"fontsize", "9"}, {"color", value(edgeColour)},
		{"arrowsize", num(0.6)}})

	if d.view != nil {
		d.view.writeAxis(bw, d)
	}

	// Nodes, cluster by cluster.
	works := d.g.Works()
	byCluster := map[int][]*graph.Work{}
	var clusters []int
	var loose []*graph.Work
	for _, w := range works {
		if !d.shown[w.ID()] {
			continue
		}
		c := d.cluster(w.ID())
		if c < 0 || d.view != nil && d.view.Historiograph || d.opt.Pos != nil {
			loose = append(loose, w)
			continue
		}
		if _, ok := byCluster[c]; !ok {
			clusters = append(clusters, c)
		}
		byCluster[c] = append(byCluster[c], w)
	}
	slices.Sort(clusters)
	for _, c := range clusters {
		col := ClusterColour(c)
		label := ""
		if c < len(d.opt.ClusterLabel) {
			label = cleanText(d.opt.ClusterLabel[c])
		}
		if label == "" {
			label = "Theme " + strconv.Itoa(c+1)
		}
		bw.WriteString("\tsubgraph " + quoteID("cluster_"+strconv.Itoa(c)) + " {\n")
		for _, a := range []attr{
			{"label", quoteText(asLabel, label)},
			{"style", `"rounded,filled"`},
			{"color", value(col)},
			{"fillcolor", value(tint(col, 0.12))},
			{"fontcolor", value(textDark)},
			{"fontsize", "14"},
		} {
			bw.WriteString("\t\t" + a.key + "=" + a.val + ";\n")
		}
		for _, w := range byCluster[c] {
			writeStmt(bw, "\t\t", quoteID(w.Key), d.nodeAttrs(w))
		}
		bw.WriteString("\t}\n")
	}
	for _, w := range loose {
		writeStmt(bw, "\t", quoteID(w.Key), d.nodeAttrs(w))
	}
	if d.view != nil && d.layout() == "dot" {
		// Views only: their readers have the legend's nodes already, and
		// graph.dot is read as data (every node a work, every edge a link).
		writeColumns(bw, clusters, byCluster)
	}
	if d.view != nil {
		d.view.writeExtras(bw, d)
	}

	for _, de := range d.edges {
		writeStmt(bw, "\t", quoteID(de.e.F.Key)+" -> "+quoteID(de.e.T.Key), de.attrs)
	}
	bw.WriteString("}\n")
}

func (d *drawing) nodeAttrs(w *graph.Work) []attr {
	a := d.nodeLook(w)
	if d.opt.Pos != nil {
		p := d.opt.Pos[w.ID()]
		a = append(a, attr{"pos", `"` + num(p[0]) + "," + num(p[1]) + `"`})
	}
	return a
}

// nodeLook returns the attributes of a node but its position.
func (d *drawing) nodeLook(w *graph.Work) []attr {
	id := w.ID()
	if w.Kind == graph.KindCiting {
		tip := d.statement[id]
		if tip == "" {
			tip = "unnamed citing work"
		}
		return []attr{
			{"label", `""`},
			{"tooltip", quoteText(asTooltip, tip, "(unnamed citing work)")},
			{"shape", "point"},
			{"width", num(0.06)},
			{"color", value(citingColour)},
		}
	}
	a := []attr{
		{"label", quoteText(asLabel, d.label(w))},
		{"tooltip", quoteText(asTooltip, tooltipLines(w)...)},
	}
	dotOnly := d.opt.Labelled != nil && !d.opt.Labelled[id]
	if dotOnly {
		a = []attr{{"label", `""`}, {"tooltip", quoteText(asTooltip, append([]string{d.label(w)}, tooltipLines(w)...)...)},
			{"shape", "circle"}, {"fixedsize", "true"}}
	}
	// doiURL's characters need no escaping; a URL GraphViz could not read
	// (a DOI of thousands of characters) is left out rather than cut.
	if u := doiURL(w.DOI); w.DOI != "" && len(u)+2 <= maxString {
		a = append(a, attr{"URL", `"` + u + `"`})
	}
	c := d.cluster(id)
	if w.Kind == graph.KindWork {
		fill := ClusterColour(c)
		a = append(a, attr{"style", "filled"}, attr{"fillcolor", value(fill)})
		if fc := textOn(fill); fc != "#000000" {
			a = append(a, attr{"fontcolor", value(fc)})
		}
	} else {
		line := unresolvedLine
		if c >= 0 {
			line = ClusterColour(c)
		}
		a = append(a, attr{"style", `"dashed,filled"`}, attr{"fillcolor", value("#FFFFFF")},
			attr{"color", value(line)}, attr{"fontcolor", value(textDark)})
	}
	switch {
	case dotOnly:
		f := 0.0
		if d.scale != nil {
			f = d.scale[id]
		}
		wd := num(dotMinWidth + (dotMaxWidth-dotMinWidth)*f)
		a = append(a, attr{"width", wd}, attr{"height", wd})
	case d.scale != nil:
		f := d.scale[id]
		wd := num(MinWidth + (MaxWidth-MinWidth)*f)
		a = append(a, attr{"width", wd}, attr{"height", wd}, attr{"fontsize", num(MinFontSize + (MaxFontSize-MinFontSize)*f)})
	}
	if d.view != nil && d.view.Focus == w.Key {
		a = append(a, attr{"peripheries", "2"}, attr{"penwidth", "3"})
	}
	if w.Retracted {
		a = retractedLook(a, w, dotOnly, d.label(w))
	}
	return a
}

// retractedColour outlines a retracted work (Okabe–Ito vermillion).
const retractedColour = "#D55E00"

// retractedLook marks a retracted work in a, the attributes of its node:
// a thick vermillion outline, "(retracted)" under a drawn label and
// "RETRACTED" first in its tooltip.
func retractedLook(a []attr, w *graph.Work, dotOnly bool, label string) []attr {
	out := a[:0:0]
	for _, x := range a {
		switch x.key {
		case "color", "penwidth":
			continue
		case "label":
			if !dotOnly {
				x.val = quoteText(asLabel, label, "(retracted)")
			}
		case "tooltip":
			lines := tooltipLines(w)
			if dotOnly {
				lines = append([]string{label}, lines...)
			}
			x.val = quoteText(asTooltip, append([]string{"RETRACTED"}, lines...)...)
		}
		out = append(out, x)
	}
	return append(out, attr{"color", value(retractedColour)}, attr{"penwidth", "3"})
}

// output writes the drawing in the dialect the options ask for.
func (d *drawing) output(bw *bufio.Writer) {
	if d.opt.Gephi {
		d.writeGephi(bw)
		return
	}
	d.write(bw)
}

// count returns "1 work", "2 works".
func count(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return strconv.Itoa(n) + " " + noun
}

// writeStmt writes one node, edge or attribute statement.
func writeStmt(bw *bufio.Writer, indent, head string, attrs []attr) {
	bw.WriteString(indent + head)
	if len(attrs) > 0 {
		bw.WriteString(" [")
		for i, a := range attrs {
			if i > 0 {
				bw.WriteString(", ")
			}
			bw.WriteString(a.key + "=" + a.val)
		}
		bw.WriteString("]")
	}
	bw.WriteString(";\n")
}

// minColumns is the number of clusters from which dot's drawing puts them
// in columns (writeColumns).
const minColumns = 3

// writeColumns arranges the clusters of a drawing dot lays out from left
// to right in about √k columns of k/√k clusters each, the first (largest)
// themes in the first column: left to itself, dot puts every work no
// citation orders in the first rank, and so stacks the clusters in one
// column as tall as they are many beside a legend as wide as the map. An
// invisible anchor per column ("col:j", chained) precedes every work of
// the column's clusters, so that a column's works come after the
// previous column's anchor; citations still order the works within.
func writeColumns(bw *bufio.Writer, clusters []int, byCluster map[int][]*graph.Work) {
	k := len(clusters)
	if k < minColumns {
		return
	}
	cols := int(math.Ceil(math.Sqrt(float64(k))))
	rows := (k + cols - 1) / cols
	for j := 0; j*rows < k; j++ {
		anchor := quoteID("col:" + strconv.Itoa(j))
		writeStmt(bw, "\t", anchor, []attr{{"shape", "point"}, {"style", "invis"}, {"width", "0"}, {"label", `""`}})
		if j > 0 {
			writeStmt(bw, "\t", quoteID("col:"+strconv.Itoa(j-1))+" -> "+anchor, []attr{{"style", "invis"}})
		}
		for _, c := range clusters[j*rows : min(k, (j+1)*rows)] {
			for _, w := range byCluster[c] {
				writeStmt(bw, "\t", anchor+" -> "+quoteID(w.Key), []attr{{"style", "invis"}})
			}
		}
	}
}
