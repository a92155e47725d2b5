package output_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/output"
)

// cycleCorpus returns records making one citation cycle of big works
// (c0 → c1 → … → c0) and pairs more two-work cycles (pN-a ⇄ pN-b), all
// hand-made.
func cycleCorpus(big, pairs int) []graph.Record {
	doi := func(s string) string { return "10.5555/" + s }
	var recs []graph.Record
	for i := range big {
		recs = append(recs, graph.Record{DOI: doi(fmt.Sprintf("c%06d", i)), Title: fmt.Sprintf("Work %d", i), Year: 2000,
			References: []graph.Reference{{DOI: doi(fmt.Sprintf("c%06d", (i+1)%big))}}})
	}
	for i := range pairs {
		a, b := doi(fmt.Sprintf("p%02d-a", i)), doi(fmt.Sprintf("p%02d-b", i))
		recs = append(recs, graph.Record{DOI: a, Title: "A " + a, Year: 2001, References: []graph.Reference{{DOI: b}}},
			graph.Record{DOI: b, Title: "B " + b, Year: 2001, References: []graph.Reference{{DOI: a}}})
	}
	return recs
}

// TestWriteCyclesSummary (issue 16 item 6): one cycle of 50,000 works was
// one line of about 1.18 MB on stderr; here 20,000 (a line of 460 kB
// before). The summary shows 5 groups, 10 keys of each, and counts the
// rest; matching.json lists them all (TestMatchingCycles).
func TestWriteCyclesSummary(t *testing.T) {
	g := graph.Build(cycleCorpus(20000, 7))
	var buf bytes.Buffer
	output.WriteCycles(&buf, g)
	out := buf.String()
	if buf.Len() > 2000 {
		t.Errorf("the summary takes %d bytes", buf.Len())
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// 5 groups, "… and 3 more", the count: 1 + 7 groups, 20,000 + 14 works.
	want := []string{
		"citation cycle (check the merges and matches): doi:10.5555/c000000 doi:10.5555/c000001 doi:10.5555/c000002 doi:10.5555/c000003 doi:10.5555/c000004 doi:10.5555/c000005 doi:10.5555/c000006 doi:10.5555/c000007 doi:10.5555/c000008 doi:10.5555/c000009 … and 19990 more (20000 works)",
		"citation cycle (check the merges and matches): doi:10.5555/p00-a doi:10.5555/p00-b",
	}
	if len(lines) != 7 || lines[0] != want[0] || lines[1] != want[1] ||
		lines[5] != "… and 3 more citation cycles" ||
		lines[6] != "8 citation cycles, 20014 works in all: every one is listed in full as citation_cycles in matching.json (citegraph run writes it)" {
		t.Errorf("summary:\n%s", out)
	}

	// A small cycle prints as before, with nothing after it.
	buf.Reset()
	output.WriteCycles(&buf, graph.Build(cycleCorpus(0, 1)))
	if got := buf.String(); got != "citation cycle (check the merges and matches): doi:10.5555/p00-a doi:10.5555/p00-b\n" {
		t.Errorf("one cycle: %q", got)
	}
}

// TestMatchingCycles: matching.json's citation_cycles holds every group
// and every work the summary leaves out (12 groups, one of 15 works).
func TestMatchingCycles(t *testing.T) {
	recs := cycleCorpus(15, 11)
	g := graph.Build(recs)
	res := analysis.Run(g, analysis.Options{Seed: 1})
	var sink output.Memory
	if _, err := output.Write(context.Background(), &sink, output.NewInput(recs, g, res), output.Options{Render: "none"}); err != nil {
		t.Fatal(err)
	}
	b, _ := sink.Bytes("matching.json")
	var doc struct {
		CitationCycles [][]string `json:"citation_cycles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.CitationCycles) != 12 || len(doc.CitationCycles[0]) != 15 || len(doc.CitationCycles[11]) != 2 {
		t.Errorf("citation_cycles: %d groups, sizes %d … %d", len(doc.CitationCycles), len(doc.CitationCycles[0]), len(doc.CitationCycles[len(doc.CitationCycles)-1]))
	}
}

// TestSummaryBidi (issue 16 item 6): a title holding U+202E (right-to-left
// override) reached the terminal through run's summary and reversed the
// rest of the line; the summary shows the text as stored, without it.
func TestSummaryBidi(t *testing.T) {
	recs := []graph.Record{{DOI: "10.5555/a", Title: "@SUM(A1) \u202eevil", Year: 2002, Authors: []graph.Author{{Family: "Ev\u202eil"}}}}
	g := graph.Build(recs)
	in := output.NewInput(recs, g, analysis.Run(g, analysis.Options{Seed: 1}))
	var buf bytes.Buffer
	in.WriteSummary(&buf, output.Summary{Sources: 1, Records: 1, Top: 5})
	if strings.ContainsRune(buf.String(), '\u202e') || !strings.Contains(buf.String(), "@SUM(A1) evil") {
		t.Errorf("summary keeps the override or loses the title:\n%s", buf.String())
	}
}
