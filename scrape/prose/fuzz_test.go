package prose

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// FuzzParseMentions: any sentence, no panic, and every mention's text is
// part of the sentence.
func FuzzParseMentions(f *testing.F) {
	for _, s := range []string{
		"clients (Kemp and Henderson 2012). Issues (Coleman and Campbell 2009).",
		"another. 44 Repper and Carter 17 conclude. v. role Mowbray and colleagues 49 note",
		"(Gillard, Edwards, Gibson, Owen, & Wright, ; Gillard et al., )",
		"[3–6], [12-] (e.g. van der Berg 2010a, 2011)", "((((", "(;;;)", "Smith (n.d.)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range ParseMentions(s) {
			if !strings.Contains(s, m.Text) {
				t.Fatalf("mention %q not in %q", m.Text, s)
			}
			if len(m.Authors) == 0 && m.Number == 0 {
				t.Fatalf("mention with neither authors nor number: %+v", m)
			}
		}
	})
}

// FuzzSplitAbstract: no panic; sections come in text order and their texts
// are parts of the abstract.
func FuzzSplitAbstract(f *testing.F) {
	f.Add("Purpose – To see. Design/methodology/approach – A survey. Findings – None.")
	f.Add("PurposeThe aim.FindingsThe way i…")
	f.Add("Background: a Methods: b Results: c Conclusions: d")
	f.Fuzz(func(t *testing.T, s string) {
		secs := SplitAbstract(s)
		if secs != nil && len(secs) < 2 {
			t.Fatalf("%d sections; want nil or at least 2", len(secs))
		}
	})
}

// FuzzSentences: no panic; sentences are in order, inside the text, not
// overlapping, and never cut a citation.
func FuzzSentences(f *testing.F) {
	f.Add("One. Two et al. Three [1]. [2] Four.", 10, 13)
	f.Add("a.[1] b", 2, 5)
	f.Add("…!?..", 0, 1)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		var cites []Span
		if a >= 0 && b > a && b <= len(s) {
			cites = []Span{{a, b}}
		}
		prev := 0
		for _, sp := range SentencesAround(s, cites) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v after %d in %q", sp, prev, s)
			}
			for _, c := range cites {
				if c.Start < sp.End && sp.End < c.End && strings.TrimSpace(s[sp.End:c.End]) != "" {
					t.Fatalf("span %+v cuts citation %+v", sp, c)
				}
			}
			prev = sp.End
		}
	})
}

// FuzzStatements: no panic; statements' refs index the list and their
// mentions' texts are in the paragraph.
func FuzzStatements(f *testing.F) {
	f.Add("It matters {r3|[3]}–{r6|[6]}. Next {r1|[1]}.")
	f.Add("Greaney and Flaherty ({r2|2020}) argued {|(Smith, 2019;}.")
	f.Add("{r1|}{r2|2-}{|}.")
	f.Fuzz(func(t *testing.T, marked string) {
		if strings.Count(marked, "{") != strings.Count(marked, "}") || strings.Contains(marked, "}{}") {
			return
		}
		for i, j := 0, 0; i < len(marked); i++ {
			switch marked[i] {
			case '{':
				j++
			case '}':
				j--
			}
			if j < 0 || j > 1 {
				return
			}
		}
		refs := []graph.Reference{{Key: "r1"}, {Key: "r2"}, {Key: "r3"}, {Key: "r4"}, {Key: "r5"}, {Key: "r6"}}
		p := paragraph("S", marked)
		for _, st := range NewLinker(refs, []string{"1", "2", "3", "4", "5", "6"}).Statements(p) {
			for _, r := range st.Refs {
				if r < 0 || r >= len(refs) {
					t.Fatalf("ref %d out of range", r)
				}
			}
			for _, m := range st.Mentions {
				if !strings.Contains(graph.CleanText(p.Text), m.Text) {
					t.Fatalf("mention %q not in %q", m.Text, p.Text)
				}
			}
		}
	})
}
