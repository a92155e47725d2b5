package scrape

import (
	"context"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/edgelist"
)

// SplitEdgeLists lists the files under roots (ListFiles) and splits them
// into the edge lists among them (SNAP, LINQS, dates files: see
// graph/encoding/edgelist), each with the order of its lines order(path),
// and the other files, which a Registry reads. A root that cannot be
// listed or a file that cannot be sniffed is given to fail (nil: ignored)
// and left out. Files keep the order of ListFiles.
func SplitEdgeLists(roots []string, order func(path string) edgelist.Order, fail func(path string, err error)) (lists []edgelist.File, others []string) {
	if fail == nil {
		fail = func(string, error) {}
	}
	for _, root := range roots {
		files, err := listFiles(root)
		if err != nil {
			fail(root, err)
			continue
		}
		for _, path := range files {
			switch kind, err := edgelist.IsKnown(path); {
			case err != nil:
				fail(path, err)
			case kind != edgelist.Unknown:
				lists = append(lists, edgelist.File{Path: path, Kind: kind, Order: order(path)})
			default:
				others = append(others, path)
			}
		}
	}
	return lists, others
}

// Inputs is what ReadInputs read: the edge lists into a compact builder
// and the records of every other source.
type Inputs struct {
	Builder *graph.CompactBuilder
	Records []graph.Record
	Lists   int             // edge-list files among the inputs
	Counts  edgelist.Counts // what the edge lists held
	// Total and Failed count the inputs and those that could not be read
	// at all (one read in part is not failed: its problems are in the
	// Gathering's Report).
	Total, Failed int
}

// ReadInputs reads roots as analyse takes them: the edge-list files (with
// the line order order(path)) into a new CompactBuilder, the other files
// through reg as format (detected when ""); each source's outcome goes to
// ga, which the caller ends.
func ReadInputs(ctx context.Context, roots []string, format string, order func(path string) edgelist.Order, reg *Registry, ga *Gathering) (in Inputs, err error) {
	failedList := map[string]bool{}
	report := func(path string, err error) {
		in.Failed++
		failedList[path] = true
		_ = ga.Done(path, 0, err) // Done never fails
	}
	lists, others := SplitEdgeLists(roots, order, func(path string, err error) { in.Total++; report(path, err) })
	in.Total += len(lists)
	in.Lists = len(lists)
	in.Builder = graph.NewCompactBuilder()
	if in.Counts, err = edgelist.Load(ctx, in.Builder, lists, nil, report); err != nil {
		return in, err
	}
	// The edge lists read are sources of the report too, so that its counts
	// ("15 of 94 sources had problems") are those of Total.
	for _, l := range lists {
		if !failedList[l.Path] {
			_ = ga.Done(l.Path, 0, nil)
		}
	}
	if len(others) == 0 {
		return in, nil
	}
	err = reg.Walk(ctx, others, format, ga.Visitor(func(r graph.Record) error {
		in.Records = append(in.Records, r)
		return nil
	}))
	_, _, failed, _, _ := ga.Report.Counts()
	in.Total, in.Failed = in.Total+len(others), failed
	return in, err
}
