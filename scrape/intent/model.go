package intent

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
)

// ModelName is the name and version of the trained classifier, written as
// ClassifiedBy on the statements it classifies. It changes whenever
// model.bin is retrained with different features or data.
const ModelName = "citegraph-intent-linear/4"

// The two heads of the model and their classes, in the order of the
// model's weights.
var (
	// FunctionClasses are SciCite's three (Cohan et al. 2019).
	FunctionClasses = []string{Background, Method, Result}
	// SentimentClasses are scite's three, as Athar (2011) labels them
	// (neutral, positive, negative).
	SentimentClasses = []string{Mentioning, Supporting, Contrasting}
)

// Mentioning is the sentiment of a statement that neither supports nor
// contrasts the work it cites (scite's "mentioning").
const Mentioning = "mentioning"

//go:embed model.bin
var modelBin []byte

const modelMagic = "citegraph-intent\x00\x02"

// head is one softmax classifier over the shared hashed features.
type head struct {
	scale float32    // weight = int8 × scale
	temp  float32    // temperature fitted on dev (calibration)
	bias  [3]float32 // calibration biases fitted on dev with temp
	// shift is added to the scores (score·scale) for the decision only: a
	// class-prior shift chosen on held-out folds of the training lines
	// for macro-F1, which favours the rare classes (train.go, decisionShift).
	shift [3]float32
}

// Model is the trained linear classifier: int8 weights over 1<<bits hashed
// feature buckets, six per bucket (three per head).
type Model struct {
	bits  uint
	w     []int8 // [bucket][6]
	heads [2]head
}

// Prediction2 is what the trained model says of a statement: each head's
// class with its calibrated probability.
type Prediction2 struct {
	Function            string  // background, method or result
	FunctionConfidence  float64 // calibrated probability of Function, 0..1
	Sentiment           string  // mentioning, supporting or contrasting
	SentimentConfidence float64 // calibrated probability of Sentiment, 0..1
}

// Intent folds the two heads into the one intent of the five that
// Statement.Intent carries: the sentiment when it is supporting or
// contrasting, the function otherwise.
func (p Prediction2) Intent() (string, float64) {
	if p.Sentiment != Mentioning {
		return p.Sentiment, p.SentimentConfidence
	}
	return p.Function, p.FunctionConfidence
}

// ParseModel reads a model written by Train.
func ParseModel(b []byte) (*Model, error) {
	if len(b) < len(modelMagic)+1 || string(b[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("intent: not a citegraph intent model")
	}
	b = b[len(modelMagic):]
	m := &Model{bits: uint(b[0])}
	b = b[1:]
	if m.bits < 8 || m.bits > 24 {
		return nil, fmt.Errorf("intent: model has %d hash bits", m.bits)
	}
	for h := range m.heads {
		if len(b) < headBytes {
			return nil, errors.New("intent: model truncated")
		}
		f := func(i int) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:])) }
		m.heads[h] = head{scale: f(0), temp: f(1), bias: [3]float32{f(2), f(3), f(4)}, shift: [3]float32{f(5), f(6), f(7)}}
		b = b[headBytes:]
	}
	n := 6 << m.bits
	if len(b) != n {
		return nil, fmt.Errorf("intent: model has %d weight bytes, want %d", len(b), n)
	}
	m.w = make([]int8, n)
	for i, c := range b {
		m.w[i] = int8(c)
	}
	return m, nil
}

// headBytes is the size of a head's parameters in model.bin: scale,
// temperature, three biases and three shifts, float32 each.
const headBytes = 32

// encode writes m as ParseModel reads it.
func (m *Model) encode() []byte {
	out := append([]byte(modelMagic), byte(m.bits))
	for _, h := range m.heads {
		for _, v := range []float32{h.scale, h.temp, h.bias[0], h.bias[1], h.bias[2], h.shift[0], h.shift[1], h.shift[2]} {
			out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v))
		}
	}
	for _, c := range m.w {
		out = append(out, byte(c))
	}
	return out
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default returns the model embedded in the package (model.bin). It panics
// if the embedded file is not a model, which only a broken build can cause.
func Default() *Model {
	defaultOnce.Do(func() {
		m, err := ParseModel(modelBin)
		if err != nil {
			panic(err)
		}
		defaultModel = m
	})
	return defaultModel
}

// scores sums the int8 weights of the features, per class of both heads.
func (m *Model) scores(feats []uint32) [6]int32 {
	var s [6]int32
	for _, f := range feats {
		w := m.w[int(f)*6 : int(f)*6+6]
		s[0] += int32(w[0])
		s[1] += int32(w[1])
		s[2] += int32(w[2])
		s[3] += int32(w[3])
		s[4] += int32(w[4])
		s[5] += int32(w[5])
	}
	return s
}

// decide returns the class a head chooses, the one of highest shifted
// score score·scale + shift (the class-weighted model's decision moved
// towards the rare classes), and the calibrated probabilities
// softmax(score·scale/temp + bias), which the shift does not touch.
func (h head) decide(raw []int32) (int, [3]float64) {
	var z, d [3]float64
	best := 0
	for i, r := range raw {
		v := float64(r) * float64(h.scale)
		z[i] = v/float64(h.temp) + float64(h.bias[i])
		d[i] = v + float64(h.shift[i])
		if d[i] > d[best] {
			best = i
		}
	}
	return best, softmax3(z)
}

// featurePool holds scratch buffers for Predict.
var featurePool = sync.Pool{New: func() any { return &scratch{} }}

type scratch struct {
	toks  []string
	feats []uint32
}

// Predict classifies one statement from its sentence and section path. It
// is safe for concurrent use and allocates little: a sentence of 40 words
// takes about 25 µs.
func (m *Model) Predict(sentence, section string) Prediction2 {
	sc := featurePool.Get().(*scratch)
	sc.toks = tokens(sentence, sc.toks)
	sc.feats = features(sc.feats[:0], sc.toks, section, m.bits)
	s := m.scores(sc.feats)
	featurePool.Put(sc)
	return m.fromScores(s)
}

func (m *Model) fromScores(s [6]int32) Prediction2 {
	f, fp := m.heads[0].decide(s[0:3])
	g, gp := m.heads[1].decide(s[3:6])
	return Prediction2{
		Function: FunctionClasses[f], FunctionConfidence: round3(fp[f]),
		Sentiment: SentimentClasses[g], SentimentConfidence: round3(gp[g]),
	}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
