package graph

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// ErrBadID means an identifier is not valid for its scheme (wrong form or
// check digit).
var ErrBadID = errors.New("graph: invalid identifier")

var (
	rePMID     = regexp.MustCompile(`^[1-9][0-9]{0,9}$`)
	rePMCID    = regexp.MustCompile(`^PMC[1-9][0-9]{0,9}$`)
	reArXivNew = regexp.MustCompile(`^[0-9]{4}\.[0-9]{4,5}$`)
	reArXivOld = regexp.MustCompile(`^[a-z][a-z.-]*(?:\.[A-Z]{2})?/[0-9]{7}$`)
	reOpenAlex = regexp.MustCompile(`^[WASICFP][1-9][0-9]{0,12}$`)
	reS2       = regexp.MustCompile(`^[0-9a-f]{40}$`)
	reDigits   = regexp.MustCompile(`^[0-9]+$`)
	reWoS      = regexp.MustCompile(`^WOS:[0-9A-Z]{15}$`)
	reScopus   = regexp.MustCompile(`^2-s2\.0-[0-9]{5,}$`)
	reArXivVer = regexp.MustCompile(`v[0-9]+$`)
)

// NormalizeID returns the canonical form of an identifier of the given
// scheme (one of the ID* constants; DOIs go through NormalizeDOI), or
// ErrBadID when it is not valid: PMIDs are digits; PMCIDs "PMC" and digits
// ("pmc123", "123" with the scheme pmcid are accepted); arXiv IDs lose the
// "arXiv:" prefix, the resolver and the version; OpenAlex IDs lose the
// resolver; Semantic Scholar IDs are 40 lower-case hex digits; ISBNs are 13
// digits with a valid check digit (ISBN-10s are converted); ISSNs are
// "1234-567X" with a valid check digit; WoS UTs are "WOS:" and 15
// characters; Scopus EIDs "2-s2.0-" and digits. Schemes without rules
// (doc_number, proquest_id, lens, embase, pii, mag, s2corpus) are trimmed
// of space only, and must not be empty. NormalizeID is idempotent.
func NormalizeID(scheme, v string) (string, error) {
	v = strings.TrimSpace(v)
	bad := func() (string, error) { return "", fmt.Errorf("%w: %s %q", ErrBadID, scheme, v) }
	if v == "" {
		return bad()
	}
	switch scheme {
	case "doi":
		return NormalizeDOI(v)
	case IDPMID:
		v = strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(v), "pmid:"), "https://pubmed.ncbi.nlm.nih.gov/")
		v = strings.Trim(v, " /")
		if !rePMID.MatchString(v) {
			return bad()
		}
	case IDPMCID:
		v = strings.ToUpper(strings.TrimSpace(v))
		v = strings.TrimPrefix(v, "PMCID:")
		v = strings.TrimSpace(v)
		if reDigits.MatchString(v) {
			v = "PMC" + strings.TrimLeft(v, "0")
		}
		if !rePMCID.MatchString(v) {
			return bad()
		}
	case IDArXiv:
		l := strings.ToLower(v)
		for _, p := range []string{"https://arxiv.org/abs/", "http://arxiv.org/abs/", "arxiv.org/abs/", "arxiv:"} {
			l = strings.TrimPrefix(l, p)
		}
		v = reArXivVer.ReplaceAllString(strings.TrimSpace(l), "")
		if !reArXivNew.MatchString(v) && !reArXivOld.MatchString(v) {
			return bad()
		}
	case IDOpenAlex:
		for _, p := range []string{"https://openalex.org/", "http://openalex.org/", "openalex.org/"} {
			v = strings.TrimPrefix(v, p)
		}
		if v == "" {
			return bad()
		}
		v = strings.ToUpper(v[:1]) + v[1:]
		if !reOpenAlex.MatchString(v) {
			return bad()
		}
	case IDS2:
		v = strings.ToLower(v)
		if !reS2.MatchString(v) {
			return bad()
		}
	case IDISBN:
		isbn, ok := normalizeISBN(v)
		if !ok {
			return bad()
		}
		v = isbn
	case IDISSN:
		issn, ok := normalizeISSN(v)
		if !ok {
			return bad()
		}
		v = issn
	case IDWoS:
		v = strings.ToUpper(strings.ReplaceAll(v, " ", ""))
		if !strings.HasPrefix(v, "WOS:") {
			v = "WOS:" + v
		}
		if !reWoS.MatchString(v) {
			return bad()
		}
	case IDScopus:
		if reDigits.MatchString(v) {
			v = "2-s2.0-" + v
		}
		if !reScopus.MatchString(v) {
			return bad()
		}
	}
	return v, nil
}

// Replacers built once: a strings.Replacer is costly to build and safe to
// share.
var (
	isbnSeparators = strings.NewReplacer("-", "", " ", "", "‐", "")
	issnNoise      = strings.NewReplacer("-", "", " ", "", "ISSN", "", ":", "")
)

// normalizeISBN returns the ISBN-13 of an ISBN-10 or ISBN-13 with valid
// check digits, hyphens and spaces removed.
func normalizeISBN(v string) (string, bool) {
	v = strings.ToUpper(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(v)), "ISBN"))
	v = strings.TrimLeft(v, ":- ")
	v = isbnSeparators.Replace(v)
	switch len(v) {
	case 10:
		sum := 0
		for i, c := range v {
			d := int(c - '0')
			if c == 'X' && i == 9 {
				d = 10
			} else if c < '0' || c > '9' {
				return "", false
			}
			sum += (10 - i) * d
		}
		if sum%11 != 0 {
			return "", false
		}
		v = "978" + v[:9]
		return v + string(rune('0'+isbn13Check(v))), true
	case 13:
		if !reDigits.MatchString(v) || !strings.HasPrefix(v, "978") && !strings.HasPrefix(v, "979") {
			return "", false
		}
		if int(v[12]-'0') != isbn13Check(v[:12]) {
			return "", false
		}
		return v, true
	}
	return "", false
}

func isbn13Check(twelve string) int {
	sum := 0
	for i, c := range twelve {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += w * int(c-'0')
	}
	return (10 - sum%10) % 10
}

// normalizeISSN returns "1234-567X" for an ISSN with a valid check digit.
func normalizeISSN(v string) (string, bool) {
	v = strings.ToUpper(issnNoise.Replace(v))
	if len(v) != 8 {
		return "", false
	}
	sum := 0
	for i, c := range v[:7] {
		if c < '0' || c > '9' {
			return "", false
		}
		sum += (8 - i) * int(c-'0')
	}
	check := (11 - sum%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	if v[7] != want {
		return "", false
	}
	return v[:4] + "-" + v[4:], true
}

// identityKeys returns the identifiers of a record that make it the same
// work as another record holding one of them: its DOI and its valid
// identifiers of the schemes that name one work (ISSNs name a journal and
// ISBNs may name a book that several records are chapters of, so they do
// not count), as "scheme:value" strings, sorted.
func identityKeys(doi string, ids map[string]string) []string {
	var out []string
	if doi != "" {
		out = append(out, "doi:"+doi)
	}
	for scheme, v := range ids {
		switch scheme {
		case IDPMID, IDPMCID, IDArXiv, IDOpenAlex, IDS2, IDCorpusID, IDWoS, IDScopus, IDMAG, IDLens, IDEmbase:
			if n, err := NormalizeID(scheme, v); err == nil {
				out = append(out, scheme+":"+n)
			}
		}
	}
	sort.Strings(out)
	return out
}
