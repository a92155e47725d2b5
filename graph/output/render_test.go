package output_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/output"
)

// TestRenderTimeout puts a "dot" that never finishes first on PATH: every
// file is still written, each drawing is stopped after RenderTimeout with a
// note naming it, and no drawing file is left.
func TestRenderTimeout(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs a shell script as dot")
	}
	bin := t.TempDir()
	// exec replaces the shell with sleep, so killing the process kills the
	// sleep too.
	if err := os.WriteFile(filepath.Join(bin, "dot"), []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	g := handCorpus()
	res := analysis.Run(g, analysis.Options{Seed: 1})
	chosen, err := output.ParseFormats("views,tables")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var notes []string
	start := time.Now()
	written, err := output.Write(context.Background(), output.Dir{Path: dir}, output.NewInput(nil, g, res), output.Options{
		Formats: chosen, Render: "svg", RenderTimeout: 100 * time.Millisecond, Note: func(n string) { notes = append(notes, n) },
	})
	if err != nil {
		t.Fatal(err)
	}
	// Four drawings (graph, overview, top, historiograph) of 0.1 s each.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Write took %v with four drawings stopped at 0.1 s", d)
	}
	for _, f := range []string{"graph.dot", "centrality.csv", "overview.dot", "top.dot", "historiograph.dot", "citations.csv", "statements.csv"} {
		if !slices.Contains(written, f) {
			t.Errorf("%s not written (written: %v)", f, written)
		}
	}
	for _, name := range []string{"graph", "overview", "top", "historiograph"} {
		if _, err := os.Stat(filepath.Join(dir, name+".svg")); err == nil {
			t.Errorf("%s.svg written by a GraphViz that was stopped", name)
		}
		want := name + ".svg not drawn: GraphViz did not finish " + name + ".dot within 100ms"
		if !slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, want) }) {
			t.Errorf("no note %q in %q", want, notes)
		}
	}
}

// bigCorpus is n works in a chain of citations, each citing the one before
// and the one n/3 before it.
func bigCorpus(n int) *graph.Graph {
	recs := make([]graph.Record, n)
	for i := range recs {
		recs[i] = graph.Record{DOI: "10.5555/w" + strconv.Itoa(i), Year: 1990 + i%30, Title: "Work number " + strconv.Itoa(i),
			Authors: []graph.Author{{Family: "Author" + strconv.Itoa(i), Given: "A"}}}
		for _, j := range []int{i - 1, i - n/3} {
			if j >= 0 {
				recs[i].References = append(recs[i].References, graph.Reference{DOI: "10.5555/w" + strconv.Itoa(j)})
			}
		}
	}
	return graph.Build(recs)
}

// TestLargeMapPositioned: from dot.PositionFrom works graph.dot carries a
// position for every node and the nop2 engine, labels only dot.LabelTop
// works, a note says so, and GraphViz draws it (when installed).
func TestLargeMapPositioned(t *testing.T) {
	n := dot.PositionFrom
	g := bigCorpus(n)
	res := analysis.Run(g, analysis.Options{Seed: 1})
	dir := t.TempDir()
	var notes []string
	if _, err := output.Write(context.Background(), output.Dir{Path: dir}, output.NewInput(nil, g, res), output.Options{
		Render: "none", Seed: 1, Note: func(s string) { notes = append(notes, s) },
	}); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "graph.dot"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	if !strings.Contains(text, "\tlayout=nop2;\n") {
		t.Error("graph.dot does not ask for the nop2 engine")
	}
	if got := len(regexp.MustCompile(`pos="[0-9.]+,[0-9.]+"`).FindAllString(text, -1)); got != n {
		t.Errorf("%d nodes with a position, want %d", got, n)
	}
	if got := len(regexp.MustCompile(`label="[^"]+ \d{4}"`).FindAllString(text, -1)); got != dot.LabelTop {
		t.Errorf("%d labelled nodes, want %d", got, dot.LabelTop)
	}
	want := "graph.dot has " + strconv.Itoa(n) + " works: placed by citegraph's force-directed layout"
	if !slices.ContainsFunc(notes, func(s string) bool { return strings.HasPrefix(s, want) }) {
		t.Errorf("no note %q in %q", want, notes)
	}
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("GraphViz not installed")
	}
	start := time.Now()
	svg, err := dot.Render(context.Background(), src, "svg")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(svg), `class="node"`); got != n {
		t.Errorf("GraphViz drew %d nodes, want %d", got, n)
	}
	t.Logf("nop2 drew %d nodes in %v", n, time.Since(start))
}
