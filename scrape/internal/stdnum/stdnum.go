package stdnum

import (
	"regexp"
	"strings"
)

var (
	reISSN   = regexp.MustCompile(`\b(\d{4})-?(\d{3}[\dXx])\b`)
	reISBN13 = regexp.MustCompile(`(?:^|[^\d])(97[89]\d{10})(?:$|[^\d])`)
	reISBN10 = regexp.MustCompile(`(?:^|[^\d])(\d{9}[\dXx])(?:$|[^\dXx])`)
)

// FindISSN returns the first ISSN in s as "NNNN-NNNC", or "".
func FindISSN(s string) string {
	m := reISSN.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1] + "-" + strings.ToUpper(m[2])
}

// FindISBN returns the first ISBN in s as 13 digits (an ISBN-10 is
// converted), or "" when s holds none.
func FindISBN(s string) string {
	s = strings.NewReplacer("-", "", " ", "").Replace(s)
	if m := reISBN13.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	m := reISBN10.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	b := append([]byte("978"), m[1][:9]...)
	sum := 0
	for i, c := range b {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(c-'0') * w
	}
	return string(append(b, byte('0'+(10-sum%10)%10)))
}

// ORCID returns the bare ORCID iD of s ("https://orcid.org/0000-0002-1825-
// 009x" → "0000-0002-1825-009X"): the part after the last "/", upper-cased,
// when it has the iD's form (four groups of four, dash-separated); ""
// otherwise. Like the functions above it checks the form, not the digits.
func ORCID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		s = s[i+1:]
	}
	if len(s) != 19 || s[4] != '-' || s[9] != '-' || s[14] != '-' {
		return ""
	}
	return strings.ToUpper(s)
}
