package prose

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// A family name as citations print it: capitalised, with an optional
// particle ("van der Berg", "de Souza") and inner apostrophes or hyphens
// ("O'Hagan", "Smith-Jones").
const nameRE = `(?:\b(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]el|[Dd]a|[Dd]i|[Dd]u|[Ll]a|[Ll]e|[Tt]er|[Tt]en)\s+)*\p{Lu}[\p{L}'’\-‐‑]*\p{L}`

var (
	reName = regexp.MustCompile(`^` + nameRE + `$`)
	// Names joined by ", ", " and ", " & ", optionally ending "et al." or
	// "and colleagues", anchored at the end of the text before a number or
	// a parenthesised year.
	reNamesTail = regexp.MustCompile(`(` + nameRE + `(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+|\s*&\s*)` + nameRE + `)*)(\s+et\s+al\.?|\s+and\s+colleagues|\s+and\s+co-workers)?\s*$`)
	reYearList  = regexp.MustCompile(`^(?:\d{4}[a-z]?|n\.\s?d\.|in press)(?:\s*,\s*(?:\d{4}[a-z]?|n\.\s?d\.|in press))*$`)
	reYearTail  = regexp.MustCompile(`(?:,\s*|\s+)((?:\d{4}[a-z]?|n\.\s?d\.|in press)(?:\s*,\s*(?:\d{4}[a-z]?|n\.\s?d\.|in press))*)$`)
	reEtAlTail  = regexp.MustCompile(`\s+(?:et\s+al\.?|and\s+colleagues)$`)
	reNameSplit = regexp.MustCompile(`\s*,?\s+(?:and|&)\s+|\s*&\s*|\s*,\s*`)
	reParen     = regexp.MustCompile(`\(([^()]*)\)`)
	reBracket   = regexp.MustCompile(`\[(\d{1,3}(?:\s*[–—-]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[–—-]\s*\d{1,3})?)*)\]`)
	// A reference number printed as plain text where a superscript stood:
	// after the end of a clause, before a capital, a list numeral ("vi.")
	// or the end of the sentence: "one another. 44 Repper".
	reLooseNumber = regexp.MustCompile(`[.,;:!?)\]]\s+(\d{1,3}(?:\s*[,–—-]\s*\d{1,3})*)(?:\s+(?:\p{Lu}|[ivxlc]{1,5}\.\s)|\s*$)`)
	// A narrative citation with a number: "Repper and Carter 17 conclude",
	// "Mowbray and colleagues 49 note".
	reNarrativeNumber = regexp.MustCompile(`(` + nameRE + `(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)` + nameRE + `)*)(\s+et\s+al\.?|\s+and\s+colleagues)?\s+(\d{1,3})(?:\s*[,–—-]\s*\d{1,3})*\s+\p{Ll}`)
	reLeadIn          = regexp.MustCompile(`^(?i:(?:e\.g\.|i\.e\.|see also|see|cf\.|for example|for a review(?:,)? see|reviewed in|as reviewed by|but see|also)[,:]?\s+)`)
	reYearParts       = regexp.MustCompile(`(\d{4})([a-z]?)`)
)

// Limits that keep ParseMentions linear in the length of its input.
const (
	maxNamesLen  = 300 // bytes of text searched for the names before "(2012)"
	maxNameWords = 24  // words of prose searched for names before a year
)

// notNames are capitalised words that stand before a number without being
// an author: "Table 2 shows", "Study 3 found".
var notNames = map[string]bool{
	"Table": true, "Tables": true, "Figure": true, "Figures": true, "Fig": true, "Section": true,
	"Chapter": true, "Study": true, "Studies": true, "Phase": true, "Appendix": true, "Wave": true,
	"Group": true, "Groups": true, "Level": true, "Step": true, "Type": true, "Part": true, "Version": true,
	"Day": true, "Days": true, "Week": true, "Weeks": true, "Month": true, "Months": true, "Year": true,
	"Years": true, "Trial": true, "Model": true, "Experiment": true, "Question": true, "Item": true,
	"Items": true, "Box": true, "Page": true, "Stage": true, "Grade": true, "Class": true, "Article": true,
	"Category": true, "Cohort": true, "Session": true, "Module": true, "Unit": true, "Round": true,
	"Time": true, "Participant": true, "Participants": true, "Patient": true, "Patients": true, "Site": true,
	"Sites": true, "Hypothesis": true, "Criterion": true, "Domain": true, "Factor": true, "Scale": true,
	"Line": true, "Lines": true, "Number": true, "Vol": true, "Volume": true, "Issue": true, "In": true,
	"The": true, "A": true, "An": true, "This": true, "These": true, "Of": true, "On": true, "At": true,
	"By": true, "For": true, "With": true, "From": true, "To": true, "And": true, "Over": true, "Under": true,
}

// span is a mention with its byte position in the sentence.
type span struct {
	start, end int
	m          graph.Mention
}

// ParseMentions returns the in-text citations in a sentence, in order of
// position: parenthetical author–year citations ("(Kemp and Henderson
// 2012)", "(Gillard et al 2014c)", "(Nestor & Galletly, )" whose year a page
// stripped, several separated by ";"), narrative ones ("Kemp and Henderson
// (2012)"), bracketed numbers ("[3–6]" gives 3, 4, 5 and 6), narrative
// numbered ones ("Repper and Carter 17") and reference numbers printed as
// plain text where a superscript stood (". 44 Repper"). A parenthesis that
// does not read as a citation ("(PSW)", "(n = 11)") gives nothing.
func ParseMentions(text string) []graph.Mention {
	var spans []span
	for _, loc := range reParen.FindAllStringSubmatchIndex(text, -1) {
		inner := text[loc[2]:loc[3]]
		if reYearList.MatchString(strings.TrimSpace(inner)) {
			// Narrative: names before "(2012)".
			// Look back no further than a long author list needs.
			from := max(0, loc[0]-maxNamesLen)
			for from > 0 && !utf8.RuneStart(text[from]) {
				from++
			}
			before := text[from:loc[0]]
			if m := reNamesTail.FindStringSubmatchIndex(before); m != nil {
				names := before[m[2]:m[3]]
				etal := m[4] >= 0
				if au, ok := splitNames(names); ok {
					for _, y := range parseYears(inner) {
						spans = append(spans, span{from + m[2], loc[1], graph.Mention{
							Text: text[from+m[2] : loc[1]], Authors: au, EtAl: etal, Year: y.year, Suffix: y.suffix,
						}})
					}
				}
			}
			continue
		}
		off := loc[2]
		for _, part := range strings.Split(inner, ";") {
			if ms := parseAuthorYear(part); len(ms) > 0 {
				start := off + strings.Index(text[off:], strings.TrimSpace(part))
				for _, m := range ms {
					spans = append(spans, span{start, start + len(strings.TrimSpace(part)), m})
				}
			}
			off += len(part) + 1
		}
	}
	for _, loc := range reBracket.FindAllStringSubmatchIndex(text, -1) {
		for _, n := range expandNumbers(text[loc[2]:loc[3]]) {
			spans = append(spans, span{loc[0], loc[1], graph.Mention{Text: text[loc[0]:loc[1]], Number: n}})
		}
	}
	for _, loc := range reNarrativeNumber.FindAllStringSubmatchIndex(text, -1) {
		names := text[loc[2]:loc[3]]
		first := strings.Fields(names)[0]
		if notNames[strings.TrimRight(first, ",")] {
			continue
		}
		au, ok := splitNames(names)
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(text[loc[6]:loc[7]])
		end := loc[7]
		spans = append(spans, span{loc[2], end, graph.Mention{
			Text: text[loc[2]:end], Authors: au, EtAl: loc[4] >= 0, Number: n,
		}})
	}
	for _, loc := range reLooseNumber.FindAllStringSubmatchIndex(text, -1) {
		for _, n := range expandNumbers(text[loc[2]:loc[3]]) {
			spans = append(spans, span{loc[2], loc[3], graph.Mention{Text: text[loc[2]:loc[3]], Number: n}})
		}
	}
	return dropOverlaps(spans)
}

// dropOverlaps sorts spans by position and drops any that overlaps an
// earlier, longer one; spans with the same extent (one citation giving
// several years or numbers) are all kept.
func dropOverlaps(spans []span) []graph.Mention {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end-spans[i].start > spans[j].end-spans[j].start
	})
	var out []graph.Mention
	lastStart, lastEnd := -1, -1
	for _, s := range spans {
		if s.start < lastEnd && !(s.start == lastStart && s.end == lastEnd) {
			continue
		}
		out = append(out, s.m)
		lastStart, lastEnd = s.start, s.end
	}
	return out
}

type yearPart struct {
	year   int
	suffix string
}

func parseYears(s string) []yearPart {
	var out []yearPart
	for _, y := range strings.Split(s, ",") {
		y = strings.TrimSpace(y)
		if m := reYearParts.FindStringSubmatch(y); m != nil && len(y) <= 5 {
			n, _ := strconv.Atoi(m[1])
			out = append(out, yearPart{n, m[2]})
		} else {
			out = append(out, yearPart{}) // n.d., in press
		}
	}
	return out
}

// parseAuthorYear reads one part of a parenthetical citation: names and a
// year list ("Kemp and Henderson 2012", "Smith, 2001, 2003"), or names and
// the comma a stripped year left ("Nestor & Galletly, "). Text before the
// names ("e.g.", "see") is skipped.
func parseAuthorYear(part string) []graph.Mention {
	p := strings.TrimSpace(part)
	p = reLeadIn.ReplaceAllString(p, "")
	var years []yearPart
	var names string
	if m := reYearTail.FindStringSubmatchIndex(p); m != nil {
		names = strings.TrimSpace(p[:m[0]])
		years = parseYears(p[m[2]:m[3]])
	} else if strings.HasSuffix(p, ",") {
		names = strings.TrimSpace(strings.TrimSuffix(p, ","))
		years = []yearPart{{}}
	} else {
		return nil
	}
	names = strings.TrimSuffix(names, ",")
	etal := false
	if loc := reEtAlTail.FindStringIndex(names); loc != nil {
		etal = true
		names = names[:loc[0]]
	}
	au, ok := splitNames(names)
	if !ok {
		// Prose before the names: "as noted by Smith 2003". Try the
		// shortest tail of capitalised words.
		words := strings.Fields(names)
		for i := max(1, len(words)-maxNameWords); i < len(words) && !ok; i++ {
			au, ok = splitNames(strings.Join(words[i:], " "))
		}
		if !ok {
			return nil
		}
	}
	var out []graph.Mention
	for _, y := range years {
		out = append(out, graph.Mention{Text: strings.TrimSpace(part), Authors: au, EtAl: etal, Year: y.year, Suffix: y.suffix})
	}
	return out
}

// splitNames splits "Moran, Russinova, Gidugu, Yim, & Sprague" into family
// names; ok is false unless every piece is a name.
func splitNames(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	s = reEtAlTail.ReplaceAllString(s, "")
	if s == "" {
		return nil, false
	}
	var out []string
	for _, n := range reNameSplit.Split(s, -1) {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !reName.MatchString(n) || notNames[n] || len(strings.Fields(n)) > 4 {
			return nil, false
		}
		out = append(out, n)
	}
	if len(out) == 0 || len(out) > 12 {
		return nil, false
	}
	return out, true
}

// expandNumbers reads "3–6, 9" as 3, 4, 5, 6 and 9; a range longer than 50
// is taken as its two ends. Reference numbers start at 1, so 0 is dropped.
func expandNumbers(s string) []int {
	out := numberList(s)
	return slices.DeleteFunc(out, func(n int) bool { return n <= 0 })
}

func numberList(s string) []int {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(strings.NewReplacer("–", "-", "—", "-").Replace(part), "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil {
			continue
		}
		if !isRange {
			out = append(out, a)
			continue
		}
		b, err := strconv.Atoi(strings.TrimSpace(hi))
		if err != nil || b < a || b-a > 50 {
			out = append(out, a)
			if err == nil {
				out = append(out, b)
			}
			continue
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
	}
	return out
}
