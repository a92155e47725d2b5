// Package layout places the works of a map in the plane, so that GraphViz
// only draws them (neato -n2, the "nop2" engine) instead of laying out
// tens of thousands of nodes itself: sfdp took about 70 s on the 20,171
// nodes of ../shared/data, Force 1–2 s.
//
// What goes in is a number of nodes, the links between them and,
// optionally, a group (theme) per node; what comes out is one Point per
// node. Like package analysis it is pure (no I/O) and deterministic: the
// same input and seed give the same positions, bit for bit.
//
// layout.go holds Force (Fruchterman–Reingold with a Barnes–Hut
// quadtree), its starting positions and the quadtree.
package layout
