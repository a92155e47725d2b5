package dot

import (
	"bufio"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// writeGephi writes the drawing in the dialect Gephi's DOT importer
// (ImporterDOT) reads without inventing nodes: a digraph holding only node
// statements and edge statements, each with one attribute list. Gephi
// reads every word of a graph attribute (charset="UTF-8"), a default
// statement (node [fontname=…]) or a subgraph header as a node ID, so
// none is written; GraphViz draws with its defaults.
//
// Nodes carry label, color (the theme's colour as an HSV triple, the one
// colour form both read the same: Gephi reads "#RRGGBB" as fully
// transparent), style=filled, width and height from Size, and data that
// GraphViz ignores and Gephi imports as columns: kind, title, authors,
// year, venue, doi, theme, theme_label and score (Size). Edges carry
// weight (Edge.N, also a GraphViz weight), color, kind, and for
// co-citations and related links style and dir=none; co-citations counted
// twice or more are labelled.
func (d *drawing) writeGephi(bw *bufio.Writer) {
	name := d.opt.Name
	if name == "" {
		name = "citegraph"
	}
	bw.WriteString("digraph " + quoteID(name) + " {\n")
	for _, w := range d.g.Works() {
		if d.shown[w.ID()] {
			writeStmt(bw, "\t", quoteID(w.Key), d.gephiNodeAttrs(w))
		}
	}
	for _, de := range d.edges {
		writeStmt(bw, "\t", quoteID(de.e.F.Key)+" -> "+quoteID(de.e.T.Key), d.gephiEdgeAttrs(de))
	}
	bw.WriteString("}\n")
}

func (d *drawing) gephiNodeAttrs(w *graph.Work) []attr {
	id := w.ID()
	c := d.cluster(id)
	label := d.label(w)
	fill := ClusterColour(c)
	if w.Kind == graph.KindCiting {
		label, fill = "", citingColour
	} else if w.Kind != graph.KindWork && c < 0 {
		fill = "#FFFFFF"
	}
	a := []attr{{"label", quoteGephi(label)}, {"color", hsv(fill)}, {"style", "filled"}}
	if w.Kind == graph.KindCiting {
		a = append(a, attr{"shape", "point"}, attr{"width", num(0.06)})
	} else if d.scale != nil {
		wd := num(MinWidth + (MaxWidth-MinWidth)*d.scale[id])
		a = append(a, attr{"width", wd}, attr{"height", wd})
	}
	a = append(a, attr{"kind", quoteData(w.Kind.String())})
	data := func(key, v string) {
		if v = cleanText(v); v != "" {
			a = append(a, attr{key, quoteData(v)})
		}
	}
	data("title", w.Title)
	var names []string
	for _, au := range w.Authors {
		names = append(names, au.String())
	}
	data("authors", strings.Join(names, "; "))
	if w.Year != 0 {
		data("year", strconv.Itoa(w.Year))
	}
	data("venue", w.Venue)
	data("doi", w.DOI)
	if c >= 0 {
		data("theme", strconv.Itoa(c+1))
		if c < len(d.opt.ClusterLabel) {
			data("theme_label", d.opt.ClusterLabel[c])
		}
	}
	if d.opt.Size != nil && !math.IsNaN(d.opt.Size[id]) && !math.IsInf(d.opt.Size[id], 0) {
		data("score", strconv.FormatFloat(d.opt.Size[id], 'g', -1, 64))
	}
	if w.Kind == graph.KindCiting {
		data("statement", d.statement[id])
	}
	return a
}

func (d *drawing) gephiEdgeAttrs(de drawEdge) []attr {
	e := de.e
	colour := edgeColour
	for _, x := range de.attrs {
		if x.key == "color" {
			colour = strings.Trim(x.val, `"`)
		}
	}
	a := []attr{{"weight", strconv.Itoa(e.N)}, {"color", hsv(colour)}, {"kind", quoteData(e.Kind.String())}}
	switch e.Kind {
	case graph.CoCited:
		a = append(a, attr{"style", "dashed"}, attr{"dir", "none"})
		if e.N > 1 {
			a = append(a, attr{"label", quoteGephi("co-cited ×" + strconv.Itoa(e.N))})
		}
	case graph.Related:
		a = append(a, attr{"style", "dotted"}, attr{"dir", "none"})
	}
	for _, x := range de.attrs {
		if x.key == "penwidth" {
			a = append(a, x)
		}
	}
	return a
}

// entityLike matches what GraphViz would decode as an HTML entity.
var entityLike = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// quoteGephi returns text as a double-quoted DOT string that GraphViz (as
// a label) and Gephi (whose tokenizer reads \" and \\ as Java's
// StreamTokenizer does) both read back as the text: '"' is written \" and
// '\' as \\. GraphViz decodes HTML entities in labels and Gephi does not,
// so '&' is written "&amp;" only where it starts something GraphViz would
// decode ("&lt;", "&#65;"); a plain '&' stays, and both show it.
func quoteGephi(s string) string {
	s = cutRunes(cleanText(s), maxLabelLine)
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '&':
			if entityLike.MatchString(s[i:]) {
				b.WriteString("&amp;")
			} else {
				b.WriteByte('&')
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteData returns text as a double-quoted DOT string for an attribute
// GraphViz ignores and Gephi imports as a column: '"' written \" and '\'
// as \\, nothing else, so Gephi reads back the text exactly. Text that
// would pass maxString bytes is cut on a rune and ends in "…" (GraphViz
// could not read the file otherwise; graph.gexf and graph.graphml keep
// the whole text).
func quoteData(s string) string {
	const ellipsis = "…"
	s = cleanText(s)
	size := len(s) + strings.Count(s, `"`) + strings.Count(s, `\`)
	var b strings.Builder
	b.WriteByte('"')
	n := 0
	for _, r := range s {
		w := utf8.RuneLen(r)
		if r == '"' || r == '\\' {
			w = 2
		}
		if size+2 > maxString && n+w+len(ellipsis)+2 > maxString {
			b.WriteString(ellipsis)
			break
		}
		n += w
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hsv returns "#RRGGBB" as a quoted GraphViz HSV colour "h,s,v" (each 0…1,
// three decimals).
func hsv(c string) string {
	r, g, b := rgb(c)
	r, g, b = r/255, g/255, b/255
	hi, lo := max(r, g, b), min(r, g, b)
	h, s, v := 0.0, 0.0, hi
	if hi > 0 {
		s = (hi - lo) / hi
	}
	if d := hi - lo; d > 0 {
		switch hi {
		case r:
			h = math.Mod((g-b)/d, 6)
		case g:
			h = (b-r)/d + 2
		default:
			h = (r-g)/d + 4
		}
		h /= 6
		if h < 0 {
			h++
		}
	}
	return `"` + num(h) + "," + num(s) + "," + num(v) + `"`
}
