package prose

import (
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func TestParseMentions(t *testing.T) {
	m := func(text string, year int, suffix string, etal bool, number int, authors ...string) graph.Mention {
		return graph.Mention{Text: text, Authors: authors, Year: year, Suffix: suffix, EtAl: etal, Number: number}
	}
	tests := []struct {
		name string
		in   string
		want []graph.Mention
	}{
		// The forms the seed pages show (testdata/seeds/000_… and 001_…).
		{"two authors and year", "disclose personal information to clients (Kemp and Henderson 2012). Issues",
			[]graph.Mention{m("Kemp and Henderson 2012", 2012, "", false, 0, "Kemp", "Henderson")}},
		{"et al without period, year letter", "reported elsewhere (Gillard et al 2014c). The",
			[]graph.Mention{m("Gillard et al 2014c", 2014, "c", true, 0, "Gillard")}},
		{"year stripped, five authors", "challenges (Moran, Russinova, Gidugu, Yim, & Sprague, ).",
			[]graph.Mention{m("Moran, Russinova, Gidugu, Yim, & Sprague,", 0, "", false, 0, "Moran", "Russinova", "Gidugu", "Yim", "Sprague")}},
		{"two stripped citations in one parenthesis", "culture (Gillard, Edwards, Gibson, Owen, & Wright, ; Gillard et al., ).",
			[]graph.Mention{
				m("Gillard, Edwards, Gibson, Owen, & Wright,", 0, "", false, 0, "Gillard", "Edwards", "Gibson", "Owen", "Wright"),
				m("Gillard et al.,", 0, "", true, 0, "Gillard"),
			}},
		{"ampersand, year stripped", "co‐workers (Nestor & Galletly, ). In order",
			[]graph.Mention{m("Nestor & Galletly,", 0, "", false, 0, "Nestor", "Galletly")}},
		{"numbered, superscript as text and narrative", "support one another. 44 Repper and Carter 17 conclude their review. v. Valuing the peer worker role Mowbray and colleagues 49 note that",
			[]graph.Mention{
				m("44", 0, "", false, 44),
				m("Repper and Carter 17", 0, "", false, 17, "Repper", "Carter"),
				m("Mowbray and colleagues 49", 0, "", true, 49, "Mowbray"),
			}},
		{"number before a list numeral", "a peer support manual or handbook. 44 vi. Relationships with service users",
			[]graph.Mention{m("44", 0, "", false, 44)}},
		// Other common forms.
		{"narrative author-year", "as Kemp and Henderson (2012) found",
			[]graph.Mention{m("Kemp and Henderson (2012)", 2012, "", false, 0, "Kemp", "Henderson")}},
		{"two years for one author", "(Smith, 2001, 2003b)",
			[]graph.Mention{m("Smith, 2001, 2003b", 2001, "", false, 0, "Smith"), m("Smith, 2001, 2003b", 2003, "b", false, 0, "Smith")}},
		{"lead-in words", "(e.g. Gates 2007; see van der Berg 2010)",
			[]graph.Mention{m("e.g. Gates 2007", 2007, "", false, 0, "Gates"), m("see van der Berg 2010", 2010, "", false, 0, "van der Berg")}},
		{"bracketed range", "as shown [3–6] and [9]",
			[]graph.Mention{m("[3–6]", 0, "", false, 3), m("[3–6]", 0, "", false, 4), m("[3–6]", 0, "", false, 5), m("[3–6]", 0, "", false, 6), m("[9]", 0, "", false, 9)}},
		{"not citations", "peer support workers (PSW) in teams (n = 11) as Table 2 shows in 2019.", nil},
		{"particle inside a word is not a particle", "the peer worker role Mowbray 49 note",
			[]graph.Mention{m("Mowbray 49", 0, "", false, 49, "Mowbray")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseMentions(tc.in)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseMentions(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestSplitAbstract(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		labels []string
		first  string
	}{
		{"emerald dashes", "Purpose – To see. Design/methodology/approach – A survey. Findings – None. Originality/value – Some.",
			[]string{"Purpose", "Design/methodology/approach", "Findings", "Originality/value"}, "To see."},
		{"run in without space", "PurposeThe aim is this.Design/methodology/approachWe asked.FindingsThe way i…",
			[]string{"Purpose", "Design/methodology/approach", "Findings"}, "The aim is this."},
		{"colons", "Background: Peers help. Methods: Interviews. Results: Many. Conclusions: More.",
			[]string{"Background", "Methods", "Results", "Conclusions"}, "Peers help."},
		{"review labels", "Purpose of review: Why. Recent findings: What. Summary: So.",
			[]string{"Purpose of review", "Recent findings", "Summary"}, "Why."},
		{"plain abstract", "Peer support workers hold potential. Results were mixed.", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitAbstract(tc.in)
			var labels []string
			for _, s := range got {
				labels = append(labels, s.Label)
			}
			if !reflect.DeepEqual(labels, tc.labels) {
				t.Fatalf("labels %q, want %q", labels, tc.labels)
			}
			if len(got) > 0 && got[0].Text != tc.first {
				t.Errorf("first section %q, want %q", got[0].Text, tc.first)
			}
		})
	}
}
