// Search, with Pagefind: it loads only the index fragments a query needs.
// A citation ("WTSA Res 68 resolves 3") is looked up and its clause offered first. Results are
// grouped by document, 12 documents at a time ("Show more" for the next), and land on the clause:
// Pagefind returns every element with an id it met as an anchor, and each hit belongs to the
// clause whose anchor precedes it. The citation-like title ("WTSA Resolution 74 · resolves 2") is
// made from the anchor by the rules of builder/anchors.py read backwards. The box reuses
// Material's search markup and styles, and keeps the keyboard while open, as a dialog does.
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

  // A large site's index is in parts (builder/search.py PART_MB), listed in parts.json: the
  // first is Pagefind's own, the others are merged into it, and each query reads all of them.
  // The list is asked for afresh (a browser may keep an earlier build's for ten minutes, which
  // would name parts that are gone); a site without one has one part.
  function withParts(instance, read) {
    return read(bundle + "parts.json", { cache: "no-cache" }).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (parts) {
      return Promise.all(parts.map(function (part) { return instance.mergeIndex(bundle + part, OPTIONS); }));
    }).then(function () { return instance; });
  }

  function load() {
    if (!pagefind) {
      pagefind = scripts
        ? classic().then(function (module) {
          return withParts(module.createInstance(Object.assign({ basePath: bundle, noWorker: true }, OPTIONS)), window.ituPagefindFetch);
        })
        : import(bundle + "pagefind.js").then(function (module) {
          return module.options(OPTIONS).then(function () { return withParts(module, window.fetch.bind(window)); });
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

  // Query words, lower case, for telling which words a clause holds (Pagefind matches prefixes).
  function terms(query) {
    return query.toLowerCase().replace(/["()]/g, " ").split(/\s+/).filter(Boolean);
  }

  function holds(word, term) {
    var w = word.toLowerCase().replace(/^\W+|\W+$/g, "");
    return w.indexOf(term.slice(0, 5)) === 0 || term.indexOf(w) === 0 && w.length > 2;
  }

  // How well a stretch of words matches: the longest run of adjacent hits (a phrase), then how
  // many of the query's words it holds.
  function strength(words, hits, query) {
    var run = hits.length ? 1 : 0, current = 1;
    for (var k = 1; k < hits.length; k++) {
      current = hits[k] === hits[k - 1] + 1 ? current + 1 : 1;
      run = Math.max(run, current);
    }
    var held = terms(query).filter(function (t) { return hits.some(function (l) { return holds(words[l] || "", t); }); });
    return { run: run, held: held.length };
  }

  // The document's parts that hold hits, best first: the clause a query names, then the one
  // holding the query's words as a phrase or the most of them, then the document's order (so a
  // title that holds them all keeps the document itself first).
  function clauses(data, query) {
    var words = data.content.split(/\s+/);
    var anchors = data.anchors.filter(function (a) { return !/^fn/.test(a.id); });
    var sections = anchors.filter(function (a) { return /^h[2-4]$/.test(a.element); })
      .map(function (a) { return { id: a.id, text: (a.text || a.id).trim() }; });
    var clauseAnchors = anchors.filter(function (a) { return a.element === "div" || /^h[2-4]$/.test(a.element); });
    var parts = [{ id: "", name: "", from: 0 }].concat(clauseAnchors.map(function (a) {
      return { id: a.id, name: clauseName(a.id, sections) || a.id, from: a.location };
    }));
    var found = [];
    parts.forEach(function (part, k) {
      var to = k + 1 < parts.length ? parts[k + 1].from : words.length;
      var hits = data.locations.filter(function (l) { return l >= part.from && l < to; });
      if (!hits.length) return;
      var s = strength(words, hits, query);
      found.push({ id: part.id, name: part.name, order: k, run: s.run, held: s.held, named: named(part, query),
        excerpt: excerpt(words, data.locations, part.from, to) });
    });
    return found.sort(function (a, b) {
      return (b.named - a.named) || (b.run - a.run) || (b.held - a.held) || (a.order - b.order);
    });
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

  // A page's key, however Pagefind or the offline bundle spells its URL: `wtsa/res-68/`.
  function key(url) {
    return url.replace(/^\//, "").replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
  }

  // ---- Citation look-up: "WTSA Res 68 resolves 3", "resolves 3 of Resolution 68", "ACP/64A1/3
  // considering f". The query is read as a document (a proposal code, or a resolution or
  // decision number with its body and revision if given) and a clause (section words and a label
  // path, turned into an anchor by the rules of builder/anchors.py). The document is found with
  // Pagefind (its number or code, narrowed by the kind and body filters; a few results' data
  // read), and the clause is offered only if that page has the anchor. ----
  // [id, the value of its `body` filter (builder/conventions.py Body.short, which the templates
  // write: not always the id in capitals, `Council`), how a query names it]
  var BODIES = [
    ["pp", "PP", /\bpp\b|\bplenipotentiary(?: conference)?\b/],
    ["wtsa", "WTSA", /\bwtsa\b|\bworld telecommunication standardization assembly\b/],
    ["wtdc", "WTDC", /\bwtdc\b|\bworld telecommunication development conference\b/],
    ["wrc", "WRC", /\bwrc\b|\bworld radiocommunication conference\b/],
    ["ra", "RA", /\bra\b|\bradiocommunication assembly\b/],
    ["council", "Council", /\bcouncil\b/],
  ];
  var CODE = /(?:^|[\s(])([a-z]{2,5})\/(\d+(?:a\d+)?)(?:\/(\d+))?(?:#\d+)?(?=[\s),;.]|$)/;
  // `Resolution 71 (Rev. Kigali, 2022)`, and RA's `Resolution ITU-R 1-8` (its revision's number after the dash)
  var NUMBER = /\b(res|resolution|dec|decision)\.?\s*(?:itu-?r\s*(\d+)(?:-(\d+))?|(\d+))\b(?:\s*\(\s*(?:rev\.?\s*)?([^)]*?)\s*\))?/;
  var CONNECTORS = /^(?:of|the|in|to|and|rev|itu|,)$/;
  var LABEL = /^(?:\d+(?:\.\d+)*\.?|[a-z]|[ivxl]+|item)$/;
  var LOOKED_AT = 10; // results whose data a look-up reads: a bounded cost, whatever the collection

  function slug(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
  }

  // builder/anchors.py's section_slug: the three Bureau directors shortened.
  function sectionSlug(words) {
    var text = words.join(" ")
      .replace(/\bdirector of the telecommunication standardization bureau\b/g, "director tsb")
      .replace(/\bdirector of the telecommunication development bureau\b/g, "director bdt")
      .replace(/\bdirector of the radiocommunication bureau\b/g, "director br");
    return slug(text).join("-");
  }

  function parseCitation(query) {
    var q = " " + query.toLowerCase().replace(/[\u00a0\u202f]/g, " ").replace(/\u2011/g, "-").replace(/\s+/g, " ") + " ";
    var cite = {}, m = CODE.exec(q);
    if (m) {
      cite.page = new RegExp("^proposals/" + m[1] + "-" + m[2] + (m[3] ? "-" + m[3] : "") + "/$");
      cite.term = m[1] + "/" + m[2] + (m[3] ? "/" + m[3] : "");
      cite.kind = m[3] ? "proposal" : "contribution";
    } else if ((m = NUMBER.exec(q))) {
      cite.kind = m[1].charAt(0) === "d" ? "decision" : "resolution";
      cite.number = m[2] || m[4];
      cite.term = cite.kind + " " + cite.number;
      if (m[2]) cite.body = "ra";
      cite.revision = m[3] ? "itu-r-" + m[2] + "-" + m[3] : m[5] ? slug(m[5]).join("-") : "";
    } else {
      return null;
    }
    var rest = q.slice(0, m.index) + " " + q.slice(m.index + m[0].length);
    BODIES.forEach(function (b) {
      if (!cite.body && b[2].test(rest)) { cite.body = b[0]; rest = rest.replace(b[2], " "); }
    });
    if (cite.number) cite.page = new RegExp("^(" + (cite.body || "[a-z]+") + ")/" + cite.kind.slice(0, 3) + "-" + cite.number + "/([a-z0-9-]+/)?$");
    var words = rest.replace(/[(),;:]/g, " ").split(/\s+/).filter(Boolean);
    while (words.length && CONNECTORS.test(words[0])) words.shift();
    while (words.length && CONNECTORS.test(words[words.length - 1])) words.pop();
    var labels = [];
    while (words.length > 1 && LABEL.test(words[words.length - 1])) labels.unshift(words.pop().replace(/\.$/, "").replace(/\./g, "-"));
    cite.section = sectionSlug(words);
    cite.labels = labels;
    return words.length || !labels.length ? cite : null;
  }

  // The clause's anchor on a page: the section named, or the first whose heading starts with the
  // words typed ("instructs the Director" → instructs-the-director-tsb), then the label path.
  function anchorIn(data, cite) {
    if (!cite.section) return "";
    var ids = data.anchors.map(function (a) { return a.id; });
    var tail = cite.labels.length ? "-" + cite.labels.join("-") : "";
    var sections = data.anchors.filter(function (a) { return /^h[2-6]$/.test(a.element); }).map(function (a) { return a.id; })
      .filter(function (id) { return id === cite.section || id.indexOf(cite.section + "-") === 0; })
      .sort(function (a, b) { return (a !== cite.section) - (b !== cite.section); });
    for (var k = 0; k < sections.length; k++) if (ids.indexOf(sections[k] + tail) >= 0) return sections[k] + tail;
    return null;
  }

  // The first of a search's results that `pick` accepts, reading their data one at a time (the
  // page cited is nearly always the first: its number or code is in its title).
  function firstOf(module, term, filters, pick) {
    return module.search(term, { filters: filters }).then(function (search) {
      var results = ((search && search.results) || []).slice(0, LOOKED_AT), k = 0;
      function next() {
        if (k >= results.length) return null;
        var r = results[k++];
        return r.data().then(function (data) { return pick(Object.assign({ id: r.id }, data)) || next(); });
      }
      return next();
    });
  }

  // The `body` filter's value for a body id: a filter matches its value exactly, so an id in
  // capitals would find no Council text.
  function bodyFilter(id) {
    var body = BODIES.filter(function (b) { return b[0] === id; })[0];
    return body ? body[1] : id.toUpperCase();
  }

  // How well a page of the cited resolution fits the revision typed: 3, the page to open (that
  // revision's own page, `council/res-1332/c16/`, or where none was typed the resolution's page,
  // its current text); 2, the resolution's page where its title names the revision typed (its
  // current text: `Resolution ITU-R 1-8`); 1, a revision's page whose title names it; 0, another
  // revision. The latest revision's page is indexed by its title alone (its text is the
  // resolution page's), so Pagefind ranks it first.
  function revisionFit(cite, data) {
    var typed = cite.revision || ""; // a proposal's code names no revision: its page is its own
    var revision = key(data.url).split("/")[2];
    if (revision === typed) return 3;
    if (!typed || slug(data.meta.title || "").join("-").indexOf(typed) < 0) return 0;
    return revision ? 1 : 2;
  }

  function clauseExcerpt(data, anchor) {
    var words = data.content.split(/\s+/);
    var at = data.anchors.filter(function (a) { return a.id === anchor; })[0];
    var from = at ? at.location : 0;
    var next = data.anchors.filter(function (a) { return a.location > from && a.element === "div"; })[0];
    return excerpt(words, [], from, next ? next.location : Math.min(words.length, from + 24));
  }

  function landing(data, anchor, through) {
    var sections = data.anchors.filter(function (a) { return /^h[2-4]$/.test(a.element); })
      .map(function (a) { return { id: a.id, text: (a.text || a.id).trim() }; });
    var title = data.meta.title || key(data.url);
    var name = anchor ? clauseName(anchor, sections) || anchor : "";
    return { id: data.id, url: data.url, anchor: anchor, title: (through ? through : title) + (name ? " · " + name : "") + (through ? " (as proposed in " + title + ")" : ""),
      excerpt: clauseExcerpt(data, anchor) };
  }

  // The cited clause, or null: on the document itself (its page that best fits the revision
  // typed, revisionFit), else, for a resolution whose text the collection does not hold, in a
  // proposal that amends it. Pagefind matches a number as a prefix too (71 finds 7177), so where
  // no body was typed and no page fits, the bodies of the pages seen are tried again one by one
  // with the body filter.
  function lookUp(module, query, chosen) {
    var cite = parseCitation(query);
    if (!cite) return Promise.resolve(null);
    var cited = null, best = null, bodies = [];
    function inBody(body) {
      var filters = Object.assign({}, chosen, { kind: cite.kind });
      if (body) filters.body = bodyFilter(body);
      return firstOf(module, cite.term, filters, function (data) {
        var page = key(data.url);
        if (!cite.page.test(page)) return null;
        cited = cited || data;
        if (bodies.indexOf(page.split("/")[0]) < 0) bodies.push(page.split("/")[0]);
        var anchor = anchorIn(data, cite), fit = revisionFit(cite, data);
        if (anchor === null) return null;
        if (!best || fit > best.fit) best = { fit: fit, landing: landing(data, anchor) };
        return fit === 3 ? best.landing : null;
      });
    }
    function amended() {
      if (!cite.number || !cited) return null;
      var target = key(cited.url).split("/").slice(0, 2).join("/");
      var filters = Object.assign({}, chosen, { kind: "proposal" });
      if (cite.body) filters.body = bodyFilter(cite.body);
      return firstOf(module, cite.term, filters, function (data) {
        var anchor = data.meta.amends === target ? anchorIn(data, cite) : null;
        return anchor ? landing(data, anchor, cited.meta.title || target) : null;
      });
    }
    return inBody(cite.body).then(function (found) {
      if (found || (best && best.fit) || cite.body || chosen.body) return found;
      return bodies.reduce(function (done, body) {
        return done.then(function (found) { return found || inBody(body); });
      }, Promise.resolve(null));
    }).then(function (found) { return found || (best && best.landing) || amended(); });
  }

  // ---- Ranking: documents holding the typed words as a phrase first, then adopted texts
  // (resolutions, decisions) before the proposals that would change them, each group in
  // Pagefind's order. Worked out from the results' ids (two more searches over the same index
  // fragments), so that every page of results follows it. ----
  function ranked(module, query, filters) {
    var phrase = /^[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+)+$/u.test(query);
    var adopted = Object.assign({}, filters, { kind: { any: ["resolution", "decision"] } });
    return Promise.all([
      module.search(query, { filters: filters }),
      phrase ? module.search('"' + query + '"', { filters: filters }) : null,
      filters.kind ? null : module.search(query, { filters: adopted }),
    ]).then(function (found) {
      if (!found[0]) return null;
      var ids = function (search) {
        var set = {};
        if (search) search.results.forEach(function (r) { set[r.id] = true; });
        return search ? set : null;
      };
      var inPhrase = ids(found[1]), isAdopted = ids(found[2]);
      return found[0].results.map(function (r, k) {
        return { r: r, k: k, tier: (inPhrase && !inPhrase[r.id] ? 2 : 0) + (isAdopted && !isAdopted[r.id] ? 1 : 0) };
      }).sort(function (a, b) { return (a.tier - b.tier) || (a.k - b.k); }).map(function (x) { return x.r; });
    });
  }

  // ---- Results, 12 documents at a time, with a "Show more" button that loads the next ones. ----
  var PAGE = 12;
  var more = root.querySelector(".itu-search-more");
  var shown = null; // { query, results, count, citation, seen }

  function item(html) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = html;
    list.appendChild(li);
    return li;
  }

  function linkHtml(href, heading, text, level) {
    return '<a href="' + escapeHtml(href) + '" class="md-search-result__link">'
      + '<article class="md-search-result__article md-typeset"><h' + level + ">" + escapeHtml(heading)
      + "</h" + level + "><p>" + text + "</p></article></a>";
  }

  function renderCitation(c) {
    item(linkHtml(link(c.url, c.anchor), c.title, c.excerpt, 1)).classList.add("itu-search-citation");
  }

  function renderDocument(data, query) {
    var title = data.meta.title || data.url;
    var found = clauses(data, query).slice(0, 5);
    var first = found[0];
    var html = linkHtml(link(data.url, first ? first.id : ""), title + (first && first.name ? " · " + first.name : ""), first ? first.excerpt : data.excerpt, 1);
    found.slice(1).forEach(function (c) { html += linkHtml(link(data.url, c.id), title + (c.name ? " · " + c.name : ""), c.excerpt, 2); });
    return item(html);
  }

  // Appends the next page of documents: those that name the clause typed first within it.
  function showMore(ticket) {
    var next = shown.results.slice(shown.count, shown.count + PAGE);
    shown.count += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (ticket !== latest) return null;
      pages = pages.map(function (data, k) { return { data: data, k: k, named: clauses(data, shown.query).some(function (c) { return c.named; }) }; })
        .sort(function (a, b) { return (b.named - a.named) || (a.k - b.k); });
      var added = pages.map(function (p) { return renderDocument(p.data, shown.query); });
      var left = shown.results.length - shown.count;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(left, PAGE) + " more of " + left + " remaining";
      return added[0] || null;
    });
  }

  function render(results, citation, query, ticket) {
    list.innerHTML = "";
    var total = results.length;
    var count = total === 0 ? "No matching documents" : total === 1 ? "1 matching document" : total + " matching documents";
    meta.textContent = citation ? "The " + (citation.anchor ? "clause" : "document") + " cited, then " + (total ? count.replace("matching", "other matching") : "no other documents") : count;
    if (citation) renderCitation(citation);
    shown = { query: query, results: results, count: 0 };
    return showMore(ticket);
  }

  more.addEventListener("click", function () {
    showMore(latest).then(function (first) {
      var a = first && first.querySelector("a");
      if (a) a.focus();
    });
  });

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
    var query = input.value.trim().replace(/\u2011/g, "-"); // a no-break hyphen is searched as a hyphen
    var ticket = ++latest;
    if (!query) {
      root.removeAttribute("data-shown");
      opening = false;
      list.innerHTML = "";
      more.hidden = true;
      meta.textContent = "Type to search the resolutions and proposals";
      return;
    }
    load().then(function (module) {
      var filters = Object.assign({}, chosen);
      // A quoted phrase is searched as Pagefind's exact phrase.
      return Promise.all([ranked(module, query, filters), lookUp(module, query, filters), module.filters()]).then(function (found) {
        if (ticket !== latest || !found[0]) return;
        var citation = found[1];
        var results = found[0].filter(function (r) { return !citation || r.id !== citation.id; });
        renderFilters(found[2] || {});
        return render(results, citation, query, ticket).then(function () {
          if (ticket !== latest) return;
          root.setAttribute("data-shown", query); // the results of this query are all in
          if (opening) { opening = false; openFirst(); }
        });
      });
    });
  }

  var timer = null;
  var opener = null; // what had the focus before the search opened: it gets it back on Escape
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  root.querySelector("button[type=reset]").addEventListener("click", function () {
    input.value = "";
    run();
    input.focus();
  });
  root.addEventListener("focusin", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) opener = event.relatedTarget;
  });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); setTimeout(function () { input.focus(); }, 50); }
  });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  // What Tab moves through while the search is open: the box, the filters, the results, "Show more".
  function stops() {
    return Array.prototype.slice.call(root.querySelectorAll("input, select, a[href], button")).filter(function (e) {
      return e.tabIndex >= 0 && !e.disabled && !e.closest("[hidden]") && e.getClientRects().length > 0;
    });
  }

  var opening = false;
  function openFirst() {
    var first = links()[0];
    if (!first) return;
    close();
    location.href = first.href;
  }

  function close() {
    toggle.checked = false;
    var back = opener;
    opener = null;
    if (back && document.contains(back) && back.focus) back.focus(); else input.blur();
  }

  document.addEventListener("keydown", function (event) {
    var typing = /input|textarea|select/i.test((event.target && event.target.tagName) || "") || (event.target && event.target.isContentEditable);
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        opener = document.activeElement !== document.body ? document.activeElement : null;
        toggle.checked = true;
        load();
        input.focus();
      }
      return;
    }
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
    } else if (event.key === "Tab" && !input.value.trim()) {
      // an empty box is a stop on the way through the header: Tab goes on, and the search closes
      toggle.checked = false;
      opener = null;
    } else if (event.key === "Tab") {
      // with a query, a dialog keeps the keyboard: Tab and Shift+Tab go round its controls, never the page behind
      var ring = stops(), here = ring.indexOf(document.activeElement);
      if (!ring.length) return;
      event.preventDefault();
      var step = event.shiftKey ? -1 : 1;
      ring[here < 0 ? (step > 0 ? 0 : ring.length - 1) : (here + step + ring.length) % ring.length].focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length || event.target.tagName === "SELECT") return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
      if (next < 0) input.focus(); else all[next].focus();
    } else if (event.key === "Enter" && document.activeElement === input) {
      // Enter typed before the last key's results are in opens the first of those results
      event.preventDefault();
      if (root.getAttribute("data-shown") === input.value.trim().replace(/\u2011/g, "-")) openFirst(); else opening = true;
    }
  });
  list.addEventListener("click", function () { toggle.checked = false; });
})();
