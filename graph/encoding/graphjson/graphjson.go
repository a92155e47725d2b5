package graphjson

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/attr"
)

// Version is the document's format version.
const Version = 1

type document struct {
	Format      string       `json:"format"`
	Version     int          `json:"version"`
	Generator   string       `json:"generator,omitempty"` // the program that wrote the file (attr.Set.Generator)
	Report      graph.Report `json:"report"`
	NodeColumns []column     `json:"node_columns"`
	EdgeColumns []column     `json:"edge_columns"`
	Themes      []theme      `json:"themes"`
	Nodes       []node       `json:"nodes"`
	Edges       []edge       `json:"edges"`
}

type column struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Type  string `json:"type"`
}

type theme struct {
	Theme int      `json:"theme"`
	Title string   `json:"title"`
	Label string   `json:"label"`
	Terms []string `json:"terms"`
	Size  int      `json:"size"`
	Top   []string `json:"top"`
}

type source struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Line   int    `json:"line,omitempty"`
}

type node struct {
	ID          int64             `json:"id"`
	Key         string            `json:"key"`
	Kind        string            `json:"kind"`
	Label       string            `json:"label"`
	Title       string            `json:"title"`
	Authors     []string          `json:"authors"`
	Year        int               `json:"year"`
	Venue       string            `json:"venue"`
	Volume      string            `json:"volume,omitempty"`
	Issue       string            `json:"issue,omitempty"`
	Pages       string            `json:"pages,omitempty"`
	DOI         string            `json:"doi"`
	Publisher   string            `json:"publisher,omitempty"`
	Abstract    string            `json:"abstract,omitempty"`
	Identifiers map[string]string `json:"identifiers,omitempty"`
	Mentions    []string          `json:"mentions,omitempty"`
	Theme       int               `json:"theme"`
	Statements  int               `json:"statements"`
	Supporting  int               `json:"supporting"`
	Mentioning  int               `json:"mentioning"`
	Contrasting int               `json:"contrasting"`
	OtherIntent int               `json:"other_intent"`
	Sources     []source          `json:"sources"`
	Attrs       map[string]any    `json:"attrs"`
}

type statement struct {
	Text       string  `json:"text"`
	Section    string  `json:"section,omitempty"`
	Intent     string  `json:"intent,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Source     source  `json:"source"`

	ClassifiedBy        string  `json:"classified_by,omitempty"`
	Function            string  `json:"function,omitempty"`
	FunctionConfidence  float64 `json:"function_confidence,omitempty"`
	Sentiment           string  `json:"sentiment,omitempty"`
	SentimentConfidence float64 `json:"sentiment_confidence,omitempty"`
}

type edge struct {
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Kind       string         `json:"kind"`
	Weight     int            `json:"weight"`
	Method     string         `json:"method,omitempty"`
	Statements []statement    `json:"statements"`
	Sources    []source       `json:"sources"`
	Attrs      map[string]any `json:"attrs"`
}

// Write writes g with the values of s as one JSON document followed by a
// newline. It returns an error, before writing anything, when s does not
// fit g, and otherwise the first error of w. The document is built in
// memory: cost is O(V + E + statements).
func Write(w io.Writer, g *graph.Graph, s attr.Set) error {
	if err := s.Check(g); err != nil {
		return fmt.Errorf("graphjson: %w", err)
	}
	works := g.Works()
	d := document{Format: "citegraph-graph", Version: Version, Generator: s.Generator, Report: g.Report(),
		NodeColumns: columns(s.Node), EdgeColumns: columns(s.Cites), Themes: []theme{}}
	if d.Report.Conflicts == nil {
		d.Report.Conflicts = []string{}
	}
	sizes := make([]int, s.ThemeCount())
	for id := range works {
		if t := s.ThemeOf(int64(id)); t >= 0 {
			sizes[t]++
		}
	}
	for t := range sizes {
		th := theme{Theme: t + 1, Title: s.ThemeTitle(t), Terms: []string{}, Size: sizes[t], Top: []string{}}
		if t < len(s.Themes) {
			th.Label = attr.Clean(s.Themes[t].Label)
			for _, term := range s.Themes[t].Terms {
				th.Terms = append(th.Terms, attr.Clean(term))
			}
			for _, id := range s.Themes[t].Top {
				if id >= 0 && int(id) < len(works) {
					th.Top = append(th.Top, works[id].Key)
				}
			}
		}
		d.Themes = append(d.Themes, th)
	}
	intents := attr.WorkIntents(g)
	for i, wk := range works {
		n := node{ID: wk.ID(), Key: wk.Key, Kind: wk.Kind.String(), Label: s.LabelOf(wk), Title: attr.Clean(wk.Title),
			Authors: []string{}, Year: wk.Year, Venue: attr.Clean(wk.Venue), Volume: attr.Clean(wk.Volume),
			Issue: attr.Clean(wk.Issue), Pages: attr.Clean(wk.Pages), DOI: wk.DOI, Publisher: attr.Clean(wk.Publisher),
			Abstract: attr.Clean(wk.Abstract), Theme: s.ThemeOf(int64(i)) + 1, Sources: sources(wk.Sources),
			Attrs: values(s.Node, i)}
		for _, a := range wk.Authors {
			n.Authors = append(n.Authors, attr.Clean(a.String()))
		}
		if len(wk.Identifiers) > 0 {
			n.Identifiers = map[string]string{}
			for k, v := range wk.Identifiers {
				n.Identifiers[attr.Clean(k)] = attr.Clean(v)
			}
		}
		for _, m := range wk.Mentions {
			n.Mentions = append(n.Mentions, attr.Clean(m))
		}
		c := intents[i]
		n.Statements, n.Supporting, n.Mentioning, n.Contrasting, n.OtherIntent = c.Statements, c.Supporting, c.Mentioning, c.Contrasting, c.Other
		d.Nodes = append(d.Nodes, n)
	}
	edges, cite := attr.AllEdges(g)
	for i, e := range edges {
		out := edge{Source: e.F.Key, Target: e.T.Key, Kind: e.Kind.String(), Weight: e.N, Method: attr.Clean(e.Method),
			Statements: []statement{}, Sources: sources(e.Sources), Attrs: map[string]any{}}
		for _, st := range e.Statements {
			out.Statements = append(out.Statements, statement{Text: attr.Clean(st.Text), Section: attr.Clean(st.Section),
				Intent: attr.Clean(st.Intent), Confidence: finite(st.Confidence), Source: source{attr.Clean(st.Source.Path), attr.Clean(st.Source.Format), st.Source.Line},
				ClassifiedBy: attr.Clean(st.ClassifiedBy), Function: attr.Clean(st.Function), FunctionConfidence: finite(st.FunctionConfidence),
				Sentiment: attr.Clean(st.Polarity()), SentimentConfidence: finite(st.SentimentConfidence)})
		}
		if cite[i] >= 0 {
			out.Attrs = values(s.Cites, cite[i])
		}
		d.Edges = append(d.Edges, out)
	}
	if d.Nodes == nil {
		d.Nodes = []node{}
	}
	if d.Edges == nil {
		d.Edges = []edge{}
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", " ")
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("graphjson: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graphjson: %w", err)
	}
	return nil
}

func columns(cs []attr.Column) []column {
	out := []column{}
	for _, c := range cs {
		out = append(out, column{Name: c.Name, Title: attr.Clean(c.Heading()), Type: c.Type.String()})
	}
	return out
}

func sources(ss []graph.Source) []source {
	out := []source{}
	for _, s := range ss {
		out = append(out, source{attr.Clean(s.Path), attr.Clean(s.Format), s.Line})
	}
	return out
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// values returns row i of the columns by name; a float JSON cannot hold is
// nil, a missing value left out.
func values(cols []attr.Column, i int) map[string]any {
	m := map[string]any{}
	for _, c := range cols {
		if !c.Has(i) {
			continue
		}
		switch c.Type {
		case attr.Int:
			m[c.Name] = c.Ints[i]
		case attr.Float:
			if x := c.Floats[i]; math.IsNaN(x) || math.IsInf(x, 0) {
				m[c.Name] = nil
			} else {
				m[c.Name] = x
			}
		case attr.Bool:
			m[c.Name] = c.Bools[i]
		default:
			m[c.Name] = attr.Clean(c.Strings[i])
		}
	}
	return m
}
