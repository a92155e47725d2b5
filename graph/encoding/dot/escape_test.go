package dot_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// nastyGraph returns a graph where raw is, unnormalised, the title and
// first author's family name of a reference node (Build copies reference
// fields as the record gives them) and the statement citing it, and that
// node.
func nastyGraph(t testing.TB, raw string) (*graph.Graph, *graph.Work) {
	t.Helper()
	g := graph.Build([]graph.Record{{
		Title:      "Citing work",
		Year:       2021,
		Authors:    []graph.Author{{Family: "Citer"}},
		References: []graph.Reference{{Title: raw, Year: 2020, Authors: []graph.Author{{Family: raw}}, Raw: "ref"}},
		Statements: []graph.Statement{{Text: raw, Refs: []int{0}}},
	}})
	for _, w := range g.Works() {
		if w.Kind == graph.KindReference {
			return g, w
		}
	}
	t.Fatalf("no reference node for %q", raw)
	return nil, nil
}

// nastyOptions puts raw everywhere else text can go: the graph's name and
// title and the label of the reference's cluster.
func nastyOptions(g *graph.Graph, ref *graph.Work, raw string) dot.Options {
	opt := dot.Options{Name: raw, Title: raw, Cluster: make([]int, g.Len()), ClusterLabel: []string{raw}}
	for i := range opt.Cluster {
		opt.Cluster[i] = -1
	}
	opt.Cluster[ref.ID()] = 0
	return opt
}

func TestNastyText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		raw   string
		clean string // the text as shown: raw cleaned
		label string // the node's label, when not clean + " 2020"
		// heading is the graph and cluster labels, when not clean: a label
		// line keeps 200 runes (issue 16: GraphViz's limits).
		heading string
	}{
		{name: "quotes", raw: `He said "hi" and ""`},
		{name: "backslashes", raw: `C:\dir\N \G \L \E \T \H \" \\ end\`},
		{name: "escString breaks", raw: `a\nb\lc\rd`},
		{name: "braces, bars, ports", raw: `{a|b} <port> [x]; -> -- =`},
		{name: "script", raw: `<script>alert("x")</script>`},
		{name: "html tags", raw: `<b>x</b> <i>Homo sapiens</i>`},
		{name: "html label", raw: `<<table><tr><td>x</td></tr></table>>`},
		{name: "entities", raw: `AT&amp;T &lt;b&gt; &#65; &#x41; & alone`},
		{name: "DOT syntax", raw: `digraph { a -> b } // c /* d */ # e`},
		{name: "newlines", raw: "Line one\nLine two\r\nLine three\rfour", clean: "Line one Line two Line three four"},
		{name: "tabs and feeds", raw: "a\tb\v\fc", clean: "a b c"},
		{name: "NUL and controls", raw: "a\x00b\x1bc\x7fd\u0085e", clean: "abcd e"},
		{name: "invalid UTF-8", raw: "caf\xe9 na\xc3\xefve \xff\xfe", clean: "caf\uFFFD na\uFFFD\uFFFDve \uFFFD\uFFFD"},
		{name: "replacement character", raw: "a\uFFFDb"},
		{name: "Arabic", raw: "الصحة النفسية للشباب"},
		{name: "Chinese", raw: "青少年心理健康服务"},
		{name: "Cyrillic", raw: "Психическое здоровье"},
		{name: "astral", raw: "😀 𝔸"},
		// U+202E and U+202C go (issue 16): shown, they reverse "dcba".
		{name: "bidi controls", raw: "abc \u202edcba\u202c xyz", clean: "abc dcba xyz"},
		{name: "only controls", raw: "\x00\x01\t\n"},
		{name: "long", raw: strings.Repeat("ab ", 100), clean: strings.TrimSpace(strings.Repeat("ab ", 100)),
			label: "ab ab ab ab ab ab ab ab ab ab ab… 2020", heading: strings.Repeat("ab ", 66) + "a…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.clean == "" && strings.TrimFunc(tc.raw, func(r rune) bool { return r < 0x20 }) != "" {
				tc.clean = tc.raw
			}
			if tc.label == "" && tc.clean != "" && utf8.RuneCountInString(tc.clean) <= 32 {
				tc.label = tc.clean + " 2020" // longer names are cut
			}
			g, ref := nastyGraph(t, tc.raw)
			opt := nastyOptions(g, ref, tc.raw)
			text := write(t, g, opt)
			p, s := check(t, g, opt, text)

			label := dot.Label(ref)
			if tc.label != "" && label != tc.label {
				t.Errorf("Label = %q, want %q", label, tc.label)
			}
			if tc.clean == "" && label != ref.Key {
				t.Errorf("Label = %q, want the key %q", label, ref.Key)
			}
			node := p.nodes[ref.Key]
			if got := labelText(node["label"]); got != label {
				t.Errorf("node label shows %q, want %q", got, label)
			}
			tip := []string{"2020", ref.Key, "unresolved reference (known only from reference lists)"}
			if tc.clean != "" {
				tip = append([]string{tc.clean}, tip...)
			}
			if got, want := tooltipText(node["tooltip"]), strings.Join(tip, "\n"); got != want {
				t.Errorf("node tooltip shows\n%q, want\n%q", got, want)
			}
			title, cluster, statement := tc.clean, tc.clean, tc.clean
			if tc.heading != "" {
				title, cluster = tc.heading, tc.heading
			}
			if tc.clean == "" {
				title, cluster, statement = "Citation map (2 works, 1 link)", "Theme 1", "Citer 2021 cites "+label
			}
			if got := labelText(p.graph["label"]); got != title {
				t.Errorf("graph label shows %q, want %q", got, title)
			}
			if got := labelText(p.clusters["cluster_0"]["label"]); got != cluster {
				t.Errorf("cluster label shows %q, want %q", got, cluster)
			}
			if got := tooltipText(p.edges[0].attrs["tooltip"]); got != statement {
				t.Errorf("edge tooltip shows %q, want %q", got, statement)
			}
			// GraphViz keeps an ID's backslashes as written, and Write
			// doubles them.
			if name := strings.ReplaceAll(tc.raw, `\`, `\\`); tc.clean == tc.raw && !strings.ContainsRune(tc.raw, utf8.RuneError) && gvString(p.name) != name {
				t.Errorf("graph name %q, want %q", gvString(p.name), name)
			}

			if s == nil {
				return // GraphViz not installed
			}
			for _, want := range []string{label, title, cluster} {
				if !slices.Contains(s.texts, want) {
					t.Errorf("SVG shows no text %q; texts: %q", want, s.texts)
				}
			}
			for _, want := range []string{strings.Join(tip, "\n"), statement} {
				if !slices.Contains(s.titles, want) {
					t.Errorf("SVG has no tooltip %q; tooltips: %q", want, s.titles)
				}
			}
		})
	}
}

// TestKeysAndURLs checks IDs and doi.org links built from DOIs that hold
// characters DOT, XML or URLs treat specially.
func TestKeysAndURLs(t *testing.T) {
	dois := []string{
		`10.1002/(sici)1097-4636(199707)36:1<1::aid-jbm1>3.0.co;2-t`,
		`10.1000/a"b\c&d#e%f?g`,
		`10.1000/\`,
	}
	var recs []graph.Record
	for i, d := range dois {
		recs = append(recs, graph.Record{DOI: d, Title: "Work " + d, Year: 2000 + i, Authors: []graph.Author{{Family: "Author"}}})
	}
	recs[0].References = []graph.Reference{{DOI: dois[1]}, {DOI: dois[2]}}
	g := graph.Build(recs)
	if g.Len() != len(dois) {
		t.Fatalf("%d works, want %d", g.Len(), len(dois))
	}
	text := write(t, g, dot.Options{})
	p, s := check(t, g, dot.Options{}, text)
	wantURL := map[string]string{
		dois[0]: "https://doi.org/10.1002/(sici)1097-4636(199707)36:1%3C1::aid-jbm1%3E3.0.co%3B2-t",
		dois[1]: "https://doi.org/10.1000/a%22b%5Cc%26d%23e%25f%3Fg",
		dois[2]: "https://doi.org/10.1000/%5C",
	}
	var hrefs []string
	for _, w := range g.Works() {
		// GraphViz keeps a backslash in an ID as \\, so compare the
		// parsed ID with the key written the same way.
		n := p.nodes[strings.ReplaceAll(w.Key, `\`, `\\`)]
		if n == nil {
			t.Errorf("no node for key %q", w.Key)
			continue
		}
		if got := gvString(n["URL"]); got != wantURL[w.DOI] {
			t.Errorf("URL %q, want %q", got, wantURL[w.DOI])
		}
		hrefs = append(hrefs, wantURL[w.DOI])
	}
	if s != nil {
		for _, h := range hrefs {
			if !slices.Contains(s.hrefs, h) {
				t.Errorf("SVG has no link %q; links: %q", h, s.hrefs)
			}
		}
	}
}

// TestLongText (issue 16 item 1): a title of 17,000 characters, and as
// many backslashes or ampersands (which escaping makes 2 to 5 times longer),
// made GraphViz reject the file ("syntax error … longer than 16384?").
// Every string stays below GraphViz's 16,384 bytes; the node's tooltip
// keeps its short lines and as much of the title as fits; labels are cut
// at 200 runes; a DOI of 20,000 characters keeps the node apart from its
// neighbour's and loses its (unreadable) URL; the file parses (gonum) and
// GraphViz draws it without a word on stderr.
func TestLongText(t *testing.T) {
	quoted := regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	for _, tc := range []struct{ name, raw string }{
		{"words", strings.Repeat("Peer support workers ", 1000)[:17000]},
		{"one word", strings.Repeat("x", 17000)},
		{"backslashes", strings.Repeat(`\`, 17000)},
		{"ampersands", strings.Repeat("&", 17000)},
		{"quotes", strings.Repeat(`"`, 17000)},
		{"Chinese", strings.Repeat("青少年心理健康服务", 2000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, ref := nastyGraph(t, tc.raw)
			opt := nastyOptions(g, ref, tc.raw)
			for _, gephi := range []bool{false, true} {
				opt.Gephi = gephi
				text := write(t, g, opt)
				for _, q := range quoted.FindAllString(text, -1) {
					if len(q) > 16380 {
						t.Fatalf("gephi %v: a string of %d bytes: %.40s…", gephi, len(q), q)
					}
				}
				if gephi {
					render(t, text)
					continue
				}
				p, _ := check(t, g, opt, text)
				tip := strings.Split(tooltipText(p.nodes[ref.Key]["tooltip"]), "\n")
				if want := []string{"2020", ref.Key, "unresolved reference (known only from reference lists)"}; !slices.Equal(tip[1:], want) {
					t.Errorf("tooltip ends %q, want %q", tip[1:], want)
				}
				title, ok := strings.CutSuffix(tip[0], "…")
				if !ok || !strings.HasPrefix(tc.raw, title) || len(title) < 3000 {
					t.Errorf("tooltip's first line (%d bytes) is not the title's start and …", len(tip[0]))
				}
				for _, l := range []string{labelText(p.graph["label"]), labelText(p.clusters["cluster_0"]["label"])} {
					if n := utf8.RuneCountInString(l); n != 200 || !strings.HasSuffix(l, "…") {
						t.Errorf("label of %d runes ending %q, want 200 ending …", n, l[len(l)-3:])
					}
				}
			}
		})
	}

	// Two works whose DOIs of 20,000 characters differ only at the end.
	long := "10.1/" + strings.Repeat("a", 20000)
	g := graph.Build([]graph.Record{{DOI: long + "1", Title: "One", Year: 2020}, {DOI: long + "2", Title: "Two", Year: 2020,
		References: []graph.Reference{{DOI: long + "1"}}}})
	text := write(t, g, dot.Options{})
	for _, q := range quoted.FindAllString(text, -1) {
		if len(q) > 16380 {
			t.Fatalf("a string of %d bytes: %.40s…", len(q), q)
		}
	}
	if strings.Contains(text, "URL=") {
		t.Errorf("a URL of 20,000 characters is written")
	}
	check(t, g, dot.Options{}, text) // counts the two nodes and the edge
}
