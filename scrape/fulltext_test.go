package scrape

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// The full-text readers' testdata (copied unchanged from the shared data;
// see each package's testdata/README.md) read through the registry, as
// `citegraph extract` reads them: the format detected from the content, one
// work per file with its references and statements.
var fulltextFiles = []struct {
	path, format string
	refs, stmts  int
	doi          string
}{
	{"jats/testdata/elife_eLife.59222_yeast-centrosome.xml", "jats", 94, 103, "10.7554/elife.59222"},
	{"jats/testdata/europepmc_PMC13248948_mentalizing-attachment-adoption.xml", "jats", 44, 37, "10.1002/pmh.70084"},
	{"jats/testdata/plos_pmed.1001473_stroke-treatment-burden-qualitative-review.xml", "jats", 134, 155, "10.1371/journal.pmed.1001473"},
	{"jats/testdata/pmc-nxml_BMC-OralHealth_1472-6831-8-11_OHIP-NL-validation.nxml", "jats", 31, 32, "10.1186/1472-6831-8-11"},
	{"tei/testdata/grobid-0.6.1_small-fiber-neuropathy-ChinMedJ_0f318087.tei.xml", "tei", 27, 26, "10.4103/0366-6999.209897"},
	{"tei/testdata/grobid-0.6.1_SPECTER_2020.acl-main.207.tei.xml", "tei", 57, 45, ""},
	{"s2orc/testdata/s2orc-20190928_postmortem-muscle-protein_10045593.json", "s2orc", 36, 36, "10.1007/s00414-016-1349-9"},
	{"s2orc/testdata/s2orc-doc2json_SPECTER_2020.acl-main.207.json", "s2orc", 54, 45, ""},
	{"htmlmeta/testdata/springernature_nature_s41586-021-03819-2_alphafold.html", "htmlmeta", 84, 47, "10.1038/s41586-021-03819-2"},
	{"htmlmeta/testdata/first_monday_ojs3_hiv_surveillance.html", "htmlmeta", 0, 0, "10.5210/fm.v25i10.10274"},
	{"htmlmeta/testdata/nature_news_d41586-020-02610-z.html", "htmlmeta", 1, 1, "10.1038/d41586-020-02610-z"},
}

func TestFullTextThroughRegistry(t *testing.T) {
	reg := Default()
	for _, w := range fulltextFiles {
		recs, err := reg.ExtractFile(context.Background(), w.path, "")
		if err != nil {
			t.Errorf("%s: %v", w.path, err)
			continue
		}
		if len(recs) != 1 {
			t.Errorf("%s: %d records", w.path, len(recs))
			continue
		}
		r := recs[0]
		if r.Source.Format != w.format || r.Source.Path != w.path || r.DOI != w.doi {
			t.Errorf("%s: format %q path %q doi %q", w.path, r.Source.Format, r.Source.Path, r.DOI)
		}
		if len(r.References) != w.refs || len(r.Statements) != w.stmts {
			t.Errorf("%s: %d references, %d statements; want %d, %d", w.path, len(r.References), len(r.Statements), w.refs, w.stmts)
		}
		b, err := graph.MarshalRecordJSON(&r)
		if err != nil || !strings.Contains(string(b), `"statements":[`) {
			t.Errorf("%s: JSON %v", w.path, err)
		}
	}
}

// TestFullTextErrors: a truncated JATS file is reported as path:line:col
// by the registry; a page without scholarly metadata is not read as an
// empty work.
func TestFullTextErrors(t *testing.T) {
	raw, err := os.ReadFile("jats/testdata/plos_pmed.1001186_health-systems-policy-guidance.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := raw[:len(raw)/2]
	dir := t.TempDir()
	path := filepath.Join(dir, "cut.xml")
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	recs, err := Default().ExtractFile(context.Background(), path, "")
	var se *Error
	if !errors.As(err, &se) || se.Format != "jats" || se.Line != strings.Count(string(cut), "\n")+1 || se.Col == 0 {
		t.Errorf("truncated: %v", err)
	}
	if len(recs) != 1 || recs[0].Title == "" {
		t.Errorf("truncated: the article read so far is lost: %d records", len(recs))
	}
	if !strings.HasPrefix(err.Error(), "scrape: "+path+":") || !strings.Contains(err.Error(), ": jats: malformed XML: unexpected end of file") {
		t.Errorf("message %q", err)
	}

	page := `<!DOCTYPE html><html><head><title>Cats</title><meta property="og:title" content="Cats"></head><body><p>Cats.</p></body></html>`
	recs, err = Default().Extract(context.Background(), "cats.html", strings.NewReader(page), "")
	if !errors.Is(err, ErrUnsupportedFormat) || len(recs) != 0 {
		t.Errorf("page without metadata: %d records, %v", len(recs), err)
	}
	recs, err = Default().Extract(context.Background(), "cats.html", strings.NewReader(page), "htmlmeta")
	if err == nil || !strings.Contains(err.Error(), "no scholarly metadata") || len(recs) != 0 {
		t.Errorf("page without metadata, --format htmlmeta: %d records, %v", len(recs), err)
	}
}

// TestFullTextGraph: graph.Build turns a JATS record into Cites edges from
// the article to its references, each edge carrying the statements that
// cite that reference.
func TestFullTextGraph(t *testing.T) {
	recs, err := Default().ExtractFile(context.Background(), "jats/testdata/pmc-nxml_IntJBehavMed_e-health-intervention-characteristics.xml", "")
	if err != nil || len(recs) != 1 {
		t.Fatal(err)
	}
	r := recs[0]
	// What each reference should carry: the statements listing it.
	want := map[string]int{}
	for _, st := range r.Statements {
		for _, i := range st.Refs {
			want[r.References[i].DOI+"|"+r.References[i].Title]++
		}
	}
	g := graph.Build(recs)
	edges := g.Edges(graph.Cites)
	if len(edges) != len(r.References) {
		t.Fatalf("%d cites edges, want one per reference (%d)", len(edges), len(r.References))
	}
	withStatements := 0
	for _, e := range edges {
		if e.F.DOI != r.DOI {
			t.Errorf("edge from %q", e.F.DOI)
		}
		if len(e.Statements) > 0 {
			withStatements++
		}
		for _, st := range e.Statements {
			if st.Text == "" || st.Intent == "" || st.Section == "" {
				t.Errorf("edge statement %+v", st)
			}
		}
	}
	// All 11 references are cited in the text (xmllint: 11 distinct rids).
	if withStatements != 11 {
		t.Errorf("%d edges carry statements, want 11", withStatements)
	}
	total := 0
	for _, n := range want {
		total += n
	}
	got := 0
	for _, e := range edges {
		got += len(e.Statements)
	}
	if got != total {
		t.Errorf("edges carry %d statements, the record gives %d (statement × reference)", got, total)
	}
}
