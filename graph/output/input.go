package output

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// Measures are the names Views.Measure takes and the node columns of the
// attribute Set they rank by.
var Measures = map[string]string{
	"pagerank":    "pagerank",
	"in-degree":   "in_degree",
	"betweenness": "betweenness",
	"authority":   "authority",
	"hub":         "hub",
}

// MeasureNames are the keys of Measures in the order help lists them.
var MeasureNames = []string{"pagerank", "in-degree", "betweenness", "authority", "hub"}

// Input is what the outputs are made of: the records read, the resolved
// graph and its analysis, with the attributes every encoder is handed.
type Input struct {
	Records []graph.Record
	Graph   *graph.Graph
	Result  analysis.Result

	// Set carries the analysis to the encoders: degrees, PageRank,
	// betweenness, HITS, themes and the main path on the citations.
	Set attr.Set
	// MainPath marks each Cites edge (in the order of
	// Graph.Edges(graph.Cites)) on the main path.
	MainPath []bool
	// Labels are the headings of the themes' clusters ("Theme 1: …").
	Labels []string
	// ByRank are the node IDs by descending PageRank, ties by ID.
	ByRank []int64
	// WorkLabels are the works' labels (dot.Labels: "Smith 2015a"), per
	// node ID; every output shows these.
	WorkLabels []string

	burstOf []int // index in Result.Bursts of the work's strongest burst, -1 for none
	// global holds the works' global citation counts (the sources' own,
	// analysis.CitationCounts; -1 where none is known), retracted whether a
	// source marks the work retracted (graph.Work.Retracted).
	global    []int
	retracted []bool
}

// NewInput prepares the outputs of g, its records and its analysis res.
func NewInput(recs []graph.Record, g *graph.Graph, res analysis.Result) *Input {
	in := &Input{Records: recs, Graph: g, Result: res, WorkLabels: dot.Labels(g)}
	_, in.global = analysis.CitationCounts(g, recs)
	in.retracted = make([]bool, g.Len())
	for i, w := range g.Works() {
		in.retracted[i] = w.Retracted
	}
	in.burstOf = make([]int, g.Len())
	for i := range in.burstOf {
		in.burstOf[i] = -1
	}
	for i, b := range res.Bursts { // strongest first
		if in.burstOf[b.Node] < 0 {
			in.burstOf[b.Node] = i
		}
	}
	onPath := map[[2]int64]bool{}
	for _, p := range res.MainPath {
		onPath[p] = true
	}
	cites := g.Edges(graph.Cites)
	in.MainPath = make([]bool, len(cites))
	for i, e := range cites {
		in.MainPath[i] = onPath[[2]int64{e.F.ID(), e.T.ID()}]
	}
	in.Labels = make([]string, len(res.Themes))
	themes := make([]attr.Theme, len(res.Themes))
	for i, th := range res.Themes {
		in.Labels[i] = ThemeTitle(th)
		themes[i] = attr.Theme{Label: th.Label, Terms: th.Terms, Top: th.Top}
	}
	in.Set = attr.Set{
		Label: in.label,
		Node: []attr.Column{
			attr.Ints("in_degree", "Citations in the corpus (in-degree)", res.InDegree),
			attr.Ints("out_degree", "References in the corpus (out-degree)", res.OutDegree),
			attr.Floats("pagerank", "PageRank", res.PageRank),
			attr.Floats("betweenness", "Betweenness", res.Betweenness),
			attr.Floats("authority", "HITS authority", res.Authority),
			attr.Floats("hub", "HITS hub", res.Hub),
			in.globalAttr(),
			attr.Bools("retracted", "Marked retracted by a source", in.retracted),
		},
		Cites:  []attr.Column{attr.Bools("main_path", "On the main path", in.MainPath)},
		Theme:  res.Theme,
		Themes: themes,
		Size:   res.PageRank,
	}
	in.ByRank = ByScore(res.PageRank)
	return in
}

// ThemeTitle is the heading of a theme's cluster in the drawings.
func ThemeTitle(th analysis.Theme) string {
	if th.Label == "" {
		return fmt.Sprintf("Theme %d", th.ID+1)
	}
	return fmt.Sprintf("Theme %d: %s", th.ID+1, th.Label)
}

// ByScore returns node IDs by descending score, ties by ID.
func ByScore(score []float64) []int64 {
	ids := make([]int64, len(score))
	for i := range ids {
		ids[i] = int64(i)
	}
	sort.SliceStable(ids, func(a, b int) bool { return score[ids[a]] > score[ids[b]] })
	return ids
}

// Measure returns the named measure (a key of Measures) per node, as
// floats.
func (in *Input) Measure(name string) []float64 {
	c := in.Set.Column(Measures[name])
	out := make([]float64, in.Graph.Len())
	for i := range out {
		out[i], _ = c.Float(i)
	}
	return out
}

// MeasureHeader are the names of the columns centrality.csv ends with, in
// order.
var MeasureHeader = []string{"hub", "authority", "kcore", "citation_age", "year_normalised", "burst_start", "burst_end", "burst_strength"}

// measureColumns are the columns centrality.csv ends with (MeasureHeader):
// HITS hub and authority, coreness (analysis.KCore), mean citation age,
// year-normalised citations, and the years and strength of the work's
// strongest citation burst. Cells are empty where a measure does not
// apply: no year, no dated citation, no burst. Floats are written as
// csv.Float writes them.
func (in *Input) measureColumns() []csv.Column {
	res := in.Result
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
			if i := in.burstOf[id]; i >= 0 {
				return f(res.Bursts[i])
			}
			return ""
		}}
	}
	return []csv.Column{
		col("hub", res.Hub), col("authority", res.Authority), csv.Int("kcore", res.KCore),
		col("citation_age", res.CitationAge), col("year_normalised", res.YearNormalised),
		burst("burst_start", func(b analysis.Burst) string { return strconv.Itoa(b.Start) }),
		burst("burst_end", func(b analysis.Burst) string { return strconv.Itoa(b.End) }),
		burst("burst_strength", func(b analysis.Burst) string { return float(b.Strength) }),
	}
}

// centralityColumns are the columns of centrality.csv after the work's
// own: in_degree, out_degree, pagerank, betweenness, theme (from 1),
// theme_label, then MeasureHeader, community (the Leiden community,
// from 1: analyse's nodes.csv column of that name), global_citations and
// retracted.
func (in *Input) centralityColumns() []csv.Column {
	res := in.Result
	theme := make([]int, len(res.Theme))
	themeLabel := make([]string, len(res.Theme))
	for id, c := range res.Theme {
		theme[id] = c + 1
		themeLabel[id] = res.Themes[c].Label
	}
	community := make([]int, len(res.Community))
	for id, c := range res.Community {
		community[id] = c + 1
	}
	cols := []csv.Column{csv.Int("in_degree", res.InDegree), csv.Int("out_degree", res.OutDegree),
		csv.Float("pagerank", res.PageRank), csv.Float("betweenness", res.Betweenness),
		csv.Int("theme", theme), {Name: "theme_label", Value: func(id int64) string { return themeLabel[id] }}}
	cols = append(cols, in.measureColumns()...)
	return append(cols, csv.Int("community", community), in.globalColumn(), in.retractedColumn())
}

// globalAttr is the global_citations attribute, left out where no source
// gives a count.
func (in *Input) globalAttr() attr.Column {
	c := attr.Ints("global_citations", "Citations the sources count (global)", in.global)
	c.Valid = make([]bool, len(in.global))
	for i, n := range in.global {
		c.Valid[i] = n >= 0
	}
	return c
}

// globalColumn is the global_citations column of the tables: the
// citations the sources count for the work in their whole index (WoS TC,
// Scopus "Cited by", OpenAlex cited_by_count, scite's citing
// publications), beside the local in_degree; empty where none is known.
func (in *Input) globalColumn() csv.Column {
	return csv.Column{Name: "global_citations", Value: func(id int64) string {
		if n := in.global[id]; n >= 0 {
			return strconv.Itoa(n)
		}
		return ""
	}}
}

// retractedColumn is the retracted column of the tables: "true" for a
// work a source marks retracted, else empty.
func (in *Input) retractedColumn() csv.Column {
	return csv.Column{Name: "retracted", Value: func(id int64) string { return yes(in.retracted[id]) }}
}

// ThemeHeader is the header of themes.csv.
var ThemeHeader = []string{"theme", "label", "terms", "works", "top_works", "top_keys"}

// themeRows are the rows of themes.csv for the graph: key works are
// named by their labels, unnamed citing works left out.
func (in *Input) themeRows() [][]string {
	works := in.Graph.Works()
	return ThemeRows(in.Result.Themes, func(id int64) (label, key string, ok bool) {
		w := works[id]
		return in.label(w), w.Key, w.Kind != graph.KindCiting
	})
}

// ThemeRows are the rows of themes.csv (ThemeHeader): a theme (from 1),
// its label, its terms ("; "), its size and its five key works (the first
// five of Top that work accepts) by label ("; ") and by key (" ").
func ThemeRows(themes []analysis.Theme, work func(id int64) (label, key string, ok bool)) [][]string {
	rows := make([][]string, 0, len(themes))
	for _, th := range themes {
		var top, keys []string
		for _, id := range th.Top {
			label, key, ok := work(id)
			if !ok {
				continue // unnamed: nothing to list
			}
			if len(top) == 5 {
				break
			}
			top = append(top, label)
			keys = append(keys, key)
		}
		rows = append(rows, []string{strconv.Itoa(th.ID + 1), th.Label, strings.Join(th.Terms, "; "),
			strconv.Itoa(th.Size), strings.Join(top, "; "), strings.Join(keys, " ")})
	}
	return rows
}

// CitationHeader is the header of citations.csv.
var CitationHeader = []string{"citing_key", "citing_label", "cited_key", "cited_label", "weight", "method",
	"statements", "supporting", "mentioning", "contrasting", "other_intent", "main_path", "background", "method_intent", "result"}

func (in *Input) citationRows() [][]string {
	var rows [][]string
	for i, e := range in.Graph.Edges(graph.Cites) {
		c := attr.EdgeIntents(e)
		rows = append(rows, []string{e.F.Key, in.label(e.F), e.T.Key, in.label(e.T), strconv.Itoa(e.N), e.Method,
			strconv.Itoa(c.Statements), strconv.Itoa(c.Supporting), strconv.Itoa(c.Mentioning), strconv.Itoa(c.Contrasting),
			strconv.Itoa(c.Other), strconv.FormatBool(in.MainPath[i]), strconv.Itoa(c.Background), strconv.Itoa(c.Method), strconv.Itoa(c.Result)})
	}
	return rows
}

// StatementHeader is the header of statements.csv.
var StatementHeader = append([]string{"citing_key", "citing_label", "cited_key", "cited_label", "intent", "confidence", "section", "text", "source"}, attr.StatementIntentHeader...)

func (in *Input) statementRows() [][]string {
	var rows [][]string
	for _, e := range in.Graph.Edges(graph.Cites) {
		for _, st := range e.Statements {
			src := st.Source.Path
			if st.Source.Line > 0 {
				src += ":" + strconv.Itoa(st.Source.Line)
			}
			rows = append(rows, append([]string{e.F.Key, in.label(e.F), e.T.Key, in.label(e.T), attr.Clean(st.Intent),
				strconv.FormatFloat(st.Confidence, 'g', -1, 64), attr.Clean(st.Section), attr.Clean(st.Text), attr.Clean(src)}, attr.StatementIntentCells(&st)...))
		}
	}
	return rows
}

// FocusKey returns the Key of the work s names: a Key, or a DOI; s itself
// when neither names a work (dot.WriteView reports it).
func FocusKey(g *graph.Graph, s string) string {
	if g.Work(s) != nil {
		return s
	}
	if d, err := graph.NormalizeDOI(s); err == nil && g.Work("doi:"+d) != nil {
		return "doi:" + d
	}
	return s
}

// label returns the label of w (WorkLabels).
func (in *Input) label(w *graph.Work) string { return in.WorkLabels[w.ID()] }
