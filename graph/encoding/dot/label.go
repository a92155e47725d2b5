package dot

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// Limits of the parts of a label.
const (
	labelWords = 4  // title or venue words shown when there is no author
	labelRunes = 32 // most runes of a title, venue or family name shown
)

// Label returns the short label of a work as every writer should show it,
// as plain text (not escaped for any format):
//
//   - "Family Year" from w.Surname() and w.Year ("Kemp 2012"), with "n.d."
//     when the year is 0; a family name written in capitals only, as Web
//     of Science writes cited authors, is put in its own case first
//     (FamilyCase: "GARFIELD" → "Garfield", "VAN ECK" → "van Eck");
//   - without an author name, the first words of the title, at most four
//     and 32 characters, with "…" when cut ("Transitions from child and…");
//   - without a title either, the venue shortened the same way and the
//     year ("BMJ Open 2019");
//   - without a venue, the opening words of the abstract in quotation
//     marks ("“The extant literature suggests…”");
//   - otherwise the Key. A KindCiting work has none of the above, so its
//     label is its Key; Write draws it as an unlabelled point instead.
//
// The text is cleaned: invalid UTF-8 becomes U+FFFD, white space runs
// (newlines and tabs included) become one space, other control characters
// are dropped. Two works may share a label; Labels tells them apart.
func Label(w *graph.Work) string {
	year := "n.d."
	if w.Year != 0 {
		year = strconv.Itoa(w.Year)
	}
	if s := FamilyCase(cleanText(w.Surname())); s != "" {
		return shorten(s, labelRunes, labelRunes) + " " + year
	}
	if t := cleanText(w.Title); t != "" {
		return shorten(t, labelWords, labelRunes)
	}
	if v := cleanText(w.Venue); v != "" {
		return shorten(v, labelWords, labelRunes) + " " + year
	}
	if a := abstractStart(w); a != "" {
		return "“" + shorten(a, labelWords, labelRunes) + "”"
	}
	return cleanText(w.Key)
}

// particles are the name particles FamilyCase writes in lower case when a
// family name in capitals has more words after them ("VAN ECK").
var particles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "del": true,
	"della": true, "di": true, "da": true, "das": true, "dos": true, "du": true, "la": true, "le": true,
	"ten": true, "ter": true, "zu": true, "af": true, "av": true}

// FamilyCase returns a family name written only in capitals (at least two
// letters, none lower case) in its usual case: each part capitalised
// after a space, hyphen or apostrophe ("SMITH-JONES" → "Smith-Jones",
// "O'BRIEN" → "O'Brien"), "Mc" names with their second capital
// ("MCDONALD" → "McDonald"), and the particles van, von, de, der, den,
// del, della, di, da, das, dos, du, la, le, ten, ter, zu, af and av in
// lower case when more words follow ("VAN ECK" → "van Eck"). A name with
// any lower-case letter is returned unchanged ("van Eck", "DiCaprio").
func FamilyCase(s string) string {
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return s
		case unicode.IsUpper(r):
			upper++
		}
	}
	if upper < 2 {
		return s
	}
	words := strings.Fields(s)
	for i, wd := range words {
		lw := strings.ToLower(wd)
		if particles[lw] && i < len(words)-1 {
			words[i] = lw
			continue
		}
		var b strings.Builder
		start := true
		for _, r := range lw {
			if start {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(r)
			}
			start = r == '-' || r == '\'' || r == '’'
		}
		t := b.String()
		if strings.HasPrefix(t, "Mc") && len(t) > 3 {
			r, n := utf8.DecodeRuneInString(t[2:])
			t = "Mc" + string(unicode.ToUpper(r)) + t[2+n:]
		}
		words[i] = t
	}
	return strings.Join(words, " ")
}

// Labels returns the label of every work of g (indexed by node ID) as
// Label gives it, with works that would share a "Family Year" label told
// apart by a letter after the year, as author–year citation styles do:
// "Smith 2015a", "Smith 2015b" ("Smith n.d.-a" without a year). The
// letters follow a fixed order: works the sources describe before works
// known only from references or mentions, then by title (folded as
// graph.Fold folds it), then by Key. Other labels (titles, venues) are
// left as they are. Cost O(V log V).
func Labels(g *graph.Graph) []string {
	works := g.Works()
	out := make([]string, len(works))
	groups := map[string][]int{}
	for i, w := range works {
		out[i] = Label(w)
		if w.Kind != graph.KindCiting && FamilyCase(cleanText(w.Surname())) != "" {
			groups[out[i]] = append(groups[out[i]], i)
		}
	}
	for label, ids := range groups {
		if len(ids) < 2 {
			continue
		}
		sort.Slice(ids, func(a, b int) bool {
			wa, wb := works[ids[a]], works[ids[b]]
			if ka, kb := wa.Kind == graph.KindWork, wb.Kind == graph.KindWork; ka != kb {
				return ka
			}
			if ta, tb := graph.Fold(wa.Title), graph.Fold(wb.Title); ta != tb {
				return ta < tb
			}
			return wa.Key < wb.Key
		})
		sep := ""
		if strings.HasSuffix(label, "n.d.") {
			sep = "-"
		}
		for n, id := range ids {
			out[id] = label + sep + suffix(n)
		}
	}
	return out
}

// suffix returns the n-th letter suffix: a … z, then aa, ab, ….
func suffix(n int) string {
	if n < 26 {
		return string(rune('a' + n))
	}
	return suffix(n/26-1) + string(rune('a'+n%26))
}

// abstractStart returns the opening of a work's abstract, without the
// heading of a structured one ("Background: …").
func abstractStart(w *graph.Work) string {
	for _, s := range w.AbstractSections {
		if t := cleanText(s.Text); t != "" {
			return t
		}
	}
	return cleanText(w.Abstract)
}

// tooltipLines returns the lines of a work's tooltip: title, year, venue,
// "doi:…" (or the Key when there is no DOI) and, for works that resolved to
// nothing, what they are.
func tooltipLines(w *graph.Work) []string {
	var lines []string
	add := func(s string) {
		if s = cleanText(s); s != "" {
			lines = append(lines, s)
		}
	}
	add(w.Title)
	if w.Title == "" {
		if a := abstractStart(w); a != "" {
			add(shorten(a, 40, 200))
		}
	}
	if w.Year != 0 {
		add(strconv.Itoa(w.Year))
	}
	add(w.Venue)
	if w.DOI != "" {
		add("doi:" + w.DOI)
	} else {
		add(w.Key)
	}
	switch w.Kind {
	case graph.KindReference:
		add("unresolved reference (known only from reference lists)")
	case graph.KindMention:
		add("unresolved mention (an in-text citation that matched no work)")
	}
	if len(lines) == 0 {
		lines = []string{Label(w)}
	}
	return lines
}

// statementTooltip returns the tooltip of a Cites edge: its first
// statement and how many more there are, or "" when it has none.
func statementTooltip(e *graph.Edge) string {
	for i, st := range e.Statements {
		t := cleanText(st.Text)
		if t == "" {
			continue
		}
		if more := len(e.Statements) - i - 1; more > 0 {
			t += " [+" + strconv.Itoa(more) + " more]"
		}
		return t
	}
	return ""
}
