package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"

	"github.com/citegraph/citegraph/graph/memlimit"
	"github.com/citegraph/citegraph/scrape"
)

// Exit codes, decided here and nowhere else.
const (
	exitOK          = 0   // everything worked
	exitFailure     = 1   // the command failed
	exitUsage       = 2   // bad flags or arguments; usage was printed
	exitPartial     = 3   // some sources failed; the rest were processed
	exitInterrupted = 130 // SIGINT or SIGTERM
)

func main() {
	memlimit.Set()
	ctx, stop := interruptContext()
	defer stop()
	s := streams{
		in: os.Stdin, out: os.Stdout, errOut: os.Stderr,
		isTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
	os.Exit(run(ctx, os.Args[1:], s))
}

// interruptContext is the root context, cancelled by SIGINT or SIGTERM.
// The first signal cancels it, which every step checks, and the command
// ends with exitInterrupted; after it the signals are no longer caught, so
// a second one ends the process at once.
func interruptContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}

// run executes the command line args and returns the exit code. It is the
// only place that prints errors.
func run(ctx context.Context, args []string, s streams) int {
	root := newRootCommand(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return exitCode(err, s)
}

// exitCode maps an error to the exit code and prints it.
func exitCode(err error, s streams) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var pe *partialError
	var spe *scrape.PartialError
	switch {
	case errors.Is(err, context.Canceled): // first: a step cut short by the signal may be wrapped as anything
		fmt.Fprintln(s.errOut, "citegraph: interrupted")
		return exitInterrupted
	case errors.As(err, &ue):
		fmt.Fprintf(s.errOut, "citegraph: %v\n", ue.err)
		if ue.usage != "" {
			fmt.Fprintf(s.errOut, "\n%s", ue.usage)
		}
		return exitUsage
	case errors.As(err, &spe):
		fmt.Fprintf(s.errOut, "citegraph: %v\n", spe)
		return exitPartial
	case errors.As(err, &pe):
		fmt.Fprintf(s.errOut, "citegraph: %v\n", pe)
		return exitPartial
	default:
		fmt.Fprintf(s.errOut, "citegraph: %v\n", err)
		return exitFailure
	}
}

// usageError is a mistake in the command line.
type usageError struct {
	err   error
	usage string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// partialError means the command did its work but some sources failed;
// they were reported on stderr as they happened.
type partialError struct {
	failed, total int
	what          string // what failed: "sources" when empty
	partial       int    // of the failed, those read in part (their good records kept)
}

func (e *partialError) Error() string {
	what := e.what
	if what == "" {
		what = "sources"
	}
	if e.partial > 0 {
		return fmt.Sprintf("%d of %d %s had problems (%d read in part, their good records kept; see the messages above); the others were processed", e.failed, e.total, what, e.partial)
	}
	return fmt.Sprintf("%d of %d %s failed (see the messages above); the others were processed", e.failed, e.total, what)
}
