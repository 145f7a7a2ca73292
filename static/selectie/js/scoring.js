// Autosave for the scoring screen: every change is posted at once (one field per request), so a
// reload or a dropped connection loses nothing. Requests for one competency are sent in order.
(function () {
  "use strict";
  var form = document.getElementById("score-form");
  if (!form || form.dataset.locked === "1") { return; }
  var url = form.dataset.autosaveUrl;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var queues = {};
  var timers = {};
  var DELAY = 600;

  function block(element) { return element.closest("[data-competency]"); }

  function showStatus(cid, text, isError) {
    var status = document.getElementById("status-" + cid);
    if (!status) { return; }
    status.textContent = text;
    status.classList.toggle("is-error", !!isError);
  }

  function send(cid, body, keepalive) {
    body.append("competency", cid);
    var previous = queues[cid] || Promise.resolve();
    var next = previous.then(function () {
      return fetch(url, {
        method: "POST", body: body, credentials: "same-origin", keepalive: !!keepalive,
        headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (response.redirected) {  // the session ended: the login page answered
          showStatus(cid, "Niet opgeslagen: u bent uitgelogd. Log opnieuw in en probeer het nog eens.", true);
          return null;
        }
        if (response.ok || response.status === 400) {
          return response.text().then(function (text) { showStatus(cid, text, !response.ok); });
        }
        showStatus(cid, "Niet opgeslagen (fout " + response.status + "). Herlaad de pagina en probeer het opnieuw.", true);
        return null;
      }).catch(function () {
        showStatus(cid, "Niet opgeslagen: geen verbinding. Uw invoer staat nog op het scherm; probeer het zo opnieuw.", true);
      });
    });
    queues[cid] = next;
    return next;
  }

  function saveEvidence(textarea, keepalive) {
    var cid = block(textarea).dataset.competency;
    clearTimeout(timers[cid]);
    delete timers[cid];
    var body = new FormData();
    body.append("field", "evidence");
    body.append("evidence", textarea.value);
    return send(cid, body, keepalive);
  }

  form.addEventListener("change", function (event) {
    var target = event.target;
    var container = block(target);
    if (!container) { return; }
    var cid = container.dataset.competency;
    var body = new FormData();
    if (target.type === "radio") {
      body.append("field", "value");
      body.append("value", target.value);
    } else if (target.type === "checkbox") {
      body.append("field", "indicators");
      container.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        body.append("indicators", box.value);
      });
    } else if (target.tagName === "TEXTAREA") {
      if (timers[cid]) { saveEvidence(target); }
      return;
    } else {
      return;
    }
    showStatus(cid, "Wordt opgeslagen…", false);
    send(cid, body);
  });

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.tagName !== "TEXTAREA") { return; }
    var cid = block(target).dataset.competency;
    showStatus(cid, "Wordt opgeslagen…", false);
    clearTimeout(timers[cid]);
    timers[cid] = setTimeout(function () { saveEvidence(target); }, DELAY);
  });

  // Leaving the page with typing still waiting: send it anyway.
  window.addEventListener("pagehide", function () {
    Object.keys(timers).forEach(function (cid) {
      var textarea = document.getElementById("evidence-" + cid);
      if (textarea) { saveEvidence(textarea, true); }
    });
  });
})();
