package refraw

import (
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Compose prints r from its fields: "Family G, Family G. Year. Title.
// Venue Volume(Issue):Pages." Missing fields are left out; a reference
// with none of them is "".
func Compose(r graph.Reference) string {
	var parts []string
	var names []string
	for _, a := range r.Authors {
		names = append(names, strings.TrimSpace(a.Family+" "+a.Given))
	}
	if len(names) > 0 {
		parts = append(parts, strings.Join(names, ", "))
	}
	if r.Year != 0 {
		parts = append(parts, strconv.Itoa(r.Year))
	}
	if r.Title != "" {
		parts = append(parts, r.Title)
	}
	v := r.Venue
	if r.Volume != "" {
		v += " " + r.Volume
	}
	if r.Issue != "" {
		v += "(" + r.Issue + ")"
	}
	if r.Pages != "" {
		v += ":" + r.Pages
	}
	if v = strings.TrimSpace(v); v != "" {
		parts = append(parts, v)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ". ") + "."
}
