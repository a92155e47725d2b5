package vosviewer

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/csv"
)

// MaxCluster is the largest cluster number VOSviewer accepts.
const MaxCluster = 1000

// Options control what Write writes.
type Options struct {
	// Weights names the numeric node columns of the Set written as
	// weight<Title> columns, in order; nil means all numeric columns.
	Weights []string
	// Kinds are the edge kinds whose weights make the link strengths; nil
	// means Cites only.
	Kinds []graph.EdgeKind
	// HideCiting leaves out the unnamed works known only by a statement
	// (graph.KindCiting) and their links.
	HideCiting bool
}

// Write writes the map file to mapW and the network file to netW. It
// returns an error, before writing anything, when s does not fit g or a
// named weight column is missing or not numeric, and otherwise the first
// error of a writer.
func Write(mapW, netW io.Writer, g *graph.Graph, s attr.Set, opt Options) error {
	if err := s.Check(g); err != nil {
		return fmt.Errorf("vosviewer: %w", err)
	}
	var weights []*attr.Column
	if opt.Weights == nil {
		for i := range s.Node {
			if s.Node[i].Type != attr.String {
				weights = append(weights, &s.Node[i])
			}
		}
	} else {
		for _, name := range opt.Weights {
			c := s.Column(name)
			if c == nil || c.Type == attr.String {
				return fmt.Errorf("vosviewer: no numeric node column %q", name)
			}
			weights = append(weights, c)
		}
	}
	kinds := opt.Kinds
	if kinds == nil {
		kinds = []graph.EdgeKind{graph.Cites}
	}
	shown := func(w *graph.Work) bool { return !(opt.HideCiting && w.Kind == graph.KindCiting) }

	// Map file.
	bw := bufio.NewWriter(mapW)
	head := []string{"id", "label", "description", "url"}
	if s.Theme != nil {
		head = append(head, "cluster")
	}
	for _, c := range weights {
		head = append(head, "weight<"+headerLabel(c.Heading())+">")
	}
	head = append(head, "score<Year>")
	bw.WriteString(strings.Join(head, "\t") + "\n")
	for i, w := range g.Works() {
		if !shown(w) {
			continue
		}
		row := []string{strconv.Itoa(i + 1), cell(s.LabelOf(w)), cell(description(w)), doiURL(w.DOI)}
		if s.Theme != nil {
			cl := ""
			if t := s.ThemeOf(int64(i)); t >= 0 {
				cl = strconv.Itoa(min(t+1, MaxCluster))
			}
			row = append(row, cl)
		}
		for _, c := range weights {
			x, _ := c.Float(i)
			if !(x > 0) || math.IsInf(x, 0) { // negative, zero, NaN or infinite
				x = 0
			}
			row = append(row, attr.FormatFloat(x))
		}
		year := ""
		if w.Year != 0 {
			year = strconv.Itoa(w.Year)
		}
		row = append(row, year)
		bw.WriteString(strings.Join(row, "\t") + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vosviewer: %w", err)
	}

	// Network file.
	strength := map[[2]int64]int{}
	for _, k := range kinds {
		for _, e := range g.Edges(k) {
			if e.F == e.T || !shown(e.F) || !shown(e.T) {
				continue
			}
			a, b := e.F.ID(), e.T.ID()
			if a > b {
				a, b = b, a
			}
			strength[[2]int64{a, b}] += e.N
		}
	}
	pairs := make([][2]int64, 0, len(strength))
	for p := range strength {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	bw = bufio.NewWriter(netW)
	for _, p := range pairs {
		bw.WriteString(strconv.FormatInt(p[0]+1, 10) + "\t" + strconv.FormatInt(p[1]+1, 10) + "\t" + strconv.Itoa(strength[p]) + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vosviewer: %w", err)
	}
	return nil
}

// headerLabel returns a column title fit for "weight<…>": cleaned, without
// angle brackets or tabs.
func headerLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '<' || r == '>' {
			return -1
		}
		return r
	}, attr.Clean(s))
	if s == "" {
		return "Weight"
	}
	return s
}

// cell returns a label or description as a map-file cell: cleaned, made
// inert for spreadsheets (csv.Cell: "=HYPERLINK(…)" gets a leading "'")
// and, when it holds a comma, semicolon or double quote, enclosed in
// double quotes with inner quotes doubled.
func cell(s string) string {
	s = csv.Cell(attr.Clean(s))
	if strings.ContainsAny(s, `,;"`) {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// description returns the HTML VOSviewer shows for a work: the title in
// bold, then authors, year, venue and DOI, each escaped.
func description(w *graph.Work) string {
	var parts []string
	if t := attr.Clean(w.Title); t != "" {
		parts = append(parts, "<b>"+html.EscapeString(t)+"</b>")
	}
	var line []string
	if a := attr.Authors(w); a != "" {
		line = append(line, html.EscapeString(a))
	}
	if w.Year != 0 {
		line = append(line, "("+strconv.Itoa(w.Year)+")")
	}
	if v := attr.Clean(w.Venue); v != "" {
		line = append(line, "<i>"+html.EscapeString(v)+"</i>")
	}
	if len(line) > 0 {
		parts = append(parts, strings.Join(line, " "))
	}
	if w.DOI != "" {
		parts = append(parts, "doi:"+html.EscapeString(w.DOI))
	}
	if len(parts) == 0 {
		return html.EscapeString(w.Kind.String() + " " + attr.Clean(w.Key))
	}
	return strings.Join(parts, "<br>")
}

// doiURL returns the doi.org address of a DOI with everything but letters,
// digits and -._~/:() percent-encoded, or "" for no DOI.
func doiURL(doi string) string {
	if doi == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for _, c := range []byte(doi) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/:()", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// Item is one item of a map that WriteNetwork writes: a work, or any other
// thing a derived network links (an author, a term).
type Item struct {
	// Work, when set, gives the item's description, url and year as Write
	// gives a work's; Description is then ignored.
	Work *graph.Work
	// Label is the item's label.
	Label string
	// Description is plain text shown when the pointer rests on the item
	// (HTML-escaped); used when Work is nil.
	Description string
	// Weights are the values of the Network's weight columns, in order;
	// negative, NaN and infinite values are written as 0, missing ones as
	// 0.
	Weights []float64
}

// Link links the items Items[A] and Items[B] with a strength.
type Link struct {
	A, B     int
	Strength float64
}

// Network is a network of items of any kind, such as the co-citation,
// coupling, co-authorship or term co-occurrence networks a caller derives
// from the graph.
type Network struct {
	// Weights are the titles of the weight<…> columns of the map file.
	Weights []string
	Items   []Item
	Links   []Link
}

// WriteNetwork writes nw as a map file to mapW and a network file to netW,
// in the form Write uses: the map file has the columns id (1 … V, in the
// order of Items), label, description, then url and score<Year> when some
// item is a Work, then one weight<…> column per nw.Weights; the network
// file has one line per link, the smaller id first, sorted by ids, with
// the strength in strconv's shortest form (VOSviewer accepts fractional
// strengths). It returns an error, before writing anything, when a link
// names an item out of range, links an item to itself, repeats a pair or
// has a strength that is not positive and finite; otherwise the first
// error of a writer.
func WriteNetwork(mapW, netW io.Writer, nw Network) error {
	links := make([]Link, len(nw.Links))
	for i, l := range nw.Links {
		if l.A < 0 || l.B < 0 || l.A >= len(nw.Items) || l.B >= len(nw.Items) {
			return fmt.Errorf("vosviewer: link %d: item out of range (%d, %d of %d)", i, l.A, l.B, len(nw.Items))
		}
		if l.A == l.B {
			return fmt.Errorf("vosviewer: link %d: item %d linked to itself", i, l.A)
		}
		if !(l.Strength > 0) || math.IsInf(l.Strength, 0) {
			return fmt.Errorf("vosviewer: link %d: strength %v is not positive and finite", i, l.Strength)
		}
		if l.A > l.B {
			l.A, l.B = l.B, l.A
		}
		links[i] = l
	}
	sort.Slice(links, func(i, j int) bool {
		if links[i].A != links[j].A {
			return links[i].A < links[j].A
		}
		return links[i].B < links[j].B
	})
	for i := 1; i < len(links); i++ {
		if links[i].A == links[i-1].A && links[i].B == links[i-1].B {
			return fmt.Errorf("vosviewer: items %d and %d linked twice", links[i].A, links[i].B)
		}
	}
	works := false
	for _, it := range nw.Items {
		works = works || it.Work != nil
	}

	bw := bufio.NewWriter(mapW)
	head := []string{"id", "label", "description"}
	if works {
		head = append(head, "url")
	}
	for _, t := range nw.Weights {
		head = append(head, "weight<"+headerLabel(t)+">")
	}
	if works {
		head = append(head, "score<Year>")
	}
	bw.WriteString(strings.Join(head, "\t") + "\n")
	for i, it := range nw.Items {
		desc := html.EscapeString(attr.Clean(it.Description))
		if it.Work != nil {
			desc = description(it.Work)
		}
		row := []string{strconv.Itoa(i + 1), cell(it.Label), cell(desc)}
		if works {
			u := ""
			if it.Work != nil {
				u = doiURL(it.Work.DOI)
			}
			row = append(row, u)
		}
		for j := range nw.Weights {
			x := 0.0
			if j < len(it.Weights) {
				x = it.Weights[j]
			}
			if !(x > 0) || math.IsInf(x, 0) {
				x = 0
			}
			row = append(row, attr.FormatFloat(x))
		}
		if works {
			year := ""
			if it.Work != nil && it.Work.Year != 0 {
				year = strconv.Itoa(it.Work.Year)
			}
			row = append(row, year)
		}
		bw.WriteString(strings.Join(row, "\t") + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vosviewer: %w", err)
	}
	bw = bufio.NewWriter(netW)
	for _, l := range links {
		bw.WriteString(strconv.Itoa(l.A+1) + "\t" + strconv.Itoa(l.B+1) + "\t" + strconv.FormatFloat(l.Strength, 'g', -1, 64) + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vosviewer: %w", err)
	}
	return nil
}
