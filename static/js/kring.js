// Kring works without JavaScript; this file only makes common actions smoother.
(function () {
  "use strict";

  // Ask before destructive actions (forms marked with data-confirm).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // A second click must not send the same form twice.
    if (form.dataset && form.dataset.submitted === "yes") {
      event.preventDefault();
      return;
    }
    if (form.dataset) {
      form.dataset.submitted = "yes";
      window.setTimeout(function () { form.dataset.submitted = ""; }, 4000);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Bring keyboard and screen-reader users straight to the list of form errors.
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }

    // A copy button next to read-only fields with a code or link.
    document.querySelectorAll("input.copy-field").forEach(function (input) {
      if (!navigator.clipboard) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small";
      button.textContent = document.documentElement.lang === "en" ? "Copy" : "Kopiëren";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(input.value).then(function () {
          button.textContent = document.documentElement.lang === "en" ? "Copied" : "Gekopieerd";
        });
      });
      input.insertAdjacentElement("afterend", button);
    });
  });
})();
