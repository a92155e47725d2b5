// Package webmap writes map.html: the citation graph as one self-contained
// interactive page that opens from disk with no network. The page embeds
// sigma.js and graphology (installed from npm at the versions pinned in
// assets/package.json; MIT licences in assets/), which draw tens of
// thousands of works in WebGL, and the graph itself as JSON; its own
// script adds search, filters and a panel for the clicked work.
//
// The page's scripts run under a Content-Security-Policy that allows only
// them, by their SHA-256 hashes, and no connection of any kind; every text
// from the data is JSON inside a script element and reaches the page only
// through textContent, so a title holding markup shows it literally.
package webmap

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

var (
	//go:embed assets/sigma.min.js
	sigmaJS []byte
	//go:embed assets/graphology.umd.min.js
	graphologyJS []byte
	//go:embed map.js
	mapJS string
	//go:embed map.css
	mapCSS string
)

// Colours is the number of themes drawn in a colour of their own: the
// first, largest, as in the GraphViz drawings (dot.ClusterColour); the
// rest share Other. The filter still lists every theme.
const Colours = dot.Colours

// Other is the colour of works of the themes after the first Colours.
const Other = dot.OtherColour

// ThemeColour returns the colour of theme t (from 0; negative for none),
// the drawings' colour of the theme.
func ThemeColour(t int) string {
	if t < 0 {
		return Other
	}
	return dot.ClusterColour(t)
}

// Map is what the page shows of a graph besides its works and citations.
// Slices indexed by node ID must have g.Len() entries or be nil.
type Map struct {
	// Title heads the page.
	Title string
	// Labels are the works' labels by node ID ("Smith 2015a"); nil means
	// the works' keys.
	Labels []string
	// Theme is each work's theme (from 0, negative for none); ThemeLabels
	// names the themes.
	Theme       []int
	ThemeLabels []string
	// Size is the measure that sizes the works, and SizeName its name.
	Size     []float64
	SizeName string
	// Pos places the works (any unit; the page fits them to the window).
	Pos [][2]float64
	// Global is each work's global citation count, as its sources give it
	// (negative where none is known); nil takes the citing publications of
	// the works' scite tallies.
	Global []int
}

// payload is the JSON the page reads. Keys are short: the map of a large
// corpus carries tens of thousands of works.
type payload struct {
	Title    string      `json:"title"`
	SizeName string      `json:"sizeName"`
	Lines    int         `json:"lines"` // citations marked Overview
	Themes   []themeJSON `json:"themes"`
	Intents  []string    `json:"intents"`
	Nodes    []nodeJSON  `json:"nodes"`
	Edges    []edgeJSON  `json:"edges"`
}

type themeJSON struct {
	Label  string `json:"label"`
	Colour string `json:"colour"`
	Works  int    `json:"works"`
}

type nodeJSON struct {
	Key     string  `json:"k"`
	Label   string  `json:"l"`
	Title   string  `json:"t,omitempty"`
	Authors string  `json:"a,omitempty"`
	Year    int     `json:"yr,omitempty"`
	Venue   string  `json:"v,omitempty"`
	DOI     string  `json:"d,omitempty"`
	Theme   int     `json:"th"`
	Corpus  bool    `json:"c"`            // a work the sources describe, not only a reference
	Local   int     `json:"lc"`           // citations from works in the graph
	Global  *int    `json:"gc,omitempty"` // citations the sources count (global)
	Retract bool    `json:"r,omitempty"`  // a source marks the work retracted
	Measure float64 `json:"m"`            // Size
	Size    float64 `json:"s"`            // drawn size
	X       float64 `json:"x"`            // position
	Y       float64 `json:"y"`            // position
	Notes   []stmt  `json:"st,omitempty"` // statements about the work from works not drawn (citing statements)
	Intents []int   `json:"in,omitempty"` // indexes into payload.Intents of every statement touching the work
}

type edgeJSON struct {
	From       int    `json:"f"`
	To         int    `json:"t"`
	Overview   bool   `json:"o,omitempty"` // drawn before any work is clicked
	Statements []stmt `json:"st,omitempty"`
}

// Lines is how many citations the map draws before a work is clicked:
// those between the largest works (by the product of their measures,
// ties by order). Clicking a work draws all of its citations. As
// VOSviewer's "maximum number of lines", this keeps a map of tens of
// thousands of works readable, and fast to draw in software WebGL, where
// 160,000 lines make a grey fog that takes seconds to draw.
const Lines = 10000

// stmt is a citation statement: its text, intent (index into
// payload.Intents, -1 for none) and section, and for notes the label of
// the citing work.
type stmt struct {
	Text    string `json:"x"`
	Intent  int    `json:"i"`
	Section string `json:"s,omitempty"`
	From    string `json:"f,omitempty"`
}

// maxText bounds each statement's text in the page; the full text is in
// statements.csv.
const maxText = 1000

// Write writes the page of g to w. Works known only by a citing statement
// (graph.KindCiting) are not drawn: their statements are shown with the
// works they cite. It returns an error, before writing anything, when a
// slice of m has the wrong length, and otherwise the first error of w.
// The output is the same for the same graph and map, byte for byte.
func Write(w io.Writer, g *graph.Graph, m Map) error {
	n := g.Len()
	switch {
	case m.Labels != nil && len(m.Labels) != n:
		return fmt.Errorf("webmap: %d labels for %d works", len(m.Labels), n)
	case m.Theme != nil && len(m.Theme) != n:
		return fmt.Errorf("webmap: %d themes for %d works", len(m.Theme), n)
	case m.Size != nil && len(m.Size) != n:
		return fmt.Errorf("webmap: %d sizes for %d works", len(m.Size), n)
	case m.Pos != nil && len(m.Pos) != n:
		return fmt.Errorf("webmap: %d positions for %d works", len(m.Pos), n)
	}
	data, err := json.Marshal(build(g, m))
	if err != nil {
		return fmt.Errorf("webmap: %w", err)
	}
	var b bytes.Buffer
	page(&b, m.Title, data)
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("webmap: %w", err)
	}
	return nil
}

func build(g *graph.Graph, m Map) payload {
	p := payload{Title: m.Title, SizeName: m.SizeName, Nodes: []nodeJSON{}, Edges: []edgeJSON{}, Intents: []string{}, Themes: []themeJSON{}}
	index := p.addNodes(g.Works(), m)
	p.addCitations(g.Edges(graph.Cites), index)
	for i := range p.Nodes {
		slices.Sort(p.Nodes[i].Intents)
	}
	overview(p)
	p.Lines = min(len(p.Edges), Lines)
	return p
}

// addNodes adds the works that are not unnamed citing works, and the
// themes with their counts; it returns each work's index in p.Nodes (-1
// when not drawn).
func (p *payload) addNodes(works []*graph.Work, m Map) []int {
	index := make([]int, len(works)) // node ID → index in p.Nodes, -1 when not drawn
	maxSize := 0.0
	for _, wk := range works {
		if s := at(m.Size, wk.ID()); wk.Kind != graph.KindCiting && s > maxSize {
			maxSize = s
		}
	}
	themeWorks := make([]int, len(m.ThemeLabels))
	for i, wk := range works {
		index[i] = -1
		if wk.Kind == graph.KindCiting {
			continue
		}
		th := -1
		if m.Theme != nil {
			th = m.Theme[i]
		}
		if th >= len(themeWorks) {
			themeWorks = append(themeWorks, make([]int, th+1-len(themeWorks))...)
		}
		if th >= 0 {
			themeWorks[th]++
		}
		nd := nodeJSON{Key: wk.Key, Label: clean(label(m, wk)), Title: clean(wk.Title), Authors: clean(authors(wk)), Year: wk.Year,
			Venue: clean(wk.Venue), DOI: clean(wk.DOI), Theme: th, Corpus: wk.Kind == graph.KindWork && len(wk.Sources) > 0,
			Measure: finite(at(m.Size, wk.ID()))}
		nd.Size = 2
		if maxSize > 0 {
			nd.Size = 2 + 14*math.Sqrt(nd.Measure/maxSize)
		}
		nd.Size = round(nd.Size)
		if m.Pos != nil {
			nd.X, nd.Y = round(finite(m.Pos[i][0])), round(finite(-m.Pos[i][1])) // GraphViz's y grows upwards
		}
		switch {
		case m.Global != nil:
			if i < len(m.Global) && m.Global[i] >= 0 {
				c := m.Global[i]
				nd.Global = &c
			}
		case wk.Tallies != nil && wk.Tallies.CitingPublications != nil:
			c := *wk.Tallies.CitingPublications
			nd.Global = &c
		}
		nd.Retract = wk.Retracted
		index[i] = len(p.Nodes)
		p.Nodes = append(p.Nodes, nd)
	}
	for i, c := range themeWorks {
		label := fmt.Sprintf("Theme %d", i+1)
		if i < len(m.ThemeLabels) && m.ThemeLabels[i] != "" {
			label = clean(m.ThemeLabels[i])
		}
		p.Themes = append(p.Themes, themeJSON{Label: label, Colour: ThemeColour(i), Works: c})
	}
	return index
}

// addCitations adds the citations between drawn works, with their
// statements, the statements of unnamed citing works as notes of the work
// they cite, and the intents (in alphabetical order, as the filter lists
// them) each node's statements have.
func (p *payload) addCitations(cites []*graph.Edge, index []int) {
	// The intents, in alphabetical order as the filter lists them.
	intents := map[string]int{}
	for _, e := range cites {
		for _, st := range e.Statements {
			if st.Intent != "" {
				intents[st.Intent] = 0
			}
		}
	}
	for s := range intents {
		p.Intents = append(p.Intents, s)
	}
	sort.Strings(p.Intents)
	for i, s := range p.Intents {
		intents[s] = i
	}
	intentOf := func(s string) int {
		if s == "" {
			return -1
		}
		return intents[s]
	}
	mark := func(node, intent int) {
		if in := &p.Nodes[node].Intents; intent >= 0 && !slices.Contains(*in, intent) {
			*in = append(*in, intent)
		}
	}
	for _, e := range cites {
		f, t := index[e.F.ID()], index[e.T.ID()]
		if e.F == e.T || t < 0 {
			continue
		}
		var sts []stmt
		for _, st := range e.Statements {
			text := cut(clean(st.Text))
			if text == "" {
				continue
			}
			s := stmt{Text: text, Intent: intentOf(st.Intent), Section: clean(st.Section)}
			mark(t, s.Intent)
			if f >= 0 {
				mark(f, s.Intent)
			} else {
				s.From = clean(e.F.Title) // a citing work's label is its key
			}
			sts = append(sts, s)
		}
		if f < 0 {
			p.Nodes[t].Notes = append(p.Nodes[t].Notes, sts...)
			continue
		}
		p.Nodes[t].Local++
		p.Edges = append(p.Edges, edgeJSON{From: f, To: t, Statements: sts})
	}
}

// overview marks the Lines citations drawn first.
func overview(p payload) {
	order := make([]int, len(p.Edges))
	for i := range order {
		order[i] = i
	}
	if len(order) > Lines {
		weight := func(i int) float64 { return p.Nodes[p.Edges[i].From].Measure * p.Nodes[p.Edges[i].To].Measure }
		sort.SliceStable(order, func(a, b int) bool { return weight(order[a]) > weight(order[b]) })
		order = order[:Lines]
	}
	for _, i := range order {
		p.Edges[i].Overview = true
	}
}

func at(s []float64, id int64) float64 {
	if s == nil {
		return 0
	}
	return s[id]
}

func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// round keeps three decimals: enough to draw, fewer bytes.
func round(f float64) float64 { return math.Round(f*1000) / 1000 }

func label(m Map, w *graph.Work) string {
	if m.Labels != nil {
		return m.Labels[w.ID()]
	}
	return w.Key
}

func authors(w *graph.Work) string {
	var names []string
	for _, a := range w.Authors {
		if name := strings.TrimSpace(strings.TrimSpace(a.Given) + " " + a.Family); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, "; ")
}

// cut shortens s to maxText runes at a word boundary, with an ellipsis.
func cut(s string) string {
	r := []rune(s)
	if len(r) <= maxText {
		return s
	}
	r = r[:maxText]
	if i := strings.LastIndexByte(string(r), ' '); i > maxText/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// clean is attr.Clean, the rule of every output: no control characters
// or bidirectional overrides, white space as single spaces.
func clean(s string) string { return attr.Clean(s) }

// page writes the HTML page around the data.
func page(b *bytes.Buffer, title string, data []byte) {
	// The libraries end with a comment naming their source map, a file the
	// page does not carry: left out, so the browser asks for nothing.
	libs := string(stripSourceMap(graphologyJS)) + "\n" + string(stripSourceMap(sigmaJS))
	hash := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	}
	csp := "default-src 'none'; script-src " + hash(libs) + " " + hash(mapJS) + "; style-src 'unsafe-inline'; img-src data: blob:; worker-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
	if title == "" {
		title = "Citation map"
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"citegraph\">\n")
	b.WriteString("<title>" + escapeHTML(clean(title)) + "</title>\n<style>\n" + mapCSS + "</style>\n</head>\n<body>\n")
	b.WriteString(body)
	// encoding/json escapes <, > and & in strings, so the data cannot end
	// the script element or open a comment.
	b.WriteString("<script type=\"application/json\" id=\"citegraph-data\">")
	b.Write(data)
	b.WriteString("</script>\n<script>" + libs + "</script>\n<script>" + mapJS + "</script>\n</body>\n</html>\n")
}

func stripSourceMap(js []byte) []byte {
	if i := bytes.LastIndex(js, []byte("//# sourceMappingURL=")); i >= 0 {
		return bytes.TrimRight(js[:i], "\n")
	}
	return js
}

func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// body is the page's markup: the controls, the map and the panel.
const body = `<header>
<h1 id="title"></h1>
<p id="summary"></p>
<p id="count"></p>
</header>
<nav id="controls" aria-label="Search and filters">
<label>Search <input id="search" type="search" placeholder="author, title or DOI" autocomplete="off"></label>
<ul id="results" hidden></ul>
<fieldset><legend>Works</legend>
<label><input type="radio" name="scope" value="all" checked> all</label>
<label><input type="radio" name="scope" value="corpus"> the sources' works</label>
<label><input type="radio" name="scope" value="reference"> references only</label>
</fieldset>
<fieldset><legend>Years</legend>
<label>from <input id="year-from" type="number" step="1"></label>
<label>to <input id="year-to" type="number" step="1"></label>
</fieldset>
<fieldset><legend>Statement intent</legend>
<select id="intent"><option value="">any</option></select>
</fieldset>
<fieldset id="themes"><legend>Themes</legend>
<p><button type="button" id="themes-all">all</button> <button type="button" id="themes-none">none</button></p>
</fieldset>
</nav>
<main id="map" aria-label="Citation map"></main>
<aside id="panel" hidden aria-live="polite"></aside>
`
