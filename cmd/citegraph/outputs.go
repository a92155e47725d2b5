package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/gexf"
	"github.com/citegraph/citegraph/graph/encoding/graphjson"
	"github.com/citegraph/citegraph/graph/encoding/graphml"
	"github.com/citegraph/citegraph/graph/encoding/pajek"
	"github.com/citegraph/citegraph/graph/encoding/report"
	"github.com/citegraph/citegraph/graph/encoding/vosviewer"
)

// The optional outputs of run, as --formats names them.
var allFormats = []string{"views", "gephi", "graphml", "gexf", "pajek", "vosviewer", "networks", "json", "tables", "report"}

// measures are the --measure names and their node columns.
var measures = map[string]string{
	"pagerank":    "pagerank",
	"in-degree":   "in_degree",
	"betweenness": "betweenness",
	"authority":   "authority",
	"hub":         "hub",
}

// viewFlags are the options of the drawn views.
type viewFlags struct {
	measure      string
	mapTop       int
	years        string
	themes       string
	edges        string
	focus        string
	depth        int
	noLegend     bool
	formats      string
	yearFrom     int
	yearTo       int
	themeList    []int
	edgeKinds    []graph.EdgeKind
	formatChosen map[string]bool
}

func (v *viewFlags) validate() error {
	if _, ok := measures[v.measure]; !ok {
		return fmt.Errorf("--measure %q: want one of pagerank, in-degree, betweenness, authority, hub", v.measure)
	}
	if v.mapTop < 1 {
		return fmt.Errorf("--map-top %d: must be at least 1", v.mapTop)
	}
	if v.depth < 1 {
		return fmt.Errorf("--depth %d: must be at least 1", v.depth)
	}
	if v.years != "" {
		from, to, ok := strings.Cut(v.years, "-")
		var err1, err2 error
		if from != "" {
			v.yearFrom, err1 = strconv.Atoi(from)
		}
		if to != "" {
			v.yearTo, err2 = strconv.Atoi(to)
		}
		if !ok || err1 != nil || err2 != nil || from == "" && to == "" || v.yearTo != 0 && v.yearFrom > v.yearTo {
			return fmt.Errorf("--years %q: want FROM-TO, FROM- or -TO (e.g. 2005-2015)", v.years)
		}
	}
	if v.themes != "" {
		for _, f := range strings.Split(v.themes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return fmt.Errorf("--themes %q: want theme numbers from 1, separated by commas", v.themes)
			}
			v.themeList = append(v.themeList, n-1)
		}
	}
	if v.edges != "" {
		for _, f := range strings.Split(v.edges, ",") {
			switch strings.TrimSpace(f) {
			case "cites":
				v.edgeKinds = append(v.edgeKinds, graph.Cites)
			case "cocited":
				v.edgeKinds = append(v.edgeKinds, graph.CoCited)
			case "related":
				v.edgeKinds = append(v.edgeKinds, graph.Related)
			default:
				return fmt.Errorf("--edges %q: want cites, cocited and related, separated by commas", v.edges)
			}
		}
	}
	v.formatChosen = map[string]bool{}
	switch v.formats {
	case "all":
		for _, f := range allFormats {
			v.formatChosen[f] = true
		}
	case "none":
	default:
		for _, f := range strings.Split(v.formats, ",") {
			f = strings.TrimSpace(f)
			if !slices.Contains(allFormats, f) {
				return fmt.Errorf("--formats %q: want all, none, or some of %s", v.formats, strings.Join(allFormats, ", "))
			}
			v.formatChosen[f] = true
		}
	}
	return nil
}

// analysed is what the outputs are made of.
type analysed struct {
	g        *graph.Graph
	c        *graph.Compact
	res      analysis.Result
	set      attr.Set
	mainPath []bool // per Cites edge
	labels   []string

	// The measures of centrality.csv's last columns, indexed by node ID.
	hub, auth []float64
	kcore     []int
	age       []float64 // mean citation age, NaN where unknown
	yearNorm  []float64 // year-normalised citations, NaN without a year
	bursts    []analysis.Burst
	burstOf   []int // index in bursts of the work's strongest burst, -1 for none
}

// newAnalysed fills the writers' Set from the analysis: the centralities,
// HITS scores, themes, and the main path marked on the citations; and
// works out the measures only the tables show: coreness, citation age,
// year-normalised citations and citation bursts.
func newAnalysed(g *graph.Graph, res analysis.Result) *analysed {
	c := g.Compact()
	a := &analysed{g: g, c: c, res: res}
	hub, auth := analysis.HITS(c, 0)
	a.hub, a.auth = hub, auth
	a.kcore = analysis.KCore(c)
	a.age = analysis.CitationAge(c)
	a.yearNorm = analysis.YearNormalisedCitations(c)
	a.bursts = analysis.Bursts(c, analysis.BurstOptions{})
	a.burstOf = make([]int, g.Len())
	for i := range a.burstOf {
		a.burstOf[i] = -1
	}
	for i, b := range a.bursts { // strongest first
		if a.burstOf[b.Node] < 0 {
			a.burstOf[b.Node] = i
		}
	}
	onPath := map[[2]int64]bool{}
	for _, p := range analysis.MainPath(c) {
		onPath[p] = true
	}
	cites := g.Edges(graph.Cites)
	a.mainPath = make([]bool, len(cites))
	for i, e := range cites {
		a.mainPath[i] = onPath[[2]int64{e.F.ID(), e.T.ID()}]
	}
	a.labels = make([]string, len(res.Themes))
	themes := make([]attr.Theme, len(res.Themes))
	for i, th := range res.Themes {
		a.labels[i] = themeTitle(th)
		themes[i] = attr.Theme{Label: th.Label, Terms: th.Terms, Top: th.Top}
	}
	a.set = attr.Set{
		Label: dot.Label,
		Node: []attr.Column{
			attr.Ints("in_degree", "Citations in the corpus (in-degree)", res.InDegree),
			attr.Ints("out_degree", "References in the corpus (out-degree)", res.OutDegree),
			attr.Floats("pagerank", "PageRank", res.PageRank),
			attr.Floats("betweenness", "Betweenness", res.Betweenness),
			attr.Floats("authority", "HITS authority", auth),
			attr.Floats("hub", "HITS hub", hub),
		},
		Cites:  []attr.Column{attr.Bools("main_path", "On the main path", a.mainPath)},
		Theme:  res.Community,
		Themes: themes,
		Size:   res.PageRank,
	}
	return a
}

// measureHeader are the names of measureColumns, in order.
var measureHeader = []string{"hub", "authority", "kcore", "citation_age", "year_normalised", "burst_start", "burst_end", "burst_strength"}

// measureColumns are the columns centrality.csv ends with (measureHeader):
// HITS hub and authority, coreness (analysis.KCore), mean citation age,
// year-normalised citations, and the years and strength of the work's
// strongest citation burst. Cells are empty where a measure does not
// apply: no year, no dated citation, no burst. Floats are written as
// csv.Float writes them.
func (a *analysed) measureColumns() []csv.Column {
	float := func(v float64) string {
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'g', 10, 64)
	}
	col := func(name string, v []float64) csv.Column {
		return csv.Column{Name: name, Value: func(id int64) string { return float(v[id]) }}
	}
	burst := func(name string, f func(analysis.Burst) string) csv.Column {
		return csv.Column{Name: name, Value: func(id int64) string {
			if i := a.burstOf[id]; i >= 0 {
				return f(a.bursts[i])
			}
			return ""
		}}
	}
	return []csv.Column{
		col("hub", a.hub), col("authority", a.auth), csv.Int("kcore", a.kcore),
		col("citation_age", a.age), col("year_normalised", a.yearNorm),
		burst("burst_start", func(b analysis.Burst) string { return strconv.Itoa(b.Start) }),
		burst("burst_end", func(b analysis.Burst) string { return strconv.Itoa(b.End) }),
		burst("burst_strength", func(b analysis.Burst) string { return float(b.Strength) }),
	}
}

// writeCentrality writes centrality.csv: a row per node in the order of
// ids, the work's columns (csv.WorkColumns), in_degree, out_degree,
// pagerank, betweenness, theme (from 1), theme_label, then measureHeader.
func writeCentrality(w io.Writer, a *analysed, ids []int64) error {
	res := a.res
	theme := make([]int, len(res.Community))
	themeLabel := make([]string, len(res.Community))
	for id, c := range res.Community {
		theme[id] = c + 1
		themeLabel[id] = res.Themes[c].Label
	}
	cols := []csv.Column{csv.Int("in_degree", res.InDegree), csv.Int("out_degree", res.OutDegree),
		csv.Float("pagerank", res.PageRank), csv.Float("betweenness", res.Betweenness),
		csv.Int("theme", theme), {Name: "theme_label", Value: func(id int64) string { return themeLabel[id] }}}
	return csv.WriteNodes(w, a.g, ids, dot.Label, append(cols, a.measureColumns()...)...)
}

// measure returns the chosen measure per node, as floats.
func (a *analysed) measure(name string) []float64 {
	c := a.set.Column(measures[name])
	out := make([]float64, a.g.Len())
	for i := range out {
		out[i], _ = c.Float(i)
	}
	return out
}

// outputs writes files into a folder and records their names.
type outputs struct {
	ctx     context.Context
	dir     string
	render  string
	errOut  io.Writer
	written []string
	noDot   bool // GraphViz found missing: render nothing more
}

func (o *outputs) file(name string, fill func(io.Writer) error) error {
	if err := writeFileAtomic(filepath.Join(o.dir, name), fill); err != nil {
		return err
	}
	o.written = append(o.written, name)
	return nil
}

func (o *outputs) bytes(name string, b []byte) error {
	return o.file(name, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// drawing writes name.dot and, unless rendering is off, the drawing in
// the --render format. A missing GraphViz is noted once on stderr.
func (o *outputs) drawing(name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if err := o.bytes(name+".dot", buf.Bytes()); err != nil {
		return err
	}
	if o.render == "none" || o.noDot {
		return nil
	}
	img, err := dot.Render(o.ctx, buf.Bytes(), o.render)
	switch {
	case errors.Is(err, dot.ErrNoGraphviz):
		o.noDot = true
		fmt.Fprintf(o.errOut, "note: %v; the .dot files are written, their .%s drawings are not (install GraphViz, e.g. apt-get install graphviz)\n", err, o.render)
		return nil
	case err != nil:
		return fmt.Errorf("%s.dot: %w", name, err)
	}
	return o.bytes(name+"."+o.render, img)
}

// writeExtraOutputs writes the outputs --formats chooses besides
// works.jsonl, graph.dot and the two tables.
func writeExtraOutputs(o *outputs, a *analysed, opt runOptions, nsources, failed int) error {
	v := opt.views
	g, set := a.g, a.set
	base := dot.Options{Cluster: a.res.Community, ClusterLabel: a.labels, Size: a.res.PageRank, Layout: opt.layout, HideCiting: opt.hideCiting}
	measureName := set.Column(measures[v.measure]).Heading()
	if v.formatChosen["views"] {
		if err := o.drawing("overview", func(w io.Writer) error {
			return dot.WriteOverview(w, g, dot.Overview{Cluster: a.res.Community, ClusterLabel: a.labels, Layout: opt.layout, HideCiting: opt.hideCiting})
		}); err != nil {
			return err
		}
		view := dot.View{Options: base, Measure: a.measure(v.measure), MeasureName: measureName, Top: v.mapTop,
			YearFrom: v.yearFrom, YearTo: v.yearTo, Themes: v.themeList, Kinds: v.edgeKinds, Legend: !v.noLegend}
		if err := o.drawing("top", func(w io.Writer) error { return dot.WriteView(w, g, view) }); err != nil {
			return err
		}
		hist := view
		hist.Historiograph, hist.MainPath, hist.Kinds = true, a.mainPath, []graph.EdgeKind{graph.Cites}
		hist.Layout = ""
		if err := o.drawing("historiograph", func(w io.Writer) error { return dot.WriteView(w, g, hist) }); err != nil {
			return err
		}
		if v.focus != "" {
			focus := dot.View{Options: base, MeasureName: measureName, Focus: focusKey(g, v.focus), Depth: v.depth,
				YearFrom: v.yearFrom, YearTo: v.yearTo, Themes: v.themeList, Kinds: v.edgeKinds, Legend: !v.noLegend}
			if err := o.drawing("neighbourhood", func(w io.Writer) error { return dot.WriteView(w, g, focus) }); err != nil {
				return err
			}
		}
	}
	if v.formatChosen["gephi"] {
		gephi := base
		gephi.Gephi = true
		if err := o.file("graph.gephi.dot", func(w io.Writer) error { return dot.Write(w, g, gephi) }); err != nil {
			return err
		}
	}
	if v.formatChosen["graphml"] {
		if err := o.file("graph.graphml", func(w io.Writer) error { return graphml.Write(w, g, set) }); err != nil {
			return err
		}
	}
	if v.formatChosen["gexf"] {
		if err := o.file("graph.gexf", func(w io.Writer) error { return gexf.Write(w, g, set) }); err != nil {
			return err
		}
	}
	if v.formatChosen["pajek"] {
		if err := o.file("graph.net", func(w io.Writer) error { return pajek.Write(w, g, set, pajek.Options{}) }); err != nil {
			return err
		}
		if err := o.file("themes.clu", func(w io.Writer) error { return pajek.WritePartition(w, g, set) }); err != nil {
			return err
		}
		if err := o.file("pagerank.vec", func(w io.Writer) error { return pajek.WriteVector(w, *set.Column("pagerank")) }); err != nil {
			return err
		}
	}
	if v.formatChosen["vosviewer"] {
		var mapBuf, netBuf bytes.Buffer
		if err := vosviewer.Write(&mapBuf, &netBuf, g, set, vosviewer.Options{HideCiting: opt.hideCiting}); err != nil {
			return err
		}
		if err := o.bytes("vosviewer_map.txt", mapBuf.Bytes()); err != nil {
			return err
		}
		if err := o.bytes("vosviewer_network.txt", netBuf.Bytes()); err != nil {
			return err
		}
	}
	if v.formatChosen["networks"] {
		if err := writeNetworks(o, a, opt.hideCiting); err != nil {
			return err
		}
	}
	if v.formatChosen["json"] {
		if err := o.file("graph.json", func(w io.Writer) error { return graphjson.Write(w, g, set) }); err != nil {
			return err
		}
	}
	if v.formatChosen["tables"] {
		if err := o.file("citations.csv", func(w io.Writer) error {
			return csv.WriteTable(w, citationHeader, citationRows(g, a.mainPath))
		}); err != nil {
			return err
		}
		if err := o.file("statements.csv", func(w io.Writer) error {
			return csv.WriteTable(w, statementHeader, statementRows(g))
		}); err != nil {
			return err
		}
	}
	if v.formatChosen["report"] {
		in := report.Input{Graph: g, Set: set, Sources: nsources, Failed: failed, Measure: measures[v.measure],
			Top: opt.top, ChartPrefix: "report-", Notes: []string{
				"Made by citegraph run from " + strings.Join(opt.paths, ", ") + fmt.Sprintf(" with --seed %d and --resolution %g.", opt.seed, opt.resolution),
				fmt.Sprintf("Themes are Louvain communities (modularity %.3f) named by their most distinctive terms (c-TF-IDF).", a.res.Modularity),
				"The most central works are ranked by " + measureName + "; unnamed citing works are not ranked.",
			}}
		for _, b := range a.bursts {
			in.Bursts = append(in.Bursts, report.Burst{Node: b.Node, Start: b.Start, End: b.End, Strength: b.Strength})
		}
		if len(in.Bursts) > 0 {
			in.Notes = append(in.Notes, "Citation bursts are Kleinberg's two-state bursts over the years of the citing works, as CiteSpace detects them (s = 2, γ = 1; works cited at least twice).")
		}
		if err := o.file("report.html", func(w io.Writer) error { return report.WriteHTML(w, in) }); err != nil {
			return err
		}
		if err := o.file("report.md", func(w io.Writer) error { return report.WriteMarkdown(w, in) }); err != nil {
			return err
		}
		charts, err := report.Charts(in)
		if err != nil {
			return err
		}
		for _, c := range charts {
			svg := append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), c.SVG...)
			if err := o.bytes("report-"+c.Name+".svg", svg); err != nil {
				return err
			}
		}
	}
	return nil
}

// focusKey returns the Key of the work --focus names: a Key, or a DOI.
func focusKey(g *graph.Graph, s string) string {
	if g.Work(s) != nil {
		return s
	}
	if d, err := graph.NormalizeDOI(s); err == nil && g.Work("doi:"+d) != nil {
		return "doi:" + d
	}
	return s // WriteView reports it
}

var citationHeader = []string{"citing_key", "citing_label", "cited_key", "cited_label", "weight", "method",
	"statements", "supporting", "mentioning", "contrasting", "other_intent", "main_path"}

func citationRows(g *graph.Graph, mainPath []bool) [][]string {
	var rows [][]string
	for i, e := range g.Edges(graph.Cites) {
		c := attr.EdgeIntents(e)
		rows = append(rows, []string{e.F.Key, dot.Label(e.F), e.T.Key, dot.Label(e.T), strconv.Itoa(e.N), e.Method,
			strconv.Itoa(c.Statements), strconv.Itoa(c.Supporting), strconv.Itoa(c.Mentioning), strconv.Itoa(c.Contrasting),
			strconv.Itoa(c.Other), strconv.FormatBool(mainPath[i])})
	}
	return rows
}

var statementHeader = []string{"citing_key", "citing_label", "cited_key", "cited_label", "intent", "confidence", "section", "text", "source"}

func statementRows(g *graph.Graph) [][]string {
	var rows [][]string
	for _, e := range g.Edges(graph.Cites) {
		for _, st := range e.Statements {
			src := st.Source.Path
			if st.Source.Line > 0 {
				src += ":" + strconv.Itoa(st.Source.Line)
			}
			rows = append(rows, []string{e.F.Key, dot.Label(e.F), e.T.Key, dot.Label(e.T), attr.Clean(st.Intent),
				strconv.FormatFloat(st.Confidence, 'g', -1, 64), attr.Clean(st.Section), attr.Clean(st.Text), attr.Clean(src)})
		}
	}
	return rows
}

// Bounds of the derived networks the "networks" format writes, so that a
// large corpus gives maps VOSviewer opens, not gigabytes.
const (
	networkItems = 1000  // items kept: the greatest total link strength (terms: in most works)
	networkLinks = 50000 // links kept among them: the strongest
	termMinWorks = 2     // works a term must occur in to be an item
)

// writeNetworks writes the derived networks as VOSviewer map and network
// pairs: co-citation and bibliographic coupling of the works,
// co-authorship and term co-occurrence (titles and abstracts). Link
// strengths are raw counts; VOSviewer normalises them itself (association
// strength, its default), so they are not normalised twice. An empty
// network is skipped with a note on stderr.
func writeNetworks(o *outputs, a *analysed, hideCiting bool) error {
	works := a.g.Works()
	keepWork := func(v int32) bool { return !(hideCiting && works[v].Kind == graph.KindCiting) }
	workItem := func(ids []int32, weight []int) func(v int32) vosviewer.Item {
		return func(v int32) vosviewer.Item {
			w := works[ids[v]]
			return vosviewer.Item{Work: w, Label: dot.Label(w), Weights: []float64{float64(weight[ids[v]])}}
		}
	}
	cocitIDs, cocit := workNetwork(a.c, keepWork, false, networkItems)
	coupIDs, coup := workNetwork(a.c, keepWork, true, networkItems)
	names, coauth := analysis.CoAuthorship(a.g)
	terms, termNet, occurrences := termNetwork(a.g)
	for _, d := range []struct {
		name, what string
		nw         analysis.Network
		weights    []string
		item       func(v int32) vosviewer.Item
	}{
		{"cocitation", "co-citations", cocit, []string{"Citations"}, workItem(cocitIDs, a.res.InDegree)},
		{"coupling", "bibliographic couplings", coup, []string{"References"}, workItem(coupIDs, a.res.OutDegree)},
		{"coauthorship", "co-authorships", coauth, nil, func(v int32) vosviewer.Item {
			return vosviewer.Item{Label: names[v], Description: names[v]}
		}},
		{"terms", "co-occurring terms", termNet, []string{"Occurrences"}, func(v int32) vosviewer.Item {
			return vosviewer.Item{Label: terms[v], Description: terms[v], Weights: []float64{float64(occurrences[v])}}
		}},
	} {
		nodes, links := boundNetwork(d.nw, nil, networkItems, networkLinks)
		if len(links) == 0 {
			fmt.Fprintf(o.errOut, "note: no %s: vosviewer_%s_map.txt and vosviewer_%s_network.txt are not written\n", d.what, d.name, d.name)
			continue
		}
		nw := vosviewer.Network{Weights: d.weights, Links: links}
		for _, v := range nodes {
			nw.Items = append(nw.Items, d.item(v))
		}
		var mapBuf, netBuf bytes.Buffer
		if err := vosviewer.WriteNetwork(&mapBuf, &netBuf, nw); err != nil {
			return err
		}
		if err := o.bytes("vosviewer_"+d.name+"_map.txt", mapBuf.Bytes()); err != nil {
			return err
		}
		if err := o.bytes("vosviewer_"+d.name+"_network.txt", netBuf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// workNetwork returns the co-citation network (coupling false) or the
// bibliographic coupling network (coupling true) of the maxItems works
// keep accepts with the greatest total link strength to the others it
// accepts (ties by node), and the node ID of each of its nodes. The whole
// network of a large corpus is far too big to build and then bound (the
// coupling network of a 20,000-work grown corpus took 24 s), so the
// strengths are summed first, O(m): a work's co-citation strength is
// Σ (k(u) − 1) over the works u citing it, k(u) being the accepted works u
// cites; its coupling strength Σ (k(w) − 1) over the works w it cites, k(w)
// the accepted works citing w. The network of the chosen works is then
// analysis.CoCitation or analysis.Coupling of the citations that make it:
// those into them, or those out of them.
func workNetwork(c *graph.Compact, keep func(int32) bool, coupling bool, maxItems int) (ids []int32, nw analysis.Network) {
	n := c.Len()
	from, to := c.In(), c.Out() // co-citation: items are cited, shared ends cite
	if coupling {
		from, to = c.Out(), c.In()
	}
	k := make([]int, n) // kept items at the far end of each shared end
	for u := range int32(n) {
		for _, v := range to.Row(u) {
			if keep(v) {
				k[u]++
			}
		}
	}
	strength := make([]int, n)
	var chosen []int32
	for v := range int32(n) {
		if !keep(v) {
			continue
		}
		for _, u := range from.Row(v) {
			strength[v] += k[u] - 1
		}
		if strength[v] > 0 {
			chosen = append(chosen, v)
		}
	}
	if len(chosen) > maxItems {
		sort.SliceStable(chosen, func(i, j int) bool { return strength[chosen[i]] > strength[chosen[j]] })
		chosen = chosen[:maxItems]
		slices.Sort(chosen)
	}
	b := graph.NewCompactBuilder()
	node := func(v int32) int32 { return b.Node(strconv.Itoa(int(v))) }
	for _, v := range chosen {
		x := node(v)
		for _, u := range from.Row(v) {
			if coupling {
				b.Cite(x, node(u), 1)
			} else {
				b.Cite(node(u), x, 1)
			}
		}
	}
	sub := b.Build()
	if coupling {
		nw = analysis.Coupling(sub)
	} else {
		nw = analysis.CoCitation(sub)
	}
	ids = make([]int32, sub.Len())
	for v := range ids {
		id, _ := strconv.Atoi(sub.Key(int32(v)))
		ids[v] = int32(id)
	}
	// Works outside the chosen ones (shared ends) are in sub but have no
	// links, except one also chosen, which is welcome.
	return ids, nw
}

// termNetwork returns the term co-occurrence network of the works' titles
// and abstracts, the terms, and the number of works each occurs in. The
// terms are the networkItems in most works (ties by term), in at least
// termMinWorks. Unnamed citing works have neither and are left out.
func termNetwork(g *graph.Graph) (terms []string, nw analysis.Network, occurrences []int) {
	var docs [][]string
	for _, w := range g.Works() {
		if w.Kind == graph.KindCiting {
			continue
		}
		text := w.Title
		if w.Abstract != "" {
			text += "\n" + w.Abstract
		} else {
			for _, s := range w.AbstractSections {
				text += "\n" + s.Text
			}
		}
		docs = append(docs, analysis.Terms(text))
	}
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	var frequent []string
	for t, k := range df {
		if k >= termMinWorks {
			frequent = append(frequent, t)
		}
	}
	sort.Slice(frequent, func(i, j int) bool {
		a, b := frequent[i], frequent[j]
		return df[a] > df[b] || df[a] == df[b] && a < b
	})
	keepTerm := make(map[string]bool, networkItems)
	for _, t := range frequent[:min(networkItems, len(frequent))] {
		keepTerm[t] = true
	}
	for i, d := range docs {
		docs[i] = slices.DeleteFunc(d, func(t string) bool { return !keepTerm[t] })
	}
	terms, nw = analysis.TermCoOccurrence(docs, termMinWorks)
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t] = i
	}
	occurrences = make([]int, len(terms))
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if i, ok := index[t]; ok && !seen[t] {
				seen[t] = true
				occurrences[i]++
			}
		}
	}
	return terms, nw, occurrences
}

// boundNetwork returns the nodes (in increasing order) and links written
// for nw: among the nodes keep accepts (nil: all), those with links to
// other kept nodes; of them the maxItems with the greatest total link
// strength (ties by node), as VOSviewer selects items; and of the links
// among those the maxLinks strongest (ties by the pair). Link ends are
// indexes into nodes.
func boundNetwork(nw analysis.Network, keep func(int32) bool, maxItems, maxLinks int) (nodes []int32, links []vosviewer.Link) {
	if keep == nil {
		keep = func(int32) bool { return true }
	}
	n := nw.Len()
	strength := make([]float64, n)
	for v := range int32(n) {
		if !keep(v) {
			continue
		}
		adj, w := nw.Row(v)
		for i, u := range adj {
			if keep(u) {
				strength[v] += w[i]
			}
		}
		if strength[v] > 0 {
			nodes = append(nodes, v)
		}
	}
	if len(nodes) > maxItems {
		sort.SliceStable(nodes, func(i, j int) bool { return strength[nodes[i]] > strength[nodes[j]] })
		nodes = nodes[:maxItems]
		slices.Sort(nodes)
	}
	index := make(map[int32]int, len(nodes))
	for i, v := range nodes {
		index[v] = i
	}
	for i, v := range nodes {
		adj, w := nw.Row(v)
		for k, u := range adj {
			if j, ok := index[u]; ok && u > v {
				links = append(links, vosviewer.Link{A: i, B: j, Strength: w[k]})
			}
		}
	}
	if len(links) > maxLinks {
		// links are in pair order: a stable sort breaks ties by the pair.
		sort.SliceStable(links, func(i, j int) bool { return links[i].Strength > links[j].Strength })
		links = links[:maxLinks]
	}
	return nodes, links
}
