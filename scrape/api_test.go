package scrape

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// The citation-index answers of issue 4, read through the default
// registry: each file must be detected as its own format among all that
// citegraph knows, and give the records its reader's own tests pin. The
// files are those copied into the readers' testdata (see their README).

type apiFile struct {
	path    string // under scrape/
	format  string
	records int
}

var apiFiles = []apiFile{
	{"crossref/testdata/crossref_work_10.1007_978-3-030-64953-1_4.json", "crossref-api", 1},
	{"crossref/testdata/crossref_work_10.1016_j.neurobiolaging.2010.03.024.json", "crossref-api", 1},
	{"crossref/testdata/crossref_work_10.1017_s1047951103000064.json", "crossref-api", 1},
	{"crossref/testdata/crossref_work_10.1038_srep16696.json", "crossref-api", 1},
	{"crossref/testdata/crossref_work_10.7554_elife.01567.json", "crossref-api", 1}, // a bare work, no envelope
	{"crossref/testdata/crossref_works_list_3items.json", "crossref-api", 3},
	{"crossref/testdata/csljson_crossref_transform_10.1126_science.169.3946.635.json", "csljson", 1}, // Crossref's CSL-JSON is not a REST answer
	{"openalex/testdata/openalex_work_W2741809807_peerj.4375.json", "openalex-api", 1},
	{"openalex/testdata/openalex_works_list_page1_2works_cursor.json", "openalex-api", 2},
	{"openalex/testdata/openalex_works_list_page2_empty_end_of_cursor.json", "openalex-api", 0},
	{"opencitations/testdata/coci_citations_quoted_6rows.csv", "opencitations", 5},
	{"opencitations/testdata/coci_style_citations_emerald_jd-12-2013-0166.csv", "opencitations", 2},
	{"opencitations/testdata/croci_citations_with_day_precision_timespans.csv", "opencitations", 1},
	{"semanticscholar/testdata/s2-graph-api_Citation-with-contexts-intents.json", "semanticscholar-api", 1},
	{"semanticscholar/testdata/s2-graph-api_Reference-with-contexts-intents.json", "semanticscholar-api", 1},
	{"semanticscholar/testdata/s2_citation_object_with_contexts_intents.json", "semanticscholar-api", 1},
	{"semanticscholar/testdata/s2_paper_turing1950_with_1000_citations.json", "semanticscholar-api", 1001},
	{"sciteapi/testdata/scite_section_tallies_nature10167_from_scite_extension_tests.json", "scite-api", 1},
	{"sciteapi/testdata/scite_tallies_batch_3dois_from_scite_extension_tests.json", "scite-api", 3},
	{"cassette/testdata/crossref_vcr_cassette_works_5_dois.yaml", "vcr-cassette", 5},
	{"cassette/testdata/s2_vcr_cassette_paper_references.yaml", "vcr-cassette", 2},
}

func TestAPIDetection(t *testing.T) {
	reg := Default()
	for _, f := range apiFiles {
		t.Run(filepath.Base(f.path), func(t *testing.T) {
			recs, err := reg.ExtractFile(context.Background(), f.path, "")
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if len(recs) != f.records {
				t.Errorf("%d records, want %d", len(recs), f.records)
			}
			for _, r := range recs {
				if r.Source.Format != f.format || r.Source.Path != f.path || r.ID == "" {
					t.Fatalf("record source %+v, id %q; want format %s", r.Source, r.ID, f.format)
				}
			}
			// The same file named explicitly reads the same.
			again, err := reg.ExtractFile(context.Background(), f.path, f.format)
			if err != nil || len(again) != len(recs) {
				t.Errorf("--format %s: %d records, %v", f.format, len(again), err)
			}
		})
	}
}

// TestAPIErrors checks that a broken answer is an *Error naming the file
// and the place, with the records before it kept.
func TestAPIErrors(t *testing.T) {
	b, err := os.ReadFile("crossref/testdata/crossref_works_list_3items.json")
	if err != nil {
		t.Fatal(err)
	}
	cut := b[:bytes.Index(b, []byte(`"DOI":"10.1007\/s10107-009-0306-5"`))] // inside the third work
	recs, err := Default().Extract(context.Background(), "cut.json", bytes.NewReader(cut), "")
	var se *Error
	if !errors.As(err, &se) || se.Path != "cut.json" || se.Format != "crossref-api" || se.Line != 1 || se.Col != len(cut)+1 {
		t.Errorf("error %#v", err)
	}
	if len(recs) != 2 {
		t.Errorf("%d records before the cut, want 2", len(recs))
	}
	// An answer of another kind forced into a format says so.
	_, err = Default().ExtractFile(context.Background(), "openalex/testdata/openalex_work_W2741809807_peerj.4375.json", "crossref-api")
	if err == nil || !strings.Contains(err.Error(), "crossref: not an answer with works") {
		t.Errorf("forced format: %v", err)
	}
}

func citesEdges(g *graph.Graph, fromDOI string) []*graph.Edge {
	var out []*graph.Edge
	for _, e := range g.Edges(graph.Cites) {
		if e.F.DOI == fromDOI {
			out = append(out, e)
		}
	}
	return out
}

// TestAPIBuild checks that graph.Build turns the answers into citations:
// a Crossref work's reference list and COCI rows into Cites edges, and
// Semantic Scholar's contexts into statements on the edges.
func TestAPIBuild(t *testing.T) {
	reg := Default()
	var recs []graph.Record
	for _, p := range []string{
		"crossref/testdata/crossref_work_10.7554_elife.01567.json",
		"opencitations/testdata/croci_citations_with_day_precision_timespans.csv",
	} {
		rs, err := reg.ExtractFile(context.Background(), p, "")
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rs...)
	}
	g := graph.Build(recs)
	// eLife 01567 has 27 references, each with a DOI (jq '.reference | map(select(.DOI)) | length').
	es := citesEdges(g, "10.7554/elife.01567")
	if len(es) != 27 {
		t.Errorf("%d Cites edges from the eLife work, want 27", len(es))
	}
	for _, e := range es {
		if len(e.Links) != 1 || e.Links[0].Method != "new" && e.Links[0].Method != "doi" {
			t.Errorf("edge to %s: links %+v", e.T.Key, e.Links)
		}
	}
	if es := citesEdges(g, "10.1002/asi.20755"); len(es) != 13 {
		t.Errorf("%d Cites edges from the CROCI rows, want 13", len(es))
	}

	// A citations page of Semantic Scholar recorded with its request: the
	// Citation object of the semanticscholar client as the page's only
	// item, asked for the paper DOI:10.1109/IROS40897.2019.8967616.
	item, err := os.ReadFile("semanticscholar/testdata/s2_citation_object_with_contexts_intents.json")
	if err != nil {
		t.Fatal(err)
	}
	body := `{"offset":0,"data":[` + strings.TrimSpace(string(item)) + `]}`
	cassette := fmt.Sprintf("interactions:\n- request:\n    method: GET\n    uri: https://api.semanticscholar.org/graph/v1/paper/DOI:10.1109/IROS40897.2019.8967616/citations?fields=contexts,intents,isInfluential,title,externalIds\n  response:\n    status: {code: 200, message: OK}\n    body:\n      string: %q\n", body)
	rs, err := reg.Extract(context.Background(), "s2.yaml", strings.NewReader(cassette), "")
	if err != nil || len(rs) != 1 {
		t.Fatalf("S2 cassette: %d records, %v", len(rs), err)
	}
	g = graph.Build(append(rs, graph.Record{DOI: "10.1109/iros40897.2019.8967616", Title: "TossingBot", Year: 2019}))
	es = citesEdges(g, "10.1109/lra.2022.3229266")
	if len(es) != 1 || es[0].T.DOI != "10.1109/iros40897.2019.8967616" {
		t.Fatalf("Cites edges from the citing paper: %+v", es)
	}
	var intents []string
	for _, st := range es[0].Statements {
		intents = append(intents, st.Intent)
	}
	if got := strings.Join(intents, " "); got != "methodology,influential methodology,influential result,influential background,influential" {
		t.Errorf("statements on the edge: %q", got)
	}
}
