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

// Netwerkkaart: place people on the rings and sectors by dragging them, by tapping a person
// and then a place, or with the arrow keys; the form fields follow and a live message says
// where each person now is. Tokens grow with the map's scale so that on a phone they stay at
// least MIN_TARGET CSS pixels across (WCAG 2.5.8).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var SIZE = 440, CENTRE = 220, RADII = [70, 135, 200];
  var SECTORS = ["familie", "vrienden", "maatschappelijk", "professionals"];
  var MIN_TARGET = 28;  // CSS px, above the 24 of WCAG 2.5.8 with room for rounding
  var TAP = 8;  // CSS px a pointer may move and still count as a tap

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

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return values[key]; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map-dnd]").forEach(function (box) {
      var form = box.closest("form");
      var svg = box.querySelector("svg");
      var status = box.querySelector("[data-map-status]");
      box.hidden = false;
      var people = Array.prototype.slice.call(form.querySelectorAll(".map-person-fields"));
      var tokens = {}, chosen = null;

      people.forEach(function (fields) {
        var g = document.createElementNS(SVG, "g");
        g.setAttribute("class", "map-person map-unplaced");
        g.setAttribute("data-person", fields.dataset.person);
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-pressed", "false");
        var circle = document.createElementNS(SVG, "circle");
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("text-anchor", "middle");
        g.appendChild(circle);
        g.appendChild(label);
        svg.appendChild(g);
        var token = { g: g, circle: circle, label: label, fields: fields, name: fields.dataset.name,
          sector: fields.querySelector("[data-field=sector]"),
          ring: fields.querySelector("[data-field=ring]") };
        tokens[fields.dataset.person] = token;
        fields.querySelectorAll("select").forEach(function (select) {
          select.addEventListener("change", function () { layout(); describe(token); });
        });
        pointer(token);
        keys(token);
      });

      function where(token) {
        var ring = parseInt(token.ring.value, 10);
        return token.sector.value && ring ? { sector: token.sector.value, ring: ring } : null;
      }

      function describe(token) {
        var cell = where(token);
        var text = cell ? fill(status.dataset.placed, {
          name: token.name,
          sector: token.sector.selectedOptions[0].textContent.trim(),
          ring: token.ring.selectedOptions[0].textContent.trim()
        }) : fill(status.dataset.unplaced, { name: token.name });
        token.g.setAttribute("aria-label", text);
        return text;
      }

      function say(text) { status.textContent = text; }

      function place(token, cell) {
        token.sector.value = cell ? cell.sector : "";
        token.ring.value = cell ? String(cell.ring) : "";
        choose(null);
        layout();
        say(describe(token));
      }

      function choose(token) {
        if (chosen) {
          chosen.g.classList.remove("chosen");
          chosen.g.setAttribute("aria-pressed", "false");
        }
        chosen = token;
        if (token) {
          token.g.classList.add("chosen");
          token.g.setAttribute("aria-pressed", "true");
          say(fill(status.dataset.chosen, { name: token.name }));
        }
      }

      function move(g, x, y) { g.setAttribute("transform", "translate(" + x + " " + y + ")"); }

      // Sizes in map units that come out at least MIN_TARGET CSS px at the current scale.
      function sizes() {
        var scale = svg.getBoundingClientRect().width / SIZE || 1;
        var radius = Math.max(11, MIN_TARGET / 2 / scale);
        return { scale: scale, radius: radius, font: Math.max(12, 13 / scale) };
      }

      function layout() {
        var size = sizes(), cells = {}, tray = [];
        people.forEach(function (fields) {
          var token = tokens[fields.dataset.person], cell = where(token);
          token.circle.setAttribute("r", size.radius);
          token.label.setAttribute("y", -(size.radius + 4));
          token.label.style.fontSize = size.font + "px";
          // On a small map a person's last name word ("Jeroen" for "Zoon Jeroen") keeps the
          // labels apart; the full name stays in the accessible name and the fields below.
          token.label.textContent = size.scale < 0.9 ? token.name.split(/\s+/).pop() : token.name;
          if (cell) {
            var key = cell.sector + cell.ring;
            (cells[key] = cells[key] || { sector: cell.sector, ring: cell.ring, items: [] }).items.push(token);
            var valence = fields.querySelector("select[name^=valence-]").value || "unplaced";
            token.g.setAttribute("class", "map-person map-" + valence);
          } else {
            tray.push(token);
            token.g.setAttribute("class", "map-person map-unplaced");
          }
          if (token === chosen) { token.g.classList.add("chosen"); }
        });
        Object.keys(cells).forEach(function (key) {
          var cell = cells[key];
          cell.items.forEach(function (token, n) {
            var p = pointFor(cell.sector, cell.ring, n, cell.items.length);
            move(token.g, p.x, p.y);
          });
        });
        var row = 2 * size.radius + size.font + 14, top = SIZE + size.font + 14;
        tray.forEach(function (token, n) {
          move(token.g, 75 + (n % 3) * 145, top + size.radius + Math.floor(n / 3) * row);
        });
        var height = SIZE + (tray.length ? Math.ceil(tray.length / 3) * row + size.font + 14 : 0);
        svg.querySelectorAll(".map-sector").forEach(function (text) {
          text.style.fontSize = Math.max(12, 9.5 / size.scale) + "px";
        });
        svg.setAttribute("viewBox", "0 0 " + SIZE + " " + height);
        svg.setAttribute("height", height);
      }

      function mapPoint(e) {
        var p = svg.createSVGPoint();
        p.x = e.clientX; p.y = e.clientY;
        return p.matrixTransform(svg.getScreenCTM().inverse());
      }

      // Press and move: a drag. Press and let go in place: a tap that chooses the person.
      function pointer(token) {
        var g = token.g;
        g.addEventListener("pointerdown", function (event) {
          event.preventDefault();
          g.setPointerCapture(event.pointerId);
          var startX = event.clientX, startY = event.clientY, dragging = false;
          function onMove(e) {
            if (!dragging && Math.abs(e.clientX - startX) + Math.abs(e.clientY - startY) < TAP) { return; }
            dragging = true;
            g.classList.add("dragging");
            var p = mapPoint(e);
            move(g, p.x, p.y);
          }
          function onUp(e) {
            g.releasePointerCapture(event.pointerId);
            g.classList.remove("dragging");
            g.removeEventListener("pointermove", onMove);
            g.removeEventListener("pointerup", onUp);
            if (dragging) {
              var p = mapPoint(e);
              place(token, cellOf(p.x, p.y));
            } else if (chosen && chosen !== token && where(token)) {
              var other = chosen;  // a tap on someone on the map is a tap on their place
              place(other, where(token));
              other.g.focus();
              return;
            } else {
              choose(chosen === token ? null : token);
            }
            g.focus();
          }
          g.addEventListener("pointermove", onMove);
          g.addEventListener("pointerup", onUp);
        });
      }

      // A tap on the map places the chosen person there; a tap beside the rings takes them off.
      svg.addEventListener("click", function (event) {
        if (!chosen || event.target.closest(".map-person")) { return; }
        var p = mapPoint(event), token = chosen;
        place(token, cellOf(p.x, p.y));
        token.g.focus();
      });

      // Arrow keys: left and right to the previous or next sector, up a ring closer, down a
      // ring further; Enter or space chooses the person for a tap, Escape lets go.
      function keys(token) {
        token.g.addEventListener("keydown", function (event) {
          var cell = where(token), next;
          var sector = cell ? SECTORS.indexOf(cell.sector) : 0, ring = cell ? cell.ring : 3;
          if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
            var step = event.key === "ArrowRight" ? 1 : -1;
            next = { sector: SECTORS[cell ? (sector + step + 4) % 4 : 0], ring: ring };
          } else if (event.key === "ArrowUp") {
            next = { sector: SECTORS[sector], ring: cell ? Math.max(1, ring - 1) : 3 };
          } else if (event.key === "ArrowDown") {
            next = { sector: SECTORS[sector], ring: Math.min(3, cell ? ring + 1 : 3) };
          } else if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            choose(chosen === token ? null : token);
            return;
          } else if (event.key === "Escape") {
            choose(null);
            return;
          } else {
            return;
          }
          event.preventDefault();
          place(token, next);
        });
      }

      people.forEach(function (fields) { describe(tokens[fields.dataset.person]); });
      layout();
      window.addEventListener("resize", layout);
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
