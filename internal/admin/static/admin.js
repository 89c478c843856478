// datka admin: a formatting toolbar and a live preview for Markdown fields.
// Everything works without this script; it only saves typing.
(function () {
  "use strict";
  var labels = document.getElementById("md-labels");
  if (!labels) return;
  var L = labels.dataset;

  function wrap(ta, before, after, placeholder) {
    var s = ta.selectionStart, e = ta.selectionEnd, v = ta.value;
    var sel = v.slice(s, e) || placeholder;
    ta.value = v.slice(0, s) + before + sel + after + v.slice(e);
    ta.focus();
    ta.setSelectionRange(s + before.length, s + before.length + sel.length);
    ta.dispatchEvent(new Event("input"));
  }

  function prefixLines(ta, prefix) {
    var s = ta.selectionStart, e = ta.selectionEnd, v = ta.value;
    var start = v.lastIndexOf("\n", s - 1) + 1;
    var lines = v.slice(start, e).split("\n");
    var out = lines.map(function (l, i) {
      return (typeof prefix === "function" ? prefix(i) : prefix) + l;
    }).join("\n");
    ta.value = v.slice(0, start) + out + v.slice(e);
    ta.focus();
    ta.setSelectionRange(start, start + out.length);
    ta.dispatchEvent(new Event("input"));
  }

  var actions = [
    ["bold", function (ta) { wrap(ta, "**", "**", L.bold); }],
    ["italic", function (ta) { wrap(ta, "*", "*", L.italic); }],
    ["heading", function (ta) { prefixLines(ta, "## "); }],
    ["list", function (ta) { prefixLines(ta, "- "); }],
    ["numbered", function (ta) { prefixLines(ta, function (i) { return (i + 1) + ". "; }); }],
    ["quote", function (ta) { prefixLines(ta, "> "); }],
    ["link", function (ta) {
      var url = window.prompt(L.url, "https://");
      if (url) wrap(ta, "[", "](" + url + ")", L.link);
    }],
    ["image", function (ta) {
      var url = window.prompt(L.url, "/media/");
      if (!url) return;
      var alt = window.prompt(L.alt, "") || "";
      wrap(ta, "![" + alt.replace(/[\[\]]/g, "") + "](" + url + ")", "", "");
    }]
  ];

  document.querySelectorAll("textarea[data-markdown]").forEach(function (ta) {
    if (ta.readOnly) return;
    var bar = document.createElement("div");
    bar.className = "toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-controls", ta.id);
    actions.forEach(function (a) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = L[a[0]];
      b.addEventListener("click", function () { a[1](ta); });
      bar.appendChild(b);
    });
    ta.parentNode.insertBefore(bar, ta);

    var preview = document.createElement("div");
    preview.className = "preview";
    preview.setAttribute("role", "group"); // a bare div may not carry aria-label
    preview.setAttribute("aria-live", "polite");
    preview.setAttribute("aria-label", L.preview);
    preview.lang = ta.lang;
    ta.parentNode.insertBefore(preview, ta.nextSibling);
    var timer = null;
    function refresh() {
      var body = new URLSearchParams();
      body.set("text", ta.value);
      fetch("/admin/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { preview.innerHTML = html; }) // sanitised by the server
        .catch(function () {});
    }
    ta.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  });
})();
