// Package bibtex writes records as BibTeX (with the BibLaTeX fields and
// types that reference managers read: date, online, dataset …), for
// Zotero, JabRef, Mendeley, EndNote and LaTeX. Output is UTF-8 and
// deterministic for the same records.
//
// Entry types come from the CSL type (Types). Keys are the first author's
// family name folded to ASCII letters, the year and the first word of the
// title ("Sankar2014automated"); a repeated key gets "a", "b" … appended.
// Fields, in this order: author ("Family, Given and …"), title, journal
// or booktitle (venue), year, month, date (ISO, when more than the year
// is known), volume, number, pages ("1--10"), doi, url, abstract,
// keywords (joined by ", ", or by "; " when a keyword holds a comma),
// issn, isbn, publisher, language, and the other identifiers by scheme
// name (pmid, pmcid, eid for Scopus, unique-id for Web of Science, eprint
// with eprinttype = arxiv …). Text values have LaTeX's special characters
// escaped (\&, \%, \$, \#, \_, \{, \}, \textbackslash{} …); doi and url are
// written as they are, as BibLaTeX reads them verbatim.
package bibtex
