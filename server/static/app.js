// Progressive enhancement only; every page works without this file.
// Move focus to the error summary when a form comes back with errors.
document.addEventListener("DOMContentLoaded", function () {
  var errors = document.getElementById("form-errors");
  if (errors) { errors.focus(); }
});
// Notes saved as they are typed (the interview guide): each field with
// data-save-url is posted a moment after the last key, and any unsaved field
// is sent once more with sendBeacon when the tab is hidden or closed.
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form) { return; }
  var csrf = form.querySelector('input[name="csrf"]').value;
  var texts = document.getElementById("save-texts");
  var say = function (field, key) {
    var state = field.parentNode.querySelector("[data-save-state]");
    if (state && texts) { state.textContent = texts.getAttribute("data-" + key); }
  };
  var body = function (field) {
    return new URLSearchParams({ csrf: csrf, text: field.value });
  };
  var pending = new Map();
  var save = function (field) {
    clearTimeout(pending.get(field));
    pending.delete(field);
    say(field, "saving");
    fetch(field.getAttribute("data-save-url"), { method: "POST", body: body(field), credentials: "same-origin" })
      .then(function (r) { say(field, r.ok ? "saved" : "failed"); })
      .catch(function () { say(field, "failed"); });
  };
  form.querySelectorAll("textarea[data-save-url]").forEach(function (field) {
    field.addEventListener("input", function () {
      clearTimeout(pending.get(field));
      pending.set(field, setTimeout(function () { save(field); }, 800));
    });
    field.addEventListener("blur", function () { if (pending.has(field)) { save(field); } });
  });
  var flush = function () {
    pending.forEach(function (timer, field) {
      clearTimeout(timer);
      navigator.sendBeacon(field.getAttribute("data-save-url"), body(field));
    });
    pending.clear();
  };
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { flush(); } });
  window.addEventListener("pagehide", flush);
})();
// A print button (the page's own print stylesheet does the rest).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
// Skema 1 of the leader APV: each theme (a fieldset with data-theme) is
// posted a moment after the last change, and typing keywords ticks the
// colour's box, since keywords mark the colour anyway.
(function () {
  var form = document.querySelector("form[data-theme-autosave]");
  if (!form) { return; }
  var url = form.getAttribute("data-theme-autosave");
  var csrf = form.querySelector('input[name="csrf"]').value;
  var texts = document.getElementById("save-texts");
  var pending = new Map();
  var body = function (fieldset) {
    var data = new URLSearchParams({ csrf: csrf, theme: fieldset.getAttribute("data-theme") });
    fieldset.querySelectorAll("input[type=checkbox]").forEach(function (box) { if (box.checked) { data.append(box.name, box.value); } });
    fieldset.querySelectorAll("textarea").forEach(function (area) { data.append(area.name, area.value); });
    return data;
  };
  var say = function (fieldset, key) {
    var state = fieldset.querySelector("[data-save-state]");
    if (state && texts) { state.textContent = texts.getAttribute("data-" + key); }
  };
  var save = function (fieldset) {
    clearTimeout(pending.get(fieldset));
    pending.delete(fieldset);
    say(fieldset, "saving");
    fetch(url, { method: "POST", body: body(fieldset), credentials: "same-origin" })
      .then(function (r) { say(fieldset, r.ok ? "saved" : "failed"); })
      .catch(function () { say(fieldset, "failed"); });
  };
  form.querySelectorAll("fieldset[data-theme]").forEach(function (fieldset) {
    var later = function () {
      clearTimeout(pending.get(fieldset));
      pending.set(fieldset, setTimeout(function () { save(fieldset); }, 800));
    };
    fieldset.addEventListener("input", function (event) {
      var area = event.target;
      if (area.tagName === "TEXTAREA" && area.value.trim() !== "") {
        var box = document.getElementById(area.name.replace(/^k-/, "m-"));
        if (box) { box.checked = true; }
      }
      later();
    });
    fieldset.addEventListener("change", later);
  });
  var flush = function () {
    pending.forEach(function (timer, fieldset) {
      clearTimeout(timer);
      navigator.sendBeacon(url, body(fieldset));
    });
    pending.clear();
  };
  form.addEventListener("submit", function () { pending.forEach(function (timer) { clearTimeout(timer); }); pending.clear(); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { flush(); } });
  window.addEventListener("pagehide", flush);
})();
// Tool 2's agenda timer: counts down the current agenda item's minutes;
// "next" moves on. The agenda itself is plain text without this.
(function () {
  var box = document.querySelector("[data-timer]");
  if (!box) { return; }
  var steps = Array.prototype.slice.call(document.querySelectorAll("[data-step]"));
  if (steps.length === 0) { return; }
  var clock = box.querySelector("[data-timer-clock]");
  var label = box.querySelector("[data-timer-step]");
  var toggle = box.querySelector("[data-timer-toggle]");
  var over = box.querySelector("[data-timer-over]");
  var index = 0, left = 0, ticking = null;
  var show = function () {
    var s = Math.max(left, 0);
    clock.textContent = String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
    over.hidden = left > 0;
  };
  var select = function (i) {
    index = i;
    left = parseInt(steps[i].getAttribute("data-minutes"), 10) * 60;
    label.textContent = (i + 1) + ". " + steps[i].getAttribute("data-title");
    steps.forEach(function (s, j) { s.classList.toggle("lt-agenda-current", j === i); });
    show();
  };
  var stop = function () { clearInterval(ticking); ticking = null; toggle.textContent = toggle.getAttribute("data-start"); };
  toggle.addEventListener("click", function () {
    if (ticking) { stop(); return; }
    toggle.textContent = toggle.getAttribute("data-pause");
    ticking = setInterval(function () { left -= 1; show(); if (left <= 0) { stop(); } }, 1000);
  });
  box.querySelector("[data-timer-next]").addEventListener("click", function () {
    stop();
    select(Math.min(index + 1, steps.length - 1));
  });
  select(0);
  box.hidden = false;
})();
// Tool 2's prioritisation matrix: a theme card dragged onto a field is
// placed there by posting its own form (the same form the chooser and
// button under each card post, which is how keyboards and phones place it).
(function () {
  var matrix = document.querySelector("[data-matrix]");
  if (!matrix) { return; }
  var dragged = null;
  document.querySelectorAll("[data-card]").forEach(function (card) {
    if (!card.querySelector("select")) { card.removeAttribute("draggable"); return; }
    card.addEventListener("dragstart", function (event) {
      dragged = card;
      event.dataTransfer.setData("text/plain", card.getAttribute("data-card"));
      card.classList.add("lt-dragging");
    });
    card.addEventListener("dragend", function () { card.classList.remove("lt-dragging"); });
  });
  document.querySelectorAll("[data-drop]").forEach(function (zone) {
    var field = zone.closest("[data-quadrant]") || zone.parentNode;
    field.addEventListener("dragover", function (event) { if (dragged) { event.preventDefault(); field.classList.add("lt-drop-over"); } });
    field.addEventListener("dragleave", function () { field.classList.remove("lt-drop-over"); });
    field.addEventListener("drop", function (event) {
      event.preventDefault();
      field.classList.remove("lt-drop-over");
      if (!dragged) { return; }
      var card = dragged;
      dragged = null;
      var form = card.querySelector("form");
      form.querySelector("select").value = zone.getAttribute("data-drop");
      zone.appendChild(card);
      fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { form.submit(); } })
        .catch(function () { form.submit(); });
    });
  });
})();
