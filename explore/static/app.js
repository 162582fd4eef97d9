// kg explorer: search as you type, and a report's highlights. The pages
// work without it (the search form submits; facts link to their spans).
(function () {
  "use strict";
  var q = document.getElementById("q");
  var box = document.getElementById("suggest");
  if (q && box) {
    var timer = null, seq = 0;
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = q.value.trim();
        var mine = ++seq;
        if (text === "") { box.hidden = true; box.innerHTML = ""; return; }
        fetch("/suggest?q=" + encodeURIComponent(text)).then(function (r) { return r.text(); }).then(function (html) {
          if (mine !== seq) { return; }
          box.innerHTML = html; // server-rendered, escaped by html/template
          box.hidden = false;
        }).catch(function () {});
      }, 150);
    });
    document.addEventListener("click", function (e) {
      if (!box.contains(e.target) && e.target !== q) { box.hidden = true; }
    });
    q.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { box.hidden = true; }
    });
  }
  // report: hovering a span lights its facts; hovering a fact its spans
  var text = document.getElementById("text");
  if (text) {
    var spans = text.querySelectorAll(".span");
    var light = function (ids, on) {
      ids.forEach(function (id) {
        var li = document.getElementById(id);
        if (li) { li.classList.toggle("hot", on); }
        spans.forEach(function (s) {
          if ((" " + s.dataset.facts + " ").indexOf(" " + id + " ") >= 0) { s.classList.toggle("hot", on); }
        });
      });
    };
    spans.forEach(function (s) {
      var ids = (s.dataset.facts || "").split(" ").filter(Boolean);
      s.addEventListener("mouseenter", function () { light(ids, true); });
      s.addEventListener("mouseleave", function () { light(ids, false); });
    });
    document.querySelectorAll(".facts a[data-fact]").forEach(function (a) {
      a.addEventListener("mouseenter", function () { light([a.dataset.fact], true); });
      a.addEventListener("mouseleave", function () { light([a.dataset.fact], false); });
    });
  }
})();
