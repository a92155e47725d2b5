// Package intent decides what a citation statement does with the work it
// cites, on two heads: its function in SciCite's scheme (background,
// method, result; Cohan et al. 2019) and its sentiment in scite's
// (supporting, contrasting, mentioning; Athar 2011's positive, negative,
// neutral).
//
// In: a statement's sentence and section path. Out: both heads' classes
// with calibrated probabilities (Model.Predict), written onto
// graph.Statement and graph.CitingStatement by Annotate and
// AnnotateCiting, which keep an intent the source gave (ClassifiedBy
// "source") and mark citegraph's as ModelName.
//
// The model is a linear softmax classifier per head over hashed features
// (words, bigrams, character 4-grams of longer words, words in a negation
// scope, the section's kind alone and with each word, where the citation
// marker stands and the words near it, the sentence length, the number of
// markers, and the categories of a small lexicon of praise and criticism
// with the side of the marker they stand on), with int8 weights embedded
// from model.bin (1.6 MB), a temperature and biases per head fitted on
// dev for calibration, and a decision shift of the sentiment head towards
// its rare classes chosen on held-out folds of the training lines. It is
// rebuilt, byte for byte, by
//
//	go run ./scrape/intent/internal/train -data ../shared/data/intent -o scrape/intent/model.bin
//
// from shared/data/intent's train.jsonl (weights) and dev.jsonl
// (calibration); docs/ACCURACY.md gives its dev figures beside the
// rule-based Classify's.
//
// Files: intent.go the rule-based cue-phrase classifier (Classify), the
// intent names and Annotate; model.go the model format, Default and
// Predict; features.go tokens and feature hashing (shared by training and
// prediction); train.go Train and calibration; evaluate.go the dev
// evaluation and its Markdown tables; internal/train the command.
package intent
