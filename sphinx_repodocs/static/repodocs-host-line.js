/* sphinx-repodocs: a file page's "view on <host>" link follows the line in the address.
 *
 * The page's tree container carries the host's link for a line (data-line-url, with
 * {line} for the number) when the host's links can name a line and the work tree has
 * not changed the file. While the address names a line (#L-n: a line number was
 * clicked, or a link led there), the host link opens that line at the same commit;
 * otherwise it opens the file. Without script the link opens the file.
 */
(function () {
  "use strict";

  var LINE = /^#L-([1-9][0-9]*)$/;

  function start() {
    var nav = document.querySelector("nav.repodocs-tree[data-line-url]");
    var link = document.querySelector("a.repodocs-host-link");
    if (!nav || !link) return;
    var template = nav.getAttribute("data-line-url");
    var fileUrl = link.getAttribute("href");
    var fileLabel = link.textContent;
    // The link's text for a line, translated with the page ({line} for the number).
    var lineLabel = nav.getAttribute("data-line-label");

    function follow() {
      var line = LINE.exec(window.location.hash);
      if (line) {
        link.setAttribute("href", template.split("{line}").join(line[1]));
        if (lineLabel) link.textContent = lineLabel.split("{line}").join(line[1]);
      } else {
        link.setAttribute("href", fileUrl);
        link.textContent = fileLabel;
      }
    }

    window.addEventListener("hashchange", follow);
    follow();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
