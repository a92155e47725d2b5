#!/usr/bin/env python3
"""Times the reference tools on an edge list ("citing cited" per line), as
citegraph's Go benchmarks time our own code on the same graph.

Usage: python3 docs/bench/reference.py EDGES [repeats]

Needs Debian's python3-networkx and python3-igraph. Prints one line per
measure and tool: best wall time of `repeats` runs (graph loading excluded).
"""
import sys
import time

import igraph as ig
import networkx as nx


def best(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    edges = [tuple(map(int, l.split())) for l in open(path) if l.strip() and not l.startswith("#")]
    n = max(max(e) for e in edges) + 1
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    H = ig.Graph(n=n, edges=edges, directed=True)
    U = H.as_undirected(mode="collapse")
    print(f"graph: {n} nodes, {len(edges)} edges; networkx {nx.__version__}, igraph {ig.__version__}")
    rows = [
        ("pagerank", "networkx", lambda: nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=1000)),
        ("pagerank", "igraph", lambda: H.pagerank(damping=0.85)),
        ("betweenness", "networkx", lambda: nx.betweenness_centrality(G, normalized=False)),
        ("betweenness", "igraph", lambda: H.betweenness(directed=True)),
        ("louvain", "networkx", lambda: nx.community.louvain_communities(G.to_undirected(), seed=1)),
        ("louvain", "igraph", lambda: U.community_multilevel()),
    ]
    for measure, tool, fn in rows:
        print(f"{measure:12s} {tool:9s} {best(fn, repeats) * 1000:10.1f} ms")


if __name__ == "__main__":
    main()
