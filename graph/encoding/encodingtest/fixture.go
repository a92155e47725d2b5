package encodingtest

import (
	"fmt"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// Hostile are the titles of the fixture's works, one per work, in the
// order of Records.
var Hostile = []string{
	`Quotes "double", 'single', “curly” and a lone " quote`,
	`Braces {a} [b] (c), backslashes \N \G \L \\ \" \n and a trailing \`,
	`<script>alert("x")</script> & <b>bold</b> &amp; &lt;not a tag&gt; &#x41; <i>Homo sapiens</i>`,
	"Line one\nLine two\r\nthird\tafter a tab",
	"Control \x00\x01\x07\x1b[31mred\x1b[0m \x7f\u0085 and \u2028 line separator",
	"Arabic العربية, Chinese 心理健康, Cyrillic Кириллица, Devanagari हिन्दी, emoji 🧠",
	"CSV, commas; semicolons | pipes \"quoted\", ]]> <!-- comment --> <?pi x?> <![CDATA[x]]>",
	"DOT: digraph node edge subgraph -> -- ; [label=\"x\"] } { \\\" // /* */ #",
	"Invalid UTF-8 \xff\xfe bytes and \uFFFD replacement",
	"Markdown *stars* _under_ [link](javascript:alert(1)) `code` # heading\n*Arcs\n1 2 3",
}

// Names are hostile family names given to some authors.
var Names = []string{`O'Brien "the" <Great>`, "Núñez & {Sons}", "王", `Back\slash`}

// Records returns the fixture corpus: ten works titled with Hostile, each
// with a DOI (10.9999/hostile.N), a year from 2001, hostile venues and
// authors, citing the works before them; statements about work 0 (as on a
// scite report) that mention works 1 and 2 and an unresolved
// "Nobody 1999"; a related link; a reference known only by its title.
func Records() []graph.Record {
	src := graph.Source{Path: "enctest/fixture.jsonl", Format: "test"}
	recs := make([]graph.Record, len(Hostile))
	for i, t := range Hostile {
		r := graph.Record{
			DOI:     fmt.Sprintf("10.9999/hostile.%d", i),
			Title:   t,
			Year:    2001 + i,
			Venue:   Hostile[(i+3)%len(Hostile)],
			Authors: []graph.Author{{Family: fmt.Sprintf("Author%d", i), Given: "A."}},
			Source:  src,
		}
		if i < len(Names) {
			r.Authors = []graph.Author{{Family: Names[i], Given: "Q."}}
		}
		for j := max(0, i-3); j < i; j++ {
			r.References = append(r.References, graph.Reference{DOI: fmt.Sprintf("10.9999/hostile.%d", j), Raw: Hostile[j]})
		}
		if i > 0 {
			r.Statements = []graph.Statement{{Text: "As shown: " + Hostile[(i+5)%len(Hostile)], Section: "Intro <b>", Intent: "supporting", Refs: []int{len(r.References) - 1}}}
		}
		recs[i] = r
	}
	recs[9].References = append(recs[9].References, graph.Reference{Title: "A report known only by its title: " + Hostile[2], Year: 1998, Raw: Hostile[2]})
	m0 := graph.Mention{Text: "Names 2001", Authors: []string{Names[0]}, Year: 2001}
	m1 := graph.Mention{Text: "Núñez 2002", Authors: []string{Names[1]}, Year: 2002}
	m2 := graph.Mention{Text: "王 2003", Authors: []string{Names[2]}, Year: 2003}
	nobody := graph.Mention{Text: "Nobody 1999", Authors: []string{"Nobody"}, Year: 1999}
	recs[0].CitedBy = []graph.CitingStatement{
		{Text: "Supporting: " + Hostile[0] + " (Names 2001; Núñez 2002).", Intent: "supporting", Mentions: []graph.Mention{m0, m1}},
		{Text: "Contrasting: " + Hostile[2] + " (Names 2001; 王 2003; Nobody 1999).", Intent: "contrasting", Mentions: []graph.Mention{m0, m2, nobody}},
		{Text: "Mentioning: " + Hostile[3] + " (Names 2001).", Intent: "mentioning", Mentions: []graph.Mention{m0}},
	}
	for i := range recs {
		recs[i].Normalize()
	}
	recs[4].Relations = []graph.Relation{{Kind: graph.RelRelated, ID: recs[5].ID}}
	recs[4].Normalize()
	return recs
}

// Graph builds Records.
func Graph() *graph.Graph { return graph.Build(Records()) }

// ThemeLabels are the fixture's theme labels: hostile too.
var ThemeLabels = []string{"peer support, <b>workers</b> & \"roles\"", "transition; {camhs}\nyoung people", ""}

// Set returns caller values for g made up from the graph alone, so that
// they are the same on every run: in_degree and out_degree (Int), score
// (Float: (in-degree+1)/(n+in-edges), also the Size), early (Bool: year
// before 2005), note (String: a hostile text); themes by node ID modulo 3
// (unnamed citing works in none); per citation: main_path (Bool, every
// other citation) and spc (Float). Labels follow dot.Label.
func Set(g *graph.Graph) attr.Set {
	n := g.Len()
	in, out := make([]int, n), make([]int, n)
	for id := range n {
		in[id], out[id] = len(g.InCites(int64(id))), len(g.OutCites(int64(id)))
	}
	total := n
	for _, d := range in {
		total += d
	}
	score, early, note, theme := make([]float64, n), make([]bool, n), make([]string, n), make([]int, n)
	for id, w := range g.Works() {
		score[id] = float64(in[id]+1) / float64(total)
		early[id] = w.Year != 0 && w.Year < 2005
		note[id] = Hostile[id%len(Hostile)]
		theme[id] = id % 3
		if w.Kind == graph.KindCiting {
			theme[id] = -1
		}
	}
	cites := g.Edges(graph.Cites)
	main, spc := make([]bool, len(cites)), make([]float64, len(cites))
	for i := range cites {
		main[i] = i%2 == 0
		spc[i] = float64(i) / 4
	}
	themes := make([]attr.Theme, len(ThemeLabels))
	for t, l := range ThemeLabels {
		themes[t] = attr.Theme{Label: l, Terms: []string{l}}
		for id := range n {
			if theme[id] == t {
				themes[t].Top = append(themes[t].Top, int64(id))
			}
		}
	}
	return attr.Set{
		Label: dot.Label,
		Node: []attr.Column{
			attr.Ints("in_degree", "In-degree", in),
			attr.Ints("out_degree", "Out-degree", out),
			attr.Floats("score", "Score <&>", score),
			attr.Bools("early", "Before 2005", early),
			attr.Strings("note", "Note", note),
		},
		Cites:  []attr.Column{attr.Bools("main_path", "On the main path", main), attr.Floats("spc", "Search path count", spc)},
		Theme:  theme,
		Themes: themes,
		Size:   score,
	}
}

// Large returns a synthetic corpus of n works for benchmarks: each work
// (DOI 10.9999/large.i, year 1990 + i·30/n) cites up to eight earlier works
// chosen by a fixed linear congruential sequence, every tenth citation
// with a statement; themes are i mod 12 and the Set's values are made as
// in Set. The same n gives the same graph.
func Large(n int) (*graph.Graph, attr.Set) {
	recs := make([]graph.Record, n)
	x := uint64(12345)
	for i := range recs {
		r := graph.Record{
			DOI:     fmt.Sprintf("10.9999/large.%d", i),
			Title:   fmt.Sprintf("Work %d on peer support, recovery and the <role> of \"workers\"", i),
			Year:    1990 + i*30/max(1, n),
			Authors: []graph.Author{{Family: fmt.Sprintf("Author%d", i%997), Given: "A."}},
			Venue:   "Journal of Tests",
		}
		for k := 0; k < 8 && i > 0; k++ {
			x = x*6364136223846793005 + 1442695040888963407
			j := int(x>>33) % i
			r.References = append(r.References, graph.Reference{DOI: fmt.Sprintf("10.9999/large.%d", j)})
			if k == 0 && i%10 == 0 {
				r.Statements = append(r.Statements, graph.Statement{Text: "Prior work shows this [1].", Intent: "supporting", Refs: []int{0}})
			}
		}
		recs[i] = r
	}
	g := graph.Build(recs)
	s := Set(g)
	for id := range s.Theme {
		s.Theme[id] = id % 12
	}
	s.Themes = make([]attr.Theme, 12)
	for t := range s.Themes {
		s.Themes[t] = attr.Theme{Label: fmt.Sprintf("theme %d", t), Terms: []string{"peer", "support"}}
	}
	return g, s
}
