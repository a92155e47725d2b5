package analysis

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Theme describes one community: what its works are about and which of
// them matter most.
type Theme struct {
	// ID is the community number.
	ID int `json:"id"`
	// Label is Terms joined with ", ", e.g. "transition, camhs, young
	// people"; empty when the community's works have no text.
	Label string `json:"label"`
	// Terms are the community's most distinctive terms by c-TF-IDF, best
	// first, no two sharing a word. Empty, not nil, when the works have no
	// text.
	Terms []string `json:"terms"`
	// Scores are the c-TF-IDF scores of Terms.
	Scores []float64 `json:"scores"`
	// Size is the number of works in the community.
	Size int `json:"size"`
	// Top lists the node IDs of all the community's works by PageRank,
	// highest first, ties by ID.
	Top []int64 `json:"top"`
}

// Themes labels each community of g with its most distinctive terms and
// ranks its works. community gives each work's community (indexed by node
// ID, numbers 0 … K-1); the result has one Theme per community number,
// indexed by it. pagerank orders each theme's Top; nil orders by ID.
// terms is the number of label terms per theme (≤ 0: none).
//
// The terms of a community are those of its works' texts (WorkText; see
// "Terms" in the package documentation). They are scored by class-based TF-IDF as BERTopic does (M. Grootendorst,
// BERTopic: Neural topic modeling with a class-based TF-IDF procedure,
// arXiv:2203.05794, eq. 1):
//
//	W(t, c) = tf(t, c) / |c| · log(1 + A / f(t)),
//
// where tf(t, c) counts t in community c, |c| is the number of terms in c,
// A is the average number of terms per community (over communities that
// have text) and f(t) counts t over all communities. Terms are taken best
// first. A label names what sets a theme apart, so a term found in more
// than half of all works' texts (the corpus's own topic, such as "peer
// support" in a corpus on peer support; only when at least
// minTextsForCorpusTerms works have text) is skipped, and so are, in a
// theme of several works with text, a term found in only one of them, and a
// term with fewer than half of its occurrences in this theme; when that
// leaves too few terms the rules are relaxed in the reverse order. Any term that
// shares a word with a term already taken is skipped:
// a bigram and its words never share a label, nor do two bigrams with a
// word in common ("peer support", "support workers"). Equal scores go to
// the bigram first (a bigram that scores as high as its words occurs
// wherever they do, so it says more), then in lexical order.
//
// Themes panics if len(community) or a non-nil len(pagerank) differs from
// g.Len(), or if a community number is negative. Cost is O(T log T) for T
// terms in all texts.
func Themes(g *graph.Graph, community []int, pagerank []float64, terms int) []Theme {
	return themes(g.Len(), community, pagerank, terms, labelTerms(g, workTerms(g)))
}

// titleWeight is how many times a title's terms count in theme labels:
// titles say what a work is about more densely than abstracts and
// statements, which is why CiteSpace labels clusters from titles.
const titleWeight = 3

// labelTerms returns the terms that theme labels are drawn from: each
// work's terms (terms, from WorkText, which holds the title once) with its
// title's terms added titleWeight-1 more times.
func labelTerms(g *graph.Graph, terms [][]string) [][]string {
	out := make([][]string, len(terms))
	for i, w := range g.Works() {
		out[i] = terms[i]
		if w.Title == "" || len(terms[i]) == 0 {
			continue
		}
		tt := termsOf(w.Title)
		out[i] = slices.Clip(out[i])
		for range titleWeight - 1 {
			out[i] = append(out[i], tt...)
		}
	}
	return out
}

// themes is Themes for n works whose terms the caller computed.
func themes(n int, community []int, pagerank []float64, nterms int, terms [][]string) []Theme {
	out := themeMembers(n, community, pagerank)
	if nterms <= 0 {
		return out
	}
	// Count plural and singular as one term ("service", "services"); a
	// label shows the form the texts use most.
	terms, display := foldPlurals(terms)
	tc := countTerms(len(out), community, terms)
	var all, classes int
	for _, s := range tc.size {
		if s > 0 {
			all += s
			classes++
		}
	}
	if classes == 0 {
		return out
	}
	avg := float64(all) / float64(classes) // A
	for c := range out {
		if tc.size[c] == 0 {
			continue
		}
		th := &out[c]
		th.Terms, th.Scores = tc.label(c, avg, nterms)
		for i, t := range th.Terms {
			th.Terms[i] = display[t]
		}
		th.Label = strings.Join(th.Terms, ", ")
	}
	return out
}

// themeMembers returns one Theme per community number with its size and
// its works, highest PageRank first; it panics on the misuse Themes
// documents.
func themeMembers(n int, community []int, pagerank []float64) []Theme {
	if len(community) != n {
		panic(fmt.Sprintf("analysis: Themes: %d communities for %d works", len(community), n))
	}
	if pagerank != nil && len(pagerank) != n {
		panic(fmt.Sprintf("analysis: Themes: %d ranks for %d works", len(pagerank), n))
	}
	k := 0
	for _, c := range community {
		if c < 0 {
			panic(fmt.Sprintf("analysis: Themes: negative community %d", c))
		}
		k = max(k, c+1)
	}
	out := make([]Theme, k)
	for c := range out {
		out[c] = Theme{ID: c, Terms: []string{}, Scores: []float64{}, Top: []int64{}}
	}
	for id, c := range community {
		out[c].Size++
		out[c].Top = append(out[c].Top, int64(id))
	}
	for c := range out {
		top := out[c].Top
		if pagerank != nil {
			sort.SliceStable(top, func(i, j int) bool { return pagerank[top[i]] > pagerank[top[j]] })
		}
	}
	return out
}

// termCounts are the term frequencies of c-TF-IDF, per theme and overall.
type termCounts struct {
	counts []map[string]int // tf(t, c)
	size   []int            // |c|
	total  map[string]int   // f(t)
	df     map[string]int   // works whose text has t
	cdf    []map[string]int // works of c whose text has t
	texts  int              // works with text
	ctexts []int            // works of c with text
}

// countTerms counts the (folded) terms of each work into its community's
// counts among k.
func countTerms(k int, community []int, terms [][]string) *termCounts {
	tc := &termCounts{
		counts: make([]map[string]int, k),
		size:   make([]int, k),
		total:  map[string]int{},
		df:     map[string]int{},
		cdf:    make([]map[string]int, k),
		ctexts: make([]int, k),
	}
	for id, ts := range terms {
		c := community[id]
		if tc.counts[c] == nil && len(ts) > 0 {
			tc.counts[c] = map[string]int{}
			tc.cdf[c] = map[string]int{}
		}
		if len(ts) > 0 {
			tc.texts++
			tc.ctexts[c]++
		}
		seen := map[string]bool{}
		for _, t := range ts {
			tc.counts[c][t]++
			tc.total[t]++
			if !seen[t] {
				seen[t] = true
				tc.df[t]++
				tc.cdf[c][t]++
			}
		}
		tc.size[c] += len(ts)
	}
	return tc
}

// label returns up to nterms terms of theme c, best c-TF-IDF score first
// (avg is the mean theme size A), with their scores.
func (tc *termCounts) label(c int, avg float64, nterms int) ([]string, []float64) {
	type scored struct {
		term  string
		score float64
	}
	list := make([]scored, 0, len(tc.counts[c]))
	for t, tf := range tc.counts[c] {
		s := float64(tf) / float64(tc.size[c]) * math.Log(1+avg/float64(tc.total[t]))
		list = append(list, scored{t, s})
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if na, nb := strings.Count(a.term, " "), strings.Count(b.term, " "); na != nb {
			return na > nb
		}
		return a.term < b.term
	})
	terms, scores := []string{}, []float64{}
	// Labels name what sets a theme apart: first skip terms of the
	// whole corpus and terms of a single work, then relax.
	for pass := 0; pass < 3 && len(terms) < nterms; pass++ {
		for _, s := range list {
			if len(terms) == nterms {
				break
			}
			if slices.Contains(terms, s.term) || overlaps(s.term, terms) {
				continue
			}
			if pass < 2 && tc.texts >= minTextsForCorpusTerms && 2*tc.df[s.term] > tc.texts {
				continue // in more than half of all texts: the corpus's topic
			}
			if pass < 1 && tc.ctexts[c] >= 2 && tc.cdf[c][s.term] < 2 {
				continue // in one work of the theme only
			}
			if pass < 1 && 2*tc.counts[c][s.term] < tc.total[s.term] {
				continue // mostly found in other themes
			}
			terms = append(terms, s.term)
			scores = append(scores, s.score)
		}
	}
	return terms, scores
}

// foldPlurals maps every term to its plural-folded key (stemS on each
// word) and returns, for each key, the surface form found most often (ties
// to the first in lexical order).
func foldPlurals(terms [][]string) ([][]string, map[string]string) {
	forms := map[string]map[string]int{}
	out := make([][]string, len(terms))
	for i, ts := range terms {
		out[i] = make([]string, len(ts))
		for j, t := range ts {
			words := strings.Fields(t)
			for w := range words {
				words[w] = stemS(words[w])
			}
			key := strings.Join(words, " ")
			out[i][j] = key
			if forms[key] == nil {
				forms[key] = map[string]int{}
			}
			forms[key][t]++
		}
	}
	display := make(map[string]string, len(forms))
	for key, fs := range forms {
		best, bestN := "", 0
		for f, n := range fs {
			if n > bestN || n == bestN && f < best {
				best, bestN = f, n
			}
		}
		display[key] = best
	}
	return out, display
}

// stemS is Harman's "S" stemmer (D. Harman, How effective is suffixing?,
// JASIS 42(1), 1991): "-ies" → "-y", "-es" → "-e", "-s" → "" unless the word
// ends in "-aies", "-eies", "-aes", "-ees", "-oes", "-us" or "-ss". It only
// folds plurals, so the keys stay readable.
func stemS(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// minTextsForCorpusTerms is the number of works with text from which a
// term found in more than half of them counts as a term of the whole corpus
// and is left out of theme labels (as max_df = 0.5 does in scikit-learn).
const minTextsForCorpusTerms = 6

// overlaps reports whether term shares a word with one of chosen.
func overlaps(term string, chosen []string) bool {
	words := strings.Fields(term)
	for _, c := range chosen {
		for _, w := range strings.Fields(c) {
			if slices.Contains(words, w) {
				return true
			}
		}
	}
	return false
}
