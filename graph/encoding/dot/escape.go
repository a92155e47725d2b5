package dot

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanText returns s as text fit for a label: invalid UTF-8 bytes become
// U+FFFD, every run of white space (newlines, carriage returns, tabs, no-break
// spaces …) becomes one space, other control characters are dropped, and
// leading and trailing space is trimmed.
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
		case unicode.IsControl(r):
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

// quoteText returns the lines of text as one double-quoted DOT string that
// GraphViz shows as exactly those lines, centred. The lines must be cleaned
// (cleanText): valid UTF-8 without control characters. Besides the quote
// and the backslash, '&' is written as "&amp;" because GraphViz decodes HTML
// entities in labels and tooltips, and U+FFFD as "&#xFFFD;" because gonum's
// DOT lexer rejects it as a raw character.
func quoteText(k textKind, lines ...string) string { return quoteLines(k, `\n`, lines) }

// quoteLeft is quoteText with every line left-justified (\l).
func quoteLeft(lines ...string) string {
	q := quoteLines(asLabel, `\l`, lines)
	return q[:len(q)-1] + `\l"`
}

func quoteLines(k textKind, sep string, lines []string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, l := range lines {
		if i > 0 {
			b.WriteString(sep)
		}
		for _, r := range l {
			switch r {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				if k == asTooltip {
					b.WriteString(`\\\\`)
				} else {
					b.WriteString(`\\`)
				}
			case '&':
				b.WriteString("&amp;")
			case utf8.RuneError:
				b.WriteString("&#xFFFD;")
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteID returns s as a double-quoted DOT ID. '"' is written \" and '\'
// as \\, so that a Key ending in a backslash cannot swallow the closing
// quote (GraphViz then keeps the backslash doubled in the node's name,
// which only the SVG's <title> shows). Bytes that are not valid, printable
// UTF-8, and U+FFFD, are written as %XX so that GraphViz and gonum's lexer
// both accept the ID.
func quoteID(s string) string {
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
