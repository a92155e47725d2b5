package report_test

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/report"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func input() report.Input {
	g := encodingtest.Graph()
	return report.Input{Graph: g, Set: encodingtest.Set(g), Title: "Report on <i>peer</i> & \"support\"", Sources: 3, Failed: 1,
		Measure: "score", Top: 5, ChartPrefix: "report-", Notes: []string{"Made from testdata <b>fixture</b>"}}
}

func writeHTML(t testing.TB, in report.Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, in); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return buf.Bytes()
}

func writeMD(t testing.TB, in report.Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteMarkdown(&buf, in); err != nil {
		t.Fatalf("WriteMarkdown: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	encodingtest.Golden(t, "fixture.html", writeHTML(t, input()), *update)
	encodingtest.Golden(t, "fixture.md", writeMD(t, input()), *update)
}

// allowed are the elements the report's template and gonum/plot's SVG
// write; anything else came from the data.
var allowed = []string{"html", "head", "body", "meta", "title", "style", "h1", "h2", "h3", "table", "tbody", "tr", "th", "td", "p",
	"ul", "ol", "li", "strong", "em", "a", "div", "blockquote", "span", "section", "figure", "figcaption",
	"svg", "g", "path", "text", "defs"}

// TestHTMLInert parses the report as a browser does and checks that the
// data added no element and no attribute, that every hostile title of the
// central works is text, and that scripts are forbidden by the CSP.
func TestHTMLInert(t *testing.T) {
	in := input()
	doc, err := xhtml.Parse(bytes.NewReader(writeHTML(t, in)))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	csp := ""
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.ElementNode:
			if !slices.Contains(allowed, n.Data) {
				t.Errorf("unexpected element <%s>", n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") || strings.Contains(strings.ToLower(a.Val), "javascript:") {
					t.Errorf("<%s %s=%q>: script from the data", n.Data, a.Key, a.Val)
				}
				if n.Data == "meta" && a.Key == "content" && strings.Contains(a.Val, "default-src") {
					csp = a.Val
				}
			}
		case xhtml.TextNode:
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("no Content-Security-Policy forbidding scripts: %q", csp)
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, attr.Clean(in.Title)) {
		t.Errorf("title %q not shown as text", in.Title)
	}
	// The five most central works by score, with their titles.
	for _, w := range in.Graph.Works()[:5] {
		if title := attr.Clean(w.Title); !strings.Contains(all, title) {
			t.Errorf("title %q not shown as text", title)
		}
	}
}

// mdText undoes the Markdown escaping: backslash escapes, then entities.
func mdText(s string) string {
	return html.UnescapeString(regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#!|~])").ReplaceAllString(s, "$1"))
}

// TestMarkdownInert checks that the Markdown holds no raw HTML and that
// every text comes back after undoing its escapes.
func TestMarkdownInert(t *testing.T) {
	in := input()
	md := string(writeMD(t, in))
	if strings.ContainsAny(md, "<>") {
		t.Errorf("raw < or > in the Markdown")
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "![") && !regexp.MustCompile(`^!\[[^\]]*\]\(report-[a-z]+\.svg\)$`).MatchString(l) {
			t.Errorf("image line %q links elsewhere", l)
		}
	}
	un := mdText(md)
	for _, w := range in.Graph.Works()[:5] {
		if title := attr.Clean(w.Title); !strings.Contains(un, title) {
			t.Errorf("title %q lost in the Markdown", title)
		}
	}
	if !strings.Contains(md, "![Works published per year") || !strings.Contains(md, "(report-publications.svg)") {
		t.Errorf("chart links missing")
	}
}

func TestCharts(t *testing.T) {
	charts, err := report.Charts(input())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
		if !bytes.HasPrefix(c.SVG, []byte("<svg")) || !bytes.Contains(c.SVG, []byte("<path")) {
			t.Errorf("chart %s is not an SVG with drawn paths", c.Name)
		}
	}
	if strings.Join(names, " ") != "publications themes centrality" {
		t.Errorf("charts %v", names)
	}
	// An empty graph has nothing to chart and still makes a report.
	empty := report.Input{Graph: graph.Build(nil)}
	if c, err := report.Charts(empty); err != nil || len(c) != 0 {
		t.Errorf("empty graph: %d charts, %v", len(c), err)
	}
	writeHTML(t, empty)
	writeMD(t, empty)
}

func TestErrors(t *testing.T) {
	in := input()
	in.Measure = "note"
	if err := report.WriteHTML(&bytes.Buffer{}, in); err == nil || err.Error() != `report: no numeric node column "note"` {
		t.Errorf("error %v", err)
	}
}

// TestChromium opens the report in headless Chromium: the DOM must hold
// the three charts and the titles, the console no error, and a screenshot
// must show the charts' colours drawn.
func TestChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	in := input()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, writeHTML(t, in), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, logs := encodingtest.Chromium(t, "--dump-dom", "file://"+path)
	if n := strings.Count(dom, "<svg"); n != 3 {
		t.Errorf("DOM holds %d SVG charts, want 3", n)
	}
	if strings.Contains(dom, "<script") {
		t.Error("DOM holds a script")
	}
	for _, bad := range []string{"Uncaught", "Refused to", "Content Security Policy"} {
		if strings.Contains(logs, bad) {
			t.Errorf("console: %s\n%s", bad, logs)
		}
	}
	img := encodingtest.Screenshot(t, "file://"+path, "1000,2600")
	// The bar charts are Okabe–Ito blue, the histogram vermillion; page
	// text is dark grey on white. Count pixels near each colour.
	blue, orange, white := encodingtest.CountColour(img, color.RGBA{0x00, 0x72, 0xB2, 255}), encodingtest.CountColour(img, color.RGBA{0xD5, 0x5E, 0x00, 255}), encodingtest.CountColour(img, color.RGBA{255, 255, 255, 255})
	total := img.Bounds().Dx() * img.Bounds().Dy()
	t.Logf("screenshot %v: %d blue, %d vermillion, %d white of %d pixels", img.Bounds().Size(), blue, orange, white, total)
	if blue < 5000 || orange < 5000 {
		t.Errorf("charts not drawn: %d blue and %d vermillion pixels", blue, orange)
	}
	if white == total || white < total/2 {
		t.Errorf("page blank or not white: %d of %d pixels white", white, total)
	}
}

// TestBursts gives a burst to every work of the hostile fixture, with
// strength rising with the node ID (two works share one): the table lists
// the ten strongest, strongest first (ties by node), every title as text,
// and no cell of the Markdown table is split by a title's pipes.
func TestBursts(t *testing.T) {
	in := input()
	works := in.Graph.Works()
	if len(works) < 12 {
		t.Fatalf("the fixture has %d works, the test needs 12", len(works))
	}
	for i := range works {
		in.Bursts = append(in.Bursts, report.Burst{Node: int64(i), Start: 2000 + i, End: 2000 + i + i%3, Strength: float64(min(i, len(works)-2)) + 0.125})
	}
	// The expected order: by strength (ID, capped), then by ID.
	var want []int
	for i := len(works) - 1; i >= 0 && len(want) < 10; i-- {
		want = append(want, i)
	}
	if len(works) >= 2 { // the two last share a strength: the lower ID first
		want[0], want[1] = want[1], want[0]
	}

	md := string(writeMD(t, in))
	if strings.ContainsAny(md, "<>") {
		t.Error("raw < or > in the Markdown")
	}
	_, table, ok := strings.Cut(md, "\n## Citation bursts\n\n| Work | Title | Burst | Strength |\n|---|---|---|---:|\n")
	if !ok {
		t.Fatalf("no burst table:\n%s", md)
	}
	rows := strings.Split(table, "\n")[:10]
	unescapedPipe := regexp.MustCompile(`(^|[^\\])\|`)
	for r, id := range want {
		row := rows[r]
		if n := len(unescapedPipe.FindAllStringIndex(strings.ReplaceAll(row, "||", "| |"), -1)); n != 5 {
			t.Errorf("row %d has %d cell borders: %q", r+1, n, row)
		}
		w := works[id]
		years := fmt.Sprintf("%d", 2000+id)
		if id%3 != 0 {
			years += fmt.Sprintf("–%d", 2000+id+id%3)
		}
		strength := fmt.Sprintf("%.2f", float64(min(id, len(works)-2))+0.125)
		un := mdText(row)
		if !strings.Contains(un, attr.Clean(w.Title)) || !strings.Contains(un, " "+years+" ") || !strings.Contains(un, " "+strength+" ") {
			t.Errorf("row %d: %q, want work %d (%s, %s)", r+1, un, id, years, strength)
		}
	}
	if strings.HasPrefix(strings.Split(table, "\n")[10], "|") {
		t.Error("more than ten bursts listed")
	}

	doc, err := xhtml.Parse(bytes.NewReader(writeHTML(t, in)))
	if err != nil {
		t.Fatal(err)
	}
	var cells [][]string
	var walk func(n *xhtml.Node, inTable bool)
	walk = func(n *xhtml.Node, inTable bool) {
		if n.Type == xhtml.ElementNode {
			if !slices.Contains(allowed, n.Data) {
				t.Errorf("unexpected element <%s>", n.Data)
			}
			for _, a := range n.Attr {
				if a.Key == "class" && a.Val == "bursts" {
					inTable = true
				}
			}
			if inTable && n.Data == "tr" {
				cells = append(cells, nil)
			}
			if inTable && n.Data == "td" {
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type != xhtml.TextNode {
						t.Errorf("markup <%s> inside a burst cell", c.Data)
						continue
					}
					b.WriteString(c.Data)
				}
				cells[len(cells)-1] = append(cells[len(cells)-1], b.String())
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inTable)
		}
	}
	walk(doc, false)
	if len(cells) != 11 { // the heading row and ten bursts
		t.Fatalf("burst table has %d rows, want 11", len(cells))
	}
	for r, id := range want {
		c := cells[r+1]
		if len(c) != 4 || c[0] != in.Set.LabelOf(works[id]) || c[1] != attr.Clean(works[id].Title) {
			t.Errorf("row %d: %q, want work %d", r+1, c, id)
		}
	}

	// A burst of no work is refused.
	in.Bursts = []report.Burst{{Node: int64(len(works)), Start: 2000, End: 2001, Strength: 1}}
	if err := report.WriteMarkdown(&bytes.Buffer{}, in); err == nil || !strings.Contains(err.Error(), "is not in the graph") {
		t.Errorf("burst outside the graph: %v", err)
	}
}

// TestMapLink: with Map set, the report links the interactive map under
// its title, in HTML and Markdown; without, neither mentions it.
func TestMapLink(t *testing.T) {
	for _, name := range []string{"", "map.html"} {
		in := input()
		in.Map = name
		var md bytes.Buffer
		if err := report.WriteMarkdown(&md, in); err != nil {
			t.Fatal(err)
		}
		h := string(writeHTML(t, in))
		gotHTML, gotMD := strings.Contains(h, `<a href="map.html">The interactive map</a>`), strings.Contains(md.String(), "[The interactive map](map.html)")
		if want := name != ""; gotHTML != want || gotMD != want {
			t.Errorf("Map %q: link in HTML %v, in Markdown %v", name, gotHTML, gotMD)
		}
	}
}
