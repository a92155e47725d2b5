package scrape

import (
	"regexp"
	"sort"
	"strings"

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

// reAbstractLabel finds a label at the start of the text or after the end
// of a sentence, followed by a colon or dash, or run into the capital that
// starts its text ("PurposeThe purpose", "Purpose The purpose").
var reAbstractLabel = func() *regexp.Regexp {
	alts := make([]string, len(abstractLabels))
	for i, l := range abstractLabels {
		alts[i] = regexp.QuoteMeta(l)
	}
	return regexp.MustCompile(`(?:^|[.!?…)]\s*|\s)(` + strings.Join(alts, "|") + `)(\s*[:–—]\s*|\s+-\s+|\s*(?:\p{Lu}|\d))`)
}()

// SplitAbstract splits a structured abstract into its labelled sections, in
// order. Text before the first label becomes a section with an empty label.
// It returns nil when the text has fewer than two labels (a plain abstract).
func SplitAbstract(text string) []graph.Section {
	locs := reAbstractLabel.FindAllStringSubmatchIndex(text, -1)
	type hit struct{ labelStart, labelEnd, textStart int }
	var hits []hit
	seen := map[string]bool{}
	for _, l := range locs {
		label := text[l[2]:l[3]]
		if seen[label] {
			continue // a label word used again inside the text
		}
		// The run-in capital belongs to the section text.
		ts := l[4]
		sep := text[l[4]:l[5]]
		if t := strings.TrimSpace(sep); t == ":" || t == "–" || t == "—" || t == "-" {
			ts = l[5]
		}
		seen[label] = true
		hits = append(hits, hit{l[2], l[3], ts})
	}
	if len(hits) < 2 {
		return nil
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].labelStart < hits[j].labelStart })
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
