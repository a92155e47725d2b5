package scrape

import (
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/progress"
)

// Gathering is the bookkeeping of one gathering stage, the same for
// extract, run, ingest and analyse: the per-source Report, each source's
// problem told as it happens, and the stage progress.Gather (one item
// per source) on a progress.Reporter.
type Gathering struct {
	Report  Report
	onError func(error)
	stage   *progress.Stage
}

// NewGathering starts the stage progress.Gather on r (nil: none).
// onError, when not nil, is told each source's problem as the source
// ends (the CLI prints it).
func NewGathering(r progress.Reporter, onError func(error)) *Gathering {
	return &Gathering{onError: onError, stage: progress.Begin(r, progress.Gather, 0)}
}

// Visitor returns the Visitor of a walk (Registry.Walk, web.Gather) that
// passes each record to record and each source's end to the report, the
// error callback and the progress.
func (g *Gathering) Visitor(record func(graph.Record) error) Visitor {
	return Visitor{Record: record, Done: g.Done}
}

// Done records a source that gave records records and err (nil, or the
// problem that stopped or marred it), as a Visitor.Done.
func (g *Gathering) Done(path string, records int, err error) error {
	g.Report.Add(path, records, err)
	if err != nil && g.onError != nil {
		g.onError(err)
	}
	g.stage.Add(1)
	return nil
}

// End finishes the stage with its counts (sources, records, problems);
// Report.Err then says how the gathering went.
func (g *Gathering) End() {
	sources, problems, _, records, _ := g.Report.Counts()
	g.stage.End(progress.F("sources", sources), progress.F("records", records), progress.F("problems", problems))
}
