package encodingtest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Golden compares got with testdata/<name>.golden, rewriting the file
// first when update is set.
func Golden(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update and read the diff)", path)
	}
}

// RequireEnv names the environment variable that turns a consumer check
// that cannot run from a skip into a failure: CI (.ci/run) sets it to 1,
// having installed every consumer, so that a check never silently stops
// running there.
const RequireEnv = "CITEGRAPH_REQUIRE_CONSUMERS"

// Missing skips the test because a consumer program is missing, or fails
// it when $CITEGRAPH_REQUIRE_CONSUMERS is 1 (see RequireEnv).
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf(format+" (required: $"+RequireEnv+"=1)", args...)
	}
	t.Skipf(format, args...)
}

// Tool returns the path of an installed program, or skips the test (see
// Missing) with a note naming the Debian package that provides it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "%s not installed (apt-get install %s): check skipped", name, pkg)
	}
	return path
}

// Run runs a program with a time limit and returns its standard output;
// a non-zero exit fails the test with what it wrote.
func Run(t testing.TB, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.Bytes()
}

// Networkx runs a Python script with networkx imported as nx, the file
// path as sys.argv[1], and returns what it prints. It takes the first
// python3 that imports networkx: the one on PATH, then the system's
// (/usr/bin/python3, where Debian's python3-networkx installs; a pyenv
// python3 on PATH does not see it). It skips the test when none does.
func Networkx(t testing.TB, file, script string) string {
	t.Helper()
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		py, err := exec.LookPath(name)
		if err != nil || exec.Command(py, "-c", "import networkx").Run() != nil {
			continue
		}
		return string(Run(t, nil, py, "-c", "import sys, json\nimport networkx as nx\n"+script, file))
	}
	Missing(t, "networkx not installed (apt-get install python3-networkx): check skipped")
	return ""
}

// WriteTemp writes b to a file named name in a temporary folder and
// returns its path.
func WriteTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
