package refraw

import (
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// TestCompose: expected strings written by hand from the format in
// Compose's doc comment.
func TestCompose(t *testing.T) {
	for _, c := range []struct {
		ref  graph.Reference
		want string
	}{
		{graph.Reference{}, ""},
		{graph.Reference{Authors: []graph.Author{{Family: "Doe"}}, Year: 2001, Title: "A", Venue: "J"}, "Doe. 2001. A. J."},
		{graph.Reference{
			Authors: []graph.Author{{Family: "Smith", Given: "J"}, {Family: "Lee", Given: "K"}},
			Year:    2019, Title: "T", Venue: "Nature", Volume: "5", Issue: "2", Pages: "10-20",
		}, "Smith J, Lee K. 2019. T. Nature 5(2):10-20."},
		{graph.Reference{Volume: "5", Pages: "3"}, "5:3."},
	} {
		if got := Compose(c.ref); got != c.want {
			t.Errorf("Compose(%+v) = %q, want %q", c.ref, got, c.want)
		}
	}
}
