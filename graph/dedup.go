package graph

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Merge rules: how Build tied a record to the work it became (records.csv's
// rule column). Each merge has a score in [0, 1].
const (
	RuleIdentifier  = "identifier"   // a shared DOI or other identifier (the scheme is named: "doi", "pmid" …)
	RuleSameRecord  = "same-record"  // the same content (fingerprint) in two sources
	RuleTitle       = "title"        // same title key and year, fields agreeing
	RuleTitleTypo   = "title-typo"   // titles a few letters apart, year, authors and fields agreeing
	RuleSubtitle    = "subtitle"     // one title is the other's without its subtitle, fields agreeing
	RuleTranslation = "translation"  // one record gives the other's title as its translated title
	RuleYearApart   = "title-year±1" // same title a year apart, authors, volume and pages agreeing
	RuleDecision    = "decision"     // a reviewer's "same" ruling
)

// MergeThreshold is the least score at which two records without a shared
// identifier are merged; pairs that score at least ReviewThreshold but
// below MergeThreshold, or that a rule rejects for one disagreeing field,
// are listed for a person to decide (Graph.Reviews).
const (
	MergeThreshold  = 0.9
	ReviewThreshold = 0.75
)

// Review is a pair of records that may describe the same work but were
// not merged: the reviewer settles it with a decisions file.
type Review struct {
	A, B   int     // indexes into the records given to Build, A < B
	Score  float64 // how alike they are, 0–1
	Reason string  // what agrees and what kept them apart
}

// dedupKey is what deduplication compares of a record, computed once.
type dedupKey struct {
	title   string   // title key (TitleKey)
	alt     string   // title key of a trailing bracketed translated title, "" when none
	sig     []string // significant words of the title
	surname string   // first author's family name, folded, particles dropped
	names   []string // words (≥ 3 letters) of the first author's name
	page    string   // first page, lower case
	volume  string
	issue   string
	venue   []string // significant words of the venue
	meeting bool     // the venue is a conference, meeting or supplement
	journal bool     // the venue is a journal
}

// meetingWords mark a venue as a meeting's (abstracts, proceedings of a
// conference) rather than a journal's.
var meetingWords = map[string]bool{"conference": true, "congress": true, "meeting": true, "symposium": true,
	"abstracts": true, "workshop": true, "suppl": true, "supplement": true, "colloquium": true, "proceedings": true}

// journalWords mark a venue as a journal's.
var journalWords = map[string]bool{"journal": true, "review": true, "quarterly": true, "letters": true, "annals": true,
	"transactions": true, "bulletin": true, "archives": true, "magazine": true, "medicine": true, "research": true}

func newDedupKey(r *Record) dedupKey {
	k := dedupKey{title: TitleKey(r.Title), sig: sigWords(stripMarkup(r.Title))}
	if t := strings.TrimRight(strings.TrimSpace(r.Title), ". *"); strings.HasSuffix(t, "]") {
		if open := strings.LastIndex(t, "["); open > 0 {
			if alt := TitleKey(t[open+1 : len(t)-1]); strings.Count(alt, " ") >= 2 {
				k.alt = alt
			}
		}
	}
	if len(r.Authors) > 0 {
		k.surname = surnameKey(r.Authors[0].Family)
		for _, w := range strings.Fields(Fold(r.Authors[0].Family + " " + r.Authors[0].Given)) {
			if len(w) >= 3 && !nameParticles[w] {
				k.names = append(k.names, w)
			}
		}
	}
	k.page = strings.ToLower(firstPage(r.Pages))
	k.volume = r.Volume
	if k.volume == strconv.Itoa(r.Year) {
		k.volume = "" // a year printed as the volume ("2016 May")
	}
	k.issue = r.Issue
	k.venue = sigWords(r.Venue)
	for _, w := range k.venue {
		k.meeting = k.meeting || meetingWords[w]
		k.journal = k.journal || journalWords[w]
	}
	if k.meeting && k.journal {
		// "Proceedings of the National Academy of Sciences", "Journal
		// of … Conference Series": which it is, the words do not say.
		k.meeting, k.journal = false, false
	}
	return k
}

// surnameKey folds a family name and drops its leading particles, so that
// "von Pawel" and "Pawel" compare equal (issue 12).
func surnameKey(family string) string {
	ws := strings.Fields(Fold(family))
	for len(ws) > 1 && nameParticles[ws[0]] {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// stripMarkup removes HTML and XML tags that databases leave in titles
// ("ApoE<sup>-/-</sup>") and decodes the common entities.
func stripMarkup(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' {
			if j := strings.IndexByte(s[i:], '>'); j > 1 && j < 40 && isTag(s[i+1:i+j]) {
				i += j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'", "&nbsp;", " ").Replace(b.String())
}

// isTag reports whether s (between < and >) is a tag name with optional
// attributes: "sup", "/i", "span class=x".
func isTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	s = strings.TrimSuffix(s, "/")
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	name, _, _ := strings.Cut(s, " ")
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return len(name) <= 10
}

// agreement is what two records' descriptive fields say about their
// being one work.
type agreement struct {
	conflict string // the field that disagrees, "" when none
	fields   int    // fields given by both and equal: pages, volume, issue, venue
	author   bool   // same first-author family name
}

// compare compares the fields of two records that identify a printed work.
// Pages are compared whole: a supplement page ("S571") differs from page
// 571, and a meeting's venue from a journal's, so that a conference
// abstract is never merged with the journal article (issue 12).
func compare(a, c *Record, ka, kc *dedupKey) agreement {
	var g agreement
	if a.DOI != "" && c.DOI != "" && a.DOI != c.DOI {
		g.conflict = "doi"
		return g
	}
	if ka.page != "" && kc.page != "" {
		switch {
		case ka.page == kc.page:
			g.fields++
		case isNumber(ka.page) && isNumber(kc.page), isSupplementPage(ka.page) || isSupplementPage(kc.page):
			g.conflict = "pages"
			return g
		}
	}
	if ka.volume != "" && kc.volume != "" {
		if sameVolume(ka.volume, kc.volume) || leadingDigits(ka.volume) != "" && leadingDigits(ka.volume) == leadingDigits(kc.volume) {
			g.fields++
		} else {
			g.conflict = "volume"
			return g
		}
	}
	if ka.issue != "" && kc.issue != "" {
		da, dc := leadingDigits(ka.issue), leadingDigits(kc.issue)
		switch {
		case strings.EqualFold(ka.issue, kc.issue) || da != "" && da == dc:
			g.fields++
		case da != "" && dc != "":
			g.conflict = "issue"
			return g
		}
	}
	if len(ka.venue) > 0 && len(kc.venue) > 0 {
		if ka.meeting && kc.journal || ka.journal && kc.meeting {
			g.conflict = "venue"
			return g
		}
		if sameVenue(ka.venue, kc.venue) {
			g.fields++
		}
	}
	if ka.surname != "" && kc.surname != "" {
		switch {
		case ka.surname == kc.surname || len(ka.surname) >= 5 && editDistance(ka.surname, kc.surname, 1) <= 1:
			g.author = true // "Hiessl" and "Hiess"
		case sharesWord(ka.names, kc.names):
			// The given and family names swapped ("Andrea, C." for
			// Carignani, Andrea): not a contradiction, not agreement.
		default:
			g.conflict = "first author"
		}
	}
	return g
}

// decisive reports whether a disagreement rules the pair out: any but a
// first author written differently when pages, volume and issue agree
// ("Jooa Julia" for "Lee, Jooa Julia" in one database).
func (g agreement) decisive() bool {
	return g.conflict != "" && !(g.conflict == "first author" && g.fields >= 3)
}

// sameVenue reports whether two venues' significant words are one's
// abbreviation of the other or share most words.
func sameVenue(a, c []string) bool {
	if len(a) > len(c) {
		a, c = c, a
	}
	n := 0
	for _, w := range a {
		for _, v := range c {
			if abbreviates(w, v) {
				n++
				break
			}
		}
	}
	return n*2 > len(a) || n >= 3
}

func sharesWord(a, c []string) bool {
	for _, w := range a {
		for _, v := range c {
			if w == v || len(w) >= 5 && len(v) >= 5 && editDistance(w, v, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

func isNumber(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// isSupplementPage reports whether a page is a supplement's: "S571", "s12".
func isSupplementPage(p string) bool {
	return len(p) > 1 && (p[0] == 's' || p[0] == 'S') && isNumber(p[1:])
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// editDistance returns the Levenshtein distance of a and b (bytes), or
// limit+1 when it exceeds limit; it computes only the band of width limit
// around the diagonal, O(len·limit).
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	inf := limit + 1
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		for j := range cur {
			cur[j] = inf
		}
		if lo == 1 {
			cur[0] = min(i, inf)
		}
		best := inf
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1, inf)
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return inf
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], inf)
}

// titleRelation says how two titles relate: the rule that would merge the
// records and the title's score, or "" when the titles are different.
func titleRelation(ka, kc *dedupKey) (string, float64) {
	a, c := ka.title, kc.title
	switch {
	case a == "" || c == "":
		return "", 0
	case a == c:
		return RuleTitle, 1
	case ka.alt != "" && (ka.alt == c || ka.alt == kc.alt) || kc.alt != "" && kc.alt == a:
		return RuleTranslation, 0.95
	}
	// A typo never changes a number: "Part 1" and "Part 2", "phase II"
	// trials of two drugs numbered apart, are different works.
	if n := max(len(a), len(c)); n >= 20 && digits(a) == digits(c) {
		limit := n / 10
		if d := editDistance(a, c, limit); d <= limit {
			return RuleTitleTypo, 1 - float64(d)/float64(n)
		}
	}
	short, long := a, c
	if len(short) > len(long) {
		short, long = long, short
	}
	if strings.HasPrefix(long, short+" ") && strings.Count(short, " ") >= 2 {
		return RuleSubtitle, 0.9
	}
	return "", 0
}

// digits returns the digits of s in order, with a space between numbers.
func digits(s string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		d := s[i] >= '0' && s[i] <= '9'
		if d && !in && b.Len() > 0 {
			b.WriteByte(' ')
		}
		if d {
			b.WriteByte(s[i])
		}
		in = d
	}
	return b.String()
}

// pairVerdict decides a candidate pair: merge with a rule and score, or
// list for review with a reason, or neither.
func pairVerdict(a, c *Record, ka, kc *dedupKey) (rule string, score float64, review string) {
	rule, ts := titleRelation(ka, kc)
	if rule == "" {
		return "", 0, ""
	}
	dy := a.Year - c.Year
	undated := a.Year == 0 && c.Year == 0 && rule == RuleTitle && strings.Count(ka.title, " ") >= 5
	if (a.Year == 0 || c.Year == 0) && !undated || dy > 1 || dy < -1 {
		return "", 0, "" // too little to tell works apart
	}
	g := compare(a, c, ka, kc)
	if g.decisive() {
		return "", ts * 0.9, fmt.Sprintf("%s titles, but the %s differs", rule, g.conflict)
	}
	// The reasons above start with the title rule: fuzzyMerge reports
	// equal titles kept apart by a DOI or pages among the conflicts.
	strong := g.author && g.fields >= 2
	switch {
	case dy != 0:
		if ts >= 0.95 && g.author && ka.page != "" && ka.page == kc.page && ka.volume != "" {
			return RuleYearApart, 0.9, ""
		}
		return "", ts * 0.8, fmt.Sprintf("%s titles a year apart (%d, %d)", rule, a.Year, c.Year)
	case rule == RuleTitle:
		if g.author || ka.surname == "" || kc.surname == "" || g.fields >= 1 {
			return RuleTitle, 1, ""
		}
		return "", 0.85, "same title and year, first authors differ in form"
	case rule == RuleTitleTypo && ts >= 0.95 && (g.author && g.fields >= 1 || strong):
		return rule, ts, ""
	case (rule == RuleTitleTypo || rule == RuleSubtitle || rule == RuleTranslation) && strong:
		return rule, max(ts, MergeThreshold), ""
	}
	return "", ts * 0.85, fmt.Sprintf("%s titles, same year; %d fields and the first author (%v) agree", rule, g.fields, g.author)
}

// fuzzyMerge merges records whose titles are alike but not equal
// (pairVerdict), comparing only records that share a block: year and first
// page, first author and year, or the first words of the title and year.
// Blocks larger than maxBlock are compared only between neighbours in title
// order, so the cost stays O(R·maxBlock).
func (b *builder) fuzzyMerge() {
	const maxBlock = 48
	blocks := map[string][]int{}
	for i := range b.recs {
		r, k := &b.recs[i], &b.dk[i]
		if k.title == "" {
			continue
		}
		blocks["k|"+strconv.Itoa(r.Year)+"|"+k.title] = append(blocks["k|"+strconv.Itoa(r.Year)+"|"+k.title], i)
		if r.Year == 0 {
			continue
		}
		for _, y := range []int{r.Year, r.Year + 1} {
			ys := strconv.Itoa(y)
			if k.page != "" {
				blocks["p|"+ys+"|"+k.page] = append(blocks["p|"+ys+"|"+k.page], i)
			}
			if k.surname != "" {
				blocks["a|"+ys+"|"+k.surname] = append(blocks["a|"+ys+"|"+k.surname], i)
			}
			for _, t := range []string{k.title, k.alt} {
				if ws := strings.Fields(t); len(ws) >= 2 {
					key := "t|" + ys + "|" + ws[0] + " " + ws[1]
					blocks[key] = append(blocks[key], i)
				}
			}
		}
	}
	type cand struct {
		i, j   int
		rule   string
		score  float64
		review string
	}
	seen := map[[2]int]bool{}
	var cands []cand
	consider := func(i, j int) {
		if i > j {
			i, j = j, i
		}
		p := [2]int{i, j}
		if i == j || seen[p] {
			return
		}
		seen[p] = true
		if b.uf.find(i) == b.uf.find(j) {
			return
		}
		rule, score, review := pairVerdict(&b.recs[i], &b.recs[j], &b.dk[i], &b.dk[j])
		if rule != "" || review != "" && score >= ReviewThreshold {
			cands = append(cands, cand{i, j, rule, score, review})
		}
	}
	for _, key := range sortedKeys(blocks) {
		m := blocks[key]
		if len(m) < 2 {
			continue
		}
		if len(m) > maxBlock {
			sort.SliceStable(m, func(x, y int) bool { return b.dk[m[x]].title < b.dk[m[y]].title })
			for x := range m {
				for y := x + 1; y < len(m) && y <= x+4; y++ {
					consider(m[x], m[y])
				}
			}
			continue
		}
		for x := range m {
			for y := x + 1; y < len(m); y++ {
				consider(m[x], m[y])
			}
		}
	}
	sort.Slice(cands, func(x, y int) bool {
		if cands[x].score != cands[y].score {
			return cands[x].score > cands[y].score
		}
		if cands[x].i != cands[y].i {
			return cands[x].i < cands[y].i
		}
		return cands[x].j < cands[y].j
	})
	for _, c := range cands {
		if c.rule != "" && b.joinBy(c.i, c.j, c.rule, c.score) {
			b.g.report.MergedByTitle++
			continue
		}
		if c.review == "" {
			continue
		}
		b.reviews = append(b.reviews, Review{A: c.i, B: c.j, Score: c.score, Reason: c.review})
		a, o := &b.recs[c.i], &b.recs[c.j]
		switch c.review {
		case RuleTitle + " titles, but the doi differs":
			b.g.report.Conflicts = append(b.g.report.Conflicts, fmt.Sprintf("title %q (%d) has 2 DOIs: %s, %s; not merged", b.dk[c.i].title, a.Year, min(a.DOI, o.DOI), max(a.DOI, o.DOI)))
		case RuleTitle + " titles, but the pages differs":
			b.g.report.Conflicts = append(b.g.report.Conflicts, fmt.Sprintf("title %q (%d) is printed at pages %s and %s; not merged", b.dk[c.i].title, a.Year, a.Pages, o.Pages))
		}
	}
}

// merge is the rule and score by which a record was tied to its work.
type merge struct {
	Rule  string
	Score float64
}
