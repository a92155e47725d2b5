package edgelist

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func TestSniff(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want Kind
	}{
		{"snap", "# Directed graph\n# FromNodeId\tToNodeId\n0\t1\n0\t2\n", Edges},
		{"snap crlf", "9907233\t9301253\r\n9907233\t9504304\r\n", Edges},
		{"bom", "\uFEFF1 2\n2 3\n", Edges},
		{"weighted", "1 2 0.5\n2 3 1\n", Edges},
		{"string ids", "a b\nb c\n", Edges},
		{"dates", "9203201\t1992\n9203202\t1992\n", Dates},
		{"iso dates", "# Paper dates\n0001001\t2000-01-01\n0001002\t2000-01-02\n", Dates},
		{"repeated id is no dates file", "1 1992\n1 1993\n", Edges},
		{"content", "31336 0 1 0 Neural_Networks\n1061127 1 0 0 Rule_Learning\n", Content},
		{"prose", "The quick brown fox jumps\n", Unknown},
		{"ris", "TY  - JOUR\nTI  - A title\nER  - \n", Unknown},
		{"empty", "", Unknown},
		{"comments only", "# nothing\n", Unknown},
		{"binary", "1 2\n\x00\x01", Unknown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sniff([]byte(c.in)); got != c.want {
				t.Errorf("Sniff = %v, want %v", got, c.want)
			}
		})
	}
}

func TestReadEdges(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		order   Order
		want    [][2]string // citing, cited
		wantErr string
	}{
		{name: "snap", in: "# c\n0\t1\n0 2\n\n2   1\n", want: [][2]string{{"0", "1"}, {"0", "2"}, {"2", "1"}}},
		{name: "crlf and bom", in: "\uFEFF9907233\t9301253\r\n9907233\t9504304\r\n", want: [][2]string{{"9907233", "9301253"}, {"9907233", "9504304"}}},
		{name: "cites order", in: "35\t1033\n", order: CitedCiting, want: [][2]string{{"1033", "35"}}},
		{name: "leading zeros", in: "0001001 9912001\n", want: [][2]string{{"1001", "9912001"}}},
		{name: "no final newline", in: "1 2\n2 3", want: [][2]string{{"1", "2"}, {"2", "3"}}},
		{name: "one field", in: "1 2\n3\n4 5\n", want: [][2]string{{"1", "2"}}, wantErr: "edgelist: f.txt:2: want two IDs (citing cited), found 1 fields"},
		{name: "bad utf8", in: "1 2\n\xff 3\n", want: [][2]string{{"1", "2"}}, wantErr: "edgelist: f.txt:2: ID is not valid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := graph.NewCompactBuilder()
			n, err := ReadEdges(strings.NewReader(c.in), "f.txt", c.order, b)
			if c.wantErr == "" && err != nil || c.wantErr != "" && (err == nil || err.Error() != c.wantErr) {
				t.Fatalf("err = %v, want %q", err, c.wantErr)
			}
			if n != len(c.want) {
				t.Errorf("read %d citations, want %d", n, len(c.want))
			}
			g := b.Build()
			for _, e := range c.want {
				f, ok1 := g.Index(e[0])
				to, ok2 := g.Index(e[1])
				if !ok1 || !ok2 || !g.HasEdgeFromTo(int64(f), int64(to)) {
					t.Errorf("citation %s → %s missing", e[0], e[1])
				}
			}
			if g.Citations() != len(c.want) {
				t.Errorf("%d citations in the graph, want %d", g.Citations(), len(c.want))
			}
		})
	}
}

func TestReadContentAndDates(t *testing.T) {
	var got []Paper
	n, err := ReadContent(strings.NewReader("31336\t0\t1\t1\tNeural_Networks\r\n7 1 0 0 Theory\n8 1 0 Theory\n"), "c.content", func(p Paper) error {
		p.Words = append([]int{}, p.Words...)
		got = append(got, p)
		return nil
	})
	if n != 2 || len(got) != 2 || got[0].ID != "31336" || got[0].Label != "Neural_Networks" || len(got[0].Words) != 2 || got[0].Words[1] != 2 || got[1].Words[0] != 0 {
		t.Errorf("papers %+v", got)
	}
	if err == nil || err.Error() != "edgelist: c.content:3: 2 word features, earlier lines have 3" {
		t.Errorf("err = %v", err)
	}

	years := map[string]int{}
	n, err = ReadDates(strings.NewReader("9203201\t1992\n0001001 2000-01-03\n9203202 92\n"), "d.txt", func(id string, y int) { years[id] = y })
	if n != 2 || years["9203201"] != 1992 || years["1001"] != 2000 {
		t.Errorf("years %v", years)
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || e.Path != "d.txt" {
		t.Errorf("err = %v, want line 3 of d.txt", err)
	}
}

// TestLoadCora reads the real Cora pair (copied unchanged from
// /work/shared/data/graphs; the .content file gzip-compressed) and checks
// the figures cora.README states: 2,708 papers, 5,429 citations (its
// .cites lines), seven classes; of its 1,433 word columns one is zero on
// every line (counted with awk), so 1,432 words occur.
func TestLoadCora(t *testing.T) {
	b := graph.NewCompactBuilder()
	labels := map[string]string{}
	c, err := Load(context.Background(), b, []File{
		{Path: "testdata/cora.cites", Order: OrderFor("cora.cites")},
		{Path: "testdata/cora.content.gz"},
	}, labels, func(path string, err error) { t.Errorf("%s: %v", path, err) })
	if err != nil {
		t.Fatal(err)
	}
	g := b.Build()
	if c.Citations != 5429 || c.Papers != 2708 || g.Len() != 2708 {
		t.Errorf("citations %d, papers %d, nodes %d; want 5429, 2708, 2708", c.Citations, c.Papers, g.Len())
	}
	// 5,429 lines, of which some repeat a pair and some cite themselves:
	// what is left is what the graph counts.
	if g.Citations()+g.Repeats()+g.SelfCitations() != 5429 {
		t.Errorf("citations %d + repeats %d + self %d != 5429", g.Citations(), g.Repeats(), g.SelfCitations())
	}
	_, vocab := g.Terms()
	if len(vocab) != 1432 {
		t.Errorf("%d words, want 1432", len(vocab))
	}
	classes := map[string]bool{}
	for _, l := range labels {
		classes[l] = true
	}
	if len(classes) != 7 {
		t.Errorf("%d classes, want 7", len(classes))
	}
	// The first line of cora.cites is "35 1033": paper 1033 cites 35.
	from, _ := g.Index("1033")
	to, _ := g.Index("35")
	if !g.HasEdgeFromTo(int64(from), int64(to)) || g.HasEdgeFromTo(int64(to), int64(from)) {
		t.Error(`"35 1033" was not read as 1033 citing 35`)
	}
}

// TestLoadSNAP reads the real cit-HepTh (27,770 papers and 352,807
// citations as the SNAP page states; MANIFEST.md: 39 self-loops) and the
// cit-HepPh subset with its dates file (CRLF line ends).
func TestLoadSNAP(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 5 MB")
	}
	b := graph.NewCompactBuilder()
	c, err := Load(context.Background(), b, []File{{Path: "testdata/cit-HepTh.txt.gz"}}, nil,
		func(path string, err error) { t.Errorf("%s: %v", path, err) })
	if err != nil {
		t.Fatal(err)
	}
	g := b.Build()
	if c.Citations != 352807 || g.Len() != 27770 || g.SelfCitations() != 39 {
		t.Errorf("citations %d, nodes %d, self %d; want 352807, 27770, 39", c.Citations, g.Len(), g.SelfCitations())
	}

	b = graph.NewCompactBuilder()
	c, err = Load(context.Background(), b, []File{
		{Path: "testdata/cit-HepPh-dates.txt.gz"}, // dates may come first
		{Path: "testdata/cit-HepPh-subset.txt.gz"},
	}, nil, func(path string, err error) { t.Errorf("%s: %v", path, err) })
	if err != nil {
		t.Fatal(err)
	}
	g = b.Build()
	// MANIFEST.md: 21,550 papers, 201,300 citations; 22,824 dates rows.
	if c.Citations != 201300 || g.Len() != 21550 || c.Dates != 22824 {
		t.Errorf("citations %d, nodes %d, dates %d; want 201300, 21550, 22824", c.Citations, g.Len(), c.Dates)
	}
	if c.Dated == 0 || c.Dated > g.Len() {
		t.Errorf("%d papers dated", c.Dated)
	}
	v, ok := g.Index("9203201")
	if ok && g.Year(v) != 1992 {
		t.Errorf("9203201: year %d, want 1992", g.Year(v))
	}
}

func TestLoadReportsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	good := filepath.Join(dir, "good.txt")
	prose := filepath.Join(dir, "prose.txt")
	os.WriteFile(bad, []byte("1 2\n3 4 5 6\n7 8\n"), 0o644)
	os.WriteFile(good, []byte("9 10\n"), 0o644)
	os.WriteFile(prose, []byte("Once upon a time there was\n"), 0o644)
	var msgs []string
	b := graph.NewCompactBuilder()
	c, err := Load(context.Background(), b, []File{{Path: bad, Kind: Edges}, {Path: filepath.Join(dir, "missing")}, {Path: prose}, {Path: good}}, nil,
		func(path string, err error) { msgs = append(msgs, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if c.Citations != 2 {
		t.Errorf("%d citations, want 2 (one before the bad line, one from good.txt)", c.Citations)
	}
	want := []string{
		"edgelist: " + bad + ":2: want two IDs (citing cited), found 4 fields",
		"edgelist: " + filepath.Join(dir, "missing") + ": no such file or directory",
		"edgelist: " + prose + ": not an edge list, .content or dates file",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("reported\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpenGzip(t *testing.T) {
	rc, err := Open("testdata/cora.content.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	head := make([]byte, 6)
	if _, err := rc.Read(head); err != nil || !bytes.Equal(head, []byte("31336\t")) {
		t.Errorf("first bytes %q, %v", head, err)
	}
	if OrderFor("x/cora.cites") != CitedCiting || OrderFor("citeseer.cites.gz") != CitedCiting || OrderFor("cit-HepTh.txt") != CitingCited {
		t.Error("OrderFor")
	}
}
