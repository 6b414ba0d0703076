/* sphinx-repodocs: search results quote a page's text, not its navigation.
 *
 * Sphinx's search page shows, under each result, the page's main text around the first
 * hit (Search.htmlToText). Our generated pages mark their breadcrumbs, summary line,
 * jump bar and listings "no-search" (the indexer skips them already); here the same
 * parts are left out of the quoted text, so that a file's result quotes its title and
 * overview, or its first definitions. Only on the search page; when Sphinx's search
 * script has no htmlToText (another version), its own snippets stay.
 */
(function () {
  "use strict";

  function wrap() {
    if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return false;
    var original = Search.htmlToText;
    Search.htmlToText = function (htmlString, anchor) {
      var page = new DOMParser().parseFromString(htmlString, "text/html");
      var main = page.querySelector('[role="main"]');
      if (!main || !main.querySelector(".repodocs-page")) {
        return original.call(this, htmlString, anchor);
      }
      main.querySelectorAll(".no-search").forEach(function (element) {
        element.remove();
      });
      return original.call(this, page.documentElement.outerHTML, anchor);
    };
    return true;
  }

  // Sphinx's search script may come later in the page: then it has run by this event.
  if (!wrap()) document.addEventListener("DOMContentLoaded", wrap);
})();
