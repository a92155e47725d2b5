package prose

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// abstractLabels are the headings of structured abstracts: Emerald's
// (Purpose, Design/methodology/approach, Findings, …), IMRaD ones
// (Background, Methods, Results, Conclusions) and review ones (Purpose of
// review, Recent findings, Summary). Longer labels come first so that
// "Purpose of review" wins over "Purpose".
var abstractLabels = []string{
	"Design/methodology/approach", "Research limitations/implications", "Practical implications",
	"Social implications", "Originality/value", "Purpose of review", "Recent findings",
	"Background", "Objectives", "Objective", "Aims", "Aim", "Purpose", "Methods", "Method",
	"Design", "Setting", "Participants", "Interventions", "Measurements", "Results", "Findings",
	"Conclusions", "Conclusion", "Summary", "Limitations", "Implications", "Introduction", "Discussion",
}

// SplitAbstract splits a structured abstract into its labelled sections, in
// order. A heading counts where it stands at the start of the text or after
// white space or the end of a sentence, and is followed by a colon or a
// dash, or runs into the capital or digit that starts its text
// ("PurposeThe purpose", "Purpose The purpose"). Each heading is taken at
// its first such place only. Text before the first heading becomes a
// section with an empty label. It returns nil when the text has fewer than
// two headings (a plain abstract). Cost is linear in the text for each
// heading.
func SplitAbstract(text string) []graph.Section {
	type hit struct{ labelStart, labelEnd, textStart int }
	var hits []hit
	for _, label := range abstractLabels {
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], label)
			if i < 0 {
				break
			}
			start := off + i
			off = start + len(label)
			if ts, ok := headingAt(text, start, len(label)); ok {
				hits = append(hits, hit{start, start + len(label), ts})
				break
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].labelStart != hits[j].labelStart {
			return hits[i].labelStart < hits[j].labelStart
		}
		return hits[i].labelEnd > hits[j].labelEnd
	})
	// A shorter heading inside a longer one ("Purpose" in "Purpose of
	// review") is not a heading of its own.
	kept := hits[:0]
	for _, h := range hits {
		if len(kept) > 0 && h.labelStart < kept[len(kept)-1].labelEnd {
			continue
		}
		kept = append(kept, h)
	}
	hits = kept
	if len(hits) < 2 {
		return nil
	}
	var out []graph.Section
	if pre := graph.CleanText(text[:hits[0].labelStart]); pre != "" {
		out = append(out, graph.Section{Text: pre})
	}
	for i, h := range hits {
		end := len(text)
		if i+1 < len(hits) {
			end = hits[i+1].labelStart
		}
		out = append(out, graph.Section{
			Label: text[h.labelStart:h.labelEnd],
			Text:  graph.CleanText(text[h.textStart:end]),
		})
	}
	return out
}

// headingAt reports whether the label of length n at start stands as a
// heading (see SplitAbstract) and where its text starts.
func headingAt(text string, start, n int) (textStart int, ok bool) {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".!?…)", r) {
			return 0, false
		}
	}
	rest := text[start+n:]
	trimmed := strings.TrimLeftFunc(rest, unicode.IsSpace)
	skipped := len(rest) - len(trimmed)
	r, size := utf8.DecodeRuneInString(trimmed)
	switch {
	case r == ':' || r == '–' || r == '—':
		after := trimmed[size:]
		return start + n + skipped + size + (len(after) - len(strings.TrimLeftFunc(after, unicode.IsSpace))), true
	case r == '-' && skipped > 0 && strings.HasPrefix(trimmed[size:], " "):
		return start + n + skipped + size + 1, true
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return start + n + skipped, true
	}
	return 0, false
}

// StartsWithHeading reports whether a line opens with a structured-abstract
// heading.
func StartsWithHeading(l string) bool {
	for _, lab := range abstractLabels {
		if strings.HasPrefix(l, lab) {
			return true
		}
	}
	return false
}
