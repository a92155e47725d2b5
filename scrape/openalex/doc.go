// Package openalex reads OpenAlex API answers saved as files, or handed over
// by a client as response bodies: a work (/works/W…), a page of works
// (/works?filter=…&cursor=…: "meta" and "results"), an array of works, or
// works one per line as in OpenAlex's snapshot.
//
// What goes in is one answer body (an io.Reader); what comes out is one
// graph.Record per work, in answer order. Pages are streamed with
// encoding/json's Decoder one result at a time, so memory is bounded by the
// largest work, not by the page size.
//
// How a work becomes a record:
//
//	doi (else ids.doi)                 doi
//	title (else display_name)          title, markup removed
//	publication_year, publication_date year, date
//	authorships[].author               authors (display_name, else raw_author_name), ORCIDs
//	primary_location.source            venue, publisher (host organisation), issn (issn_l);
//	                                   the older host_venue where there is no primary_location
//	primary_location.landing_page_url  url
//	biblio                             volume, issue, pages ("first-last")
//	abstract_inverted_index            abstract, the words put back in order
//	type_crossref (else type)          type, in CSL's vocabulary
//	keywords[].display_name            keywords
//	language, cited_by_count           language, cited_by_count
//	id, ids.mag, ids.pmid, ids.pmcid   identifiers openalex, mag, pmid, pmcid
//	referenced_works                   references, each with only its openalex identifier
//
// OpenAlex's referenced_works name works by ID alone: a reference has no
// DOI, title or raw string, and graph.Build ties it to a work that has the
// same OpenAlex ID (from another OpenAlex answer) or keeps it as a node of
// its own. related_works are OpenAlex's suggestions, not citations, and
// are left out; so are concepts, topics and counts_by_year.
//
// Files:
//
//	openalex.go    Format (scrape.StreamFormat "openalex-api"), Sniff, Decode, SyntaxError
//	work.go        the work object and its record
//	index.go       Index, the chasing client (index.Index) of the API
//	service.go     Host, Service (registered in scrape/services), the published limits
//
// The JSON streaming helpers (and SyntaxError, an alias here) are shared
// with the other answer readers in scrape/internal/jsonstream.
package openalex
