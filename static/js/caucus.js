// Small progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Move keyboard focus to a form's error summary, so screen-reader and keyboard users land on it.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();

    // Clause library: count the clauses ticked for comparison and keep the choice within 2 to 4.
    var form = document.getElementById("compare-form");
    if (!form) return;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input.compare-box"));
    var button = form.querySelector("button");
    var status = document.createElement("span");
    status.className = "compare-status";
    status.setAttribute("aria-live", "polite");
    form.querySelector("p").appendChild(status);
    function update() {
      var ticked = boxes.filter(function (box) { return box.checked; }).length;
      status.textContent = " " + ticked + " selected" + (ticked > 4 ? " (at most 4)" : "");
      button.disabled = ticked < 2 || ticked > 4;
      button.setAttribute("aria-disabled", button.disabled ? "true" : "false");
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  });
})();
