package prose

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// Anchor is an in-text citation inside a paragraph: its byte span in the
// paragraph's text and the keys of the references it links to (none when
// the source did not link it, as GROBID leaves citations it could not
// resolve).
type Anchor struct {
	Span
	Keys []string
}

// Paragraph is a block of running text (a paragraph, a caption, a table
// cell) with its section path and the in-text citations it holds.
type Paragraph struct {
	Section string // outermost first: "Discussion > Limitations"
	Text    string
	Anchors []Anchor // sorted by Start, not overlapping
}

// Builder accumulates the text of a paragraph from pieces as a reader
// meets them, collapsing runs of white space into one space, and records
// where in-text citations start and end. The zero value is ready to use.
type Builder struct {
	b       strings.Builder
	space   bool // a space is pending before the next text
	anchors []Anchor
	open    bool // an anchor is open
	started bool // the open anchor has text
}

// WriteString appends text.
func (p *Builder) WriteString(s string) {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			p.space = p.b.Len() > 0
			continue
		}
		if unicode.IsControl(r) || r == utf8.RuneError {
			continue
		}
		if p.space {
			p.b.WriteByte(' ')
			p.space = false
		}
		if p.open && !p.started {
			p.anchors[len(p.anchors)-1].Start = p.b.Len()
			p.started = true
		}
		p.b.WriteRune(r)
		if p.open {
			p.anchors[len(p.anchors)-1].End = p.b.Len()
		}
	}
}

// Space ends a word: the next text is separated from what came before.
func (p *Builder) Space() { p.space = p.b.Len() > 0 }

// StartAnchor opens an in-text citation linking to keys (none when
// unlinked); the text written until EndAnchor is its printed form.
func (p *Builder) StartAnchor(keys []string) {
	if p.open {
		p.EndAnchor()
	}
	pos := p.b.Len()
	if p.space {
		pos++
	}
	p.anchors = append(p.anchors, Anchor{Span: Span{pos, pos}, Keys: keys})
	p.open, p.started = true, false
}

// EndAnchor closes the citation StartAnchor opened.
func (p *Builder) EndAnchor() {
	if !p.open {
		return
	}
	p.open = false
	a := &p.anchors[len(p.anchors)-1]
	if !p.started {
		a.Start = min(a.Start, p.b.Len())
		a.End = a.Start
	}
}

// HasAnchors reports whether the paragraph so far holds a citation.
func (p *Builder) HasAnchors() bool { return len(p.anchors) > 0 }

// Len returns the length of the text so far.
func (p *Builder) Len() int { return p.b.Len() }

// Take returns the paragraph built so far with the given section path and
// resets the builder.
func (p *Builder) Take(section string) Paragraph {
	p.EndAnchor()
	out := Paragraph{Section: section, Text: p.b.String(), Anchors: p.anchors}
	for i := range out.Anchors {
		out.Anchors[i].Start = min(out.Anchors[i].Start, len(out.Text))
		out.Anchors[i].End = min(max(out.Anchors[i].End, out.Anchors[i].Start), len(out.Text))
	}
	*p = Builder{}
	return out
}

// Reset drops what was built.
func (p *Builder) Reset() { *p = Builder{} }

// Linker turns paragraphs into citation statements against one reference
// list.
type Linker struct {
	refs    []graph.Reference
	byKey   map[string]int
	byLabel map[int]int // printed number → index
}

// NewLinker returns a linker for a reference list. labels, parallel to
// refs or nil, are the labels the source prints for them ("1", "[1]",
// "1."); numeric ones let citation ranges ("[3]–[6]") find the references
// between their ends.
func NewLinker(refs []graph.Reference, labels []string) *Linker {
	l := &Linker{refs: refs, byKey: make(map[string]int, len(refs)), byLabel: map[int]int{}}
	for i, r := range refs {
		if r.Key != "" {
			if _, dup := l.byKey[r.Key]; !dup {
				l.byKey[r.Key] = i
			}
		}
	}
	for i, lab := range labels {
		if i >= len(refs) {
			break
		}
		if n, ok := labelNumber(lab); ok {
			if _, dup := l.byLabel[n]; !dup {
				l.byLabel[n] = i
			}
		}
	}
	return l
}

var reDigitsOnly = regexp.MustCompile(`^\D{0,2}(\d{1,3})\D{0,2}$`)

// labelNumber reads a printed label or citation ("1", "[1]", "1.", "(12)").
func labelNumber(s string) (int, bool) {
	m := reDigitsOnly.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil && n > 0
}

var reRangeText = regexp.MustCompile(`^\D{0,2}(\d{1,3})\s*[–—‒−-]\s*(\d{1,3})\D{0,2}$`)

// isDash reports whether s, trimmed, is one dash: what stands between the
// two linked ends of a range.
func isDash(s string) bool {
	s = strings.Trim(s, " \u00a0[]()")
	switch s {
	case "–", "—", "-", "‒", "−", "‐", "‑":
		return true
	}
	return false
}

// citation is one anchor after ranges are expanded: the references it
// stands for and the numbers it prints.
type citation struct {
	span    Span
	refs    []int
	numbers []int // printed numbers, in order, one per reference of a range
}

// Statements returns one statement per sentence of the paragraph that
// holds at least one in-text citation, in text order: the sentence (see
// SentencesAround), the paragraph's section path, the references it links
// to (indexes into the linker's list, in order of first citation, without
// repeats) and its mentions: every citation as printed, with the names and
// year or the number it shows, plus author–year citations the source left
// unlinked. A range of two linked ends with a dash between them ("[3]–[6]",
// "7-12") stands for every reference between them, found by the printed
// labels or, failing those, by position in the list. Intent is left empty.
func (l *Linker) Statements(p Paragraph) []graph.Statement {
	if len(p.Anchors) == 0 {
		return nil
	}
	cites := l.expand(p)
	spans := make([]Span, len(p.Anchors))
	for i, a := range p.Anchors {
		spans[i] = a.Span
	}
	sents := SentencesAround(p.Text, spans)
	if len(sents) == 0 {
		sents = []Span{{0, len(p.Text)}}
	}
	var out []graph.Statement
	ci := 0
	for si, s := range sents {
		end := len(p.Text) + 1
		if si < len(sents)-1 {
			end = sents[si+1].Start
		}
		var group []citation
		for ci < len(cites) && (cites[ci].span.Start < end || si == len(sents)-1) {
			group = append(group, cites[ci])
			ci++
		}
		if len(group) == 0 {
			continue
		}
		// A citation standing after the sentence's last character (space
		// trimmed) still belongs to it.
		last := group[len(group)-1].span.End
		if last > s.End {
			s.End = last
		}
		if first := group[0].span.Start; first < s.Start {
			s.Start = first
		}
		out = append(out, l.statement(p, s, group))
	}
	return out
}

// expand reads the paragraph's anchors as citations, expanding ranges.
func (l *Linker) expand(p Paragraph) []citation {
	var out []citation
	for i := 0; i < len(p.Anchors); i++ {
		a := p.Anchors[i]
		c := citation{span: a.Span}
		text := p.Text[a.Start:a.End]
		for _, k := range a.Keys {
			if idx, ok := l.byKey[k]; ok && !slices.Contains(c.refs, idx) {
				c.refs = append(c.refs, idx)
			}
		}
		if n, ok := labelNumber(text); ok {
			c.numbers = []int{n}
		}
		// Two linked ends with a dash between: "[3]–[6]".
		if i+1 < len(p.Anchors) && len(c.refs) == 1 && len(c.numbers) == 1 {
			b := p.Anchors[i+1]
			if b.Start >= a.End && isDash(p.Text[a.End:b.Start]) {
				nb, okb := labelNumber(p.Text[b.Start:b.End])
				var ib []int
				for _, k := range b.Keys {
					if idx, ok := l.byKey[k]; ok {
						ib = append(ib, idx)
					}
				}
				if okb && len(ib) == 1 && nb > c.numbers[0] && nb-c.numbers[0] <= 100 {
					mid := l.between(c.numbers[0], nb, c.refs[0], ib[0])
					if mid != nil {
						c.span.End = b.End
						for n := c.numbers[0] + 1; n <= nb; n++ {
							c.numbers = append(c.numbers, n)
						}
						c.refs = append(c.refs, mid...)
						c.refs = append(c.refs, ib[0])
						out = append(out, c)
						i++
						continue
					}
				}
			}
		}
		// One link printed as a range: "[3-6]" linked to the 3 alone.
		if m := reRangeText.FindStringSubmatch(text); m != nil && len(c.refs) == 1 {
			n1, _ := strconv.Atoi(m[1])
			n2, _ := strconv.Atoi(m[2])
			if n2 > n1 && n2-n1 <= 100 {
				if j, ok := l.byLabel[n1]; ok && j == c.refs[0] {
					c.numbers = c.numbers[:0]
					for n := n1; n <= n2; n++ {
						c.numbers = append(c.numbers, n)
						if n > n1 {
							if k, ok := l.byLabel[n]; ok {
								c.refs = append(c.refs, k)
							}
						}
					}
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// between returns the references numbered strictly between n1 and n2,
// whose ends are at list indexes i1 and i2: by printed label when every
// number has one, otherwise by position when the list agrees with the
// numbering; nil when neither holds.
func (l *Linker) between(n1, n2, i1, i2 int) []int {
	mid := []int{}
	ok := true
	for n := n1 + 1; n < n2; n++ {
		k, has := l.byLabel[n]
		if !has {
			ok = false
			break
		}
		mid = append(mid, k)
	}
	if ok && l.byLabel[n1] == i1 && l.byLabel[n2] == i2 {
		return mid
	}
	if i2-i1 == n2-n1 {
		mid = mid[:0]
		for k := i1 + 1; k < i2; k++ {
			mid = append(mid, k)
		}
		return mid
	}
	return nil
}

// located is a mention ParseMentions found, with its place in the
// paragraph.
type located struct {
	span Span
	m    graph.Mention
}

// statement makes the statement of sentence s holding the citations group.
func (l *Linker) statement(p Paragraph, s Span, group []citation) graph.Statement {
	raw := p.Text[s.Start:s.End]
	st := graph.Statement{Text: graph.CleanText(raw), Section: p.Section, Refs: []int{}}
	found := locateMentions(raw, s.Start)
	used := make([]bool, len(found))
	var ms []placed
	for _, c := range group {
		for _, r := range c.refs {
			if !slices.Contains(st.Refs, r) {
				st.Refs = append(st.Refs, r)
			}
		}
		ms = append(ms, citationMentions(p.Text, c, found, used)...)
	}
	ms = append(ms, unlinkedMentions(found, used, group)...)
	slices.SortStableFunc(ms, func(a, b placed) int { return a.pos - b.pos })
	for _, m := range ms {
		m.m.Text = graph.CleanText(m.m.Text)
		if len(m.m.Authors) > 0 {
			// "Han's (2015)": the possessive is not part of the name.
			au := slices.Clone(m.m.Authors)
			for i, a := range au {
				au[i] = strings.TrimSuffix(strings.TrimSuffix(a, "'s"), "’s")
			}
			m.m.Authors = au
		}
		st.Mentions = append(st.Mentions, m.m)
	}
	return st
}

// placed is a mention of a statement with its offset in the paragraph.
type placed struct {
	pos int
	m   graph.Mention
}

// locateMentions returns the mentions ParseMentions reads in the sentence
// raw, which starts at offset start of its paragraph, placed in the text.
func locateMentions(raw string, start int) []located {
	var found []located
	off := 0
	for _, m := range ParseMentions(raw) {
		i := strings.Index(raw[off:], m.Text)
		if i < 0 {
			i = strings.Index(raw, m.Text)
			if i < 0 {
				continue
			}
		} else {
			i += off
		}
		found = append(found, located{Span{start + i, start + i + len(m.Text)}, m})
		off = i
	}
	return found
}

// citationMentions returns the mentions of the linked citation c of the
// paragraph text: the parsed mention that covers it, else one per number
// of a numbered citation, else the citation's own text parsed; it marks in
// used the parsed mentions it accounts for.
func citationMentions(text string, c citation, found []located, used []bool) []placed {
	ctext := text[c.span.Start:c.span.End]
	// The parsed mentions that cover this citation: names outside a
	// linked year ("Greaney and Flaherty (2020)") join it.
	var cover []int
	for k, f := range found {
		if f.span.Start <= c.span.Start && c.span.End <= f.span.End && (len(f.m.Authors) > 0) {
			cover = append(cover, k)
		}
	}
	if len(cover) > 0 {
		best := cover[0]
		for _, k := range cover {
			if found[k].m.Year != 0 && strings.Contains(ctext, strconv.Itoa(found[k].m.Year)+found[k].m.Suffix) {
				best = k
				break
			}
		}
		for _, k := range cover {
			if found[k].span == found[best].span {
				used[k] = true
			}
		}
		return []placed{{c.span.Start, found[best].m}}
	}
	for k, f := range found {
		if f.span.Start < c.span.End && c.span.Start < f.span.End {
			used[k] = true
		}
	}
	if len(c.numbers) > 0 {
		var ms []placed
		for _, n := range c.numbers {
			ms = append(ms, placed{c.span.Start, graph.Mention{Text: ctext, Number: n}})
		}
		return ms
	}
	m := graph.Mention{Text: ctext}
	// The citation alone, as GROBID cuts it: "(Radford et al., 2018;".
	core := strings.Trim(ctext, " ([;,)]")
	if pm := ParseMentions("(" + core + ")"); len(pm) > 0 && len(pm[0].Authors) > 0 {
		m = pm[0]
		m.Text = ctext
	} else if y := reYearParts.FindStringSubmatch(ctext); y != nil && len(ctext) <= 12 {
		m.Year, _ = strconv.Atoi(y[1])
		m.Suffix = y[2]
	}
	return []placed{{c.span.Start, m}}
}

// unlinkedMentions returns the author–year citations of found that the
// source did not link: not used and overlapping no citation of group.
func unlinkedMentions(found []located, used []bool, group []citation) []placed {
	var ms []placed
	for k, f := range found {
		if used[k] || len(f.m.Authors) == 0 || f.m.Year == 0 {
			continue
		}
		overlaps := false
		for _, c := range group {
			if f.span.Start < c.span.End && c.span.Start < f.span.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			ms = append(ms, placed{f.span.Start, f.m})
		}
	}
	return ms
}
