package scrape

import (
	"github.com/citegraph/citegraph/scrape/bibtex"
	"github.com/citegraph/citegraph/scrape/cassette"
	"github.com/citegraph/citegraph/scrape/crossref"
	"github.com/citegraph/citegraph/scrape/csljson"
	"github.com/citegraph/citegraph/scrape/jats"
	"github.com/citegraph/citegraph/scrape/medline"
	"github.com/citegraph/citegraph/scrape/openalex"
	"github.com/citegraph/citegraph/scrape/opencitations"
	"github.com/citegraph/citegraph/scrape/ovid"
	"github.com/citegraph/citegraph/scrape/proquest"
	"github.com/citegraph/citegraph/scrape/ris"
	"github.com/citegraph/citegraph/scrape/s2orc"
	"github.com/citegraph/citegraph/scrape/sciteapi"
	"github.com/citegraph/citegraph/scrape/semanticscholar"
	"github.com/citegraph/citegraph/scrape/tabular"
	"github.com/citegraph/citegraph/scrape/tei"
	"github.com/citegraph/citegraph/scrape/wos"
)

// streamFormats lists the stream extractors of the subpackages, in the
// order their Sniff is tried: the most specific first. One line per format.
func streamFormats() []StreamFormat {
	return []StreamFormat{
		// (formats are added here, one per line)
		proquest.Reader{},  // ProQuest text export ("Report Information from ProQuest")
		ovid.Reader{},      // Ovid EndNote-format export ("<1. >" headers)
		medline.Reader{},   // PubMed MEDLINE/nbib ("PMID- ")
		wos.Plain{},        // Web of Science plain text ("FN …", "PT J")
		wos.Tab{},          // Web of Science tab-delimited (header "PT\tAU\t…")
		ris.Reader{},       // RIS ("TY  - ")
		tabular.Lens{},     // Lens.org CSV (header "Lens ID,…")
		tabular.OpenAlex{}, // OpenAlex CSV (header "id,…,display_name,…")
		tabular.Embase{},   // Embase.com CSV (header with "Embase Accession ID")
		tabular.Scopus{},   // Scopus CSV (header "Authors,…,Source title,…,EID")

		jats.Format{},  // JATS/NLM full-text XML ("<article" with a JATS/NLM doctype or <front>/<article-meta>)
		tei.Format{},   // GROBID TEI XML ("<TEI" in the TEI namespace)
		s2orc.Format{}, // S2ORC and doc2json full-text JSON ({"paper_id": … with body_text/pdf_parse/grobid_parse)

		cassette.Format{},        // VCR cassettes of API answers (YAML "interactions:")
		crossref.Format{},        // Crossref REST answers ("message-type": "work"/"work-list", or a work with its title as an array)
		openalex.Format{},        // OpenAlex answers ("meta"/"results" with W… ids, or a work)
		semanticscholar.Format{}, // Semantic Scholar Graph API answers ("paperId", "citingPaper", "citedPaper")
		sciteapi.Format{},        // scite API answers ("tallies", "papers")
		opencitations.Format{},   // OpenCitations citation rows (CSV header or JSON keys "citing", "cited")

		csljson.Reader{}, // CSL-JSON (items with "type", "title", "issued")
		bibtex.Reader{},  // BibTeX and BibLaTeX ("@article{")
	}
}
