package show

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/citegraph/citegraph/graph/progress"
)

// JSON returns a progress.Reporter that writes one JSON line per update
// to w, {"stage": NAME, "done": N, "total": T} (total 0: unknown; at most
// one line every half second per stage, and always the last), and one
// per finished stage, {"stage": NAME, "seconds": S, facts…} with the
// stage's facts in their order: the lines batch schedulers read. Write
// errors are ignored: progress must not fail the work.
func JSON(w io.Writer) progress.Reporter {
	return &jsonProgress{w: w, last: map[string]time.Time{}}
}

type jsonProgress struct {
	mu   sync.Mutex
	w    io.Writer
	last map[string]time.Time
}

const jsonEvery = 500 * time.Millisecond

func (p *jsonProgress) Start(stage string, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last[stage] = time.Now()
	p.line(stage, progress.F("done", 0), progress.F("total", total))
}

func (p *jsonProgress) Update(stage string, done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last[stage]) >= jsonEvery || done == total {
		p.last[stage] = now
		p.line(stage, progress.F("done", done), progress.F("total", total))
	}
}

func (p *jsonProgress) Finish(stage string, seconds float64, facts []progress.Fact) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.last, stage)
	s := strconv.FormatFloat(seconds, 'f', 3, 64)
	p.line(stage, append([]progress.Fact{progress.F("seconds", json.Number(s))}, facts...)...)
}

// line writes {"stage": stage, facts…} in the order given.
func (p *jsonProgress) line(stage string, facts ...progress.Fact) {
	var b bytes.Buffer
	b.WriteString(`{"stage":`)
	name, _ := json.Marshal(stage)
	b.Write(name)
	for _, f := range facts {
		k, _ := json.Marshal(f.Name)
		v, err := json.Marshal(f.Value)
		if err != nil {
			v, _ = json.Marshal(fmt.Sprint(f.Value))
		}
		b.WriteByte(',')
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteString("}\n")
	_, _ = p.w.Write(b.Bytes())
}

// Bar returns a progress.Reporter for a terminal w: each running stage
// is a github.com/schollz/progressbar/v3 bar with counts, rate and time
// left (a spinner with the elapsed time when its total is unknown, as
// while GraphViz draws), cleared when the stage finishes; a stage that
// took a second or more leaves a line with its time.
func Bar(w io.Writer) progress.Reporter {
	return &barProgress{w: w, bars: map[string]*progressbar.ProgressBar{}}
}

type barProgress struct {
	mu   sync.Mutex
	w    io.Writer
	bars map[string]*progressbar.ProgressBar
}

func (p *barProgress) Start(stage string, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if total <= 0 {
		total = -1
	}
	p.bars[stage] = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(stage),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(), progressbar.OptionSetWidth(30), progressbar.OptionUseANSICodes(true))
}

func (p *barProgress) Update(stage string, done, total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b := p.bars[stage]
	if b == nil {
		return
	}
	if total > 0 && b.GetMax64() != total {
		b.ChangeMax64(total)
	}
	_ = b.Set64(done)
}

func (p *barProgress) Finish(stage string, seconds float64, _ []progress.Fact) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b := p.bars[stage]; b != nil {
		_ = b.Finish()
		_ = b.Clear()
		delete(p.bars, stage)
	}
	if seconds >= 1 {
		fmt.Fprintf(p.w, "%s: %.1f s\n", stage, seconds)
	}
}
