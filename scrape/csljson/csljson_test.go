package csljson

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// The Crossref CSL answer holds one work with one author, "reference-count"
// 76 and 76 entries in reference, 45 of them with a "DOI" (counted with
// python's json module; citation-js reads 1 work, 1 DOI, 1 author).
func TestCrossrefFile(t *testing.T) {
	data, err := os.ReadFile("testdata/csljson_crossref_transform_10.1126_science.169.3946.635.json")
	if err != nil {
		t.Fatal(err)
	}
	if !(Reader{}).Sniff(data) {
		t.Error("Sniff rejects the file")
	}
	recs, err := readertest.Read(Reader{}, data)
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	r := recs[0]
	dois := 0
	for _, ref := range r.References {
		if ref.DOI != "" {
			dois++
		}
	}
	if len(r.References) != 76 || dois != 45 {
		t.Errorf("%d references, %d with DOI; want 76 and 45", len(r.References), dois)
	}
	if r.Title != "The Structure of Ordinary Water: New data and interpretations are yielding new insights into this fascinating substance." ||
		r.Type != "article-journal" || r.DOI != "10.1126/science.169.3946.635" || r.Date != "1970-08-14" || r.Pages != "635-641" ||
		r.Venue != "Science" || r.CitedByCount == nil || *r.CitedByCount != 92 || strings.Contains(r.Abstract, "<jats:p>") ||
		!reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Frank", Given: "Henry S."}}) {
		t.Errorf("record = %+v", r)
	}
	ref := r.References[4]
	if ref.Key != "e_1_2_1_5_1" || ref.DOI != "10.1063/1.1749327" || ref.Year != 1933 || ref.Volume != "1" || ref.Pages != "515" ||
		ref.Venue != "JOURNAL OF CHEMICAL PHYSICS" || !strings.HasPrefix(ref.Raw, "BERNAL, J.D., A theory of water") {
		t.Errorf("reference 5 = %+v", ref)
	}
}

func TestArray(t *testing.T) {
	in := `[
 {"id":"a","type":"article-journal","title":"T","author":[{"family":"X","given":"Y","ORCID":"https://orcid.org/0000-0002-1825-0097"}],"issued":{"date-parts":[["2019","7"]]},"container-title":"J","keyword":"a, b","note":"pmid: 123\nwos: 000186671900002"},
 5,
 {"id":"b","type":"book","title":"B","issued":{"raw":"2001-02-03"},"author":[{"literal":"World Health Organization"}]}
]`
	recs, err := readertest.Read(Reader{}, []byte(in))
	var se *SyntaxError
	if len(recs) != 2 || !errors.As(err, &se) || se.Line != 3 {
		t.Fatalf("%d records, error %v; want 2 and an error at line 3", len(recs), err)
	}
	a, b := recs[0], recs[1]
	if a.Date != "2019-07" || a.Venue != "J" || !reflect.DeepEqual(a.Keywords, []string{"a", "b"}) ||
		!reflect.DeepEqual(a.AuthorORCIDs, []string{"0000-0002-1825-0097"}) ||
		!reflect.DeepEqual(a.Identifiers, map[string]string{"pmid": "123", "wos": "WOS:000186671900002"}) {
		t.Errorf("item a = %+v", a)
	}
	if b.Date != "2001-02-03" || b.Type != "book" || !reflect.DeepEqual(b.Authors, []graph.Author{{Family: "World Health Organization"}}) {
		t.Errorf("item b = %+v", b)
	}
}

func TestNotJSON(t *testing.T) {
	_, err := readertest.Read(Reader{}, []byte("[{\"type\":\"book\",\n\"title\": }]"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 2 {
		t.Errorf("error = %v, want one at line 2", err)
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]bool{
		`[{"id":"a","type":"book","title":"T","issued":{"date-parts":[[2001]]}}]`:                true,
		`{"status":"ok","message-type":"work","message":{"type":"x","title":["T"],"author":[]}}`: false,
		`{"id":"https://openalex.org/W1","type":"article","title":"T","display_name":"T"}`:       false,
		`@article{k, title={T}}`: false,
	} {
		if got := (Reader{}).Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%.40q) = %v, want %v", in, got, want)
		}
	}
}

// ORCID iDs are read as the other readers read them (scrape/internal/stdnum):
// a lower-case check character is upper-cased, and a value without the
// iD's dashes is not taken for one, even at the iD's length (19).
func TestORCIDForm(t *testing.T) {
	in := `[{"id":"a","type":"article-journal","title":"T","author":[` +
		`{"family":"X","given":"Y","ORCID":"https://orcid.org/0000-0002-1825-009x"},` +
		`{"family":"Z","given":"W","ORCID":"https://orcid.org/0000000218250097abc"}]}]`
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v; want 1 and no error", len(recs), err)
	}
	if want := []string{"0000-0002-1825-009X", ""}; !reflect.DeepEqual(recs[0].AuthorORCIDs, want) {
		t.Errorf("ORCIDs = %q, want %q", recs[0].AuthorORCIDs, want)
	}
}

// TestSchemaShapes reads the shapes the CSL-JSON schema (csl-data.json,
// CSL 1.0.2) and citeproc-js's documentation of its input ("CSL-JSON
// markup": date fields, name fields, ordinary fields, rich-text markup)
// allow, one item each; the expected fields follow those documents.
func TestSchemaShapes(t *testing.T) {
	for _, c := range []struct {
		name, item string
		check      func(r graph.Record) bool
	}{
		// Dates: "date-parts" of numbers or strings, a range (two
		// parts: the first is the date), a flat list, the EDTF string
		// the 1.0.2 schema prefers, raw and literal text; a month of 13
		// to 16 (citeproc-js's seasons) or an EDTF season (21 to 24)
		// leaves the year.
		{"date-parts numbers", `"issued":{"date-parts":[[2001,3,5]]}`, func(r graph.Record) bool { return r.Year == 2001 && r.Date == "2001-03-05" }},
		{"date-parts strings", `"issued":{"date-parts":[["2001","03"]]}`, func(r graph.Record) bool { return r.Date == "2001-03" }},
		{"date range", `"issued":{"date-parts":[[2001,3],[2002,4]]}`, func(r graph.Record) bool { return r.Date == "2001-03" }},
		{"flat date-parts", `"issued":{"date-parts":[2001,3]}`, func(r graph.Record) bool { return r.Date == "2001-03" }},
		{"EDTF string", `"issued":"2001-03-05"`, func(r graph.Record) bool { return r.Year == 2001 && r.Date == "2001-03-05" }},
		{"EDTF interval", `"issued":"2001/2002"`, func(r graph.Record) bool { return r.Date == "2001" }},
		{"EDTF season", `"issued":"2001-21"`, func(r graph.Record) bool { return r.Year == 2001 && r.Date == "2001" }},
		{"citeproc-js season", `"issued":{"date-parts":[[2001,13]],"season":1}`, func(r graph.Record) bool { return r.Date == "2001" }},
		{"raw", `"issued":{"raw":"2001-02-03"}`, func(r graph.Record) bool { return r.Date == "2001-02-03" }},
		{"literal", `"issued":{"literal":"circa 1900"}`, func(r graph.Record) bool { return r.Year == 1900 }},
		{"bare year", `"issued":2001`, func(r graph.Record) bool { return r.Year == 2001 }},
		{"published", `"published":{"date-parts":[[1999]]}`, func(r graph.Record) bool { return r.Year == 1999 }},
		// Names: family and given with particles and suffix, a literal
		// (with its comma kept), a name written as one string.
		{"particles", `"author":[{"family":"Beethoven","given":"Ludwig","dropping-particle":"van"},{"family":"Gogh","given":"Vincent","non-dropping-particle":"van"},{"family":"King","given":"Martin Luther","suffix":"Jr."}]`,
			func(r graph.Record) bool {
				return reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Beethoven", Given: "Ludwig van"}, {Family: "van Gogh", Given: "Vincent"}, {Family: "King", Given: "Martin Luther, Jr."}})
			}},
		{"literal name", `"author":[{"literal":"Ministry of Health, Labour and Welfare"}]`, func(r graph.Record) bool {
			return reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Ministry of Health, Labour and Welfare"}})
		}},
		{"name as a string", `"author":["Doe, Jane"]`, func(r graph.Record) bool {
			return reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Doe", Given: "Jane"}})
		}},
		// Ordinary fields: numbers as numbers or strings, container-title
		// as a string or an array, its short form when it is missing.
		{"numbers", `"volume":12,"issue":"3","page":635,"PMID":12345678`, func(r graph.Record) bool {
			return r.Volume == "12" && r.Issue == "3" && r.Pages == "635" && r.Identifiers["pmid"] == "12345678"
		}},
		{"page-first", `"page-first":"e1002"`, func(r graph.Record) bool { return r.Pages == "e1002" }},
		{"container-title array", `"container-title":["Science","Sci."]`, func(r graph.Record) bool { return r.Venue == "Science" }},
		{"container-title-short", `"container-title-short":"Sci."`, func(r graph.Record) bool { return r.Venue == "Sci." }},
		// DOI with a resolver prefix, or "doi:".
		{"DOI URL", `"DOI":"https://doi.org/10.1126/SCIENCE.169.3946.635"`, func(r graph.Record) bool { return r.DOI == "10.1126/science.169.3946.635" }},
		{"doi: prefix", `"DOI":"doi:10.1000/xyz"`, func(r graph.Record) bool { return r.DOI == "10.1000/xyz" }},
		// citeproc-js's rich-text markup is not part of the title.
		{"markup", `"container-title":"<i>Nature</i>"`, func(r graph.Record) bool { return r.Venue == "Nature" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := `[{"id":"x","type":"article-journal","title":"T",` + c.item + `}]`
			recs, err := readertest.Read(Reader{}, []byte(in))
			if err != nil || len(recs) != 1 {
				t.Fatalf("%d records, error %v", len(recs), err)
			}
			if !c.check(recs[0]) {
				t.Errorf("record = %+v", recs[0])
			}
		})
	}
}

// TestTitleMarkup: the title keeps its text without citeproc-js's tags
// (<i>, <sup>, <span class="nocase">), and a "<" that is text stays.
func TestTitleMarkup(t *testing.T) {
	in := `{"id":1,"type":"article-journal","title":"The <i>Drosophila</i> genome: H<sub>2</sub>O and <span class=\"nocase\">iPhone</span> for x < y"}`
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 1 || recs[0].Title != "The Drosophila genome: H2O and iPhone for x < y" {
		t.Fatalf("%v, %v", recs, err)
	}
}

// TestBOM: a file that starts with a byte-order mark (as Windows tools
// write UTF-8) reads like one without.
func TestBOM(t *testing.T) {
	in := "\ufeff[{\"id\":\"a\",\"type\":\"book\",\"title\":\"T\"}]"
	recs, err := readertest.Read(Reader{}, []byte(in))
	if err != nil || len(recs) != 1 || recs[0].Title != "T" {
		t.Fatalf("%d records, %v", len(recs), err)
	}
}

// TestItemProblem: an item whose title is an object is reported with the
// line and column where it starts, its message readable, and the items
// around it are read.
func TestItemProblem(t *testing.T) {
	in := "[\n{\"type\":\"book\",\"title\":\"A\"},\n {\"type\":\"book\",\"title\":{\"x\":1}},\n{\"type\":\"book\",\"title\":\"C\"}\n]"
	recs, err := readertest.Read(Reader{}, []byte(in))
	var se *SyntaxError
	if len(recs) != 2 || !errors.As(err, &se) || se.Line != 3 || se.Col != 2 || strings.Contains(err.Error(), "PANIC") ||
		!strings.Contains(err.Error(), "item is not a CSL item") {
		t.Errorf("%d records, error %v; want 2 and one at line 3, column 2", len(recs), err)
	}
}

// TestSniffRequiredKeysOnly: an item with only the keys CSL requires (id,
// type) and a title is CSL-JSON when its type is one of CSL 1.0.2's.
func TestSniffRequiredKeysOnly(t *testing.T) {
	for in, want := range map[string]bool{
		`[{"id":"a","type":"report","title":"T"}]`:           true,
		`[{"id":"a","type":"post-weblog","title":"T"}]`:      true,
		`[{"id":"a","type":"not-a-csl-type","title":"T"}]`:   false,
		`{"results":[{"id":"a","type":"news","title":"T"}]}`: false,
	} {
		if got := (Reader{}).Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%s) = %v, want %v", in, got, want)
		}
	}
}
