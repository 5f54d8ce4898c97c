// "Changes shown" / "Text as proposed" on proposal pages: the choice is kept in localStorage
// (which works from file:// too) and applied as <html data-redline="…"> to every page that has
// the switch; pages without it (a resolution's "Changes proposed") always show the changes.
(function () {
  var KEY = "itu-redline";
  function saved() {
    try { return localStorage.getItem(KEY) === "clean" ? "clean" : "changes"; } catch (e) { return "changes"; }
  }
  function apply(view) {
    document.documentElement.setAttribute("data-redline", view);
    var buttons = document.querySelectorAll("[data-redline-view]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-redline-view") === view));
    }
    var status = document.querySelector(".redline-switch-status");
    var clean = document.querySelector('[data-redline-view="clean"]');  // "Text as proposed", or "…, as exported"
    if (status) status.textContent = view === "clean" ? "Showing the " + clean.textContent.toLowerCase() : "Showing the changes";
  }
  // The view to show: the saved one, but the changes when the page is opened at a deleted clause
  // (`#noting-deleted-b`, which the text as proposed leaves out), the saved choice kept.
  function wanted() {
    var target = location.hash && document.getElementById(location.hash.slice(1));  // anchors are ASCII
    return target && target.closest(".clause-deleted") ? "changes" : saved();
  }
  if (!document.querySelector("[data-redline-view]")) return;
  apply(wanted());
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-redline-view]");
    if (!button) return;
    var view = button.getAttribute("data-redline-view");
    try { localStorage.setItem(KEY, view); } catch (e) { /* private mode: the choice lasts this page */ }
    apply(view);
  });
})();
