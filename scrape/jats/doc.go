// Package jats reads JATS full-text XML (the Journal Article Tag Suite,
// ANSI/NISO Z39.96, and the NLM DTDs before it), as PubMed Central, Europe
// PMC, PLOS, eLife, BMC, Frontiers, PeerJ and bioRxiv publish it, into
// records: the article's metadata, its reference list and a citation
// statement for every sentence of the body that cites.
//
// What goes in is the XML as a stream (one <article>, or a
// <pmc-articleset> of many); what comes out is one graph.Record per
// article: DOI, PMID and PMCID, title, authors with ORCID iDs, journal,
// volume, issue, pages, date, abstract (with its sections when
// structured), keywords; every <ref> of the reference list, wherever it
// stands, with its structured fields, identifiers, raw string and its id
// as Key; and the statements: each sentence holding an
// <xref ref-type="bibr">, its section path ("Discussion > Limitations"),
// the references it links (ranges "[3]–[6]" expanded) and the citations
// as printed, with an intent from package intent.
//
// The reader streams tokens with encoding/xml and keeps only the text of
// paragraphs that cite; malformed or truncated XML gives a *PosError with
// line and column.
//
// Files:
//
//	jats.go  Format (Sniff, Extract), front matter
//	body.go  sections, paragraphs, figures and tables into paragraphs with citations
//	refs.go  reference lists
//	xml.go   PosError, attr
//
// The token reader, PosError (an alias here) and the reference subtrees
// are shared with scrape/tei in scrape/internal/xmlread.
package jats
