// Package chase chases citations from a few works (the seeds: the studies
// a systematic review included) through the open citation indexes
// (index.Index; scrape/services lists them): backward to the works they cite, forward to the works
// citing them, or both, for one or more hops.
//
// What goes in is seeds (ReadSeeds reads a list of identifiers or any
// export package scrape reads) and the indexes to ask; what comes out of
// Run is a Result: every record the indexes gave, resolved into one graph
// by graph.Build (so a work two indexes give is one candidate), the
// candidates ranked by how strongly they connect to the seed set (Rank:
// seeds cited and citing, then co-citation and coupling with the seeds),
// and a Report of what TARCiS and PRISMA-S ask reviewers to report: the
// seeds, the indexes queried and when (Tracker), per-index and per-seed
// counts, the overlap between indexes, the duplicates removed, the unique
// candidates, and, given an earlier report, what is new since.
//
// All network access goes through the indexes' fetch.Fetcher, so limits,
// retries and the cache are its business: a chase interrupted by
// cancelling its context stops at once, and a rerun with the same cache
// asks only what it had not received.
//
// Files:
//
//	chase.go   Run, Options, Direction, StageName: the hops
//	rank.go    Candidate, Rank
//	report.go  Report and its JSON, Markdown and summary forms, Compare, Tracker
//	files.go   Result.WriteFiles (candidates.ris, candidates.csv, records.jsonl, the report), Result.Store
//	seeds.go   Seed, ReadSeeds
package chase
