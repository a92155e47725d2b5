package tabular

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// ParseScopusReferences splits the References field of a Scopus export (CSV
// column, BibTeX references field) into references, in order. Scopus has
// written two styles:
//
//	old: Agostini, A., Ballotta, D., Title (2017) Neurogastroenterol. Motil., 29, pp. 1-10; Next, B., …
//	new: Cheng M.; Xue Y.; Cui M., Title, Spine, 50, pp. E128-E139, (2025); Li T.; …
//
// The new style separates a reference's authors with "; " too, so a piece
// that is nothing but a name ("Xue Y.") belongs to the reference that
// follows it. Each reference keeps the text it was read from in Raw.
func ParseScopusReferences(field string) []graph.Reference {
	var out []graph.Reference
	var pending []string
	for piece := range strings.SplitSeq(field, "; ") {
		piece = trimRef(piece)
		if piece == "" {
			continue
		}
		if isBareScopusName(piece) {
			pending = append(pending, piece)
			continue
		}
		raw := piece
		if len(pending) > 0 {
			raw = strings.Join(pending, "; ") + "; " + piece
			pending = pending[:0]
		}
		out = append(out, ParseScopusReference(raw))
	}
	if len(pending) > 0 { // a field cut off after names
		out = append(out, ParseScopusReference(strings.Join(pending, "; ")))
	}
	return out
}

// trimRef trims white space and the semicolons that end a reference.
func trimRef(s string) string {
	return strings.TrimSpace(strings.TrimRightFunc(s, func(r rune) bool { return r == ';' || unicode.IsSpace(r) }))
}

// reBareName matches a name alone as the new style writes it: family name,
// then initials ("Xue Y.", "Yuan K.-C.", "Lo Bue E.", "de Vries J.", and
// without points, "Calin GA").
var reBareName = regexp.MustCompile(`^[\p{L}'’\-. ]+ (?:\p{Lu}{1,3}(?:-\p{Lu}{1,2})?|(?:\p{Lu}\p{Ll}?\.[-\s]?)+)$`)

func isBareScopusName(s string) bool {
	return !strings.Contains(s, ",") && len(s) < 80 && reBareName.MatchString(s)
}

var (
	reParenYear = regexp.MustCompile(`\((1[5-9]\d\d|20\d\d)[a-z]?\)`)
	reNewAuthor = regexp.MustCompile(`^([\p{L}'’\-. ]+?) (\p{Lu}{1,3}(?:-\p{Lu}{1,2})?|(?:\p{Lu}\p{Ll}?\.[-\s]?)+)$`)
	rePages     = regexp.MustCompile(`^pp?\. ?(\S+(?:\s*-\s*\S+)?)$`)
	reVolume    = regexp.MustCompile(`^([0-9][0-9A-Za-z\-]*|[A-Z]?[0-9]+)(?: \(([^)]*)\))?$`)
	reDOIInText = regexp.MustCompile(`10\.\d{4,9}/[^\s;,]+`)
)

// ParseScopusReference reads one Scopus reference in either style (see
// ParseScopusReferences). What it cannot place stays only in Raw.
func ParseScopusReference(raw string) graph.Reference {
	raw = trimRef(raw)
	ref := graph.Reference{Raw: raw}
	if d := reDOIInText.FindString(raw); d != "" {
		if n, err := graph.NormalizeDOI(d); err == nil {
			ref.DOI = n
		}
	}
	if raw == "" {
		return ref
	}
	if strings.HasPrefix(raw, "[No author name available]") {
		raw = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(raw, "[No author name available]"), ","))
	}
	if isNewStyle(raw) {
		parseNewStyle(raw, &ref)
	} else {
		parseOldStyle(raw, &ref)
	}
	return ref
}

// isNewStyle tells the new style by its names ("Cheng M.; …" or "Cheng M.,
// Title") or by the year closing the reference.
func isNewStyle(s string) bool {
	first, _, _ := strings.Cut(s, ", ")
	if name, _, ok := strings.Cut(first, "; "); ok {
		first = name
	}
	if reNewAuthor.MatchString(first) {
		return true
	}
	if y, cut := trailingYear(s); y != 0 {
		return !reParenYear.MatchString(s[:cut])
	}
	return false
}

// trailingYear reads a year in parentheses closing s ("…, (2025)", also
// "(2025a)" and a final "."): the year and where its ", (" begins; 0 when
// s does not end so. It runs on every reference, so it is written out
// rather than a regular expression.
func trailingYear(s string) (int, int) {
	t := strings.TrimRight(s, " \t.")
	if !strings.HasSuffix(t, ")") {
		return 0, 0
	}
	t = t[:len(t)-1]
	if n := len(t); n > 0 && t[n-1] >= 'a' && t[n-1] <= 'z' {
		t = t[:n-1]
	}
	n := len(t)
	if n < 5 || t[n-5] != '(' {
		return 0, 0
	}
	y := 0
	for _, c := range t[n-4:] {
		if c < '0' || c > '9' {
			return 0, 0
		}
		y = y*10 + int(c-'0')
	}
	if y < 1500 || y > 2099 {
		return 0, 0
	}
	cut := strings.TrimRight(t[:n-5], " \t")
	cut = strings.TrimSuffix(cut, ",")
	return y, len(cut)
}

// parseOldStyle reads "Family, I., Family, I., Title (2017) Source, 29
// (3), pp. 1-10".
func parseOldStyle(s string, ref *graph.Reference) {
	parts := strings.Split(s, ", ")
	i := 0
	for i+1 < len(parts) && isInitials(strings.TrimSpace(parts[i+1])) && !strings.Contains(parts[i], "(") {
		fam := strings.TrimSpace(parts[i])
		if fam == "" || utf8.RuneCountInString(fam) > 60 {
			break
		}
		ref.Authors = append(ref.Authors, graph.Author{Family: fam, Given: strings.TrimSpace(parts[i+1])})
		i += 2
	}
	rest := strings.Join(parts[i:], ", ")
	loc := reParenYear.FindStringSubmatchIndex(rest)
	if loc == nil {
		// No year: a title or source alone.
		ref.Title = strings.TrimSpace(rest)
		return
	}
	ref.Year, _ = strconv.Atoi(rest[loc[2]:loc[3]])
	ref.Title = strings.TrimRight(strings.TrimSpace(rest[:loc[0]]), ",")
	after := strings.TrimSpace(rest[loc[1]:])
	readSourceTail(strings.Split(after, ", "), ref)
}

// parseNewStyle reads "Family I.; Family I., Title, Source, 50 (3), pp.
// E128-E139, (2025)".
func parseNewStyle(s string, ref *graph.Reference) {
	if y, cut := trailingYear(s); y != 0 {
		ref.Year, s = y, s[:cut]
	}
	parts := strings.Split(s, ", ")
	// Authors: the first part holds them, "; "-separated, when it is made
	// of names only.
	if len(parts) > 1 {
		names := strings.Split(parts[0], "; ")
		allNames := true
		for _, n := range names {
			if !reNewAuthor.MatchString(strings.TrimSpace(n)) {
				allNames = false
				break
			}
		}
		if allNames {
			for _, n := range names {
				m := reNewAuthor.FindStringSubmatch(strings.TrimSpace(n))
				ref.Authors = append(ref.Authors, graph.Author{Family: strings.TrimSpace(m[1]), Given: strings.TrimSpace(m[2])})
			}
			parts = parts[1:]
		}
	}
	// From the end: pages, volume (issue), then the source.
	end := len(parts)
	for end > 0 {
		p := strings.TrimSpace(parts[end-1])
		if m := rePages.FindStringSubmatch(p); m != nil && ref.Pages == "" {
			ref.Pages = strings.ReplaceAll(m[1], " ", "")
			end--
			continue
		}
		if m := reVolume.FindStringSubmatch(p); m != nil && ref.Volume == "" && end > 1 {
			ref.Volume, ref.Issue = m[1], m[2]
			end--
			continue
		}
		break
	}
	switch {
	case end >= 2:
		ref.Venue = strings.TrimSpace(parts[end-1])
		ref.Title = strings.TrimSpace(strings.Join(parts[:end-1], ", "))
	case end == 1:
		ref.Title = strings.TrimSpace(parts[0])
	}
}

// isInitials reports whether s is initials as Scopus writes them: "A.",
// "A.N.", "J.-P.", "Ch." (an upper-case letter, perhaps one lower-case
// letter, a point, perhaps a hyphen or space, repeated).
func isInitials(s string) bool {
	rs := []rune(s)
	if len(rs) == 0 {
		return false
	}
	for i := 0; i < len(rs); {
		if !unicode.IsUpper(rs[i]) {
			return false
		}
		i++
		if i < len(rs) && unicode.IsLower(rs[i]) {
			i++
		}
		if i >= len(rs) || rs[i] != '.' {
			return false
		}
		i++
		if i < len(rs) && (rs[i] == '-' || rs[i] == ' ') {
			i++
		}
	}
	return true
}

// readSourceTail reads "Source, 29 (3), pp. 1-10" after the year of an
// old-style reference.
func readSourceTail(parts []string, ref *graph.Reference) {
	if len(parts) == 0 {
		return
	}
	ref.Venue = strings.TrimRight(strings.TrimSpace(parts[0]), ",")
	for _, p := range parts[1:] {
		p = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), "."))
		switch {
		case p == "":
		case rePages.MatchString(p) && ref.Pages == "":
			ref.Pages = strings.ReplaceAll(rePages.FindStringSubmatch(p)[1], " ", "")
		case reVolume.MatchString(p) && ref.Volume == "" && ref.Pages == "":
			m := reVolume.FindStringSubmatch(p)
			ref.Volume, ref.Issue = m[1], m[2]
		}
	}
	if ref.Venue == "" {
		return
	}
	// A book with no title before the year: "(2010) Title, , Publisher".
	if ref.Title == "" && len(parts) > 1 && strings.TrimSpace(parts[1]) == "" {
		ref.Title, ref.Venue = ref.Venue, ""
	}
}
