package web

import (
	"strings"
	"testing"
)

// Inputs as users write them never panic Classify, and a DOI's or PMCID's
// normalised value classifies to itself.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"10.1371/journal.pone.0213978", "doi:10.1/X", "https://doi.org/10.1/x#frag", "PMC3531190",
		"pmcid:pmc1", "https://example.org/a?b=c", "http://", "file.ris", "10.", " \t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := Classify(s)
		if in.Kind == DOI || in.Kind == PMCID {
			if again := Classify(in.Value); again.Kind != in.Kind || again.Value != in.Value {
				t.Errorf("Classify(%q) = %v %q, but its value classifies as %v %q", s, in.Kind, in.Value, again.Kind, again.Value)
			}
		}
	})
}

// ReadInputs never panics, and every input it returns is a trimmed,
// non-empty line that is not a comment.
func FuzzReadInputs(f *testing.F) {
	f.Add("\uFEFF# c\n10.1/x\n\n  https://a.org/p  \r\nfile\n")
	f.Add("a\x00b\n")
	f.Fuzz(func(t *testing.T, s string) {
		ins, _ := ReadInputs(strings.NewReader(s), "in.txt")
		for _, in := range ins {
			if in == "" || in != strings.TrimSpace(in) || strings.HasPrefix(in, "#") {
				t.Errorf("input %q", in)
			}
		}
	})
}
