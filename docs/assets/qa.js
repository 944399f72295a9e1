/*
 * The call page's Q&A filter: two lists, analyst and firm, built from the exchanges'
 * data-asker / data-firm attributes; an exchange shows when it matches both. Runs on the
 * page alone (no network) and re-binds after every instant-navigation page swap.
 */
(function () {
  "use strict";
  var UNNAMED = "未具名";

  function values(items, key) {
    var seen = {};
    var out = [];
    items.forEach(function (item) {
      var v = item.getAttribute(key) || "";
      if (!Object.prototype.hasOwnProperty.call(seen, v)) {
        seen[v] = true;
        out.push(v);
      }
    });
    return out.sort(function (a, b) {
      if (!a) return 1;
      if (!b) return -1;
      return a.localeCompare(b, "zh");
    });
  }

  function select(label, name, options) {
    var wrap = document.createElement("label");
    wrap.className = "qa-filter-field";
    wrap.appendChild(document.createTextNode(label + " "));
    var box = document.createElement("select");
    box.name = name;
    var all = document.createElement("option");
    all.value = "*";
    all.textContent = "全部";
    box.appendChild(all);
    options.forEach(function (v) {
      var opt = document.createElement("option");
      opt.value = v;
      opt.textContent = v || UNNAMED;
      box.appendChild(opt);
    });
    wrap.appendChild(box);
    return { wrap: wrap, box: box };
  }

  function bind() {
    document.querySelectorAll(".qa-list:not([data-qa-bound])").forEach(function (list) {
      list.setAttribute("data-qa-bound", "");
      var items = Array.prototype.slice.call(list.querySelectorAll(".qa"));
      if (items.length < 2) return;
      var bar = document.createElement("div");
      bar.className = "qa-filter";
      var asker = select("分析师", "asker", values(items, "data-asker"));
      var firm = select("机构", "firm", values(items, "data-firm"));
      var count = document.createElement("span");
      count.className = "qa-filter-count";
      bar.appendChild(asker.wrap);
      bar.appendChild(firm.wrap);
      bar.appendChild(count);

      function apply() {
        var shown = 0;
        items.forEach(function (item) {
          var ok = (asker.box.value === "*" || item.getAttribute("data-asker") === asker.box.value) &&
            (firm.box.value === "*" || item.getAttribute("data-firm") === firm.box.value);
          item.hidden = !ok;
          if (ok) shown += 1;
        });
        count.textContent = "显示 " + shown + " / " + items.length + " 个问答";
      }

      asker.box.addEventListener("change", apply);
      firm.box.addEventListener("change", apply);
      list.insertBefore(bar, list.firstChild);
      apply();
    });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
  else bind();
})();
