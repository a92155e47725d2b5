package intent

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestMinConfidence: hand-written statements and what --min-confidence 0.5
// must leave of them (#15).
func TestMinConfidence(t *testing.T) {
	recs := []graph.Record{{
		Statements: []graph.Statement{
			// The model's supporting at 0.31 goes; its method at 0.8 stays
			// and becomes the intent.
			{Intent: Supporting, Confidence: 0.31, ClassifiedBy: ModelName, Function: Method, FunctionConfidence: 0.8, Sentiment: Supporting, SentimentConfidence: 0.31},
			// Both heads below: unclassified.
			{Intent: Background, Confidence: 0.45, ClassifiedBy: ModelName, Function: Background, FunctionConfidence: 0.45, Sentiment: Mentioning, SentimentConfidence: 0.4},
			// A source's contrasting at 0.3 stays; the model's function at
			// 0.4 goes.
			{Intent: Contrasting, Confidence: 0.3, ClassifiedBy: BySource, Function: Result, FunctionConfidence: 0.4, Sentiment: Contrasting, SentimentConfidence: 0.3},
		},
		CitedBy: []graph.CitingStatement{
			// Semantic Scholar's methodology without a confidence stays; the
			// model's mentioning at 0.49 goes.
			{Intent: "methodology", ClassifiedBy: BySource, Function: Method, Sentiment: Mentioning, SentimentConfidence: 0.49},
		},
	}}
	if n := MinConfidence(recs, nil, 0.5); n != 5 {
		t.Errorf("cleared %d heads, want 5", n)
	}
	st := recs[0].Statements
	if s := st[0]; s.Intent != Method || s.Confidence != 0.8 || s.ClassifiedBy != ModelName || s.Sentiment != "" || s.Function != Method {
		t.Errorf("statement 0: %+v", s)
	}
	if s := st[1]; s.Intent != "" || s.Confidence != 0 || s.ClassifiedBy != "" || s.Function != "" || s.Sentiment != "" {
		t.Errorf("statement 1: %+v", s)
	}
	if s := st[2]; s.Intent != Contrasting || s.Confidence != 0.3 || s.ClassifiedBy != BySource || s.Sentiment != Contrasting || s.Function != "" {
		t.Errorf("statement 2: %+v", s)
	}
	if s := recs[0].CitedBy[0]; s.Intent != "methodology" || s.Function != Method || s.Sentiment != "" {
		t.Errorf("cited-by statement: %+v", s)
	}
	if n := MinConfidence(recs, nil, 0); n != 0 {
		t.Errorf("min 0 cleared %d heads", n)
	}
}

// TestMinConfidenceGraph: the statements on the graph's citations are
// filtered as the records' are.
func TestMinConfidenceGraph(t *testing.T) {
	g := graph.Build([]graph.Record{{
		DOI: "10.1000/a", Title: "Citing", Year: 2010,
		References: []graph.Reference{{DOI: "10.1000/b", Title: "Cited", Year: 2000, Raw: "Cited 2000"}},
		Statements: []graph.Statement{{Text: "We used [1].", Refs: []int{0}, Intent: Method, Confidence: 0.45, ClassifiedBy: ModelName,
			Function: Method, FunctionConfidence: 0.45, Sentiment: Mentioning, SentimentConfidence: 0.9}},
	}})
	MinConfidence(nil, g, 0.5)
	var got []graph.EdgeStatement
	for _, e := range g.Edges(graph.Cites) {
		got = append(got, e.Statements...)
	}
	if len(got) != 1 || got[0].Intent != Mentioning || got[0].Confidence != 0.9 || got[0].Function != "" || got[0].Sentiment != Mentioning || got[0].ClassifiedBy != ModelName {
		t.Errorf("edge statements %+v", got)
	}
}
