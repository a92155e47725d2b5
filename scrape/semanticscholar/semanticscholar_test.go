package semanticscholar

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

func decode(t *testing.T, r io.Reader, opt Options) ([]graph.Record, error) {
	t.Helper()
	return readertest.Collect(with(opt), r)
}

// with is Decode with its options bound.
func with(opt Options) readertest.Decoder {
	return func(ctx context.Context, r io.Reader, emit func(graph.Record) error) error {
		return Decode(ctx, r, opt, emit)
	}
}

func decodeFile(t *testing.T, name string, opt Options) []graph.Record {
	t.Helper()
	recs, err := readertest.CollectFile(t, with(opt), name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

// TestPaperWithCitations reads the Turing 1950 paper object with its 1,000
// citations and 14 references. Expected numbers from jq:
//
//	jq -c '[.externalIds.DOI, (.authors|length), .year, (.references|length),
//	  ([.references[]|select(.externalIds.DOI)]|length), (.citations|length),
//	  ([.citations[]|select(.externalIds.DOI)]|length),
//	  ([.citations[]|.authors|length]|add), ([.citations[]|select(.year)]|length)]'
//
// gives ["10.1093/MIND/LIX.236.433",1,1950,14,8,1000,972,3389,1000].
func TestPaperWithCitations(t *testing.T) {
	recs := decodeFile(t, "s2_paper_turing1950_with_1000_citations.json", Options{})
	if len(recs) != 1001 {
		t.Fatalf("%d records, want 1001: the paper and the 1000 papers citing it", len(recs))
	}
	p := recs[0]
	refDOIs := 0
	for _, r := range p.References {
		if r.DOI != "" {
			refDOIs++
		}
	}
	if p.DOI != "10.1093/mind/lix.236.433" || p.Title != "Computing Machinery and Intelligence" || p.Year != 1950 ||
		len(p.Authors) != 1 || p.Authors[0].String() != "Turing, A." || len(p.References) != 14 || refDOIs != 8 ||
		p.Venue != "Mind" || p.Volume != "LIX" || p.Pages != "433-460" || *p.CitedByCount != 10059 ||
		p.Identifiers[graph.IDS2] != "2d5673caa9e6af3a7b82a43f19ee920992db07ad" || p.Identifiers[graph.IDCorpusID] != "14636783" ||
		p.Identifiers[graph.IDMAG] != "2145482038" || p.Type != "article-journal" || p.Date != "1950-10-01" {
		t.Errorf("paper = %+v", p)
	}
	dois, authors, years := 0, 0, 0
	for _, c := range recs[1:] {
		if c.DOI != "" {
			dois++
		}
		authors += len(c.Authors)
		if c.Year != 0 {
			years++
		}
		if len(c.References) != 1 || c.References[0].DOI != p.DOI || c.References[0].Identifiers[graph.IDS2] != p.Identifiers[graph.IDS2] {
			t.Fatalf("citing paper %q: references %+v, want the Turing paper alone", c.Title, c.References)
		}
	}
	if dois != 972 || authors != 3389 || years != 1000 {
		t.Errorf("citing papers: %d DOIs, %d authors, %d years; want 972, 3389, 1000", dois, authors, years)
	}
}

// TestCitationObject reads one citation with four contexts, each with its
// intent in contextsWithIntent (Citation.json of the semanticscholar
// Python client; the file is there twice under two names).
func TestCitationObject(t *testing.T) {
	cited := &graph.Reference{DOI: "10.1109/iros40897.2019.8967616"}
	for _, name := range []string{"s2-graph-api_Citation-with-contexts-intents.json", "s2_citation_object_with_contexts_intents.json"} {
		t.Run(name, func(t *testing.T) {
			// Saved without its request: the cited paper is unknown.
			recs := decodeFile(t, name, Options{})
			if len(recs) != 1 {
				t.Fatalf("%d records", len(recs))
			}
			r := recs[0]
			if r.DOI != "10.1109/lra.2022.3229266" || len(r.Authors) != 3 || r.Year != 2023 || len(r.References) != 0 {
				t.Errorf("citing paper %s, %d authors, %d, %d references", r.DOI, len(r.Authors), r.Year, len(r.References))
			}
			want := []string{"methodology,influential", "methodology,influential", "result,influential", "background,influential"}
			if len(r.Statements) != 4 {
				t.Fatalf("%d statements, want 4", len(r.Statements))
			}
			for i, st := range r.Statements {
				if st.Intent != want[i] || st.ClassifiedBy != "source" || len(st.Refs) != 0 {
					t.Errorf("statement %d: intent %q by %q refs %v", i, st.Intent, st.ClassifiedBy, st.Refs)
				}
			}
			if !strings.HasPrefix(r.Statements[0].Text, "RP is implemented by fixing the release position") {
				t.Errorf("first context %q", r.Statements[0].Text)
			}
			if m := r.Statements[0].Mentions; len(m) != 1 || m[0].Number != 4 {
				t.Errorf("mentions of the first context: %+v, want [4]", m)
			}

			// With the request's paper: one reference, every statement on it.
			recs = decodeFile(t, name, Options{Paper: cited})
			r = recs[0]
			if len(r.References) != 1 || r.References[0].DOI != cited.DOI {
				t.Fatalf("references %+v", r.References)
			}
			for i, st := range r.Statements {
				if len(st.Refs) != 1 || st.Refs[0] != 0 {
					t.Errorf("statement %d refs %v, want [0]", i, st.Refs)
				}
			}
		})
	}
}

// TestReferenceObject reads one reference with its context: without the
// citing paper, the cited paper with a statement about it by a work the
// answer does not name; with it, the citing paper's record with the
// reference and the statement.
func TestReferenceObject(t *testing.T) {
	const name = "s2-graph-api_Reference-with-contexts-intents.json"
	recs := decodeFile(t, name, Options{})
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	r := recs[0]
	if r.DOI != "" || r.Identifiers[graph.IDArXiv] != "1402.0030" || r.Identifiers[graph.IDCorpusID] != "1981188" ||
		len(r.Authors) != 2 || r.Year != 2014 || r.Type != "paper-conference" {
		t.Errorf("cited paper = %+v", r)
	}
	if len(r.CitedBy) != 1 || r.CitedBy[0].Intent != "background" || r.CitedBy[0].Citing != nil ||
		!strings.HasPrefix(r.CitedBy[0].Text, "Directed generative models") {
		t.Errorf("cited_by = %+v", r.CitedBy)
	}

	citing := &graph.Reference{Identifiers: map[string]string{graph.IDCorpusID: "12345"}}
	recs = decodeFile(t, name, Options{Paper: citing})
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	r = recs[0]
	if r.Identifiers[graph.IDCorpusID] != "12345" || len(r.References) != 1 || r.References[0].Identifiers[graph.IDArXiv] != "1402.0030" ||
		len(r.Statements) != 1 || r.Statements[0].Refs[0] != 0 || r.Statements[0].Intent != "background" {
		t.Errorf("citing paper = %+v", r)
	}
}

// TestPages reads pages of citations, references and papers as the
// Graph API writes them (shapes from its documentation).
func TestPages(t *testing.T) {
	citations := `{"offset":0,"next":2,"data":[
{"contexts":["as in [4]."],"intents":["methodology"],"isInfluential":false,"citingPaper":{"paperId":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","title":"A","externalIds":{"DOI":"10.1/A"}}},
{"contexts":[],"intents":[],"isInfluential":false,"citingPaper":{"paperId":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","title":"B"}},
{"contexts":[],"citingPaper":{"paperId":null,"title":null}}
]}`
	cited := graph.Reference{DOI: "10.1/cited"}
	recs, err := decode(t, strings.NewReader(citations), Options{Paper: &cited})
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	if recs[0].DOI != "10.1/a" || recs[0].Source.Line != 2 || len(recs[0].Statements) != 1 || recs[1].Source.Line != 3 ||
		len(recs[1].Statements) != 0 || len(recs[1].References) != 1 || recs[1].References[0].DOI != "10.1/cited" {
		t.Errorf("citations page: %+v", recs)
	}

	refs := `{"offset":0,"data":[{"contexts":["x (Smith 2001)."],"intents":["background"],"isInfluential":true,"citedPaper":{"paperId":"cccccccccccccccccccccccccccccccccccccccc","title":"C","year":2001,"authors":[{"name":"J. Smith"}]}},{"contexts":[],"citedPaper":{"paperId":null,"title":"D"}}]}`
	citing := graph.Reference{DOI: "10.1/citing"}
	recs, err = decode(t, strings.NewReader(refs), Options{Paper: &citing})
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	r := recs[0]
	if r.DOI != "10.1/citing" || len(r.References) != 2 || r.References[1].Title != "D" || len(r.Statements) != 1 ||
		r.Statements[0].Intent != "background,influential" || r.Statements[0].Refs[0] != 0 {
		t.Errorf("references page: %+v", r)
	}

	search := `{"total":2,"offset":0,"next":2,"data":[{"paperId":"dddddddddddddddddddddddddddddddddddddddd","title":"E"},{"paperId":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee","title":"F"}]}`
	batch := `[{"paperId":"dddddddddddddddddddddddddddddddddddddddd","title":"E"},null,{"paperId":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee","title":"F"}]`
	recommended := `{"recommendedPapers":[{"paperId":"dddddddddddddddddddddddddddddddddddddddd","title":"E"},{"paperId":"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee","title":"F"}]}`
	for name, in := range map[string]string{"search": search, "batch": batch, "recommendations": recommended} {
		recs, err := decode(t, strings.NewReader(in), Options{})
		if err != nil || len(recs) != 2 || recs[0].Title != "E" || recs[1].Title != "F" {
			t.Errorf("%s: %d records, %v", name, len(recs), err)
		}
	}
}

func TestPaperRef(t *testing.T) {
	cases := []struct {
		id, doi, scheme, value string
	}{
		{"10.2139/ssrn.2250500", "10.2139/ssrn.2250500", "", ""},
		{"DOI:10.18653/v1/N18-3011", "10.18653/v1/n18-3011", "", ""},
		{"DOI%3A10.1038%2Fnrn3241", "10.1038/nrn3241", "", ""},
		{"649def34f8be52c8b66281af98ae884c09aef38b", "", graph.IDS2, "649def34f8be52c8b66281af98ae884c09aef38b"},
		{"CorpusId:215416146", "", graph.IDCorpusID, "215416146"},
		{"ARXIV:2106.15928", "", graph.IDArXiv, "2106.15928"},
		{"PMID:19872477", "", graph.IDPMID, "19872477"},
		{"PMCID:2323736", "", graph.IDPMCID, "PMC2323736"},
		{"MAG:112218234", "", graph.IDMAG, "112218234"},
	}
	for _, c := range cases {
		ref, err := PaperRef(c.id)
		if err != nil || ref.DOI != c.doi || (c.scheme != "" && ref.Identifiers[c.scheme] != c.value) {
			t.Errorf("PaperRef(%q) = %+v, %v", c.id, ref, err)
		}
	}
	for _, bad := range []string{"URL:https://arxiv.org/abs/2106.15928v1", "ACL:W12-3903", "batch", "CorpusId:x"} {
		if _, err := PaperRef(bad); !errors.Is(err, ErrBadPaperID) {
			t.Errorf("PaperRef(%q): %v, want ErrBadPaperID", bad, err)
		}
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name, head string
		want       bool
	}{
		{"paper", `{"paperId":"649def34f8be52c8b66281af98ae884c09aef38b","title":"T"}`, true},
		{"citations", `{"offset":0,"data":[{"contexts":[],"citingPaper":{"paperId":"x"}}]}`, true},
		{"empty page", `{"offset":0,"data":[]}`, true},
		{"batch", `[{"paperId":"649def34f8be52c8b66281af98ae884c09aef38b","title":"T"}]`, true},
		{"author", `{"authorId":"1741101","name":"Oren Etzioni"}`, false},
		{"error", `{"error":"Paper not found"}`, false},
		{"openalex", `{"id":"https://openalex.org/W1","title":"T"}`, false},
	}
	for _, c := range cases {
		if got := (Format{}).Sniff([]byte(c.head)); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		if !(Format{}).Sniff(b[:min(len(b), 64<<10)]) {
			t.Errorf("%s: not sniffed", p)
		}
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name, in  string
		records   int
		line, col int
		is        error
		msg       string
	}{
		{"error answer", `{"error":"Paper not found"}`, 0, 0, 0, ErrNotPapers, "Paper not found"},
		{"rate limited", `{"message":"Too Many Requests","code":"429"}`, 0, 0, 0, ErrNotPapers, "Too Many Requests"},
		{"cut off", "{\"data\":[\n{\"citingPaper\":{\"paperId\":\"a\",\"title\":\"A\"}},\n{\"citingPaper\":{\"paperId\":\"b\"", 1, 3, 30, nil, "truncated"},
		{"neither", "[{\"paperId\":\"a\",\"title\":\"A\"},\n{\"foo\":1}]", 1, 2, 1, ErrNotPapers, "neither a paper"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, err := decode(t, strings.NewReader(c.in), Options{})
			if len(recs) != c.records {
				t.Errorf("%d records, want %d", len(recs), c.records)
			}
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %v does not say %q", err, c.msg)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
			if c.line > 0 {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("error %v has no position", err)
				}
				if l, col := se.Position(); l != c.line || col != c.col {
					t.Errorf("position %d:%d, want %d:%d", l, col, c.line, c.col)
				}
			}
		})
	}
}

// TestBuild checks what graph.Build makes of a citations page: one Cites
// edge from each citing paper to the cited one, carrying the contexts as
// statements with their intents.
func TestBuild(t *testing.T) {
	cited := graph.Reference{DOI: "10.1109/iros40897.2019.8967616"}
	recs := decodeFile(t, "s2_citation_object_with_contexts_intents.json", Options{Paper: &cited})
	recs = append(recs, graph.Record{DOI: cited.DOI, Title: "TossingBot", Year: 2019})
	g := graph.Build(recs)
	var found bool
	for _, e := range g.Edges(graph.Cites) {
		if e.F.DOI == "10.1109/lra.2022.3229266" && e.T.DOI == cited.DOI {
			found = true
			if len(e.Statements) != 4 || e.Statements[2].Intent != "result,influential" {
				t.Errorf("edge statements = %+v", e.Statements)
			}
		}
	}
	if !found {
		t.Errorf("no Cites edge from the citing paper to the cited one")
	}
}

// TestReferencesCutOff checks that the references read before a problem
// stand: the citing paper's record is emitted with them.
func TestReferencesCutOff(t *testing.T) {
	in := "{\"data\":[\n{\"contexts\":[\"x\"],\"citedPaper\":{\"paperId\":null,\"title\":\"A\"}},\n{\"citedPaper\":{\"title\":\"B\""
	citing := graph.Reference{DOI: "10.1/citing"}
	recs, err := decode(t, strings.NewReader(in), Options{Paper: &citing})
	if len(recs) != 1 || len(recs[0].References) != 1 || recs[0].References[0].Title != "A" || len(recs[0].Statements) != 1 {
		t.Errorf("records %+v", recs)
	}
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("error %v, want a *SyntaxError on line 3", err)
	}
}
