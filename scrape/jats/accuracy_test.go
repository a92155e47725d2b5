package jats

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// goldFile is a hand-labelled set of citation statements (see
// testdata/gold_statements.json and docs/ACCURACY.md (full text)).
type goldFile struct {
	Paragraphs []struct {
		File       string `json:"file"`
		Paragraph  string `json:"paragraph"`
		Statements []struct {
			Text    string   `json:"text"`
			Section string   `json:"section"`
			Refs    []string `json:"refs"`
		} `json:"statements"`
	} `json:"paragraphs"`
}

// scores are the accuracy figures of statements against a gold set.
type scores struct {
	gold, extracted               int
	textHits                      int // extracted statements whose sentence is a gold sentence
	exact                         int // … with the same section and references as well
	sectionHits                   int // of the text hits, same section
	linkGold, linkFound, linkHits int // (sentence, reference) pairs
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// score compares the statements of the records (by file name) that stand in
// the gold paragraphs with the gold statements.
func score(g goldFile, recs map[string]graph.Record) scores {
	var s scores
	for _, p := range g.Paragraphs {
		r := recs[p.File]
		var in []graph.Statement
		for _, st := range r.Statements {
			if strings.Contains(p.Paragraph, st.Text) {
				in = append(in, st)
			}
		}
		s.extracted += len(in)
		s.gold += len(p.Statements)
		keysOf := func(st graph.Statement) []string {
			var k []string
			for _, i := range st.Refs {
				k = append(k, r.References[i].Key)
			}
			return k
		}
		for _, st := range in {
			s.linkFound += len(st.Refs)
		}
		for _, gs := range p.Statements {
			s.linkGold += len(gs.Refs)
			// The extracted statement that covers most of the gold sentence.
			best, bestOverlap := -1, 0
			for i, st := range in {
				if o := overlap(p.Paragraph, st.Text, gs.Text); o > bestOverlap {
					best, bestOverlap = i, o
				}
			}
			if best < 0 {
				continue
			}
			st := in[best]
			for _, k := range keysOf(st) {
				if slices.Contains(gs.Refs, k) {
					s.linkHits++
				}
			}
			if st.Text != gs.Text {
				continue
			}
			s.textHits++
			if st.Section == gs.Section {
				s.sectionHits++
				a, b := slices.Clone(keysOf(st)), slices.Clone(gs.Refs)
				slices.Sort(a)
				slices.Sort(b)
				if slices.Equal(a, b) {
					s.exact++
				}
			}
		}
	}
	return s
}

// overlap returns how many bytes of the paragraph two sentences of it
// share.
func overlap(para, a, b string) int {
	ia, ib := strings.Index(para, a), strings.Index(para, b)
	if ia < 0 || ib < 0 {
		return 0
	}
	return max(0, min(ia+len(a), ib+len(b))-max(ia, ib))
}

func (s scores) log(t *testing.T) {
	t.Logf("statements: %d gold, %d extracted in the same paragraphs", s.gold, s.extracted)
	t.Logf("sentence boundaries: precision %.3f (%d/%d), recall %.3f (%d/%d)", ratio(s.textHits, s.extracted), s.textHits, s.extracted, ratio(s.textHits, s.gold), s.textHits, s.gold)
	t.Logf("sections (of matched sentences): %.3f (%d/%d)", ratio(s.sectionHits, s.textHits), s.sectionHits, s.textHits)
	t.Logf("referenced works, (sentence, reference) pairs: precision %.3f (%d/%d), recall %.3f (%d/%d)", ratio(s.linkHits, s.linkFound), s.linkHits, s.linkFound, ratio(s.linkHits, s.linkGold), s.linkHits, s.linkGold)
	t.Logf("whole statements (sentence, section and references right): precision %.3f, recall %.3f", ratio(s.exact, s.extracted), ratio(s.exact, s.gold))
}

// TestAccuracy measures the statements against the hand-labelled set; the
// thresholds are the figures measured when the set was made (see
// docs/ACCURACY.md (full text)), so that a change that loses accuracy fails.
func TestAccuracy(t *testing.T) {
	raw, err := os.ReadFile("testdata/gold_statements.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	recs := map[string]graph.Record{}
	for _, p := range g.Paragraphs {
		if _, ok := recs[p.File]; !ok {
			recs[p.File], _ = read(t, p.File)
		}
	}
	s := score(g, recs)
	s.log(t)
	if ratio(s.exact, s.gold) < 1 || ratio(s.exact, s.extracted) < 1 {
		t.Errorf("whole-statement precision or recall fell below 1.0")
	}
}
