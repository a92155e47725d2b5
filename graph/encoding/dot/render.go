package dot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoGraphviz means GraphViz's dot program is not installed (not on
// PATH).
var ErrNoGraphviz = errors.New("GraphViz is not installed (no \"dot\" program on PATH)")

// Render draws DOT source with the installed GraphViz and returns the
// drawing in format ("svg", "pdf", "png", or any -T format GraphViz knows).
// The layout engine is the one the source names in its layout attribute,
// as Write sets it. It returns ErrNoGraphviz when GraphViz is missing, and
// an error quoting GraphViz's messages when it fails. Cancelling ctx kills
// GraphViz.
func Render(ctx context.Context, src []byte, format string) ([]byte, error) {
	bin, err := exec.LookPath("dot")
	if err != nil {
		return nil, ErrNoGraphviz
	}
	cmd := exec.CommandContext(ctx, bin, "-T"+format)
	cmd.Stdin = bytes.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("dot: GraphViz failed to render %s: %v: %s", format, err, strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}
