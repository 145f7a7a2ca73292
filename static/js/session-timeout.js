/*
 * Idle-session warning (see competentie/security/sessions.py).
 *
 * Idle means: the person did nothing — no key, no click, no touch, no typing — in any tab of this
 * site (the tabs share the clock through localStorage). Background requests such as an autosave
 * retry do not count. While the person is active, the server is told every few minutes (the same
 * keep-alive as the button), so its own idle limit never ends a session that is in use.
 *
 * A little before the limit the dialog #sessie-waarschuwing asks "are you still there?" and lets
 * the person stay. When the time is up the page logs out through the dialog's form, so a shared
 * tablet never stays logged in; after logging in again the person returns to the same page.
 * Half-typed text is kept in the browser by the autosave module; "competentie:session-expired" is
 * dispatched on document just before logging out. Other scripts may dispatch
 * "competentie:activity" on document for activity this script cannot see.
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
  var keepaliveUrl = form.action;
  var countdown = dialog.querySelector("[data-session-countdown]");
  var KEY = "competentie.session.lastActivity";
  var PING_EVERY_MS = Math.min(5 * 60 * 1000, idleMs / 3);
  var WRITE_EVERY_MS = 5000;
  var lastLocal = Date.now();
  var lastWrite = 0;
  var lastPing = Date.now(); // the page load itself reached the server
  var ending = false;

  function readShared() {
    try {
      return Number(window.localStorage.getItem(KEY)) || 0;
    } catch (error) {
      return 0;
    }
  }

  function lastActivity() {
    return Math.max(lastLocal, readShared());
  }

  function touch() {
    lastLocal = Date.now();
    if (lastLocal - lastWrite >= WRITE_EVERY_MS) {
      lastWrite = lastLocal;
      try {
        window.localStorage.setItem(KEY, String(lastLocal));
      } catch (error) {
        /* private mode: this tab counts on its own */
      }
    }
    if (dialog.open) {
      dialog.close();
    }
  }

  function format(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function keepalive() {
    lastPing = Date.now();
    return fetch(keepaliveUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
  }

  function expire() {
    ending = true;
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
    touch();
    keepalive()
      .then(function (response) {
        if (response.status !== 204) {
          window.location.assign(response.url); // the server had already ended the session
        }
      })
      .catch(function () {
        /* offline: the next tick tries again */
      });
  }

  function tick() {
    if (ending) {
      return;
    }
    var last = lastActivity();
    var left = last + idleMs - Date.now();
    if (left <= 0) {
      expire();
      return;
    }
    if (left <= warnMs) {
      countdown.textContent = format(left);
      if (!dialog.open) {
        dialog.showModal();
      }
    } else if (last - lastPing >= PING_EVERY_MS) {
      keepalive().catch(function () {
        /* offline: tried again on the next activity */
      });
    }
    window.setTimeout(tick, 1000);
  }

  form.addEventListener("submit", function (event) {
    if (!ending) {
      event.preventDefault();
      stay();
    }
  });
  // Escape means "I am here".
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    stay();
  });
  ["keydown", "pointerdown", "input", "wheel", "touchstart"].forEach(function (type) {
    document.addEventListener(type, touch, { capture: true, passive: true });
  });
  document.addEventListener("competentie:activity", touch);

  touch();
  window.setTimeout(tick, 1000);
})();
