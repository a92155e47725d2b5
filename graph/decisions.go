package graph

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
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
	// SameLine and DifferentLine are the lines of the decisions file the
	// rulings stand on, parallel to Same and Different (ParseDecisions
	// sets them; nil for rulings made in code).
	SameLine, DifferentLine []int
	// Path names the decisions file in Check's errors ("" when unknown).
	Path string
}

// DecisionError reports a malformed line of a decisions file.
type DecisionError struct {
	Line int
	Err  string
	Path string // the decisions file, when known
}

func (e *DecisionError) Error() string {
	if e.Path != "" {
		return fmt.Sprintf("graph: decisions %s:%d: %s", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("graph: decisions line %d: %s", e.Line, e.Err)
}

// Position returns the line of the error (column 1).
func (e *DecisionError) Position() (int, int) { return e.Line, 1 }

// ReadDecisionsFile reads the decisions file at path (see
// ParseDecisions), its errors naming the file; "" gives none.
func ReadDecisionsFile(path string) (Decisions, error) {
	if path == "" {
		return Decisions{}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return Decisions{}, err
	}
	defer f.Close()
	d, err := ParseDecisions(f)
	if err != nil {
		return d, fmt.Errorf("%s: %w", path, err)
	}
	d.Path = path
	return d, nil
}

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
			return d, &DecisionError{Line: n, Err: fmt.Sprintf("want \"same A B\" or \"different A B\", got %d fields", len(f))}
		}
		a, err := decisionKey(f[1])
		if err != nil {
			return d, &DecisionError{Line: n, Err: err.Error()}
		}
		b, err := decisionKey(f[2])
		if err != nil {
			return d, &DecisionError{Line: n, Err: err.Error()}
		}
		if a == b {
			return d, &DecisionError{Line: n, Err: fmt.Sprintf("%s is named twice", a)}
		}
		kind := strings.ToLower(f[0])
		if kind != "same" && kind != "different" {
			return d, &DecisionError{Line: n, Err: fmt.Sprintf("unknown ruling %q (want same or different)", f[0])}
		}
		if kind == "same" {
			d.Same = append(d.Same, [2]string{a, b})
			d.SameLine = append(d.SameLine, n)
		} else {
			d.Different = append(d.Different, [2]string{a, b})
			d.DifferentLine = append(d.DifferentLine, n)
		}
	}
	if err := sc.Err(); err != nil {
		return d, fmt.Errorf("graph: decisions: %w", err)
	}
	return d, d.contradictions()
}

// contradictions reports the first "different" ruling whose names the
// "same" rulings join, directly or through other names.
func (d Decisions) contradictions() error {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, p := range d.Same {
		ra, rb := find(p[0]), find(p[1])
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	for k, p := range d.Different {
		r := find(p[0])
		if r != find(p[1]) {
			continue
		}
		var lines []int
		for j, q := range d.Same {
			if find(q[0]) == r {
				lines = append(lines, line(d.SameLine, j))
			}
		}
		return &DecisionError{line(d.DifferentLine, k), fmt.Sprintf("different %s %s contradicts the same rulings of lines %s", p[0], p[1], joinInts(lines)), d.Path}
	}
	return nil
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

// line returns the file line of ruling i of the list (0 when unknown).
func line(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// Check reports, as a *DecisionError with the ruling's line, a ruling that
// names one record twice (two names, such as a PMID and a DOI, of the same
// record: a "different" ruling of that kind once split two records of one
// DOI, issue 12) and a "different" ruling that contradicts the "same"
// rulings (records ruled the same, directly or through others, ruled
// different). Names that match no record are not errors here: Build
// reports them. Cost is O(R + D) for R records and D rulings.
func (d Decisions) Check(records []Record) error {
	if len(d.Same) == 0 && len(d.Different) == 0 {
		return nil
	}
	recs := make([]Record, len(records))
	for i := range records {
		recs[i] = records[i].clone()
		recs[i].Normalize()
	}
	named := nameIndex(recs)
	sides := func(p [2]string, ln int) ([]int, []int, error) {
		a, c := named[p[0]], named[p[1]]
		for _, i := range a {
			if slices.Contains(c, i) {
				return nil, nil, &DecisionError{ln, fmt.Sprintf("%s and %s name the same record (%s)", p[0], p[1], recs[i].Source.String()), d.Path}
			}
		}
		return a, c, nil
	}
	uf := make(unionFind, len(recs))
	for i := range uf {
		uf[i] = i
	}
	for k, p := range d.Same {
		a, c, err := sides(p, line(d.SameLine, k))
		if err != nil {
			return err
		}
		if len(a) == 0 || len(c) == 0 {
			continue
		}
		for _, i := range append(slices.Clone(a), c...) {
			uf.union(a[0], i)
		}
	}
	for k, p := range d.Different {
		ln := line(d.DifferentLine, k)
		a, c, err := sides(p, ln)
		if err != nil {
			return err
		}
		for _, i := range a {
			for _, j := range c {
				if r := uf.find(i); r == uf.find(j) {
					var lines []int
					for k, q := range d.Same {
						if ns := named[q[0]]; len(ns) > 0 && uf.find(ns[0]) == r {
							lines = append(lines, line(d.SameLine, k))
						}
					}
					return &DecisionError{ln, fmt.Sprintf("different %s %s contradicts the same rulings of lines %s", p[0], p[1], joinInts(lines)), d.Path}
				}
			}
		}
	}
	return nil
}

// nameIndex maps every name a decisions file may give a record (its ID and
// its identity keys) to the indexes of the records it names.
func nameIndex(recs []Record) map[string][]int {
	named := map[string][]int{}
	for i := range recs {
		r := &recs[i]
		named[r.ID] = append(named[r.ID], i)
		for _, k := range identityKeys(r.DOI, r.Identifiers) {
			if k != r.ID {
				named[k] = append(named[k], i)
			}
		}
	}
	return named
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}
