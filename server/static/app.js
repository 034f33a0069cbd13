// Progressive enhancement only; every page works without this file.
// Send the CSRF token with htmx requests.
document.addEventListener("htmx:configRequest", function (event) {
  var field = document.querySelector('input[name="csrf"]');
  if (field) { event.detail.headers["X-CSRF-Token"] = field.value; }
});
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
