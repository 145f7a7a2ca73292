// The one autosave of the product: nothing a person types is lost.
//
// Two kinds of form use it:
//   <form data-autosave-url="...">  every field is saved on its own as soon as it changes (text shortly
//                                   after typing stops): POST field=<name>, value=<value...>, revision=<n>;
//   <form data-autosave-submit>     the form is saved as one record when its button is pressed, without
//                                   leaving the page (POST of the whole form to its action).
// The server answers JSON: 200 {saved, time, revision, message}; 409 {stale, error, current, revision,
// fields}: someone else saved a newer version (competentie/revisions.py); 4xx {error}: refused;
// 503 with Retry-After: the database is briefly unreachable (competentie/outage.py), tried again then.
//
// Until the server has confirmed a save, the text is kept in this browser (localStorage, per user,
// page and field) and restored after a reload, crash or closed tab. Network errors, 5xx and 429
// are retried with back-off, and at once when the browser comes back online. Leaving the page
// with unsent text asks for confirmation. Every text shown comes from data-text-* attributes of the
// page's status element (templates/includes/autosave_status.html), translated by the template.
(function () {
  "use strict";

  var statusEl = document.querySelector("[data-autosave-status]");
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-autosave-url], form[data-autosave-submit]"));
  if (!forms.length) { return; }

  var DEBOUNCE = 800;
  var MAX_BACKOFF = 30000;
  var STORE_PREFIX = "autosave:v1:";
  var pageKey = STORE_PREFIX + (statusEl ? statusEl.getAttribute("data-autosave-key") : location.pathname) + ":";

  var units = {};        // key -> unit: {key, form, name (field mode) or null (submit mode), state, revision, ...}
  var queue = [];        // keys waiting to be sent, in order
  var inflight = null;   // key being sent
  var attempts = 0;      // consecutive failed attempts (back-off)
  var retryTimer = null;
  var lastSaved = null;  // "14:02" of the last confirmed save
  var lastError = "";    // what the last refusal said
  var savedMessage = ""; // what the server said about the last save, if anything
  var failing = false;   // the last attempt failed on the network or the server: retrying
  var unavailable = false; // the last answer was 503: the database is briefly away
  var restoredCount = 0;
  var loggedOut = false;

  // --- texts ----------------------------------------------------------------------------------

  function text(name, values) {
    var value = (statusEl && statusEl.getAttribute("data-text-" + name)) || "";
    Object.keys(values || {}).forEach(function (key) { value = value.split("{" + key + "}").join(values[key]); });
    return value;
  }

  // --- storage (tolerates browsers where localStorage is unavailable) ---------------------------

  function storeGet(key) {
    try { return JSON.parse(window.localStorage.getItem(pageKey + key) || "null"); } catch (e) { return null; }
  }
  function storeSet(key, value) {
    try { window.localStorage.setItem(pageKey + key, JSON.stringify(value)); } catch (e) { /* full or blocked */ }
  }
  function storeDel(key) {
    try { window.localStorage.removeItem(pageKey + key); } catch (e) { /* blocked */ }
  }

  // --- reading and writing field values ---------------------------------------------------------

  function controls(form, name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }

  function valueOf(form, name) {
    var els = controls(form, name);
    if (!els.length) { return ""; }
    if (els[0].type === "checkbox") {
      return els.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
    }
    if (els[0].type === "radio") {
      var checked = els.filter(function (el) { return el.checked; })[0];
      return checked ? checked.value : "";
    }
    return els[0].value;
  }

  function setValue(form, name, value) {
    controls(form, name).forEach(function (el) {
      if (el.type === "checkbox") { el.checked = (value || []).indexOf(el.value) !== -1; }
      else if (el.type === "radio") { el.checked = el.value === value; }
      else { el.value = value; }
    });
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function savable(el) {
    return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "hidden" && el.type !== "submit" &&
      el.type !== "button" && !el.hasAttribute("data-autosave-skip");
  }

  function fieldNames(form) {
    var names = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (savable(el) && names.indexOf(el.name) === -1) { names.push(el.name); }
    });
    return names;
  }

  // The element that holds the revision a field or form was made from.
  function revisionHolder(form, name) {
    if (name === null) { return form; }
    var first = controls(form, name)[0];
    return (first && first.closest("[data-autosave-revision]")) || null;
  }

  function csrfToken(form) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // --- units of saving ---------------------------------------------------------------------------

  function unitKey(form, name) {
    return name === null ? "form:" + (form.id || form.getAttribute("action")) : name;
  }

  function unit(form, name) {
    var key = unitKey(form, name);
    if (!units[key]) {
      var holder = revisionHolder(form, name);
      units[key] = {
        key: key, form: form, name: name, state: "saved", timer: null, conflict: null,
        revision: holder && holder.getAttribute("data-autosave-revision") !== null
          ? holder.getAttribute("data-autosave-revision") : null
      };
    }
    return units[key];
  }

  function snapshot(u) {
    if (u.name !== null) { return valueOf(u.form, u.name); }
    var values = {};
    fieldNames(u.form).forEach(function (name) { values[name] = valueOf(u.form, name); });
    return values;
  }

  function remember(u) {
    storeSet(u.key, { v: snapshot(u), r: u.revision });
  }

  function setRevision(u, revision) {
    if (revision === undefined || revision === null) { return; }
    u.revision = String(revision);
    var holder = revisionHolder(u.form, u.name);
    if (holder) { holder.setAttribute("data-autosave-revision", u.revision); }
    var hidden = u.form.querySelector("input[type=hidden][name='" + (u.name === null ? "revision" : "revision-" + u.name) + "']");
    if (hidden) { hidden.value = u.revision; }
  }

  // --- status -----------------------------------------------------------------------------------

  function render() {
    if (inflight === null && !queue.length && !unsent()) {
      // Everything is confirmed: a form waiting to be submitted (e.g. "next profile") may go now.
      forms.forEach(function (form) { form.dispatchEvent(new CustomEvent("autosave:idle")); });
    }
    if (!statusEl) { return; }
    var states = Object.keys(units).map(function (key) { return units[key].state; });
    var has = function (state) { return states.indexOf(state) !== -1; };
    var message, kind;
    var waiting = unsent();
    if (has("conflict")) { message = text("conflict"); kind = "warning"; }
    else if (has("refused")) { message = text("refused", { error: lastError }); kind = "danger"; }
    else if (failing && waiting && loggedOut) { message = text("logged-out"); kind = "danger"; }
    else if (failing && waiting && !navigator.onLine) { message = text("offline"); kind = "warning"; }
    else if (failing && waiting && unavailable) { message = text("unavailable"); kind = "warning"; }
    else if (failing && waiting) { message = text("retrying"); kind = "warning"; }
    else if (has("saving") || has("queued")) { message = text("saving"); kind = "info"; }
    else if (has("dirty")) { message = text("pending"); kind = "info"; }
    else if (has("draft")) { message = (savedMessage ? savedMessage + " " : "") + text("draft"); kind = "info"; }
    else if (lastSaved) { message = savedMessage || text("saved", { time: lastSaved }); kind = "success"; }
    else { message = statusEl.getAttribute("data-text-initial") || ""; kind = "idle"; }
    if (restoredCount && kind !== "success" && kind !== "idle") { message = text("restored") + " " + message; }
    else if (restoredCount && kind === "success") { message = message + " " + text("restored-saved"); }
    statusEl.textContent = message;
    statusEl.setAttribute("data-state", kind);
  }

  function unsent() {
    return Object.keys(units).some(function (key) { return units[key].state !== "saved"; });
  }

  // --- the queue ----------------------------------------------------------------------------------

  function enqueue(u) {
    clearTimeout(u.timer);
    u.timer = null;
    if (u.state === "conflict") { return; }  // waits for the person's choice
    u.state = "queued";
    // While this unit's previous text is on its way, the newer text waits its turn behind it.
    if (queue.indexOf(u.key) === -1) { queue.push(u.key); }
    render();
    pump();
  }

  function schedule(u) {
    clearTimeout(u.timer);
    if (u.state !== "conflict") { u.state = "dirty"; }
    u.timer = setTimeout(function () { enqueue(u); }, DEBOUNCE);
    render();
  }

  function retryLater(u, response) {
    u.state = "retrying";
    failing = true;
    queue = [u.key].concat(queue.filter(function (key) { return key !== u.key; }));
    attempts += 1;
    var delay = Math.min(MAX_BACKOFF, 1000 * Math.pow(2, attempts - 1));
    var after = response && parseInt(response.headers.get("Retry-After") || "", 10);
    if (after > 0) { delay = Math.min(MAX_BACKOFF, after * 1000); }
    unavailable = !!response && response.status === 503;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(function () { retryTimer = null; pump(); }, delay);
    render();
  }

  function body(u, sent) {
    var data;
    if (u.name === null) {
      data = new FormData(u.form);
      if (u.revision !== null) { data.set("revision", u.revision); }
    } else {
      data = new FormData();
      data.append("field", u.name);
      (Array.isArray(sent) ? sent : [sent]).forEach(function (value) { data.append("value", value); });
      if (u.revision !== null) { data.append("revision", u.revision); }
    }
    return data;
  }

  function url(u) {
    return u.name === null ? (u.form.getAttribute("action") || location.href) : u.form.getAttribute("data-autosave-url");
  }

  function pump() {
    if (inflight !== null || retryTimer !== null || !queue.length) { return; }
    var key = queue.shift();
    var u = units[key];
    if (!u || u.state === "conflict") { pump(); return; }
    inflight = key;
    u.state = "saving";
    render();
    var sent = snapshot(u);
    fetch(url(u), {
      method: "POST", body: body(u, sent), credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(u.form), "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
      if (response.redirected || response.status === 401 || (response.status === 403 && !isJson)) {
        loggedOut = true;  // the session ended (or its CSRF token changed): log in elsewhere, we retry
        inflight = null;
        retryLater(u, null);
        return;
      }
      if (response.status >= 500 || response.status === 429 || !isJson) {
        inflight = null;
        retryLater(u, response);
        return;
      }
      return response.json().then(function (data) {
        inflight = null;
        loggedOut = false;
        failing = false;
        unavailable = false;
        attempts = 0;
        if (response.ok && data.saved) { saved(u, sent, data); }
        else if (response.status === 409) { conflict(u, data); }
        else { refused(u, data); }
        render();
        pump();
      });
    }).catch(function () {
      inflight = null;
      retryLater(u, null);
    });
  }

  function saved(u, sent, data) {
    setRevision(u, data.revision);
    lastSaved = data.time || lastSaved;
    savedMessage = data.message || "";
    clearError(u);
    if (same(snapshot(u), sent) && queue.indexOf(u.key) === -1 && !u.timer) {
      u.state = "saved";
      storeDel(u.key);
    } else {
      remember(u);  // typed on while this was on its way: the newer text is still to be sent
      if (u.state === "saving") { u.state = u.timer ? "dirty" : "queued"; }
    }
    if (u.name === null) { u.form.dispatchEvent(new CustomEvent("autosave:saved", { bubbles: true, detail: data })); }
  }

  function refused(u, data) {
    u.state = "refused";
    lastError = data.error || "";
    showError(u, lastError);
  }

  // --- conflicts: keep the person's text, show the newer version beside it -------------------------

  function anchor(u) {
    if (u.name === null) { return u.form.lastElementChild || u.form; }
    var els = controls(u.form, u.name);
    var last = els[els.length - 1];
    return last.closest("[data-autosave-field]") || last.closest(".form-check") || last;
  }

  function clearError(u) {
    controls(u.form, u.name || "").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    if (u.errorEl) { u.errorEl.remove(); u.errorEl = null; }
  }

  function showError(u, message) {
    clearError(u);
    var p = document.createElement("p");
    p.className = "autosave-error small text-danger mb-1";
    p.textContent = message;
    anchor(u).insertAdjacentElement("afterend", p);
    u.errorEl = p;
    if (u.name !== null) { controls(u.form, u.name).forEach(function (el) { el.setAttribute("aria-invalid", "true"); }); }
  }

  function conflict(u, data) {
    u.state = "conflict";
    u.conflict = data;
    remember(u);
    if (u.conflictEl) { u.conflictEl.remove(); }
    var box = document.createElement("div");
    box.className = "autosave-conflict alert alert-warning mt-2";
    box.setAttribute("role", "alert");
    var intro = document.createElement("p");
    intro.textContent = data.error || text("conflict");
    var label = document.createElement("p");
    label.className = "fw-semibold mb-1";
    label.textContent = text("theirs");
    var theirs = document.createElement("blockquote");
    theirs.className = "autosave-theirs border-start ps-2";
    theirs.textContent = data.current || "";
    var mineLabel = document.createElement("p");
    mineLabel.className = "small mb-2";
    mineLabel.textContent = text("mine-kept");
    var keep = document.createElement("button");
    keep.type = "button";
    keep.className = "btn btn-sm btn-primary me-2";
    keep.textContent = text("keep-mine");
    var take = document.createElement("button");
    take.type = "button";
    take.className = "btn btn-sm btn-outline-secondary";
    take.textContent = text("take-theirs");
    [intro, label, theirs, mineLabel, keep, take].forEach(function (el) { box.appendChild(el); });
    anchor(u).insertAdjacentElement("afterend", box);
    u.conflictEl = box;
    keep.addEventListener("click", function () { resolve(u, false); });
    take.addEventListener("click", function () { resolve(u, true); });
  }

  function resolve(u, takeTheirs) {
    var data = u.conflict || {};
    setRevision(u, data.revision);
    if (u.conflictEl) { u.conflictEl.remove(); u.conflictEl = null; }
    u.conflict = null;
    if (takeTheirs) {
      Object.keys(data.fields || {}).forEach(function (name) { setValue(u.form, name, data.fields[name]); });
      u.state = "saved";
      storeDel(u.key);
      render();
      return;
    }
    u.state = "dirty";
    if (u.name === null) { submitForm(u); } else { enqueue(u); }
  }

  // --- wiring -------------------------------------------------------------------------------------

  function submitForm(u) {
    remember(u);
    enqueue(u);
  }

  function setupFieldForm(form) {
    form.addEventListener("input", function (event) {
      var el = event.target;
      if (!savable(el) || el.type === "radio" || el.type === "checkbox") { return; }
      var u = unit(form, el.name);
      remember(u);
      schedule(u);
    });
    form.addEventListener("change", function (event) {
      var el = event.target;
      if (!savable(el)) { return; }
      var u = unit(form, el.name);
      remember(u);
      enqueue(u);
    });
    form.addEventListener("submit", function (event) {
      // Everything is saved as it is typed; the button only asks to send what is waiting now.
      var waiting = fieldNames(form).map(function (name) { return unit(form, name); })
        .filter(function (u) { return u.state !== "saved"; });
      if (form.hasAttribute("data-autosave-flush") || waiting.length) {
        event.preventDefault();
        waiting.forEach(function (u) { if (u.state !== "conflict") { enqueue(u); } });
        if (!form.hasAttribute("data-autosave-flush") && !form.autosaveSubmitPending) {
          // Submit (e.g. "next profile") once everything has been confirmed.
          var submitter = event.submitter || null;
          form.autosaveSubmitPending = true;
          form.addEventListener("autosave:idle", function once() {
            form.removeEventListener("autosave:idle", once);
            form.autosaveSubmitPending = false;
            form.requestSubmit(submitter);
          });
        }
        render();
      }
    });
  }

  function setupSubmitForm(form) {
    var u = unit(form, null);
    form.addEventListener("input", function () { remember(u); if (u.state === "saved") { u.state = "draft"; } render(); });
    form.addEventListener("change", function () { remember(u); if (u.state === "saved") { u.state = "draft"; } render(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (u.conflictEl) { u.conflictEl.remove(); u.conflictEl = null; u.state = "dirty"; }
      submitForm(u);
    });
  }

  function restore(form) {
    var restored = false;
    var names = form.hasAttribute("data-autosave-submit") ? [null] : fieldNames(form);
    names.forEach(function (name) {
      var u = unit(form, name);
      var draft = storeGet(u.key);
      if (!draft) { return; }
      if (same(draft.v, snapshot(u))) { storeDel(u.key); return; }
      if (name === null) {
        Object.keys(draft.v || {}).forEach(function (field) { setValue(form, field, draft.v[field]); });
      } else {
        setValue(form, name, draft.v);
      }
      // The save goes out against the revision the text was typed on: a colleague's newer version
      // is then shown beside it instead of being overwritten.
      if (draft.r !== null && draft.r !== undefined) { u.revision = String(draft.r); }
      restored = true;
      restoredCount += 1;
      if (name === null) { u.state = "draft"; } else { enqueue(u); }
    });
    return restored;
  }

  forms.forEach(function (form) {
    if (form.hasAttribute("data-autosave-submit")) { setupSubmitForm(form); } else { setupFieldForm(form); }
  });
  forms.forEach(restore);
  render();

  window.addEventListener("online", function () {
    attempts = 0;
    if (retryTimer !== null) { clearTimeout(retryTimer); retryTimer = null; }
    pump();
    render();
  });
  window.addEventListener("offline", render);

  // The idle-session warning (session-timeout.js) logs out a page nobody uses: the unsent text is
  // already in localStorage and comes back after login, so no "leave this page?" question then.
  var sessionEnding = false;
  document.addEventListener("competentie:session-expired", function () { sessionEnding = true; });

  window.addEventListener("beforeunload", function (event) {
    if (sessionEnding || !unsent()) { return; }
    event.preventDefault();
    event.returnValue = text("leave");
    return event.returnValue;
  });
})();
