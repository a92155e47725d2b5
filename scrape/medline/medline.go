package medline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/ident"
	"github.com/citegraph/citegraph/scrape/internal/lines"
	"github.com/citegraph/citegraph/scrape/internal/pos"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// Reader reads MEDLINE-format files.
type Reader struct{}

// Name returns "medline".
func (Reader) Name() string { return "medline" }

// SyntaxError is a malformed part of a MEDLINE file, at a line
// (Col 0: unknown). It is the reader kit's positional error
// (scrape/internal/pos), named here.
type SyntaxError = pos.Error

// Sniff reports whether the first non-blank line is a MEDLINE field
// ("PMID- ", "OWN - ERIC": ERIC's .nbib files have no PMID; a record may
// open with any field) and a field whose tag has three or four letters
// ("PMID", "FAU", "OWN") comes in the first lines: RIS, whose lines look
// alike, has two-letter tags only, and opens with TY.
func (Reader) Sniff(head []byte) bool {
	first := true
	n := 0
	for l := range bytes.SplitSeq(head, []byte("\n")) {
		l = bytes.TrimRight(l, " \t\r")
		if len(l) == 0 {
			continue
		}
		t, _, ok := tag(l)
		switch {
		case first && (!ok || t == "TY"):
			return false
		case ok && len(t) >= 3:
			return true
		}
		first = false
		if n++; n > 60 {
			break
		}
	}
	return false
}

// tag reads "TAG - value" with the tag padded to four characters.
func tag(l []byte) (string, string, bool) {
	if len(l) < 5 || l[4] != '-' || l[0] < 'A' || l[0] > 'Z' {
		return "", "", false
	}
	t := bytes.TrimRight(l[:4], " ")
	for _, c := range t {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", "", false
		}
	}
	v := ""
	if len(l) > 5 {
		v = string(bytes.TrimSpace(l[5:]))
	}
	return string(t), v, true
}

type field struct {
	tag  string
	val  string
	more []string // continuation lines, joined into val by build
}

// repeats are the tags that may come more than once in a record (NLM's
// element descriptions: "may appear multiple times"), so that a record
// opening with one of them is not ended by the next.
var repeats = map[string]bool{}

func init() {
	for t := range strings.FieldsSeq(`AU FAU CN AD AUID LID AID IS ISBN MH OT OTO PT RN NM GR SI OID IR FIR IRAD
		ED FED GN PHST CIN CON EIN EFR CRI CRF ECI ECF RPI RPF RIN ROF UIN UOF SPIN ORI PS FPS SB COIS OAB OCI
		MHDA EDAT CRDT DEP LA PL PMCR MID`) {
		repeats[t] = true
	}
}

// Extract reads the records and emits each when the next begins or the
// file ends. A record begins at its first field, whatever the tag: after
// a blank line, at a PMID when the record read so far has one already,
// or, when the blank lines between records were lost, at the tag the
// record read so far opened with ("OWN - ERIC" again), unless that tag
// repeats within a record (AU, MH …).
func (Reader) Extract(ctx context.Context, rd io.Reader, emit func(graph.Record) error) error {
	return lines.Read(ctx, rd, &records{emit: emit})
}

// records is the record loop's rules for MEDLINE (see Extract).
type records struct {
	emit    func(graph.Record) error
	rec     []field
	blank   bool   // a blank line since the last field
	hasPMID bool   // the record read so far has a PMID
	opener  string // the tag of its first field
	dropped bool   // the record read so far was too long: skip it
}

func (f *records) flush(l *lines.Loop) error {
	if f.dropped || len(f.rec) == 0 {
		f.rec, f.hasPMID, f.dropped = f.rec[:0], false, false
		l.Close()
		return nil
	}
	r := build(f.rec, l.Start)
	f.rec, f.hasPMID = f.rec[:0], false
	l.Close()
	return f.emit(r)
}

func (f *records) Line(l *lines.Loop, line []byte, n int) error {
	if len(bytes.TrimSpace(line)) == 0 {
		f.blank = true
		return nil
	}
	if t, v, ok := tag(line); ok {
		if f.blank || l.Start == 0 || (t == "PMID" && f.hasPMID) || (t == f.opener && !repeats[t]) {
			if err := f.flush(l); err != nil {
				return err
			}
			l.Open(n)
			f.opener = t
		}
		f.blank = false
		f.hasPMID = f.hasPMID || t == "PMID"
		if !f.dropped {
			f.rec = append(f.rec, field{tag: t, val: v})
			f.grow(l, len(v))
		}
	} else if l.Start > 0 && !f.blank && (line[0] == ' ' || line[0] == '\t') {
		if !f.dropped {
			last := &f.rec[len(f.rec)-1]
			last.more = append(last.more, string(bytes.TrimSpace(line)))
			f.grow(l, len(line))
		}
	} else {
		l.ReportOnce(n, "line is neither a field nor a continuation")
	}
	return nil
}

// grow counts n bytes more of the open record; past the cap the record is
// dropped, and the lines up to the next record with it.
func (f *records) grow(l *lines.Loop, n int) {
	if l.Grow(n) {
		f.rec, f.dropped = f.rec[:0], true
	}
}

func (f *records) End(l *lines.Loop) error { return f.flush(l) }

var (
	reERIC   = regexp.MustCompile(`^E[JD]\d+$`)
	reDP     = regexp.MustCompile(`^(\d{4})(?:\s+([A-Za-z]{3})[a-z]*(?:\s+(\d{1,2}))?)?`)
	reDEP    = regexp.MustCompile(`^(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`)
	rePages  = regexp.MustCompile(`^(\d+)-(\d+)$`)
	monthNum = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

func build(fs []field, line int) graph.Record {
	for i := range fs {
		if len(fs[i].more) > 0 {
			fs[i].val = strings.Join(append([]string{fs[i].val}, fs[i].more...), " ")
			fs[i].more = nil
		}
	}
	r := graph.Record{Source: graph.Source{Line: line}}
	get := func(t string) string {
		for _, f := range fs {
			if f.tag == t && f.val != "" {
				return f.val
			}
		}
		return ""
	}
	ids := map[string]string{}
	var fau, au []graph.Author
	var fauORCID, auORCID []string
	last := "" // FAU or AU: which list an AUID belongs to
	seen := map[string]bool{}
	addKW := func(k string) {
		k = strings.TrimSpace(strings.TrimPrefix(k, "*"))
		if k != "" && !seen[strings.ToLower(k)] {
			seen[strings.ToLower(k)] = true
			r.Keywords = append(r.Keywords, k)
		}
	}
	var mesh []string
	for _, f := range fs {
		if (f.tag == "FAU" || f.tag == "AU") && isEtAl(f.val) {
			continue
		}
		switch f.tag {
		case "FAU":
			fau = append(fau, graph.ParseName(f.val))
			fauORCID = append(fauORCID, "")
			last = "FAU"
		case "AU":
			au = append(au, medlineName(f.val))
			auORCID = append(auORCID, "")
			if last != "FAU" || len(au) > len(fau) {
				last = "AU"
			}
		case "CN":
			fau = append(fau, graph.Author{Family: f.val})
			au = append(au, graph.Author{Family: f.val})
			fauORCID, auORCID = append(fauORCID, ""), append(auORCID, "")
		case "AUID":
			if id, ok := strings.CutPrefix(f.val, "ORCID:"); ok {
				id = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(id), "https://orcid.org/"), "http://orcid.org/"))
				if last == "FAU" && len(fau) > 0 {
					fauORCID[len(fau)-1] = id
				} else if len(au) > 0 {
					auORCID[len(au)-1] = id
				}
			}
		case "LID", "AID":
			v, kind, _ := strings.Cut(f.val, " [")
			switch strings.TrimSuffix(kind, "]") {
			case "doi":
				if r.DOI == "" {
					r.DOI = v
				}
			case "pii":
				if ids[graph.IDPII] == "" {
					ids[graph.IDPII] = v
				}
			}
		case "IS":
			if s := stdnum.FindISSN(f.val); s != "" && ids[graph.IDISSN] == "" {
				ids[graph.IDISSN] = s
			}
		case "ISBN":
			if s := stdnum.FindISBN(f.val); s != "" && ids[graph.IDISBN] == "" {
				ids[graph.IDISBN] = s
			}
		case "OID":
			if eric := strings.ToUpper(f.val); reERIC.MatchString(eric) && ids[graph.IDERIC] == "" {
				ids[graph.IDERIC] = eric
			}
		case "OT":
			addKW(f.val)
			r.AuthorKeywords = append(r.AuthorKeywords, f.val)
		case "MH":
			mesh = append(mesh, f.val)
		case "AD":
			r.Affiliations = append(r.Affiliations, f.val)
		case "PT":
			if r.DocumentType == "" {
				r.DocumentType = f.val
			}
			r.Retracted = r.Retracted || strings.EqualFold(f.val, "Retracted Publication")
		}
	}
	for _, m := range mesh {
		addKW(m)
	}
	r.MeSH = mesh
	r.Authors, r.AuthorORCIDs = fau, fauORCID
	if len(fau) == 0 || (len(au) > len(fau)) {
		r.Authors, r.AuthorORCIDs = au, auORCID
	}
	r.AuthorORCIDs = ident.ORCIDs(r.AuthorORCIDs)
	if v := get("PMID"); v != "" {
		ids[graph.IDPMID] = v
	}
	if v := get("PMC"); v != "" {
		ids[graph.IDPMCID] = v
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	// A Bookshelf chapter has its own TI and the book's title in BTI: the
	// book is the chapter's venue. A book has only BTI.
	r.Title = untranslated(get("TI"))
	r.Venue = get("JT")
	if r.Venue == "" {
		r.Venue = get("TA")
	}
	if r.Title == "" {
		r.Title = get("BTI")
	} else if r.Venue == "" {
		r.Venue = get("BTI")
	}
	r.Abstract = get("AB")
	r.Volume = get("VI")
	r.Issue = get("IP")
	r.Pages = expandPages(get("PG"))
	r.Language = get("LA")
	r.Publisher = get("PB")
	r.Year, r.Date = pubDate(get("DP"))
	fromSource(&r, get("SO"))
	if r.Year == 0 {
		r.Year, r.Date = pubDate(get("DEP")) // "20151030"
	}
	r.Type = pubType(fs)
	return r
}

// reSO is the citation of SO: "Gene. 2016 Jan 15;576(1 Pt
// 3):466-75. doi: …" (venue. date;volume(issue):pages.).
var reSO = regexp.MustCompile(`^(.+?)\.\s+(\d{4}(?:\s[^;:.]*)?)\s*(?:;\s*([^(:;.\s]+)?\s*(?:\(([^)]*)\))?)?\s*(?::\s*([^.;\s]+))?`)

// fromSource fills what the record's own fields leave empty from its
// source line (SO), which repeats them.
func fromSource(r *graph.Record, so string) {
	m := reSO.FindStringSubmatch(so)
	if m == nil {
		return
	}
	if r.Venue == "" && r.Title != "" {
		r.Venue = m[1]
	}
	if r.Year == 0 {
		r.Year, r.Date = pubDate(m[2])
	}
	if r.Volume == "" {
		r.Volume = m[3]
	}
	if r.Issue == "" {
		r.Issue = m[4]
	}
	if r.Pages == "" {
		r.Pages = expandPages(m[5])
	}
}

// reBracketed is a title MEDLINE translated into English: in brackets
// ("[Cystic fibrosis in adults]."), NLM's mark of a translation.
var reBracketed = regexp.MustCompile(`^\[([^\[\]]+)\](\.?)$`)

// untranslated returns the title without the brackets of a translation.
func untranslated(t string) string {
	if m := reBracketed.FindStringSubmatch(t); m != nil {
		return m[1] + m[2]
	}
	return t
}

// isEtAl reports whether an author line stands for the authors left out
// ("AU  - et al."), not an author.
func isEtAl(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "et al" || s == "et al."
}

// medlineName reads "Gadzalski M" (family, then initials), or ERIC's
// "Guo, Wenbo" (family, comma, given names).
func medlineName(s string) graph.Author {
	s = strings.TrimSpace(s)
	if strings.Contains(s, ",") {
		return graph.ParseName(s)
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		return graph.Author{Family: s[:i], Given: s[i+1:]}
	}
	return graph.Author{Family: s}
}

// pubDate reads DP ("2016 Jan 15", "2015 Nov-Dec", "2016 Spring", "2016")
// or DEP ("20151030").
func pubDate(dp string) (int, string) {
	if m := reDEP.FindStringSubmatch(dp); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y, m[1] + "-" + m[2] + "-" + m[3]
	}
	m := reDP.FindStringSubmatch(dp)
	if m == nil {
		return 0, ""
	}
	y, _ := strconv.Atoi(m[1])
	mon := monthNum[strings.ToLower(m[2])]
	if mon == 0 {
		return y, m[1]
	}
	d, _ := strconv.Atoi(m[3])
	if d >= 1 && d <= 31 {
		return y, fmt.Sprintf("%s-%02d-%02d", m[1], mon, d)
	}
	return y, fmt.Sprintf("%s-%02d", m[1], mon)
}

// expandPages restores the end page MEDLINE elides: "466-75" → "466-475".
func expandPages(pg string) string {
	m := rePages.FindStringSubmatch(pg)
	if m == nil || len(m[2]) >= len(m[1]) {
		return pg
	}
	return m[1] + "-" + m[1][:len(m[1])-len(m[2])] + m[2]
}

// pubType maps the publication types (PT) to a CSL type: PubMed's
// ("Journal Article", "Review", "Book Chapter", "Preprint") and ERIC's
// ("Journal Articles", "Reports - Research", "Books",
// "Dissertations/Theses - Doctoral Dissertations", "Speeches/Meeting
// Papers"). A journal article stays one whatever else it is (ERIC gives a
// research article both "Journal Articles" and "Reports - Research").
func pubType(fs []field) string {
	var types []string
	for _, f := range fs {
		if f.tag == "PT" {
			types = append(types, strings.ToLower(f.val))
		}
	}
	if len(types) == 0 {
		return ""
	}
	has := func(words ...string) bool {
		for _, t := range types {
			for _, w := range words {
				if strings.Contains(t, w) {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("book chapter"):
		return "chapter"
	case has("journal article"):
		return "article-journal"
	case has("preprint"):
		return "article"
	case has("dataset"):
		return "dataset"
	case has("book", "monograph"):
		return "book"
	case has("dissertation", "thesis", "theses"):
		return "thesis"
	case has("meeting paper", "congress", "conference"):
		return "paper-conference"
	case has("reports - "):
		return "report"
	}
	for _, f := range fs {
		if f.tag == "OWN" && f.val == "ERIC" {
			return "report" // ERIC's documents (ED numbers) outside journals
		}
	}
	return "article-journal"
}
