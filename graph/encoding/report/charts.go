package report

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Chart is one chart of the report as SVG.
type Chart struct {
	// Name is a file-name-safe identifier: "publications", "themes",
	// "centrality".
	Name string
	// Title says what the chart shows.
	Title string
	// SVG is a standalone SVG document (gonum/plot's vgsvg), without the
	// XML declaration so that it can also stand inline in HTML.
	SVG []byte
}

// Chart sizes.
const (
	chartWidth  = 16 * vg.Centimeter
	chartHeight = 8 * vg.Centimeter
)

// Colours of the charts: Okabe–Ito blue and vermillion.
var (
	barColour  = color.RGBA{0x00, 0x72, 0xB2, 0xFF}
	histColour = color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
)

// charts draws the report's charts from what facts computed: works per
// year, citations received per theme, and the distribution of the
// central measure over the works the sources describe. A chart with nothing to show is left out.
func (f *facts) charts() ([]Chart, error) {
	var out []Chart
	if len(f.years) > 0 {
		names := make([]string, len(f.years))
		vals := make(plotter.Values, len(f.years))
		for i, yc := range f.years {
			names[i] = strconv.Itoa(yc.year)
			vals[i] = float64(yc.n)
		}
		svg, err := bars("Works published per year", "Year", "Works", names, vals, barColour)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: "publications", Title: "Works published per year (works the sources describe)", SVG: svg})
	}
	if len(f.themes) > 0 {
		var names []string
		var vals plotter.Values
		for _, t := range f.themes {
			names = append(names, strconv.Itoa(t.number))
			vals = append(vals, float64(t.citations))
		}
		svg, err := bars("Citations received per theme", "Theme", "Citations", names, vals, barColour)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: "themes", Title: "Citations received by the works of each theme", SVG: svg})
	}
	if len(f.measure) > 1 {
		xs, label, note := logIfSkewed(f.measure, f.measureTitle)
		svg, err := histogram("Distribution of "+f.measureTitle+note, label, "Works", xs)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: "centrality", Title: "How " + f.measureTitle + " is spread over the works the sources describe" + note, SVG: svg})
	}
	return out, nil
}

// logIfSkewed returns the base-10 logarithms of the positive values when
// they span more than two orders of magnitude, as centralities of citation
// graphs do (a few works hold most of the PageRank), with the axis label
// and a note for the title; otherwise the values as they are.
func logIfSkewed(xs []float64, title string) ([]float64, string, string) {
	lo, hi := math.Inf(1), 0.0
	for _, x := range xs {
		if x > 0 && !math.IsInf(x, 0) {
			lo, hi = min(lo, x), max(hi, x)
		}
	}
	if !(hi > 0) || hi/lo <= 100 {
		return xs, title, ""
	}
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if x > 0 && !math.IsInf(x, 0) {
			out = append(out, math.Log10(x))
		}
	}
	return out, "log10 " + title, " (log scale; zeros left out)"
}

func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = attr.Clean(title)
	p.X.Label.Text = attr.Clean(x)
	p.Y.Label.Text = attr.Clean(y)
	p.Y.Min = 0
	return p
}

func bars(title, x, y string, names []string, vals plotter.Values, c color.Color) ([]byte, error) {
	p, err := barPlot(title, x, y, names, vals, c)
	if err != nil {
		return nil, err
	}
	return render(p)
}

// barPlot is the plot of a bar chart, its labels thinned so that at most
// 12 show.
func barPlot(title, x, y string, names []string, vals plotter.Values, c color.Color) (*plot.Plot, error) {
	p := newPlot(title, x, y)
	width := vg.Length(math.Max(2, math.Min(24, 360/float64(len(vals)))))
	b, err := plotter.NewBarChart(vals, width)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	b.Color = c
	b.LineStyle.Width = 0
	p.Add(b)
	// Thin the labels of long runs so that at most 12 show.
	step := (len(names) + 11) / 12
	shown := make([]string, len(names))
	for i, n := range names {
		if i%step == 0 {
			shown[i] = n
		}
	}
	p.NominalX(shown...)
	return p, nil
}

func histogram(title, x, y string, xs []float64) ([]byte, error) {
	p := newPlot(title, x, y)
	vals := make(plotter.Values, 0, len(xs))
	for _, v := range xs {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	bins := max(5, min(40, int(math.Sqrt(float64(len(vals))))))
	h, err := plotter.NewHist(vals, bins)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	h.FillColor = histColour
	h.LineStyle.Width = vg.Points(0.5)
	p.Add(h)
	return render(p)
}

// render draws p as SVG and drops the XML declaration and the generator
// comment vgsvg writes first.
func render(p *plot.Plot) ([]byte, error) {
	c := vgsvg.New(chartWidth, chartHeight)
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	s := buf.String()
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	return []byte(s), nil
}
