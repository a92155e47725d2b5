// Package htmlmeta reads publishers' landing pages: the scholarly metadata
// they carry for indexers and, where the page holds the article's text,
// its reference list and citation statements.
//
// What goes in is a parsed HTML page (a goquery document); what comes out
// is one graph.Record: title, authors (with ORCID iDs where given), DOI
// and other identifiers, venue, volume, issue, pages, date, abstract,
// keywords, from Highwire Press citation_* tags (what Google Scholar asks
// publishers for), schema.org JSON-LD (ScholarlyArticle and relatives),
// Dublin Core DC.* tags, PRISM prism.* tags and COinS spans, in that order
// of trust; references from citation_reference tags or from the list in
// the page; and a statement for every sentence of the page's text that
// holds a linked citation, with an intent from package intent. A page
// without scholarly metadata gives ErrNoMetadata, never an empty work.
//
// Package scrape wraps it as the page format "htmlmeta" (scrape/htmlmeta.go);
// this package does not import scrape.
//
// Files:
//
//	meta.go      Has, Read: meta tags, JSON-LD, COinS, citation_reference
//	fulltext.go  the page's reference list and citation statements
package htmlmeta
