// The pager of a static datka archive's search results and filtered
// library: the live site's pager (newPager in internal/site), made in the
// browser. datkaPager returns the page of list to show, by the address's
// ?page=, and the pager's nav, or null when one page holds them all.
window.datkaPager = function (list, per, labels) {
  "use strict";
  var n = Math.max(1, Math.ceil(list.length / per));
  var page = parseInt(new URLSearchParams(location.search).get("page"), 10);
  if (!(page >= 1 && page <= n)) page = 1;
  var shown = list.slice((page - 1) * per, page * per);
  if (n === 1) return { items: shown, nav: null };

  function link(i) {
    var q = new URLSearchParams(location.search);
    q.delete("page");
    if (i > 1) q.set("page", String(i));
    return location.pathname + "?" + q.toString();
  }
  function item(text, href, attrs) {
    var li = document.createElement("li");
    var e = document.createElement(href ? "a" : "span");
    if (href) e.setAttribute("href", href);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    e.textContent = text;
    li.appendChild(e);
    return li;
  }
  var nav = document.createElement("nav");
  nav.className = "pager";
  nav.setAttribute("aria-label", labels.label);
  var ul = document.createElement("ul");
  if (page > 1) ul.appendChild(item("←", link(page - 1), { rel: "prev", "aria-label": labels.prev }));
  var gap = false;
  for (var i = 1; i <= n; i++) {
    if (i === 1 || i === n || (i >= page - 2 && i <= page + 2)) {
      ul.appendChild(i === page ? item(String(i), "", { "aria-current": "page" }) : item(String(i), link(i), {}));
      gap = false;
    } else if (!gap) {
      var li = document.createElement("li");
      li.setAttribute("aria-hidden", "true");
      li.textContent = "…";
      ul.appendChild(li);
      gap = true;
    }
  }
  if (page < n) ul.appendChild(item("→", link(page + 1), { rel: "next", "aria-label": labels.next }));
  nav.appendChild(ul);
  return { items: shown, nav: nav };
};
