// Package semanticscholar reads Semantic Scholar Graph API answers saved as
// files, or handed over by a client as response bodies: papers
// (/paper/{id}, /paper/batch, /paper/search, /author/{id}/papers,
// recommendations) and the citations and references of a paper with their
// contexts and intents (/paper/{id}/citations, /paper/{id}/references).
//
// What goes in is one answer body (an io.Reader) and, for citations and
// references, the paper the request was about (Options; PaperRef reads it
// from the request's paper ID). What comes out is graph.Records: one per
// paper the answer describes, and for a references page one for the citing
// paper. Pages are streamed with encoding/json's Decoder item by item.
//
// How a paper becomes a record: externalIds.DOI → doi; title, abstract,
// year (else the year of publicationDate), publicationDate → date;
// authors[].name → authors; journal.name (else venue, else
// publicationVenue.name) → venue, journal.volume and journal.pages;
// publicationTypes → type in CSL's vocabulary ("Conference" before
// "JournalArticle"); citationCount → cited_by_count; url; paperId → the s2
// identifier, corpusId → s2corpus, externalIds MAG, ArXiv, PubMed,
// PubMedCentral → mag, arxiv, pmid, pmcid; publicationVenue.issn → issn.
// tldr, embedding and fieldsOfStudy are left out.
//
// Citation contexts: a citations answer lists the papers citing the
// requested paper, each with the sentences (contexts) in which it cites it.
// The records are the citing papers, because the answer describes them
// (title, authors, abstract …) and they are what forward citation chasing
// is after; each cites the requested paper through one reference, and each
// context is a statement pointing at that reference, so graph.Build makes
// one Cites edge per citing paper carrying its sentences and intents, with
// the citing paper a work of the graph rather than a nameless node. A
// references answer is the requested paper's reference list: its record
// holds the cited papers as references and the contexts as statements
// pointing at them. Intents are Semantic Scholar's: "background",
// "methodology", "result" — per context from contextsWithIntent when the
// answer has it, else the citation's list for each of its contexts — with
// "influential" added when S2 marks the citation isInfluential; several are
// joined by commas ("methodology,influential"). A citation without
// contexts makes the reference (and the edge) but no statement.
//
// Files:
//
//	semanticscholar.go  Format (scrape.StreamFormat "semanticscholar-api"), Options, Sniff, Decode, SyntaxError
//	paper.go            paper objects, contexts and intents, PaperRef
//	index.go            Index, the chasing client (index.Index) of the Academic Graph API
//	service.go          Host, Service (registered in scrape/services), the published limits
//
// The JSON streaming helpers (and SyntaxError, an alias here) are shared
// with the other answer readers in scrape/internal/jsonstream.
package semanticscholar
