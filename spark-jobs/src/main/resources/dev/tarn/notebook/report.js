// Draws each chart of a Tarn notebook report with the inlined Frappe Charts. Labels and series names come from the
// lake (attacker-controlled) and Frappe writes them with innerHTML, so they are escaped here first.
(function () {
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  document.querySelectorAll('div.chart[data-chart]').forEach(function (el) {
    try {
      var d = JSON.parse(document.getElementById('chart-data-' + el.getAttribute('data-chart')).textContent);
      var data = {
        labels: d.labels.map(esc),
        datasets: d.series.map(function (s) { return {name: esc(s.name), values: s.values.map(Number)}; })
      };
      var chart = new frappe.Chart(el, {
        type: d.type, height: 300, animate: 0, data: data,
        axisOptions: {xIsSeries: d.type === 'line' ? 1 : 0, xAxisMode: 'tick'},
        lineOptions: {hideDots: d.labels.length > 48 ? 1 : 0, regionFill: 0},
        barOptions: {stacked: d.series.length > 1 ? 1 : 0}
      });
      // Frappe first draws zeros and fills in the data on a timer; draw the data now, so the report is complete
      // as soon as the page has loaded.
      chart.update(data);
      var shapes = el.querySelectorAll(d.type === 'line' ? 'svg path' : 'svg rect.bar').length;
      el.setAttribute('data-rendered', shapes > 0 ? 'true' : 'empty');
      el.setAttribute('data-shapes', String(shapes));
    } catch (e) {
      el.setAttribute('data-rendered', 'error');
      el.textContent = 'The chart could not be drawn: ' + e;
    }
  });
})();
