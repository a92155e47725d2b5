package dot

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"testing"
)

func TestRender(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Setenv("PATH", "")
		if _, err := Render(context.Background(), []byte("digraph{a->b}"), "svg"); !errors.Is(err, ErrNoGraphviz) {
			t.Fatalf("without GraphViz: %v, want ErrNoGraphviz", err)
		}
		if os.Getenv("CITEGRAPH_REQUIRE_CONSUMERS") == "1" {
			t.Fatal("GraphViz not installed (required: $CITEGRAPH_REQUIRE_CONSUMERS=1)")
		}
		t.Skip("GraphViz not installed")
	}
	svg, err := Render(context.Background(), []byte(`digraph { layout=neato; "a" -> "b" }`), "svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("<svg")) || bytes.Count(svg, []byte(`class="edge"`)) != 1 {
		t.Errorf("not an SVG with one edge:\n%s", svg)
	}
	if _, err := Render(context.Background(), []byte("digraph { a -> }"), "svg"); err == nil {
		t.Error("a syntax error rendered without error")
	}
	t.Setenv("PATH", "")
	if _, err := Render(context.Background(), []byte("digraph{}"), "svg"); !errors.Is(err, ErrNoGraphviz) {
		t.Errorf("with PATH empty: %v, want ErrNoGraphviz", err)
	}
}
