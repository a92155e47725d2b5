package analysis_test

import (
	"fmt"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
)

// Two small literatures that cite within themselves, and one entry of a
// journal listing that cites nothing: the text links place it with the
// works that share its words.
func Example() {
	work := func(doi, title string, cites ...string) graph.Record {
		r := graph.Record{DOI: doi, Title: title}
		for _, c := range cites {
			r.References = append(r.References, graph.Reference{DOI: c})
		}
		return r
	}
	g := graph.Build([]graph.Record{
		work("10.1/a1", "Peer support workers in mental health services"),
		work("10.1/a2", "Challenges faced by peer support workers", "10.1/a1"),
		work("10.1/a3", "Training and supervision of peer support workers", "10.1/a1", "10.1/a2"),
		work("10.1/b1", "Transition from CAMHS to adult mental health services"),
		work("10.1/b2", "Young people's experiences of transition from CAMHS", "10.1/b1"),
		work("10.1/b3", "Transition planning for young people leaving CAMHS", "10.1/b1", "10.1/b2"),
		work("10.1/c", "A day in the life of a peer support worker"),
	})
	r := analysis.Run(g, analysis.Options{Seed: 1})
	for _, th := range r.Themes {
		fmt.Printf("%d works: %s; top: %s\n", th.Size, th.Label, g.Works()[th.Top[0]].Title)
	}
	// Q of the Leiden communities of the citations: two triangles of 3
	// of the 6 links each, 2 × (3/6 − (6/12)²) = 0.5.
	fmt.Printf("Q = %.3f\n", r.Modularity)
	// Output:
	// 4 works: challenges, day, life; top: Peer support workers in mental health services
	// 3 works: camhs, transition, young people; top: Transition from CAMHS to adult mental health services
	// Q = 0.500
}
