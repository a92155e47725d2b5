package wos

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/lines"
)

// Plain reads the Web of Science plain-text export ("Plain text file",
// savedrecs.txt; also the .isi files other tools write): a header ("FN
// Clarivate Analytics Web of Science", "VR 1.0"), then records of
// two-letter tagged fields ("PT J" … "ER"), a value's further lines
// indented by three spaces, and "EF" at the end. Multi-valued fields (AU,
// AF, CR, C1) hold one value per line. Cited references (CR) become
// References (see ParseCitedReference).
type Plain struct{}

// Name returns "wos".
func (Plain) Name() string { return "wos" }

// Sniff reports whether head starts with the FN header or a PT field
// followed by other tagged fields.
func (Plain) Sniff(head []byte) bool {
	// Blank lines before the header (a file saved with an empty line
	// first) do not count.
	for len(head) > 0 && (head[0] == '\n' || head[0] == '\r' || head[0] == ' ' || head[0] == '\t') {
		head = head[1:]
	}
	lines := bytes.SplitN(head, []byte("\n"), 8)
	first := bytes.TrimRight(lines[0], "\r")
	if bytes.HasPrefix(first, []byte("FN ")) {
		return len(lines) > 1 && (bytes.HasPrefix(lines[1], []byte("VR ")) || bytes.HasPrefix(lines[1], []byte("PT ")))
	}
	if !bytes.HasPrefix(first, []byte("PT ")) || len(first) > 5 || len(lines) < 3 {
		return false
	}
	tagged := 0
	for _, l := range lines[1 : len(lines)-1] {
		if isTag(l) {
			tagged++
		}
	}
	return tagged >= 2
}

// clip returns the start of a line for an error message.
func clip(b []byte) string {
	r := []rune(string(b))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}

// isTag reports whether line starts with a field tag: two characters
// [A-Z][A-Z0-9] then a space or the end of the line.
func isTag(line []byte) bool {
	if len(line) < 2 || line[0] < 'A' || line[0] > 'Z' {
		return false
	}
	c := line[1]
	if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
		return false
	}
	return len(line) == 2 || line[2] == ' ' || line[2] == '\r'
}

// coreTags are Clarivate's field tags of the Web of Science Core
// Collection; derwentTags those only Derwent's patent records (PT P)
// have.
const (
	coreTags = `FN VR PT AU AF BA BF CA GP BE TI SO SE BS LA DT CT CY CL SP HO DE ID AB
		C1 C3 RP EM RI OI FU FP FX CR NR TC Z9 U1 U2 PU PI PA SN EI BN J9 JI PD PY VL IS PN SU SI MA BP EP AR
		DI DL D2 EA PG PS WC WE SC GA PM OA HC HP DA UT ER EF`
	derwentTags = `AE DC MC IP AD FD DS FS CP DN MN CI RG FA PR AN EX TF`
)

// knownTags holds every tag, core[tag] the core ones.
var (
	core      = map[string]bool{}
	knownTags = map[string]bool{}
)

func init() {
	for t := range strings.FieldsSeq(coreTags) {
		core[t] = true
		knownTags[t] = true
	}
	for t := range strings.FieldsSeq(derwentTags) {
		knownTags[t] = true
	}
}

// nameFields hold one name a line.
var nameFields = map[string]bool{"AU": true, "AF": true, "BA": true, "BF": true, "CA": true, "GP": true, "BE": true}

// reInitials is the rest of a patent name without a comma ("YANG Y",
// "LI X-M"): initials only.
var reInitials = regexp.MustCompile(`^[A-Z]{1,4}(?:-[A-Z]{1,3})?$`)

// continues reports whether line, which starts like a field ("XX …"),
// continues the field cur of the record rec instead, its indent lost: its
// tag is none of Clarivate's (none of the core tags in a record that is
// not a patent's); or the record has that field already (no tag repeats
// in a record); or the line has the shape of what cur holds: a name
// with initials in a field of names ("SU Y", "MA XL"), a cited reference
// in CR ("MA H, 2000, J FINANC, V55, P1").
func continues(line []byte, cur string, rec fields) bool {
	t := string(line[:2])
	patent := rec.first("PT") == "P"
	switch {
	case !knownTags[t] || (!patent && !core[t]):
		return true
	case t == "ER" || t == "EF" || t == "PT":
		return false
	case len(rec[t]) > 0:
		return true
	}
	rest := strings.TrimSpace(string(line[2:]))
	switch {
	case nameFields[cur]:
		return reInitials.MatchString(rest)
	case cur == "CR":
		return reCitedRef.MatchString(string(line))
	}
	return false
}

// gluedTag reports whether line is a field whose tag lost its space
// ("AUGilles, H"): a tag of the names, then a capital and a small letter.
func gluedTag(line []byte) bool {
	if len(line) < 4 || !(line[2] >= 'A' && line[2] <= 'Z') || !(line[3] >= 'a' && line[3] <= 'z') {
		return false
	}
	switch string(line[:2]) {
	case "AU", "AF", "BA", "BF", "CA", "GP", "BE", "RP", "C1", "EM", "RI", "OI", "CR":
		return true
	}
	return false
}

// Extract reads records and emits each at its ER line. A record without
// ER (cut off, or followed by the next PT) is emitted and reported; lines
// outside records other than the header are reported once.
func (Plain) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return lines.Read(ctx, rd, &records{emit: emit})
}

// records is the record loop's rules for the plain-text export: a record
// from PT to ER.
type records struct {
	emit func(graph.Record) error
	rec  fields
	tag  string // field the next continuation line belongs to
}

func (f *records) flush(l *lines.Loop) error {
	r := f.rec.record(l.Start)
	f.rec, f.tag = nil, ""
	l.Close()
	return f.emit(r)
}

func (f *records) Line(l *lines.Loop, line []byte, n int) error {
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	start := l.Start
	if isTag(line) && (start == 0 || f.tag == "" || !continues(line, f.tag, f.rec)) {
		t := string(line[:2])
		val := ""
		if len(line) > 3 {
			val = string(bytes.TrimSpace(line[3:]))
		}
		switch {
		case t == "PT":
			if start != 0 {
				l.Report(start, "record has no ER (the next starts at line %d)", n)
				if err := f.flush(l); err != nil {
					return err
				}
			}
			l.Open(n)
			f.rec, f.tag = fields{"PT": {val}}, "PT"
		case t == "ER":
			if start == 0 {
				l.Report(n, "ER without a record")
				return nil
			}
			return f.flush(l)
		case start == 0:
			if t != "FN" && t != "VR" && t != "EF" {
				l.ReportOnce(n, "field %s outside a record (no PT before it)", t)
			}
		default:
			f.add(l, t, val)
		}
	} else if start != 0 && (line[0] == ' ' || line[0] == '\t') {
		if f.tag != "" {
			f.add(l, f.tag, string(bytes.TrimSpace(line)))
		}
	} else if start != 0 && f.tag != "" && !gluedTag(line) {
		// A continuation line written without its indent.
		f.add(l, f.tag, string(bytes.TrimSpace(line)))
	} else if start != 0 {
		// Neither a field nor a continuation: a damaged line ("AUGilles,
		// H"). Report it and drop it with its continuations.
		l.Report(n, "%q is neither a field (two-letter tag and a space) nor an indented continuation line", clip(line))
		f.tag = ""
	} else {
		l.ReportOnce(n, "text outside a record")
	}
	return nil
}

// add appends a value to field t of the open record, dropping the record
// past the cap.
func (f *records) add(l *lines.Loop, t, val string) {
	f.rec[t] = append(f.rec[t], val)
	f.tag = t
	if l.Grow(len(val)) {
		f.rec, f.tag = nil, ""
		l.Close()
	}
}

func (f *records) End(l *lines.Loop) error {
	if l.Unended("ER") {
		return f.flush(l)
	}
	return nil
}
