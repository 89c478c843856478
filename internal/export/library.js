// The library filters of a static datka archive. The cards of the whole
// list (window.datkaLibrary, loaded before this script, as is pager.js) carry
// the filter values each material matches; when the form has been sent,
// this script shows the cards that match every chosen filter, as the
// live site's list does (store.EntryQuery), in the list's order.
(function () {
  "use strict";
  var lib = window.datkaLibrary;
  var form = document.querySelector("form.filters");
  var count = form && form.parentNode.querySelector("p.count");
  if (!lib || !count || !window.datkaPager) return;
  var params = new URLSearchParams(location.search);
  var want = [];
  ["topic", "group", "lang", "year", "format"].forEach(function (name) {
    var sel = form.elements[name], v = params.get(name) || "";
    if (!sel || !v) return;
    // A value the form does not offer is ignored, as the live site ignores it.
    var offered = Array.prototype.some.call(sel.options, function (o) { return o.value === v; });
    if (!offered) return;
    sel.value = v;
    want.push(name + ":" + v);
  });
  if (!want.length) return;
  var found = lib.cards.filter(function (c) {
    var f = " " + c[0] + " ";
    return want.every(function (w) { return f.indexOf(" " + w + " ") >= 0; });
  });

  var parent = form.parentNode;
  ["ul.entries", "p.empty", "nav.pager"].forEach(function (sel) {
    var old = parent.querySelector(sel);
    if (old) old.parentNode.removeChild(old);
  });
  count.textContent = lib.count[found.length];
  if (found.length) {
    // Ten to a page, as the live list shows them. The cards are the
    // site's own HTML, as its list pages hold them.
    var paged = window.datkaPager(found, lib.per, lib.pager);
    var ul = document.createElement("ul");
    ul.className = "entries";
    ul.innerHTML = paged.items.map(function (c) { return c[1]; }).join("\n");
    count.parentNode.insertBefore(ul, count.nextSibling);
    if (paged.nav) ul.parentNode.insertBefore(paged.nav, ul.nextSibling);
  } else {
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = lib.empty;
    count.parentNode.insertBefore(p, count.nextSibling);
  }
  var buttons = form.querySelector(".buttons");
  if (buttons && !buttons.querySelector("a")) {
    var a = document.createElement("a");
    a.href = location.pathname;
    a.textContent = lib.reset;
    buttons.appendChild(document.createTextNode(" "));
    buttons.appendChild(a);
  }
})();
