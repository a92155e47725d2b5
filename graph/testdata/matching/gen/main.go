// Command gen builds the labelled matching set of graph/testdata/matching
// from the records `citegraph extract` writes for the shared data (see
// ../README.md for the exact command). It lives under testdata so that
// `go build ./...`, `go vet ./...` and the linters leave it alone; run it
// with `go run ./graph/testdata/matching/gen EXTRACT.jsonl OUTDIR`.
//
// It writes three files into OUTDIR:
//
//   - records.jsonl: the pool of described works: every extracted record
//     with its reference list, statements, abstract and keywords dropped
//     (they play no part in identity and would make the fixture large);
//   - references.jsonl: one labelled item per distinct reference that
//     carries a DOI, with the DOI taken out of the reference (its DOI field,
//     identifiers, and the DOI printed in its raw string), and the label
//     "doi:X" when a record of the pool has that DOI, else "none";
//   - pairs.jsonl: labelled record pairs: records of the pool that share a
//     DOI (same), share a title key and year (same, to be checked by hand),
//     or share first author and year but not DOI or title (different).
//
// Labels made here are automatic; checked.tsv (written by hand) overrides
// them, and the accuracy test reads both.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// RefItem is one labelled reference.
type RefItem struct {
	ID      string          `json:"id"`
	Citing  string          `json:"citing"` // source of the citing record
	TrueDOI string          `json:"true_doi"`
	Expect  string          `json:"expect"` // "doi:X" or "none"
	Ref     graph.Reference `json:"ref"`    // the reference without its DOI
	// Candidates are the pool records in the reference's block, for
	// references that never had a DOI (labelled by hand).
	Candidates []string `json:"candidates,omitempty"`
}

// PairItem is one labelled record pair; A and B are pool keys
// ("path#ordinal").
type PairItem struct {
	ID     string `json:"id"`
	A      string `json:"a"`
	B      string `json:"b"`
	Why    string `json:"why"`    // how the pair was found
	Expect string `json:"expect"` // "same" or "different"
}

var (
	// A DOI as references print it, with what introduces it: "DOI
	// 10.1/x", "doi:10.1/x", "https://doi.org/10.1/x", "DOI [10.1/x, 10.2/y]".
	reDOI    = regexp.MustCompile(`(?i)(?:,\s*)?(?:\bdoi\b\s*:?\s*\[?|https?://(?:dx\.)?doi\.org/)?10\.[0-9]{4,9}/[^\s,;\]]+\]?`)
	reDOIURL = regexp.MustCompile(`(?i)(?:,\s*)?\bDOI\s*\[?\s*$|(?:,\s*)?https?://(?:dx\.)?doi\.org/?\s*`)
	reSpace  = regexp.MustCompile(`\s+`)
)

func stripDOI(s string) string {
	s = reDOI.ReplaceAllString(s, "")
	s = reDOIURL.ReplaceAllString(s, "")
	s = strings.TrimSpace(reSpace.ReplaceAllString(s, " "))
	return strings.TrimRight(s, " ,;")
}

func hash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen EXTRACT.jsonl OUTDIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	recs, err := readRecords(in)
	if err != nil {
		return err
	}
	// Pool keys: source path and ordinal within it.
	keys := make([]string, len(recs))
	seen := map[string]int{}
	for i, r := range recs {
		seen[r.Source.Path]++
		keys[i] = fmt.Sprintf("%s#%d", r.Source.Path, seen[r.Source.Path])
	}
	have := map[string]bool{}
	items := doiItems(recs, have)
	items = append(items, candidateItems(recs, keys, have)...)
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	pairs := labelPairs(recs, keys)

	// The pool, trimmed.
	if err := writeJSONL(filepath.Join(out, "records.jsonl"), len(recs), func(i int) any {
		r := recs[i]
		r.References = []graph.Reference{}
		r.Statements = []graph.Statement{}
		r.CitedBy = []graph.CitingStatement{}
		r.Abstract = ""
		r.AbstractSections = nil
		r.Keywords = nil
		r.Relations = nil
		return &r
	}); err != nil {
		return err
	}
	if err := writeJSONL(filepath.Join(out, "references.jsonl"), len(items), func(i int) any { return &items[i] }); err != nil {
		return err
	}
	return writeJSONL(filepath.Join(out, "pairs.jsonl"), len(pairs), func(i int) any { return &pairs[i] })
}

// readRecords reads the records of an extract JSON Lines file.
func readRecords(in string) ([]graph.Record, error) {
	f, err := os.Open(in)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var recs []graph.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r graph.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", in, line, err)
		}
		recs = append(recs, r)
	}
	return recs, sc.Err()
}

// doiItems returns one item per distinct reference with a DOI, the DOI
// taken out, labelled with the pool record of that DOI if there is one;
// have records the item IDs made.
func doiItems(recs []graph.Record, have map[string]bool) []RefItem {
	poolDOI := map[string]bool{}
	for _, r := range recs {
		if r.DOI != "" {
			poolDOI[r.DOI] = true
		}
	}
	var items []RefItem
	for _, r := range recs {
		for _, ref := range r.References {
			if ref.DOI == "" {
				continue
			}
			doi := ref.DOI
			s := ref
			s.DOI = ""
			s.Identifiers = nil
			s.Key = ""
			s.Raw = stripDOI(ref.Raw)
			if s.Raw == "" && s.Title == "" && len(s.Authors) == 0 {
				continue // nothing but the DOI: nothing to match
			}
			b, _ := json.Marshal(s)
			id := hash(doi, string(b))
			if have[id] {
				continue
			}
			have[id] = true
			expect := "none"
			if poolDOI[doi] {
				expect = "doi:" + doi
			}
			items = append(items, RefItem{ID: "r" + id, Citing: r.Source.Path, TrueDOI: doi, Expect: expect, Ref: s})
		}
	}
	return items
}

// candidateItems returns the references without a DOI that have a
// candidate in the pool: a record whose first author has the same family
// name and whose year is within one. Labelled "none" here; the ones that
// name a record of the pool are labelled by hand in checked.tsv.
func candidateItems(recs []graph.Record, keys []string, have map[string]bool) []RefItem {
	blocks := map[string][]int{}
	for i, r := range recs {
		if len(r.Authors) > 0 && r.Year != 0 {
			k := graph.Fold(r.Authors[0].Family) + "|" + fmt.Sprint(r.Year)
			blocks[k] = append(blocks[k], i)
		}
	}
	var items []RefItem
	for _, r := range recs {
		for _, ref := range r.References {
			if ref.DOI != "" || len(ref.Authors) == 0 || ref.Year == 0 {
				continue
			}
			var cands []string
			for _, y := range []int{ref.Year - 1, ref.Year, ref.Year + 1} {
				for _, i := range blocks[graph.Fold(ref.Authors[0].Family)+"|"+fmt.Sprint(y)] {
					cands = append(cands, keys[i])
				}
			}
			if len(cands) == 0 {
				continue
			}
			s := ref
			s.Identifiers = nil
			s.Key = ""
			b, _ := json.Marshal(s)
			id := hash("", string(b))
			if have[id] {
				continue
			}
			have[id] = true
			items = append(items, RefItem{ID: "n" + id, Citing: r.Source.Path, Expect: "none", Ref: s, Candidates: cands})
		}
	}
	return items
}

// labelPairs returns the labelled record pairs: same DOI, same title key
// and year, and same first author and year with neither, sorted by ID.
func labelPairs(recs []graph.Record, keys []string) []PairItem {
	var pairs []PairItem
	pairSeen := map[[2]int]bool{}
	add := func(i, j int, why, expect string) {
		if i > j {
			i, j = j, i
		}
		if i == j || pairSeen[[2]int{i, j}] {
			return
		}
		pairSeen[[2]int{i, j}] = true
		pairs = append(pairs, PairItem{ID: "p" + hash(keys[i], keys[j]), A: keys[i], B: keys[j], Why: why, Expect: expect})
	}
	byDOI := map[string][]int{}
	byTitle := map[string][]int{}
	byAuthorYear := map[string][]int{}
	for i, r := range recs {
		if r.DOI != "" {
			byDOI[r.DOI] = append(byDOI[r.DOI], i)
		}
		if tk := graph.TitleKey(r.Title); tk != "" {
			k := tk + "|" + fmt.Sprint(r.Year)
			byTitle[k] = append(byTitle[k], i)
		}
		if len(r.Authors) > 0 && r.Year != 0 {
			k := graph.Fold(r.Authors[0].Family) + "|" + fmt.Sprint(r.Year)
			byAuthorYear[k] = append(byAuthorYear[k], i)
		}
	}
	eachPair(byDOI, func(a, b int) { add(a, b, "same DOI", "same") })
	eachPair(byTitle, func(a, b int) {
		ra, rb := recs[a], recs[b]
		expect := "same"
		why := "same title and year"
		if ra.DOI != "" && rb.DOI != "" && ra.DOI != rb.DOI {
			expect, why = "different", "same title and year, different DOIs"
		}
		add(a, b, why, expect)
	})
	eachPair(byAuthorYear, func(a, b int) {
		ra, rb := recs[a], recs[b]
		if ra.DOI != "" && ra.DOI == rb.DOI || graph.TitleKey(ra.Title) == graph.TitleKey(rb.Title) {
			return // found above
		}
		add(a, b, "same first author and year", "different")
	})
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].ID < pairs[j].ID })
	return pairs
}

// eachPair calls f on every pair of members of every group of m with two
// or more, groups in key order.
func eachPair(m map[string][]int, f func(a, b int)) {
	for _, g := range sortedGroups(m) {
		for a := 0; a < len(g); a++ {
			for b := a + 1; b < len(g); b++ {
				f(g[a], g[b])
			}
		}
	}
}

func sortedGroups(m map[string][]int) [][]int {
	ks := make([]string, 0, len(m))
	for k, v := range m {
		if len(v) > 1 {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	out := make([][]int, len(ks))
	for i, k := range ks {
		out[i] = m[k]
	}
	return out
}

func writeJSONL(path string, n int, item func(int) any) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		if err := enc.Encode(item(i)); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
