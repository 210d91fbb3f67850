// The timeline of the network page: quotes by article date, drawn as plain SVG bars; dragging
// across it (or the two date fields) picks the date range the network is filtered to.
// window.qgTimeline(quotes, onChange) returns {inRange(i), active(), draw(matching), clear()}.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg", DAY = 86400000, MAX_BARS = 60;
  var W = 310, H = 90, TOP = 6, BASE = 68;

  function dayOf(text) {  // "YYYY-MM-DD" -> days since 1970, or null
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text || "");
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) : null;
  }
  function dateOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function make(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }

  window.qgTimeline = function (quotes, onChange) {
    var days = quotes.map(function (q) { return dayOf(q.dt); });
    var dated = days.filter(function (d) { return d !== null; });
    var from = document.getElementById("qg-from"), to = document.getElementById("qg-to");
    var none = {inRange: function () { return true; }, active: function () { return false; },
                draw: function () {}, clear: function () {}};
    if (!dated.length) { return none; }
    var lo = Math.min.apply(null, dated), hi = Math.max.apply(null, dated);
    var width = Math.max(1, Math.ceil((hi - lo + 1) / MAX_BARS)), bins = Math.ceil((hi - lo + 1) / width);
    var svg = document.getElementById("qg-timeline"), bar = (W - 8) / bins;
    from.min = to.min = dateOf(lo);
    from.max = to.max = dateOf(hi);
    document.getElementById("qg-timeline-box").hidden = false;
    var all = new Array(bins).fill(0);
    days.forEach(function (d) { if (d !== null) { all[Math.floor((d - lo) / width)]++; } });
    var top = Math.max.apply(null, all);

    function range() {  // [first day, last day] picked, or null
      var a = dayOf(from.value), b = dayOf(to.value);
      if (a === null && b === null) { return null; }
      a = a === null ? -Infinity : a;
      b = b === null ? Infinity : b;
      return a <= b ? [a, b] : [b, a];
    }
    function xOf(day) { return 4 + (day - lo) / width * bar; }
    function dayAt(x) { return Math.min(hi, Math.max(lo, lo + Math.floor((x - 4) / bar) * width)); }

    var last = null;
    function draw(matching) {  // matching[i]: quote i passes every filter but the dates
      last = matching || last;
      var shown = new Array(bins).fill(0);
      days.forEach(function (d, i) { if (d !== null && (!last || last[i])) { shown[Math.floor((d - lo) / width)]++; } });
      svg.textContent = "";
      svg.appendChild(make("rect", {x: 0, y: 0, width: W, height: H, fill: "#ffffff"}));
      var r = range();
      if (r) {
        var x0 = xOf(Math.max(r[0], lo)), x1 = xOf(Math.min(r[1], hi) + width);
        svg.appendChild(make("rect", {"class": "qg-range", x: x0, y: TOP - 4, width: Math.max(2, x1 - x0),
                                      height: BASE - TOP + 4, fill: "#fff0b3"}));
      }
      for (var b = 0; b < bins; b++) {
        var h = (BASE - TOP) * all[b] / top, hs = (BASE - TOP) * shown[b] / top;
        var title = dateOf(lo + b * width) + (width > 1 ? " to " + dateOf(Math.min(hi, lo + (b + 1) * width - 1)) : "") +
          ": " + shown[b] + " of " + all[b] + " quotes";
        var g = make("g", {"class": "qg-bin", "data-count": shown[b]});
        g.appendChild(make("title", {}, title));
        g.appendChild(make("rect", {x: 4 + b * bar, y: BASE - h, width: Math.max(1, bar - 1), height: h, fill: "#d9d9d9"}));
        if (hs > 0) {
          g.appendChild(make("rect", {x: 4 + b * bar, y: BASE - hs, width: Math.max(1, bar - 1), height: hs,
                                      fill: "#0072B2"}));
        }
        svg.appendChild(g);
      }
      svg.appendChild(make("line", {x1: 4, y1: BASE + 0.5, x2: W - 4, y2: BASE + 0.5, stroke: "#777"}));
      svg.appendChild(make("text", {x: 4, y: H - 6, "font-size": 11, fill: "#444"}, dateOf(lo)));
      svg.appendChild(make("text", {x: W - 4, y: H - 6, "font-size": 11, fill: "#444", "text-anchor": "end"}, dateOf(hi)));
      svg.appendChild(make("text", {x: W / 2, y: H - 6, "font-size": 10, fill: "#777", "text-anchor": "middle"},
                           "max " + top + (width > 1 ? " per " + width + " days" : " per day")));
    }

    // drag across the bars to pick a range; a click picks one bar
    var start = null;
    function local(ev) { var box = svg.getBoundingClientRect(); return (ev.clientX - box.left) * W / box.width; }
    svg.addEventListener("pointerdown", function (ev) {
      start = local(ev);
      svg.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    svg.addEventListener("pointerup", function (ev) {
      if (start === null) { return; }
      var a = dayAt(Math.min(start, local(ev))), b = dayAt(Math.max(start, local(ev)));
      start = null;
      from.value = dateOf(a);
      to.value = dateOf(Math.min(hi, b + width - 1));
      onChange();
    });
    [from, to].forEach(function (input) { input.addEventListener("change", onChange); });
    draw(null);
    return {
      inRange: function (i) {
        var r = range();
        return !r || (days[i] !== null && days[i] >= r[0] && days[i] <= r[1]);
      },
      active: function () { return range() !== null; },
      draw: draw,
      clear: function () { from.value = ""; to.value = ""; },
    };
  };
}());
