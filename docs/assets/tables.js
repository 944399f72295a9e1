/*
 * Sortable tables: click (or Enter on) a column header to sort by it, again to reverse.
 * Numbers sort as numbers ("2218.74亿元", "-96%", "1,234") by true magnitude: 万, 亿 and 万亿
 * scale the number to base units (so "73.1 亿元" sorts above "3,200 万用户"), and an amount in
 * another currency is converted to yuan at a rough fixed rate, for ordering only (the page
 * shows the figure as reported). A cell's data-sort attribute, when present, is the value
 * sorted on. Every cell is labelled with its column's name (data-label) for narrow screens,
 * where report.css stacks the rows. Re-binds after every instant-navigation page swap.
 */
(function () {
  "use strict";
  var NUMBER = /^[^\d+-]{0,3}([+-−]?\d[\d,]*(?:\.\d+)?)(万亿|亿|万)?(美元|港元|欧元|日元|英镑)?/;
  var SCALE = { "万": 1e4, "亿": 1e8, "万亿": 1e12 };
  var TO_YUAN = { "美元": 7.2, "港元": 0.92, "欧元": 7.8, "日元": 0.048, "英镑": 9.1 }; // rough, ordering only

  /* the number a cell sorts by: its data-sort, else its figure in base units (null when none) */
  function value(cell) {
    var raw = cell.getAttribute("data-sort");
    var text = (raw != null ? raw : cell.textContent).trim();
    var m = NUMBER.exec(text.replace(/\s+/g, ""));
    if (!m) return { num: null, text: text };
    var num = parseFloat(m[1].replace(/,/g, "").replace("−", "-"));
    if (raw == null) num *= (SCALE[m[2]] || 1) * (TO_YUAN[m[3]] || 1);
    return { num: num, text: text };
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
