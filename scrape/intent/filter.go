package intent

import (
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// heads points at the intent fields every kind of statement carries.
type heads struct {
	intent, by, function, sentiment *string
	conf, fconf, sconf              *float64
}

// MinConfidence leaves unclassified every classification of citegraph's
// model below min (run's --min-confidence): a head (function or sentiment)
// whose calibrated confidence is below min becomes "", and a statement the
// model classified takes its Intent again from the heads that remain
// (Prediction2.Intent's folding: the sentiment when supporting or
// contrasting, else the function, else "mentioning"), or none. Intents and heads a source
// gave (ClassifiedBy "source") are kept whatever their confidence: their
// confidence is the source's, not calibrated here. Statements stay, with
// their text. It works on the records' statements and statements about
// them, and on the graph's citations and works when g is not nil, and
// returns how many heads it cleared. min ≤ 0 changes nothing.
func MinConfidence(recs []graph.Record, g *graph.Graph, min float64) int {
	if min <= 0 {
		return 0
	}
	n := 0
	for i := range recs {
		r := &recs[i]
		for j := range r.Statements {
			s := &r.Statements[j]
			n += heads{&s.Intent, &s.ClassifiedBy, &s.Function, &s.Sentiment, &s.Confidence, &s.FunctionConfidence, &s.SentimentConfidence}.filter(min)
		}
		n += filterCiting(r.CitedBy, min)
	}
	if g == nil {
		return n
	}
	for _, w := range g.Works() {
		filterCiting(w.CitedBy, min) // the records' statements, copied: counted above
	}
	for _, e := range g.Edges(graph.Cites) {
		for j := range e.Statements {
			s := &e.Statements[j]
			heads{&s.Intent, &s.ClassifiedBy, &s.Function, &s.Sentiment, &s.Confidence, &s.FunctionConfidence, &s.SentimentConfidence}.filter(min)
		}
	}
	return n
}

func filterCiting(sts []graph.CitingStatement, min float64) int {
	n := 0
	for j := range sts {
		s := &sts[j]
		n += heads{&s.Intent, &s.ClassifiedBy, &s.Function, &s.Sentiment, &s.Confidence, &s.FunctionConfidence, &s.SentimentConfidence}.filter(min)
	}
	return n
}

// filter applies MinConfidence to one statement.
func (h heads) filter(min float64) int {
	source := *h.by == BySource
	srcHead := -1 // the head the source's intent fills
	if source {
		first, _, _ := strings.Cut(*h.intent, ",")
		switch first = strings.ToLower(strings.TrimSpace(first)); first {
		case Supporting, Contrasting, Mentioning:
			srcHead = 1
		default:
			if FromSemanticScholar(first) != "" {
				srcHead = 0
			}
		}
	}
	n := 0
	if srcHead != 0 && *h.function != "" && *h.fconf < min {
		*h.function, *h.fconf = "", 0
		n++
	}
	if srcHead != 1 && *h.sentiment != "" && *h.sconf < min {
		*h.sentiment, *h.sconf = "", 0
		n++
	}
	if *h.by != ModelName {
		return n
	}
	p := Prediction2{Function: *h.function, FunctionConfidence: *h.fconf, Sentiment: *h.sentiment, SentimentConfidence: *h.sconf}
	switch {
	case p.Sentiment == Supporting || p.Sentiment == Contrasting:
		*h.intent, *h.conf = p.Sentiment, p.SentimentConfidence
	case p.Function != "":
		*h.intent, *h.conf = p.Function, p.FunctionConfidence
	case p.Sentiment != "":
		*h.intent, *h.conf = p.Sentiment, p.SentimentConfidence
	default:
		*h.intent, *h.conf, *h.by = "", 0, ""
	}
	return n
}
