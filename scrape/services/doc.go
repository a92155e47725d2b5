// Package services is the one list of the citation-index services
// citegraph talks to (OpenAlex, Crossref, OpenCitations, Semantic Scholar,
// scite): each is an index.Service from its own package, which holds the
// service's answer decoder, its client and its published limits. chase
// asks the indexes of All; every Fetcher that talks to them paces them by
// Fetch.
//
//	services.go  All, Fetch, Indexes, Names, Lookup
package services
