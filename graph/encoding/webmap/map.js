// citegraph map.html: search, filters and the panel of a clicked work over
// sigma.js. Every text from the data reaches the page through textContent.
// The state can be given in the address after '#' (q, themes, from, to,
// intent, scope, work), so a view can be shared and tested:
// map.html#q=kemp&themes=1,3&from=2010&to=2020&intent=supporting&scope=corpus
(function () {
  "use strict";
  document.body.dataset.startMs = String(Math.round(performance.now()));
  var data = JSON.parse(document.getElementById("citegraph-data").textContent);
  var nodes = data.nodes, edges = data.edges;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  var NO_THEME = -1, OTHER = "#AAAAAA", DIM = "#E4E4E4";

  $("title").textContent = data.title;
  document.title = data.title;
  $("summary").textContent = nodes.length + " works, " + edges.length + " citations" +
    (data.lines < edges.length ? " (the " + data.lines + " between the largest works drawn; click a work for all of its own)" : "") + ", " +
    data.themes.length + " themes; size by " + (data.sizeName || "citations");

  // Adjacency, as edge indexes.
  var outE = nodes.map(function () { return []; }), inE = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { outE[e.f].push(i); inE[e.t].push(i); });

  function colour(n) { return n.th >= 0 && n.th < data.themes.length ? data.themes[n.th].colour : OTHER; }

  // Positions: spread on a circle when the data gives none.
  var spread = nodes.some(function (n) { return n.x !== nodes[0].x || n.y !== nodes[0].y; });
  var G = new graphology.Graph({ type: "directed", multi: true, allowSelfLoops: false });
  nodes.forEach(function (n, i) {
    var x = n.x, y = n.y;
    if (!spread) { x = Math.cos(2 * Math.PI * i / nodes.length) * 100; y = Math.sin(2 * Math.PI * i / nodes.length) * 100; }
    G.addNode(String(i), { x: x, y: y, size: n.s, label: n.r ? n.l + " (retracted)" : n.l, color: colour(n) });
  });
  // The overview's lines; a clicked work's other citations are added
  // while it is selected.
  function addEdge(i) {
    G.addDirectedEdgeWithKey(String(i), String(edges[i].f), String(edges[i].t), { size: 0.6, color: "#C8C8C8", type: "arrow" });
  }
  edges.forEach(function (e, i) { if (e.o) addEdge(i); });
  var added = [];

  // The state.
  var state = { themes: new Set(), scope: "all", from: null, to: null, intent: -1, matches: null, selected: -1 };
  var themeIDs = [];
  data.themes.forEach(function (t, i) { if (t.works > 0) themeIDs.push(i); });
  if (nodes.some(function (n) { return n.th < 0; })) themeIDs.push(NO_THEME);
  themeIDs.forEach(function (t) { state.themes.add(t); });
  var visible = new Uint8Array(nodes.length);
  var neighbours = new Set();

  function recompute() {
    var shown = 0;
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], ok = state.themes.has(n.th >= 0 ? n.th : NO_THEME);
      if (ok && state.scope === "corpus") ok = n.c;
      if (ok && state.scope === "reference") ok = !n.c;
      if (ok && state.from !== null) ok = n.yr > 0 && n.yr >= state.from;
      if (ok && state.to !== null) ok = n.yr > 0 && n.yr <= state.to;
      if (ok && state.intent !== -1) ok = (n.in || []).indexOf(state.intent) >= 0;
      visible[i] = ok ? 1 : 0;
      shown += visible[i];
    }
    document.body.dataset.shown = String(shown);
    $("count").textContent = shown + " of " + nodes.length + " works shown";
    return shown;
  }

  function edgeHasIntent(e) {
    if (state.intent === -1) return true;
    return (e.st || []).some(function (s) { return s.i === state.intent; });
  }

  var renderer = null; // made once the state is known, so the first drawing is the one asked for
  function refresh() { if (renderer) renderer.refresh(); }

  // Search by author, title or DOI.
  var haystack = nodes.map(function (n) { return [n.l, n.t, n.a, n.d, n.k].join(" \u0000 ").toLowerCase(); });
  function search(q) {
    q = q.trim().toLowerCase();
    var list = $("results");
    list.textContent = "";
    if (q.length < 2) { state.matches = null; list.hidden = true; document.body.dataset.matches = ""; refresh(); return; }
    var found = [];
    for (var i = 0; i < nodes.length; i++) if (haystack[i].indexOf(q) >= 0) found.push(i);
    state.matches = new Set(found);
    document.body.dataset.matches = String(found.length);
    found.slice(0, 20).forEach(function (i) {
      var li = el("li"), b = el("button", nodes[i].l + (nodes[i].t ? " — " + nodes[i].t : ""));
      b.type = "button";
      b.addEventListener("click", function () { select(i, true); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (found.length > 20) list.appendChild(el("li", "… and " + (found.length - 20) + " more, dimmed on the map", "more"));
    if (found.length === 0) list.appendChild(el("li", "no work matches", "more"));
    list.hidden = false;
    refresh();
  }
  var timer = null;
  $("search").addEventListener("input", function (ev) {
    clearTimeout(timer);
    timer = setTimeout(function () { search(ev.target.value); }, 120);
  });

  // Filters.
  document.querySelectorAll("input[name=scope]").forEach(function (r) {
    r.addEventListener("change", function () { state.scope = r.value; recompute(); refresh(); });
  });
  function yearInput(id, field) {
    $(id).addEventListener("input", function () {
      var v = parseInt($(id).value, 10);
      state[field] = isNaN(v) ? null : v;
      recompute(); refresh();
    });
  }
  yearInput("year-from", "from");
  yearInput("year-to", "to");
  var years = nodes.map(function (n) { return n.yr; }).filter(function (y) { return y > 0; });
  if (years.length) {
    var lo = years.reduce(function (a, b) { return Math.min(a, b); }), hi = years.reduce(function (a, b) { return Math.max(a, b); });
    $("year-from").placeholder = lo; $("year-to").placeholder = hi;
    $("year-from").min = $("year-to").min = lo; $("year-from").max = $("year-to").max = hi;
  }
  data.intents.forEach(function (name, i) {
    var o = el("option", name); o.value = String(i); $("intent").appendChild(o);
  });
  $("intent").addEventListener("change", function () { state.intent = parseInt($("intent").value || "-1", 10); recompute(); refresh(); });

  var boxes = {};
  themeIDs.forEach(function (t) {
    var lab = el("label", null, "theme"), box = el("input"), sw = el("span", null, "swatch");
    box.type = "checkbox"; box.checked = true; box.value = String(t);
    sw.style.background = t >= 0 ? data.themes[t].colour : OTHER;
    var name = t >= 0 ? data.themes[t].label + " (" + data.themes[t].works + ")" : "no theme";
    lab.appendChild(box); lab.appendChild(sw); lab.appendChild(document.createTextNode(name));
    box.addEventListener("change", function () {
      if (box.checked) state.themes.add(t); else state.themes.delete(t);
      recompute(); refresh();
    });
    boxes[t] = box;
    $("themes").appendChild(lab);
  });
  function allThemes(on) {
    themeIDs.forEach(function (t) { boxes[t].checked = on; if (on) state.themes.add(t); else state.themes.delete(t); });
    recompute(); refresh();
  }
  $("themes-all").addEventListener("click", function () { allThemes(true); });
  $("themes-none").addEventListener("click", function () { allThemes(false); });

  // The panel of a work.
  function intentName(i) { return i >= 0 ? data.intents[i] : "no intent"; }
  function statementItem(s, from) {
    var li = el("li"), tag = el("span", intentName(s.i), "intent intent-" + (s.i >= 0 ? data.intents[s.i].replace(/[^a-z]/gi, "") : "none"));
    li.appendChild(tag);
    var where = [from || s.f, s.s].filter(Boolean).join(", ");
    if (where) li.appendChild(el("span", " " + where + ": ", "where"));
    li.appendChild(el("q", s.x));
    return li;
  }
  function workList(title, ids) {
    var sec = el("section");
    sec.appendChild(el("h3", title + " (" + ids.length + ")"));
    var ul = el("ul", null, "works");
    ids.slice(0, 50).forEach(function (j) {
      var li = el("li"), b = el("button", nodes[j].l);
      b.type = "button"; b.title = nodes[j].t || nodes[j].k;
      b.addEventListener("click", function () { select(j, true); });
      li.appendChild(b); ul.appendChild(li);
    });
    if (ids.length > 50) ul.appendChild(el("li", "… and " + (ids.length - 50) + " more"));
    sec.appendChild(ul);
    return sec;
  }
  function select(i, move) {
    state.selected = i;
    neighbours = new Set();
    added.forEach(function (k) { G.dropEdge(String(k)); });
    added = [];
    if (i >= 0) outE[i].concat(inE[i]).forEach(function (k) { if (!edges[k].o) { addEdge(k); added.push(k); } });
    var panel = $("panel");
    panel.textContent = "";
    if (i < 0) { panel.hidden = true; document.body.dataset.selected = ""; refresh(); return; }
    var n = nodes[i];
    outE[i].forEach(function (k) { neighbours.add(edges[k].t); });
    inE[i].forEach(function (k) { neighbours.add(edges[k].f); });
    document.body.dataset.selected = n.k;
    var close = el("button", "×", "close"); close.type = "button"; close.title = "Close";
    close.addEventListener("click", function () { select(-1); });
    panel.appendChild(close);
    panel.appendChild(el("h2", n.t || n.l));
    var facts = el("dl");
    function fact(k, v) { if (v === undefined || v === null || v === "") return; facts.appendChild(el("dt", k)); var dd = el("dd"); if (v instanceof Node) dd.appendChild(v); else dd.textContent = String(v); facts.appendChild(dd); }
    if (n.r) fact("Retracted", "a source marks this work as retracted");
    fact("Label", n.l);
    fact("Authors", n.a);
    fact("Year", n.yr || "");
    fact("Venue", n.v);
    if (n.d) {
      var a = el("a", n.d);
      a.href = "https://doi.org/" + encodeURI(n.d).replace(/#/g, "%23").replace(/\?/g, "%3F");
      a.target = "_blank"; a.rel = "noopener noreferrer";
      fact("DOI", a);
    }
    fact("Theme", n.th >= 0 ? data.themes[n.th].label : "none");
    fact("Citations here", n.lc + " from works on this map");
    if (n.gc !== undefined) fact("Citations counted by the sources", n.gc + " (global)");
    fact(data.sizeName || "Measure", n.m.toPrecision(4));
    fact("Known from", n.c ? "a source describing it" : "references and mentions only");
    panel.appendChild(facts);
    var sts = [];
    inE[i].forEach(function (k) { (edges[k].st || []).forEach(function (s) { sts.push([s, nodes[edges[k].f].l]); }); });
    (n.st || []).forEach(function (s) { sts.push([s, s.f]); });
    if (sts.length) {
      var sec = el("section"); sec.appendChild(el("h3", "Statements citing it (" + sts.length + ")"));
      var ul = el("ul", null, "statements");
      sts.slice(0, 100).forEach(function (p) { ul.appendChild(statementItem(p[0], p[1])); });
      sec.appendChild(ul); panel.appendChild(sec);
    }
    panel.appendChild(workList("Cites", outE[i].map(function (k) { return edges[k].t; })));
    panel.appendChild(workList("Cited by", inE[i].map(function (k) { return edges[k].f; })));
    panel.hidden = false;
    refresh();
    if (move && renderer) {
      var d = renderer.getNodeDisplayData(String(i));
      if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.4) }, { duration: 400 });
    }
  }
  // The state in the address.
  var params = new URLSearchParams(location.hash.replace(/^#/, ""));
  if (params.has("themes")) {
    var want = params.get("themes").split(",").map(function (s) { return parseInt(s, 10) - 1; });
    themeIDs.forEach(function (t) { var on = want.indexOf(t) >= 0; boxes[t].checked = on; if (on) state.themes.add(t); else state.themes.delete(t); });
  }
  if (params.has("scope")) {
    var sc = params.get("scope");
    document.querySelectorAll("input[name=scope]").forEach(function (r) { if (r.value === sc) { r.checked = true; state.scope = sc; } });
  }
  ["from", "to"].forEach(function (f) {
    var v = parseInt(params.get(f) || "", 10);
    if (!isNaN(v)) { state[f] = v; $("year-" + f).value = v; }
  });
  if (params.has("intent")) {
    var ix = data.intents.indexOf(params.get("intent"));
    state.intent = ix; $("intent").value = String(ix);
    if (ix < 0) state.intent = -2; // an intent no statement has: nothing matches
  }
  var shown = recompute();
  if (params.has("q")) { $("search").value = params.get("q"); search(params.get("q")); }
  if (params.has("work")) {
    var key = params.get("work");
    for (var j = 0; j < nodes.length; j++) if (nodes[j].k === key) { select(j, false); break; }
  }
  renderer = new Sigma(G, $("map"), {
    defaultEdgeType: "arrow",
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 7,
    labelDensity: 0.08,
    labelGridCellSize: 80,
    labelFont: "system-ui, sans-serif",
    zIndex: true,
    minCameraRatio: 0.005,
    maxCameraRatio: 20,
    nodeReducer: function (key, attr) {
      var i = +key, res = Object.assign({}, attr);
      if (!visible[i]) { res.hidden = true; return res; }
      var focus = state.selected >= 0 ? (i === state.selected || neighbours.has(i)) : true;
      if (state.matches) focus = focus && state.matches.has(i) || i === state.selected;
      if (!focus) { res.color = DIM; res.label = ""; res.zIndex = 0; return res; }
      res.zIndex = 1;
      if (i === state.selected || (state.matches && state.matches.has(i))) { res.highlighted = true; res.forceLabel = true; res.zIndex = 2; }
      return res;
    },
    edgeReducer: function (key, attr) {
      var e = edges[+key], res = Object.assign({}, attr);
      if (!visible[e.f] || !visible[e.t] || !edgeHasIntent(e)) { res.hidden = true; return res; }
      if (state.selected >= 0) {
        if (e.f === state.selected || e.t === state.selected) { res.color = "#444444"; res.size = 1.5; res.zIndex = 1; } else res.hidden = true;
      } else if (state.matches && !(state.matches.has(e.f) && state.matches.has(e.t))) res.color = "#EEEEEE";
      return res;
    }
  });

  renderer.on("clickNode", function (ev) { select(+ev.node, false); });
  renderer.on("clickStage", function () { select(-1); });
  renderer.on("enterNode", function () { $("map").style.cursor = "pointer"; });
  renderer.on("leaveNode", function () { $("map").style.cursor = ""; });

  // The constructor drew the map: done. The number of works drawn is for
  // scripts and tests.
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = String(shown);
})();
