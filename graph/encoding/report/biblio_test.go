package report_test

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/encoding/report"
)

// TestBibliometricsSection: the section's tables and charts appear in both
// forms, hostile cells escaped; without Bibliometrics the report is the
// golden one (TestGolden).
func TestBibliometricsSection(t *testing.T) {
	in := input()
	in.Bibliometrics = &report.Bibliometrics{
		Tables: []report.Table{{Title: "Most productive authors", Header: []string{"Author", "Documents"}, Numeric: []bool{false, true},
			Rows: [][]string{{"<script>alert(1)</script>", "3"}, {"SMITH | A", "2"}}}},
		Annual:      []report.YearDocs{{Year: 2000, Documents: 1}, {Year: 2001, Documents: 3}},
		GrowthPct:   200,
		AuthorYears: []report.AuthorYear{{Author: "<b>X</b>", Year: 2000, Documents: 1, Citations: 5}, {Author: "Y", Year: 2001, Documents: 2}},
		Bradford:    []report.BradfordSource{{Source: "J A", Rank: 1, Documents: 3, Zone: 1}, {Source: "J B", Rank: 2, Documents: 1, Zone: 3}},
		Lotka:       []report.LotkaPoint{{Documents: 1, Share: 0.7, Fitted: 0.68}, {Documents: 2, Share: 0.3, Fitted: 0.17}},
		LotkaBeta:   2, LotkaR2: 0.9,
		Countries: []report.CountryCollab{{Country: "FRANCE", SCP: 2, MCP: 1}},
	}
	h := string(writeHTML(t, in))
	md := string(writeMD(t, in))
	if strings.Contains(h, "<script>") || strings.Contains(h, "<b>X") || strings.Contains(md, "<script>") {
		t.Error("a cell's markup reached the report")
	}
	for _, want := range []string{`<h2 id="bibliometrics">`, `id="chart-authors-over-time"`, `id="chart-countries"`, `<td class="n">3</td>`, "annual growth rate 200 %"} {
		if !strings.Contains(h, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	for _, want := range []string{"## Descriptive bibliometrics", "| Author | Documents |\n|---|---:|", `| SMITH \| A | 2 |`, "(report-lotka.svg)"} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	charts, err := report.Charts(in)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, " "); !strings.HasSuffix(got, "annual-production authors-over-time bradford lotka countries") {
		t.Errorf("charts = %s", got)
	}
}
