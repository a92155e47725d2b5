package ovid

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/scrape/internal/find"
)

// source is what a source line (SO) says.
type source struct {
	venue, volume, issue, pages string
	year                        int
}

const (
	year  = `((?:1[5-9]|20)\d\d)`
	month = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter)[a-z]*\.?`
	// pages: "466-75", "S123-S124", "e0123456", "1341 - 1354".
	pages = `([A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*-\s*[A-Za-z]{0,2}\d+[A-Za-z]?)?)`
)

// The source lines of Ovid's databases, each with an example.
var (
	// Journals@Ovid: "Acta Biochimica et Biophysica Sinica August
	// 2011;43(8):647-653" (venue, date; volume(issue):pages).
	reJournalsOvid = regexp.MustCompile(`^(.+?)\s+(?:` + month + `(?:\s*[-/]\s*[A-Za-z]+\.?)?(?:\s+\d{1,2})?,?\s+)?` + year +
		`\s*;\s*([^\s(:;]*)\s*(?:\(([^)]*)\))?\s*(?::\s*` + pages + `)?`)
	// Ovid MEDLINE: "Gene. 576(1 Pt 3):466-75, 2016 Jan 15." (venue.
	// volume(issue):pages, date); BIOSIS's journals alike ("Journal of
	// Biological Chemistry. 275(12):8456-8462, March 24, 2000.").
	reMedline = regexp.MustCompile(`^(.+)\.\s+([A-Za-z]?\d[^\s():,;]*)?\s*(?:\(([^)]*)\))?\s*:\s*([^,;]+?)\s*,\s*(?:` + month +
		`(?:\s*[-/]\s*[A-Za-z]+\.?)?\s+(?:\d{1,2}(?:\s*-\s*\d{1,2})?,?\s+)?)?` + year + `\b`)
	// PsycINFO: "Psychological Medicine. Vol.45(3), Feb 2015, pp.
	// 461-470." (venue. Vol.volume(issue), date, pp. pages).
	rePsycINFO = regexp.MustCompile(`^(.+)\.\s+Vol\.?\s*([^\s(),;]+)\s*(?:\(([^)]*)\))?,?\s*(?:[^,;]*?\s)?` + year +
		`\b[^,;]*(?:,\s*(?:pp?\.?\s*)?` + pages + `)?`)
	// Embase: "BMC Proceedings. Conference: …. Spain. 12 (Supplement 3)
	// (no pagination), 2018. Date of Publication: 2018." (venue. volume
	// (issue) (pp pages), year.).
	reEmbase = regexp.MustCompile(`^(.+?)\.\s+([^\s(]+)\s*(?:\(([^)]*)\))?\s*(?:\(([^)]*)\))?\s*,\s*` + year + `\b`)
	rePP     = regexp.MustCompile(`^(?:pp?\s*)?` + pages + `$`)
	// Pages anywhere in a book's source line: "p. 1341-1354", "Pp.
	// 297-310", "pp 12-20", "Pages: 12-20".
	rePagesIn = regexp.MustCompile(`(?:^|[\s.,;(])(?:[Pp][Pp]?|[Pp]ages?)\.?:?\s*` + pages + `\b`)
	// Editors in a book's source line (BIOSIS): "Feldman, David [Editor],
	// Pike, J. Wesley [Editor]", "Smith, J. (Ed.)"; the family name
	// holds no full stop, so the list cannot reach back into the title.
	reEditors = regexp.MustCompile(`(?:[^,.;\[\]()]+(?:,\s*[^,;\[\]()]+?)?\s*(?:\[(?i:eds?\.?|editors?|compilers?)\]|\((?i:eds?\.?|editors?)\))\s*(?:,?\s*et al\.?)?\s*[,;]?\s*)+`)
)

// parseSource splits a source line into venue, volume, issue, pages and
// year, trying the shapes of the databases in turn; a line of none of
// them (a book's) gives its first sentence as the venue, without the
// editors, and the pages and year found in it.
func parseSource(so string) source {
	so = strings.TrimSpace(so)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	switch {
	case so == "":
		return source{}
	case reJournalsOvid.MatchString(so):
		m := reJournalsOvid.FindStringSubmatch(so)
		return source{venue: m[1], year: atoi(m[2]), volume: m[3], issue: m[4], pages: nospace(m[5])}
	case reMedline.MatchString(so):
		m := reMedline.FindStringSubmatch(so)
		return source{venue: m[1], volume: m[2], issue: m[3], pages: nospace(m[4]), year: atoi(m[5])}
	case rePsycINFO.MatchString(so):
		m := rePsycINFO.FindStringSubmatch(so)
		return source{venue: m[1], volume: m[2], issue: m[3], year: atoi(m[4]), pages: nospace(m[5])}
	case reEmbase.MatchString(so):
		m := reEmbase.FindStringSubmatch(so)
		if m[4] == "" && (strings.HasPrefix(m[3], "p") || strings.HasPrefix(m[3], "no pagination")) {
			m[3], m[4] = "", m[3] // "12 (pp 1-10), 2018.": no issue
		}
		s := source{venue: m[1], volume: m[2], issue: m[3], year: atoi(m[5])}
		if pm := rePP.FindStringSubmatch(strings.TrimSpace(m[4])); pm != nil {
			s.pages = nospace(pm[1])
		}
		return s
	}
	var s source
	rest := strings.TrimLeft(reEditors.ReplaceAllString(so, " "), " .,;")
	if m := rePagesIn.FindStringSubmatch(rest); m != nil {
		s.pages = nospace(m[1])
	}
	if y := find.Year(rest); y != 0 {
		s.year = y
	}
	// The first sentence; Cut drops its full stop ("Vitamin D, 2nd ed..
	// 2005." reads "Vitamin D, 2nd ed.").
	venue, _, cut := strings.Cut(rest, ". ")
	if !cut {
		venue = strings.TrimSuffix(venue, ".")
	}
	s.venue = strings.TrimSpace(venue)
	return s
}

// cleanTitle drops what Ovid adds to a title: the label after it ("….
// [Article]") and the quotation marks Journals@Ovid puts around it
// ("\"…Seafarers\".").
func cleanTitle(t string) string {
	t = strings.TrimSpace(reLabel.ReplaceAllString(t, ""))
	if inner, ok := strings.CutPrefix(t, `"`); ok {
		inner = strings.TrimSuffix(inner, ".")
		if inner, ok = strings.CutSuffix(inner, `"`); ok && !strings.Contains(inner, `"`) {
			return strings.TrimSpace(inner)
		}
	}
	return t
}
