package intent

import (
	"math"
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// The intents a statement can carry. Background, Method and Result are
// SciCite's three (Cohan et al. 2019, the scheme Semantic Scholar shows as
// "background", "methodology" and "result"); Supporting and Contrasting
// refine Result where the sentence says whether the cited finding agrees
// with the citing work's (scite's "supporting" and "contrasting").
const (
	Background  = "background"
	Method      = "method"
	Result      = "result"
	Supporting  = "supporting"
	Contrasting = "contrasting"
)

// Intents lists the intents in a fixed order.
var Intents = []string{Background, Method, Result, Supporting, Contrasting}

// BySource is the ClassifiedBy of an intent a source gave; citegraph's
// own is ModelName.
const BySource = "source"

// cue is a phrase that speaks for one intent, with its weight.
type cue struct {
	intent string
	weight float64
	re     *regexp.Regexp
	name   string
	// need lists words one of which the sentence must hold for re to be
	// tried: a cheap test that spares the regular expression most
	// sentences.
	need []string
}

// c makes a cue. Patterns are matched against the lower-cased sentence, so
// they are written in lower case (and compiled without (?i), which costs
// case folding at every step).
func c(intent string, weight float64, name, pattern string) cue {
	return cue{intent: intent, weight: weight, re: regexp.MustCompile(strings.ToLower(pattern)), name: name, need: needs[name]}
}

// needs are the words a cue's pattern cannot match without.
var needs = map[string][]string{
	"following": {"method", "procedure", "protocol", "approach", "technique", "algorithm", "guideline", "criteria",
		"framework", "model", "scale", "questionnaire", "instrument", "software", "package", "tool", "code", "pipeline",
		"strategy", "design", "checklist", "recommendation", "formula", "equation", "definition", "classification",
		"coding", "index", "measure", "version", "library", "implementation", "data", "corpus", "template", "steps"},
	"was measured using":   {" using", " with", " by", "according to", "following"},
	"was used":             {"was ", "were ", "is ", "are ", "been "},
	"our results":          {"our ", "the present", "the current", "this ", "these "},
	"than reported":        {" than "},
	"similar to":           {" to ", " with "},
	"as reported":          {"our", "we", "this study", "present"},
	"also found":           {"also", "similarly", "likewise"},
	"however others":       {"however", "whereas", "although", "while", "but"},
	"has been shown":       {" been "},
	"analysis approach":    {"analys", "theory", "regression", "sampling", "phenomenolog"},
	"compared with":        {"compar", "relative to"},
	"as described":         {"described", "detailed", "outlined", "proposed", "recommended", "suggested", "defined", "specified", "reported", "published"},
	"validated instrument": {"valid", "standardi", "reliab", "psychometric", "cronbach"},
	"data from":            {"obtained", "drawn", "derived", "taken", "retrieved", "downloaded", "collected", "gifted", "provided", "purchased", "sourced"},
	"studies have shown": {"shown", "suggested", "demonstrated", "indicated", "found", "reported", "highlighted", "documented",
		"revealed", "emphasi", "argued", "noted", "proposed", "established"},
	"agree":                  {"agree", "corroborat", "confirm", "replicat", "echo", "mirror", "reinforc", "align", "support"},
	"software":               {"software", "package", "toolbox", "library", "version", " v"},
	"in contrast":            {"contrast", "contrary", "opposed", "opposition", "odds", "variance", "consistent", "line", "agreement", "keeping", "congruent", "compatible", "contradict", "conflict", "disagree"},
	"unlike":                 {"unlike", "differ", "not ", "opposite", "challeng"},
	"outperform":             {"outperform", "improve", "state", "baseline", "surpass"},
	"known":                  {"known", "thought", "believed", "regarded", "recogni", "characteri", "associated", "linked", "implicated", "common", "prevalent", "widely"},
	"for example":            {"example", "instance", "such as", "e.g.", "review", "among others", "including"},
	"goes beyond":            {"beyond", "extend", "improve", "differ"},
	"we used":                {"we ", "i "},
	"consistent with":        {" with"},
	"previous studies found": {"previous", "prior", "earlier", "other", "several", "many", "some"},
}

// cues are the cue phrases, in the spirit of Teufel, Siddharthan and
// Tidhar's (2006) citation-function cue lexicon, grouped by the intent they
// speak for. Weights: 2 for a phrase that alone decides, 1 for one that
// leans.
var cues = []cue{
	// Method: the cited work supplies a method, tool, instrument or data.
	c(Method, 2, "as described", `\bas (?:previously |originally )?(?:described|detailed|outlined|proposed|recommended|suggested|defined|specified|reported|published) (?:previously |elsewhere |earlier )?(?:in|by)\b|\b(?:as |were |was )?(?:previously |originally )?(?:described|detailed|reported|published) (?:previously|elsewhere|earlier|before)\b|\bas previously (?:described|published|reported)\b`),
	c(Method, 2, "following", `\b(?:following|according to|in accordance with|adapted from|modified from|based on|derived from|as in|using|with) (?:the |a |an |their |this |these )?(?:[\w-]+ ){0,3}(?:method|methods|methodology|procedure|procedures|protocol|protocols|approach|technique|algorithm|guidelines?|criteria|framework|model|scale|questionnaire|instrument|software|package|tool|toolkit|code|pipeline|strategy|design|checklist|recommendations|formula|equation|definition|classification|coding|index|measure|version|library|implementation|dataset|data set|corpus|template|method of|steps)\b`),
	c(Method, 2, "we used", `\b(?:we|i) (?:used|use|employed|employ|adopted|adopt|applied|apply|followed|follow|implemented|implement|adapted|adapt|utili[sz]ed|chose|selected|relied on|drew on|built on|extended|trained|train|fine-tuned|ran|computed|estimated|measured|analy[sz]ed|coded)\b`),
	c(Method, 2, "was measured using", `\b(?:was|were|is|are|been) (?:measured|assessed|calculated|estimated|performed|conducted|analy[sz]ed|determined|computed|obtained|evaluated|quantified|coded|scored|collected|recorded|translated|validated|developed|constructed|prepared|purified|cultured|grown|isolated|extracted|synthesi[sz]ed|generated|identified|classified|categori[sz]ed|transcribed|trained|tested|implemented|modelled|modeled|fitted|fit|normali[sz]ed|detected|stained|treated|operationali[sz]ed|defined|used|applied|adopted|employed|utili[sz]ed|adapted|followed|carried out|done) (?:\w+ ){0,3}?(?:using|with|by|according to|following)\b`),
	c(Method, 1, "was used", `\b(?:was|were|is|are|been) (?:used|applied|adopted|employed|utili[sz]ed|adapted|followed)\b`),
	c(Method, 1, "data from", `\b(?:data|samples?|strains?|plasmids?|images|sequences|participants|items|questions) (?:were |was )?(?:obtained|drawn|derived|taken|retrieved|downloaded|collected|gifted|provided|purchased|sourced) (?:from|by)\b`),
	c(Method, 1, "software", `\b(?:software|package|toolbox|R package|library|version \d|v\d+\.\d)\b`),
	c(Method, 1, "analysis approach", `\b(?:thematic analysis|content analysis|grounded theory|meta-?analysis was|regression model|statistical analys[ie]s|framework analysis|interpretative phenomenological|reflexive thematic|sampling)\b`),
	c(Method, 1, "validated instrument", `\b(?:validated|standardi[sz]ed|reliable and valid|psychometric(?:ally)?|cronbach)\b`),

	// Result: the citing work compares its own results with the cited one.
	c(Result, 2, "compared with", `\b(?:compared (?:with|to)|in comparison (?:with|to)|comparable (?:with|to)|relative to (?:previous|prior|earlier|other))\b`),
	c(Result, 2, "our results", `\b(?:our|the present|the current|this|these) (?:results?|findings?|data|estimates?|observations?|study|analys[ie]s|work|experiments?|model|approach|method)\b[^.]{0,80}\b(?:than|as|with|to|previous|prior|earlier|reported|other)\b`),
	c(Result, 1, "than reported", `\b(?:higher|lower|greater|smaller|larger|fewer|more|less|better|worse|faster|slower|stronger|weaker) than (?:(?:that|those|what|the (?:one|ones|values?|rates?|estimates?|figures?)) )?(?:reported|found|observed|previously|in|of|by|obtained)\b`),
	c(Result, 2, "goes beyond", `\b(?:go(?:es)? beyond|extends?|improves? (?:up)?on|differs? from) (?:the |these )?(?:previous|prior|earlier|existing|other)\b`),
	c(Result, 1, "outperform", `\b(?:outperform\w*|improve[sd]? (?:up)?on|state[- ]of[- ]the[- ]art|baselines?|surpass\w*)\b`),
	c(Result, 1, "previous studies found", `\b(?:previous|prior|earlier|other|several|many|some) (?:studies|research|reports|work|investigations|trials|reviews)\b`),

	// Supporting: the cited work agrees with the citing work's finding.
	c(Supporting, 3, "consistent with", `\b(?:consistent|in line|in keeping|in agreement|in accord(?:ance)?|concordant|congruent|compatible|coherent) with\b`),
	c(Supporting, 2, "agree", `\b(?:agrees?|agreed|corroborat\w*|confirm(?:s|ed|ing)?|replicat\w*|echo(?:es|ed|ing)?|mirror(?:s|ed|ing)?|reinforc\w*|align(?:s|ed)? with|(?:lend|lends|provide|provides) (?:further )?support|support(?:s|ed|ing)? (?:the|our|previous|prior|earlier|these|this|findings|the notion|the idea|the hypothesis))\b`),
	c(Supporting, 2, "similar to", `\b(?:similar(?:ly)?|comparable|analogous|close|identical) (?:to|with) (?:those|that|the (?:results?|findings?|values?|rates?|estimates?|observations?|ones?)|what|previous|prior|earlier|reports?|studies|values)\b`),
	c(Supporting, 2, "as reported", `\b(?:as|which was|were|was|has been|have been) (?:also |similarly |likewise |previously )?(?:reported|found|observed|shown|seen|noted|demonstrated|described) (?:also |previously )?(?:by|in|for|elsewhere|earlier|before)\b[^.]{0,40}\b(?:our|we|this study|present)\b`),
	c(Supporting, 2, "also found", `\b(?:also|similarly|likewise)\b[^.]{0,40}\b(?:found|finds|reported|reports|observed|observes|showed|shows|shown|demonstrated|demonstrates|identified|documented|noted)\b`),

	// Contrasting: the cited work disagrees with the citing work's finding.
	c(Contrasting, 3, "in contrast", `\b(?:in contrast (?:to|with)|contrary to|as opposed to|in opposition to|at odds with|at variance with|inconsistent with|not (?:consistent|in line|in agreement|in keeping|congruent|compatible) with|(?:contradict|conflict|disagree)\w*)\b`),
	c(Contrasting, 2, "unlike", `\b(?:unlike|differ(?:s|ed|ent)? from|different to|(?:did|do|does|could|was|were) not (?:find|found|show|observe|confirm|support|replicate|detect|agree)|opposite (?:to|of|result|finding|direction)|challeng(?:e|es|ed|ing) (?:the|this|previous|earlier))\b`),
	c(Contrasting, 2, "in contrast,", `^(?:in contrast|by contrast|conversely|on the contrary)\s*,`),
	c(Contrasting, 1, "however others", `\b(?:however|whereas|although|while|but)\b[^.]{0,80}\b(?:our|we|this study|the present|the current)\b`),

	// Background: the cited work is known, shown or reviewed.
	c(Background, 1, "has been shown", `\b(?:has|have|had) been (?:shown|reported|suggested|demonstrated|proposed|described|documented|found|observed|identified|established|associated|linked|recogni[sz]ed|studied|investigated|explored|examined|argued)\b`),
	c(Background, 1, "studies have shown", `\b(?:studies|research|evidence|literature|reviews?|work|authors|scholars|researchers|reports|data|surveys?) (?:has |have )?(?:shown|suggested|demonstrated|indicated|found|reported|highlighted|documented|revealed|emphasi[sz]ed|argued|noted|proposed|established)\b`),
	c(Background, 1, "known", `\b(?:is|are) (?:well[- ])?(?:known|thought|believed|regarded|recogni[sz]ed|characteri[sz]ed|associated|linked|implicated|common|prevalent|widely)\b|\bwas (?:well[- ])?(?:known|thought|believed)\b`),
	c(Background, 1, "for example", `\b(?:for example|for instance|such as|e\.g\.|reviewed|for a review|review(?:s|ed)? (?:of|by|in)|among others|including)\b`),
}

// sectionPrior gives what the section a statement stands in says about it:
// citations in Methods supply methods; in Introduction and Background they
// give background; in Results and Discussion they are more often compared.
func sectionPrior(section string) map[string]float64 {
	s := strings.ToLower(section)
	last := s
	if i := strings.LastIndex(s, " > "); i >= 0 {
		last = s[i+3:]
	}
	top, _, _ := strings.Cut(s, " > ")
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(top, w) || strings.Contains(last, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("method", "material", "experimental", "procedure", "participants", "data collection", "data analysis",
		"statistical", "measures", "study design", "design and setting", "analysis", "sample", "protocol", "instrument", "setting", "implementation", "dataset", "training", "model"):
		return map[string]float64{Method: 1.2}
	case has("introduction", "background", "related work", "literature", "overview", "motivation", "preliminar"):
		return map[string]float64{Background: 0.6}
	case has("discussion", "result", "finding", "comparison", "evaluation", "conclusion", "limitation", "strength"):
		return map[string]float64{Result: 0.3, Supporting: 0.3, Contrasting: 0.3}
	}
	return nil
}

// Prediction is what Classify decides, with the cues that decided it.
type Prediction struct {
	Intent     string
	Confidence float64  // the softmax share of the winning score, 0..1
	Cues       []string // names of the cues that matched, in cue order
}

// Classify decides the intent of a citation statement from its sentence and
// section path, with transparent cue-phrase rules: each intent's score is
// the sum of the weights of its cues found in the sentence, plus what the
// section says (see sectionPrior), plus 1 for Background, the intent of a
// sentence that says nothing else. The SciCite class with the highest
// score wins (Result counting the Supporting and Contrasting cues, and only
// when one of the three matched); a comparison is then Contrasting or
// Supporting when their cues say so, Result otherwise. Confidence is the
// winner's softmax share among the three classes' scores. The same input
// always gives the same output.
func Classify(sentence, section string) Prediction {
	score := map[string]float64{Background: 1}
	for k, v := range sectionPrior(section) {
		score[k] += v
	}
	var names []string
	cueScore := map[string]float64{}
	lower := strings.ToLower(sentence)
	for _, q := range cues {
		if q.need != nil && !containsAny(lower, q.need) {
			continue
		}
		if q.re.MatchString(lower) {
			score[q.intent] += q.weight
			cueScore[q.intent] += q.weight
			names = append(names, q.name)
		}
	}
	// First the SciCite class: background, method, or a comparison with
	// the cited work (result, supporting and contrasting together); a
	// comparison needs a cue of its own, the section alone is not enough.
	family := score[Result] + score[Supporting] + score[Contrasting]
	if cueScore[Result]+cueScore[Supporting]+cueScore[Contrasting] == 0 {
		family = 0
	}
	best, bestScore := Background, score[Background]
	if score[Method] > bestScore {
		best, bestScore = Method, score[Method]
	}
	if family > bestScore {
		// Then what the comparison says: contrasting outweighs supporting
		// on a tie ("not consistent with" holds both cues).
		switch {
		case cueScore[Contrasting] > 0 && cueScore[Contrasting] >= cueScore[Supporting]:
			best = Contrasting
		case cueScore[Supporting] > 0:
			best = Supporting
		default:
			best = Result
		}
		bestScore = family
	}
	// Confidence: the winner's softmax share among the three classes.
	var sum float64
	for _, v := range []float64{score[Background], score[Method], family} {
		sum += math.Exp(v)
	}
	conf := math.Exp(bestScore) / sum
	return Prediction{Intent: best, Confidence: math.Round(conf*1000) / 1000, Cues: names}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Annotate gives every statement both heads of the trained model
// (Default): Function and Sentiment with their calibrated confidences.
// A statement without an intent gets the model's folded intent
// (Prediction2.Intent), with ClassifiedBy ModelName. A statement whose
// source gave an intent keeps it, with ClassifiedBy "source" when unset,
// and the head the source's intent belongs to is the source's.
func Annotate(stmts []graph.Statement) {
	m := Default()
	for i := range stmts {
		st := &stmts[i]
		h := annotate(m, st.Text, st.Section, &st.Intent, &st.Confidence, &st.ClassifiedBy)
		st.Function, st.FunctionConfidence, st.Sentiment, st.SentimentConfidence = h.Function, h.FunctionConfidence, h.Sentiment, h.SentimentConfidence
	}
}

// AnnotateCiting is Annotate for the statements a citation index shows
// about a work (scite's sentiments, Semantic Scholar's functions).
func AnnotateCiting(stmts []graph.CitingStatement) {
	m := Default()
	for i := range stmts {
		st := &stmts[i]
		h := annotate(m, st.Text, st.Section, &st.Intent, &st.Confidence, &st.ClassifiedBy)
		st.Function, st.FunctionConfidence, st.Sentiment, st.SentimentConfidence = h.Function, h.FunctionConfidence, h.Sentiment, h.SentimentConfidence
	}
}

func annotate(m *Model, text, section string, in *string, conf *float64, by *string) Prediction2 {
	p := m.Predict(text, section)
	if *in == "" {
		*in, *conf = p.Intent()
		*by = ModelName
		return p
	}
	if *by == "" {
		*by = BySource
	}
	// The source's intent decides the head it belongs to; Semantic
	// Scholar's may list several ("methodology,result"): the first counts.
	first, _, _ := strings.Cut(*in, ",")
	switch first = strings.ToLower(strings.TrimSpace(first)); first {
	case Supporting, Contrasting, Mentioning:
		p.Sentiment, p.SentimentConfidence = first, *conf
	default:
		if f := FromSemanticScholar(first); f != "" {
			p.Function, p.FunctionConfidence = f, *conf
		}
	}
	return p
}

// FromSemanticScholar maps Semantic Scholar's intent labels to ours:
// "background" → background, "methodology" → method, "result" → result.
// Other labels map to "".
func FromSemanticScholar(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "background":
		return Background
	case "methodology", "method", "methods":
		return Method
	case "result", "results", "result comparison", "resultcomparison":
		return Result
	}
	return ""
}

// Family returns the SciCite class an intent falls in: Supporting and
// Contrasting are result comparisons.
func Family(intent string) string {
	switch intent {
	case Supporting, Contrasting:
		return Result
	}
	return intent
}
