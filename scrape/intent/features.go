package intent

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature hashing: every feature is a 64-bit FNV-1a hash of its namespace
// and text, folded into one of 1<<hashBits buckets. The functions here are
// shared by training and prediction, so a change to them changes the model.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func mix(a, b uint64) uint64 {
	h := a ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2))
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// Namespaces keep a word apart from the same string used as a bigram,
// a section or a cue.
var (
	nsWord    = fnvString(fnvOffset, "w:")
	nsBigram  = fnvString(fnvOffset, "b:")
	nsChar    = fnvString(fnvOffset, "c:")
	nsSection = fnvString(fnvOffset, "s:")
	nsMarker  = fnvString(fnvOffset, "m:")
	nsNeg     = fnvString(fnvOffset, "n:")
	nsBias    = fnvString(fnvOffset, "bias")
	nsNear    = fnvString(fnvOffset, "near:")
	nsLen     = fnvString(fnvOffset, "len:")
	nsNearW   = fnvString(fnvOffset, "nw:")
	nsSecWord = fnvString(fnvOffset, "sw:")
	nsFirst   = fnvString(fnvOffset, "first:")
	nsCites   = fnvString(fnvOffset, "ncite:")
	nsLex     = fnvString(fnvOffset, "lex:")
	nsLexSide = fnvString(fnvOffset, "lexside:")
	nsLexNeg  = fnvString(fnvOffset, "lexneg:")
	nsLexHas  = fnvString(fnvOffset, "lexhas:")
	nsLexMix  = fnvString(fnvOffset, "lexmix:")
)

// citeTok stands for a citation marker in the token stream.
const citeTok = "<cite>"

// negators open a negation scope that lasts to the next punctuation mark:
// the words in it are also counted as negated words ("not consistent").
var negators = map[string]bool{"not": true, "no": true, "never": true, "nor": true, "cannot": true, "without": true,
	"neither": true, "fail": true, "failed": true, "fails": true, "unable": true, "lack": true, "lacks": true, "nt": true}

// tokens splits a sentence into lower-case words, with citation markers
// ("[12]", "(Smith et al., 2010)", "#AUTHOR_TAG") replaced by citeTok and
// digits by "0". Punctuation that ends a clause is kept as ",".
func tokens(s string, buf []string) []string {
	out := buf[:0]
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			out = append(out, w.String())
			w.Reset()
		}
	}
	depth := 0 // inside brackets holding a year or number: a citation
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '#' && strings.HasPrefix(s[i:], "#AUTHOR_TAG"):
			flush()
			out = append(out, citeTok)
			i += len("#AUTHOR_TAG")
			continue
		case r == '[' || r == '(':
			flush()
			if end := citationEnd(s[i:]); end > 0 {
				out = append(out, citeTok)
				i += end
				continue
			}
			depth++
		case r == ']' || r == ')':
			flush()
			if depth > 0 {
				depth--
			}
		case unicode.IsLetter(r):
			w.WriteRune(unicode.ToLower(r))
		case unicode.IsDigit(r):
			if w.Len() == 0 || !strings.HasSuffix(w.String(), "0") {
				w.WriteByte('0')
			}
		case r == '\'' || r == '’' || r == '-':
			// "don't" → "dont"; "well-known" → "wellknown"
		case r == ',' || r == ';' || r == ':' || r == '.' || r == '!' || r == '?':
			flush()
			if len(out) == 0 || out[len(out)-1] != "," {
				out = append(out, ",")
			}
		default:
			flush()
		}
		i += n
	}
	flush()
	return out
}

// citationEnd returns the length of the bracketed citation s starts with
// ("[3]", "[3, 4-6]", "(Smith, 2010)", "(Smith et al. 2010a; Jones 2012)"),
// or 0 when the bracket holds something else. It looks at most 200 bytes
// ahead.
func citationEnd(s string) int {
	closer := byte(')')
	if s[0] == '[' {
		closer = ']'
	}
	lim := min(len(s), 200)
	end := strings.IndexByte(s[1:lim], closer)
	if end < 0 {
		return 0
	}
	inner := s[1 : end+1]
	if closer == ']' {
		for i := 0; i < len(inner); i++ {
			c := inner[i]
			if !(c >= '0' && c <= '9' || c == ',' || c == ' ' || c == '-' || c >= 0x80) {
				return 0
			}
		}
		return end + 2
	}
	// An author–year citation holds a four-digit year from 1800 to 2099.
	for i := 0; i+4 <= len(inner); i++ {
		if (inner[i] == '1' && inner[i+1] >= '8' || inner[i] == '2' && inner[i+1] == '0') &&
			isDigit(inner[i+1]) && isDigit(inner[i+2]) && isDigit(inner[i+3]) && (i+4 == len(inner) || !isDigit(inner[i+4])) && (i == 0 || !isDigit(inner[i-1])) {
			return end + 2
		}
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sectionClass reduces a section heading to one of a few kinds.
func sectionClass(section string) string {
	s := strings.ToLower(section)
	if i := strings.LastIndex(s, " > "); i >= 0 {
		s = s[:i] // the outermost heading decides
	}
	switch {
	case s == "":
		return "none"
	case strings.Contains(s, "related") || strings.Contains(s, "literature") || strings.Contains(s, "previous work"):
		return "related"
	case strings.Contains(s, "intro") || strings.Contains(s, "background") || strings.Contains(s, "motivation"):
		return "intro"
	case strings.Contains(s, "result") && strings.Contains(s, "discussion"):
		return "resdisc"
	case strings.Contains(s, "discussion") || strings.Contains(s, "limitation"):
		return "discussion"
	case strings.Contains(s, "result") || strings.Contains(s, "finding") || strings.Contains(s, "evaluation") || strings.Contains(s, "experiment"):
		return "results"
	case strings.Contains(s, "method") || strings.Contains(s, "material") || strings.Contains(s, "procedure") ||
		strings.Contains(s, "design") || strings.Contains(s, "participants") || strings.Contains(s, "analysis") || strings.Contains(s, "implementation"):
		return "method"
	case strings.Contains(s, "conclu") || strings.Contains(s, "summary") || strings.Contains(s, "future"):
		return "conclusion"
	}
	return "other"
}

// features appends the hashed features of a statement to dst, as bucket
// indexes (duplicates allowed: a feature seen twice counts twice).
func features(dst []uint32, toks []string, section string, bits uint) []uint32 {
	mask := uint64(1)<<bits - 1
	add := func(h uint64) { dst = append(dst, uint32(mix(h, 0x5bd1e995)&mask)) }
	add(nsBias)
	sc := sectionClass(section)
	add(fnvString(nsSection, sc))
	// each word with the section's kind, where there is a section
	secWord := uint64(0)
	if sc != "none" {
		secWord = fnvString(nsSecWord, sc)
	}
	neg := false
	prev := fnvString(fnvOffset, "<s>")
	firstCite, nwords := -1, 0
	for i, t := range toks {
		if t == "," {
			neg = false
		}
		h := fnvString(fnvOffset, t)
		add(mix(nsWord, h))
		add(mix(nsBigram, mix(prev, h)))
		if neg && t != "," {
			add(mix(nsNeg, h))
		}
		if negators[t] {
			neg = true
		}
		if t == citeTok {
			if firstCite < 0 {
				firstCite = i
			}
			if i > 0 {
				add(mix(nsNear, fnvString(fnvOffset, "l:"+toks[i-1])))
			}
			if i+1 < len(toks) {
				add(mix(nsNear, fnvString(fnvOffset, "r:"+toks[i+1])))
			}
		} else if t != "," {
			nwords++
			if secWord != 0 {
				add(mix(secWord, h))
			}
			if len(t) > 4 {
				// character 4-grams of longer words carry their stems
				for j := 0; j+4 <= len(t); j++ {
					add(fnvString(nsChar, t[j:j+4]))
				}
			}
		}
		prev = h
	}
	add(mix(nsBigram, mix(prev, fnvString(fnvOffset, "</s>"))))
	// Where the citation stands: start, middle, end or none.
	pos := "none"
	if firstCite >= 0 {
		switch f := float64(firstCite) / float64(len(toks)); {
		case f < 0.2:
			pos = "start"
		case f > 0.8:
			pos = "end"
		default:
			pos = "middle"
		}
	}
	add(fnvString(nsMarker, pos))
	add(fnvString(nsMarker, sc+"/"+pos))
	lb := "long"
	switch {
	case nwords < 12:
		lb = "short"
	case nwords < 30:
		lb = "medium"
	}
	add(fnvString(nsLen, lb))
	sentimentFeatures(toks, add)
	return dst
}

// nearWindow is how many tokens either side of a citation marker count as
// near it.
const nearWindow = 3

// maxCites is how many citation markers of a sentence are looked at for
// the words near them.
const maxCites = 16

// sentimentFeatures adds the features that speak for what a sentence
// thinks of the work it cites (docs/ACCURACY.md, issue 15, measured on
// Athar's training lines): the lexicon categories of its words (contrast,
// problem, negation, praise, improvement, comparison), each alone, by the
// side of the nearest citation marker it stands on (and whether within
// nearWindow tokens), and inside a negation scope; which categories occur,
// and a praise-against-criticism count; the words near a marker; the first
// word; the number of markers.
func sentimentFeatures(toks []string, add func(uint64)) {
	var cites [maxCites]int
	nc := 0
	for i, t := range toks {
		if t == citeTok {
			if nc < maxCites {
				cites[nc] = i
			}
			nc++
		}
	}
	ncb := min(nc, 5)
	if ncb == 4 {
		ncb = 3 // 3 or 4 markers: one bucket; 5 and more: another
	}
	add(fnvString(nsCites, string(rune('0'+ncb))))
	if len(toks) > 0 {
		add(mix(nsFirst, fnvString(fnvOffset, toks[0])))
	}
	markers := cites[:min(nc, maxCites)]
	var has [numLex]bool
	var praise, critic int
	neg := false
	for i, t := range toks {
		if t == "," {
			neg = false
			continue
		}
		// the nearest marker and the distance to it
		d, at := 1<<30, -1
		for _, c := range markers {
			if x := abs(c - i); x < d {
				d, at = x, c
			}
		}
		if t != citeTok && at >= 0 && d <= nearWindow {
			add(mix(nsNearW, fnvString(fnvOffset, t)))
		}
		c := lexCategory(t)
		if c == lexNone {
			continue
		}
		has[c] = true
		switch c {
		case lexPraise, lexImprove:
			praise++
		case lexContrast, lexProblem, lexNegation:
			critic++
		}
		add(fnvString(nsLex, lexNames[c]))
		side := "nocite"
		switch {
		case at < 0:
		case at > i && d <= nearWindow:
			side = "leftnear"
		case at > i:
			side = "left"
		case d <= nearWindow:
			side = "rightnear"
		default:
			side = "right"
		}
		add(fnvString(fnvString(nsLexSide, lexNames[c]), side))
		if neg && c != lexNegation {
			add(fnvString(nsLexNeg, lexNames[c]))
		}
		if c == lexNegation || strings.HasPrefix(t, "fail") {
			neg = true
		}
	}
	for c, ok := range has {
		if ok {
			add(fnvString(nsLexHas, lexNames[c]))
		}
	}
	add(fnvString(nsLexMix, string([]byte{byte('0' + min(praise, 2)), byte('0' + min(critic, 2))})))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// The lexicon categories of sentimentFeatures.
const (
	lexNone = iota
	lexContrast
	lexProblem
	lexNegation
	lexPraise
	lexImprove
	lexCompare
	numLex
)

var lexNames = [numLex]string{"", "contrast", "problem", "negation", "praise", "improve", "compare"}

// lexicon lists the words of each category, written for this model from
// the vocabulary of praise and criticism in citing sentences (not drawn
// from any data); a trailing * matches any word the stem begins (of 4 to
// 11 letters).
var lexicon = [numLex]string{
	lexContrast: "however but although though whereas while unlike despite yet nevertheless nonetheless instead rather contrary contrast",
	lexProblem: "fail* problem* limitation* limited drawback* lack lacks lacking poor poorly difficult* suffer* expensive costly slow " +
		"insufficient inadequate unclear unable weak weakness* error* incorrect wrong ignor* neglect* unrealistic impractical " +
		"infeasible hard complicated sparse noisy worse worst degrad* questionable arbitrary overfit* unfortunately shortcoming* deficien* " +
		"inaccura* inconsisten* problematic bottleneck* cumbersome tedious brittle prohibitive* unreliable only less lower bias* heuristic* " +
		"complex issue issues challeng* sensitive heavily restrict* room mostly rarely hardly unsuitable unsatisfactory",
	lexNegation: "not no never cannot cant nor neither without dont doesnt didnt",
	lexPraise: "success* effective* efficien* popular stateoftheart good best well wellknown widely accurate* robust* superior excellent " +
		"promising powerful useful elegant* impressive competitive reliabl* encouraging remarkabl* attractive important influential seminal " +
		"pioneer* notabl* valuable nice nicely favorabl* strong strongly easy simple shown demonstrated proven standard benefit* high rich fast " +
		"achiev* advance* contribution* insight* interesting great* extensive* breakthrough dominan* quite most very",
	lexImprove: "improv* outperform* gain gains significant* higher highest better boost* surpass* beat beats exceed* advantage*",
	lexCompare: "than compar* similar* differ* alternative",
}

var lexWords, lexStems = func() (words, stems map[string]uint8) {
	words, stems = map[string]uint8{}, map[string]uint8{}
	for c, list := range lexicon {
		for _, w := range strings.Fields(list) {
			if s, ok := strings.CutSuffix(w, "*"); ok {
				stems[s] = uint8(c)
			} else {
				words[w] = uint8(c)
			}
		}
	}
	return words, stems
}()

// lexCategory returns the lexicon category of a token, lexNone when it has
// none.
func lexCategory(t string) int {
	if c, ok := lexWords[t]; ok {
		return int(c)
	}
	for n := 4; n <= min(len(t), 11); n++ {
		if c, ok := lexStems[t[:n]]; ok {
			return int(c)
		}
	}
	return lexNone
}
