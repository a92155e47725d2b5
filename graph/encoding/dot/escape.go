package dot

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText returns s as text fit for a label: invalid UTF-8 bytes become
// U+FFFD, every run of white space (newlines, carriage returns, tabs, no-break
// spaces …) becomes one space, other control characters and the
// bidirectional controls (Unicode's Bidi_Control, as attr.IsBidiControl)
// are dropped, and leading and
// trailing space is trimmed.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			// Invalid byte; kept visible as the replacement character.
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shorten returns at most maxWords words and maxRunes runes of s (already
// cleaned), with "…" appended when anything was cut.
func shorten(s string, maxWords, maxRunes int) string {
	words := strings.Fields(s)
	cut := false
	if len(words) > maxWords {
		words, cut = words[:maxWords], true
	}
	out := strings.Join(words, " ")
	if utf8.RuneCountInString(out) > maxRunes {
		out = strings.TrimSpace(string([]rune(out)[:maxRunes]))
		cut = true
	}
	if cut {
		out += "…"
	}
	return out
}

// textKind says which GraphViz escString rules a quoted value goes through.
type textKind uint8

const (
	// asLabel: label, xlabel and the graph and cluster labels. GraphViz
	// substitutes \N, \G …, decodes HTML entities, then reads \n, \l, \r and
	// turns any other \x into x; so a backslash is written \\.
	asLabel textKind = iota
	// asTooltip: tooltips. GraphViz first decodes HTML entities and turns
	// every \x into x (\n, \l and \r into line breaks), then substitutes \N,
	// \G … and reads \\ as \; so a backslash is written \\\\ (measured with
	// GraphViz 2.43, and what lib/common/emit.c's preprocessTooltip does).
	asTooltip
)

// Limits of the strings we write. GraphViz's scanner reads a quoted or an
// HTML-like string into one buffer of 16,384 bytes and rejects a longer one
// ("syntax error … scanning a quoted string (missing endquote? longer than
// 16384?)"; with dot 2.43 a label of 16,381 characters reads and one of
// 16,382 does not). A title of 17,000 characters made graph.dot unreadable
// (issue 16).
const (
	// maxString is the most bytes of a string we write, its quotes and
	// escapes included.
	maxString = 16000
	// maxLabelLine is the most runes of one line of a label: longer lines
	// are cut and end in "…" (a label of 16,000 characters is also more
	// than GraphViz lays out: "Edge length … larger than maximum 65535").
	maxLabelLine = 200
)

// quoteText returns the lines of text as one double-quoted DOT string that
// GraphViz shows as exactly those lines, centred. The lines must be cleaned
// (cleanText): valid UTF-8 without control characters. Besides the quote
// and the backslash, '&' is written as "&amp;" because GraphViz decodes HTML
// entities in labels and tooltips, and U+FFFD as "&#xFFFD;" because gonum's
// DOT lexer rejects it as a raw character.
//
// The string stays within GraphViz's limits: a line of a label (asLabel)
// keeps at most maxLabelLine runes, and when the lines escaped would pass
// maxString bytes the longest are cut, on a rune, to fit, each ending in
// "…", so that a tooltip keeps all its short lines (year, venue, DOI) and
// as much of a long title as GraphViz reads. The other outputs keep the
// whole text.
func quoteText(k textKind, lines ...string) string { return quoteLines(k, `\n`, lines) }

// quoteLeft is quoteText with every line left-justified (\l).
func quoteLeft(lines ...string) string {
	q := quoteLines(asLabel, `\l`, lines)
	return q[:len(q)-1] + `\l"`
}

func quoteLines(k textKind, sep string, lines []string) string {
	if k == asLabel {
		cut := make([]string, len(lines))
		for i, l := range lines {
			cut[i] = cutRunes(l, maxLabelLine)
		}
		lines = cut
	}
	// The budget leaves room for the quotes, the separators and the \l
	// quoteLeft adds.
	limits := fitLines(k, lines, maxString-4-len(sep)*len(lines))
	var b strings.Builder
	b.WriteByte('"')
	for i, l := range lines {
		if i > 0 {
			b.WriteString(sep)
		}
		escapeLine(&b, k, l, limits[i])
	}
	b.WriteByte('"')
	return b.String()
}

// fitLines returns the most escaped bytes each line may take so that all
// take at most budget: lines shorter than an equal share of what the
// shorter ones leave keep their length (-1: no limit), the others share
// the rest equally.
func fitLines(k textKind, lines []string, budget int) []int {
	limits := make([]int, len(lines))
	sizes := make([]int, len(lines))
	total := 0
	for i, l := range lines {
		limits[i] = -1
		sizes[i] = escapedLen(k, l)
		total += sizes[i]
	}
	if total <= budget {
		return limits
	}
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return sizes[order[a]] < sizes[order[b]] })
	for n, i := range order {
		share := budget / (len(lines) - n)
		if sizes[i] <= share {
			budget -= sizes[i]
			continue
		}
		limits[i] = max(share, 0)
		budget -= limits[i]
	}
	return limits
}

// escapeRune returns how quoteText writes r, or "" when it writes r as it
// stands.
func escapeRune(k textKind, r rune) string {
	switch r {
	case '"':
		return `\"`
	case '\\':
		if k == asTooltip {
			return `\\\\`
		}
		return `\\`
	case '&':
		return "&amp;"
	case utf8.RuneError:
		return "&#xFFFD;"
	}
	return ""
}

// escapedLen returns the bytes escapeLine writes for l without a limit.
func escapedLen(k textKind, l string) int {
	n := 0
	for _, r := range l {
		if e := escapeRune(k, r); e != "" {
			n += len(e)
		} else {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// escapeLine writes l escaped for a DOT string of kind k. With limit >= 0
// (fitLines gives one only to a line that does not fit) it writes the
// runes that fit in limit bytes with "…" after them, and "…" alone when
// none does.
func escapeLine(b *strings.Builder, k textKind, l string, limit int) {
	const ellipsis = "…"
	n := 0
	for _, r := range l {
		e := escapeRune(k, r)
		size := len(e)
		if e == "" {
			size = utf8.RuneLen(r)
		}
		if limit >= 0 && n+size+len(ellipsis) > limit {
			b.WriteString(ellipsis)
			return
		}
		if e != "" {
			b.WriteString(e)
		} else {
			b.WriteRune(r)
		}
		n += size
	}
}

// cutRunes returns s cut to at most n runes, the last "…" when cut.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	return strings.TrimRight(string(r), " ") + "…"
}

// quoteID returns s as a double-quoted DOT ID. '"' is written \" and '\'
// as \\, so that a Key ending in a backslash cannot swallow the closing
// quote (GraphViz then keeps the backslash doubled in the node's name,
// which only the SVG's <title> shows). Bytes that are not valid, printable
// UTF-8, and U+FFFD, are written as %XX so that GraphViz and gonum's lexer
// both accept the ID.
//
// An ID longer than GraphViz reads (maxString: a hostile DOI of thousands of
// characters makes such a Key) is written as its first bytes, "…" and 16
// hex digits of the SHA-256 of the whole, so that different IDs stay
// different and every mention of one ID reads the same.
func quoteID(s string) string {
	if len(s) > maxString/4 {
		if q := quoteIDBytes(s); len(q) <= maxString {
			return q
		}
		sum := sha256.Sum256([]byte(s))
		cut := maxString / 8
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return quoteIDBytes(s[:cut] + "…" + hex.EncodeToString(sum[:8]))
	}
	return quoteIDBytes(s)
}

// quoteIDBytes is quoteID without the length limit.
func quoteIDBytes(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError || unicode.IsControl(r):
			for _, c := range []byte(s[i : i+n]) {
				percent(&b, c)
			}
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// dotKeywords may not stand as bare IDs.
var dotKeywords = map[string]bool{"node": true, "edge": true, "graph": true, "digraph": true, "subgraph": true, "strict": true}

// value returns a value we control (a keyword such as "filled", a colour, a
// number) bare when DOT allows it and quoted otherwise. Never use it for
// text from the data: that goes through quoteText.
func value(s string) string {
	if s == "" || dotKeywords[strings.ToLower(s)] {
		return quoteID(s)
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			if isNumeral(s) {
				return s
			}
			return quoteID(s)
		}
	}
	return s
}

// isNumeral reports whether s is a DOT numeral: [-]?(.[0-9]+ | [0-9]+(.[0-9]*)?).
func isNumeral(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasDot := strings.Cut(s, ".")
	digits := func(t string) bool {
		for _, r := range t {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	if !digits(intPart) || !digits(frac) {
		return false
	}
	if intPart == "" {
		return hasDot && frac != ""
	}
	return true
}

// num formats a float with three decimals, as every number we write.
func num(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// doiURL returns the doi.org URL of a DOI, percent-encoding everything but
// letters, digits and -._~/:() so that the URL needs no escaping in DOT or
// in the SVG GraphViz writes (GraphViz 2.43 copies a URL's '&' into SVG
// unescaped).
func doiURL(doi string) string {
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for _, c := range []byte(doi) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			strings.IndexByte("-._~/:()", c) >= 0:
			b.WriteByte(c)
		default:
			percent(&b, c)
		}
	}
	return b.String()
}

// percent writes c as %XX.
func percent(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}
