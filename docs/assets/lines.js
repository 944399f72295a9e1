/* Evidence links (#L<n>) always land on their transcript line, highlighted.
   Material's instant navigation may handle a same-page hash click itself, and its
   scroll restoration can race the browser's own jump; this re-asserts the jump. */
(function () {
  "use strict";
  var LINE = /^L\d+$/;

  function target() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return null; // a malformed fragment (#%E4%) names no line
    }
    return LINE.test(id) ? document.getElementById(id) : null;
  }

  function show() {
    var el = target();
    if (!el) return;
    var old = document.querySelectorAll(".transcript .is-cited");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("is-cited");
    el.classList.add("is-cited");
    el.scrollIntoView({ block: "center" });
  }

  function later() {
    setTimeout(show, 60);
  }

  window.addEventListener("hashchange", later);
  document.addEventListener("click", function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a[href*='#L']") : null;
    if (a && a.hash && LINE.test(a.hash.slice(1)) && a.pathname === location.pathname) later();
  });
  if (typeof document$ !== "undefined") {
    document$.subscribe(later); // after every instant page swap, and on first load
  } else {
    window.addEventListener("load", later);
  }
})();
