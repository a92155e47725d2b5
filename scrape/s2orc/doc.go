// Package s2orc reads the full-text JSON of S2ORC and of doc2json (Allen
// AI's converter of GROBID output) into records: the paper's metadata,
// its bibliography entries as references and the body's sentences that
// cite them as statements.
//
// What goes in is one JSON object or one object per line (JSON Lines);
// what comes out is one graph.Record per paper, sent to the registry's
// callback. A failure is a PosError with its line and column.
//
// Files:
//
//	s2orc.go  Format, Extract, PosError
package s2orc
