package opencitations

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

func decodeFile(t *testing.T, name string) []graph.Record {
	t.Helper()
	recs, err := readertest.CollectFile(t, Decode, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

// TestFiles pins the records of every file in testdata. Rows, their
// grouping by citing DOI and the creation dates were counted with
// python3's csv module (consecutive rows with the same "citing"); the
// cited years were computed with python3's dateutil: creation −
// relativedelta(timespan), for rows with both.
func TestFiles(t *testing.T) {
	type work struct {
		doi, date  string
		line, refs int
	}
	cases := []struct {
		file       string
		works      []work
		citedYears []int // of all references, in order
	}{
		{"coci_citations_quoted_6rows.csv", []work{
			{"10.1038/sj.cdd.4401289", "2003-10-24", 2, 1},
			{"10.1002/jrs.5400", "2018-06", 3, 2},
			{"10.1038/sj.cdd.4401284", "2003-08-22", 5, 1},
			{"10.1002/pola.10301", "2002-06-21", 6, 1},
			// "10.1130/2015.2513(00)" kept whole: its ")" closes the DOI's own bracket (issue 12).
			{"10.1130/2015.2513(00)", "", 7, 1},
		}, []int{2001, 2017, 2017, 1998, 0, 0}},
		{"coci_style_citations_emerald_jd-12-2013-0166.csv", []work{
			{"10.1108/jd-12-2013-0166", "", 2, 38},
			{"10.7717/peerj.4375", "", 40, 2},
		}, make([]int, 40)},
		{"croci_citations_with_day_precision_timespans.csv", []work{
			{"10.1002/asi.20755", "2008-01-15", 2, 13},
		}, []int{2007, 2006, 2003, 2006, 2005, 1977, 2006, 2007, 2002, 2005, 2006, 2006, 2002}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			recs := decodeFile(t, c.file)
			if len(recs) != len(c.works) {
				t.Fatalf("%d records, want %d", len(recs), len(c.works))
			}
			var years []int
			for i, w := range c.works {
				r := recs[i]
				got := work{r.DOI, r.Date, r.Source.Line, len(r.References)}
				if got != w {
					t.Errorf("record %d = %+v, want %+v", i, got, w)
				}
				for _, ref := range r.References {
					if ref.DOI == "" {
						t.Errorf("reference without DOI: %+v", ref)
					}
					years = append(years, ref.Year)
				}
			}
			if !equalInts(years, c.citedYears) {
				t.Errorf("cited years %v, want %v", years, c.citedYears)
			}
		})
	}
	recs := decodeFile(t, "coci_citations_quoted_6rows.csv")
	if k := recs[0].References[0].Key; k != "02001000308362819371213133704040001020809-020010009063615193700006300030306151914" {
		t.Errorf("first OCI %q", k)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCitedYear(t *testing.T) {
	cases := []struct {
		creation, timespan string
		year               int
		ok                 bool
	}{
		{"2003-10-24", "P2Y9M", 2001, true}, // 2003-10 less 2 years 9 months: 2001-01
		{"2003-02-24", "P2Y9M", 2000, true}, // 2003-02 less 2 years 9 months: 2000-05
		{"2018-06", "P0Y6M", 2017, true},    // 2017-12
		{"2018-06", "P1Y", 2017, true},
		{"2008-01-15", "P0Y0M14D", 2008, true},
		{"2008-01-15", "P0Y0M15D", 2007, true}, // 2007-12-31
		{"2008-03-31", "P0Y1M0D", 2008, true},  // 2008-02-29: the day kept within the month
		{"2010", "-P1Y", 2011, true},           // cited a year after the citing work
		{"2010-05-01", "-P0Y8M", 2011, true},
		{"2010", "P1Y2M", 0, false}, // creation less precise than the timespan
		{"", "P1Y", 0, false},
		{"2010", "", 0, false},
		{"2010-13", "P1Y", 0, false},
		{"2010", "1Y", 0, false},
		{"2010", "P", 0, false},
		{"2010", "PXY", 0, false},
	}
	for _, c := range cases {
		y, ok := CitedYear(c.creation, c.timespan)
		if y != c.year || ok != c.ok {
			t.Errorf("CitedYear(%q, %q) = %d, %v; want %d, %v", c.creation, c.timespan, y, ok, c.year, c.ok)
		}
	}
}

// TestJSON reads Index API answers: v1 (bare DOIs) and v2 (lists of
// identifiers), the v2 row as in OpenCitations' API documentation.
func TestJSON(t *testing.T) {
	v1 := `[
  {"oci": "0200101080636102704000806-0200101080636102704000806", "citing": "10.1108/jd-12-2013-0166", "cited": "10.1108/jd-12-2013-0166", "creation": "2015-03-09", "timespan": "P0Y", "journal_sc": "yes", "author_sc": "yes"},
  {"oci": "x", "citing": "10.1108/jd-12-2013-0166", "cited": "10.1007/s11192-009-0021-2", "creation": "2015-03-09", "timespan": "P5Y7M", "journal_sc": "no", "author_sc": "no"}
]`
	recs, err := decode(t, strings.NewReader(v1))
	if err != nil || len(recs) != 1 || len(recs[0].References) != 2 || recs[0].Source.Line != 2 || recs[0].References[1].Year != 2009 {
		t.Errorf("v1: %+v, %v", recs, err)
	}
	v2 := `[{"oci":"06101801781-06180334099","citing":"omid:br/06101801781 doi:10.7717/peerj-cs.421 pmid:33817056","cited":"omid:br/06180334099 doi:10.1108/jd-12-2013-0166","creation":"2021-03-10","timespan":"P6Y0M1D","journal_sc":"no","author_sc":"no"}]`
	recs, err = decode(t, strings.NewReader(v2))
	if err != nil || len(recs) != 1 {
		t.Fatalf("v2: %d records, %v", len(recs), err)
	}
	r := recs[0]
	ref := r.References[0]
	if r.DOI != "10.7717/peerj-cs.421" || r.Identifiers[graph.IDPMID] != "33817056" || r.Identifiers[IDOMID] != "br/06101801781" ||
		r.Year != 2021 || ref.DOI != "10.1108/jd-12-2013-0166" || ref.Identifiers[IDOMID] != "br/06180334099" ||
		ref.Year != 2015 || ref.Key != "06101801781-06180334099" {
		t.Errorf("v2 record %+v", r)
	}
	if recs, err := decode(t, strings.NewReader("[]")); err != nil || len(recs) != 0 {
		t.Errorf("no citations: %d records, %v", len(recs), err)
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name, head string
		want       bool
	}{
		{"v1 csv", "oci,citing,cited,creation,timespan,journal_sc,author_sc\n", true},
		{"quoted csv", "\"citing\",\"cited\",\"creation\"\r\n", true},
		{"json", `[{"oci":"1-2","citing":"10.1/a","cited":"10.1/b"}]`, true},
		{"other csv", "Authors,Title,Year\n", false},
		{"other json", `[{"DOI":"10.1/a"}]`, false},
		{"empty array", `[]`, false},
	}
	for _, c := range cases {
		if got := (Format{}).Sniff([]byte(c.head)); got != c.want {
			t.Errorf("%s: Sniff = %v, want %v", c.name, got, c.want)
		}
	}
	files, _ := filepath.Glob("testdata/*.csv")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		if !(Format{}).Sniff(b) {
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
		{"no columns", "a,b\n1,2\n", 0, 1, 1, ErrNotCitations, "the header is \"a,b\""},
		{"bad quote", "citing,cited\n10.1/a,10.1/b\n10.1/c,\"10.1/d\"x\n10.1/e,10.1/f\n", 2, 3, 15, nil, "extraneous or missing \" in quoted-field"},
		{"no cited id", "citing,cited\n10.1/a,10.1/b\n10.1/a,nonsense\n10.1/c,10.1/d\n", 2, 3, 1, nil, "no identifier for the cited work in \"nonsense\""},
		{"no citing id", "citing,cited\n,10.1/b\n10.1/c,10.1/d\n", 1, 2, 1, nil, "no identifier for the citing work"},
		{"json cut off", "[{\"citing\":\"10.1/a\",\"cited\":\"10.1/b\"},\n{\"citing\":\"10.1/c\",\"cit", 1, 2, 24, nil, "truncated"},
		{"json after the array", `[{"citing":"10.1/a","cited":"10.1/b"}] x`, 1, 1, 40, nil, "more after the array"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs, err := decode(t, strings.NewReader(c.in))
			if len(recs) != c.records {
				t.Errorf("%d records, want %d", len(recs), c.records)
			}
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %v does not say %q", err, c.msg)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v has no position", err)
			}
			if l, col := se.Position(); l != c.line || col != c.col {
				t.Errorf("position %d:%d, want %d:%d", l, col, c.line, c.col)
			}
		})
	}
}

// TestBuild checks that graph.Build makes a Cites edge per row.
func TestBuild(t *testing.T) {
	recs := decodeFile(t, "croci_citations_with_day_precision_timespans.csv")
	g := graph.Build(recs)
	n := 0
	for _, e := range g.Edges(graph.Cites) {
		if e.F.DOI == "10.1002/asi.20755" {
			n++
		}
	}
	if n != 13 {
		t.Errorf("%d Cites edges from 10.1002/asi.20755, want 13 (one per row)", n)
	}
	if w := g.Work("doi:10.2307/2529310"); w == nil || w.Year != 1977 {
		t.Errorf("cited work 10.2307/2529310: %+v, want a node of 1977", w)
	}
}
