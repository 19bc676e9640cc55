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
    // Without a summary (exercises, one-button forms), the first error message instead.
    var problem = document.querySelector(".error-summary") ||
      document.querySelector(".flash-error, .error-message");
    if (problem) {
      if (!problem.hasAttribute("tabindex")) { problem.setAttribute("tabindex", "-1"); }
      problem.focus();
    }

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

// Haakjes: mark fragments by selecting text or tapping them (the checkboxes still work).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-hooks]").forEach(function (form) {
      form.classList.add("hooks-enhanced");
      var transcript = form.querySelector(".transcript");
      var justSelected = false;
      function markSelection() {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || !selection.rangeCount) { return; }
        var range = selection.getRangeAt(0);
        if (!transcript.contains(range.commonAncestorContainer)) { return; }
        transcript.querySelectorAll(".fragment").forEach(function (fragment) {
          if (range.intersectsNode(fragment)) {
            fragment.querySelector("input").checked = true;
          }
        });
        selection.removeAllRanges();
        justSelected = true;
        window.setTimeout(function () { justSelected = false; }, 0);
      }
      transcript.addEventListener("mouseup", markSelection);
      transcript.addEventListener("touchend", markSelection);
      // The click that ends a drag-select on a label must not toggle that fragment back.
      transcript.addEventListener("click", function (event) {
        if (justSelected) { event.preventDefault(); justSelected = false; }
      }, true);
    });
  });
})();

// Netwerkkaart: drag people onto the rings and sectors; the form fields follow.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var SIZE = 440, CENTRE = 220, RADII = [70, 135, 200], TRAY = 130;
  var SECTORS = ["familie", "vrienden", "maatschappelijk", "professionals"];

  function cellOf(x, y) {
    var dx = x - CENTRE, dy = y - CENTRE;
    var distance = Math.sqrt(dx * dx + dy * dy);
    if (distance > RADII[2]) { return null; }
    var ring = distance <= RADII[0] ? 1 : distance <= RADII[1] ? 2 : 3;
    var angle = Math.atan2(dy, dx) * 180 / Math.PI;  // -180..180, -90 is up
    var sector = SECTORS[Math.floor(((angle + 90 + 360) % 360) / 90)];
    return { sector: sector, ring: ring };
  }

  function pointFor(sector, ring, slot, slots) {
    var inner = ring === 1 ? 0 : RADII[ring - 2];
    var radius = (inner + RADII[ring - 1]) / 2 + (ring === 1 ? 8 : 0);
    var start = -90 + 90 * SECTORS.indexOf(sector);
    var angle = (start + 90 * (slot + 1) / (slots + 1)) * Math.PI / 180;
    return { x: CENTRE + radius * Math.cos(angle), y: CENTRE + radius * Math.sin(angle) };
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map-dnd]").forEach(function (box) {
      var form = box.closest("form");
      var svg = box.querySelector("svg");
      svg.setAttribute("viewBox", "0 0 " + SIZE + " " + (SIZE + TRAY));
      svg.setAttribute("height", SIZE + TRAY);
      box.hidden = false;
      var people = Array.prototype.slice.call(form.querySelectorAll(".map-person-fields"));
      var tokens = {};

      people.forEach(function (fields) {
        var g = document.createElementNS(SVG, "g");
        g.setAttribute("class", "map-person map-unplaced");
        g.setAttribute("data-person", fields.dataset.person);
        var circle = document.createElementNS(SVG, "circle");
        circle.setAttribute("r", "11");
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("y", "-15");
        label.setAttribute("text-anchor", "middle");
        label.textContent = fields.dataset.name;
        g.appendChild(circle);
        g.appendChild(label);
        svg.appendChild(g);
        tokens[fields.dataset.person] = { g: g, fields: fields };
        fields.querySelectorAll("select").forEach(function (select) {
          select.addEventListener("change", layout);
        });
        drag(g, fields);
      });

      function move(g, x, y) { g.setAttribute("transform", "translate(" + x + " " + y + ")"); }

      function layout() {
        var cells = {}, tray = [];
        people.forEach(function (fields) {
          var sector = fields.querySelector("[data-field=sector]").value;
          var ring = parseInt(fields.querySelector("[data-field=ring]").value, 10);
          var token = tokens[fields.dataset.person];
          if (sector && ring) {
            var key = sector + ring;
            (cells[key] = cells[key] || { sector: sector, ring: ring, items: [] }).items.push(token);
            var valence = fields.querySelector("select[name^=valence-]").value || "unplaced";
            token.g.setAttribute("class", "map-person map-" + valence);
          } else {
            tray.push(token);
            token.g.setAttribute("class", "map-person map-unplaced");
          }
        });
        Object.keys(cells).forEach(function (key) {
          var cell = cells[key];
          cell.items.forEach(function (token, n) {
            var p = pointFor(cell.sector, cell.ring, n, cell.items.length);
            move(token.g, p.x, p.y);
          });
        });
        tray.forEach(function (token, n) {
          var perRow = 3, col = n % perRow, row = Math.floor(n / perRow);
          move(token.g, 75 + col * 145, SIZE + 32 + row * 42);
        });
      }

      function drag(g, fields) {
        g.addEventListener("pointerdown", function (event) {
          event.preventDefault();
          g.setPointerCapture(event.pointerId);
          g.classList.add("dragging");
          function point(e) {
            var p = svg.createSVGPoint();
            p.x = e.clientX; p.y = e.clientY;
            return p.matrixTransform(svg.getScreenCTM().inverse());
          }
          function onMove(e) { var p = point(e); move(g, p.x, p.y); }
          function onUp(e) {
            g.releasePointerCapture(event.pointerId);
            g.classList.remove("dragging");
            g.removeEventListener("pointermove", onMove);
            g.removeEventListener("pointerup", onUp);
            var p = point(e), cell = cellOf(p.x, p.y);
            fields.querySelector("[data-field=sector]").value = cell ? cell.sector : "";
            fields.querySelector("[data-field=ring]").value = cell ? String(cell.ring) : "";
            layout();
          }
          g.addEventListener("pointermove", onMove);
          g.addEventListener("pointerup", onUp);
        });
      }
      layout();
    });
  });
})();

// Journal: a print button (save as PDF from the print dialogue); hidden without JavaScript,
// where the browser's own print command does the same.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
