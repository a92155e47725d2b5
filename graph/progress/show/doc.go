// Package show shows progress (see graph/progress) to people and
// programs: Bar draws a bar per running stage on a terminal, JSON writes
// one JSON line per update and per finished stage for batch schedulers.
// citegraph's commands choose between them with --progress.
//
// Files:
//
//	show.go  JSON, Bar
package show
