package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The labelled matching set of testdata/matching (see its README): record
// pairs of the shared data's files (same work or not) and reference strings
// whose DOI was taken out (which described work they name, or none), labelled
// from the DOIs and checked by hand (checked.tsv). The tests measure
// precision and recall of deduplication and reference matching and hold
// them at the targets of issue 5 (precision ≥ 0.99, recall ≥ 0.95);
// docs/ACCURACY.md (matching) reports the figures and the cases that fail.

const matchingDir = "testdata/matching"

// knownMisses are the labelled items (by ID) the matcher gets wrong and
// docs/ACCURACY.md (matching) lists; any other disagreement fails the tests,
// so that a change that loses a case is seen even while the figures stay
// above target. Empty: none at present.
var knownMisses = map[string]bool{}

// unexpected returns the failures not listed in knownMisses.
func unexpected(fails []string) []string {
	var out []string
	for _, f := range fails {
		id, _, _ := strings.Cut(f, " ")
		if !knownMisses[id] {
			out = append(out, f)
		}
	}
	return out
}

type accRefItem struct {
	ID      string    `json:"id"`
	Citing  string    `json:"citing"`
	TrueDOI string    `json:"true_doi"`
	Expect  string    `json:"expect"`
	Ref     Reference `json:"ref"`
}

type accPairItem struct {
	ID     string `json:"id"`
	A      string `json:"a"`
	B      string `json:"b"`
	Why    string `json:"why"`
	Expect string `json:"expect"`
}

func readJSONL[T any](t testing.TB, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join(matchingDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readChecked reads checked.tsv: item ID, label, note, tab-separated; "#"
// starts a comment line.
func readChecked(t testing.TB) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(matchingDir, "checked.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fs := strings.Split(s, "\t")
		if len(fs) < 3 {
			t.Fatalf("checked.tsv:%d: want id, label and note, got %q", line, s)
		}
		if _, dup := out[fs[0]]; dup {
			t.Fatalf("checked.tsv:%d: %s listed twice", line, fs[0])
		}
		out[fs[0]] = fs[1]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// poolRecords reads the pool and returns it with each record's key
// ("path#ordinal", as the generator numbers them).
func poolRecords(t testing.TB) ([]Record, []string) {
	recs := readJSONL[Record](t, "records.jsonl")
	keys := make([]string, len(recs))
	n := map[string]int{}
	for i, r := range recs {
		n[r.Source.Path]++
		keys[i] = fmt.Sprintf("%s#%d", r.Source.Path, n[r.Source.Path])
	}
	return recs, keys
}

// tally counts a binary decision's outcomes.
type tally struct{ tp, fp, fn, tn int }

func (c tally) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c tally) recall() float64 {
	if c.tp+c.fn == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

func (c tally) String() string {
	return fmt.Sprintf("precision %.4f (%d/%d), recall %.4f (%d/%d), true negatives %d",
		c.precision(), c.tp, c.tp+c.fp, c.recall(), c.tp, c.tp+c.fn, c.tn)
}

// buildPool resolves the pool records and returns the graph and the key of
// the work each record (by pool key) became.
func buildPool(recs []Record, keys []string) (*Graph, map[string]string) {
	b := build(recs, BuildOptions{})
	workOf := make(map[string]string, len(keys))
	for k, o := range b.order {
		workOf[keys[o]] = b.work[k].Key
	}
	return b.g, workOf
}

// dedupResult says, for each labelled pair, whether Build put both records
// into one work, with identifiers kept or taken out.
func dedupResult(t testing.TB, blind bool) (tally, []string, int) {
	recs, keys := poolRecords(t)
	checked := readChecked(t)
	pairs := readJSONL[accPairItem](t, "pairs.jsonl")
	if blind {
		for i := range recs {
			// Only what a record without identifiers offers: title,
			// authors, year, venue, volume, pages.
			recs[i].DOI = ""
			recs[i].Identifiers = nil
			recs[i].URL = ""
		}
	}
	_, workOf := buildPool(recs, keys)
	described := map[string]bool{}
	for i, k := range keys {
		described[k] = recs[i].Title != "" || len(recs[i].Authors) > 0
	}
	var c tally
	var fails []string
	skipped := 0
	for _, p := range pairs {
		want := p.Expect
		if l, ok := checked[p.ID]; ok {
			want = l
		}
		if want == "skip" || blind && (!described[p.A] || !described[p.B]) {
			// Undecidable, or, without identifiers, a record with
			// nothing else to compare (a citation index's bare DOI).
			skipped++
			continue
		}
		wa, wb := workOf[p.A], workOf[p.B]
		if wa == "" || wb == "" {
			t.Fatalf("pair %s: record %s or %s not in the pool", p.ID, p.A, p.B)
		}
		same := wa == wb
		switch {
		case same && want == "same":
			c.tp++
		case same:
			c.fp++
			fails = append(fails, fmt.Sprintf("%s merged, but different works (%s): %s | %s", p.ID, p.Why, p.A, p.B))
		case want == "same":
			c.fn++
			fails = append(fails, fmt.Sprintf("%s kept apart, but the same work (%s): %s | %s", p.ID, p.Why, p.A, p.B))
		default:
			c.tn++
		}
	}
	return c, fails, skipped
}

func TestAccuracyDeduplication(t *testing.T) {
	for _, tc := range []struct {
		name  string
		blind bool
	}{{"as exported", false}, {"identifiers removed", true}} {
		t.Run(tc.name, func(t *testing.T) {
			c, fails, skipped := dedupResult(t, tc.blind)
			t.Logf("%d pairs (%d skipped): %v", c.tp+c.fp+c.fn+c.tn, skipped, c)
			for _, f := range fails {
				t.Log(f)
			}
			if c.precision() < 0.99 || c.recall() < 0.95 {
				t.Errorf("deduplication %s: %v; target precision ≥ 0.99, recall ≥ 0.95", tc.name, c)
			}
			if u := unexpected(fails); len(u) > 0 {
				t.Errorf("%d pairs decided wrongly that were decided right (see the log); update the labels or knownMisses and docs/ACCURACY.md (matching)", len(u))
			}
		})
	}
}

// refResult matches each labelled reference, without its DOI, against the
// described works of the pool, one at a time, and compares the work found
// with the label.
func refResult(t testing.TB) (tally, map[string]*tally, map[string]*tally, []string, int) {
	recs, keys := poolRecords(t)
	checked := readChecked(t)
	items := readJSONL[accRefItem](t, "references.jsonl")
	g, workOf := buildPool(recs, keys)
	ix := &workIndex{byID: map[string]*Work{}, byTitleYear: map[string][]*Work{}, blocks: map[string][]*Work{}}
	works := g.Works()
	sort.Slice(works, func(i, j int) bool { return works[i].Key < works[j].Key })
	for _, w := range works {
		if w.Kind == KindWork {
			ix.add(w)
		}
	}
	var c tally
	byMethod := map[string]*tally{}
	bySource := map[string]*tally{} // by the citing file's folder: "exports/wos"
	var fails []string
	skipped := 0
	for _, it := range items {
		want := it.Expect
		if l, ok := checked[it.ID]; ok {
			want = l
		}
		if want == "skip" {
			skipped++
			continue
		}
		if k, ok := strings.CutPrefix(want, "key:"); ok {
			// A pool record without DOI: the work it became.
			if want = workOf[k]; want == "" {
				t.Fatalf("reference %s: record %s not in the pool", it.ID, k)
			}
		}
		e := newRefEvidence(it.Ref)
		w, method, score := ix.match(e)
		got := "none"
		if w != nil {
			got = w.Key
		}
		if byMethod[method] == nil {
			byMethod[method] = &tally{}
		}
		m := byMethod[method]
		src := strings.TrimPrefix(path.Dir(it.Citing), "data/")
		if bySource[src] == nil {
			bySource[src] = &tally{}
		}
		sc := bySource[src]
		desc := it.Ref.Raw
		if desc == "" {
			desc = fmt.Sprintf("%v %d %q", it.Ref.Authors, it.Ref.Year, it.Ref.Title)
		}
		switch {
		case got == want && got != "none":
			c.tp++
			m.tp++
			sc.tp++
		case got == want:
			c.tn++
			sc.tn++
		case got != "none":
			c.fp++
			m.fp++
			sc.fp++
			if want != "none" {
				c.fn++
				sc.fn++
			}
			fails = append(fails, fmt.Sprintf("%s linked to %s by %s (%.2f), want %s: %s", it.ID, got, method, score, want, desc))
		default:
			c.fn++
			sc.fn++
			fails = append(fails, fmt.Sprintf("%s not linked, want %s: %s", it.ID, want, desc))
		}
	}
	return c, byMethod, bySource, fails, skipped
}

func TestAccuracyReferenceMatching(t *testing.T) {
	c, byMethod, bySource, fails, skipped := refResult(t)
	t.Logf("%d references (%d skipped): %v", c.tp+c.fp+c.fn+c.tn, skipped, c)
	ms := make([]string, 0, len(byMethod))
	for m := range byMethod {
		ms = append(ms, m)
	}
	sort.Strings(ms)
	for _, m := range ms {
		if m != "" {
			t.Logf("  by %s: %d links, %d right", m, byMethod[m].tp+byMethod[m].fp, byMethod[m].tp)
		}
	}
	srcs := make([]string, 0, len(bySource))
	for k := range bySource {
		srcs = append(srcs, k)
	}
	sort.Strings(srcs)
	for _, k := range srcs {
		t.Logf("  from %s: %v", k, *bySource[k])
	}
	for _, f := range fails {
		t.Log(f)
	}
	if c.precision() < 0.99 || c.recall() < 0.95 {
		t.Errorf("reference matching: %v; target precision ≥ 0.99, recall ≥ 0.95", c)
	}
	if u := unexpected(fails); len(u) > 0 {
		t.Errorf("%d references matched wrongly that were matched right (see the log); update the labels or knownMisses and docs/ACCURACY.md (matching)", len(u))
	}
}

// TestAccuracyReferencePairs measures matching between references: two
// references of the set that carried the same DOI, printed differently by
// different sources, must name one work when the first is known only from
// a reference list (a node of kind KindReference made from it), and two
// references with different DOIs in one block (first author, year ±1) must
// not. Labels come from the DOIs; the disagreements were read by hand and
// are listed in knownRefPairMisses and docs/ACCURACY.md (matching).
func TestAccuracyReferencePairs(t *testing.T) {
	items := readJSONL[accRefItem](t, "references.jsonl")
	checked := readChecked(t)
	// DOIs that name one work (checked.tsv "samedoi:A|B").
	alias := map[string]string{}
	for k, l := range checked {
		if pair, ok := strings.CutPrefix(k, "samedoi:"); ok && l == "same" {
			a, b, _ := strings.Cut(pair, "|")
			alias[b] = a
		}
	}
	work := func(doi string) string {
		if a, ok := alias[doi]; ok {
			return a
		}
		return doi
	}
	var refs []accRefItem
	for _, it := range items {
		if it.TrueDOI != "" && checked[it.ID] == "" {
			refs = append(refs, it)
		}
	}
	ev := make([]*refEvidence, len(refs))
	blocks := map[string][]int{}
	for i, it := range refs {
		ev[i] = newRefEvidence(it.Ref)
		if ev[i].surname != "" && ev[i].ref.Year != 0 {
			k := blockKey(ev[i].surname, ev[i].ref.Year)
			blocks[k] = append(blocks[k], i)
		}
	}
	// linked reports whether reference j matches the work made from
	// reference i alone.
	linked := func(i, j int) bool {
		ix := &workIndex{byID: map[string]*Work{}, byTitleYear: map[string][]*Work{}, blocks: map[string][]*Work{}}
		w := &Work{Key: "ref", Kind: KindReference}
		(&builder{}).enrich(ix, w, ev[i])
		got, _, _ := ix.match(ev[j])
		return got == w
	}
	var c tally
	var fails []string
	for i := range refs {
		e := ev[i]
		if e.surname == "" || e.ref.Year == 0 {
			continue
		}
		for _, y := range []int{e.ref.Year - 1, e.ref.Year, e.ref.Year + 1} {
			for _, j := range blocks[blockKey(e.surname, y)] {
				if j == i {
					continue
				}
				same := work(refs[i].TrueDOI) == work(refs[j].TrueDOI)
				got := linked(i, j)
				id := refs[i].ID + ">" + refs[j].ID
				switch {
				case got && same:
					c.tp++
				case got:
					c.fp++
					fails = append(fails, fmt.Sprintf("%s linked, but %s ≠ %s: %q → %q", id, refs[i].TrueDOI, refs[j].TrueDOI, refs[i].Ref.Raw, refs[j].Ref.Raw))
				case same:
					c.fn++
					fails = append(fails, fmt.Sprintf("%s not linked, both %s: %q → %q", id, refs[i].TrueDOI, refs[i].Ref.Raw, refs[j].Ref.Raw))
				default:
					c.tn++
				}
			}
		}
	}
	t.Logf("%d ordered reference pairs in one block: %v", c.tp+c.fp+c.fn+c.tn, c)
	var u []string
	for _, f := range fails {
		t.Log(f)
		id, _, _ := strings.Cut(f, " ")
		if !knownRefPairMisses[id] {
			u = append(u, f)
		}
	}
	if len(u) > 0 {
		t.Errorf("%d reference pairs decided wrongly that are not known misses (see the log); update knownRefPairMisses and docs/ACCURACY.md (matching)", len(u))
	}
}

// knownRefPairMisses are the reference pairs (ordered, "from>to" item IDs)
// TestAccuracyReferencePairs decides wrongly, read by hand and listed in
// docs/ACCURACY.md (matching): identical strings of different works, and
// strings of one work whose volume, venue or page disagree.
var knownRefPairMisses = map[string]bool{
	// Identical strings, different works (different DOIs): nothing to
	// tell them apart without the DOI.
	"r1ee9a2840300>r93605adcd390": true, "r93605adcd390>r1ee9a2840300": true, // Rosenberg J., 1998, IEEE INFOCOM '98
	"r24b1b8afc95f>rd99be97ec94f": true, "rd99be97ec94f>r24b1b8afc95f": true, // Bezdek J. C., 1978, Fuzzy Sets and Systems, V1
	"re9d7810d4873>rfc9245238784": true, "rfc9245238784>re9d7810d4873": true, // Fogel D. B., 1997, IEEE TEC, V1
	// One work, strings that disagree.
	"r114354691ed2>r232ffceb69fc": true, "r232ffceb69fc>r114354691ed2": true, // Teece 1986 Res Policy: V6 (wrong) and V15
	"r2976590ea01a>r5380bdf91912": true, "r5380bdf91912>r2976590ea01a": true, // Zadeh 1965: "FUZZY SETS INFORM CO" and "INFORM CONTROL, V8"
	"r647234921980>rc1a0c4183212": true, "rc1a0c4183212>r647234921980": true, // Coleman 1988 AJS 94: pages "S95" and "95"
	"rb1a65d8ff226>rb9e7d15d95bd": true, "rb9e7d15d95bd>rb1a65d8ff226": true, // Ponte 1998: SIGIR proceedings title and "SIGIR 98, P275"
}
