// Small progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Move keyboard focus to a form's error summary, so screen-reader and keyboard users land on it.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
    pickClausesToCompare();
    matrixScrollCue();
  });

  // Coverage matrix: show the "scroll sideways" cue and the shaded right edge exactly when the table
  // overflows, and drop the shade once the reader has scrolled to the last topic.
  function matrixScrollCue() {
    var wrap = document.querySelector(".matrix-wrap");
    if (!wrap) return;
    var marked = [wrap.parentNode, document.getElementById("matrix-cue")];
    function mark(name, on) {
      marked.forEach(function (element) {
        if (!element) return;
        if (on) element.setAttribute(name, "");
        else element.removeAttribute(name);
      });
    }
    function update() {
      var fits = wrap.scrollWidth <= wrap.clientWidth + 1;
      mark("data-fits", fits);
      mark("data-overflows", !fits);
      mark("data-at-end", wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
    }
    wrap.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  }

  // Clause library: the clauses picked for comparison live in the address (?compare=3&compare=8). Without
  // this script, "Keep ticked clauses" puts the ticks there; with it, every tick does, and the links to
  // other pages, the filters and "Clear" carry the selection, so it survives paging and filtering.
  function pickClausesToCompare() {
    var form = document.getElementById("compare-form");
    if (!form) return;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input.compare-box"));
    var button = form.querySelector("button[type=submit]:not([data-keep-selection])");
    var status = document.createElement("span");
    status.className = "compare-status";
    status.setAttribute("aria-live", "polite");
    button.parentNode.appendChild(status);

    function picked() {
      var elsewhere = Array.prototype.map.call(form.querySelectorAll("input[data-picked-elsewhere]"), function (input) {
        return input.value;
      });
      return elsewhere.concat(boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; }));
    }
    function withSelection(href, ids, without) {
      var url = new URL(href, window.location.href);
      url.searchParams.delete("compare");
      ids.forEach(function (id) { if (id !== without) url.searchParams.append("compare", id); });
      return url.pathname + url.search + url.hash;
    }
    function update() {
      var ids = picked();
      status.textContent = " " + ids.length + " picked" + (ids.length > 4 ? " (at most 4)" : "");
      button.disabled = ids.length < 2 || ids.length > 4;
      button.setAttribute("aria-disabled", button.disabled ? "true" : "false");
      history.replaceState(null, "", withSelection(window.location.href, ids));
      document.querySelectorAll(".pagination a, a.clear-filters").forEach(function (link) {
        link.setAttribute("href", withSelection(link.getAttribute("href"), ids));
      });
      document.querySelectorAll("a[data-remove]").forEach(function (link) {
        link.setAttribute("href", withSelection(window.location.href, ids, link.getAttribute("data-remove")));
      });
      document.querySelectorAll("form.filters").forEach(function (filters) {
        filters.querySelectorAll("input[name=compare]").forEach(function (input) { input.remove(); });
        ids.forEach(function (id) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = "compare";
          input.value = id;
          filters.appendChild(input);
        });
      });
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }
})();

// Filters over records (plumbing.lookups): typing asks the lookup for the first matching records the reader
// may see and offers them in the input's datalist. Without this script the input takes an id or a name.
(function () {
  document.querySelectorAll("input[data-lookup]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === asked) return;
        asked = q;
        fetch(input.getAttribute("data-lookup") + "?q=" + encodeURIComponent(q), {
          credentials: "same-origin",
          headers: { Accept: "application/json" }
        })
          .then(function (answer) { return answer.ok ? answer.json() : { results: [] }; })
          .then(function (data) {
            if (!list || asked !== q) return;
            list.replaceChildren();
            data.results.forEach(function (result) {
              var option = document.createElement("option");
              option.value = result.value;
              option.textContent = result.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
