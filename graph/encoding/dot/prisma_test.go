package dot_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// TestWritePrisma: the diagram shows every count of the Prisma it is
// given, databases and indexes in name order, a database name with a quote
// and a backslash as written; GraphViz draws it without a warning.
func TestWritePrisma(t *testing.T) {
	p := graph.Prisma{
		Identified:      map[string]int{"Web of Science": 8, `CINAHL "Plus" \ EBSCO`: 3, "Embase": 2},
		IdentifiedTotal: 13, AfterDeduplication: 14, ChasingTotal: 5, NewSincePrevious: 4, ComparedWithPrevious: true,
		Chasing: map[string]map[string]int{"openalex": {"backward": 3, "forward": 1}, "crossref": {"backward": 1}},
	}
	p.DuplicatesRemoved.Automatic, p.DuplicatesRemoved.Decision = 3, 1
	var buf bytes.Buffer
	if err := dot.WritePrisma(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{
		`Records identified from databases (n = 13):\l    CINAHL \"Plus\" \\ EBSCO (n = 3)\l    Embase (n = 2)\l    Web of Science (n = 8)\l`,
		`Duplicate records removed (n = 4):\l        automatically (identifiers, titles) (n = 3)\l        by reviewers' decisions (n = 1)\l`,
		`Records screened (n = 14)\n(unique works after deduplication)\nnew since the previous run (n = 4)`,
		`Records identified from citation searching (n = 5):\l    crossref, backward (n = 1)\l    openalex, backward (n = 3)\l    openalex, forward (n = 1)\l`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("prisma.dot lacks %q:\n%s", want, text)
		}
	}
	if svg := render(t, text); svg != nil && !bytes.Contains(svg, []byte("CINAHL &quot;Plus&quot; \\ EBSCO (n = 3)")) {
		t.Errorf("the drawing does not show the database's name as written")
	}
}
