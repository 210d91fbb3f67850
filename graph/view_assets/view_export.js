(function () {
  "use strict";
  // Save what is on screen: PNG from the canvas, SVG built from the drawn positions. Both are made
  // in the page and handed to the browser as a download (a blob: URL): nothing leaves the file.
  var qg = window.qg;
  if (!qg) { return; }
  var network = qg.network, data = qg.data, SVG = "http://www.w3.org/2000/svg";
  var container = document.getElementById("qg-network");

  function fileName(ext) {
    var base = String(data.title || "quotegraph").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
    return (base || "quotegraph") + "." + ext;
  }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function pngBlob(done) {
    var src = container.querySelector("canvas");
    var c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";  // the network canvas is transparent: give the picture a page
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    c.toBlob(done, "image/png");
  }

  function node(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  function shape(n, x, y, r) {
    var fill = n.color.background, common = {fill: fill, stroke: "#333333", "stroke-width": 1};
    var pts;
    if (n.shape === "diamond") {
      pts = [[x, y - r], [x + r, y], [x, y + r], [x - r, y]];
    } else if (n.shape === "triangle") {
      pts = [[x, y - r], [x + r * 0.87, y + r / 2], [x - r * 0.87, y + r / 2]];
    } else if (n.shape === "square") {
      return node("rect", Object.assign({x: x - r, y: y - r, width: 2 * r, height: 2 * r}, common));
    } else {
      return node("circle", Object.assign({cx: x, cy: y, r: r}, common));
    }
    return node("polygon", Object.assign({points: pts.map(function (p) { return p.join(","); }).join(" ")}, common));
  }

  // The SVG of the current view: visible nodes and edges inside the window, pinned names always,
  // other names when the zoom shows them. Text goes in as textContent: the serializer escapes it.
  function svgText() {
    var w = container.clientWidth, h = container.clientHeight, scale = network.getScale();
    var svg = node("svg", {xmlns: SVG, width: w, height: h, viewBox: "0 0 " + w + " " + h,
                           "font-family": "system-ui, sans-serif"});
    svg.appendChild(node("title", {}, data.title || "quotegraph"));
    svg.appendChild(node("rect", {x: 0, y: 0, width: w, height: h, fill: "#ffffff"}));
    var shown = {}, pos = {};
    data.nodes.forEach(function (n) {
      if (n.hidden) { return; }
      var p = network.canvasToDOM(network.getPosition(n.id));
      pos[n.id] = p;
      shown[n.id] = p.x > -50 && p.x < w + 50 && p.y > -50 && p.y < h + 50;
    });
    var edgeLayer = node("g", {"stroke-linecap": "round"}), count = {nodes: 0, edges: 0};
    data.edges.forEach(function (e) {
      if (e.hidden || !(e.from in pos) || !(e.to in pos) || !(shown[e.from] || shown[e.to])) { return; }
      var body = network.body.edges[e.id], width = body ? body.options.width : 1;
      var a = pos[e.from], b = pos[e.to];
      var line = node("line", {x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
                               stroke: e.color.color, "stroke-opacity": 0.7,
                               "stroke-width": Math.max(0.5, width * scale).toFixed(2)});
      if (e.dashes) { line.setAttribute("stroke-dasharray", "4 4"); }
      edgeLayer.appendChild(line);
      count.edges++;
    });
    svg.appendChild(edgeLayer);
    var nodeLayer = node("g", {}), labelLayer = node("g", {"text-anchor": "middle", fill: "#111111"});
    data.nodes.forEach(function (n) {
      if (!shown[n.id]) { return; }
      var body = network.body.nodes[n.id], size = body && body.options.size ? body.options.size : 10;
      var p = pos[n.id], r = Math.max(1.5, size * scale);
      nodeLayer.appendChild(shape(n, p.x, p.y, r));
      count.nodes++;
      var fontSize = body && body.options.font ? body.options.font.size * scale : 0;
      if (n.pin || fontSize >= 6) {
        labelLayer.appendChild(node("text", {x: p.x.toFixed(1), y: (p.y + r + 14).toFixed(1),
          "font-size": n.pin ? 13 : Math.min(fontSize, 28).toFixed(1), "font-weight": n.pin ? 600 : 400,
          stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"}, n.label));
      }
    });
    svg.appendChild(nodeLayer);
    svg.appendChild(labelLayer);
    qg.state.svg = count;
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }

  document.getElementById("qg-save-png").addEventListener("click", function () {
    pngBlob(function (blob) { download(blob, fileName("png")); });
  });
  document.getElementById("qg-save-svg").addEventListener("click", function () {
    download(new Blob([svgText()], {type: "image/svg+xml"}), fileName("svg"));
  });
  qg.svgText = svgText;
  qg.pngBlob = pngBlob;
}());
