/*
 * Site search: Material's header search box, results from Pagefind.
 *
 * generator/site/search.py builds, after MkDocs, Pagefind's index (words, Chinese
 * segmentation) and an exact-match table of character pairs, in index shards: each
 * pagefind/<shard>/ is a Pagefind bundle with its own exact/ table, and pagefind/shards.json
 * lists them (the first is the primary bundle; the others are merged into it with Pagefind's
 * mergeIndex, so one ranking covers all). A query is answered in three steps, each
 * downloading only what it needs: the pairs of the query give the pages that hold it
 * (a few small files per shard), Pagefind ranks them, and the shown pages' fragments are
 * checked for the exact text and give the excerpt and the nearest anchor (a transcript line).
 * Results use Material's own result-list markup and classes, so they look like Material's
 * search. Page text is only ever set as text (textContent), never parsed as HTML.
 *
 * Traditional and Simplified are one script here: the query and the pages' text are folded
 * to Simplified with the table in meta.json (generator/site/search.py writes it), so 资本开支
 * finds 資本開支 and the reverse. Call pages come before the pages that gather calls (people,
 * topics, lists); a result lands on the transcript line that holds the term when there is one.
 *
 * Filters: every page carries its kind (电话会, 公司, 人物, 话题…), and call and company pages
 * their company and fiscal year, in its Pagefind meta (filter_kind…, generator/site/pages/base.py).
 * The selects above the results (values from search-filters.json) keep only the pages whose
 * fragment carries the chosen values; like a page without the exact text, a page filtered out
 * is dropped as the fragments come and the count corrected.
 *
 * Keys as in Material: "/", "s" or "f" open the search, Escape closes it, arrows move
 * through the results, Enter opens the selected (or first) result. "?q=term" in the
 * address opens the search with that term.
 */
(function () {
  "use strict";
  if (window.__siteSearch) return; // loaded once; instant navigation keeps the header
  var PAGE_SIZE = 10;
  var root = new URL("..", document.currentScript.src); // assets/search.js -> site root
  var state = {
    pagefind: null, seq: 0, query: "", terms: [], results: [], total: 0, shown: 0, loading: false, composing: false,
    filters: {},
  };
  var FILTERS = [["kind", "页面类型"], ["company", "公司"], ["year", "年份"]];

  function t(key, n) {
    var tr = {};
    try {
      tr = JSON.parse(document.getElementById("__config").textContent).translations || {};
    } catch (e) {
      /* no Material config: fall back to keys below */
    }
    var fallback = {
      "search.result.placeholder": "键入以开始搜索",
      "search.result.none": "没有找到符合条件的结果",
      "search.result.one": "找到 1 个符合条件的结果",
      "search.result.other": "# 个符合条件的结果",
    };
    return String(tr[key] || fallback[key] || "").replace("#", n);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  /* ---- the exact-match table (generator/search.py writes pagefind/exact/) ---- */

  var SPACE = /[\s\u200b\u200c\u200d\u2060\ufeff]+/g;
  var exact = { list: null, meta: null, shards: {}, fragments: {} };
  var FOLD = {}; /* Traditional -> Simplified, from meta.json's "fold" (pairs of characters) */

  function setFold(pairs) {
    var cps = Array.from(pairs || "");
    FOLD = {};
    for (var i = 0; i + 1 < cps.length; i += 2) FOLD[cps[i]] = cps[i + 1];
  }

  function fold(ch) { return FOLD[ch] || ch; }

  /* text normalised as generator.search.norm does, with each unit's place in the original */
  function normMap(text) {
    var out = [], from = [], to = [], i = 0;
    for (var ch of text) {
      var n = Array.from(ch.normalize("NFKC").toLowerCase()).map(fold).join("").replace(SPACE, "");
      for (var k = 0; k < n.length; k++) { out.push(n[k]); from.push(i); to.push(i + ch.length); }
      i += ch.length;
    }
    return { text: out.join(""), from: from, to: to };
  }

  function norm(text) { return normMap(text).text; }

  function keysOf(term) {
    var cps = Array.from(term), keys = {};
    if (cps.length === 1) keys[cps[0]] = 1;
    for (var i = 0; i + 1 < cps.length; i++) keys[cps[i] + cps[i + 1]] = 1;
    return Object.keys(keys);
  }

  function shardOf(key, shards) {
    var h = 0x811c9dc5;
    for (var ch of key) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h % shards;
  }

  /* bytes of a file, gunzipped when they are gzip (a server may already have done it) */
  function fetchText(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.arrayBuffer();
    }).then(function (buf) {
      var b = new Uint8Array(buf);
      if (b[0] !== 0x1f || b[1] !== 0x8b) return buf;
      return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    }).then(function (buf) { return new TextDecoder().decode(buf); });
  }

  function cached(store, key, load) {
    if (!store[key]) {
      store[key] = load();
      store[key].catch(function () { delete store[key]; });
    }
    return store[key];
  }

  /* the index shards' folder names, the primary bundle first (pagefind/shards.json) */
  function shardList() {
    return cached(exact, "list", function () {
      return fetch(new URL("pagefind/shards.json", root).href).then(function (r) {
        if (!r.ok) throw new Error(r.status + " pagefind/shards.json");
        return r.json();
      }).then(function (data) { return data.shards; });
    });
  }

  /* every shard's exact-match meta.json, together: the fold table (their union), the call
     pages, and the shard of every page id */
  function exactMeta() {
    return cached(exact, "meta", function () {
      return shardList().then(function (names) {
        return Promise.all(names.map(function (name) {
          return fetchText(new URL("pagefind/" + name + "/exact/meta.json", root).href).then(JSON.parse)
            .then(function (meta) { meta.name = name; return meta; });
        }));
      }).then(function (metas) {
        var all = { parts: metas, callPages: new Set(), shardOfPage: {} }, fold = "";
        metas.forEach(function (meta) {
          fold += meta.fold || "";
          (meta.calls || []).forEach(function (n) { all.callPages.add(meta.pages[n]); });
          meta.pages.forEach(function (id) { all.shardOfPage[id] = meta.name; });
        });
        setFold(fold);
        return all;
      });
    });
  }

  function postings(key, meta) {
    var n = shardOf(key, meta.shards), name = meta.name + "/" + n;
    return cached(exact.shards, name, function () {
      return fetchText(new URL("pagefind/" + meta.name + "/exact/" + n + ".json.gz", root).href).then(JSON.parse);
    }).then(function (table) {
      var out = [], last = 0;
      (table[key] || []).forEach(function (d) { last += d; out.push(last); });
      return out;
    });
  }

  /* the ids of the pages holding every term (pairs of characters; checked again when shown),
     shard after shard */
  function candidates(terms) {
    return exactMeta().then(function (all) {
      return Promise.all(all.parts.map(function (meta) { return shardCandidates(terms, meta); }));
    }).then(function (lists) { return [].concat.apply([], lists); });
  }

  function shardCandidates(terms, meta) {
    var keys = {};
    terms.forEach(function (t) { keysOf(t).forEach(function (k) { keys[k] = 1; }); });
    return Promise.all(Object.keys(keys).map(function (k) { return postings(k, meta); })).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      var set = lists.length ? lists[0] : [];
      lists.slice(1).forEach(function (list) {
        var has = new Set(list);
        set = set.filter(function (n) { return has.has(n); });
      });
      return set.map(function (n) { return meta.pages[n]; });
    });
  }

  function fragment(id) {
    return cached(exact.fragments, id, function () {
      return exactMeta().then(function (all) {
        return fetchText(new URL("pagefind/" + all.shardOfPage[id] + "/fragment/" + id + ".pf_fragment", root).href);
      }).then(function (text) {
        return JSON.parse(text.replace(/^pagefind_dcd/, ""));
      });
    });
  }

  /* Pagefind from the primary bundle, every other shard merged into it */
  function loadPagefind() {
    if (!state.pagefind) {
      state.pagefind = shardList().then(function (names) {
        return import(new URL("pagefind/" + names[0] + "/pagefind.js", root).href).then(function (pf) {
          return pf.options({ baseUrl: root.pathname }).then(function () {
            return Promise.all(names.slice(1).map(function (name) {
              return pf.mergeIndex(new URL("pagefind/" + name + "/", root).href, { baseUrl: root.pathname });
            }));
          }).then(function () { return pf; });
        });
      }).then(function (pf) {
        return pf.init().then(function () {
          return pf;
        });
      });
      state.pagefind.catch(function () {
        state.pagefind = null; // try again on the next query
      });
    }
    return state.pagefind;
  }

  /* Pagefind's ranked result ids for the query (none when Pagefind cannot load) */
  function pagefindOrder(query) {
    return loadPagefind().then(function (pf) { return pf.search(query); }).then(function (search) {
      return ((search && search.results) || []).map(function (r) { return r.id; });
    }, function () { return []; });
  }

  /* the candidates in Pagefind's order (those it did not rank follow in site order),
     call pages first: a term said in a call is first shown where it was said */
  function ranked(ids, order, callPages) {
    var wanted = new Set(ids), out = [];
    order.forEach(function (id) {
      if (wanted.has(id)) { out.push(id); wanted.delete(id); }
    });
    out = out.concat(ids.filter(function (id) { return wanted.has(id); }));
    var calls = out.filter(function (id) { return callPages.has(id); });
    return calls.concat(out.filter(function (id) { return !callPages.has(id); }));
  }

  /* true when a page (its fragment) is filed under every chosen filter value */
  function passes(data) {
    var meta = data.meta || {};
    return Object.keys(state.filters).every(function (key) { return meta["filter_" + key] === state.filters[key]; });
  }

  /* the filter selects above the results (values from search-filters.json), "全部" first */
  function filterBar(ui) {
    if (ui.box.querySelector("[data-search-filters]")) return;
    var bar = el("div", "search-filter-bar");
    bar.setAttribute("data-search-filters", "");
    ui.meta.parentNode.insertBefore(bar, ui.meta);
    fetch(new URL("search-filters.json", root).href).then(function (r) { return r.json(); }).then(function (all) {
      FILTERS.forEach(function (f) {
        var values = (all || {})[f[0]] || [];
        if (!values.length) return;
        var label = el("label", null, f[1] + " ");
        var select = el("select");
        select.setAttribute("data-filter", f[0]);
        [""].concat(values).forEach(function (v) {
          var option = el("option", null, v || "全部");
          option.value = v;
          select.appendChild(option);
        });
        select.addEventListener("change", function () {
          if (select.value) state.filters[f[0]] = select.value;
          else delete state.filters[f[0]];
          state.query = null; // the same words again, under the new filters
          run(ui);
        });
        label.appendChild(select);
        bar.appendChild(label);
      });
      bar.setAttribute("data-search-filters", "ready");
    }, function () { /* opened from disk: no filters */ });
  }

  function parts() {
    var box = document.querySelector("[data-pagefind-search]");
    if (!box) return null;
    return {
      box: box,
      toggle: document.getElementById("__search"),
      input: box.querySelector("[data-pagefind-query]"),
      form: box.querySelector("form"),
      meta: box.querySelector(".md-search-result__meta"),
      list: box.querySelector(".md-search-result__list"),
      scroll: box.querySelector(".md-search__scrollwrap"),
    };
  }

  /* where the terms stand in a page: null when a term is missing, else the excerpt to show */
  function locate(data, terms) {
    var raw = String(data.content || "");
    var m = normMap(raw), spots = [];
    for (var t = 0; t < terms.length; t++) {
      var at = m.text.indexOf(terms[t]), found = false;
      while (at >= 0) {
        found = true;
        spots.push([m.from[at], m.to[at + terms[t].length - 1]]);
        at = m.text.indexOf(terms[t], at + terms[t].length);
      }
      if (!found) return null;
    }
    spots.sort(function (a, b) { return a[0] - b[0]; });
    /* the anchor before each spot; the first spot on a transcript line (#L<n>) is where to land */
    var first = null, anchor = null;
    spots.forEach(function (spot) {
      var words = raw.slice(0, spot[0]).split(/[\s\u200b]+/).length - 1, near = null;
      (data.anchors || []).forEach(function (a) {
        if (a.location <= words && a.element !== "h1") near = a; // the title is no place to land
      });
      var onLine = near && /^L\d+$/.test(near.id);
      if (!first || (onLine && !/^L\d+$/.test((anchor && anchor.id) || ""))) { first = spot; anchor = near; }
    });
    var start = Math.max(0, first[0] - 40), end = Math.min(raw.length, first[1] + 90);
    var frag = document.createDocumentFragment(), pos = start;
    function text(s) { frag.appendChild(document.createTextNode(s.replace(/\u200b/g, ""))); }
    if (start > 0) text("…");
    spots.forEach(function (s) {
      if (s[0] < start || s[0] < pos || s[1] > end) return;
      text(raw.slice(pos, s[0]));
      frag.appendChild(el("mark", null, raw.slice(s[0], s[1]).replace(/\u200b/g, "")));
      pos = s[1];
    });
    text(raw.slice(pos, end));
    if (end < raw.length) text("…");
    return { excerpt: frag, anchor: anchor && anchor.id };
  }

  function resultItem(data, spot) {
    var li = el("li", "md-search-result__item");
    var link = el("a", "md-search-result__link");
    link.href = root.pathname + String(data.url).replace(/^\//, "") +
      (spot.anchor ? "#" + encodeURIComponent(spot.anchor) : "");
    link.tabIndex = -1;
    var art = el("article", "md-search-result__article md-search-result__article--document md-typeset");
    art.appendChild(el("div", "md-search-result__icon md-icon"));
    art.appendChild(el("h1", null, (data.meta && data.meta.title) || data.url));
    var p = el("p");
    p.appendChild(spot.excerpt);
    art.appendChild(p);
    link.appendChild(art);
    li.appendChild(link);
    return li;
  }

  function count(ui, n) {
    ui.meta.textContent = t(n === 0 ? "search.result.none" : n === 1 ? "search.result.one" : "search.result.other", n);
  }

  /* show the next PAGE_SIZE results that really hold the terms */
  function showMore(ui, seq) {
    if (state.loading || state.shown >= state.results.length) return Promise.resolve();
    state.loading = true;
    var batch = state.results.slice(state.shown, state.shown + PAGE_SIZE);
    state.shown += batch.length;
    var dropped = 0, chain = Promise.resolve();
    batch.map(fragment).forEach(function (loading) { // fetched at once, shown in order as they come
      chain = chain.then(function () { return loading; }).then(function (d) {
        if (seq !== state.seq) return;
        var spot = passes(d) ? locate(d, state.terms) : null;
        if (spot) ui.list.appendChild(resultItem(d, spot));
        else dropped++;
      });
    });
    return chain.then(function () {
      state.loading = false;
      if (seq !== state.seq) return;
      if (dropped) {
        state.total -= dropped;
        count(ui, state.total);
      }
      if (ui.list.children.length < PAGE_SIZE) return showMore(ui, seq);
    }, function (err) {
      state.loading = false;
      throw err;
    });
  }

  function run(ui) {
    var query = ui.input.value.trim();
    if (query === state.query) return;
    state.query = query;
    var seq = ++state.seq;
    var words = query.split(/\s+/).filter(Boolean);
    if (!words.length) {
      ui.meta.textContent = t("search.result.placeholder");
      ui.list.replaceChildren();
      ui.box.removeAttribute("data-search-state");
      return;
    }
    ui.box.setAttribute("data-search-state", "searching");
    var terms = [], callPages = new Set();
    var order = pagefindOrder(query); // the exact pages and Pagefind's ranking at once
    exactMeta()
      .then(function (meta) {
        terms = words.map(norm).filter(Boolean); // folded with the table meta.json brought
        callPages = meta.callPages;
        return candidates(terms);
      })
      .then(function (ids) {
        if (ids.length < 2) return ids; // nothing to rank: no need to wait for Pagefind
        if (ids.length <= PAGE_SIZE) ids.forEach(fragment); // all shown: fetched while ranking
        return order.then(function (o) { return ranked(ids, o, callPages); });
      })
      .then(function (ids) {
        if (seq !== state.seq) return;
        state.terms = terms;
        state.results = ids;
        state.total = ids.length;
        state.shown = 0;
        state.loading = false;
        count(ui, ids.length);
        ui.list.replaceChildren();
        return showMore(ui, seq);
      })
      .then(function () {
        if (seq !== state.seq) return;
        ui.box.setAttribute("data-search-query", query); // for tests and benchmarks: what "done" answers
        ui.box.setAttribute("data-search-state", "done");
      })
      .catch(function (err) {
        if (seq !== state.seq) return;
        ui.meta.textContent = "搜索索引无法加载(请通过 HTTP 打开本站): " + err;
        ui.box.setAttribute("data-search-state", "error");
      });
  }

  function open(ui, select) {
    if (ui.toggle && !ui.toggle.checked) ui.toggle.checked = true;
    ui.input.focus();
    if (select) ui.input.select();
    loadPagefind();
    exactMeta().catch(function () { /* reported by the query that needs it */ });
    filterBar(ui);
  }

  function close(ui) {
    if (ui.toggle) ui.toggle.checked = false;
    ui.input.blur();
  }

  function links(ui) {
    return Array.prototype.slice.call(ui.list.querySelectorAll(".md-search-result__link"));
  }

  function move(ui, step) {
    var all = links(ui);
    if (!all.length) return;
    var i = all.indexOf(document.activeElement);
    var next = i + step;
    if (next < 0) ui.input.focus();
    else all[Math.min(next, all.length - 1)].focus();
  }

  function bind() {
    var ui = parts();
    if (!ui || ui.input.dataset.bound) return;
    ui.input.dataset.bound = "1";
    var timer = 0;
    function later() {
      if (state.composing) return; // wait for the input method to commit
      clearTimeout(timer);
      timer = setTimeout(function () { run(ui); }, 80);
    }
    ui.input.addEventListener("input", later);
    ui.input.addEventListener("keyup", later);
    ui.input.addEventListener("compositionstart", function () { state.composing = true; });
    ui.input.addEventListener("compositionend", function () { state.composing = false; later(); });
    ui.input.addEventListener("focus", function () { open(ui, false); });
    ui.form.addEventListener("reset", function () {
      setTimeout(function () { run(ui); ui.input.focus(); }, 0);
    });
    ui.form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    if (ui.toggle) {
      ui.toggle.addEventListener("change", function () {
        if (ui.toggle.checked) open(ui, true);
        else ui.input.blur();
      });
    }
    ui.scroll.addEventListener("scroll", function () {
      var s = ui.scroll;
      if (s.scrollTop + s.clientHeight >= s.scrollHeight - 40) showMore(ui, state.seq);
    });
    ui.list.addEventListener("click", function (ev) {
      if (ev.target.closest && ev.target.closest("a")) close(ui); // instant navigation keeps the header
    });
    ui.box.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { close(ui); ev.preventDefault(); }
      else if (ev.key === "ArrowDown") { move(ui, 1); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { move(ui, -1); ev.preventDefault(); }
      else if (ev.key === "Enter" && document.activeElement === ui.input) {
        var first = links(ui)[0];
        if (first) { first.click(); ev.preventDefault(); }
      }
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) {
      ui.input.value = q;
      open(ui, false);
      run(ui);
    }
  }

  function editable(node) {
    return node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || editable(document.activeElement)) return;
    if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
      var ui = parts();
      if (!ui) return;
      ev.preventDefault();
      open(ui, true);
    }
  });

  window.__siteSearch = { root: root.href, load: loadPagefind };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
  else bind();
})();
