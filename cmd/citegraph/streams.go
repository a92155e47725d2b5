package main

import "io"

// streams are the command's input and outputs: data goes to out, progress,
// warnings and summaries to errOut. Commands never use os.Stdout directly.
type streams struct {
	in     io.Reader
	out    io.Writer
	errOut io.Writer
	// isTTY reports whether errOut is a terminal (progress is shown only
	// then).
	isTTY bool
	// progress are the --quiet and --progress flags (nil: no progress);
	// see reporter.
	progress *progressOptions
}
