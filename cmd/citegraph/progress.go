package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/progress"
)

const progressHelp = `
Progress goes to stderr: a bar per stage on a terminal (gather, resolve,
match, the measures of the analysis, render with its elapsed time, chase),
nothing when stderr is not a terminal. --progress json writes one JSON
line per update instead, {"stage": NAME, "done": N, "total": T} (at most
two a second per stage; total 0: unknown), and each finished stage as
{"stage": NAME, "seconds": S, …} with its counts. --quiet shows none.
`

// progressOptions are the root's --quiet and --progress, shared by every
// command through streams.
type progressOptions struct {
	quiet bool
	mode  string

	once sync.Once
	r    progress.Reporter
}

func (o *progressOptions) addFlags(f *pflag.FlagSet) {
	f.BoolVarP(&o.quiet, "quiet", "q", false, "show no progress")
	f.StringVar(&o.mode, "progress", "auto", "how progress is shown on stderr: auto (a bar on a terminal, else nothing), bar, json or none")
}

func (o *progressOptions) validate() error {
	switch o.mode {
	case "auto", "bar", "json", "none":
		return nil
	}
	return fmt.Errorf("--progress %q: want auto, bar, json or none", o.mode)
}

// reporter is the progress.Reporter the flags ask for on s.errOut,
// progress.Discard without flags (tests) or with --quiet.
func (s streams) reporter() progress.Reporter {
	o := s.progress
	if o == nil {
		return progress.Discard
	}
	o.once.Do(func() {
		switch {
		case o.quiet || o.mode == "none":
			o.r = progress.Discard
		case o.mode == "json":
			o.r = &jsonProgress{w: s.errOut, last: map[string]time.Time{}}
		case o.mode == "bar" || s.isTTY:
			o.r = &barProgress{w: s.errOut, bars: map[string]*progressbar.ProgressBar{}}
		default:
			o.r = progress.Discard
		}
	})
	return o.r
}

// jsonProgress writes one JSON line per update: {"stage", "done",
// "total"} at most every jsonEvery per stage, and {"stage", "seconds",
// facts…} when a stage finishes.
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
	_, _ = p.w.Write(b.Bytes()) // progress is best effort: a closed stderr must not fail the command
}

// barProgress shows each running stage as a progressbar bar (a spinner
// with the elapsed time when its total is unknown) and clears it when
// the stage finishes; a stage that took a second or more leaves a line
// with its time.
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
