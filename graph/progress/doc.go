// Package progress is how citegraph's long stages tell their caller how
// they go: one small Reporter interface that gather (scrape), resolve and
// match (graph), ingest (graph/store), the measures of the analysis,
// render (graph/output) and chase (scrape/chase) all report to, with
// Discard, doing nothing, as the default.
//
// A stage is begun, told how far it is, and ended with its own time and
// counts:
//
//	st := progress.Begin(r, progress.Gather, int64(len(files)))
//	for i, f := range files {
//		…
//		st.Set(int64(i + 1))
//	}
//	st.End(progress.F("records", n))
//
// The reporters that show it, a bar on a terminal and one JSON line per
// update for batch schedulers, are in graph/progress/show; the stages
// only report, never print.
//
// Files:
//
//	progress.go  Reporter, Discard, Or, Stage, Begin, Fact, F, the stage names
package progress
