package bibtex

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// accents maps LaTeX accent commands to Unicode combining marks.
var accents = map[string]rune{
	"'": '\u0301', "`": '\u0300', "^": '\u0302', "\"": '\u0308', "~": '\u0303', "=": '\u0304',
	".": '\u0307', "c": '\u0327', "v": '\u030C', "u": '\u0306', "H": '\u030B', "k": '\u0328',
	"r": '\u030A', "d": '\u0323', "b": '\u0331', "t": '\u0361',
}

// spacingAccents is what an accent command on an empty group writes
// (\~{} is a tilde, \^{} a circumflex): the accent's spacing form.
var spacingAccents = map[string]string{
	"'": "´", "`": "`", "^": "^", "\"": "¨", "~": "~", "=": "¯", ".": "˙", "c": "¸", "v": "ˇ", "u": "˘",
	"H": "˝", "k": "˛", "r": "˚",
}

// argCommands are commands whose first braced argument is not text: it is
// dropped (\href{url}{text} keeps its text, \hspace{1em} is a space,
// \cite{key} and BibTeX's sorting hack {\noopsort{1973b}} leave nothing),
// with what the command writes in its place.
var argCommands = map[string]string{
	"href": "", "hspace": " ", "vspace": " ", "hspace*": " ", "cite": "", "citep": "", "citet": "", "ref": "",
	"label": "", "noopsort": "", "NOOP": "", "SortNoop": "", "sortnoop": "", "textcolor": "", "color": "",
	"colorbox": "", "bibinfo": "", "fontsize": "", "kern": "",
}

// verbatimCommands take their argument as it is written: in \url{…} a
// "~" or "_" is the character, not a space or a subscript.
var verbatimCommands = map[string]bool{"url": true, "path": true, "nolinkurl": true, "doi": true}

// symbols maps LaTeX commands without arguments to text.
var symbols = map[string]string{
	"aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘",
	"textquotesingle": "'", "textquotedbl": "\"", "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…", "dots": "…", "textellipsis": "…",
	"textasciitilde": "~", "textbackslash": "\\", "textasciicircum": "^", "textregistered": "®",
	"texttrademark": "™", "copyright": "©", "textcopyright": "©", "S": "§", "P": "¶", "pounds": "£",
	"euro": "€", "texteuro": "€", "textdegree": "°", "degree": "°", "textbar": "|", "textless": "<",
	"textgreater": ">", "textunderscore": "_", "textbullet": "•", "textperiodcentered": "·",
	"guillemotleft": "«", "guillemotright": "»", "quad": " ", "qquad": " ", "times": "×", "pm": "±",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
	"eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
	"pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ",
	"psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
	"infty": "∞", "approx": "≈", "neq": "≠", "to": "→", "rightarrow": "→", "cdot": "·",
	"textmu": "µ", "textalpha": "α", "textbeta": "β", "LaTeX": "LaTeX", "TeX": "TeX",
	"textdollar": "$", "textsection": "§", "textparagraph": "¶", "textsterling": "£", "textexclamdown": "¡",
	"textquestiondown": "¿", "textdagger": "†", "textdaggerdbl": "‡", "dag": "†", "ddag": "‡", "textpm": "±",
	"texttimes": "×", "textperthousand": "‰", "textbraceleft": "{", "textbraceright": "}", "textohm": "Ω",
	"textcent": "¢", "textyen": "¥", "textordfeminine": "ª", "textordmasculine": "º", "textonehalf": "½",
	"slash": "/", "nobreakspace": " ", "thinspace": " ", "enspace": " ", "newblock": " ", "par": " ",
	"SS": "SS", "sim": "~", "simeq": "≃", "equiv": "≡", "ll": "≪", "gg": "≫", "propto": "∝", "mp": "∓",
	"leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "uparrow": "↑",
	"downarrow": "↓", "in": "∈", "cap": "∩", "cup": "∪", "forall": "∀", "exists": "∃", "emptyset": "∅",
	"partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "prime": "′", "circ": "∘",
	"bullet": "•", "ell": "ℓ", "hbar": "ℏ", "langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}",
	"vartheta": "ϑ", "varsigma": "ς", "varrho": "ϱ", "varpi": "ϖ", "Upsilon": "Υ", "ast": "*", "star": "⋆",
	"texttildelow": "~", "mid": "|", "vert": "|", "backslash": "\\", "sharp": "♯", "flat": "♭", "natural": "♮",
}

// DecodeLaTeX turns a BibTeX value into plain Unicode text: accent commands
// (\'e, \"{o}, {\c c}, \v{s}) become accented letters, symbol commands
// (\ss, \o, \textendash) their characters, escaped specials (\& \% \$ \#
// \_ \{ \}) themselves, text-style commands (\emph{…}, \textit{…}) their
// content; grouping braces and math dollars are dropped, "~" is a space,
// "--" an en dash and "---" an em dash; runs of white space become one
// space. In math, the sub- and superscript marks are dropped and what
// they mark kept (DNA$_{\textrm{2}}$ reads DNA2). An accent on an empty
// group is the accent itself (\~{} a tilde); \url{…} and \doi{…} keep
// their argument as written; \href{url}{text} is its text; the arguments
// of \hspace, \cite, \textcolor and BibTeX's {\noopsort{…}} are dropped.
// Other unknown commands are dropped and their argument kept.
func DecodeLaTeX(s string) string {
	if !strings.ContainsAny(s, "\\{}~$-`'\n\r\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	decodeInto(&b, []rune(s))
	out := norm.NFC.String(b.String())
	return strings.Join(strings.Fields(out), " ")
}

func decodeInto(b *strings.Builder, rs []rune) {
	math := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '$':
			math = !math
		case '_', '^':
			if !math {
				b.WriteRune(r)
			}
		case '{', '}':
		case '~':
			b.WriteByte(' ')
		case '-':
			switch {
			case i+2 < len(rs) && rs[i+1] == '-' && rs[i+2] == '-':
				b.WriteString("—")
				i += 2
			case i+1 < len(rs) && rs[i+1] == '-':
				b.WriteString("–")
				i++
			default:
				b.WriteByte('-')
			}
		case '`':
			if i+1 < len(rs) && rs[i+1] == '`' {
				b.WriteString("“")
				i++
			} else {
				b.WriteString("‘")
			}
		case '\'':
			if i+1 < len(rs) && rs[i+1] == '\'' {
				b.WriteString("”")
				i++
			} else {
				b.WriteRune('\'')
			}
		case '\\':
			i = command(b, rs, i)
		default:
			b.WriteRune(r)
		}
	}
}

// command writes the text of the command starting at rs[i] (a backslash)
// and returns the index of its last rune.
func command(b *strings.Builder, rs []rune, i int) int {
	if i+1 >= len(rs) {
		return i
	}
	c := rs[i+1]
	if !unicode.IsLetter(c) || c > unicode.MaxASCII {
		// A one-character command.
		name := string(c)
		if mark, ok := accents[name]; ok {
			return accent(b, rs, i+2, name, mark)
		}
		switch c {
		case '\\':
			b.WriteByte(' ')
		case ' ', ',', ';', ':', '!', '/':
			if c == ' ' || c == ',' || c == ';' || c == ':' {
				b.WriteByte(' ')
			}
		case '-': // a hyphenation hint
		default:
			b.WriteRune(c) // \& \% \$ \# \_ \{ \}
		}
		return i + 1
	}
	j := i + 1
	for j < len(rs) && unicode.IsLetter(rs[j]) && rs[j] <= unicode.MaxASCII {
		j++
	}
	name := string(rs[i+1 : j])
	if mark, ok := accents[name]; ok {
		// \c c, \c{c}, \v{s}
		return accent(b, rs, j, name, mark)
	}
	if j < len(rs) && rs[j] == '*' && argCommands[name+"*"] != "" {
		name += "*"
		j++
	}
	// Skip the spaces that end a control word.
	k := j
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if verbatimCommands[name] && k < len(rs) && rs[k] == '{' {
		end := groupEnd(rs, k)
		inner := rs[k+1 : end]
		if end < len(rs) {
			b.WriteString(string(inner))
		} else {
			b.WriteString(string(rs[k+1:]))
		}
		return end
	}
	if with, ok := argCommands[name]; ok && k < len(rs) && rs[k] == '{' {
		b.WriteString(with)
		return groupEnd(rs, k)
	}
	if sym, ok := symbols[name]; ok {
		b.WriteString(sym)
		if k+1 < len(rs) && rs[k] == '{' && rs[k+1] == '}' {
			return k + 1
		}
		return k - 1
	}
	// A style command (\emph, \textit …) or an unknown one: drop the name,
	// keep the argument, which the caller decodes as it goes on.
	return j - 1
}

// accent writes the accent command whose argument starts at rs[k] (after
// any spaces, as TeX takes it): the accented letter, or the accent's
// spacing form for an empty group; it returns the index of its last rune.
func accent(b *strings.Builder, rs []rune, k int, name string, mark rune) int {
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	base, end := argument(rs, k)
	if base == "" && k+1 < len(rs) && rs[k] == '{' && rs[k+1] == '}' {
		b.WriteString(spacingAccents[name])
		return end
	}
	writeAccented(b, base, mark)
	return end
}

// groupEnd returns the index of the brace that closes the group opening
// at rs[k], or len(rs) when it is not closed.
func groupEnd(rs []rune, k int) int {
	depth := 0
	for i := k; i < len(rs); i++ {
		switch rs[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(rs)
}

// argument returns the base text of an accent command starting at rs[k]:
// one rune, or a braced group ({e}, {\i}); and the index of its last rune.
func argument(rs []rune, k int) (string, int) {
	if k >= len(rs) {
		return "", k - 1
	}
	if rs[k] == '{' {
		end := k + 1 // index after the closing brace, or len(rs)
		depth := 1
		for end < len(rs) && depth > 0 {
			switch rs[end] {
			case '{':
				depth++
			case '}':
				depth--
			}
			end++
		}
		innerEnd := end
		if depth == 0 {
			innerEnd = end - 1 // without the closing brace
		}
		var ib strings.Builder
		decodeInto(&ib, rs[k+1:innerEnd])
		return ib.String(), end - 1
	}
	if rs[k] == '\\' && k+1 < len(rs) {
		// \'\i
		j := k + 1
		for j < len(rs) && unicode.IsLetter(rs[j]) && rs[j] <= unicode.MaxASCII {
			j++
		}
		if sym, ok := symbols[string(rs[k+1:j])]; ok {
			return sym, j - 1
		}
		return "", j - 1
	}
	return string(rs[k]), k
}

// writeAccented writes base with the combining mark after its first
// letter (the dotless i and j take their dotted forms).
func writeAccented(b *strings.Builder, base string, mark rune) {
	if base == "" {
		return
	}
	rs := []rune(base)
	switch rs[0] {
	case 'ı':
		rs[0] = 'i'
	case 'ȷ':
		rs[0] = 'j'
	}
	b.WriteRune(rs[0])
	b.WriteRune(mark)
	b.WriteString(string(rs[1:]))
}
