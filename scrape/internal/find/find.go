package find

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reYear      = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)
	reCitedYear = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)[a-z]?\b`)
)

// Year returns the first year from 1500 to 2099 that stands as a word of
// its own in s ("2016 Jan 15", "DEC 2019"; not "1998a" nor "12000"), or
// 0 when there is none.
func Year(s string) int { return first(reYear, s) }

// CitedYear returns the first year as Year does, a letter after it
// allowed ("1998a": the letter that tells one author's works of a year
// apart), or 0.
func CitedYear(s string) int { return first(reCitedYear, s) }

func first(re *regexp.Regexp, s string) int {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

// The characters that end a DOI besides white space, in the text it is
// looked for in (see DOI).
const (
	InField = ""    // a field or URL of its own
	InHTML  = `"<>` // the text or attributes of HTML and XML
)

// DOI returns the first DOI written in s: "10.", 4 to 9 digits, "/", and
// what follows up to white space or one of the characters of ends (those
// that end a DOI in the text it stands in: `"<>` in HTML, ",;" in a
// reference string, none in a field of its own), or "" when there is none.
// It is the DOI as written: graph.NormalizeDOI cleans it. It finds what
// the regular expression 10\.\d{4,9}/[^\s<ends>]+ finds.
func DOI(s, ends string) string {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "10.")
		if j < 0 {
			return ""
		}
		start := i + j
		k := start + 3
		for k < len(s) && k-start-3 < 10 && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if n := k - start - 3; n >= 4 && n <= 9 && k < len(s) && s[k] == '/' {
			e := k + 1
			for e < len(s) && !ends1(s[e], ends) {
				e++
			}
			if e > k+1 {
				return s[start:e]
			}
		}
		i = start + 1
	}
	return ""
}

// ends1 reports whether c ends a DOI: white space (as \s has it) or one
// of ends.
func ends1(c byte, ends string) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return strings.IndexByte(ends, c) >= 0
}
