package semanticscholar

import (
	"testing"

	"github.com/citegraph/citegraph/scrape/internal/readertest"
)

// BenchmarkDecode decodes the Turing paper with its 1,000 citations (2.7 MB,
// with a 768-number embedding) and the citation object with contexts:
// MB/s, records/s and allocations.
func BenchmarkDecode(b *testing.B) {
	readertest.BenchDecode(b, with(Options{}), "records/s", "s2_paper_turing1950_with_1000_citations.json", "s2_citation_object_with_contexts_intents.json")
}
