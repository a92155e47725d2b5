package ovid

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/lines"
	"github.com/citegraph/citegraph/scrape/internal/pos"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// Reader reads Ovid's EndNote-format exports.
type Reader struct{}

// Name returns "ovid".
func (Reader) Name() string { return "ovid" }

// SyntaxError is a malformed part of an Ovid export, at a line
// (Col 0: unknown). It is the reader kit's positional error
// (scrape/internal/pos), named here.
type SyntaxError = pos.Error

var (
	reHeader = regexp.MustCompile(`^<\s*\d+\.?\s*>\s*$`)
	// Tags are followed by two spaces, or one in some exports ("VN - ").
	reTag = regexp.MustCompile(`^([A-Z][A-Z0-9])  ?- ?(.*)$`)
)

// Sniff reports whether the first non-blank line is a record header
// ("<1. >") and a tagged field follows, both maybe indented alike (some
// exports start every line with a space).
func (Reader) Sniff(head []byte) bool {
	lines := bytes.SplitN(head, []byte("\n"), 4)
	i := 0
	for i < len(lines) && len(bytes.TrimSpace(lines[i])) == 0 {
		i++
	}
	if i+1 >= len(lines) || !reHeader.Match(bytes.TrimSpace(lines[i])) {
		return false
	}
	indent := len(lines[i]) - len(bytes.TrimLeft(lines[i], " \t"))
	return reTag.Match(dedent(bytes.TrimRight(lines[i+1], "\r"), indent))
}

// dedent drops up to n leading spaces or tabs: the indent of a record's
// header, which every line of the record shares.
func dedent(l []byte, n int) []byte {
	for n > 0 && len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		l, n = l[1:], n-1
	}
	return l
}

// Extract reads the records and emits each when the next header comes or
// the file ends.
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return lines.Read(ctx, rd, &records{emit: emit})
}

// records is the record loop's rules for Ovid: a record from its header
// ("<1. >") to the next.
type records struct {
	emit    func(graph.Record) error
	rec     lines.Fields
	indent  int // of the record's header
	spacing int // spaces between a tag and its dash: 2, 1, or 0 before the first field
}

func (f *records) flush(l *lines.Loop) error {
	if l.Start == 0 {
		return nil
	}
	r := build(f.rec, l.Start)
	f.rec = f.rec[:0]
	l.Close()
	return f.emit(r)
}

func (f *records) Line(l *lines.Loop, line []byte, n int) error {
	trimmed := bytes.TrimSpace(line)
	switch {
	case len(trimmed) == 0:
		return nil
	case reHeader.Match(trimmed):
		if err := f.flush(l); err != nil {
			return err
		}
		l.Open(n)
		f.indent = len(line) - len(bytes.TrimLeft(line, " \t"))
		return nil
	case l.Start == 0:
		l.ReportOnce(n, "text before the first record header")
		return nil
	}
	m := reTag.FindSubmatch(dedent(line, f.indent))
	if m != nil && f.spacing == 0 {
		// The file's first field says how its tags are spaced;
		// in a file of "XX  - " tags, a continuation line that
		// reads "UK - based …" is text, not a field.
		f.spacing = 1
		if bytes.HasPrefix(m[0][2:], []byte("  ")) {
			f.spacing = 2
		}
	}
	if m != nil && f.spacing == 2 && !bytes.HasPrefix(m[0][2:], []byte("  ")) {
		m = nil
	}
	if m != nil {
		f.rec.Add(string(m[1]), string(bytes.TrimSpace(m[2])))
	} else if !f.rec.Continue(string(trimmed)) {
		l.Report(n, "line before the record's first field (no tag), dropped")
	}
	if l.Grow(len(line)) {
		f.rec = f.rec[:0]
		l.Close()
	}
	return nil
}

func (f *records) End(l *lines.Loop) error { return f.flush(l) }

var (
	// The label Ovid puts after a title: "….  [Article]".
	reLabel = regexp.MustCompile(`\s+\[(?i:article|review|editorial|letter|comment|commentary|erratum|correction|retraction|note|news|report|case reports?|miscellaneous|abstract|book review|interview|biography|obituary|historical article|clinical trial|journal article)\]\s*$`)
)

func build(fs lines.Fields, line int) graph.Record {
	r := graph.Record{Source: graph.Source{Line: line}}
	get := fs.First
	db := strings.ToLower(get("DB"))
	// "Embase <1974 to 2019 Week 05>": the database, without its span.
	r.Source.Database, _, _ = strings.Cut(get("DB"), "<")
	r.Source.Database = strings.TrimSpace(r.Source.Database)
	r.Source.RecordID = get("UI", "AN")
	ids := map[string]string{}
	seen := map[string]bool{}
	var full []graph.Author
	for _, f := range fs {
		switch f.Tag {
		case "AU", "A1":
			r.Authors = append(r.Authors, ovidNames(f.Value())...)
		case "FA": // Ovid MEDLINE's full names ("Gadzalski, Marek")
			full = append(full, ovidNames(f.Value())...)
		case "MH", "KW":
			for _, l := range f.Lines {
				k := strings.TrimSpace(strings.TrimPrefix(l, "*"))
				if k != "" && !seen[strings.ToLower(k)] {
					seen[strings.ToLower(k)] = true
					r.Keywords = append(r.Keywords, k)
				}
			}
		case "IS", "SN", "IB":
			if s := stdnum.FindISBN(f.Value()); s != "" && len(f.Value()) > 9 {
				if ids[graph.IDISBN] == "" {
					ids[graph.IDISBN] = s
				}
			} else if s := stdnum.FindISSN(f.Value()); s != "" && ids[graph.IDISSN] == "" {
				ids[graph.IDISSN] = s
			}
		}
	}
	if len(full) >= len(r.Authors) && len(full) > 0 {
		r.Authors = full // the same authors, their given names whole
	}
	r.Title = cleanTitle(get("TI", "T1"))
	// The abstract keeps its structure: Ovid puts each heading of a
	// structured abstract on a line of its own.
	for _, f := range fs {
		if f.Tag == "AB" || f.Tag == "N2" {
			r.Abstract = strings.Join(f.Lines, "\n")
			break
		}
	}
	if d, err := graph.NormalizeDOI(get("DO", "DI")); err == nil {
		r.DOI = d
	}
	r.Language = get("LG", "LA")
	r.Publisher = get("PB")
	r.URL = get("UR")
	r.Volume = get("VO", "VL", "VI")
	if iss := get("IP"); iss != "" {
		r.Issue = iss
	}
	r.Pages = get("PG", "SP")
	if y, err := strconv.Atoi(get("YR", "PY", "YE")); err == nil {
		r.Year = y
	}
	so := parseSource(get("SO", "JN", "JF"))
	r.Venue = so.venue
	if jn := get("JN", "JF"); jn != "" {
		r.Venue = jn // the journal's name, where SO may abbreviate it
	}
	if bt := get("BT"); bt != "" && bt != r.Title {
		r.Venue = bt // BIOSIS: the book a chapter is in
	}
	if r.Volume == "" {
		r.Volume = so.volume
	}
	if r.Issue == "" {
		r.Issue = so.issue
	}
	if r.Pages == "" {
		r.Pages = so.pages
	}
	if r.Year == 0 {
		r.Year = so.year
	}
	if r.Year == 0 {
		if y := find.Year(get("DP")); y != 0 {
			r.Year = y // "2016 Jan 15"
		}
	}
	if r.Year != 0 {
		r.Date = strconv.Itoa(r.Year)
	}
	if ui := get("UI", "AN"); ui != "" {
		switch {
		case strings.Contains(db, "embase"):
			ids[graph.IDEmbase] = ui
		case strings.Contains(db, "medline") || strings.Contains(db, "pubmed"):
			ids[graph.IDPMID] = ui
		}
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	r.Type = pubType(get("PT", "DT"), get("ST"))
	for _, f := range fs {
		if f.Tag == "PT" || f.Tag == "DT" {
			r.Retracted = r.Retracted || strings.Contains(strings.ToLower(f.Value()), "retracted publication")
		}
	}
	return r
}

// ovidNames reads an author line: one name, or several separated by
// ";" as Journals@Ovid writes them ("Oldenburg, Marcus MD; Jensen,
// Hans-Joachim PhD"), each without its degrees.
func ovidNames(s string) []graph.Author {
	var out []graph.Author
	for n := range strings.SplitSeq(s, ";") {
		if a := ovidName(n); a.Family != "" {
			out = append(out, a)
		}
	}
	return out
}

// degrees are the academic and professional degrees Journals@Ovid
// writes after a name.
var degrees = map[string]bool{}

func init() {
	for d := range strings.FieldsSeq(`MD PHD RN MSN BSN MPH MS MSC BSC BA MA DO DDS DMD FRCP FRCS FRCPC FACS FACP
		FAAN MRCP DPHIL MBBS MBCHB PHARMD DVM CNM NP EDD PSYD LCSW OTR DPT CRNA DRPH SCD MHS MBA JD MED MPHIL
		FRACP FRCSC MD-PHD CPH CCRN APRN FNP MSCE MHSC BPHARM MPHARM`) {
		degrees[d] = true
	}
}

// ovidName reads "Behan L." or "Lucas J.S." (family, initials), or
// "Family, Given", dropping degrees after the name ("Kim MD").
func ovidName(s string) graph.Author {
	words := strings.Fields(strings.ReplaceAll(s, ",", ", "))
	for len(words) > 2 && degrees[strings.ToUpper(strings.Trim(words[len(words)-1], ".,"))] {
		words = words[:len(words)-1]
	}
	s = strings.TrimSpace(strings.ReplaceAll(strings.Join(words, " "), " ,", ","))
	s = strings.TrimRight(s, ", ")
	if strings.Contains(s, ",") {
		return graph.ParseName(s)
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return graph.Author{Family: s[:i], Given: s[i+1:]}
	}
	return graph.Author{Family: s}
}

// pubType maps Ovid's publication type (PT) and source type (ST) to CSL.
func pubType(pt, st string) string {
	s := strings.ToLower(pt + " " + st)
	switch {
	case strings.Contains(s, "conference"):
		return "paper-conference"
	case strings.Contains(s, "chapter"):
		return "chapter"
	case strings.Contains(s, "book"):
		return "book"
	case strings.Contains(s, "dissertation") || strings.Contains(s, "thesis"):
		return "thesis"
	case strings.Contains(s, "journal") || strings.Contains(s, "article") || strings.Contains(s, "review"):
		return "article-journal"
	case strings.TrimSpace(s) == "":
		return ""
	}
	return "document"
}
