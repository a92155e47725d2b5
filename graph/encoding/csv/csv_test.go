package csv_test

import (
	"bytes"
	stdcsv "encoding/csv"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/csv"
)

func TestWriteNodes(t *testing.T) {
	g := graph.Build([]graph.Record{
		{DOI: "10.1/b", Title: "Second, \"quoted\"\ntitle", Year: 2014, Authors: []graph.Author{{Family: "Gillard"}}},
		{DOI: "10.1/a", Title: "First", Year: 2012},
	})
	var buf bytes.Buffer
	label := func(w *graph.Work) string { return w.Surname() }
	err := csv.WriteNodes(&buf, g, []int64{1, 0}, label, csv.Float("score", []float64{0.25, 1.0 / 3}), csv.Int("n", []int{3, 4}), csv.Int("short", nil))
	if err != nil {
		t.Fatal(err)
	}
	want := "key,label,kind,first_author,year,title,venue,doi,score,n,short\n" +
		"doi:10.1/b,Gillard,work,Gillard,2014,\"Second, \"\"quoted\"\" title\",,10.1/b,0.3333333333,4,\n" +
		"doi:10.1/a,,work,,2012,First,,10.1/a,0.25,3,\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	rows, err := stdcsv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 3 || rows[1][5] != `Second, "quoted" title` {
		t.Errorf("read back: %q, %v", rows, err)
	}
}
