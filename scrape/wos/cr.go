package wos

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
)

var (
	reCRYear   = regexp.MustCompile(`^(1[4-9]\d\d|20\d\d)$`)
	reCRVolume = regexp.MustCompile(`^V ?([A-Z]{0,2} ?\d[\w.\-]*)$`)
	reCRPage   = regexp.MustCompile(`^P ?(\S*\d\S*)$`)
	reCRDOI    = regexp.MustCompile(`^DOI\s+(.+)$`)
	reCRArtNo  = regexp.MustCompile(`^ARTN\s+(\S+)$`)
)

// crDOIEnds end a DOI in a cited reference besides white space: the comma
// between its parts, the bracket of a list of DOIs.
const crDOIEnds = ",]"

// ParseCitedReference reads one cited reference as Web of Science writes it
// in the CR field (and in the Cited-References field of its BibTeX export):
//
//	Author, Year, Source, V12, P34, DOI 10.1000/xyz
//
// The author is "Family Initials" ("ENC B", "Fodor J.A.", "[Anonymous]");
// a leading "*" marks a corporate author. A source may itself hold ", ".
// Several DOIs come bracketed: "DOI [10.1/a, 10.1/b]"; the first is kept.
// The Source goes to Venue (for a book it is the abbreviated title). Raw
// keeps the reference as given.
func ParseCitedReference(s string) graph.Reference {
	s = strings.TrimSpace(s)
	ref := graph.Reference{Raw: s}
	if s == "" {
		return ref
	}
	// Bracketed DOI lists contain ", ": take them out first.
	body := s
	if i := strings.Index(body, ", DOI ["); i >= 0 {
		if d := find.DOI(body[i:], crDOIEnds); d != "" {
			if n, err := graph.NormalizeDOI(d); err == nil {
				ref.DOI = n
			}
		}
		body = body[:i]
	}
	parts := strings.Split(body, ", ")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	// Author and year at the front.
	i := 0
	if len(parts) > 0 && !reCRYear.MatchString(parts[0]) {
		if a := crAuthor(parts[0]); a.Family != "" {
			ref.Authors = []graph.Author{a}
		}
		i = 1
	}
	if i < len(parts) && reCRYear.MatchString(parts[i]) {
		ref.Year, _ = strconv.Atoi(parts[i])
		i++
	}
	// Volume, page, article number and DOI from the back.
	end := len(parts)
	for end > i {
		p := parts[end-1]
		switch {
		case reCRDOI.MatchString(p):
			if ref.DOI == "" {
				d := strings.TrimSpace(reCRDOI.FindStringSubmatch(p)[1])
				if n, err := graph.NormalizeDOI(d); err == nil {
					ref.DOI = n
				} else if n, err := graph.NormalizeDOI(find.DOI(d, crDOIEnds)); err == nil {
					ref.DOI = n // behind a resolver graph does not know: "http://doi.acm.org/10.1145/…"
				}
			}
		case reCRPage.MatchString(p) && ref.Pages == "":
			ref.Pages = reCRPage.FindStringSubmatch(p)[1]
		case reCRArtNo.MatchString(p) && ref.Pages == "":
			ref.Pages = reCRArtNo.FindStringSubmatch(p)[1]
		case reCRVolume.MatchString(p) && ref.Volume == "" && end-1 > i:
			ref.Volume = reCRVolume.FindStringSubmatch(p)[1]
		default:
			goto source
		}
		end--
	}
source:
	if end > i {
		ref.Venue = strings.TrimSuffix(strings.Join(parts[i:end], ", "), ".")
	}
	return ref
}

// crAuthor reads "Family Initials" ("BREVIK I", "Fodor J.A.", "Bell E. T.",
// "Costa de Beauregard O.", "Hausman Daniel"); "[Anonymous]" is no author.
// A leading "*" marks a corporate author, kept whole.
// The family name runs up to the first word after it that looks like
// initials; with none, the last word is the given name.
func crAuthor(s string) graph.Author {
	s = strings.TrimSpace(s)
	if corp, ok := strings.CutPrefix(s, "*"); ok {
		return graph.Author{Family: strings.TrimSpace(corp)} // "*NASA GODD SPAC CT"
	}
	if s == "" || strings.EqualFold(s, "[Anonymous]") || strings.EqualFold(s, "Anonymous") {
		return graph.Author{}
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		return graph.Author{Family: s}
	}
	for i := 1; i < len(words); i++ {
		if reInitialsWord.MatchString(words[i]) && !particles[strings.ToLower(words[i])] {
			return graph.Author{Family: strings.Join(words[:i], " "), Given: strings.Join(words[i:], " ")}
		}
	}
	n := len(words) - 1
	return graph.Author{Family: strings.Join(words[:n], " "), Given: words[n]}
}

// particles are the lower-case name particles that WoS writes in capitals
// ("DE LA FUENTE J") and that are not initials.
var particles = map[string]bool{"de": true, "la": true, "da": true, "di": true, "du": true, "le": true, "van": true, "von": true, "der": true, "den": true, "dos": true, "das": true, "del": true, "los": true, "al": true, "el": true, "st": true, "ten": true, "ter": true, "mc": true}

// reInitialsWord matches initials as WoS writes them: "I", "JA", "J.A.",
// "M.-C.".
var reInitialsWord = regexp.MustCompile(`^(?:\p{Lu}{1,4}|(?:\p{Lu}\p{Ll}?\.-?)+)$`)
