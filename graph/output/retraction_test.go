package output_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/ris"
	"github.com/citegraph/citegraph/graph/output"
)

// TestRetractedEverywhere: works the sources mark retracted are flagged in
// every table and map and counted in the report and prisma.json (issue 12,
// item 6). Four records of one database: A (marked retracted by its own
// record, cited 40 times in the source's index), B (retracted by the
// notice N, which names its DOI), and P, citing A and B. By hand: two
// retracted works, A and B, each cited once here; P and N are not.
func TestRetractedEverywhere(t *testing.T) {
	forty := 40
	src := graph.Source{Path: "search.ris", Format: "ris", Database: "PsycINFO"}
	recs := []graph.Record{
		{DOI: "10.5555/a", Title: "Alpha findings", Year: 2010, Authors: []graph.Author{{Family: "Alpha"}}, Retracted: true, CitedByCount: &forty, Source: src},
		{DOI: "10.5555/b", Title: "Beta findings", Year: 2011, Authors: []graph.Author{{Family: "Beta"}}, Source: src},
		{DOI: "10.5555/n", Title: "Retraction notice to Beta findings", Year: 2015, Authors: []graph.Author{{Family: "Editor"}}, Retracts: []string{"10.5555/B"}, Source: src},
		{DOI: "10.5555/p", Title: "Peer support review", Year: 2016, Authors: []graph.Author{{Family: "Pi"}}, Source: src,
			References: []graph.Reference{{DOI: "10.5555/a"}, {DOI: "10.5555/b"}}},
	}
	for i := range recs {
		recs[i].Source.Line = i + 1
		recs[i].Normalize()
	}
	g := graph.Build(recs)
	res := analysis.Run(g, analysis.Options{Seed: 1})
	formats, err := output.ParseFormats("all")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := output.Write(context.Background(), output.Dir{Path: dir}, output.NewInput(recs, g, res), output.Options{
		Formats: formats, Render: "none", Paths: []string{"search.ris"}, Sources: 1, Note: func(string) {},
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"doi:10.5555/a": "true", "doi:10.5555/b": "true", "doi:10.5555/n": "", "doi:10.5555/p": ""}
	cent := byKey(readCSV(t, dir, "centrality.csv"))
	for k, v := range want {
		if got := cent[k]["retracted"]; got != v {
			t.Errorf("centrality.csv %s retracted %q, want %q", k, got, v)
		}
	}
	if a, b := cent["doi:10.5555/a"], cent["doi:10.5555/b"]; a["global_citations"] != "40" || b["global_citations"] != "" || a["in_degree"] != "1" {
		t.Errorf("centrality.csv A global %q local %q, B global %q", a["global_citations"], a["in_degree"], b["global_citations"])
	}
	uniq := byKey(readCSV(t, dir, "unique.csv"))
	for k, v := range want {
		if got := uniq[k]["retracted"]; got != v {
			t.Errorf("unique.csv %s retracted %q, want %q", k, got, v)
		}
	}
	if n := bytes.Count(read(t, dir, "unique.ris"), []byte("N1  - "+ris.RetractedNote)); n != 2 {
		t.Errorf("unique.ris: %d retraction notes, want 2", n)
	}
	for _, f := range []string{"graph.dot", "top.dot"} {
		if n := bytes.Count(read(t, dir, f), []byte(`(retracted)`)); n != 2 {
			t.Errorf("%s: %d labels say (retracted), want 2", f, n)
		}
	}
	if !bytes.Contains(read(t, dir, "top.dot"), []byte(`a source marks the work retracted`)) {
		t.Error("top.dot's legend does not say what the retracted outline means")
	}
	if n := bytes.Count(read(t, dir, "graph.graphml"), []byte(`<data key="n_retracted">true</data>`)); n != 2 {
		t.Errorf("graph.graphml: %d retracted nodes, want 2", n)
	}
	if n := bytes.Count(read(t, dir, "map.html"), []byte(`"r":true`)); n != 2 {
		t.Errorf("map.html: %d retracted nodes, want 2", n)
	}
	var p graph.Prisma
	if err := json.Unmarshal(read(t, dir, "prisma.json"), &p); err != nil || p.Retracted != 2 {
		t.Errorf("prisma.json retracted %d (%v), want 2", p.Retracted, err)
	}
	md := string(read(t, dir, "report.md"))
	if !strings.Contains(md, `Works a source marks retracted | 2: Alpha 2010 \(cited once here\); Beta 2011 \(cited once here\)`) {
		i := strings.Index(md, "retracted")
		t.Errorf("report.md does not count the retracted works: %q", md[max(0, i-40):min(len(md), i+120)])
	}
}
