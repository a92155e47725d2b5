package web

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/citegraph/citegraph/graph"
)

// Kind says what an input names.
type Kind int

const (
	// File is a path to a file or folder on disk.
	File Kind = iota
	// URL is an http or https URL, fetched as a page.
	URL
	// DOI is a DOI, resolved through the DOI resolver to its landing page.
	DOI
	// PMCID is a PubMed Central ID, whose open full text Europe PMC serves.
	PMCID
)

// String returns "file", "url", "doi" or "pmcid".
func (k Kind) String() string {
	return [...]string{"file", "url", "doi", "pmcid"}[k]
}

// Input is one input as Classify reads it.
type Input struct {
	Kind Kind
	// Raw is the input as given; Value its normalised form: the path, the
	// URL without fragment, the DOI in lower case without prefix, the
	// PMCID in upper case ("PMC3531190").
	Raw, Value string
}

// Classify reads an input as a user writes it. An existing file or folder
// is a File whatever it looks like; otherwise a DOI ("10.1000/x",
// "doi:10.1000/x", "https://doi.org/10.1000/x", "http://dx.doi.org/…"), a
// PMCID ("PMC3531190", "pmcid:PMC3531190") or an http(s) URL; anything
// else is a File (whose reading then fails, naming it).
func Classify(s string) Input {
	raw := s
	s = strings.TrimSpace(s)
	if _, err := os.Stat(s); err == nil {
		return Input{Kind: File, Raw: raw, Value: s}
	}
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "10.") || strings.HasPrefix(lower, "doi:") || isResolverURL(lower) {
		if d, err := graph.NormalizeDOI(s); err == nil {
			return Input{Kind: DOI, Raw: raw, Value: d}
		}
	}
	if p := strings.TrimPrefix(lower, "pmcid:"); strings.HasPrefix(p, "pmc") {
		if n, err := graph.NormalizeID(graph.IDPMCID, strings.TrimSpace(p)); err == nil {
			return Input{Kind: PMCID, Raw: raw, Value: n}
		}
	}
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		u.Fragment, u.RawFragment = "", ""
		return Input{Kind: URL, Raw: raw, Value: u.String()}
	}
	return Input{Kind: File, Raw: raw, Value: s}
}

func isResolverURL(lower string) bool {
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// IsRemote reports whether s names something to fetch (a URL, DOI or
// PMCID) rather than a file.
func IsRemote(s string) bool { return Classify(s).Kind != File }

// Split separates the inputs to fetch from the files, keeping the order
// of each.
func Split(inputs []string) (files, remote []string) {
	for _, s := range inputs {
		if IsRemote(s) {
			remote = append(remote, s)
		} else {
			files = append(files, s)
		}
	}
	return files, remote
}

// ReadInputs reads a list of inputs, one a line (URLs, DOIs, PMCIDs or
// paths), as --inputs-from gives it: blank lines and lines starting with
// "#" are skipped, white space around an input is dropped, a byte-order
// mark is ignored. name is used in errors ("inputs.txt:3: …").
func ReadInputs(r io.Reader, name string) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, "\x00") {
			return out, fmt.Errorf("%s:%d: not an input (a NUL byte)", name, n)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// ReadInputsFile is ReadInputs over the file at path ("-" is not special).
// The file may be a named pipe (--inputs-from <(…)): opening it waits for
// its writer and reading it for its lines, both until ctx is done, when
// ReadInputsFile returns ctx's error at once.
func ReadInputsFile(ctx context.Context, path string) ([]string, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(path) // blocks on a FIFO until a writer opens it
		ch <- opened{f, err}
	}()
	var o opened
	select {
	case <-ctx.Done():
		go func() { // the open may still end: close what it gives
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	case o = <-ch:
	}
	if o.err != nil {
		return nil, o.err
	}
	defer o.f.Close()
	// A read of a pipe waits in the runtime's poller, which a deadline
	// wakes; a regular file's read does not wait.
	stop := context.AfterFunc(ctx, func() { _ = o.f.SetReadDeadline(time.Now()) })
	defer stop()
	out, err := ReadInputs(o.f, path)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return out, err
}
