// Package opencitations reads OpenCitations citation data: answers of the
// Index REST API (COCI v1 and Index v2: /citations/{id}, /references/{id},
// /citation/{oci}) saved as JSON or CSV, and the CSV files of the COCI,
// CROCI and Index dumps.
//
// What goes in is rows, one citation each (oci, citing, cited, creation,
// timespan, journal_sc, author_sc; the oci column may be missing); what
// comes out is one graph.Record per citing work, with a reference per
// cited work, so that graph.Build makes a Cites edge per row. JSON arrays
// are streamed element by element and CSV row by row; rows of one citing
// work that follow each other make one record.
//
// The fields kept, and where:
//
//	citing      the record's doi and identifiers (pmid, pmcid, openalex, arxiv, omid)
//	creation    the record's date and year: the citing work's publication date
//	cited       a reference's doi and identifiers
//	oci         the reference's key: the citation's Open Citation Identifier
//	timespan    the reference's year: creation less timespan (CitedYear)
//
// journal_sc and author_sc (journal and author self-citation) have no place
// in a record and are left out.
//
// An answer of the metadata operation (COCI v1 /metadata/{dois}: a JSON
// array of works with doi, title, author "Family, Given, ORCID; …",
// source_title, source_id, volume, issue, page, year, reference,
// citation, citation_count, oa_link) gives a record per work: its
// references are the "; "-separated DOIs of "reference", citation_count
// its cited-by count, source_id's ISSN an identifier. Each DOI of
// "citation" (the works citing it) gives a record after it, as an answer
// of the citations operation would: the citing work, with one reference,
// to this work. OpenCitations Meta's metadata answers (id as a list of
// identifiers, pub_date, venue, type, publisher, with each name's and
// venue's identifiers in brackets) are read the same way.
//
// Files:
//
//	opencitations.go  Format (scrape.StreamFormat "opencitations"), Sniff, Decode, identifiers, SyntaxError
//	dates.go          creation dates, timespans, CitedYear
//	metadata.go       answers of the metadata operation
//	index.go          Index, the chasing client (index.Index) of the Index API v2
//	service.go        Host, HostWeb, Service (registered in scrape/services), the published limits
//
// The JSON streaming helpers (and SyntaxError, an alias here) are shared
// with the other answer readers in scrape/internal/jsonstream.
package opencitations
