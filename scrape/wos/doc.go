// Package wos reads Web of Science exports: the plain-text format (Plain,
// "wos") and the tab-delimited one (Tab, "wos-tab"). Each record becomes a
// graph.Record with its cited references (CR) as References, each keeping
// the reference string in Raw, the accession number (UT) as the "wos"
// identifier and the Times Cited count (TC) as CitedByCount.
//
// Both readers stream: records are emitted as they are read, in bounded
// memory. A malformed record is reported as a *SyntaxError (with its line)
// and reading goes on; the errors are joined at the end.
//
// A continuation line whose indent was lost still continues its field;
// one that starts like a tag ("AN EXPERIMENTAL STUDY", "SU Y") is told
// from a field by Clarivate's tag list: a tag Clarivate does not define
// (or only for Derwent's patents, in another record), a tag the record has
// already, a name with initials among names, a cited reference in CR all
// continue. Derwent's names without a comma ("YANG Y") are family then
// initials; PS, the page span, gives the pages when BP does not.
//
// ParseCitedReference reads one cited reference in Web of Science's short
// form; the BibTeX reader uses it for Web of Science's Cited-References
// field.
//
// Files:
//
//	plaintext.go  Plain
//	tab.go        Tab
//	record.go     fields to graph.Record, SyntaxError
//	cr.go         ParseCitedReference
//
// Lines are read with scrape/internal/lines, ISSNs and ISBNs found with
// scrape/internal/stdnum.
//
// The package does not import scrape; scrape's registry lists it.
package wos
