// Command train rebuilds scrape/intent/model.bin from the labelled
// statements of shared/data/intent, calibrates it on their dev.jsonl and
// prints the dev evaluation as Markdown (docs/ACCURACY.md, intent). From
// the repository root:
//
//	go run ./scrape/intent/internal/train -data ../shared/data/intent -o scrape/intent/model.bin
//
// The same data and seed give the same bytes.
package main
