package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/output"
	"github.com/citegraph/citegraph/scrape"
)

const exitCodesHelp = `
Exit codes:
  0    success
  1    failure
  2    bad usage (flags or arguments)
  3    partial success: some sources (or parts of them) could not be read and
       were reported; the rest were processed
  130  interrupted (SIGINT or SIGTERM)
`

func newRootCommand(s streams) *cobra.Command {
	s.progress = &progressOptions{}
	root := &cobra.Command{
		Use:   "citegraph",
		Short: "Turn the scholarly literature on a topic into a citation graph",
		Long: `citegraph reads saved web pages (scite.ai citation reports, Academia.edu
paper pages, Emerald listings, ProQuest abstracts), database exports, full
texts, API answers and citation edge lists, resolves the works they describe
into one citation graph, analyses it and draws it with GraphViz.

Inputs it reads (detected from the content; --format names one):
` + wrap(strings.Join(scrape.Default().Formats(), ", "), "  ", 76) + `
and edge lists (SNAP, LINQS .cites/.content, dates files; run and analyse).

Outputs of run, always and as --formats chooses ("citegraph help run" lists
the files):
` + wrap("works, matching, graph, centrality, themes, "+strings.Join(output.Optional(), ", "), "  ", 76) + `
and extract writes JSON Lines, RIS, BibTeX or CSL-JSON (--to).
` + progressHelp + exitCodesHelp,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{err: fmt.Errorf("unknown command %q", args[0]), usage: c.UsageString()}
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
		PersistentPreRunE: func(c *cobra.Command, _ []string) error {
			if err := s.progress.validate(); err != nil {
				return &usageError{err: err, usage: c.UsageString()}
			}
			return nil
		},
	}
	s.progress.addFlags(root.PersistentFlags())
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetHelpCommand(newHelpCommand(root))
	root.SetOut(s.out)
	root.SetErr(s.errOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err: err, usage: c.UsageString()}
	})
	root.AddCommand(newExtractCommand(s), newRunCommand(s))
	root.AddCommand(newIngestCommand(s))
	root.AddCommand(newAnalyseCommand(s))
	root.AddCommand(newChaseCommand(s))
	return root
}

// version is what --version prints: the module version, the VCS revision
// when the build recorded one, and the Go version.
func version() string {
	rev, gover := output.Revision()
	if rev == "" {
		rev = "unknown (built without VCS information, e.g. with -buildvcs=false)"
	}
	return fmt.Sprintf("citegraph %s\nrevision %s\n%s", output.Version(), rev, gover)
}

// newHelpCommand is cobra's help command, except that a topic it does not
// know is a usage error (exit 2), not a help page.
func newHelpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(_ *cobra.Command, args []string) error {
			c, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 || len(args) > 0 && c == root {
				return &usageError{err: fmt.Errorf("help: unknown command %q", strings.Join(args, " ")), usage: root.UsageString()}
			}
			return c.Help()
		},
	}
}

// wrap joins the words of s (split at ", ") into lines of at most width
// bytes, each starting with indent.
func wrap(s, indent string, width int) string {
	var b strings.Builder
	line := indent
	for i, w := range strings.Split(s, ", ") {
		if i > 0 {
			w = ", " + w
		}
		if len(line)+len(w) > width && strings.TrimSpace(line) != "" {
			b.WriteString(strings.TrimRight(line, " ") + ",\n")
			line = indent + strings.TrimPrefix(w, ", ")
			continue
		}
		line += w
	}
	b.WriteString(line)
	return b.String()
}

// subcommand is what a command does: its flags, their validation (with
// the arguments), and its work.
type subcommand interface {
	addFlags(*pflag.FlagSet)
	validate(context.Context, []string) error
	run(context.Context, streams) error
}

// command completes c with o: o adds c's flags, and c's RunE validates o
// with the arguments (a failure is a usage error, printed with c's usage),
// then runs o with s.
func command(s streams, o subcommand, c *cobra.Command) *cobra.Command {
	c.RunE = func(c *cobra.Command, args []string) error {
		if err := o.validate(c.Context(), args); err != nil {
			return &usageError{err: err, usage: c.UsageString()}
		}
		return o.run(c.Context(), s)
	}
	o.addFlags(c.Flags())
	return c
}

// oneOf is nil when v is one of want, else the usage error
// `FLAG "V": want A, B or C` (an empty want is accepted but not listed).
func oneOf(flag, v string, want ...string) error {
	if slices.Contains(want, v) {
		return nil
	}
	shown := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return w == "" })
	last := len(shown) - 1
	return fmt.Errorf("%s %q: want %s or %s", flag, v, strings.Join(shown[:last], ", "), shown[last])
}

// check is nil when ok, else the error of format and args.
func check(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return fmt.Errorf(format, args...)
}

// firstError is the first of errs that is not nil: the checks of a
// validate, in the order their messages take precedence.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
