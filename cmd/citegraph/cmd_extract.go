package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/web"
)

type extractOptions struct {
	format   string
	database string
	to       string
	paths    []string
	web      webOptions
}

func (o *extractOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&o.format, "format", "", "read every input as this format instead of detecting it ("+strings.Join(scrape.Default().Formats(), ", ")+")")
	f.StringVar(&o.database, "database", "", "the database the inputs were exported from (e.g. \"CINAHL\"), for records whose export does not say")
	f.StringVar(&o.to, "to", "jsonl", "write the records as this format ("+strings.Join(output.RecordFormats, ", ")+")")
	o.web.addFlags(f, "web.warc.gz", "depth")
}

// validate checks the options before anything runs.
func (o *extractOptions) validate(ctx context.Context, args []string) (err error) {
	if o.paths, err = o.web.validate(ctx, args); err != nil {
		return err
	}
	if len(o.paths) == 0 {
		return errors.New("extract: no PATH given")
	}
	if !slices.Contains(output.RecordFormats, o.to) {
		return fmt.Errorf("--to %q: unknown output format (known: %s)", o.to, strings.Join(output.RecordFormats, ", "))
	}
	return validateFormat(o.format)
}

func validateFormat(format string) error {
	if format != "" && !slices.Contains(scrape.Default().Formats(), format) {
		return fmt.Errorf("--format %q: unknown format (known: %s)", format, strings.Join(scrape.Default().Formats(), ", "))
	}
	return nil
}

func newExtractCommand(s streams) *cobra.Command {
	return command(s, &extractOptions{}, &cobra.Command{
		Use:   "extract PATH...",
		Short: "Extract records from pages and exports as JSON Lines, RIS, BibTeX or CSL-JSON",
		Long: `Extract reads each PATH (a file, or a folder read recursively in name order)
and writes one JSON object per work the inputs describe to stdout, one per
line, with at least the keys doi, title, year, authors, venue, volume, issue,
pages, abstract, references, statements, cited_by and source (see README).
The kind of each input is detected from its content. An input that cannot
be read is reported on stderr and the others go on.

--to ris, --to bibtex or --to csljson writes the records instead as RIS,
BibTeX or CSL-JSON (one array), for reference managers and screening tools
(Zotero, EndNote, Rayyan, Covidence, ASReview); --to jsonl is the default.
` + webHelp + exitCodesHelp,
	})
}

func (o extractOptions) run(ctx context.Context, s streams) error {
	w := output.NewRecordWriter(o.to, s.out)
	ga := s.gathering()
	err := web.Gather(ctx, o.paths, o.web.config("", o.format, s.errOut), ga.Visitor(scrape.NamingDatabase(o.database, func(r graph.Record) error { return w.Write(&r) })))
	ga.End()
	if ferr := w.Close(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	return ga.Report.Err()
}

// batchError is nil when every source was read, a partialError when some
// failed, and a plain failure when all did.
func batchError(failed, total int) error {
	switch {
	case failed == 0:
		return nil
	case failed == total:
		return fmt.Errorf("none of the %d sources could be read (see the messages above)", total)
	default:
		return &partialError{failed: failed, total: total}
	}
}
