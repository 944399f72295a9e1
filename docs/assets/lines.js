/* Evidence links (#L<n>) always land on their transcript line, highlighted.
   Material's instant navigation may handle a same-page hash click itself: it pushes the new
   address later (no hashchange) and restores the scroll position it had, which can undo the
   browser's own jump, later still on a busy machine. So the jump is re-asserted for a short
   while after the click, until the line has stayed in view, and never against the reader
   (a wheel, touch or key ends it). */
(function () {
  "use strict";
  var LINE = /^L\d+$/;
  var TICK = 100; // ms between checks
  var SETTLED = 3; // checks in view, with the address updated, before stopping
  var LIMIT = 3000; // ms after which the reader's page is left alone whatever happened
  var timer = null;

  function lineId(hash) {
    var id;
    try {
      id = decodeURIComponent((hash || "").slice(1));
    } catch (e) {
      return null; // a malformed fragment (#%E4%) names no line
    }
    return LINE.test(id) ? id : null;
  }

  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }

  function mark(el) {
    var old = document.querySelectorAll(".transcript .is-cited");
    for (var i = 0; i < old.length; i++) if (old[i] !== el) old[i].classList.remove("is-cited");
    el.classList.add("is-cited");
  }

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function land(id) {
    stop();
    if (!id) return;
    var started = Date.now();
    var calm = 0;
    function check() {
      var el = document.getElementById(id);
      if (!el || Date.now() - started > LIMIT) return stop();
      mark(el);
      if (!inView(el)) {
        calm = 0;
        el.scrollIntoView({ block: "center" });
      } else if (lineId(location.hash) === id && ++calm >= SETTLED) {
        stop();
      }
    }
    check();
    timer = setInterval(check, TICK);
  }

  ["wheel", "touchstart", "keydown"].forEach(function (type) {
    window.addEventListener(type, stop, { passive: true });
  });
  window.addEventListener("hashchange", function () {
    land(lineId(location.hash));
  });
  document.addEventListener("click", function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a[href*='#L']") : null;
    if (a && a.pathname === location.pathname && lineId(a.hash)) land(lineId(a.hash));
  });
  function onPage() {
    land(lineId(location.hash));
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage); // after every instant page swap, and on first load
  } else {
    window.addEventListener("load", onPage);
  }
})();
