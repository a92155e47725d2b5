package dot

import (
	"fmt"
	"math"
	"strconv"
)

// palette holds the cluster colours: Okabe and Ito's colours (without
// black, which hides a label), safe for the common forms of colour
// blindness, then five of Paul Tol's "muted" scheme, told apart from the
// first seven. Twelve is as many as a reader tells apart on a map
// (VOSviewer and CiteSpace stop near there too): clusters 0 to 11 (the
// largest themes, as analysis numbers them) get their own colour, the
// others one neutral OtherColour.
var palette = [...]string{
	// Okabe & Ito (2008), "Color Universal Design".
	"#E69F00", // orange
	"#56B4E9", // sky blue
	"#009E73", // bluish green
	"#F0E442", // yellow
	"#0072B2", // blue
	"#D55E00", // vermillion
	"#CC79A7", // reddish purple
	// Paul Tol, "muted" qualitative scheme (personal.sron.nl/~pault).
	"#CC6677", // rose
	"#332288", // indigo
	"#117733", // green
	"#882255", // wine
	"#44AA99", // teal
}

// Colours is the number of clusters that get a colour of their own.
const Colours = len(palette)

// OtherColour is the colour of the clusters after the first Colours: one
// neutral grey, darker than the pale grey of works in no cluster.
const OtherColour = "#AAAAAA"

// Colours of what no cluster colours.
const (
	noClusterFill  = "#DDDDDD" // Tol's pale grey, his colour for "no data"
	unresolvedLine = "#777777"
	citingColour   = "#999999"
	edgeColour     = "#555555"
	citingEdge     = "#BBBBBB"
	textDark       = "#222222"
)

// ClusterColour returns the colour of cluster n as "#RRGGBB": its own for
// n < Colours, OtherColour after, the pale grey of no cluster for n < 0.
func ClusterColour(n int) string {
	switch {
	case n < 0:
		return noClusterFill
	case n >= len(palette):
		return OtherColour
	}
	return palette[n]
}

// rgb parses "#RRGGBB".
func rgb(c string) (r, g, b float64) {
	v, err := strconv.ParseUint(c[1:], 16, 32)
	if err != nil || len(c) != 7 {
		panic(fmt.Sprintf("dot: bad colour %q", c)) // only our own constants reach here
	}
	return float64(v >> 16), float64(v >> 8 & 0xff), float64(v & 0xff)
}

// tint mixes colour c with white, keeping the fraction f of c.
func tint(c string, f float64) string {
	r, g, b := rgb(c)
	mix := func(x float64) int { return int(math.Round(255 - (255-x)*f)) }
	return fmt.Sprintf("#%02X%02X%02X", mix(r), mix(g), mix(b))
}

// textOn returns black or white, whichever contrasts more with the fill
// (WCAG relative luminance).
func textOn(fill string) string {
	r, g, b := rgb(fill)
	lin := func(x float64) float64 {
		x /= 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return "#000000"
	}
	return "#FFFFFF"
}
