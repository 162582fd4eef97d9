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
    // a click elsewhere closes the list (not the click that Enter makes
    // on the search button: that one submits, see below)
    document.addEventListener("click", function (e) {
      if (e.detail === 0) { return; }
      if (!box.contains(e.target) && e.target !== q) { box.hidden = true; }
    });
    // arrows move through the suggestions, Enter opens the chosen one
    q.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { box.hidden = true; return; }
      var links = box.hidden ? [] : Array.prototype.slice.call(box.querySelectorAll("a"));
      if (links.length === 0) { return; }
      var at = links.findIndex(function (a) { return a.classList.contains("chosen"); });
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (at >= 0) { links[at].classList.remove("chosen"); }
        at = e.key === "ArrowDown" ? (at + 1) % links.length : (at <= 0 ? links.length - 1 : at - 1);
        links[at].classList.add("chosen");
        links[at].scrollIntoView({ block: "nearest" });
      }
    });
    // Enter on a chosen suggestion opens it instead of the search page
    q.form.addEventListener("submit", function (e) {
      var chosen = box.hidden ? null : box.querySelector("a.chosen");
      if (chosen) {
        e.preventDefault();
        window.location.href = chosen.href;
      }
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
