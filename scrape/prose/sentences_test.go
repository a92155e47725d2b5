package prose

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func texts(s string, spans []Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One sentence. Another one! A third? Yes.", []string{"One sentence.", "Another one!", "A third?", "Yes."}},
		{"et al", "As Smith et al. (2010) showed, it works. Next.", []string{"As Smith et al. (2010) showed, it works.", "Next."}},
		{"et al before a capital", "Shown by Fu et al. Cells divide.", []string{"Shown by Fu et al. Cells divide."}},
		{"e.g. and i.e.", "Some tools (e.g. SciBERT) help, i.e. Transformers do. Then.", []string{"Some tools (e.g. SciBERT) help, i.e. Transformers do.", "Then."}},
		{"Fig.", "See Fig. 2 and Figs. 3–4. Then Eq. 5 holds.", []string{"See Fig. 2 and Figs. 3–4.", "Then Eq. 5 holds."}},
		{"vs.", "Group A vs. B differed. Done.", []string{"Group A vs. B differed.", "Done."}},
		{"initials", "As J. R. Smith and A. Petersen argued. Yes.", []string{"As J. R. Smith and A. Petersen argued.", "Yes."}},
		{"decimals", "It rose by 3.5 points to 12.75. Then fell.", []string{"It rose by 3.5 points to 12.75.", "Then fell."}},
		{"lower case after stop", "The approx. value is low. Fine.", []string{"The approx. value is low.", "Fine."}},
		{"closing quote and bracket", `He said "stop." Then left. (It was late.) Over.`, []string{`He said "stop."`, "Then left.", "(It was late.)", "Over."}},
		{"digits start", "It ended in 2015. 2016 was better.", []string{"It ended in 2015.", "2016 was better."}},
		{"U.S.", "Data from the U.S. Census were used. Then.", []string{"Data from the U.S. Census were used.", "Then."}},
		{"no stop at end", "No stop at the end", []string{"No stop at the end"}},
		{"white space", "  One.   Two.  ", []string{"One.", "Two."}},
		{"empty", "", nil},
		{"joined by a PDF parser", "It decays in muscle tissue.In a previous study we saw it [14] .As a result, no.", []string{"It decays in muscle tissue.", "In a previous study we saw it [14] .", "As a result, no."}},
		{"joined, but e.g.", "Some (e.g.The One) are. Fine.", []string{"Some (e.g.The One) are.", "Fine."}},
	}
	for _, tt := range tests {
		got := texts(tt.in, Sentences(tt.in))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestSentencesAround: citations after the full stop belong to the
// sentence before, unless the text after them runs on in lower case.
func TestSentencesAround(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		cites []string // the citations, found in order in the text
		want  []string
	}{
		{"bracket after stop", "It fails. [1] However, it works [2].", []string{"[1]", "[2]"}, []string{"It fails. [1]", "However, it works [2]."}},
		{"range after stop", "It fails. [1]–[4] However.", []string{"[1]", "[4]"}, []string{"It fails. [1]–[4]", "However."}},
		{"superscript after stop", "It fails.1,2 However, no.", []string{"1", "2"}, []string{"It fails.1,2", "However, no."}},
		{"citation opens the next", "It fails. [12] showed why.", []string{"[12]"}, []string{"It fails.", "[12] showed why."}},
		{"space inside a citation", "As (Smith et al. 2010) found. Next.", []string{"(Smith et al. 2010)"}, []string{"As (Smith et al. 2010) found.", "Next."}},
		{"citation ends the text", "It fails. [3]", []string{"[3]"}, []string{"It fails. [3]"}},
		{"narrative citation opens the next", "Free online. Archambault et al. (2014), the largest, agree.", []string{"Archambault et al. (2014)"}, []string{"Free online.", "Archambault et al. (2014), the largest, agree."}},
	}
	for _, tt := range tests {
		var spans []Span
		off := 0
		for _, c := range tt.cites {
			i := strings.Index(tt.in[off:], c)
			if i < 0 {
				t.Fatalf("%s: %q not in text", tt.name, c)
			}
			spans = append(spans, Span{off + i, off + i + len(c)})
			off += i + len(c)
		}
		got := texts(tt.in, SentencesAround(tt.in, spans))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// paragraph builds a paragraph whose citations are marked {key|text}.
func paragraph(section, marked string) Paragraph {
	var b Builder
	for marked != "" {
		i := strings.IndexByte(marked, '{')
		if i < 0 {
			b.WriteString(marked)
			break
		}
		b.WriteString(marked[:i])
		j := strings.IndexByte(marked[i:], '}') + i
		key, text, _ := strings.Cut(marked[i+1:j], "|")
		var keys []string
		if key != "" {
			keys = strings.Fields(key)
		}
		b.StartAnchor(keys)
		b.WriteString(text)
		b.EndAnchor()
		marked = marked[j+1:]
	}
	return b.Take(section)
}

func TestStatements(t *testing.T) {
	refs := make([]graph.Reference, 8)
	labels := make([]string, 8)
	for i := range refs {
		refs[i].Key = "r" + string(rune('1'+i))
		labels[i] = string(rune('1' + i))
	}
	l := NewLinker(refs, labels)
	tests := []struct {
		name, in string
		want     []string // "text | refs (1-based labels) | mention texts"
	}{
		{"range of two linked ends", "It matters {r3|[3]}–{r6|[6]}. Next one {r1|[1]}.",
			[]string{"It matters [3]–[6]. | 3 4 5 6 | [3]–[6] [3]–[6] [3]–[6] [3]–[6]", "Next one [1]. | 1 | [1]"}},
		{"hyphen range, superscripts", "Shown before.{r2|2}-{r4|4} Then.", []string{"Shown before.2-4 | 2 3 4 | 2-4 2-4 2-4"}},
		{"one link printed as a range", "As shown {r2|[2-5]}.", []string{"As shown [2-5]. | 2 3 4 5 | [2-5] [2-5] [2-5] [2-5]"}},
		{"list is not a range", "Both {r1|[1]}, {r3|[3]}.", []string{"Both [1], [3]. | 1 3 | [1] [3]"}},
		{"year linked, names outside", "Greaney and Flaherty ({r7|2020}) argued. Also (Brown {r8|2015}; Rose 2001).",
			[]string{"Greaney and Flaherty (2020) argued. | 7 | Greaney and Flaherty (2020)", "Also (Brown 2015; Rose 2001). | 8 | Brown 2015 Rose 2001"}},
		{"unlinked citation kept", "As GROBID saw {|(Smith et al., 2019)}.", []string{"As GROBID saw (Smith et al., 2019). |  | (Smith et al., 2019)"}},
		{"dangling key is unlinked", "See {nope|[9]}.", []string{"See [9]. |  | [9]"}},
	}
	for _, tt := range tests {
		var got []string
		for _, st := range l.Statements(paragraph("S", tt.in)) {
			var rs, ms []string
			for _, r := range st.Refs {
				rs = append(rs, labels[r])
			}
			for _, m := range st.Mentions {
				ms = append(ms, m.Text)
			}
			if st.Section != "S" {
				t.Errorf("%s: section %q", tt.name, st.Section)
			}
			got = append(got, st.Text+" | "+strings.Join(rs, " ")+" | "+strings.Join(ms, " "))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestMentionFields(t *testing.T) {
	refs := []graph.Reference{{Key: "a"}, {Key: "b"}}
	st := NewLinker(refs, nil).Statements(paragraph("", "Byung‐Chul Han's ({a|2015}) account and {b|Fu et al., 2015a} agree."))
	if len(st) != 1 || len(st[0].Mentions) != 2 {
		t.Fatalf("got %+v", st)
	}
	m0, m1 := st[0].Mentions[0], st[0].Mentions[1]
	if !slices.Equal(m0.Authors, []string{"Han"}) || m0.Year != 2015 {
		t.Errorf("mention 0 = %+v", m0)
	}
	if !slices.Equal(m1.Authors, []string{"Fu"}) || !m1.EtAl || m1.Year != 2015 || m1.Suffix != "a" {
		t.Errorf("mention 1 = %+v", m1)
	}
}
