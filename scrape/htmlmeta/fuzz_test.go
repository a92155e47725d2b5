package htmlmeta

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// FuzzRead: any page, no panic; Read fails only with ErrNoMetadata, and
// statements' refs index the references.
func FuzzRead(f *testing.F) {
	raw, err := os.ReadFile("testdata/pmc_PMC3531190_genbank.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw[:20000])) // read whole by go test; too large to explore (readertest.FuzzCap)
	for _, b := range readertest.Shrunk(f, "testdata/*.html", readertest.ShrinkHTML) {
		f.Add(string(b))
	}
	f.Add(`<meta name="citation_title" content="T"><meta name="citation_reference" content="citation_title=A;citation_author=B, C D;citation_year=2001"><p>See <a href="#ref1">1</a>–<a href="#ref3">3</a>.</p><ol class="references"><li id="ref1">A</li></ol>`)
	f.Add(`<script type="application/ld+json">[{"@type":["ScholarlyArticle"],"name":{"@value":"x"},"author":"A B","isPartOf":{"isPartOf":{"isPartOf":{}}}}]</script><span class="Z3988" title="rft.atitle=%zz"></span>`)
	f.Fuzz(func(t *testing.T, s string) {
		if readertest.TooLargeToFuzz(len(s)) {
			return
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
		if err != nil {
			return
		}
		r, err := Read(doc)
		if err != nil {
			if !errors.Is(err, ErrNoMetadata) {
				t.Fatalf("error %v", err)
			}
			return
		}
		for _, st := range r.Statements {
			for _, i := range st.Refs {
				if i < 0 || i >= len(r.References) {
					t.Fatalf("ref %d of %d", i, len(r.References))
				}
			}
		}
	})
}
