package graph

import (
	"strconv"
	"strings"
)

// Link records how one reference occurrence was tied to the work it names:
// the method, a score and the reference as its source printed it. Every
// Cites edge made from a reference list keeps one Link per occurrence, so
// each link can be audited.
type Link struct {
	// Method is how the cited work was found: "doi", "pmid", "pmcid",
	// "arxiv", "openalex", "s2", … (a shared identifier), "title" (same
	// title and year), "title+author" (similar title, same first author and
	// year ±1), "author-year-venue" (first author, year and venue, with
	// volume and page agreeing where given: Web of Science's cited
	// references), or "new" (nothing matched: the reference became a work of
	// its own).
	Method string
	// Score is how sure the match is, 0–1: 1 for a shared identifier or an
	// identical title; for the fuzzy methods, the evidence combined as
	// Matcher documents. A "new" link scores 0.
	Score  float64
	Raw    string
	Source Source
}

// MatchThreshold is the least score at which a reference without a shared
// identifier or identical title is tied to a work.
const MatchThreshold = 0.75

// matchStop are words left out when comparing titles and venues.
var matchStop = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "on": true, "for": true,
	"to": true, "with": true, "by": true, "at": true, "from": true, "de": true, "la": true, "et": true,
	"und": true, "der": true, "die": true, "des": true, "du": true, "le": true, "les": true,
}

// sigWords returns the folded words of s that carry meaning (no stopwords,
// no single letters).
func sigWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(Fold(s)) {
		if len(w) > 1 && !matchStop[w] {
			out = append(out, w)
		}
	}
	return out
}

// containment returns the share of words found in the set.
func containment(words []string, set map[string]bool) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if set[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// abbreviates reports whether a (an abbreviated word, "hlth", "adm",
// "manag") can stand for w ("health", "administration", "management"): same
// first letter and a's letters appear in w in order. Equal words count.
func abbreviates(a, w string) bool {
	if a == w {
		return true
	}
	if a == "" || w == "" || a[0] != w[0] || len(a) > len(w) {
		return false
	}
	j := 0
	for i := 0; i < len(w) && j < len(a); i++ {
		if w[i] == a[j] {
			j++
		}
	}
	return j == len(a)
}

// venueIn reports whether a reference names the venue, written out or
// abbreviated as ISO 4 and Web of Science abbreviate titles: each printed
// word a contraction or truncation of the next significant word of the
// venue, stopwords dropped, the abbreviation possibly cut short ("ADM
// POLICY MENT HLTH" for "Administration and Policy in Mental Health and
// Mental Health Services Research", "N Engl J Med" for "New England
// Journal of Medicine").
//
// When the reference sets its venue apart (printed, from a Web of Science
// cited reference), every printed word must match, in order from the
// venue's first word. Otherwise the venue is looked for among the
// reference's words (tokens): all its words must match in a row, followed
// by the end of the string or a number (year, volume, page), or at least
// three of them when the rest is cut off by such a number.
func venueIn(printed string, tokens []string, venue string) bool {
	vw := sigWords(venue)
	if len(vw) == 0 {
		return false
	}
	if printed != "" {
		var pw []string
		for _, t := range strings.Fields(Fold(printed)) {
			if !matchStop[t] {
				pw = append(pw, t)
			}
		}
		if len(pw) == 0 || len(pw) > len(vw) {
			return false
		}
		for k, t := range pw {
			if !abbreviates(t, vw[k]) {
				return false
			}
		}
		return len(pw) >= min(2, len(vw))
	}
	numeric := func(t string) bool {
		t = strings.TrimLeft(t, "vp")
		return t != "" && strings.Trim(t, "0123456789") == ""
	}
	for start := range tokens {
		if matchStop[tokens[start]] {
			continue
		}
		matched, k := 0, start
		for ; matched < len(vw) && k < len(tokens); k++ {
			t := tokens[k]
			if matchStop[t] {
				continue
			}
			if !abbreviates(t, vw[matched]) {
				break
			}
			matched++
		}
		ends := k == len(tokens) || numeric(tokens[k])
		if ends && (matched == len(vw) && matched >= 1 && (len(vw) > 1 || len(tokens[start]) > 1) || matched >= 3) {
			return true
		}
	}
	return false
}

// refEvidence is what a reference offers for matching.
type refEvidence struct {
	ref       Reference
	fields    RefFields
	surname   string // folded
	titleSet  map[string]bool
	titleWs   []string
	tokens    []string // of the raw string, or of the structured fields
	tokenSet  map[string]bool
	volume    string
	firstPage string
}

func newRefEvidence(ref Reference) *refEvidence {
	e := &refEvidence{ref: ref}
	if ref.Raw != "" {
		e.fields = ParseReference(ref.Raw)
	}
	if ref.DOI == "" {
		ref.DOI = e.fields.DOI
		e.ref.DOI = e.fields.DOI
	}
	if ref.Year == 0 {
		e.ref.Year = e.fields.Year
	}
	s := ""
	if len(ref.Authors) > 0 {
		s = ref.Authors[0].Family
	} else {
		s = e.fields.Surname
	}
	e.surname = Fold(s)
	e.titleWs = sigWords(ref.Title)
	e.titleSet = wordSet(e.titleWs)
	e.tokens = e.fields.Tokens
	if len(e.tokens) == 0 {
		e.tokens = strings.Fields(Fold(ref.Title + " " + ref.Venue))
	} else if ref.Venue != "" {
		e.tokens = append(e.tokens, strings.Fields(Fold(ref.Venue))...)
	}
	e.tokenSet = wordSet(e.tokens)
	e.volume = firstNonEmpty(ref.Volume, e.fields.Volume)
	e.firstPage = firstPage(firstNonEmpty(ref.Pages, e.fields.FirstPage))
	return e
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// firstPage returns the first page of a page range: "544" of "544–547".
func firstPage(p string) string {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, "-–—"); i > 0 {
		p = p[:i]
	}
	return strings.TrimLeft(strings.TrimSpace(p), "pP. ")
}

// score rates a candidate work for a reference found in the candidate's
// block (same first author, year within one). It returns the method and a
// score in [0, 1], or a negative score when evidence contradicts the match:
// a different DOI, volume or first page, or a title that clearly differs.
//
// The evidence: title — the share of the candidate's title words found in
// the reference (its title, or its raw string when it has none);
// venue — the candidate's venue found in the reference, written out or
// abbreviated; volume and first page equal. The scores:
//
//	title share ≥ 0.8:               title+author, 0.7 + 0.3·share (−0.1 for year ±1)
//	no title evidence, venue found:   author-year-venue, 0.8, +0.1 each for volume and page agreeing
//	no title evidence, no venue:      author-year, 0.6, +0.1 each for volume and page agreeing
//
// so that, at MatchThreshold 0.75, a Web of Science cited reference needs
// the venue, or volume and page, to agree.
func (e *refEvidence) score(w *Work) (method string, score float64) {
	if e.ref.DOI != "" && w.DOI != "" && e.ref.DOI != w.DOI {
		return "", -1
	}
	vol, page := 0.0, 0.0
	if e.volume != "" && w.Volume != "" {
		if !strings.EqualFold(e.volume, w.Volume) {
			return "", -1
		}
		vol = 0.1
	}
	if e.firstPage != "" && w.Pages != "" {
		if !strings.EqualFold(e.firstPage, firstPage(w.Pages)) {
			return "", -1
		}
		page = 0.1
	}
	yearPenalty := 0.0
	if e.ref.Year != 0 && w.Year != 0 && e.ref.Year != w.Year {
		yearPenalty = 0.1
	}
	wt := sigWords(w.Title)
	if len(wt) > 0 {
		var share float64
		if len(e.titleWs) > 0 {
			// Both titles known: the smaller share of either in the other.
			share = min(containment(wt, e.titleSet), containment(e.titleWs, wordSet(wt)))
			if share < 0.5 {
				return "", -1
			}
		} else {
			share = containment(wt, e.tokenSet)
		}
		if share >= 0.8 {
			return "title+author", min(1, 0.7+0.3*share-yearPenalty)
		}
		if len(e.titleWs) > 0 || share >= 0.3 {
			return "", -1 // the title is there and it is another one
		}
	}
	if w.Venue != "" && venueIn(firstNonEmpty(e.ref.Venue, e.fields.Venue), e.tokens, w.Venue) {
		return "author-year-venue", min(1, 0.8+vol+page-yearPenalty)
	}
	return "author-year", min(1, 0.6+vol+page-yearPenalty)
}

// blockKey is the blocking key of a work or reference: folded first-author
// family name and year.
func blockKey(surname string, year int) string {
	return Fold(surname) + "|" + strconv.Itoa(year)
}
