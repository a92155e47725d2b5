package progress_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/graph/progress"
)

// log is a Reporter that writes down every call.
type log struct {
	mu    sync.Mutex
	calls []string
}

func (l *log) add(s string)                    { l.mu.Lock(); l.calls = append(l.calls, s); l.mu.Unlock() }
func (l *log) Start(stage string, total int64) { l.add(fmt.Sprintf("start %s %d", stage, total)) }
func (l *log) Update(stage string, done, total int64) {
	l.add(fmt.Sprintf("update %s %d/%d", stage, done, total))
}
func (l *log) Finish(stage string, _ float64, facts []progress.Fact) {
	l.add(fmt.Sprintf("finish %s %v", stage, facts))
}

func TestStage(t *testing.T) {
	var l log
	st := progress.Begin(&l, progress.Gather, 0)
	st.Add(1)
	st.Add(2)
	st.SetTotal(5)
	st.Set(5)
	st.End(progress.F("records", 7))
	st.End() // a second End reports nothing
	want := []string{"start gather 0", "update gather 1/0", "update gather 3/0", "update gather 3/5", "update gather 5/5", "finish gather [{records 7}]"}
	if !slices.Equal(l.calls, want) {
		t.Errorf("calls %q\nwant %q", l.calls, want)
	}
}

// TestStageConcurrent: Add from many goroutines counts every item (run
// with -race).
func TestStageConcurrent(t *testing.T) {
	var l log
	st := progress.Begin(&l, progress.Chase, 100)
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			for range 10 {
				st.Add(1)
			}
		})
	}
	wg.Wait()
	st.End()
	if !slices.Contains(l.calls, "update chase 100/100") {
		t.Errorf("no update reached 100/100: %q", l.calls)
	}
}

// TestNil: a nil Reporter is Discard, so stages need no check.
func TestNil(t *testing.T) {
	if progress.Or(nil) != progress.Discard {
		t.Error("Or(nil) is not Discard")
	}
	st := progress.Begin(nil, progress.Render, 0)
	st.Add(1)
	st.End()
}
