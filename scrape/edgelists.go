package scrape

import "github.com/citegraph/citegraph/graph/encoding/edgelist"

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
