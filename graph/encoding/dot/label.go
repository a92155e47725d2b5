package dot

import (
	"strconv"

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
//     when the year is 0;
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
// are dropped. Two works may share a label.
func Label(w *graph.Work) string {
	year := "n.d."
	if w.Year != 0 {
		year = strconv.Itoa(w.Year)
	}
	if s := cleanText(w.Surname()); s != "" {
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
