package webmap_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"html"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/encoding/encodingtest"
	"github.com/citegraph/citegraph/graph/encoding/webmap"
)

// page is what a test reads back from map.html.
type page struct {
	html    string
	csp     string
	scripts []string // the inline scripts that run, in order
	data    struct {
		Title   string   `json:"title"`
		Intents []string `json:"intents"`
		Themes  []struct {
			Label, Colour string
			Works         int
		} `json:"themes"`
		Nodes []struct {
			Key     string   `json:"k"`
			Label   string   `json:"l"`
			Title   string   `json:"t"`
			Authors string   `json:"a"`
			Year    int      `json:"yr"`
			DOI     string   `json:"d"`
			Theme   int      `json:"th"`
			Corpus  bool     `json:"c"`
			Local   int      `json:"lc"`
			Global  *int     `json:"gc"`
			X       float64  `json:"x"`
			Y       float64  `json:"y"`
			Intents []int    `json:"in"`
			Notes   []stmtJS `json:"st"`
		} `json:"nodes"`
		Edges []struct {
			From       int      `json:"f"`
			To         int      `json:"t"`
			Overview   bool     `json:"o"`
			Statements []stmtJS `json:"st"`
		} `json:"edges"`
	}
}

type stmtJS struct {
	Text   string `json:"x"`
	Intent int    `json:"i"`
}

var (
	cspRE    = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	scriptRE = regexp.MustCompile(`(?s)<script( type="application/json" id="citegraph-data")?>(.*?)</script>`)
)

func parsePage(t *testing.T, b []byte) *page {
	t.Helper()
	p := &page{html: string(b)}
	m := cspRE.FindStringSubmatch(p.html)
	if m == nil {
		t.Fatal("no Content-Security-Policy")
	}
	p.csp = html.UnescapeString(m[1])
	found := false
	for _, s := range scriptRE.FindAllStringSubmatch(p.html, -1) {
		if s[1] != "" {
			if err := json.Unmarshal([]byte(s[2]), &p.data); err != nil {
				t.Fatalf("data: %v", err)
			}
			found = true
			continue
		}
		p.scripts = append(p.scripts, s[2])
	}
	if !found {
		t.Fatal("no data script")
	}
	return p
}

// pwn is a work whose title and venue would run a script if the page
// parsed them as markup.
var pwn = graph.Record{DOI: "10.9999/pwn", Year: 2020, Authors: []graph.Author{{Family: "Mallory"}},
	Title: `<img src=x onerror="document.body.dataset.pwned=1"><script>document.body.dataset.pwned=1</script>`,
	Venue: `<svg onload="document.body.dataset.pwned=1">`}

// fixtureGraph is the hostile fixture of encodingtest with pwn.
func fixtureGraph() *graph.Graph {
	return graph.Build(append(encodingtest.Records(), pwn))
}

// fixtureMap is the hostile fixture's map: its labels, themes by ID
// modulo 3, its score as size, and positions.
func fixtureMap(g *graph.Graph) webmap.Map {
	s := encodingtest.Set(g)
	var edges [][2]int32
	for _, e := range g.Edges(graph.Cites) {
		edges = append(edges, [2]int32{int32(e.F.ID()), int32(e.T.ID())})
	}
	m := webmap.Map{Title: "Map of <the> \"fixture\"", Labels: dot.Labels(g), Theme: s.Theme, ThemeLabels: encodingtest.ThemeLabels,
		Size: s.Size, SizeName: "score", Pos: positions(g.Len(), edges, s.Theme)}
	return m
}

// positions places the works as a caller would, each theme on its own
// spot of a circle and its works on a spiral around it (the layout is not
// this package's: run uses analysis/layout).
func positions(n int, _ [][2]int32, group []int) [][2]float64 {
	out := make([][2]float64, n)
	for i := range out {
		g := float64(max(group[i], 0))
		r := 4 * math.Sqrt(float64(i))
		a := float64(i) * 2.399963 // the golden angle
		out[i] = [2]float64{1000*math.Cos(g) + r*math.Cos(a), 1000*math.Sin(g) + r*math.Sin(a)}
	}
	return out
}

func write(t *testing.T, g *graph.Graph, m webmap.Map) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := webmap.Write(&b, g, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWrite reads the hostile fixture's page back: one node per work that
// is not a citing statement, with its label, title and DOI; one edge per
// citation between them; citing statements kept with the works they cite;
// nothing of the hostile text outside JSON strings; the same bytes twice.
func TestWrite(t *testing.T) {
	g := fixtureGraph()
	m := fixtureMap(g)
	b := write(t, g, m)
	if !bytes.Equal(b, write(t, g, m)) {
		t.Error("two writes differ")
	}
	p := parsePage(t, b)
	var want []*graph.Work
	for _, w := range g.Works() {
		if w.Kind != graph.KindCiting {
			want = append(want, w)
		}
	}
	if len(p.data.Nodes) != len(want) {
		t.Fatalf("%d nodes, want %d (the works that are not citing statements)", len(p.data.Nodes), len(want))
	}
	index := map[string]int{}
	for i, w := range want {
		n := p.data.Nodes[i]
		index[w.Key] = i
		if n.Key != w.Key || n.Label != m.Labels[w.ID()] || n.Year != w.Year || n.DOI != w.DOI || n.Theme != m.Theme[w.ID()] {
			t.Errorf("node %d = %+v, want key %s label %q year %d DOI %q theme %d", i, n, w.Key, m.Labels[w.ID()], w.Year, w.DOI, m.Theme[w.ID()])
		}
		if strings.ContainsAny(n.Title+n.Label, "\u202e\x1b\x00") {
			t.Errorf("node %s keeps control characters: %q", w.Key, n.Title)
		}
	}
	cites, notes, local := 0, 0, map[int]int{}
	for _, e := range g.Edges(graph.Cites) {
		if e.F == e.T {
			continue
		}
		if e.F.Kind == graph.KindCiting {
			notes += len(e.Statements)
			continue
		}
		cites++
		local[index[e.T.Key]]++
	}
	if len(p.data.Edges) != cites {
		t.Errorf("%d edges, want %d citations between works", len(p.data.Edges), cites)
	}
	gotNotes := 0
	for i, n := range p.data.Nodes {
		gotNotes += len(n.Notes)
		if n.Local != local[i] {
			t.Errorf("%s: %d local citations, want %d", n.Key, n.Local, local[i])
		}
	}
	if notes == 0 || gotNotes > notes {
		t.Errorf("%d citing statements kept of %d", gotNotes, notes)
	}
	// Outside the JSON, no text of the data: the hostile titles hold
	// "<script>" and "]]>", which must appear only escaped.
	for _, bad := range []string{"<script>alert", "<b>workers</b>", "<img src=x"} {
		if strings.Contains(p.html, bad) {
			t.Errorf("page holds %q unescaped", bad)
		}
	}
	if p.data.Title != m.Title || !strings.Contains(p.html, "<title>Map of &lt;the&gt; &quot;fixture&quot;</title>") {
		t.Errorf("title %q; <title> not escaped", p.data.Title)
	}
}

// TestCSP: the policy allows exactly the page's inline scripts, by hash,
// and no connection, so that a script the data smuggled in could not run
// and the page cannot reach the network.
func TestCSP(t *testing.T) {
	g := encodingtest.Graph()
	p := parsePage(t, write(t, g, fixtureMap(g)))
	if len(p.scripts) != 2 {
		t.Fatalf("%d inline scripts, want 2 (libraries, map)", len(p.scripts))
	}
	for _, s := range p.scripts {
		h := sha256.Sum256([]byte(s))
		if want := "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"; !strings.Contains(p.csp, want) {
			t.Errorf("CSP %q lacks the hash %s of a script", p.csp, want)
		}
	}
	for _, want := range []string{"default-src 'none'", "connect-src 'none'"} {
		if !strings.Contains(p.csp, want) {
			t.Errorf("CSP %q lacks %s", p.csp, want)
		}
	}
	if strings.Contains(p.csp, "unsafe-inline'; script") || strings.Contains(p.csp, "script-src 'unsafe") {
		t.Errorf("CSP lets any inline script run: %q", p.csp)
	}
	if strings.Contains(p.html, "sourceMappingURL") {
		t.Error("page names a source map it does not carry")
	}
}

// TestAssets: the embedded libraries are the files npm installed at the
// pinned versions, as assets/SHA256SUMS records.
func TestAssets(t *testing.T) {
	sums, err := os.ReadFile("assets/SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	if len(lines) != 2 {
		t.Fatalf("SHA256SUMS has %d lines", len(lines))
	}
	for _, line := range lines {
		f := strings.Fields(line)
		b, err := os.ReadFile(filepath.Join("assets", f[1]))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		if hex.EncodeToString(h[:]) != f[0] {
			t.Errorf("assets/%s differs from what npm installed", f[1])
		}
	}
	pkg, err := os.ReadFile("assets/package.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range []string{`"sigma": "3.0.3"`, `"graphology": "0.26.0"`} {
		if !bytes.Contains(pkg, []byte(pin)) {
			t.Errorf("package.json does not pin %s", pin)
		}
	}
}

// TestOverviewLines: of the 23,960 citations of encodingtest.Large(3000),
// the map draws first the webmap.Lines between the largest works, by the
// product of their sizes, and on the fixture (fewer citations) all.
func TestOverviewLines(t *testing.T) {
	g, s := encodingtest.Large(3000)
	m := webmap.Map{Size: s.Size, Theme: s.Theme, Pos: positions(g.Len(), nil, s.Theme)}
	p := parsePage(t, write(t, g, m))
	if len(p.data.Edges) <= webmap.Lines {
		t.Fatalf("%d citations: the test needs more than %d", len(p.data.Edges), webmap.Lines)
	}
	keys := g.Works()
	weight := func(f, t int) float64 { return s.Size[keys[f].ID()] * s.Size[keys[t].ID()] } // node i is work i: no citing works
	drawn, lowest, highest := 0, math.Inf(1), math.Inf(-1)
	for _, e := range p.data.Edges {
		w := weight(e.From, e.To)
		if e.Overview {
			drawn++
			lowest = min(lowest, w)
		} else {
			highest = max(highest, w)
		}
	}
	if drawn != webmap.Lines || lowest < highest {
		t.Errorf("%d lines drawn, want %d; lightest drawn %g, heaviest left out %g", drawn, webmap.Lines, lowest, highest)
	}
	g = fixtureGraph()
	for _, e := range parsePage(t, write(t, g, fixtureMap(g))).data.Edges {
		if !e.Overview {
			t.Errorf("fixture citation %d→%d not drawn", e.From, e.To)
		}
	}
}

// TestWriteBare: a graph without statements or themes (an edge list) still
// gives lists, not null, which the page's script would fail on (the
// 78,564-work map of ../shared/data did).
func TestWriteBare(t *testing.T) {
	g := graph.Build([]graph.Record{{DOI: "10.1/a", References: []graph.Reference{{DOI: "10.1/b"}}}})
	b := write(t, g, webmap.Map{})
	for _, want := range []string{`"intents":[]`, `"themes":[]`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("page data lacks %s", want)
		}
	}
	if p := parsePage(t, b); len(p.data.Nodes) != 2 || len(p.data.Edges) != 1 {
		t.Errorf("%d nodes and %d edges, want 2 and 1", len(p.data.Nodes), len(p.data.Edges))
	}
}

func TestWriteErrors(t *testing.T) {
	g := encodingtest.Graph()
	for _, m := range []webmap.Map{{Labels: []string{"x"}}, {Theme: []int{1}}, {Size: []float64{1}}, {Pos: [][2]float64{{0, 0}}}} {
		var b bytes.Buffer
		if err := webmap.Write(&b, g, m); err == nil || b.Len() != 0 {
			t.Errorf("Write(%+v) = %v with %d bytes, want an error and nothing written", m, err, b.Len())
		}
	}
}

// TestThemeColours: twelve colours, told apart, then one neutral colour.
func TestThemeColours(t *testing.T) {
	seen := map[string]bool{}
	for i := range webmap.Colours {
		c := webmap.ThemeColour(i)
		if seen[c] || c == webmap.Other {
			t.Errorf("theme %d shares colour %s", i, c)
		}
		seen[c] = true
	}
	if webmap.Colours != 12 || webmap.ThemeColour(12) != webmap.Other || webmap.ThemeColour(-1) != webmap.Other {
		t.Errorf("%d colours; theme 12 %s, none %s", webmap.Colours, webmap.ThemeColour(12), webmap.ThemeColour(-1))
	}
}

// touches reports whether a citation to or from w that is drawn (between
// works that are not citing statements) or a statement about w has the
// intent.
func touches(g *graph.Graph, w *graph.Work, intent string) bool {
	for _, e := range g.Edges(graph.Cites) {
		if e.F == e.T || e.T.Kind == graph.KindCiting || e.F != w && e.T != w {
			continue
		}
		if e.F.Kind == graph.KindCiting && e.T != w {
			continue
		}
		for _, st := range e.Statements {
			if st.Intent == intent && st.Text != "" {
				return true
			}
		}
	}
	return false
}

// body returns the attributes of the <body> element Chromium's DOM dump
// shows: the page reports its state there.
func body(t *testing.T, dom string) map[string]string {
	t.Helper()
	m := regexp.MustCompile(`<body([^>]*)>`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no <body> in the DOM:\n%.2000s", dom)
	}
	attrs := map[string]string{}
	for _, a := range regexp.MustCompile(`([a-z-]+)="([^"]*)"`).FindAllStringSubmatch(m[1], -1) {
		attrs[a[1]] = a[2]
	}
	return attrs
}

func open(t *testing.T, path, hash string) (attrs map[string]string, dom, logs string) {
	t.Helper()
	dom, logs = encodingtest.Chromium(t, "--virtual-time-budget=10000", "--dump-dom", "file://"+path+hash)
	for _, bad := range []string{"Uncaught", "Refused to", "Content Security Policy", "WebGL2RenderingContext", "Could not create"} {
		if strings.Contains(logs, bad) {
			t.Errorf("console (%s): %s\n%.3000s", hash, bad, logs)
		}
	}
	return body(t, dom), dom, logs
}

// TestChromium opens the fixture's page in headless Chromium: it must be
// ready with every work drawn, a search and each filter must show the
// works a count over the fixture gives, a hostile title must run no
// script, and a screenshot must show the themes' colours.
func TestChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	g := fixtureGraph()
	m := fixtureMap(g)
	path := filepath.Join(t.TempDir(), "map.html")
	if err := os.WriteFile(path, write(t, g, m), 0o644); err != nil {
		t.Fatal(err)
	}
	p := parsePage(t, write(t, g, m))
	nodes := p.data.Nodes
	count := func(keep func(i int) bool) string {
		n := 0
		for i := range nodes {
			if keep(i) {
				n++
			}
		}
		return strconv.Itoa(n)
	}
	attrs, _, _ := open(t, path, "")
	if attrs["data-ready"] != strconv.Itoa(len(nodes)) {
		t.Fatalf("ready %q, want %d works drawn", attrs["data-ready"], len(nodes))
	}
	if attrs["data-pwned"] != "" {
		t.Error("a title ran a script")
	}
	// Independent counts: over the fixture's works, not the page's code.
	works := map[string]*graph.Work{}
	for _, w := range g.Works() {
		works[w.Key] = w
	}
	for _, tc := range []struct {
		hash, attr, want string
	}{
		{"#themes=1", "data-shown", count(func(i int) bool { return nodes[i].Theme == 0 })},
		{"#from=2000&to=2010", "data-shown", count(func(i int) bool { y := works[nodes[i].Key].Year; return y >= 2000 && y <= 2010 })},
		{"#scope=reference", "data-shown", count(func(i int) bool {
			return works[nodes[i].Key].Kind != graph.KindWork || len(works[nodes[i].Key].Sources) == 0
		})},
		{"#scope=corpus", "data-shown", count(func(i int) bool {
			return works[nodes[i].Key].Kind == graph.KindWork && len(works[nodes[i].Key].Sources) > 0
		})},
		{"#intent=no-such-intent", "data-shown", "0"},
		{"#q=10.9999/HOSTILE.1", "data-matches", count(func(i int) bool { return strings.Contains(works[nodes[i].Key].DOI, "10.9999/hostile.1") })},
		{"#intent=supporting", "data-shown", count(func(i int) bool { return touches(g, works[nodes[i].Key], "supporting") })},
	} {
		if tc.want == strconv.Itoa(len(nodes)) || tc.want == "0" && tc.hash != "#intent=no-such-intent" {
			t.Errorf("%s: the fixture makes a test that cannot fail (%s of %d)", tc.hash, tc.want, len(nodes))
		}
		got, _, _ := open(t, path, tc.hash)
		if got[tc.attr] != tc.want {
			t.Errorf("%s: %s = %q, want %s", tc.hash, tc.attr, got[tc.attr], tc.want)
		}
	}
	// The panel of a work with a hostile title shows the title as text.
	hostile := "doi:" + pwn.DOI
	got, dom, _ := open(t, path, "#work="+hostile)
	if got["data-selected"] != hostile || !strings.Contains(dom, "<h2>") {
		t.Errorf("selected %q, want %s with a panel", got["data-selected"], hostile)
	}
	if strings.Contains(dom, "<script>alert") || strings.Contains(dom, "<img") || got["data-pwned"] != "" {
		t.Error("the hostile title became markup")
	}
	img := encodingtest.Screenshot(t, "file://"+path, "1200,800")
	drawn := 0
	for th := range 3 {
		c := webmap.ThemeColour(th)
		v, _ := strconv.ParseUint(c[1:], 16, 32)
		n := encodingtest.CountColour(img, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255})
		t.Logf("theme %d (%s): %d pixels", th+1, c, n)
		if n >= 20 {
			drawn++
		}
	}
	if drawn != 3 {
		t.Errorf("%d of the 3 themes' colours drawn", drawn)
	}
}

// large is the map of encodingtest.Large(n): twelve themes.
func large(t testing.TB, n int) string {
	g, s := encodingtest.Large(n)
	var edges [][2]int32
	for _, e := range g.Edges(graph.Cites) {
		edges = append(edges, [2]int32{int32(e.F.ID()), int32(e.T.ID())})
	}
	labels := make([]string, len(s.Themes))
	for i, th := range s.Themes {
		labels[i] = th.Label
	}
	m := webmap.Map{Title: "Large", Labels: dot.Labels(g), Theme: s.Theme, ThemeLabels: labels, Size: s.Size, SizeName: "score",
		Pos: positions(g.Len(), edges, s.Theme)}
	var b bytes.Buffer
	if err := webmap.Write(&b, g, m); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "map.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestChromiumLarge: the map of 20,000 works is drawn whole, and a
// screenshot shows all twelve themes' colours.
func TestChromiumLarge(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("starts a browser on 20,000 works; .ci/run runs it without -race")
	}
	const n = 20000
	path := large(t, n)
	attrs, _, _ := open(t, path, "")
	if attrs["data-ready"] != strconv.Itoa(n) {
		t.Fatalf("ready %q, want %d", attrs["data-ready"], n)
	}
	t.Logf("script start %s ms, ready %s ms after navigation", attrs["data-start-ms"], attrs["data-ready-ms"])
	img := encodingtest.Screenshot(t, "file://"+path, "1400,900")
	for th := range webmap.Colours {
		c := webmap.ThemeColour(th)
		v, _ := strconv.ParseUint(c[1:], 16, 32)
		if k := encodingtest.CountColour(img, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}); k < 20 {
			t.Errorf("theme %d (%s): %d pixels", th+1, c, k)
		}
	}
}

// BenchmarkChromium20k reports, on 20,000 works in headless Chromium
// with software WebGL, the time from navigation to the page's first
// drawing (ms-to-ready, the page's clock: reading the 10 MB file, the
// libraries and the drawing) and from the start of the page's own script
// (ms-script-to-ready).
func BenchmarkChromium20k(b *testing.B) {
	path := large(b, 20000)
	var total, script float64
	re := regexp.MustCompile(`data-start-ms="(\d+)".*data-ready-ms="(\d+)"`)
	for b.Loop() {
		dom, _ := encodingtest.Chromium(b, "--dump-dom", "file://"+path)
		m := re.FindStringSubmatch(dom)
		if m == nil {
			b.Fatal("page not ready")
		}
		start, _ := strconv.Atoi(m[1])
		ready, _ := strconv.Atoi(m[2])
		total += float64(ready)
		script += float64(ready - start)
	}
	b.ReportMetric(total/float64(b.N), "ms-to-ready")
	b.ReportMetric(script/float64(b.N), "ms-script-to-ready")
}
