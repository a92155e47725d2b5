package scrape

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/intent"
	"github.com/citegraph/citegraph/scrape/prose"
)

// Scite reads a scite.ai citation report: the paper (year, DOI, title,
// abstract), the tallies the report shows, and every citation statement
// with its section, type (supporting, mentioning or contrasting, kept as
// the statement's intent), confidence and the in-text citations inside it.
// A statement the page repeats is kept once.
type Scite struct{}

// Name implements PageFormat.
func (Scite) Name() string { return "scite" }

var (
	reSciteDOI        = regexp.MustCompile(`^DOI:\s*(10\.\S+)$`)
	reSciteYear       = regexp.MustCompile(`^(1[5-9]\d\d|20\d\d)$`)
	reSciteCitedBy    = regexp.MustCompile(`^Cited by ([\d,]+) publications?$`)
	reSciteStatements = regexp.MustCompile(`^\(([\d,]+) citation statements?\)$`)
	reSciteRefs       = regexp.MustCompile(`^References ([\d,]+) publications?$`)
	reSciteSection    = regexp.MustCompile(`^Section:\s*(.*?)\s*(supporting|mentioning|contrasting|disputing|contradicting)$`)
	reSciteConfidence = regexp.MustCompile(`^confidence:\s*(\d+(?:\.\d+)?)\s*%$`)
	reInt             = regexp.MustCompile(`^\d[\d,]*$`)
)

// Detect implements PageFormat: a "DOI:" line and the report's own
// headings.
func (Scite) Detect(p *Page) bool {
	doi, marks := false, 0
	for _, l := range p.Lines {
		switch {
		case reSciteDOI.MatchString(l.Text):
			doi = true
		case l.Text == "Search citation statements", l.Text == "Citation Types",
			reSciteCitedBy.MatchString(l.Text), strings.HasPrefix(l.Text, "See ") && strings.HasSuffix(l.Text, "Smart Citation"),
			strings.HasPrefix(l.Text, "See ") && strings.HasSuffix(l.Text, "Smart Citations"),
			reSciteSection.MatchString(l.Text):
			marks++
		}
	}
	return doi && marks >= 2
}

// sciteChrome are lines of the report's interface, never a title.
var sciteChrome = map[string]bool{
	"|View full text |Cite": true, "|": true, "View full text": true, "Cite": true,
	"Sign up to set email alerts": true, "Help me understand this report": true,
	"Search citation statements": true, "Order By: Relevance": true, "Paper Sections": true,
	"Select...": true, "Citation Types": true, "Year Published": true, "Publication Types": true,
	"Relationship": true, "Authors": true, "Journals": true, "citations": true, "references": true,
}

// Extract implements PageFormat.
func (Scite) Extract(ctx context.Context, p *Page) ([]graph.Record, error) {
	lines := p.texts()
	r := graph.Record{Source: graph.Source{Line: 1}}
	doiAt := -1
	for i, l := range lines {
		if m := reSciteDOI.FindStringSubmatch(l); m != nil {
			r.DOI = m[1]
			doiAt = i
			break
		}
	}
	if doiAt < 0 {
		return nil, &Error{Path: p.Path, Format: "scite", Err: fmt.Errorf("%w: no \"DOI:\" line", ErrTruncated)}
	}
	for i := doiAt - 1; i >= 0 && i >= doiAt-3; i-- {
		if m := reSciteYear.FindStringSubmatch(lines[i]); m != nil {
			r.Year, _ = strconv.Atoi(m[1])
			break
		}
	}
	// Title: the first line after the DOI that is not interface text.
	i := doiAt + 1
	for ; i < len(lines); i++ {
		l := lines[i]
		if sciteChrome[l] || strings.HasPrefix(l, "|") {
			continue
		}
		if !strings.HasPrefix(l, "Abstract:") {
			r.Title = l
			i++
		}
		break
	}
	if i < len(lines) && strings.HasPrefix(lines[i], "Abstract:") {
		abs := strings.TrimSpace(strings.TrimPrefix(lines[i], "Abstract:"))
		if t, ok := strings.CutSuffix(abs, "Show more"); ok {
			abs = strings.TrimSpace(t)
			r.AbstractTruncated = true
		}
		r.Abstract = abs
		r.AbstractSections = prose.SplitAbstract(abs)
		i++
	}
	if r.Title == "" {
		return nil, &Error{Path: p.Path, Format: "scite", Line: p.Lines[doiAt].N, Err: fmt.Errorf("%w: no title after the DOI", ErrTruncated)}
	}
	r.Tallies = sciteTallies(lines[i:])
	stmts, err := sciteStatements(ctx, p, i)
	r.CitedBy = stmts
	return []graph.Record{r}, err
}

// sciteTallies reads the counts the report shows.
func sciteTallies(lines []string) *graph.Tallies {
	t := &graph.Tallies{}
	found := false
	ints := func(from, n int) []int {
		var out []int
		for j := from; j < len(lines) && len(out) < n; j++ {
			if lines[j] == "Select..." {
				continue
			}
			if !reInt.MatchString(lines[j]) {
				break
			}
			v, _ := strconv.Atoi(strings.ReplaceAll(lines[j], ",", ""))
			out = append(out, v)
		}
		return out
	}
	ptr := func(v int) *int { return &v }
	atoi := func(s string) int { v, _ := strconv.Atoi(strings.ReplaceAll(s, ",", "")); return v }
	for i, l := range lines {
		switch {
		case l == "Citation Types" && t.Supporting == nil:
			if v := ints(i+1, 4); len(v) == 4 {
				t.Supporting, t.Mentioning, t.Contrasting, t.Unclassified = ptr(v[0]), ptr(v[1]), ptr(v[2]), ptr(v[3])
				found = true
			}
		case l == "Year Published":
			if v := ints(i+1, 4); len(v) >= 2 {
				lo, hi := v[0], v[len(v)-1]
				if lo > 1500 && hi >= lo {
					t.CitingYears = [2]int{lo, hi}
					found = true
				}
			}
		case reSciteCitedBy.MatchString(l):
			t.CitingPublications = ptr(atoi(reSciteCitedBy.FindStringSubmatch(l)[1]))
			found = true
		case reSciteStatements.MatchString(l):
			t.Statements = ptr(atoi(reSciteStatements.FindStringSubmatch(l)[1]))
			found = true
		case reSciteRefs.MatchString(l):
			t.References = ptr(atoi(reSciteRefs.FindStringSubmatch(l)[1]))
			found = true
			// The badge after the reference count repeats the four types.
			if v := ints(i+1, 4); len(v) == 4 && t.Supporting == nil {
				t.Supporting, t.Mentioning, t.Contrasting, t.Unclassified = ptr(v[0]), ptr(v[1]), ptr(v[2]), ptr(v[3])
			}
		}
	}
	if !found {
		return nil
	}
	return t
}

// sciteStatements reads the citation statements from line from on: a
// quoted sentence (“…”), possibly over several lines, then its "Section:"
// line ending in the type, then its confidence.
func sciteStatements(ctx context.Context, p *Page, from int) ([]graph.CitingStatement, error) {
	var out []graph.CitingStatement
	seen := map[string]bool{}
	lines := p.Lines
	for i := from; i < len(lines); i++ {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return out, err
			}
		}
		l := lines[i].Text
		if !strings.HasPrefix(l, "“") && !strings.HasPrefix(l, "\"") {
			continue
		}
		start := i
		var text strings.Builder
		text.WriteString(l)
		for last := l; !closesQuote(last, i == start) && i+1 < len(lines) && i-start < maxStatementLines && !reSciteSection.MatchString(lines[i+1].Text); {
			i++
			last = lines[i].Text
			text.WriteString(" ")
			text.WriteString(last)
		}
		st := graph.CitingStatement{Text: cleanStatement(text.String())}
		if i+1 >= len(lines) {
			return out, &Error{Path: p.Path, Format: "scite", Line: lines[start].N, Err: fmt.Errorf("%w: statement without its section and type", ErrTruncated)}
		}
		if m := reSciteSection.FindStringSubmatch(lines[i+1].Text); m != nil {
			st.Section, st.Intent = m[1], m[2]
			if st.Intent == "disputing" || st.Intent == "contradicting" {
				st.Intent = "contrasting"
			}
			i++
		}
		if i+1 < len(lines) {
			if m := reSciteConfidence.FindStringSubmatch(lines[i+1].Text); m != nil {
				c, _ := strconv.ParseFloat(m[1], 64)
				st.Confidence = c / 100
				i++
			}
		}
		st.Mentions = prose.ParseMentions(st.Text)
		key := st.Text + "\x00" + st.Section + "\x00" + st.Intent
		if st.Text == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, st)
	}
	intent.AnnotateCiting(out)
	return out, nil
}

// maxStatementLines bounds how many lines one statement may span, so that
// an unclosed quotation mark cannot swallow the page.
const maxStatementLines = 40

// closesQuote reports whether a statement line ends the quotation (an
// opening line that is a lone ASCII quote does not).
func closesQuote(l string, first bool) bool {
	return strings.HasSuffix(l, "”") || strings.HasSuffix(l, "\"") && (!first || len(l) > 1)
}

// cleanStatement removes the quotation marks and the ellipses scite puts
// around a statement.
func cleanStatement(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "“")
	s = strings.TrimSuffix(s, "”")
	s = strings.Trim(s, "\" ")
	for {
		t := strings.TrimSpace(s)
		t = strings.TrimPrefix(t, "…")
		t = strings.TrimSuffix(t, "…")
		t = strings.TrimPrefix(t, "...")
		t = strings.TrimSuffix(t, "...")
		if t == s {
			break
		}
		s = t
	}
	return graph.CleanText(s)
}
