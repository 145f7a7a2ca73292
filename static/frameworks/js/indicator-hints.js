/* Writing hints for behavioural indicators: while an author types, ask the server for advice.
 *
 * Every <div data-indicator-hints-for="FIELD_ID" data-url="…"> shows the hints for the field
 * with that id. Listening on the document covers fields that htmx swaps in later. The hints
 * region is aria-live="polite", so screen readers announce new advice without interrupting.
 */
(function () {
  "use strict";
  if (window.competentieIndicatorHints) {
    return; // the include may appear more than once on a page
  }
  window.competentieIndicatorHints = true;

  var DELAY_MS = 400;
  var timers = {};
  var controllers = {};

  function regionFor(field) {
    if (!field || !field.id) {
      return null;
    }
    // Prefer the region in the field's own form: inline forms on one page may reuse an id.
    var selector = '[data-indicator-hints-for="' + CSS.escape(field.id) + '"]';
    var form = field.closest("form");
    return (form && form.querySelector(selector)) || document.querySelector(selector);
  }

  function refresh(field, region) {
    if (controllers[field.id]) {
      controllers[field.id].abort();
    }
    var controller = new AbortController();
    controllers[field.id] = controller;
    var url = region.getAttribute("data-url") + "?text=" + encodeURIComponent(field.value);
    fetch(url, {
      headers: { "HX-Request": "true", "X-Requested-With": "fetch" },
      credentials: "same-origin",
      signal: controller.signal
    })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (html) {
        region.innerHTML = html;
        if (html.trim()) {
          field.setAttribute("aria-describedby", mergeIds(field.getAttribute("aria-describedby"), region.id));
        }
      })
      .catch(function () {
        /* aborted or offline: hints are advice only, so stay quiet */
      });
  }

  function mergeIds(existing, id) {
    var ids = (existing || "").split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) === -1) {
      ids.push(id);
    }
    return ids.join(" ");
  }

  function schedule(field) {
    var region = regionFor(field);
    if (!region) {
      return;
    }
    clearTimeout(timers[field.id]);
    timers[field.id] = setTimeout(function () {
      refresh(field, region);
    }, DELAY_MS);
  }

  document.addEventListener("input", function (event) {
    schedule(event.target);
  });

  function checkExisting(root) {
    (root || document).querySelectorAll("[data-indicator-hints-for]").forEach(function (region) {
      var id = region.getAttribute("data-indicator-hints-for");
      var form = region.closest("form");
      var field = (form && form.querySelector("#" + CSS.escape(id))) || document.getElementById(id);
      if (field && field.value && field.value.trim()) {
        refresh(field, region);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      checkExisting();
    });
  } else {
    checkExisting();
  }
  // A form swapped in by htmx (inline editing) gets its hints too.
  document.addEventListener("htmx:afterSettle", function (event) {
    checkExisting(event.target);
  });
})();
