package graph

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// RefFields are what ParseReference reads from a reference string: enough
// to find the work it names, not a full citation parse.
type RefFields struct {
	DOI       string
	Year      int
	Surname   string // first author's family name, as printed
	Volume    string
	FirstPage string
	// Venue is the venue as printed, when the style sets it apart (the
	// field after the year of a Web of Science cited reference).
	Venue string
	// Tokens are the folded words of the string, for comparing titles and
	// venues against it without knowing where the title ends.
	Tokens []string
}

var (
	reRefDOI    = regexp.MustCompile(`(?i)10\.[0-9]{4,9}/[^\s,;\]]+`)
	reRefYearP  = regexp.MustCompile(`\(((?:1[5-9]|20)[0-9]{2})[a-z]?\)`)
	reRefYearC  = regexp.MustCompile(`(?:^|[,;.]\s*)((?:1[5-9]|20)[0-9]{2})[a-z]?(?:[,;.:]|\s*$)`)
	reRefYear   = regexp.MustCompile(`\b((?:1[5-9]|20)[0-9]{2})[a-z]?\b`)
	reWoSVolume = regexp.MustCompile(`,\s*V([0-9A-Z]+)\b`)
	reWoSPage   = regexp.MustCompile(`,\s*P([A-Z]?[0-9]+)\b`)
	// "18: 544–547", "18(3): 544", "2014;18(3):544", "41(1), 1-10", "41, pp. 1-10"
	reVolPage = regexp.MustCompile(`\b([0-9]{1,4})\s*(?:\(([^)]{1,12})\))?\s*[:,]\s*(?:pp?\.\s*)?([A-Z]?[0-9]{1,6})(?:\s*[-–—]\s*[A-Z]?[0-9]{1,6})?\b`)
	rePP      = regexp.MustCompile(`\bpp?\.\s*([A-Z]?[0-9]{1,6})`)
	// "Author, 2005, VENUE, V21, P429": the field after the year.
	reWoSVenue = regexp.MustCompile(`^[^,]{1,80}, (?:1[5-9]|20)[0-9]{2}, ([^,]{2,120})`)
	reWoSField = regexp.MustCompile(`^(?:V[0-9]|P[0-9]|DOI )`)
	reVolWord  = regexp.MustCompile(`(?i)\bvol(?:ume)?\.?\s*([0-9]{1,4})`)
)

// ParseReference reads the fields that identify a work from a reference
// string as exports print them: Web of Science cited references
// ("Ahrne G., 2005, SCAND J MANAG, V21, P429, DOI 10.1016/…"), Scopus
// references ("Cheng M.; Xue Y., Title, Venue, 50, pp. E128-E139, (2025)"),
// Vancouver ("Abbasi AS , Hashmi JA . Title. Am J Cardiol 1966; 18:
// 544–547.") and APA or Harvard styles ("Gillard, S., & Wright, C. (2013).
// Title. Journal, 13(1), 188."). What it cannot find stays empty.
func ParseReference(raw string) RefFields {
	var f RefFields
	s := CleanText(raw)
	if m := reRefDOI.FindString(s); m != "" {
		if d, err := NormalizeDOI(m); err == nil {
			f.DOI = d
		}
		s = strings.Replace(s, m, " ", 1)
		s = strings.Replace(s, "DOI ", " ", 1)
		s = refDOIPrefixes.Replace(s)
	}
	yearAt := -1
	for _, re := range []*regexp.Regexp{reRefYearP, reRefYearC, reRefYear} {
		if loc := re.FindStringSubmatchIndex(s); loc != nil {
			f.Year, _ = strconv.Atoi(s[loc[2]:loc[3]])
			yearAt = loc[0]
			break
		}
	}
	f.Surname = firstSurname(s, yearAt)
	if m := reWoSVenue.FindStringSubmatch(s); m != nil && !reWoSField.MatchString(m[1]) {
		f.Venue = strings.TrimSpace(m[1])
	}
	if m := reWoSVolume.FindStringSubmatch(s); m != nil {
		f.Volume = m[1]
	} else if m := reVolWord.FindStringSubmatch(s); m != nil {
		f.Volume = m[1]
	}
	if m := reWoSPage.FindStringSubmatch(s); m != nil {
		f.FirstPage = m[1]
	} else if m := rePP.FindStringSubmatch(s); m != nil {
		f.FirstPage = m[1]
	}
	if f.Volume == "" || f.FirstPage == "" {
		// The volume–page group after the year (or anywhere, for Vancouver
		// "Am J Cardiol 1966; 18: 544–547").
		for _, m := range reVolPage.FindAllStringSubmatch(s, -1) {
			v, _ := strconv.Atoi(m[1])
			if f.Year != 0 && v == f.Year {
				continue
			}
			if f.Volume == "" {
				f.Volume = m[1]
			}
			if f.FirstPage == "" && m[1] == f.Volume {
				f.FirstPage = m[3]
			}
			break
		}
	}
	f.Tokens = strings.Fields(Fold(s))
	return f
}

// firstSurname returns the family name of the first author of a reference
// string: the text before the first comma or period-separated initials,
// when it looks like a name.
func firstSurname(s string, yearAt int) string {
	head := s
	if yearAt > 0 {
		head = s[:yearAt]
	}
	head = strings.TrimSpace(head)
	if strings.HasPrefix(head, "[Anonymous]") || strings.HasPrefix(strings.ToLower(head), "anonymous") {
		return ""
	}
	// The first author ends at a comma, a semicolon or " &"/" and".
	end := len(head)
	for _, sep := range []string{",", ";", " & ", " and ", ". "} {
		if i := strings.Index(head, sep); i >= 0 && i < end {
			end = i
		}
	}
	name := strings.TrimSpace(head[:end])
	words := strings.Fields(name)
	// Vancouver and WoS put initials after the name: "Abbasi AS", "Ahrne G.".
	for len(words) > 1 && isInitials(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	// APA-like "S. Gillard" would put initials first.
	for len(words) > 1 && isInitials(words[0]) {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	name = strings.Join(words, " ")
	r := []rune(name)
	if !unicode.IsLetter(r[0]) {
		return ""
	}
	return strings.Trim(name, ".")
}

// Replacers built once: a strings.Replacer is costly to build and safe to
// share.
var (
	refDOIPrefixes = strings.NewReplacer("https://doi.org/", " ", "http://dx.doi.org/", " ", "doi:", " ")
	initialPunct   = strings.NewReplacer(".", "", "-", "", "‐", "")
)

// isInitials reports whether a word is a run of initials: "AS", "G.",
// "H.N.C.", "J.-P.".
func isInitials(w string) bool {
	w = initialPunct.Replace(w)
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
