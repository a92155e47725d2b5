package chase

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/scrape"
	"github.com/citegraph/citegraph/scrape/index"
)

// TestReadSeedsBOMComment: a list saved with a byte-order mark (as Windows
// editors save UTF-8) whose first line is a comment or blank is still a
// list, and so is one with old Mac line ends (a lone "\r"): its two
// identifiers are the seeds, in order.
func TestReadSeedsBOMComment(t *testing.T) {
	for name, data := range map[string]string{
		"comment": "\ufeff# seeds of the review\n10.7717/peerj.4375\nW2741809807\n",
		"blank":   "\ufeff\n10.7717/peerj.4375\nW2741809807\n",
		"cr":      "10.7717/peerj.4375\rW2741809807\r",
	} {
		p := filepath.Join(t.TempDir(), "seeds.txt")
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		seeds, skipped, err := ReadSeeds(context.Background(), p, scrape.Default())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := []index.ID{{Scheme: index.SchemeDOI, Value: "10.7717/peerj.4375"}, {Scheme: "openalex", Value: "W2741809807"}}
		if skipped != 0 || len(seeds) != len(want) || seeds[0].IDs[0] != want[0] || seeds[1].IDs[0] != want[1] {
			t.Errorf("%s: %+v, %d skipped; want the seeds %v", name, seeds, skipped, want)
		}
	}
}
