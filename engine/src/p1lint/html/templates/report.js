(function () {
  "use strict";
  var toggles = document.querySelectorAll("input[data-severity-toggle]");
  var search = document.getElementById("application-search");
  var counter = document.getElementById("filter-count");
  if (!search || !counter) { return; }

  function shownSeverities() {
    var shown = {};
    toggles.forEach(function (toggle) { shown[toggle.value] = toggle.checked; });
    return shown;
  }

  function apply() {
    var shown = shownSeverities();
    var query = search.value.trim().toLowerCase();
    var visible = 0;
    document.querySelectorAll("[data-filterable]").forEach(function (item) {
      var severity = item.getAttribute("data-severity");
      var application = item.getAttribute("data-application") || "";
      var match = (!severity || shown[severity] !== false) && (!query || application.indexOf(query) !== -1);
      item.hidden = !match;
      if (match && item.classList.contains("finding")) { visible += 1; }
    });
    var total = counter.getAttribute("data-total");
    var what = counter.getAttribute("data-what");
    counter.textContent = (String(visible) === total ? total : visible + " of " + total) + " " + what;
  }

  toggles.forEach(function (toggle) { toggle.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  apply();
})();
