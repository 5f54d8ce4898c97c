// Search, with Pagefind: it loads only the index fragments a query needs.
// Results are grouped by document and land on the clause: Pagefind returns every element with an
// id it met as an anchor, and each hit belongs to the clause whose anchor precedes it. The
// citation-like title ("WTSA Resolution 74 · resolves 2") is made from the anchor by the rules of
// builder/anchors.py read backwards. The box reuses Material's search markup and styles.
(function () {
  var root = document.querySelector("[data-itu-search]");
  if (!root) return;
  var toggle = document.getElementById("__search");
  var input = root.querySelector(".md-search__input");
  var list = root.querySelector(".md-search-result__list");
  var meta = root.querySelector(".md-search-result__meta");
  var filterBox = root.querySelector(".itu-search-filters");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var site = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var bundle = site + "pagefind/";
  var pagefind = null;
  var chosen = {};
  var latest = 0;
  var OPTIONS = { excerptLength: 20, baseUrl: "/" };
  var scripts = root.getAttribute("data-itu-search") === "scripts";

  // The offline bundle (data-itu-search="scripts") is read from file://, where nothing can be
  // fetched or imported as a module: each file of the index is a script that hands over its bytes
  // (ituPagefindFile), and Pagefind's module a classic script whose fetch loads them.
  var waiting = {};
  window.ituPagefindFile = function (name, data) {
    var bytes = Uint8Array.from(atob(data), function (c) { return c.charCodeAt(0); });
    (waiting[name] || []).forEach(function (w) { w.resolve(new Response(bytes)); });
    delete waiting[name];
  };
  window.ituPagefindFetch = function (url) {
    var name = new URL(url, location.href).href.split("?")[0].slice(bundle.length);
    return new Promise(function (resolve, reject) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push({ resolve: resolve, reject: reject });
      if (!first) return;
      var script = document.createElement("script");
      script.src = bundle + name + ".js";
      script.onload = script.onerror = function (event) {
        script.remove();
        (waiting[name] || []).forEach(function (w) { w.reject(new Error("Search index file missing: " + name + " (" + event.type + ")")); });
        delete waiting[name];
      };
      document.head.appendChild(script);
    });
  };

  function classic() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = bundle + "pagefind-classic.js";
      script.onload = function () { resolve(window.ituPagefind); };
      script.onerror = function () { reject(new Error("Search is missing from this copy of the site")); };
      document.head.appendChild(script);
    });
  }

  function load() {
    if (!pagefind) {
      pagefind = scripts
        ? classic().then(function (module) {
          return module.createInstance(Object.assign({ basePath: bundle, noWorker: true }, OPTIONS));
        })
        : import(bundle + "pagefind.js").then(function (module) {
          return module.options(OPTIONS).then(function () { return module; });
        });
    }
    return pagefind;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // `resolves-5-ii` under the section `resolves` → `resolves 5 ii)`; `considering-f` → `considering f)`.
  function clauseName(id, sections) {
    var section = null;
    sections.forEach(function (s) {
      if ((id === s.id || id.indexOf(s.id + "-") === 0) && (!section || s.id.length > section.id.length)) section = s;
    });
    if (!section) return null;
    var rest = id.slice(section.id.length + 1);
    if (!rest) return section.text;
    var deleted = rest.indexOf("deleted-") === 0;
    if (deleted) rest = rest.slice(8);
    var parts = rest.split("-").map(function (p, k, all) {
      if (p === "item") return "item";
      if (/^[a-z]{1,5}$/.test(p)) return p + ")";
      if (/^\d+$/.test(p) && /^\d+$/.test(all[k + 1] || "")) return p + ".";
      return p;
    });
    var label = parts.join(" ").replace(/\. /g, ".");
    return section.text + " " + label + (deleted ? " (deleted)" : "");
  }

  function excerpt(words, locations, from, to) {
    var hits = locations.filter(function (l) { return l >= from && l < to; });
    var centre = hits.length ? hits[0] : from;
    var start = Math.max(from, centre - 10), end = Math.min(to, start + 24);
    var marked = {};
    hits.forEach(function (l) { marked[l] = true; });
    var out = [];
    for (var k = start; k < end; k++) {
      var w = escapeHtml(words[k] || "");
      out.push(marked[k] ? "<mark>" + w + "</mark>" : w);
    }
    return (start > from ? "… " : "") + out.join(" ") + (end < to ? " …" : "");
  }

  function clauses(data) {
    var words = data.content.split(/\s+/);
    var anchors = data.anchors.filter(function (a) { return !/^fn/.test(a.id); });
    var sections = anchors.filter(function (a) { return /^h[2-4]$/.test(a.element); })
      .map(function (a) { return { id: a.id, text: (a.text || a.id).trim() }; });
    var clauseAnchors = anchors.filter(function (a) { return a.element === "div" || /^h[2-4]$/.test(a.element); });
    var found = [], seen = {};
    var first = clauseAnchors.length ? clauseAnchors[0].location : words.length;
    if (data.locations.some(function (l) { return l < first; })) {
      // the title or what precedes the first section matched: the document itself
      found.push({ id: "", name: "", excerpt: excerpt(words, data.locations, 0, first) });
      seen[""] = true;
    }
    data.locations.forEach(function (location) {
      var owner = null;
      clauseAnchors.forEach(function (a) { if (a.location <= location) owner = a; });
      if (!owner || seen[owner.id]) return;
      seen[owner.id] = true;
      var next = clauseAnchors.filter(function (a) { return a.location > owner.location; })[0];
      found.push({
        id: owner.id,
        name: clauseName(owner.id, sections) || owner.id,
        excerpt: excerpt(words, data.locations, owner.location, next ? next.location : words.length),
      });
    });
    return found;
  }

  // Pagefind's result URLs are paths from the site's root (baseUrl "/"), which may sit under a
  // path prefix (a PR preview) or in a folder on disk (the offline bundle, where a folder's page
  // is its index.html: file:// has no directory URLs).
  function link(url, anchor) {
    var path = url.replace(/^\//, "");
    if (scripts && /(^|\/)$/.test(path)) path += "index.html";
    return new URL(path, site).href + (anchor ? "#" + anchor : "");
  }

  // `resolves 3`, `considering f)`: a query that names a clause puts the clauses so named first.
  function norm(text) { return text.toLowerCase().replace(/[().]/g, " ").replace(/\s+/g, " ").trim(); }

  function named(clause, query) {
    var n = norm(clause.name), q = norm(query);
    return Boolean(n) && (n === q || n.slice(-q.length - 1) === " " + q);
  }

  function names(found, query) {
    return found.some(function (c) { return named(c, query); });
  }

  function cite(data, query) {
    return clauses(data).sort(function (a, b) { return (named(b, query) ? 1 : 0) - (named(a, query) ? 1 : 0); });
  }

  function render(results, total, query) {
    list.innerHTML = "";
    results = results.map(function (data) { return { data: data, found: cite(data, query) }; });
    results.sort(function (a, b) { return (names(b.found, query) ? 1 : 0) - (names(a.found, query) ? 1 : 0); });
    meta.textContent = total === 0 ? "No matching documents" : total === 1 ? "1 matching document" : total + " matching documents";
    results.forEach(function (result) {
      var data = result.data;
      var title = data.meta.title || data.url;
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var found = result.found.slice(0, 5);
      var html = '<a href="' + escapeHtml(link(data.url, found.length ? found[0].id : "")) + '" class="md-search-result__link" tabindex="-1">'
        + '<article class="md-search-result__article md-typeset"><h1>' + escapeHtml(title)
        + (found.length && found[0].name ? " · " + escapeHtml(found[0].name) : "") + "</h1><p>" + (found.length ? found[0].excerpt : data.excerpt)
        + "</p></article></a>";
      found.slice(1).forEach(function (c) {
        html += '<a href="' + escapeHtml(link(data.url, c.id)) + '" class="md-search-result__link" tabindex="-1">'
          + '<article class="md-search-result__article md-typeset"><h2>' + escapeHtml(title + " · " + c.name)
          + "</h2><p>" + c.excerpt + "</p></article></a>";
      });
      item.innerHTML = html;
      list.appendChild(item);
    });
  }

  function renderFilters(counts) {
    var names = { body: "Body", kind: "Kind", action: "Action", source: "Source", conference: "Conference" };
    filterBox.innerHTML = "";
    Object.keys(names).forEach(function (key) {
      if (!counts[key] || !Object.keys(counts[key]).length) return;
      var label = document.createElement("label");
      label.className = "itu-search-filter";
      var select = document.createElement("select");
      select.name = key;
      select.setAttribute("aria-label", names[key]);
      select.innerHTML = '<option value="">' + names[key] + ": any</option>" + Object.keys(counts[key]).sort().map(function (v) {
        return '<option value="' + escapeHtml(v) + '"' + (chosen[key] === v ? " selected" : "") + ">" + escapeHtml(v) + "</option>";
      }).join("");
      select.addEventListener("change", function () {
        if (select.value) chosen[key] = select.value; else delete chosen[key];
        run();
      });
      label.appendChild(select);
      filterBox.appendChild(label);
    });
    filterBox.hidden = !filterBox.children.length;
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.innerHTML = "";
      meta.textContent = "Type to search the resolutions and proposals";
      return;
    }
    load().then(function (module) {
      var filters = {};
      Object.keys(chosen).forEach(function (k) { filters[k] = chosen[k]; });
      // A quoted phrase is searched as Pagefind's exact phrase; a no-break hyphen as a hyphen.
      return Promise.all([module.search(query.replace(/\u2011/g, "-"), { filters: filters }), module.filters()]).then(function (found) {
        var search = found[0];
        if (ticket !== latest || !search) return;
        renderFilters(found[1] || {});
        return Promise.all(search.results.slice(0, 12).map(function (r) { return r.data(); })).then(function (data) {
          if (ticket === latest) render(data, search.results.length, query);
        });
      });
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  root.querySelector("button[type=reset]").addEventListener("click", function () {
    input.value = "";
    run();
    input.focus();
  });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 50); }
  });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  document.addEventListener("keydown", function (event) {
    var typing = /input|textarea|select/i.test((event.target && event.target.tagName) || "") || (event.target && event.target.isContentEditable);
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        toggle.checked = true;
        load();
        input.focus();
      }
      return;
    }
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
      if (next < 0) input.focus(); else all[next].focus();
    } else if (event.key === "Enter" && document.activeElement === input && all.length) {
      event.preventDefault();
      location.href = all[0].href;
    }
  });
  list.addEventListener("click", function () { toggle.checked = false; });
})();
