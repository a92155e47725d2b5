package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

func TestTermsOf(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"bigrams follow their second word", "Peer support workers",
			[]string{"peer", "support", "peer support", "workers", "support workers"}},
		{"stopwords and academic words go", "The purpose of this paper is to study peer-support.",
			[]string{"peer", "support", "peer support"}},
		{"a dropped word breaks a bigram", "support for workers", []string{"support", "workers"}},
		{"punctuation ends a clause", "mental health. Peer workers",
			[]string{"mental", "health", "mental health", "peer", "workers", "peer workers"}},
		{"line break ends a clause", "mental health\nservices", []string{"mental", "health", "mental health", "services"}},
		{"numbers and short words go", "In 2012, 45 GP and NHS staff",
			[]string{"nhs", "staff", "nhs staff"}},
		{"possessive s goes", "Young people’s transition from CAMHS",
			[]string{"young", "people", "young people", "transition", "people transition", "camhs"}},
		{"diacritics fold", "Rôle café", []string{"role", "cafe", "role cafe"}},
		{"words with digits stay", "covid19 lockdown", []string{"covid19", "lockdown", "covid19 lockdown"}},
		{"structured abstract labels go", "Purpose – To explore stigma. Design/methodology/approach – Interviews.",
			[]string{"stigma", "interviews"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := termsOf(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("termsOf(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTextNeighbours(t *testing.T) {
	docs := [][]string{
		termsOf("apple banana"),
		termsOf("apple cherry"),
		termsOf("durian"),
		nil, // a work without text
		termsOf("apple banana"),
	}
	// TF-IDF as scikit-learn's TfidfVectorizer defaults define it
	// (idf = ln((1+N)/(1+df)) + 1, unit length), N = 4 works with text.
	// "apple" is in 3 of them: a = ln(5/4)+1; "banana" and "apple banana"
	// in 2: b = ln(5/3)+1; "cherry" and "apple cherry" in 1: c = ln(5/2)+1.
	a, b, c := math.Log(5.0/4)+1, math.Log(5.0/3)+1, math.Log(5.0/2)+1
	cos01 := a * a / math.Sqrt((a*a+2*b*b)*(a*a+2*c*c)) // share only "apple"
	tests := []struct {
		k    int
		want []textPair
	}{
		{0, nil},
		// Work 0's nearest is its twin 4; work 1's is 0 (tie with 4, lower
		// ID); "durian" shares nothing.
		{1, []textPair{{0, 1, cos01}, {0, 4, 1}}},
		{2, []textPair{{0, 1, cos01}, {0, 4, 1}, {1, 4, cos01}}},
	}
	for _, tt := range tests {
		got := textNeighbours(docs, tt.k)
		if len(got) != len(tt.want) {
			t.Fatalf("k=%d: textNeighbours = %v, want %v", tt.k, got, tt.want)
		}
		for i := range got {
			g, w := got[i], tt.want[i]
			if g.a != w.a || g.b != w.b || math.Abs(g.cosine-w.cosine) > 1e-12 {
				t.Errorf("k=%d: pair %d = %v, want %v", tt.k, i, g, w)
			}
		}
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		term   string
		chosen []string
		want   bool
	}{
		{"support", []string{"peer support"}, true},
		{"peer support", []string{"support"}, true},
		{"support workers", []string{"peer support"}, true},
		{"peer workers", []string{"mental health", "support"}, false},
		{"care", []string{"healthcare"}, false},
		{"health", nil, false},
	}
	for _, tt := range tests {
		if got := overlaps(tt.term, tt.chosen); got != tt.want {
			t.Errorf("overlaps(%q, %q) = %v, want %v", tt.term, tt.chosen, got, tt.want)
		}
	}
}

func TestStemS(t *testing.T) {
	// Harman (1991)'s rules, one case each.
	for in, want := range map[string]string{
		"studies": "study", "services": "service", "workers": "worker", "status": "status",
		"process": "process", "goes": "goe", "employees": "employee", "series": "sery", "psws": "psw",
	} {
		if got := stemS(in); got != want {
			t.Errorf("stemS(%q) = %q, want %q", in, got, want)
		}
	}
	terms, display := foldPlurals([][]string{{"services", "peer workers"}, {"service", "services", "peer worker"}})
	if terms[0][0] != "service" || terms[1][0] != "service" || terms[0][1] != "peer worker" {
		t.Errorf("keys %q", terms)
	}
	if display["service"] != "services" || display["peer worker"] != "peer worker" {
		t.Errorf("display forms %q: want the commoner form, ties to the first in lexical order", display)
	}
}

func TestAcronymPlural(t *testing.T) {
	got := termsOf("PSWs and NGOs support the PSW; bus stops")
	want := []string{"psw", "ngo", "support", "ngo support", "psw", "bus", "stops", "bus stops"}
	if !slices.Equal(got, want) {
		t.Errorf("termsOf = %q, want %q", got, want)
	}
}

func TestLabelTermsWeighTitles(t *testing.T) {
	g := graph.Build([]graph.Record{{Title: "Recovery colleges", Abstract: "Students attend courses."}})
	terms := labelTerms(g, workTerms(g))
	n := 0
	for _, tm := range terms[0] {
		if tm == "recovery colleges" {
			n++
		}
	}
	if n != titleWeight {
		t.Errorf("title bigram counted %d times, want %d", n, titleWeight)
	}
}

func TestTermsWithinBudget(t *testing.T) {
	// Hand count: from the rarest up, df² sums 1 (term 0), 1+9 = 10
	// (term 2), 10+25 = 35 (term 1) within 35; term 3 would make 135.
	got := termsWithinBudget([]int{1, 5, 3, 10}, 35)
	want := []bool{true, true, true, false}
	if !slices.Equal(got, want) {
		t.Errorf("termsWithinBudget = %v, want %v", got, want)
	}
	// Equal df: the lower term ID is kept first.
	if got := termsWithinBudget([]int{4, 4}, 20); !slices.Equal(got, []bool{true, false}) {
		t.Errorf("tie: termsWithinBudget = %v, want [true false]", got)
	}
}

// TestTextNeighboursCommonTerms is the case that was quadratic: every
// title draws from a few topic words. With 60,000 works and 10 topic
// words, four drawn per work, every topic word is in more than 10,000
// works, so each alone has df² beyond the budget of 10⁸ + 32·P
// (P ≈ 360,000): the topic words are left out and the
// works pair by the two words only they and their twin share.
func TestTextNeighboursCommonTerms(t *testing.T) {
	n := 60_000
	topics := strings.Fields("peer support workers mental health recovery services lived experience employment")
	docs := make([][]string, n)
	for i := range docs {
		twin := i / 2 // works 2j and 2j+1 share their two own words
		docs[i] = []string{topics[i%10], topics[(i*7+3)%10], topics[(i*3+5)%10], topics[(i*9+1)%10],
			fmt.Sprintf("own%da", twin), fmt.Sprintf("own%db", twin)}
	}
	pairs := textNeighbours(docs, 3)
	if len(pairs) != n/2 {
		t.Fatalf("%d pairs, want %d (each work with its twin only)", len(pairs), n/2)
	}
	for _, p := range pairs {
		if p.a/2 != p.b/2 || math.Abs(p.cosine-1) > 1e-9 {
			t.Fatalf("pair %+v: want twins 2j, 2j+1 at cosine 1 (only their own words are kept)", p)
		}
	}
}
