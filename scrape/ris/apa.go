package ris

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
)

var (
	reAPAYear    = regexp.MustCompile(`\s*\((1[5-9]\d\d|20\d\d)[a-z]?\)\.?\s*`)
	reAPAInitial = regexp.MustCompile(`^(?:\p{Lu}{1,3}|(?:\p{Lu}\p{Ll}?\.\s?-?)+)$`)
	reAPATail    = regexp.MustCompile(`^(.*?), (\d[\w\-]*)(?:, (\d[\w\-]*))?(?:, ([\w]*\d[\w]*(?:\s*-\s*\w+)?))?\.?$`)
)

// parseAPA reads a reference in the APA-like style of PsycINFO's cited
// references: "Andres, PG, & Friedman, LS (1999). Title. Journal, 28, 2,
// 255-281. http://dx.doi.org/10.1016/…". What it cannot place stays only
// in Raw.
func parseAPA(s string) graph.Reference {
	s = strings.TrimSpace(s)
	ref := graph.Reference{Raw: s}
	if d := find.DOI(s, find.InField); d != "" {
		if n, err := graph.NormalizeDOI(d); err == nil {
			ref.DOI = n
		}
	}
	loc := reAPAYear.FindStringSubmatchIndex(s)
	if loc == nil {
		return ref
	}
	ref.Year, _ = strconv.Atoi(s[loc[2]:loc[3]])
	ref.Authors = apaAuthors(s[:loc[0]])

	rest := s[loc[1]:]
	if i := strings.Index(rest, "http://"); i >= 0 {
		rest = rest[:i]
	} else if i := strings.Index(rest, "https://"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSpace(rest)
	// The title ends at the first ". " (or "? ") that is followed by more.
	cut := -1
	for i := 0; i+1 < len(rest); i++ {
		if (rest[i] == '.' || rest[i] == '?' || rest[i] == '!') && rest[i+1] == ' ' {
			cut = i
			break
		}
	}
	if cut < 0 {
		ref.Title = strings.TrimSuffix(rest, ".")
		return ref
	}
	ref.Title = strings.TrimSpace(rest[:cut+1])
	ref.Title = strings.TrimSuffix(ref.Title, ".")
	tail := strings.TrimSpace(rest[cut+1:])
	if m := reAPATail.FindStringSubmatch(tail); m != nil {
		ref.Venue, ref.Volume, ref.Issue, ref.Pages = m[1], m[2], m[3], strings.ReplaceAll(m[4], " ", "")
	} else {
		ref.Venue = strings.TrimSuffix(tail, ".")
	}
	return ref
}

// apaAuthors reads "Andres, PG, & Friedman, LS" or "Otley, A., Smith, C.,
// et al." as authors.
func apaAuthors(s string) []graph.Author {
	s = strings.ReplaceAll(s, "&", "")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "et al."))
	parts := strings.Split(s, ",")
	var out []graph.Author
	for i := 0; i < len(parts); i++ {
		fam := strings.TrimSpace(parts[i])
		if fam == "" || fam == "et al." {
			continue
		}
		given := ""
		if i+1 < len(parts) && reAPAInitial.MatchString(strings.TrimSpace(parts[i+1])) {
			given = strings.TrimSpace(parts[i+1])
			i++
		}
		out = append(out, graph.Author{Family: fam, Given: given})
	}
	return out
}
