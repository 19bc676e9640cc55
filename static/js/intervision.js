// Team sessions: the shared countdown and autosave of notes. The pages work without this
// file (the server shows the remaining time; a button saves the draft).
(function () {
  "use strict";
  var english = document.documentElement.lang === "en";

  function clock(seconds) {
    var s = Math.max(0, Math.round(seconds));
    var rest = s % 60;
    return Math.floor(s / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // The timer: counts down locally from the server's answer, and asks the server again
  // every few seconds, so every member sees the gespreksleider's start, pause and skip.
  function countdown(box) {
    var face = box.querySelector(".clock");
    var state = box.querySelector(".timer-state");
    var notice = box.querySelector(".timer-notice");
    var remaining = Number(box.dataset.remaining);
    var running = box.dataset.running === "yes";
    var phase = box.dataset.phase;
    var status = box.dataset.status;
    var synced = Date.now();

    function draw() {
      var left = running ? remaining - (Date.now() - synced) / 1000 : remaining;
      face.textContent = clock(left);
      face.classList.toggle("clock-over", left <= 0);
    }

    function poll() {
      fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          remaining = data.remaining;
          running = data.running;
          synced = Date.now();
          if (state) {
            state.textContent = running ? (english ? "running" : "loopt") : (english ? "paused" : "gepauzeerd");
          }
          if (String(data.phase) !== phase || data.status !== status) {
            notice.hidden = false;
            notice.textContent = "";
            var link = document.createElement("a");
            link.href = window.location.pathname + "#fase";
            link.textContent = english ? "The session moved on: show the current phase" : "De bijeenkomst is verder gegaan: toon de huidige fase";
            notice.appendChild(link);
          }
          draw();
        })
        .catch(function () { /* offline: keep counting locally */ });
    }

    draw();
    window.setInterval(draw, 1000);
    window.setInterval(poll, 5000);
  }

  // Autosave: every few seconds the text goes to the author's own draft (never published).
  function autosave(form) {
    var area = form.querySelector("textarea");
    var status = form.querySelector(".autosave-status");
    var base = form.querySelector("input[name=base_version]");
    if (!area || !status || !base) { return; }
    var saved = area.value;

    function save() {
      if (area.value === saved) { return; }
      var text = area.value;
      var data = new FormData(form);
      data.set("action", "draft");
      fetch(form.getAttribute("action") || window.location.href, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Kring-Autosave": "1", Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) {
          if (!result) {
            status.textContent = english ? "Not saved yet (no connection?)" : "Nog niet bewaard (geen verbinding?)";
            return;
          }
          saved = text;
          var time = new Date().toLocaleTimeString(english ? "en-GB" : "nl-NL", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
          var message = (english ? "Draft saved " : "Concept bewaard ") + time + ".";
          if (result.version > result.base) {
            message += english
              ? " Someone else has published a newer version; publishing will show both to merge."
              : " Iemand anders heeft een nieuwere versie gepubliceerd; bij publiceren zie je beide om samen te voegen.";
          }
          status.textContent = message;
        })
        .catch(function () {
          status.textContent = english ? "Not saved yet (no connection?)" : "Nog niet bewaard (geen verbinding?)";
        });
    }

    window.setInterval(save, 3000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-countdown]").forEach(countdown);
    document.querySelectorAll("form[data-autosave]").forEach(autosave);
  });
})();
