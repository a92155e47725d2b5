package output

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/analysis/layout"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/csv"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/gexf"
	"github.com/citegraph/citegraph/graph/encoding/graphjson"
	"github.com/citegraph/citegraph/graph/encoding/graphml"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
	"github.com/citegraph/citegraph/graph/encoding/pajek"
	"github.com/citegraph/citegraph/graph/encoding/report"
	"github.com/citegraph/citegraph/graph/encoding/vosviewer"
	"github.com/citegraph/citegraph/graph/encoding/webmap"
	"github.com/citegraph/citegraph/graph/progress"
)

// Format is one row of the table of outputs: a name, the files it writes
// and the function that writes them.
type Format struct {
	// Name is the format's name in Options.Formats (and --formats).
	Name string
	// Always formats are written whatever Options.Formats says.
	Always bool
	// Help says what the files are, for the command's help: the first line
	// names the files; further lines are indented by the help.
	Help string
	// Write writes the format's files through w.
	Write func(ctx context.Context, w *Writer) error
}

// Formats is the table of outputs, in the order they are written. Those
// marked Always come first; the others are the names Options.Formats
// chooses from (Optional lists them).
var Formats = []Format{
	{Name: "works", Always: true, Help: "works.jsonl     the extracted records (the same JSON Lines as \"extract\")", Write: writeWorks},
	{Name: "matching", Always: true, Help: `matching.json   what resolution did: records in, duplicates removed (by
                identifier, title, decision), unique works, references
                by match method, conflicts, decisions, and the works
                citing each other in a cycle (citation_cycles)`, Write: writeMatching},
	{Name: "graph", Always: true, Help: `graph.dot       the map for GraphViz: one cluster per theme, node size by
                PageRank, labels "Family Year"; drawn by GraphViz as
                graph.svg (--render; skipped with a message when GraphViz
                is not installed); from 2,000 works placed by citegraph
                (force-directed) and drawn by GraphViz's nop2 engine
                (neato -n2), labels on the 300 largest works. Drawings
                are made after every other file, each stopped after
                --render-timeout`, Write: writeGraph},
	{Name: "centrality", Always: true, Help: `centrality.csv  every node with its degrees, PageRank, betweenness, theme,
                then hub and authority (HITS), kcore (coreness, citations
                in and out), citation_age (mean citing year minus the
                work's year), year_normalised (citations over the mean of
                the works of its year), burst_start, burst_end and
                burst_strength (its strongest Kleinberg citation burst,
                as CiteSpace finds them); empty where a measure does not
                apply (no year, no dated citation, no burst)`, Write: writeCentrality},
	{Name: "themes", Always: true, Help: "themes.csv      every theme with its label terms and key works", Write: writeThemes},
	{Name: "views", Help: `overview.dot (one node per theme, arrows weighted by the
citations between themes), top.dot (the --map-top works by
--measure, clustered by theme, with a legend),
historiograph.dot (those works in rows by year, the main
path in bold) and, with --focus, neighbourhood.dot; each
drawn in the --render format too. --years, --themes and
--edges narrow them.`, Write: writeViews},
	{Name: "gephi", Help: `graph.gephi.dot: graph.dot in a form Gephi's DOT import
reads without inventing nodes (GraphViz reads it too)`, Write: writeGephi},
	{Name: "graphml", Help: "graph.graphml: every node and edge with typed attributes", Write: func(_ context.Context, w *Writer) error {
		return w.File("graph.graphml", func(f io.Writer) error { return graphml.Write(f, w.In.Graph, w.In.Set) })
	}},
	{Name: "gexf", Help: `graph.gexf: GEXF 1.3 for Gephi, typed attributes, years as
time spells`, Write: func(_ context.Context, w *Writer) error {
		return w.File("graph.gexf", func(f io.Writer) error { return gexf.Write(f, w.In.Graph, w.In.Set) })
	}},
	{Name: "pajek", Help: `graph.net (citations as arcs, co-citations as edges),
themes.clu (partition), pagerank.vec (vector)`, Write: writePajek},
	{Name: "vosviewer", Help: "vosviewer_map.txt and vosviewer_network.txt", Write: writeVOSviewer},
	{Name: "networks", Help: `derived networks as VOSviewer map and network pairs,
vosviewer_NAME_map.txt and vosviewer_NAME_network.txt:
cocitation (works cited together), coupling (works citing
the same works), coauthorship (authors) and terms (terms of
titles and abstracts in at least 2 works). Link strengths
are raw counts: VOSviewer normalises them by association
strength itself (its default), so they are not normalised
twice. Each keeps 1000 items (works and authors: the
greatest total link strength; terms: in the most works) and
the 50000 strongest links among them; an empty network is
skipped with a note`, Write: writeNetworks},
	{Name: "json", Help: "graph.json: the whole analysed graph", Write: func(_ context.Context, w *Writer) error {
		return w.File("graph.json", func(f io.Writer) error { return graphjson.Write(f, w.In.Graph, w.In.Set) })
	}},
	{Name: "tables", Help: `citations.csv (every citation: match method, statements by
intent, main path) and statements.csv (every statement)`, Write: writeTables},
	{Name: "review", Help: `the systematic review's files: records.csv (every record
read: source, line, database, record_id, title, year,
first_author, the work it was merged into and the rule and
score of that merge), duplicates.csv (each work several
records describe, with their databases and record ids),
review.csv (pairs that may be one work but were not merged,
with the score and why, for a decisions file to settle),
unique.ris and unique.csv (one record per unique work, its
most complete fields and every database and record id it
was found under: RIS DB, AN and N1; for Rayyan, ASReview,
Covidence), prisma.json (records identified per database, duplicates
removed automatically and by decision, unique works, records
from citation chasing per index and direction, works new
since the previous run) and prisma.dot (+ its drawing): the
identification part of the PRISMA 2020 flow diagram`, Write: writeReview},
	{Name: "bibliometrics", Help: `bibliometrics.json: descriptive bibliometrics of the works
the sources describe, as bibliometrix reports them (counts,
annual production, productive authors, sources, countries,
keywords, h-indexes, Bradford, Lotka, most cited), and the
same tables as bibliometrics_NAME.csv for spreadsheets`, Write: writeBibliometrics},
	{Name: "sciencemaps", Help: `science maps of the exports' keywords and addresses, drawn
for GraphViz and written for VOSviewer: cooccurrence_FIELD.dot
and vosviewer_FIELD_{map,network}.txt for FIELD author_keywords,
keywords_plus and mesh; country_collaboration.dot and
vosviewer_countries_*.txt; thematic_map.dot and .csv (clusters of
keywords placed by Callon centrality and density, quadrants motor,
niche, emerging or declining, basic); with --periods,
thematic_evolution.dot and .csv (the themes of each period joined
by their inclusion index); each drawn in the --render format`, Write: writeScienceMaps},
	{Name: "map", Help: `map.html: the interactive map, one self-contained page that
opens from disk with no network (sigma.js in WebGL): search by
author, title or DOI, filters for theme, years, statement
intent and corpus or references, a panel for the clicked work`, Write: writeMap},
	{Name: "report", Help: `report.html (one self-contained file with charts and the
ten strongest citation bursts), report.md and its charts
report-*.svg`, Write: writeReport},
}

// Optional returns the names of the formats Options.Formats chooses from,
// in table order.
func Optional() []string {
	var names []string
	for _, f := range Formats {
		if !f.Always {
			names = append(names, f.Name)
		}
	}
	return names
}

// Options are the choices of the outputs. The zero value writes only the
// Always formats, renders nothing and ranks by PageRank.
type Options struct {
	// Formats chooses the optional formats by name (see Optional).
	Formats map[string]bool
	// Render is the GraphViz output format of the drawings ("svg", "pdf",
	// "png"); "" or "none" renders nothing.
	Render string
	// Layout is the GraphViz layout engine; "" chooses by size.
	Layout string
	// HideCiting leaves the unnamed citing works out of the drawings and
	// the VOSviewer maps.
	HideCiting bool
	// Top is the number of works the report lists; 0 means 10.
	Top int
	// Views narrow and rank the drawn views.
	Views Views
	// Paths, Seed and Resolution describe the run in the report's notes.
	Paths      []string
	Seed       int64
	Resolution float64
	// Sources and Failed count the sources read and failed, for the report.
	Sources, Failed int
	// Previous holds the keys of the works of the previous run (or build
	// of the corpus), against which prisma.json counts the works new
	// since; nil when there was none.
	Previous map[string]bool
	// Periods are the last years of all but the last period of the
	// thematic evolution (sciencemaps); none leaves it out.
	Periods []int
	// ReferenceYear is the year bibliometrics.json counts ages and
	// m-indexes from; 0 means the last year of the works (bibliometrix
	// takes the current year, which would make the file depend on the
	// day it is written).
	ReferenceYear int
	// Generator names the writer recorded in the JSON and HTML outputs;
	// "" means Generator().
	Generator string
	// Note receives remarks for the user ("no co-citations: … not
	// written"); nil drops them.
	Note func(string)
	// Progress, when not nil, is told each GraphViz drawing as the stage
	// progress.Render (the file and its time).
	Progress progress.Reporter
	// RenderTimeout bounds each GraphViz drawing: GraphViz is killed when
	// it expires, a note says which drawing was cut, and the run goes on
	// (its .dot file is written). 0 means no limit.
	RenderTimeout time.Duration
}

// Views are the options of the drawn views.
type Views struct {
	// Measure ranks the works of top.dot, the historiograph and the report:
	// a key of Measures; "" means pagerank.
	Measure string
	// MapTop is the number of works drawn in top.dot and
	// historiograph.dot; 0 means 50.
	MapTop int
	// Scope says which works MapTop ranks (dot.Scopes); "" is
	// dot.ScopeCorpus: the described works first.
	Scope string
	// YearFrom and YearTo (0: open) and Themes (from 0; nil: all) narrow
	// the views; Kinds are the edge kinds drawn (nil: all).
	YearFrom, YearTo int
	Themes           []int
	Kinds            []graph.EdgeKind
	// Focus, when set, also draws neighbourhood.dot: the works within
	// Depth links (0 means 1) of the work it names (a key or a DOI).
	Focus    string
	Depth    int
	NoLegend bool
}

// Writer writes the formats of one analysed graph into a sink and records
// the names of the files written. Formats' Write functions use it.
type Writer struct {
	Sink     Sink
	In       *Input
	Opt      Options
	written  []string
	noDot    bool      // GraphViz found missing: render nothing more
	drawings []drawing // rendered after every file is written
	bib      *bibState // the bibliometrics, computed once for the formats that show them
	placed   placement // the last layout computed, for the next drawing of the same works
}

// placement is one layout.Force result with its input.
type placement struct {
	n     int
	edges [][2]int32
	pos   []layout.Point
}

// place returns layout.Force of n works with edges, grouped by theme and
// seeded by --seed. graph.dot and map.html usually place the same works
// with the same links: the second is given the first's positions instead
// of computing them again (the same numbers, as Force is deterministic).
func (w *Writer) place(n int, edges [][2]int32) []layout.Point {
	if p := w.placed; p.pos != nil && p.n == n && slices.Equal(p.edges, edges) {
		return p.pos
	}
	pos := layout.Force(n, edges, w.In.Result.Theme, layout.Options{Seed: w.Opt.Seed})
	w.placed = placement{n, edges, pos}
	return pos
}

// Write writes every format of the table that opt chooses (and the Always
// ones) for in into sink, in table order, and returns the names of the
// files written.
func Write(ctx context.Context, sink Sink, in *Input, opt Options) ([]string, error) {
	if opt.Views.Measure == "" {
		opt.Views.Measure = "pagerank"
	}
	if opt.Views.MapTop == 0 {
		opt.Views.MapTop = 50
	}
	if opt.Views.Depth == 0 {
		opt.Views.Depth = 1
	}
	if opt.Generator == "" {
		opt.Generator = Generator()
	}
	in.Set.Generator = opt.Generator
	w := &Writer{Sink: sink, In: in, Opt: opt}
	for _, f := range Formats {
		if !f.Always && !opt.Formats[f.Name] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return w.written, err
		}
		if err := f.Write(ctx, w); err != nil {
			return w.written, err
		}
	}
	err := w.render(ctx)
	return w.written, err
}

// drawing is a DOT file waiting for GraphViz.
type drawing struct {
	name string // without ".dot"
	src  []byte
}

// Written returns the names of the files written so far, in order.
func (w *Writer) Written() []string { return w.written }

// Notef passes a remark to Options.Note.
func (w *Writer) Notef(format string, args ...any) {
	if w.Opt.Note != nil {
		w.Opt.Note(fmt.Sprintf(format, args...))
	}
}

// File writes the file name through fill.
func (w *Writer) File(name string, fill func(io.Writer) error) error {
	if err := WriteFile(w.Sink, name, fill); err != nil {
		return err
	}
	w.written = append(w.written, name)
	return nil
}

// Bytes writes b as the file name.
func (w *Writer) Bytes(name string, b []byte) error {
	return w.File(name, func(f io.Writer) error {
		_, err := f.Write(b)
		return err
	})
}

// Drawing writes name.dot and, unless rendering is off, queues its drawing
// in the Render format: Write draws them all once every file is written,
// so that no table waits for GraphViz.
func (w *Writer) Drawing(_ context.Context, name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if err := w.Bytes(name+".dot", buf.Bytes()); err != nil {
		return err
	}
	if w.Opt.Render != "" && w.Opt.Render != "none" {
		w.drawings = append(w.drawings, drawing{name, buf.Bytes()})
	}
	return nil
}

// render draws the queued drawings, each under RenderTimeout, as many at
// once as there are processors (GraphViz draws on one), and writes them
// in order: the file of each drawing is listed right after its .dot file,
// and progress is told of each in that order with its own time. A
// missing GraphViz is noted once; a drawing cut by the time limit is
// noted and skipped.
func (w *Writer) render(ctx context.Context) error {
	drawn := map[string]string{} // .dot file → its drawing
	defer func() {
		if len(drawn) == 0 {
			return
		}
		out := make([]string, 0, len(w.written)+len(drawn))
		for _, f := range w.written {
			out = append(out, f)
			if img, ok := drawn[f]; ok {
				out = append(out, img)
			}
		}
		w.written = out
	}()
	if w.noDot || len(w.drawings) == 0 {
		return nil
	}
	ctx, stop := context.WithCancel(ctx)
	results := make([]chan rendered, len(w.drawings))
	for i := range results {
		results[i] = make(chan rendered, 1)
	}
	var wg sync.WaitGroup
	defer func() { stop(); wg.Wait() }() // no GraphViz outlives render
	slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	wg.Go(func() {
		for i, d := range w.drawings {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Go(func() {
				defer func() { <-slots }()
				rctx, cancel := ctx, context.CancelFunc(func() {})
				if w.Opt.RenderTimeout > 0 {
					rctx, cancel = context.WithTimeout(ctx, w.Opt.RenderTimeout)
				}
				start := time.Now()
				img, err := dot.Render(rctx, d.src, w.Opt.Render)
				cancel()
				results[i] <- rendered{img, err, time.Since(start).Seconds()}
			})
		}
	})
	rep := progress.Or(w.Opt.Progress)
	for i, d := range w.drawings {
		if err := ctx.Err(); err != nil {
			return err
		}
		var r rendered
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		file := d.name + "." + w.Opt.Render
		rep.Start(progress.Render, 0)
		rep.Finish(progress.Render, r.seconds, []progress.Fact{progress.F("file", file), progress.F("dot_bytes", len(d.src))})
		switch err := r.err; {
		case errors.Is(err, dot.ErrNoGraphviz):
			w.noDot = true
			w.Notef("%v; the .dot files are written, their .%s drawings are not (install GraphViz, e.g. apt-get install graphviz)", err, w.Opt.Render)
			return nil
		case err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded):
			w.Notef("%s not drawn: GraphViz did not finish %s.dot within %s and was stopped (--render-timeout); %s.dot is written", file, d.name, w.Opt.RenderTimeout, d.name)
			continue
		case err != nil:
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			return fmt.Errorf("%s.dot: %w", d.name, err)
		}
		if err := WriteFile(w.Sink, file, func(f io.Writer) error {
			_, err := f.Write(r.img)
			return err
		}); err != nil {
			return err
		}
		drawn[d.name+".dot"] = file
	}
	return nil
}

// rendered is what GraphViz gave for one drawing, and how long it took.
type rendered struct {
	img     []byte
	err     error
	seconds float64
}

// dotOptions are the options every drawing of the graph shares.
func (w *Writer) dotOptions() dot.Options {
	res := w.In.Result
	return dot.Options{Cluster: res.Theme, ClusterLabel: w.In.Labels, Size: res.PageRank, Labels: w.In.WorkLabels,
		Layout: w.Opt.Layout, HideCiting: w.Opt.HideCiting}
}

func writeWorks(_ context.Context, w *Writer) error {
	return w.File("works.jsonl", func(f io.Writer) error {
		jw := jsonl.NewWriter(f)
		recs := w.In.Records
		for i := range recs {
			if err := jw.Write(&recs[i]); err != nil {
				return err
			}
		}
		return jw.Flush()
	})
}

func writeMatching(_ context.Context, w *Writer) error {
	return w.File("matching.json", func(f io.Writer) error {
		g := w.In.Graph
		rep := g.Report()
		// Lists, not nulls, when empty: scripts iterate them.
		if rep.Conflicts == nil {
			rep.Conflicts = []string{}
		}
		if rep.Decisions == nil {
			rep.Decisions = []string{}
		}
		cycles := graph.CitationCycles(g)
		if cycles == nil {
			cycles = [][]string{}
		}
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Generator string `json:"generator"` // the program that wrote the file
			graph.Report
			CitationCycles [][]string `json:"citation_cycles"` // works citing each other in a cycle: check their merges and matches
		}{w.Opt.Generator, rep, cycles})
	})
}

// writeGraph writes graph.dot. From dot.PositionFrom drawn works (and no
// --layout) the positions are computed here (layout.Force, seeded by
// --seed) and GraphViz only draws them; only the dot.LabelTop largest works
// by PageRank are labelled, the others are dots, and at most
// dot.MaxDrawnEdges links are drawn. A note says so.
func writeGraph(ctx context.Context, w *Writer) error {
	opt := w.dotOptions()
	g := w.In.Graph
	works := g.Works()
	shown := 0
	for _, wk := range works {
		if !(opt.HideCiting && wk.Kind == graph.KindCiting) {
			shown++
		}
	}
	if opt.Layout == "" && shown >= dot.PositionFrom {
		var edges [][2]int32
		for _, e := range g.Edges(graph.Cites) {
			if !(opt.HideCiting && (e.F.Kind == graph.KindCiting || e.T.Kind == graph.KindCiting)) {
				edges = append(edges, [2]int32{int32(e.F.ID()), int32(e.T.ID())})
			}
		}
		pos := w.place(len(works), edges)
		opt.Pos = make([][2]float64, len(pos))
		for i, p := range pos {
			opt.Pos[i] = [2]float64{p.X, p.Y}
		}
		opt.Labelled = make([]bool, len(works))
		n := 0
		for _, id := range w.In.ByRank {
			if n == dot.LabelTop {
				break
			}
			if wk := works[id]; wk.Kind != graph.KindCiting {
				opt.Labelled[id] = true
				n++
			}
		}
		opt.MaxEdges = dot.MaxDrawnEdges
		w.Notef("graph.dot has %d works: placed by citegraph's force-directed layout, not by sfdp, with labels on the %d largest by PageRank and at most the %d links between the largest works drawn (GraphViz draws it with neato -n2; --layout sfdp lays it out instead; graph.gephi.dot, graph.graphml and graph.gexf hold every link)", shown, n, dot.MaxDrawnEdges)
	}
	return w.Drawing(ctx, "graph", func(f io.Writer) error { return dot.Write(f, g, opt) })
}

// writeMap writes map.html: the works (not the citing statements) placed
// by layout.Force (seeded by --seed, grouped by theme), coloured by theme,
// sized by the --measure of the views.
func writeMap(ctx context.Context, w *Writer) error {
	in, g := w.In, w.In.Graph
	works := g.Works()
	var edges [][2]int32
	for _, e := range g.Edges(graph.Cites) {
		if e.F.Kind != graph.KindCiting && e.T.Kind != graph.KindCiting {
			edges = append(edges, [2]int32{int32(e.F.ID()), int32(e.T.ID())})
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	pos := w.place(len(works), edges)
	m := webmap.Map{Title: "Citation map", Labels: in.WorkLabels, Theme: in.Result.Theme, ThemeLabels: in.Labels,
		Size: in.Measure(w.Opt.Views.Measure), SizeName: in.Set.Column(Measures[w.Opt.Views.Measure]).Heading(),
		Pos: make([][2]float64, len(pos)), Global: w.In.global}
	for i, p := range pos {
		m.Pos[i] = [2]float64{p.X, p.Y}
	}
	return w.File("map.html", func(f io.Writer) error { return webmap.Write(f, g, m) })
}

func writeCentrality(_ context.Context, w *Writer) error {
	return w.File("centrality.csv", func(f io.Writer) error {
		return csv.WriteNodes(f, w.In.Graph, w.In.ByRank, w.In.label, w.In.centralityColumns()...)
	})
}

func writeThemes(_ context.Context, w *Writer) error {
	return w.File("themes.csv", func(f io.Writer) error { return csv.WriteTable(f, ThemeHeader, w.In.themeRows()) })
}

func writeViews(ctx context.Context, w *Writer) error {
	in, v, g := w.In, w.Opt.Views, w.In.Graph
	base := w.dotOptions()
	measureName := in.Set.Column(Measures[v.Measure]).Heading()
	if err := w.Drawing(ctx, "overview", func(f io.Writer) error {
		return dot.WriteOverview(f, g, dot.Overview{Cluster: in.Result.Theme, ClusterLabel: in.Labels, Layout: w.Opt.Layout, HideCiting: w.Opt.HideCiting})
	}); err != nil {
		return err
	}
	view := dot.View{Options: base, Measure: in.Measure(v.Measure), MeasureName: measureName, Top: v.MapTop, Scope: v.Scope,
		YearFrom: v.YearFrom, YearTo: v.YearTo, Themes: v.Themes, Kinds: v.Kinds, Legend: !v.NoLegend}
	if err := w.Drawing(ctx, "top", func(f io.Writer) error { return dot.WriteView(f, g, view) }); err != nil {
		return err
	}
	hist := view
	hist.Historiograph, hist.MainPath, hist.Kinds = true, in.MainPath, []graph.EdgeKind{graph.Cites, graph.CoCited}
	hist.Layout = ""
	if err := w.Drawing(ctx, "historiograph", func(f io.Writer) error { return dot.WriteView(f, g, hist) }); err != nil {
		return err
	}
	if v.Focus == "" {
		return nil
	}
	focus := dot.View{Options: base, MeasureName: measureName, Focus: FocusKey(g, v.Focus), Depth: v.Depth,
		YearFrom: v.YearFrom, YearTo: v.YearTo, Themes: v.Themes, Kinds: v.Kinds, Legend: !v.NoLegend}
	return w.Drawing(ctx, "neighbourhood", func(f io.Writer) error { return dot.WriteView(f, g, focus) })
}

func writeGephi(_ context.Context, w *Writer) error {
	gephi := w.dotOptions()
	gephi.Gephi = true
	return w.File("graph.gephi.dot", func(f io.Writer) error { return dot.Write(f, w.In.Graph, gephi) })
}

func writePajek(_ context.Context, w *Writer) error {
	g, set := w.In.Graph, w.In.Set
	if err := w.File("graph.net", func(f io.Writer) error { return pajek.Write(f, g, set, pajek.Options{}) }); err != nil {
		return err
	}
	if err := w.File("themes.clu", func(f io.Writer) error { return pajek.WritePartition(f, g, set) }); err != nil {
		return err
	}
	return w.File("pagerank.vec", func(f io.Writer) error { return pajek.WriteVector(f, *set.Column("pagerank")) })
}

func writeVOSviewer(_ context.Context, w *Writer) error {
	var mapBuf, netBuf bytes.Buffer
	if err := vosviewer.Write(&mapBuf, &netBuf, w.In.Graph, w.In.Set, vosviewer.Options{HideCiting: w.Opt.HideCiting}); err != nil {
		return err
	}
	if err := w.Bytes("vosviewer_map.txt", mapBuf.Bytes()); err != nil {
		return err
	}
	return w.Bytes("vosviewer_network.txt", netBuf.Bytes())
}

// writeNetworks writes the derived networks (analysis.DerivedNetworks) as
// VOSviewer map and network pairs. An empty network is skipped with a note.
func writeNetworks(_ context.Context, w *Writer) error {
	g, res := w.In.Graph, w.In.Result
	works := g.Works()
	keep := func(v int32) bool { return !(w.Opt.HideCiting && works[v].Kind == graph.KindCiting) }
	weights := map[string][]string{"cocitation": {"Citations"}, "coupling": {"References"}, "terms": {"Occurrences"}}
	for _, d := range analysis.DerivedNetworks(g, g.Compact(), res.InDegree, res.OutDegree, keep) {
		if len(d.Links) == 0 {
			w.Notef("no %s: vosviewer_%s_map.txt and vosviewer_%s_network.txt are not written", d.What, d.Name, d.Name)
			continue
		}
		nw := vosviewer.Network{Weights: weights[d.Name]}
		for _, l := range d.Links {
			nw.Links = append(nw.Links, vosviewer.Link{A: l.A, B: l.B, Strength: l.Strength})
		}
		for _, it := range d.Items {
			item := vosviewer.Item{Label: it.Name, Description: it.Name}
			if it.Work >= 0 {
				wk := works[it.Work]
				item = vosviewer.Item{Work: wk, Label: w.In.label(wk)}
			}
			if nw.Weights != nil {
				item.Weights = []float64{it.Weight}
			}
			nw.Items = append(nw.Items, item)
		}
		var mapBuf, netBuf bytes.Buffer
		if err := vosviewer.WriteNetwork(&mapBuf, &netBuf, nw); err != nil {
			return err
		}
		if err := w.Bytes("vosviewer_"+d.Name+"_map.txt", mapBuf.Bytes()); err != nil {
			return err
		}
		if err := w.Bytes("vosviewer_"+d.Name+"_network.txt", netBuf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeTables(_ context.Context, w *Writer) error {
	if err := w.File("citations.csv", func(f io.Writer) error {
		return csv.WriteTable(f, CitationHeader, w.In.citationRows())
	}); err != nil {
		return err
	}
	return w.File("statements.csv", func(f io.Writer) error {
		return csv.WriteTable(f, StatementHeader, w.In.statementRows())
	})
}

// reportInput is what the report shows: the graph, its attributes, the
// bursts and the notes on how the run was made.
func (w *Writer) reportInput() report.Input {
	in, opt := w.In, w.Opt
	measureName := in.Set.Column(Measures[opt.Views.Measure]).Heading()
	ri := report.Input{Graph: in.Graph, Set: in.Set, Sources: opt.Sources, Failed: opt.Failed, Measure: Measures[opt.Views.Measure],
		Top: opt.Top, ChartPrefix: "report-", Notes: []string{
			"Made by " + opt.Generator + " run from " + strings.Join(opt.Paths, ", ") + fmt.Sprintf(" with --seed %d and --resolution %g.", opt.Seed, opt.Resolution),
			ThemeNote(in.Result),
			"The most central works are ranked by " + measureName + "; unnamed citing works are not ranked.",
		}}
	for _, b := range in.Result.Bursts {
		ri.Bursts = append(ri.Bursts, report.Burst{Node: b.Node, Start: b.Start, End: b.End, Strength: b.Strength})
	}
	if opt.Formats["map"] {
		ri.Map = "map.html"
	}
	if opt.Formats["views"] && opt.Render == "svg" {
		ri.Overview = "overview.svg"
	}
	ri.Bibliometrics = bibliometricsSection(w.bibliometrics())
	if in.searched() {
		p := graph.PrismaCounts(in.Records, in.Graph, opt.Previous)
		ri.Prisma = &p
	}
	if len(ri.Bursts) > 0 {
		ri.Notes = append(ri.Notes, "Citation bursts are Kleinberg's two-state bursts over the years of the citing works, as CiteSpace detects them (s = 2, γ = 1; works cited at least twice).")
	}
	return ri
}

// ThemeNote says in one sentence how the themes of res were found.
func ThemeNote(res analysis.Result) string {
	if !res.ThemesFromText {
		return fmt.Sprintf("No work has text, so the themes are the Leiden communities of the citations (modularity %.3f).", res.Modularity)
	}
	how := "its number chosen by silhouette"
	if !res.ThemeAutomatic {
		how = "its number set by --themes"
	}
	return fmt.Sprintf("Themes cluster the works' terms smoothed over the citations (k-means, %s; silhouette %.3f) and are named by their most distinctive terms (c-TF-IDF); the Leiden communities of the citations (modularity %.3f) are centrality.csv's community column.",
		how, res.Silhouette, res.Modularity)
}

func writeReport(_ context.Context, w *Writer) error {
	ri := w.reportInput()
	if err := w.File("report.html", func(f io.Writer) error { return report.WriteHTML(f, ri) }); err != nil {
		return err
	}
	if err := w.File("report.md", func(f io.Writer) error { return report.WriteMarkdown(f, ri) }); err != nil {
		return err
	}
	charts, err := report.Charts(ri)
	if err != nil {
		return err
	}
	for _, c := range charts {
		svg := append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), c.SVG...)
		if err := w.Bytes("report-"+c.Name+".svg", svg); err != nil {
			return err
		}
	}
	return nil
}
