package graph

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"strings"
	"testing"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"
)

// seedRecords reads testdata/seed_records.jsonl: the output of
// `citegraph extract testdata/seeds` (the five seed pages).
func seedRecords(t testing.TB) []Record {
	t.Helper()
	f, err := os.Open("testdata/seed_records.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var recs []Record
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	return recs
}

func countKinds(g *Graph) map[NodeKind]int {
	n := map[NodeKind]int{}
	for _, w := range g.Works() {
		n[w.Kind]++
	}
	return n
}

// TestBuildSeeds checks the resolved seed graph against counts made by hand
// from the seed pages: 25 records (1 + 1 scite, 1 ProQuest, 11 Academia.edu
// of which one paper appears twice, 11 Emerald); 8 distinct statements
// (the scite pages show 10, two repeated); 9 distinct works mentioned that
// are not the page's own paper.
func TestBuildSeeds(t *testing.T) {
	g := Build(seedRecords(t))
	rep := g.Report()
	if rep.Records != 25 || rep.Works != 24 || rep.Duplicates != 1 || rep.MergedByTitle != 1 {
		t.Errorf("records %d works %d duplicates %d by title %d; want 25, 24, 1, 1", rep.Records, rep.Works, rep.Duplicates, rep.MergedByTitle)
	}
	kinds := countKinds(g)
	if kinds[KindWork] != 24 || kinds[KindMention] != 9 || kinds[KindCiting] != 8 || kinds[KindReference] != 0 {
		t.Errorf("kinds %v", kinds)
	}
	if rep.Statements != 8 {
		t.Errorf("%d statements, want 8", rep.Statements)
	}
	// The two DOIs of the seeds are nodes with their statements.
	kemp := g.Work("doi:10.2975/35.4.2012.337.340")
	gill := g.Work("doi:10.1007/s10488-014-0603-z")
	if kemp == nil || gill == nil {
		t.Fatal("a seed DOI is not a node")
	}
	if len(kemp.CitedBy) != 4 || len(gill.CitedBy) != 4 {
		t.Errorf("statements %d and %d, want 4 and 4", len(kemp.CitedBy), len(gill.CitedBy))
	}
	// "Kemp and Henderson 2012" and "Kemp 2012" carry the paper's year on its
	// own page: its first author is Kemp. "Gillard et al 2014c" likewise.
	if kemp.Surname() != "Kemp" || gill.Surname() != "Gillard" {
		t.Errorf("inferred first authors %q, %q", kemp.Surname(), gill.Surname())
	}
	if got := len(g.InCites(kemp.ID())); got != 4 {
		t.Errorf("Kemp 2012 cited by %d statements' works, want 4", got)
	}
	// Mentions that name no work in the corpus are nodes, marked so.
	for _, k := range []string{"m:coleman-2009", "m:gates-2007", "m:repper-carter-nd", "m:mowbray-etal-nd",
		"m:nestor-galletly-nd", "m:gillard-edwards-etal-nd", "m:gillard-etal-nd", "m:moran-russinova-etal-nd", "m:berry-hayward-etal-nd"} {
		if w := g.Work(k); w == nil || w.Kind != KindMention {
			t.Errorf("no mention node %s", k)
		}
	}
	// "(Gillard, Edwards, Gibson, Owen, & Wright, ; Gillard et al., )" on
	// Gillard 2014's page: both could be the page's paper, so neither is.
	if rep.AmbiguousPage != 1 {
		t.Errorf("%d ambiguous statements, want 1", rep.AmbiguousPage)
	}
	// Co-citation: Kemp 2012 with Coleman 2009 in one statement.
	if !hasEdge(g, CoCited, "doi:10.2975/35.4.2012.337.340", "m:coleman-2009") {
		t.Error("Kemp 2012 and Coleman 2009 are not co-cited")
	}
	// Academia.edu: the page relates to 10 entries, one of which repeats.
	page := g.Work("w:" + shortHash(TitleKey("Finding the right connections: Peer support within a community-based mental health service"), "0", ""))
	if page == nil {
		t.Fatal("no node for the Academia.edu page's paper")
	}
	rel := 0
	for _, e := range g.Edges(Related) {
		if e.F == page {
			rel++
		}
	}
	if rel != 9 {
		t.Errorf("%d related edges from the page, want 9 (10 entries, one twice)", rel)
	}
	mahlke := 0
	for _, w := range g.Works() {
		if TitleKey(w.Title) == "peer support in mental health services" {
			mahlke++
			if w.Surname() != "Mahlke" || w.Year != 2014 || len(w.Sources) != 2 || w.Title != "Peer support in mental health services" {
				t.Errorf("merged work %+v", w)
			}
		}
	}
	if mahlke != 1 {
		t.Errorf("%d nodes for Mahlke 2014, want 1", mahlke)
	}
	if g.SelfCitations() != 0 {
		t.Errorf("%d self-citations", g.SelfCitations())
	}
}

func hasEdge(g *Graph, k EdgeKind, from, to string) bool {
	for _, e := range g.Edges(k) {
		if e.F.Key == from && e.T.Key == to {
			return true
		}
	}
	return false
}

// TestBuildOrderIndependent: the graph depends on the set of records, not
// their order.
func TestBuildOrderIndependent(t *testing.T) {
	recs := seedRecords(t)
	want := dump(Build(recs))
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 10; i++ {
		rng.Shuffle(len(recs), func(a, b int) { recs[a], recs[b] = recs[b], recs[a] })
		if got := dump(Build(recs)); got != want {
			t.Fatalf("shuffle %d changed the graph", i)
		}
	}
}

func dump(g *Graph) string {
	var b strings.Builder
	for _, w := range g.Works() {
		j, _ := json.Marshal(w)
		b.Write(j)
		b.WriteByte('\n')
	}
	for k := EdgeKind(0); k < 3; k++ {
		for _, e := range g.Edges(k) {
			j, _ := json.Marshal(struct {
				F, T string
				E    *Edge
			}{e.F.Key, e.T.Key, &Edge{Kind: e.Kind, N: e.N, Statements: e.Statements, Method: e.Method, Sources: e.Sources}})
			b.Write(j)
			b.WriteByte('\n')
		}
	}
	r, _ := json.Marshal(g.Report())
	b.Write(r)
	return b.String()
}

func TestBuildMerging(t *testing.T) {
	a := Record{DOI: "https://doi.org/10.1000/ABC", Title: "Peer work", Year: 2014, Authors: []Author{{"Gillard", "Steve"}}}
	b := Record{DOI: "10.1000/abc", Title: "Peer work.", Year: 2014, Venue: "Adm Policy Ment Health"}
	c := Record{Title: "Peer Work", Year: 2014, Abstract: "Longer abstract."}
	d := Record{DOI: "10.1000/other", Title: "Conflicting", Year: 2001}
	e := Record{DOI: "10.1000/third", Title: "Conflicting", Year: 2001}
	g := Build([]Record{a, b, c, d, e})
	rep := g.Report()
	if rep.Works != 3 || rep.MergedByDOI != 1 || rep.MergedByTitle != 1 {
		t.Errorf("report %+v", rep)
	}
	w := g.Work("doi:10.1000/abc")
	if w == nil || w.Venue != "Adm Policy Ment Health" || w.Abstract != "Longer abstract." || w.Surname() != "Gillard" || len(w.Records) != 2 {
		t.Errorf("merged work %+v", w)
	}
	if len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0], "2 DOIs") {
		t.Errorf("conflicts %q", rep.Conflicts)
	}
}

func TestBuildReferences(t *testing.T) {
	cited := Record{DOI: "10.1/cited", Title: "Cited work", Year: 2001, Authors: []Author{{Family: "Smith"}}}
	other := Record{Title: "Other work", Year: 1999, Authors: []Author{{Family: "Jones"}}}
	citing := Record{Title: "Citing", Year: 2010, References: []Reference{
		{DOI: "10.1/CITED"},
		{Title: "Other work", Year: 1999},
		{Authors: []Author{{Family: "Smith"}}, Year: 2001, Raw: "Smith 2001"},
		{Raw: "Unknown, A. (1990) Lost paper."},
		{DOI: "10.1/elsewhere", Title: "Not in corpus"},
	}, Statements: []Statement{{Text: "As shown [1].", Refs: []int{0}}}}
	self := Record{DOI: "10.1/self", Title: "Self", Year: 2000, References: []Reference{{DOI: "10.1/self"}}}
	g := Build([]Record{cited, other, citing, self})
	from := g.Work("w:" + shortHash(TitleKey("Citing"), "2010", "")).ID()
	methods := map[string]string{}
	for _, e := range g.Edges(Cites) {
		if e.F.ID() == from {
			methods[e.T.Key] = e.Method
		}
	}
	// "Smith 2001" alone (first author and year) is too little to tie to
	// the one Smith 2001 in the corpus: it becomes a work of its own.
	if len(methods) != 5 {
		t.Errorf("edges %v: want 5", methods)
	}
	if methods["doi:10.1/cited"] != "doi" || methods["doi:10.1/elsewhere"] != "new" {
		t.Errorf("methods %v", methods)
	}
	e := g.Edge(from, g.Work("doi:10.1/cited").ID()).(*Edge)
	if len(e.Statements) != 1 || e.Statements[0].Text != "As shown [1]." {
		t.Errorf("statements on the edge: %+v", e.Statements)
	}
	if g.SelfCitations() != 1 || g.HasEdgeFromTo(g.Work("doi:10.1/self").ID(), g.Work("doi:10.1/self").ID()) {
		t.Errorf("self-citation: %d, must stay out of the gonum view", g.SelfCitations())
	}
	if rep := g.Report(); rep.ReferenceNodes != 3 || rep.References != 6 || rep.LinksByMethod["new"] != 3 || rep.LinksByMethod["title"] != 1 {
		t.Errorf("report %+v: want 3 reference nodes (10.1/elsewhere, Smith 2001, the raw one) of 6 references", rep)
	}
}

func TestIdentifyPage(t *testing.T) {
	m := func(year, number int, authors ...string) Mention {
		return Mention{Authors: authors, Year: year, Number: number}
	}
	tests := []struct {
		name  string
		ms    []Mention
		first string
		year  int
		known map[int]bool
		want  int // index of the page's work, -1 none
	}{
		{"author and year", []Mention{m(2012, 0, "Kemp", "Henderson"), m(2009, 0, "Coleman")}, "kemp", 2012, nil, 0},
		{"only bare number left", []Mention{m(0, 44), m(0, 17, "Repper"), m(0, 49, "Mowbray")}, "kemp", 2012, nil, 0},
		{"two same-author year-less", []Mention{m(0, 0, "Nestor"), m(0, 0, "Gillard", "Edwards"), m(0, 0, "Gillard")}, "gillard", 2014, nil, -1},
		{"known number wins", []Mention{m(0, 44), m(0, 12)}, "kemp", 2012, map[int]bool{44: true}, 0},
		{"two bare numbers", []Mention{m(0, 44), m(0, 12)}, "kemp", 2012, nil, -1},
		{"wrong year ruled out", []Mention{m(2001, 0, "Kemp"), m(2012, 0, "Kemp")}, "kemp", 2012, nil, 1},
		{"single mention, unknown author", []Mention{m(0, 0, "Smith")}, "", 2003, nil, 0},
		{"nothing fits", []Mention{m(1999, 0, "Jones")}, "kemp", 2012, nil, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			flags, ok := identifyPage(tc.ms, tc.first, tc.year, tc.known)
			got := -1
			for i, f := range flags {
				if f {
					got = i
				}
			}
			if got != tc.want || ok != (tc.want >= 0) {
				t.Errorf("got %d (ok %v), want %d", got, ok, tc.want)
			}
		})
	}
}

// TestGonumView: gonum algorithms run on the Graph directly.
func TestGonumView(t *testing.T) {
	g := Build(seedRecords(t))
	var _ gograph.Directed = g
	if topo.PathExistsIn(g, g.Work("doi:10.2975/35.4.2012.337.340"), g.Work("m:coleman-2009")) {
		t.Error("a path between two cited works: citations run from citing works only")
	}
	nodes := gograph.NodesOf(g.Nodes())
	for i, n := range nodes {
		if n.ID() != int64(i) || g.Node(n.ID()) != n {
			t.Fatalf("node %d has ID %d", i, n.ID())
		}
	}
	edges := 0
	for _, n := range nodes {
		for _, to := range gograph.NodesOf(g.From(n.ID())) {
			edges++
			if !g.HasEdgeFromTo(n.ID(), to.ID()) || g.Edge(n.ID(), to.ID()) == nil {
				t.Fatal("From lists an edge that HasEdgeFromTo denies")
			}
			found := false
			for _, back := range gograph.NodesOf(g.To(to.ID())) {
				found = found || back.ID() == n.ID()
			}
			if !found {
				t.Fatal("To misses an edge From lists")
			}
		}
	}
	if edges != len(g.Edges(Cites))-g.SelfCitations() {
		t.Errorf("%d edges in the gonum view, want %d", edges, len(g.Edges(Cites)))
	}
	if g.Node(-1) != nil || g.Node(int64(g.Len())) != nil || g.From(-5).Len() != 0 {
		t.Error("out-of-range IDs must give nil / empty")
	}
}

// TestBuildNamedCiting: a statement whose citing work the source names
// comes from that work, not from an unnamed node.
func TestBuildNamedCiting(t *testing.T) {
	cited := Record{DOI: "10.1/cited", Title: "Cited", Year: 2001, CitedBy: []CitingStatement{
		{Text: "As Smith showed [4].", Intent: "background", Citing: &Reference{DOI: "10.1/CITING", Title: "Citing paper", Year: 2010}},
		{Text: "Unnamed citer (Smith 2001)."},
	}}
	citing := Record{DOI: "10.1/citing", Title: "Citing paper", Year: 2010}
	g := Build([]Record{cited, citing})
	e, ok := g.Edge(g.Work("doi:10.1/citing").ID(), g.Work("doi:10.1/cited").ID()).(*Edge)
	if !ok || len(e.Statements) != 1 || e.Statements[0].Intent != "background" {
		t.Fatalf("edge from the named citing work: %+v", e)
	}
	if n := countKinds(g)[KindCiting]; n != 1 {
		t.Errorf("%d unnamed citing nodes, want 1", n)
	}
}
