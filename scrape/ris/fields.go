package ris

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
	"github.com/citegraph/citegraph/scrape/tabular"
)

// Types maps RIS reference types to CSL types. A type not listed reads as
// "document".
var Types = map[string]string{
	"ABST": "article", "ADVS": "motion_picture", "AGGR": "dataset", "ANCIENT": "manuscript",
	"ART": "graphic", "BILL": "bill", "BLOG": "post-weblog", "BOOK": "book", "CASE": "legal_case",
	"CHAP": "chapter", "CHART": "graphic", "CLSWK": "book", "COMP": "software", "CONF": "paper-conference",
	"CPAPER": "paper-conference", "CTLG": "book", "DATA": "dataset", "DBASE": "dataset", "DICT": "entry-dictionary",
	"EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book", "EJOUR": "article-journal", "ELEC": "webpage",
	"ENCYC": "entry-encyclopedia", "EQUA": "document", "FIGURE": "figure", "GEN": "document", "GOVDOC": "report",
	"GRANT": "document", "HEAR": "hearing", "ICOMM": "personal_communication", "INPR": "article-journal",
	"JFULL": "article-journal", "JOUR": "article-journal", "LEGAL": "legislation", "MANSCPT": "manuscript",
	"MAP": "map", "MGZN": "article-magazine", "MPCT": "motion_picture", "MULTI": "document", "MUSIC": "song",
	"NEWS": "article-newspaper", "PAMP": "pamphlet", "PAT": "patent", "PCOMM": "personal_communication",
	"PRESS": "article-newspaper", "RPRT": "report", "SER": "book", "SLIDE": "graphic", "SOUND": "song",
	"STAND": "standard", "STAT": "legislation", "STD": "standard", "THES": "thesis", "UNBILL": "bill",
	"UNPB": "manuscript", "VIDEO": "motion_picture", "WEB": "webpage",
}

var (
	reDate     = regexp.MustCompile(`^(\d{4})(?:[/\-.](\d{1,2})?(?:[/\-.](\d{1,2})?)?)?`)
	reCitedBy  = regexp.MustCompile(`(?i)^(?:cited by|times cited)\s*:?\s*(\d+)`)
	reEID      = regexp.MustCompile(`eid=(2-s2\.0-\d+)`)
	reDocview  = regexp.MustCompile(`proquest\.com/docview/(\d+)`)
	reOvidAI   = regexp.MustCompile(`^\s*,?\s*(.+?);\s*ORCID:\s*(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])`)
	reAPAStart = regexp.MustCompile(`^[^()]{2,400}?\((?:1[5-9]\d\d|20\d\d)[a-z]?\)`)
	reIDScheme = regexp.MustCompile(`^(?i)(pmid|pmcid|arxiv|openalex|s2|s2corpus|mag|lens|embase|pii|doc_number|proquest_id|isbn|issn)\s*:\s*(\S.*)$`)
)

// buildRecord maps one RIS record to a graph.Record.
func buildRecord(r record, line int) graph.Record {
	out := graph.Record{Source: graph.Source{Line: line}}
	// The database the record was exported from (Scopus, Embase, CINAHL,
	// PTSDpubs …) and its accession number or reference id there.
	out.Source.Database = graph.CleanText(r.First("DB"))
	out.Source.RecordID = graph.CleanText(r.First("AN", "ID"))
	ty := strings.ToUpper(r.First("TY"))
	if t, ok := Types[ty]; ok {
		out.Type = t
	} else if ty != "" {
		out.Type = "document"
	}

	out.Title = r.First("TI", "T1", "CT")
	if out.Title == "" && (ty == "BOOK" || ty == "EBOOK" || ty == "EDBOOK") {
		out.Title = r.First("BT")
	}
	journal := r.First("JF", "JO")
	switch ty {
	case "THES":
		// Pure writes a thesis's title as T1 and its subtitle as T2;
		// EndNote writes the title as TI (T1 in its older exports) and
		// the academic department as T2, which is no part of the title.
		if sub := r.First("T2"); sub != "" && journal == "" && out.Title != "" && r.First("TI") == "" && pureExport(r) {
			out.Title += ": " + sub
		}
	case "BOOK", "EBOOK", "EDBOOK":
	default:
		// JF is the full name; T2 the secondary title, a journal's full
		// name (RIS 2011, Zotero, EndNote, Scopus) where JO is often its
		// abbreviation (the specification calls JO full, exporters write
		// either); then the abbreviations.
		out.Venue = r.First("JF", "T2", "JO", "JA", "J2", "J1", "BT")
	}

	for _, a := range r.All("AU", "A1") {
		if au := risName(a); au.Family != "" {
			out.Authors = append(out.Authors, au)
		}
	}
	out.AuthorORCIDs = ovidORCIDs(out.Authors, r.All("AI"))

	for _, d := range []string{r.First("PY"), r.First("Y1"), r.First("DA")} {
		if y, date := parseDate(d); y != 0 {
			if out.Year == 0 {
				out.Year, out.Date = y, date
			} else if y == out.Year && len(date) > len(out.Date) {
				out.Date = date
			}
		}
	}

	out.Volume = r.First("VL", "VO")
	out.Issue = r.First("IS")
	sp, ep := r.First("SP"), r.First("EP")
	switch {
	case sp == "No" && ep == "Specified": // Ovid: "No pagination specified"
	case sp != "" && ep != "" && !strings.Contains(sp, "-") && ep != sp:
		out.Pages = sp + "-" + ep
	default:
		out.Pages = sp
	}
	if a, b, ok := strings.Cut(out.Pages, "-"); ok && a == b {
		out.Pages = a // "22-22": page 22
	}

	for _, d := range r.All("DO") {
		if n, err := graph.NormalizeDOI(d); err == nil {
			out.DOI = n
			break
		}
	}
	if out.DOI == "" {
		for _, u := range r.All("UR", "L1", "L2", "L3", "LK", "M3") {
			if strings.Contains(u, "doi.org/10.") || strings.HasPrefix(strings.ToLower(u), "doi:") || strings.HasPrefix(u, "10.") {
				if n, err := graph.NormalizeDOI(find.DOI(u, find.InField)); err == nil {
					out.DOI = n
					break
				}
			}
		}
	}

	out.Abstract = r.First("AB", "N2")
	out.Language = r.First("LA")
	out.Publisher = r.First("PB")
	out.URL = r.First("UR")

	seen := map[string]bool{}
	for _, e := range r {
		if e.Tag != "KW" {
			continue
		}
		// Each line is a keyword (Rayyan writes one KW and the rest below
		// it); a line may also hold several separated by ";".
		for _, l := range e.Lines {
			for k := range strings.SplitSeq(l, ";") {
				k = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(k), "*"))
				if k != "" && !seen[strings.ToLower(k)] {
					seen[strings.ToLower(k)] = true
					out.Keywords = append(out.Keywords, k)
				}
			}
		}
	}

	ids := identifiers(r, out.URL)
	if len(ids) > 0 {
		out.Identifiers = ids
	}

	for _, e := range r {
		switch e.Tag {
		case "N1":
			v := strings.TrimSpace(e.Lines[0])
			if m := reCitedBy.FindStringSubmatch(v); m != nil && out.CitedByCount == nil {
				n, _ := strconv.Atoi(m[1])
				out.CitedByCount = &n
			}
			if rest, ok := strings.CutPrefix(v, "References:"); ok {
				out.References = append(out.References, scopusReferences(rest, e.Lines[1:])...)
			}
		case "M1":
			// Ovid's PsycINFO writes the cited references as M1, one each,
			// in APA style.
			if v := strings.Join(e.Lines, " "); reAPAStart.MatchString(v) {
				out.References = append(out.References, parseAPA(v))
			}
		}
	}
	return out
}

// pureExport reports whether a record is as Pure's RIS export writes it:
// the title as T1, the date twice (PY and Y1, alike) and the abstract
// twice (N2 and AB, alike) when it has one (the Pure portal's thesis of
// the test data). EndNote writes each once.
func pureExport(r record) bool {
	py, y1 := r.First("PY"), r.First("Y1")
	n2, ab := r.First("N2"), r.First("AB")
	return r.First("T1") != "" && py != "" && py == y1 && n2 == ab
}

// reInitials are a name's initials written after it: "JA", "J.A.".
var reInitials = regexp.MustCompile(`^(?:[A-Z]{1,3}|(?:[A-Z]\.-?){1,3})$`)

// risName reads an author: "Family, Given" as the specification writes
// it, or "Family Initials" without the comma as PubMed-style exporters
// do ("Gadzalski M"), or "Given Family".
func risName(s string) graph.Author {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, ",") {
		if i := strings.LastIndexByte(s, ' '); i > 0 && reInitials.MatchString(s[i+1:]) {
			return graph.Author{Family: graph.CleanText(s[:i]), Given: s[i+1:]}
		}
	}
	return graph.ParseName(s)
}

// scopusReferences reads Scopus's "N1  - References:" note: one reference
// per line (each ending in ";"), or all on one line separated by "; ".
func scopusReferences(first string, more []string) []graph.Reference {
	if len(more) == 0 {
		return tabular.ParseScopusReferences(first)
	}
	var out []graph.Reference
	for _, l := range append([]string{first}, more...) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, tabular.ParseScopusReference(l))
		}
	}
	return out
}

// identifiers collects the accession numbers and standard numbers.
func identifiers(r record, url string) map[string]string {
	ids := map[string]string{}
	db := strings.ToLower(r.First("DB", "DP"))
	for _, sn := range r.All("SN") {
		if b := stdnum.FindISBN(sn); b != "" {
			if ids[graph.IDISBN] == "" {
				ids[graph.IDISBN] = b
			}
		} else if s := stdnum.FindISSN(sn); s != "" && ids[graph.IDISSN] == "" {
			ids[graph.IDISSN] = s
		}
	}
	for _, an := range r.All("AN", "C2", "M2") {
		switch {
		case strings.HasPrefix(strings.ToUpper(an), "WOS:"):
			ids[graph.IDWoS] = "WOS:" + an[4:]
		case strings.HasPrefix(an, "2-s2.0-"):
			ids[graph.IDScopus] = an
		case strings.HasPrefix(strings.ToUpper(an), "PMC") && isDigits(an[3:]):
			ids[graph.IDPMCID] = "PMC" + an[3:]
		case reIDScheme.MatchString(an):
			m := reIDScheme.FindStringSubmatch(an)
			ids[strings.ToLower(m[1])] = strings.TrimSpace(m[2])
		case isDigits(an) && (strings.Contains(db, "medline") || strings.Contains(db, "pubmed")):
			ids[graph.IDPMID] = an
		case strings.Contains(db, "embase"):
			ids[graph.IDEmbase] = strings.TrimPrefix(an, "L")
		}
	}
	for _, u := range append([]string{url}, r.All("L2", "LK")...) {
		if m := reEID.FindStringSubmatch(u); m != nil && ids[graph.IDScopus] == "" {
			ids[graph.IDScopus] = m[1]
		}
		if m := reDocview.FindStringSubmatch(u); m != nil && ids[graph.IDProQuest] == "" {
			ids[graph.IDProQuest] = m[1]
		}
	}
	return ids
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseDate reads a RIS date ("2019", "2019//", "2018/4/25", "2014/07//",
// "2014-07-21") and returns the year and the ISO date as precise as given.
func parseDate(s string) (int, string) {
	m := reDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, ""
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1000 {
		return 0, ""
	}
	date := m[1]
	if mo, err := strconv.Atoi(m[2]); err == nil && mo >= 1 && mo <= 12 {
		date += fmt.Sprintf("-%02d", mo)
		if d, err := strconv.Atoi(m[3]); err == nil && d >= 1 && d <= 31 {
			date += fmt.Sprintf("-%02d", d)
		}
	}
	return y, date
}

// ovidORCIDs reads Ovid's AI field ("ORCID: http://orcid.org/Trindade, Ines
// A.; ORCID: http://orcid.org/0000-0003-1208-2077, Ferreira, Claudia;
// ORCID: …": each name is followed by its iD) and matches the names to the
// authors by family name. Nil when none matches.
func ovidORCIDs(authors []graph.Author, ai []string) []string {
	if len(ai) == 0 || len(authors) == 0 {
		return nil
	}
	out := make([]string, len(authors))
	found := false
	for _, s := range ai {
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, "ORCID:")
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(strings.TrimPrefix(s, "http://orcid.org/"), "https://orcid.org/")
		for {
			m := reOvidAI.FindStringSubmatchIndex(s)
			if m == nil {
				break
			}
			name := graph.ParseName(s[m[2]:m[3]])
			id := s[m[4]:m[5]]
			s = s[m[1]:]
			for k, a := range authors {
				if out[k] == "" && graph.Fold(a.Family) == graph.Fold(name.Family) {
					out[k] = id
					found = true
					break
				}
			}
		}
	}
	if !found {
		return nil
	}
	return out
}
