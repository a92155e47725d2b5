package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
)

// WriteHTML writes the report as one self-contained HTML5 file. It returns
// an error, before writing anything, when the Set does not fit the graph
// or Measure names no numeric column, and otherwise the first error of w.
func WriteHTML(w io.Writer, in Input) error {
	f, charts, err := gatherCharts(in)
	if err != nil {
		return err
	}
	type chartView struct {
		Name, Title string
		SVG         template.HTML
	}
	data := struct {
		*facts
		Charts, BibCharts []chartView
	}{facts: f}
	// The SVG is gonum/plot's own markup; the only text in it is the
	// chart titles, axis labels, tick labels and legends, which vgsvg
	// escapes with html.EscapeString after attr.Clean (see charts.go).
	for _, c := range charts {
		data.Charts = append(data.Charts, chartView{c.Name, c.Title, template.HTML(c.SVG)}) //nolint:gosec // see above
	}
	for _, c := range f.BiblioCharts {
		data.BibCharts = append(data.BibCharts, chartView{c.Name, c.Title, template.HTML(c.SVG)}) //nolint:gosec // see above
	}
	bw := bufio.NewWriter(w)
	if err := page.Execute(bw, data); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

var page = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="citegraph">
<title>{{.Title}}</title>
<style>
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; max-width: 62em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.7em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; } td, th { padding: 0.2em 0.8em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: 0.9em; color: #555; }
ol.central > li { margin-bottom: 1em; } .meta { color: #555; font-size: 0.92em; }
blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.8em; border-left: 3px solid #56B4E9; font-size: 0.92em; }
.tag { font-size: 0.8em; color: #555; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>{{if .Map}}
<p><a href="{{.Map}}">The interactive map</a>: search, filter and click the works.</p>{{end}}

<h2 id="corpus">The corpus</h2>
<table class="counts">
{{range .Counts}}<tr><th scope="row">{{.Label}}</th><td class="n">{{.Value}}</td></tr>
{{end}}</table>
{{if .Matched}}<h3>How citations were matched</h3>
<table class="matched">
{{range .Matched}}<tr><th scope="row">{{.Label}}</th><td class="n">{{.Value}}</td></tr>
{{end}}</table>{{end}}
{{if .Conflicts}}<p>Not merged, because the sources disagree:</p>
<ul>{{range .Conflicts}}<li>{{.}}</li>{{end}}</ul>{{end}}

<h2 id="charts">Charts</h2>
{{range .Charts}}<figure class="chart" id="chart-{{.Name}}">
{{.SVG}}
<figcaption>{{.Title}}</figcaption>
</figure>
{{else}}<p>Nothing to chart.</p>
{{end}}
<h2 id="central">The most central works (by {{.MeasureTitle}})</h2>
<ol class="central">
{{range .Central}}<li><strong>{{.Label}}</strong>{{if .Title}} — {{.Title}}{{end}}
<div class="meta">{{if .Authors}}{{.Authors}}. {{end}}{{if .Year}}{{.Year}}. {{end}}{{if .Venue}}<em>{{.Venue}}</em>. {{end}}{{if .Link}}<a href="{{.Link}}">doi:{{.DOI}}</a>{{end}}</div>
<div class="meta">{{$.MeasureTitle}} {{.Score}}; cited {{.Cited}} in the corpus{{if .Theme}}; {{.Theme}}{{end}}</div>
{{range .Statements}}<blockquote>{{.Text}}{{if or .Intent .Section}} <span class="tag">({{.Intent}}{{if and .Intent .Section}}, {{end}}{{.Section}})</span>{{end}}</blockquote>
{{end}}{{if .More}}<div class="meta">and {{.More}} more statements</div>{{end}}</li>
{{end}}</ol>
{{if .Bursts}}<h2 id="bursts">Citation bursts</h2>
<table class="bursts">
<tr><th scope="col">Work</th><th scope="col">Title</th><th scope="col">Burst</th><th scope="col">Strength</th></tr>
{{range .Bursts}}<tr><td>{{.Label}}</td><td>{{.Title}}</td><td>{{.Years}}</td><td class="n">{{.Strength}}</td></tr>
{{end}}</table>
{{end}}{{if .Themes}}
<h2 id="themes">Themes</h2>
{{if .Overview}}<figure><img src="{{.Overview}}" alt="The themes, each a circle sized by its works, joined by the citations between them" style="max-width:100%"><figcaption>The themes and the citations between them (overview.svg).</figcaption></figure>
{{end}}{{range .Themes}}<section class="theme">
<h3>{{.Title}}</h3>
<p>{{.Size}} works{{.SizeNote}}, cited {{.CitedText}} in the corpus.{{if .Terms}} Label terms: {{.Terms}}.{{end}}</p>
{{if .KeyWorks}}<p>Key works:</p>
<ul>{{range .KeyWorks}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Growth}}<p class="meta">Works per year: {{.Growth}}</p>{{end}}
{{if .Citing}}<p>{{.Citing}}.</p>{{end}}
{{if .Contrasting}}<p>Most confidently contrasting:</p>
{{range .Contrasting}}<blockquote>{{.Text}} <span class="tag">(citing {{.Cited}}{{if .Confidence}}; confidence {{.Confidence}}{{end}})</span></blockquote>
{{end}}{{end}}</section>
{{end}}{{end}}
{{if or .Biblio .BibCharts}}<h2 id="bibliometrics">Descriptive bibliometrics</h2>
{{range .BibCharts}}<figure class="chart" id="chart-{{.Name}}">
{{.SVG}}
<figcaption>{{.Title}}</figcaption>
</figure>
{{end}}{{range .Biblio}}<h3>{{.Title}}</h3>
{{if .Note}}<p class="meta">{{.Note}}</p>
{{end}}<table class="biblio">
<tr>{{range .Header}}<th scope="col"{{if .Numeric}} style="text-align: right"{{end}}>{{.Text}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range .}}<td{{if .Numeric}} class="n"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</table>
{{end}}{{end}}{{if .Notes}}<h2 id="notes">How this report was made</h2>
<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}
</body>
</html>
`))
