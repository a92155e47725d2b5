package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a range of bytes [Start, End) in a text.
type Span struct {
	Start, End int
}

// abbreviations end in a full stop that does not end a sentence, compared
// in lower case without the stop: "et al.", "e.g.", "Fig. 2", "vs.", "cf.".
// Words with a stop inside ("e.g", "i.e", "U.S") are abbreviations too, and
// so is a single letter (an initial: "J. Smith", "A. Petersen").
var abbreviations = map[string]bool{
	"al": true, "fig": true, "figs": true, "eq": true, "eqs": true, "eqn": true, "vs": true, "cf": true,
	"viz": true, "approx": true, "ca": true, "dr": true, "mr": true, "mrs": true, "ms": true, "prof": true,
	"no": true, "nos": true, "vol": true, "vols": true, "pp": true, "p": true, "st": true, "resp": true,
	"ref": true, "refs": true, "tab": true, "sect": true, "sec": true, "ch": true, "chap": true,
	"suppl": true, "jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"dept": true, "univ": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"var": true, "spp": true, "sp": true, "subsp": true, "ed": true, "eds": true, "est": true,
	"min": true, "max": true, "avg": true, "mol": true, "wt": true, "conc": true, "diam": true,
	"e": true, "i": true, "ibid": true, "op": true, "cit": true, "dept.": true, "incl": true,
	"esp": true, "approx.": true, "nr": true, "art": true, "para": true, "chs": true,
}

// Sentences returns the sentences of a paragraph as byte spans, in order,
// without the white space around them. A sentence ends at ".", "!", "?"
// or "…" (and the closing quotes and brackets right after it) followed by
// white space and a capital, a digit or an opening quote or bracket, or at
// the end of the text. A full stop after an abbreviation ("et al.", "e.g.",
// "i.e.", "Fig. 2", "vs."), an initial ("J. Smith") or inside a number
// ("3.5") does not end a sentence. Cost is linear in the text.
func Sentences(text string) []Span { return SentencesAround(text, nil) }

// SentencesAround is Sentences for a paragraph whose in-text citations are
// known: cites are their byte spans, sorted and not overlapping. A citation
// right after the end of a sentence belongs to that sentence when the next
// sentence starts after it (". [1] However", ".1,2 However"), and starts the
// next one when the text after it runs on in lower case (". [12] showed").
// White space inside cites is not read as a sentence break.
func SentencesAround(text string, cites []Span) []Span {
	var out []Span
	start := skipSpace(text, 0)
	ci := 0 // first cite not before i
	for i := 0; i < len(text); {
		for ci < len(cites) && cites[ci].End <= i {
			ci++
		}
		if ci < len(cites) && cites[ci].Start <= i {
			i = cites[ci].End // a citation never ends a sentence inside
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		// Closing quotes and brackets belong to the sentence.
		for end < len(text) && (ci >= len(cites) || cites[ci].Start != end) {
			c, n := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`"')]’”»`, c) {
				break
			}
			end += n
		}
		if r == '.' && !stopEnds(text, i) {
			i = end
			continue
		}
		// Citations right after the stop: ". [1]", ".[1]–[4]", ".1,2".
		next := end
		citesEnd := -1
		spaceBefore := false
		for k := ci; k < len(cites); k++ {
			j := skipSpace(text, next)
			if j > next && k == ci {
				spaceBefore = true
			}
			if cites[k].Start < j || cites[k].Start > skipSeparators(text, j) {
				break
			}
			next = cites[k].End
			citesEnd = next
		}
		// A narrative citation after the stop opens the next sentence:
		// ". Archambault et al. (2014) estimate".
		if citesEnd >= 0 && spaceBefore && startsWithCapitalWord(text, skipSpace(text, end)) {
			out = appendSpan(out, text, start, end)
			start = skipSpace(text, end)
			i = start
			continue
		}
		after := skipSpace(text, max(next, end))
		if citesEnd < 0 {
			if after == end && after < len(text) {
				// No space after the stop: "3.5", "U.S.A.", "e.g.The" stay
				// whole; "tissue.In a previous study", as PDF-derived
				// text joins sentences, is split.
				if joinedSentence(text, i, end) {
					out = appendSpan(out, text, start, end)
					start, i = end, end
					continue
				}
				i = end
				continue
			}
			if after < len(text) && !startsSentence(text, after) {
				i = end
				continue
			}
			out = appendSpan(out, text, start, end)
			start = after
			i = after
			continue
		}
		// Citations follow the stop.
		switch {
		case after >= len(text):
			out = appendSpan(out, text, start, len(text))
			start, i = len(text), len(text)
		case startsSentence(text, after) && after > citesEnd:
			out = appendSpan(out, text, start, citesEnd)
			start, i = after, after
		case spaceBefore && isLowerAt(text, after):
			// ". [12] showed": the citation opens the next sentence.
			out = appendSpan(out, text, start, end)
			start = skipSpace(text, end)
			i = citesEnd
		default:
			i = citesEnd
		}
	}
	if start < len(text) {
		out = appendSpan(out, text, start, len(text))
	}
	return out
}

func appendSpan(out []Span, text string, start, end int) []Span {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) && r != '\u00a0' {
			break
		}
		end -= n
	}
	if end > start {
		out = append(out, Span{start, end})
	}
	return out
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && r != '\u00a0' && r != '\u200b' {
			break
		}
		i += n
	}
	return i
}

// skipSeparators skips what stands between citations of a group: brackets,
// commas, semicolons and dashes ("[1]–[4]", "1,2").
func skipSeparators(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune("[](),;–—-‒ \u00a0", r) {
			break
		}
		i += n
	}
	return i
}

func isLowerAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLower(r)
}

// startsSentence reports whether a sentence can start at text[i]: a capital,
// a digit, or an opening quote or bracket.
func startsSentence(text string, i int) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	switch {
	case unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.Is(unicode.Lo, r):
		return true
	case strings.ContainsRune(`"'(“‘[«`, r):
		r2, _ := utf8.DecodeRuneInString(text[i+n:])
		return unicode.IsUpper(r2) || unicode.IsDigit(r2)
	}
	return false
}

// stopEnds reports whether the full stop at text[i] can end a sentence: it
// does not when it closes an abbreviation or an initial, or stands between
// digits.
func stopEnds(text string, i int) bool {
	// The word before the stop.
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	word := text[j:i]
	if word == "" {
		// After a digit, a bracket or a quote: "in 2015.", "(n = 3)."
		if i+1 < len(text) && i > 0 && isDigitByte(text[i-1]) && isDigitByte(text[i+1]) {
			return false
		}
		return true
	}
	lw := strings.ToLower(word)
	if abbreviations[lw] {
		// "in Fig." at the end of a paragraph still ends it; inside, a
		// sentence rarely ends with an abbreviation.
		return false
	}
	if strings.Contains(strings.Trim(word, "."), ".") {
		return false // e.g, i.e, U.S
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false // an initial
		}
	}
	return true
}

// startsWithCapitalWord reports whether text[i:] starts with a capital
// followed by a lower-case letter: a name, not a number or a bracket.
func startsWithCapitalWord(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsLower(r2)
}

// joinedSentence reports whether the stop at text[stop] with no space after
// it (next is the byte after it) ends a sentence that PDF-derived text ran
// into the next: a word of at least three letters or a closing bracket
// before it, and a capitalised word of at least two letters after it.
func joinedSentence(text string, stop, next int) bool {
	if !startsWithCapitalWord(text, next) {
		return false
	}
	j := stop
	letters := 0
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) {
			if letters == 0 && (r == ']' || r == ')' || r == ' ') {
				return true // "[25] .As", "(2010).The"
			}
			break
		}
		letters++
		j -= n
	}
	return letters >= 3 && !strings.Contains(text[max(0, j-1):stop], ".")
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
