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
// Typed words are never lost (issue 17). A form marked data-keep-words holds
// a person's words. When another form on the page is sent while such a form
// has unsaved changes:
// - data-keep-words="save" (a form that only saves, so sending it twice is
//   harmless): it is posted first in the background, then the other form is
//   sent; if the server refuses it, the form itself is sent so its errors
//   show with the words in place;
// - data-keep-words="draft" (a form that creates something: a comment, an
//   action): its words are kept in sessionStorage and put back on the page
//   that comes next, since sending it would do what the person did not ask.
// Leaving the page any other way with unsaved words asks first.
// Without JavaScript none of this runs: each form sends only its own
// fields, so words typed in one form and not saved are lost when another
// form is sent (each word-holding form has its own save button).
(function () {
  if (!document.querySelector("form[data-keep-words]")) { return; }
  var dirty = new Set();
  var busy = false;
  var leaving = false;
  // A form may name its draft (data-draft-key) when the page that comes next
  // has another address: the import's text comes back on the confirm's page.
  var draftKey = function (form) {
    return "lt-draft " + (form.getAttribute("data-draft-key") || location.pathname + " " + form.getAttribute("action"));
  };
  var words = function (form) {
    return Array.prototype.filter.call(form.elements, function (f) {
      return f.name && (f.tagName === "TEXTAREA" || f.tagName === "SELECT" || f.type === "text" || f.type === "date");
    });
  };
  // Words kept from the page before come back into the same form.
  document.querySelectorAll('form[data-keep-words="draft"]').forEach(function (form) {
    var kept = sessionStorage.getItem(draftKey(form));
    if (!kept) { return; }
    sessionStorage.removeItem(draftKey(form));
    var values = JSON.parse(kept);
    words(form).forEach(function (f) { if (Object.prototype.hasOwnProperty.call(values, f.name)) { f.value = values[f.name]; } });
    dirty.add(form);
  });
  var mark = function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-keep-words")) { dirty.add(form); }
  };
  document.addEventListener("input", mark);
  document.addEventListener("change", mark);
  var save = function (form) {
    return fetch(form.getAttribute("action"), { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
      .then(function (r) { return r.ok ? null : form; }, function () { return form; });
  };
  document.addEventListener("submit", function (event) {
    var form = event.target;
    // A form app.js sends without leaving the page (the agenda's timer)
    // puts no typed words at risk.
    if (form.hasAttribute("data-in-place")) { return; }
    if (busy) { event.preventDefault(); return; }
    dirty.delete(form);
    var waiting = Array.from(dirty);
    waiting.filter(function (f) { return f.getAttribute("data-keep-words") === "draft"; }).forEach(function (f) {
      var values = {};
      words(f).forEach(function (field) { values[field.name] = field.value; });
      sessionStorage.setItem(draftKey(f), JSON.stringify(values));
    });
    var saving = waiting.filter(function (f) { return f.getAttribute("data-keep-words") === "save"; });
    dirty.clear();
    leaving = true;
    if (saving.length === 0) { return; }
    event.preventDefault();
    busy = true;
    var submitter = event.submitter || null;
    Promise.all(saving.map(save)).then(function (refused) {
      var first = refused.filter(Boolean)[0];
      busy = false;
      if (first) { HTMLFormElement.prototype.submit.call(first); return; }
      form.requestSubmit(submitter);
    });
  }, true);
  window.addEventListener("beforeunload", function (event) {
    if (leaving || dirty.size === 0) { return; }
    event.preventDefault();
    event.returnValue = "";
  });
  // Back from the page that came next (bfcache): the words may be unsaved again.
  window.addEventListener("pageshow", function () { leaving = false; });
})();
// A notice after a save (web/notice.rs, templates/notice.html) is moved
// next to what the person acted on, the URL's #anchor: after it when it is a
// heading, inside at the top otherwise, so the browser's jump to the anchor
// shows it. Focus moves to it, so screen readers announce it.
(function () {
  var notice = document.querySelector("[data-notice]");
  if (!notice) { return; }
  var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target && /^H[1-6]$/.test(target.tagName)) {
    target.insertAdjacentElement("afterend", notice);
  } else if (target) {
    target.insertAdjacentElement("afterbegin", notice);
  }
  var show = function () { if (document.activeElement !== notice) { notice.focus({ preventScroll: !!target }); } };
  show();
  // Chromium clears focus when it jumps to a fragment that cannot take
  // focus, after this script has run: focus again once that is done.
  window.addEventListener("load", function () { setTimeout(show, 0); });
})();
// Asking before what cannot be undone (web/ask.rs): a link or button marked
// data-ask opens the native <dialog> it names instead of the question's own
// page (a button: instead of sending its form, which without this script
// saves and then asks on a page of its own); "cancel" in the dialog closes
// it. Escape closes it too (the browser's own).
document.querySelectorAll("a[data-ask], button[data-ask]").forEach(function (link) {
  var dialog = document.getElementById(link.getAttribute("data-ask"));
  if (!dialog || typeof dialog.showModal !== "function") { return; }
  link.addEventListener("click", function (event) {
    event.preventDefault();
    dialog.showModal();
  });
  dialog.querySelectorAll("[data-ask-cancel]").forEach(function (cancel) {
    cancel.addEventListener("click", function (event) { event.preventDefault(); dialog.close(); });
  });
  dialog.addEventListener("close", function () { link.focus(); });
});
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
// Tool 2's agenda timer (tools/collab/agenda.rs): the server keeps the
// item and the time, so a reload, a second screen and a phone show the same
// clock. The page shows it as it was when served; this counts the seconds
// down, sends start/pause/next without leaving the page (so words typed
// elsewhere on it stay), and asks every 15 seconds what other screens
// pressed. Without this file the buttons are a plain form.
(function () {
  var box = document.querySelector("[data-timer]");
  if (!box) { return; }
  var said = document.querySelector("[data-timer-said]");
  var ticking = null;
  var pad = function (n) { return String(n).padStart(2, "0"); };
  var run = function () {
    clearInterval(ticking);
    var left = parseInt(box.getAttribute("data-left"), 10);
    var end = Date.now() + left * 1000;
    var clock = box.querySelector("[data-timer-clock]");
    var over = box.querySelector("[data-timer-over]");
    var paint = function () {
      var s = Math.max(Math.round((end - Date.now()) / 1000), 0);
      clock.textContent = pad(Math.floor(s / 60)) + ":" + pad(s % 60);
      over.hidden = s > 0;
    };
    if (box.hasAttribute("data-running")) { paint(); ticking = setInterval(paint, 1000); }
    var item = box.getAttribute("data-item");
    document.querySelectorAll("[data-step]").forEach(function (step, i) {
      var current = String(i) === item;
      step.classList.toggle("lt-agenda-current", current);
      if (current) { step.setAttribute("aria-current", "step"); } else { step.removeAttribute("aria-current"); }
    });
  };
  // The clock the server sent replaces the one on the page; `pressed` is
  // the button pressed here, whose place keeps the focus.
  var swap = function (html, pressed) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("[data-timer]");
    if (!fresh) { return; }
    var before = box.getAttribute("data-item") + (box.hasAttribute("data-running") ? "r" : "s");
    var after = fresh.getAttribute("data-item") + (fresh.hasAttribute("data-running") ? "r" : "s");
    // Asked, not pressed: nothing changed elsewhere, so the page's own count stands.
    if (!pressed && before === after && (after.slice(-1) === "r" || box.getAttribute("data-left") === fresh.getAttribute("data-left"))) { return; }
    if (!pressed && box.contains(document.activeElement)) {
      pressed = document.activeElement.hasAttribute("data-timer-next") ? "next" : "toggle";
    }
    box.replaceWith(fresh);
    box = fresh;
    wire();
    run();
    if (before !== after && said) {
      said.textContent = box.querySelector("[data-timer-step]").textContent + " " + box.querySelector("[data-timer-state]").textContent;
    }
    if (pressed) {
      var again = box.querySelector(pressed === "next" ? "[data-timer-next]" : "[data-timer-toggle]") || box.querySelector("[data-timer-toggle]");
      if (again) { again.focus(); }
    }
  };
  var ask = function (init) {
    init.headers = { "HX-Request": "true" };
    init.credentials = "same-origin";
    return fetch(box.getAttribute("data-poll"), init).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.text();
    });
  };
  var wire = function () {
    var form = box.querySelector("form");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = event.submitter;
      var body = new URLSearchParams(new FormData(form));
      if (button && button.name) { body.append(button.name, button.value); }
      ask({ method: "POST", body: body })
        .then(function (html) { swap(html, button && button.value); })
        .catch(function () { box.querySelector("[data-timer-failed]").hidden = false; });
    });
  };
  wire();
  run();
  setInterval(function () {
    if (document.visibilityState !== "visible") { return; }
    ask({ method: "GET" }).then(function (html) { swap(html, null); }).catch(function () {});
  }, 15000);
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
