package graph

import "testing"

// FuzzNormalizeID: no input panics in any scheme, and what NormalizeID
// accepts it accepts again unchanged. ("openalex.org/" once panicked:
// the prefix stripped left nothing to capitalise.)
func FuzzNormalizeID(f *testing.F) {
	for _, s := range []string{"openalex.org/", "", "https://openalex.org/W2741809807", "PMC", "978-0-306-40615-7", "0378-5955", "arXiv:2101.00001v3", "WOS:000392451200004", "10.1/x"} {
		f.Add(s)
	}
	schemes := []string{"doi", IDPMID, IDPMCID, IDArXiv, IDOpenAlex, IDS2, IDCorpusID, IDISBN, IDISSN, IDWoS, IDScopus, IDMAG, IDDocNumber, IDProQuest, IDLens, IDEmbase, IDPII}
	f.Fuzz(func(t *testing.T, v string) {
		for _, scheme := range schemes {
			got, err := NormalizeID(scheme, v)
			if err != nil {
				continue
			}
			if again, err := NormalizeID(scheme, got); err != nil || again != got {
				t.Errorf("NormalizeID(%s, %q) = %q, then %q, %v", scheme, v, got, again, err)
			}
		}
	})
}
