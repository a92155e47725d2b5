#!/usr/bin/env python3
"""Reference runs of python-igraph, graph-tool and networkx for citegraph's
analysis at scale (issues 6 and 17): one measure per process, so that `/usr/bin/time` around it
gives the whole-process wall time and peak memory that `citegraph analyse`
is compared with, and the values themselves for the agreement tests.

Usage:
  python3 docs/bench/reference_scale.py TOOL MEASURE GRAPH [--cora CONTENT] [--out FILE.tsv]

TOOL is igraph, graph-tool or networkx. MEASURE is one of load, pagerank,
hits, betweenness, betweenness-sampled, leiden, leiden-stable, louvain,
coreness, all (graph-tool has no Leiden or Louvain; igraph 0.10 has no
sampled betweenness, graph-tool's is betweenness from --samples pivots). GRAPH is a SNAP
edge list ("citing cited" per line, '#' comments) or, with --cora, a LINQS
.cites file ("cited citing", as cora.README says) whose papers are listed
in CONTENT.

The graph is read as citegraph reads it: node IDs interned and numbered in
natural order (numerically when every ID is a number, else lexically);
self-citations and repeated lines left out (citegraph's citation view has
neither). Communities run on the undirected graph in which a citation in
each direction of a pair counts twice (igraph as_undirected(mode="each")).

Prints "measure tool seconds" for the measure alone (graph loading
excluded) and, with --out, writes one row per node: id and the values.
Needs Debian's python3-igraph (0.10), python3-graph-tool (2.45, OpenMP on
every core) and python3-networkx (2.8). graph-tool's PageRank and HITS run
to an L1 change of 1e-12 (--epsilon), as citegraph's power iterations did;
its default 1e-6 is faster and less exact.
"""
import argparse
import sys
import time


def natural_ids(ids):
    ids = set(ids)
    if all(i.isdigit() for i in ids):
        return sorted(ids, key=int)
    return sorted(ids)


def read_graph(path, cora_content=None):
    edges = []
    nodes = []
    with open(path, encoding="utf-8", newline=None) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            a, b = line.split()[:2]
            if cora_content is not None:
                a, b = b, a  # "cited citing"
            edges.append((a, b))
    if cora_content is not None:
        with open(cora_content, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if parts:
                    nodes.append(parts[0])
    ids = natural_ids([x for e in edges for x in e] + nodes)
    index = {k: i for i, k in enumerate(ids)}
    seen = set()
    out = []
    for a, b in edges:
        e = (index[a], index[b])
        if e[0] == e[1] or e in seen:
            continue
        seen.add(e)
        out.append(e)
    return ids, out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("tool", choices=["igraph", "graph-tool", "networkx"])
    p.add_argument("measure")
    p.add_argument("graph")
    p.add_argument("--cora")
    p.add_argument("--out")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--samples", type=int, default=64)
    p.add_argument("--epsilon", type=float, default=1e-12)
    p.add_argument("--repeat", type=int, default=1, help="time the measure this many times, print each")
    a = p.parse_args()

    ids, edges = read_graph(a.graph, a.cora)
    n = len(ids)
    cols = {}
    t0 = time.perf_counter()
    if a.tool == "graph-tool":
        cols, times = graph_tool_measure(a, n, edges)
        for secs in times:
            print(f"{a.measure} {a.tool} {secs:.4f}")
        write_cols(a, ids, n, cols)
        return
    if a.tool == "igraph":
        cols, times = igraph_measure(a, n, edges)
        for secs in times:
            print(f"{a.measure} {a.tool} {secs:.4f}")
        write_cols(a, ids, n, cols)
        return
    if a.tool == "networkx":
        import networkx as nx
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        t0 = time.perf_counter()
        m = a.measure
        if m in ("pagerank", "all"):
            pr = nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=1000)
            cols["pagerank"] = [pr[i] for i in range(n)]
        if m in ("hits", "all"):
            h, au = nx.hits(g, max_iter=10000, tol=1e-12)
            cols["hub"] = [h[i] for i in range(n)]
            cols["authority"] = [au[i] for i in range(n)]
        if m in ("betweenness", "all"):
            b = nx.betweenness_centrality(g, normalized=False)
            cols["betweenness"] = [b[i] for i in range(n)]
        if m in ("coreness", "all"):
            u = g.to_undirected()
            k = nx.core_number(u)
            cols["coreness"] = [k[i] for i in range(n)]
        if m in ("louvain", "all"):
            u = nx.MultiGraph()
            u.add_nodes_from(range(n))
            u.add_edges_from(edges)
            w = nx.Graph()
            w.add_nodes_from(range(n))
            for x, y in u.edges():
                if w.has_edge(x, y):
                    w[x][y]["weight"] += 1
                else:
                    w.add_edge(x, y, weight=1)
            cs = nx.community.louvain_communities(w, seed=a.seed)
            memb = [0] * n
            for ci, c in enumerate(cs):
                for v in c:
                    memb[v] = ci
            cols["louvain"] = memb
            print(f"louvain modularity {nx.community.modularity(w, cs):.6f} communities {len(cs)}", file=sys.stderr)
    secs = time.perf_counter() - t0
    print(f"{a.measure} {a.tool} {secs:.4f}")
    write_cols(a, ids, n, cols)


def igraph_measure(a, n, edges):
    """Builds the graph in igraph and times the measure a.repeat times."""
    import igraph as ig
    import random
    random.seed(a.seed)
    g = ig.Graph(n=n, edges=edges, directed=True)
    m = a.measure
    cols, times = {}, []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        if m in ("pagerank", "all"):
            cols["pagerank"] = g.pagerank(damping=0.85)
        if m in ("hits", "all"):
            cols["hub"] = g.hub_score()
            cols["authority"] = g.authority_score()
        if m in ("betweenness", "all"):
            cols["betweenness"] = g.betweenness(directed=True)
        if m in ("coreness", "all"):
            cols["coreness"] = g.coreness(mode="all")
        if m in ("leiden", "leiden-stable", "louvain", "all"):
            u = g.as_undirected(mode="each")
            if m in ("leiden", "all"):
                c = u.community_leiden(objective_function="modularity", n_iterations=2)
                cols["leiden"] = c.membership
            if m == "leiden-stable":
                c = u.community_leiden(objective_function="modularity", n_iterations=-1)
                cols["leiden"] = c.membership
            if m in ("louvain", "all"):
                c = u.community_multilevel()
                cols["louvain"] = c.membership
        times.append(time.perf_counter() - t0)
        for name in ("leiden", "louvain"):
            if name in cols:
                print(f"{m if name == 'leiden' else name} modularity {u.modularity(cols[name]):.6f} "
                      f"communities {max(cols[name]) + 1}", file=sys.stderr)
    return cols, times


def graph_tool_measure(a, n, edges):
    """Builds the graph in graph-tool and times the measure a.repeat times."""
    import warnings
    warnings.simplefilter("ignore")
    import numpy as np
    import graph_tool.all as gt
    g = gt.Graph(directed=True)
    g.add_vertex(n)
    g.add_edge_list(np.array(edges, dtype=np.int64).reshape(-1, 2))
    m = a.measure
    cols, times = {}, []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        if m in ("pagerank", "all"):
            cols["pagerank"] = list(gt.pagerank(g, damping=0.85, epsilon=a.epsilon).a)
        if m in ("hits", "all"):
            _, au, hub = gt.hits(g, epsilon=a.epsilon)
            cols["hub"], cols["authority"] = list(hub.a), list(au.a)
        if m in ("betweenness", "all"):
            vb, _ = gt.betweenness(g, norm=False)
            cols["betweenness"] = list(vb.a)
        if m == "betweenness-sampled":
            rng = np.random.default_rng(a.seed)
            piv = rng.choice(n, size=a.samples, replace=False)
            vb, _ = gt.betweenness(g, pivots=piv, norm=False)
            cols["betweenness"] = list(vb.a * (n / a.samples))
        if m in ("coreness", "all"):
            cols["coreness"] = list(gt.kcore_decomposition(g).a)
        times.append(time.perf_counter() - t0)
    return cols, times


def write_cols(a, ids, n, cols):
    if a.out:
        names = sorted(cols)
        with open(a.out, "w") as f:
            f.write("# " + " ".join(sys.argv[1:]) + "\n")
            f.write("id\t" + "\t".join(names) + "\n")
            for i in range(n):
                f.write(ids[i] + "\t" + "\t".join(repr(cols[c][i]) for c in names) + "\n")


if __name__ == "__main__":
    main()
