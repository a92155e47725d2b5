package dot

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WordMap is a co-occurrence network to draw, such as keywords that
// documents name together or countries whose authors write together.
type WordMap struct {
	// Title heads the drawing.
	Title string
	Items []WordItem
	Links []WordLink
}

// WordItem is an item of a WordMap: its label, its size (documents) and
// its cluster (its colour; negative for none).
type WordItem struct {
	Label   string
	Size    float64
	Cluster int
}

// WordLink links Items[A] and Items[B] with a weight (documents).
type WordLink struct {
	A, B   int
	Weight float64
}

// WriteWordMap writes m as an undirected DOT graph laid out by neato
// (overlap removal by prism, links as straight lines): each item a
// rounded box in its cluster's colour, its text sized by the square root
// of its size (10 to 28 points), each link a grey line whose width grows
// with the square root of its weight (0.4 to 4 points). Items are written
// in the order given, links in the order given. It returns an error, before
// writing anything, when a link names an item out of range; otherwise the
// first error of w.
func WriteWordMap(w io.Writer, m WordMap) error {
	for i, l := range m.Links {
		if l.A < 0 || l.B < 0 || l.A >= len(m.Items) || l.B >= len(m.Items) {
			return fmt.Errorf("dot: link %d: item out of range (%d, %d of %d)", i, l.A, l.B, len(m.Items))
		}
	}
	maxSize, maxW := 0.0, 0.0
	for _, it := range m.Items {
		maxSize = math.Max(maxSize, it.Size)
	}
	for _, l := range m.Links {
		maxW = math.Max(maxW, l.Weight)
	}
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("graph %s {\n", quoteID(cleanText(m.Title)))
	p("\tgraph [layout=neato, overlap=prism, overlap_scaling=-4, splines=false, outputorder=edgesfirst, fontname=\"DejaVu Sans\", fontsize=20, labelloc=t, label=%s];\n",
		quoteText(asLabel, cleanText(m.Title)))
	p("\tnode [shape=box, style=\"rounded,filled\", penwidth=0, fontname=\"DejaVu Sans\", margin=\"0.06,0.03\"];\n")
	p("\tedge [color=\"#88888866\"];\n")
	for i, it := range m.Items {
		fill := ClusterColour(it.Cluster)
		size := 10.0
		if maxSize > 0 {
			size += 18 * math.Sqrt(math.Max(0, it.Size)/maxSize)
		}
		fill = tint(fill, 0.85)
		p("\tn%d [label=%s, fillcolor=%s, fontcolor=%s, fontsize=%s, tooltip=%s];\n", i,
			quoteText(asLabel, shorten(cleanText(it.Label), 6, 40)), quoteID(fill), quoteID(textOn(fill)), num(size),
			quoteText(asTooltip, cleanText(it.Label)+" ("+strconv.FormatFloat(it.Size, 'f', -1, 64)+")"))
	}
	for _, l := range m.Links {
		width := 0.4
		if maxW > 0 {
			width += 3.6 * math.Sqrt(math.Max(0, l.Weight)/maxW)
		}
		p("\tn%d -- n%d [penwidth=%s, weight=%s];\n", l.A, l.B, num(width), num(math.Max(l.Weight, 0)))
	}
	p("}\n")
	return bw.Flush()
}

// ThemeMap is a thematic map (strategic diagram) to draw: themes placed by
// their centrality and density ranks, the quadrants split at the means.
type ThemeMap struct {
	Title string
	// XTitle and YTitle name the axes.
	XTitle, YTitle string
	// MeanX and MeanY are where the quadrants split.
	MeanX, MeanY float64
	Themes       []ThemeSpot
}

// ThemeSpot is a theme of a ThemeMap: its position, its size (documents),
// its label lines (the theme's first keywords) and its quadrant's colour
// (0 motor, 1 niche, 2 emerging or declining, 3 basic).
type ThemeSpot struct {
	X, Y     float64
	Size     float64
	Lines    []string
	Quadrant int
}

// Quadrant names, clockwise from the top right, as bibliometrix writes
// them.
var quadrantNames = [4]string{"Motor themes", "Niche themes", "Emerging or\ndeclining themes", "Basic themes"}

// quadrantColours are the Okabe–Ito colours of the quadrants.
var quadrantColours = [4]string{"#D55E00", "#009E73", "#56B4E9", "#E69F00"}

// plot size of the thematic map, in inches.
const mapInches = 8.0

// WriteThematicMap writes m as a DOT graph with every node pinned
// (neato, pos="x,y!"), so that GraphViz draws it as a scatter plot: the
// frame, the two axes through the means, the quadrants' names by the
// frame's corners, and one circle per theme, its area by documents, with
// its first keywords under it; the frame is mapInches square, larger when
// a quadrant has more themes than fit. Themes whose circles or labels would
// overlap (tied or close ranks) are moved apart as little as spread finds,
// each kept in the quadrant its colour names (a theme on an axis goes to
// that quadrant's side) and in the frame. Themes are written in the order
// given.
func WriteThematicMap(w io.Writer, m ThemeMap) error {
	lox, hix, loy, hiy := m.MeanX, m.MeanX, m.MeanY, m.MeanY
	maxSize := 0.0
	for _, t := range m.Themes {
		lox, hix = math.Min(lox, t.X), math.Max(hix, t.X)
		loy, hiy = math.Min(loy, t.Y), math.Max(hiy, t.Y)
		maxSize = math.Max(maxSize, t.Size)
	}
	// Symmetric about the means, with a margin, as bibliometrix's limits.
	rx := 1.3 * math.Max(math.Max(m.MeanX-lox, hix-m.MeanX), 0.5)
	ry := 1.3 * math.Max(math.Max(m.MeanY-loy, hiy-m.MeanY), 0.5)
	// The largest circle spans about one rank, so that neighbours touch
	// rather than cover each other.
	step := mapInches / (2 * math.Max(rx, ry))
	big := math.Max(0.5, math.Min(1.25, 1.1*step))
	diameter := func(t ThemeSpot) float64 {
		if maxSize > 0 {
			return 0.25 + (big-0.25)*math.Sqrt(math.Max(0, t.Size)/maxSize)
		}
		return 0.25
	}
	// Each theme's room; a frame larger than mapInches when a quadrant's
	// themes would fill more than crowded of it.
	const crowded = 0.45
	fp := make([]footprint, len(m.Themes))
	lines := make([][]string, len(m.Themes))
	var area [4]float64
	for i, t := range m.Themes {
		for _, l := range t.Lines {
			lines[i] = append(lines[i], shorten(cleanText(l), 4, 28))
		}
		q := ((t.Quadrant % 4) + 4) % 4
		fp[i] = newFootprint(diameter(t), lines[i], q == 0 || q == 3, q <= 1)
		area[q] += fp[i].area()
	}
	side := mapInches
	for _, a := range area {
		side = math.Max(side, 2*math.Sqrt(a/crowded))
	}
	px := func(x float64) float64 { return side * (x - (m.MeanX - rx)) / (2 * rx) }
	py := func(y float64) float64 { return side * (y - (m.MeanY - ry)) / (2 * ry) }
	pin := func(x, y float64) string { return quoteID(num(x) + "," + num(y) + "!") }

	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("graph %s {\n", quoteID(cleanText(m.Title)))
	p("\tgraph [layout=neato, overlap=true, splines=false, outputorder=nodesfirst, fontname=\"DejaVu Sans\", fontsize=20, labelloc=t, label=%s];\n",
		quoteText(asLabel, cleanText(m.Title)))
	p("\tnode [fontname=\"DejaVu Sans\"];\n")
	// The frame and the axes: points joined by lines.
	p("\tnode [shape=point, width=0.01, color=\"#999999\", label=\"\"];\n")
	s := side
	h := s / 2
	for _, c := range []struct {
		id   string
		x, y float64
	}{{"f0", 0, 0}, {"f1", s, 0}, {"f2", s, s}, {"f3", 0, s}, {"ax0", 0, h}, {"ax1", s, h}, {"ay0", h, 0}, {"ay1", h, s}} {
		p("\t%s [pos=%s];\n", c.id, pin(c.x, c.y))
	}
	p("\tf0 -- f1 -- f2 -- f3 -- f0 [color=\"#999999\"];\n")
	p("\tax0 -- ax1 [color=\"#999999\", style=dashed];\n\tay0 -- ay1 [color=\"#999999\", style=dashed];\n")
	// The quadrants' names outside the frame's corners, and the axes' titles.
	p("\tnode [shape=plaintext, width=0, height=0, margin=0, fontsize=16, fontcolor=\"#666666\"];\n")
	corners := [4][2]float64{{s - 1.2, s + 0.35}, {1.2, s + 0.35}, {1.2, -0.4}, {s - 1.2, -0.4}}
	for q, c := range corners {
		p("\tq%d [label=%s, fontcolor=%s, pos=%s];\n", q, quoteText(asLabel, strings.Split(quadrantNames[q], "\n")...), quoteID(quadrantColours[q]), pin(c[0], c[1]))
	}
	p("\txt [label=%s, pos=%s];\n", quoteText(asLabel, cleanText(m.XTitle)+" →"), pin(h, -0.9))
	p("\tyt [label=%s, pos=%s];\n", quoteText(asLabel, strings.Fields(cleanText(m.YTitle)+" ↑")...), pin(-1.0, h))
	// The themes: a circle, its area by documents, and its keywords below
	// it on a pale ground, every label after every circle so that no circle
	// hides one.
	var labels strings.Builder
	for i, t := range m.Themes {
		fp[i].x, fp[i].y = px(t.X), py(t.Y)
	}
	spread(fp, s)
	for i, t := range m.Themes {
		f := fp[i]
		q := ((t.Quadrant % 4) + 4) % 4
		p("\tt%d [shape=circle, style=filled, fixedsize=true, penwidth=0, width=%s, fillcolor=%s, pos=%s, label=\"\", tooltip=%s];\n", i, num(f.d),
			quoteID(tint(quadrantColours[q], 0.55)), pin(f.x, f.y), quoteText(asTooltip, strings.Join(lines[i], ", ")))
		fmt.Fprintf(&labels, "\tl%d [shape=box, style=filled, penwidth=0, fillcolor=\"#FFFFFFC0\", margin=\"0.02,0.01\", fontsize=12, fontcolor=\"#222222\", pos=%s, label=%s];\n",
			i, pin(f.x, f.y-f.d/2-labelGap-f.lh/2), quoteText(asLabel, lines[i]...))
	}
	bw.WriteString(labels.String())
	p("}\n")
	return bw.Flush()
}

// Evolution is a thematic evolution to draw: the themes of each period in a
// column, consecutive periods' themes joined by their inclusion index.
type Evolution struct {
	Title   string
	Periods []EvolutionPeriod
	Links   []EvolutionLink
}

// EvolutionPeriod is a period's label and themes (label, documents,
// quadrant as in ThemeSpot).
type EvolutionPeriod struct {
	Label  string
	Themes []ThemeSpot
}

// EvolutionLink joins theme From of period Period to theme To of period
// Period+1 with a weight in (0, 1] (the inclusion index).
type EvolutionLink struct {
	Period, From, To int
	Weight           float64
}

// WriteEvolution writes e as a DOT graph laid out by dot from left to
// right, under its title and a key to the quadrants' colours: one column
// per period (a cluster with its label on top; "no
// theme" when it has none), one box per theme sized
// by documents and coloured by its quadrant, one arrow per link whose
// width and label give the inclusion index. It returns an error, before
// writing anything, when a link names a period or theme out of range.
func WriteEvolution(w io.Writer, e Evolution) error {
	for i, l := range e.Links {
		if l.Period < 0 || l.Period+1 >= len(e.Periods) || l.From < 0 || l.From >= len(e.Periods[l.Period].Themes) ||
			l.To < 0 || l.To >= len(e.Periods[l.Period+1].Themes) {
			return fmt.Errorf("dot: evolution link %d out of range", i)
		}
	}
	maxSize := 0.0
	for _, per := range e.Periods {
		for _, t := range per.Themes {
			maxSize = math.Max(maxSize, t.Size)
		}
	}
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("digraph %s {\n", quoteID(cleanText(e.Title)))
	// The title over a key to the colours (an HTML-like label).
	var key strings.Builder
	for q, name := range quadrantNames {
		fmt.Fprintf(&key, `<TD BGCOLOR="%s" STYLE="rounded"><FONT POINT-SIZE="14"> %s </FONT></TD>`, tint(quadrantColours[q], 0.55), htmlText(strings.ReplaceAll(name, "\n", " ")))
	}
	p("\tgraph [layout=dot, rankdir=LR, ranksep=2.2, nodesep=0.25, newrank=true, fontname=\"DejaVu Sans\", fontsize=20, labelloc=t, label=<%s>];\n",
		`<TABLE BORDER="0" CELLSPACING="6"><TR><TD COLSPAN="5">`+htmlText(cleanText(e.Title))+`</TD></TR><TR><TD><FONT POINT-SIZE="14">Colour: the theme's quadrant in its period's thematic map</FONT></TD>`+
			strings.ReplaceAll(key.String(), "<TD ", `<TD CELLPADDING="3" `)+`</TR></TABLE>`)
	p("\tnode [shape=box, style=\"rounded,filled\", penwidth=0, fontname=\"DejaVu Sans\"];\n")
	p("\tedge [arrowsize=0.6, color=\"#777777\", fontname=\"DejaVu Sans\", fontsize=13, fontcolor=\"#555555\"];\n")
	for pi, per := range e.Periods {
		var head []string
		for _, l := range strings.Split(per.Label, "\n") {
			head = append(head, cleanText(l))
		}
		// A cluster per period for its label on top, its themes in one rank.
		p("\tsubgraph cluster_p%d {\n\t\tlabel=%s; labelloc=t; fontsize=18; pencolor=\"#FFFFFF\";\n", pi, quoteText(asLabel, head...))
		p("\t\tsubgraph {\n\t\t\trank=same;\n")
		if len(per.Themes) == 0 {
			p("\t\t\tt%d_none [shape=plaintext, style=\"\", fontsize=12, fontcolor=\"#777777\", label=\"no theme\"];\n", pi)
		}
		for ti, t := range per.Themes {
			size := 11.0
			if maxSize > 0 {
				size += 11 * math.Sqrt(math.Max(0, t.Size)/maxSize)
			}
			q := ((t.Quadrant % 4) + 4) % 4
			lines := make([]string, 0, len(t.Lines))
			for _, l := range t.Lines {
				lines = append(lines, shorten(cleanText(l), 4, 28))
			}
			fill := tint(quadrantColours[q], 0.55)
			p("\t\t\tt%d_%d [label=%s, fontsize=%s, fillcolor=%s, fontcolor=%s, tooltip=%s];\n", pi, ti, quoteText(asLabel, lines...), num(size),
				quoteID(fill), quoteID(textOn(fill)), quoteText(asTooltip, strings.Join(lines, ", ")+" ("+strconv.FormatFloat(t.Size, 'f', -1, 64)+")"))
		}
		p("\t\t}\n\t}\n")
	}
	// Consecutive periods in order, left to right.
	first := func(pi int) string {
		if len(e.Periods[pi].Themes) == 0 {
			return fmt.Sprintf("t%d_none", pi)
		}
		return fmt.Sprintf("t%d_0", pi)
	}
	for pi := 0; pi+1 < len(e.Periods); pi++ {
		p("\t%s -> %s [style=invis];\n", first(pi), first(pi+1))
	}
	for _, l := range e.Links {
		p("\tt%d_%d -> t%d_%d [penwidth=%s, label=%s, weight=%d];\n", l.Period, l.From, l.Period+1, l.To, num(0.5+5*l.Weight),
			quoteText(asLabel, strconv.FormatFloat(l.Weight, 'f', 2, 64)), int(1+10*l.Weight))
	}
	p("}\n")
	return bw.Flush()
}

// The sizes of a thematic map's labels, in inches: DejaVu Sans at 12
// points is about 0.11 wide a rune in capitals and 0.19 high a line; the
// gap between a circle and its label.
const (
	runeWidth  = 0.115
	lineHeight = 0.19
	labelGap   = 0.06
	spreadPad  = 0.08 // between two footprints
)

// footprint is the room a theme takes in the thematic map: its circle
// (centre x, y and diameter d) with its label (lw by lh) under it; right
// and up say in which half of each axis it must stay.
type footprint struct {
	x, y, d   float64
	lw, lh    float64
	right, up bool
}

func newFootprint(d float64, lines []string, right, up bool) footprint {
	w := 0
	for _, l := range lines {
		w = max(w, utf8.RuneCountInString(l))
	}
	return footprint{d: d, lw: runeWidth*float64(w) + 0.1, lh: lineHeight*float64(len(lines)) + 0.04, right: right, up: up}
}

// area returns the footprint's area with the room spread keeps between
// footprints.
func (f footprint) area() float64 {
	return (math.Max(f.d, f.lw) + spreadPad) * (f.d + labelGap + f.lh + spreadPad)
}

// box returns the footprint's left, right, bottom and top edges.
func (f footprint) box() (l, r, b, t float64) {
	w := math.Max(f.d, f.lw) / 2
	return f.x - w, f.x + w, f.y - f.d/2 - labelGap - f.lh, f.y + f.d/2
}

// clamp keeps the footprint inside its quadrant of the frame of side s.
func (f *footprint) clamp(s float64) {
	const pad = 0.05
	w := math.Max(f.d, f.lw) / 2
	h := s / 2
	below := f.d/2 + labelGap + f.lh
	if f.right {
		f.x = math.Min(math.Max(f.x, h+f.d/2+pad), s-w-pad)
	} else {
		f.x = math.Max(math.Min(f.x, h-f.d/2-pad), w+pad)
	}
	if f.up {
		f.y = math.Min(math.Max(f.y, h+below+pad), s-f.d/2-pad)
	} else {
		f.y = math.Max(math.Min(f.y, h-f.d/2-pad), below+pad)
	}
}

// spread moves the footprints apart, in rounds over every pair (lower
// index first), each overlapping pair pushed apart along the axis where
// they overlap less, then kept in its quadrant, until a round moves none or
// after 200 rounds; what still overlaps then stays so. A thematic map has
// at most 250 themes (its keywords): the cost is at most 200 times their
// pairs.
func spread(fp []footprint, s float64) {
	const pad = spreadPad
	for i := range fp {
		fp[i].clamp(s)
	}
	for range 200 {
		moved := false
		for i := range fp {
			for j := i + 1; j < len(fp); j++ {
				a, b := &fp[i], &fp[j]
				ox, oy := overlap(*a, *b, pad)
				if ox <= 0 || oy <= 0 {
					continue
				}
				moved = true
				// The cheaper axis first; the other when the quadrants or the
				// frame hold the pair back.
				alongX := ox <= oy
				push(a, b, alongX, ox, oy, s)
				if ox, oy = overlap(*a, *b, pad); ox > 0 && oy > 0 {
					push(a, b, !alongX, ox, oy, s)
				}
			}
		}
		if !moved {
			return
		}
	}
}

// overlap returns how far the boxes of a and b, grown by pad, overlap
// along x and y (not at all when either is not positive).
func overlap(a, b footprint, pad float64) (ox, oy float64) {
	al, ar, ab, at := a.box()
	bl, br, bb, bt := b.box()
	return math.Min(ar, br) - math.Max(al, bl) + pad, math.Min(at, bt) - math.Max(ab, bb) + pad
}

// push moves a and b apart by ox along x (alongX) or oy along y, half each,
// then keeps each in its quadrant.
func push(a, b *footprint, alongX bool, ox, oy, s float64) {
	if alongX {
		dir := 1.0 // b to the right of a
		if b.x < a.x {
			dir = -1
		}
		a.x -= dir * ox / 2
		b.x += dir * ox / 2
	} else {
		dir := 1.0 // b above a
		if b.y < a.y {
			dir = -1
		}
		a.y -= dir * oy / 2
		b.y += dir * oy / 2
	}
	a.clamp(s)
	b.clamp(s)
}

// htmlText returns cleaned text for an HTML-like label: cut to
// maxLabelLine runes (GraphViz reads an HTML-like string of at most 16,384
// bytes, see maxString), '&', '<', '>' and '"' as entities, and U+FFFD as
// "&#xFFFD;" (see quoteText).
func htmlText(s string) string {
	return strings.ReplaceAll(html.EscapeString(cutRunes(s, maxLabelLine)), "\uFFFD", "&#xFFFD;")
}
