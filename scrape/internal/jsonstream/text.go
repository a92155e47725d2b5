package jsonstream

import (
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/citegraph/citegraph/graph"
)

// StripMarkup returns the text of a string value that may hold inline
// markup (<i>, <sub>, <jats:italic>, <mml:math> …) and character
// references, as the titles of Crossref and OpenAlex do, with white space
// collapsed (graph.CleanText).
func StripMarkup(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return graph.CleanText(s)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return graph.CleanText(b.String())
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// SomeKeys returns up to five keys of an object's (sorted, then "…" when
// there are more), to name an answer that is not the one expected.
func SomeKeys(keys map[string]json.Token) []string {
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	slices.Sort(out)
	if len(out) > 5 {
		out = append(out[:5], "…")
	}
	return out
}
