package crossref

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape/internal/jsonstream"
)

// stripMarkup returns the text of a title or reference that may hold
// inline markup and character references (jsonstream.StripMarkup).
func stripMarkup(s string) string { return jsonstream.StripMarkup(s) }

// jatsAbstract reads an abstract as Crossref gives it, in JATS
// (<jats:p>, <jats:sec> with <jats:title>): its text and, when it is
// divided into titled sections, the sections. A leading title "Abstract"
// (or "Summary") is dropped. Section labels stand in the text before
// their section's text ("Background: …").
func jatsAbstract(s string) (string, []graph.Section) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if !strings.Contains(s, "<") {
		return stripMarkup(s), nil
	}
	type part struct {
		label string
		text  strings.Builder
	}
	var parts []*part
	cur := &part{}
	parts = append(parts, cur)
	inTitle, secDepth := false, 0
	var title strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
loop:
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			break loop
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			local := string(name)
			if i := strings.IndexByte(local, ':'); i >= 0 {
				local = local[i+1:]
			}
			switch local {
			case "sec":
				if tt == html.StartTagToken {
					secDepth++
				} else if secDepth > 0 {
					secDepth--
				}
			case "title":
				if tt == html.StartTagToken {
					inTitle = true
					title.Reset()
					continue
				}
				inTitle = false
				label := graph.CleanText(title.String())
				if secDepth == 0 && len(parts) == 1 && cur.text.Len() == 0 && isAbstractHeading(label) {
					continue // "Abstract" above the text
				}
				cur = &part{label: strings.TrimRight(label, ":.")}
				parts = append(parts, cur)
			case "p", "list-item", "li", "br":
				cur.text.WriteByte(' ')
			}
		case html.TextToken:
			if inTitle {
				title.Write(z.Text())
			} else {
				cur.text.Write(z.Text())
			}
		}
	}
	var secs []graph.Section
	var all []string
	for _, p := range parts {
		t := graph.CleanText(p.text.String())
		if p.label != "" {
			secs = append(secs, graph.Section{Label: p.label, Text: t})
			if t != "" {
				all = append(all, p.label+": "+t)
			}
			continue
		}
		if t != "" {
			all = append(all, t)
		}
	}
	if len(secs) < 2 {
		secs = nil // one titled part is not a structured abstract
	}
	return strings.Join(all, " "), secs
}

func isAbstractHeading(s string) bool {
	switch strings.ToLower(strings.TrimRight(s, ":. ")) {
	case "abstract", "summary", "a b s t r a c t":
		return true
	}
	return false
}
