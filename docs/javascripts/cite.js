// "Copy citation" beside every clause's permalink: the citation as ITU writes it ("Resolution 68
// (Rev. New Delhi, 2024) of the World Telecommunication Standardization Assembly, resolves 3") and
// the clause's permanent link, as plain text, a Markdown link or an HTML link. The page says how to
// cite it (the "Cite as" line: templates/_macros.md.j2, cite_as); the clause's name is read from
// the page as printed: its section's heading and the labels down to it, deleted words left out.
// Every page also gets the heading of its printout (printHeader).
(function () {
  var info = document.querySelector(".cite-as");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var localRoot = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var FORMATS = [["text", "Plain text"], ["markdown", "Markdown link"], ["html", "HTML link"]];
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1Z"/></svg>';

  // The public address where the site has one (site_url gives pages a canonical link), in its
  // directory form; otherwise this copy's own address (a preview, or the bundle on a disk). The
  // page's is its "Cite as" permanent link (a resolution's revision page), else the page itself.
  function permanent(anchor) {
    var here = location.href.split("#")[0].split("?")[0];
    var page = info ? info.querySelector("a.cite-page").href.split("#")[0] : here;
    var canonical = document.querySelector('link[rel="canonical"]');
    var path = page.slice(localRoot.length);
    var hash = anchor ? "#" + anchor : "";
    if (canonical && here.indexOf(localRoot) === 0) {
      var own = here.slice(localRoot.length);
      var publicRoot = canonical.href.slice(0, canonical.href.length - own.length);
      if (canonical.href.slice(publicRoot.length) === own) {
        path = path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
        return publicRoot + path + hash;
      }
    }
    return page + hash;
  }

  function proposed(element) {
    if (!element) return "";
    var copy = element.cloneNode(true);
    copy.querySelectorAll("del:not(.inferred), .headerlink, .clause-permalink, .cite-copy, .change-inferred").forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // Once at the top of a printout: what the text is (its citation, else the page's heading), its
  // permanent address, the view printed where the page has the redline switch (CSS shows the one
  // of its two names that <html data-redline> says) and the day it is printed.
  function printHeader() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var header = document.createElement("div");
    header.className = "print-header";
    var what = document.createElement("p");
    what.className = "print-title";
    what.textContent = info ? info.querySelector(".cite-title").textContent.trim() : proposed(article.querySelector("h1"));
    var address = document.createElement("p");
    address.className = "print-address";
    address.textContent = permanent("");
    var when = document.createElement("p");
    when.className = "print-meta";
    var clean = document.querySelector('[data-redline-view="clean"]');  // "Text as proposed", or "…, as exported"
    if (clean) {
      var changes = document.createElement("span");
      changes.className = "print-view print-view-changes";
      changes.textContent = "View: changes shown";
      var proposedView = document.createElement("span");
      proposedView.className = "print-view print-view-clean";
      proposedView.textContent = "View: " + clean.textContent.trim().toLowerCase();
      when.append(changes, proposedView, " · ");
    }
    var date = document.createElement("time");
    when.append("Printed ", date);
    header.append(what, address, when);
    article.prepend(header);
    function today() {
      var d = new Date(), two = function (n) { return String(n).padStart(2, "0"); };
      date.textContent = d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
    }
    today();
    window.addEventListener("beforeprint", today);
  }
  printHeader();
  if (!info) return;
  var title = info.querySelector(".cite-title").textContent.trim();

  // `resolves 5 ii)`, `considering f)`, `resolves 2.1` (not `2 2.1`).
  function clauseName(clause) {
    var labels = [];
    var top = clause;
    for (var c = clause; c; c = c.parentElement.closest(".clause")) {
      var label = proposed(c.querySelector(":scope > p > .clause-label"));
      if (label && !(labels.length && labels[0].indexOf(label.replace(/\)$/, "") + ".") === 0)) labels.unshift(label);
      top = c;
    }
    var heading = top.previousElementSibling;
    while (heading && !/^H[2-4]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return [proposed(heading)].concat(labels).filter(Boolean).join(" ");
  }

  function formats(clause) {
    var text = title + ", " + clauseName(clause);
    var url = permanent(clause.id);
    // Source text in link text stays text: every character Markdown gives a meaning to there
    // (brackets, emphasis, code, raw HTML, entities, strikethrough) backslash-escaped, which
    // CommonMark allows before any ASCII punctuation.
    var markdown = function (s) { return s.replace(/[\\`*_\[\]<>&~|]/g, "\\$&"); };
    var html = function (s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); };
    return {
      text: text + " <" + url + ">",
      markdown: "[" + markdown(text) + "](" + url.replace(/[()]/g, encodeURIComponent) + ")",
      html: '<a href="' + html(url) + '">' + html(text) + "</a>",
    };
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {  // where the clipboard API is not offered
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      area.remove();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  var status = document.createElement("span");
  status.className = "cite-status md-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  var menu = document.createElement("span");
  menu.className = "cite-copy-menu";
  menu.setAttribute("role", "group");
  menu.setAttribute("aria-label", "Copy the citation as");
  menu.hidden = true;
  menu.innerHTML = FORMATS.map(function (f) { return '<button type="button" data-format="' + f[0] + '">' + f[1] + "</button>"; }).join("");
  var opener = null;

  function close(focusBack) {
    if (!opener) return;
    menu.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    if (focusBack) opener.focus();
    opener = null;
  }

  function open(button) {
    close(false);
    opener = button;
    button.parentElement.appendChild(menu);
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    menu.querySelector("button").focus();
  }

  menu.addEventListener("click", function (event) {
    var choice = event.target.closest("button");
    if (!choice || !opener) return;
    var button = opener;
    var value = formats(button.closest(".clause"))[choice.getAttribute("data-format")];
    copy(value).then(function () {
      status.textContent = "";
      setTimeout(function () { status.textContent = "Citation copied: " + value; }, 50);
      button.classList.add("cite-copied");
      setTimeout(function () { button.classList.remove("cite-copied"); }, 1500);
    }, function () {
      status.textContent = "The citation could not be copied";
    });
    close(true);
  });
  menu.addEventListener("keydown", function (event) {
    var items = Array.prototype.slice.call(menu.querySelectorAll("button"));
    var at = items.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close(true); }
    else if (event.key === "ArrowRight" || event.key === "ArrowDown") { event.preventDefault(); items[(at + 1) % items.length].focus(); }
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { event.preventDefault(); items[(at + items.length - 1) % items.length].focus(); }
  });
  document.addEventListener("click", function (event) {
    if (opener && !event.target.closest(".cite-copy")) close(false);
  });

  document.querySelectorAll(".clause[id] > p > .clause-permalink").forEach(function (link) {
    var holder = document.createElement("span");
    holder.className = "cite-copy";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy-button";
    button.title = "Copy citation";
    button.setAttribute("aria-label", "Copy the citation of " + clauseName(link.closest(".clause")));
    button.setAttribute("aria-haspopup", "true");
    button.setAttribute("aria-expanded", "false");
    button.innerHTML = ICON;
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      if (opener === button) close(true); else open(button);
    });
    holder.appendChild(button);
    link.after(holder);
  });
})();
