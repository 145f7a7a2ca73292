// Authoring pages: keep keyboard focus sensible when htmx swaps a part of the page.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var old = event.detail.target;
    var fresh = old && old.id ? document.getElementById(old.id) : null;
    if (!fresh) { return; }
    // An inline edit form opened in place of an indicator: put the cursor in its text field.
    if (fresh.tagName === "LI") {
      var field = fresh.querySelector("form textarea");
      if (field) { field.focus(); return; }
      var edit = fresh.querySelector("a, button");
      if (edit) { edit.focus(); }
    }
  });
})();
