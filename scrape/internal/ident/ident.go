// Package ident sets the identifiers of a record or reference read from a
// source (scrape/htmlmeta, scrape/s2orc, scrape/tei): one rule, the first
// valid value of a scheme kept, normalised (Set); and the ORCID iDs of its
// authors, kept only when one author has one (ORCIDs: scrape/crossref,
// htmlmeta, medline, openalex, sciteapi, tei).
package ident

import "github.com/citegraph/citegraph/graph"

// Set keeps v, normalised by graph.NormalizeID, as the identifier of
// scheme in m, unless m has one already or v is not one of scheme's (""
// included). It returns m, made when it was nil and v is kept.
func Set(m map[string]string, scheme, v string) map[string]string {
	if v == "" {
		return m
	}
	n, err := graph.NormalizeID(scheme, v)
	if err != nil {
		return m
	}
	if m == nil {
		m = map[string]string{}
	}
	if _, ok := m[scheme]; !ok {
		m[scheme] = n
	}
	return m
}

// ORCIDs returns the ORCID iDs of a record's authors (one per author, ""
// where an author has none), or nil when no author has one: a record's
// AuthorORCIDs is nil unless it says something.
func ORCIDs(orcids []string) []string {
	for _, o := range orcids {
		if o != "" {
			return orcids
		}
	}
	return nil
}
