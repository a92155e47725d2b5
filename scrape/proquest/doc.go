// Package proquest reads the plain-text export of ProQuest's platform
// (Export → Text only, "Report Information from ProQuest"): a table of
// contents, then one block per document ("Document 1 of 100", the title,
// "Author: …", the docview link, "Abstract: …" and "Field: value" lines up
// to a rule of underscores), then optionally a bibliography in a citation
// style, which repeats the documents and is not read again. Reader
// implements the stream-format interface of package scrape without
// importing it; it is a stream format (named "proquest-export") because
// exports run to thousands of documents, unlike the single document pages
// that scrape's "proquest" page format reads.
//
// Mapping: Title, Author (";"-separated), Abstract, Publication title
// (venue), Volume, Issue, Pages or First page, Publication year and date,
// DOI, ISSN, ISBN, Language, Publisher (or University/institution for
// dissertations), Document type (to a CSL type), Identifier / keyword and
// Subject (keywords), ProQuest document ID (identifier proquest_id),
// Dissertation/thesis number (doc_number) and the docview link (URL).
//
// Files: proquest.go (Reader, mapping). Lines are read with
// scrape/internal/lines, ISSNs and ISBNs found with scrape/internal/stdnum.
package proquest
