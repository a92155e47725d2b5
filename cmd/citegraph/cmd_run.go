package main

import (
	"github.com/spf13/cobra"
)

func newRunCommand(s streams) *cobra.Command {
	return &cobra.Command{Use: "run"}
}
