package biblio_test

import (
	"testing"

	"github.com/citegraph/citegraph/analysis/biblio"
	"github.com/citegraph/citegraph/graph"
)

// FuzzCountry: Country never panics, and the country it finds is found
// again in its own output (normalised names are fixed points).
func FuzzCountry(f *testing.F) {
	for _, s := range []string{
		"UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.",
		"OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.",
		"Univ Wollongong, Sch Management, Wollongong, NSW 2522, Australia.",
		"N Univ China, Taiyuan 030051, Peoples R China.",
		"Prirodno Matemat Fak, Sarajevo, Bosnia & Herceg.",
		"Dept X, Changsha, Hunan, 410013, China; email: x@y.cn",
		"ALLEN PJ, 1966, AM J PHYS, V34, P1185", "", ",", " . ", "England",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, addr string) {
		c := biblio.Country(addr)
		if c != "" && biblio.Country(c) != c {
			t.Errorf("Country(%q) = %q, but Country(%q) = %q", addr, c, c, biblio.Country(c))
		}
		_ = biblio.AuthorName(graph.Author{Family: addr, Given: addr})
	})
}

// TestCountry: addresses as the exports print them (the optics WoS file,
// the Scopus file, the 96-record WoS file).
func TestCountry(t *testing.T) {
	for addr, want := range map[string]string{
		"UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.":             "NORWAY",
		"OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.":                                "USA",
		"PA 2010 MASSACHUSETTS AVE NW, WASHINGTON, DC 20036 USA":                "USA",
		"N Univ China, Taiyuan 030051, Peoples R China.":                        "CHINA",
		"Prirodno Matemat Fak, Sarajevo, Bosnia & Herceg.":                      "BOSNIA AND HERZEGOVINA",
		"Univ Coll London, London WC1E 6BT, England.":                           "UNITED KINGDOM",
		"Hunan Normal University Health Science Center, Hunan, Changsha, China": "CHINA",
		"ALLEN PJ, 1966, AM J PHYS, V34, P1185":                                 "",
		// PubMed's AD (pubmed_medline_175records_abc.medline, record 1).
		"Department of Microbial Genetics, University of Lodz, Poland. Electronic address: mgadzal@biol.uni.lodz.pl.": "POLAND",
	} {
		if got := biblio.Country(addr); got != want {
			t.Errorf("Country(%q) = %q, want %q", addr, got, want)
		}
	}
}
