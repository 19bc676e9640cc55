/* Live sessions: follow the session without reloading by hand.
 *
 * Pages work without this file (they have a "Vernieuwen" link and plain forms). With it,
 * the page listens to the session's event stream (Server-Sent Events) and falls back to
 * polling the JSON state with If-None-Match when streams are not available or the server
 * is busy. A new session version means the leader did something: the page reloads and the
 * server renders the new state (a participant's vote is in the database, so it stays). A
 * new vote or participant count only updates the numbers on the page.
 */
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function setAll(selector, value) {
    document.querySelectorAll(selector).forEach(function (el) { el.textContent = String(value); });
  }

  function busyWriting() {
    // Do not throw away a note the leader is typing; the next change will reload.
    var el = document.activeElement;
    return el && el.tagName === "TEXTAREA" && el.value !== el.defaultValue;
  }

  function follow(root) {
    var version = Number(root.getAttribute("data-live-version"));
    var stateUrl = root.getAttribute("data-live-state");
    var eventsUrl = root.getAttribute("data-live-events");
    var etag = null;
    var polling = false;
    var leaving = false;
    // A form on its way (a vote, a leader's button) brings the new state itself: a reload
    // now would cancel that navigation.
    document.addEventListener("submit", function (event) {
      if (!event.defaultPrevented) leaving = true;
    });

    function apply(state) {
      if (state.version !== version) {
        if (!leaving && !busyWriting()) window.location.reload();
        return;
      }
      setAll("[data-live-votes]", state.votes);
      setAll("[data-live-participants]", state.participants);
    }

    function poll() {
      polling = true;
      var headers = etag ? { "If-None-Match": etag } : {};
      fetch(stateUrl, { headers: headers, credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (response.status === 200) {
            etag = response.headers.get("ETag");
            return response.json().then(apply);
          }
          return null;
        })
        .catch(function () { /* offline for a moment: try again */ })
        .then(function () { window.setTimeout(poll, 2000); });
    }

    if (!("EventSource" in window)) { poll(); return; }
    var source = new EventSource(eventsUrl);
    source.onmessage = function (event) { apply(JSON.parse(event.data)); };
    source.onerror = function () {
      // CLOSED: the server refused the stream (busy, or not allowed); poll instead.
      if (source.readyState === EventSource.CLOSED && !polling) poll();
    };
  }

  onReady(function () {
    var root = document.querySelector("[data-live-state]");
    if (root) follow(root);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
