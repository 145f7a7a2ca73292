/*
 * Idle-session warning (see competentie/security/sessions.py).
 *
 * The server ends a session after SESSION_IDLE_MINUTES without a request. This script counts the
 * same time in the browser (shared by all tabs through localStorage), opens the dialog
 * #sessie-waarschuwing a little before the end and lets the user stay logged in. When the time is
 * up it logs out through the dialog's form, so a shared tablet never stays logged in. Half-typed
 * text is kept in the browser by the autosave module; "competentie:session-expired" is
 * dispatched on document just before logging out so it can store what it still holds.
 *
 * All visible text comes from the template; this file holds none.
 */
(function () {
  "use strict";

  var dialog = document.getElementById("sessie-waarschuwing");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  var warnMs = Number(dialog.dataset.warnSeconds) * 1000;
  var expireUrl = dialog.dataset.expireUrl;
  var form = dialog.querySelector("form");
  var countdown = dialog.querySelector("[data-session-countdown]");
  var KEY = "competentie.session.lastActivity";
  var lastLocal = Date.now();

  function readShared() {
    try {
      return Number(window.localStorage.getItem(KEY)) || 0;
    } catch (error) {
      return 0;
    }
  }

  function touch() {
    lastLocal = Date.now();
    try {
      window.localStorage.setItem(KEY, String(lastLocal));
    } catch (error) {
      /* private mode: this tab counts on its own */
    }
    if (dialog.open) {
      dialog.close();
    }
  }

  function remaining() {
    return Math.max(lastLocal, readShared()) + idleMs - Date.now();
  }

  function format(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function expire() {
    document.dispatchEvent(new CustomEvent("competentie:session-expired"));
    var next = document.createElement("input");
    next.type = "hidden";
    next.name = "next";
    next.value = window.location.pathname + window.location.search;
    form.appendChild(next);
    form.action = expireUrl;
    form.submit();
  }

  function stay() {
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 204) {
          touch();
        } else {
          window.location.assign(response.url);
        }
      })
      .catch(function () {
        /* offline: keep the dialog; the next tick tries again or logs out */
      });
  }

  function tick() {
    var left = remaining();
    if (left <= 0) {
      expire();
      return;
    }
    if (left <= warnMs) {
      countdown.textContent = format(left);
      if (!dialog.open) {
        dialog.showModal();
      }
    } else if (dialog.open) {
      dialog.close();
    }
    window.setTimeout(tick, 1000);
  }

  form.addEventListener("submit", function (event) {
    if (form.action.indexOf(expireUrl) === -1) {
      event.preventDefault();
      stay();
    }
  });
  // Escape means "I am here".
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    stay();
  });
  // Every request to the server counts as activity: htmx requests, and others that announce themselves.
  document.addEventListener("htmx:afterRequest", touch);
  document.addEventListener("competentie:activity", touch);

  touch();
  window.setTimeout(tick, 1000);
})();
