package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
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
var allFormats = []string{"views", "gephi", "graphml", "gexf", "pajek", "vosviewer", "json", "tables", "report"}

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
	res      analysis.Result
	set      attr.Set
	mainPath []bool // per Cites edge
	labels   []string
}

// newAnalysed fills the writers' Set from the analysis: the centralities,
// HITS scores, themes, and the main path marked on the citations.
func newAnalysed(g *graph.Graph, res analysis.Result) *analysed {
	a := &analysed{g: g, res: res}
	hub, auth := analysis.HITS(g, 0)
	onPath := map[[2]int64]bool{}
	for _, p := range analysis.MainPath(g) {
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
