package ris

import (
	"bytes"
	"context"
	"io"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/lines"
	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// Reader reads RIS, as the databases and reference managers write it:
// records from "TY  - " to "ER  - ", one tag per line. What producers do
// that the specification does not say is read too:
//
//   - lines between records (Ovid's "1." numbering, its "Link to the Ovid
//     Full Text" lines) are skipped;
//   - a tag with the wrong spacing ("TY -  BOOK", "ER  -" with no space
//     after the dash) is read when the tag is a known RIS tag;
//   - a line that is not a tag continues the field before it: an abstract
//     wrapped over lines, Rayyan's keywords one per line after one KW,
//     Scopus's reference list one per line after "N1  - References:";
//   - tags may repeat (AU, KW, N1, SN, DO …); a record missing its ER is
//     ended by the next TY or the end of the file, and reported.
type Reader struct{}

// Name returns "ris".
func (Reader) Name() string { return "ris" }

// SyntaxError is a malformed part of a RIS file. Extract reports it and
// goes on with the next record, at a line
// (Col 0: unknown). It is the reader kit's positional error
// (scrape/internal/pos), named here.
type SyntaxError = pos.Error

// Sniff reports whether a TY line stands among the first lines (after
// blank lines and Ovid's record numbers) and another RIS tag line follows
// it.
func (Reader) Sniff(head []byte) bool {
	lines := bytes.SplitN(head, []byte("\n"), 40)
	if len(lines) == 40 {
		lines = lines[:39] // the last may be cut short
	}
	sawTY := false
	for i, l := range lines {
		l = bytes.TrimRight(l, "\r")
		tag, _, ok := parseTag(l)
		switch {
		case ok && tag == "TY":
			sawTY = true
		case ok && sawTY:
			return true
		case !sawTY && i > 5:
			return false
		}
	}
	return false
}

// Extract reads the records and emits each at its end.
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return lines.Read(ctx, rd, &records{emit: emit})
}

// record is one record's fields (lines.Fields: All, First by tag).
type record = lines.Fields

// records is the record loop's rules for RIS: a record from TY to ER.
type records struct {
	emit func(graph.Record) error
	rec  record
}

func (f *records) flush(l *lines.Loop) error {
	r := buildRecord(f.rec, l.Start)
	f.rec = f.rec[:0]
	l.Close()
	return f.emit(r)
}

func (f *records) Line(l *lines.Loop, line []byte, n int) error {
	tag, val, ok := parseTag(line)
	switch {
	case ok && tag == "TY":
		if l.Start != 0 {
			l.Report(l.Start, "record has no ER (the next TY is at line %d)", n)
			if err := f.flush(l); err != nil {
				return err
			}
		}
		l.Open(n)
		f.rec = f.rec[:0]
		f.rec.Add("TY", val)
		return nil
	case l.Start == 0:
		// Between records: numbering, links, notes. Skipped.
		return nil
	case ok && tag == "ER":
		return f.flush(l)
	case ok:
		f.rec.Add(tag, val)
		f.grow(l, len(val))
	default:
		if s := string(bytes.TrimSpace(line)); s != "" && f.rec.Continue(s) {
			f.grow(l, len(s))
		}
	}
	return nil
}

// grow counts n bytes more of the open record, dropping it past the cap.
func (f *records) grow(l *lines.Loop, n int) {
	if l.Grow(n) {
		f.rec = f.rec[:0]
		l.Close()
	}
}

func (f *records) End(l *lines.Loop) error {
	if l.Unended("ER") {
		return f.flush(l)
	}
	return nil
}

// knownTags are the RIS tags (the RIS specification's, and those Ovid,
// EndNote and Zotero add) that are read even when spaced wrongly.
var knownTags = map[string]bool{}

func init() {
	for _, t := range []string{
		"TY", "ER", "A1", "A2", "A3", "A4", "AB", "AD", "AI", "AN", "AU", "AV", "BT", "C1", "C2", "C3", "C4",
		"C5", "C6", "C7", "C8", "CA", "CN", "CP", "CT", "CY", "DA", "DB", "DO", "DP", "ED", "EP", "ET",
		"ID", "IS", "J1", "J2", "JA", "JF", "JO", "KW", "L1", "L2", "L3", "L4", "LA", "LB", "LK", "M1",
		"M2", "M3", "N1", "N2", "NV", "OP", "PB", "PP", "PY", "RI", "RN", "RP", "SE", "SN", "SP", "ST",
		"T1", "T2", "T3", "TA", "TI", "TT", "U1", "U2", "U3", "U4", "U5", "UR", "VL", "VO", "Y1", "Y2",
	} {
		knownTags[t] = true
	}
}

// parseTag reads a tag line: "XX  - value" (two letters or a letter and a
// digit, two spaces, a dash, a space). Known tags are also read with zero
// to three spaces before the dash and any number after it.
func parseTag(l []byte) (tag, val string, ok bool) {
	if len(l) < 4 || l[0] < 'A' || l[0] > 'Z' || !(l[1] >= 'A' && l[1] <= 'Z' || l[1] >= '0' && l[1] <= '9') {
		return "", "", false
	}
	tag = string(l[:2])
	rest := l[2:]
	if bytes.HasPrefix(rest, []byte("  -")) && (len(rest) == 3 || rest[3] == ' ') {
		return tag, string(bytes.TrimSpace(rest[3:])), true
	}
	if !knownTags[tag] {
		return "", "", false
	}
	sp := 0
	for sp < len(rest) && rest[sp] == ' ' {
		sp++
	}
	if sp > 3 || sp == len(rest) || rest[sp] != '-' {
		return "", "", false
	}
	after := rest[sp+1:]
	if len(after) > 0 && after[0] != ' ' && after[0] != '\t' {
		return "", "", false
	}
	return tag, string(bytes.TrimSpace(after)), true
}
