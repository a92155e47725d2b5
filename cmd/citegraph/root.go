package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

const exitCodesHelp = `
Exit codes:
  0    success
  1    failure
  2    bad usage (flags or arguments)
  3    partial success: some sources failed and were reported; the rest were processed
  130  interrupted (SIGINT or SIGTERM)
`

func newRootCommand(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "citegraph",
		Short: "Turn the scholarly literature on a topic into a citation graph",
		Long: `citegraph reads saved web pages (scite.ai citation reports, Academia.edu
paper pages, Emerald listings, ProQuest abstracts), resolves the works they
describe into one citation graph, analyses it and draws it with GraphViz.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{err: fmt.Errorf("unknown command %q", args[0]), usage: c.UsageString()}
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
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

// atLeastOneArg is a cobra.PositionalArgs that reports a usage error.
func atLeastOneArg(what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return &usageError{err: fmt.Errorf("%s: no %s given", c.Name(), what), usage: c.UsageString()}
		}
		return nil
	}
}
