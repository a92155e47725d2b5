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
