/*
 * Sortable tables: click (or Enter on) a column header to sort by it, again to reverse.
 * Numbers sort as numbers ("2218.74亿元", "-96%", "1,234") by true magnitude. A figure's sort
 * key comes with the page: a data-sort attribute on the cell or on the element that holds the
 * figure, its value in base units written at render time (an amount in another currency already
 * converted to yuan at the currencies lexicon's rough sort_rates, so no rate lives here). A cell
 * without one sorts by its text, 万, 亿 and 万亿 scaling the number. Every cell is labelled with
 * its column's name (data-label) for narrow screens, where report.css stacks the rows.
 * Re-binds after every instant-navigation page swap.
 */
(function () {
  "use strict";
  var NUMBER = /^[^\d+-]{0,3}([+-−]?\d[\d,]*(?:\.\d+)?)(万亿|亿|万)?/;
  var SCALE = { "万": 1e4, "亿": 1e8, "万亿": 1e12 };

  /* the number a cell sorts by: the data-sort key the page gives (on the cell or the figure in
     it), else the number of its text in base units; null when none */
  function value(cell) {
    var keyed = cell.hasAttribute("data-sort") ? cell : cell.querySelector(":scope > [data-sort], :scope > p > [data-sort]");
    var text = cell.textContent.trim();
    if (keyed) {
      var key = parseFloat(keyed.getAttribute("data-sort"));
      return { num: isNaN(key) ? null : key, text: text };
    }
    var m = NUMBER.exec(text.replace(/\s+/g, ""));
    if (!m) return { num: null, text: text };
    var num = parseFloat(m[1].replace(/,/g, "").replace("−", "-"));
    return { num: num * (SCALE[m[2]] || 1), text: text };
  }

  function sort(table, column, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var keyed = rows.map(function (row, i) {
      var cell = row.cells[column];
      return { row: row, i: i, v: cell ? value(cell) : { num: null, text: "" } };
    });
    var numeric = keyed.every(function (k) { return k.v.num !== null || k.v.text === "" || k.v.text === "—"; });
    keyed.sort(function (a, b) {
      var r;
      if (numeric) {
        var x = a.v.num, y = b.v.num;
        r = x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y; // blanks last
      } else {
        r = a.v.text.localeCompare(b.v.text, "zh");
      }
      return (ascending ? r : -r) || a.i - b.i;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  /* each cell names its column (data-label): narrow screens show the rows as stacked cards */
  function label(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (head.cells[i]) cell.setAttribute("data-label", head.cells[i].textContent.trim());
        });
      });
    });
  }

  function bind() {
    document.querySelectorAll("article table:not([data-sortable-bound])").forEach(label);
    document.querySelectorAll("article table:not([data-sortable-bound])").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head || !table.tBodies[0] || table.tBodies[0].rows.length < 2) return;
      table.setAttribute("data-sortable-bound", "");
      Array.prototype.forEach.call(head.cells, function (th, column) {
        th.classList.add("sortable");
        th.tabIndex = 0;
        th.title = "点击排序";
        th.addEventListener("click", function () { sort(table, column, th); });
        th.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); sort(table, column, th); }
        });
      });
    });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
  else bind();
})();
