package web

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/scrape"
)

// Gather reads every input as a command takes them: files and folders
// through cfg.Registry's Walk, then the URLs, DOIs and PMCIDs through a
// Source (opened only when there are some), each kind in the order given.
// v sees every source as Registry.Walk describes. The error is ctx's,
// v's, or a failure to open or close the WARC file; a source that cannot
// be read is only reported to v.Done.
func Gather(ctx context.Context, inputs []string, cfg Config, v scrape.Visitor) error {
	if cfg.Registry == nil {
		cfg.Registry = scrape.Default()
	}
	files, remote := Split(inputs)
	if len(files) > 0 {
		if err := cfg.Registry.Walk(ctx, files, cfg.Format, v); err != nil {
			return err
		}
	}
	if len(remote) == 0 {
		return nil
	}
	src, err := Open(cfg)
	if err != nil {
		return err
	}
	err = src.Walk(ctx, remote, v)
	return errors.Join(err, src.Close())
}

// String says on one line what came of a page, for a log on stderr:
// "fetched 10.1/x (depth 0): 1 record (jats) from Europe PMC full text
// https://…/fullTextXML", "fetched https://x/p: 2 records (htmlmeta) from
// the page https://x/p", or the failure.
func (f Fetched) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fetched %s", f.Input)
	if f.Depth > 0 {
		fmt.Fprintf(&b, " (reference, depth %d)", f.Depth)
	}
	if f.Err != nil {
		fmt.Fprintf(&b, ": failed: %v", f.Err)
		return b.String()
	}
	plural := "s"
	if f.Records == 1 {
		plural = ""
	}
	from := "the page " + f.FinalURL
	if f.Via == "europepmc" {
		from = "Europe PMC's open full text " + f.FinalURL
	}
	fmt.Fprintf(&b, ": %d record%s (%s) from %s", f.Records, plural, f.Format, from)
	return b.String()
}
