package intent

import (
	"fmt"
	"math"
	"strings"
)

// Evaluation is how a classifier does on labelled lines, per source and
// head.
type Evaluation struct {
	Parts []Part
}

// Part is one source read by one head: its confusion matrix over the
// head's classes and, for the model, the reliability of its confidence.
type Part struct {
	Source     string   // scicite, acl-arc, 3c (coarse: three classes) or athar2011
	Classifier string   // ModelName or "rules"
	Classes    []string // FunctionClasses or SentimentClasses
	Confusion  [3][3]int
	// Bins are ten equal-width confidence bins: statements, mean
	// confidence and accuracy in each (empty for the rules).
	Bins [10]Bin
}

// Bin is one bin of a reliability table.
type Bin struct {
	N          int
	Confidence float64 // mean confidence
	Accuracy   float64
}

// F1 returns the F1 of class c.
func (p *Part) F1(c int) (prec, rec, f1 float64) {
	var tp, col, row int
	for i := range 3 {
		col += p.Confusion[i][c]
		row += p.Confusion[c][i]
	}
	tp = p.Confusion[c][c]
	if col > 0 {
		prec = float64(tp) / float64(col)
	}
	if row > 0 {
		rec = float64(tp) / float64(row)
	}
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	return prec, rec, f1
}

// MacroF1 is the mean F1 of the three classes.
func (p *Part) MacroF1() float64 {
	var s float64
	for c := range 3 {
		_, _, f := p.F1(c)
		s += f
	}
	return s / 3
}

// ECE is the expected calibration error over the bins.
func (p *Part) ECE() float64 {
	var n int
	var s float64
	for _, b := range p.Bins {
		n += b.N
		s += float64(b.N) * math.Abs(b.Confidence-b.Accuracy)
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}

// Evaluate measures m and the rule-based Classify on labelled lines.
func (m *Model) Evaluate(lines []Example) *Evaluation {
	parts := map[string]*Part{}
	var order []string
	get := func(src, by string, h int) *Part {
		k := src + "\x00" + by
		p := parts[k]
		if p == nil {
			cl := FunctionClasses
			if h == 1 {
				cl = SentimentClasses
			}
			p = &Part{Source: src, Classifier: by, Classes: cl}
			parts[k] = p
			order = append(order, k)
		}
		return p
	}
	type acc struct {
		n, right int
		conf     float64
	}
	bins := map[string]*[10]acc{}
	for _, e := range lines {
		h, gold, ok := target(e, true)
		if !ok {
			continue
		}
		pr := m.Predict(e.Text, e.Section)
		cls, conf := pr.Function, pr.FunctionConfidence
		if h == 1 {
			cls, conf = pr.Sentiment, pr.SentimentConfidence
		}
		p := get(e.Source, ModelName, h)
		c := index(p.Classes, cls)
		p.Confusion[gold][c]++
		k := e.Source
		if bins[k] == nil {
			bins[k] = &[10]acc{}
		}
		b := &bins[k][min(int(conf*10), 9)]
		b.n++
		b.conf += conf
		if c == gold {
			b.right++
		}
		r := Classify(e.Text, e.Section).Intent
		rp := get(e.Source, "rules", h)
		if h == 0 {
			rp.Confusion[gold][index(rp.Classes, Family(r))]++
		} else {
			if r != Supporting && r != Contrasting {
				r = Mentioning
			}
			rp.Confusion[gold][index(rp.Classes, r)]++
		}
	}
	ev := &Evaluation{}
	for _, k := range order {
		p := parts[k]
		if b := bins[p.Source]; b != nil && p.Classifier == ModelName {
			for i, a := range b {
				if a.n > 0 {
					p.Bins[i] = Bin{N: a.n, Confidence: a.conf / float64(a.n), Accuracy: float64(a.right) / float64(a.n)}
				}
			}
		}
		ev.Parts = append(ev.Parts, *p)
	}
	return ev
}

func index(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return 0
}

// Markdown writes the evaluation as the tables of docs/ACCURACY.md.
func (ev *Evaluation) Markdown() string {
	var b strings.Builder
	b.WriteString("| source | classifier | class | precision | recall | F1 |\n|---|---|---|---|---|---|\n")
	for _, p := range ev.Parts {
		for c, name := range p.Classes {
			pr, rc, f := p.F1(c)
			fmt.Fprintf(&b, "| %s | %s | %s | %.3f | %.3f | %.3f |\n", p.Source, p.Classifier, name, pr, rc, f)
		}
		fmt.Fprintf(&b, "| %s | %s | **macro-F1** | | | **%.3f** |\n", p.Source, p.Classifier, p.MacroF1())
	}
	b.WriteString("\nReliability of the model's confidence (ten equal bins; ECE = Σ n·|confidence − accuracy| / N)\n\n")
	b.WriteString("| source | ECE | bins: n / mean confidence / accuracy |\n|---|---|---|\n")
	for _, p := range ev.Parts {
		if p.Classifier != ModelName {
			continue
		}
		var cells []string
		for i, bn := range p.Bins {
			if bn.N > 0 {
				cells = append(cells, fmt.Sprintf("%.1f–%.1f: %d / %.2f / %.2f", float64(i)/10, float64(i+1)/10, bn.N, bn.Confidence, bn.Accuracy))
			}
		}
		fmt.Fprintf(&b, "| %s | %.3f | %s |\n", p.Source, p.ECE(), strings.Join(cells, "; "))
	}
	return b.String()
}
