// Old anchors of the references page (`references/#cs-no-126`) from before its entries moved to
// pages by kind and range of numbers: the page's links to those pages say which keys they hold
// (data-moved: the keys' prefixes; data-first, data-last: the range of their numbers; read as
// builder/link/references.py `series` splits a key), so an old address leads on to its entry.
// An entry whose text now has a page of its own (a WRC or Council text: issue 26) keeps its
// anchor with a link to that page, marked data-moved-to with the anchor: an address naming it
// (`references/council-resolution/#council-res-1292`) goes on to the page.
// Links keep MkDocs' own addresses, so this works served and from file:// alike.
(function () {
  var links = document.querySelectorAll("a[data-moved]");
  var moved = document.querySelectorAll("a[data-moved-to]");
  if (!links.length && !moved.length) return;

  function follow() {
    var key = decodeURIComponent(location.hash.slice(1));
    for (var j = 0; j < moved.length; j++) {
      if (moved[j].getAttribute("data-moved-to") !== key) continue;
      location.replace(moved[j].href);
      return;
    }
    var m = /^(.*?)-(\d+)/.exec(key);
    var prefix = m ? m[1] : key, number = m ? +m[2] : 0;
    for (var i = 0; i < links.length; i++) {
      var a = links[i], first = a.getAttribute("data-first"), last = a.getAttribute("data-last");
      if (a.getAttribute("data-moved").split(" ").indexOf(prefix) < 0) continue;
      if (first !== null && (number < +first || number > +last)) continue;
      location.replace(a.href.split("#")[0] + "#" + key);
      return;
    }
  }

  if (location.hash) follow();
  window.addEventListener("hashchange", follow);
})();
