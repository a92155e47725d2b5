package intent

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// TrainOptions are the training settings; DefaultTrainOptions gives the
// ones model.bin was built with.
type TrainOptions struct {
	Seed      uint64
	Bits      uint    // hash buckets: 1<<Bits
	Epochs    int     // passes of AdaGrad over the training lines
	Rate      float64 // AdaGrad learning rate of the function head
	Rate2     float64 // AdaGrad learning rate of the sentiment head
	L2        float64 // L2 penalty per update, function head
	L2Sent    float64 // L2 penalty per update, sentiment head
	Balance   float64 // class weight exponent: (n/(k·n_c))^Balance; 0 = unweighted
	UseACLARC bool    // add ACL-ARC and 3C, read coarsely, to the function head's data
	// FunctionSeeds and SentimentSeeds are the numbers of trainings (in
	// orders drawn from seeds Seed, Seed+1, …) each head is the mean of
	// (1 or less: one).
	FunctionSeeds, SentimentSeeds int
	// ShiftFolds is the number of folds of the sentiment head's training
	// lines, grouped by citing paper, whose held-out scores choose its
	// decision shift (see decisionShift); below 2, no shift.
	ShiftFolds int
}

// DefaultTrainOptions are the settings chosen on dev.jsonl (see
// docs/ACCURACY.md, intent).
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Seed: 1, Bits: 18, Epochs: 5, Rate: 0.01, Rate2: 0.05, L2: 1e-6, L2Sent: 1e-4, Balance: 0.4,
		UseACLARC: false, FunctionSeeds: 10, SentimentSeeds: 5, ShiftFolds: 5}
}

// Example is one labelled line of shared/data/intent (see its MANIFEST).
type Example struct {
	Text    string `json:"text"`
	Section string `json:"section"`
	Label   string `json:"label"`
	Scheme  string `json:"scheme"`
	Source  string `json:"source"`
	ID      string `json:"id"`
}

// ReadExamples reads a JSON-lines file of labelled statements.
func ReadExamples(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("intent: %w", err)
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var e Example
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("intent: %s:%d: %w", path, line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("intent: %s: %w", path, err)
	}
	return out, nil
}

// target says which head an example trains and its class there: head 0
// (function) or 1 (sentiment), class index; ok false when it trains
// neither.
func target(e Example, useACL bool) (h, c int, ok bool) {
	switch e.Scheme {
	case "scicite":
		c = slices.Index(FunctionClasses, e.Label)
		return 0, c, c >= 0
	case "sentiment":
		c = slices.Index(SentimentClasses, e.Label)
		return 1, c, c >= 0
	case "acl-arc":
		if !useACL {
			return 0, 0, false
		}
		switch e.Label {
		case "Background", "Motivation", "Future":
			return 0, 0, true
		case "Uses", "Extends":
			return 0, 1, true
		case "CompareOrContrast":
			return 0, 2, true
		}
	}
	return 0, 0, false
}

type sample struct {
	feats []uint32
	head  int
	class int
	paper string // the citing paper (the ID up to ">"), for grouped folds
}

func featurize(ex []Example, bits uint, useACL bool) []sample {
	var out []sample
	var toks []string
	for _, e := range ex {
		h, c, ok := target(e, useACL)
		if !ok {
			continue
		}
		toks = tokens(e.Text, toks)
		paper, _, _ := strings.Cut(e.ID, ">")
		out = append(out, sample{feats: features(nil, toks, e.Section, bits), head: h, class: c, paper: paper})
	}
	return out
}

// Train builds the model from dir's train.jsonl, calibrates it on
// dev.jsonl and returns model.bin's bytes with the dev evaluation. The same
// files and options give the same bytes.
func Train(ctx context.Context, dir string, o TrainOptions) ([]byte, *Evaluation, error) {
	train, err := ReadExamples(filepath.Join(dir, "train.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	dev, err := ReadExamples(filepath.Join(dir, "dev.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	data := featurize(train, o.Bits, o.UseACLARC)
	m, err := fit(ctx, data, o)
	if err != nil {
		return nil, nil, err
	}
	if o.ShiftFolds >= 2 {
		shift, err := decisionShift(ctx, data, 1, o)
		if err != nil {
			return nil, nil, err
		}
		m.heads[1].shift = shift
	}
	m.calibrate(dev)
	return m.encode(), m.Evaluate(dev), nil
}

// fit runs AdaGrad on the softmax loss of each head, with class weights,
// then quantises the weights to int8.
func fit(ctx context.Context, data []sample, o TrainOptions) (*Model, error) {
	n := 6 << o.Bits
	w := make([]float64, n)
	g2 := make([]float64, n)
	var count [2][3]float64
	for _, s := range data {
		count[s.head][s.class]++
	}
	var cw [2][3]float64
	for h := range cw {
		tot := count[h][0] + count[h][1] + count[h][2]
		for c := range cw[h] {
			cw[h][c] = math.Pow(tot/(3*math.Max(count[h][c], 1)), o.Balance)
		}
	}
	// Each head is the mean of its number of trainings, which differ in
	// their order (seeds Seed, Seed+1, …): the mean has less variance.
	avg := make([]float64, n)
	k := [2]int{max(o.FunctionSeeds, 1), max(o.SentimentSeeds, 1)}
	for run := range max(k[0], k[1]) {
		clear(w)
		clear(g2)
		active := [2]bool{run < k[0], run < k[1]}
		if err := sgd(ctx, data, o, o.Seed+uint64(run), active, &cw, w, g2); err != nil {
			return nil, err
		}
		for i := range w {
			if h := i % 6 / 3; active[h] {
				avg[i] += w[i] / float64(k[h])
			}
		}
	}
	w = avg
	m := &Model{bits: o.Bits, w: make([]int8, n)}
	for h := 0; h < 2; h++ {
		var mx float64
		for i := 3 * h; i < n; i += 6 {
			mx = math.Max(mx, math.Max(math.Abs(w[i]), math.Max(math.Abs(w[i+1]), math.Abs(w[i+2]))))
		}
		scale := float32(mx / 127)
		if scale == 0 {
			scale = 1
		}
		m.heads[h] = head{scale: scale, temp: 1}
		for i := 3 * h; i < n; i += 6 {
			for c := 0; c < 3; c++ {
				m.w[i+c] = int8(math.Round(w[i+c] / float64(scale)))
			}
		}
	}
	return m, nil
}

// sgd runs o.Epochs of AdaGrad over data, updating w and its squared
// gradients g2 in place. Only the heads marked active are trained, each
// over its own lines in an order drawn from seed and the head, so that
// one head's lines do not change the other's training.
func sgd(ctx context.Context, data []sample, o TrainOptions, seed uint64, active [2]bool, cw *[2][3]float64, w, g2 []float64) error {
	for h := range active {
		if !active[h] {
			continue
		}
		var order []int
		for i, s := range data {
			if s.head == h {
				order = append(order, i)
			}
		}
		if err := sgdHead(ctx, data, order, o, seed, h, cw, w, g2); err != nil {
			return err
		}
	}
	return nil
}

// sgdHead runs o.Epochs of AdaGrad on head h over the lines order lists.
func sgdHead(ctx context.Context, data []sample, order []int, o TrainOptions, seed uint64, h int, cw *[2][3]float64, w, g2 []float64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15^uint64(h)))
	rate := [2]float64{o.Rate, o.Rate2}
	l2 := [2]float64{o.L2, o.L2Sent}
	for ep := 0; ep < o.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			s := data[i]
			base := 3 * s.head
			var z [3]float64
			for _, f := range s.feats {
				k := int(f)*6 + base
				z[0] += w[k]
				z[1] += w[k+1]
				z[2] += w[k+2]
			}
			p := softmax3(z)
			for c := range p {
				p[c] *= cw[s.head][s.class]
			}
			p[s.class] -= cw[s.head][s.class]
			for _, f := range s.feats {
				k := int(f)*6 + base
				for c := 0; c < 3; c++ {
					g := p[c] + l2[s.head]*w[k+c]
					g2[k+c] += g * g
					w[k+c] -= rate[s.head] * g / (math.Sqrt(g2[k+c]) + 1e-8)
				}
			}
		}
	}
	return nil
}

func softmax3(z [3]float64) [3]float64 {
	mx := math.Max(z[0], math.Max(z[1], z[2]))
	var s float64
	for i := range z {
		z[i] = math.Exp(z[i] - mx)
		s += z[i]
	}
	for i := range z {
		z[i] /= s
	}
	return z
}

// devScores returns each dev line's raw scores for the head it belongs to,
// with its class.
func (m *Model) devScores(dev []Example, h int) (raw [][3]int32, gold []int) {
	var toks []string
	var feats []uint32
	for _, e := range dev {
		hh, c, ok := target(e, false)
		if !ok || hh != h {
			continue
		}
		toks = tokens(e.Text, toks)
		feats = features(feats[:0], toks, e.Section, m.bits)
		s := m.scores(feats)
		raw = append(raw, [3]int32{s[3*h], s[3*h+1], s[3*h+2]})
		gold = append(gold, c)
	}
	return raw, gold
}

// calibrate fits each head's temperature and biases on dev by the
// negative log-likelihood (3,000 steps of gradient descent on 1/temp and
// the biases, where the loss is convex). Only the SciCite lines of dev
// calibrate the function head, only Athar's the sentiment head.
func (m *Model) calibrate(dev []Example) {
	for h := range m.heads {
		raw, gold := m.devScores(dev, h)
		if len(raw) == 0 {
			continue
		}
		scale := float64(m.heads[h].scale)
		a, b := 1.0, [3]float64{}
		// The step for 1/temp is scaled by the mean squared logit, which
		// keeps the descent stable whatever the logits' size.
		var sq float64
		for _, r := range raw {
			for _, v := range r {
				sq += float64(v) * scale * float64(v) * scale
			}
		}
		lrA := 0.5 / math.Max(sq/float64(3*len(raw)), 1)
		const lr = 0.5
		for range 3000 {
			var ga float64
			var gb [3]float64
			for i, r := range raw {
				var z [3]float64
				for c := range z {
					z[c] = a*float64(r[c])*scale + b[c]
				}
				p := softmax3(z)
				p[gold[i]]--
				for c := range p {
					ga += p[c] * float64(r[c]) * scale
					gb[c] += p[c]
				}
			}
			n := float64(len(raw))
			a -= lrA * ga / n
			for c := range b {
				b[c] -= lr * gb[c] / n
			}
		}
		m.heads[h].temp = float32(1 / a)
		m.heads[h].bias = [3]float32{float32(b[0]), float32(b[1]), float32(b[2])}
	}
}

// decisionShift chooses head h's decision shift: the training lines of
// the head are split into o.ShiftFolds folds by citing paper, a model is
// trained on all folds but one and scores the one left out, and the shift
// (0 for the first class, −3 to 3 in steps of 0.1 for the others) that
// gives these held-out scores the highest macro-F1 is kept, the smallest
// on a tie. Macro-F1 rewards the recall of rare classes more than the
// class weights alone give it; choosing the shift on held-out training
// lines rather than on dev keeps dev for calibration and for measuring.
func decisionShift(ctx context.Context, data []sample, h int, o TrainOptions) ([3]float32, error) {
	fo := o
	fo.ShiftFolds = 0
	if h == 1 {
		fo.FunctionSeeds = 1
	} else {
		fo.SentimentSeeds = 1
	}
	var z [][3]float64
	var gold []int
	for k := range o.ShiftFolds {
		var in, out []sample
		for _, s := range data {
			switch {
			case s.head != h:
			case int(fnvString(fnvOffset, s.paper)%uint64(o.ShiftFolds)) == k:
				out = append(out, s)
			default:
				in = append(in, s)
			}
		}
		m, err := fit(ctx, in, fo)
		if err != nil {
			return [3]float32{}, err
		}
		scale := float64(m.heads[h].scale)
		for _, s := range out {
			r := m.scores(s.feats)
			z = append(z, [3]float64{float64(r[3*h]) * scale, float64(r[3*h+1]) * scale, float64(r[3*h+2]) * scale})
			gold = append(gold, s.class)
		}
	}
	var best [3]float32
	bestF := -1.0
	for b1 := -30; b1 <= 30; b1++ {
		for b2 := -30; b2 <= 30; b2++ {
			shift := [3]float64{0, float64(b1) / 10, float64(b2) / 10}
			var conf [3][3]int
			for i, v := range z {
				c := 0
				for j := 1; j < 3; j++ {
					if v[j]+shift[j] > v[c]+shift[c] {
						c = j
					}
				}
				conf[gold[i]][c]++
			}
			p := Part{Confusion: conf}
			// a tie goes to the smaller shift
			f := p.MacroF1() - 1e-9*float64(abs(b1)+abs(b2))
			if f > bestF {
				bestF, best = f, [3]float32{0, float32(shift[1]), float32(shift[2])}
			}
		}
	}
	return best, nil
}
