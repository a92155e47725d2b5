package graph

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Decisions are a reviewer's rulings on identity that Build honours over
// its own matching: pairs of records that are the same work, and pairs
// that are different works. Records are named by a DOI ("doi:10.1/x" or a
// bare "10.1/x"), another identifier ("pmid:123", "openalex:W1", … any
// scheme of Record.Identifiers) or a record ID ("rec:…", the id key of
// `citegraph extract`'s output), all of which stay the same from run to
// run.
type Decisions struct {
	Same      [][2]string
	Different [][2]string
}

// DecisionError reports a malformed line of a decisions file.
type DecisionError struct {
	Line int
	Err  string
}

func (e *DecisionError) Error() string {
	return fmt.Sprintf("graph: decisions line %d: %s", e.Line, e.Err)
}

// Position returns the line of the error (column 1).
func (e *DecisionError) Position() (int, int) { return e.Line, 1 }

// ParseDecisions reads a decisions file: one ruling per line, "same A B"
// or "different A B" (fields separated by white space; A and B as
// Decisions describes), blank lines and lines starting with "#" ignored.
// For example:
//
//	# merged by hand after checking both PDFs
//	same       doi:10.1007/s10488-014-0603-z   rec:1f2e3d4c5b6a7988
//	different  pmid:23586453                   pmid:24218290
func ParseDecisions(r io.Reader) (Decisions, error) {
	var d Decisions
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return d, &DecisionError{n, fmt.Sprintf("want \"same A B\" or \"different A B\", got %d fields", len(f))}
		}
		a, err := decisionKey(f[1])
		if err != nil {
			return d, &DecisionError{n, err.Error()}
		}
		b, err := decisionKey(f[2])
		if err != nil {
			return d, &DecisionError{n, err.Error()}
		}
		if a == b {
			return d, &DecisionError{n, fmt.Sprintf("%s is named twice", a)}
		}
		switch strings.ToLower(f[0]) {
		case "same":
			d.Same = append(d.Same, [2]string{a, b})
		case "different":
			d.Different = append(d.Different, [2]string{a, b})
		default:
			return d, &DecisionError{n, fmt.Sprintf("unknown ruling %q (want same or different)", f[0])}
		}
	}
	if err := sc.Err(); err != nil {
		return d, fmt.Errorf("graph: decisions: %w", err)
	}
	return d, nil
}

// decisionKey normalises a record name of a decisions file to the form
// Build indexes: "doi:…", "<scheme>:<value>" or "rec:…".
func decisionKey(s string) (string, error) {
	scheme, v, ok := strings.Cut(s, ":")
	switch {
	case !ok || strings.HasPrefix(s, "10."):
		d, err := NormalizeDOI(s)
		if err != nil {
			return "", fmt.Errorf("%q is neither scheme:value nor a DOI", s)
		}
		return "doi:" + d, nil
	case scheme == "rec":
		if v == "" {
			return "", fmt.Errorf("%q: empty record ID", s)
		}
		return s, nil
	case strings.HasPrefix(strings.ToLower(s), "https:") || strings.HasPrefix(strings.ToLower(s), "http:"):
		d, err := NormalizeDOI(s)
		if err != nil {
			return "", fmt.Errorf("%q: only doi.org addresses are understood", s)
		}
		return "doi:" + d, nil
	}
	n, err := NormalizeID(strings.ToLower(scheme), v)
	if err != nil {
		return "", err
	}
	return strings.ToLower(scheme) + ":" + n, nil
}
