package proquest

import (
	"bytes"
	"context"
	"fmt"
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

// Reader reads ProQuest's text export.
type Reader struct{}

// Name returns "proquest-export".
func (Reader) Name() string { return "proquest-export" }

// SyntaxError is a malformed part of a ProQuest export, at a line
// (Col 0: unknown). It is the reader kit's positional error
// (scrape/internal/pos), named here.
type SyntaxError = pos.Error

var (
	reDocument = regexp.MustCompile(`^Document (\d+) of (\d+)$`)
	reField    = regexp.MustCompile(`^([A-Z][A-Za-z/ ()\-]{1,60}?): (.*)$`)
	reRule     = regexp.MustCompile(`^_{20,}$`)
	reDocview  = regexp.MustCompile(`/docview/(\d+)`)
	reMonthDay = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})?,?\s*(1[5-9]\d\d|20\d\d)`)
)

// Sniff reports whether the export's header or a document heading with
// ProQuest's document ID field is in head.
func (Reader) Sniff(head []byte) bool {
	if bytes.Contains(head, []byte("Report Information from ProQuest")) {
		return true
	}
	for l := range bytes.SplitSeq(head, []byte("\n")) {
		if reDocument.Match(bytes.TrimSpace(l)) {
			return bytes.Contains(head, []byte("ProQuest document ID:"))
		}
	}
	return false
}

// known are the field names of a document block; a line starting with
// one of them and ": " starts a field, any other line continues the field
// before it.
var known = map[string]bool{}

func init() {
	for _, k := range []string{
		"Author", "Abstract", "Links", "Title", "Publication title", "Volume", "Issue", "Pages", "First page",
		"Number of pages", "Publication year", "Publication date", "Year", "Section", "Publisher",
		"Place of publication", "Country of publication", "Publication subject", "ISSN", "e-ISSN", "ISBN",
		"Source type", "Language of publication", "Language", "Document type", "Document feature",
		"Publication history", "Online publication date", "ProQuest document ID", "Document URL",
		"Copyright", "Last updated", "Database", "DOI", "Subject", "Identifier / keyword", "Keywords",
		"Advisor", "Classification", "Committee member", "Degree", "Degree date", "Department",
		"Dissertation/thesis number", "School code", "Source", "University location",
		"University/institution", "MeSH subject", "Location", "Company / organization", "People",
		"Accession number", "Publication note", "Update", "Business indexing term", "Credit",
		"Correspondence author", "Affiliation", "Author e-mail address", "Contact", "Identifier",
		"Number of references", "Peer reviewed", "Scholarly", "Alternate title", "Corporate author",
		"Editor", "Series title", "Conference title", "Conference date", "Conference location",
		"Full text", "Notes", "References", "Cited by",
	} {
		known[k] = true
	}
}

// Extract reads the document blocks and emits each at its closing rule
// (or at the next document heading, or the end).
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	l := lines.Loop{Noun: "document"}
	return l.Run(ctx, lines.NewReader(rd), &documents{emit: emit})
}

// documents is the record loop's rules for a ProQuest export: a document
// from its heading ("Document 3 of 20") to its closing rule.
type documents struct {
	emit     func(graph.Record) error
	doc      lines.Fields
	titleLn  string
	declared int // documents the headings announce
	read     int
	inBiblio bool
}

func (f *documents) flush(l *lines.Loop) error {
	if l.Start == 0 {
		return nil
	}
	r := build(f.doc, f.titleLn, l.Start)
	f.doc, f.titleLn = f.doc[:0], ""
	l.Close()
	f.read++
	return f.emit(r)
}

func (f *documents) Line(l *lines.Loop, line []byte, n int) error {
	s := string(bytes.TrimSpace(line))
	switch {
	case s == "":
		return nil
	case reDocument.MatchString(s):
		if err := f.flush(l); err != nil {
			return err
		}
		m := reDocument.FindStringSubmatch(s)
		f.declared, _ = strconv.Atoi(m[2])
		l.Open(n)
		f.inBiblio = false
		return nil
	case reRule.MatchString(s):
		return f.flush(l)
	case s == "Bibliography":
		f.inBiblio = true
		return nil
	}
	if l.Start == 0 || f.inBiblio {
		return nil // header, table of contents, bibliography, footer
	}
	if m := reField.FindStringSubmatch(s); m != nil && known[m[1]] {
		f.doc.Add(m[1], m[2])
	} else if len(f.doc) == 0 && f.titleLn == "" {
		f.titleLn = s
	} else {
		f.doc.Continue(s) // nothing when no field came yet
	}
	if l.Grow(len(s)) {
		f.doc, f.titleLn = f.doc[:0], ""
		l.Close()
	}
	return nil
}

func (f *documents) End(l *lines.Loop) error {
	if err := f.flush(l); err != nil {
		return err
	}
	if f.declared > 0 && f.read < f.declared {
		l.Report(l.Line(), "the export announces %d documents, %d were read (truncated?)", f.declared, f.read)
	}
	return nil
}

func build(fs lines.Fields, titleLine string, line int) graph.Record {
	r := graph.Record{Source: graph.Source{Line: line}}
	get := func(names ...string) string {
		for _, n := range names {
			for _, f := range fs {
				if f.Tag == n && strings.TrimSpace(f.Lines[0]) != "" {
					return strings.TrimSpace(f.Lines[0])
				}
			}
		}
		return ""
	}
	r.Title = get("Title")
	if r.Title == "" {
		r.Title = titleLine
	}
	for a := range strings.SplitSeq(get("Author"), ";") {
		if au := graph.ParseName(a); au.Family != "" {
			r.Authors = append(r.Authors, au)
		}
	}
	r.Abstract = get("Abstract")
	r.Venue = get("Publication title")
	r.Volume = get("Volume")
	r.Issue = get("Issue")
	r.Pages = get("Pages")
	if r.Pages == "" {
		r.Pages = get("First page")
	}
	if d, err := graph.NormalizeDOI(get("DOI")); err == nil {
		r.DOI = d
	}
	r.Language = get("Language", "Language of publication")
	r.Publisher = get("Publisher", "University/institution")
	if y, err := strconv.Atoi(get("Publication year", "Year")); err == nil {
		r.Year = y
	} else if m := find.Year(get("Publication date", "Degree date")); m != 0 {
		r.Year = m
	}
	r.Date = date(r.Year, get("Publication date"))
	for _, f := range fs {
		if f.Tag == "Document URL" || f.Tag == "Links" {
			continue
		}
		for _, l := range f.Lines {
			if strings.Contains(l, "/docview/") && r.URL == "" && strings.HasPrefix(l, "http") {
				r.URL = l
			}
		}
	}
	if u := get("Document URL"); u != "" {
		r.URL = u
	}

	seen := map[string]bool{}
	add := func(k string) {
		if k = strings.TrimSpace(k); k != "" && !seen[strings.ToLower(k)] {
			seen[strings.ToLower(k)] = true
			r.Keywords = append(r.Keywords, k)
		}
	}
	for k := range strings.SplitSeq(get("Identifier / keyword", "Keywords"), ",") {
		add(k)
	}
	for k := range strings.SplitSeq(get("Subject"), ";") {
		add(k)
	}

	ids := map[string]string{}
	if v := get("ProQuest document ID"); v != "" {
		ids[graph.IDProQuest] = v
	} else if m := reDocview.FindStringSubmatch(r.URL); m != nil {
		ids[graph.IDProQuest] = m[1]
	}
	if v := get("Dissertation/thesis number"); v != "" {
		ids[graph.IDDocNumber] = v
	}
	if s := stdnum.FindISSN(get("ISSN", "e-ISSN")); s != "" {
		ids[graph.IDISSN] = s
	}
	if s := stdnum.FindISBN(get("ISBN")); s != "" {
		ids[graph.IDISBN] = s
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	r.Type = docType(get("Document type"), get("Source type"))
	return r
}

// date returns the ISO date from "Dec 2015" or "Dec 8, 2015", as precise
// as given, when it agrees with the year.
func date(year int, pd string) string {
	if year == 0 {
		return ""
	}
	m := reMonthDay.FindStringSubmatch(pd)
	if m == nil || m[3] != strconv.Itoa(year) {
		return strconv.Itoa(year)
	}
	mon := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(m[1]))/3 + 1
	if d, err := strconv.Atoi(m[2]); err == nil && d >= 1 && d <= 31 {
		return fmt.Sprintf("%04d-%02d-%02d", year, mon, d)
	}
	return fmt.Sprintf("%04d-%02d", year, mon)
}

func docType(dt, st string) string {
	s := strings.ToLower(dt + " " + st)
	switch {
	case strings.Contains(s, "dissertation") || strings.Contains(s, "thesis"):
		return "thesis"
	case strings.Contains(s, "conference"):
		return "paper-conference"
	case strings.Contains(s, "book chapter"):
		return "chapter"
	case strings.Contains(s, "book"):
		return "book"
	case strings.Contains(s, "newspaper"):
		return "article-newspaper"
	case strings.Contains(s, "magazine"):
		return "article-magazine"
	case strings.Contains(s, "report"):
		return "report"
	case strings.Contains(s, "journal") || strings.Contains(s, "article"):
		return "article-journal"
	case strings.TrimSpace(s) == "":
		return ""
	}
	return "document"
}
