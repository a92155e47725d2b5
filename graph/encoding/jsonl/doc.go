// Package jsonl writes and reads records as JSON Lines: one graph.Record
// per line, in the records contract documented in the README (the keys
// `citegraph extract` promises). HTML characters are not escaped, so titles
// stay readable; output is deterministic for the same records.
package jsonl
