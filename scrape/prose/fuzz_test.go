package prose

import (
	"strings"
	"testing"
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
