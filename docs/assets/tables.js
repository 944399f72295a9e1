/*
 * Sortable tables: click (or Enter on) a column header to sort by it, again to reverse.
 * Numbers sort as numbers ("2218.74亿元", "-96%", "1,234"); a cell's data-sort attribute,
 * when present, is the value sorted on. Re-binds after every instant-navigation page swap.
 */
(function () {
  "use strict";
  var NUMBER = /^[^\d+-]{0,3}([+-−]?\d[\d,]*(?:\.\d+)?)/;

  function value(cell) {
    var raw = cell.getAttribute("data-sort");
    var text = (raw != null ? raw : cell.textContent).trim();
    var m = NUMBER.exec(text.replace(/\s+/g, ""));
    return m ? { num: parseFloat(m[1].replace(/,/g, "").replace("−", "-")), text: text } : { num: null, text: text };
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

  function bind() {
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
