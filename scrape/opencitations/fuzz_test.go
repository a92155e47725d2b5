package opencitations

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzDecode feeds any bytes to Decode: it must not panic, must give the
// same records twice, must place every problem at a line and column, and
// every record of citation rows must have a reference per row it was made
// of (a record of a metadata answer has its DOI, and maybe no reference).
func FuzzDecode(f *testing.F) {
	readertest.AddFiles(f, "testdata/*.csv")
	readertest.AddFiles(f, "testdata/*.json")
	f.Add([]byte(`[{"doi":"10.1/a","source_title":"S","author":"A, B [orcid:0000-0001-5035-9263]; C","reference":"10.1/b; 10.1/c;2-u","year":"2019-03","citation_count":"2"}]`))
	f.Add([]byte(`[{"id":"doi:10.1/a isbn:9781402096327 omid:br/1","pub_date":"2020-02","venue":"V [issn:2641-3337]","type":"journal article","author":"A, B [orcid:0000-0003-0530-4305 omid:ra/1]; C [omid:ra/2]","citation":"10.1/x; 10.1/y"}]`)) // Meta; citing DOIs
	f.Add([]byte(`[{"oci":"1-2","citing":"omid:br/1 doi:10.1/a pmid:1","cited":"doi:10.1/b openalex:W1","creation":"2020-02-29","timespan":"-P1Y0M1D"}]`))
	f.Add([]byte("citing,cited,creation,timespan\n10.1/a,10.1/b,2020,P9999Y\n\"10.1/a\",\"10.1/c\nx\",,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckDecode(t, data, Decode, func(r graph.Record) {
			if len(r.References) == 0 && r.DOI == "" {
				t.Fatalf("a record without references: %+v", r)
			}
		})
	})
}

// FuzzCitedYear: any creation and timespan give a year near the creation
// or nothing, never a panic.
func FuzzCitedYear(f *testing.F) {
	f.Add("2003-10-24", "P2Y9M")
	f.Add("2010", "-P1Y")
	f.Add("2008-03-31", "P0Y1M0D")
	f.Fuzz(func(t *testing.T, creation, timespan string) {
		y, ok := CitedYear(creation, timespan)
		c, _, okc := parseDate(creation)
		if ok && (!okc || y < c.y-10001 || y > c.y+10001) {
			t.Fatalf("CitedYear(%q, %q) = %d", creation, timespan, y)
		}
	})
}
