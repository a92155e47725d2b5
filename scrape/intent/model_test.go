package intent

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/citegraph/citegraph/graph"
)

// sharedIntent is shared/data/intent seen from this package, or "" when
// it is absent (a clean clone, CI).
func sharedIntent(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "shared", "data", "intent")
	if _, err := os.Stat(filepath.Join(dir, "train.jsonl")); err != nil {
		t.Skip("shared/data/intent is absent")
	}
	return dir
}

// TestEmbeddedModelIsTrained checks that model.bin is what the documented
// command makes from shared/data/intent (10 to 40 s, as loaded): the same
// bytes as the run that wrote it, which also shows training deterministic.
func TestEmbeddedModelIsTrained(t *testing.T) {
	dir := sharedIntent(t)
	start := time.Now()
	b, ev, err := Train(context.Background(), dir, DefaultTrainOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start))
	if !bytes.Equal(b, modelBin) {
		t.Fatalf("model.bin (%d bytes) is not what training gives (%d bytes): run go run ./scrape/intent/internal/train -data ../shared/data/intent -o scrape/intent/model.bin", len(modelBin), len(b))
	}
	// The dev figures docs/ACCURACY.md reports (measured with this
	// command): a change that loses them fails here.
	want := map[string]struct{ f1, ece float64 }{
		"scicite":   {0.81, 0.05}, // 0.816, ECE 0.021
		"athar2011": {0.58, 0.05}, // 0.590, ECE 0.038
	}
	for _, p := range ev.Parts {
		w, ok := want[p.Source]
		if !ok || p.Classifier != ModelName {
			continue
		}
		t.Logf("%s: macro-F1 %.3f, ECE %.3f", p.Source, p.MacroF1(), p.ECE())
		if p.MacroF1() < w.f1 || p.ECE() > w.ece {
			t.Errorf("%s: macro-F1 %.3f (want ≥ %.2f), ECE %.3f (want ≤ %.2f)", p.Source, p.MacroF1(), w.f1, p.ECE(), w.ece)
		}
	}
}

func TestPredict(t *testing.T) {
	m := Default()
	tests := []struct {
		text, section, function, sentiment string
	}{
		// Sentences written for this test, in the style of SciCite and Athar.
		{"Samples were analysed as described previously [6].", "Methods", Method, ""},
		{"We used the PHQ-9 questionnaire [7] to measure depression.", "Methods", Method, ""},
		{"Depression is common among adolescents [1].", "Introduction", Background, Mentioning},
		{"Our results are consistent with those of Smith et al. [3].", "Discussion", Result, ""},
		{"Unlike (Smith et al., 2010), this approach fails to generalise and performs poorly on our data.", "", "", Contrasting},
	}
	for _, tt := range tests {
		p := m.Predict(tt.text, tt.section)
		if tt.function != "" && p.Function != tt.function || tt.sentiment != "" && p.Sentiment != tt.sentiment {
			t.Errorf("%q: %+v, want function %q sentiment %q", tt.text, p, tt.function, tt.sentiment)
		}
		if p.FunctionConfidence < 1.0/3-0.01 || p.FunctionConfidence > 1 || p.SentimentConfidence <= 0 || p.SentimentConfidence > 1 {
			t.Errorf("%q: confidences out of range: %+v", tt.text, p)
		}
	}
}

func TestAnnotateKeepsSource(t *testing.T) {
	st := []graph.Statement{
		{Text: "We used X [1].", Section: "Methods"},
		{Text: "Y agrees with [2].", Intent: "contrasting", Confidence: 0.9},
		{Text: "Z [3].", Intent: "methodology", ClassifiedBy: "source"},
	}
	Annotate(st)
	if st[0].ClassifiedBy != ModelName || st[0].Function != Method || st[0].Intent != Method || st[0].Confidence != st[0].FunctionConfidence {
		t.Errorf("classified %+v", st[0])
	}
	if st[1].Intent != Contrasting || st[1].ClassifiedBy != BySource || st[1].Sentiment != Contrasting || st[1].SentimentConfidence != 0.9 || st[1].Function == "" {
		t.Errorf("scite-like %+v", st[1])
	}
	if st[2].Intent != "methodology" || st[2].Function != Method || st[2].Sentiment == "" {
		t.Errorf("S2-like %+v", st[2])
	}
}

func TestTokens(t *testing.T) {
	got := tokens("Unlike Smith et al. (2010) and [3, 4], we don't find 12 cases (n = 5) #AUTHOR_TAG.", nil)
	want := []string{"unlike", "smith", "et", "al", ",", citeTok, "and", citeTok, ",", "we", "dont", "find", "0", "cases", "n", "0", citeTok, ","}
	if len(got) != len(want) {
		t.Fatalf("tokens %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("tokens %q, want %q", got, want)
		}
	}
}

func FuzzParseModel(f *testing.F) {
	f.Add(modelBin[:64])
	f.Add([]byte(modelMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		if m, err := ParseModel(b); err == nil {
			m.Predict("a (b, 2001) c", "x")
		}
	})
}

func FuzzPredict(f *testing.F) {
	f.Add("Unlike [3], we find (Smith, 2010) #AUTHOR_TAG.", "Discussion > Limits")
	f.Add("(((( [[[ 1999", "")
	f.Fuzz(func(t *testing.T, text, section string) {
		p := Default().Predict(text, section)
		if p.FunctionConfidence <= 0 || p.FunctionConfidence > 1 || p.SentimentConfidence <= 0 || p.SentimentConfidence > 1 {
			t.Fatalf("%q: %+v", text, p)
		}
	})
}

// BenchmarkPredict measures the model on the dev statements (shared) or
// on one long sentence; docs/ACCURACY.md gives the figure.
func BenchmarkPredict(b *testing.B) {
	lines := []Example{{Text: "Our results are consistent with those of Smith et al. [3], however they did not find an effect in the larger cohort that was measured using the scale of Jones (Jones, 2004).", Section: "Discussion"}}
	if ex, err := ReadExamples(filepath.Join("..", "..", "..", "shared", "data", "intent", "dev.jsonl")); err == nil {
		lines = ex
	}
	m := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		e := lines[i%len(lines)]
		m.Predict(e.Text, e.Section)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "statements/s")
}

// TestDecideShift checks that a head's decision shift moves the decision
// and leaves the calibrated probabilities alone, and that model.bin keeps
// it.
func TestDecideShift(t *testing.T) {
	h := head{scale: 0.1, temp: 2, bias: [3]float32{0.5, 0, -0.5}}
	raw := []int32{10, 8, 0} // scores 1.0, 0.8, 0
	c, p := h.decide(raw)
	if c != 0 {
		t.Errorf("unshifted decision %d, want 0", c)
	}
	h.shift = [3]float32{0, 0.3, 0}
	c2, p2 := h.decide(raw)
	if c2 != 1 || p2 != p {
		t.Errorf("shifted decision %d with %v, want 1 with %v", c2, p2, p)
	}
	m := &Model{bits: 8, w: make([]int8, 6<<8), heads: [2]head{h, h}}
	m2, err := ParseModel(m.encode())
	if err != nil || m2.heads != m.heads {
		t.Fatalf("round trip: %v, heads %+v, want %+v", err, m2.heads, m.heads)
	}
	if d := Default().heads[1].shift; d[0] != 0 || d[1] == 0 && d[2] == 0 {
		t.Errorf("embedded sentiment shift %v: the training chose none", d)
	}
}
