package tabular

import (
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

type counts struct{ works, dois, authors, years, refs int }

func count(recs []graph.Record) counts {
	var c counts
	c.works = len(recs)
	for _, r := range recs {
		if r.DOI != "" {
			c.dois++
		}
		if r.Year != 0 {
			c.years++
		}
		c.authors += len(r.Authors)
		c.refs += len(r.References)
	}
	return c
}

type format interface {
	Sniff([]byte) bool
	Extract(context.Context, io.Reader, func(graph.Record) error) error
}

// Expected counts, taken with python's csv module: rows; non-empty DOI
// cells; authors ("Author full names" split on "; " for Scopus, "Author/s"
// on ";" for Lens, "authorships.author.display_name" on "|" for
// OpenAlex, the old Scopus "Authors" on ", "); references: Scopus's new
// style counted by the pieces that end in "(YYYY)" (381), Lens's
// References split on ";" (517), the old Scopus file's by hand (8).
func TestFiles(t *testing.T) {
	for _, c := range []struct {
		file string
		f    format
		want counts
	}{
		{"scopus_export_8records_newformat.csv", Scopus{}, counts{8, 8, 38, 8, 381}},
		{"scopus_oldformat_metaknowledge_records1and3_trimmed.csv", Scopus{}, counts{2, 1, 12, 2, 8}},
		{"lens_scholarly_export_8records.csv", Lens{}, counts{8, 8, 28, 8, 517}},
		{"openalex_csv_export_8records.csv", OpenAlex{}, counts{8, 8, 20, 8, 0}},
	} {
		t.Run(c.file, func(t *testing.T) {
			data := readertest.ReadFile(t, c.file)
			for _, other := range []format{Scopus{}, Lens{}, OpenAlex{}, Embase{}} {
				if got, want := other.Sniff(data), reflect.TypeOf(other) == reflect.TypeOf(c.f); got != want {
					t.Errorf("%T.Sniff = %v, want %v", other, got, want)
				}
			}
			recs, err := readertest.Read(c.f, data)
			if err != nil {
				t.Errorf("unexpected error: %v", err)
			}
			if got := count(recs); got != c.want {
				t.Errorf("counts = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestScopusFields(t *testing.T) {
	recs, _ := readertest.Read(Scopus{}, readertest.ReadFile(t, "scopus_export_8records_newformat.csv"))
	r := recs[0]
	if r.Title != "Quantitative analysis of studies that use artificial intelligence on spinal diseases: A bibliometric analysis" ||
		r.DOI != "10.1177/20552076261415846" || r.Venue != "Digital Health" || r.Volume != "12" || r.Year != 2026 ||
		r.Identifiers["scopus"] != "2-s2.0-105030721984" || r.Identifiers["issn"] != "2055-2076" || r.CitedByCount == nil || *r.CitedByCount != 0 ||
		!reflect.DeepEqual(r.Authors[0], graph.Author{Family: "Liu", Given: "Fengyuan"}) {
		t.Errorf("record 1 = %+v", r)
	}
	ref := r.References[1]
	want := graph.Reference{
		Title: "Global, regional, and national burden of low back pain: findings from the global burden of disease study 2021 and projections to 2050",
		Year:  2025, Authors: []graph.Author{{Family: "Cheng", Given: "M."}, {Family: "Xue", Given: "Y."}, {Family: "Cui", Given: "M."}},
		Raw: ref.Raw, Venue: "Spine (Phila Pa 1976)", Volume: "50", Pages: "E128-E139",
	}
	if !reflect.DeepEqual(ref, want) {
		t.Errorf("reference 2\n got %+v\nwant %+v", ref, want)
	}

	recs, _ = readertest.Read(Scopus{}, readertest.ReadFile(t, "scopus_oldformat_metaknowledge_records1and3_trimmed.csv"))
	r = recs[0]
	if r.Pages != "7433444" || len(r.Authors) != 11 || r.Authors[0] != (graph.Author{Family: "Yagai", Given: "T."}) ||
		r.References[1].Pages != "3398-3401" || r.References[1].Venue != "IEEE Trans. Appl. Supercond." {
		t.Errorf("old-format record 1 = %+v", r)
	}
	if recs[1].Authors[0] != (graph.Author{Family: "Janko", Given: "Wolfgang"}) || recs[1].Language != "German" {
		t.Errorf("old-format record 2 = %+v", recs[1])
	}
}

func TestLensFields(t *testing.T) {
	recs, _ := readertest.Read(Lens{}, readertest.ReadFile(t, "lens_scholarly_export_8records.csv"))
	r := recs[0]
	if r.Identifiers["lens"] != "000-360-106-493-122" || r.Identifiers["pmid"] != "33251087" || r.Identifiers["pmcid"] != "PMC7680653" ||
		r.Date != "2020-11-22" || r.Pages != "1-12" || r.CitedByCount == nil || *r.CitedByCount != 10 ||
		r.References[0].Identifiers["lens"] != "000-928-794-577-264" || r.References[0].Raw != "000-928-794-577-264" {
		t.Errorf("record 1 = %+v", r)
	}
}

func TestOpenAlexFields(t *testing.T) {
	recs, _ := readertest.Read(OpenAlex{}, readertest.ReadFile(t, "openalex_csv_export_8records.csv"))
	r := recs[0]
	if r.Identifiers["openalex"] != "W2755950973" || r.DOI != "10.1016/j.joi.2017.08.007" || r.CitedByCount == nil || *r.CitedByCount != 13235 ||
		!reflect.DeepEqual(r.AuthorORCIDs, []string{"0000-0002-8517-9411", "0000-0002-7401-8575"}) || r.Type != "article-journal" {
		t.Errorf("record 1 = %+v", r)
	}
}

// No Embase CSV export is among the test data: this one follows the
// column names Embase.com writes (as the screening tools that read it,
// e.g. CiteSource, list them), with values in its style.
func TestEmbase(t *testing.T) {
	in := "\"Title\",\"Author Names\",\"Source title\",\"Publication Year\",\"Volume\",\"Issue\",\"First Page\",\"Last Page\",\"ISSN\",\"Abstract\",\"Author Keywords\",\"Emtree Medical Index Terms\",\"Embase Accession ID\",\"Medline PMID\",\"PUI\",\"DOI\",\"Publication Type\"\n" +
		"\"Quality of life in patients with primary ciliary dyskinesia\",\"Behan L., Rubbo B., Lucas J.S.\",\"BMC Proceedings\",\"2018\",\"12\",\"3\",\"1\",\"9\",\"17536561\",\"Background: …\",\"quality of life, anxiety\",\"human, adult\",\"L621381829\",\"\",\"621381829\",\"10.1186/s12919-018-0099-8\",\"Conference Abstract\"\n"
	if !(Embase{}).Sniff([]byte(in)) || (Scopus{}).Sniff([]byte(in)) {
		t.Fatal("sniffing failed")
	}
	recs, err := readertest.Read(Embase{}, []byte(in))
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	r := recs[0]
	if !reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Behan", Given: "L."}, {Family: "Rubbo", Given: "B."}, {Family: "Lucas", Given: "J.S."}}) ||
		r.Pages != "1-9" || r.Identifiers["embase"] != "621381829" || r.Identifiers["issn"] != "1753-6561" || r.Type != "paper-conference" ||
		!reflect.DeepEqual(r.Keywords, []string{"quality of life", "anxiety", "human", "adult"}) {
		t.Errorf("record = %+v", r)
	}
}

func TestMalformedRow(t *testing.T) {
	in := "Lens ID,Title,Publication Year\n1,\"A\",2001\n2,\"B \"x\" y\",2002\n3,C,2003\n"
	recs, err := readertest.Read(Lens{}, []byte(in))
	var se *SyntaxError
	if len(recs) != 2 || !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("%d records, error %v; want 2 and an error at line 3", len(recs), err)
	}
}

func TestRowBounded(t *testing.T) {
	in := "Lens ID,Title\n1,\"" + strings.Repeat("x", maxRow+1<<16)
	_, err := readertest.Read(Lens{}, []byte(in))
	if err == nil || !strings.Contains(err.Error(), "row longer than") {
		t.Errorf("error = %v, want the row limit", err)
	}
}

func TestParseScopusReference(t *testing.T) {
	for _, c := range []struct {
		in   string
		want graph.Reference
	}{
		{"Obradors, X., Puig, T., (2014) Supercond. Sci. Technol., 27, p. 044003",
			graph.Reference{Year: 2014, Authors: []graph.Author{{Family: "Obradors", Given: "X."}, {Family: "Puig", Given: "T."}}, Venue: "Supercond. Sci. Technol.", Volume: "27", Pages: "044003"}},
		{"Sender, R., Fuchs, S., Milo, R., Are we really vastly outnumbered? (2016) Cell, 164 (3), pp. 337-340",
			graph.Reference{Year: 2016, Title: "Are we really vastly outnumbered?", Authors: []graph.Author{{Family: "Sender", Given: "R."}, {Family: "Fuchs", Given: "S."}, {Family: "Milo", Given: "R."}}, Venue: "Cell", Volume: "164", Issue: "3", Pages: "337-340"}},
		{"Byrne, B.M., (2010) Structural Equation Modeling with AMOS, , New York: Routledge",
			graph.Reference{Year: 2010, Title: "Structural Equation Modeling with AMOS", Authors: []graph.Author{{Family: "Byrne", Given: "B.M."}}}},
		{"The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)",
			graph.Reference{Year: 2023, Title: "The global epidemic of low back pain", Venue: "Lancet Rheumatol", Volume: "5"}},
		{"Calin GA; Ferracin M, MicroRNA signatures in human cancers, Nat Rev Cancer, 6, pp. 857-866, (2006)",
			graph.Reference{Year: 2006, Title: "MicroRNA signatures in human cancers", Authors: []graph.Author{{Family: "Calin", Given: "GA"}, {Family: "Ferracin", Given: "M"}}, Venue: "Nat Rev Cancer", Volume: "6", Pages: "857-866"}},
	} {
		got := ParseScopusReference(c.in)
		c.want.Raw = c.in
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseScopusReference(%q)\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
	refs := ParseScopusReferences("Cheng M.; Xue Y., A, J, 1, (2025); Bui T-D; Tseng M-L, B, K, 2, (2020)")
	if len(refs) != 2 || len(refs[0].Authors) != 2 || len(refs[1].Authors) != 2 {
		t.Errorf("ParseScopusReferences = %+v", refs)
	}
}
