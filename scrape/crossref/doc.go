// Package crossref reads Crossref REST API answers saved as files, or
// handed over by a client as response bodies: a work (/works/{doi}), a list
// of works (/works?query=…, /works?filter=…, with cursor pages), a bare work
// object, an object holding "items" (a file of Crossref's public data
// dump), an array of works, or works one per line.
//
// What goes in is one answer body (an io.Reader); what comes out is one
// graph.Record per work, in answer order. Lists are streamed with
// encoding/json's Decoder one item at a time, so memory is bounded by the
// largest work, not by the length of the list.
//
// How a work becomes a record:
//
//	DOI                      doi
//	title (+ subtitle)       title, "Title: Subtitle", markup removed
//	author                   authors ("family", or "name" for an organisation), ORCIDs
//	issued (else published, published-print, published-online)   year and date
//	container-title          venue (the first; for parts of books the last, the book)
//	volume, issue, page (else article-number)
//	abstract (JATS)          abstract, and its sections when it has titled ones
//	type                     type, in CSL's vocabulary (CSLType)
//	publisher, language, resource.primary.URL (else URL)
//	ISSN (print first), ISBN identifiers issn, isbn
//	is-referenced-by-count   cited_by_count
//	reference                references, in order
//
// Each reference keeps Crossref's "key" as its key, "unstructured" as its
// raw string, and the structured fields where deposited: DOI, first author
// ("author"), year, article-title (else volume-title or series-title) as
// its title, journal-title (else the volume-title of a chapter) as its
// venue, volume, issue, first-page as its pages, ISSN and ISBN. A reference
// without "unstructured" has an empty raw string: nothing is made up.
// Crossref's "subject" lists are the journal's subject categories, not the
// work's keywords, and are left out.
//
// Files:
//
//	crossref.go    Format (scrape.StreamFormat "crossref-api"), Sniff, Decode, SyntaxError
//	work.go        the work and reference objects, and their records; CSLType
//	markup.go      markup in titles, JATS abstracts
//	index.go       Index, the chasing client (index.Index) of the REST API
//	service.go     Host, Service (registered in scrape/services), the published limits
//
// The JSON streaming helpers (and SyntaxError, an alias here) are shared
// with the other answer readers in scrape/internal/jsonstream.
package crossref
