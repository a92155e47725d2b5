package chase

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/scrape"
)

// TestCandidatesRISLikeUnique: candidates.ris hands the candidates over for
// screening as unique.ris does (issue 12, item 4): the records an index
// gave for a candidate supply its abstract and keywords, the index is its
// DB and the record its "Found in" note. The two works of the recorded
// OpenAlex answer (testdata/openalex_works_list_page1_2works_cursor.json)
// stand for what a describe look-up returns; by the file, the first
// (bibliometrix, W2755950973) has no abstract_inverted_index and the
// second ("The state of OA", W2741809807) has one. A third candidate, known only from a reference, is written
// from its work, without DB or note.
func TestCandidatesRISLikeUnique(t *testing.T) {
	recs, err := scrape.Default().ExtractFile(context.Background(), "testdata/openalex_works_list_page1_2works_cursor.json", "")
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	for i := range recs {
		recs[i].Source.Chase = "describe"
	}
	seed := graph.Record{DOI: "10.5555/seed", Title: "A seed", Year: 2020,
		References: []graph.Reference{{DOI: recs[0].DOI}, {DOI: recs[1].DOI}, {DOI: "10.5555/only-cited", Title: "Only cited", Year: 2001}}}
	seed.Normalize()
	all := append([]graph.Record{seed}, recs...)
	g := graph.Build(all)
	var cands []Candidate
	for _, d := range []string{recs[0].DOI, recs[1].DOI, "10.5555/only-cited"} {
		w := g.Work("doi:" + d)
		if w == nil {
			t.Fatalf("no work doi:%s", d)
		}
		cands = append(cands, Candidate{Rank: len(cands) + 1, Key: w.Key})
	}
	res := &Result{Graph: g, Records: all, Candidates: cands}
	var buf bytes.Buffer
	if err := res.writeRIS(&buf); err != nil {
		t.Fatal(err)
	}
	entries := strings.Split(buf.String(), "ER  - ")
	if len(entries) != 4 { // three records and what follows the last ER
		t.Fatalf("%d records in candidates.ris:\n%s", len(entries)-1, buf.String())
	}
	has := func(i int, tag string) bool { return strings.Contains(entries[i], "\n"+tag+"  - ") }
	want := []struct{ ab, db, n1 bool }{{false, true, true}, {true, true, true}, {false, false, false}}
	for i, w := range want {
		if has(i, "AB") != w.ab || has(i, "DB") != w.db || has(i, "N1") != w.n1 {
			t.Errorf("record %d: AB %v DB %v N1 %v, want %+v:\n%s", i+1, has(i, "AB"), has(i, "DB"), has(i, "N1"), w, entries[i])
		}
	}
	if !strings.Contains(entries[1], "DB  - OpenAlex") || !strings.Contains(entries[1], "AB  - Despite growing interest in Open Access") ||
		!strings.Contains(entries[1], "N1  - Found in: OpenAlex (W2741809807)") || !strings.Contains(entries[1], "KW  - Open Science") {
		t.Errorf("record 2:\n%s", entries[1])
	}
}
