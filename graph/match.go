package graph

import (
	"slices"
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
	// volumes and pages are every volume and first page the reference
	// gives, from its structured fields and from its raw string: a reader
	// that split a reference wrongly ("J Informetr, 11, 4" read as venue
	// 11, volume 4) leaves the right value in one of them. A "volume"
	// equal to the reference's year is a misread and left out.
	volumes, pages []string
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
	for _, v := range []string{ref.Volume, e.fields.Volume} {
		if v != "" && v != strconv.Itoa(e.ref.Year) && !slices.Contains(e.volumes, v) {
			e.volumes = append(e.volumes, v)
		}
	}
	for _, p := range []string{firstPage(ref.Pages), e.fields.FirstPage} {
		if p != "" && !slices.Contains(e.pages, p) {
			e.pages = append(e.pages, p)
		}
	}
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
// a different DOI, volume or first page (see contradicts), a title that
// clearly differs, or a data set ("Data from: …") against a paper.
//
// The evidence: title — the share of the candidate's title words found in
// the reference (its title, or its raw string when it has none); when both
// titles are known, the smaller share of either in the other, raised to 0.9
// when one is the other's main title with a subtitle or series added (same
// year only), and ignoring words of the candidate's venue that a reader ran
// into the reference's title;
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
	if e.contradicts(w) {
		return "", -1
	}
	vol, page := 0.0, 0.0
	if len(e.volumes) > 0 && w.Volume != "" {
		vol = 0.1
	}
	if len(e.pages) > 0 && w.Pages != "" {
		page = 0.1
	}
	if isDataset(e.ref.Title) != isDataset(w.Title) && e.ref.Title != "" && w.Title != "" {
		return "", -1 // a data set and the paper it belongs to
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
			if share < 0.8 && (e.ref.Year == w.Year || e.ref.Year == 0) && sameMainTitle(e.ref.Title, w.Title) {
				share = 0.9 // one adds a subtitle or series the other leaves out
			}
			if share < 0.8 && onlyVenueAdded(e.titleWs, wt, w.Venue) {
				// The reference's title ran on into the venue
				// ("…mapping analysis, Journal of Informetrics"), as
				// readers of Scopus references split them.
				share = containment(wt, e.titleSet)
			}
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

// contradicts reports whether the reference and the work disagree on what
// identifies a work: a different DOI, volume or first page, where both
// give one.
func (e *refEvidence) contradicts(w *Work) bool {
	if e.ref.DOI != "" && w.DOI != "" && e.ref.DOI != w.DOI {
		return true
	}
	if len(e.volumes) > 0 && w.Volume != "" && !slices.ContainsFunc(e.volumes, func(v string) bool { return sameVolume(v, w.Volume) }) {
		return true
	}
	wp := firstPage(w.Pages)
	return len(e.pages) > 0 && wp != "" && !slices.ContainsFunc(e.pages, func(p string) bool { return strings.EqualFold(p, wp) })
}

// sameMainTitle reports whether two titles are the same but for what
// follows the main title in one of them (a subtitle after a colon or a
// full stop, a series name): the main title of one, of at least three
// significant words, has the same words as the other title.
func sameMainTitle(a, b string) bool {
	main := func(t string) string {
		if i := strings.IndexAny(t, ":?"); i > 0 {
			t = t[:i]
		}
		if i := strings.Index(t, ". "); i > 0 {
			t = t[:i]
		}
		return t
	}
	same := func(x, y []string) bool {
		if len(x) < 3 || len(x) != len(y) {
			return false
		}
		set := wordSet(y)
		for _, w := range x {
			if !set[w] {
				return false
			}
		}
		return true
	}
	aw, bw := sigWords(a), sigWords(b)
	return same(sigWords(main(a)), bw) || same(sigWords(main(b)), aw)
}

// sameVolume reports whether two printed volumes are the same: equal but
// for case, or the same number in Roman and Arabic numerals ("LIX" and
// "59", as Semantic Scholar and Web of Science print Mind's volume).
func sameVolume(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	// "4723" and "4723 LNCS": the same number with a series added.
	if na, nb := leadingNumber(a), leadingNumber(b); na != "" && na == nb && (na == a || nb == b) {
		return true
	}
	ra, rb := romanValue(a), romanValue(b)
	na, errA := strconv.Atoi(a)
	nb, errB := strconv.Atoi(b)
	return ra > 0 && errB == nil && ra == nb || rb > 0 && errA == nil && rb == na
}

// romanValue returns the value of a Roman numeral, or 0 when s is not one.
func romanValue(s string) int {
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	s = strings.ToUpper(s)
	if s == "" || len(s) > 15 {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := val[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && val[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if toRoman(n) != s {
		return 0 // not in canonical form ("IIII", "VX"): not a numeral we read
	}
	return n
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// isDataset reports whether a title names a data set deposited with a
// paper, as Dryad titles them ("Data from: <the paper's title>").
func isDataset(title string) bool {
	return strings.HasPrefix(Fold(title), "data from ")
}

// leadingNumber returns the digits a string starts with, followed by a
// space or the end: "4723" of "4723 LNCS", "" of "12a".
func leadingNumber(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i < len(s) && s[i] != ' ' {
		return ""
	}
	return s[:i]
}

// onlyVenueAdded reports whether the words of a reference's title that the
// work's title lacks are all words of the work's venue, written out or
// abbreviated, so that the reference title is the work's title with the
// venue run on.
func onlyVenueAdded(refWs, workWs []string, venue string) bool {
	vw := sigWords(venue)
	if len(vw) == 0 {
		return false
	}
	in := wordSet(workWs)
	extra := 0
	for _, t := range refWs {
		if in[t] {
			continue
		}
		extra++
		if !slices.ContainsFunc(vw, func(v string) bool { return abbreviates(t, v) }) {
			return false
		}
	}
	return extra > 0
}
