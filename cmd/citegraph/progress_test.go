package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// progressLines returns the stages of the finished-stage lines of
// --progress json output, in order, and checks that every JSON line has a
// stage and either done/total or seconds.
func progressLines(t *testing.T, stderr string) (finished []string) {
	t.Helper()
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("progress line %q: %v", line, err)
		}
		stage, _ := ev["stage"].(string)
		_, hasDone := ev["done"]
		s, hasSeconds := ev["seconds"].(float64)
		switch {
		case stage == "" || hasDone == hasSeconds:
			t.Errorf("progress line %q: want a stage and either done or seconds", line)
		case hasSeconds && s < 0:
			t.Errorf("progress line %q: negative time", line)
		case hasSeconds:
			finished = append(finished, stage)
		}
	}
	return finished
}

// TestProgressJSON: analyse --progress json ends every stage with its
// time, one line per measure asked for (issue 11, item 5); run reports
// gather, resolve, match, every measure and each drawing; --quiet and
// --progress none print no progress line.
func TestProgressJSON(t *testing.T) {
	edges := filepath.Join(t.TempDir(), "edges.txt")
	// A 4-node SNAP edge list: 1 cites 2 and 3, 2 cites 3, 4 cites 1.
	if err := os.WriteFile(edges, []byte("# FromNodeId ToNodeId\n1 2\n1 3\n2 3\n4 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, context.Background(), "analyse", edges, "-o", t.TempDir(), "--measures", "pagerank,betweenness", "--progress", "json")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if got, want := progressLines(t, stderr), []string{"gather", "pagerank", "betweenness"}; !slices.Equal(got, want) {
		t.Errorf("analyse: finished stages %v, want %v\n%s", got, want, stderr)
	}

	code, _, stderr = runCmd(t, context.Background(), "run", seedCorpus, "-o", t.TempDir(), "--formats", "none", "--render", "none", "--progress", "json")
	if code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	want := []string{"gather", "resolve", "match", "degrees", "pagerank", "hits", "betweenness", "communities", "themes", "kcore", "age", "bursts", "mainpath"}
	if got := progressLines(t, stderr); !slices.Equal(got, want) {
		t.Errorf("run: finished stages %v, want %v", got, want)
	}
	if !strings.Contains(stderr, `{"stage":"gather","seconds":`) || !strings.Contains(stderr, `"sources":5,"records":25,"problems":0}`) {
		t.Errorf("run: the gather line lacks its counts (5 seed pages, 25 records, as TestIngest counts them):\n%s", stderr)
	}

	for _, quiet := range [][]string{{"-q"}, {"--quiet", "--progress", "json"}, {"--progress", "none"}} {
		code, _, stderr = runCmd(t, context.Background(), append([]string{"analyse", edges, "-o", t.TempDir()}, quiet...)...)
		if code != exitOK || strings.Contains(stderr, "{") {
			t.Errorf("analyse %v: exit %d, progress printed:\n%s", quiet, code, stderr)
		}
	}
	if code, _, _ = runCmd(t, context.Background(), "extract", "--progress", "loud", seedCorpus); code != exitUsage {
		t.Errorf("--progress loud: exit %d, want %d", code, exitUsage)
	}
}
