// Package store keeps a corpus in an embedded SQLite database, one file, no
// server, so that batch runs build on each other: the sources read (by
// content hash, so an unchanged input is never read twice), the records
// each gave with their identifiers, references and statements, the runs,
// and the resolved graph of the last build (works, edges, and how every
// reference was matched).
//
// Every source is written in one transaction: a process killed at any
// moment (kill -9) leaves the store as it was before the source it was
// writing, and the next run picks up from there. Records are stored in the
// JSON of the records contract, next to columns for querying.
//
// The driver is modernc.org/sqlite, SQLite compiled to pure Go: no cgo, so
// the binary builds and cross-compiles anywhere Go does, and it is SQLite
// itself, file format included, so any sqlite3 shell opens the corpus.
//
// Ingest and Resolve are the store operations of citegraph ingest and run
// --db: every file under some roots stored source by source (the reading
// is the caller's: a Reader lists and extracts, so the store does not
// know formats), then the graph of everything held built and stored with
// the run. OpenExisting opens a corpus that must exist. UpdateResolve is
// both in one locked Update, as the commands call them.
//
// Files: store.go (Open, schema, runs, sources), ingest.go (Ingest,
// Resolve, OpenExisting), run.go (Update, UpdateResolve, ReadRecords),
// graphs.go (the resolved graph).
package store
