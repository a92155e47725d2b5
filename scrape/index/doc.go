// Package index holds the clients of the open citation indexes citegraph
// chases citations through: OpenAlex, Crossref, OpenCitations (COCI, via
// the Index API v2) and Semantic Scholar, each an Index, and scite's
// tallies (Scite), asked for when a key is given.
//
// What goes in is identifiers (ID: a DOI, an OpenAlex ID, a PMID …), many
// at a time; what comes out is graph.Records, decoded from the indexes'
// answers by the offline readers of packages openalex, crossref,
// opencitations, semanticscholar and sciteapi, with Source.Path the URL
// asked (without credentials) and Source.Format the reader's name. So a
// record from the network is the record `citegraph extract` gives for the
// same answer saved to a file, and graph.Build resolves the union.
//
// Every request goes through a fetch.Fetcher, which paces each host by its
// published limits, retries failures, honours Retry-After and keeps the
// raw answers in its cache; the clients only build URLs, page to the end
// and decode:
//
//	OpenAlex         /works?filter=doi:a|b… (OpenAlexBatch per request), referenced_works
//	                 looked up by OpenAlex ID, citations by filter=cites:W…; cursor paging
//	Crossref         /works?filter=doi:a,doi:b… (cursor paging), /works/{doi} with its
//	                 deposited references; no citations (members only): ErrUnsupported
//	OpenCitations    /references/doi:… and /citations/doi:… as CSV; no metadata
//	Semantic Scholar POST /paper/batch, /paper/{id}/references and /citations with
//	                 contexts, intents and isInfluential; offset paging while "next"
//	scite            POST /tallies (SciteBatch DOIs)
//
// A work an index does not hold (404) is skipped; a request that fails
// after the Fetcher's retries is collected and returned at the end, joined,
// after the other works were asked; an error of the caller's emit or the
// context's ends a call at once.
//
// Files:
//
//	index.go            ID, ParseID, Index, Config and what the clients share
//	openalex.go         OpenAlex
//	crossref.go         Crossref
//	opencitations.go    OpenCitations
//	semanticscholar.go  SemanticScholar
//	scite.go            Scite
package index
