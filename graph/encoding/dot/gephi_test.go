package dot_test

// A model of Gephi's DOT importer (gephi/gephi, modules/ImportPlugin,
// org.gephi.io.importer.plugin.file.ImporterDOT, read for this test): a
// java.io.StreamTokenizer set up as ImporterDOT.setSyntax does, and the
// statement rules of its stmt, nodeAttributes, edgeStructure,
// edgeAttributes and parseColor. Gephi itself cannot run here; the model
// shows what it makes of a file: which nodes and edges it creates, with
// which labels and colours.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

const (
	ttEOF  = -1
	ttWord = -3
)

type gtoken struct {
	ttype int // ttWord, '"', an ordinary character, or ttEOF
	sval  string
	valid bool // sval is set (word or quoted string)
}

// gtokenize splits text as ImporterDOT's StreamTokenizer does: white space
// is 0…' ' and ';'; [ ] { } - > / * , = are ordinary; '"' quotes, with
// StreamTokenizer's escapes; everything else (including every character
// above U+00FF) makes words.
func gtokenize(t *testing.T, text string) []gtoken {
	t.Helper()
	rs := []rune(text)
	var out []gtoken
	for i := 0; i < len(rs); {
		c := rs[i]
		switch {
		case c <= ' ' || c == ';':
			i++
		case c == '/' && i+1 < len(rs) && (rs[i+1] == '/' || rs[i+1] == '*'):
			t.Fatalf("comment at rune %d: the model does not handle comments", i)
		case strings.ContainsRune("[]{}->/*,=", c):
			out = append(out, gtoken{ttype: int(c)})
			i++
		case c == '"':
			i++
			var b strings.Builder
			for i < len(rs) && rs[i] != '"' && rs[i] != '\n' && rs[i] != '\r' {
				if rs[i] == '\\' && i+1 < len(rs) {
					i++
					switch e := rs[i]; e {
					case 'a':
						b.WriteRune(7)
					case 'b':
						b.WriteRune('\b')
					case 'f':
						b.WriteRune('\f')
					case 'n':
						b.WriteRune('\n')
					case 'r':
						b.WriteRune('\r')
					case 't':
						b.WriteRune('\t')
					case 'v':
						b.WriteRune('\v')
					default:
						if e >= '0' && e <= '7' {
							v := int(e - '0')
							for k := 0; k < 2 && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '7' && (k == 0 || e <= '3'); k++ {
								i++
								v = v*8 + int(rs[i]-'0')
							}
							b.WriteRune(rune(v))
						} else {
							b.WriteRune(e)
						}
					}
					i++
					continue
				}
				b.WriteRune(rs[i])
				i++
			}
			if i < len(rs) && rs[i] == '"' {
				i++
			}
			out = append(out, gtoken{ttype: '"', sval: b.String(), valid: true})
		default:
			j := i
			for j < len(rs) && !(rs[j] <= ' ' || rs[j] == ';' || rs[j] == '"' || strings.ContainsRune("[]{}->/*,=", rs[j])) {
				j++
			}
			out = append(out, gtoken{ttype: ttWord, sval: string(rs[i:j]), valid: true})
			i = j
		}
	}
	return out
}

type gnode struct {
	label   string
	colour  string // "r,g,b,a" as Gephi stores it, or ""
	values  map[string]string
	created int // order of creation
}

type gedge struct {
	from, to string
	label    string
	weight   float64
	colour   string
}

type gephiResult struct {
	nodes    map[string]*gnode
	order    []string
	edges    []gedge
	warnings []string
}

// gephiImport runs the model on text.
func gephiImport(t *testing.T, text string) *gephiResult {
	t.Helper()
	toks := gtokenize(t, text)
	p := 0
	next := func() gtoken {
		if p >= len(toks) {
			p++
			return gtoken{ttype: ttEOF}
		}
		p++
		return toks[p-1]
	}
	back := func() { p-- }
	r := &gephiResult{nodes: map[string]*gnode{}}
	node := func(id string) *gnode {
		if n, ok := r.nodes[id]; ok {
			return n
		}
		n := &gnode{values: map[string]string{}, created: len(r.order)}
		r.nodes[id] = n
		r.order = append(r.order, id)
		return n
	}
	colour := func(tk gtoken) (string, bool) {
		switch {
		case tk.ttype == '"' && strings.HasPrefix(tk.sval, "#"):
			v, err := strconv.ParseUint(tk.sval[1:], 16, 32)
			if err != nil || v > math.MaxInt32 {
				t.Fatalf("Gephi would throw NumberFormatException on colour %q", tk.sval)
			}
			// new Color(rgb, true): alpha from bits 24–31, here 0.
			return fmt.Sprintf("%d,%d,%d,%d", v>>16&255, v>>8&255, v&255, v>>24&255), true
		case tk.ttype != ttWord && tk.ttype != '"':
			return "", false
		}
		s := strings.ReplaceAll(tk.sval, ", ", ",")
		parts := strings.Split(s, " ")
		if len(parts) != 3 {
			parts = strings.Split(s, ",")
		}
		if len(parts) != 3 {
			return "", false
		}
		var f [3]float64
		for i, x := range parts {
			v, err := strconv.ParseFloat(x, 32)
			if err != nil {
				t.Fatalf("Gephi would throw NumberFormatException on colour %q", tk.sval)
			}
			f[i] = v
		}
		rr, gg, bb := hsbToRGB(f[0], f[1], f[2])
		return fmt.Sprintf("%d,%d,%d,255", rr, gg, bb), true
	}
	nodeAttrs := func(n *gnode) {
		for {
			tk := next()
			if tk.ttype == ']' || tk.ttype == ttEOF {
				return
			}
			if tk.ttype != ttWord {
				continue
			}
			key := strings.ToLower(tk.sval)
			if next().ttype != '=' {
				back()
				if key == "label" || key == "color" || key == "pos" {
					r.warnings = append(r.warnings, key+" unreachable")
				}
				continue
			}
			v := next()
			switch key {
			case "label":
				if v.ttype == ttWord || v.ttype == '"' {
					n.label = v.sval
				} else {
					r.warnings = append(r.warnings, "label unreachable")
					back()
				}
			case "color":
				if c, ok := colour(v); ok {
					n.colour = c
				} else {
					r.warnings = append(r.warnings, "color unreachable: "+v.sval)
					back()
				}
			case "style", "pos":
				if v.ttype != ttWord && v.ttype != '"' {
					back()
				}
			default:
				if v.ttype == ttWord || v.ttype == '"' {
					if v.sval != "" {
						n.values[tk.sval] = v.sval
					}
				} else {
					back()
				}
			}
		}
	}
	edgeAttrs := func(e *gedge) {
		for {
			tk := next()
			if tk.ttype == ']' || tk.ttype == ttEOF {
				return
			}
			if tk.ttype != ttWord {
				continue
			}
			key := strings.ToLower(tk.sval)
			switch key {
			case "label", "color", "style", "weight":
			default:
				continue // other attributes: skipped token by token
			}
			if next().ttype != '=' {
				back()
				continue
			}
			v := next()
			switch key {
			case "label":
				if v.ttype == ttWord || v.ttype == '"' {
					e.label = v.sval
				} else {
					back()
				}
			case "color":
				if c, ok := colour(v); ok {
					e.colour = c
				} else {
					back()
				}
			case "weight":
				if v.ttype == ttWord || v.ttype == '"' {
					w, err := strconv.ParseFloat(v.sval, 32)
					if err != nil {
						r.warnings = append(r.warnings, "weight unreachable")
					}
					e.weight = w
				} else {
					back()
				}
			case "style":
				if v.ttype != ttWord && v.ttype != '"' {
					back()
				}
			}
		}
	}
	// graph(): find digraph, its name, '{'.
	for {
		tk := next()
		if tk.ttype == ttEOF {
			t.Fatal("Gephi: no graph found")
		}
		if tk.ttype == ttWord && (strings.EqualFold(tk.sval, "digraph") || strings.EqualFold(tk.sval, "graph")) {
			break
		}
	}
	for tk := next(); tk.ttype != '{'; tk = next() {
		if tk.ttype == ttEOF {
			return r
		}
	}
	// stmtList.
	for {
		tk := next()
		if tk.ttype == ttEOF {
			break
		}
		if !tk.valid || strings.EqualFold(tk.sval, "graph") || strings.EqualFold(tk.sval, "node") || strings.EqualFold(tk.sval, "edge") {
			continue
		}
		id := tk.sval
		nt := next()
		switch nt.ttype {
		case '-':
			from := node(id)
			_ = from
			op := next()
			if op.ttype != '>' && op.ttype != '-' {
				r.warnings = append(r.warnings, "edge parsing")
				if op.ttype == ttWord {
					back()
				}
				continue
			}
			to := next()
			if to.ttype == '{' {
				t.Fatal("edge to a subgraph: not modelled")
			}
			node(to.sval)
			e := gedge{from: id, to: to.sval, weight: 1}
			if next().ttype == '[' {
				edgeAttrs(&e)
			} else {
				back()
			}
			r.edges = append(r.edges, e)
		case '[':
			nodeAttrs(node(id))
		default:
			node(id)
			back()
		}
	}
	return r
}

// hsbToRGB is java.awt.Color.HSBtoRGB.
func hsbToRGB(hue, sat, bri float64) (r, g, b int) {
	h32, s32, v32 := float32(hue), float32(sat), float32(bri)
	if s32 == 0 {
		v := int(v32*255 + 0.5)
		return v, v, v
	}
	h := (h32 - float32(math.Floor(float64(h32)))) * 6
	f := h - float32(math.Floor(float64(h)))
	p := v32 * (1 - s32)
	q := v32 * (1 - s32*f)
	tt := v32 * (1 - s32*(1-f))
	var rf, gf, bf float32
	switch int(h) {
	case 0:
		rf, gf, bf = v32, tt, p
	case 1:
		rf, gf, bf = q, v32, p
	case 2:
		rf, gf, bf = p, v32, tt
	case 3:
		rf, gf, bf = p, q, v32
	case 4:
		rf, gf, bf = tt, p, v32
	default:
		rf, gf, bf = v32, p, q
	}
	return int(rf*255 + 0.5), int(gf*255 + 0.5), int(bf*255 + 0.5)
}
