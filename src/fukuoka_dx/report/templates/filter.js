/* Filtering by pillar, bureau and status, in the page itself (no server). Without this
   script the form stays hidden and the whole report is shown. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !document.querySelectorAll) { return; }
  var behind = ["needs_acceleration", "limited_progress", "deterioration"];
  var total = form.getAttribute("data-total");
  var said = form.getAttribute("data-count");
  function matches(el, pillar, bureau, status) {
    if (pillar && el.getAttribute("data-pillar") !== pillar) { return false; }
    if (bureau && el.getAttribute("data-bureau") !== bureau) { return false; }
    if (status) {
      var code = el.getAttribute("data-status");
      if (status === "behind" ? behind.indexOf(code) < 0 : code !== status) { return false; }
    }
    return true;
  }
  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }
  function apply() {
    var pillar = form.elements.pillar.value;
    var bureau = form.elements.bureau.value;
    var status = form.elements.status.value;
    var shown = 0;
    each("[data-status]", function (el) {
      var keep = matches(el, pillar, bureau, status);
      el.hidden = !keep;
      if (keep && (el.classList.contains("indicator") || el.classList.contains("nodata"))) {
        shown += 1;
      }
    });
    each("section.initiative", function (sec) {
      var own = matches(sec, pillar, bureau, "");
      var any = sec.querySelector("[data-status]:not([hidden])");
      var none = !sec.querySelector("[data-status]");
      sec.hidden = !(own && (any || (none && !status)));
      each("#" + sec.id + " table.nodata", function (t) {
        t.hidden = !t.querySelector("tr[data-status]:not([hidden])");
      });
    });
    each("section.item, section.pillar", function (sec) {
      sec.hidden = !sec.querySelector("section.initiative:not([hidden])");
    });
    form.elements.count.value = said.replace("{n}", shown).replace("{total}", total);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
})();
