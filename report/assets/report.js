// parlance report: hands each chart's option JSON to ECharts and adds the
// tooltips. All text from the data is escaped before it reaches the DOM.
(function () {
  "use strict";
  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
  function lines(s) { return esc(s).replace(/\n/g, "<br>"); }

  // Each chart's _meta says how to show its tooltips (see chartMeta in
  // charts.go), so that a new chart needs no code here.
  var tooltips = {
    axis: function (meta) {
      return function (ps) {
        if (!ps.length) { return ""; }
        var i = ps[0].dataIndex, out = "<b>" + esc(ps[0].name) + "</b>";
        ps.forEach(function (p) {
          out += "<br>" + p.marker + esc(p.seriesName) + ": " + esc(meta.tips[i][p.seriesIndex]);
        });
        return out;
      };
    },
    item: function (meta) {
      return function (p) { return lines(meta.tips[p.dataIndex] || ""); };
    },
    series: function (meta) {
      return function (p) { return lines(meta.tips[p.seriesIndex] || ""); };
    },
    time: function (meta, id) {
      return function (ps) {
        if (!ps.length) { return ""; }
        var i = ps[0].dataIndex, m = current[id] || meta;
        var out = "<b>" + esc(String(ps[0].name).split("\n")[0]) + "</b> (n = " + m.totals[i] + ")";
        ps.forEach(function (p) {
          var v = p.value && typeof p.value === "object" ? p.value.value : p.value;
          out += "<br>" + p.marker + esc(p.seriesName) + ": " + m.counts[i][p.seriesIndex] + " (" + v + "%)";
        });
        return out;
      };
    }
  };
  var labels = {
    percent: function (p) {
      var v = p.value[2];
      return v > 0 ? (v < 1 ? "<1%" : Math.round(v) + "%") : "";
    }
  };
  var current = {};
  var instances = {};

  function noChart(div, why) {
    var p = document.createElement("p");
    p.className = "nochart";
    p.textContent = why + " The table below gives the same numbers.";
    div.style.height = "auto";
    div.appendChild(p);
  }

  var blocks = document.querySelectorAll('script.chart-option');
  for (var k = 0; k < blocks.length; k++) {
    var el = blocks[k];
    var div = document.getElementById(el.getAttribute("data-chart"));
    if (!div) { continue; }
    if (typeof echarts === "undefined") {
      noChart(div, "This chart needs the ECharts library, which this report loads from the web when it is opened, and it did not load (the browser may be offline, or blocked it). To make a report that draws its charts offline, run “parlance assets” once and make the report again.");
      continue;
    }
    var o = JSON.parse(el.textContent);
    var meta = o._meta; delete o._meta;
    var id = el.getAttribute("data-chart");
    if (meta && tooltips[meta.tooltip] && o.tooltip) { o.tooltip.formatter = tooltips[meta.tooltip](meta, id); }
    if (meta && labels[meta.labels] && o.series && o.series[0] && o.series[0].label) { o.series[0].label.formatter = labels[meta.labels]; }
    var c = echarts.init(div, null, { renderer: "canvas" });
    c.setOption(o);
    instances[id] = c;
  }

  // The over-time chart's body selector swaps in one body's series.
  var sel = document.getElementById("time_body");
  var data = document.getElementById("time_series");
  if (sel && data && instances.chart_time) {
    var series = JSON.parse(data.textContent);
    sel.addEventListener("change", function () {
      var s = series[Number(sel.value)] || series[0];
      current.chart_time = s;
      instances.chart_time.setOption({
        xAxis: [{ data: s.labels }],
        series: s.values.map(function (v) { return { data: v }; })
      });
    });
  }

  // A link to a group (from the heatmap's table, or from elsewhere) opens
  // the collapsed page that holds it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    if (el) { el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) { reveal(); }

  window.addEventListener("resize", function () {
    for (var name in instances) { instances[name].resize(); }
  });
})();
