package progress

import (
	"sync"
	"time"
)

// Names of the stages, as reporters show them. The analysis reports each
// of its measures under its own name (analysis.StagePageRank …).
const (
	Gather  = "gather"  // sources read into records
	Ingest  = "ingest"  // sources stored in a corpus
	Resolve = "resolve" // records merged into works
	Match   = "match"   // references matched to works
	Render  = "render"  // a map drawn by GraphViz
	Chase   = "chase"   // citation indexes asked, hop by hop
)

// Reporter receives the progress of stages. A stage is started, updated
// any number of times and finished; stages may overlap and several
// goroutines may report at once, so implementations must be safe for
// concurrent use. Reporters must not block for long: they are called
// from the stages' loops.
type Reporter interface {
	// Start says stage begins with total items to do (0 when unknown).
	Start(stage string, total int64)
	// Update says done of total items of stage are finished (total 0:
	// unknown). done only grows while the stage runs, but a caller
	// may change total.
	Update(stage string, done, total int64)
	// Finish says stage ended after seconds, with its counts in facts
	// (in the order the stage gives them; nil when it has none).
	Finish(stage string, seconds float64, facts []Fact)
}

// Fact is one count or value a stage ends with: {"records", 34}.
type Fact struct {
	Name  string
	Value any // a number, string or bool
}

// F returns the Fact name = value.
func F(name string, value any) Fact { return Fact{Name: name, Value: value} }

// Discard is the Reporter that does nothing, the default of every stage.
var Discard Reporter = discard{}

type discard struct{}

func (discard) Start(string, int64)            {}
func (discard) Update(string, int64, int64)    {}
func (discard) Finish(string, float64, []Fact) {}

// Or returns r, or Discard when r is nil.
func Or(r Reporter) Reporter {
	if r == nil {
		return Discard
	}
	return r
}

// Stage is one run of a stage on a Reporter: it keeps the stage's start
// time and total so that loops report only how far they are. Its methods
// may be called from several goroutines.
type Stage struct {
	r     Reporter
	name  string
	start time.Time

	mu    sync.Mutex
	total int64
	done  int64
	ended bool
}

// Begin starts stage on r (Discard when nil) with total items (0 when
// unknown) and returns it for Set and End.
func Begin(r Reporter, stage string, total int64) *Stage {
	s := &Stage{r: Or(r), name: stage, start: time.Now(), total: total}
	s.r.Start(stage, total)
	return s
}

// Set says done items are finished.
func (s *Stage) Set(done int64) { s.update(func() { s.done = done }) }

// Add says n more items are finished.
func (s *Stage) Add(n int64) { s.update(func() { s.done += n }) }

// SetTotal changes the number of items to do (a walk that finds more).
func (s *Stage) SetTotal(total int64) { s.update(func() { s.total = total }) }

// update makes change under the lock and reports the counts it leaves.
func (s *Stage) update(change func()) {
	s.mu.Lock()
	change()
	done, total := s.done, s.total
	s.mu.Unlock()
	s.r.Update(s.name, done, total)
}

// End finishes the stage with its time since Begin and facts. Only the
// first End of a stage reports; later ones do nothing.
func (s *Stage) End(facts ...Fact) {
	s.mu.Lock()
	ended := s.ended
	s.ended = true
	s.mu.Unlock()
	if !ended {
		s.r.Finish(s.name, time.Since(s.start).Seconds(), facts)
	}
}

// Seconds is the time since Begin.
func (s *Stage) Seconds() float64 { return time.Since(s.start).Seconds() }
