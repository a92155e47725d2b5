package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
	gonumdot "gonum.org/v1/gonum/graph/formats/dot"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/output"
)

var (
	graphmlSchema = filepath.Join("..", "..", "graph", "encoding", "graphml", "testdata", "schema", "graphml.trimmed.xsd")
	gexfGrammar   = filepath.Join("..", "..", "graph", "encoding", "gexf", "testdata", "schema", "gexf.rng")
)

// allOutputs are the files run writes with the default flags, besides
// the drawings GraphViz renders.
var allOutputs = []string{"works.jsonl", "graph.dot", "centrality.csv", "themes.csv", "overview.dot", "top.dot",
	"historiograph.dot", "graph.gephi.dot", "graph.graphml", "graph.gexf", "graph.net", "themes.clu", "pagerank.vec",
	"vosviewer_map.txt", "vosviewer_network.txt", "vosviewer_cocitation_map.txt", "vosviewer_cocitation_network.txt",
	"vosviewer_coupling_map.txt", "vosviewer_coupling_network.txt", "vosviewer_coauthorship_map.txt",
	"vosviewer_coauthorship_network.txt", "vosviewer_terms_map.txt", "vosviewer_terms_network.txt", "graph.json", "citations.csv", "statements.csv", "report.html",
	"report.md", "report-publications.svg", "report-themes.svg", "report-centrality.svg"}

// checkConsumers runs each format's consumer over the outputs in dir:
// GraphViz over every DOT file, xmllint over GraphML and GEXF, headless
// Chromium over the report. Each part is skipped when its tool is absent.
func checkConsumers(t *testing.T, dir string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	run := func(name string, args ...string) (string, error) {
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	dots, _ := filepath.Glob(filepath.Join(dir, "*.dot"))
	if bin, err := exec.LookPath("dot"); err == nil {
		for _, f := range dots {
			if out, err := run(bin, "-Tsvg", "-o", os.DevNull, f); err != nil || out != "" {
				t.Errorf("dot -Tsvg %s: %v\n%s", filepath.Base(f), err, out)
			}
		}
	} else {
		t.Log("GraphViz not installed: DOT rendering not checked")
	}
	for _, f := range dots {
		src, _ := os.ReadFile(f)
		if _, err := gonumdot.ParseBytes(src); err != nil {
			t.Errorf("%s does not parse: %v", filepath.Base(f), err)
		}
	}
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, name))
		return err == nil
	}
	if bin, err := exec.LookPath("xmllint"); err == nil {
		if exists("graph.graphml") {
			if out, err := run(bin, "--noout", "--nonet", "--schema", graphmlSchema, filepath.Join(dir, "graph.graphml")); err != nil {
				t.Errorf("graph.graphml does not validate: %v\n%s", err, out)
			}
		}
		if exists("graph.gexf") {
			if out, err := run(bin, "--noout", "--nonet", "--relaxng", gexfGrammar, filepath.Join(dir, "graph.gexf")); err != nil {
				t.Errorf("graph.gexf does not validate: %v\n%s", err, out)
			}
		}
	} else {
		t.Log("xmllint not installed (libxml2-utils): schemas not checked")
	}
	if bin, err := exec.LookPath("chromium"); err == nil && !testing.Short() && exists("report.html") {
		abs, _ := filepath.Abs(filepath.Join(dir, "report.html"))
		out, err := run(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+abs)
		charts, _ := filepath.Glob(filepath.Join(dir, "report-*.svg")) // the report's charts, bibliometrics' too
		if err != nil || strings.Count(out, "<svg") != len(charts) {
			t.Errorf("Chromium: %v, %d charts in the DOM, %d written\n%.2000s", err, strings.Count(out, "<svg"), len(charts), out)
		}
	} else {
		t.Log("Chromium not installed or -short: report not opened")
	}
}

// TestRunAllOutputs runs the pipeline on the seed corpus with the default
// flags: every output is written and read by its consumer.
func TestRunAllOutputs(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--render", "none")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, f := range allOutputs {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	checkConsumers(t, dir)

	// The JSON counts what the summary counts.
	var doc struct {
		Report graph.Report
		Nodes  []json.RawMessage
		Edges  []json.RawMessage
	}
	if err := json.Unmarshal(read(t, dir, "graph.json"), &doc); err != nil {
		t.Fatal(err)
	}
	// 41 nodes and 40 edges, as graph.dot draws (main_test.go).
	if doc.Report.Records != 25 || len(doc.Nodes) != 41 || len(doc.Edges) != 40 {
		t.Errorf("graph.json: %d records, %d nodes, %d edges", doc.Report.Records, len(doc.Nodes), len(doc.Edges))
	}
	net := string(read(t, dir, "graph.net"))
	if !strings.HasPrefix(net, "*Vertices 41\n") || !strings.Contains(net, "\n*Arcs\n") {
		t.Errorf("graph.net starts %.40q", net)
	}
	if n := strings.Count(string(read(t, dir, "vosviewer_map.txt")), "\n"); n != 42 {
		t.Errorf("vosviewer_map.txt has %d lines, want a header and 41 items", n)
	}
	cites := readCSV(t, dir, "citations.csv")
	if len(cites) != 18 || strings.Join(cites[0], ",") != strings.Join(output.CitationHeader, ",") { // 17 citations
		t.Errorf("citations.csv: %d rows, header %v", len(cites), cites[0])
	}
}

// TestRunRemovesStaleTemporaries (issue 16 item 6): the hidden temporary
// files a killed run left in the output folder (named as graph/output.Dir
// names them, older than this run) are gone after the next run, also those
// of files this run does not write (--formats none writes no report.html);
// the user's own hidden files stay.
func TestRunRemovesStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{".graph.dot.citegraph-2849217.tmp", ".report.html.citegraph-77.tmp", ".notes.tmp", ".notes.txt.12.tmp", ".vimrc"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--formats", "none", "--render", "none"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, n := range []string{".graph.dot.citegraph-2849217.tmp", ".report.html.citegraph-77.tmp"} {
		if _, err := os.Stat(filepath.Join(dir, n)); !os.IsNotExist(err) {
			t.Errorf("%s left: %v", n, err)
		}
	}
	for _, n := range []string{".notes.tmp", ".notes.txt.12.tmp", ".vimrc", "graph.dot"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

func TestRunViewFlags(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--render", "none", "--formats", "views",
		"--focus", "10.2975/35.4.2012.337.340", "--depth", "2", "--years", "2010-2016", "--measure", "in-degree", "--map-top", "5", "--no-legend")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"overview.dot", "top.dot", "historiograph.dot", "neighbourhood.dot"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written", f)
		}
	}
	for _, f := range []string{"graph.graphml", "report.html", "graph.gephi.dot"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s written though --formats views", f)
		}
	}
	top := string(read(t, dir, "top.dot"))
	if !strings.Contains(top, `label="Citation map, top 5 works by Citations in the corpus (in-degree), described works first, 2010–2016"`) || strings.Contains(top, "legend:") {
		t.Errorf("top.dot title or legend wrong:\n%.600s", top)
	}
	if nb := string(read(t, dir, "neighbourhood.dot")); !strings.Contains(nb, `"doi:10.2975/35.4.2012.337.340" [label="Kemp 2012"`) {
		t.Errorf("neighbourhood.dot lacks its focus")
	}
	checkConsumers(t, dir)
}

func TestRunFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--years", "2015-2010"}, {"--years", "soon"}, {"--formats", "graphml,svg"}, {"--measure", "fame"},
		{"--themes", "0"}, {"--edges", "cites,likes"}, {"--map-top", "0"}, {"--depth", "0"}, {"--scope", "everything"},
	} {
		code, _, stderr := runCmd(t, context.Background(), append([]string{"run", seedCorpus, "-o", t.TempDir()}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, args[0]) {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", t.TempDir(), "--render", "none", "--focus", "doi:10.1/nothing")
	if code != exitFailure || !strings.Contains(stderr, `no work with key "doi:10.1/nothing"`) {
		t.Errorf("unknown focus: exit %d, %q", code, stderr)
	}
}

// TestRunDeterministicAll: every output, byte for byte, twice.
func TestRunDeterministicAll(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", d, "--render", "svg", "--seed", "3"); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	files, _ := filepath.Glob(filepath.Join(a, "*"))
	for _, f := range files {
		name := filepath.Base(f)
		if !bytes.Equal(read(t, a, name), read(t, b, name)) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestOutputsHostileTitles is the test every writer shares: the hostile
// fixture of encodingtest, analysed for real, through every format; each
// file is read back by a parser of its format and every title must come
// back intact, no markup from the data may become markup, and every
// drawing must render.
func TestOutputsHostileTitles(t *testing.T) {
	g := encodingtest.Graph()
	res := analysis.Run(g, analysis.Options{Seed: 1})
	dir := t.TempDir()
	formats, _ := output.ParseFormats("all")
	if _, err := output.Write(context.Background(), output.Dir{Path: dir}, output.NewInput(nil, g, res), output.Options{
		Formats: formats, Render: "none", Paths: []string{"hostile"}, Sources: 1, Views: output.Views{Focus: g.Works()[0].Key},
	}); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, w := range g.Works() {
		if t := attr.Clean(w.Title); t != "" {
			titles = append(titles, t)
		}
	}
	contains := func(file string, texts []string, all string) {
		for _, title := range titles {
			found := false
			for _, x := range texts {
				if x == title || strings.Contains(x, title) {
					found = true
					break
				}
			}
			if !found && !strings.Contains(all, title) {
				t.Errorf("%s: title %q not read back intact", file, title)
			}
		}
	}

	// XML formats: read the text of every attribute and element.
	for _, f := range []string{"graph.graphml", "graph.gexf"} {
		var texts []string
		dec := xml.NewDecoder(bytes.NewReader(read(t, dir, f)))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				for _, a := range tok.Attr {
					texts = append(texts, a.Value)
				}
				switch tok.Name.Local {
				case "script", "b", "i":
					t.Errorf("%s: element <%s> from the data", f, tok.Name.Local)
				}
			case xml.CharData:
				texts = append(texts, string(tok))
			}
		}
		contains(f, texts, "")
	}
	// JSON.
	var doc struct{ Nodes []struct{ Title string } }
	if err := json.Unmarshal(read(t, dir, "graph.json"), &doc); err != nil {
		t.Fatal(err)
	}
	var jt []string
	for _, n := range doc.Nodes {
		jt = append(jt, n.Title)
	}
	contains("graph.json", jt, "")
	// CSV: the statements quote the titles.
	var ct []string
	for _, row := range readCSV(t, dir, "statements.csv") {
		ct = append(ct, row...)
	}
	r := csv.NewReader(bytes.NewReader(read(t, dir, "citations.csv")))
	if _, err := r.ReadAll(); err != nil {
		t.Errorf("citations.csv: %v", err)
	}
	for _, s := range []string{"Supporting: ", "Contrasting: ", "Mentioning: "} {
		found := false
		for _, c := range ct {
			found = found || strings.HasPrefix(c, s)
		}
		if !found {
			t.Errorf("statements.csv lacks the statement %q…", s)
		}
	}
	// VOSviewer: descriptions are HTML.
	contains("vosviewer_map.txt", nil, html.UnescapeString(strings.ReplaceAll(string(read(t, dir, "vosviewer_map.txt")), `""`, `"`)))
	// The report: the text a browser shows.
	node, err := xhtml.Parse(bytes.NewReader(read(t, dir, "report.html")))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && (n.Data == "script" || n.Data == "b" || n.Data == "i" || n.Data == "iframe") {
			t.Errorf("report.html: element <%s> from the data", n.Data)
		}
		if n.Type == xhtml.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(node)
	all := strings.Join(texts, "\n")
	for _, w := range g.Works() {
		if title := attr.Clean(w.Title); title != "" && w.Kind == graph.KindWork && strings.Contains(all, "\n"+title) == false && !strings.Contains(all, title) {
			t.Errorf("report.html: title %q not shown", title)
		}
	}
	if md := string(read(t, dir, "report.md")); strings.ContainsAny(md, "<>") {
		t.Error("report.md holds raw < or >")
	}
	checkConsumers(t, dir)
}

// TestRunScope: on the four-database search (testdata/review: 24 works the
// exports describe, 596 known only from their reference lists), --map-top
// 30 draws the 24 described works and the 6 references that rank highest
// by default; --scope all ranks them together and keeps 2 described works
// and 28 references (issue 13's "49 of the top 50 are references"), and
// --scope cited only references. Described works are drawn filled,
// references with a dashed outline.
func TestRunScope(t *testing.T) {
	if raceBuild() {
		t.Skip("three runs of the pipeline take more than 5 s under -race")
	}
	for _, c := range []struct {
		scope            string
		filled, outlined int
	}{{"corpus", 24, 6}, {"all", 2, 28}, {"cited", 0, 30}} {
		dir := t.TempDir()
		args := append(append([]string{"run"}, reviewSearch...), "-o", dir, "--formats", "views", "--render", "none", "--map-top", "30", "--scope", c.scope)
		if code, _, stderr := runCmd(t, context.Background(), args...); code != exitOK {
			t.Fatalf("--scope %s: exit %d\n%s", c.scope, code, stderr)
		}
		top := read(t, dir, "top.dot")
		if f, o := bytes.Count(top, []byte("style=filled")), bytes.Count(top, []byte(`style="dashed,filled"`)); f != c.filled || o != c.outlined {
			t.Errorf("--scope %s: %d described and %d reference works drawn, want %d and %d", c.scope, f, o, c.filled, c.outlined)
		}
	}
}

// TestReportThemesAgree: the report counts a theme's works as themes.csv
// and overview.dot do (issue 13, item 6: the seed report said "Theme 2 … 6
// works" where themes.csv said 10, leaving out the unnamed citing works
// without saying so), and shows overview.svg at the head of its themes.
func TestReportThemesAgree(t *testing.T) {
	if raceBuild() {
		t.Skip("a run with drawings takes more than 5 s under -race")
	}
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("GraphViz not installed")
	}
	dir := t.TempDir()
	if code, _, stderr := runCmd(t, context.Background(), "run", seedCorpus, "-o", dir, "--render", "svg"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	md := string(read(t, dir, "report.md"))
	rows := readCSV(t, dir, "themes.csv")
	overview := string(read(t, dir, "overview.dot"))
	for _, r := range rows[1:] {
		head := "### Theme " + r[0]
		i := strings.Index(md, head)
		if i < 0 {
			t.Errorf("report.md has no %q", head)
			continue
		}
		body := md[i:]
		body = body[strings.Index(body, "\n\n")+2:]
		if !strings.HasPrefix(body, r[3]+" works") {
			t.Errorf("%s: report says %.40q, themes.csv %s works", head, body, r[3])
		}
		if !strings.Contains(overview, `"theme:`+r[0]+`" [label="Theme `+r[0]+`\n`+r[3]+` work`) {
			t.Errorf("overview.dot does not give theme %s %s works", r[0], r[3])
		}
	}
	if !strings.Contains(md, "(overview.svg)") || !strings.Contains(string(read(t, dir, "report.html")), `<img src="overview.svg"`) {
		t.Error("the report does not show overview.svg")
	}
}
