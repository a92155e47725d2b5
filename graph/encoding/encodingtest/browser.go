package encodingtest

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Chromium runs headless Chromium (Debian's package chromium) with a fresh
// profile and WebGL in software (SwiftShader, for machines without a GPU)
// and returns what it printed and its log. It skips the test, or fails it
// under RequireEnv, when Chromium is not installed.
func Chromium(t testing.TB, args ...string) (stdout, stderr string) {
	t.Helper()
	bin := Tool(t, "chromium", "chromium")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--enable-logging=stderr", "--v=0", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errOut.String())
	}
	return out.String(), errOut.String()
}

// Screenshot takes a screenshot of url in headless Chromium at the given
// window size and decodes it.
func Screenshot(t testing.TB, url, size string) image.Image {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "shot.png")
	Chromium(t, "--window-size="+size, "--hide-scrollbars", "--screenshot="+shot, url)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// CountColour returns how many pixels of img are within 6 of c in each
// channel.
func CountColour(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	near := func(v uint32, c uint8) bool {
		d := int(v>>8) - int(c)
		return d >= -6 && d <= 6
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, c.R) && near(g, c.G) && near(bl, c.B) {
				n++
			}
		}
	}
	return n
}
