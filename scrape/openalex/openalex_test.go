package openalex

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

func decode(t *testing.T, r io.Reader) ([]graph.Record, error) {
	t.Helper()
	return readertest.Collect(Decode, r)
}

func decodeFile(t *testing.T, name string) ([]graph.Record, error) {
	t.Helper()
	return readertest.CollectFile(t, Decode, name)
}

// TestFiles pins what every OpenAlex answer in testdata holds. The
// expected numbers come from jq, run on the same files:
//
//	jq -c '(if .results then .results[] else . end) | [.id, .doi,
//	  (.authorships|length), .publication_year, (.referenced_works|length),
//	  .cited_by_count, ([.authorships[].author.orcid | select(.)] | length),
//	  ([.abstract_inverted_index // {} | .[] | length] | add), (.keywords|length)]' FILE
func TestFiles(t *testing.T) {
	type work struct {
		openalex, doi                   string
		authors, year, refs, citedBy    int
		orcids, abstractWords, keywords int
	}
	cases := []struct {
		file  string
		works []work
	}{
		{"openalex_work_W2741809807_peerj.4375.json", []work{{"W2741809807", "10.7717/peerj.4375", 9, 2018, 45, 962, 9, 258, 4}}},
		{"openalex_works_list_page1_2works_cursor.json", []work{
			{"W2755950973", "10.1016/j.joi.2017.08.007", 2, 2017, 70, 9231, 2, 0, 1},
			{"W2741809807", "10.7717/peerj.4375", 9, 2018, 45, 957, 9, 258, 4},
		}},
		{"openalex_works_list_page2_empty_end_of_cursor.json", nil}, // the end of a cursor: "results": []
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			recs, err := decodeFile(t, c.file)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if len(recs) != len(c.works) {
				t.Fatalf("%d records, want %d", len(recs), len(c.works))
			}
			for i, w := range c.works {
				r := recs[i]
				orcids := 0
				for _, o := range r.AuthorORCIDs {
					if o != "" {
						orcids++
					}
				}
				got := work{r.Identifiers[graph.IDOpenAlex], r.DOI, len(r.Authors), r.Year, len(r.References),
					*r.CitedByCount, orcids, len(strings.Fields(r.Abstract)), len(r.Keywords)}
				if got != w {
					t.Errorf("work %d:\n got %+v\nwant %+v", i, got, w)
				}
				for _, ref := range r.References {
					if ref.DOI != "" || ref.Raw != "" || !strings.HasPrefix(ref.Identifiers[graph.IDOpenAlex], "W") {
						t.Errorf("reference %+v: want an OpenAlex ID alone", ref)
					}
				}
				if len(r.AuthorORCIDs) != 0 && len(r.AuthorORCIDs) != len(r.Authors) {
					t.Errorf("%d ORCIDs for %d authors", len(r.AuthorORCIDs), len(r.Authors))
				}
			}
		})
	}
}

// TestPeerJ checks every field of one work against the file as read by eye.
func TestPeerJ(t *testing.T) {
	recs, err := decodeFile(t, "openalex_work_W2741809807_peerj.4375.json")
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	r := recs[0]
	want := map[string]string{
		"title":     "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
		"venue":     "PeerJ",
		"volume":    "6",
		"issue":     "",
		"pages":     "e4375",
		"date":      "2018-02-13",
		"type":      "article-journal",
		"language":  "en",
		"publisher": "PeerJ, Inc.",
		"url":       "https://doi.org/10.7717/peerj.4375",
		"author1":   "Piwowar, Heather",
		"orcid1":    "0000-0003-1613-5981",
		"pmid":      "29456894",
		"pmcid":     "PMC5815332",
		"mag":       "2741809807",
		"issn":      "2167-8359",
		"keyword1":  "Scholarly Communication",
		"ref1":      "W1560783210",
		"abstract":  "Despite growing interest in Open Access (OA) to scholarly literature, there is an unmet need",
	}
	got := map[string]string{
		"title": r.Title, "venue": r.Venue, "volume": r.Volume, "issue": r.Issue, "pages": r.Pages,
		"date": r.Date, "type": r.Type, "language": r.Language, "publisher": r.Publisher, "url": r.URL,
		"author1": r.Authors[0].String(), "orcid1": r.AuthorORCIDs[0],
		"pmid": r.Identifiers[graph.IDPMID], "pmcid": r.Identifiers[graph.IDPMCID], "mag": r.Identifiers[graph.IDMAG],
		"issn": r.Identifiers[graph.IDISSN], "keyword1": r.Keywords[0], "ref1": r.References[0].Identifiers[graph.IDOpenAlex],
		"abstract": r.Abstract[:min(len(r.Abstract), 92)],
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}

func TestInvertedIndex(t *testing.T) {
	ix := invertedIndex{"b": {1, 3}, "a": {0}, "c": {2}, "z": {3}, "gap": {6}}
	if got := ix.text(); got != "a b c b gap" {
		t.Errorf("text = %q", got) // position 3 claimed twice: "b" sorts first; 4 and 5 unclaimed
	}
	if got := (invertedIndex{}).text(); got != "" {
		t.Errorf("empty index gives %q", got)
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name, head string
		want       bool
	}{
		{"page", `{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","doi":null}]}`, true},
		{"empty page", `{"meta":{"count":0,"db_response_time_ms":3,"per_page":25},"results":[]}`, true},
		{"authors page", `{"meta":{"count":1},"results":[{"id":"https://openalex.org/A5","display_name":"X"}]}`, false},
		{"work", `{"id":"https://openalex.org/W2741809807","doi":"https://doi.org/10.7717/peerj.4375","title":"T","display_name":"T"}`, true},
		{"array", `[{"id":"https://openalex.org/W1","display_name":"T"}]`, true},
		{"crossref", `{"status":"ok","message-type":"work","message":{}}`, false},
		{"other meta", `{"meta":{"page":1},"results":[]}`, false},
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

func TestShapes(t *testing.T) {
	w := `{"id":"https://openalex.org/W1","doi":"https://doi.org/10.1/A","display_name":"A","referenced_works":["https://openalex.org/W2"]}`
	w2 := strings.NewReplacer("W1", "W3", "10.1/A", "10.1/B").Replace(w)
	cases := []struct {
		name, in string
		dois     []string
	}{
		{"lines (snapshot)", w + "\n" + w2 + "\n", []string{"10.1/a", "10.1/b"}},
		{"array", "[" + w + "," + w2 + "]", []string{"10.1/a", "10.1/b"}},
		{"page with group_by after", `{"meta":{"count":1},"results":[` + w + `],"group_by":[]}`, []string{"10.1/a"}},
	}
	for _, c := range cases {
		recs, err := decode(t, strings.NewReader(c.in))
		var dois []string
		for _, r := range recs {
			dois = append(dois, r.DOI)
		}
		if err != nil || strings.Join(dois, " ") != strings.Join(c.dois, " ") {
			t.Errorf("%s: %q, %v; want %q", c.name, dois, err, c.dois)
		}
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		records   int
		line, col int
		is        error
		msg       string
	}{
		{"not a work", "{\"meta\":{\"count\":2},\"results\":[\n{\"id\":\"https://openalex.org/A5\"},\n{\"id\":\"https://openalex.org/W1\"}]}", 1, 2, 1, ErrNotWorks, `"https://openalex.org/A5", not a work`},
		{"cut off", "{\"meta\":{\"count\":2},\"results\":[\n{\"id\":\"https://openalex.org/W1\"},\n{\"id\":\"https://openalex.org/W2\",\"ti", 1, 3, 36, nil, "truncated"},
		{"wrong type", "{\"id\":\"https://openalex.org/W1\",\"authorships\":{\"a\":1}}", 1, 1, 47, nil, "authorships: a JSON object where an array was expected"},
		{"error answer", `{"error":"Invalid query parameters error.","message":"filter is not valid"}`, 0, 0, 0, ErrNotWorks, "filter is not valid"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, err := decode(t, strings.NewReader(c.in))
			if len(recs) != c.records {
				t.Errorf("%d records, want %d", len(recs), c.records)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
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
