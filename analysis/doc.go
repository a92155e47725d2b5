// Package analysis turns the resolved citation graph into results:
// centralities, communities and the themes that label them.
//
// What goes in is a *graph.Graph built by graph.Build, plus explicit
// parameters (Options). What comes out are plain values indexed by node ID
// (0 … g.Len()-1): degree counts, PageRank, betweenness, a community number
// per work, the modularity of that division and one Theme per community.
// Nothing here reads files, prints or logs, and nothing keeps state between
// calls.
//
// Results are deterministic: the same graph and the same Options give
// bit-identical results on every run. Loops visit nodes and neighbours in
// ID order, floating-point sums are taken in a fixed order, and every
// random choice (the order in which Leiden and Louvain visit nodes,
// Leiden's refinement, the k-means seeds of the themes, the sources of
// sampled betweenness) comes from a PCG generator seeded with
// Options.Seed, drawn without math/rand's helpers so that a Go release
// cannot change it. (Across processor architectures the
// last bits may differ: Go may fuse a multiplication and an addition into
// one instruction on some, such as arm64.) That is why PageRank,
// betweenness and Louvain are written here rather than taken from gonum:
// gonum's PageRank starts from a random vector, and its Louvain and
// modularity add weights in the order a graph lists neighbours, which for
// its map-based simple graphs changes from run to run; on a weighted graph
// like the community graph, gonum's Q took ten different bit patterns in
// twenty runs with one seed. gonum remains the reference the tests compare
// against, and the community graph is a gonum simple graph so that any
// gonum algorithm can run on it.
//
// # Terms
//
// Text links of the community graph and theme labels both work on terms
// drawn from WorkText. The text is cut into clauses at line breaks and
// punctuation (hyphens and apostrophes do not cut); possessive "'s" goes,
// each clause is folded with graph.Fold and split into words, and a word
// is kept unless it is a stopword (English function words, generic
// academic words such as "paper", "study", "findings", the labels of
// structured abstracts and publishers' boilerplate; see stopwords.go),
// shorter than three letters or a number. Each kept word is a term, and so
// is each bigram of two kept words standing next to each other in one
// clause ("peer support"): a dropped word or a clause boundary breaks it.
//
// # Files
//
// Run computes everything at once; each piece can also be called on its
// own.
//
//	analysis.go        Options, Weights, Result and Run
//	degree.go          Degrees
//	pagerank.go        PageRank (power iteration)
//	betweenness.go     Betweenness (Brandes)
//	communitygraph.go  CommunityGraph: the undirected weighted graph Louvain divides
//	louvain.go         Communities (Louvain) and Modularity
//	text.go            WorkText, the tokeniser, TF-IDF text neighbours
//	stopwords.go       the stopword list
//	themes.go          Themes: c-TF-IDF labels per community
//	input.go           Citations (a Graph or a graph.Compact), parallel loops
//	hits.go            HITS hubs and authorities
//	kcore.go           KCore
//	age.go             citation age, year-normalised citations
//	burst.go           Kleinberg bursts over citation years
//	mainpath.go        SPC and the main path
//	network.go         Network: citations, co-citation, coupling, co-authorship, terms
//	derived.go         DerivedNetworks: the bounded co-citation, coupling, co-authorship and term networks run writes
//	leiden.go          Leiden (CPM, modularity) and its Louvain mode
//	textthemes.go      TextThemes: term vectors smoothed over citations, k-means
//	compare.go         NMI and ARI
//	generate.go        GrowCitations: the growth model of the benchmarks
//	addgraph.go        AddGraph and Combine: the works of pages and exports joined to a graph.Compact
//	measures.go        Measures and StagesOf: the measures asked for by name
package analysis
