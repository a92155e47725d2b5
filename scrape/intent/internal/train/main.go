package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/citegraph/citegraph/scrape/intent"
)

func main() {
	o := intent.DefaultTrainOptions()
	data := flag.String("data", "../shared/data/intent", "folder holding train.jsonl and dev.jsonl")
	out := flag.String("o", "scrape/intent/model.bin", "model file to write")
	flag.Uint64Var(&o.Seed, "seed", o.Seed, "seed of the training order")
	flag.UintVar(&o.Bits, "bits", o.Bits, "hash buckets: 1<<bits")
	flag.IntVar(&o.Epochs, "epochs", o.Epochs, "passes over the training lines")
	flag.Float64Var(&o.Rate, "rate", o.Rate, "AdaGrad learning rate, function head")
	flag.Float64Var(&o.Rate2, "rate2", o.Rate2, "AdaGrad learning rate, sentiment head")
	flag.Float64Var(&o.L2, "l2", o.L2, "L2 penalty, function head")
	flag.Float64Var(&o.L2Sent, "l2-sent", o.L2Sent, "L2 penalty, sentiment head")
	flag.Float64Var(&o.Balance, "balance", o.Balance, "class weight exponent")
	flag.IntVar(&o.FunctionSeeds, "function-seeds", o.FunctionSeeds, "trainings the function head is the mean of")
	flag.IntVar(&o.SentimentSeeds, "sentiment-seeds", o.SentimentSeeds, "trainings the sentiment head is the mean of")
	flag.IntVar(&o.ShiftFolds, "shift-folds", o.ShiftFolds, "folds of the training lines that choose the sentiment head's decision shift (below 2: none)")
	flag.BoolVar(&o.UseACLARC, "acl", o.UseACLARC, "train the function head on ACL-ARC and 3C too")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	b, ev, err := intent.Train(ctx, *data, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Print(ev.Markdown())
}
