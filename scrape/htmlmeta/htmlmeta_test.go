package htmlmeta

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/citegraph/citegraph/graph"
)

func load(t *testing.T, name string) *goquery.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Expected numbers: links are the page's citation links counted with grep
// (PeerJ: data-jats-ref-type="bibr"; Springer Nature: data-test=
// "citation-ref"; eLife: href="#bibN"; PLOS: href="#pone.0213978.refN";
// PMC: href="#gks1195-BN"; Nature news: href="#ref-CR1"); refs are the
// reference list's entries counted with grep (citation_reference tags for
// PLOS and Springer Nature, whose list in the page is cut off or equal;
// reference-list__item for eLife, div id="ref-N" for PeerJ, li
// id="gks1195-BN" for PMC); the metadata was read from the meta tags by
// eye; stmts is what the reader gives (a regression number).
var pages = []struct {
	file              string
	links, refs       int
	stmts             int
	doi, title        string
	year, authors     int
	firstAuthor       string
	venue             string
	sample, sampleSec string
	sampleRefs        int
}{
	{"elife_article.html", 46, 17, 35, "10.7554/elife.44753", "Parallel visual circuitry in a basal chordate", 2019, 7, "Kourakis, Matthew J", "",
		"Previous in situ hybridization studies identified VGAT- and VACHT-expressing neurons in the appropriate place in the BV to be RNs (Yoshida et al., 2004).",
		"Results > Posterior brain vesicle relay neurons are mixed VGAT- and VACHT-expressing", 1},
	{"first_monday_ojs3_hiv_surveillance.html", 0, 0, 0, "10.5210/fm.v25i10.10274", "Surveillance, stigma & sociotechnical design for HIV", 2020, 3, "Liang, Calvin", "First Monday", "", "", 0},
	{"nature_news_d41586-020-02610-z.html", 1, 1, 1, "10.1038/d41586-020-02610-z", "More than 100 scientific journals have disappeared from the Internet", 2020, 1, "Kwon, Diana", "Nature", "", "", 0},
	{"peerj_4375_state_of_oa.html", 73, 52, 49, "10.7717/peerj.4375", "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles", 2018, 9, "Piwowar, Heather", "PeerJ",
		"Academic social networks like ResearchGate and Academia.edu now offer authors an increasingly popular but controversial solution to author self-archiving (Björk, 2016a; Björk, 2016b).", "Introduction", 2},
	{"plos_one_pone.0213978.html", 16, 23, 9, "10.1371/journal.pone.0213978", "Assessment on reticuloendotheliosis virus infection in specific-pathogen-free chickens based on detection of yolk antibody", 2019, 11, "Li, Yang", "PLOS ONE",
		"Recently in China, the use of REV-contaminated attenuated vaccines is considered to be an important cause of REV infection [8–10].", "Introduction", 3},
	{"pmc_PMC3531190_genbank.html", 18, 13, 14, "10.1093/nar/gks1195", "GenBank", 2012, 7, "Benson, Dennis A", "Nucleic Acids Research",
		"GenBank (1) is a comprehensive public database of nucleotide sequences and supporting bibliographic and biological annotation.", "INTRODUCTION", 1},
	{"springernature_nature_s41586-021-03819-2_alphafold.html", 113, 84, 47, "10.1038/s41586-021-03819-2", "Highly accurate protein structure prediction with AlphaFold", 2021, 34, "Jumper, John", "Nature",
		"Despite recent progress10,11,12,13,14, existing methods fall far short of atomic accuracy, especially when no homologous structure is available.", "Abstract", 5},
}

func TestPages(t *testing.T) {
	for _, w := range pages {
		t.Run(w.file, func(t *testing.T) {
			doc := load(t, w.file)
			if !Has(doc) {
				t.Fatal("no metadata found")
			}
			r, err := Read(doc)
			if err != nil {
				t.Fatal(err)
			}
			r.Normalize()
			_, paras := pageText(load(t, w.file), metaReferences(readMetas(doc)))
			links := 0
			for _, p := range paras {
				links += len(p.Anchors)
			}
			if links != w.links {
				t.Errorf("citation links = %d, want %d", links, w.links)
			}
			if len(r.References) != w.refs || len(r.Statements) != w.stmts {
				t.Errorf("references, statements = %d, %d; want %d, %d", len(r.References), len(r.Statements), w.refs, w.stmts)
			}
			if r.DOI != w.doi || r.Title != w.title || r.Year != w.year || len(r.Authors) != w.authors || r.Authors[0].String() != w.firstAuthor {
				t.Errorf("got %q %q %d %d %v", r.DOI, r.Title, r.Year, len(r.Authors), r.Authors)
			}
			if w.venue != "" && r.Venue != w.venue {
				t.Errorf("venue %q, want %q", r.Venue, w.venue)
			}
			for _, ref := range r.References {
				if ref.Raw == "" {
					t.Errorf("reference without raw: %+v", ref)
				}
			}
			if w.sample == "" {
				return
			}
			for _, st := range r.Statements {
				if st.Text == w.sample {
					if st.Section != w.sampleSec || len(st.Refs) != w.sampleRefs || st.Intent == "" {
						t.Errorf("sample: %q, %d refs, intent %q", st.Section, len(st.Refs), st.Intent)
					}
					return
				}
			}
			t.Errorf("no statement %q", w.sample)
		})
	}
}

func TestNoMetadata(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><head><title>Cats</title><meta name="description" content="cats"><meta property="og:title" content="Cats"></head><body><p>Cats (Smith 2001).</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if Has(doc) {
		t.Error("a page without scholarly metadata detected")
	}
	if _, err := Read(doc); !errors.Is(err, ErrNoMetadata) {
		t.Errorf("err = %v", err)
	}
}

// TestOtherSources reads the forms no page of testdata has, written here
// from the specifications: COinS (Z39.88-2004 KEV), JSON-LD with a @graph,
// and a plain-text citation_reference.
func TestOtherSources(t *testing.T) {
	src := `<html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"ScholarlyArticle","headline":"On Things","author":[{"@type":"Person","givenName":"Ada","familyName":"Lovelace","identifier":"https://orcid.org/0000-0002-1825-0097"}],"datePublished":"1843-09","isPartOf":{"@type":"PublicationIssue","issueNumber":"3","isPartOf":{"@type":"PublicationVolume","volumeNumber":"12","isPartOf":{"@type":"Periodical","name":"Notes"}}},"pageStart":"1","pageEnd":"9","sameAs":"https://doi.org/10.1234/ABC"}]}</script>
<meta name="citation_reference" content="Babbage C. 1837. On the analytical engine. doi:10.5555/xyz">
</head><body><span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft.atitle=Ignored&amp;rft.jtitle=Notes&amp;rft_id=info%3Apmid%2F12345&amp;rft.au=Lovelace%2C+Ada"></span></body></html>`
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(src))
	r, err := Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	r.Normalize()
	want := graph.Record{Title: "On Things", DOI: "10.1234/abc", Year: 1843, Date: "1843-09", Venue: "Notes", Volume: "12", Issue: "3", Pages: "1-9"}
	if r.Title != want.Title || r.DOI != want.DOI || r.Year != want.Year || r.Date != want.Date || r.Venue != want.Venue ||
		r.Volume != want.Volume || r.Issue != want.Issue || r.Pages != want.Pages || r.Identifiers["pmid"] != "12345" {
		t.Errorf("got %+v", r)
	}
	if len(r.Authors) != 1 || r.Authors[0].String() != "Lovelace, Ada" || r.AuthorORCIDs[0] != "0000-0002-1825-0097" {
		t.Errorf("authors %v %v", r.Authors, r.AuthorORCIDs)
	}
	if len(r.References) != 1 || r.References[0].DOI != "10.5555/xyz" || r.References[0].Year != 1837 {
		t.Errorf("references %+v", r.References)
	}
}

// TestAuthorSuffix: "Given Family Jr." names the family, not "Jr."
// (hand-written page; graph.ParseName keeps the suffix with the given
// names).
func TestAuthorSuffix(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<html><head>
<meta name="citation_title" content="T"><meta name="citation_author" content="Martin Luther King Jr.">
<meta name="citation_doi" content="10.1000/xyz"></head><body></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Authors) != 1 || r.Authors[0].Family != "King" {
		t.Errorf("authors %+v, want family King", r.Authors)
	}
}
