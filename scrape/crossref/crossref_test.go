package crossref

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

// decodeFile reads a test file and returns its records, normalised as the
// registry does.
func decodeFile(t *testing.T, name string) ([]graph.Record, error) {
	t.Helper()
	return readertest.CollectFile(t, Decode, name)
}

func decode(t *testing.T, r io.Reader) ([]graph.Record, error) {
	t.Helper()
	return readertest.Collect(Decode, r)
}

// TestFiles pins what every Crossref answer in testdata holds. The expected
// numbers come from jq, run on the same files:
//
//	jq -c '(.message // .) | (if .items then .items[] else . end) |
//	  [.DOI, (.author // [] | length), .issued["date-parts"][0][0],
//	   (.reference // [] | length), ([.reference[]? | select(.DOI)] | length),
//	   ([.reference[]? | select(.unstructured)] | length), .["is-referenced-by-count"]]' FILE
func TestFiles(t *testing.T) {
	type work struct {
		doi                   string
		authors, year         int
		refs, refDOIs, refRaw int
		citedBy               int
	}
	cases := []struct {
		file  string
		works []work
	}{
		{"crossref_work_10.1007_978-3-030-64953-1_4.json", []work{{"10.1007/978-3-030-64953-1_4", 1, 2021, 28, 13, 28, 0}}},
		{"crossref_work_10.1016_j.neurobiolaging.2010.03.024.json", []work{{"10.1016/j.neurobiolaging.2010.03.024", 11, 2012, 57, 55, 0, 242}}},
		{"crossref_work_10.1017_s1047951103000064.json", []work{{"10.1017/s1047951103000064", 2, 2003, 46, 22, 46, 11}}},
		{"crossref_work_10.1038_srep16696.json", []work{{"10.1038/srep16696", 8, 2015, 62, 62, 62, 110}}},
		{"crossref_work_10.7554_elife.01567.json", []work{{"10.7554/elife.01567", 5, 2014, 27, 27, 0, 26}}},
		{"crossref_works_list_3items.json", []work{
			{"10.1109/mitp.2002.1041177", 1, 2002, 0, 0, 0, 12},
			{"10.1109/infvis.2005.1532150", 5, 0, 0, 0, 0, 17}, // issued {"date-parts": [[null]]}
			{"10.1007/s10107-009-0306-5", 3, 2009, 45, 26, 45, 426},
		}},
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
				refDOIs, refRaw := 0, 0
				for _, ref := range r.References {
					if ref.DOI != "" {
						refDOIs++
					}
					if ref.Raw != "" {
						refRaw++
					}
				}
				got := work{r.DOI, len(r.Authors), r.Year, len(r.References), refDOIs, refRaw, *r.CitedByCount}
				if got != w {
					t.Errorf("work %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
		})
	}
}

// TestElife checks every field of one work, against the file as read by
// eye (crossref_work_10.7554_elife.01567.json, a bare work object without
// the envelope, as commonmeta-py saved it).
func TestElife(t *testing.T) {
	recs, err := decodeFile(t, "crossref_work_10.7554_elife.01567.json")
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	r := recs[0]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("title", r.Title, "Automated quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl secondary growth")
	check("venue", r.Venue, "eLife")
	check("volume", r.Volume, "3")
	check("type", r.Type, "article-journal")
	check("date", r.Date, "2014-02-11")
	check("publisher", r.Publisher, "eLife Sciences Publications, Ltd")
	check("language", r.Language, "en")
	check("url", r.URL, "https://elifesciences.org/articles/01567")
	check("issn", r.Identifiers[graph.IDISSN], "2050-084X")
	check("first author", r.Authors[0].String(), "Sankar, Martial")
	check("last author", r.Authors[4].String(), "Hardtke, Christian S")
	if !strings.HasPrefix(r.Abstract, "Among various advantages, their small size makes model organisms") || strings.Contains(r.Abstract, "<") {
		t.Errorf("abstract = %.100q", r.Abstract)
	}
	ref := r.References[0]
	check("ref key", ref.Key, "bib1")
	check("ref doi", ref.DOI, "10.1038/nature02100")
	check("ref title", ref.Title, "APL regulates vascular tissue identity in Arabidopsis")
	check("ref venue", ref.Venue, "Nature")
	check("ref volume", ref.Volume, "426")
	check("ref pages", ref.Pages, "181")
	check("ref author", ref.Authors[0].String(), "Bonke")
	if ref.Year != 2003 || ref.Raw != "" {
		t.Errorf("ref year %d raw %q, want 2003 and no raw string (none deposited)", ref.Year, ref.Raw)
	}
}

// TestChapter checks a book chapter: its venue is the book, not the
// series Crossref lists first, and its references' volume-title is their
// title.
func TestChapter(t *testing.T) {
	recs, err := decodeFile(t, "crossref_work_10.1007_978-3-030-64953-1_4.json")
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	r := recs[0]
	if r.Venue != "Empiricism and Philosophy of Physics" || r.Type != "chapter" || r.Pages != "53-71" {
		t.Errorf("venue %q type %q pages %q", r.Venue, r.Type, r.Pages)
	}
	ref := r.References[0] // the first in the file: Azzouni 2004, a book (volume-title, no article-title)
	if ref.Key != "4_CR12" || ref.Title != "Deflating existential consequence: A case for nominalism" || ref.Year != 2004 ||
		ref.DOI != "10.1093/0195159888.001.0001" || ref.Authors[0] != (graph.Author{Family: "Azzouni", Given: "J"}) ||
		!strings.HasPrefix(ref.Raw, "Azzouni, J. (2004). Deflating existential consequence") {
		t.Errorf("first reference = %+v", ref)
	}
}

// TestAbstract checks JATS abstracts: the heading "Abstract" dropped,
// paragraphs joined, titled sections kept (issue 4).
func TestAbstract(t *testing.T) {
	cases := []struct {
		name, in, text string
		sections       []string
	}{
		{"plain", "A plain abstract.", "A plain abstract.", nil},
		{"paragraphs", "<jats:p>First.</jats:p><jats:p>Second.</jats:p>", "First. Second.", nil},
		{"heading", "<jats:title>Abstract</jats:title><jats:p>Oligomers of <jats:italic>alpha</jats:italic>-synuclein.</jats:p>", "Oligomers of alpha-synuclein.", nil},
		{"sections", "<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec><jats:sec><jats:title>Methods:</jats:title><jats:p>How &amp; what.</jats:p></jats:sec>",
			"Background: Why. Methods: How & what.", []string{"Background=Why.", "Methods=How & what."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, secs := jatsAbstract(c.in)
			if text != c.text {
				t.Errorf("text %q, want %q", text, c.text)
			}
			var got []string
			for _, s := range secs {
				got = append(got, s.Label+"="+s.Text)
			}
			if strings.Join(got, "|") != strings.Join(c.sections, "|") {
				t.Errorf("sections %q, want %q", got, c.sections)
			}
		})
	}
	recs, _ := decodeFile(t, "crossref_work_10.1038_srep16696.json")
	if !strings.HasPrefix(recs[0].Abstract, "Oligomers of alpha-synuclein are toxic") {
		t.Errorf("srep16696 abstract = %.60q", recs[0].Abstract)
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name string
		head string
		want bool
	}{
		{"work envelope", `{"status":"ok","message-type":"work","message":{"DOI":"10.1/x"}}`, true},
		{"list envelope", `{"status":"ok","message-type":"work-list","message":{"items":[]}}`, true},
		{"member", `{"status":"ok","message-type":"member","message":{"id":1}}`, false},
		{"bare work", `{"indexed":{},"reference-count":2,"DOI":"10.1/x","title":["T"]}`, true},
		{"csl-json", `{"reference-count":2,"DOI":"10.1/x","title":"T","type":"article-journal"}`, false},
		{"array of works", `[{"DOI":"10.1/x","is-referenced-by-count":1,"title":["T"]}]`, true},
		{"openalex", `{"id":"https://openalex.org/W1","doi":"https://doi.org/10.1/x"}`, false},
		{"not json", `TY  - JOUR`, false},
		{"cut short", `{"status":"ok","message-type":"wo`, false},
	}
	for _, c := range cases {
		if got := (Format{}).Sniff([]byte(c.head)); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
	files, _ := filepath.Glob("testdata/*.json")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		want := strings.HasPrefix(filepath.Base(p), "crossref_")
		if got := (Format{}).Sniff(b[:min(len(b), 64<<10)]); got != want {
			t.Errorf("%s: Sniff = %v, want %v", p, got, want)
		}
	}
}

// TestShapes reads the shapes of answers other than the envelope.
func TestShapes(t *testing.T) {
	w := `{"DOI":"10.1/A","title":["A"],"reference-count":0}`
	cases := []struct {
		name, in string
		dois     []string
	}{
		{"array", "[" + w + "," + strings.ReplaceAll(w, "A", "B") + "]", []string{"10.1/a", "10.1/b"}},
		{"lines", w + "\n" + strings.ReplaceAll(w, "A", "B") + "\n", []string{"10.1/a", "10.1/b"}},
		{"items", `{"items":[` + w + `]}`, []string{"10.1/a"}},
		{"empty list", `{"status":"ok","message-type":"work-list","message":{"total-results":0,"items":[]}}`, nil},
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

// TestLines checks that each work of a pretty-printed list knows its line.
func TestLines(t *testing.T) {
	in := "{\n  \"message-type\": \"work-list\",\n  \"message\": {\n    \"items\": [\n      {\"DOI\": \"10.1/a\"},\n\n      {\n        \"DOI\": \"10.1/b\"\n      }\n    ]\n  }\n}\n"
	recs, err := decode(t, strings.NewReader(in))
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	if recs[0].Source.Line != 5 || recs[1].Source.Line != 7 {
		t.Errorf("lines %d and %d, want 5 and 7", recs[0].Source.Line, recs[1].Source.Line)
	}
}

// TestBadInput checks that problems are reported with their place, and
// that works read before them stand.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		records   int
		line, col int
		is        error
		msg       string
	}{
		{"cut off in the second item", "{\"message-type\":\"work-list\",\"message\":{\"items\":[\n{\"DOI\":\"10.1/a\"},\n{\"DOI\":\"10.1/b\",\"tit", 1, 3, 21, nil, "truncated"},
		{"bad character", "{\"message-type\":\"work\",\"message\":{\"DOI\": x}}", 0, 1, 42, nil, "invalid character 'x'"},
		// col 65: the end of the value of the wrong type
		{"wrong type", "{\"message-type\":\"work\",\"message\":{\"DOI\":\"10.1/a\",\"author\":\"Smith\"}}", 1, 1, 65, nil, "author: a JSON string where an array was expected"},
		{"member", `{"status":"ok","message-type":"member","message":{"id":1}}`, 0, 1, 50, ErrNotWorks, "message-type \"member\""},
		{"other json", `{"foo":1}`, 0, 0, 0, ErrNotWorks, "keys [\"foo\"]"},
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
			var se *SyntaxError
			if c.line > 0 {
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

func TestEmitError(t *testing.T) {
	stop := errors.New("stop")
	f, _ := os.Open("testdata/crossref_works_list_3items.json")
	defer f.Close()
	n := 0
	err := Decode(context.Background(), f, func(graph.Record) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("got %v after %d records, want the emit error after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f2, _ := os.Open("testdata/crossref_works_list_3items.json")
	defer f2.Close()
	if err := Decode(ctx, f2, func(graph.Record) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
