package graph

import (
	"errors"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Errors NormalizeDOI returns; callers branch on them with errors.Is.
var (
	// ErrNoDOI means the string holds no DOI at all.
	ErrNoDOI = errors.New("graph: no DOI")
	// ErrBadDOI means the string looks like a DOI but is not a valid one.
	ErrBadDOI = errors.New("graph: malformed DOI")
)

// doiPrefixes are the resolver and scheme prefixes NormalizeDOI removes, in
// the order tried (longest first where one is a prefix of another).
var doiPrefixes = []string{
	"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
	"https://www.doi.org/", "http://www.doi.org/", "doi.org/", "dx.doi.org/",
	"info:doi/", "urn:doi:", "doi:", "doi ",
}

// NormalizeDOI returns the DOI in s in its canonical form: lower case,
// without resolver prefix ("https://doi.org/", "doi:"), surrounding space or
// trailing punctuation that a sentence added. It returns ErrNoDOI for an
// empty string and ErrBadDOI when what remains does not have the form
// "10.<registrant>/<suffix>". NormalizeDOI is idempotent.
func NormalizeDOI(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ErrNoDOI
	}
	s = strings.ToLower(s)
	for changed := true; changed; {
		changed = false
		for _, p := range doiPrefixes {
			if strings.HasPrefix(s, p) {
				s = strings.TrimSpace(s[len(p):])
				changed = true
			}
		}
	}
	s = trimDOIEnd(percentDecode(s))
	if !strings.HasPrefix(s, "10.") {
		return "", ErrBadDOI
	}
	reg, suffix, ok := strings.Cut(s[3:], "/")
	if !ok || reg == "" || suffix == "" {
		return "", ErrBadDOI
	}
	for _, r := range reg {
		if !(r >= '0' && r <= '9') && r != '.' {
			return "", ErrBadDOI
		}
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			return "", ErrBadDOI
		}
	}
	return s, nil
}

// trimDOIEnd removes the punctuation a sentence or a list put after a DOI:
// full stops, commas, quotes, and closing brackets that have no opening
// bracket in the DOI. A closing bracket the DOI opened stays: COCI's
// "10.1130/2015.2513(00)" is a whole DOI (issue 12).
func trimDOIEnd(s string) string {
	for s != "" {
		c := s[len(s)-1]
		switch c {
		case '.', ',', ';', ':', '"', '\'', ' ', '\t':
		case ')', ']', '}', '>':
			open := map[byte]byte{')': '(', ']': '[', '}': '{', '>': '<'}[c]
			if strings.Count(s, string(open)) >= strings.Count(s, string(c)) {
				return s
			}
		default:
			return s
		}
		s = s[:len(s)-1]
	}
	return s
}

// percentDecode decodes the %XX escapes of a DOI taken from a URL or a
// link resolver ("…S0025-7753%2817%2930624-3" is "…S0025-7753(17)30624-3"),
// repeating until none is left so that decoding is idempotent; an escape
// that is not two hex digits stays as it is.
func percentDecode(s string) string {
	for strings.Contains(s, "%") {
		var b strings.Builder
		changed := false
		for i := 0; i < len(s); i++ {
			if s[i] == '%' && i+2 < len(s) {
				if h, ok := unhex2(s[i+1], s[i+2]); ok {
					b.WriteByte(h)
					i += 2
					changed = true
					continue
				}
			}
			b.WriteByte(s[i])
		}
		if !changed {
			break
		}
		s = strings.ToLower(b.String())
	}
	return s
}

func unhex2(a, b byte) (byte, bool) {
	v := func(c byte) (byte, bool) {
		switch {
		case c >= '0' && c <= '9':
			return c - '0', true
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10, true
		case c >= 'A' && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	x, ok1 := v(a)
	y, ok2 := v(b)
	return x<<4 | y, ok1 && ok2
}

// CleanText collapses runs of white space (including no-break spaces) to
// one space, drops control characters and trims the ends. It is idempotent.
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
	return cleanText(s)
}

// cleanText is CleanText without the shortcut for text that is clean
// already.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || r == utf8.RuneError:
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

// isClean reports whether CleanText would return s unchanged.
func isClean(s string) bool {
	prevSpace := true // no leading space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case c < 0x20 || c == 0x7f:
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}

// Fold returns s in lower case with diacritics removed and every run of
// characters that are not letters or digits turned into one space: the form
// titles and names are compared in.
func Fold(s string) string {
	// Bytes that are not UTF-8 become a separator first: left in, they
	// stop NFKD from decomposing the letter after them ("\xf2Ť" folded to
	// "ť", and "ť" to "t"), and Fold would not be idempotent (issue 16).
	s = norm.NFKD.String(strings.ToValidUTF8(s, " "))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' {
			continue // diacritics go; "supporter's" and "supporters" compare equal
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		// Lower case first, then the special spellings: 'ẞ' lowers to 'ß',
		// which must fold as 'ß' does (issue 16, found by trying every rune).
		r = unicode.ToLower(r)
		if rep, ok := foldSpecial[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldSpecial maps lower-case letters that NFKD does not decompose to
// their usual ASCII spelling (Fold looks them up after lowering, so the
// capitals 'Ø', 'Æ', 'ẞ' … need no entry).
var foldSpecial = map[rune]string{
	'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ł': "l", 'đ': "d", 'ı': "i", 'þ': "th",
}

// TitleKey returns the key under which two titles count as the same: the
// folded title without a trailing bracketed qualifier such as "(Review)" or
// "[Editorial]", which aggregators add to a title. Empty for an empty title.
//
// Inline markup that publishers and PubMed leave in titles
// ("ApoE<sup>-/-</sup>", "<i>Escherichia coli</i>") is taken out first, and
// a full stop after the qualifier does not keep it ("… syndrome (HUS)." and
// "… syndrome (HUS)" have one key).
func TitleKey(title string) string {
	t := strings.TrimSpace(title)
	if strings.IndexByte(t, '<') >= 0 {
		t = reInlineMarkup.ReplaceAllString(t, "")
	}
	for {
		t = strings.TrimRight(t, ". ")
		if n := len(t); n > 0 && (t[n-1] == ')' || t[n-1] == ']') {
			open := strings.LastIndexAny(t, "([")
			if open > 0 {
				t = strings.TrimSpace(t[:open])
				continue
			}
		}
		break
	}
	return Fold(t)
}

// reInlineMarkup matches the tags of inline markup in a title: HTML's and
// JATS's emphasis, super- and subscripts, small capitals and MathML.
var reInlineMarkup = regexp.MustCompile(`(?i)</?(?:sup|sub|i|b|em|strong|u|scp|sc|span|italic|bold|inline-formula|math|mml:[a-z]+)(?:\s[^<>]*)?/?>`)

// nameParticles are lower-case words that belong to a family name that
// follows them ("van der Berg", "de Souza").
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"da": true, "das": true, "do": true, "dos": true, "di": true, "du": true, "la": true, "le": true,
	"ter": true, "ten": true, "bin": true, "al": true, "el": true, "st": true, "st.": true,
}

var nameSuffixes = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// ParseName splits a person's name as pages print it into family and given
// parts. It reads "Family, Given" and "Given [particles] Family" (with a
// trailing "Jr."/"III" kept with the given names). A single word is taken as
// the family name.
func ParseName(s string) Author {
	s = CleanText(s)
	s = strings.Trim(s, " ,;")
	if s == "" {
		return Author{}
	}
	if fam, giv, ok := strings.Cut(s, ","); ok {
		fam, giv = strings.TrimSpace(fam), strings.TrimSpace(giv)
		if !nameSuffixes[strings.ToLower(giv)] {
			return Author{Family: fam, Given: giv}
		}
		// "Given Family, Jr.": the comma only sets off the suffix.
		s = fam + " " + giv
	}
	words := strings.Fields(s)
	suffix := ""
	if n := len(words); n > 1 && nameSuffixes[strings.ToLower(strings.TrimSuffix(words[n-1], ","))] {
		suffix = strings.TrimSuffix(words[n-1], ",")
		words = words[:n-1]
		words[len(words)-1] = strings.TrimSuffix(words[len(words)-1], ",")
	}
	if len(words) == 1 {
		return Author{Family: words[0], Given: suffix}
	}
	start := len(words) - 1
	for start > 1 && nameParticles[strings.ToLower(words[start-1])] {
		start--
	}
	a := Author{Family: strings.Join(words[start:], " "), Given: strings.Join(words[:start], " ")}
	if suffix != "" {
		a.Given += ", " + suffix
	}
	return a
}

func sortStrings(s []string) { sort.Strings(s) }
