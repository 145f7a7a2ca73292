// Saves each field of a form as soon as it changes (text: shortly after typing stops).
// The form still submits normally without JavaScript; this only spares people a lost draft.
// Saves run one at a time, and a submit waits for the save in flight, so the server never
// receives two writes from the same page at once.
(function () {
  "use strict";

  var DELAY = 800;

  function setup(form) {
    var url = form.getAttribute("data-autosave-url");
    var status = form.querySelector("[data-autosave-status]");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var timers = {};
    var pending = 0;
    var chain = Promise.resolve();
    var waitingSubmitter = null;

    function show(text, isError) {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle("text-danger", !!isError);
      status.classList.toggle("text-success", !isError);
    }

    function post(field) {
      var body = new FormData();
      body.append("field", field.name);
      body.append("value", field.value);
      return fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "", "X-Requested-With": "fetch" }
      })
        .then(function (response) {
          return response.json().catch(function () {
            return { saved: false, error: "de server weigerde het opslaan (code " + response.status + ")." };
          }).then(function (data) {
            if (response.ok && data.saved) {
              show("Opgeslagen om " + data.time + ".", false);
              field.classList.remove("is-invalid");
            } else {
              show("Niet opgeslagen: " + (data.error || "probeer het opnieuw."), true);
              field.classList.add("is-invalid");
            }
          });
        })
        .catch(function () {
          show("Niet opgeslagen: geen verbinding. Uw tekst staat nog op de pagina; probeer het zo opnieuw.", true);
        });
    }

    function save(field) {
      pending += 1;
      show("Bezig met opslaan…", false);
      chain = chain.then(function () { return post(field); }).then(function () {
        pending -= 1;
        if (pending === 0 && waitingSubmitter !== null) {
          var submitter = waitingSubmitter;
          waitingSubmitter = null;
          form.requestSubmit(submitter === true ? undefined : submitter);
        }
      });
    }

    function schedule(field, delay) {
      clearTimeout(timers[field.name]);
      timers[field.name] = setTimeout(function () {
        delete timers[field.name];
        save(field);
      }, delay);
    }

    form.addEventListener("input", function (event) {
      var field = event.target;
      if (!field.name || field.type === "radio" || field.name === "csrfmiddlewaretoken") return;
      schedule(field, DELAY);
    });
    form.addEventListener("change", function (event) {
      var field = event.target;
      if (!field.name || field.name === "csrfmiddlewaretoken") return;
      if (field.type === "radio" && !field.checked) return;
      schedule(field, 0);
    });
    form.addEventListener("submit", function (event) {
      // The submit sends every field anyway: drop scheduled saves, wait for the one in flight.
      Object.keys(timers).forEach(function (name) { clearTimeout(timers[name]); delete timers[name]; });
      if (pending > 0) {
        event.preventDefault();
        waitingSubmitter = event.submitter || true;
        show("Bezig met opslaan…", false);
      }
    });
  }

  document.querySelectorAll("form[data-autosave-url]").forEach(setup);
})();
