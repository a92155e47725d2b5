package graph

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The labelled review searches of testdata/dedup (see its README): each
// record's true work from the source project's labels. TestAccuracyDedupSets
// measures Build's merges against them as pairwise precision and recall
// (a pair of records is a true pair when the labels put both in one work),
// the measure of the deduplication literature and of issue 12's target
// (precision ≥ 0.995, recall ≥ 0.98 on sets not in this repository).

// dedupSet is one labelled set: records in file order and the label of each.
type dedupSet struct {
	name   string
	recs   []Record
	labels []string
}

func readDedupSet(t testing.TB, name string) dedupSet {
	t.Helper()
	dir := filepath.Join("testdata", "dedup")
	var r io.Reader
	f, err := os.Open(filepath.Join(dir, name+".jsonl.gz"))
	if err == nil {
		zr, zerr := gzip.NewReader(f)
		if zerr != nil {
			t.Fatal(zerr)
		}
		r = zr
	} else if f, err = os.Open(filepath.Join(dir, name+".jsonl")); err == nil {
		r = f
	} else {
		t.Fatal(err)
	}
	defer f.Close()
	s := dedupSet{name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s.recs = append(s.recs, rec)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	tf, err := os.Open(filepath.Join(dir, name+".truth.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	rows, err := csv.NewReader(tf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	s.labels = make([]string, len(s.recs))
	for _, row := range rows[1:] {
		n, err := strconv.Atoi(row[0])
		if err != nil || n < 1 || n > len(s.recs) {
			t.Fatalf("%s truth: ordinal %q out of range", name, row[0])
		}
		s.labels[n-1] = row[2]
	}
	return s
}

// pairwise compares the works Build made (work[i] for record i) with the
// labels: true positives are pairs in one work and one label.
func pairwise(work, labels []string) tally {
	pairs := func(groups map[string]int) int {
		n := 0
		for _, c := range groups {
			n += c * (c - 1) / 2
		}
		return n
	}
	byWork, byLabel, byBoth := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range work {
		byWork[work[i]]++
		byLabel[labels[i]]++
		byBoth[work[i]+"\x00"+labels[i]]++
	}
	tp := pairs(byBoth)
	return tally{tp: tp, fp: pairs(byWork) - tp, fn: pairs(byLabel) - tp}
}

// worksOf builds the records and returns the key of each record's work,
// in input order.
func worksOf(recs []Record) []string {
	b := build(recs, BuildOptions{})
	work := make([]string, len(recs))
	for k, o := range b.order {
		work[o] = b.work[k].Key
	}
	return work
}

// dedupErrors lists, for the log, the records of every wrongly merged or
// wrongly split group.
func dedupErrors(s dedupSet, work []string) []string {
	members := map[string][]int{}
	for i := range work {
		members["w "+work[i]] = append(members["w "+work[i]], i)
		members["l "+s.labels[i]] = append(members["l "+s.labels[i]], i)
	}
	var out []string
	show := func(i int) string {
		r := &s.recs[i]
		fa := ""
		if len(r.Authors) > 0 {
			fa = r.Authors[0].Family
		}
		return fmt.Sprintf("    #%d %s | %q %d %s | %s %s %s %s", i+1, r.DOI, r.Title, r.Year, fa, r.Venue, r.Volume, r.Issue, r.Pages)
	}
	for k, idx := range members {
		if len(idx) < 2 {
			continue
		}
		other := func(i int) string {
			if strings.HasPrefix(k, "w ") {
				return s.labels[i]
			}
			return work[i]
		}
		split := map[string]bool{}
		for _, i := range idx {
			split[other(i)] = true
		}
		if len(split) < 2 {
			continue
		}
		what := "false merge"
		if strings.HasPrefix(k, "l ") {
			what = "missed"
		}
		lines := []string{what + ":"}
		for _, i := range idx {
			lines = append(lines, show(i))
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	sort.Strings(out)
	return out
}

func TestAccuracyDedupSets(t *testing.T) {
	for _, tc := range []struct {
		name         string
		minP, minR   float64 // what this change measured, less nothing: a loss fails
		wantP, wantR float64 // issue 12's target, logged
	}{
		{"digital_work", 1, 0.98, 0.995, 0.98},
		{"special_cases", 0.66, 1, 0.995, 0.98},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := readDedupSet(t, tc.name)
			work := worksOf(s.recs)
			c := pairwise(work, s.labels)
			t.Logf("%s: %d records: %v (target P ≥ %.3f, R ≥ %.3f)", tc.name, len(s.recs), c, tc.wantP, tc.wantR)
			if testing.Verbose() {
				for _, e := range dedupErrors(s, work) {
					t.Log(e)
				}
			}
			if c.precision() < tc.minP || c.recall() < tc.minR {
				t.Errorf("%s: %v; this set held P ≥ %.4f, R ≥ %.4f", tc.name, c, tc.minP, tc.minR)
			}
		})
	}
}

// TestTitleTypoKeepsNumbers: titles one or two characters apart only in a
// number name different works (a series' parts; BenchmarkMatchReferences'
// "Work 100 on peer support" and "Work 6400 on peer support", which agree
// in venue, volume and page, were merged before); a letter typo still
// merges.
func TestTitleTypoKeepsNumbers(t *testing.T) {
	for _, c := range []struct {
		a, b string
		rule string
	}{
		{"Work 100 on peer support groups", "Work 6400 on peer support groups", ""},
		{"Peer support in mental health, part 1", "Peer support in mental health, part 2", ""},
		{"Peer support in mental health: resuls of a trial", "Peer support in mental health: results of a trial", RuleTitleTypo},
	} {
		ka, kb := newDedupKey(&Record{Title: c.a}), newDedupKey(&Record{Title: c.b})
		if rule, _ := titleRelation(&ka, &kb); rule != c.rule {
			t.Errorf("titleRelation(%q, %q) = %q, want %q", c.a, c.b, rule, c.rule)
		}
	}
}
