package ris

import (
	"bufio"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Types maps CSL types to RIS reference types; a type not listed is
// written as GEN.
var Types = map[string]string{
	"article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS", "article": "JOUR",
	"book": "BOOK", "chapter": "CHAP", "paper-conference": "CONF", "thesis": "THES", "report": "RPRT",
	"webpage": "ELEC", "post-weblog": "BLOG", "dataset": "DATA", "patent": "PAT", "manuscript": "UNPB",
	"motion_picture": "MPCT", "song": "SOUND", "graphic": "ART", "map": "MAP", "legal_case": "CASE",
	"legislation": "STAT", "bill": "BILL", "hearing": "HEAR", "personal_communication": "PCOMM",
	"entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC", "software": "COMP", "standard": "STAND",
	"pamphlet": "PAMP", "figure": "FIGURE", "document": "GEN",
}

// Writer writes records as RIS.
type Writer struct {
	w *bufio.Writer
}

// NewWriter returns a Writer on w. Call Close when done.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Close flushes what is buffered; it does not close the underlying writer.
func (w *Writer) Close() error { return w.w.Flush() }

func (w *Writer) tag(t, v string) {
	v = oneLine(v)
	if v == "" {
		return
	}
	w.w.WriteString(t)
	w.w.WriteString("  - ")
	w.w.WriteString(v)
	w.w.WriteString("\r\n")
}

// oneLine collapses white space, line breaks included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Write writes one record.
func (w *Writer) Write(r *graph.Record) error {
	w.fields(r)
	w.w.WriteString("ER  - \r\n\r\n")
	return nil
}

// WriteFound writes one record with where it was found: a DB line for
// each database of found (once each, in order), an AN line for each
// record id the record's identifiers did not already give (in order), and
// an N1
// note "Found in: Database (record id); …" naming them all, which
// screening tools (Rayyan, Covidence, ASReview) show with the record.
func (w *Writer) WriteFound(r *graph.Record, found []graph.Source) error {
	ans := w.fields(r)
	seen := map[string]bool{}
	for _, s := range found {
		if db := oneLine(s.Database); db != "" && !seen[db] {
			seen[db] = true
			w.tag("DB", db)
		}
	}
	for _, s := range found {
		if id := oneLine(s.RecordID); id != "" && !ans[id] {
			ans[id] = true
			w.tag("AN", id)
		}
	}
	var notes []string
	for _, s := range found {
		db, id := oneLine(s.Database), oneLine(s.RecordID)
		switch {
		case db != "" && id != "":
			notes = append(notes, db+" ("+id+")")
		case db != "":
			notes = append(notes, db)
		case id != "":
			notes = append(notes, id)
		}
	}
	if len(notes) > 0 {
		w.tag("N1", "Found in: "+strings.Join(notes, "; "))
	}
	w.w.WriteString("ER  - \r\n\r\n")
	return nil
}

// fields writes every tag of r but ER and returns the values of the AN
// lines written.
func (w *Writer) fields(r *graph.Record) map[string]bool {
	ans := map[string]bool{}
	ty, ok := Types[r.Type]
	if !ok {
		ty = "GEN"
		if r.Type == "" {
			ty = "JOUR"
			if r.Venue == "" {
				ty = "GEN"
			}
		}
	}
	w.tag("TY", ty)
	w.tag("TI", r.Title)
	for _, a := range r.Authors {
		w.tag("AU", a.String())
	}
	if r.Year != 0 {
		w.tag("PY", strconv.Itoa(r.Year))
	}
	if r.Date != "" {
		parts := strings.Split(r.Date, "-")
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		w.tag("DA", strings.Join(parts[:3], "/")+"/")
	}
	if ty != "BOOK" {
		w.tag("T2", r.Venue)
	}
	if ty == "CONF" {
		// The RIS specification (and citation-js) take a conference
		// paper's proceedings from C3 and its issue from M1; EndNote and
		// Zotero read T2 and IS.
		w.tag("C3", r.Venue)
	}
	w.tag("VL", r.Volume)
	w.tag("IS", r.Issue)
	if ty == "CONF" {
		w.tag("M1", r.Issue)
	}
	if sp, ep, ok := strings.Cut(r.Pages, "-"); ok && sp != "" && ep != "" {
		w.tag("SP", sp)
		w.tag("EP", ep)
	} else {
		w.tag("SP", r.Pages)
	}
	w.tag("DO", r.DOI)
	w.tag("AB", r.Abstract)
	for _, k := range r.Keywords {
		w.tag("KW", k)
	}
	w.tag("SN", r.Identifiers[graph.IDISSN])
	w.tag("SN", r.Identifiers[graph.IDISBN])
	w.tag("UR", r.URL)
	w.tag("LA", r.Language)
	w.tag("PB", r.Publisher)
	keys := make([]string, 0, len(r.Identifiers))
	for k := range r.Identifiers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := r.Identifiers[k]
		switch k {
		case graph.IDISSN, graph.IDISBN:
		case graph.IDWoS:
			if !strings.HasPrefix(v, "WOS:") {
				v = "WOS:" + v
			}
			w.tag("AN", v)
			ans[v] = true
		case graph.IDScopus:
			w.tag("AN", v)
			ans[v] = true
		case graph.IDPMCID:
			w.tag("C2", v)
		default:
			w.tag("AN", k+": "+v)
			ans[v] = true
		}
	}
	if r.Retracted {
		// Screening tools show N1 beside the abstract (Rayyan's notes,
		// Covidence's and ASReview's "notes").
		w.tag("N1", RetractedNote)
	}
	return ans
}

// RetractedNote is the N1 line of a record a source marks retracted.
const RetractedNote = "RETRACTED: a source marks this work as retracted"
