package report_test

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/report"
)

// TestThemeCiting: one citing record makes five statements about the one
// cited work of theme 1 (hand-written): two contrasting (sentiment
// confidences 0.62 and 0.91), one supporting, one mentioning, and one whose
// source gave "contrasting" as its intent with confidence 0.75 and no
// sentiment. The theme is cited by 5 statements, 1 (20%) supporting and 3
// (60%) contrasting; its most confidently contrasting are 0.91, 0.75, 0.62.
func TestThemeCiting(t *testing.T) {
	ref := graph.Reference{DOI: "10.1000/cited", Title: "The cited work", Year: 2001, Raw: "Cited 2001"}
	sts := []graph.Statement{
		{Text: "Low contrast [1].", Refs: []int{0}, Sentiment: "contrasting", SentimentConfidence: 0.62},
		{Text: "We agree with [1].", Refs: []int{0}, Sentiment: "supporting", SentimentConfidence: 0.8},
		{Text: "High contrast [1].", Refs: []int{0}, Sentiment: "contrasting", SentimentConfidence: 0.91},
		{Text: "Mentioned [1].", Refs: []int{0}, Sentiment: "mentioning", SentimentConfidence: 0.9},
		{Text: "Source says contrast [1].", Refs: []int{0}, Intent: "contrasting", Confidence: 0.75, ClassifiedBy: "source"},
	}
	g := graph.Build([]graph.Record{
		{DOI: "10.1000/citing", Title: "The citing work", Year: 2010, References: []graph.Reference{ref}, Statements: sts},
		{DOI: "10.1000/cited", Title: "The cited work", Year: 2001},
	})
	theme := make([]int, g.Len())
	for i, w := range g.Works() {
		if w.DOI != "10.1000/cited" {
			theme[i] = -1
		}
	}
	in := report.Input{Graph: g, Set: attr.Set{Label: dot.Label, Theme: theme, Themes: []attr.Theme{{Label: "cited"}}, Size: make([]float64, g.Len())}}
	md := string(writeMD(t, in))
	want := "5 citing statements: 1 \\(20%\\) supporting, 3 \\(60%\\) contrasting.\n\nMost confidently contrasting:\n\n" +
		"- High contrast \\[1\\]. (citing "
	i := strings.Index(md, want)
	if i < 0 {
		t.Fatalf("no theme citing line %q in\n%s", want, md)
	}
	rest := md[i:]
	hi, src, lo := strings.Index(rest, "confidence 0.91"), strings.Index(rest, "Source says contrast"), strings.Index(rest, "Low contrast")
	if hi < 0 || src < hi || lo < src || !strings.Contains(rest, "confidence 0.75") || !strings.Contains(rest, "confidence 0.62") {
		t.Errorf("contrasting statements out of order:\n%s", rest)
	}
	html := string(writeHTML(t, in))
	if !strings.Contains(html, "5 citing statements: 1 (20%) supporting, 3 (60%) contrasting.") || !strings.Contains(html, "High contrast [1]. <span class=\"tag\">(citing ") {
		t.Errorf("HTML lacks the theme's citing:\n%s", html)
	}
}
