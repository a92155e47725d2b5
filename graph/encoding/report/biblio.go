package report

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Bibliometrics is the report's section "Descriptive bibliometrics", as
// bibliometrix's summary shows it: the caller's tables, shown as given,
// and the data of its five charts (annual production with the growth
// rate, the top authors' production over time, Bradford's zones, Lotka's
// fit, and the corresponding authors' countries by single- and
// multiple-country publications). A chart without data is left out.
type Bibliometrics struct {
	// Tables are shown in order, each whole.
	Tables []Table
	// Annual is the documents of every year; GrowthPct the annual growth
	// rate in percent.
	Annual    []YearDocs
	GrowthPct float64
	// AuthorYears are the documents and citations of the top authors per
	// year, the authors in the order to list them.
	AuthorYears []AuthorYear
	// Bradford are the sources by rank with their documents and zone (1–3).
	Bradford []BradfordSource
	// Lotka is the authors' productivity with the fitted law's share
	// (Fitted is C / x^Beta).
	Lotka              []LotkaPoint
	LotkaBeta, LotkaR2 float64
	// Countries are the corresponding authors' countries, most documents
	// first: their single- and multiple-country publications.
	Countries []CountryCollab
}

// Table is a table of the report: a title, an optional note under it, the
// column names and the cells. Numeric columns are right-aligned.
type Table struct {
	Title, Note string
	Header      []string
	Rows        [][]string
	Numeric     []bool
}

// YearDocs is a year's documents.
type YearDocs struct{ Year, Documents int }

// AuthorYear is an author's documents and citations in a year.
type AuthorYear struct {
	Author                     string
	Year, Documents, Citations int
}

// BradfordSource is a source of Bradford's table.
type BradfordSource struct {
	Source                string
	Rank, Documents, Zone int
}

// LotkaPoint is the share of authors with a number of documents, observed
// and fitted.
type LotkaPoint struct {
	Documents     int
	Share, Fitted float64
}

// CountryCollab is a country's single- and multiple-country publications.
type CountryCollab struct {
	Country  string
	SCP, MCP int
}

// Colours of the bibliometrics charts (Okabe–Ito): sky blue and orange,
// opaque.
var (
	skyColour    = color.RGBA{0x56, 0xB4, 0xE9, 0xFF}
	orangeColour = color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
)

// bibTable is a Table made safe for the templates: cleaned cells with
// their alignment.
type bibTable struct {
	Title, Note string
	Header      []bibCell
	Rows        [][]bibCell
}

type bibCell struct {
	Text    string
	Numeric bool
}

func (b *Bibliometrics) tables() []bibTable {
	if b == nil {
		return nil
	}
	out := make([]bibTable, 0, len(b.Tables))
	for _, t := range b.Tables {
		bt := bibTable{Title: attr.Clean(t.Title), Note: attr.Clean(t.Note)}
		num := func(j int) bool { return j < len(t.Numeric) && t.Numeric[j] }
		for j, h := range t.Header {
			bt.Header = append(bt.Header, bibCell{attr.Clean(h), num(j)})
		}
		for _, r := range t.Rows {
			cells := make([]bibCell, len(r))
			for j, c := range r {
				cells[j] = bibCell{attr.Clean(c), num(j)}
			}
			bt.Rows = append(bt.Rows, cells)
		}
		out = append(out, bt)
	}
	return out
}

// charts draws the section's charts.
func (b *Bibliometrics) charts() ([]Chart, error) {
	if b == nil {
		return nil, nil
	}
	var out []Chart
	add := func(name, title string, svg []byte, err error) error {
		if err != nil {
			return err
		}
		out = append(out, Chart{Name: name, Title: title, SVG: svg})
		return nil
	}
	if len(b.Annual) > 0 {
		names := make([]string, len(b.Annual))
		vals := make(plotter.Values, len(b.Annual))
		for i, y := range b.Annual {
			names[i], vals[i] = strconv.Itoa(y.Year), float64(y.Documents)
		}
		growth := fmt.Sprintf("annual growth rate %s %%", strconv.FormatFloat(b.GrowthPct, 'f', -1, 64))
		svg, err := annualBars("Annual scientific production ("+growth+")", names, vals)
		if err := add("annual-production", "Documents per year ("+growth+")", svg, err); err != nil {
			return nil, err
		}
	}
	if len(b.AuthorYears) > 0 {
		svg, err := authorsOverTime(b.AuthorYears)
		if err := add("authors-over-time", "The top authors' production over time: a dot per year with documents, its size by documents, its shade by citations", svg, err); err != nil {
			return nil, err
		}
	}
	if len(b.Bradford) > 1 {
		svg, err := bradfordChart(b.Bradford)
		if err := add("bradford", "Bradford's law: documents per source by rank (log scale), the core sources (zone 1) shaded", svg, err); err != nil {
			return nil, err
		}
	}
	if len(b.Lotka) > 1 {
		svg, err := lotkaChart(b.Lotka, b.LotkaBeta, b.LotkaR2)
		if err := add("lotka", "Lotka's law: the share of authors with each number of documents, observed (solid) and fitted (dashed)", svg, err); err != nil {
			return nil, err
		}
	}
	if len(b.Countries) > 0 {
		svg, err := countriesChart(b.Countries)
		if err := add("countries", "Corresponding authors' countries: single-country (SCP) and multiple-country (MCP) publications", svg, err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// authorsOverTime draws bibliometrix's authorProdOverTime: one row per
// author, a line over the years it published in and a dot per year.
func authorsOverTime(cells []AuthorYear) ([]byte, error) {
	row := map[string]int{}
	var names []string
	maxDocs, maxCites := 1, 1
	for _, c := range cells {
		if _, ok := row[c.Author]; !ok {
			row[c.Author] = len(names)
			names = append(names, attr.Clean(c.Author))
		}
		maxDocs, maxCites = max(maxDocs, c.Documents), max(maxCites, c.Citations)
	}
	p := newPlot("Authors' production over time", "Year", "")
	p.Y.Min, p.Y.Max = -0.7, float64(len(names))-0.3
	lo, hi := map[int]int{}, map[int]int{}
	for _, c := range cells {
		r := row[c.Author]
		if y, ok := lo[r]; !ok || c.Year < y {
			lo[r] = c.Year
		}
		hi[r] = max(hi[r], c.Year)
	}
	for r := range names {
		y := float64(len(names) - 1 - r)
		l, err := plotter.NewLine(plotter.XYs{{X: float64(lo[r]), Y: y}, {X: float64(hi[r]), Y: y}})
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		l.Color = color.RGBA{0xAA, 0xAA, 0xAA, 0xFF}
		p.Add(l)
	}
	pts := make(plotter.XYs, len(cells))
	for i, c := range cells {
		pts[i] = plotter.XY{X: float64(c.Year), Y: float64(len(names) - 1 - row[c.Author])}
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	s.GlyphStyleFunc = func(i int) draw.GlyphStyle {
		c := cells[i]
		return draw.GlyphStyle{
			Shape:  draw.CircleGlyph{},
			Radius: vg.Points(2.5 + 5*math.Sqrt(float64(c.Documents)/float64(maxDocs))),
			Color:  blend(lightBlue, barColour, 0.3+0.7*float64(c.Citations)/float64(maxCites)),
		}
	}
	p.Add(s)
	ticks := make([]plot.Tick, len(names))
	for r, n := range names {
		ticks[r] = plot.Tick{Value: float64(len(names) - 1 - r), Label: n}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	first, last := cells[0].Year, cells[0].Year
	for _, c := range cells {
		first, last = min(first, c.Year), max(last, c.Year)
	}
	p.X.Tick.Marker = yearTicks{first, last}
	pad := math.Max(1, 0.06*float64(last-first)) // room for the last year's label
	p.X.Min, p.X.Max = float64(first)-pad, float64(last)+pad
	return render(p)
}

// lightBlue is the palest shade of the authors' dots and Bradford's core.
var lightBlue = color.RGBA{0xD4, 0xEA, 0xF7, 0xFF}

// blend mixes a and b, t = 0 giving a and 1 giving b, opaque: SVG viewers
// agree on opaque colours, not all on translucent ones.
func blend(a, b color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xFF}
}

// yearTicks labels the years from first to last at a round step that gives
// at most 8 labels (none in the padding, where a label would be cut).
type yearTicks struct{ first, last int }

func (t yearTicks) Ticks(lo, hi float64) []plot.Tick {
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		step = s
		if float64(t.last-t.first)/float64(s) <= 8 {
			break
		}
	}
	var out []plot.Tick
	for y := t.first; y <= t.last; y++ {
		if y%step == 0 || t.first == t.last {
			out = append(out, plot.Tick{Value: float64(y), Label: strconv.Itoa(y)})
		}
	}
	return out
}

// annualBars draws the documents per year as bars, with half a bar of room
// on each side so that the first and last years' labels are not cut.
func annualBars(title string, names []string, vals plotter.Values) ([]byte, error) {
	p, err := barPlot(title, "Year", "Documents", names, vals, barColour)
	if err != nil {
		return nil, err
	}
	p.X.Min, p.X.Max = -1, float64(len(vals))
	return render(p)
}

// bradfordChart draws the documents of each source by rank on a log axis,
// bibliometrix's bradford plot, with the core zone shaded.
func bradfordChart(srcs []BradfordSource) ([]byte, error) {
	p := newPlot("Bradford's law", "Source rank (log scale)", "Documents")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	pts := make(plotter.XYs, len(srcs))
	core, top := 0, 0
	for i, s := range srcs {
		pts[i] = plotter.XY{X: float64(s.Rank), Y: float64(s.Documents)}
		if s.Zone == 1 {
			core = s.Rank
		}
		top = max(top, s.Documents)
	}
	if core > 0 {
		poly, err := plotter.NewPolygon(plotter.XYs{{X: 1, Y: 0}, {X: float64(max(core, 1)) + 0.5, Y: 0}, {X: float64(max(core, 1)) + 0.5, Y: float64(top)}, {X: 1, Y: float64(top)}})
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		poly.Color = lightBlue
		poly.Width = 0
		p.Add(poly)
	}
	p.Y.Max = float64(top) * 1.1
	l, s, err := plotter.NewLinePoints(pts)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	l.Color, s.Color = barColour, barColour
	p.Add(l, s)
	return render(p)
}

// lotkaChart draws the observed and the fitted share of authors by their
// number of documents.
func lotkaChart(pts []LotkaPoint, beta, r2 float64) ([]byte, error) {
	p := newPlot(fmt.Sprintf("Lotka's law (β %.3f, R² %.3f)", beta, r2), "Documents written", "Share of authors (%)")
	obs, fit := make(plotter.XYs, len(pts)), make(plotter.XYs, len(pts))
	for i, q := range pts {
		obs[i] = plotter.XY{X: float64(q.Documents), Y: 100 * q.Share}
		fit[i] = plotter.XY{X: float64(q.Documents), Y: 100 * q.Fitted}
	}
	l, s, err := plotter.NewLinePoints(obs)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	l.Color, s.Color = barColour, barColour
	f, err := plotter.NewLine(fit)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	f.Color = histColour
	f.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(l, s, f)
	p.Y.Max = 100 * math.Max(pts[0].Share, pts[0].Fitted) * 1.25
	p.Legend.Add("observed", l, s)
	p.Legend.Add("Lotka's law", f)
	p.Legend.Top = true
	return render(p)
}

// countriesChart draws stacked horizontal bars of SCP and MCP for at most
// 20 countries.
func countriesChart(cs []CountryCollab) ([]byte, error) {
	cs = cs[:min(20, len(cs))]
	n := len(cs)
	scp, mcp := make(plotter.Values, n), make(plotter.Values, n)
	names := make([]string, n)
	for i, c := range cs { // the first country at the top
		j := n - 1 - i
		scp[j], mcp[j], names[j] = float64(c.SCP), float64(c.MCP), attr.Clean(c.Country)
	}
	p := newPlot("Corresponding authors' countries", "Documents", "")
	p.X.Min = 0
	w := vg.Length(math.Max(3, math.Min(14, 160/float64(n))))
	a, err := plotter.NewBarChart(scp, w)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	a.Horizontal, a.Color, a.LineStyle.Width = true, skyColour, 0
	b, err := plotter.NewBarChart(mcp, w)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	b.Horizontal, b.Color, b.LineStyle.Width = true, orangeColour, 0
	b.StackOn(a)
	p.Add(a, b)
	most := 0.0
	for i := range scp {
		most = math.Max(most, scp[i]+mcp[i])
	}
	p.X.Max = most * 1.1
	p.Legend.Add("SCP (single country)", a)
	p.Legend.Add("MCP (multiple countries)", b)
	p.NominalY(names...)
	return render(p)
}
