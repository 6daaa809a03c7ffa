// sakip-lint report: filters by severity and rule, and search. The page reads completely
// without this script; it only hides findings that do not match and opens every rule
// explanation for printing.
(function () {
  "use strict";
  function words(text) { return text.toLocaleLowerCase().split(/\s+/).filter(Boolean); }
  document.querySelectorAll("form.filters").forEach(function (form) {
    var root = document.getElementById(form.getAttribute("data-file"));
    if (!root) { return; }
    var findings = Array.prototype.slice.call(root.querySelectorAll("article.finding"));
    var output = form.querySelector("output");
    var template = output.getAttribute("data-template") || "";
    function apply() {
      var severities = {};
      form.querySelectorAll("input[name=severity]").forEach(function (box) {
        severities[box.value] = box.checked;
      });
      var rule = form.querySelector("select[name=rule]").value;
      var query = words(form.querySelector("input[name=q]").value);
      var shown = 0;
      findings.forEach(function (article) {
        var text = article.textContent.toLocaleLowerCase();
        var visible = severities[article.getAttribute("data-severity")] &&
          (!rule || article.getAttribute("data-code") === rule) &&
          query.every(function (word) { return text.indexOf(word) !== -1; });
        article.hidden = !visible;
        if (visible) { shown += 1; }
      });
      root.querySelectorAll("section.place, section.chapter").forEach(function (group) {
        group.hidden = group.querySelector("article.finding:not([hidden])") === null;
      });
      output.textContent = template.replace("{shown}", String(shown))
        .replace("{total}", String(findings.length));
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
}());
