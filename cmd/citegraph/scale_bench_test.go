package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citegraph/citegraph/analysis"
)

// BenchmarkRunWoSScale runs `citegraph run` as a user would, as its own
// process, on a generated Web of Science plain-text export (see
// writeWoSExport) of CITEGRAPH_SCALE_RECORDS records (default 10,000; the
// issue's figure is 1,000,000) with 10 cited references each: gather,
// resolve (matching every reference), analyse, the tables, GraphML, GEXF,
// VOSviewer and the top map drawn. It reports the wall time, the peak RSS
// of the run and, when the binary writes `--progress json` lines, each
// stage's own seconds. Generating the export is outside the timing;
// CITEGRAPH_SCALE_EXPORT=FILE writes it to FILE and keeps it.
//
//	CITEGRAPH_SCALE_RECORDS=1000000 go test ./cmd/citegraph -run '^$' \
//	    -bench RunWoSScale -benchtime 1x -timeout 60m
func BenchmarkRunWoSScale(b *testing.B) {
	n := 10_000
	if s := os.Getenv("CITEGRAPH_SCALE_RECORDS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("CITEGRAPH_SCALE_RECORDS=%q: want a positive number", s)
		}
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "citegraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	export := filepath.Join(dir, "generated.isi")
	if keep := os.Getenv("CITEGRAPH_SCALE_EXPORT"); keep != "" {
		export = keep // kept after the run, to look at or to profile
	}
	f, err := os.Create(export)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := writeWoSExport(w, n, 10, 1); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	args := []string{"run", export, "--formats", "graphml,gexf,vosviewer,networks,tables,views"}
	if help, _ := exec.Command(bin, "run", "--help").CombinedOutput(); bytes.Contains(help, []byte("--progress")) {
		args = append(args, "--progress", "json")
	}
	if r := os.Getenv("CITEGRAPH_SCALE_RENDER"); r != "" {
		args = append(args, "--render", r)
	}
	for b.Loop() {
		out := filepath.Join(dir, "out")
		_ = os.RemoveAll(out)
		cmd := exec.Command(bin, append(args, "-o", out)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("citegraph run: %v\n%s", err, tail(stderr.String(), 4000))
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/run")
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB") // Maxrss is in KiB on Linux
		}
		for stage, s := range stageSeconds(stderr.Bytes()) {
			b.ReportMetric(s, stage+"-s")
		}
	}
}

// stageSeconds reads the `--progress json` lines of a run, {"stage": NAME,
// "seconds": S, …}, and returns each stage's seconds (summed over the
// stages run more than once, as render is for each drawing).
func stageSeconds(log []byte) map[string]float64 {
	stages := map[string]float64{}
	for line := range bytes.Lines(log) {
		var ev struct {
			Stage   string   `json:"stage"`
			Seconds *float64 `json:"seconds"`
		}
		if json.Unmarshal(line, &ev) == nil && ev.Stage != "" && ev.Seconds != nil {
			stages[ev.Stage] += *ev.Seconds
		}
	}
	return stages
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// writeWoSExport writes a synthetic Web of Science plain-text export of
// papers records, each citing refs earlier records, to w. Who cites whom is
// analysis.GrowCitations(papers, refs, seed) (preferential attachment with
// ageing); everything else is drawn from a PCG generator seeded with seed,
// so the file is a function of the three arguments. The export is built to
// load the pipeline the way a real field export does:
//
//   - records arrive in publication order, years from 1960 to 2025;
//   - two to four authors from a pool of 40,000 family names (upper case
//     and initials in AU, the full name in AF, as WoS writes them), so names
//     collide as real names do;
//   - a title of ten words: four from 30 topic words that every title
//     shares (the worst case for text similarity: few terms in every
//     document), six from a Zipf-distributed vocabulary of 50,000 words;
//   - one of 2,000 journals, volume, issue, pages, a DOI (10.5555/gen.N)
//     on 90% of records, an accession number (UT), times cited (TC);
//   - cited references in WoS's CR form, "FAMILY I, YEAR, J ABBREV, Vv,
//     Pp, DOI d": 70% carry the cited record's DOI, the rest only author,
//     year, source, volume and page, as old references do, so resolution
//     must match them by their fields.
func writeWoSExport(w io.Writer, papers, refs int, seed int64) error {
	g := analysis.GrowCitations(papers, refs, seed)
	cites, cited := g.Out(), g.In()
	rng := rand.New(rand.NewPCG(uint64(seed), 0x243f6a8885a308d3))
	zipf := rand.NewZipf(rng, 1.1, 2, 49_999)
	type paper struct {
		family, initials string
		year, volume     int
		page             int
		journal          int
		doi              bool
	}
	ps := make([]paper, papers)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "FN Clarivate Analytics Web of Science\nVR 1.0\n")
	for i := range papers {
		p := &ps[i]
		p.year = 1960 + i*66/max(papers, 1)
		p.journal = rng.IntN(2000)
		p.volume = 1 + (p.year-1960)/2 + p.journal%7
		p.page = 1 + rng.IntN(2000)
		p.doi = rng.IntN(10) != 0
		nauth := 2 + rng.IntN(3)
		fmt.Fprintf(bw, "PT J\n")
		var af []string
		for a := range nauth {
			fam, given := genName(rng.IntN(40_000)), genName(rng.IntN(3_000))
			ini := given[:1]
			if a == 0 {
				p.family, p.initials = fam, ini
			}
			tag := "AU"
			if a > 0 {
				tag = "  "
			}
			fmt.Fprintf(bw, "%s %s, %s\n", tag, fam, ini)
			af = append(af, fam+", "+given)
		}
		for a, name := range af {
			tag := "AF"
			if a > 0 {
				tag = "  "
			}
			fmt.Fprintf(bw, "%s %s\n", tag, name)
		}
		title := make([]string, 0, 10)
		for range 4 {
			title = append(title, topicWords[rng.IntN(len(topicWords))])
		}
		for range 6 {
			title = append(title, genWord(int(zipf.Uint64())))
		}
		fmt.Fprintf(bw, "TI %s\nSO JOURNAL OF %s\nDT Article\n", strings.Join(title, " "), strings.ToUpper(genWord(p.journal)))
		row := cites.Row(int32(i))
		if len(row) > 0 {
			fmt.Fprintf(bw, "NR %d\n", len(row))
		}
		for k, j := range row {
			c := ps[j]
			tag := "CR"
			if k > 0 {
				tag = "  "
			}
			ref := fmt.Sprintf("%s %s, %d, J %s, V%d, P%d", strings.ToUpper(c.family), c.initials, c.year,
				strings.ToUpper(genWord(c.journal)), c.volume, c.page)
			if c.doi && rng.IntN(10) < 7 {
				ref += fmt.Sprintf(", DOI 10.5555/gen.%d", j)
			}
			fmt.Fprintf(bw, "%s %s\n", tag, ref)
		}
		fmt.Fprintf(bw, "TC %d\nPY %d\nVL %d\nBP %d\nEP %d\n", cited.Start[i+1]-cited.Start[i], p.year, p.volume, p.page, p.page+9)
		if p.doi {
			fmt.Fprintf(bw, "DI 10.5555/gen.%d\n", i)
		}
		fmt.Fprintf(bw, "UT WOS:%015d\nER\n\n", i+1)
	}
	fmt.Fprintf(bw, "EF\n")
	return bw.Flush()
}

// topicWords are the words every generated title draws four of.
var topicWords = strings.Fields(`peer support workers mental health recovery services
	lived experience employment training role outcomes community care model
	evaluation qualitative study review intervention programme stigma
	wellbeing integration practice policy organisational`)

// genName returns a pronounceable capitalised name for n, distinct for
// distinct n.
func genName(n int) string {
	w := genWord(n)
	return strings.ToUpper(w[:1]) + w[1:]
}

// genWord returns a pronounceable lower-case word for n, distinct for
// distinct n: syllables of consonant and vowel in base 105.
func genWord(n int) string {
	const cons, vows = "bcdfghjklmnprstvwxyz", "aeiou"
	var b strings.Builder
	for {
		s := n % (len(cons) * len(vows))
		b.WriteByte(cons[s/len(vows)])
		b.WriteByte(vows[s%len(vows)])
		n /= len(cons) * len(vows)
		if n == 0 {
			break
		}
	}
	b.WriteByte('n')
	return b.String()
}
