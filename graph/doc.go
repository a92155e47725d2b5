// Package graph is the vocabulary every stage of citegraph speaks and the
// resolved citation graph built from it.
//
// What goes in: Records (record.go), one per work as one source describes
// it — the unit scrape produces and the JSON object `citegraph extract`
// writes. What comes out of Build (build.go): one Graph in which the same
// work seen in many sources is one node (*Work), with typed edges (*Edge):
// Cites from citing to cited work carrying its citation statements and
// sources, CoCited between works cited in one statement, and Related for
// links pages show that are not citations. Works nobody describes but
// somebody cites or mentions stay nodes, marked by their NodeKind.
//
// Everything is deterministic: node IDs are dense and follow the stable
// keys ("doi:…", "w:…", "m:…", "s:…"), edges are sorted, and Build's result
// depends only on the set of records. The Graph satisfies gonum's
// graph.Directed (over Cites edges, without self-citations), so gonum's
// algorithms run on it without copying; import gonum's graph package as
// gograph.
//
// Files:
//
//	record.go     Record and its parts: Author, Reference, Statement, CitingStatement, Mention, Source, Tallies
//	normalize.go  NormalizeDOI, CleanText, Fold, TitleKey, ParseName
//	ids.go        identifier schemes: NormalizeID (DOI, PMID, PMCID, arXiv, OpenAlex, ISBN, ISSN…), identity keys
//	graph.go      Graph, Work, Edge, NodeKind, EdgeKind and the gonum interfaces
//	build.go      Build, BuildWith: identity resolution, mention resolution, Report
//	decisions.go  a reviewer's rulings (same / different) that BuildWith honours
//	dedup.go      how records without a shared identifier are compared: rules, scores, Review
//	prisma.go     PrismaCounts: the PRISMA 2020 identification counts of a build
//	match.go      how a reference without a shared identifier is scored against a work
//	refparse.go   ParseReference: WoS, Scopus, Vancouver and APA reference strings
//	compact.go    Compact: the CSR graph core the analysis runs on (gonum graph.Directed)
//	cycles.go     Generic (the graph for dominikbraun/graph) and CitationCycles
//	accuracy_test.go  precision and recall of deduplication and matching on testdata/matching (docs/ACCURACY.md (matching))
//
// The corpus database is graph/store; graph/progress is the one progress
// interface of every long stage (BuildOptions.Progress: resolve, match);
// graph/output is the table of run's outputs; writers for the graph live in
// graph/encoding/... (dot, csv, jsonl, graphml, gexf, pajek, vosviewer,
// graphjson, report, ris, bibtex, csljson).
package graph
