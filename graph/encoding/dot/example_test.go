package dot_test

import (
	"fmt"
	"log"
	"os"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
)

// Watson 2015 cites Kemp and Henderson 2012, found by its DOI.
func ExampleWrite() {
	g := graph.Build([]graph.Record{
		{
			DOI:     "10.2975/35.4.2012.337.340",
			Title:   "Challenges faced by mental health peer support workers",
			Year:    2012,
			Authors: []graph.Author{{Family: "Kemp", Given: "Vanessa"}, {Family: "Henderson", Given: "A. Rosemary"}},
			Venue:   "Psychiatric Rehabilitation Journal",
		},
		{
			Title:      "Being a peer worker",
			Year:       2015,
			Authors:    []graph.Author{{Family: "Watson", Given: "Emma"}},
			References: []graph.Reference{{DOI: "10.2975/35.4.2012.337.340"}},
		},
	})
	if err := dot.Write(os.Stdout, g, dot.Options{Name: "example"}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// digraph "example" {
	// 	charset="UTF-8";
	// 	layout=dot;
	// 	rankdir=LR;
	// 	overlap=false;
	// 	splines=true;
	// 	nslimit=5;
	// 	outputorder=edgesfirst;
	// 	fontname="Helvetica";
	// 	fontsize=16;
	// 	labelloc=t;
	// 	label="Citation map (2 works, 1 link)";
	// 	node [fontname="Helvetica", fontsize=12, shape=ellipse, color="#444444", margin="0.08,0.04"];
	// 	edge [fontname="Helvetica", fontsize=9, color="#555555", arrowsize=0.600];
	// 	"doi:10.2975/35.4.2012.337.340" [label="Kemp 2012", tooltip="Challenges faced by mental health peer support workers\n2012\nPsychiatric Rehabilitation Journal\ndoi:10.2975/35.4.2012.337.340", URL="https://doi.org/10.2975/35.4.2012.337.340", style=filled, fillcolor="#DDDDDD"];
	// 	"w:2166fd9adb4da397" [label="Watson 2015", tooltip="Being a peer worker\n2015\nw:2166fd9adb4da397", style=filled, fillcolor="#DDDDDD"];
	// 	"w:2166fd9adb4da397" -> "doi:10.2975/35.4.2012.337.340" [penwidth=1.000, tooltip="Watson 2015 cites Kemp 2012"];
	// }
}

func ExampleLabel() {
	fmt.Println(dot.Label(&graph.Work{Authors: []graph.Author{{Family: "Kemp"}}, Year: 2012}))
	fmt.Println(dot.Label(&graph.Work{FirstAuthor: "Coleman"}))
	fmt.Println(dot.Label(&graph.Work{Title: "Transitions from child and adolescent\nmental health services"}))
	fmt.Println(dot.Label(&graph.Work{Venue: "BMJ Open", Year: 2019}))
	// Output:
	// Kemp 2012
	// Coleman n.d.
	// Transitions from child and…
	// BMJ Open 2019
}
