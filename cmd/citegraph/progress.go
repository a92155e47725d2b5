package main

import (
	"fmt"
	"sync"

	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/progress"
	"github.com/citegraph/citegraph/graph/progress/show"
	"github.com/citegraph/citegraph/scrape"
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
	return oneOf("--progress", o.mode, "auto", "bar", "json", "none")
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
			o.r = show.JSON(s.errOut)
		case o.mode == "bar" || s.isTTY:
			o.r = show.Bar(s.errOut)
		default:
			o.r = progress.Discard
		}
	})
	return o.r
}

// gathering is a scrape.Gathering reporting progress on s and printing
// each failed source on s.errOut.
func (s streams) gathering() *scrape.Gathering {
	return scrape.NewGathering(s.reporter(), func(err error) { fmt.Fprintln(s.errOut, err) })
}
