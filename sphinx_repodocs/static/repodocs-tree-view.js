/* sphinx-repodocs: the repository's file tree on generated pages.
 *
 * A generated page holds an empty <nav class="repodocs-tree"> naming the page; the tree
 * data (window.repodocsTree, from the script data-tree names) is one file per build,
 * loaded here rather than linked by the page, so that a page's bytes do not depend on
 * the tree (a script file, not JSON: it loads from file:// too). Folders are
 * <details> elements, built when first opened; the current page's folders are open and
 * its entry carries aria-current="page". Names are set as text, never as markup. The
 * tree moves into the theme's sidebar where the theme has one.
 */
(function () {
  "use strict";

  var SIDEBARS = [
    ".sphinxsidebarwrapper",                          // alabaster
    ".sidebar-scroll",                                // furo
    ".bd-sidebar-primary .sidebar-primary-items__start", // pydata, book
    ".bd-sidebar-primary",
    ".wy-side-scroll",                                // rtd
  ];

  function entry(item) {
    // A file is its name, or [name, segment]; a folder is [name, segment, folders, files].
    if (typeof item === "string") return { name: item, segment: item };
    return { name: item[0], segment: item[1] || item[0], folders: item[2], files: item[3] };
  }

  function link(text, href, current) {
    var anchor = document.createElement("a");
    anchor.textContent = text;
    anchor.href = href;
    if (current) anchor.setAttribute("aria-current", "page");
    return anchor;
  }

  function build(nav, data) {
    var base = nav.getAttribute("data-root") + data.prefix + "/";
    var fileSuffix = nav.getAttribute("data-file-suffix");
    var folderSuffix = nav.getAttribute("data-folder-suffix");
    var kind = nav.getAttribute("data-kind");
    var current = nav.getAttribute("data-path");

    function folder(node, path, segments, open) {
      var details = document.createElement("details");
      var summary = document.createElement("summary");
      var here = kind === "folder" && path === current;
      var url = base + (segments ? segments + "/" : "") + folderSuffix;
      summary.appendChild(link(path ? node.name + "/" : data.title || node.name, url, here));
      details.appendChild(summary);
      var filled = false;
      function fill() {
        if (filled) return;
        filled = true;
        var list = document.createElement("ul");
        node.folders.forEach(function (item) {
          var child = entry(item);
          var childPath = path ? path + "/" + child.name : child.name;
          var childSegments = segments ? segments + "/" + child.segment : child.segment;
          var inside = current === childPath || current.indexOf(childPath + "/") === 0;
          var li = document.createElement("li");
          li.appendChild(folder(child, childPath, childSegments, inside));
          list.appendChild(li);
        });
        node.files.forEach(function (item) {
          var file = entry(item);
          var filePath = path ? path + "/" + file.name : file.name;
          var fileUrl = base + (segments ? segments + "/" : "") + file.segment + fileSuffix;
          var li = document.createElement("li");
          li.appendChild(link(file.name, fileUrl, kind === "file" && filePath === current));
          list.appendChild(li);
        });
        details.appendChild(list);
      }
      details.addEventListener("toggle", function () {
        if (details.open) fill();
      });
      if (open) {
        fill();
        details.open = true;
      }
      return details;
    }

    nav.appendChild(folder(entry(data.root), "", "", true));
  }

  function show(nav) {
    var data = window.repodocsTree;
    if (!data) return;
    data.title = nav.getAttribute("data-title");
    build(nav, data);
    for (var i = 0; i < SIDEBARS.length; i++) {
      var sidebar = document.querySelector(SIDEBARS[i]);
      if (sidebar) {
        sidebar.appendChild(nav);
        nav.classList.add("repodocs-tree-in-sidebar");
        break;
      }
    }
  }

  function start() {
    var nav = document.querySelector("nav.repodocs-tree");
    if (!nav) return;
    var script = document.createElement("script");
    script.src = nav.getAttribute("data-tree");
    script.onload = function () {
      show(nav);
    };
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
