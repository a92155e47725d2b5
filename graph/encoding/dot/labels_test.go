package dot_test

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// TestFamilyCase: names as Web of Science's cited references write them
// (capitals only) get their usual case; names with a lower-case letter are
// kept (issue 13, item 1).
func TestFamilyCase(t *testing.T) {
	for in, want := range map[string]string{
		"GARFIELD":    "Garfield",
		"VAN ECK":     "van Eck",
		"O'BRIEN":     "O'Brien",
		"MCDONALD":    "McDonald",
		"SMITH-JONES": "Smith-Jones",
		"DE LA CRUZ":  "de la Cruz",
		"ÅSTRÖM":      "Åström",
		"van Eck":     "van Eck",
		"DiCaprio":    "DiCaprio",
		"X":           "X",
		"":            "",
		"VAN":         "Van",
	} {
		if got := dot.FamilyCase(in); got != want {
			t.Errorf("FamilyCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLabelsSuffixes: works sharing "Family Year" get a, b, c in the
// documented order (described works first, then by title, then Key);
// title labels are left alone; the WoS capitals are folded to one label.
func TestLabelsSuffixes(t *testing.T) {
	au := func(f string) []graph.Author { return []graph.Author{{Family: f, Given: "A"}} }
	g := graph.Build([]graph.Record{
		{DOI: "10.5555/1", Title: "Zebra studies", Year: 2015, Authors: au("Smith")},
		{DOI: "10.5555/2", Title: "Apple studies", Year: 2015, Authors: au("Smith")},
		{DOI: "10.5555/3", Title: "Only one", Year: 2016, Authors: au("Smith"),
			References: []graph.Reference{{Authors: []graph.Author{{Family: "GARFIELD", Given: "E"}}, Year: 1955, Title: "Citation indexes for science"}}},
		{DOI: "10.5555/4", Title: "A title with no author", Year: 2015},
		{DOI: "10.5555/5", Title: "A title with no author", Year: 2015},
	})
	labels := dot.Labels(g)
	got := map[string]string{}
	for _, w := range g.Works() {
		got[w.Key] = labels[w.ID()]
	}
	for key, want := range map[string]string{
		"doi:10.5555/2": "Smith 2015a", // "apple…" before "zebra…"
		"doi:10.5555/1": "Smith 2015b",
		"doi:10.5555/3": "Smith 2016",
		"doi:10.5555/4": "A title with no…",
		"doi:10.5555/5": "A title with no…",
	} {
		if got[key] != want {
			t.Errorf("%s labelled %q, want %q", key, got[key], want)
		}
	}
	found := false
	for _, l := range labels {
		found = found || l == "Garfield 1955"
	}
	if !found {
		t.Errorf("no label Garfield 1955 among %q", labels)
	}
}
