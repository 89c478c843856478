// The search of a static datka archive. The index of the page's language
// (window.datkaSearch, loaded before this script, as is pager.js) was made by
// the live site's analysers; this script only normalises the words of the
// query and looks them up. Its logic is find() in index.go: keep the two
// in step.
(function () {
  "use strict";
  var ix = window.datkaSearch;
  var form = document.querySelector("form.search-form");
  if (!ix || !form || !window.datkaPager) return;
  var WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{N}\p{M}]+)*/gu;

  function norm(w) {
    return w.normalize("NFKC").toLowerCase()
      .replace(/ё/g, "е").replace(/[ӊӈҥ]/g, "ң").replace(/ѳ/g, "ө")
      .replace(/\p{M}/gu, "");
  }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function runes(s) { return Array.from(s).length; }

  // termsOf is what one word stands for; null when it matches nothing.
  function termsOf(w) {
    if (w === "AND" || w === "OR" || w === "NOT" || w === "NEAR") return [];
    var f = norm(w);
    if (has(ix.forms, f)) return ix.forms[f] === "" ? [] : ix.forms[f].split(" ");
    if (has(ix.terms, f)) return [f];
    var best = "", n = runes(f);
    for (var t in ix.terms) {
      var m = runes(t);
      if (m >= 3 && n - m <= ix.ending && t.length > best.length && f.indexOf(t) === 0) best = t;
    }
    return best ? [best] : null;
  }

  // queryTerms returns the terms of q; null when a word matches nothing,
  // undefined when q has no words.
  function queryTerms(q) {
    var words = q.match(WORD) || [];
    if (!words.length) return undefined;
    var terms = [];
    for (var i = 0; i < words.length; i++) {
      var ts = termsOf(words[i]);
      if (ts === null) return null;
      for (var j = 0; j < ts.length; j++) {
        if (terms.indexOf(ts[j]) < 0 && terms.length < 16) terms.push(ts[j]);
      }
    }
    return terms;
  }

  // find returns the indexes of the docs matching q, or null when q has
  // no words.
  function find(q, kind) {
    var terms = queryTerms(q);
    if (terms === undefined) return null;
    if (!terms || !terms.length) return [];
    var count = {}, titled = {};
    terms.forEach(function (t) {
      (ix.terms[t] || []).forEach(function (p) {
        var d = p >> 1;
        count[d] = (count[d] || 0) + 1;
        titled[d] = (titled[d] || 0) + (p & 1);
      });
    });
    var first = [], rest = [];
    for (var d = 0; d < ix.docs.length; d++) {
      if (count[d] !== terms.length || (kind && ix.docs[d][2] !== kind)) continue;
      (titled[d] === terms.length ? first : rest).push(d);
    }
    return first.concat(rest);
  }

  function el(name, attrs, text) {
    var e = document.createElement(name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  // marked puts text into parent, the words of terms marked as the live
  // search marks them; only the word forms the index knows are marked.
  function marked(parent, text, terms) {
    var last = 0;
    text.replace(WORD, function (w, at) {
      var f = norm(w), ts = has(ix.forms, f) ? ix.forms[f].split(" ") : [f];
      if (ts.some(function (t) { return t && terms.indexOf(t) >= 0; })) {
        parent.appendChild(document.createTextNode(text.slice(last, at)));
        parent.appendChild(el("mark", {}, w));
        last = at + w.length;
      }
      return w;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  // excerpt cuts about 240 characters of a doc's text around the first
  // word of terms, as the live search shows a snippet.
  function excerpt(text, terms) {
    var at = -1, m;
    WORD.lastIndex = 0;
    while (at < 0 && (m = WORD.exec(text))) {
      var f = norm(m[0]), ts = has(ix.forms, f) ? ix.forms[f].split(" ") : [f];
      if (ts.some(function (t) { return t && terms.indexOf(t) >= 0; })) at = m.index;
    }
    WORD.lastIndex = 0;
    var start = 0;
    if (at > 160) {
      start = text.lastIndexOf(" ", at - 60) + 1;
    }
    var end = start + 240;
    if (end < text.length) {
      var sp = text.lastIndexOf(" ", end);
      end = sp > start ? sp : end;
    }
    var s = text.slice(start, end).trim();
    if (start > 0) s = "… " + s;
    if (end < text.length) s = s.replace(/[\s.,;:…]+$/u, "") + " …";
    return s;
  }

  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim().slice(0, 512);
  var kind = params.get("kind") || "";
  if (form.elements.q) form.elements.q.value = q;
  if (form.elements.kind) form.elements.kind.value = kind;
  if (!form.elements.kind || form.elements.kind.value !== kind) kind = "";
  var found = find(q, kind);
  if (found === null) return;
  var out = el("div", { "class": "static-search" });
  var status = el("div", { role: "status" });
  status.appendChild(el("p", found.length ? { "class": "count" } : {}, found.length ? ix.count[found.length - 1] : ix.none));
  out.appendChild(status);
  var terms = queryTerms(q) || [];
  // Ten to a page, as the live search shows them.
  var paged = window.datkaPager(found, ix.per, ix.pager);
  if (found.length) {
    var ol = el("ol", { "class": "results" });
    paged.items.forEach(function (d) {
      var doc = ix.docs[d], li = el("li");
      var h = el("h2");
      h.appendChild(marked(el("a", { href: doc[0] }), doc[1], terms));
      li.appendChild(h);
      var meta = el("p", { "class": "meta" }, ix.kinds[doc[2]] || doc[2]);
      if (doc[3]) {
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(el("time", { datetime: doc[3] }, doc[4]));
      }
      li.appendChild(meta);
      li.appendChild(marked(el("p"), excerpt(doc[5], terms), terms));
      ol.appendChild(li);
    });
    out.appendChild(ol);
    if (paged.nav) out.appendChild(paged.nav);
  }
  form.parentNode.insertBefore(out, form.nextSibling);
  document.title = q + " — " + document.title;
  if (!found.length) elsewhere(out);

  // elsewhere names, as the live search does, the other languages where
  // the same words find something: it loads their indexes one by one
  // (each sets window.datkaSearch, which is put back) and asks each with
  // find, its words analysed by that language's rules.
  function elsewhere(out) {
    var block = document.getElementById("datka-elsewhere");
    if (!block) return;
    var data = JSON.parse(block.textContent), mine = ix, links = [];
    var rules = new Intl.PluralRules(mine.lang);
    var query = "?" + new URLSearchParams(kind ? { q: q, kind: kind } : { q: q }).toString();
    function next(i) {
      if (i === data.others.length) {
        ix = mine;
        window.datkaSearch = mine;
        if (!links.length) return;
        out.appendChild(el("p", {}, data.intro));
        var ul = el("ul", { "class": "elsewhere" });
        links.forEach(function (li) { ul.appendChild(li); });
        out.appendChild(ul);
        return;
      }
      var o = data.others[i], s = document.createElement("script");
      s.onload = function () {
        ix = window.datkaSearch;
        var n = (find(q, kind) || []).length;
        if (n) {
          var label = (o.forms[rules.select(n)] || o.forms.other).replace("{n}", String(n));
          var li = el("li");
          li.appendChild(el("a", { href: o.page + query, hreflang: o.lang }, label));
          links.push(li);
        }
        next(i + 1);
      };
      s.onerror = function () { next(i + 1); };
      s.src = o.index;
      document.head.appendChild(s);
    }
    next(0);
  }
})();
