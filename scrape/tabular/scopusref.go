package tabular

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/find"
)

// ParseScopusReferences splits the References field of a Scopus export (CSV
// column, BibTeX references field) into references, in order. Scopus has
// written two styles:
//
//	old: Agostini, A., Ballotta, D., Title (2017) Neurogastroenterol. Motil., 29, pp. 1-10; Next, B., …
//	new: Cheng M.; Xue Y.; Cui M., Title, Spine, 50, pp. E128-E139, (2025); Li T.; …
//
// The old style writes the issue in parentheses ("29 (3)"), may add
// editors, publisher or notes after ". , ", and writes ", , " where the
// volume and pages are missing, followed by publisher or place and date
// of a meeting (never read as a volume). The new style writes the issue as
// a part of its own ("J Informetr, 11, 4, pp. 959-975").
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
	// reVolume: "29", "29 (3)", "2013 (1)", "vol. 32", "(749)" (an issue
	// alone), "No. 1658". An issue in parentheses is short and has no
	// colon ("2008 (Organizers: …)" is not one).
	reVolume = regexp.MustCompile(`^(?:(?:[Vv]ol\.[ \x{A0}]?)?([0-9][0-9A-Za-z\-]*|[A-Z]?[0-9]+)(?: \(([^():]{1,25})\))?|\(([0-9][0-9A-Za-z\-]{0,9})\)|No\. ?([0-9]+))$`)
	// reIssue: an issue written as a part of its own in the new style
	// ("…, 11, 4, pp. …"): a number, "1-2", "Suppl 1", "Education Special
	// Issue".
	reIssue = regexp.MustCompile(`^(?:[0-9][0-9A-Za-z\-–/]{0,9}|[A-Z]?[0-9]{1,6}|(?i:(?:\pL+ )*(?:suppl\.?|supplement|special issue|spec\. ?iss\.?|part|pt\.)(?: [0-9A-Za-z\-–]{1,6})?))$`)
	// reRunIn finds a second old-style reference run into this one: its
	// year in parentheses followed by its source ("… (1996) Machine
	// Learning"). An issue that looks like a year is followed by a comma
	// ("275 (1652), pp. …").
	reRunIn = regexp.MustCompile(`\((1[5-9]\d\d|20\d\d)[a-z]?\) \pL`)
)

// ParseScopusReference reads one Scopus reference in either style (see
// ParseScopusReferences). What it cannot place stays only in Raw.
func ParseScopusReference(raw string) graph.Reference {
	raw = trimRef(raw)
	ref := graph.Reference{Raw: raw}
	if d := find.DOI(raw, ";,"); d != "" {
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
	readSourceTail(strings.TrimSpace(rest[loc[1]:]), ref)
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
	// From the end: pages, then volume and issue ("11, 4" or "11 (4)"),
	// then the source, a single part; the title is what comes before.
	parts = splitTop(strings.Join(parts, ", "))
	end := readNumbers(parts, true, ref)
	switch {
	case end >= 2:
		ref.Venue = strings.TrimSpace(parts[end-1])
		ref.Title = strings.TrimSpace(strings.Join(parts[:end-1], ", "))
	case end == 1:
		ref.Title = strings.TrimSpace(parts[0])
	}
}

// readNumbers reads pages, volume and issue from the end of parts and
// returns how many parts come before them. One part is always left (the
// source, or the title when there is no source). newStyle allows the
// issue as a part of its own after the volume ("11, 4"). A four-digit
// "volume" that follows a month ("6-8 September, 2007") is the date of a
// meeting, not a volume.
func readNumbers(parts []string, newStyle bool, ref *graph.Reference) int {
	end := len(parts)
	part := func(i int) string { return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(parts[i]), ".")) }
	if end > 1 {
		if m := rePages.FindStringSubmatch(part(end - 1)); m != nil {
			ref.Pages = strings.ReplaceAll(m[1], " ", "")
			end--
		}
	}
	if newStyle && end > 2 && reIssue.MatchString(part(end-1)) {
		if m := reVolume.FindStringSubmatch(part(end - 2)); m != nil && m[1] != "" && m[2] == "" && !isMeetingYear(parts, end-2) {
			ref.Volume, ref.Issue = m[1], part(end-1)
			return end - 2
		}
	}
	if end > 1 {
		if m := reVolume.FindStringSubmatch(part(end - 1)); m != nil && !isMeetingYear(parts, end-1) {
			switch {
			case m[3] != "":
				ref.Issue = m[3]
			case m[4] != "":
				ref.Issue = m[4]
			default:
				ref.Volume, ref.Issue = m[1], m[2]
			}
			end--
		}
	}
	return end
}

// isMeetingYear reports whether parts[i] begins with a year and follows a
// part that is a date without its year ("6-8 September", "August 23-27").
func isMeetingYear(parts []string, i int) bool {
	p := strings.TrimSpace(parts[i])
	if len(p) < 4 || (len(p) > 4 && p[4] != ' ') {
		return false
	}
	y, err := strconv.Atoi(p[:4])
	return err == nil && y >= 1500 && y <= 2099 && i > 0 && isDatePart(parts[i-1])
}

var months = map[string]bool{}

func init() {
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		months[m] = true
		months[m[:3]] = true
	}
	months["sept"] = true
}

// isDatePart reports whether s is a day or days of a month, or months,
// and nothing else: "6-8 September", "August 28–30", "July/August",
// "Aug. 24-28".
func isDatePart(s string) bool {
	month := false
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '–' || r == '/' || r == '.' }) {
		switch {
		case months[strings.ToLower(f)]:
			month = true
		case len(f) <= 2 && strings.Trim(f, "0123456789") == "":
		default:
			return false
		}
	}
	return month
}

// splitTop splits s on ", " outside parentheses ("Proceedings of IDA2007
// (Ljubljana, 6-8 September, 2007), pp. 174-183" is two parts); where
// the parentheses do not balance it splits on every ", ".
func splitTop(s string) []string {
	depth := 0
	for _, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth < 0 {
			break
		}
	}
	if depth != 0 {
		return strings.Split(s, ", ")
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 && i+1 < len(s) && s[i+1] == ' ' {
				out = append(out, s[start:i])
				start = i + 2
				i++
			}
		}
	}
	return append(out, s[start:])
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

// readSourceTail reads what follows the year of an old-style reference:
// "Source, 29 (3), pp. 1-10", perhaps with more after ". , " (editors,
// publisher, notes). ", , " stands for a missing volume and pages, and
// what follows it is publisher and place ("Title, , New York: Routledge"),
// or the place and dates of a meeting ("Proceedings of the 7th IDA2007
// Conference, , Ljubljana, 6-8 September, 2007, …").
func readSourceTail(after string, ref *graph.Reference) {
	if after == "" || reRunIn.MatchString(after) {
		// Another reference run in without its "; " ("(2000), SpringerBreiman,
		// L., Bagging predictors (1996) Machine Learning, 24 (2), …"): its
		// numbers are not this one's.
		return
	}
	if rest, ok := strings.CutPrefix(after, ","); ok {
		// "(2008) , Proceedings in …, pp. 323-334": Scopus could not place
		// the parts; only pages are read.
		readPages(strings.Split(rest, ", "), ref)
		return
	}
	main, extra, book := after, "", false
	if i, j := strings.Index(after, ". , "), strings.Index(after, ", , "); i >= 0 && (j < 0 || i < j) {
		main, extra = after[:i], after[i+len(". , "):]
	} else if j >= 0 {
		main, extra, book = after[:j], after[j+len(", , "):], true
	}
	parts := splitTop(main)
	end := readNumbers(parts, false, ref)
	// A month alone closing the source is its date ("Harvard Business
	// Review, July/August").
	for end > 1 && isDatePart(parts[end-1]) {
		end--
	}
	ref.Venue = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(strings.Join(parts[:end], ", ")), ","))
	if ref.Pages == "" {
		// Pages after the publisher: "…, , Springer, pp. 1-10".
		readPages(strings.Split(extra, ", "), ref)
	}
	// A book with no title before the year: "(2010) Title, , Publisher".
	if ref.Title == "" && book && ref.Volume == "" && ref.Issue == "" && ref.Pages == "" {
		ref.Title, ref.Venue = ref.Venue, ""
	}
}

// readPages sets the pages from the first of parts that is nothing but
// pages ("pp. 1-10", "p. 44").
func readPages(parts []string, ref *graph.Reference) {
	for _, p := range parts {
		if m := rePages.FindStringSubmatch(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), "."))); m != nil {
			ref.Pages = strings.ReplaceAll(m[1], " ", "")
			return
		}
	}
}
