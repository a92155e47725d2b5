package bibtex

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Types maps CSL types to BibTeX/BibLaTeX entry types; a type not listed
// is written as misc.
var Types = map[string]string{
	"article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
	"book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "thesis": "phdthesis",
	"report": "techreport", "manuscript": "unpublished", "webpage": "online", "post-weblog": "online",
	"dataset": "dataset", "software": "software", "patent": "patent", "pamphlet": "booklet",
	"periodical": "periodical", "entry-encyclopedia": "inreference", "standard": "standard",
	"legislation": "legislation", "legal_case": "jurisdiction", "article": "misc", "document": "misc",
}

// Writer writes records as BibTeX entries.
type Writer struct {
	w    *bufio.Writer
	keys map[string]bool
}

// NewWriter returns a Writer on w. Call Close when done.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w), keys: map[string]bool{}}
}

// Close flushes what is buffered; it does not close the underlying writer.
func (w *Writer) Close() error { return w.w.Flush() }

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// Write writes one record as an entry.
func (w *Writer) Write(r *graph.Record) error {
	typ, ok := Types[r.Type]
	if !ok {
		typ = "misc"
		if r.Type == "" && r.Venue != "" {
			typ = "article"
		}
	}
	key := w.key(r)
	fmt.Fprintf(w.w, "@%s{%s,\n", typ, key)
	field := func(name, value string) {
		if value = strings.TrimSpace(value); value == "" {
			return
		}
		fmt.Fprintf(w.w, "  %s = {%s},\n", name, value)
	}
	if len(r.Authors) > 0 {
		names := make([]string, len(r.Authors))
		for i, a := range r.Authors {
			n := Escape(a.Family)
			if strings.Contains(a.Family, " and ") || strings.Contains(a.Family, ",") {
				n = "{" + n + "}"
			}
			if a.Given != "" {
				n += ", " + Escape(a.Given)
			}
			names[i] = n
		}
		field("author", strings.Join(names, " and "))
	}
	field("title", Escape(r.Title))
	switch typ {
	case "incollection", "inproceedings", "inreference":
		field("booktitle", Escape(r.Venue))
	case "book", "misc", "phdthesis", "techreport", "online", "dataset", "software":
		if r.Venue != "" {
			field("howpublished", Escape(r.Venue))
		}
	default:
		field("journal", Escape(r.Venue))
	}
	if r.Year != 0 {
		field("year", strconv.Itoa(r.Year))
	}
	if parts := strings.Split(r.Date, "-"); len(parts) >= 2 {
		if m, err := strconv.Atoi(parts[1]); err == nil && m >= 1 && m <= 12 {
			fmt.Fprintf(w.w, "  month = %s,\n", monthNames[m-1])
		}
		field("date", r.Date)
	}
	field("volume", Escape(r.Volume))
	field("number", Escape(r.Issue))
	field("pages", strings.Replace(Escape(r.Pages), "-", "--", 1))
	field("doi", verbatim(r.DOI))
	field("url", verbatim(r.URL))
	field("abstract", Escape(r.Abstract))
	if len(r.Keywords) > 0 {
		sep := ", "
		for _, k := range r.Keywords {
			if strings.Contains(k, ",") {
				sep = "; "
				break
			}
		}
		field("keywords", Escape(strings.Join(r.Keywords, sep)))
	}
	field("issn", Escape(r.Identifiers[graph.IDISSN]))
	field("isbn", Escape(r.Identifiers[graph.IDISBN]))
	field("publisher", Escape(r.Publisher))
	field("language", Escape(r.Language))
	ids := make([]string, 0, len(r.Identifiers))
	for k := range r.Identifiers {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	for _, k := range ids {
		v := verbatim(r.Identifiers[k])
		switch k {
		case graph.IDISSN, graph.IDISBN:
		case graph.IDScopus:
			field("eid", v)
		case graph.IDWoS:
			field("unique-id", v)
		case graph.IDArXiv:
			field("eprint", v)
			field("eprinttype", "arxiv")
		default:
			field(k, v)
		}
	}
	w.w.WriteString("}\n\n")
	return nil
}

// key returns a new citation key for the record.
func (w *Writer) key(r *graph.Record) string {
	base := ""
	if len(r.Authors) > 0 {
		base = asciiWord(r.Authors[0].Family, true)
	}
	if base == "" {
		base = "anon"
	}
	if r.Year != 0 {
		base += strconv.Itoa(r.Year)
	}
	for _, word := range strings.Fields(r.Title) {
		if w := asciiWord(word, false); len(w) > 3 || (w != "" && !stopWords[w]) {
			base += w
			break
		}
	}
	key := base
	for i := 0; w.keys[key]; i++ {
		key = base + suffix(i)
	}
	w.keys[key] = true
	return key
}

var stopWords = map[string]bool{"a": true, "an": true, "the": true, "on": true, "of": true, "in": true, "and": true, "for": true, "to": true}

// suffix returns "a" … "z", "aa" … for the i-th repeat of a key.
func suffix(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('a'+(i-1)%26)) + s
	}
	return s
}

// asciiWord keeps the ASCII letters of s (accents folded), title-cased or
// lower-cased.
func asciiWord(s string, title bool) string {
	f := graph.Fold(s)
	var b strings.Builder
	for _, c := range f {
		if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	out := b.String()
	if title && out != "" {
		out = strings.ToUpper(out[:1]) + out[1:]
	}
	return out
}

var escaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`,
	"~", `\textasciitilde{}`, "^", `\textasciicircum{}`,
)

// Escape returns s with LaTeX's special characters escaped, the
// ligatures TeX would make broken up ("--" would print an en dash, "”" a
// closing quote: they become "-{}-" and "'{}'"), and white space (line
// breaks included) collapsed, so that it can stand in a braced BibTeX
// value and print as it reads.
func Escape(s string) string {
	s = escaper.Replace(strings.Join(strings.Fields(s), " "))
	if !strings.Contains(s, "--") && !strings.Contains(s, "''") && !strings.Contains(s, "``") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if c := s[i]; (c == '-' || c == '\'' || c == '`') && i+1 < len(s) && s[i+1] == c {
			b.WriteString("{}")
		}
	}
	return b.String()
}

// verbatim returns a value for a field that BibLaTeX reads verbatim (doi,
// url, identifiers): only braces, which would unbalance the value, are
// dropped.
func verbatim(s string) string {
	return strings.NewReplacer("{", "", "}", "").Replace(strings.TrimSpace(s))
}
