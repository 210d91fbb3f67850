(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("qg-data").textContent);
  var quotes = data.quotes, articles = data.articles, raw = data.nodes, rawEdges = data.edges;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  var TYPE_LABEL = {};
  data.legend.nodes.forEach(function (t) { TYPE_LABEL[t.type] = t.label; });
  var hay = quotes.map(function (q) {
    var a = articles[q.a];
    return [q.t, q.s, q.o, q.e, q.m, q.c, a ? a[0] : ""].join("\n").toLowerCase();
  });

  // notices, stats
  var notice = $("qg-notice");
  if (data.notices.length) {
    data.notices.forEach(function (n) { notice.appendChild(el("p", null, n)); });
    notice.hidden = false;
  }
  function num(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }
  $("qg-stats").textContent = num(data.stats.nodes, "node") + ", " + num(data.stats.edges, "edge") + ", " +
    num(data.stats.quotes, "quote") + (data.stats.isolated ? "; " + data.stats.isolated.toLocaleString("en") +
    " not linked" : "") + (data.stats.dropped || data.stats.hidden_edges ? "; " + num(data.stats.dropped, "node") +
    " and " + num(data.stats.hidden_edges, "link") + " hidden" : "");
  var corpus = data.mode !== "quotes";  // positions computed before the page opened
  var statements = data.statements || [];

  // filters: speaker, outlet, article
  function fill(select, items) {
    items.forEach(function (it) {
      var o = el("option", null, it[1]);
      o.value = String(it[0]);
      select.appendChild(o);
    });
  }
  function byCount(type) {
    return raw.filter(function (n) { return n.type === type; })
      .sort(function (a, b) { return b.n - a.n || a.label.localeCompare(b.label); })
      .map(function (n) { return [n.id, n.label + " (" + n.n + ")"]; });
  }
  fill($("qg-speaker"), byCount("speaker"));
  fill($("qg-outlet"), byCount("outlet"));
  fill($("qg-article"), articles.map(function (a, i) { return [i, a[0]]; })
    .sort(function (x, y) { return x[1].localeCompare(y[1]); }));
  // confidence: shown when the learned parts gave any; the page opens at data.min_confidence
  var confidence = $("qg-confidence");
  function showConfidence() { $("qg-confidence-value").textContent = (+confidence.value).toFixed(2); }
  if (quotes.some(function (q) { return q.p !== null && q.p !== undefined; })) {
    $("qg-confidence-box").hidden = false;
    confidence.value = String(data.min_confidence || 0);
  }
  showConfidence();
  var timeline = window.qgTimeline(quotes, function () { apply(); });

  // the network
  var container = $("qg-network");
  // the nodes whose names stay on screen, most central first (pin is the rank of centrality)
  var pinned = raw.filter(function (n) { return n.pin; }).sort(function (a, b) { return a.pin - b.pin; });
  var nodes = new vis.DataSet(raw.map(function (n) {
    // pinned names are painted by the page (below), at the same size at every zoom
    var o = {id: n.id, label: n.pin ? "" : n.label, shape: n.shape, color: n.color, value: n.value};
    if (n.font) { o.font = n.font; }
    if (n.x !== undefined) { o.x = n.x; o.y = n.y; }
    return o;
  }));
  var edges = new vis.DataSet(rawEdges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, value: e.value, dashes: e.dashes, color: e.color};
  }));
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var progress = $("qg-progress");
  function ready() {
    network.setOptions({physics: {enabled: false}});
    progress.hidden = true;
    window.qgReady = true;
    document.body.setAttribute("data-ready", "1");
  }
  if (!raw.length) {
    container.appendChild(el("div", "qg-empty", data.isolated.length
      ? "No links to draw: the speakers are listed beside." : "No quotes in this graph."));
    ready();
  } else if (corpus) {  // positions computed before the page opened: nothing to settle
    network.once("afterDrawing", ready);
    network.fit({animation: false});
    network.redraw();
  } else {
    network.on("stabilizationProgress", function (p) {
      progress.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", ready);
  }

  // the names of the most central nodes, on top of the drawing at a fixed screen size
  var state = {shownQuotes: quotes.length, shownNodes: raw.length, pinnedDrawn: []};
  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale(), drawn = [];
    if (!pinned.length) { state.pinnedDrawn = drawn; return; }
    var pos = network.getPositions(pinned.map(function (n) { return n.id; }));
    ctx.save();
    ctx.font = "600 " + (13 / scale) + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#111111";
    var taken = [], h = 15 / scale;
    pinned.forEach(function (n) {  // most central first; a name that would cover one already drawn waits for zoom
      var p = pos[n.id];
      if (n.hidden || !p) { return; }
      var body = network.body.nodes[n.id], r = body && body.options.size ? body.options.size : 10;
      var w = ctx.measureText(n.label).width, box = [p.x - w / 2, p.y + r + 3 / scale, p.x + w / 2, p.y + r + 3 / scale + h];
      for (var i = 0; i < taken.length; i++) {
        var t = taken[i];
        if (box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]) { return; }
      }
      taken.push(box);
      ctx.strokeText(n.label, p.x, box[1]);
      ctx.fillText(n.label, p.x, box[1]);
      drawn.push(n.label);
    });
    ctx.restore();
    state.pinnedDrawn = drawn;
  });

  // filtering
  var hiddenTypes = {};
  function apply() {
    var sp = $("qg-speaker").value, ol = $("qg-outlet").value, ar = $("qg-article").value;
    var term = $("qg-search").value.trim().toLowerCase();
    sp = sp === "" ? -1 : +sp; ol = ol === "" ? -1 : +ol; ar = ar === "" ? -1 : +ar;
    var minc = +confidence.value;
    var any = sp >= 0 || ol >= 0 || ar >= 0 || term !== "" || minc > 0 || timeline.active();
    // base: every filter but the dates (what the timeline draws); ok: the dates too
    var base = new Uint8Array(quotes.length), ok = new Uint8Array(quotes.length), nOk = 0;
    for (var i = 0; i < quotes.length; i++) {
      var q = quotes[i];
      if ((sp < 0 || q.sp.indexOf(sp) >= 0) && (ol < 0 || q.ol.indexOf(ol) >= 0) &&
          (ar < 0 || q.a === ar) && (term === "" || hay[i].indexOf(term) >= 0) &&
          (minc <= 0 || (q.p !== null && q.p !== undefined && q.p >= minc))) {
        base[i] = 1;
        if (timeline.inRange(i)) { ok[i] = 1; nOk++; }
      }
    }
    timeline.draw(base);
    function hit(qs) { for (var j = 0; j < qs.length; j++) { if (ok[qs[j]]) { return true; } } return false; }
    var visible = new Uint8Array(raw.length), nodeUpd = [], shown = [], edgeUpd = [];
    raw.forEach(function (n) {
      var v = !hiddenTypes[n.type] && (!any || hit(n.q));
      visible[n.id] = v ? 1 : 0;
      if (v) { shown.push(n.id); }
      if (!!n.hidden === v) { n.hidden = !v; nodeUpd.push({id: n.id, hidden: !v}); }
    });
    rawEdges.forEach(function (e) {
      var v = visible[e.from] && visible[e.to] && (!any || hit(e.q));
      if (!!e.hidden === !!v) { e.hidden = !v; edgeUpd.push({id: e.id, hidden: !v}); }
    });
    isolatedItems.forEach(function (li, i) {
      li.hidden = !!hiddenTypes[data.isolated[i].type] || (any && !hit(data.isolated[i].q));
    });
    if (nodeUpd.length) { nodes.update(nodeUpd); }
    if (edgeUpd.length) { edges.update(edgeUpd); }
    state.shownQuotes = nOk; state.shownNodes = shown.length;
    $("qg-status").textContent = any
      ? nOk.toLocaleString("en") + " of " + num(quotes.length, "quote") + " match; " + num(shown.length, "node") + " shown"
      : num(shown.length, "node") + " shown";
    if (any && shown.length && shown.length < raw.length) { network.fit({nodes: shown, animation: false}); }
  }
  ["qg-speaker", "qg-outlet", "qg-article"].forEach(function (id) { $(id).addEventListener("change", apply); });
  confidence.addEventListener("input", function () { showConfidence(); clearTimeout(timer); timer = setTimeout(apply, 150); });
  var timer = null;
  $("qg-search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  $("qg-reset").addEventListener("click", function () {
    ["qg-speaker", "qg-outlet", "qg-article", "qg-search"].forEach(function (id) { $(id).value = ""; });
    confidence.value = "0";
    showConfidence();
    timeline.clear();
    hiddenTypes = {};
    Array.prototype.forEach.call(document.querySelectorAll(".qg-legend-item"), function (b) {
      b.setAttribute("aria-pressed", "true");
    });
    apply();
    network.fit({animation: false});
  });

  // legend: node types toggle, edge types explain
  var legend = $("qg-legend");
  data.legend.nodes.forEach(function (t) {
    var b = el("button", "qg-legend-item");
    b.type = "button";
    b.setAttribute("aria-pressed", "true");
    b.setAttribute("data-type", t.type);
    b.title = "Show or hide " + t.label.toLowerCase() + " nodes";
    var sw = el("span", "qg-swatch " + t.shape);
    sw.style.color = t.color;
    if (t.shape !== "triangle") { sw.style.background = t.color; }
    b.appendChild(sw);
    b.appendChild(el("span", null, t.label + " (" + raw.filter(function (n) { return n.type === t.type; }).length + ")"));
    b.addEventListener("click", function () {
      hiddenTypes[t.type] = !hiddenTypes[t.type];
      b.setAttribute("aria-pressed", hiddenTypes[t.type] ? "false" : "true");
      apply();
    });
    legend.appendChild(b);
  });
  data.legend.edges.forEach(function (r) {
    var row = el("div", "qg-legend-edge");
    var line = el("span", "qg-line" + (r.dashes ? " dashed" : ""));
    line.style.borderColor = r.color;
    row.appendChild(line);
    row.appendChild(el("span", null, r.label));
    legend.appendChild(row);
  });
  legend.appendChild(el("div", "qg-meta", "Size: number of quotes. Arrows point from who said or reported to what."));

  // details panel and tooltip: text only, never HTML
  var details = $("qg-details");
  function quoteBlock(i) {
    var q = quotes[i], box = el("div", "qg-quote");
    box.appendChild(el("div", "qg-text", q.d));  // q.d has its one pair of marks: no <q>, which adds another
    var who = [];
    if (q.s) { who.push(q.s + (q.m && q.m !== q.s ? " (“" + q.m + "”)" : "")); }
    if (q.c) { who.push("cue: " + q.c); }
    if (q.k) { who.push(q.k); }
    if (q.p !== null && q.p !== undefined) { who.push("confidence " + q.p.toFixed(2)); }
    if (q.o) { who.push("according to " + q.o); }
    box.appendChild(el("div", "qg-meta", who.join(" · ")));
    var a = articles[q.a];
    if (a) {
      var line = el("div", "qg-meta", "in ");
      if (/^https?:\/\//i.test(a[1])) {
        var link = el("a", null, a[0] || a[1]);
        link.href = a[1];
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        line.appendChild(link);
      } else {
        line.appendChild(el("span", null, a[0]));
      }
      box.appendChild(line);
    }
    return box;
  }
  function show(heading, sub, qs) {
    details.textContent = "";
    details.appendChild(el("h3", null, heading));
    if (sub) { details.appendChild(el("div", "qg-meta", sub)); }
    var limit = Math.min(qs.length, 100);
    for (var i = 0; i < limit; i++) { details.appendChild(quoteBlock(qs[i])); }
    if (qs.length > limit) { details.appendChild(el("div", "qg-meta", "… and " + (qs.length - limit) + " more")); }
  }
  var relText = corpus ? {said: "said", reported: "reported", mentions: "talks about", published: "published",
                          carried: "carried by", relayed: "relayed by"}
    : {said: "said", reported: "reported", mentions: "mentions", published: "published"};
  function edgeText(e) {
    return raw[e.from].label + " → " + (relText[e.relation] || e.relation) + " → " + raw[e.to].label;
  }
  // an entity's panel: its aliases and its statements above its quotes; a statement's: its carriers
  function carried(s) { return "carried by " + num(s.k, "article") + (s.f ? " · first seen " + s.f : ""); }
  function showStatement(s) {
    show(s.t, "Statement of " + s.s + " · " + carried(s) + ". Each quote names its article and relay, earliest first.", s.q);
  }
  function showNode(n, sub) {
    var s = n.type === "statement" ? statements.filter(function (x) { return x.n === n.id; })[0] : null;
    if (s) { showStatement(s); return; }
    show(n.label, sub || (TYPE_LABEL[n.type] || n.type) + " · " + num(n.q.length, "quote"), n.q);
    var box = el("div", "qg-entity");
    if (n.al && n.al.length) {
      box.appendChild(el("h4", null, "Also written as"));
      var ul = el("ul", "qg-aliases");
      n.al.forEach(function (a) { ul.appendChild(el("li", null, a)); });
      box.appendChild(ul);
    }
    if (n.st && n.st.length) {
      box.appendChild(el("h4", null, "Statements (" + n.st.length + ")"));
      var ol = el("ol", "qg-statements");
      n.st.forEach(function (i) {
        var st = statements[i], li = el("li"), b = el("button", "qg-link", st.t);
        b.type = "button";
        b.addEventListener("click", function () { if (st.n >= 0) { network.selectNodes([st.n]); } showStatement(st); });
        li.appendChild(b);
        li.appendChild(el("div", "qg-meta", carried(st)));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    }
    if (box.children.length) { details.insertBefore(box, details.children[2] || null); }  // after heading and line
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      showNode(raw[p.nodes[0]]);
    } else if (p.edges.length) {
      var e = rawEdges[p.edges[0]];
      show(edgeText(e), num(e.q.length, "quote"), e.q);
    }
  });
  var tip = $("qg-tooltip");
  function tooltip(text, p) {
    tip.textContent = text;
    tip.style.left = (p.pointer.DOM.x + 14) + "px";
    tip.style.top = (p.pointer.DOM.y + 14) + "px";
    tip.style.display = "block";
  }
  function firstQuote(qs) {
    return qs.length ? "\n" + (quotes[qs[0]].d.length > 200 ? quotes[qs[0]].d.slice(0, 199) + "…" : quotes[qs[0]].d) : "";
  }
  network.on("hoverNode", function (p) {
    var n = raw[p.node];
    var text = n.type === "quote" ? quotes[n.q[0]].d + (quotes[n.q[0]].s ? "\n— " + quotes[n.q[0]].s : "")
      : n.label + "\n" + (TYPE_LABEL[n.type] || n.type) + " · " + num(n.q.length, "quote") +
        (n.type === "statement" ? " · carried by " + num(n.k, "article") : "") + firstQuote(n.q);
    tooltip(text + "\n(click for details)", p);
  });
  network.on("hoverEdge", function (p) {
    var e = rawEdges[p.edge];
    tooltip(edgeText(e) + "\n" + num(e.q.length, "quote") + firstQuote(e.q), p);
  });
  network.on("blurNode", function () { tip.style.display = "none"; });
  network.on("blurEdge", function () { tip.style.display = "none"; });
  network.on("dragStart", function () { tip.style.display = "none"; });

  // a node named in the figures: select it, bring it into view, show its quotes
  function focusNode(id) {
    var n = raw[id];
    if (!n) { return; }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    showNode(n);
  }

  // speakers, outlets and entities with no link: a list, not dust on the drawing
  var isolatedItems = [];
  if (data.isolated.length) {
    var box = $("qg-isolated-box"), list = $("qg-isolated");
    $("qg-isolated-count").textContent = "(" + data.isolated.length.toLocaleString("en") + ")";
    data.isolated.forEach(function (n) {
      var li = el("li"), b = el("button", "qg-link", n.label);
      b.type = "button";
      b.title = (TYPE_LABEL[n.type] || n.type) + ": read the quotes";
      b.addEventListener("click", function () {
        showNode(n, (TYPE_LABEL[n.type] || n.type) + " · not linked · " + num(n.q.length, "quote"));
      });
      li.appendChild(b);
      li.appendChild(el("span", "qg-meta", " " + n.n));
      list.appendChild(li);
      isolatedItems.push(li);
    });
    box.hidden = false;
  }

  // figures: the same as `quotegraph stats`
  function figureTable(title, rows, fmt) {
    var wrap = el("div", "qg-fig");
    wrap.appendChild(el("h4", null, title));
    if (!rows.length) { wrap.appendChild(el("div", "qg-meta", "none")); return wrap; }
    var ol = el("ol");
    rows.forEach(function (r) {
      var li = el("li");
      if (r.node >= 0) {
        var b = el("button", "qg-link", r.label);
        b.type = "button";
        b.addEventListener("click", function () { focusNode(r.node); });
        li.appendChild(b);
      } else {
        li.appendChild(el("span", null, r.label));
      }
      li.appendChild(el("span", "qg-meta", " " + fmt(r.value)));
      ol.appendChild(li);
    });
    wrap.appendChild(ol);
    return wrap;
  }
  var fig = data.figures, figBox = $("qg-figures");
  if (fig) {
    figBox.appendChild(figureTable("Most quoted", fig.speakers, function (v) { return num(v, "quote"); }));
    figBox.appendChild(figureTable("Most mentioned", fig.mentioned, function (v) { return num(v, "quote"); }));
    figBox.appendChild(figureTable("Brokers (betweenness" + (fig.sampled ? ", estimated" : "") + ")", fig.brokers,
      function (v) { return v.toFixed(3); }));
    var comm = el("div", "qg-fig");
    comm.appendChild(el("h4", null, "Communities (Louvain)"));
    if (!fig.communities.length) { comm.appendChild(el("div", "qg-meta", "none")); }
    fig.communities.forEach(function (c) {
      var row = el("div", "qg-community");
      var sw = el("span", "qg-swatch dot");
      sw.style.background = c.color;
      row.appendChild(sw);
      row.appendChild(el("span", "qg-meta", num(c.size, "node") + ", " + num(c.quotes, "quote") + ": "));
      row.appendChild(el("span", null, c.members.slice(0, 5).join(", ") + (c.members.length > 5 ? ", …" : "")));
      comm.appendChild(row);
    });
    figBox.appendChild(comm);
  }

  apply();
  window.qg = {network: network, nodes: nodes, edges: edges, data: data, apply: apply, state: state,
               pinned: pinned, show: show, showNode: showNode, timeline: timeline};
}());
