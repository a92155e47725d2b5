package wos

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
	"github.com/citegraph/citegraph/scrape/internal/pos"
	"github.com/citegraph/citegraph/scrape/internal/stdnum"
)

// SyntaxError is a malformed part of an export. Readers report it and go
// on with the next record, at a line
// (Col 0: unknown). It is the reader kit's positional error
// (scrape/internal/pos), named here.
type SyntaxError = pos.Error

// fields holds one record's field values by tag: for the plain-text format
// one string per line, for the tab-delimited one the cell split where
// Web of Science puts several values in one.
type fields map[string][]string

// joined returns a field's lines joined by single spaces.
func (f fields) joined(tag string) string { return strings.Join(f[tag], " ") }

func (f fields) first(tag string) string {
	if v := f[tag]; len(v) > 0 {
		return strings.TrimSpace(v[0])
	}
	return ""
}

// list returns the items of a "; "-separated field (DE, ID, OI) whose
// lines wrap anywhere.
func (f fields) list(tag string) []string {
	var out []string
	for s := range strings.SplitSeq(f.joined(tag), ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var (
	reMonth = regexp.MustCompile(`(?i)^(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*(?:\s+(\d{1,2})\b)?`)
	// reCitedRef matches the start of a cited reference: a name, then the
	// year as the second comma-separated part.
	reCitedRef = regexp.MustCompile(`^[^,\[\]]{1,80}, (1[5-9]\d\d|20\d\d)(, |$)`)
)

var monthNum = map[string]int{"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12}

// record turns the fields of one Web of Science record into a Record.
func (f fields) record(line int) graph.Record {
	r := graph.Record{Source: graph.Source{Line: line}}
	r.Type = workType(f.first("PT"), f.joined("DT"))

	au, af := f["AU"], f["AF"]
	names, short := af, false
	if len(af) == 0 || (len(au) > 0 && len(af) != len(au)) {
		names, short = au, true
	}
	if len(names) == 0 {
		names, short = f["BA"], true
		if len(f["BF"]) == len(names) && len(names) > 0 {
			names, short = f["BF"], false
		}
	}
	for _, n := range names {
		a := graph.ParseName(n)
		if short {
			a = shortName(n)
		}
		if a.Family != "" {
			r.Authors = append(r.Authors, a)
		}
	}
	if len(r.Authors) == 0 {
		for _, n := range f["CA"] { // group authors
			if n = strings.TrimSpace(n); n != "" {
				r.Authors = append(r.Authors, graph.Author{Family: n})
			}
		}
	}
	r.AuthorORCIDs = orcids(r.Authors, f.list("OI"))

	r.Title = f.joined("TI")
	r.Venue = f.joined("SO")
	r.Volume = f.first("VL")
	r.Issue = f.first("IS")
	bp, ep := f.first("BP"), f.first("EP")
	switch {
	case bp != "" && ep != "" && ep != bp:
		r.Pages = bp + "-" + ep
	case bp != "":
		r.Pages = bp
	case f.first("PS") != "":
		r.Pages = f.first("PS") // page span, "1-10"
	default:
		r.Pages = f.first("AR")
	}
	r.DOI = f.first("DI")
	if r.DOI == "" {
		r.DOI = f.first("D2")
	}
	r.Abstract = f.joined("AB")
	r.Language = f.first("LA")
	r.Publisher = f.joined("PU")

	if y, err := strconv.Atoi(f.first("PY")); err == nil {
		r.Year = y
	} else if m := find.Year(f.first("PD")); m != 0 {
		r.Year = m // "DEC 2019" when PY is missing
	} else if m := find.Year(f.first("EA")); m != 0 {
		r.Year = m
	}
	r.Date = date(r.Year, f.first("PD"))

	seen := map[string]bool{}
	for _, k := range append(f.list("DE"), f.list("ID")...) {
		if key := strings.ToLower(k); !seen[key] {
			seen[key] = true
			r.Keywords = append(r.Keywords, k)
		}
	}

	r.DocumentType = strings.TrimSpace(f.joined("DT"))
	r.AuthorKeywords, r.KeywordsPlus = f.list("DE"), f.list("ID")
	r.Affiliations = f.addresses()
	r.CorrespondenceAddress = f.joined("RP")

	ids := map[string]string{}
	if ut := f.first("UT"); ut != "" {
		ids[graph.IDWoS] = NormalizeUT(ut)
	}
	if pm := f.first("PM"); pm != "" {
		ids[graph.IDPMID] = pm
	}
	if s := stdnum.FindISSN(f.first("SN")); s != "" {
		ids[graph.IDISSN] = s
	} else if s := stdnum.FindISSN(f.first("EI")); s != "" {
		ids[graph.IDISSN] = s
	}
	if s := stdnum.FindISBN(f.first("BN")); s != "" {
		ids[graph.IDISBN] = s
	}
	if len(ids) > 0 {
		r.Identifiers = ids
	}
	if tc, err := strconv.Atoi(f.first("TC")); err == nil {
		r.CitedByCount = &tc
	}
	for _, cr := range f["CR"] {
		if cr = strings.TrimSpace(cr); cr != "" {
			r.References = append(r.References, ParseCitedReference(cr))
		}
	}
	return r
}

// NormalizeUT returns a Web of Science accession number (UT) in the form
// "WOS:000186671900001"; the older "ISI:" prefix is replaced, and a bare
// number gets the prefix.
func NormalizeUT(s string) string {
	s = strings.TrimSpace(s)
	if p, rest, ok := strings.Cut(s, ":"); ok && (strings.EqualFold(p, "WOS") || strings.EqualFold(p, "ISI")) {
		return "WOS:" + strings.TrimSpace(rest)
	}
	return "WOS:" + s
}

// date returns the ISO date from the year and a WoS publication date ("DEC",
// "JUN 15", "SPR", "2019"): as precise as given.
func date(year int, pd string) string {
	if year == 0 {
		return ""
	}
	m := reMonth.FindStringSubmatch(strings.TrimSpace(pd))
	if m == nil {
		return fmt.Sprintf("%04d", year)
	}
	mon := monthNum[strings.ToUpper(m[1])]
	if d, err := strconv.Atoi(m[2]); err == nil && d >= 1 && d <= 31 {
		return fmt.Sprintf("%04d-%02d-%02d", year, mon, d)
	}
	return fmt.Sprintf("%04d-%02d", year, mon)
}

// workType maps the publication type (PT: J journal, B book, S series, C
// conference, P patent) and document type (DT) to a CSL type.
func workType(pt, dt string) string {
	dtl := strings.ToLower(dt)
	switch {
	case strings.Contains(dtl, "book review"):
		return "review-book"
	case strings.Contains(dtl, "chapter"):
		return "chapter"
	}
	switch strings.ToUpper(pt) {
	case "J":
		return "article-journal"
	case "C":
		return "paper-conference"
	case "B":
		return "book"
	case "S":
		if strings.Contains(dtl, "proceedings") {
			return "paper-conference"
		}
		return "chapter"
	case "P":
		return "patent"
	}
	return ""
}

// shortName reads an abbreviated name (AU, BA): "Family, Initials", or
// without the comma as Derwent's patent records write it ("YANG Y"):
// family, then the initials.
func shortName(s string) graph.Author {
	s = strings.TrimSpace(s)
	if strings.Contains(s, ",") {
		return graph.ParseName(s)
	}
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return graph.ParseName(s)
	}
	ini := s[i+1:]
	if len(ini) > 4 || strings.ToUpper(ini) != ini {
		return graph.ParseName(s)
	}
	return graph.Author{Family: graph.CleanText(s[:i]), Given: ini}
}

// orcids matches the OI field ("Family, Given/0000-0002-…") to the
// authors; nil when none matches.
func orcids(authors []graph.Author, oi []string) []string {
	if len(oi) == 0 || len(authors) == 0 {
		return nil
	}
	out := make([]string, len(authors))
	found := false
	for _, e := range oi {
		i := strings.LastIndexByte(e, '/')
		if i < 0 {
			continue
		}
		name, id := graph.ParseName(e[:i]), strings.TrimSpace(e[i+1:])
		if len(id) != 19 {
			continue
		}
		for k, a := range authors {
			if out[k] == "" && graph.Fold(a.Family) == graph.Fold(name.Family) && initialsAgree(a.Given, name.Given) {
				out[k] = id
				found = true
				break
			}
		}
	}
	if !found {
		return nil
	}
	return out
}

// initialsAgree reports whether two given names start alike ("Tyler" and
// "T", "Ming Liang" and "ML").
func initialsAgree(a, b string) bool {
	a, b = graph.Fold(a), graph.Fold(b)
	if a == "" || b == "" {
		return true
	}
	return a[0] == b[0]
}

// addresses returns the C1 addresses, one a line, without the bracketed
// list of the authors at each ("[Gilles, H; Girard, S] Univ Caen, …").
// Lines shaped like a cited reference ("ALLEN PJ, 1966, AM J PHYS, V34")
// are left out: some exports print the reference list under C1.
//
// The tab-delimited format splits C1 at every "; ", inside the brackets
// too ("[Zhao, Ziqi", "Xu, Kun] Zhejiang …"): the parts of an open bracket
// are joined again first.
func (f fields) addresses() []string {
	var out []string
	var lines []string
	for _, l := range f["C1"] {
		if n := len(lines); n > 0 && strings.Count(lines[n-1], "[") > strings.Count(lines[n-1], "]") {
			lines[n-1] += "; " + l
			continue
		}
		lines = append(lines, l)
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if reCitedRef.MatchString(l) {
			continue
		}
		if strings.HasPrefix(l, "[") {
			if i := strings.IndexByte(l, ']'); i > 0 {
				l = strings.TrimSpace(l[i+1:])
			}
		}
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
