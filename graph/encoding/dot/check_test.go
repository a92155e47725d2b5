package dot_test

// Helpers shared by the tests: parse what Write wrote with gonum's DOT
// parser, count its statements, decode its strings the way GraphViz does,
// and render it with GraphViz when `dot` is installed.

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	dotparse "gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// parsed is a DOT file reduced to what the tests look at. IDs are as
// GraphViz reads them (quotes removed, \" unescaped); values are raw.
type parsed struct {
	name      string
	graph     map[string]string            // graph attributes
	nodes     map[string]map[string]string // node ID → attributes
	nodeOrder []string
	inCluster map[string]string            // node ID → cluster ID
	clusters  map[string]map[string]string // cluster ID → attributes
	edges     []parsedEdge
}

type parsedEdge struct {
	from, to string
	attrs    map[string]string
}

// parseDOT parses text with gonum's AST parser and checks its shape: one
// digraph, every node statement once, edge statements only at the top level
// and between declared nodes, no HTML-like <…> value.
func parseDOT(t testing.TB, text string) *parsed {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Errorf("DOT is not valid UTF-8")
	}
	for i, line := range strings.Split(text, "\n") {
		body := strings.TrimLeft(line, "\t")
		if strings.ContainsFunc(body, func(r rune) bool { return r < 0x20 || r == 0x7f || r == utf8.RuneError }) {
			t.Errorf("line %d holds a control character or U+FFFD: %q", i+1, line)
		}
	}
	f, err := dotparse.ParseString(text)
	if err != nil {
		t.Fatalf("gonum cannot parse the DOT: %v\n%s", err, text)
	}
	if len(f.Graphs) != 1 || !f.Graphs[0].Directed || f.Graphs[0].Strict {
		t.Fatalf("want one non-strict digraph, got %d graphs", len(f.Graphs))
	}
	g := f.Graphs[0]
	p := &parsed{
		name:      gvString(g.ID),
		graph:     map[string]string{},
		nodes:     map[string]map[string]string{},
		inCluster: map[string]string{},
		clusters:  map[string]map[string]string{},
	}
	attrs := func(as []*ast.Attr) map[string]string {
		m := map[string]string{}
		for _, a := range as {
			if strings.HasPrefix(a.Val, "<") {
				t.Errorf("HTML-like value %s=%s", a.Key, a.Val)
			}
			if _, dup := m[a.Key]; dup {
				t.Errorf("attribute %s given twice", a.Key)
			}
			m[a.Key] = a.Val
		}
		return m
	}
	addNode := func(n *ast.NodeStmt, cluster string) {
		id := gvString(n.Node.ID)
		if strings.HasPrefix(id, "col:") {
			return // an invisible anchor of the columns (writeColumns), no work
		}
		if _, dup := p.nodes[id]; dup {
			t.Errorf("node %q has two node statements", id)
		}
		p.nodes[id] = attrs(n.Attrs)
		p.nodeOrder = append(p.nodeOrder, id)
		if cluster != "" {
			p.inCluster[id] = cluster
		}
	}
	for _, st := range g.Stmts {
		switch st := st.(type) {
		case *ast.Attr:
			p.graph[st.Key] = st.Val
		case *ast.AttrStmt:
			attrs(st.Attrs)
		case *ast.NodeStmt:
			addNode(st, "")
		case *ast.EdgeStmt:
			from, ok1 := st.From.(*ast.Node)
			if !ok1 || st.To == nil || st.To.To != nil {
				t.Fatalf("edge statement %s is not a single edge between nodes", st)
			}
			to, ok2 := st.To.Vertex.(*ast.Node)
			if !ok2 || !st.To.Directed {
				t.Fatalf("edge statement %s is not a single directed edge between nodes", st)
			}
			if strings.HasPrefix(gvString(from.ID), "col:") {
				continue // from an anchor of the columns (writeColumns)
			}
			p.edges = append(p.edges, parsedEdge{gvString(from.ID), gvString(to.ID), attrs(st.Attrs)})
		case *ast.Subgraph:
			id := gvString(st.ID)
			if !strings.HasPrefix(id, "cluster_") {
				t.Errorf("subgraph %q is not a cluster", id)
			}
			if _, dup := p.clusters[id]; dup {
				t.Errorf("cluster %q written twice", id)
			}
			ca := map[string]string{}
			for _, s := range st.Stmts {
				switch s := s.(type) {
				case *ast.Attr:
					ca[s.Key] = s.Val
				case *ast.NodeStmt:
					addNode(s, id)
				default:
					t.Errorf("statement %s in cluster %q: want only attributes and nodes", s, id)
				}
			}
			p.clusters[id] = ca
		}
	}
	for _, e := range p.edges {
		if p.nodes[e.from] == nil || p.nodes[e.to] == nil {
			t.Errorf("edge %q -> %q joins an undeclared node", e.from, e.to)
		}
	}
	return p
}

// want returns the number of nodes and edges Write must draw for g.
func want(g *graph.Graph, hideCiting bool) (nodes, edges int) {
	hidden := func(w *graph.Work) bool { return hideCiting && w.Kind == graph.KindCiting }
	for _, w := range g.Works() {
		if !hidden(w) {
			nodes++
		}
	}
	for _, k := range []graph.EdgeKind{graph.Cites, graph.CoCited, graph.Related} {
		for _, e := range g.Edges(k) {
			if e.F != e.T && !hidden(e.F) && !hidden(e.T) {
				edges++
			}
		}
	}
	return nodes, edges
}

// checkCounts parses text and requires as many node and edge statements as
// g has drawable works and edges.
func checkCounts(t testing.TB, g *graph.Graph, opt dot.Options, text string) *parsed {
	t.Helper()
	p := parseDOT(t, text)
	wn, we := want(g, opt.HideCiting)
	if len(p.nodes) != wn || len(p.nodeOrder) != wn {
		t.Errorf("%d node statements, want %d", len(p.nodeOrder), wn)
	}
	if len(p.edges) != we {
		t.Errorf("%d edge statements, want %d", len(p.edges), we)
	}
	return p
}

// check counts the statements of text (checkCounts) and, when GraphViz is
// installed, renders it and parses the SVG; svg is nil otherwise.
func check(t testing.TB, g *graph.Graph, opt dot.Options, text string) (p *parsed, svg *svgText) {
	t.Helper()
	p = checkCounts(t, g, opt, text)
	if out := render(t, text); out != nil {
		s := parseSVG(t, out)
		svg = &s
	}
	return p, svg
}

// gvString returns a DOT ID as GraphViz's lexer reads it: a quoted string
// loses its quotes and \" becomes "; a backslash before anything else,
// itself included, stays.
func gvString(raw string) string {
	if len(raw) < 2 || raw[0] != '"' {
		return raw
	}
	raw = raw[1 : len(raw)-1]
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) {
			if raw[i+1] == '"' {
				b.WriteByte('"')
			} else {
				b.WriteString(raw[i : i+2])
			}
			i++
			continue
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}

// subst is what substObj puts where GraphViz would substitute \N, \G …
const subst = "\x00SUBST\x00"

// substObj follows GraphViz's strdup_and_subst_obj0 (lib/common/labels.c):
// \N, \G, \E, \H, \T and \L are replaced by object names (here: subst), \\
// becomes \ only when escBackslash is set, other pairs stay.
func substObj(s string, escBackslash bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch c := s[i]; {
		case strings.IndexByte("NGEHTL", c) >= 0:
			b.WriteString(subst)
		case c == '\\' && escBackslash:
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unescapePairs turns \n, \l and \r into a line break and any other \x
// into x, as make_simple_label (labels) and interpretCRNL (tooltips) do.
func unescapePairs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'l', 'r':
			b.WriteByte('\n')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// labelText returns the text GraphViz shows for a raw label value:
// substitution, then HTML entities, then escapes.
func labelText(raw string) string {
	return unescapePairs(html.UnescapeString(substObj(gvString(raw), false)))
}

// tooltipText returns the text GraphViz shows for a raw tooltip value:
// HTML entities and escapes first (preprocessTooltip), then substitution
// with \\ read as \.
func tooltipText(raw string) string {
	return substObj(unescapePairs(html.UnescapeString(gvString(raw))), true)
}

// render runs `dot -Tsvg` on text and returns the SVG, or nil when dot is
// not installed. Any output on stderr (warnings included) fails the test.
func render(t testing.TB, text string) []byte {
	t.Helper()
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Log("GraphViz dot not on PATH: rendering checks skipped")
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-Tsvg")
	cmd.Stdin = strings.NewReader(text)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("dot -Tsvg: %v\n%s", err, errOut.String())
	}
	if errOut.Len() > 0 {
		t.Fatalf("dot -Tsvg wrote to stderr:\n%s", errOut.String())
	}
	return out.Bytes()
}

// svgText holds what an SVG shows: the text of its <text> elements and the
// xlink:title (tooltip) and xlink:href of its links.
type svgText struct {
	texts, titles, hrefs []string
}

func parseSVG(t testing.TB, svg []byte) svgText {
	t.Helper()
	var s svgText
	d := xml.NewDecoder(bytes.NewReader(svg))
	var in *strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return s
			}
			t.Fatalf("GraphViz wrote invalid SVG: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "text":
				in = &strings.Builder{}
			case "a":
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "title":
						s.titles = append(s.titles, a.Value)
					case "href":
						s.hrefs = append(s.hrefs, a.Value)
					}
				}
			}
		case xml.CharData:
			if in != nil {
				in.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" && in != nil {
				s.texts = append(s.texts, in.String())
				in = nil
			}
		}
	}
}
