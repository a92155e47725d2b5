package output

import (
	"runtime/debug"
	"strings"
)

// Version returns the module version of the running citegraph from its
// build information ("v1.2.0"), or "devel" for a build from a checkout
// (Go's "(devel)") or without build information. Outputs record
// "citegraph " + Version(): the VCS revision is left out of them on
// purpose, so that the same inputs give the same bytes from every build of
// one version (and tests' goldens hold); Revision gives it for --version.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return "devel"
	}
	return bi.Main.Version
}

// Generator is what outputs record as their writer: "citegraph " +
// Version().
func Generator() string { return "citegraph " + Version() }

// Revision returns the VCS revision the running citegraph was built from
// (with "+modified" when the checkout had changes) and the Go version
// that built it; revision is "" when the build has no VCS information
// (go build -buildvcs=false, GOFLAGS=-buildvcs=false, or no .git).
func Revision() (revision, goVersion string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "", ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" && modified == "true" {
		rev += "+modified"
	}
	return rev, strings.TrimSpace(bi.GoVersion)
}
