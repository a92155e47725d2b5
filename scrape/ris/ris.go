package ris

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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

// maxRecord bounds one record's size: a record growing past it (a lost
// ER and TY in a damaged file) is reported and dropped.
const maxRecord = 64 << 20

// entry is one tag occurrence with its value and continuation lines.
type entry struct {
	tag   string
	lines []string
}

// Extract reads the records and emits each at its end.
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	lr := lines.NewReader(rd)
	var (
		problems []error
		rec      []entry
		start    int // line of the open record's TY; 0 outside a record
		size     int
	)
	flush := func() error {
		r := buildRecord(rec, start)
		rec, start, size = rec[:0], 0, 0
		return emit(r)
	}
	for {
		line, n, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			problems = append(problems, err) // a *SyntaxError at its line, or a read error
			break
		}
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tag, val, ok := parseTag(line)
		switch {
		case ok && tag == "TY":
			if start != 0 {
				problems = append(problems, &SyntaxError{Line: start, Msg: fmt.Sprintf("record has no ER (the next TY is at line %d)", n)})
				if err := flush(); err != nil {
					return err
				}
			}
			start = n
			rec = append(rec[:0], entry{tag: "TY", lines: []string{val}})
		case start == 0:
			// Between records: numbering, links, notes. Skipped.
		case ok && tag == "ER":
			if err := flush(); err != nil {
				return err
			}
		case ok:
			rec = append(rec, entry{tag: tag, lines: []string{val}})
			size += len(val)
		default:
			if s := string(bytes.TrimSpace(line)); s != "" && len(rec) > 0 {
				last := &rec[len(rec)-1]
				last.lines = append(last.lines, s)
				size += len(s)
			}
		}
		if size > maxRecord {
			problems = append(problems, &SyntaxError{Line: start, Msg: fmt.Sprintf("record longer than %d MiB, dropped", maxRecord>>20)})
			rec, start, size = rec[:0], 0, 0
		}
	}
	if start != 0 {
		problems = append(problems, &SyntaxError{Line: start, Msg: "file ends inside this record (no ER)"})
		if err := flush(); err != nil {
			return err
		}
	}
	return errors.Join(problems...)
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
