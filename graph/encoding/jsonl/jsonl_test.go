package jsonl_test

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/jsonl"
)

func TestRoundTrip(t *testing.T) {
	recs := []graph.Record{
		{DOI: "10.1/x", Title: `A <b>"quoted"</b> title & more`, Year: 2012, Authors: []graph.Author{{Family: "Kemp", Given: "V."}, {Family: "Henderson"}},
			CitedBy: []graph.CitingStatement{{Text: "As shown (Kemp 2012).", Intent: "mentioning", Confidence: 0.94,
				Mentions: []graph.Mention{{Text: "Kemp 2012", Authors: []string{"Kemp"}, Year: 2012}}}}},
		{Title: "心理健康 — Ψυχική υγεία\nsecond line"},
	}
	for i := range recs {
		recs[i].Normalize()
	}
	var buf bytes.Buffer
	w := jsonl.NewWriter(&buf)
	for i := range recs {
		if err := w.Write(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Count(out, "\n") != 2 {
		t.Errorf("want one line per record:\n%s", out)
	}
	for _, key := range []string{`"doi":`, `"title":`, `"year":`, `"authors":["Kemp, V.","Henderson"]`, `"venue":`, `"volume":`, `"issue":`,
		`"pages":`, `"abstract":`, `"references":[]`, `"statements":[]`, `"cited_by":[`, `"source":{`, `<b>`} {
		if !strings.Contains(out, key) {
			t.Errorf("output lacks %s", key)
		}
	}
	back, err := jsonl.ReadAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, recs) {
		t.Errorf("round trip changed the records:\n%+v\n%+v", back, recs)
	}
}

func TestReadAllError(t *testing.T) {
	_, err := jsonl.ReadAll(strings.NewReader("{\"doi\":\"\"}\n\n{oops\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("error %v, want one naming line 3", err)
	}
}

// TestReadAllLongLine: a line longer than MaxLine (generated, not stored)
// is an error naming its line; the records before it are kept.
func TestReadAllLongLine(t *testing.T) {
	long := io.MultiReader(strings.NewReader("{\"doi\":\"10.1/a\"}\n{\"title\":\""), io.LimitReader(repeat('x'), jsonl.MaxLine+1))
	recs, err := jsonl.ReadAll(long)
	if err == nil || !strings.Contains(err.Error(), "line 2") || len(recs) != 1 {
		t.Errorf("ReadAll = %d records, %v; want 1 and an error naming line 2", len(recs), err)
	}
}

// repeat reads b forever.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}
