/*
 * A copy button on every quote (blockquote) of a page: copies the quote's text, then says
 * so. Works without the Clipboard API too (plain http on another host). Re-binds after
 * every instant-navigation page swap.
 */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function quoteText(quote) {
    var clone = quote.cloneNode(true);
    clone.querySelectorAll(".quote-copy").forEach(function (b) { b.remove(); });
    return clone.textContent.replace(/\s+\n/g, "\n").trim();
  }

  function bind() {
    document.querySelectorAll("article blockquote:not([data-copy-bound])").forEach(function (quote) {
      quote.setAttribute("data-copy-bound", "");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quote-copy md-icon";
      button.title = "复制引文";
      button.setAttribute("aria-label", "复制引文");
      button.textContent = "复制";
      button.addEventListener("click", function () {
        copy(quoteText(quote)).then(function () {
          button.textContent = "已复制";
        }, function () {
          button.textContent = "复制失败";
        }).then(function () {
          setTimeout(function () { button.textContent = "复制"; }, 1500);
        });
      });
      quote.appendChild(button);
    });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(bind);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);
  else bind();
})();
