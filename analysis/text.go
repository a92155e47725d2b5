package analysis

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// WorkText returns the text that speaks for a work, one part a line: its
// title; its abstract (or, when it has none, the texts of its abstract
// sections); the statements other works make about it (w.CitedBy); and for
// an unnamed citing work (KindCiting) the statements on its outgoing Cites
// edges, which are the sentences it is known by. Repeated parts appear
// once.
//
// Names are not text: the in-text citations a statement holds (the Text of
// its Mentions, such as "Repper and Carter 2011") are cut out of it, each
// leaving a ";" so that no bigram spans the gap, and a mention
// (KindMention), known only by such citations, has no text at all. The
// statements on a citing work's edges carry no mentions, so they are taken
// from the statement of the same text in the cited works' CitedBy. g must
// be the graph w belongs to.
func WorkText(g *graph.Graph, w *graph.Work) string {
	var parts []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	add(w.Title)
	if w.Abstract != "" {
		add(w.Abstract)
	} else {
		for _, s := range w.AbstractSections {
			add(s.Text)
		}
	}
	for _, st := range w.CitedBy {
		add(cutMentions(st.Text, st.Mentions))
	}
	if w.Kind == graph.KindCiting {
		// The statements in the order first met, with the mentions the
		// cited works record for each.
		var texts []string
		mentions := map[string][]graph.Mention{}
		works := g.Works()
		for _, to := range g.OutCites(w.ID()) {
			e, ok := g.Edge(w.ID(), to).(*graph.Edge)
			if !ok {
				continue
			}
			for _, st := range e.Statements {
				if _, seen := mentions[st.Text]; !seen {
					texts = append(texts, st.Text)
					mentions[st.Text] = nil
				}
				for _, c := range works[to].CitedBy {
					if c.Text == st.Text {
						mentions[st.Text] = append(mentions[st.Text], c.Mentions...)
					}
				}
			}
		}
		for _, t := range texts {
			add(cutMentions(t, mentions[t]))
		}
	}
	return strings.Join(parts, "\n")
}

// cutMentions returns text with every occurrence of each mention's Text
// replaced by ";".
func cutMentions(text string, ms []graph.Mention) string {
	for _, m := range ms {
		if m.Text != "" {
			text = strings.ReplaceAll(text, m.Text, ";")
		}
	}
	return text
}

// workTerms returns the terms of every work's text, indexed by node ID.
func workTerms(g *graph.Graph) [][]string {
	terms := make([][]string, g.Len())
	for i, w := range g.Works() {
		terms[i] = termsOf(WorkText(g, w))
	}
	return terms
}

// termsOf returns the terms of text in order of appearance. The text is cut
// into clauses at line breaks and punctuation (hyphens and apostrophes do
// not cut), each clause loses its possessive "'s" endings and is folded
// with graph.Fold and split into words, and
// a word is kept unless it is a stopword, shorter than three letters or a
// number. Each kept word is a term, and so is each bigram of two kept words
// that stand next to each other in one clause ("peer support"); a dropped
// word or a clause boundary between two words breaks the bigram.
func termsOf(text string) []string {
	var out []string
	for _, clause := range strings.FieldsFunc(text, isClauseBreak) {
		prev := ""
		for _, tok := range strings.Fields(graph.Fold(dropAcronymPlural(dropPossessive(clause)))) {
			if !keepToken(tok) {
				prev = ""
				continue
			}
			out = append(out, tok)
			if prev != "" {
				out = append(out, prev+" "+tok)
			}
			prev = tok
		}
	}
	return out
}

// dropPossessive removes the possessive "'s" (or "’s") at the end of words,
// so that "people's" gives "people", not the "peoples" graph.Fold would make
// of it.
func dropPossessive(s string) string {
	if !strings.ContainsAny(s, "'’") {
		return s
	}
	rs := []rune(s)
	out := rs[:0]
	for i := 0; i < len(rs); i++ {
		if (rs[i] == '\'' || rs[i] == '’') && i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') &&
			(i+2 == len(rs) || !unicode.IsLetter(rs[i+2]) && !unicode.IsDigit(rs[i+2])) {
			i++
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// reAcronymPlural matches the plural of an acronym: "PSWs", "NGOs".
var reAcronymPlural = regexp.MustCompile(`\b(\p{Lu}{2,})s\b`)

// dropAcronymPlural turns "PSWs" into "PSW", so that an acronym and its
// plural are one term ("psw", not "psw" and "psws").
func dropAcronymPlural(s string) string {
	if !strings.Contains(s, "s") {
		return s
	}
	return reAcronymPlural.ReplaceAllString(s, "$1")
}

// isClauseBreak reports whether r ends a clause for the tokeniser: a line
// break or any punctuation but hyphens and apostrophes.
func isClauseBreak(r rune) bool {
	switch r {
	case '\n', '\r':
		return true
	case '-', '\'', '’', '\u2010', '\u2011':
		return false
	}
	return unicode.IsPunct(r)
}

// keepToken reports whether a folded word becomes a term.
func keepToken(tok string) bool {
	if utf8.RuneCountInString(tok) < 3 || stopwords[tok] {
		return false
	}
	for _, r := range tok {
		if !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// minTextCosine is the smallest TF-IDF cosine for which two works are text
// neighbours.
const minTextCosine = 0.05

// textPair is a pair of works a < b whose texts are near, with the cosine
// of their TF-IDF vectors.
type textPair struct {
	a, b   int64
	cosine float64
}

// textNeighbours returns the text links of CommunityGraph: every work with
// terms is paired with its k most similar other works (cosine descending,
// ties by ID), counting only pairs with cosine ≥ minTextCosine; the union
// of these choices, each pair once, sorted by a then b.
//
// Vectors are TF-IDF over the works with terms, as scikit-learn's
// TfidfVectorizer does by default: raw term counts times the smoothed idf
// ln((1+N)/(1+df)) + 1, normalised to unit length, so the cosine is the
// dot product. Dot products are summed over shared terms in term order, so
// cos(a, b) and cos(b, a) are the same number.
//
// Comparing every pair of works that share a term costs Σ_t df_t² over the
// terms t, which is quadratic in the corpus when a few words are in every
// title (100,000 generated records on a handful of topic words did not
// finish in 5 minutes). The commonest terms are therefore left out, as
// scikit-learn's max_df leaves them out: terms are taken from the rarest up
// while Σ df² stays within textPairBudget(postings), and the rest are
// dropped from every vector before weighting. Such terms have the smallest
// idf, so they carry the least of any cosine. A corpus whose terms all fit
// the budget (every corpus under about 10,000 works) is compared exactly.
// Cost is O(P log P + budget) for P term occurrences.
func textNeighbours(terms [][]string, k int) []textPair {
	if k <= 0 {
		return nil
	}
	docs, vecs, nterms := termVectors(terms)
	if len(docs) < 2 {
		return nil
	}
	postings := make([][]posting, nterms)
	for d, v := range vecs {
		for _, e := range v {
			postings[e.term] = append(postings[e.term], posting{d, e.w})
		}
	}
	var pairs []textPair
	acc := make([]float64, len(docs))
	var touched []int
	best := make([]posting, 0, k)
	for d, v := range vecs {
		touched = touched[:0]
		for _, e := range v {
			for _, p := range postings[e.term] {
				if p.doc == d {
					continue
				}
				if acc[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				acc[p.doc] += e.w * p.w
			}
		}
		best = best[:0]
		for _, o := range touched {
			if c := acc[o]; c >= minTextCosine {
				best = keepBest(best, k, posting{o, c})
			}
			acc[o] = 0
		}
		for _, c := range best {
			a, b := docs[d], docs[c.doc]
			if b < a {
				a, b = b, a
			}
			pairs = append(pairs, textPair{a, b, c.w})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	// A pair chosen from both ends appears twice with the same cosine
	// (sums run in term order either way).
	out := pairs[:0]
	for i, p := range pairs {
		if i > 0 && p.a == pairs[i-1].a && p.b == pairs[i-1].b {
			continue
		}
		out = append(out, p)
	}
	return out
}

// posting is one work's weight for a term (or, in textNeighbours' top-k
// list, a candidate work and its cosine).
type posting struct {
	doc int
	w   float64
}

// termEntry is one term of a work's TF-IDF vector.
type termEntry struct {
	term int
	w    float64
}

// keepBest inserts c into best, a list of at most k candidates ordered by
// cosine descending and then work, and returns it.
func keepBest(best []posting, k int, c posting) []posting {
	before := func(x, y posting) bool { return x.w > y.w || (x.w == y.w && x.doc < y.doc) }
	if len(best) == k {
		if !before(c, best[k-1]) {
			return best
		}
		best = best[:k-1]
	}
	i := sort.Search(len(best), func(i int) bool { return before(c, best[i]) })
	best = append(best, posting{})
	copy(best[i+1:], best[i:])
	best[i] = c
	return best
}

// textPairBudget is how many term-sharing comparisons textNeighbours makes
// for p term occurrences: a fixed allowance that covers every corpus of a
// few thousand works whole, plus a multiple of p, so the work stays linear.
func textPairBudget(p int) int { return 100_000_000 + 32*p }

// termVectors returns the works with terms (their IDs in order), their unit
// TF-IDF vectors sorted by term, and the number of term IDs. Term IDs
// follow the sorted vocabulary, so they do not depend on map order. Terms
// beyond the budget of textPairBudget, commonest first, are left out.
func termVectors(terms [][]string) (docs []int64, vecs [][]termEntry, nterms int) {
	vocab := map[string]int{}
	for id, ts := range terms {
		if len(ts) == 0 {
			continue
		}
		docs = append(docs, int64(id))
		for _, t := range ts {
			vocab[t] = 0
		}
	}
	if len(docs) < 2 {
		return docs, nil, 0
	}
	words := make([]string, 0, len(vocab))
	for t := range vocab {
		words = append(words, t)
	}
	sort.Strings(words)
	for i, t := range words {
		vocab[t] = i
	}
	df := make([]int, len(words))
	vecs = make([][]termEntry, len(docs))
	postings := 0
	for d, id := range docs {
		counts := map[int]int{}
		for _, t := range terms[id] {
			counts[vocab[t]]++
		}
		v := make([]termEntry, 0, len(counts))
		for t, c := range counts {
			v = append(v, termEntry{t, float64(c)})
			df[t]++
		}
		postings += len(v)
		sort.Slice(v, func(i, j int) bool { return v[i].term < v[j].term })
		vecs[d] = v
	}
	keep := termsWithinBudget(df, textPairBudget(postings))
	n := float64(len(docs))
	for d, v := range vecs {
		kept := v[:0]
		var norm float64
		for _, e := range v {
			if !keep[e.term] {
				continue
			}
			e.w *= math.Log((1+n)/(1+float64(df[e.term]))) + 1
			norm += e.w * e.w
			kept = append(kept, e)
		}
		norm = math.Sqrt(norm)
		for i := range kept {
			kept[i].w /= norm
		}
		vecs[d] = kept
	}
	return docs, vecs, len(words)
}

// termsWithinBudget marks the terms kept: from the rarest up (ties by term
// ID) while the sum of df² stays within budget.
func termsWithinBudget(df []int, budget int) []bool {
	keep := make([]bool, len(df))
	total := 0
	for _, d := range df {
		total += d * d
	}
	if total <= budget {
		for t := range keep {
			keep[t] = true
		}
		return keep
	}
	order := make([]int, len(df))
	for t := range order {
		order[t] = t
	}
	sort.SliceStable(order, func(i, j int) bool { return df[order[i]] < df[order[j]] })
	total = 0
	for _, t := range order {
		if total += df[t] * df[t]; total > budget {
			break
		}
		keep[t] = true
	}
	return keep
}
