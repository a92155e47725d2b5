package opencitations

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func decodeAll(t *testing.T, in []byte) ([]graph.Record, error) {
	t.Helper()
	var recs []graph.Record
	err := Decode(context.Background(), bytes.NewReader(in), func(r graph.Record) error {
		recs = append(recs, r)
		return nil
	})
	return recs, err
}

// An answer of the metadata operation is a work per object (issue 16),
// followed by a record per work citing it, as the citations operation
// gives them. Expected values are the answer's own: 44 DOIs in
// "reference" and 31 in "citation" (counted with tr ';' '\n' | wc -l,
// less the SICI DOI's bare ';' in "reference"), citation_count 31, four
// authors of whom two with ORCID iDs.
func TestMetadataAnswer(t *testing.T) {
	data, err := os.ReadFile("testdata/coci_v1_metadata_10.1108_jd-12-2013-0166.json")
	if err != nil {
		t.Fatal(err)
	}
	if !(Format{}).Sniff(data) {
		t.Fatal("Sniff rejects the answer")
	}
	recs, err := decodeAll(t, data)
	if err != nil || len(recs) != 1+31 {
		t.Fatalf("%d records, error %v; want the work and 31 citing it", len(recs), err)
	}
	for _, c := range recs[1:] {
		if c.DOI == "" || c.Title != "" || len(c.References) != 1 || c.References[0].DOI != "10.1108/jd-12-2013-0166" {
			t.Fatalf("citing record %+v", c)
		}
	}
	if recs[1].DOI != "10.1057/s41275-017-0070-x" || recs[2].DOI != "10.7554/elife.32822" {
		t.Errorf("first citing works %s, %s", recs[1].DOI, recs[2].DOI)
	}
	r := recs[0]
	if r.DOI != "10.1108/jd-12-2013-0166" || r.Title != "Setting Our Bibliographic References Free: Towards Open Citation Data" ||
		r.Venue != "Journal Of Documentation" || r.Volume != "71" || r.Issue != "2" || r.Pages != "253-277" || r.Year != 2015 ||
		r.Identifiers[graph.IDISSN] != "0022-0418" || r.CitedByCount == nil || *r.CitedByCount != 31 || len(r.References) != 44 {
		t.Errorf("record = %+v", r)
	}
	if r.References[2].DOI != "10.1002/(sici)1097-4571(198909)40:5<342::aid-asi7>3.0.co;2-u" {
		t.Errorf("reference 3 = %+v", r.References[2])
	}
	wantAuthors := []graph.Author{{Family: "Peroni", Given: "Silvio"}, {Family: "Dutton", Given: "Alexander"}, {Family: "Gray", Given: "Tanya"}, {Family: "Shotton", Given: "David"}}
	if !reflect.DeepEqual(r.Authors, wantAuthors) || !reflect.DeepEqual(r.AuthorORCIDs, []string{"0000-0003-0530-4305", "0000-0003-1448-3114", "", ""}) {
		t.Errorf("authors %v, ORCIDs %v", r.Authors, r.AuthorORCIDs)
	}
}

// Later answers write ORCID iDs in brackets and the year with its month;
// the answer is the one OpenCitations' own API test expects for
// 10.1016/j.compedu.2018.11.010 (test_metadata, ISC).
func TestMetadataAnswerBracketedORCID(t *testing.T) {
	in := `[{"doi": "10.1016/j.compedu.2018.11.010", "citation_count": "0", "citation": "", "reference": "",
"author": "Voogt, Joke [orcid:0000-0001-5035-9263]; Smits, Anneke [orcid:0000-0003-4396-7177]; Farjon, Daan",
"year": "2019-03", "title": "Technology Integration Of Pre-Service Teachers Explained By Attitudes And Beliefs, Competency, Access, And Experience",
"source_title": "Computers & Education", "volume": "130", "issue": "", "page": "81-93", "source_id": "issn:0360-1315", "oa_link": ""}]`
	recs, err := decodeAll(t, []byte(in))
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	r := recs[0]
	if r.Date != "2019-03" || r.Year != 2019 || len(r.References) != 0 || *r.CitedByCount != 0 ||
		!reflect.DeepEqual(r.AuthorORCIDs, []string{"0000-0001-5035-9263", "0000-0003-4396-7177", ""}) ||
		!reflect.DeepEqual(r.Authors[2], graph.Author{Family: "Farjon", Given: "Daan"}) {
		t.Errorf("record = %+v", r)
	}
	// A work without a DOI is reported at its line, the others read.
	recs, err = decodeAll(t, []byte("[{\"doi\": \"\", \"source_title\": \"X\"},\n{\"doi\": \"10.1/x\", \"source_title\": \"Y\"}]"))
	var se *SyntaxError
	if len(recs) != 1 || !errors.As(err, &se) || se.Line != 1 {
		t.Errorf("%d records, error %v", len(recs), err)
	}
}

// OpenCitations Meta's metadata operation (/meta/api/v1/metadata/{ids})
// answers with the fields its API documentation lists (id, title, author,
// pub_date, issue, volume, venue, type, page, publisher, editor), each
// name, venue and publisher followed by its identifiers in brackets. The
// answer was taken for CSL-JSON (it has type, title and author) and
// failed; it is a record per work. The work is Peroni & Shotton 2020
// (Quantitative Science Studies 1(1):428–444) in that shape.
func TestMetaAnswer(t *testing.T) {
	in := `[
  {
    "id": "doi:10.1162/qss_a_00023 omid:br/0601234",
    "title": "OpenCitations, An Infrastructure Organization For Open Scholarship",
    "author": "Peroni, Silvio [orcid:0000-0003-0530-4305 omid:ra/0601]; Shotton, David [omid:ra/0602]",
    "pub_date": "2020-02",
    "issue": "1",
    "volume": "1",
    "venue": "Quantitative Science Studies [issn:2641-3337 omid:br/0603]",
    "type": "journal article",
    "page": "428-444",
    "publisher": "Mit Press [crossref:281 omid:ra/0604]",
    "editor": ""
  },
  {"id": "isbn:9781402096327 omid:br/0612058700", "title": "Adaptive Environmental Management", "author": "", "pub_date": "2009", "venue": "", "type": "book"}
]`
	if !(Format{}).Sniff([]byte(in)) {
		t.Fatal("Sniff rejects the answer")
	}
	recs, err := decodeAll(t, []byte(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, error %v", len(recs), err)
	}
	r := recs[0]
	if r.DOI != "10.1162/qss_a_00023" || r.Identifiers[IDOMID] != "br/0601234" || r.Identifiers[graph.IDISSN] != "2641-3337" ||
		r.Venue != "Quantitative Science Studies" || r.Publisher != "Mit Press" || r.Type != "article-journal" ||
		r.Date != "2020-02" || r.Year != 2020 || r.Volume != "1" || r.Issue != "1" || r.Pages != "428-444" || r.Source.Line != 2 {
		t.Errorf("record 1 = %+v", r)
	}
	if !reflect.DeepEqual(r.Authors, []graph.Author{{Family: "Peroni", Given: "Silvio"}, {Family: "Shotton", Given: "David"}}) ||
		!reflect.DeepEqual(r.AuthorORCIDs, []string{"0000-0003-0530-4305", ""}) {
		t.Errorf("authors %v, ORCIDs %q", r.Authors, r.AuthorORCIDs)
	}
	// A book with an ISBN and no DOI is a record by its identifiers.
	if b := recs[1]; b.DOI != "" || b.Identifiers[graph.IDISBN] != "9781402096327" || b.Type != "book" || b.Year != 2009 {
		t.Errorf("record 2 = %+v", b)
	}
}
