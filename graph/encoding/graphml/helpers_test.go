package graphml_test

import (
	"bytes"
	"os/exec"
	"strconv"
)

func itoa(i int) string { return strconv.Itoa(i) }

// runErr runs a program expected to fail and returns its output.
func runErr(name string, args ...string) (string, error) {
	var out bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}
